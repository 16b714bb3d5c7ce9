"""Physical lines of a stream as bytes, one at a time, never holding more than `cap` bytes of one line."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from coder.readers.records import UTF8_BOM

_DRAIN_CHUNK = 1 << 20


@dataclass(frozen=True)
class Line:
    number: int  # 1-based
    data: bytes | None  # None when the line was longer than the cap (it was skipped, not kept)
    size: int  # bytes, including the line break


def _as_bytes(chunk: str | bytes) -> bytes:
    # A text stream (e.g. StringIO) is already decoded; surrogatepass lets bad input surface as invalid UTF-8.
    return chunk.encode("utf-8", "surrogatepass") if isinstance(chunk, str) else chunk


def bounded_lines(stream: IO[bytes] | IO[str], cap: int) -> Iterator[Line]:
    """Lines split on LF only (a CR stays in the line), line breaks kept, a UTF-8 BOM dropped from line 1."""
    number = 0
    while chunk := stream.readline(cap + 1):
        data = _as_bytes(chunk)
        number += 1
        if number == 1 and data.startswith(UTF8_BOM):
            data = data[len(UTF8_BOM) :]
        if len(data) <= cap or data.endswith(b"\n"):
            yield Line(number, data, len(data))
            continue
        size = len(data)
        while rest := stream.readline(_DRAIN_CHUNK):
            rest = _as_bytes(rest)
            size += len(rest)
            if rest.endswith(b"\n"):
                break
        yield Line(number, None, size)


def is_blank(data: bytes) -> bool:
    """Only JSON whitespace (space, tab, CR, LF)."""
    return not data.strip(b" \t\r\n")
