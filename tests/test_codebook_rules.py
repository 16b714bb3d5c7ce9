"""Every codebook rule fires on an example, and the lines of the domain hold: sexual violence outside a
dependency relation is Z25.01 and never Z16.01, social circumstances never give an abuse or neglect code,
signs stay a vermoeden, and the safety plan is ja, nee or not asserted."""

from __future__ import annotations

import pytest

from coder.model import Analysis, Suggestion
from terminology.codebook import load_codebook
from terminology.codesystems import SYSTEM_CASECODER, from_short, to_short
from terminology.data_files import load_json

# At least one plain example per rule id in terminology/data/codebook.json.
RULE_EXAMPLES = {
    "CB-Z16.01-grensoverschrijdend": ["Haar gymleraar heeft haar na de les gezoend."],
    "CB-Z25-geweld-buiten": ["Tim is zaterdag op straat beroofd.", "Sara werd bij het station neergestoken."],
    "CB-Z25-geweld": ["Tim is door een klasgenoot geslagen.", "Tim is door een onbekende man geslagen."],
    "CB-Z16.01-lichamelijk": ["Vader slaat hem met een riem.", "Tim wordt door zijn stiefvader geschopt."],
    "CB-Z16.01-psychisch": ["Vader kleineert hem voortdurend.", "Moeder sluit hem op in de kelder."],
    "CB-Z16.01-seksueel": ["Ze is door haar stiefvader seksueel misbruikt.", "Er is sprake van incest."],
    "CB-Z25.01-seksueel-geweld": ["Zij is door een onbekende man aangerand."],
    "CB-Z16.01-mishandeling": ["Er is sprake van kindermishandeling.", "Tim wordt mishandeld."],
    "CB-Z16.01-getuige": ["Tim is getuige van huiselijk geweld.", "Er is huiselijk geweld tussen de ouders."],
    "CB-Z16.01-signaal": ["Tim heeft blauwe plekken op zijn armen.", "Tim heeft striemen op zijn rug."],
    "CB-Z16.02-verwaarlozing": ["Er is sprake van verwaarlozing.", "Er is sprake van onvoldoende basiszorg."],
    "CB-Z16.02-signaal": ["Tim komt vaak zonder ontbijt naar school.", "Tim heeft onbehandelde hoofdluis."],
    "CB-Z16.03-plaatsing": ["Tim woont in een pleeggezin.", "Tim is uithuisgeplaatst."],
    "CB-VP-veiligheidsplan": ["Er is een veiligheidsplan opgesteld.", "Er is geen veiligheidsplan."],
}

ABUSE_OR_NEGLECT = {"icpc:Z16", "icpc:Z16.01", "icpc:Z16.02", "sct:397940009", "sct:418496002"}
CHILD_ABUSE = {"icpc:Z16.01", "sct:397940009"}


def rule_ids() -> list[str]:
    return [entry["id"] for entry in load_json("codebook.json")["rules"]]


def short(s: Suggestion) -> str:
    return to_short(s.system, s.code, s.value)  # as the gold files write codes: icpc:Z16.01, vp:ja


def asserted(analysis: Analysis) -> set[str]:
    return {short(s) for s in analysis.suggestions if s.asserted}


def every_code(analysis: Analysis) -> set[str]:
    return {short(s) for s in analysis.suggestions}


# --- every rule ----------------------------------------------------------------------------------


def test_the_codebook_ids_are_unique_and_parse():
    ids = rule_ids()
    assert len(ids) == len(set(ids))
    assert [r.id for r in load_codebook().rules] == ids


@pytest.mark.parametrize("rule_id", rule_ids())
def test_every_rule_fires_on_an_example(analyse, rule_id):
    examples = RULE_EXAMPLES.get(rule_id)
    assert examples, f"codebook rule {rule_id} has no example in RULE_EXAMPLES: add one"
    rule = next(r for r in load_codebook().rules if r.id == rule_id)
    rule_codes = {from_short(c)[:2] for c in rule.codes}
    fired = 0
    for text in examples:
        by_rule = [s for s in analyse(text).suggestions if s.rule == rule_id]
        fired += bool(by_rule)
        for s in by_rule:
            assert s.qualifiers.experiencer == "client", text
            assert s.why and "{" not in s.why, s.why  # the "{evidence}" placeholder was filled in
            if s.system != SYSTEM_CASECODER:
                assert (s.system, s.code) in rule_codes, (text, s.code)
    assert fired, f"{rule_id} fired on none of {examples}"


@pytest.mark.parametrize(
    "rule_id, text, codes",
    [
        ("CB-Z16.01-lichamelijk", "Vader slaat hem met een riem.", CHILD_ABUSE),
        ("CB-Z16.01-getuige", "Tim is getuige van huiselijk geweld.", CHILD_ABUSE),
        ("CB-Z16.02-verwaarlozing", "Er is sprake van verwaarlozing.", {"icpc:Z16.02", "sct:418496002"}),
        ("CB-Z16.03-plaatsing", "Tim woont in een pleeggezin.", {"icpc:Z16.03"}),
        ("CB-Z25.01-seksueel-geweld", "Zij is door een onbekende man aangerand.", {"icpc:Z25.01"}),
        ("CB-VP-veiligheidsplan", "Er is een veiligheidsplan opgesteld.", {"vp:ja"}),
    ],
)
def test_a_rule_suggests_all_its_codes_and_only_those(analyse, rule_id, text, codes):
    analysis = analyse(text)
    assert asserted(analysis) == codes
    assert {s.rule for s in analysis.suggestions} == {rule_id}


def test_the_explanation_quotes_the_evidence(analyse):
    (s, *_) = analyse("Vader slaat hem met een riem.").suggestions
    assert s.evidence[0].text in s.why
    assert s.why.endswith(".") and "\n" not in s.why


# --- sexual violence outside a dependency relation -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Zij is door een klasgenoot aangerand.",
        "Een klasgenoot heeft haar aangerand.",
        "Zij is op een feest door een onbekende jongen verkracht.",
        "Zij is door haar ex-vriendje verkracht.",
        "Er is sprake van seksueel geweld door een onbekende.",
        "Jesse is in de onderdoorgang door een man die hij niet kende onder zijn kleding betast.",
        "Amira chatte met een volwassen man die ze via een game kende. Vorige week heeft hij haar gedwongen "
        "tot seksuele handelingen.",
        "Pt. (17) zegt dat een jongen die ze daar had leren kennen haar in een tent heeft verkracht.",
    ],
)
def test_peer_or_stranger_sexual_violence_is_z25_01_never_z16_01(analyse, text):
    analysis = analyse(text)
    assert "icpc:Z25.01" in asserted(analysis)
    assert not every_code(analysis) & CHILD_ABUSE


@pytest.mark.parametrize(
    "text",
    ["Zij is door haar stiefvader verkracht.", "Ze is door haar stiefvader seksueel misbruikt."],
)
def test_sexual_violence_by_someone_the_child_depends_on_is_child_abuse(analyse, text):
    analysis = analyse(text)
    assert CHILD_ABUSE <= asserted(analysis)
    assert "icpc:Z25.01" not in every_code(analysis)


def test_a_passive_rape_without_a_doer_is_about_the_client(analyse):
    analysis = analyse("Tim is verkracht.")
    assert asserted(analysis) & {"icpc:Z25.01", "icpc:Z16.01"}


# --- social circumstances -------------------------------------------------------------------------

SOCIAL_CIRCUMSTANCES = [
    "Moeder heeft schulden en er is bewind.",
    "Het gezin heeft hoge schulden en staat onder beschermingsbewind.",
    "Het gezin leeft van een uitkering.",
    "Moeder heeft een LVB.",
    "Vader is in behandeling bij de GGZ.",
    "Het gezin woont in een kleine huurwoning.",
    "Vader is al twee jaar werkloos.",
    "Het gezin heeft een migratieachtergrond.",
    "Moeder heeft een licht verstandelijke beperking en psychiatrische problemen; het gezin heeft hoge "
    "schulden, leeft van een bijstandsuitkering en woont in een krappe huurwoning in een achterstandswijk. "
    "Vader is werkloos en het gezin heeft een migratieachtergrond. Er is beschermingsbewind.",
]


@pytest.mark.parametrize("text", SOCIAL_CIRCUMSTANCES)
def test_social_circumstances_alone_never_give_an_abuse_or_neglect_code(analyse, text):
    assert not every_code(analyse(text)) & ABUSE_OR_NEGLECT


# --- signs ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Tim heeft blauwe plekken op zijn armen.",
        "Tim heeft striemen op zijn rug.",
        "Tim komt vaak zonder ontbijt naar school.",
        "Tim heeft onbehandelde hoofdluis.",
        "Tim draagt vieze kleding.",
        "De juf meldt dat Tim blauwe plekken heeft.",
        "De juf ziet striemen op zijn rug.",
    ],
)
def test_signs_support_at_most_a_vermoeden(analyse, text):
    suggestions = [s for s in analyse(text).suggestions if short(s) in ABUSE_OR_NEGLECT]
    assert suggestions, text
    for s in suggestions:
        assert s.asserted
        assert s.qualifiers.certainty in ("vermoeden", "mening")
        assert any(t.sets == f"certainty={s.qualifiers.certainty}" for t in s.triggers)


def test_a_denial_keeps_a_finding_present_as_a_vermoeden(analyse):
    analysis = analyse("Ouders ontkennen dat vader hem slaat.")
    (s, *_) = [s for s in analysis.suggestions if short(s) == "icpc:Z16.01"]
    assert s.qualifiers.polarity == "present"
    assert s.qualifiers.certainty == "vermoeden"


def test_a_finding_about_someone_else_is_considered_not_suggested(analyse):
    for text in ("Opa is vroeger door zijn eigen vader mishandeld.", "Tim slaat klasgenoten."):
        analysis = analyse(text)
        assert not every_code(analysis) & ABUSE_OR_NEGLECT, text
        assert analysis.considered, text
        assert all(c.reason for c in analysis.considered)


@pytest.mark.parametrize(
    "text",
    [
        "Moeder vertelt dat haar ex-partner haar vorige maand heeft geslagen. Thijs (5) was op dat moment "
        "op de BSO en heeft er niets van meegekregen.",
        "Ouders hadden zaterdag ruzie waarbij vader moeder een duw gaf. De kinderen logeerden dat weekend "
        "bij opa en oma.",
        "Moeder maakt zich zorgen om haar zus, die door haar partner wordt mishandeld.",
    ],
)
def test_violence_between_adults_the_child_did_not_witness_is_no_code(analyse, text):
    analysis = analyse(text)
    assert not asserted(analysis) & (CHILD_ABUSE | {"icpc:Z16"}), text
    assert analysis.considered


@pytest.mark.parametrize(
    "text",
    [
        "Moeder vertelt dat haar ex-partner haar jarenlang heeft geslagen, waar de kinderen bij waren.",
        "Vader gaf moeder een duw; de kinderen zagen het vanaf de trap.",
        "Vader slaat moeder.",
    ],
)
def test_violence_between_the_parents_is_witnessed_by_the_child(analyse, text):
    assert "icpc:Z16.01" in asserted(analyse(text)), text


def test_a_negated_finding_is_listed_absent_and_not_asserted(analyse):
    analysis = analyse("Er zijn geen aanwijzingen voor mishandeling of verwaarlozing.")
    assert asserted(analysis) == set()
    assert {"icpc:Z16.01", "icpc:Z16.02"} <= every_code(analysis)
    assert all(s.qualifiers.polarity == "absent" for s in analysis.suggestions)


# --- safety plan ----------------------------------------------------------------------------------


def safety_plans(analysis: Analysis) -> list[Suggestion]:
    plans = [s for s in analysis.suggestions if s.code == "veiligheidsplan"]
    for s in plans:
        assert s.system == SYSTEM_CASECODER
        assert s.value in ("ja", "nee")
    return plans


@pytest.mark.parametrize(
    "text, value",
    [
        ("Samen met ouders en netwerk is een veiligheidsplan opgesteld.", "ja"),
        ("Er ligt een veiligheidsplan.", "ja"),
        ("Er is geen veiligheidsplan.", "nee"),
        ("Er is nog geen veiligheidsplan opgesteld.", "nee"),
        ("Het veiligheidsplan wordt volgende week opgesteld.", "nee"),  # made later: not present now
    ],
)
def test_a_safety_plan_is_answered_ja_or_nee(analyse, text, value):
    analysis = analyse(text)
    assert [s.value for s in safety_plans(analysis) if s.asserted] == [value]
    other = "nee" if value == "ja" else "ja"
    assert f"vp:{other}" not in asserted(analysis)
    if value == "nee":
        (plan,) = safety_plans(analysis)
        assert any(t.sets == "value=nee" for t in plan.triggers), plan.triggers


@pytest.mark.parametrize(
    "text",
    [
        "Mocht het thuis escaleren, dan wordt een veiligheidsplan gemaakt.",
        "Indien nodig wordt een veiligheidsplan opgesteld.",
    ],
)
def test_a_hypothetical_safety_plan_is_not_asserted(analyse, text):
    analysis = analyse(text)
    assert not asserted(analysis) & {"vp:ja", "vp:nee"}
    for plan in safety_plans(analysis):
        assert plan.qualifiers.temporality == "hypothetical"


@pytest.mark.parametrize(
    "text",
    [
        "Er is een signaleringsplan opgesteld.",
        "Er is een signaleringsplan en een hulpverleningsplan.",
        "Er is een gezinsplan en een plan van aanpak opgesteld.",
    ],
)
def test_other_plans_are_not_a_veiligheidsplan(analyse, text):
    assert safety_plans(analyse(text)) == []


def test_kissing_between_young_people_is_no_code(analyse):
    analysis = analyse("Ze heeft op het feest met een jongen uit haar klas gezoend.")
    assert not [s for s in analysis.suggestions if s.asserted]


@pytest.mark.parametrize(
    "text",
    [
        "Op het feest heeft een jongen uit haar klas tegen haar wil seks met haar gehad.",
        "Haar ex-vriend heeft naaktfoto's van haar rondgestuurd in de klassenapp.",
    ],
)
def test_sexual_violence_between_young_people_is_z25_01_not_child_abuse(analyse, text):
    codes = asserted(analyse(text))
    assert "icpc:Z25.01" in codes, codes
    assert "icpc:Z16.01" not in codes, codes
