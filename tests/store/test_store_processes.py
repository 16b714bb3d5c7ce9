"""Durability across kill -9, and two processes on one store: nothing lost, nothing doubled."""

from __future__ import annotations

import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

from coder.store import open_store

WORKER = Path(__file__).with_name("store_worker.py")


def _start(*args: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WORKER), *map(str, args)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _start_together(*processes: subprocess.Popen[str]) -> None:
    """Each worker has its store open; let them go at the same moment."""
    for process in processes:
        assert process.stdout is not None and process.stdout.readline().strip() == "ready"
    for process in processes:
        assert process.stdin is not None
        process.stdin.write("go\n")
        process.stdin.flush()


def _finish(process: subprocess.Popen[str], expected_returncode: int = 0) -> list[list[str]]:
    out, err = process.communicate(timeout=120)
    assert process.returncode == expected_returncode, err
    return [line.split() for line in out.splitlines()]


def test_accepted_decision_survives_kill_9_right_after_accept(store_target: str) -> None:
    open_store(store_target).close()
    printed = _finish(_start("kill", store_target, 3), expected_returncode=-signal.SIGKILL)
    assert len(printed) == 3
    with open_store(store_target) as store:
        stored = {d.id for d in store.decisions(status="accepted")}
        assert {line[0] for line in printed} == stored
        assert len(store.audit_events("accepted")) == 3


def test_kill_9_from_outside_loses_nothing_that_was_reported_accepted(store_target: str) -> None:
    open_store(store_target).close()
    process = _start("kill", store_target, 10_000)
    reported = []
    assert process.stdout is not None
    for line in process.stdout:
        reported.append(line.split()[0])
        if len(reported) == 20:
            process.send_signal(signal.SIGKILL)
            break
    process.wait(timeout=30)
    reported += [line.split()[0] for line in process.stdout.read().splitlines()]
    with open_store(store_target) as store:
        stored = {d.id for d in store.decisions()}
    assert len(reported) >= 20
    assert set(reported) <= stored


def test_two_processes_accepting_at_once_lose_and_double_nothing(store_target: str) -> None:
    open_store(store_target).close()
    shared, own = 60, 30
    first = _start("accept", store_target, "A", shared, own, 1)
    second = _start("accept", store_target, "B", shared, own, 2)
    _start_together(first, second)
    results = {"A": dict(_finish(first)), "B": dict(_finish(second))}

    with open_store(store_target) as store:
        decisions = store.decisions()
        audited = store.audit_events("accepted")
    stored = {d.note_id.removeprefix("note-"): d.id for d in decisions}
    assert len(decisions) == shared + 2 * own  # nothing doubled
    assert Counter(d.identity for d in decisions).most_common(1)[0][1] == 1
    for name, accepted in results.items():
        assert len(accepted) == shared + own
        for label, decision_id in accepted.items():
            assert stored[label] == decision_id, (name, label)  # nothing lost: each reported id is stored
    assert len(audited) == len(decisions)
    turns = sum(1 for a, b in zip(audited, audited[1:], strict=False) if a.actor_name != b.actor_name)
    assert turns >= 5, "the two processes did not run at the same time"


def test_two_processes_claiming_the_same_notes_never_share_one(store_target: str) -> None:
    open_store(store_target).close()
    notes = 80
    first, second = _start("claim", store_target, "A", notes), _start("claim", store_target, "B", notes)
    _start_together(first, second)
    won_by_a = {int(i) for i, won in _finish(first) if won == "1"}
    won_by_b = {int(i) for i, won in _finish(second) if won == "1"}
    assert won_by_a.isdisjoint(won_by_b)
    assert won_by_a | won_by_b == set(range(notes))
