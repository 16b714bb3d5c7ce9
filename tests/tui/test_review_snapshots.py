"""SVG snapshots of the review queue and a note opened from it, at 80x24.

Update after an intended change with `pytest tests/tui --snapshot-update` and look at the SVGs.
"""

from __future__ import annotations

from test_review_queue import COLLEAGUE, ME, make_review_app, queue_ready
from tui_helpers import until

from coder.store import open_store
from tui.screens.review_note import ReviewNoteScreen


def prepared_store(db) -> None:
    """N1 is being reviewed by a colleague, N3 was sent back."""
    with open_store(db) as store:
        store.claim("N1", COLLEAGUE, 3600)
        store.set_note_status("N3", "teruggelegd", ME, "datum ontbreekt")


async def settle(pilot) -> None:
    await pilot.pause()
    pilot.app.clear_notifications()
    await pilot.pause()


def test_queue_screen(snap_compare, tmp_path):
    """Notes with date, number of suggestions, status and who holds them; progress and filters on top."""
    db = tmp_path / "r.db"
    prepared_store(db)

    async def run_before(pilot) -> None:
        await queue_ready(pilot)
        await settle(pilot)

    assert snap_compare(make_review_app(db), terminal_size=(80, 24), run_before=run_before)


def test_queue_screen_filtered_on_vermoeden(snap_compare, tmp_path):
    db = tmp_path / "r.db"

    async def run_before(pilot) -> None:
        await queue_ready(pilot)
        await pilot.press("z", "z")
        await settle(pilot)

    assert snap_compare(make_review_app(db), terminal_size=(80, 24), run_before=run_before)


def test_note_opened_from_the_queue(snap_compare, tmp_path):
    """The coding screen's views, with r and t in the footer and the note's review status in the header."""
    db = tmp_path / "r.db"

    async def run_before(pilot) -> None:
        await queue_ready(pilot)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(pilot.app.screen, ReviewNoteScreen))
        await until(pilot, lambda: pilot.app.screen.choices is not None)
        await settle(pilot)

    assert snap_compare(make_review_app(db), terminal_size=(80, 24), run_before=run_before)
