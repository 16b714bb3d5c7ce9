"""SVG snapshots of the coding screen, why panel, search dialog and help screen, at 80x24 and 140x40.

Update after an intended change with `pytest tests/tui --snapshot-update` and look at the SVGs.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest
from tui_helpers import make_app, ready

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((140, 40), id="140x40")]
FIXED_NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def fixed_time_and_zone(monkeypatch):
    """Accepted codes show when they were accepted: make that the same in every run."""
    monkeypatch.setattr("coder.decision.utc_now", lambda: FIXED_NOW)
    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def keys_after_ready(*keys: str):
    async def run_before(pilot) -> None:
        await ready(pilot)
        if keys:
            await pilot.press(*keys)
        await pilot.pause()
        pilot.app.clear_notifications()  # toasts time out; the snapshot shows the screen itself
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_main_screen(snap_compare, tmp_path, size):
    """First note opened: first suggestion highlighted, nothing accepted, considered findings apart."""
    assert snap_compare(make_app(tmp_path / "t.db"), terminal_size=size, run_before=keys_after_ready())


@pytest.mark.parametrize("size", SIZES)
def test_why_panel_of_an_accepted_code(snap_compare, tmp_path, size):
    """Second suggestion accepted as feit: the list shows it, the why panel says what was recorded."""
    app = make_app(tmp_path / "t.db")
    assert snap_compare(app, terminal_size=size, run_before=keys_after_ready("down", "f"))


@pytest.mark.parametrize("size", SIZES)
def test_why_panel_of_a_considered_finding(snap_compare, tmp_path, size):
    """A finding about a family member: shown under "overwogen", with the trigger words that set it."""
    app = make_app(tmp_path / "t.db")
    assert snap_compare(app, terminal_size=size, run_before=keys_after_ready("down", "down", "down"))


@pytest.mark.parametrize("size", SIZES)
def test_search_dialog(snap_compare, tmp_path, size):
    app = make_app(tmp_path / "t.db")
    assert snap_compare(app, terminal_size=size, run_before=keys_after_ready("plus", "z", "1", "6"))


@pytest.mark.parametrize("size", SIZES)
def test_help_screen(snap_compare, tmp_path, size):
    app = make_app(tmp_path / "t.db")
    assert snap_compare(app, terminal_size=size, run_before=keys_after_ready("question_mark"))
