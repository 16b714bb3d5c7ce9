"""Issue 4: two processes review the same store at once for a minute and lose and double nothing.

Each worker (store_worker.py soak) claims random notes from a shared pool, accepts 1-3 suggestions (many of
them the other worker's too), sometimes undoes one, marks the note reviewed or teruggelegd and releases it,
printing one line per store call that returned. The store must then agree with everything both reported.
CASECODER_SOAK_SECONDS shortens the run for a developer; CI runs the default minute.
"""

from __future__ import annotations

import os
import subprocess
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from test_store_processes import _start, _start_together

from coder.store import open_store

SOAK_SECONDS = float(os.environ.get("CASECODER_SOAK_SECONDS", "60"))
NOTES = 50
MIN_OPERATIONS = 100
LONGEST_PAUSE = 5.0  # seconds between two returned calls of one worker; longer means it was stuck
NAMES = ("A", "B")


@dataclass(frozen=True)
class Call:
    """One store call a worker reported: monotonic times before and after it, what, and its fields."""

    worker: str
    before: float
    after: float
    what: str
    note_id: str
    fields: tuple[str, ...]


def _parse(worker: str, lines: list[list[str]]) -> tuple[list[Call], dict[str, str]]:
    *calls, summary = lines
    assert summary[0] == "summary", summary
    parsed = [
        Call(worker, float(t0), float(t1), what, note, tuple(rest)) for t0, t1, what, note, *rest in calls
    ]
    return parsed, dict(field.split("=", 1) for field in summary[1:])


def _finish(process: subprocess.Popen[str]) -> list[list[str]]:
    out, err = process.communicate(timeout=SOAK_SECONDS + 120)
    assert process.returncode == 0, err
    return [line.split() for line in out.splitlines()]


def _held_intervals(calls: list[Call]) -> dict[str, list[tuple[float, float, str]]]:
    """Per note, when a worker surely held it: from its claim's return to the start of its release.
    Claims last an hour, so only a release ends one within the soak."""
    held: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    since: dict[str, float] = {}
    for call in calls:
        if call.what == "claim" and call.fields == ("1",):
            assert call.note_id not in since, f"{call.worker} claimed {call.note_id} twice without release"
            since[call.note_id] = call.after
        elif call.what == "release":
            assert call.fields == ("1",), f"{call.worker} released {call.note_id} it did not hold"
            held[call.note_id].append((since.pop(call.note_id), call.before, call.worker))
    assert not since, f"claims never released: {sorted(since)}"
    return held


def test_two_processes_reviewing_for_a_minute_lose_and_double_nothing(store_target: str) -> None:
    open_store(store_target).close()
    workers = {
        name: _start("soak", store_target, name, SOAK_SECONDS, NOTES, seed)
        for seed, name in enumerate(NAMES, start=1)
    }
    _start_together(*workers.values())
    # Both outputs are read at once: a worker whose full pipe nobody reads stops at its next print.
    with ThreadPoolExecutor(len(workers)) as pool:
        outputs = dict(zip(workers, pool.map(_finish, workers.values()), strict=True))
    reports = {name: _parse(name, output) for name, output in outputs.items()}
    calls = {name: report[0] for name, report in reports.items()}
    every_call = sorted((c for worker_calls in calls.values() for c in worker_calls), key=lambda c: c.after)

    with open_store(store_target) as store:
        decisions = {d.id: d for d in store.decisions()}
        audited_accepts = store.audit_events("accepted")
        audited_undos = store.audit_events("entered-in-error")
        statuses = store.note_statuses()
        claims_left = store.active_claims()

    # (5) both really worked, at the same time.
    for name, (worker_calls, summary) in reports.items():
        print(" ".join(f"{key}={value}" for key, value in summary.items()))  # figures, shown with -s
        assert int(summary["operations"]) == len(worker_calls), name
        assert len(worker_calls) >= MIN_OPERATIONS, (name, summary)
        assert float(summary["seconds"]) >= SOAK_SECONDS * 0.95, (name, summary)
        pauses = [b.after - a.after for a, b in zip(worker_calls, worker_calls[1:], strict=False)]
        assert max(pauses) < LONGEST_PAUSE, f"{name} did nothing for {max(pauses):.1f} s"
    turns = sum(1 for a, b in zip(every_call, every_call[1:], strict=False) if a.worker != b.worker)
    assert turns >= 2 * MIN_OPERATIONS / 10, f"the workers took turns only {turns} times"
    first_end = min(worker_calls[-1].after for worker_calls in calls.values())
    last_start = max(worker_calls[0].before for worker_calls in calls.values())
    assert last_start < first_end, "one worker ended before the other began"

    # (1) nothing doubled: one accepted row per identity, one audit event per stored decision.
    accepted_now = Counter(d.identity for d in decisions.values() if d.status == "accepted")
    assert not accepted_now or accepted_now.most_common(1)[0][1] == 1, accepted_now.most_common(1)
    assert sorted(e.decision_id for e in audited_accepts) == sorted(decisions)

    # (2) nothing lost: every reported acceptance is stored with its note and code, and every stored decision
    # was reported by one of the workers (nothing appeared that nobody accepted).
    accepts = [c for c in every_call if c.what == "accept"]
    reported_ids = set()
    for call in accepts:
        label, decision_id, _fresh = call.fields
        stored = decisions.get(decision_id)
        assert stored is not None, f"{call.worker} was told {decision_id} was accepted; it is not stored"
        assert (stored.note_id, stored.code) == (call.note_id, f"soak-{label}"), (call, stored)
        reported_ids.add(decision_id)
    assert reported_ids == set(decisions)
    new_by = {c.fields[1]: c.worker for c in accepts if c.fields[2] == "new"}
    assert set(new_by) == set(decisions), "an acceptance was reported new by nobody, or twice"
    for decision_id, worker in new_by.items():
        assert decisions[decision_id].accepted_by.name == worker
    assert sum(1 for c in accepts if c.fields[2] == "existing") > 0, "no double accept was attempted"

    # (3) every undo is stored as entered-in-error by who did it, and only those are.
    undos = {c.fields[0]: c for c in every_call if c.what == "undo"}
    assert all(c.fields[1] == "entered-in-error" for c in undos.values())
    in_error = {d.id: d for d in decisions.values() if d.status == "entered-in-error"}
    assert set(in_error) == set(undos)
    for decision_id, call in undos.items():
        stored = in_error[decision_id]
        assert stored.entered_in_error_by is not None and stored.entered_in_error_by.name == call.worker
        assert stored.entered_in_error_at is not None
    assert sorted(e.decision_id for e in audited_undos) == sorted(undos)

    # (4) no note was ever held by both at once.
    held = defaultdict(list)
    for worker_calls in calls.values():
        for note_id, intervals in _held_intervals(worker_calls).items():
            held[note_id] += intervals
    for note_id, intervals in held.items():
        intervals.sort()
        for (_, end, first), (start, _, second) in zip(intervals, intervals[1:], strict=False):
            assert end <= start, f"{note_id} held by {first} and {second} at once"
    assert len(held) > NOTES / 2
    assert not claims_left

    # A note's status is the one set last: claims make the status writes take turns.
    last_set = {c.note_id: c.fields[0] for c in every_call if c.what == "status"}
    assert {note_id: s.status for note_id, s in statuses.items()} == last_set
