"""Property tests: whatever bytes come in, reading never raises and accounts for every line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coder.model import Note, ReadError
from coder.readers import read_notes

PROPERTY_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)
note_ids = st.integers() | st.text(min_size=1, max_size=30).filter(str.strip)
texts = st.text(max_size=300)
field_names = st.text(max_size=10).filter(lambda key: key not in ("id", "text"))
extra_fields = st.dictionaries(field_names, json_values, max_size=4)


@st.composite
def json_lines(draw) -> bytes:
    """Lines that are mostly almost-right: records, broken records, other JSON, text, bytes, blank lines."""
    record = st.fixed_dictionaries({"id": note_ids | json_values, "text": texts | json_values}, optional={})
    line = st.one_of(
        record.map(json.dumps),
        record.map(lambda r: json.dumps(r, ensure_ascii=False)),
        record.map(json.dumps).map(lambda s: s[: len(s) // 2]),
        json_values.map(json.dumps),
        st.text(max_size=40),
        st.sampled_from(["", " ", "\t", "\r", "{}", "[", "null", '{"id": 1}', '{"text": "x"}']),
        st.binary(max_size=40).map(lambda b: b.decode("utf-8", "surrogateescape")),
    )
    lines = draw(st.lists(line, max_size=25))
    ending = draw(st.sampled_from(["\n", "\r\n"]))
    data = ending.join(lines).encode("utf-8", "surrogateescape")
    return data + (ending.encode() if draw(st.booleans()) else b"")


def without_nul(data: bytes) -> bytes:
    return data.replace(b"\0", b"\n")  # so that the file is read line by line, not rejected as binary


any_bytes = st.binary(max_size=2000) | st.binary(max_size=2000).map(without_nul)


def expected_lines(data: bytes) -> list[int] | None:
    """Numbers of the lines that must each give one item, or None when the file is rejected as a whole."""
    if b"\0" in data[:8192] or data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    data = data.removeprefix(b"\xef\xbb\xbf")
    lines = data.split(b"\n")
    if lines[-1] == b"":
        lines.pop()
    numbers = [number for number, line in enumerate(lines, start=1) if line.strip(b" \t\r\n")]
    return numbers or None


def assert_plain(item: Note | ReadError) -> None:
    if isinstance(item, ReadError):
        assert item.message and "\n" not in item.message and "\r" not in item.message
        assert not item.message[0].isupper()
        assert "Expecting" not in item.message and "(char " not in item.message


def read_file(folder: Path, name: str, data: bytes) -> list[Note | ReadError]:
    path = folder / name
    path.write_bytes(data)
    items = list(read_notes([str(path)]))
    for item in items:
        assert_plain(item)
        assert item.origin == str(path)
    return items


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("properties")


def summary(item: Note | ReadError) -> str:
    return repr(Note(item.id, item.text, item.fields, "", item.line)) if isinstance(item, Note) else str(item)


def check_every_line_is_accounted_for(data: bytes, items: list[Note | ReadError]) -> None:
    numbers = expected_lines(data)
    if numbers is None:
        assert len(items) == 1 and isinstance(items[0], ReadError) and items[0].line is None
    else:
        assert [item.line for item in items] == numbers


@PROPERTY_SETTINGS
@given(data=any_bytes)
def test_arbitrary_bytes_as_jsonl_never_raise_and_every_line_gives_one_item(folder, data):
    check_every_line_is_accounted_for(data, read_file(folder, "any.jsonl", data))


@PROPERTY_SETTINGS
@given(data=json_lines())
def test_almost_right_jsonl_gives_one_item_per_non_blank_line(folder, data):
    check_every_line_is_accounted_for(data, read_file(folder, "almost.jsonl", data))


@PROPERTY_SETTINGS
@given(data=json_lines())
def test_stdin_behaves_as_a_file(folder, data):
    from_file = read_file(folder, "same.jsonl", data)
    from_stdin = list(read_notes(["-"], stdin=io.BytesIO(data)))
    if expected_lines(data) is None:  # stdin is not sniffed for binary data, nor is "empty" a file there
        return
    as_if_from_stdin = [summary(item).replace(str(folder / "same.jsonl"), "<stdin>") for item in from_file]
    assert [summary(item) for item in from_stdin] == as_if_from_stdin


@PROPERTY_SETTINGS
@given(data=any_bytes, suffix=st.sampled_from([".txt", ".csv"]))
def test_arbitrary_bytes_as_txt_or_csv_never_raise(folder, data, suffix):
    items = read_file(folder, "any" + suffix, data)
    assert items
    lines = data.count(b"\n") + 1
    assert all(item.line is None or 1 <= item.line <= lines for item in items)
    if suffix == ".txt":
        assert len(items) == 1


@PROPERTY_SETTINGS
@given(
    records=st.lists(st.tuples(note_ids, texts, extra_fields), max_size=10, unique_by=lambda r: str(r[0])),
    ascii_only=st.booleans(),
)
def test_valid_jsonl_records_round_trip(folder, records, ascii_only):
    lines = [
        json.dumps({**fields, "id": note_id, "text": text}, ensure_ascii=ascii_only)
        for note_id, text, fields in records
    ]
    items = read_file(folder, "valid.jsonl", "".join(line + "\n" for line in lines).encode())
    if not records:
        assert [item.message for item in items] == ["empty file"]
        return
    assert all(isinstance(item, Note) for item in items), items
    assert [(n.id, n.text, dict(n.fields), n.line) for n in items] == [
        (str(note_id), text, fields, number)
        for number, (note_id, text, fields) in enumerate(records, start=1)
    ]


csv_texts = st.text(max_size=300).filter(lambda text: "\0" not in text)


@PROPERTY_SETTINGS
@given(
    records=st.lists(
        st.tuples(note_ids.map(str).filter(lambda i: "\0" not in i), csv_texts, csv_texts),
        min_size=1,
        max_size=10,
        unique_by=lambda r: r[0],
    ),
    delimiter=st.sampled_from([",", ";", "\t"]),
)
def test_valid_csv_records_round_trip(folder, records, delimiter):
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(["id", "text", "client"])
    writer.writerows(records)
    items = read_file(folder, "valid.csv", out.getvalue().encode())
    assert all(isinstance(item, Note) for item in items), items
    assert [(n.id, n.text, n.client) for n in items] == records
