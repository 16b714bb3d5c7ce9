"""One parsed record (a JSON object or a CSV row) checked and turned into a Note, plus message helpers."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from coder.model import Note, ReadError

UTF8_BOM = b"\xef\xbb\xbf"
SAVE_AS_UTF8 = "save the file as UTF-8"

_JSON_TYPES = (
    (bool, "true or false"),
    (int, "a number"),
    (float, "a number"),
    (str, "a string"),
    (list, "an array"),
    (dict, "an object"),
    (type(None), "null"),
)


def record_cap(max_note_bytes: int) -> int:
    """Longest line or cell read into memory. A note at the limit still fits after JSON escaping (at most
    6 bytes per byte, for `\\u0001`) with room for other fields; anything longer is measured, not kept."""
    return 6 * max_note_bytes + 1_000_000


def format_size(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    if size >= 1_000:
        return f"{size / 1_000:.1f} kB"
    return f"{size} byte" if size == 1 else f"{size} bytes"


def too_large(size: int, limit: int) -> str:
    shown, limit_shown = format_size(size), format_size(limit)
    if shown == limit_shown:  # 1,000,001 bytes against 1,000,000 would both read "1.0 MB"
        shown, limit_shown = f"{size:,} bytes", f"{limit:,} bytes"
    return f"note is {shown}; the limit is {limit_shown}"


def quoted(value: str, width: int = 40) -> str:
    """A user's value inside a one-line message: quoted, escaped, shortened."""
    if len(value) > width:
        value = value[: width - 1] + "…"
    return json.dumps(value, ensure_ascii=False).encode("utf-8", "backslashreplace").decode("utf-8")


def json_type(value: Any) -> str:
    return next((name for kind, name in _JSON_TYPES if isinstance(value, kind)), type(value).__name__)


def is_valid_unicode(value: str) -> bool:
    """False for lone surrogates (a JSON `\\ud800` escape, or undecodable bytes): they cannot be written."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def invalid_utf8(err: UnicodeDecodeError, data: bytes) -> str:
    return f"invalid UTF-8 at byte {err.start + 1} (0x{data[err.start]:02x}); {SAVE_AS_UTF8}"


def note_id_of(record: Mapping[str, Any]) -> str | None:
    """The record's id as Note.id, or None if it has no usable one."""
    value = record.get("id")
    if isinstance(value, bool) or not isinstance(value, int | str):
        return None
    note_id = str(value)
    return note_id if note_id.strip() and is_valid_unicode(note_id) else None


def note_from_record(
    record: Mapping[str, Any], origin: str, line: int | None, max_note_bytes: int
) -> Note | ReadError:
    """`id` (string or whole number) and `text` (string) are required; every other key is kept in fields."""

    def error(message: str, note_id: str | None = None) -> ReadError:
        return ReadError(origin, line, message, note_id)

    if "id" not in record:
        return error("missing id")
    note_id = note_id_of(record)
    if note_id is None:
        raw = record["id"]
        if isinstance(raw, str) and not raw.strip():
            return error("empty id")
        if isinstance(raw, str):
            return error("id is not valid Unicode (it holds a lone surrogate escape)")
        return error(f"id must be a string or a whole number, not {json_type(raw)}")
    if "text" not in record:
        return error("missing text", note_id)
    text = record["text"]
    if not isinstance(text, str):
        return error(f"text must be a string, not {json_type(text)}", note_id)
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError:
        return error("text is not valid Unicode (it holds a lone surrogate escape)", note_id)
    if size > max_note_bytes:
        return error(too_large(size, max_note_bytes), note_id)
    fields = {key: value for key, value in record.items() if key not in ("id", "text")}
    return Note(id=note_id, text=text, fields=fields, origin=origin, line=line)
