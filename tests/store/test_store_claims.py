"""Claims on notes in the review queue, and a note's review status."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from store_helpers import AUTHOR, REGISTRAR

from coder.decision import Reviewer
from coder.store import Store, open_store

OTHER = Reviewer("Cor Smit", "registratie", "skj:87654321")


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2025, 1, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def clocked_store(store_target: str, clock: FakeClock) -> Iterator[Store]:
    store = open_store(store_target, clock=clock)
    yield store
    store.close()


def test_a_claimed_note_is_not_offered_to_another(clocked_store: Store) -> None:
    assert clocked_store.claim("n1", REGISTRAR, 300)
    assert not clocked_store.claim("n1", OTHER, 300)
    assert clocked_store.claim("n2", OTHER, 300)
    holder = clocked_store.claim_holder("n1")
    assert holder is not None and holder.reviewer == REGISTRAR
    assert holder.expires_at == "2025-01-01T09:05:00.000+00:00"


def test_claiming_again_extends_and_is_audited_once(clocked_store: Store, clock: FakeClock) -> None:
    assert clocked_store.claim("n1", REGISTRAR, 60)
    clock.advance(50)
    assert clocked_store.claim("n1", REGISTRAR, 60)
    clock.advance(50)  # past the first expiry, within the renewed one
    assert not clocked_store.claim("n1", OTHER, 60)
    assert len(clocked_store.audit_events("claimed")) == 1


def test_an_expired_claim_can_be_taken_over(clocked_store: Store, clock: FakeClock) -> None:
    assert clocked_store.claim("n1", REGISTRAR, 60)
    clock.advance(60)
    assert clocked_store.claim_holder("n1") is None
    assert clocked_store.claim("n1", OTHER, 60)
    assert not clocked_store.claim("n1", REGISTRAR, 60)
    claimed = clocked_store.audit_events("claimed")
    assert [e.actor_name for e in claimed] == ["Bram Jansen", "Cor Smit"]


def test_release_only_by_the_holder(clocked_store: Store) -> None:
    assert clocked_store.claim("n1", REGISTRAR, 60)
    assert not clocked_store.release("n1", OTHER)
    assert clocked_store.release("n1", REGISTRAR)
    assert clocked_store.claim_holder("n1") is None
    assert clocked_store.claim("n1", OTHER, 60)
    assert not clocked_store.release("n1", REGISTRAR)
    assert [e.event for e in clocked_store.audit_events()] == ["claimed", "released", "claimed"]


def test_same_name_with_other_registration_is_another_reviewer(clocked_store: Store) -> None:
    assert clocked_store.claim("n1", Reviewer("Cor Smit", "registratie"), 60)
    assert not clocked_store.claim("n1", OTHER, 60)


def test_note_status_open_until_marked(clocked_store: Store) -> None:
    assert clocked_store.note_status("n1") is None
    reviewed = clocked_store.set_note_status("n1", "reviewed", REGISTRAR)
    assert clocked_store.note_status("n1") == reviewed
    sent_back = clocked_store.set_note_status("n1", "teruggelegd", REGISTRAR, "  Datum ontbreekt ")
    assert sent_back.reason == "Datum ontbreekt"
    assert clocked_store.note_statuses() == {"n1": sent_back}
    clocked_store.set_note_status("n1", "open", AUTHOR)
    assert clocked_store.note_status("n1").status == "open"
    events = [(e.event, e.note_id) for e in clocked_store.audit_events()]
    assert events == [("reviewed", "n1"), ("teruggelegd", "n1"), ("reopened", "n1")]


def test_sending_back_needs_a_reason(clocked_store: Store) -> None:
    with pytest.raises(ValueError, match="reden"):
        clocked_store.set_note_status("n1", "teruggelegd", REGISTRAR, " ")
    with pytest.raises(ValueError):
        clocked_store.set_note_status("n1", "klaar", REGISTRAR)
    assert clocked_store.audit_events() == []


def test_active_claims_leave_out_expired_ones(clocked_store: Store, clock: FakeClock) -> None:
    clocked_store.claim("n1", REGISTRAR, 30)
    clocked_store.claim("n2", OTHER, 90)
    assert set(clocked_store.active_claims()) == {"n1", "n2"}
    clock.advance(60)
    assert {note: c.reviewer for note, c in clocked_store.active_claims().items()} == {"n2": OTHER}


def test_taking_back_your_own_expired_claim_is_audited_again(clocked_store: Store, clock: FakeClock) -> None:
    clocked_store.claim("n1", REGISTRAR, 30)
    clock.advance(31)
    assert clocked_store.claim("n1", REGISTRAR, 30)
    assert len(clocked_store.audit_events("claimed")) == 2
