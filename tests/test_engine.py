"""The engine as a whole: on every sample note and on any text at all, evidence and trigger spans are
note[start:end], qualifiers are explained, the jsonl contract holds, and nothing raises."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coder.model import QUALIFIER_VALUES, Analysis, Note, Qualifiers
from terminology.triggers import load_triggers
from terminology.vocabulary import load_vocabulary

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
CONTRACT = Path(__file__).resolve().parent / "contract"
DEFAULTS = Qualifiers().to_json()

PROPERTY_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def suggest_line_schema() -> dict:
    return json.loads((CONTRACT / "suggest-line.schema.json").read_text(encoding="utf-8"))


def assert_spans_are_the_text(analysis: Analysis) -> None:
    text = analysis.note.text
    spans = [e for s in analysis.suggestions for e in s.evidence]
    spans += [t.span for s in analysis.suggestions for t in s.triggers]
    spans += [c.finding.evidence for c in analysis.considered]
    spans += [t.span for c in analysis.considered for t in c.finding.triggers]
    for span in spans:
        assert 0 <= span.start < span.end <= len(text), span
        assert text[span.start : span.end] == span.text, span


def assert_qualifiers_explained(analysis: Analysis) -> None:
    items = [(s.qualifiers, s.triggers) for s in analysis.suggestions]
    items += [(c.finding.qualifiers, c.finding.triggers) for c in analysis.considered]
    for qualifiers, triggers in items:
        sets = {t.sets for t in triggers}
        for qualifier, value in qualifiers.to_json().items():
            assert value in QUALIFIER_VALUES[qualifier]
            if value != DEFAULTS[qualifier]:
                assert f"{qualifier}={value}" in sets, (analysis.note.id, qualifier, value, sets)


@pytest.fixture(scope="module")
def sample_analyses(engine) -> list[Analysis]:
    assert len(SAMPLES) >= 40, "the samples folder should hold at least 40 notes"
    notes = [Note(id=p.stem, text=p.read_text(encoding="utf-8"), origin=str(p)) for p in SAMPLES]
    return list(engine.analyse_many(notes))


def test_every_sample_gets_an_analysis_in_input_order(sample_analyses):
    assert [a.note.id for a in sample_analyses] == [p.stem for p in SAMPLES]


def test_on_every_sample_evidence_and_triggers_are_note_text(sample_analyses):
    for analysis in sample_analyses:
        assert_spans_are_the_text(analysis)


def test_on_every_sample_each_non_default_qualifier_names_its_triggers(sample_analyses):
    for analysis in sample_analyses:
        assert_qualifiers_explained(analysis)


def test_on_every_sample_suggestions_keep_the_jsonl_contract(sample_analyses):
    validator = jsonschema.Draft202012Validator(suggest_line_schema())
    suggested = 0
    for analysis in sample_analyses:
        line = {"note_id": analysis.note.id, "suggestions": [s.to_json() for s in analysis.suggestions]}
        validator.validate(json.loads(json.dumps(line, ensure_ascii=False)))
        for s in line["suggestions"]:
            assert list(s) == [
                "system", "code", "display", "polarity", "certainty", "temporality", "experiencer", "source",
                "value", "evidence", "triggers", "rule", "why",
            ]  # fmt: skip
            assert (s["value"] is not None) == (s["code"] == "veiligheidsplan")
        suggested += len(line["suggestions"])
    assert suggested > 0


def test_the_samples_are_not_silent(sample_analyses):
    asserted = sum(1 for a in sample_analyses for s in a.suggestions if s.asserted)
    assert asserted >= len(sample_analyses) // 2


def test_one_suggestion_per_code_and_value(sample_analyses):
    for analysis in sample_analyses:
        asserted = [(s.system, s.code, s.value) for s in analysis.suggestions if s.asserted]
        assert len(asserted) == len(set(asserted)), analysis.note.id


def test_analyse_many_equals_analyse_one_by_one(engine, sample_analyses):
    for analysis in sample_analyses[:10]:
        assert engine.analyse(analysis.note) == analysis


def test_analyse_many_is_lazy_and_keeps_order(engine):
    texts = ("Geen bijzonderheden.", "Vader slaat hem.")
    notes = (Note(id=str(i), text=texts[i % 2]) for i in range(150))
    ids = [a.note.id for a in engine.analyse_many(notes)]
    assert ids == [str(i) for i in range(150)]
    assert list(engine.analyse_many([])) == []


def test_the_engine_version_names_the_terminology(engine):
    assert isinstance(engine.version, str) and engine.version
    assert load_vocabulary().version in engine.version
    assert load_triggers().version in engine.version


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n\n",
        ".",
        "...",
        "Vader slaat hem.\r\nEr is sprake van verwaarlozing.\r\n",
        "😀 Vader slaat hem 😀. Er is sprake van mishandeling 🙈.",
        "Er is sprake van verwaarlozing\u0308 en cari\u0308es.",  # combining marks: offsets stay characters
        "\tVader\tslaat\themd.\u00a0Moeder\u200bslaat hem.",
        "VADER SLAAT HEM. ER IS SPRAKE VAN MISHANDELING.",
        "geen " * 2000 + "mishandeling",
        "mishandeling " * 500,
    ],
    ids=lambda text: ascii(text[:24]),
)
def test_odd_text_is_analysed_with_exact_spans(analyse, text):
    analysis = analyse(text)
    assert_spans_are_the_text(analysis)
    assert_qualifiers_explained(analysis)


def test_a_peer_reporting_names_the_words_that_make_it_about_someone_else(analyse):
    # found by the property test below (as SLAA"VOLGENS"KLASGENOOT)
    assert_qualifiers_explained(analyse("Er is sprake van mishandeling volgens een klasgenoot."))


def test_offsets_count_characters_after_an_emoji(analyse):
    text = "😀😀 Er is sprake van mishandeling."
    (s, *_) = analyse(text).suggestions
    assert (s.evidence[0].start, s.evidence[0].text) == (text.index("mishandeling"), "mishandeling")


# --- properties ----------------------------------------------------------------------------------

DUTCH_WORDS = [
    "vader", "moeder", "hem", "Tim", "slaat", "geslagen", "mishandeling", "mishandelign", "verwaarlozing",
    "blauwe", "plekken", "zonder", "ontbijt", "pleeggezin", "veiligheidsplan", "geen", "niet", "vermoeden",
    "mogelijk", "volgens", "buurvrouw", "vindt", "vroeger", "mocht", "als", "kind", "zelf", "dat", "door",
    "ik", "zag", "vertelt", "juf", "meldt", "bleek", "ongegrond", "maar", "pakt", "hardhandig", "vast",
    "scheldt", "uit", "klasgenoot", "aangerand", "verkracht", "volgende", "week", "wordt", "opgesteld",
    ".", ",", ";", ":", "(", ")", "...", "-", "\n", "\r\n", "\t", "😀", "é", "\u0301",
]  # fmt: skip
note_texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(DUTCH_WORDS) | st.text(max_size=6), max_size=60).map(" ".join),
    st.lists(st.sampled_from(DUTCH_WORDS), max_size=60).map("".join),
)


@PROPERTY_SETTINGS
@given(text=note_texts)
def test_analyse_never_raises_and_every_span_is_note_text(analyse, text):
    analysis = analyse(text)
    assert analysis.note.text == text
    assert_spans_are_the_text(analysis)
    for s in analysis.suggestions:
        assert s.evidence and s.rule and s.why
        for qualifier, value in s.qualifiers.to_json().items():
            assert value in QUALIFIER_VALUES[qualifier]


@st.composite
def text_and_span(draw):
    text = draw(note_texts.filter(lambda t: len(t) > 0))
    start = draw(st.integers(min_value=0, max_value=len(text) - 1))
    end = draw(st.integers(min_value=start + 1, max_value=len(text)))
    return text, start, end


@PROPERTY_SETTINGS
@given(case=text_and_span())
def test_qualify_never_raises_on_any_span(engine, case):
    text, start, end = case
    result = engine.qualify(text, start, end)
    for qualifier, value in result.qualifiers.to_json().items():
        assert value in QUALIFIER_VALUES[qualifier]
    for trigger in result.triggers:
        span = trigger.span
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text
        assert trigger.qualifier in QUALIFIER_VALUES


def test_a_suspicion_declared_unfounded_later_in_the_sentence_is_not_suggested(analyse):
    text = (
        "Een klasgenoot uitte het vermoeden dat oom Fleur slaat, maar na gesprekken met Fleur en de mentor "
        "bleek dit onterecht."
    )
    asserted = [s for s in analyse(text).suggestions if s.asserted]
    assert not asserted, [s.code for s in asserted]
