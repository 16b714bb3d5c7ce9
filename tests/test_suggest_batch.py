"""Batch `casecoder suggest`: --out/--resume (skips finished notes, repairs a torn last line, same output as
one run, also after kill -9), and the progress bar (only on a terminal, only after a second)."""

from __future__ import annotations

import io
import json
import os
import pty
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from coder import batch
from coder.cli import main
from coder.jsonl_output import AppendedLines, ResumeError, read_finished
from coder.model import Analysis, Note, Qualifiers, Span, Suggestion
from coder.progress import Progress

REPO = Path(__file__).resolve().parents[1]
CASECODER = [sys.executable, "-c", "import sys; from coder.cli import main; sys.exit(main())"]


class FakeEngine:
    """One suggestion per note, and a record of every note it was asked to analyse."""

    analysed: list[str] = []
    seconds_per_note = 0.0

    def analyse_many(self, notes: Iterable[Note]) -> Iterator[Analysis]:
        for note in notes:
            FakeEngine.analysed.append(note.id)
            time.sleep(self.seconds_per_note)
            suggestion = Suggestion(
                system="urn:test", code=f"c-{note.id}", display="test", qualifiers=Qualifiers(),
                evidence=(Span(0, 1, note.text[:1]),), triggers=(), rule="fake", why="test",
            )
            yield Analysis(note=note, suggestions=(suggestion,))


@pytest.fixture
def fake_engine(monkeypatch: pytest.MonkeyPatch) -> type[FakeEngine]:
    real = batch.analyse_parallel
    monkeypatch.setattr(FakeEngine, "analysed", [])
    def in_process(items, workers=None):
        return real(items, workers=1, engine_factory=FakeEngine)

    monkeypatch.setattr(batch, "analyse_parallel", in_process)
    return FakeEngine


def write_notes(path: Path, count: int, bad_lines: Iterable[int] = ()) -> Path:
    lines = [json.dumps({"id": f"n{i:04d}", "text": f"notitie {i}"}) for i in range(count)]
    for i in bad_lines:
        lines[i] = "{not json"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def ids_in(path: Path) -> list[str]:
    return [json.loads(line)["note_id"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_out_writes_what_stdout_would(tmp_path, fake_engine, capsys):
    notes = write_notes(tmp_path / "in.jsonl", 30, bad_lines=[7])
    assert main(["suggest", str(notes)]) == 2
    printed = capsys.readouterr().out
    assert main(["suggest", str(notes), "--out", str(tmp_path / "out.jsonl")]) == 2
    assert capsys.readouterr().out == ""
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8") == printed
    assert (tmp_path / "out.jsonl").stat().st_mode & 0o077 == 0  # the lines quote note text


def test_resume_skips_finished_notes_and_repairs_a_torn_line(tmp_path, fake_engine, capsys):
    notes = write_notes(tmp_path / "in.jsonl", 40, bad_lines=[3, 25])
    whole, out = tmp_path / "whole.jsonl", tmp_path / "out.jsonl"
    assert main(["suggest", str(notes), "--out", str(whole)]) == 2
    content = whole.read_bytes()
    lines = content.splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:12]) + lines[12][:20])  # as a kill in the middle of line 13 leaves it
    fake_engine.analysed.clear()
    capsys.readouterr()

    assert main(["suggest", str(notes), "--out", str(out), "--resume"]) == 2
    assert out.read_bytes() == content
    assert fake_engine.analysed == [f"n{i:04d}" for i in range(12, 40) if i != 25]
    err = capsys.readouterr().err
    assert f"{out}:13: dropped a line cut short" in err
    assert "in.jsonl:26" in err  # the error still ahead is reported; the one already written is counted
    assert "1 record(s)" in err and "failed in an earlier run" in err

    fake_engine.analysed.clear()
    assert main(["suggest", str(notes), "--out", str(out), "--resume"]) == 2  # all done: nothing redone
    assert fake_engine.analysed == [] and out.read_bytes() == content


def test_resume_of_a_missing_file_is_a_fresh_run(tmp_path, fake_engine):
    notes = write_notes(tmp_path / "in.jsonl", 5)
    assert main(["suggest", str(notes), "--out", str(tmp_path / "new.jsonl"), "--resume"]) == 0
    assert ids_in(tmp_path / "new.jsonl") == [f"n{i:04d}" for i in range(5)]


def test_a_duplicate_id_error_is_not_mistaken_for_the_finished_note(tmp_path, fake_engine):
    notes = tmp_path / "in.jsonl"
    notes.write_text('{"id": "a", "text": "x"}\n{"id": "b", "text": "y"}\n{"id": "a", "text": "z"}\n')
    whole, out = tmp_path / "whole.jsonl", tmp_path / "out.jsonl"
    main(["suggest", str(notes), "--out", str(whole)])
    out.write_bytes(b"".join(whole.read_bytes().splitlines(keepends=True)[:2]))
    assert main(["suggest", str(notes), "--out", str(out), "--resume"]) == 2
    assert out.read_bytes() == whole.read_bytes()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--resume"], "--resume needs --out FILE"),
        (["--out", "{out}", "--resume", "--format", "text"], "only with --format jsonl"),
        (["--out", "{out}"], "already has output; add --resume"),
    ],
)
def test_usage_problems_are_one_line(tmp_path, fake_engine, capsys, args, message):
    notes = write_notes(tmp_path / "in.jsonl", 3)
    (tmp_path / "out.jsonl").write_text('{"note_id": "n0000", "suggestions": []}\n')
    argv = ["suggest", str(notes)] + [a.format(out=tmp_path / "out.jsonl") for a in args]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and fake_engine.analysed == []


def test_a_file_we_did_not_write_is_not_resumed(tmp_path, fake_engine, capsys):
    notes = write_notes(tmp_path / "in.jsonl", 3)
    out = tmp_path / "out.jsonl"
    out.write_text('not ours\n{"note_id": "n0000", "suggestions": []}\n')
    assert main(["suggest", str(notes), "--out", str(out), "--resume"]) == 1
    assert f"{out}:1: not a line of casecoder suggest output" in capsys.readouterr().err
    assert out.read_text() == 'not ours\n{"note_id": "n0000", "suggestions": []}\n'  # left alone


def test_read_finished_drops_only_a_bad_last_line(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_bytes(b'{"note_id": "a", "suggestions": []}\n{"note_id": "x:3", "error": "bad"}\n\0\0\n')
    finished = read_finished(path)
    assert finished.notes == {"a"} and finished.errors == {"x:3"} and finished.dropped_line == 3
    assert path.read_bytes().endswith(b'"bad"}\n')
    path.write_bytes(b'{"note_id": "a", "suggestions": []}\n\n{"note_id": "b", "suggestions": []}\n')
    with pytest.raises(ResumeError, match=":2:"):
        read_finished(path)


def test_appended_lines_take_whole_lines_only(tmp_path):
    with AppendedLines(tmp_path / "o.jsonl", sync_interval=0) as out:
        out.write("één\n")
        with pytest.raises(ValueError):
            out.write("half")
    assert (tmp_path / "o.jsonl").read_text(encoding="utf-8") == "één\n"


class FakeTerminal(io.StringIO):
    def __init__(self, is_tty: bool) -> None:
        super().__init__()
        self.is_tty = is_tty

    def isatty(self) -> bool:
        return self.is_tty


def test_progress_draws_on_a_terminal_only_after_the_delay():
    now = [0.0]
    terminal = FakeTerminal(is_tty=True)
    progress = Progress(terminal, label="test", total=200, clock=lambda: now[0])
    progress.advance(50)
    assert terminal.getvalue() == ""  # quick work stays silent
    now[0] = 2.0
    progress.skip(50)  # past the delay: drawn now
    assert "100/200 notes" in terminal.getvalue()
    progress.advance(50)  # within the redraw interval: not drawn yet
    assert "150/200" not in terminal.getvalue()
    line = progress.line(200)
    assert "150/200 notes" in line and "50 notes/s" in line and "75%" in line and "0:01 left" in line
    progress.close()  # leaves the final figures on their own line
    assert terminal.getvalue().endswith("150/200 notes  50 notes/s  0:01 left\x1b[K\n")

    piped = FakeTerminal(is_tty=False)
    progress = Progress(piped, label="test", clock=lambda: now[0])
    now[0] = 10.0
    progress.advance(1000)
    progress.close()
    assert piped.getvalue() == ""


def test_progress_messages_clear_the_bar_first():
    now = [5.0]
    terminal = FakeTerminal(is_tty=True)
    progress = Progress(terminal, label="test", clock=lambda: now[0], delay=0)
    progress.advance()
    progress.print("in.jsonl:3: not valid JSON")
    assert terminal.getvalue().endswith("\r\x1b[Kin.jsonl:3: not valid JSON\n")
    assert progress.line(200).startswith("test  1 notes")


def test_suggest_shows_a_bar_on_a_terminal_and_none_when_piped(tmp_path, fake_engine, monkeypatch):
    notes = write_notes(tmp_path / "in.jsonl", 60)
    monkeypatch.setattr(FakeEngine, "seconds_per_note", 0.025)  # 1.5 s in all: past the one-second delay
    for is_tty in (True, False):
        stderr = FakeTerminal(is_tty)
        monkeypatch.setattr(sys, "stderr", stderr)
        out = tmp_path / f"out-{is_tty}.jsonl"
        assert main(["suggest", str(notes), "--out", str(out)]) == 0
        if is_tty:
            assert "60/60 notes" in stderr.getvalue() and "notes/s" in stderr.getvalue()
        else:
            assert stderr.getvalue() == ""


def run_in_a_terminal(argv: list[str], cwd: Path) -> tuple[int, str]:
    """Run with stderr on a pseudo-terminal (stdout a pipe): what a person at a terminal sees on stderr."""
    master, slave = pty.openpty()
    process = subprocess.Popen(
        argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave
    )
    os.close(slave)
    seen = b""
    while True:
        ready, _, _ = select.select([master], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the other end closed
                break
            if not chunk:
                break
            seen += chunk
        elif process.poll() is not None:
            break
    os.close(master)
    return process.wait(timeout=60), seen.decode("utf-8", "replace")


def generated_notes(tmp_path: Path, count: int) -> Path:
    path = tmp_path / "notes.jsonl"
    subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "generate.py"), "--n", str(count), "--seed", "3",
         "--out", str(path)],
        check=True,
    )
    return path


def test_real_run_on_a_terminal_shows_the_bar(tmp_path):
    notes = generated_notes(tmp_path, 300)  # engine build + 300 notes: more than a second
    code, screen = run_in_a_terminal(
        [*CASECODER, "suggest", str(notes), "--workers", "1", "--out", str(tmp_path / "o.jsonl")], tmp_path
    )
    assert code == 0
    assert "casecoder suggest" in screen and "300/300 notes" in screen and "notes/s" in screen
    assert len(ids_in(tmp_path / "o.jsonl")) == 300


def test_kill_9_mid_run_then_resume_gives_each_note_once_as_one_run_would(tmp_path):
    notes = generated_notes(tmp_path, 1000)  # past the 200 below which no workers start
    whole, out = tmp_path / "whole.jsonl", tmp_path / "out.jsonl"
    suggest = [*CASECODER, "suggest", str(notes), "--workers", "2"]
    subprocess.run([*suggest, "--out", str(whole)], check=True, cwd=tmp_path)

    process = subprocess.Popen([*suggest, "--out", str(out)], cwd=tmp_path, start_new_session=True)
    deadline = time.monotonic() + 60
    while (not out.exists() or out.stat().st_size < 50_000) and time.monotonic() < deadline:
        assert process.poll() is None, "finished before it could be killed"
        time.sleep(0.01)
    os.killpg(process.pid, signal.SIGKILL)  # the command and its workers, as an OOM kill or a power cut would
    process.wait()
    killed_at = len(ids_in_prefix(out))
    assert 0 < killed_at < 1000

    subprocess.run([*suggest, "--out", str(out), "--resume"], check=True, cwd=tmp_path)
    assert out.read_bytes() == whole.read_bytes()
    assert len(set(ids_in(out))) == len(ids_in(out)) == 1000


def ids_in_prefix(path: Path) -> list[str]:
    """Note ids of the complete lines (a kill may leave the last one torn)."""
    complete = path.read_bytes().rpartition(b"\n")[0]
    return [json.loads(line)["note_id"] for line in complete.splitlines()]
