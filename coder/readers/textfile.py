"""A .txt file is one note (id = file stem); a folder is its .txt files in name order."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import IO

from coder.model import Note, ReadError
from coder.readers.records import SAVE_AS_UTF8, UTF8_BOM, too_large

_CHUNK = 1 << 20


def read_txt(stream: IO[bytes], origin: str, note_id: str, max_note_bytes: int) -> Iterator[Note | ReadError]:
    data = stream.read(len(UTF8_BOM) + max_note_bytes + 1)
    if data.startswith(UTF8_BOM):
        data = data[len(UTF8_BOM) :]
    if len(data) > max_note_bytes:
        size = len(data) + sum(len(chunk) for chunk in iter(lambda: stream.read(_CHUNK), b""))
        yield ReadError(origin, None, too_large(size, max_note_bytes), note_id)
        return
    if b"\0" in data:
        yield ReadError(origin, None, "not a text file (it contains NUL bytes)", note_id)
        return
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        message = f"invalid UTF-8 (byte 0x{data[err.start]:02x}); {SAVE_AS_UTF8}"
        yield ReadError(origin, line, message, note_id)
        return
    if not text.strip():
        yield ReadError(origin, None, "empty file", note_id)
        return
    yield Note(id=note_id, text=text, origin=origin)


def txt_files_in(folder: str) -> list[str]:
    """Paths of the folder's .txt files (any case), sorted by name; hidden files and subfolders left out."""
    with os.scandir(folder) as entries:
        names = [
            entry.name
            for entry in entries
            if entry.name.lower().endswith(".txt") and not entry.name.startswith(".") and entry.is_file()
        ]
    return [os.path.join(folder, name) for name in sorted(names)]
