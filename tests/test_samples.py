"""The sample notes and their gold standard: valid format, true to the files, covering what they claim.

The judgements in samples/gold.jsonl are hand-made; these tests only guard their shape and their coverage.
"""

import json
import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
GOLD = SAMPLES / "gold.jsonl"
CODES_MD = ROOT.parent / "shared" / "domain" / "codes.md"

KEYS = {"id", "text", "expect", "allow", "forbid", "fairness"}
CERTAINTIES = {"feit", "vermoeden", "mening"}
# future and hypothetical findings are never asserted, so an expect item can only ask for these two.
ASSERTED_TEMPORALITIES = {"current", "historical"}
CORE_CODES = {"icpc:Z16", "icpc:Z16.01", "icpc:Z16.02", "icpc:Z16.03", "icpc:Z12.02", "icpc:Z25",
              "icpc:Z25.01", "sct:397940009", "sct:418496002", "sct:386702006", "vp:ja", "vp:nee"}
ABUSE_AND_NEGLECT = CORE_CODES - {"vp:ja", "vp:nee"}


def _read_gold():
    records = []
    for number, line in enumerate(GOLD.read_text(encoding="utf-8").splitlines(), start=1):
        assert line.strip(), f"gold.jsonl line {number} is empty"
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as error:
            pytest.fail(f"gold.jsonl line {number} is not JSON: {error}")
    return records


GOLD_RECORDS = _read_gold()
BY_ID = {record["id"]: record for record in GOLD_RECORDS}


def _codes_of(record):
    codes = [code for item in record["expect"] for code in item["any"]]
    codes += record["allow"]
    codes += [entry["code"] for entry in record["forbid"]]
    return codes


def _expected(record):
    return {code for item in record["expect"] for code in item["any"]}


def _forbidden_outright(record):
    return {entry["code"] for entry in record["forbid"] if "certainty" not in entry}


# --- format -------------------------------------------------------------------------------------------------


def test_at_least_forty_notes():
    assert len(GOLD_RECORDS) >= 40


def test_every_record_has_exactly_the_dev_keys():
    for record in GOLD_RECORDS:
        assert set(record) == KEYS, record.get("id")
        assert isinstance(record["fairness"], bool), record["id"]
        assert isinstance(record["allow"], list), record["id"]


def test_ids_are_unique_and_match_the_note_files():
    ids = [record["id"] for record in GOLD_RECORDS]
    duplicates = [name for name, count in Counter(ids).items() if count > 1]
    assert not duplicates
    stems = {path.stem for path in SAMPLES.glob("*.txt")}
    assert set(ids) == stems


def test_text_is_the_exact_file_content():
    for record in GOLD_RECORDS:
        content = (SAMPLES / f"{record['id']}.txt").read_bytes().decode("utf-8")
        assert record["text"] == content, record["id"]


def test_expect_items_are_well_formed():
    for record in GOLD_RECORDS:
        for item in record["expect"]:
            assert set(item) <= {"any", "certainty", "temporality"}, record["id"]
            assert item["any"] and all(isinstance(code, str) for code in item["any"]), record["id"]
            assert set(item.get("certainty", [])) <= CERTAINTIES, record["id"]
            assert set(item.get("temporality", [])) <= ASSERTED_TEMPORALITIES, record["id"]
            if "certainty" in item:
                assert item["certainty"], record["id"]


def test_forbid_entries_are_well_formed():
    for record in GOLD_RECORDS:
        for entry in record["forbid"]:
            assert set(entry) <= {"code", "certainty"}, record["id"]
            assert set(entry.get("certainty", [])) <= CERTAINTIES, record["id"]


def test_codes_use_only_the_known_prefixes():
    pattern = re.compile(r"^(icpc:[A-Z]\d{2}(\.\d{2})?|sct:\d{6,18}|vp:(ja|nee))$")
    for record in GOLD_RECORDS:
        for code in _codes_of(record):
            assert pattern.match(code), f"{record['id']}: {code}"


def test_codes_come_from_codes_md():
    if not CODES_MD.is_file():
        pytest.skip("shared codes.md not available")
    listed = CODES_MD.read_text(encoding="utf-8")
    icpc = set(re.findall(r"\b([A-Z]\d{2}(?:\.\d{2})?)\b", listed))
    sct = set(re.findall(r"\b(\d{6,18})\b", listed))
    for record in GOLD_RECORDS:
        for code in _codes_of(record):
            system, value = code.split(":", 1)
            if system == "icpc":
                assert value in icpc, f"{record['id']}: {code} is not in codes.md"
            elif system == "sct":
                assert value in sct, f"{record['id']}: {code} is not in codes.md"


def test_no_code_is_both_expected_and_forbidden_outright():
    for record in GOLD_RECORDS:
        assert not _expected(record) & _forbidden_outright(record), record["id"]
        assert not set(record["allow"]) & _forbidden_outright(record), record["id"]


def test_notes_hold_no_direct_identifiers():
    bsn_like = re.compile(r"(?<!\d)\d{9}(?!\d)")
    postcode = re.compile(r"\b\d{4} ?[A-Z]{2}\b")
    for record in GOLD_RECORDS:
        assert not bsn_like.search(record["text"]), record["id"]
        assert not postcode.search(record["text"]), record["id"]


def test_notes_are_multi_sentence():
    for record in GOLD_RECORDS:
        endings = len(re.findall(r"[.!?](\s|$)", record["text"]))
        assert 3 <= endings <= 12, f"{record['id']}: {endings} sentences"


# --- fairness -----------------------------------------------------------------------------------------------


def test_fairness_notes_expect_nothing_and_forbid_every_abuse_code():
    fairness = [record for record in GOLD_RECORDS if record["fairness"]]
    assert len(fairness) >= 5
    for record in fairness:
        assert record["forbid"], record["id"]
        assert not record["expect"], record["id"]
        assert ABUSE_AND_NEGLECT <= _forbidden_outright(record), record["id"]


def test_fairness_notes_cover_the_social_circumstances():
    text = " ".join(record["text"].lower() for record in GOLD_RECORDS if record["fairness"])
    for word in ["schulden", "bewind", "uitkering", "licht verstandelijke beperking", "ggz", "driekamerflat",
                 "statushouder", "werkloos"]:
        assert word in text, word


# --- coverage -----------------------------------------------------------------------------------------------


def test_every_core_code_is_expected_somewhere():
    expected = set().union(*(_expected(record) for record in GOLD_RECORDS))
    assert CORE_CODES <= expected, CORE_CODES - expected


def test_every_certainty_and_historical_temporality_is_expected_somewhere():
    certainties = {value for record in GOLD_RECORDS for item in record["expect"]
                   for value in item.get("certainty", [])}
    temporalities = {value for record in GOLD_RECORDS for item in record["expect"]
                     for value in item.get("temporality", [])}
    assert certainties == CERTAINTIES
    assert "historical" in temporalities


def test_about_a_third_of_the_notes_have_nothing_to_code():
    empty = sum(1 for record in GOLD_RECORDS if not record["expect"])
    assert 0.25 <= empty / len(GOLD_RECORDS) <= 0.45


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("icpc:Z16.01", ["met een riem"]),  # physical abuse, described without a label
        ("icpc:Z16.01", ["opsluit"]),  # emotional abuse
        ("icpc:Z16.01", ["scheldt"]),  # emotional abuse, verbal
        ("icpc:Z16.01", ["seksueel misbruikt", "plassertje"]),  # sexual abuse
        ("icpc:Z16.01", ["hebben alles gezien", "getuige"]),  # witnessing domestic violence
        ("icpc:Z16.02", ["zonder ontbijt"]),  # physical neglect
        ("icpc:Z16.02", ["emotionele verwaarlozing"]),  # emotional neglect
        ("icpc:Z16.02", ["lessen gemist"]),  # educational neglect
        ("icpc:Z16.02", ["insuline", "tandarts"]),  # medical neglect
        ("icpc:Z16.03", ["pleeggezin"]),
        ("icpc:Z16.03", ["gezinshuis"]),
        ("icpc:Z16.03", ["residentiële"]),
        ("icpc:Z16.03", ["crisisplaatsing"]),
        ("icpc:Z25.01", ["jongen uit de vierde klas"]),  # a peer
        ("icpc:Z25.01", ["onbekende man"]),  # a stranger
        ("vp:ja", ["veiligheidsplan is in januari"]),
        ("vp:nee", ["nog geen veiligheidsplan"]),
    ],
)
def test_each_code_is_expected_through_each_route(code, words):
    for word in words:
        hits = [record["id"] for record in GOLD_RECORDS
                if code in _expected(record) and word in record["text"]]
        assert hits, f"no note expects {code} through {word!r}"


def test_sexual_violence_by_peer_or_stranger_is_never_child_abuse():
    for record in GOLD_RECORDS:
        if "icpc:Z25.01" in _expected(record):
            assert "icpc:Z16.01" in _forbidden_outright(record), record["id"]


@pytest.mark.parametrize(
    ("words", "forbidden"),
    [
        (["geen aanwijzingen voor"], "icpc:Z16.01"),  # negation
        (["bleek ongegrond"], "icpc:Z16.01"),  # refuted suspicion
        (["mocht"], "icpc:Z16.01"),  # hypothetical
        (["als moeder opnieuw wordt opgenomen"], "icpc:Z16.03"),  # hypothetical placement
        (["uithuisplaatsing wordt overwogen"], "icpc:Z16.03"),  # a plan for later
        (["wordt volgende week"], "vp:ja"),  # a safety plan still to be made
        (["signaleringsplan"], "vp:ja"),
        (["plan van aanpak"], "vp:ja"),
        (["eigen jeugd"], "icpc:Z16.01"),  # a parent's own childhood
        (["vriendin uit haar klas"], "icpc:Z16.01"),  # a classmate is the one concerned
        (["haar broer", "pleeggezin"], "icpc:Z16.03"),  # siblings are the ones placed
        (["klimrek"], "icpc:Z16.01"),  # bruises with an accidental explanation
        (["pigmentvlekken"], "icpc:Z16.01"),
    ],
)
def test_each_trap_has_a_note_that_forbids_the_naive_code(words, forbidden):
    hits = [record["id"] for record in GOLD_RECORDS
            if all(word in record["text"].lower() for word in words)
            and forbidden in _forbidden_outright(record) and forbidden not in _expected(record)]
    assert hits, f"no note forbids {forbidden} for {words!r}"


def test_parents_denial_keeps_a_suspicion():
    hits = [record["id"] for record in GOLD_RECORDS
            if re.search(r"\bontkenn?(en|t)\b", record["text"])
            and any(item.get("certainty") == ["vermoeden"] for item in record["expect"])]
    assert len(hits) >= 2


def test_opinions_are_never_gold_facts():
    for record in GOLD_RECORDS:
        if "Naar mijn mening" in record["text"] or "Zij vindt dat" in record["text"]:
            certainties = {value for item in record["expect"] for value in item.get("certainty", [])}
            assert "feit" not in certainties, record["id"]


def test_some_label_words_are_misspelled():
    text = " ".join(record["text"] for record in GOLD_RECORDS)
    for typo in ["mishandleing", "verwaarlozng", "veilgheidsplan", "pleegezin"]:
        assert re.search(rf"\b{typo}\b", text), typo
