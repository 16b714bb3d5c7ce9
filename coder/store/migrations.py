"""Schema versions: an ordered list of migrations, applied in place, each in the opening transaction.

Version N is reached by running MIGRATIONS[:N]. A migration only adds to what earlier ones made. When a later
version alters a table that an earlier migration created from `tables`, freeze that table's earlier definition
inside the earlier migration (the upgrade test from version 1 fails until you do).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, func, insert, inspect, select, text

from coder.decision import utc_iso, utc_now
from coder.store import tables
from coder.store.errors import NotAStore, SchemaTooNew

Migration = Callable[[Connection], None]

# An arbitrary constant: PostgreSQL serialises concurrent first opens of one store on this advisory lock.
_PG_UPGRADE_LOCK = 0x63617365


def _v1_decisions_and_audit(conn: Connection) -> None:
    for table in (tables.schema_version, tables.decisions, tables.audit):
        table.create(conn)


def _v2_review_queue(conn: Connection) -> None:
    for table in (tables.claims, tables.note_status):
        table.create(conn)


MIGRATIONS: tuple[Migration, ...] = (_v1_decisions_and_audit, _v2_review_queue)
LATEST = len(MIGRATIONS)


def current_version(conn: Connection, where: str) -> int:
    """0 for an empty database; refuses one that holds other tables but no casecoder schema."""
    inspector = inspect(conn)
    if inspector.has_table(tables.schema_version.name):
        return conn.scalar(select(func.max(tables.schema_version.c.version))) or 0
    existing = set(inspector.get_table_names())
    ours = set(tables.metadata.tables)
    if existing & ours or (existing and conn.dialect.name == "sqlite"):
        raise NotAStore(f"{where}: not a casecoder store (it holds other tables and no schema_version)")
    return 0


def upgrade(conn: Connection, where: str, target: int = LATEST) -> int:
    """Bring the store to `target` (inside the caller's transaction); returns the version it is at."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_UPGRADE_LOCK})
    version = current_version(conn, where)
    if version > LATEST:
        raise SchemaTooNew(
            f"{where}: store has schema version {version}, this casecoder knows up to {LATEST}; "
            "upgrade casecoder to open it"
        )
    for number in range(version + 1, target + 1):
        MIGRATIONS[number - 1](conn)
        conn.execute(insert(tables.schema_version).values(version=number, applied_at=utc_iso(utc_now())))
    return max(version, target)
