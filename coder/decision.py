"""What a person decided about one suggestion: an accepted code with its provenance. Nothing else is kept."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Literal

from coder.model import CERTAINTIES, CERTAINTY_STRENGTH, Certainty, Note, Span, Suggestion

Role = Literal["professional", "registratie"]
ROLES: tuple[Role, ...] = ("professional", "registratie")
Status = Literal["accepted", "entered-in-error"]
STATUSES: tuple[Status, ...] = ("accepted", "entered-in-error")

# "skj:12345678", "big:19012345678": a register name, a colon, the number in that register.
_REGISTRATION = re.compile(r"^[a-z][a-z0-9-]*:\S+$", re.IGNORECASE)


def utc_now() -> datetime:
    return datetime.now(UTC)


def utc_iso(moment: datetime) -> str:
    """Fixed-width UTC ISO 8601 (milliseconds), so stored times also sort correctly as text."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class Reviewer:
    """The person who accepts (or undoes) a code: the note's author or a registration reviewer."""

    name: str
    role: Role
    registration: str | None = None  # e.g. "skj:12345678" or "big:19012345678"

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("reviewer name is empty / naam ontbreekt")
        if self.role not in ROLES:
            raise ValueError(f"unknown role {self.role!r}; expected one of {', '.join(ROLES)}")
        if self.registration is not None and not _REGISTRATION.match(self.registration):
            raise ValueError(
                f"registration {self.registration!r} should look like skj:12345678 or big:19012345678"
            )


class CertaintyRaiseRefused(ValueError):
    """Registration staff tried to make a finding more certain than the author wrote it."""

    def __init__(self, suggested: str, requested: str) -> None:
        self.suggested = suggested
        self.requested = requested
        super().__init__(
            f"Registratiemedewerkers mogen de zekerheid niet verhogen ({suggested} → {requested}) / "
            f"registration staff cannot raise a certainty ({suggested} → {requested})"
        )


@dataclass(frozen=True)
class Decision:
    """One accepted code for one note, with who accepted it, when, on which evidence and by which rule."""

    id: str
    note_id: str
    client_id: str | None
    system: str
    code: str
    display: str
    value: str | None
    certainty: Certainty
    suggested_certainty: Certainty  # what the suggestion said; differs when a person lowered (or raised) it
    polarity: str
    temporality: str
    experiencer: str
    source: str
    evidence: tuple[Span, ...]  # offsets in the note and the quoted words
    rule: str
    engine_version: str
    accepted_by: Reviewer
    accepted_at: str  # UTC ISO 8601
    status: Status = "accepted"
    entered_in_error_by: Reviewer | None = None
    entered_in_error_at: str | None = None

    @property
    def identity(self) -> tuple[str, str, str, str | None, tuple[tuple[int, int], ...]]:
        """What makes two acceptances the same: note, code, value and the evidence they point at."""
        return (
            self.note_id,
            self.system,
            self.code,
            self.value,
            tuple((span.start, span.end) for span in self.evidence),
        )

    def entered_in_error(self, by: Reviewer, at: str) -> Decision:
        return replace(self, status="entered-in-error", entered_in_error_by=by, entered_in_error_at=at)


def check_certainty_change(suggested: str, requested: str, reviewer: Reviewer) -> None:
    """Anyone may lower a certainty; only the author (role professional) may raise it."""
    if requested not in CERTAINTIES:
        raise ValueError(f"unknown certainty {requested!r}; expected one of {', '.join(CERTAINTIES)}")
    raised = CERTAINTY_STRENGTH[requested] > CERTAINTY_STRENGTH[suggested]
    if raised and reviewer.role != "professional":
        raise CertaintyRaiseRefused(suggested, requested)


def build_decision(
    note: Note,
    suggestion: Suggestion,
    reviewer: Reviewer,
    engine_version: str,
    certainty: Certainty | None = None,
    *,
    at: datetime | None = None,
) -> Decision:
    """The decision to accept `suggestion` for `note`, optionally with a changed certainty. Not yet stored."""
    suggested = suggestion.qualifiers.certainty
    chosen = suggested if certainty is None else certainty
    check_certainty_change(suggested, chosen, reviewer)
    q = suggestion.qualifiers
    return Decision(
        id=uuid.uuid4().hex,
        note_id=note.id,
        client_id=note.client,
        system=suggestion.system,
        code=suggestion.code,
        display=suggestion.display,
        value=suggestion.value,
        certainty=chosen,
        suggested_certainty=suggested,
        polarity=q.polarity,
        temporality=q.temporality,
        experiencer=q.experiencer,
        source=q.source,
        evidence=tuple(suggestion.evidence),
        rule=suggestion.rule,
        engine_version=engine_version,
        accepted_by=reviewer,
        accepted_at=utc_iso(at or utc_now()),
    )
