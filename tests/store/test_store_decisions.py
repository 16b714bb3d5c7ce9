"""Accepting, undoing and reading decisions; nothing but accepted codes reaches the store."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from store_helpers import AUTHOR, REGISTRAR, make_note, make_suggestion

from coder.decision import CertaintyRaiseRefused, build_decision
from coder.store import DecisionNotFound, Store, open_store


def test_accepted_decision_reads_back_unchanged(store: Store) -> None:
    note = make_note()
    decision = build_decision(note, make_suggestion(note, value="nee"), AUTHOR, "engine 1")
    assert store.accept(decision) == decision
    assert store.get(decision.id) == decision
    assert store.decisions() == [decision]
    events = store.audit_events()
    assert [(e.event, e.decision_id, e.actor_name, e.actor_role, e.actor_registration) for e in events] == [
        ("accepted", decision.id, "Anna de Vries", "professional", "skj:12345678")
    ]


def test_accepting_the_same_suggestion_twice_stores_it_once(store: Store) -> None:
    note = make_note()
    first = store.accept(build_decision(note, make_suggestion(note), AUTHOR, "e"))
    again = store.accept(build_decision(note, make_suggestion(note), REGISTRAR, "e", certainty="mening"))
    assert again == first
    assert len(store.decisions()) == 1
    assert len(store.audit_events("accepted")) == 1


def test_other_evidence_code_value_or_note_is_another_decision(store: Store) -> None:
    note = make_note()
    other_note = make_note("note-18")
    variants = [
        make_suggestion(note),
        make_suggestion(note, word="riem"),
        make_suggestion(note, code="test-code-2"),
        make_suggestion(note, value="ja"),
    ]
    for suggestion in variants:
        store.accept(build_decision(note, suggestion, AUTHOR, "e"))
    store.accept(build_decision(other_note, make_suggestion(other_note), AUTHOR, "e"))
    assert len(store.decisions()) == 5
    assert len(store.decisions(note_id="note-17")) == 4
    assert [d.note_id for d in store.decisions(note_id="note-18")] == ["note-18"]


def test_undo_marks_entered_in_error_and_deletes_nothing(store: Store) -> None:
    note = make_note()
    decision = store.accept(build_decision(note, make_suggestion(note), AUTHOR, "e"))
    undone = store.mark_entered_in_error(decision.id, REGISTRAR)
    assert undone.status == "entered-in-error"
    assert undone.entered_in_error_by == REGISTRAR
    assert undone.entered_in_error_at is not None and undone.entered_in_error_at.endswith("+00:00")
    assert undone.accepted_by == AUTHOR and undone.accepted_at == decision.accepted_at
    assert store.decisions() == [undone]
    assert store.decisions(status="accepted") == []
    assert store.decisions(status="entered-in-error") == [undone]
    assert [e.event for e in store.audit_events()] == ["accepted", "entered-in-error"]
    assert store.audit_events("entered-in-error")[0].actor_name == "Bram Jansen"


def test_undo_twice_changes_nothing_more(store: Store) -> None:
    note = make_note()
    decision = store.accept(build_decision(note, make_suggestion(note), AUTHOR, "e"))
    first = store.mark_entered_in_error(decision.id, AUTHOR)
    assert store.mark_entered_in_error(decision.id, REGISTRAR) == first
    assert len(store.audit_events("entered-in-error")) == 1


def test_accepting_again_after_undo_is_a_new_decision(store: Store) -> None:
    note = make_note()
    first = store.accept(build_decision(note, make_suggestion(note), AUTHOR, "e"))
    store.mark_entered_in_error(first.id, AUTHOR)
    second = store.accept(build_decision(note, make_suggestion(note), AUTHOR, "e", certainty="mening"))
    assert second.id != first.id and second.certainty == "mening"
    assert [d.status for d in store.decisions()] == ["entered-in-error", "accepted"]


def test_undo_of_unknown_decision_is_refused(store: Store) -> None:
    with pytest.raises(DecisionNotFound, match="no decision nope"):
        store.mark_entered_in_error("nope", AUTHOR)


def test_only_accepted_decisions_can_be_stored(store: Store) -> None:
    note = make_note()
    decision = build_decision(note, make_suggestion(note), AUTHOR, "e").entered_in_error(AUTHOR, "x")
    with pytest.raises(ValueError):
        store.accept(decision)


def test_unknown_status_filter_is_refused(store: Store) -> None:
    with pytest.raises(ValueError):
        store.decisions(status="rejected")


def _stored_bytes(path: Path) -> bytes:
    files = [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]
    return b"".join(f.read_bytes() for f in files if f.exists())


def test_note_text_and_unaccepted_suggestions_are_never_written(store_path: Path) -> None:
    note = make_note()
    untouched = make_note("note-untouched", "Moeder drinkt stevig, zegt oom Kareltje tijdens huisbezoek.")
    with open_store(store_path) as store:
        store.accept(build_decision(note, make_suggestion(note, word="riem"), AUTHOR, "e"))
        make_suggestion(note, word="ontbijt", code="unaccepted-code")  # shown, then ignored: never stored
        store.claim(note.id, AUTHOR, 60)
        store.set_note_status(note.id, "reviewed", AUTHOR)
        while_open = _stored_bytes(store_path).lower()
    after_close = _stored_bytes(store_path).lower()
    for stored in (while_open, after_close):
        assert b"riem" in stored  # the accepted evidence is quoted, by design
        for word in (
            "jayden",
            "slaat",
            "buurvrouw",
            "ontbijt",
            "school",
            "blauwe",
            "plekken",
            "unaccepted-code",
        ):
            assert word.encode() not in stored, word
        for word in untouched.text.lower().replace(",", "").split():
            if len(word) > 3:
                assert word.encode() not in stored, word
        assert b"note-untouched" not in stored


def test_store_refuses_a_raised_certainty_by_registration_staff(store: Store) -> None:
    note = make_note()
    honest = build_decision(note, make_suggestion(note, certainty="vermoeden"), REGISTRAR, "e")
    with pytest.raises(CertaintyRaiseRefused):
        store.accept(replace(honest, certainty="feit"))  # made without build_decision's check
    assert store.decisions() == [] and store.audit_events() == []


def test_the_same_decision_value_accepted_again_after_undo_gets_a_new_id(store: Store) -> None:
    note = make_note()
    decision = build_decision(note, make_suggestion(note), AUTHOR, "e")
    store.accept(decision)
    store.mark_entered_in_error(decision.id, AUTHOR)
    again = store.accept(decision)
    assert again.id != decision.id and replace(again, id=decision.id) == decision
    assert [d.status for d in store.decisions()] == ["entered-in-error", "accepted"]
