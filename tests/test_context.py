"""Every qualifier value, with Dutch examples, through Engine.analyse and Engine.qualify.

A qualifier that is not its default must name the trigger words that set it, and every trigger's text must
be note[start:end]. The examples are plain sentences whose reading any correct engine must share.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from coder.model import QUALIFIER_VALUES, Analysis, Qualifiers, Trigger

DEFAULTS = Qualifiers().to_json()


@dataclass(frozen=True)
class Case:
    text: str
    target: str  # a word of the evidence (analyse) or the target span (qualify)
    qualifier: str
    value: str
    words: tuple[str, ...] = ()  # one of these stands in a trigger that sets qualifier=value

    def __str__(self) -> str:
        return f"{self.qualifier}={self.value}: {self.text}"


def case(text, target, qualifier, value, *words, bug: str | None = None):
    marks = [pytest.mark.xfail(strict=True, reason=bug)] if bug else []
    return pytest.param(Case(text, target, qualifier, value, words), marks=marks, id=f"{qualifier}={value}")


# fmt: off
# Through the whole engine: the target is a vocabulary phrase, found as evidence.
ANALYSE_CASES = [
    # polarity
    case("Vader slaat hem met een riem.", "slaat", "polarity", "present"),
    case("Er zijn geen aanwijzingen voor mishandeling.", "mishandeling", "polarity", "absent", "geen"),
    case("Er is geen sprake van verwaarlozing.", "verwaarlozing", "polarity", "absent", "geen"),
    case("Het vermoeden van mishandeling bleek ongegrond.", "mishandeling", "polarity", "absent",
         "ongegrond"),
    # certainty
    case("Mishandeling is vastgesteld.", "mishandeling", "certainty", "feit", "vastgesteld"),
    case("De mishandeling is bevestigd door de kinderarts.", "mishandeling", "certainty", "feit",
         "bevestigd"),
    case("Vader slaat hem.", "slaat", "certainty", "feit"),  # plainly, in the writer's own voice
    case("Er is een vermoeden van mishandeling.", "mishandeling", "certainty", "vermoeden", "vermoeden"),
    case("Er is mogelijk sprake van verwaarlozing.", "verwaarlozing", "certainty", "vermoeden", "mogelijk"),
    case("Volgens de buurvrouw wordt Tim mishandeld.", "mishandeld", "certainty", "vermoeden", "volgens"),
    case("Oom vindt dat Tim wordt verwaarloosd.", "verwaarloosd", "certainty", "mening", "vindt"),
    case(
        "Er is gemeld dat Tim wordt mishandeld.", "mishandeld", "certainty", "vermoeden", "gemeld",
    ),
    # temporality
    case("Twee jaar geleden werd hij door vader geslagen.", "geslagen", "temporality", "historical",
         "geleden"),
    case("Vroeger sloeg vader hem.", "sloeg", "temporality", "historical", "vroeger"),
    case("Sinds vorig jaar slaat vader hem.", "slaat", "temporality", "current"),
    case("Stiefvader misbruikte Jamie in de periode 2019-2021.", "misbruikte", "temporality", "historical",
         "periode 2019-2021"),
    case("Vader sloeg moeder waar de kinderen bij waren; ouders zijn inmiddels gescheiden.", "sloeg",
         "temporality", "historical", "ouders zijn inmiddels gescheiden"),
    case("Vader sloeg de kinderen met een riem. Sindsdien woont hij niet meer thuis.", "sloeg",
         "temporality", "historical", "Sindsdien"),
    case("Tim werd thuis opgesloten in een kast. Hij woont nu in een pleeggezin.", "opgesloten",
         "temporality", "historical", "woont nu in een pleeggezin"),
    case("Vader sloeg hem gisteren. Sindsdien is hij bang.", "sloeg", "temporality", "current"),
    case("In 2021 woonde het gezin bij oma. Vader sloeg Ravi in die tijd regelmatig.", "sloeg",
         "temporality", "historical", "in die tijd"),
    case("Toen Lieke klein was dronk vader veel. Hij gaf haar toen klappen.", "klappen", "temporality",
         "historical", "toen"),
    case("Vader is gisteren boos geworden. Hij gaf haar toen klappen.", "klappen", "temporality", "current"),
    case("Vader slaat hem nog steeds; ouders zijn inmiddels gescheiden.", "slaat", "temporality", "current"),
    case("Tim wordt volgende week in een pleeggezin geplaatst.", "pleeggezin", "temporality", "future",
         "volgende week"),
    case("Mocht vader hem slaan, dan wordt de politie gebeld.", "slaan", "temporality", "hypothetical",
         "mocht"),
    case("Een uithuisplaatsing wordt overwogen.", "uithuisplaatsing", "temporality", "hypothetical",
         "overwogen"),
    # experiencer
    case("Vader slaat hem.", "slaat", "experiencer", "client"),
    case(
        "Herhaaldelijk sloeg vader hem.", "sloeg", "experiencer", "client",
        bug="a capitalised first word the lexicon lacks is taken for the client's name, so the client hits",
    ),
    case("Moeder is in haar jeugd mishandeld.", "mishandeld", "experiencer", "family", "moeder", "jeugd"),
    case("Opa is vroeger door zijn eigen vader mishandeld.", "mishandeld", "experiencer", "family", "opa",
         "eigen vader"),
    case(
        "Moeder is zelf als kind mishandeld.", "mishandeld", "experiencer", "family", "moeder", "als kind",
    ),
    case("Tim slaat klasgenoten.", "slaat", "experiencer", "other", "tim", "klasgenoten"),
    case(
        "Volgens een klasgenoot wordt Tim geslagen.", "geslagen", "experiencer", "client",
    ),
    # source
    case("Ik zag striemen op zijn benen.", "striemen", "source", "professional"),
    case(
        "Ik zag dat vader hem sloeg.", "sloeg", "source", "professional",
    ),
    case("Kevin vertelt dat vader hem slaat.", "slaat", "source", "client", "kevin"),
    case("Moeder zegt dat vader hem slaat.", "slaat", "source", "parent", "moeder"),
    case("De juf meldt dat vader hem slaat.", "slaat", "source", "third_party", "juf"),
    case("Volgens de buurvrouw wordt Tim mishandeld.", "mishandeld", "source", "third_party", "buurvrouw"),
    case("Tim wordt geslagen, is gemeld.", "geslagen", "source", "unknown", "gemeld"),
]

# Only the context step: any target, also words the vocabulary does not know.
QUALIFY_CASES = [
    case("Er zijn geen aanwijzingen voor koorts.", "koorts", "polarity", "absent", "geen"),
    case("Er is geen sprake van pesten.", "pesten", "polarity", "absent", "geen"),
    case("Het vermoeden van diefstal bleek ongegrond.", "diefstal", "polarity", "absent", "ongegrond"),
    case("Hij heeft koorts.", "koorts", "polarity", "present"),
    case("Een botbreuk is vastgesteld.", "botbreuk", "certainty", "feit", "vastgesteld"),
    case("De breuk is bevestigd op de foto.", "breuk", "certainty", "feit", "bevestigd"),
    case("Ik zag een wond op zijn arm.", "wond", "certainty", "feit", "zag"),
    case("Er is een vermoeden van astma.", "astma", "certainty", "vermoeden", "vermoeden"),
    case("Er is mogelijk sprake van een depressie.", "depressie", "certainty", "vermoeden", "mogelijk"),
    case("Volgens de buurvrouw drinkt moeder te veel.", "drinkt", "certainty", "vermoeden", "volgens"),
    case("Oom vindt dat Tim te veel gamet.", "gamet", "certainty", "mening", "vindt"),
    case("Twee jaar geleden had hij een gebroken arm.", "gebroken arm", "temporality", "historical",
         "geleden"),
    case("Vroeger had hij astma.", "astma", "temporality", "historical", "vroeger"),
    case("Sinds vorig jaar heeft hij astma.", "astma", "temporality", "current"),
    case("Tim wordt volgende week geopereerd.", "geopereerd", "temporality", "future", "volgende week"),
    case(
        "Het veiligheidsplan wordt volgende week opgesteld.", "veiligheidsplan", "temporality", "future",
        "volgende week",
    ),
    case("Mocht de koorts stijgen, bel dan de huisarts.", "koorts", "temporality", "hypothetical", "mocht"),
    case("Een opname wordt overwogen.", "opname", "temporality", "hypothetical", "overwogen"),
    case("Moeder heeft een depressie.", "depressie", "experiencer", "family", "moeder"),
    case("Moeder had in haar jeugd een depressie.", "depressie", "experiencer", "family", "moeder", "jeugd"),
    case("Een klasgenoot van Tim heeft een hersenschudding.", "hersenschudding", "experiencer", "other",
         "klasgenoot"),
    case("Tim heeft een hersenschudding.", "hersenschudding", "experiencer", "client"),
    case(
        "Vader slaat hem.", "slaat", "experiencer", "client",
    ),
    case(
        "Tim slaat klasgenoten.", "slaat", "experiencer", "other", "klasgenoten", "tim",
    ),
    case(
        "Moeder is zelf als kind mishandeld.", "mishandeld", "experiencer", "family", "moeder", "als kind",
    ),
    case("Ik zag een wond op zijn arm.", "wond", "source", "professional"),
    case("Kevin vertelt dat hij buikpijn heeft.", "buikpijn", "source", "client", "kevin"),
    case("Moeder zegt dat hij slecht slaapt.", "slaapt", "source", "parent", "moeder"),
    case("De juf meldt dat hij vaak huilt.", "huilt", "source", "third_party", "juf"),
    case("Hij heeft koorts, is gemeld.", "koorts", "source", "unknown", "gemeld"),
]
# fmt: on


def check(text: str, qualifiers: Qualifiers, triggers: tuple[Trigger, ...], expected: Case) -> None:
    got = qualifiers.to_json()[expected.qualifier]
    assert got == expected.value, f"{expected}: {expected.qualifier} is {got}; triggers {triggers}"
    assert_triggers_explain(text, qualifiers, triggers)
    setting = [t for t in triggers if t.sets == f"{expected.qualifier}={expected.value}"]
    if expected.words:
        texts = [t.span.text.lower() for t in setting]
        assert any(w.lower() in t for w in expected.words for t in texts), (
            f"{expected}: no trigger with any of {expected.words}; got {texts}"
        )


def assert_triggers_explain(text: str, qualifiers: Qualifiers, triggers: tuple[Trigger, ...]) -> None:
    """Each non-default qualifier names its trigger words; each trigger's text is note[start:end]."""
    sets = {t.sets for t in triggers}
    for qualifier, value in qualifiers.to_json().items():
        assert value in QUALIFIER_VALUES[qualifier]
        if value != DEFAULTS[qualifier]:
            assert f"{qualifier}={value}" in sets, f"{qualifier}={value} names no trigger in {text!r}"
    for trigger in triggers:
        span = trigger.span
        assert 0 <= span.start < span.end <= len(text), trigger
        assert text[span.start : span.end] == span.text, trigger


def findings_with(analysis: Analysis, target: str):
    """(qualifiers, triggers) of every suggestion and every considered finding whose evidence holds target."""
    target = target.lower()
    found = [
        (s.qualifiers, s.triggers)
        for s in analysis.suggestions
        if any(target in e.text.lower() for e in s.evidence)
    ]
    found += [
        (c.finding.qualifiers, c.finding.triggers)
        for c in analysis.considered
        if target in c.finding.evidence.text.lower()
    ]
    return found


@pytest.mark.parametrize("expected", ANALYSE_CASES)
def test_analyse_sets_each_qualifier_value(analyse, expected: Case):
    analysis = analyse(expected.text)
    found = findings_with(analysis, expected.target)
    assert found, f"{expected}: nothing found for {expected.target!r}"
    for qualifiers, triggers in found:
        check(expected.text, qualifiers, triggers, expected)


@pytest.mark.parametrize("expected", QUALIFY_CASES)
def test_qualify_sets_each_qualifier_value(engine, expected: Case):
    start = expected.text.index(expected.target)
    result = engine.qualify(expected.text, start, start + len(expected.target))
    check(expected.text, result.qualifiers, result.triggers, expected)


def covered(cases) -> set[tuple[str, str]]:
    return {(p.values[0].qualifier, p.values[0].value) for p in cases if not p.marks}


@pytest.mark.parametrize("cases", [ANALYSE_CASES, QUALIFY_CASES], ids=["analyse", "qualify"])
def test_the_examples_cover_every_value_of_every_qualifier(cases):
    every = {(q, v) for q, values in QUALIFIER_VALUES.items() for v in values}
    assert every - covered(cases) == set()


def test_a_terminator_ends_a_trigger_scope(engine):
    text = "Geen zorgen over school, maar vader slaat hem wel."
    start = text.index("slaat")
    assert engine.qualify(text, start, start + len("slaat")).qualifiers.polarity == "present"


def test_a_trigger_does_not_reach_into_the_next_sentence(analyse):
    analysis = analyse("Er is geen sprake van pesten. Vader slaat hem.")
    (qualifiers, _), *_ = findings_with(analysis, "slaat")
    assert qualifiers.polarity == "present"


def test_a_target_outside_every_sentence_gets_the_defaults(engine):
    result = engine.qualify("   ", 0, 3)
    assert result.qualifiers == Qualifiers()
    assert result.triggers == ()
