"""Keyed pseudonyms and their key file."""

from __future__ import annotations

import os
import re
import stat
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from coder.pseudonym import KEY_BYTES, PseudonymKeyError, load_or_create_key, pseudonym

KEY = bytes(range(32))
OTHER_KEY = bytes(range(1, 33))


def test_same_key_and_value_give_the_same_pseudonym() -> None:
    assert pseudonym(KEY, "client", "C-1042") == pseudonym(KEY, "client", "C-1042")
    assert re.fullmatch(r"client-[0-9a-f]{32}", pseudonym(KEY, "client", "C-1042"))


def test_pseudonym_depends_on_key_value_and_kind() -> None:
    base = pseudonym(KEY, "client", "C-1042")
    assert pseudonym(OTHER_KEY, "client", "C-1042") != base
    assert pseudonym(KEY, "client", "C-1043") != base
    as_note = pseudonym(KEY, "note", "C-1042")
    assert as_note.startswith("note-")
    assert as_note.split("-", 1)[1] != base.split("-", 1)[1]  # not only the prefix differs


def test_pseudonym_does_not_contain_the_value() -> None:
    assert "1042" not in pseudonym(KEY, "client", "C-1042")


def test_kind_must_be_a_plain_word() -> None:
    with pytest.raises(ValueError):
        pseudonym(KEY, "client\x00note", "x")


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_missing_key_is_created_owner_only(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        path = tmp_path / "pseudonym.key"
        key = load_or_create_key(path)
    finally:
        os.umask(old_umask)
    assert len(key) == KEY_BYTES
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert re.fullmatch(r"[0-9a-f]{64}\n", path.read_text())
    assert load_or_create_key(path) == key
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pseudonym.key"]  # no temporary file left


def test_each_new_key_is_random(tmp_path: Path) -> None:
    assert load_or_create_key(tmp_path / "a.key") != load_or_create_key(tmp_path / "b.key")


def test_processes_racing_to_create_the_key_share_one(tmp_path: Path) -> None:
    path = tmp_path / "shared.key"
    with ThreadPoolExecutor(max_workers=8) as pool:
        keys = set(pool.map(lambda _: load_or_create_key(path), range(32)))
    assert len(keys) == 1


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o620])
def test_key_that_others_can_read_or_write_is_refused(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "open.key"
    load_or_create_key(path)
    path.chmod(mode)
    with pytest.raises(PseudonymKeyError) as refused:
        load_or_create_key(path)
    message = str(refused.value)
    assert str(path) in message and f"chmod 600 {path}" in message and "\n" not in message


@pytest.mark.parametrize("content", ["", "secret\n", "ab" * 16 + "\n", "zz" * 32, "\xff\xfe"])
def test_a_file_that_is_not_a_key_is_refused(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.key"
    path.write_text(content, encoding="latin-1")
    path.chmod(0o600)
    with pytest.raises(PseudonymKeyError, match="not a casecoder pseudonym key|cannot read"):
        load_or_create_key(path)


def test_key_in_a_missing_directory_gives_one_line(tmp_path: Path) -> None:
    with pytest.raises(PseudonymKeyError, match="cannot create pseudonym key"):
        load_or_create_key(tmp_path / "absent" / "k.key")
