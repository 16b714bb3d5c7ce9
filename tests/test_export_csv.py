"""CSV export of accepted codes: pseudonyms only, no ids, names or text; `casecoder export` end to end."""

from __future__ import annotations

import csv
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from coder.decision import Reviewer, build_decision
from coder.export import ExportRequest, format_names, get_format
from coder.export.csv_export import COLUMNS, write
from coder.model import Note, Qualifiers, Span, Suggestion
from coder.pseudonym import load_or_create_key, pseudonym
from coder.store import open_store

TEST_SYSTEM = "https://example.org/casecoder-test"  # placeholder codes, never shipped
AUTHOR = Reviewer("Anna de Vries", "professional", "skj:12345678")
REGISTRAR = Reviewer("Bram Jansen", "registratie")
KEY = bytes(range(32))
TEXT = "Vader slaat Jayden met een riem, vertelt de buurvrouw. Er is een veiligheidsplan opgesteld."
NOTE = Note("dossier-NOTE-901", TEXT, {"client": "BSN-CLIENT-777", "author": "Anna de Vries"})
SECRET_STRINGS = ["dossier-NOTE-901", "NOTE-901", "BSN-CLIENT-777", "CLIENT-777", "Anna", "Bram", "12345678"]
NOTE_WORDS = ["Vader", "slaat", "Jayden", "riem", "buurvrouw", "opgesteld"]


def _suggestion(word: str, code: str, certainty: str = "vermoeden", value: str | None = None) -> Suggestion:
    start = TEXT.index(word)
    return Suggestion(
        system=TEST_SYSTEM,
        code=code,
        display=f"label {code}",
        qualifiers=Qualifiers(certainty=certainty, source="third_party"),
        evidence=(Span(start, start + len(word), word),),
        triggers=(),
        rule="test-rule",
        why="Een testregel.",
        value=value,
    )


def _decisions() -> list:
    kept = build_decision(NOTE, _suggestion("slaat", "code-a"), AUTHOR, "e", certainty="feit")
    plan = build_decision(NOTE, _suggestion("veiligheidsplan", "code-vp", "feit", value="ja"), REGISTRAR, "e")
    undone = build_decision(NOTE, _suggestion("riem", "code-undone"), AUTHOR, "e").entered_in_error(
        AUTHOR, "t"
    )
    return [kept, plan, undone]


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _assert_nothing_identifying(content: str) -> None:
    for secret in SECRET_STRINGS + NOTE_WORDS:
        assert secret not in content, secret


def test_one_row_per_accepted_code_with_pseudonyms(tmp_path: Path) -> None:
    out = tmp_path / "export.csv"
    request = ExportRequest(
        _decisions(), out, KEY, exported_by="onderzoeker", exported_at="2025-01-01T00:00Z"
    )
    assert write(request) == 2
    rows = _read_csv(out)
    assert tuple(rows[0]) == COLUMNS
    assert [(r["code"], r["certainty"], r["value"], r["role"]) for r in rows] == [
        ("code-a", "feit", "", "professional"),
        ("code-vp", "feit", "ja", "registratie"),
    ]
    assert {r["client_pseudonym"] for r in rows} == {pseudonym(KEY, "client", "BSN-CLIENT-777")}
    assert {r["note_pseudonym"] for r in rows} == {pseudonym(KEY, "note", "dossier-NOTE-901")}
    first = rows[0]
    assert (first["system"], first["display"], first["polarity"], first["temporality"]) == (
        TEST_SYSTEM,
        "label code-a",
        "present",
        "current",
    )
    assert first["accepted_at"].endswith("+00:00")
    _assert_nothing_identifying(out.read_text(encoding="utf-8"))


def test_export_file_is_owner_only_and_complete(tmp_path: Path) -> None:
    out = tmp_path / "export.csv"
    write(ExportRequest(_decisions(), out, KEY, "onderzoeker", "t"))
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["export.csv"]


def test_note_without_client_has_an_empty_client_pseudonym(tmp_path: Path) -> None:
    note = Note("n-1", TEXT)
    decision = build_decision(note, _suggestion("slaat", "code-a"), AUTHOR, "e")
    out = tmp_path / "export.csv"
    write(ExportRequest([decision], out, KEY, "onderzoeker", "t"))
    assert _read_csv(out)[0]["client_pseudonym"] == ""


def test_empty_store_gives_a_header_only(tmp_path: Path) -> None:
    out = tmp_path / "export.csv"
    assert write(ExportRequest([], out, KEY, "onderzoeker", "t")) == 0
    assert out.read_text().strip() == ",".join(COLUMNS)


def test_format_registry() -> None:
    assert "csv" in format_names()
    assert get_format("csv").writer() is write
    with pytest.raises(ValueError, match="unknown export format"):
        get_format("xlsx")


# -- the command, end to end --------------------------------------------------------------------------------


def _casecoder(*args: object, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).with_name("casecoder")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "coder.cli"]
    return subprocess.run(
        [*command, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture
def filled_store(tmp_path: Path) -> Path:
    path = tmp_path / "casecoder.db"
    with open_store(path) as store:
        for decision in _decisions():
            if decision.status == "accepted":
                store.accept(decision)
            else:
                kept = store.accept(build_decision(NOTE, _suggestion("riem", "code-undone"), AUTHOR, "e"))
                store.mark_entered_in_error(kept.id, AUTHOR)
    return path


def test_casecoder_export_writes_csv_and_audits_it(tmp_path: Path, filled_store: Path) -> None:
    out, key = tmp_path / "out.csv", tmp_path / "keys" / "pseudonym.key"
    key.parent.mkdir()
    result = _casecoder(
        "export", "--db", filled_store, "--format", "csv", "--out", out, "--pseudonym-key-file", key,
        env={"CASECODER_USER": "Olga Onderzoeker"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "2 accepted codes written" in result.stderr
    rows = _read_csv(out)
    assert [r["code"] for r in rows] == ["code-a", "code-vp"]  # the undone code is left out
    key_bytes = load_or_create_key(key)
    assert rows[0]["client_pseudonym"] == pseudonym(key_bytes, "client", "BSN-CLIENT-777")
    content = out.read_text(encoding="utf-8")
    _assert_nothing_identifying(content)
    assert key_bytes.hex() not in content
    if os.name == "posix":
        assert stat.S_IMODE(key.stat().st_mode) == 0o600
    with open_store(filled_store) as store:
        exported = store.audit_events("exported")
    assert len(exported) == 1
    assert exported[0].actor_name == "Olga Onderzoeker"
    assert dict(exported[0].detail) == {"format": "csv", "count": 2, "purpose": "HRESCH"}


def test_same_key_gives_the_same_pseudonyms_across_exports(tmp_path: Path, filled_store: Path) -> None:
    key = tmp_path / "pseudonym.key"
    for name in ("one.csv", "two.csv"):
        assert (
            _casecoder(
                "export", "--db", filled_store, "--out", tmp_path / name, "--pseudonym-key-file", key
            ).returncode
            == 0
        )
    assert (tmp_path / "one.csv").read_text() == (tmp_path / "two.csv").read_text()


def test_missing_store_is_one_line_and_exit_1(tmp_path: Path) -> None:
    key = tmp_path / "pseudonym.key"
    result = _casecoder(
        "export", "--db", tmp_path / "absent.db", "--out", tmp_path / "o.csv", "--pseudonym-key-file", key
    )
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert "absent.db: no such store" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "absent.db").exists() and not key.exists() and not (tmp_path / "o.csv").exists()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_key_readable_by_others_is_one_line_and_exit_1(tmp_path: Path, filled_store: Path) -> None:
    key = tmp_path / "pseudonym.key"
    load_or_create_key(key)
    key.chmod(0o644)
    result = _casecoder(
        "export", "--db", filled_store, "--out", tmp_path / "o.csv", "--pseudonym-key-file", key
    )
    assert result.returncode == 1
    assert "chmod 600" in result.stderr and result.stderr.strip().count("\n") == 0
    assert not (tmp_path / "o.csv").exists()


def test_export_may_not_overwrite_its_key(tmp_path: Path, filled_store: Path) -> None:
    key = tmp_path / "pseudonym.key"
    result = _casecoder("export", "--db", filled_store, "--out", key, "--pseudonym-key-file", key)
    assert result.returncode == 1 and "must not overwrite" in result.stderr
