"""Two reviewers on one SQLite store at the same time, in two processes: every note is claimed by exactly one
of them, and their decisions are neither lost nor doubled. Then the same through two review apps."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from coder.decision import Reviewer, build_decision
from coder.model import Note, Qualifiers, Span, Suggestion
from coder.store import open_store

NOTE_IDS = [f"Q{n:03d}" for n in range(60)]
SHARED = Note("SHARED", "De juf zag striemen op de benen.", {"client": "C-1"})
ICPC = "http://hl7.org/fhir/sid/icpc-1-nl"


def suggestion_for(note: Note) -> Suggestion:
    start = note.text.index("striemen")
    return Suggestion(
        ICPC,
        "Z16.01",
        "Mishandeling/seksueel misbruik van kind",
        Qualifiers(certainty="vermoeden", source="third_party"),
        (Span(start, start + len("striemen"), "striemen"),),
        (),
        "abuse.physical",
        "De juf zag striemen.",
    )


def review_all(db: str, name: str, reverse: bool, barrier, results) -> None:
    """One reviewer: claim every note it can (in its own order), accept a code on each one it got, accept the
    shared note's code too; release only when both are done (a released note may be claimed again)."""
    reviewer = Reviewer(name, "registratie")
    with open_store(db) as store:
        barrier.wait(30)
        got = []
        for note_id in reversed(NOTE_IDS) if reverse else NOTE_IDS:
            if store.claim(note_id, reviewer, 600):
                got.append(note_id)
                note = Note(note_id, SHARED.text, {})
                store.accept(build_decision(note, suggestion_for(note), reviewer, "test-engine"))
        store.accept(build_decision(SHARED, suggestion_for(SHARED), reviewer, "test-engine"))
        barrier.wait(30)
        for note_id in got:
            assert store.release(note_id, reviewer)
    results.put((name, got))


def test_two_processes_claim_each_note_once_and_lose_or_double_no_decision(tmp_path):
    db = str(tmp_path / "team.db")
    open_store(db).close()  # created once; both processes open the existing file
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(2), context.Queue()
    workers = [
        context.Process(target=review_all, args=(db, name, reverse, barrier, results))
        for name, reverse in (("Ann", False), ("Bob", True))
    ]
    for worker in workers:
        worker.start()
    got = dict(results.get(timeout=60) for _ in workers)
    for worker in workers:
        worker.join(30)
        assert worker.exitcode == 0
    ann, bob = set(got["Ann"]), set(got["Bob"])
    assert not ann & bob  # no note held by both
    assert ann | bob == set(NOTE_IDS)  # every note held by one
    with open_store(db) as store:
        accepted = store.decisions(status="accepted")
        assert sorted(d.note_id for d in accepted) == sorted([*NOTE_IDS, "SHARED"])  # once each
        by_note = {d.note_id: d.accepted_by.name for d in accepted if d.note_id != "SHARED"}
        assert {n for n, who in by_note.items() if who == "Ann"} == ann
        assert store.active_claims() == {}
        assert len(store.audit_events("claimed")) == len(NOTE_IDS)


@pytest.mark.anyio
async def test_a_claim_left_by_a_closed_app_keeps_the_note_from_a_colleague_until_it_expires(tmp_path: Path):
    """The first reviewer's app ends with a note open and without releasing it (a closed terminal): a
    colleague's app shows the note as taken and does not open it; once the claim expires, it does."""
    import time

    from test_review_queue import COLLEAGUE, make_review_app, queue_ready
    from tui_helpers import until

    from tui.screens.review_note import ReviewNoteScreen
    from tui.screens.review_queue import QueueScreen
    from tui.settings import UserSettings

    db = tmp_path / "team.db"
    first = make_review_app(db, claim_seconds=1.5)
    async with first.run_test() as pilot:
        await queue_ready(pilot)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(first.screen, ReviewNoteScreen))
    taken_at = time.monotonic()
    second = make_review_app(db, settings=UserSettings(name=COLLEAGUE.name, role="registratie"))
    async with second.run_test() as other:
        queue = await queue_ready(other)
        assert queue.rows()[0].holder_label == "in behandeling bij Rita Registratie"
        await other.press("enter")
        await other.pause()
        assert isinstance(second.screen, QueueScreen)
        await other.pause(max(0.0, 1.6 - (time.monotonic() - taken_at)))
        await other.press("enter")
        await until(other, lambda: isinstance(second.screen, ReviewNoteScreen))
        assert second.store.claim_holder("N1").reviewer == COLLEAGUE
