"""Reading notes: every format, every kind of bad input, streaming."""

from __future__ import annotations

import io
import json
import os
import tracemalloc
import types
from pathlib import Path

import pytest

import coder.readers as readers
from coder.model import Note, ReadError
from coder.readers import STDIN_ORIGIN, read_notes

MB = 1_000_000


def write(folder: Path, name: str, content: str | bytes) -> str:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return str(path)


def jsonl(*records: object) -> str:
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)


def read(*inputs: str, **options) -> list[Note | ReadError]:
    items = list(read_notes(list(inputs), **options))
    for item in items:
        if isinstance(item, ReadError):
            assert_plain(item)
    return items


def assert_plain(error: ReadError) -> None:
    """One line, starting lower-case, with no Python exception text in it."""
    message = error.message
    assert message and "\n" not in message and "\r" not in message, message
    assert message[0].islower() or not message[0].isalpha(), message
    for python_ism in ("Expecting", "(char ", "Traceback", "Error:", "errno", "codec"):
        assert python_ism not in message, message


def only(items: list[Note | ReadError]) -> Note | ReadError:
    assert len(items) == 1, items
    return items[0]


def error_of(items: list[Note | ReadError]) -> ReadError:
    item = only(items)
    assert isinstance(item, ReadError), item
    return item


def notes(items: list[Note | ReadError]) -> list[Note]:
    return [item for item in items if isinstance(item, Note)]


def errors(items: list[Note | ReadError]) -> list[ReadError]:
    return [item for item in items if isinstance(item, ReadError)]


# --- .txt files and folders -------------------------------------------------------------------------------


def test_txt_is_one_note_with_the_text_exactly_as_written(tmp_path):
    text = "Eerste regel.\r\nTweede  regel met é en \u2028 scheiding.\n\n"
    path = write(tmp_path, "2024-03-01 gesprek.txt", text)
    assert only(read(path)) == Note(id="2024-03-01 gesprek", text=text, origin=path, line=None)


def test_a_utf8_bom_at_the_start_is_dropped_and_nothing_else(tmp_path):
    path = write(tmp_path, "n.txt", b"\xef\xbb\xbf Tekst \xef\xbb\xbf.")
    assert only(read(path)).text == " Tekst \ufeff."


def test_folder_gives_its_txt_files_sorted_by_name_not_recursive(tmp_path):
    write(tmp_path, "b.txt", "B")
    write(tmp_path, "a.TXT", "A")
    write(tmp_path, "c.jsonl", jsonl({"id": "x", "text": "not read"}))
    write(tmp_path, "notes.csv", "id,text\n1,not read\n")
    write(tmp_path, ".hidden.txt", "hidden")
    write(tmp_path, "sub/d.txt", "deeper")
    (tmp_path / "dir.txt").mkdir()
    items = read(str(tmp_path))
    assert [(n.id, n.text, n.origin) for n in items] == [
        ("a", "A", os.path.join(str(tmp_path), "a.TXT")),
        ("b", "B", os.path.join(str(tmp_path), "b.txt")),
    ]


def test_folder_without_txt_files_is_one_error(tmp_path):
    write(tmp_path, "notes.jsonl", jsonl({"id": "1", "text": "x"}))
    assert error_of(read(str(tmp_path))) == ReadError(str(tmp_path), None, "no .txt files in this folder")


def test_bad_txt_files_in_a_folder_do_not_stop_the_rest(tmp_path):
    write(tmp_path, "a.txt", "eerste")
    write(tmp_path, "b.txt", b"")
    write(tmp_path, "c.txt", b"\x89PNG\r\n\x1a\n\0\0\0")
    write(tmp_path, "d.txt", "laatste")
    items = read(str(tmp_path))
    assert [type(item).__name__ for item in items] == ["Note", "ReadError", "ReadError", "Note"]
    assert [item.message for item in errors(items)] == [
        "empty file",
        "not a text file (it contains NUL bytes)",
    ]
    assert [item.note_id for item in errors(items)] == ["b", "c"]


def test_invalid_utf8_in_a_txt_file_names_its_line(tmp_path):
    path = write(tmp_path, "cp1252.txt", "Regel een\nRegel twee\nCli\xebnt".encode("cp1252"))
    error = error_of(read(path))
    assert (error.line, error.note_id) == (3, "cp1252")
    assert error.message == "invalid UTF-8 (byte 0xeb); save the file as UTF-8"


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b"  \r\n\t\n"])
def test_empty_txt_file(tmp_path, content):
    path = write(tmp_path, "leeg.txt", content)
    assert error_of(read(path)) == ReadError(path, None, "empty file", "leeg")


# --- .jsonl -------------------------------------------------------------------------------------------------


def test_jsonl_one_note_per_line_with_other_fields_kept(tmp_path):
    content = jsonl(
        {"id": "N1", "text": "Gesprek met moeder.", "client": "C7", "date": "2024-03-01", "author": "AB"},
        {"id": 42, "text": "Tab\tCR\r\nU+2028:\u2028 einde", "tags": ["a", 1], "extra": None},
    )
    path = write(tmp_path, "notes.jsonl", "\n" + content.replace("\n", "\n   \n", 1))
    first, second = read(path)
    assert first == Note(
        "N1", "Gesprek met moeder.", {"client": "C7", "date": "2024-03-01", "author": "AB"}, path, 2
    )
    assert (first.client, first.date) == ("C7", "2024-03-01")
    assert second == Note("42", "Tab\tCR\r\nU+2028:\u2028 einde", {"tags": ["a", 1], "extra": None}, path, 4)


def test_jsonl_with_crlf_line_ends_and_a_bom(tmp_path):
    content = "\ufeff" + jsonl({"id": "a", "text": "x"}, {"id": "b", "text": "y"}).replace("\n", "\r\n")
    items = read(write(tmp_path, "win.jsonl", content))
    assert [(n.id, n.text, n.line) for n in items] == [("a", "x", 1), ("b", "y", 2)]


BAD_LINES = [
    ('{"id": "a", "text": "x",}', "invalid JSON at column 25: expected a key in double quotes", None),
    ('{"id": "a" "text": "x"}', "invalid JSON at column 12: expected ','", None),
    ('{"id": "a", "text": "unterminated}', "invalid JSON at column 21: a string is not closed", None),
    ('{"id": "a", "text": "x"} extra', "invalid JSON at column 26: unexpected text after the object", None),
    ("not json at all", "invalid JSON at column 1: expected a value", None),
    ('{"id": 1, "text": NaN}', "invalid JSON: NaN is not allowed", None),
    ("[" * 100_000, "invalid JSON: nested too deeply", None),
    ('{"id": 1, "n": ' + "9" * 5000 + "}", "invalid JSON: a number is too long", None),
    ('["id", "text"]', "expected a JSON object, got an array", None),
    ('"just a string"', "expected a JSON object, got a string", None),
    ('{"text": "x"}', "missing id", None),
    ('{"id": "a"}', "missing text", "a"),
    ('{"id": "", "text": "x"}', "empty id", None),
    ('{"id": "  ", "text": "x"}', "empty id", None),
    ('{"id": null, "text": "x"}', "id must be a string or a whole number, not null", None),
    ('{"id": 1.5, "text": "x"}', "id must be a string or a whole number, not a number", None),
    ('{"id": true, "text": "x"}', "id must be a string or a whole number, not true or false", None),
    ('{"id": "\\ud800", "text": "x"}', "id is not valid Unicode (it holds a lone surrogate escape)", None),
    ('{"id": "a", "text": 5}', "text must be a string, not a number", "a"),
    ('{"id": "a", "text": ["x"]}', "text must be a string, not an array", "a"),
    ('{"id": "a", "text": null}', "text must be a string, not null", "a"),
    ('{"id": "a", "text": "x\\udc80"}', "text is not valid Unicode (it holds a lone surrogate escape)", "a"),
]


@pytest.mark.parametrize(("line", "message", "note_id"), BAD_LINES)
def test_each_bad_jsonl_line_is_one_error_and_reading_goes_on(tmp_path, line, message, note_id):
    content = jsonl({"id": "before", "text": "ok"}) + line + "\n" + jsonl({"id": "after", "text": "ok"})
    path = write(tmp_path, "notes.jsonl", content)
    before, error, after = read(path)
    assert error == ReadError(path, 2, message, note_id)
    assert (before.id, before.line, after.id, after.line) == ("before", 1, "after", 3)


def test_invalid_json_lines_among_good_ones_keep_every_good_note_in_order(tmp_path):
    lines = [json.dumps({"id": i, "text": f"note {i}"}) if i % 3 else "{broken" for i in range(1, 31)]
    path = write(tmp_path, "mixed.jsonl", "\n".join(lines))  # no line break after the last line
    items = read(path)
    assert len(items) == 30
    assert [n.id for n in notes(items)] == [str(i) for i in range(1, 31) if i % 3]
    assert [e.line for e in errors(items)] == [i for i in range(1, 31) if not i % 3]


def test_invalid_utf8_in_jsonl_is_an_error_for_that_line_only(tmp_path):
    good = jsonl({"id": "a", "text": "Cliënt"})
    bad = '{"id": "b", "text": "Cli\xebnt"}\n'.encode("cp1252")
    path = write(tmp_path, "mixed.jsonl", good.encode() + bad + good.replace('"a"', '"c"').encode())
    first, error, last = read(path)
    assert error == ReadError(path, 2, "invalid UTF-8 at byte 25 (0xeb); save the file as UTF-8")
    assert (first.text, last.id) == ("Cliënt", "c")


@pytest.mark.parametrize("content", [b"", b"\n\n  \r\n", b"\xef\xbb\xbf"])
def test_empty_jsonl_is_one_error(tmp_path, content):
    path = write(tmp_path, "leeg.jsonl", content)
    assert error_of(read(path)) == ReadError(path, None, "empty file")


# --- .csv ---------------------------------------------------------------------------------------------------


def test_csv_with_extra_columns_and_multiline_quoted_cells(tmp_path):
    content = (
        'id,client,text,date\r\n'
        '1,C1,"Regel een\r\nregel twee, met ""aanhalingstekens""",2024-01-02\r\n'
        '2,C2,Kort,2024-01-03\r\n'
        '3,C3,"Drie\n\nregels",\r\n'
    )
    path = write(tmp_path, "notes.csv", content)
    first, second, third = read(path)
    assert first == Note(
        id="1",
        text='Regel een\r\nregel twee, met "aanhalingstekens"',
        fields={"client": "C1", "date": "2024-01-02"},
        origin=path,
        line=2,
    )
    assert (second.id, second.text, second.line) == ("2", "Kort", 4)
    assert (third.text, third.line, third.fields) == ("Drie\n\nregels", 5, {"client": "C3", "date": ""})


def test_csv_from_dutch_excel_semicolons_bom_and_capitalised_header(tmp_path):
    content = "\ufeffID ; Text;Datum\n7;Moeder belt, zorgen;1-3-2024\n"
    assert only(read(write(tmp_path, "excel.csv", content))).fields == {"Datum": "1-3-2024"}
    assert only(read(write(tmp_path, "tabs.csv", "id\ttext\n7\tMoeder belt, zorgen\n"))).id == "7"


def test_csv_trailing_empty_cells_and_unnamed_columns_are_tolerated(tmp_path):
    path = write(tmp_path, "loose.csv", "id;text;;\n1;een;;\n2;twee;x;\n3;drie;;;;\n")
    assert [(n.id, n.text, n.fields) for n in read(path)] == [
        ("1", "een", {}),
        ("2", "twee", {}),
        ("3", "drie", {}),
    ]


def test_bad_csv_records_are_errors_and_reading_goes_on(tmp_path):
    content = (
        "id,text,client\n"
        "1,goed,C1\n"
        ",geen id,C2\n"
        "2,te weinig\n"
        "3,te,veel,cellen\n"
        "\n"
        ",,\n"
        '4,"dubbel",C3\n'
        "1,dubbele id,C1\n"
        "5,een\rtwee,C5\n"
        "6,laatste,C6\n"
    )
    path = write(tmp_path, "notes.csv", content)
    items = read(path)
    assert [n.id for n in notes(items)] == ["1", "4", "6"]
    assert [(e.line, e.message, e.note_id) for e in errors(items)] == [
        (3, "empty id", None),
        (4, "record has 2 fields; the header has 3", None),
        (5, "record has 4 fields; the header has 3", None),
        (9, 'duplicate id "1"; the first is at ' + path + ":2", "1"),
        (10, "malformed CSV record: a line break outside quotes", None),
    ]


def test_invalid_utf8_in_a_csv_record(tmp_path):
    path = write(tmp_path, "cp.csv", b"id,text\n1,Cli\xc3\xabnt\n2,Cli\xebnt\n3,ok\n")  # 2 is cp1252
    items = read(path)
    assert [n.id for n in notes(items)] == ["1", "3"]
    message = 'invalid UTF-8 in column "text"; save the file as UTF-8'
    assert errors(items) == [ReadError(path, 3, message, "2")]


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        ("nummer,tekst\n1,x\n", 1, 'the header needs \'id\' and \'text\' columns; it has "nummer", "tekst"'),
        ("id,notitie\n1,x\n", 1, 'the header needs \'id\' and \'text\' columns; it has "id", "notitie"'),
        ("id,text,Text\n1,x,y\n", 1, 'column "text" appears twice in the header'),
        ("id,text\n", None, "no records after the header"),
        ("id,text\n\n,,\n", None, "no records after the header"),
        ("", None, "empty file"),
        ("\n \n", None, "empty file"),
        (b"id,t\xebxt\n1,x\n", 1, "invalid UTF-8 in the header; save the file as UTF-8"),
    ],
)
def test_csv_that_cannot_be_read_as_notes_is_one_error(tmp_path, content, line, message):
    path = write(tmp_path, "notes.csv", content)
    assert error_of(read(path)) == ReadError(path, line, message)


# --- standard input -----------------------------------------------------------------------------------------


def test_dash_reads_jsonl_from_stdin_text_or_bytes():
    content = "\ufeff" + jsonl({"id": "s1", "text": "één"}, {"id": 2, "text": "x", "client": "C"})
    raw = content.encode()
    for stdin in (io.StringIO(content), io.BytesIO(raw), io.TextIOWrapper(io.BytesIO(raw))):
        first, second = read("-", stdin=stdin)
        assert first == Note("s1", "één", {}, STDIN_ORIGIN, 1)
        assert second == Note("2", "x", {"client": "C"}, STDIN_ORIGIN, 2)


def test_stdin_is_read_as_utf8_bytes_whatever_its_text_encoding():
    raw = jsonl({"id": "1", "text": "één"}).encode()
    stdin = io.TextIOWrapper(io.BytesIO(raw), encoding="cp1252")
    assert only(read("-", stdin=stdin)).text == "één"


def test_stdin_errors_empty_and_read_twice():
    assert error_of(read("-", stdin=io.StringIO(""))) == ReadError(STDIN_ORIGIN, None, "empty input")
    items = read("-", "-", stdin=io.StringIO(jsonl({"id": "1", "text": "x"}) + "oops\n"))
    assert [str(item) if isinstance(item, ReadError) else item.id for item in items] == [
        "1",
        "<stdin>:2: invalid JSON at column 1: expected a value",
        "<stdin>: standard input can be read only once",
    ]


def test_stdin_defaults_to_sys_stdin(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(jsonl({"id": "1", "text": "x"}).encode())))
    assert only(read("-")).id == "1"


# --- whole inputs: paths, types, ids across files ----------------------------------------------------------


def test_missing_paths_and_unsupported_types_are_errors_and_the_rest_is_read(tmp_path):
    good = write(tmp_path, "ok.txt", "tekst")
    json_file = write(tmp_path, "notes.json", "[]")
    no_suffix = write(tmp_path, "README", "x")
    missing = str(tmp_path / "weg.jsonl")
    items = read(missing, json_file, good, no_suffix, "", str(tmp_path / "ok.txt" / "x.txt"))
    assert [str(item) if isinstance(item, ReadError) else item.id for item in items] == [
        f"{missing}: no such file or folder",
        f'{json_file}: unsupported file type ".json"; give .txt, .jsonl or .csv files, a folder, or -',
        "ok",
        f"{no_suffix}: unsupported file without extension; give .txt, .jsonl or .csv files, a folder, or -",
        ": no such file or folder",
        f"{tmp_path / 'ok.txt' / 'x.txt'}: no such file or folder",
    ]


def test_duplicate_ids_across_the_whole_input_keep_the_first(tmp_path):
    first = write(tmp_path, "a.jsonl", jsonl({"id": 7, "text": "eerste"}, {"id": "7", "text": "tweede"}))
    csv_file = write(tmp_path, "b.csv", "id,text\n7,derde\n8,vierde\n")
    txt = write(tmp_path, "8.txt", "vijfde")
    items = read(first, csv_file, txt)
    assert [n.text for n in notes(items)] == ["eerste", "vierde"]
    assert [str(e) for e in errors(items)] == [
        f'{first}:2: duplicate id "7"; the first is at {first}:1',
        f'{csv_file}:2: duplicate id "7"; the first is at {first}:1',
        f'{txt}: duplicate id "8"; the first is at {csv_file}:3',
    ]
    assert [e.note_id for e in errors(items)] == ["7", "7", "8"]


def test_an_invalid_record_does_not_claim_its_id(tmp_path):
    path = write(tmp_path, "a.jsonl", jsonl({"id": "1", "text": 5}, {"id": "1", "text": "goed"}))
    assert [type(item) for item in read(path)] == [ReadError, Note]


@pytest.mark.parametrize("suffix", [".txt", ".jsonl", ".csv"])
def test_binary_and_utf16_files_are_one_error(tmp_path, suffix):
    binary = write(tmp_path, "image" + suffix, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)) * 10)
    utf16 = write(tmp_path, "utf16" + suffix, jsonl({"id": "1", "text": "x"}).encode("utf-16"))
    whole_file_note = suffix == ".txt"
    assert error_of(read(binary)) == ReadError(
        binary, None, "not a text file (it contains NUL bytes)", "image" if whole_file_note else None
    )
    assert error_of(read(utf16)) == ReadError(
        utf16, None, "the file is UTF-16; save the file as UTF-8", "utf16" if whole_file_note else None
    )


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs file permissions that apply")
def test_unreadable_file_and_folder(tmp_path):
    path = write(tmp_path, "secret/n.txt", "x")
    os.chmod(path, 0)
    try:
        assert error_of(read(path)) == ReadError(path, None, "permission denied", "n")
        os.chmod(tmp_path / "secret", 0)
        assert error_of(read(str(tmp_path / "secret"))).message == "permission denied"
    finally:
        os.chmod(tmp_path / "secret", 0o755)
        os.chmod(path, 0o644)


def test_permission_errors_are_reported_not_raised(tmp_path, monkeypatch):
    """The same as above through the module's own `open`, so it also runs as root."""
    path = write(tmp_path, "n.jsonl", jsonl({"id": "1", "text": "x"}))
    other = write(tmp_path, "m.txt", "y")

    def refuse(file, *args, **kwargs):
        raise PermissionError(13, "Permission denied", file)

    monkeypatch.setattr(readers, "open", refuse, raising=False)
    assert [str(item) for item in read(path, other)] == [
        f"{path}: permission denied",
        f"{other}: permission denied",
    ]
    monkeypatch.setattr(readers.textfile.os, "scandir", refuse)
    assert str(only(read(str(tmp_path)))) == f"{tmp_path}: permission denied"


def test_a_read_failure_midway_is_one_error_after_what_was_read(tmp_path, monkeypatch):
    path = write(tmp_path, "n.jsonl", jsonl({"id": "1", "text": "x"}, {"id": "2", "text": "y"}))

    class FailsAfterOneLine(io.BufferedReader):
        lines = 0

        def readline(self, size=-1):
            self.lines += 1
            if self.lines > 1:
                raise OSError(5, "Input/output error")
            return super().readline(size)

    def open_failing(file, mode):
        return FailsAfterOneLine(io.FileIO(file, mode))

    monkeypatch.setattr(readers, "open", open_failing, raising=False)
    assert [str(item) if isinstance(item, ReadError) else item.id for item in read(path)] == [
        "1",
        f"{path}: cannot read it: input/output error",
    ]


# --- sizes --------------------------------------------------------------------------------------------------

FIVE_MB = "Moeder vertelt. " * (5 * MB // 16)


@pytest.mark.parametrize("suffix", [".txt", ".jsonl", ".csv"])
def test_a_5_mb_note_is_an_error_and_the_next_one_is_read(tmp_path, suffix):
    big = {
        ".txt": FIVE_MB,
        ".jsonl": jsonl({"id": "big", "text": FIVE_MB}, {"id": "next", "text": "klein"}),
        ".csv": f'id,text\nbig,"{FIVE_MB}"\nnext,klein\n',
    }[suffix]
    path = write(tmp_path, "big" + suffix, big)
    items = read(path)
    line = {".txt": None, ".jsonl": 1, ".csv": 2}[suffix]
    assert errors(items) == [ReadError(path, line, "note is 5.0 MB; the limit is 1.0 MB", "big")]
    assert [n.text for n in notes(items)] == ([] if suffix == ".txt" else ["klein"])


def test_the_limit_can_be_set_and_sizes_read_well(tmp_path):
    path = write(tmp_path, "n.jsonl", jsonl({"id": 1, "text": "x" * 1001}, {"id": 2, "text": "é" * 500}))
    first, second = read(path, max_note_bytes=1000)
    assert str(first) == f"{path}:1: note is 1,001 bytes; the limit is 1,000 bytes"
    assert second.text == "é" * 500  # 1,000 bytes of UTF-8: at the limit is allowed
    assert str(read(path, max_note_bytes=999)[1]) == f"{path}:2: note is 1.0 kB; the limit is 999 bytes"
    with pytest.raises(ValueError):
        next(read_notes([path], max_note_bytes=0))
    with pytest.raises(TypeError):  # a common slip: one path instead of a list of them
        next(read_notes(path))


def test_a_line_too_long_to_hold_is_skipped_and_measured(tmp_path):
    long_line = json.dumps({"id": "huge", "text": "x" * 1_200_000})
    path = write(tmp_path, "n.jsonl", long_line + "\n" + jsonl({"id": "next", "text": "ok"}))
    items = read(path, max_note_bytes=10)  # holds lines up to 1,000,060 bytes
    assert [str(item) for item in items[:1]] == [
        f"{path}:1: line is 1.2 MB, too long for a note (the limit is 10 bytes)"
    ]
    assert notes(items) == [Note("next", "ok", {}, path, 2)]


def test_a_csv_cell_too_long_to_hold_stops_that_file_only(tmp_path):
    path = write(tmp_path, "n.csv", 'id,text\n1,ok\n2,"' + "regel\n" * 200_000 + '"\n3,never\n')
    after = write(tmp_path, "after.txt", "gelezen")
    items = read(path, after, max_note_bytes=10)
    assert [str(item) if isinstance(item, ReadError) else item.id for item in items] == [
        "1",
        f"{path}:3: record is longer than 1.0 MB; stopped reading this file",
        "after",
    ]


# --- streaming ----------------------------------------------------------------------------------------------


class GeneratedJsonl(io.RawIOBase):
    """A jsonl stream made up as it is read, so nothing but the reader holds it in memory."""

    def __init__(self, lines: int, text: str) -> None:
        self.lines, self.made, self.pending = lines, 0, b""
        self.tail = json.dumps({"text": text})[1:].encode() + b"\n"

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if not self.pending and self.made < self.lines:
            self.pending = b'{"id": %d, ' % self.made + self.tail
            self.made += 1
        size = min(len(buffer), len(self.pending))
        buffer[:size], self.pending = self.pending[:size], self.pending[size:]
        return size


def test_100k_line_jsonl_is_read_lazily_and_completely(tmp_path):
    stream = GeneratedJsonl(100_000, "Gesprek met moeder over school.")
    items = read_notes(["-"], stdin=io.BufferedReader(stream))
    assert isinstance(items, types.GeneratorType)
    assert stream.made == 0
    assert next(items).id == "0"
    assert stream.made < 1000  # one buffer's worth, not the whole input
    path = write(tmp_path, "big.jsonl", b"".join(b'{"id": %d, "text": "n"}\n' % i for i in range(100_000)))
    assert sum(isinstance(item, Note) for item in read_notes([path])) == 100_000


def test_memory_stays_bounded_by_one_record():
    stream = io.BufferedReader(GeneratedJsonl(2000, "x" * 50_000))  # 100 MB of notes
    tracemalloc.start()
    try:
        count = sum(1 for _ in read_notes(["-"], stdin=stream))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert count == 2000
    assert peak < 3 * MB
