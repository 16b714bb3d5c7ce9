"""One line of the review queue, as plain values (the queue table shows them; the filter reads them)."""

from __future__ import annotations

from dataclasses import dataclass

REASON_WIDTH = 24  # a longer reason is cut in the list; the note's header shows it whole
STATUS_LABELS = {"open": "open", "reviewed": "beoordeeld", "teruggelegd": "teruggelegd"}


@dataclass(frozen=True)
class Proposal:
    """A suggestion the engine proposed for the note: what the filters look at."""

    code: str
    display: str
    certainty: str


@dataclass(frozen=True)
class QueueRow:
    index: int  # the note's place in the input
    note_id: str
    date: str | None
    proposals: tuple[Proposal, ...] | None  # None while the note is not analysed yet
    status: str = "open"  # open, reviewed, teruggelegd
    holder: str | None = None  # who holds an unexpired claim on the note
    held_by_me: bool = False
    reason: str | None = None  # why it was sent back

    @property
    def suggestions_label(self) -> str:
        return "…" if self.proposals is None else str(len(self.proposals))

    @property
    def status_label(self) -> str:
        label = STATUS_LABELS.get(self.status, self.status)
        if self.reason:
            short = self.reason if len(self.reason) <= REASON_WIDTH else self.reason[: REASON_WIDTH - 1] + "…"
            label += f": {short}"
        return label

    @property
    def holder_name(self) -> str:
        """For the column "in behandeling bij": a colleague's name, or "u" for this reviewer."""
        if self.holder is None:
            return ""
        return "u" if self.held_by_me else self.holder

    @property
    def holder_label(self) -> str:
        if self.holder is None:
            return ""
        return "u" if self.held_by_me else f"in behandeling bij {self.holder}"
