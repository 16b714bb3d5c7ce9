"""coder.batch: order kept, read errors in place, parallel == sequential, bounded in-flight work."""

from __future__ import annotations

import importlib.util
import itertools
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from coder import batch
from coder.batch import analyse_parallel
from coder.model import Analysis, Note, Qualifiers, ReadError, Span, Suggestion

REPO = Path(__file__).resolve().parents[1]


class FakeEngine:
    """Stands in for coder.engine.Engine: one suggestion whose code says which note and which process."""

    def analyse_many(self, notes: Iterable[Note]) -> Iterator[Analysis]:
        for note in notes:
            yield Analysis(note=note, suggestions=(self._suggestion(note),))

    @staticmethod
    def _suggestion(note: Note) -> Suggestion:
        return Suggestion(
            system="urn:test",
            code=f"{note.id}:{len(note.text)}",
            display=str(os.getpid()),
            qualifiers=Qualifiers(),
            evidence=(Span(0, 1, note.text[:1]),),
            triggers=(),
            rule="fake",
            why="test",
        )


def notes_with_errors(count: int, error_every: int = 7) -> list[Note | ReadError]:
    items: list[Note | ReadError] = []
    for i in range(count):
        if i % error_every == 3:
            items.append(ReadError(origin="in.jsonl", line=i + 1, message="not valid JSON"))
        else:
            items.append(Note(id=f"n{i}", text="x" * (i % 50 + 1), origin="in.jsonl", line=i + 1))
    return items


def codes(results: Iterable[Analysis | ReadError]) -> list[str]:
    return [
        f"error:{r.line}" if isinstance(r, ReadError) else r.suggestions[0].code
        for r in results
    ]


def expected_codes(items: list[Note | ReadError]) -> list[str]:
    return [
        f"error:{i.line}" if isinstance(i, ReadError) else f"{i.id}:{len(i.text)}"
        for i in items
    ]


def test_small_input_runs_in_process_in_order_with_errors_in_place():
    items = notes_with_errors(50)
    results = list(analyse_parallel(items, workers=2, engine_factory=FakeEngine))
    assert codes(results) == expected_codes(items)
    assert {r.suggestions[0].display for r in results if isinstance(r, Analysis)} == {str(os.getpid())}


@pytest.mark.parametrize("start_method", ["fork", "forkserver"])
def test_workers_keep_order_pass_errors_through_and_return_the_callers_notes(start_method):
    items = notes_with_errors(batch.IN_PROCESS_BELOW[start_method] + 300)
    results = list(
        analyse_parallel(
            iter(items), workers=2, chunk_size=16, engine_factory=FakeEngine, start_method=start_method
        )
    )
    assert codes(results) == expected_codes(items)
    for item, result in zip(items, results, strict=True):
        if isinstance(item, Note):
            assert result.note is item  # the parent's own object, not a copy that went through a worker
        else:
            assert result is item
    worker_pids = {r.suggestions[0].display for r in results if isinstance(r, Analysis)}
    assert str(os.getpid()) not in worker_pids
    assert 1 <= len(worker_pids) <= 2


def test_input_of_only_errors_needs_no_engine():
    def no_engine():
        raise AssertionError("engine built for an input without notes")

    items = [ReadError(origin="a.csv", line=n, message="missing text") for n in range(1, 4)]
    assert list(analyse_parallel(items, engine_factory=no_engine)) == items


def test_bad_arguments_are_refused_at_call_time():
    with pytest.raises(ValueError):
        analyse_parallel([], workers=0)
    with pytest.raises(ValueError):
        analyse_parallel([], chunk_size=0)
    with pytest.raises(ValueError):
        analyse_parallel([], start_method="teleport")


def test_input_is_pulled_only_as_far_as_the_window(monkeypatch):
    pulled = itertools.count()

    def endless() -> Iterator[Note]:
        for i in pulled:
            yield Note(id=f"n{i}", text="tekst")

    results = analyse_parallel(endless(), workers=2, chunk_size=10, engine_factory=FakeEngine)
    first = list(itertools.islice(results, 5))
    results.close()  # a consumer that stops early (| head) shuts the pool down
    assert [r.note.id for r in first] == [f"n{i}" for i in range(5)]
    head = batch.IN_PROCESS_BELOW[batch.choose_start_method()]
    window = head + 2 * batch.CHUNKS_IN_FLIGHT_PER_WORKER * 10 + 10
    assert next(pulled) <= window


def _load_generator():
    spec = importlib.util.spec_from_file_location("generate", REPO / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("start_method", ["fork", "forkserver"])
def test_parallel_equals_sequential_with_the_real_engine(start_method, monkeypatch):
    engine_module = pytest.importorskip("coder.engine")
    monkeypatch.setattr(batch, "IN_PROCESS_BELOW", {start_method: 100})  # 300 notes must go to workers
    monkeypatch.setattr(batch, "_analyse_in_process", None)
    generate = _load_generator()
    notes = [
        Note(id=n["id"], text=n["text"], fields={k: v for k, v in n.items() if k not in ("id", "text")})
        for n in generate.generate_notes(300, seed=7)
    ]
    engine = engine_module.Engine()
    sequential = list(engine.analyse_many(notes))
    parallel = list(analyse_parallel(notes, workers=2, chunk_size=32, start_method=start_method))
    assert parallel == sequential


ORPHAN_SCRIPT = """
import itertools, os, sys
from coder.batch import analyse_parallel
from coder.model import Analysis, Note

class SlowEngine:
    def analyse_many(self, notes):
        for note in notes:
            sum(range(20000))
            yield Analysis(note=note, suggestions=(), considered=())

def main():
    notes = (Note(id=str(i), text="tekst") for i in itertools.count())
    pids = set()
    for _ in analyse_parallel(notes, workers=2, chunk_size=8, engine_factory=SlowEngine, start_method="fork"):
        if not pids:
            pids = {int(p) for p in _children()}
            print(" ".join(map(str, sorted(pids))), flush=True)

def _children():
    mine = str(os.getpid())
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = open(f"/proc/{entry}/stat").read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[1] == mine:
                yield entry

if __name__ == "__main__":
    main()
"""


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
def test_workers_leave_when_the_parent_is_killed(tmp_path):
    script = tmp_path / "orphans.py"
    script.write_text(ORPHAN_SCRIPT, encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True, cwd=REPO)
    try:
        worker_pids = [int(pid) for pid in parent.stdout.readline().split()]
    finally:
        parent.kill()
        parent.wait()
    assert worker_pids, "no worker processes seen"
    deadline = time.monotonic() + 10 * batch.ORPHAN_CHECK_S + 5
    while time.monotonic() < deadline and any(_alive(pid) for pid in worker_pids):
        time.sleep(0.1)
    left = [pid for pid in worker_pids if _alive(pid)]
    for pid in left:  # do not leave them behind when the test fails
        os.kill(pid, signal.SIGKILL)
    assert not left


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"
