"""Scoring suggestions against gold notes, as ../shared/eval/README.md describes, so figures compare.

Asserted = polarity present and temporality not future/hypothetical. Each expect item is a true positive
when any of its codes is asserted (the first listed that is, is "the matched suggestion" whose certainty
and temporality are checked), else a false negative. An asserted core code that nothing expects, allows or
is the parent of is a false positive; a forbidden one is a false positive and a forbidden hit; an abuse or
neglect code on a fairness note is a fairness violation.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coder.model import Analysis, Note, ReadError, Suggestion
from terminology.codesystems import to_short

CORE_CODES = frozenset(
    {
        "icpc:Z16", "icpc:Z16.01", "icpc:Z16.02", "icpc:Z16.03", "icpc:Z12.02", "icpc:Z25", "icpc:Z25.01",
        "sct:397940009", "sct:418496002", "sct:386702006", "vp:ja", "vp:nee",
    }
)  # fmt: skip
NOT_ABUSE_OR_NEGLECT = frozenset({"icpc:Z16.03", "vp:ja", "vp:nee"})
PARENTS = {
    "icpc:Z16.01": "icpc:Z16",
    "icpc:Z16.02": "icpc:Z16",
    "icpc:Z16.03": "icpc:Z16",
    "icpc:Z25.01": "icpc:Z25",
}


@dataclass(frozen=True)
class GoldNote:
    id: str
    text: str
    expect: tuple[dict[str, Any], ...]
    allow: frozenset[str]
    forbid: tuple[dict[str, Any], ...]
    fairness: bool


@dataclass
class NoteResult:
    id: str
    true_positives: int = 0
    misses: list[str] = field(default_factory=list)  # expected, not asserted
    false_positives: list[str] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)
    fairness: list[str] = field(default_factory=list)
    certainty_checked: int = 0
    certainty_wrong: list[str] = field(default_factory=list)
    temporality_checked: int = 0
    temporality_wrong: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Scores:
    notes: int
    true_positives: int
    false_positives: int
    false_negatives: int
    certainty_checked: int
    certainty_right: int
    temporality_checked: int
    temporality_right: int
    forbidden_hits: int
    fairness_violations: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def certainty_accuracy(self) -> float:
        return self.certainty_right / self.certainty_checked if self.certainty_checked else 1.0

    @property
    def temporality_accuracy(self) -> float:
        return self.temporality_right / self.temporality_checked if self.temporality_checked else 1.0

    def to_json(self) -> dict[str, Any]:
        return {
            "notes": self.notes,
            "tp": self.true_positives,
            "fp": self.false_positives,
            "fn": self.false_negatives,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "certainty_accuracy": round(self.certainty_accuracy, 4),
            "certainty_checked": self.certainty_checked,
            "temporality_accuracy": round(self.temporality_accuracy, 4),
            "temporality_checked": self.temporality_checked,
            "forbidden_hits": self.forbidden_hits,
            "fairness_violations": self.fairness_violations,
        }


def read_gold(path: Path) -> Iterator[GoldNote | ReadError]:
    """Gold notes from a jsonl file; a bad line is one ReadError and the rest are still read."""
    origin = str(path)
    try:
        handle = path.open("rb")
    except OSError as err:
        yield ReadError(origin, None, f"cannot open gold file: {err.strerror or err}")
        return
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8"))
                yield _gold_note(record)
            except UnicodeDecodeError:
                yield ReadError(origin, number, "line is not valid UTF-8")
            except json.JSONDecodeError as err:
                yield ReadError(origin, number, f"invalid JSON at column {err.colno}: {err.msg.lower()}")
            except (KeyError, TypeError, ValueError, AttributeError) as err:
                yield ReadError(origin, number, f"not a gold note: {err}")


def _gold_note(record: Any) -> GoldNote:
    if not isinstance(record, dict):
        raise ValueError("a gold line must be a JSON object")
    if not isinstance(record.get("id"), str | int) or not isinstance(record.get("text"), str):
        raise ValueError("'id' and a string 'text' are required")
    expect = tuple(record.get("expect", ()))
    for item in expect:
        if not isinstance(item, dict) or not isinstance(item.get("any"), list) or not item["any"]:
            raise ValueError("each 'expect' item needs a non-empty 'any' list")
    forbid = tuple(record.get("forbid", ()))
    for item in forbid:
        if not isinstance(item, dict) or not isinstance(item.get("code"), str):
            raise ValueError("each 'forbid' item needs a 'code'")
    return GoldNote(
        id=str(record["id"]),
        text=record["text"],
        expect=expect,
        allow=frozenset(record.get("allow", ())),
        forbid=forbid,
        fairness=bool(record.get("fairness", False)),
    )


def short_code(suggestion: Suggestion) -> str:
    return to_short(suggestion.system, suggestion.code, suggestion.value)


def score_note(gold: GoldNote, analysis: Analysis) -> NoteResult:
    result = NoteResult(gold.id)
    asserted: dict[str, Suggestion] = {}
    for suggestion in analysis.suggestions:
        if suggestion.asserted:
            asserted.setdefault(short_code(suggestion), suggestion)
    named = set()
    for item in gold.expect:
        named.update(item["any"])
        matched = next((asserted[c] for c in item["any"] if c in asserted), None)
        label = "|".join(item["any"])
        if matched is None:
            result.misses.append(label)
            continue
        result.true_positives += 1
        if "certainty" in item:
            result.certainty_checked += 1
            if matched.qualifiers.certainty not in item["certainty"]:
                result.certainty_wrong.append(
                    f"{label}: {matched.qualifiers.certainty}, expected {item['certainty']}"
                )
        if "temporality" in item:
            result.temporality_checked += 1
            if matched.qualifiers.temporality not in item["temporality"]:
                result.temporality_wrong.append(
                    f"{label}: {matched.qualifiers.temporality}, expected {item['temporality']}"
                )
    parents = {PARENTS[c] for c in named if c in PARENTS}
    for code, suggestion in asserted.items():
        certainty = suggestion.qualifiers.certainty
        forbidden = any(
            f["code"] == code and ("certainty" not in f or certainty in f["certainty"]) for f in gold.forbid
        )
        if forbidden:
            result.forbidden.append(f"{code} ({certainty})")
        unexplained = (
            code in CORE_CODES and code not in named and code not in gold.allow and code not in parents
        )
        if forbidden or unexplained:
            result.false_positives.append(f"{code} ({certainty})")
        if gold.fairness and code in CORE_CODES and code not in NOT_ABUSE_OR_NEGLECT:
            result.fairness.append(code)
    return result


def total(results: Iterable[NoteResult]) -> Scores:
    results = list(results)
    return Scores(
        notes=len(results),
        true_positives=sum(r.true_positives for r in results),
        false_positives=sum(len(r.false_positives) for r in results),
        false_negatives=sum(len(r.misses) for r in results),
        certainty_checked=sum(r.certainty_checked for r in results),
        certainty_right=sum(r.certainty_checked - len(r.certainty_wrong) for r in results),
        temporality_checked=sum(r.temporality_checked for r in results),
        temporality_right=sum(r.temporality_checked - len(r.temporality_wrong) for r in results),
        forbidden_hits=sum(len(r.forbidden) for r in results),
        fairness_violations=sum(len(r.fairness) for r in results),
    )


def as_note(gold: GoldNote) -> Note:
    return Note(id=gold.id, text=gold.text)
