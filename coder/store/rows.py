"""Decisions and records to and from table rows."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from coder.decision import Decision, Reviewer
from coder.model import Span
from coder.store.records import AuditEvent, Claim, NoteStatus


def identity_key(decision: Decision) -> str:
    canonical = json.dumps(decision.identity, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def reviewer_columns(prefix: str, reviewer: Reviewer | None) -> dict[str, str | None]:
    return {
        f"{prefix}_name": None if reviewer is None else reviewer.name,
        f"{prefix}_role": None if reviewer is None else reviewer.role,
        f"{prefix}_registration": None if reviewer is None else reviewer.registration,
    }


def reviewer_from(row: Mapping[str, Any], prefix: str) -> Reviewer | None:
    name = row[f"{prefix}_name"]
    if name is None:
        return None
    return Reviewer(name=name, role=row[f"{prefix}_role"], registration=row[f"{prefix}_registration"])


def decision_to_row(decision: Decision) -> dict[str, Any]:
    return {
        "id": decision.id,
        "identity_key": identity_key(decision),
        "note_id": decision.note_id,
        "client_id": decision.client_id,
        "system": decision.system,
        "code": decision.code,
        "display": decision.display,
        "value": decision.value,
        "certainty": decision.certainty,
        "suggested_certainty": decision.suggested_certainty,
        "polarity": decision.polarity,
        "temporality": decision.temporality,
        "experiencer": decision.experiencer,
        "source": decision.source,
        "evidence": json.dumps([span.to_json() for span in decision.evidence], ensure_ascii=False),
        "rule": decision.rule,
        "engine_version": decision.engine_version,
        "status": decision.status,
        **reviewer_columns("accepted_by", decision.accepted_by),
        "accepted_at": decision.accepted_at,
        **reviewer_columns("error_by", decision.entered_in_error_by),
        "error_at": decision.entered_in_error_at,
    }


def decision_from_row(row: Mapping[str, Any]) -> Decision:
    accepted_by = reviewer_from(row, "accepted_by")
    assert accepted_by is not None  # the column is NOT NULL
    return Decision(
        id=row["id"],
        note_id=row["note_id"],
        client_id=row["client_id"],
        system=row["system"],
        code=row["code"],
        display=row["display"],
        value=row["value"],
        certainty=row["certainty"],
        suggested_certainty=row["suggested_certainty"],
        polarity=row["polarity"],
        temporality=row["temporality"],
        experiencer=row["experiencer"],
        source=row["source"],
        evidence=tuple(Span(s["start"], s["end"], s["text"]) for s in json.loads(row["evidence"])),
        rule=row["rule"],
        engine_version=row["engine_version"],
        status=row["status"],
        accepted_by=accepted_by,
        accepted_at=row["accepted_at"],
        entered_in_error_by=reviewer_from(row, "error_by"),
        entered_in_error_at=row["error_at"],
    )


def audit_from_row(row: Mapping[str, Any]) -> AuditEvent:
    return AuditEvent(
        id=row["id"],
        event=row["event"],
        at=row["at"],
        actor_name=row["actor_name"],
        actor_role=row["actor_role"],
        actor_registration=row["actor_registration"],
        decision_id=row["decision_id"],
        note_id=row["note_id"],
        detail=json.loads(row["detail"]) if row["detail"] else {},
    )


def claim_from_row(row: Mapping[str, Any]) -> Claim:
    reviewer = reviewer_from(row, "reviewer")
    assert reviewer is not None
    return Claim(row["note_id"], reviewer, row["claimed_at"], row["expires_at"])


def note_status_from_row(row: Mapping[str, Any]) -> NoteStatus:
    by = reviewer_from(row, "by")
    assert by is not None
    return NoteStatus(row["note_id"], row["status"], by, row["at"], row["reason"])
