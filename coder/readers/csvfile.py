"""CSV with a header row naming `id` and `text` (any case); other columns are kept as fields (strings).

The delimiter is the first of `,` `;` tab that gives a header with both columns (Dutch Excel writes `;`).
Quoted cells may span lines; a record's line is the line it starts on. Empty cells after the last column
are allowed; columns without a name are ignored. Invalid UTF-8 fails the record that holds it.
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
    is_valid_unicode,
    note_from_record,
    note_id_of,
    quoted,
    record_cap,
)

_DELIMITERS = (",", ";", "\t")
_REQUIRED = ("id", "text")
_FIELD_LIMIT = 2**31 - 1


class _RecordTooLong(Exception):
    """The record being read passed the cap: it is not kept, and where it ends can no longer be told."""

    def __init__(self, cap: int) -> None:
        super().__init__(cap)
        self.cap = cap


class _RecordLines:
    """Decoded lines for csv.reader, counting the bytes of the record being read (reset `record_bytes`)."""

    def __init__(self, stream: IO[bytes], cap: int) -> None:
        self._lines = bounded_lines(stream, cap)
        self._cap = cap
        self.record_bytes = 0
        self.number = 0

    def __iter__(self) -> _RecordLines:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.number = line.number
        self.record_bytes += line.size
        if line.data is None or self.record_bytes > self._cap:
            raise _RecordTooLong(self._cap)
        # Undecodable bytes become lone surrogates, so the record holding them is reported, not the file.
        return line.data.decode("utf-8", "surrogateescape")


def _cells(line: str, delimiter: str = ",") -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:  # e.g. a stray carriage return
        return []


def _parse_header(line: str) -> tuple[str, list[str]] | None:
    """The delimiter and column names (stripped; `id`/`text` lower-cased), or None without id and text."""
    for delimiter in _DELIMITERS:
        names = [cell.strip() for cell in _cells(line, delimiter)]
        names = [name.lower() if name.lower() in _REQUIRED else name for name in names]
        if all(required in names for required in _REQUIRED):
            return delimiter, names
    return None


def _lift_field_limit() -> None:
    # csv's own limit (global to the module) would stop at 128 kB; _RecordLines bounds memory instead.
    csv.field_size_limit(max(csv.field_size_limit(), _FIELD_LIMIT))


def read_csv(stream: IO[bytes], origin: str, max_note_bytes: int) -> Iterator[Note | ReadError]:
    cap = record_cap(max_note_bytes)
    _lift_field_limit()
    lines = _RecordLines(stream, cap)
    try:
        header = next((text for text in lines if text.strip(" \t\r\n")), None)
    except _RecordTooLong as err:
        yield ReadError(origin, lines.number, f"the header is longer than {format_size(err.cap)}")
        return
    if header is None:
        yield ReadError(origin, None, "empty file")
        return
    first = lines.number
    if not is_valid_unicode(header):
        yield ReadError(origin, first, f"invalid UTF-8 in the header; {SAVE_AS_UTF8}")
        return
    parsed = _parse_header(header)
    if parsed is None:
        cells = _cells(header)
        found = ", ".join(quoted(cell.strip(), 20) for cell in cells[:6]) + (", …" if len(cells) > 6 else "")
        yield ReadError(origin, first, f"the header needs 'id' and 'text' columns; it has {found or 'none'}")
        return
    delimiter, names = parsed
    duplicates = sorted({name for name in names if name and names.count(name) > 1})
    if duplicates:
        yield ReadError(origin, first, f"column {quoted(duplicates[0])} appears twice in the header")
        return
    reader = csv.reader(itertools.chain([header], lines), delimiter=delimiter)
    next(reader)
    yield from _records(reader, lines, names, first - 1, origin, max_note_bytes)


def _records(
    reader: Iterator[list[str]],
    lines: _RecordLines,
    names: list[str],
    offset: int,
    origin: str,
    max_note_bytes: int,
) -> Iterator[Note | ReadError]:
    seen_a_record = False
    while True:
        start = offset + reader.line_num + 1  # type: ignore[attr-defined]
        lines.record_bytes = 0
        try:
            row = next(reader)
        except StopIteration:
            break
        except _RecordTooLong as err:
            message = f"record is longer than {format_size(err.cap)}; stopped reading this file"
            yield ReadError(origin, start, message)
            return
        except csv.Error as err:
            seen_a_record = True
            problem = "a line break outside quotes" if "new-line" in str(err) else "unreadable quoting"
            yield ReadError(origin, start, f"malformed CSV record: {problem}")
            continue
        if not any(cell.strip() for cell in row):
            continue  # blank line, or an empty row such as ";;;" from a spreadsheet
        seen_a_record = True
        if len(row) > len(names) and not any(cell.strip() for cell in row[len(names) :]):
            row = row[: len(names)]  # trailing empty cells, as from "1;tekst;"
        if len(row) != len(names):  # the cells are shifted, so not even the id can be trusted
            fields = "field" if len(row) == 1 else "fields"
            yield ReadError(origin, start, f"record has {len(row)} {fields}; the header has {len(names)}")
            continue
        record = {name: cell for name, cell in zip(names, row, strict=True) if name}  # unnamed: ignored
        if bad := next((name for name, cell in record.items() if not is_valid_unicode(cell)), None):
            message = f"invalid UTF-8 in column {quoted(bad)}; {SAVE_AS_UTF8}"
            yield ReadError(origin, start, message, note_id_of(record))
        else:
            yield note_from_record(record, origin, start, max_note_bytes)
    if not seen_a_record:
        yield ReadError(origin, None, "no records after the header")
