"""The decision store: `open_store(target)` on a SQLite path (default) or a `postgresql://` URL."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from coder.decision import utc_now
from coder.store.connect import (
    create_postgres_engine,
    create_sqlite_engine,
    default_store_path,
    is_postgres_url,
    sqlite_path,
)
from coder.store.errors import DecisionNotFound, NotAStore, SchemaTooNew, StoreError, StoreMissing
from coder.store.migrations import LATEST as SCHEMA_VERSION
from coder.store.migrations import upgrade
from coder.store.records import NOTE_STATES, AuditEvent, Claim, NoteState, NoteStatus
from coder.store.store import Clock, Store

__all__ = [
    "NOTE_STATES",
    "SCHEMA_VERSION",
    "AuditEvent",
    "Claim",
    "DecisionNotFound",
    "NotAStore",
    "NoteState",
    "NoteStatus",
    "SchemaTooNew",
    "Store",
    "StoreError",
    "StoreMissing",
    "default_store_path",
    "open_store",
]


def open_store(
    target: str | Path | None = None,
    *,
    create: bool = True,
    clock: Clock = utc_now,
    schema_version: int = SCHEMA_VERSION,
) -> Store:
    """Open (and create or upgrade in place) a store. `target`: a file path for SQLite (None = the user's data
    directory) or a `postgresql://` URL. `create=False` refuses a SQLite file that does not exist yet.
    `schema_version` below the latest is for tests of upgrades only."""
    if target is None:
        target = default_store_path()
    if is_postgres_url(target):
        location = make_url(str(target)).render_as_string(hide_password=True)
        engine = create_postgres_engine(str(target))
    else:
        path = sqlite_path(target)
        location = str(path)
        engine = create_sqlite_engine(path, create=create)
    try:
        with engine.begin() as conn:
            upgrade(conn, location, target=schema_version)
    except StoreError:
        engine.dispose()
        raise
    except SQLAlchemyError as err:
        engine.dispose()
        reason = str(getattr(err, "orig", None) or err).splitlines()[0]
        raise StoreError(f"{location}: cannot open store ({reason})") from err
    return Store(engine, location, clock)
