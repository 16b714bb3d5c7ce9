"""Counts of accepted codes per code and certainty per month, with small cells suppressed, as a plain-text
table and a plain-text bar chart.

Suppression: a count from 1 to K-1 is shown as "<K" (zero is shown as 0: there is nobody to identify), and the
chart draws no bar for it. No totals are shown, because a total next to one suppressed cell gives it away.
The month is the month the code was accepted (the store keeps no note dates).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from coder.decision import Decision

CERTAINTY_ORDER = ("feit", "vermoeden", "mening", "absent")
_LABEL_WIDTH = 48


@dataclass(frozen=True)
class Series:
    """One line of the table: a code with one certainty ("absent" when the note says it is not there)."""

    system: str
    code: str
    display: str
    certainty: str

    @property
    def label(self) -> str:
        text = f"{self.code} {self.display}"
        return text if len(text) <= _LABEL_WIDTH else text[: _LABEL_WIDTH - 1] + "…"


@dataclass(frozen=True)
class CodeCounts:
    """How many accepted codes per series and month (YYYY-MM)."""

    months: tuple[str, ...]
    series: tuple[Series, ...]
    counts: dict[tuple[Series, str], int]

    def count(self, series: Series, month: str) -> int:
        return self.counts.get((series, month), 0)


def count_codes(decisions: Iterable[Decision]) -> CodeCounts:
    counts: Counter[tuple[Series, str]] = Counter()
    for decision in decisions:
        if decision.status != "accepted":
            continue
        certainty = "absent" if decision.polarity == "absent" else decision.certainty
        series = Series(decision.system, decision.code, decision.display, certainty)
        counts[(series, decision.accepted_at[:7])] += 1
    months = tuple(sorted({month for _, month in counts}))
    order = {c: i for i, c in enumerate(CERTAINTY_ORDER)}
    series = tuple(
        sorted({s for s, _ in counts}, key=lambda s: (s.system, s.code, order.get(s.certainty, len(order))))
    )
    return CodeCounts(months, series, dict(counts))


def shown(count: int, min_cell: int) -> str:
    """The count as it may be shown: "<K" for 1..K-1."""
    return f"<{min_cell}" if 0 < count < min_cell else str(count)


def render_table(data: CodeCounts, min_cell: int) -> str:
    header = ["code", "zekerheid", *data.months]
    rows = [
        [s.label, s.certainty, *(shown(data.count(s, m), min_cell) for m in data.months)] for s in data.series
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [_row(header, widths), _row(["-" * w for w in widths], widths)]
    lines += [_row(row, widths) for row in rows]
    return "\n".join(lines) + "\n"


def render_chart(data: CodeCounts, min_cell: int, width: int = 40) -> str:
    """Per code and certainty a bar per month; suppressed cells get no bar, only "<K"."""
    visible = [c for c in data.counts.values() if c >= min_cell]
    scale = width / max(visible) if visible else 0.0
    lines: list[str] = []
    for series in data.series:
        lines.append(f"{series.label} ({series.certainty})")
        for month in data.months:
            count = data.count(series, month)
            bar = "#" * max(1, round(count * scale)) if count >= min_cell else ""
            lines.append(f"  {month} {bar.ljust(width)} {shown(count, min_cell)}".rstrip())
    return "\n".join(lines) + "\n"


def _row(cells: Sequence[str], widths: Sequence[int]) -> str:
    left = [cells[0].ljust(widths[0]), cells[1].ljust(widths[1])]
    right = [cell.rjust(width) for cell, width in zip(cells[2:], widths[2:], strict=True)]
    return "  ".join(left + right).rstrip()
