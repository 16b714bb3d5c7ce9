"""Plain Dutch phrases for candidates, qualifiers and choices, shared by the list and the why panel."""

from __future__ import annotations

from datetime import datetime

from coder.model import Qualifiers, Suggestion
from tui.choices import Candidate, Choice
from tui.labels import value_label

STATE_LABELS = {"not-coded": "niet gecodeerd", "accepted": "aangenomen", "rejected": "afgewezen"}
STATE_MARKERS = {"not-coded": "○", "accepted": "✔", "rejected": "✘"}


def code_title(suggestion: Suggestion) -> str:
    value = f": {suggestion.value}" if suggestion.value else ""
    return f"{suggestion.code}{value}  {suggestion.display}"


def qualifier_summary(q: Qualifiers, certainty: str | None = None) -> str:
    """'vermoeden · aanwezig · nu · cliënt' (certainty first: it is what a person checks first)."""
    return " · ".join(
        (
            value_label("certainty", certainty or q.certainty),
            value_label("polarity", q.polarity),
            value_label("temporality", q.temporality),
            value_label("experiencer", q.experiencer),
        )
    )


def shown_certainty(candidate: Candidate, choice: Choice) -> str | None:
    if choice.decision is not None:
        return choice.decision.certainty
    return None if candidate.suggestion is None else candidate.suggestion.qualifiers.certainty


def state_label(choice: Choice) -> str:
    label = STATE_LABELS[choice.state]
    decision = choice.decision
    if decision is not None and decision.certainty != decision.suggested_certainty:
        label += f" als {decision.certainty}"
    return label


def considered_text(candidate: Candidate) -> str:
    """The evidence words and the reason for a finding that did not become a suggestion."""
    assert candidate.considered is not None
    finding = candidate.considered.finding
    return f"“{finding.evidence.text}”: {candidate.considered.reason}"


def local_time(iso: str) -> str:
    """A stored UTC time as the person's local date and time, e.g. '23-11-2026 14:08'."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return moment.astimezone().strftime("%d-%m-%Y %H:%M")


def span_position(start: int, end: int) -> str:
    return f"tekens {start}–{end}"
