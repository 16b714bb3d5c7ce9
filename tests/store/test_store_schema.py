"""Schema creation, in-place upgrade from version 1, refusal of newer or foreign databases."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect
from store_helpers import AUTHOR, make_note, make_suggestion

from coder.decision import build_decision
from coder.store import SCHEMA_VERSION, NotAStore, SchemaTooNew, StoreError, StoreMissing, open_store, tables


def _versions(path: Path) -> list[int]:
    with sqlite3.connect(path) as conn:
        return [row[0] for row in conn.execute("SELECT version FROM schema_version ORDER BY version")]


def _columns(path: Path) -> dict[str, set[str]]:
    with sqlite3.connect(path) as conn:
        names = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {name: {row[1] for row in conn.execute(f"PRAGMA table_info({name})")} for name in names}


def test_new_store_has_the_latest_schema(store_path: Path) -> None:
    open_store(store_path).close()
    assert SCHEMA_VERSION >= 2
    assert _versions(store_path) == list(range(1, SCHEMA_VERSION + 1))
    expected = {name: {c.name for c in table.columns} for name, table in tables.metadata.tables.items()}
    assert _columns(store_path) == expected


def test_store_indexes_match_the_declared_schema(store_path: Path) -> None:
    with open_store(store_path) as store:
        with store._engine.connect() as conn:  # noqa: SLF001 (a look inside, for the test)
            indexes = {ix["name"]: ix for ix in inspect(conn).get_indexes("decisions")}
    assert indexes["uq_decisions_accepted_identity"]["unique"]


def test_upgrade_from_version_1_keeps_decisions(store_path: Path) -> None:
    note = make_note()
    with open_store(store_path, schema_version=1) as old:
        decision = old.accept(build_decision(note, make_suggestion(note), AUTHOR, "e"))
    assert _versions(store_path) == [1]
    assert "claims" not in _columns(store_path)

    with open_store(store_path) as upgraded:
        assert upgraded.decisions() == [decision]
        assert upgraded.claim(note.id, AUTHOR, 60)
    assert _versions(store_path) == list(range(1, SCHEMA_VERSION + 1))


def test_reopening_changes_nothing(store_path: Path) -> None:
    open_store(store_path).close()
    open_store(store_path).close()
    assert _versions(store_path) == list(range(1, SCHEMA_VERSION + 1))


def test_store_from_a_newer_casecoder_is_refused(store_path: Path) -> None:
    open_store(store_path).close()
    with sqlite3.connect(store_path) as conn:
        conn.execute("INSERT INTO schema_version (version, applied_at) VALUES (99, 'later')")
    with pytest.raises(SchemaTooNew) as refused:
        open_store(store_path)
    message = str(refused.value)
    assert str(store_path) in message and "99" in message and "upgrade casecoder" in message
    assert "\n" not in message


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


def test_sqlite_runs_in_wal_mode_with_full_sync(store: object, store_path: Path) -> None:
    with sqlite3.connect(store_path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with store._engine.connect() as conn:  # noqa: SLF001
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


def test_reading_does_not_wait_for_a_writer(store: object, store_path: Path) -> None:
    import time

    writer = sqlite3.connect(store_path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")  # another process in the middle of an accept
        started = time.monotonic()
        assert store.decisions() == []
        assert store.note_statuses() == {}
        assert time.monotonic() - started < 2
    finally:
        writer.execute("ROLLBACK")
        writer.close()
