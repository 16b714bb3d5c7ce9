"""Choices, the recorder's store writes and the note marks, without a screen."""

from __future__ import annotations

import pytest
from tui_helpers import NOTES, analyse_abuse, analyse_plan

from coder.decision import Reviewer
from coder.store import open_store
from tui.choices import NoteChoices
from tui.highlight import first_focus, note_marks
from tui.recording import Recorder, Refused
from tui.screens.search import manual_suggestion

ANNA = Reviewer("Anna", "professional", "skj:1")
STAFF = Reviewer("Reg", "registratie", None)


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "t.db") as opened:
        yield opened


@pytest.fixture
def recorder(store):
    return Recorder(store, "engine-test")


def test_candidates_list_proposed_first_then_considered():
    choices = NoteChoices(analyse_abuse(NOTES[0]))
    kinds = [(c.key, c.kind) for c in choices.candidates()]
    assert kinds == [("s0", "suggested"), ("s1", "suggested"), ("s2", "considered"), ("c0", "considered")]
    assert all(choices.choice(key).state == "not-coded" for key, _ in kinds)
    assert [c.decidable for c in choices.candidates()] == [True, True, False, False]


def test_manual_codes_come_after_the_proposed_ones():
    choices = NoteChoices(analyse_abuse(NOTES[0]))
    from terminology.codesystems import load_code_systems

    key = choices.add_manual(manual_suggestion(load_code_systems().get("icpc", "Z16.02")))
    assert [c.key for c in choices.candidates()] == ["s0", "s1", key, "s2", "c0"]


def test_accept_stores_then_undo_marks_entered_in_error(store, recorder):
    choices = NoteChoices(analyse_abuse(NOTES[0]))
    recorder.accept(choices, "s0", ANNA, "feit")
    [decision] = store.decisions(status="accepted")
    assert (decision.certainty, decision.suggested_certainty, decision.engine_version) == (
        "feit",
        "vermoeden",
        "engine-test",
    )
    recorder.undo(choices, ANNA)
    assert choices.choice("s0").state == "not-coded"
    assert store.get(decision.id).status == "entered-in-error"
    with pytest.raises(Refused):
        recorder.undo(choices, ANNA)


def test_reject_writes_nothing(store, recorder):
    choices = NoteChoices(analyse_abuse(NOTES[0]))
    recorder.reject(choices, "s1", ANNA)
    assert choices.choice("s1").state == "rejected"
    assert store.decisions() == [] and store.audit_events() == []
    with pytest.raises(Refused):
        recorder.reject(choices, "s1", ANNA)


def test_considered_rows_refuse_every_decision(recorder):
    choices = NoteChoices(analyse_abuse(NOTES[0]))
    for key in ("s2", "c0"):
        with pytest.raises(Refused):
            recorder.accept(choices, key, ANNA)
        with pytest.raises(Refused):
            recorder.reject(choices, key, ANNA)


def test_registration_staff_lower_but_never_raise(store, recorder):
    choices = NoteChoices(analyse_abuse(NOTES[0]))
    with pytest.raises(Refused, match="verhogen"):
        recorder.accept(choices, "s0", STAFF, "feit")
    assert store.decisions() == []
    recorder.accept(choices, "s0", STAFF, "mening")
    assert store.decisions()[0].accepted_by.role == "registratie"


def test_a_changed_certainty_on_an_accepted_code_is_refused(recorder):
    choices = NoteChoices(analyse_abuse(NOTES[0]))
    recorder.accept(choices, "s0", ANNA)
    with pytest.raises(Refused, match="al aangenomen als vermoeden"):
        recorder.accept(choices, "s0", ANNA, "feit")


def test_stored_decisions_show_as_accepted_on_their_rows(store, recorder):
    first = NoteChoices(analyse_abuse(NOTES[0]))
    recorder.accept(first, "s1", ANNA)
    from terminology.codesystems import load_code_systems

    recorder.accept(
        first, first.add_manual(manual_suggestion(load_code_systems().get("icpc", "Z16.02"))), ANNA
    )
    again = NoteChoices(analyse_abuse(NOTES[0]), store.decisions(status="accepted", note_id="N1"))
    assert again.choice("s0").state == "not-coded"
    assert again.choice("s1").state == "accepted"
    [manual] = [c for c in again.candidates() if c.kind == "manual"]
    assert again.choice(manual.key).state == "accepted" and manual.suggestion.code == "Z16.02"


def test_marks_show_all_evidence_triggers_by_kind_and_the_current_one_last():
    choices = NoteChoices(analyse_abuse(NOTES[0]))
    marks = note_marks(choices.candidates(), "s0")
    text = NOTES[0].text
    by_kind = {}
    for mark in marks:
        by_kind.setdefault(mark.kind, set()).add(text[mark.start : mark.end])
    assert by_kind["evidence"] == {"lichamelijke mishandeling", "striemen"}
    assert by_kind["considered"] == {"verwaarlozing", "mishandeld"}
    assert by_kind["negation"] == {"geen aanwijzingen voor"}
    assert by_kind["suspicion"] == {"vermoeden"}
    assert by_kind["history"] == {"als kind"}
    assert by_kind["other-person"] == {"Moeder is zelf"}
    assert by_kind["source"] == {"de juf zag"}
    assert by_kind["current"] == {"lichamelijke mishandeling", "striemen"}
    assert marks[-1].kind == "current-trigger"
    assert first_focus(marks) == text.index("lichamelijke mishandeling")


def test_safety_plan_value_is_part_of_the_record(store, recorder):
    choices = NoteChoices(analyse_plan(NOTES[1]))
    recorder.accept(choices, "s0", ANNA)
    [decision] = store.decisions()
    assert (decision.code, decision.value, decision.client_id) == ("veiligheidsplan", "ja", "C-18")
