"""The shipped code systems: content, hierarchy, short codes, and that every code is one codes.md allows."""

from __future__ import annotations

import dataclasses
import json
import re
from importlib import resources
from pathlib import Path

import pytest

from terminology.codesystems import (
    DATA_FILES,
    SYSTEM_CASECODER,
    SYSTEM_ICPC,
    SYSTEM_SNOMED,
    CodeConcept,
    CodeSystems,
    code_systems_from_documents,
    from_short,
    load_code_systems,
    resolve_system,
    to_short,
)

SHARED = Path(__file__).resolve().parents[2] / "shared"
CODES_MD = SHARED / "domain" / "codes.md"
DEV_JSONL = SHARED / "eval" / "dev.jsonl"

ICPC_TABLE = {
    "Z12": "Relatieprobleem met partner",
    "Z12.01": "Scheiding van partner",
    "Z12.02": "Mishandeling/seksueel misbruik door partner",
    "Z16": "Relatieprobleem met kind",
    "Z16.01": "Mishandeling/seksueel misbruik van kind",
    "Z16.02": "Verwaarlozing van kind",
    "Z16.03": "Opvoeding van kind buiten gezinsverband",
    "Z25": "Probleem ten gevolge van geweld",
    "Z25.01": "Probleem ten gevolge van aanranding/verkrachting",
    "X82": "Letsel geslachtsorganen vrouw",
}
PROJECT_CODES = (
    "veiligheidsplan",
    "lichamelijke-mishandeling",
    "psychische-mishandeling",
    "seksueel-misbruik",
    "getuige-huiselijk-geweld",
    "verwaarlozing",
    "seksueel-geweld-zonder-afhankelijkheid",
    "buitengezinsplaatsing",
)


@pytest.fixture(scope="module")
def systems():
    return load_code_systems()


def _documents() -> list[tuple[str, dict]]:
    data = resources.files("terminology").joinpath("data")
    return [(name, json.loads(data.joinpath(name).read_text(encoding="utf-8"))) for name in DATA_FILES]


def _codes_md() -> str:
    if not CODES_MD.is_file():
        pytest.skip("shared codes.md not available")
    return CODES_MD.read_text(encoding="utf-8")


# ---------------------------------------------------------------- the files


@pytest.mark.parametrize("name,document", _documents(), ids=DATA_FILES)
def test_file_is_a_fhir_codesystem(name, document):
    codesystem = pytest.importorskip("fhir.resources.R4B.codesystem")
    resource = codesystem.CodeSystem.model_validate(document)
    assert resource.version
    assert resource.hierarchyMeaning == "is-a"
    assert resource.content == ("complete" if name == "casecoder.json" else "fragment")
    for concept in document["concept"]:
        properties = {p["code"] for p in concept["property"]}
        assert concept["display"] and concept["definition"], concept["code"]
        assert {"source", "displayLanguage"} <= properties, concept["code"]


def test_loaded_once_with_a_combined_version(systems):
    assert load_code_systems() is systems
    assert set(systems.systems) == {SYSTEM_ICPC, SYSTEM_SNOMED, SYSTEM_CASECODER}
    for info in systems.systems.values():
        assert f"{info.id}:{info.version}" in systems.version


def test_concepts_are_frozen(systems):
    concept = systems.get(SYSTEM_ICPC, "Z16")
    with pytest.raises(dataclasses.FrozenInstanceError):
        concept.display = "x"  # type: ignore[misc]


# ---------------------------------------------------------------- ICPC


@pytest.mark.parametrize("code,dutch", ICPC_TABLE.items())
def test_icpc_table_codes_have_their_dutch_label(systems, code, dutch):
    concept = systems.get(SYSTEM_ICPC, code)
    assert concept is not None
    assert concept.display == dutch
    assert concept.display_language == "nl"
    assert "codes.md" in concept.source and concept.source_count >= 1


def test_icpc_english_only_codes_say_so(systems):
    z01 = systems.get("icpc", "Z01")
    assert z01.display_language == "en"
    assert z01.display == z01.display_en == "Poverty/financial problem"
    assert "not verified" in z01.definition


def test_icpc_hierarchy(systems):
    assert [c.code for c in systems.children_of(SYSTEM_ICPC, "Z16")] == ["Z16.01", "Z16.02", "Z16.03"]
    assert [c.code for c in systems.children_of(SYSTEM_ICPC, "Z12")] == ["Z12.01", "Z12.02"]
    assert [c.code for c in systems.children_of(SYSTEM_ICPC, "Z25")] == ["Z25.01"]
    for child in ("Z16.01", "Z16.02", "Z16.03", "Z12.01", "Z12.02", "Z25.01"):
        parent = child.split(".")[0]
        assert systems.parent_of(SYSTEM_ICPC, child).code == parent
        assert [c.code for c in systems.ancestors(SYSTEM_ICPC, child)] == [parent]
    assert systems.parent_of(SYSTEM_ICPC, "Z16") is None
    assert systems.ancestors(SYSTEM_ICPC, "Z16") == ()
    assert systems.children_of(SYSTEM_ICPC, "X82") == ()


# ---------------------------------------------------------------- SNOMED CT


def test_snomed_dutch_label_where_known_else_english(systems):
    child_abuse = systems.get(SYSTEM_SNOMED, "397940009")
    assert child_abuse.display == "slachtoffer van kindermishandeling"
    assert child_abuse.display_en == "Victim of child abuse (finding)"
    assert child_abuse.source_count == 3
    neglect = systems.get("sct", "418496002")
    assert neglect.display == "Child neglect (event)" and neglect.display_language == "en"
    assert neglect.source_count == 1 and "one source only" in neglect.source


def test_certainty_qualifiers_are_marked(systems):
    qualifiers = {c.code: c for c in systems.all(SYSTEM_SNOMED) if c.kind == "qualifier"}
    assert set(qualifiers) == {"410605003", "415684004", "410590009", "410516002"}
    assert qualifiers["415684004"].display == "vermoedelijk"


# ---------------------------------------------------------------- project codes


def test_project_codes(systems):
    for code in PROJECT_CODES:
        assert systems.get(SYSTEM_CASECODER, code) is not None, code
    plan = systems.get("casecoder", "veiligheidsplan")
    assert plan.display == "Veiligheidsplan aanwezig"
    assert plan.values == ("ja", "nee")
    assert "verwaarlozing" in {c.code for c in systems.ancestors("casecoder", "educatieve-verwaarlozing")}
    description = systems.systems[SYSTEM_CASECODER].description
    assert "project codes because no verified" in description


# ---------------------------------------------------------------- against codes.md


def test_every_shipped_icpc_and_snomed_code_is_in_codes_md(systems):
    text = _codes_md()
    for concept in systems.all(SYSTEM_ICPC) + systems.all(SYSTEM_SNOMED):
        assert re.search(rf"(?<![\w.]){re.escape(concept.code)}(?![\w.]*\d)", text), concept.code


def test_every_snomed_id_of_codes_md_table_is_shipped(systems):
    table_ids = re.findall(r"^\| (\d{6,18}) \|", _codes_md(), flags=re.MULTILINE)
    assert len(table_ids) >= 20
    for sctid in table_ids:
        assert systems.get(SYSTEM_SNOMED, sctid) is not None, sctid


def test_icpc_dutch_labels_match_codes_md(systems):
    rows = re.findall(r"^\| ([A-Z]\d\d(?:\.\d\d)?) \| ([^|]+?) \|", _codes_md(), flags=re.MULTILINE)
    assert {code for code, _ in rows} == set(ICPC_TABLE)
    for code, dutch in rows:
        assert systems.get(SYSTEM_ICPC, code).display == dutch


def test_gold_file_codes_resolve_to_shipped_concepts(systems):
    if not DEV_JSONL.is_file():
        pytest.skip("shared dev.jsonl not available")
    codes = set()
    for line in DEV_JSONL.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        codes.update(code for item in record["expect"] for code in item["any"])
        codes.update(item["code"] for item in record["forbid"])
        codes.update(record["allow"])
    assert codes
    for short in codes:
        system, code, value = from_short(short)
        assert systems.get(system, code) is not None, short
        assert to_short(system, code, value) == short


# ---------------------------------------------------------------- short codes


def test_short_codes_round_trip_for_every_concept(systems):
    for concept in systems:
        assert from_short(to_short(concept.system, concept.code)) == (concept.system, concept.code, None)
        assert concept.short == to_short(concept.system, concept.code)


@pytest.mark.parametrize(
    "short,expected",
    [
        ("icpc:Z16.01", (SYSTEM_ICPC, "Z16.01", None)),
        ("ICPC: z16.01 ", (SYSTEM_ICPC, "Z16.01", None)),
        ("sct:397940009", (SYSTEM_SNOMED, "397940009", None)),
        ("vp:ja", (SYSTEM_CASECODER, "veiligheidsplan", "ja")),
        ("vp:nee", (SYSTEM_CASECODER, "veiligheidsplan", "nee")),
        ("casecoder:verwaarlozing", (SYSTEM_CASECODER, "verwaarlozing", None)),
    ],
)
def test_from_short(short, expected):
    assert from_short(short) == expected


def test_to_short_of_the_safety_plan():
    assert to_short(SYSTEM_CASECODER, "veiligheidsplan", "ja") == "vp:ja"
    assert to_short("casecoder", "veiligheidsplan", "nee") == "vp:nee"
    assert to_short(SYSTEM_CASECODER, "veiligheidsplan") == "casecoder:veiligheidsplan"


@pytest.mark.parametrize("bad", ["loinc:1234-5", "Z16", "icpc:", "vp:misschien", "sct:Z16", ""])
def test_from_short_rejects_with_a_clear_message(bad):
    with pytest.raises(ValueError, match="short code|prefix|SNOMED"):
        from_short(bad)


def test_to_short_rejects_bad_values():
    with pytest.raises(ValueError, match="ja or nee"):
        to_short(SYSTEM_CASECODER, "veiligheidsplan", "misschien")
    with pytest.raises(ValueError, match="only veiligheidsplan"):
        to_short(SYSTEM_ICPC, "Z16", "ja")
    with pytest.raises(ValueError, match="unknown code system"):
        to_short("http://loinc.org", "1234-5")


def test_resolve_system():
    assert resolve_system("icpc") == SYSTEM_ICPC
    assert resolve_system("SCT") == SYSTEM_SNOMED
    assert resolve_system("snomed") == SYSTEM_SNOMED
    assert resolve_system("casecoder") == SYSTEM_CASECODER
    assert resolve_system(SYSTEM_ICPC) == SYSTEM_ICPC
    with pytest.raises(ValueError, match="unknown code system 'loinc'"):
        resolve_system("loinc")


def test_lookups_of_unknown_things_return_nothing(systems):
    assert systems.get(SYSTEM_ICPC, "Z99") is None
    assert systems.get("http://loinc.org", "1234-5") is None
    assert systems.parent_of(SYSTEM_ICPC, "Z99") is None
    assert systems.children_of("http://loinc.org", "x") == ()
    assert (SYSTEM_ICPC, "Z16") in systems and (SYSTEM_ICPC, "Z99") not in systems


# ---------------------------------------------------------------- bad data


def test_a_bad_file_gives_one_clear_error():
    with pytest.raises(ValueError, match=r"^broken\.json: not a valid casecoder CodeSystem"):
        code_systems_from_documents([("broken.json", {"resourceType": "CodeSystem", "url": "u"})])
    with pytest.raises(ValueError, match="resourceType"):
        code_systems_from_documents([("x.json", {"resourceType": "ValueSet"})])


def test_an_unknown_parent_is_refused():
    concept = CodeConcept("s", "a", "A", None, "", "", parent="missing")
    with pytest.raises(ValueError, match="unknown parent missing"):
        CodeSystems([], [concept])
