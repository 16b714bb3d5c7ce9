"""Research exports of accepted codes: a small registry of formats, each a module with `write(request)`.

A format module is imported only when it is used (some pull in heavy libraries). To add one, write
`coder/export/<name>_export.py` with `write(request: ExportRequest) -> int` and add a `register_format` line
below; `casecoder export --format` offers every registered name.
"""

from __future__ import annotations

import importlib
import os
import secrets
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from coder.decision import Decision
from coder.pseudonym import pseudonym


@dataclass(frozen=True)
class ExportRequest:
    """What a format writer gets: the decisions to export and how to pseudonymise and attribute them."""

    decisions: Sequence[Decision]  # the writer exports only those with status "accepted"
    out: Path
    key: bytes  # pseudonym key; never written anywhere
    exported_by: str
    exported_at: str  # UTC ISO 8601
    min_cell: int = 10  # aggregate outputs suppress counts below this

    @property
    def accepted(self) -> list[Decision]:
        return [d for d in self.decisions if d.status == "accepted"]

    def client_pseudonym(self, decision: Decision) -> str:
        """Empty when the note had no client id."""
        return "" if decision.client_id is None else pseudonym(self.key, "client", decision.client_id)

    def note_pseudonym(self, decision: Decision) -> str:
        return pseudonym(self.key, "note", decision.note_id)


Writer = Callable[[ExportRequest], int]  # returns how many records it wrote


@dataclass(frozen=True)
class ExportFormat:
    name: str
    module: str
    description: str

    def writer(self) -> Writer:
        return importlib.import_module(self.module).write


FORMATS: dict[str, ExportFormat] = {}


def register_format(name: str, module: str, description: str) -> None:
    FORMATS[name] = ExportFormat(name, module, description)


register_format("csv", "coder.export.csv_export", "one row per accepted code")
register_format("fhir", "coder.export.fhir_export", "one FHIR R4B Bundle with Provenance and an AuditEvent")
register_format("ndjson", "coder.export.ndjson_export", "FHIR bulk data: one .ndjson file per resource type")
register_format("parquet", "coder.export.parquet_export", "one row per accepted code (columns as csv)")


def format_names() -> list[str]:
    return list(FORMATS)


def get_format(name: str) -> ExportFormat:
    try:
        return FORMATS[name]
    except KeyError:
        raise ValueError(f"unknown export format {name!r}; known: {', '.join(FORMATS)}") from None


@contextmanager
def private_output(path: Path, newline: str | None = None, binary: bool = False) -> Iterator[IO]:
    """A file (text, or bytes with `binary`) readable by its owner only, that appears at `path` complete or
    not at all."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        opened = os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline=newline)
        with opened as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
