"""JSON Lines: one JSON object per line, `id` and `text` required, blank lines skipped."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

from coder.model import Note, ReadError
from coder.readers.lines import bounded_lines, is_blank
from coder.readers.records import (
    format_size,
    invalid_utf8,
    json_type,
    note_from_record,
    record_cap,
)

# json's messages, in the words a user of casecoder would use.
_JSON_PROBLEMS = {
    "Expecting value": "expected a value",
    "Expecting ',' delimiter": "expected ','",
    "Expecting ':' delimiter": "expected ':'",
    "Expecting property name enclosed in double quotes": "expected a key in double quotes",
    "Unterminated string starting at": "a string is not closed",
    "Invalid control character at": "a tab or line break inside a string must be escaped",
    "Extra data": "unexpected text after the object",
    "Invalid \\escape": "invalid backslash escape",
    "Invalid \\uXXXX escape": "invalid \\u escape",
    "Illegal trailing comma before end of object": "trailing comma",
    "Illegal trailing comma before end of array": "trailing comma",
}


class _NotJson(ValueError):
    pass


def _reject_constant(name: str) -> Any:
    raise _NotJson(f"{name} is not allowed")


def _parse(text: str) -> Any:
    """The JSON value of one line; raises _NotJson with a one-line message."""
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as err:
        problem = _JSON_PROBLEMS.get(err.msg, err.msg[:1].lower() + err.msg[1:])
        raise _NotJson(f"invalid JSON at column {err.colno}: {problem}") from None
    except RecursionError:
        raise _NotJson("invalid JSON: nested too deeply") from None
    except _NotJson as err:
        raise _NotJson(f"invalid JSON: {err}") from None
    except ValueError:  # e.g. an integer with more digits than Python will convert
        raise _NotJson("invalid JSON: a number is too long") from None


def read_jsonl(
    stream: IO[bytes] | IO[str], origin: str, max_note_bytes: int, *, empty: str = "empty file"
) -> Iterator[Note | ReadError]:
    cap = record_cap(max_note_bytes)
    seen_a_record = False
    for line in bounded_lines(stream, cap):
        if line.data is None:
            seen_a_record = True
            message = f"line is {format_size(line.size)}, too long for a note (the limit is "
            yield ReadError(origin, line.number, message + f"{format_size(max_note_bytes)})")
            continue
        if is_blank(line.data):
            continue
        seen_a_record = True
        try:
            text = line.data.removesuffix(b"\n").removesuffix(b"\r").decode("utf-8")
        except UnicodeDecodeError as err:
            yield ReadError(origin, line.number, invalid_utf8(err, line.data))
            continue
        try:
            record = _parse(text)
        except _NotJson as err:
            yield ReadError(origin, line.number, str(err))
            continue
        if not isinstance(record, dict):
            yield ReadError(origin, line.number, f"expected a JSON object, got {json_type(record)}")
            continue
        yield note_from_record(record, origin, line.number, max_note_bytes)
    if not seen_a_record:
        yield ReadError(origin, None, empty)
