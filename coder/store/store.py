"""The decision store: accepted codes, their undo, the audit trail, and the review queue's claims and status.

Every write is one transaction that is durable when the method returns. Only `Decision` values come in, so a
note's text and its unaccepted suggestions have no way into the store.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, and_, delete, insert, or_, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from coder.decision import STATUSES, Decision, Reviewer, check_certainty_change, utc_iso, utc_now
from coder.store import rows, tables
from coder.store.connect import READ_ONLY
from coder.store.errors import DecisionNotFound, StoreError
from coder.store.records import (
    ACCEPTED,
    CLAIMED,
    ENTERED_IN_ERROR,
    EXPORTED,
    NOTE_STATES,
    RELEASED,
    STATUS_EVENTS,
    AuditEvent,
    Claim,
    NoteState,
    NoteStatus,
)

Clock = Callable[[], datetime]
_RETRIES = 5  # an accept whose insert failed on a constraint looks again (see accept)


class Store:
    """Open with `coder.store.open_store`. Safe to share between threads; open one per process."""

    def __init__(self, engine: Engine, location: str, clock: Clock = utc_now) -> None:
        self._engine = engine
        self.location = location  # path or URL without password, for messages
        self.clock = clock

    # -- decisions --------------------------------------------------------------------------------------

    def accept(self, decision: Decision) -> Decision:
        """Store an accepted code; durable on return. The same code on the same evidence of the same note is
        stored once: while it is accepted, accepting it again returns the stored decision (even from another
        process), whatever certainty the second acceptance had. To change a certainty: undo, then accept."""
        if decision.status != "accepted":
            raise ValueError(f"only an accepted decision can be stored, not {decision.status!r}")
        # Also here, for decisions not made by build_decision: registration staff never raise a certainty.
        check_certainty_change(decision.suggested_certainty, decision.certainty, decision.accepted_by)
        row = rows.decision_to_row(decision)
        for _ in range(_RETRIES):
            with self._write() as conn:
                existing = self._accepted_with_identity(conn, row["identity_key"])
                if existing is not None:
                    return existing
                try:
                    with conn.begin_nested():
                        conn.execute(insert(tables.decisions).values(**row))
                except IntegrityError:
                    # Another process accepted it between our look and our insert (PostgreSQL).
                    existing = self._accepted_with_identity(conn, row["identity_key"])
                    if existing is not None:
                        return existing
                    if self._decision(conn, decision.id) is not None:
                        # The same value accepted again after its undo: a new decision, so a new id.
                        decision = replace(decision, id=uuid.uuid4().hex)
                        row = rows.decision_to_row(decision)
                    continue
                self._audit(conn, ACCEPTED, decision.accepted_by, decision_id=decision.id)
                return decision
        raise StoreError(f"{self.location}: could not store decision {decision.id} (kept changing)")

    def mark_entered_in_error(self, decision_id: str, reviewer: Reviewer) -> Decision:
        """Undo: the decision stays, marked entered-in-error with who and when. Nothing is deleted."""
        at = utc_iso(self.clock())
        with self._write() as conn:
            changed = conn.execute(
                update(tables.decisions)
                .where(tables.decisions.c.id == decision_id, tables.decisions.c.status == "accepted")
                .values(status="entered-in-error", error_at=at, **rows.reviewer_columns("error_by", reviewer))
            ).rowcount
            if changed:
                self._audit(conn, ENTERED_IN_ERROR, reviewer, decision_id=decision_id)
            found = self._decision(conn, decision_id)
        if found is None:
            raise DecisionNotFound(f"{self.location}: no decision {decision_id}")
        return found

    def get(self, decision_id: str) -> Decision | None:
        with self._read() as conn:
            return self._decision(conn, decision_id)

    def decisions(self, status: str | None = None, note_id: str | None = None) -> list[Decision]:
        """Stored decisions in the order they were accepted; filter on status and/or note."""
        if status is not None and status not in STATUSES:
            raise ValueError(f"unknown status {status!r}; expected one of {', '.join(STATUSES)}")
        query = select(tables.decisions).order_by(tables.decisions.c.seq)
        if status is not None:
            query = query.where(tables.decisions.c.status == status)
        if note_id is not None:
            query = query.where(tables.decisions.c.note_id == note_id)
        with self._read() as conn:
            return [rows.decision_from_row(row) for row in conn.execute(query).mappings()]

    # -- audit ------------------------------------------------------------------------------------------

    def audit_events(self, event: str | None = None) -> list[AuditEvent]:
        query = select(tables.audit).order_by(tables.audit.c.id)
        if event is not None:
            query = query.where(tables.audit.c.event == event)
        with self._read() as conn:
            return [rows.audit_from_row(row) for row in conn.execute(query).mappings()]

    def record_export(
        self,
        fmt: str,
        count: int,
        by: str,
        *,
        role: str | None = None,
        registration: str | None = None,
        purpose: str = "HRESCH",
    ) -> AuditEvent:
        """Audit an export: who, when, which format, how many records, for what purpose (default research)."""
        detail = {"format": fmt, "count": count, "purpose": purpose}
        with self._write() as conn:
            event_id = self._audit_row(conn, EXPORTED, by, role, registration, detail=detail)
            row = conn.execute(select(tables.audit).where(tables.audit.c.id == event_id)).mappings().one()
        return rows.audit_from_row(row)

    # -- review queue -----------------------------------------------------------------------------------

    def claim(self, note_id: str, reviewer: Reviewer, ttl_seconds: float) -> bool:
        """Hold a note for `ttl_seconds`. False when another reviewer holds an unexpired claim on it.
        Claiming a note you already hold extends the claim."""
        now = self.clock()
        values = {
            **rows.reviewer_columns("reviewer", reviewer),
            "claimed_at": utc_iso(now),
            "expires_at": utc_iso(now + timedelta(seconds=ttl_seconds)),
        }
        c = tables.claims.c
        with self._write() as conn:
            held_before = self._claim(conn, note_id)
            taken = conn.execute(
                update(tables.claims)
                .where(c.note_id == note_id, or_(c.expires_at <= utc_iso(now), self._held_by(reviewer)))
                .values(**values)
            ).rowcount
            if not taken:
                try:
                    with conn.begin_nested():
                        conn.execute(insert(tables.claims).values(note_id=note_id, **values))
                except IntegrityError:
                    return False  # held by someone else (or just taken by them)
            renewed = (
                held_before is not None
                and held_before.reviewer == reviewer
                and held_before.expires_at > utc_iso(now)
            )
            if not renewed:
                self._audit(conn, CLAIMED, reviewer, note_id=note_id)
        return True

    def release(self, note_id: str, reviewer: Reviewer) -> bool:
        """Give a note back to the queue. False when the reviewer did not hold it."""
        with self._write() as conn:
            released = conn.execute(
                delete(tables.claims).where(tables.claims.c.note_id == note_id, self._held_by(reviewer))
            ).rowcount
            if released:
                self._audit(conn, RELEASED, reviewer, note_id=note_id)
        return bool(released)

    def claim_holder(self, note_id: str) -> Claim | None:
        """The unexpired claim on a note, if any."""
        with self._read() as conn:
            claim = self._claim(conn, note_id)
        if claim is None or claim.expires_at <= utc_iso(self.clock()):
            return None
        return claim

    def active_claims(self) -> dict[str, Claim]:
        """Every unexpired claim, by note id (for a queue that hides notes others are working on)."""
        c = tables.claims.c
        query = select(tables.claims).where(c.expires_at > utc_iso(self.clock())).order_by(c.note_id)
        with self._read() as conn:
            return {row["note_id"]: rows.claim_from_row(row) for row in conn.execute(query).mappings()}

    def set_note_status(
        self, note_id: str, status: NoteState, reviewer: Reviewer, reason: str | None = None
    ) -> NoteStatus:
        """Mark a note open, reviewed or teruggelegd (sent back to its author: a short reason is required)."""
        if status not in NOTE_STATES:
            raise ValueError(f"unknown note status {status!r}; expected one of {', '.join(NOTE_STATES)}")
        reason = (reason or "").strip() or None
        if status == "teruggelegd" and reason is None:
            raise ValueError("terugleggen vraagt een korte reden / sending a note back needs a short reason")
        values = {
            "status": status,
            "reason": reason,
            **rows.reviewer_columns("by", reviewer),
            "at": utc_iso(self.clock()),
        }
        c = tables.note_status.c
        with self._write() as conn:
            changed = conn.execute(update(tables.note_status).where(c.note_id == note_id).values(**values))
            if not changed.rowcount:
                try:
                    with conn.begin_nested():
                        conn.execute(insert(tables.note_status).values(note_id=note_id, **values))
                except IntegrityError:  # set by another process just now: last writer wins
                    conn.execute(update(tables.note_status).where(c.note_id == note_id).values(**values))
            self._audit(conn, STATUS_EVENTS[status], reviewer, note_id=note_id)
        return NoteStatus(note_id, status, reviewer, values["at"], reason)

    def note_status(self, note_id: str) -> NoteStatus | None:
        """None means the note was never marked: it is open."""
        with self._read() as conn:
            row = (
                conn.execute(select(tables.note_status).where(tables.note_status.c.note_id == note_id))
                .mappings()
                .first()
            )
        return None if row is None else rows.note_status_from_row(row)

    def note_statuses(self) -> dict[str, NoteStatus]:
        with self._read() as conn:
            found = conn.execute(select(tables.note_status)).mappings().all()
        return {row["note_id"]: rows.note_status_from_row(row) for row in found}

    # -- lifecycle --------------------------------------------------------------------------------------

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- internals --------------------------------------------------------------------------------------

    def _write(self) -> AbstractContextManager[Connection]:
        return _transaction(self._engine, self.location, read_only=False)

    def _read(self) -> AbstractContextManager[Connection]:
        return _transaction(self._engine, self.location, read_only=True)

    def _decision(self, conn: Connection, decision_id: str) -> Decision | None:
        row = conn.execute(select(tables.decisions).where(tables.decisions.c.id == decision_id)).mappings()
        found = row.first()
        return None if found is None else rows.decision_from_row(found)

    def _accepted_with_identity(self, conn: Connection, key: str) -> Decision | None:
        d = tables.decisions.c
        query = select(tables.decisions).where(d.identity_key == key, d.status == "accepted")
        found = conn.execute(query).mappings().first()
        return None if found is None else rows.decision_from_row(found)

    def _claim(self, conn: Connection, note_id: str) -> Claim | None:
        query = select(tables.claims).where(tables.claims.c.note_id == note_id)
        found = conn.execute(query).mappings().first()
        return None if found is None else rows.claim_from_row(found)

    @staticmethod
    def _held_by(reviewer: Reviewer) -> Any:
        c = tables.claims.c
        return and_(
            c.reviewer_name == reviewer.name,
            c.reviewer_role == reviewer.role,
            c.reviewer_registration.is_not_distinct_from(reviewer.registration),
        )

    def _audit(
        self,
        conn: Connection,
        event: str,
        actor: Reviewer,
        *,
        decision_id: str | None = None,
        note_id: str | None = None,
    ) -> None:
        self._audit_row(
            conn, event, actor.name, actor.role, actor.registration, decision_id=decision_id, note_id=note_id
        )

    def _audit_row(
        self,
        conn: Connection,
        event: str,
        name: str | None,
        role: str | None,
        registration: str | None,
        *,
        decision_id: str | None = None,
        note_id: str | None = None,
        detail: dict[str, Any] | None = None,
    ) -> int:
        result = conn.execute(
            insert(tables.audit).values(
                event=event,
                at=utc_iso(self.clock()),
                actor_name=name,
                actor_role=role,
                actor_registration=registration,
                decision_id=decision_id,
                note_id=note_id,
                detail=None if detail is None else json.dumps(detail, sort_keys=True),
            )
        )
        return result.inserted_primary_key[0]


@contextmanager
def _transaction(engine: Engine, location: str, *, read_only: bool) -> Iterator[Connection]:
    """One committed transaction; database errors other than a constraint become one-line StoreErrors."""
    try:
        with engine.connect() as conn:
            if read_only:
                conn.execution_options(**{READ_ONLY: True})
            with conn.begin():
                yield conn
    except IntegrityError:
        raise
    except SQLAlchemyError as err:
        raise StoreError(f"{location}: {_first_line(err)}") from err


def _first_line(err: SQLAlchemyError) -> str:
    original = getattr(err, "orig", None)
    return str(original or err).splitlines()[0]
