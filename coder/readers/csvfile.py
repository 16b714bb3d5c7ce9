"""CSV with a header row naming `id` and `text` (any case); other columns are kept as fields (strings).

The delimiter is the first of `,` `;` tab that gives a header with both columns (Dutch Excel writes `;`).
Quoted cells may span lines; a record's line is the line it starts on.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterator
from typing import IO

from coder.model import Note, ReadError
from coder.readers.lines import bounded_lines
from coder.readers.records import (
    SAVE_AS_UTF8,
    format_size,
    note_from_record,
    note_id_of,
    quoted,
    record_cap,
)

_DELIMITERS = (",", ";", "\t")
_REQUIRED = ("id", "text")


class _LineTooLong(Exception):
    def __init__(self, number: int, size: int) -> None:
        super().__init__(number, size)
        self.number, self.size = number, size


def _decoded_lines(stream: IO[bytes], cap: int) -> Iterator[tuple[int, str]]:
    # Undecodable bytes become lone surrogates, so the record holding them is reported, not the whole file.
    for line in bounded_lines(stream, cap):
        if line.data is None:
            raise _LineTooLong(line.number, line.size)
        yield line.number, line.data.decode("utf-8", "surrogateescape")


def _parse_header(line: str) -> tuple[str, list[str]] | None:
    """The delimiter and column names (stripped; `id`/`text` lower-cased), or None without id and text."""
    for delimiter in _DELIMITERS:
        cells = next(csv.reader([line], delimiter=delimiter), [])
        names = [cell.strip() for cell in cells]
        names = [name.lower() if name.lower() in _REQUIRED else name for name in names]
        if all(required in names for required in _REQUIRED):
            return delimiter, names
    return None


def _allow_cells_up_to(size: int) -> None:
    # The limit is global to the csv module; only ever raise it. Beyond it the file's structure is lost.
    if csv.field_size_limit() < size:
        csv.field_size_limit(size)


def _has_lone_surrogate(value: str) -> bool:
    return any("\udc80" <= char <= "\udcff" for char in value)


def read_csv(stream: IO[bytes], origin: str, max_note_bytes: int) -> Iterator[Note | ReadError]:
    cap = record_cap(max_note_bytes)
    _allow_cells_up_to(cap)
    lines = _decoded_lines(stream, cap)
    try:
        first, header = next(((n, text) for n, text in lines if text.strip(" \t\r\n")), (None, ""))
        if first is None:
            yield ReadError(origin, None, "empty file")
            return
        if _has_lone_surrogate(header):
            yield ReadError(origin, first, f"invalid UTF-8 in the header; {SAVE_AS_UTF8}")
            return
        parsed = _parse_header(header)
        if parsed is None:
            found = ", ".join(quoted(cell.strip(), 20) for cell in next(csv.reader([header])))
            yield ReadError(origin, first, f"the header needs 'id' and 'text' columns; it has {found}")
            return
        delimiter, names = parsed
        duplicates = sorted({name for name in names if names.count(name) > 1})
        if duplicates:
            yield ReadError(origin, first, f"column {quoted(duplicates[0])} appears twice in the header")
            return
        reader = csv.reader(itertools.chain([header], (text for _, text in lines)), delimiter=delimiter)
        next(reader)
        yield from _records(reader, names, first - 1, origin, max_note_bytes)
    except _LineTooLong as err:
        message = f"line is {format_size(err.size)}, too long for a note; stopped reading this file"
        yield ReadError(origin, err.number, message)


def _records(
    reader: Iterator[list[str]], names: list[str], offset: int, origin: str, max_note_bytes: int
) -> Iterator[Note | ReadError]:
    seen_a_record = False
    while True:
        start = offset + reader.line_num + 1  # type: ignore[attr-defined]
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            if "field larger than field limit" in str(err):
                limit = format_size(csv.field_size_limit())
                yield ReadError(origin, start, f"a cell is over {limit}; stopped reading this file")
                return
            seen_a_record = True
            problem = "a line break outside quotes" if "new-line" in str(err) else "unreadable quoting"
            yield ReadError(origin, start, f"malformed CSV record: {problem}")
            continue
        if not any(cell.strip() for cell in row):
            continue  # blank line, or an empty row such as ";;;" from a spreadsheet
        seen_a_record = True
        record = dict(zip(names, row, strict=False))
        if len(row) != len(names):  # the cells are shifted, so not even the id can be trusted
            fields = "field" if len(row) == 1 else "fields"
            yield ReadError(origin, start, f"record has {len(row)} {fields}; the header has {len(names)}")
        elif bad := next((name for name, cell in record.items() if _has_lone_surrogate(cell)), None):
            message = f"invalid UTF-8 in column {quoted(bad)}; {SAVE_AS_UTF8}"
            yield ReadError(origin, start, message, note_id_of(record))
        else:
            yield note_from_record(record, origin, start, max_note_bytes)
    if not seen_a_record:
        yield ReadError(origin, None, "no records after the header")
