"""Where a store lives and how to reach it: a private SQLite file (default) or a PostgreSQL URL."""

from __future__ import annotations

import importlib.util
import os
import sqlite3
from pathlib import Path

import platformdirs
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL

from coder.store.errors import NotAStore, StoreError, StoreMissing

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 30_000
# Execution option on a Connection whose transaction only reads (SQLite then takes no write lock at BEGIN).
READ_ONLY = "casecoder_read_only"
POSTGRES_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def default_store_path() -> Path:
    return Path(platformdirs.user_data_dir("casecoder", appauthor=False)) / "casecoder.db"


def is_postgres_url(target: str | Path) -> bool:
    return isinstance(target, str) and target.startswith(POSTGRES_SCHEMES)


def sqlite_path(target: str | Path) -> Path:
    text = str(target)
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///") :]
    return Path(text).expanduser()


def create_postgres_engine(url: str) -> Engine:
    if importlib.util.find_spec("psycopg") is None:
        raise StoreError("PostgreSQL stores need psycopg: pip install 'casecoder[postgres]'")
    _scheme, rest = url.split("://", 1)
    return create_engine(f"postgresql+psycopg://{rest}", pool_pre_ping=True)


def create_sqlite_engine(path: Path, create: bool) -> Engine:
    """An engine on a SQLite file in WAL mode with full fsync; a new file and directory are owner-only."""
    if path.exists():
        _check_is_sqlite(path)
    elif not create:
        raise StoreMissing(f"{path}: no such store")
    else:
        _create_private_file(path)
    engine = create_engine(URL.create("sqlite+pysqlite", database=str(path)))
    event.listen(engine, "connect", _configure_sqlite_connection)
    event.listen(engine, "begin", _begin)
    return engine


def _configure_sqlite_connection(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # SQLAlchemy emits BEGIN itself (see _begin); sqlite3's own transaction handling is off.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")  # a commit is on disk when accept() returns
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _begin(connection: Connection) -> None:
    # A writing transaction takes the write lock at BEGIN: two processes that read and then write would
    # otherwise fail on upgrading their locks. A reading one takes none: in WAL mode it sees the last commit.
    if connection.get_execution_options().get(READ_ONLY):
        connection.exec_driver_sql("BEGIN")
    else:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _check_is_sqlite(path: Path) -> None:
    if path.is_dir():
        raise NotAStore(f"{path}: is a directory, not a casecoder store")
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as err:
        raise StoreError(f"{path}: cannot read store ({err.strerror})") from err
    if head and head != SQLITE_MAGIC:
        raise NotAStore(f"{path}: not a casecoder store (not a SQLite database)")


def _create_private_file(path: Path) -> None:
    _create_private_directories(path.parent)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return  # another process created it first; it did so with the same permissions
    except OSError as err:
        raise StoreError(f"{path}: cannot create store ({err.strerror})") from err
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)  # SQLite gives the -wal and -shm files the same mode as this file
    finally:
        os.close(fd)


def _create_private_directories(directory: Path) -> None:
    missing = []
    while not directory.exists():
        missing.append(directory)
        directory = directory.parent
    for created in reversed(missing):
        try:
            os.mkdir(created, 0o700)
        except FileExistsError:
            continue
        except OSError as err:
            raise StoreError(f"{created}: cannot create directory for the store ({err.strerror})") from err
        os.chmod(created, 0o700)
