"""The review queue, driven with a pilot against the fake engine and a real (temporary) store: the list,
filters, progress, claiming and releasing, terugleggen, reviewed, and registration staff's certainty rule."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from tui_helpers import NOTES, FakeEngine, until

from coder.decision import Reviewer
from coder.store import open_store
from tui.screens.review_app import ReviewApp
from tui.screens.review_note import ReviewNoteScreen
from tui.screens.review_queue import QueueScreen
from tui.screens.review_reason import TextPrompt
from tui.settings import UserSettings
from tui.widgets.queue_table import QueueTable

pytestmark = pytest.mark.anyio

REVIEWER = UserSettings(name="Rita Registratie", registration=None, role="registratie")
ME = Reviewer("Rita Registratie", "registratie")
COLLEAGUE = Reviewer("Ann Collega", "registratie")


def make_review_app(db: Path, notes=NOTES, settings: UserSettings = REVIEWER, **kwargs) -> ReviewApp:
    items = tuple(notes)
    return ReviewApp(
        note_source=lambda: iter(items),
        engine_factory=FakeEngine,
        store_opener=lambda: open_store(db),
        settings=settings,
        **kwargs,
    )


def queue_of(app: ReviewApp) -> QueueScreen:
    return app.queue


async def queue_ready(pilot) -> QueueScreen:
    """Wait until every note is read and analysed, and the list shows them."""
    queue = queue_of(pilot.app)
    await until(
        pilot,
        lambda: (
            queue.notebook.reading_done
            and queue.engine is not None
            and all(row.proposals is not None for row in queue.rows())
        ),
    )
    queue.redraw()
    await pilot.pause()
    return queue


def shown_ids(queue: QueueScreen) -> list[str]:
    return [row.note_id for row in queue.shown_rows()]


def table_ids(queue: QueueScreen) -> list[str]:
    table = queue.query_one(QueueTable)
    return [str(table.get_row_at(n)[0]) for n in range(table.row_count)]


def header(queue: QueueScreen) -> str:
    return str(queue.query_one("#queue-header").render())


def notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def open_first(pilot) -> ReviewNoteScreen:
    await queue_ready(pilot)
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(pilot.app.screen, ReviewNoteScreen))
    screen = pilot.app.screen
    await until(pilot, lambda: screen.choices is not None)
    await pilot.pause()
    return screen


async def test_queue_lists_notes_with_date_suggestions_status_and_progress(tmp_path):
    app = make_review_app(tmp_path / "r.db")
    async with app.run_test() as pilot:
        queue = await queue_ready(pilot)
        rows = queue.rows()
        assert [(r.note_id, r.date, r.suggestions_label, r.status_label) for r in rows] == [
            ("N1", "2026-03-02", "2", "open"),  # the absent neglect finding is not a proposal
            ("N2", None, "1", "open"),
            ("N3", None, "0", "open"),
        ]
        assert table_ids(queue) == ["N1", "N2", "N3"]
        assert "0 van 3 beoordeeld" in header(queue)
        assert "suggesties laden" not in header(queue)


class GatedEngine(FakeEngine):
    """Analyses nothing until the test opens the gate."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = threading.Event()

    def analyse(self, note):
        self.gate.wait(10)
        return super().analyse(note)


async def test_the_list_is_there_before_the_suggestions_and_they_fill_in(tmp_path):
    engine = GatedEngine()
    items = tuple(NOTES)
    app = ReviewApp(
        note_source=lambda: iter(items),
        engine_factory=lambda: engine,
        store_opener=lambda: open_store(tmp_path / "r.db"),
        settings=REVIEWER,
    )
    async with app.run_test() as pilot:
        queue = queue_of(app)
        await until(pilot, lambda: queue.notebook.reading_done and queue.engine is not None)
        queue.redraw()
        await pilot.pause()
        assert table_ids(queue) == ["N1", "N2", "N3"]
        assert "suggesties laden 0/3" in header(queue)
        assert [r.suggestions_label for r in queue.rows()] == ["…", "…", "…"]
        engine.gate.set()
        await until(pilot, lambda: "suggesties laden" not in header(queue))
        assert [r.suggestions_label for r in queue.rows()] == ["2", "1", "0"]


async def test_filters_on_certainty_code_and_status(tmp_path):
    app = make_review_app(tmp_path / "r.db")
    async with app.run_test() as pilot:
        queue = await queue_ready(pilot)
        await pilot.press("z")
        assert queue.filter.certainty == "feit"
        assert shown_ids(queue) == table_ids(queue) == ["N2"]
        await pilot.press("z")
        assert shown_ids(queue) == ["N1"]  # vermoeden
        await pilot.press("z", "z")
        assert queue.filter.certainty is None
        assert shown_ids(queue) == ["N1", "N2", "N3"]

        await pilot.press("c")
        assert isinstance(app.screen, TextPrompt)
        await pilot.press(*"veiligheid", "enter")
        assert shown_ids(queue) == table_ids(queue) == ["N2"]  # matches the label, any case
        await pilot.press("c", *"z16", "enter")
        assert queue.filter.code == "z16"  # the current filter is selected in the prompt: typing replaces it
        assert shown_ids(queue) == ["N1"]
        await pilot.press("w")
        assert queue.filter.code == ""
        await pilot.press("c", *"397940009", "enter", "z", "z")
        assert shown_ids(queue) == ["N1"]  # that code, as a vermoeden
        await pilot.press("z")
        assert shown_ids(queue) == []  # that code as a mening: none
        await pilot.press("w")

        app.store.set_note_status("N3", "reviewed", ME)
        queue.refresh_from_store()
        await pilot.press("b")
        assert queue.filter.status == "open"
        assert shown_ids(queue) == ["N1", "N2"]
        await pilot.press("b")
        assert shown_ids(queue) == table_ids(queue) == ["N3"]
        assert "1 van 3 beoordeeld" in header(queue)
        assert "status beoordeeld" in str(queue.query_one("#queue-filter").render())


async def test_enter_claims_the_note_and_leaving_releases_it(tmp_path):
    app = make_review_app(tmp_path / "r.db")
    async with app.run_test() as pilot:
        screen = await open_first(pilot)
        assert screen.note.id == "N1"
        holder = app.store.claim_holder("N1")
        assert holder is not None and holder.reviewer == ME
        assert queue_of(app).rows()[0].holder_label == "u"
        await pilot.press("q")
        await until(pilot, lambda: isinstance(app.screen, QueueScreen))
        assert app.store.claim_holder("N1") is None
        assert queue_of(app).held is None


async def test_claim_time_is_the_claim_minutes(tmp_path):
    app = make_review_app(tmp_path / "r.db", claim_seconds=120)
    async with app.run_test() as pilot:
        await open_first(pilot)
        claim = app.store.claim_holder("N1")
        from datetime import datetime

        lasts = datetime.fromisoformat(claim.expires_at) - datetime.fromisoformat(claim.claimed_at)
        assert lasts.total_seconds() == 120


async def test_a_note_claimed_by_a_colleague_is_shown_as_such_and_not_opened(tmp_path):
    db = tmp_path / "r.db"
    with open_store(db) as store:
        assert store.claim("N1", COLLEAGUE, 600)
    app = make_review_app(db)
    async with app.run_test() as pilot:
        queue = await queue_ready(pilot)
        assert queue.rows()[0].holder_label == "in behandeling bij Ann Collega"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QueueScreen)
        assert any("in behandeling bij Ann Collega" in n for n in notices(app))
        assert app.store.claim_holder("N1").reviewer == COLLEAGUE
        # The next note is free: it opens, and n skips nothing but can go back only to free notes.
        await pilot.press("down", "enter")
        await until(pilot, lambda: isinstance(app.screen, ReviewNoteScreen))
        await pilot.press("p")
        assert app.screen.note.id == "N2"
        assert any("Geen vorige notitie" in n for n in notices(app))


async def test_n_and_p_move_the_claim_with_the_note(tmp_path):
    app = make_review_app(tmp_path / "r.db")
    async with app.run_test() as pilot:
        screen = await open_first(pilot)
        await pilot.press("n")
        assert screen.note.id == "N2"
        assert app.store.claim_holder("N1") is None
        assert app.store.claim_holder("N2").reviewer == ME
        await pilot.press("p")
        assert screen.note.id == "N1"
        assert set(app.store.active_claims()) == {"N1"}


async def test_r_marks_reviewed_and_opens_the_next_open_note(tmp_path):
    app = make_review_app(tmp_path / "r.db")
    async with app.run_test() as pilot:
        screen = await open_first(pilot)
        await pilot.press("r")
        status = app.store.note_status("N1")
        assert (status.status, status.by) == ("reviewed", ME)
        assert screen.note.id == "N2"
        assert set(app.store.active_claims()) == {"N2"}
        await until(pilot, lambda: "1 van 3 beoordeeld" in header(queue_of(app)))  # redrawn behind


async def test_r_on_the_last_open_note_goes_back_to_the_queue(tmp_path):
    app = make_review_app(tmp_path / "r.db", notes=NOTES[:1])
    async with app.run_test() as pilot:
        await open_first(pilot)
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, QueueScreen))
        assert app.store.active_claims() == {}
        assert "1 van 1 beoordeeld" in header(queue_of(app))
        table = queue_of(app).query_one(QueueTable)
        status = next(column for key, column in table.columns.items() if key.value == "status")
        assert status.content_width >= len("beoordeeld")  # the column widened with its new value


async def test_t_sends_the_note_back_with_the_reason_typed(tmp_path):
    app = make_review_app(tmp_path / "r.db")
    async with app.run_test() as pilot:
        await open_first(pilot)
        await pilot.press("t")
        assert isinstance(app.screen, TextPrompt)
        await pilot.press("enter")  # no reason yet: the dialog stays
        assert isinstance(app.screen, TextPrompt)
        assert app.store.note_status("N1") is None
        await pilot.press(*"bron onduidelijk", "enter")
        await until(pilot, lambda: isinstance(app.screen, ReviewNoteScreen))
        status = app.store.note_status("N1")
        assert (status.status, status.reason, status.by) == ("teruggelegd", "bron onduidelijk", ME)
        assert app.screen.note.id == "N2"
        assert app.store.claim_holder("N1") is None
        await until(pilot, lambda: "1 van 3 beoordeeld (1 teruggelegd)" in header(queue_of(app)))
        assert queue_of(app).rows()[0].status_label == "teruggelegd: bron onduidelijk"


async def test_escape_in_the_reason_dialog_sends_nothing_back(tmp_path):
    app = make_review_app(tmp_path / "r.db")
    async with app.run_test() as pilot:
        screen = await open_first(pilot)
        await pilot.press("t", *"iets", "escape")
        assert app.screen is screen
        assert app.store.note_status("N1") is None
        assert app.store.claim_holder("N1").reviewer == ME


async def test_registration_staff_cannot_raise_a_certainty_but_can_lower_it(tmp_path):
    app = make_review_app(tmp_path / "r.db")
    async with app.run_test() as pilot:
        screen = await open_first(pilot)
        await pilot.press("f")  # the suggestion is a vermoeden
        assert screen.choices.choice("s0").state == "not-coded"
        assert app.store.decisions() == []
        assert any("niet verhogen (vermoeden → feit)" in n for n in notices(app))
        await pilot.press("m")
        [stored] = app.store.decisions(status="accepted")
        assert (stored.code, stored.certainty, stored.suggested_certainty) == (
            "Z16.01",
            "mening",
            "vermoeden",
        )
        assert stored.accepted_by == ME  # the provenance records the role
        await pilot.press("down", "a", "x")
        assert screen.choices.choice("s1").state == "rejected"
        assert len(app.store.decisions(status="accepted")) == 1


async def test_quitting_with_a_note_open_releases_its_claim(tmp_path):
    app = make_review_app(tmp_path / "r.db")
    async with app.run_test() as pilot:
        await open_first(pilot)
        app.release_held()  # what `casecoder review` does when the app ends, however it ends
        assert app.store.active_claims() == {}


async def test_s_shows_the_stats_screen_and_escape_goes_back(tmp_path):
    from tui.screens.stats import StatsScreen

    app = make_review_app(tmp_path / "r.db")
    async with app.run_test() as pilot:
        await queue_ready(pilot)
        await pilot.press("s")
        assert isinstance(app.screen, StatsScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, QueueScreen)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReviewNoteScreen))
        await pilot.press("s")
        assert isinstance(app.screen, StatsScreen)


async def test_the_claim_is_renewed_while_the_note_is_open(tmp_path):
    app = make_review_app(tmp_path / "r.db", claim_seconds=1.2)  # renewed every second
    async with app.run_test() as pilot:
        await open_first(pilot)
        first = app.store.claim_holder("N1").expires_at
        await pilot.pause(2.1)
        holder = app.store.claim_holder("N1")
        assert holder is not None and holder.reviewer == ME and holder.expires_at > first


async def test_without_a_name_enter_asks_who_is_reviewing_then_opens_the_note(tmp_path):
    from tui.screens.identity import IdentityScreen

    app = make_review_app(tmp_path / "r.db", settings=UserSettings(role="registratie"))
    async with app.run_test() as pilot:
        await until(pilot, lambda: isinstance(app.screen, IdentityScreen))
        await pilot.press("escape")  # later: the queue can be looked at without a name
        await queue_ready(pilot)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, IdentityScreen))
        await pilot.press(*"Rita Registratie", "enter", "enter")  # no SKJ/BIG number: allowed for this role
        await until(pilot, lambda: isinstance(app.screen, ReviewNoteScreen))
        assert app.store.claim_holder("N1").reviewer == ME


async def test_a_note_the_engine_cannot_analyse_is_reported_and_the_queue_goes_on(tmp_path):
    from coder.model import Note

    bad = Note("BAD", "Een notitie die de nep-engine niet kan lezen.", {})
    app = make_review_app(tmp_path / "r.db", notes=(bad, *NOTES))
    async with app.run_test() as pilot:
        queue = await queue_ready(pilot)
        assert [r.suggestions_label for r in queue.rows()] == ["0", "2", "1", "0"]
        assert any("BAD: analyse mislukt" in n for n in notices(app))
