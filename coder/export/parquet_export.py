"""Parquet export: one row per accepted code, the same columns as the CSV export, for researchers' tools
(pandas, R arrow, DuckDB). Empty values are nulls, `accepted_at` is a UTC timestamp; no ids, names or text."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from coder.export import ExportRequest, private_output
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
    with private_output(Path(request.out), binary=True) as handle:  # owner-only, complete or not at all
        pq.write_table(table, handle)
    return table.num_rows


def _value(name: str, text: str) -> object:
    if text == "":
        return None
    return datetime.fromisoformat(text) if name == "accepted_at" else text
