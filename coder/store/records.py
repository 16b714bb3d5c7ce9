"""Values the store hands back besides decisions: audit events, claims and a note's review status."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from coder.decision import Reviewer

NoteState = Literal["open", "reviewed", "teruggelegd"]
NOTE_STATES: tuple[NoteState, ...] = ("open", "reviewed", "teruggelegd")

# Audit event names. There is deliberately no "rejected": a rejected suggestion is never logged.
ACCEPTED = "accepted"
ENTERED_IN_ERROR = "entered-in-error"
EXPORTED = "exported"
CLAIMED = "claimed"
RELEASED = "released"
STATUS_EVENTS: Mapping[str, str] = {"open": "reopened", "reviewed": "reviewed", "teruggelegd": "teruggelegd"}


@dataclass(frozen=True)
class AuditEvent:
    """One line of the append-only audit trail: what happened, who did it, when. Never note text."""

    id: int
    event: str
    at: str
    actor_name: str | None
    actor_role: str | None
    actor_registration: str | None
    decision_id: str | None = None
    note_id: str | None = None
    detail: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Claim:
    """A reviewer holds a note in the review queue until `expires_at` (UTC ISO) or release."""

    note_id: str
    reviewer: Reviewer
    claimed_at: str
    expires_at: str


@dataclass(frozen=True)
class NoteStatus:
    """Where a note stands in the review queue. A note without a status row is open."""

    note_id: str
    status: NoteState
    by: Reviewer
    at: str
    reason: str | None = None
