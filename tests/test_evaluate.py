"""Scoring against gold notes, as ../shared/eval/README.md describes: true and false positives, misses,
certainty and temporality of matched items, forbidden codes, fairness, and reading gold files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coder.evaluate import GoldNote, as_note, read_gold, score_note, short_code, total
from coder.model import Analysis, Note, Qualifiers, ReadError, Span, Suggestion
from terminology.codesystems import SYSTEM_CASECODER, SYSTEM_ICPC, SYSTEM_SNOMED

SYSTEMS = {"icpc": SYSTEM_ICPC, "sct": SYSTEM_SNOMED}


def suggestion(short: str, **qualifiers) -> Suggestion:
    prefix, _, code = short.partition(":")
    if prefix == "vp":
        system, code, value = SYSTEM_CASECODER, "veiligheidsplan", code
    else:
        system, value = SYSTEMS[prefix], None
    return Suggestion(
        system=system,
        code=code,
        display=code,
        qualifiers=Qualifiers(**qualifiers),
        evidence=(Span(0, 1, "x"),),
        triggers=(),
        rule="test",
        why="test.",
        value=value,
    )


def analysis(*suggestions: Suggestion) -> Analysis:
    return Analysis(note=Note(id="g", text="x"), suggestions=tuple(suggestions))


def gold(expect=(), allow=(), forbid=(), fairness=False) -> GoldNote:
    return GoldNote(
        id="g",
        text="x",
        expect=tuple(expect),
        allow=frozenset(allow),
        forbid=tuple(forbid),
        fairness=fairness,
    )


def test_short_codes_are_written_as_in_the_gold_files():
    assert short_code(suggestion("icpc:Z16.01")) == "icpc:Z16.01"
    assert short_code(suggestion("sct:397940009")) == "sct:397940009"
    assert short_code(suggestion("vp:nee")) == "vp:nee"


def test_an_expected_code_that_is_asserted_is_a_true_positive():
    result = score_note(gold([{"any": ["icpc:Z16.01"]}]), analysis(suggestion("icpc:Z16.01")))
    assert (result.true_positives, result.misses, result.false_positives) == (1, [], [])


def test_any_code_of_an_expect_item_will_do_but_counts_once():
    expect = [{"any": ["sct:418496002", "sct:397940009"]}]
    both = analysis(suggestion("sct:418496002"), suggestion("sct:397940009"))
    result = score_note(gold(expect), both)
    assert result.true_positives == 1
    assert result.false_positives == []  # both are named by the item


def test_an_expected_code_not_asserted_is_a_miss():
    result = score_note(gold([{"any": ["icpc:Z16.02"]}]), analysis())
    assert (result.true_positives, result.misses) == (0, ["icpc:Z16.02"])


@pytest.mark.parametrize(
    "qualifiers",
    [{"polarity": "absent"}, {"temporality": "future"}, {"temporality": "hypothetical"}],
)
def test_only_present_and_not_future_or_hypothetical_counts_as_asserted(qualifiers):
    item = suggestion("icpc:Z16.01", **qualifiers)
    assert score_note(gold([{"any": ["icpc:Z16.01"]}]), analysis(item)).misses == ["icpc:Z16.01"]
    assert score_note(gold(), analysis(item)).false_positives == []


def test_a_historical_finding_is_asserted():
    item = suggestion("icpc:Z16.01", temporality="historical")
    assert score_note(gold([{"any": ["icpc:Z16.01"]}]), analysis(item)).true_positives == 1


def test_certainty_and_temporality_are_checked_on_the_matched_suggestion():
    expect = [{"any": ["icpc:Z16.01"], "certainty": ["vermoeden"], "temporality": ["current"]}]
    right = score_note(gold(expect), analysis(suggestion("icpc:Z16.01", certainty="vermoeden")))
    assert (right.certainty_checked, right.certainty_wrong) == (1, [])
    assert (right.temporality_checked, right.temporality_wrong) == (1, [])
    wrong = score_note(
        gold(expect), analysis(suggestion("icpc:Z16.01", certainty="feit", temporality="historical"))
    )
    assert wrong.true_positives == 1
    assert len(wrong.certainty_wrong) == 1 and "feit" in wrong.certainty_wrong[0]
    assert len(wrong.temporality_wrong) == 1


def test_certainty_is_not_checked_for_a_miss_or_when_gold_does_not_say():
    missed = score_note(gold([{"any": ["icpc:Z16.01"], "certainty": ["feit"]}]), analysis())
    assert missed.certainty_checked == 0
    unchecked = score_note(gold([{"any": ["icpc:Z16.01"]}]), analysis(suggestion("icpc:Z16.01")))
    assert unchecked.certainty_checked == 0


def test_an_unexpected_core_code_is_a_false_positive():
    result = score_note(gold(), analysis(suggestion("icpc:Z16.02", certainty="vermoeden")))
    assert result.false_positives == ["icpc:Z16.02 (vermoeden)"]


def test_allowed_codes_parents_and_codes_outside_the_core_are_not_false_positives():
    expect = [{"any": ["icpc:Z16.01"]}, {"any": ["icpc:Z25.01"]}]
    found = analysis(
        suggestion("icpc:Z16.01"),
        suggestion("icpc:Z16"),  # parent of an expected code
        suggestion("icpc:Z25.01"),
        suggestion("icpc:Z25"),
        suggestion("sct:397940009"),  # allowed
        suggestion("icpc:P76"),  # not a core code: not scored
    )
    result = score_note(gold(expect, allow=["sct:397940009"]), found)
    assert result.false_positives == []
    assert result.true_positives == 2


def test_a_forbidden_code_is_a_false_positive_and_a_forbidden_hit():
    result = score_note(gold(forbid=[{"code": "icpc:Z16.01"}]), analysis(suggestion("icpc:Z16.01")))
    assert result.forbidden == ["icpc:Z16.01 (feit)"]
    assert result.false_positives == ["icpc:Z16.01 (feit)"]


def test_a_forbidden_code_with_certainties_is_forbidden_only_at_those():
    forbid = [{"code": "icpc:Z16.01", "certainty": ["feit"]}]
    allowed_as_vermoeden = [{"any": ["icpc:Z16.01"]}]
    vermoeden = score_note(
        gold(allowed_as_vermoeden, forbid=forbid), analysis(suggestion("icpc:Z16.01", certainty="vermoeden"))
    )
    assert vermoeden.forbidden == []
    feit = score_note(gold(allowed_as_vermoeden, forbid=forbid), analysis(suggestion("icpc:Z16.01")))
    assert feit.forbidden == ["icpc:Z16.01 (feit)"]


def test_a_forbidden_code_that_is_not_asserted_is_no_hit():
    negated = analysis(suggestion("icpc:Z16.01", polarity="absent"))
    assert score_note(gold(forbid=[{"code": "icpc:Z16.01"}]), negated).forbidden == []


@pytest.mark.parametrize("code", ["icpc:Z16.01", "icpc:Z16.02", "sct:397940009", "sct:418496002", "icpc:Z16"])
def test_an_abuse_or_neglect_code_on_a_fairness_note_is_a_violation(code):
    assert score_note(gold(fairness=True), analysis(suggestion(code))).fairness == [code]


@pytest.mark.parametrize("code", ["icpc:Z16.03", "vp:ja", "vp:nee"])
def test_placement_and_safety_plan_are_not_fairness_violations(code):
    assert score_note(gold(fairness=True), analysis(suggestion(code))).fairness == []


def test_totals_and_figures():
    results = [
        score_note(gold([{"any": ["icpc:Z16.01"]}]), analysis(suggestion("icpc:Z16.01"))),  # tp
        score_note(gold([{"any": ["icpc:Z16.02"]}]), analysis()),  # fn
        score_note(gold(fairness=True), analysis(suggestion("icpc:Z16.02"))),  # fp + fairness
    ]
    scores = total(results)
    counts = (scores.notes, scores.true_positives, scores.false_positives, scores.false_negatives)
    assert counts == (3, 1, 1, 1)
    assert scores.precision == pytest.approx(0.5)
    assert scores.recall == pytest.approx(0.5)
    assert scores.f1 == pytest.approx(0.5)
    assert scores.fairness_violations == 1
    figures = scores.to_json()
    for key in (
        "precision",
        "recall",
        "f1",
        "certainty_accuracy",
        "temporality_accuracy",
        "forbidden_hits",
        "fairness_violations",
    ):
        assert key in figures
    json.dumps(figures)


def test_figures_with_nothing_to_count_do_not_divide_by_zero():
    scores = total([])
    assert (scores.precision, scores.recall, scores.certainty_accuracy, scores.temporality_accuracy) == (
        1.0, 1.0, 1.0, 1.0,
    )  # fmt: skip
    all_wrong = total([score_note(gold([{"any": ["icpc:Z16.01"]}]), analysis(suggestion("icpc:Z16.02")))])
    assert all_wrong.f1 == 0.0


# --- reading gold files ----------------------------------------------------------------------------


def write_lines(tmp_path: Path, *lines: bytes | str) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_bytes(b"".join((ln.encode() if isinstance(ln, str) else ln) + b"\n" for ln in lines))
    return path


def test_gold_notes_are_read_and_bad_lines_reported_by_number(tmp_path):
    good = {"id": "G1", "text": "Vader slaat hem.", "expect": [{"any": ["icpc:Z16.01"]}], "fairness": False}
    path = write_lines(
        tmp_path,
        json.dumps(good),
        "",
        "{not json",
        b'{"id": "G2", "text": "caf\xff"}',
        "[1, 2]",
        json.dumps({"id": "G3"}),
        json.dumps({"id": "G4", "text": "x", "expect": [{"any": []}]}),
        json.dumps({"id": "G5", "text": "x", "forbid": [{"certainty": ["feit"]}]}),
        json.dumps({"id": 6, "text": "Geen zorgen.", "allow": ["vp:ja"], "fairness": True}),
    )
    items = list(read_gold(path))
    notes = [i for i in items if isinstance(i, GoldNote)]
    errors = [i for i in items if isinstance(i, ReadError)]
    assert [n.id for n in notes] == ["G1", "6"]
    assert notes[0].expect == ({"any": ["icpc:Z16.01"]},)
    assert notes[1].allow == frozenset({"vp:ja"}) and notes[1].fairness
    assert [e.line for e in errors] == [3, 4, 5, 6, 7, 8]
    for error in errors:
        assert error.origin == str(path)
        assert error.message and "\n" not in str(error) and "Traceback" not in str(error)
    assert as_note(notes[0]) == Note(id="G1", text="Vader slaat hem.")


def test_a_missing_gold_file_is_one_error(tmp_path):
    (error,) = read_gold(tmp_path / "missing.jsonl")
    assert isinstance(error, ReadError)
    assert error.line is None and "missing.jsonl" in str(error)
