"""Reading case notes in: .txt files, folders of them, .jsonl, .csv, and JSON Lines on standard input (`-`).

`read_notes(inputs)` yields a `Note` or a `ReadError` per record, lazily and in input order. Decisions:

- Text is kept exactly as read: no newline normalisation (CRLF stays CRLF), no stripping, no Unicode
  normalisation, because character offsets into `Note.text` are the contract downstream. The one change:
  a UTF-8 byte order mark at the very start of a file or of standard input is dropped.
- Input must be UTF-8, also on standard input (read as bytes, whatever the terminal's encoding). Invalid bytes
  are an error for that line (jsonl), record (csv) or file (txt), never replaced.
- `max_note_bytes` limits a note's text in UTF-8 bytes (a .txt file: its size). A larger note is an error.
- Streaming: files are read a line (jsonl) or record (csv) at a time. Memory is bounded by one record (lines
  past `records.record_cap`, 7 MB for a 1 MB limit, are measured and skipped, not kept) plus the ids seen so
  far, kept to report duplicates: a later note with an id seen before is an error; the first one is kept.
- Every problem is a `ReadError` of one plain line, and reading goes on with the next record or input. Only
  when a CSV record passes the cap (its end can no longer be told) does reading stop, for that file alone.
- A folder gives its `*.txt` files (any case) sorted by name, not recursively; hidden files are skipped.
- A file whose first 8 KB hold a NUL byte (or that starts with a UTF-16 mark) is not read: one error for the
  file. An empty or blank file is one "empty file" error.
- A JSON Lines `id` may be a string or a whole number (kept as its decimal string); other keys go to fields.
- Notes from standard input have origin `<stdin>`; all others the path as given (folder joined with name).
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, BinaryIO, TextIO

from coder.model import Note, ReadError
from coder.readers.csvfile import read_csv
from coder.readers.jsonlines import read_jsonl
from coder.readers.records import SAVE_AS_UTF8, quoted
from coder.readers.textfile import read_txt, txt_files_in

__all__ = ["STDIN_ORIGIN", "SUFFIXES", "read_notes"]

STDIN_ORIGIN = "<stdin>"
SUFFIXES = (".txt", ".jsonl", ".csv")
_SNIFF_BYTES = 8192
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def read_notes(
    inputs: Sequence[str], stdin: TextIO | BinaryIO | None = None, *, max_note_bytes: int = 1_000_000
) -> Iterator[Note | ReadError]:
    """Notes from paths (files or folders) and `-` (JSON Lines on `stdin`, default sys.stdin), in order."""
    if isinstance(inputs, str | bytes):
        raise TypeError("inputs must be a sequence of paths, not one path")
    if max_note_bytes < 1:
        raise ValueError("max_note_bytes must be at least 1")
    first_seen: dict[str, str] = {}
    for item in _read_all(inputs, stdin, max_note_bytes):
        if isinstance(item, Note):
            if item.id in first_seen:
                message = f"duplicate id {quoted(item.id)}; the first is at {first_seen[item.id]}"
                yield ReadError(item.origin, item.line, message, item.id)
                continue
            first_seen[item.id] = item.origin if item.line is None else f"{item.origin}:{item.line}"
        yield item


def _read_all(
    inputs: Sequence[str], stdin: TextIO | BinaryIO | None, max_note_bytes: int
) -> Iterator[Note | ReadError]:
    stdin_read = False
    for given in inputs:
        if given != "-":
            yield from _read_path(given, max_note_bytes)
        elif stdin_read:
            yield ReadError(STDIN_ORIGIN, None, "standard input can be read only once")
        else:
            stdin_read = True
            yield from _read_stdin(sys.stdin if stdin is None else stdin, max_note_bytes)


def _read_stdin(stdin: IO[str] | IO[bytes] | None, max_note_bytes: int) -> Iterator[Note | ReadError]:
    if stdin is None:  # sys.stdin is None when Python runs without a console
        yield ReadError(STDIN_ORIGIN, None, "no standard input")
        return
    stream = getattr(stdin, "buffer", stdin)  # bytes, so the terminal's encoding does not matter
    try:
        yield from read_jsonl(stream, STDIN_ORIGIN, max_note_bytes, empty="empty input")
    except OSError as err:
        yield ReadError(STDIN_ORIGIN, None, _os_problem(err))


def _read_path(given: str, max_note_bytes: int) -> Iterator[Note | ReadError]:
    try:
        mode = os.stat(given).st_mode
    except (OSError, ValueError) as err:  # ValueError: a NUL in the path
        yield ReadError(given, None, _os_problem(err))
        return
    if stat.S_ISDIR(mode):
        yield from _read_folder(given, max_note_bytes)
        return
    suffix = os.path.splitext(given)[1].lower()
    if suffix not in SUFFIXES:
        kind = f"file type {quoted(suffix)}" if suffix else "file without extension"
        yield ReadError(given, None, f"unsupported {kind}; give .txt, .jsonl or .csv files, a folder, or -")
        return
    yield from _read_file(given, suffix, max_note_bytes)


def _read_folder(folder: str, max_note_bytes: int) -> Iterator[Note | ReadError]:
    try:
        paths = txt_files_in(folder)
    except OSError as err:
        yield ReadError(folder, None, _os_problem(err))
        return
    if not paths:
        yield ReadError(folder, None, "no .txt files in this folder")
    for path in paths:
        yield from _read_file(path, ".txt", max_note_bytes)


def _read_file(path: str, suffix: str, max_note_bytes: int) -> Iterator[Note | ReadError]:
    note_id = Path(path).stem if suffix == ".txt" else None
    try:
        with open(path, "rb") as stream:
            head = stream.peek(_SNIFF_BYTES)[:_SNIFF_BYTES]
            if head.startswith(_UTF16_BOMS):
                yield ReadError(path, None, f"the file is UTF-16; {SAVE_AS_UTF8}", note_id)
            elif b"\0" in head:
                yield ReadError(path, None, "not a text file (it contains NUL bytes)", note_id)
            elif note_id is not None:
                yield from read_txt(stream, path, note_id, max_note_bytes)
            elif suffix == ".jsonl":
                yield from read_jsonl(stream, path, max_note_bytes)
            else:
                yield from read_csv(stream, path, max_note_bytes)
    except OSError as err:
        yield ReadError(path, None, _os_problem(err), note_id)


def _os_problem(err: OSError | ValueError) -> str:
    if isinstance(err, FileNotFoundError | NotADirectoryError):
        return "no such file or folder"
    if isinstance(err, PermissionError):
        return "permission denied"
    if isinstance(err, OSError) and err.strerror:
        return f"cannot read it: {err.strerror[:1].lower()}{err.strerror[1:]}"
    return "not a usable path"
