"""NDJSON export: the FHIR bulk-data layout (one file per resource type), valid resources, references by
Type/id, nothing identifying, and `casecoder export --format ndjson` end to end."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from fhir.resources.R4B.auditevent import AuditEvent
from fhir.resources.R4B.condition import Condition
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.provenance import Provenance
from test_export_fhir import assert_nothing_identifying, casecoder, fill_store, request

from coder.export import get_format
from coder.export.ndjson_export import write

MODELS = {
    "Condition": Condition,
    "Observation": Observation,
    "Provenance": Provenance,
    "AuditEvent": AuditEvent,
}


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def test_one_file_per_resource_type_each_line_a_valid_resource(tmp_path: Path) -> None:
    out = tmp_path / "export"
    assert write(request(out)) == 5
    assert sorted(p.name for p in out.iterdir()) == [
        "AuditEvent.ndjson", "Condition.ndjson", "Observation.ndjson", "Provenance.ndjson"
    ]  # fmt: skip
    counts = {}
    for name, model in MODELS.items():
        lines = _lines(out / f"{name}.ndjson")
        counts[name] = len(lines)
        for line in lines:
            assert model.model_validate_json(line).get_resource_type() == name
    assert counts == {"Condition": 4, "Observation": 1, "Provenance": 5, "AuditEvent": 1}
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o700
        assert stat.S_IMODE((out / "Condition.ndjson").stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["export"]  # no temporary folder left


def test_provenance_targets_by_relative_reference(tmp_path: Path) -> None:
    out = tmp_path / "export"
    write(request(out))
    coded = {json.loads(line)["id"] for line in _lines(out / "Condition.ndjson")}
    coded |= {json.loads(line)["id"] for line in _lines(out / "Observation.ndjson")}
    targets = {json.loads(line)["target"][0]["reference"] for line in _lines(out / "Provenance.ndjson")}
    assert {t.split("/", 1)[1] for t in targets} == coded
    assert all(t.split("/", 1)[0] in ("Condition", "Observation") for t in targets)


def test_nothing_identifying_in_any_file(tmp_path: Path) -> None:
    out = tmp_path / "export"
    write(request(out))
    for path in out.iterdir():
        assert_nothing_identifying(path.read_bytes())


def test_a_non_empty_folder_is_refused_and_left_alone(tmp_path: Path) -> None:
    out = tmp_path / "export"
    out.mkdir()
    (out / "other.txt").write_text("keep")
    with pytest.raises(OSError):
        write(request(out))
    assert [p.name for p in out.iterdir()] == ["other.txt"]
    assert [p.name for p in tmp_path.iterdir()] == ["export"]


def test_registered_as_a_format() -> None:
    assert get_format("ndjson").writer() is write


def test_casecoder_export_ndjson_end_to_end(tmp_path: Path) -> None:
    store = fill_store(tmp_path / "casecoder.db")
    out = tmp_path / "bulk"
    result = casecoder(
        "export", "--db", store, "--format", "ndjson", "--out", out,
        "--pseudonym-key-file", tmp_path / "pseudonym.key",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "5 accepted codes written" in result.stderr
    assert len(_lines(out / "Condition.ndjson")) == 4
    for path in out.iterdir():
        assert_nothing_identifying(path.read_bytes())
