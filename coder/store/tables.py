"""The store's tables as they are at the latest schema version (SQLAlchemy Core, portable SQL only).

Times are fixed-width UTC ISO 8601 text (see `coder.decision.utc_iso`), so they compare correctly as text in
every database. Decisions and audit rows are never deleted; a note's text is never a column anywhere.
"""

from __future__ import annotations

from sqlalchemy import (
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    text,
)

metadata = MetaData()

TIME = String(40)
ROLE = String(16)
QUALIFIER = String(16)

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("applied_at", TIME, nullable=False),
)

decisions = Table(
    "decisions",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),  # the order decisions were stored in
    Column("id", String(32), nullable=False, unique=True),
    # sha256 of (note_id, system, code, value, evidence offsets): what makes two acceptances the same
    Column("identity_key", String(64), nullable=False),
    Column("note_id", Text, nullable=False),
    Column("client_id", Text),
    Column("system", Text, nullable=False),
    Column("code", Text, nullable=False),
    Column("display", Text, nullable=False),
    Column("value", Text),
    Column("certainty", QUALIFIER, nullable=False),
    Column("suggested_certainty", QUALIFIER, nullable=False),
    Column("polarity", QUALIFIER, nullable=False),
    Column("temporality", QUALIFIER, nullable=False),
    Column("experiencer", QUALIFIER, nullable=False),
    Column("source", QUALIFIER, nullable=False),
    Column("evidence", Text, nullable=False),  # JSON list of {start, end, text}: only the accepted evidence
    Column("rule", Text, nullable=False),
    Column("engine_version", Text, nullable=False),
    Column("status", String(20), nullable=False),
    Column("accepted_by_name", Text, nullable=False),
    Column("accepted_by_role", ROLE, nullable=False),
    Column("accepted_by_registration", Text),
    Column("accepted_at", TIME, nullable=False),
    Column("error_by_name", Text),
    Column("error_by_role", ROLE),
    Column("error_by_registration", Text),
    Column("error_at", TIME),
    CheckConstraint("status IN ('accepted', 'entered-in-error')", name="ck_decisions_status"),
)
Index("ix_decisions_note", decisions.c.note_id)
# One accepted row per identity, enforced by the database so two processes cannot double a decision.
_ACCEPTED_ONLY = text("status = 'accepted'")
Index(
    "uq_decisions_accepted_identity",
    decisions.c.identity_key,
    unique=True,
    sqlite_where=_ACCEPTED_ONLY,
    postgresql_where=_ACCEPTED_ONLY,
)

audit = Table(
    "audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event", String(32), nullable=False),
    Column("at", TIME, nullable=False),
    Column("actor_name", Text),
    Column("actor_role", ROLE),
    Column("actor_registration", Text),
    Column("decision_id", String(32), ForeignKey("decisions.id")),
    Column("note_id", Text),
    Column("detail", Text),  # small JSON (export format and count); never note text
)

claims = Table(
    "claims",
    metadata,
    Column("note_id", Text, primary_key=True),
    Column("reviewer_name", Text, nullable=False),
    Column("reviewer_role", ROLE, nullable=False),
    Column("reviewer_registration", Text),
    Column("claimed_at", TIME, nullable=False),
    Column("expires_at", TIME, nullable=False),
)

note_status = Table(
    "note_status",
    metadata,
    Column("note_id", Text, primary_key=True),
    Column("status", String(16), nullable=False),
    Column("reason", Text),  # the reviewer's short reason for terugleggen
    Column("by_name", Text, nullable=False),
    Column("by_role", ROLE, nullable=False),
    Column("by_registration", Text),
    Column("at", TIME, nullable=False),
    CheckConstraint("status IN ('open', 'reviewed', 'teruggelegd')", name="ck_note_status_status"),
)
