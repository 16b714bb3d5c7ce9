"""What the screen offers for one note and what the person chose, with the steps to undo.

Every candidate starts "not coded"; only the person's keys change that. Rejections live here only, in memory:
nothing of a rejected or unanswered suggestion is ever stored.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from coder.decision import Decision
from coder.model import Analysis, Considered, Suggestion

State = Literal["not-coded", "accepted", "rejected"]
Kind = Literal["suggested", "manual", "considered"]


@dataclass(frozen=True)
class Candidate:
    """One row of the list: a suggestion (proposed, added by hand or considered) or a finding without code."""

    key: str
    kind: Kind
    suggestion: Suggestion | None = None
    considered: Considered | None = None

    @property
    def decidable(self) -> bool:
        """Proposed and manual rows can be accepted; what was considered is there to explain, not to code."""
        return self.kind != "considered" and self.suggestion is not None

    @property
    def proposed(self) -> bool:
        return self.kind != "considered"


@dataclass(frozen=True)
class Choice:
    state: State = "not-coded"
    decision: Decision | None = None  # the stored decision while accepted


NOT_CODED = Choice()


@dataclass(frozen=True)
class Step:
    """One decision, kept so that `u` can take it back."""

    key: str
    before: Choice
    after: Choice


def considered_reason(suggestion: Suggestion) -> str:
    """Why a suggestion is listed as considered rather than proposed, in the screen's words."""
    q = suggestion.qualifiers
    if q.polarity == "absent":
        return "afwezig volgens de notitie"
    if q.temporality == "future":
        return "toekomstig, nog niet gebeurd"
    return "hypothetisch"


class NoteChoices:
    """The candidates of one note in display order, each with its current choice."""

    def __init__(self, analysis: Analysis, stored: Iterable[Decision] = ()) -> None:
        self.analysis = analysis
        self._candidates: dict[str, Candidate] = {}
        self._choices: dict[str, Choice] = {}
        self._steps: list[Step] = []
        self._manual = 0
        for n, suggestion in enumerate(analysis.suggestions):
            kind: Kind = "suggested" if suggestion.asserted else "considered"
            self._candidates[f"s{n}"] = Candidate(f"s{n}", kind, suggestion)
        for n, considered in enumerate(analysis.considered):
            self._candidates[f"c{n}"] = Candidate(f"c{n}", "considered", considered=considered)
        for decision in stored:
            self._restore(decision)

    @property
    def note(self):
        return self.analysis.note

    def candidates(self) -> list[Candidate]:
        """Proposed and manual first, then what was considered: the order of the list on screen."""
        every = list(self._candidates.values())
        return [c for c in every if c.proposed] + [c for c in every if not c.proposed]

    def candidate(self, key: str) -> Candidate:
        return self._candidates[key]

    def choice(self, key: str) -> Choice:
        return self._choices.get(key, NOT_CODED)

    def accepted(self) -> list[Decision]:
        return [c.decision for c in self._choices.values() if c.state == "accepted" and c.decision]

    def add_manual(self, suggestion: Suggestion) -> str:
        key = f"m{self._manual}"
        self._manual += 1
        self._candidates[key] = Candidate(key, "manual", suggestion)
        return key

    def apply(self, key: str, after: Choice) -> Step:
        step = Step(key, self.choice(key), after)
        self._choices[key] = after
        self._steps.append(step)
        return step

    def replace(self, key: str, choice: Choice) -> None:
        """Set a choice without a step (the store answered with a new record for the same decision)."""
        self._choices[key] = choice

    def last_step(self) -> Step | None:
        return self._steps[-1] if self._steps else None

    def revert(self, step: Step) -> None:
        """Drop `step` (the last one) and put its candidate back as it was before."""
        assert self._steps and self._steps[-1] is step
        self._steps.pop()
        self._choices[step.key] = step.before

    def _restore(self, decision: Decision) -> None:
        """Show a code accepted earlier (another session) as accepted, on its candidate or as a manual row."""
        for key, candidate in self._candidates.items():
            suggestion = candidate.suggestion
            if (
                candidate.decidable
                and suggestion is not None
                and _same(suggestion, decision)
                and self.choice(key).state == "not-coded"
            ):
                self._choices[key] = Choice("accepted", decision)
                return
        key = self.add_manual(suggestion_from(decision))
        self._choices[key] = Choice("accepted", decision)


def _same(suggestion: Suggestion, decision: Decision) -> bool:
    offsets = tuple((span.start, span.end) for span in suggestion.evidence)
    return (suggestion.system, suggestion.code, suggestion.value, offsets) == decision.identity[1:]


def suggestion_from(decision: Decision) -> Suggestion:
    """A stored decision shown as a row again (for a code accepted in an earlier session)."""
    from coder.model import Qualifiers

    return Suggestion(
        system=decision.system,
        code=decision.code,
        display=decision.display,
        qualifiers=Qualifiers(
            polarity=decision.polarity,  # type: ignore[arg-type]
            certainty=decision.suggested_certainty,
            temporality=decision.temporality,  # type: ignore[arg-type]
            experiencer=decision.experiencer,  # type: ignore[arg-type]
            source=decision.source,  # type: ignore[arg-type]
        ),
        evidence=decision.evidence,
        triggers=(),
        rule=decision.rule,
        why="Eerder aangenomen.",
        value=decision.value,
    )
