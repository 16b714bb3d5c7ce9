"""Which queue rows are shown (code, certainty and status filters) and the progress line."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from tui.widgets.queue_row import STATUS_LABELS, QueueRow

CERTAINTY_CYCLE: tuple[str | None, ...] = (None, "feit", "vermoeden", "mening")
STATUS_CYCLE: tuple[str | None, ...] = (None, "open", "reviewed", "teruggelegd")
DONE = ("reviewed", "teruggelegd")


def _next(cycle: Sequence[str | None], current: str | None) -> str | None:
    return cycle[(cycle.index(current) + 1) % len(cycle)]


@dataclass(frozen=True)
class QueueFilter:
    code: str = ""  # part of a code or its label, any case; "" = every code
    certainty: str | None = None
    status: str | None = None

    @property
    def active(self) -> bool:
        return bool(self.code) or self.certainty is not None or self.status is not None

    def next_certainty(self) -> QueueFilter:
        return replace(self, certainty=_next(CERTAINTY_CYCLE, self.certainty))

    def next_status(self) -> QueueFilter:
        return replace(self, status=_next(STATUS_CYCLE, self.status))

    def matches(self, row: QueueRow) -> bool:
        if self.status is not None and row.status != self.status:
            return False
        if not self.code and self.certainty is None:
            return True
        if row.proposals is None:
            return False  # not analysed yet: shown once its suggestions are known
        wanted = self.code.casefold()
        return any(
            (not wanted or wanted in p.code.casefold() or wanted in p.display.casefold())
            and (self.certainty is None or p.certainty == self.certainty)
            for p in row.proposals
        )

    def describe(self) -> str:
        """'Filter: code Z16 · zekerheid alle · status open' with the keys that change each."""
        code = self.code or "alle"
        certainty = self.certainty or "alle"
        status = STATUS_LABELS[self.status] if self.status else "alle"
        return f"Filter: code {code} (c) · zekerheid {certainty} (z) · status {status} (b)"


def progress(rows: Iterable[QueueRow], analysed: int, reading_done: bool) -> str:
    """'12 van 50 beoordeeld (2 teruggelegd) · suggesties laden 30/50'."""
    every = list(rows)
    total = len(every)
    done = sum(row.status in DONE for row in every)
    sent_back = sum(row.status == "teruggelegd" for row in every)
    shown_total = f"{total}" if reading_done else f"{total}+"
    text = f"{done} van {shown_total} beoordeeld"
    if sent_back:
        text += f" ({sent_back} teruggelegd)"
    if analysed < total or not reading_done:
        text += f" · suggesties laden {analysed}/{shown_total}"
    return text
