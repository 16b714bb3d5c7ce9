"""Accuracy floors from the engine issue, measured as `casecoder evaluate` measures them.

The samples' gold and the shared dev set must meet the issue's bar: f1 and precision >= 0.90, certainty
>= 0.85, no forbidden codes, no fairness violations. The tuning sets, on which the engine was improved note
by note, must not slip back. A held-out set is only reported (README), never asserted: asserting it would
invite tuning on it. Once scored on a finished engine it is opened for tuning and gets a floor here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from coder.evaluate import GoldNote, as_note, read_gold, score_note, total

ROOT = Path(__file__).resolve().parent.parent
SHARED_DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"


def scores_of(engine, path: Path):
    notes = [g for g in read_gold(path) if isinstance(g, GoldNote)]
    assert notes, f"no gold notes read from {path}"
    return total(score_note(g, engine.analyse(as_note(g))) for g in notes)


def assert_issue_bar(scores) -> None:
    assert scores.f1 >= 0.90, scores.to_json()
    assert scores.precision >= 0.90, scores.to_json()
    assert scores.certainty_accuracy >= 0.85, scores.to_json()
    assert scores.forbidden_hits == 0, scores.to_json()
    assert scores.fairness_violations == 0, scores.to_json()


def test_samples_gold_meets_the_issue_bar(engine):
    assert_issue_bar(scores_of(engine, ROOT / "samples" / "gold.jsonl"))


@pytest.mark.skipif(not SHARED_DEV.exists(), reason="../shared/eval/dev.jsonl is not present")
def test_shared_dev_meets_the_issue_bar(engine):
    assert_issue_bar(scores_of(engine, SHARED_DEV))


@pytest.mark.parametrize(
    "name, floor",
    [("tuning", 0.96), ("tuning2", 0.96), ("tuning3", 0.95), ("tuning4", 0.95), ("tuning5", 0.95),
     ("tuning6", 0.94), ("tuning7", 0.90), ("tuning8", 0.95), ("tuning9", 0.91), ("tuning10", 0.96),
     ("tuning11", 0.93), ("tuning12", 0.97), ("tuning13", 0.97), ("tuning14", 0.97), ("tuning15", 0.95),
     ("tuning16", 0.93), ("tuning17", 0.96), ("tuning18", 0.92), ("tuning19", 0.93), ("tuning20", 0.92),
     ("tuning21", 0.92), ("tuning22", 0.96), ("tuning23", 0.96), ("tuning24", 0.95), ("tuning25", 0.87),
     ("tuning26", 0.97), ("tuning27", 0.95), ("tuning28", 0.95), ("tuning29", 0.94), ("tuning30", 0.97),
     ("tuning31", 0.93), ("tuning32", 0.95), ("tuning33", 0.97), ("tuning34", 0.90),
     # held out until they had been scored on a finished engine, then opened for tuning
     ("heldout", 0.93), ("heldout2", 0.94), ("heldout3", 0.95), ("heldout4", 0.95), ("heldout5", 0.95)],
)  # fmt: skip
def test_tuning_sets_do_not_slip_back(engine, name, floor):
    scores = scores_of(engine, ROOT / "tests" / "gold" / f"{name}.jsonl")
    assert scores.f1 >= floor, scores.to_json()
    assert scores.fairness_violations == 0, scores.to_json()
