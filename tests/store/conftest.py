"""A fresh store per test: on SQLite, and also on PostgreSQL when CASECODER_TEST_POSTGRES_URL names a server
where the tests may create and drop databases (e.g. postgresql://postgres@127.0.0.1:5432/postgres)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from coder.store import Store, open_store

POSTGRES_ENV = "CASECODER_TEST_POSTGRES_URL"
BACKENDS = ["sqlite"] + (["postgresql"] if os.environ.get(POSTGRES_ENV) else [])


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    """A SQLite store's path, for tests of what only SQLite has (files, permissions, pragmas)."""
    return tmp_path / "store" / "casecoder.db"


@pytest.fixture(params=BACKENDS)
def store_target(request: pytest.FixtureRequest, store_path: Path) -> Iterator[str]:
    """What `open_store` and `casecoder --db` take: a SQLite path, or a URL of a new PostgreSQL database."""
    if request.param == "sqlite":
        yield str(store_path)
        return
    server = make_url(os.environ[POSTGRES_ENV]).set(drivername="postgresql+psycopg")
    name = f"casecoder_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture
def store(store_target: str) -> Iterator[Store]:
    opened = open_store(store_target)
    yield opened
    opened.close()


@pytest.fixture
def sqlite_store(store_path: Path) -> Iterator[Store]:
    opened = open_store(store_path)
    yield opened
    opened.close()
