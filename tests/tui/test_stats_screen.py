"""The statistics screen: counts per code, certainty and month from the store, small cells suppressed."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from test_review_queue import make_review_app, queue_ready
from tui_helpers import NOTES, analyse_abuse, analyse_plan

from coder.decision import Reviewer, build_decision
from coder.store import open_store
from tui.screens.stats import StatsScreen

AUTHOR = Reviewer("Test Tester", "professional", "skj:12345678")


def fill(db, counts) -> None:
    """Accept `n` codes per (suggestion, certainty, month), each on a note of its own."""
    with open_store(db) as store:
        for (suggestion, certainty, month), n in counts.items():
            for k in range(n):
                note = NOTES[0] if suggestion.code != "veiligheidsplan" else NOTES[1]
                copy = type(note)(f"{note.id}-{month}-{certainty}-{k}", note.text, note.fields)
                at = datetime.fromisoformat(f"{month}-05T10:00:00+00:00").astimezone(UTC)
                store.accept(build_decision(copy, suggestion, AUTHOR, "test-engine", certainty, at=at))


def sample_counts():
    abuse, victim, _absent = analyse_abuse(NOTES[0]).suggestions
    [plan] = analyse_plan(NOTES[1]).suggestions
    return {
        (abuse, "vermoeden", "2026-01"): 12,
        (abuse, "vermoeden", "2026-02"): 3,
        (victim, "mening", "2026-01"): 2,
        (plan, "feit", "2026-02"): 10,
    }


def body_text(screen: StatsScreen) -> str:
    return str(screen.query_one("#stats-table").render()) + str(screen.query_one("#stats-chart").render())


@pytest.mark.anyio
async def test_counts_per_code_certainty_and_month_with_small_cells_suppressed(tmp_path):
    db = tmp_path / "r.db"
    fill(db, sample_counts())
    app = make_review_app(db)
    async with app.run_test(size=(100, 40)) as pilot:
        await queue_ready(pilot)
        await pilot.press("s")
        screen = app.screen
        assert isinstance(screen, StatsScreen)
        text = body_text(screen)
        assert "2026-01" in text and "2026-02" in text
        abuse_row = next(line for line in text.splitlines() if line.startswith("Z16.01"))
        assert abuse_row.split()[-2:] == ["12", "<10"]
        victim_row = next(line for line in text.splitlines() if line.startswith("397940009"))
        assert "mening" in victim_row and victim_row.split()[-2:] == ["<10", "0"]
        assert " 2 " not in text and " 3 " not in text  # the small counts themselves never show
        assert "veiligheidsplan" in text and "10" in text
        assert "#" in text  # the chart


@pytest.mark.anyio
async def test_min_cell_is_configurable_and_an_empty_store_says_so(tmp_path):
    db = tmp_path / "r.db"
    app = make_review_app(db, min_cell=3)
    async with app.run_test() as pilot:
        await queue_ready(pilot)
        await pilot.press("s")
        assert "Nog geen aangenomen codes." in body_text(app.screen)
        assert "onder 3 verborgen" in str(app.screen.query_one("#stats-header").render())


def test_stats_screen_snapshot(snap_compare, tmp_path):
    """Table then chart; the 3 and the 2 show as <10 and get no bar."""
    db = tmp_path / "r.db"
    fill(db, sample_counts())

    async def run_before(pilot) -> None:
        await queue_ready(pilot)
        await pilot.press("s")
        await pilot.pause()
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(make_review_app(db), terminal_size=(80, 24), run_before=run_before)
