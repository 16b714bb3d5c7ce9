"""Which characters of a note to mark, and how: evidence of suggestions and the trigger words around them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from coder.model import Span, Trigger
from tui.choices import Candidate
from tui.labels import trigger_kind


@dataclass(frozen=True)
class Mark:
    """note.text[start:end] is drawn in the style named `kind` (a NoteView component class suffix)."""

    start: int
    end: int
    kind: str


def _evidence_and_triggers(candidate: Candidate) -> tuple[tuple[Span, ...], tuple[Trigger, ...]]:
    if candidate.suggestion is not None:
        return candidate.suggestion.evidence, candidate.suggestion.triggers
    assert candidate.considered is not None
    finding = candidate.considered.finding
    return (finding.evidence,), finding.triggers


def note_marks(candidates: Iterable[Candidate], current: str | None) -> list[Mark]:
    """Marks in drawing order: later marks are drawn over earlier ones, the current evidence last."""
    evidence: list[Mark] = []
    triggers: list[Mark] = []
    focus: list[Mark] = []
    for candidate in candidates:
        spans, trigger_spans = _evidence_and_triggers(candidate)
        kind = "evidence" if candidate.proposed else "considered"
        evidence.extend(Mark(s.start, s.end, kind) for s in spans)
        triggers.extend(Mark(t.span.start, t.span.end, trigger_kind(t.qualifier)) for t in trigger_spans)
        if candidate.key == current:
            focus.extend(Mark(s.start, s.end, "current") for s in spans)
            focus.extend(Mark(t.span.start, t.span.end, "current-trigger") for t in trigger_spans)
    return _unique(evidence + triggers + focus)


def _unique(marks: list[Mark]) -> list[Mark]:
    seen: set[Mark] = set()
    kept = []
    for mark in marks:
        if mark not in seen and mark.end > mark.start:
            seen.add(mark)
            kept.append(mark)
    return kept


def first_focus(marks: Iterable[Mark]) -> int | None:
    """Offset to scroll to: where the current suggestion's evidence begins."""
    starts = [m.start for m in marks if m.kind == "current"]
    return min(starts) if starts else None
