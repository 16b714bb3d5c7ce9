"""`casecoder review` on the command line: help, one-line errors, and a real run in a pseudo-terminal."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest
from terminal import Terminal

from coder.cli import main


class ReviewTerminal(Terminal):
    """The coding screen's pseudo-terminal runner, starting `casecoder review` instead of `casecoder tui`."""

    def __enter__(self) -> ReviewTerminal:
        self._leader, follower = pty.openpty()
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", self.size[1], self.size[0], 0, 0))
        self.started = time.perf_counter()
        self._deadline = self.started + self.timeout
        self._process = subprocess.Popen(
            [sys.executable, "-m", "coder.cli", "review", *self.args],
            stdin=follower,
            stdout=follower,
            stderr=follower,
            env={**os.environ, "TERM": "xterm-256color"},
            start_new_session=True,
        )
        os.close(follower)
        return self


def run(capsys, *args: str) -> tuple[int, str]:
    code = main(["review", *args])
    return code, capsys.readouterr().err


def test_help_names_every_option(capsys):
    with pytest.raises(SystemExit) as done:
        main(["review", "--help"])
    assert done.value.code == 0
    text = capsys.readouterr().out
    for option in (
        "INPUT",
        "--db",
        "--user",
        "--registration",
        "--role",
        "registratie",
        "--claim-minutes",
        "--min-cell",
    ):
        assert option in text


def test_review_is_listed_among_the_commands(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "review" in capsys.readouterr().out


def test_standard_input_is_refused_in_one_line(capsys):
    code, err = run(capsys, "-")
    assert code == 1
    assert err.count("\n") == 1 and err.startswith("casecoder review: standard input")


@pytest.mark.parametrize(
    ("option", "value"),
    [("--claim-minutes", "0"), ("--claim-minutes", "-5"), ("--claim-minutes", "lang"), ("--min-cell", "0")],
)
def test_claim_minutes_and_min_cell_must_be_positive_numbers(capsys, option, value):
    with pytest.raises(SystemExit) as done:
        main(["review", "notes.jsonl", option, value])
    assert done.value.code == 2
    assert option in capsys.readouterr().err


def test_without_a_terminal_it_says_so(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    code, err = run(capsys, "notes.jsonl", "--user", "A")
    assert code == 1
    assert "interactive terminal" in err and err.count("\n") == 1


def notes(folder: Path) -> list[str]:
    (folder / "a-kevin.txt").write_text(
        "Kevin vertelt dat zijn vader hem regelmatig slaat met een riem.\n", encoding="utf-8"
    )
    (folder / "b-sanne.txt").write_text(
        "Gesprek met moeder over de schoolkeuze van Sanne.\n", encoding="utf-8"
    )
    return [str(folder / "a-kevin.txt"), str(folder / "b-sanne.txt")]


def test_review_in_a_real_terminal_marks_reviewed_and_leaves_no_claim(tmp_path, monkeypatch):
    from coder.store import open_store

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    db = tmp_path / "team.db"
    args = [*notes(tmp_path), "--db", str(db), "--user", "Reg"]
    with ReviewTerminal(args, timeout=30) as term:
        term.wait(b"0 van 2 beoordeeld")
        since = term.send(b"\r")
        term.wait(b"regel ", since)  # the note with its first suggestion and why panel
        term.wait(b"Notitie 2/2", term.send(b"r"))  # reviewed; the next open note is opened
        term.wait(b"1 van 2 beoordeeld", term.send(b"q"))  # back in the queue
        term.wait(b"Notitie 2/2", term.send(b"\r"))
        term.send(b"\x11")  # ctrl+q ends the app with the second note still open
        assert term.finish() == 0
    with open_store(db, create=False) as store:
        assert store.note_status("a-kevin").status == "reviewed"
        assert store.note_status("a-kevin").by.role == "registratie"
        assert store.active_claims() == {}  # the second note, open when the app ended, was released
