"""Parquet export: one row per accepted code, the same columns as the CSV export, for researchers' tools
(pandas, R arrow, DuckDB). Empty values are nulls, `accepted_at` is a UTC timestamp; no ids, names or text."""

from __future__ import annotations

import os
import secrets
from datetime import datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from coder.export import ExportRequest
from coder.export.csv_export import COLUMNS, rows

SCHEMA = pa.schema(
    [
        pa.field(name, pa.timestamp("ms", tz="UTC") if name == "accepted_at" else pa.string())
        for name in COLUMNS
    ]
)


def write(request: ExportRequest) -> int:
    columns: dict[str, list[object]] = {name: [] for name in COLUMNS}
    for row in rows(request):
        for name in COLUMNS:
            columns[name].append(_value(name, row[name]))
    table = pa.table(columns, schema=SCHEMA)
    _write_private(Path(request.out), table)
    return table.num_rows


def _value(name: str, text: str) -> object:
    if text == "":
        return None
    return datetime.fromisoformat(text) if name == "accepted_at" else text


def _write_private(path: Path, table: pa.Table) -> None:
    """Owner-only, and at `path` complete or not at all."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            pq.write_table(table, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
