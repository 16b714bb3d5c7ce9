"""Parquet export: a row per accepted code with the CSV columns, readable by pyarrow; nothing identifying."""

from __future__ import annotations

import os
import stat
from datetime import UTC, datetime
from pathlib import Path

import pyarrow.parquet as pq
from test_export_fhir import assert_nothing_identifying, casecoder, fill_store, request

from coder.export import get_format
from coder.export.csv_export import COLUMNS
from coder.export.parquet_export import write
from coder.pseudonym import pseudonym


def test_one_row_per_accepted_code_with_the_csv_columns(tmp_path: Path) -> None:
    out = tmp_path / "export.parquet"
    assert write(request(out)) == 5
    table = pq.read_table(out)
    assert tuple(table.column_names) == COLUMNS
    rows = table.to_pylist()
    assert [(r["code"], r["certainty"], r["polarity"], r["value"]) for r in rows] == [
        ("code-feit", "feit", "present", None),
        ("code-vermoeden", "vermoeden", "present", None),
        ("code-hist", "feit", "present", None),
        ("code-absent", "feit", "absent", None),
        ("veiligheidsplan", "feit", "present", "ja"),
    ]
    assert {r["note_pseudonym"] for r in rows} == {pseudonym(bytes(range(32)), "note", "dossier-NOTE-901")}
    assert rows[-1]["role"] == "registratie"
    assert isinstance(rows[0]["accepted_at"], datetime) and rows[0]["accepted_at"].tzinfo is not None
    assert rows[0]["accepted_at"] <= datetime.now(UTC)
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["export.parquet"]


def test_nothing_identifying_in_the_file_or_its_decoded_values(tmp_path: Path) -> None:
    out = tmp_path / "export.parquet"
    write(request(out))
    assert_nothing_identifying(out.read_bytes())
    assert_nothing_identifying(repr(pq.read_table(out).to_pylist()).encode())  # in case a page is compressed


def test_empty_export_keeps_the_schema(tmp_path: Path) -> None:
    out = tmp_path / "empty.parquet"
    assert write(request(out, [])) == 0
    assert tuple(pq.read_table(out).column_names) == COLUMNS


def test_registered_and_end_to_end(tmp_path: Path) -> None:
    assert get_format("parquet").writer() is write
    store = fill_store(tmp_path / "casecoder.db")
    out = tmp_path / "out.parquet"
    result = casecoder(
        "export", "--db", store, "--format", "parquet", "--out", out,
        "--pseudonym-key-file", tmp_path / "pseudonym.key",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert pq.read_table(out).num_rows == 5
    assert_nothing_identifying(out.read_bytes())
