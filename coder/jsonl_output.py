"""The output file of a batch (`casecoder suggest --out FILE`): JSON Lines appended one whole line at a time,
and read back to resume an interrupted run without redoing what it finished.

Each line is handed to the operating system as soon as it is made (one `write` on an O_APPEND file), so a
`kill -9` loses only notes still being analysed. Syncing every line to disk would halve throughput (~0.9 ms
each here, about what analysing a note costs on two cores), so the file is synced at most once per
`sync_interval` and when closed; after a power cut the torn tail that leaves is repaired on resume.

Every line is an object with a "note_id" and either "suggestions" or "error". The key of an error line is
its note_id too (the record's id, or "origin:line" when it had none). Note results and errors are kept apart,
because a duplicate-id error has the same key as the note it duplicates.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

FILE_MODE = 0o600  # the lines quote note text as evidence


class ResumeError(Exception):
    """The file cannot be resumed (not something this program wrote); one line, naming the file and line."""


@dataclass(frozen=True)
class Finished:
    """What an earlier run wrote to the file."""

    notes: frozenset[str]  # ids of notes with a result line
    errors: frozenset[str]  # keys of error lines
    dropped_line: int | None = None  # the torn last line that was cut off (its note is redone), if any


def read_finished(path: str | os.PathLike[str]) -> Finished:
    """Keys of the lines already in `path` (none when it does not exist), after cutting off a torn last line.

    A last line that is cut short (no newline) or does not parse is removed from the file: it is what a kill
    or a power cut leaves. A bad line anywhere else means the file is not ours to append to: ResumeError.
    """
    notes: set[str] = set()
    errors: set[str] = set()
    bad: tuple[int, int] | None = None  # (line number, offset) of the one bad line allowed: the last one
    try:
        stream = open(path, "rb")  # binary: a torn UTF-8 tail must not raise
    except FileNotFoundError:
        return Finished(frozenset(), frozenset())
    with stream:
        offset = 0
        for number, raw in enumerate(stream, start=1):
            if bad is not None:
                raise ResumeError(f"{path}:{bad[0]}: not a line of casecoder suggest output; cannot resume")
            parsed = _parse(raw)
            if parsed is None:
                bad = (number, offset)
            else:
                key, is_error = parsed
                (errors if is_error else notes).add(key)
            offset += len(raw)
    if bad is not None:
        os.truncate(path, bad[1])
    return Finished(frozenset(notes), frozenset(errors), None if bad is None else bad[0])


def _parse(raw: bytes) -> tuple[str, bool] | None:
    if not raw.endswith(b"\n"):
        return None
    try:
        record = json.loads(raw)
    except ValueError:  # also UnicodeDecodeError
        return None
    if not isinstance(record, dict) or not isinstance(record.get("note_id"), str):
        return None
    if "suggestions" in record:
        return record["note_id"], False
    if "error" in record:
        return record["note_id"], True
    return None


class AppendedLines:
    """An output file that takes whole lines, appended and handed to the OS at once, synced now and then."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        sync_interval: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.path = Path(path)
        self._fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)
        self._sync_interval = sync_interval
        self._clock = clock
        self._next_sync = clock() + sync_interval

    def write(self, line: str) -> None:
        if not line.endswith("\n"):
            raise ValueError("write whole lines, ending in a newline")
        data = memoryview(line.encode("utf-8"))
        while data:  # a regular file takes it all at once; the loop is for the rare short write
            data = data[os.write(self._fd, data) :]
        if self._clock() >= self._next_sync:
            os.fdatasync(self._fd)
            self._next_sync = self._clock() + self._sync_interval

    def close(self) -> None:
        if self._fd < 0:
            return
        try:
            os.fsync(self._fd)
        finally:
            os.close(self._fd)
            self._fd = -1

    def __enter__(self) -> AppendedLines:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
