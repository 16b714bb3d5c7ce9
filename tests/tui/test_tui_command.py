"""`casecoder tui` on the command line: help, one-line errors, and a real run in a pseudo-terminal."""

from __future__ import annotations

from pathlib import Path

import pytest
from terminal import Terminal, user_args

from coder.cli import main


def run(capsys, *args: str) -> tuple[int, str]:
    code = main(["tui", *args])
    return code, capsys.readouterr().err


def test_help_names_every_option(capsys):
    with pytest.raises(SystemExit) as done:
        main(["tui", "--help"])
    assert done.value.code == 0
    text = capsys.readouterr().out
    for option in ("INPUT", "--db", "--user", "--registration", "--role", "professional", "registratie"):
        assert option in text


def test_standard_input_is_refused_in_one_line(capsys):
    code, err = run(capsys, "-")
    assert code == 1
    assert err.count("\n") == 1 and err.startswith("casecoder tui: standard input")


def test_bad_registration_is_one_line(capsys, tmp_path):
    code, err = run(capsys, "notes.jsonl", "--user", "A", "--registration", "12345")
    assert code == 1
    assert err.count("\n") == 1 and "skj:12345678" in err


def test_without_a_terminal_it_says_so(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    code, err = run(capsys, "notes.jsonl", "--user", "A", "--registration", "skj:1")
    assert code == 1
    assert "interactive terminal" in err and err.count("\n") == 1


def test_a_store_that_cannot_be_opened_ends_with_one_line(tmp_path):
    (tmp_path / "notes.txt").write_text("Gesprek met moeder.", encoding="utf-8")
    not_a_store = tmp_path / "folder.db"
    not_a_store.mkdir()
    with Terminal(user_args([str(tmp_path / "notes.txt")], not_a_store)) as term:
        code = term.finish()
    assert code == 1
    assert b"casecoder tui: " in term.output and b"is a directory" in term.output
    assert b"Traceback" not in term.output


def coded_note(folder: Path) -> Path:
    """A note the engine codes (a core case), so the tests do not depend on which samples exist."""
    path = folder / "kevin.txt"
    path.write_text("Kevin vertelt dat zijn vader hem regelmatig slaat met een riem.\n", encoding="utf-8")
    return path


def test_accept_and_quit_in_a_real_terminal_stores_that_code(tmp_path):
    from coder.store import open_store

    db = tmp_path / "t.db"
    with Terminal(user_args([str(coded_note(tmp_path))], db)) as term:
        term.wait(b"regel ")  # the first suggestion is shown with its why panel
        term.wait(b"vastgelegd", since=term.send(b"a"))
        term.send(b"q")
        assert term.finish() == 0
    with open_store(db, create=False) as store:
        [decision] = store.decisions(status="accepted")
    assert decision.accepted_by.name == "Test" and decision.accepted_by.registration == "skj:12345678"
    assert (decision.note_id, decision.code, decision.certainty) == ("kevin", "Z16.01", "vermoeden")


def test_kill_9_right_after_accepting_loses_nothing_shown_as_accepted(tmp_path):
    import os
    import signal

    from coder.store import open_store

    db = tmp_path / "t.db"
    with Terminal(user_args([str(coded_note(tmp_path))], db)) as term:
        term.wait(b"regel ")
        term.wait(b"vastgelegd", since=term.send(b"f"))  # shown as accepted: the write has returned
        os.killpg(term._process.pid, signal.SIGKILL)
        assert term.finish() == -signal.SIGKILL
    with open_store(db, create=False) as store:
        [decision] = store.decisions(status="accepted")
    assert (decision.code, decision.certainty) == ("Z16.01", "feit")
