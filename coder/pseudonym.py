"""Keyed pseudonyms (HMAC-SHA256) for client and note ids in exports.

Without the key a pseudonym cannot be traced back, not even by trying every plausible client number; with the
key the same id always gets the same pseudonym, so exports made with one key can be linked. Keep the key apart
from the exports, readable by its owner only.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from pathlib import Path

KEY_BYTES = 32
_PSEUDONYM_HEX = 32  # 128 bits of the HMAC: collisions are out of reach for any dossier study
_KIND = re.compile(r"^[a-z]+$")


class PseudonymKeyError(Exception):
    """The key file cannot be used; the message is one line naming the file."""


def pseudonym(key: bytes, kind: str, value: str) -> str:
    """`kind-<hex>`, e.g. pseudonym(key, "client", "C-1042") -> "client-3f9a...". The kind is part of the
    HMAC input too, so a client and a note with the same id never share a pseudonym."""
    if not _KIND.match(kind):
        raise ValueError(f"pseudonym kind must be lowercase letters, not {kind!r}")
    digest = hmac.new(key, f"{kind}\x00{value}".encode(), hashlib.sha256).hexdigest()
    return f"{kind}-{digest[:_PSEUDONYM_HEX]}"


def load_or_create_key(path: str | Path) -> bytes:
    """The key in `path`; a new random key (owner-only file) when `path` does not exist.
    Refuses a key file that others can read or write, as ssh does with private keys."""
    path = Path(path).expanduser()
    if not path.exists():
        _create_key_file(path)
    return _read_key(path)


def _read_key(path: Path) -> bytes:
    try:
        if os.name == "posix":
            mode = path.stat().st_mode & 0o777
            if mode & 0o077:
                raise PseudonymKeyError(
                    f"{path}: pseudonym key is readable or writable by others (mode {mode:o}); "
                    f"run: chmod 600 {path}"
                )
        text = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError) as err:
        reason = err.strerror if isinstance(err, OSError) else "not a text file"
        raise PseudonymKeyError(f"{path}: cannot read pseudonym key ({reason})") from err
    if not re.fullmatch(rf"[0-9a-f]{{{KEY_BYTES * 2}}}", text):
        raise PseudonymKeyError(
            f"{path}: not a casecoder pseudonym key (expected {KEY_BYTES * 2} hexadecimal characters)"
        )
    return bytes.fromhex(text)


def _create_key_file(path: Path) -> None:
    """Write the key to a private temporary file, then link it into place: a reader never sees a half-written
    key, and if two processes race, one key wins and both use it."""
    key_text = secrets.token_hex(KEY_BYTES) + "\n"
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, key_text.encode("ascii"))
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass  # another process made the key first: use theirs
        except OSError:
            _write_exclusive(path, key_text)  # a filesystem without hard links
        finally:
            os.unlink(temporary)
    except OSError as err:
        raise PseudonymKeyError(f"{path}: cannot create pseudonym key ({err.strerror})") from err


def _write_exclusive(path: Path, key_text: str) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    try:
        os.write(fd, key_text.encode("ascii"))
        os.fsync(fd)
    finally:
        os.close(fd)
