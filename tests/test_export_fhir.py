"""FHIR research export: a valid R4B Bundle, certainty as verificationStatus, Provenance with the registration
number, an AuditEvent, and no ids, names or note text anywhere. The data here is shared with the ndjson,
parquet and stats tests."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle

from coder.decision import Reviewer, build_decision
from coder.export import ExportRequest, get_format
from coder.export.fhir_export import write
from coder.model import Note, Qualifiers, Span, Suggestion
from coder.pseudonym import pseudonym
from coder.store import open_store

TEST_SYSTEM = "https://example.org/casecoder-test"  # placeholder codes, never shipped
SAFETY_SYSTEM = "https://w3id.org/casecoder/CodeSystem/casecoder"
AUTHOR = Reviewer("Anna de Vries", "professional", "skj:12345678")
REGISTRAR = Reviewer("Bram Jansen", "registratie")
KEY = bytes(range(32))
TEXT = (
    "Vader slaat Jayden met een riem, vertelt de buurvrouw. Twee jaar geleden brak hij zijn arm. "
    "Geen aanwijzingen voor verwaarlozing. Er is een veiligheidsplan opgesteld."
)
NOTE = Note("dossier-NOTE-901", TEXT, {"client": "BSN-CLIENT-777", "author": "Anna de Vries"})
# Nothing of these may appear in any export: raw ids, names, words of the note.
SECRETS = [
    "dossier-NOTE-901", "NOTE-901", "BSN-CLIENT-777", "CLIENT-777", "Anna", "Vries", "Bram", "Jansen",
    "Vader", "slaat", "Jayden", "riem", "buurvrouw", "geleden", "brak", "aanwijzingen", "opgesteld",
]  # fmt: skip


def suggestion(
    word: str,
    code: str,
    certainty: str = "vermoeden",
    *,
    value: str | None = None,
    system: str = TEST_SYSTEM,
    polarity: str = "present",
    temporality: str = "current",
) -> Suggestion:
    start = TEXT.index(word)
    return Suggestion(
        system=system,
        code=code,
        display=f"label {code}",
        qualifiers=Qualifiers(
            polarity=polarity, certainty=certainty, temporality=temporality, source="third_party"
        ),
        evidence=(Span(start, start + len(word), word),),
        triggers=(),
        rule="test-rule",
        why="Een testregel.",
        value=value,
    )


def decisions() -> list:
    """feit, vermoeden, historical, absent, a safety plan (by a registrar without a number), one undone."""
    return [
        build_decision(NOTE, suggestion("slaat", "code-feit"), AUTHOR, "engine-1", certainty="feit"),
        build_decision(NOTE, suggestion("riem", "code-vermoeden"), AUTHOR, "engine-1"),
        build_decision(NOTE, suggestion("brak", "code-hist", "feit", temporality="historical"), AUTHOR, "e"),
        build_decision(
            NOTE, suggestion("verwaarlozing", "code-absent", "feit", polarity="absent"), AUTHOR, "e"
        ),
        build_decision(
            NOTE, suggestion("veiligheidsplan", "veiligheidsplan", "feit", value="ja", system=SAFETY_SYSTEM),
            REGISTRAR, "e",
        ),
        build_decision(NOTE, suggestion("buurvrouw", "code-undone"), AUTHOR, "e").entered_in_error(
            AUTHOR, "t"
        ),
    ]  # fmt: skip


def request(out: Path, items: list | None = None) -> ExportRequest:
    return ExportRequest(
        decisions() if items is None else items, out, KEY, "onderzoeker", "2026-01-02T03:04:05.000+00:00"
    )


def assert_nothing_identifying(content: bytes) -> None:
    for secret in SECRETS:
        assert secret.encode() not in content, secret
    assert KEY.hex().encode() not in content


def resources(path: Path) -> list[dict[str, Any]]:
    return [entry["resource"] for entry in json.loads(path.read_text())["entry"]]


def by_code(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    coded = [r for r in items if r["resourceType"] in ("Condition", "Observation")]
    return {r["code"]["coding"][0]["code"]: r for r in coded}


def test_bundle_validates_and_holds_a_resource_and_provenance_per_accepted_code(tmp_path: Path) -> None:
    out = tmp_path / "export.json"
    assert write(request(out)) == 5
    bundle = Bundle.model_validate_json(out.read_text())
    assert bundle.type == "collection"
    types = [entry.resource.get_resource_type() for entry in bundle.entry]
    assert types.count("Condition") == 4 and types.count("Observation") == 1
    assert types.count("Provenance") == 5 and types.count("AuditEvent") == 1
    assert "code-undone" not in out.read_text()
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_certainty_maps_to_verification_status_with_the_snomed_qualifier(tmp_path: Path) -> None:
    out = tmp_path / "export.json"
    write(request(out))
    coded = by_code(resources(out))
    conditions = {code: r for code, r in coded.items() if r["resourceType"] == "Condition"}
    status = {code: [c["code"] for c in r["verificationStatus"]["coding"]] for code, r in conditions.items()}
    assert status == {
        "code-feit": ["confirmed", "410605003"],
        "code-vermoeden": ["provisional", "415684004"],
        "code-hist": ["confirmed", "410605003"],
        "code-absent": ["refuted", "410516002"],
    }
    assert coded["code-hist"]["clinicalStatus"]["coding"][0]["code"] == "resolved"
    assert coded["code-feit"]["clinicalStatus"]["coding"][0]["code"] == "active"
    assert "clinicalStatus" not in coded["code-absent"]


def test_mening_is_unconfirmed_without_a_snomed_qualifier(tmp_path: Path) -> None:
    out = tmp_path / "export.json"
    write(request(out, [build_decision(NOTE, suggestion("slaat", "code-m", "mening"), AUTHOR, "e")]))
    (condition,) = by_code(resources(out)).values()
    assert [c["code"] for c in condition["verificationStatus"]["coding"]] == ["unconfirmed"]


def test_condition_carries_pseudonyms_offsets_and_the_sdv_label(tmp_path: Path) -> None:
    out = tmp_path / "export.json"
    write(request(out))
    condition = by_code(resources(out))["code-vermoeden"]
    assert condition["subject"]["identifier"]["value"] == pseudonym(KEY, "client", "BSN-CLIENT-777")
    assert condition["code"]["coding"][0] == {
        "system": TEST_SYSTEM, "code": "code-vermoeden", "display": "label code-vermoeden"
    }  # fmt: skip
    assert condition["meta"]["security"][0]["code"] == "SDV"
    (derivation,) = [e for e in condition["extension"] if e["url"].endswith("/derivation-reference")]
    parts = {e["url"]: e for e in derivation["extension"]}
    assert parts["offset"]["valueInteger"] == TEXT.index("riem")
    assert parts["length"]["valueInteger"] == len("riem")
    assert parts["reference"]["valueReference"]["identifier"]["value"] == pseudonym(KEY, "note", NOTE.id)


def test_safety_plan_is_an_observation_with_a_yes_no_value(tmp_path: Path) -> None:
    out = tmp_path / "export.json"
    write(request(out))
    plan = by_code(resources(out))["veiligheidsplan"]
    assert plan["resourceType"] == "Observation" and plan["status"] == "final"
    assert plan["valueCodeableConcept"]["text"] == "ja"
    assert plan["valueCodeableConcept"]["coding"][0]["code"] == "Y"


def test_provenance_names_the_registration_number_role_and_engine(tmp_path: Path) -> None:
    out = tmp_path / "export.json"
    write(request(out))
    items = resources(out)
    coded = by_code(items)
    provenance = {p["target"][0]["reference"]: p for p in items if p["resourceType"] == "Provenance"}
    by_author = provenance[f"urn:uuid:{coded['code-vermoeden']['id']}"]
    (agent,) = by_author["agent"]
    assert agent["who"]["identifier"]["value"] == "12345678"
    assert agent["who"]["identifier"]["type"]["text"] == "SKJ"
    assert agent["role"][0]["text"] == "professional"
    assert agent["type"]["coding"][0]["code"] == "author"
    engine = "https://w3id.org/casecoder/StructureDefinition/engine-version"
    assert {"url": engine, "valueString": "engine-1"} in by_author["extension"]
    by_registrar = provenance[f"urn:uuid:{coded['veiligheidsplan']['id']}"]
    who = by_registrar["agent"][0]["who"]["identifier"]
    assert who["value"] == pseudonym(KEY, "reviewer", "Bram Jansen")  # no number: a pseudonym, never a name
    assert by_registrar["agent"][0]["role"][0]["text"] == "registratie"


def test_audit_event_records_who_when_purpose_and_count(tmp_path: Path) -> None:
    out = tmp_path / "export.json"
    write(request(out))
    (audit,) = [r for r in resources(out) if r["resourceType"] == "AuditEvent"]
    assert audit["recorded"].startswith("2026-01-02T03:04:05")
    assert audit["agent"][0]["who"]["display"] == "onderzoeker"
    assert audit["purposeOfEvent"][0]["coding"][0]["code"] == "HRESCH"
    details = {d["type"]: d["valueString"] for d in audit["entity"][0]["detail"]}
    assert details == {"codes": "5", "resources": "11"}


def test_no_raw_ids_names_text_or_key_in_the_bundle(tmp_path: Path) -> None:
    out = tmp_path / "export.json"
    write(request(out))
    assert_nothing_identifying(out.read_bytes())


def test_same_key_same_ids_and_empty_store_still_validates(tmp_path: Path) -> None:
    items = decisions()
    write(request(tmp_path / "a.json", items))
    write(request(tmp_path / "b.json", items))
    assert (tmp_path / "a.json").read_text() == (tmp_path / "b.json").read_text()
    assert write(request(tmp_path / "empty.json", [])) == 0
    bundle = Bundle.model_validate_json((tmp_path / "empty.json").read_text())
    assert [e.resource.get_resource_type() for e in bundle.entry] == ["AuditEvent"]


def test_registered_as_a_format() -> None:
    assert get_format("fhir").writer() is write


# -- end to end ---------------------------------------------------------------------------------------------


def casecoder(*args: object, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).with_name("casecoder")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "coder.cli"]
    return subprocess.run(
        [*command, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def fill_store(path: Path) -> Path:
    with open_store(path) as store:
        for decision in decisions():
            kept = store.accept(
                replace(decision, status="accepted", entered_in_error_by=None, entered_in_error_at=None)
            )
            if decision.status == "entered-in-error":
                store.mark_entered_in_error(kept.id, AUTHOR)
    return path


@pytest.fixture
def filled_store(tmp_path: Path) -> Path:
    return fill_store(tmp_path / "casecoder.db")


def test_casecoder_export_fhir_end_to_end(tmp_path: Path, filled_store: Path) -> None:
    out, key = tmp_path / "out.json", tmp_path / "pseudonym.key"
    result = casecoder(
        "export", "--db", filled_store, "--format", "fhir", "--out", out, "--pseudonym-key-file", key,
        env={"CASECODER_USER": "onderzoeker"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "5 accepted codes written" in result.stderr
    Bundle.model_validate_json(out.read_text())
    content = out.read_bytes()
    assert_nothing_identifying(content)
    assert bytes.fromhex(key.read_text().strip()).hex().encode() not in content
    with open_store(filled_store) as store:
        (event,) = store.audit_events("exported")
    assert dict(event.detail)["format"] == "fhir"
