"""A store holds personal data: its file, WAL files and any directory it creates are owner-only."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from store_helpers import AUTHOR, make_note, make_suggestion

from coder.decision import build_decision
from coder.store import open_store

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_store_and_its_wal_files_are_owner_only(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)  # a typical, permissive umask
    try:
        path = tmp_path / "a" / "b" / "casecoder.db"
        with open_store(path) as store:
            note = make_note()
            store.accept(build_decision(note, make_suggestion(note), AUTHOR, "e"))
            wal, shm = path.with_name("casecoder.db-wal"), path.with_name("casecoder.db-shm")
            assert wal.exists() and shm.exists()
            assert {p.name: _mode(p) for p in (path, wal, shm)} == {
                "casecoder.db": 0o600,
                "casecoder.db-wal": 0o600,
                "casecoder.db-shm": 0o600,
            }
        assert _mode(tmp_path / "a") == 0o700
        assert _mode(tmp_path / "a" / "b") == 0o700
    finally:
        os.umask(old_umask)


def test_an_existing_directory_is_left_as_it_is(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    open_store(shared / "casecoder.db").close()
    assert _mode(shared) == 0o755
    assert _mode(shared / "casecoder.db") == 0o600
