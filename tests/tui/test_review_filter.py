"""The queue's filters and progress line, on plain rows."""

from __future__ import annotations

from tui.screens.review_filter import QueueFilter, progress
from tui.widgets.queue_row import Proposal, QueueRow

ABUSE = Proposal("Z16.01", "Mishandeling/seksueel misbruik van kind", "vermoeden")
PLAN = Proposal("veiligheidsplan", "Veiligheidsplan aanwezig", "feit")


def row(index: int, proposals, status: str = "open", **kwargs) -> QueueRow:
    return QueueRow(index, f"N{index}", None, proposals, status, **kwargs)


ROWS = [row(0, (ABUSE,)), row(1, (PLAN,), "reviewed"), row(2, ()), row(3, None, "teruggelegd", reason="x")]


def shown(f: QueueFilter) -> list[int]:
    return [r.index for r in ROWS if f.matches(r)]


def test_no_filter_shows_every_note_also_those_not_analysed():
    assert shown(QueueFilter()) == [0, 1, 2, 3]


def test_code_matches_part_of_the_code_or_label_in_any_case():
    assert shown(QueueFilter(code="z16")) == [0]
    assert shown(QueueFilter(code="VEILIGHEID")) == [1]
    assert shown(QueueFilter(code="onbekend")) == []


def test_code_and_certainty_must_hold_for_the_same_suggestion():
    assert shown(QueueFilter(certainty="vermoeden")) == [0]
    assert shown(QueueFilter(code="Z16", certainty="feit")) == []
    assert shown(QueueFilter(code="veiligheidsplan", certainty="feit")) == [1]


def test_status_filter_and_cycles():
    assert shown(QueueFilter(status="teruggelegd")) == [3]
    f = QueueFilter()
    assert [f := f.next_status() for _ in range(4)][-1].status is None
    assert [QueueFilter().next_certainty().certainty, QueueFilter().next_status().status] == ["feit", "open"]


def test_progress_counts_reviewed_and_sent_back_as_done():
    assert progress(ROWS, analysed=3, reading_done=True) == (
        "2 van 4 beoordeeld (1 teruggelegd) · suggesties laden 3/4"
    )
    assert progress(ROWS[:3], analysed=3, reading_done=True) == "1 van 3 beoordeeld"
    assert progress(ROWS[:3], analysed=3, reading_done=False) == "1 van 3+ beoordeeld · suggesties laden 3/3+"


def test_row_labels():
    assert ROWS[3].status_label == "teruggelegd: x" and ROWS[3].suggestions_label == "…"
    assert row(0, (), holder="Ann").holder_label == "in behandeling bij Ann"
    assert row(0, (), holder="Ann", held_by_me=True).holder_name == "u"
    long = row(0, (), "teruggelegd", reason="de bron van het vermoeden staat nergens in de notitie")
    assert long.status_label.endswith("…") and len(long.status_label) == len("teruggelegd: ") + 24
