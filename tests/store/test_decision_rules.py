"""Building a decision: provenance copied from note and suggestion; certainty only raised by the author."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from store_helpers import AUTHOR, REGISTRAR, make_note, make_suggestion

from coder.decision import CertaintyRaiseRefused, Reviewer, build_decision, check_certainty_change
from coder.model import CERTAINTIES, CERTAINTY_STRENGTH


def test_decision_carries_what_was_accepted_and_by_whom() -> None:
    note = make_note()
    suggestion = make_suggestion(note, "riem", value="ja")
    decision = build_decision(
        note, suggestion, AUTHOR, "engine 1.2 / terms 3", at=datetime(2025, 3, 4, 5, 6, 7, tzinfo=UTC)
    )
    assert (decision.note_id, decision.client_id) == ("note-17", "client-4711")
    assert (decision.system, decision.code, decision.display, decision.value) == (
        suggestion.system,
        suggestion.code,
        suggestion.display,
        "ja",
    )
    assert decision.certainty == decision.suggested_certainty == "vermoeden"
    assert (decision.polarity, decision.temporality, decision.experiencer, decision.source) == (
        "present",
        "current",
        "client",
        "third_party",
    )
    assert decision.evidence == suggestion.evidence
    assert decision.evidence[0].text == "riem"
    assert (decision.rule, decision.engine_version) == ("test-rule", "engine 1.2 / terms 3")
    assert decision.accepted_by == AUTHOR
    assert decision.accepted_at == "2025-03-04T05:06:07.000+00:00"
    assert decision.status == "accepted" and decision.entered_in_error_by is None
    assert not hasattr(decision, "text")


def test_each_decision_gets_its_own_id() -> None:
    note = make_note()
    first = build_decision(note, make_suggestion(note), AUTHOR, "e")
    second = build_decision(note, make_suggestion(note), AUTHOR, "e")
    assert first.id != second.id
    assert first.identity == second.identity


def test_note_without_client_gives_no_client_id() -> None:
    note = make_note(client=None)
    assert build_decision(note, make_suggestion(note), AUTHOR, "e").client_id is None


def test_author_may_raise_a_certainty() -> None:
    note = make_note()
    decision = build_decision(
        note, make_suggestion(note, certainty="vermoeden"), AUTHOR, "e", certainty="feit"
    )
    assert (decision.suggested_certainty, decision.certainty) == ("vermoeden", "feit")


@pytest.mark.parametrize(
    "suggested, requested", [("vermoeden", "feit"), ("mening", "vermoeden"), ("mening", "feit")]
)
def test_registration_staff_cannot_raise_a_certainty(suggested: str, requested: str) -> None:
    note = make_note()
    with pytest.raises(CertaintyRaiseRefused) as refused:
        build_decision(note, make_suggestion(note, certainty=suggested), REGISTRAR, "e", certainty=requested)
    message = str(refused.value)
    assert "\n" not in message
    assert "Registratiemedewerkers mogen de zekerheid niet verhogen" in message
    assert "registration staff cannot raise a certainty" in message
    assert f"{suggested} → {requested}" in message


@pytest.mark.parametrize("reviewer", [AUTHOR, REGISTRAR])
def test_anyone_may_lower_or_keep_a_certainty(reviewer: Reviewer) -> None:
    note = make_note()
    lowered = build_decision(note, make_suggestion(note, certainty="feit"), reviewer, "e", certainty="mening")
    kept = build_decision(
        note, make_suggestion(note, certainty="vermoeden"), reviewer, "e", certainty="vermoeden"
    )
    assert lowered.certainty == "mening" and kept.certainty == "vermoeden"


@given(
    suggested=st.sampled_from(CERTAINTIES),
    requested=st.sampled_from(CERTAINTIES),
    role=st.sampled_from(["professional", "registratie"]),
)
def test_only_a_raise_by_registration_staff_is_refused(suggested: str, requested: str, role: str) -> None:
    reviewer = Reviewer("Iemand", role)
    raise_by_registrar = (
        role == "registratie" and CERTAINTY_STRENGTH[requested] > CERTAINTY_STRENGTH[suggested]
    )
    if raise_by_registrar:
        with pytest.raises(CertaintyRaiseRefused):
            check_certainty_change(suggested, requested, reviewer)
    else:
        check_certainty_change(suggested, requested, reviewer)


def test_unknown_certainty_is_refused() -> None:
    note = make_note()
    with pytest.raises(ValueError, match="unknown certainty"):
        build_decision(note, make_suggestion(note), AUTHOR, "e", certainty="zeker")


@pytest.mark.parametrize(
    "name, role, registration",
    [("", "professional", None), ("Anna", "onderzoeker", None), ("Anna", "professional", "12345678")],
)
def test_reviewer_is_validated(name: str, role: str, registration: str | None) -> None:
    with pytest.raises(ValueError):
        Reviewer(name, role, registration)


def test_reviewer_registration_forms() -> None:
    assert Reviewer("Anna", "professional", "skj:12345678").registration == "skj:12345678"
    assert Reviewer("Piet", "professional", "BIG:19012345601").registration == "BIG:19012345601"
