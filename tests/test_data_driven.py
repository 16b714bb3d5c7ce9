"""Data stays data: a phrase or a trigger added to a parsed copy of the shipped JSON takes effect without a
code change. The new words are made up, so the shipped terminology can never know them by chance."""

from __future__ import annotations

import copy

import pytest

from coder.model import Note
from terminology.data_files import load_json
from terminology.patterns import PatternError
from terminology.triggers import TriggerDataError, parse_triggers
from terminology.vocabulary import parse_vocabulary

NEW_VERB = "kletsbamt|kletsbamde"  # made up: "vader kletsbamt hem" is now physical abuse
NEW_SEPARABLE = "tjoeptert ... weg"  # made up, with a gap like a separable verb
NEW_NEGATION = "flurpnot"  # made up: sets polarity=absent on what follows
NEW_PAST = "ooitjes"  # made up: sets temporality=historical


def changed_vocabulary():
    data = copy.deepcopy(load_json("vocabulary.json"))
    data["concepts"]["abuse_physical"].setdefault("verb", []).extend([NEW_VERB, NEW_SEPARABLE])
    return parse_vocabulary(data)


def changed_triggers():
    data = copy.deepcopy(load_json("triggers.json"))
    data["triggers"].append({"phrases": [NEW_NEGATION], "sets": "polarity=absent", "direction": "forward"})
    data["triggers"].append({"phrases": [NEW_PAST], "sets": "temporality=historical", "direction": "both"})
    return parse_triggers(data)


@pytest.fixture(scope="module")
def changed_engine():
    import coder.engine

    vocabulary, triggers = changed_vocabulary(), changed_triggers()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(coder.engine, "load_vocabulary", lambda: vocabulary)
        patch.setattr(coder.engine, "load_triggers", lambda: triggers)
        return coder.engine.Engine()


def codes(engine, text: str) -> dict[str, object]:
    return {s.code: s for s in engine.analyse(Note(id="n", text=text)).suggestions}


@pytest.mark.parametrize(
    "text, evidence",
    [("Vader kletsbamt hem.", "kletsbamt"), ("Vader tjoeptert hem hard weg.", "tjoeptert hem hard weg")],
)
def test_a_new_phrase_takes_effect(engine, changed_engine, text, evidence):
    assert "Z16.01" not in codes(engine, text)  # the shipped terminology does not know it
    found = codes(changed_engine, text)["Z16.01"]
    assert found.asserted
    assert found.evidence[0].text == evidence


def test_a_new_trigger_takes_effect(engine, changed_engine):
    text = "Flurpnot mishandeling."
    assert codes(engine, text)["Z16.01"].qualifiers.polarity == "present"
    negated = codes(changed_engine, text)["Z16.01"]
    assert negated.qualifiers.polarity == "absent"
    assert [t.span.text for t in negated.triggers if t.sets == "polarity=absent"] == ["Flurpnot"]


def test_a_new_time_trigger_takes_effect(engine, changed_engine):
    text = "Vader sloeg hem ooitjes."
    assert codes(engine, text)["Z16.01"].qualifiers.temporality == "current"
    past = codes(changed_engine, text)["Z16.01"]
    assert past.qualifiers.temporality == "historical"
    assert any(t.sets == "temporality=historical" and t.span.text == "ooitjes" for t in past.triggers)


def test_the_changed_engine_still_reads_the_shipped_terminology(changed_engine):
    assert "Z16.02" in codes(changed_engine, "Er is sprake van verwaarlozing.")
    negated = codes(changed_engine, "Er zijn geen aanwijzingen voor mishandeling.")["Z16.01"]
    assert negated.qualifiers.polarity == "absent"


def test_the_shipped_data_is_not_changed_by_a_parsed_copy():
    changed_vocabulary()
    shipped = load_json("vocabulary.json")["concepts"]["abuse_physical"].get("verb", [])
    assert NEW_VERB not in shipped


@pytest.mark.parametrize(
    "entry, error",
    [
        ({"phrases": ["x"], "sets": "polarity"}, TriggerDataError),
        ({"phrases": ["x"], "sets": "mood=absent"}, TriggerDataError),
        ({"phrases": ["x"], "sets": "polarity=absent", "direction": "sideways"}, TriggerDataError),
        ({"phrases": ["x"]}, TriggerDataError),
        ({"phrases": ["... x"], "sets": "polarity=absent"}, PatternError),
    ],
)
def test_a_bad_trigger_entry_is_a_clear_error(entry, error):
    data = {"version": "test", "triggers": [entry]}
    with pytest.raises(error) as caught:
        parse_triggers(data)
    assert "\n" not in str(caught.value)


def test_a_bad_phrase_in_the_vocabulary_is_a_pattern_error():
    data = {"version": "test", "concepts": {"c": {"label": "c", "kind": "act", "noun": ["a ..."]}}}
    with pytest.raises(PatternError):
        parse_vocabulary(data)
