"""Schema creation, in-place upgrade from version 1, refusal of newer or foreign databases."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, inspect
from store_helpers import AUTHOR, make_note, make_suggestion

from coder.decision import build_decision
from coder.store import (
    SCHEMA_VERSION,
    NotAStore,
    SchemaTooNew,
    Store,
    StoreError,
    StoreMissing,
    open_store,
    tables,
)


def _engine(target: str) -> Engine:
    if target.startswith("postgresql"):
        return create_engine(target)
    return create_engine(f"sqlite:///{target}")


def _versions(target: str) -> list[int]:
    engine = _engine(target)
    with engine.connect() as conn:
        found = [
            row[0] for row in conn.exec_driver_sql("SELECT version FROM schema_version ORDER BY version")
        ]
    engine.dispose()
    return found


def _columns(target: str) -> dict[str, set[str]]:
    engine = _engine(target)
    with engine.connect() as conn:
        inspector = inspect(conn)
        found = {
            name: {c["name"] for c in inspector.get_columns(name)} for name in inspector.get_table_names()
        }
    engine.dispose()
    return found


def test_new_store_has_the_latest_schema(store_target: str) -> None:
    open_store(store_target).close()
    assert SCHEMA_VERSION >= 2
    assert _versions(store_target) == list(range(1, SCHEMA_VERSION + 1))
    expected = {name: {c.name for c in table.columns} for name, table in tables.metadata.tables.items()}
    assert _columns(store_target) == expected


def test_store_indexes_match_the_declared_schema(store_target: str) -> None:
    open_store(store_target).close()
    engine = _engine(store_target)
    with engine.connect() as conn:
        indexes = {ix["name"]: ix for ix in inspect(conn).get_indexes("decisions")}
    engine.dispose()
    assert indexes["uq_decisions_accepted_identity"]["unique"]


def test_upgrade_from_version_1_keeps_decisions(store_target: str) -> None:
    note = make_note()
    with open_store(store_target, schema_version=1) as old:
        decision = old.accept(build_decision(note, make_suggestion(note), AUTHOR, "e"))
    assert _versions(store_target) == [1]
    assert "claims" not in _columns(store_target)

    with open_store(store_target) as upgraded:
        assert upgraded.decisions() == [decision]
        assert upgraded.claim(note.id, AUTHOR, 60)
    assert _versions(store_target) == list(range(1, SCHEMA_VERSION + 1))


def test_reopening_changes_nothing(store_target: str) -> None:
    open_store(store_target).close()
    open_store(store_target).close()
    assert _versions(store_target) == list(range(1, SCHEMA_VERSION + 1))


def test_store_from_a_newer_casecoder_is_refused(store_target: str) -> None:
    open_store(store_target).close()
    engine = _engine(store_target)
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO schema_version (version, applied_at) VALUES (99, 'later')")
    engine.dispose()
    with pytest.raises(SchemaTooNew) as refused:
        open_store(store_target)
    message = str(refused.value)
    assert "99" in message and "upgrade casecoder" in message and "\n" not in message
    if not store_target.startswith("postgresql"):
        assert store_target in message


def test_unreachable_postgres_is_one_line_without_the_password() -> None:
    pytest.importorskip("psycopg")
    with pytest.raises(StoreError) as failed:
        open_store("postgresql://casecoder:s3cret-pw@127.0.0.1:1/casecoder")
    message = str(failed.value)
    assert "s3cret-pw" not in message and "\n" not in message
    assert message.startswith("postgresql://casecoder:***@127.0.0.1:1/casecoder: cannot open store")


def test_missing_store_is_not_created_when_asked(tmp_path: Path) -> None:
    with pytest.raises(StoreMissing, match="no such store"):
        open_store(tmp_path / "absent.db", create=False)
    assert not (tmp_path / "absent.db").exists()


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    path.write_text("id,text\n1,Vader slaat\n")
    with pytest.raises(NotAStore, match="not a SQLite database"):
        open_store(path)
    assert path.read_text() == "id,text\n1,Vader slaat\n"


def test_another_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE things (x)")
    with pytest.raises(NotAStore, match="not a casecoder store"):
        open_store(path)


def test_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="directory"):
        open_store(tmp_path)


def test_sqlite_runs_in_wal_mode_with_full_sync(sqlite_store: Store, store_path: Path) -> None:
    with sqlite3.connect(store_path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with sqlite_store._engine.connect() as conn:  # noqa: SLF001
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_postgres_url_without_driver_gives_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "psycopg" else real_find_spec(name, *a)
    )
    with pytest.raises(StoreError, match=r"casecoder\[postgres\]"):
        open_store("postgresql://user:secret@localhost/casecoder")


def test_reading_does_not_wait_for_a_writer(sqlite_store: Store, store_path: Path) -> None:
    import time

    writer = sqlite3.connect(store_path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")  # another process in the middle of an accept
        started = time.monotonic()
        assert sqlite_store.decisions() == []
        assert sqlite_store.note_statuses() == {}
        assert time.monotonic() - started < 2
    finally:
        writer.execute("ROLLBACK")
        writer.close()
