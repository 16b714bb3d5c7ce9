"""The registration reviewer's queue: every note of the input with its number of suggestions, review status
and who is working on it, with filters and a progress count. Enter claims a note and opens it.

The list appears at once; the store, the engine, the notes and their analyses arrive from worker threads.
Statuses and claims are read again every few seconds, so a colleague's work on the same store shows up.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, ProgressBar, Static
from textual.worker import get_current_worker

from coder.model import Analysis
from tui import background
from tui.background import MAX_READ_NOTICES
from tui.messages import (
    AnalysisFailed,
    EngineFailed,
    EngineLoaded,
    NoteAnalysed,
    NotesFinished,
    NotesRead,
    StoreOpened,
)
from tui.notebook import NoteBook
from tui.screens import review_keys
from tui.screens.review_analysis import analyse_in_order
from tui.screens.review_filter import QueueFilter, progress
from tui.widgets.queue_row import Proposal, QueueRow
from tui.widgets.queue_table import QueueTable

DEFAULT_CLAIM_SECONDS = 30 * 60
POLL_SECONDS = 5.0  # how often statuses and claims are read again from the store
PAUSE_AFTER_KEY = 0.6  # the background analysis waits this long after each key (see review_analysis)
REDRAW_SECONDS = 0.2  # analyses arriving one by one redraw the list at most this often


def proposals_of(analysis: Analysis) -> tuple[Proposal, ...]:
    """What the engine proposed (asserted suggestions), not what it only considered."""
    return tuple(
        Proposal(s.code, s.display, s.qualifiers.certainty) for s in analysis.suggestions if s.asserted
    )


class QueueScreen(background.StartsInBackground, Screen[None]):
    BINDINGS = review_keys.QUEUE_BINDINGS

    def __init__(
        self,
        note_source: background.NoteSource,
        engine_factory: background.EngineFactory,
        store_opener: background.StoreOpener,
        claim_seconds: float = DEFAULT_CLAIM_SECONDS,
        min_cell: int = 10,
    ) -> None:
        super().__init__()
        self._note_source = note_source
        self._engine_factory = engine_factory
        self._store_opener = store_opener
        self.claim_seconds = claim_seconds
        self.min_cell = min_cell
        self.notebook = NoteBook()  # shared with the note screen: analyses and choices are kept once
        self.store: Any = None
        self.engine: Any = None
        self.engine_lock = threading.Lock()  # one analysis at a time, whichever screen asks
        self.filter = QueueFilter()
        self.statuses: dict[str, Any] = {}  # note id -> NoteStatus
        self.claims: dict[str, Any] = {}  # note id -> Claim (unexpired)
        self.held: str | None = None  # the note this reviewer holds (open in the note screen)
        self._proposals: dict[int, tuple[Proposal, ...]] = {}
        self._dirty = False
        self._open_when_loaded: int | None = None  # Enter pressed before the engine was there
        self.last_key = 0.0  # time.monotonic() of the last key pressed anywhere in the app

    # -- layout -------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="queue-top"):
            yield Static("Wachtrij · notities lezen...", id="queue-header")
            yield ProgressBar(show_eta=False, id="queue-loading")
        yield Static(self.filter.describe(), id="queue-filter")
        table = QueueTable(id="queue")
        table.border_title, table.border_subtitle = "Notities", "enter = openen"
        yield table
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one(QueueTable).focus()
        self.call_after_refresh(self._start_background_work)

    def _start_background_work(self) -> None:
        self._read_notes()
        self._open_store_then_engine()
        self.set_interval(REDRAW_SECONDS, self._redraw_if_changed)
        self.set_interval(POLL_SECONDS, self.refresh_from_store)

    # -- background work ----------------------------------------------------------------------------

    @work(thread=True, group="analyse-queue", exclusive=True, exit_on_error=False)
    def _analyse_queue(self) -> None:
        worker = get_current_worker()
        analyse_in_order(
            self.notebook,
            self.engine,
            self.engine_lock,
            self.post_message,
            lambda: worker.is_cancelled,
            lambda: time.monotonic() - self.last_key < PAUSE_AFTER_KEY,
        )

    # -- messages from the background -------------------------------------------------------------

    @on(StoreOpened)
    def _store_opened(self, message: StoreOpened) -> None:
        self.store = self.app.store = message.store
        self.refresh_from_store()

    @on(NotesRead)
    def _notes_read(self, message: NotesRead) -> None:
        self.notebook.add(message.notes)
        self._dirty = True

    @on(NotesFinished)
    def _notes_finished(self, message: NotesFinished) -> None:
        self.notebook.reading_done = True
        if message.failed > MAX_READ_NOTICES:
            self.notify(f"{message.failed} records niet gelezen.", severity="warning", timeout=8)
        if not self.notebook.notes:
            self.notify("Geen notities gevonden in de invoer.", severity="warning")
        self._dirty = True

    @on(EngineLoaded)
    def _engine_loaded(self, message: EngineLoaded) -> None:
        self.engine = message.engine
        self._analyse_queue()
        if self._open_when_loaded is not None and isinstance(self.app.screen, QueueScreen):
            self.open_index(self._open_when_loaded)
        self._open_when_loaded = None

    @on(EngineFailed)
    def _engine_failed(self, message: EngineFailed) -> None:
        self.notify(f"De suggestie-engine kon niet starten: {message.reason}", severity="error", markup=False)

    @on(NoteAnalysed)
    def _note_analysed(self, message: NoteAnalysed) -> None:
        self.notebook.keep_analysis(message.index, message.analysis)
        self._proposals[message.index] = proposals_of(message.analysis)
        self._dirty = True

    @on(AnalysisFailed)
    def _analysis_failed(self, message: AnalysisFailed) -> None:
        self._proposals[message.index] = ()
        note = self.notebook.notes[message.index]
        self.notify(f"{note.id}: analyse mislukt ({message.reason})", severity="error", markup=False)
        self._dirty = True

    # -- the list ------------------------------------------------------------------------------------

    def refresh_from_store(self) -> None:
        """Read review statuses and claims again (a colleague may have changed them)."""
        if self.store is None:
            return
        from coder.store.errors import StoreError

        try:
            self.statuses = self.store.note_statuses()
            self.claims = self.store.active_claims()
        except StoreError as err:
            self.notify(f"Wachtrij niet bijgewerkt: {err}", severity="warning", markup=False)
            return
        self._dirty = True

    def rows(self) -> list[QueueRow]:
        me = self.app.settings.reviewer()
        rows = []
        for index, note in enumerate(self.notebook.notes):
            status = self.statuses.get(note.id)
            claim = self.claims.get(note.id)
            rows.append(
                QueueRow(
                    index=index,
                    note_id=note.id,
                    date=note.date,
                    proposals=self._proposals_at(index),
                    status="open" if status is None else status.status,
                    holder=None if claim is None else claim.reviewer.name,
                    held_by_me=claim is not None and claim.reviewer == me,
                    reason=None if status is None else status.reason,
                )
            )
        return rows

    def _proposals_at(self, index: int) -> tuple[Proposal, ...] | None:
        if index not in self._proposals and self.notebook.analysed(index) and self.store is not None:
            choices = self.notebook.choices(index, self.store)  # analysed by the note screen first
            if choices is not None:
                self._proposals[index] = proposals_of(choices.analysis)
        return self._proposals.get(index)

    def shown_rows(self) -> list[QueueRow]:
        return [row for row in self.rows() if self.filter.matches(row)]

    def redraw(self) -> None:
        self._dirty = False
        rows = self.rows()
        shown = [row for row in rows if self.filter.matches(row)]
        analysed = sum(row.proposals is not None for row in rows)
        if self.notebook.notes or self.notebook.reading_done:
            header = "Wachtrij · " + progress(rows, analysed, self.notebook.reading_done)
        else:
            header = "Wachtrij · notities lezen..."
        self.query_one("#queue-header", Static).update(header)
        bar = self.query_one("#queue-loading", ProgressBar)
        bar.display = analysed < len(rows) or not self.notebook.reading_done
        bar.update(total=max(1, len(rows)), progress=analysed)
        self.query_one("#queue-filter", Static).update(f"{self.filter.describe()} · {len(shown)} getoond")
        self.query_one(QueueTable).show(shown)

    def _redraw_if_changed(self) -> None:
        if self._dirty:
            self.redraw()

    # -- filters -------------------------------------------------------------------------------------

    def set_filter(self, new: QueueFilter) -> None:
        self.filter = new
        self.redraw()

    def action_filter_code(self) -> None:
        from dataclasses import replace

        from tui.screens.review_reason import code_filter_prompt

        def chosen(text: str | None) -> None:
            if text is not None:
                self.set_filter(replace(self.filter, code=text))

        self.app.push_screen(code_filter_prompt(self.filter.code), chosen)

    def action_filter_certainty(self) -> None:
        self.set_filter(self.filter.next_certainty())

    def action_filter_status(self) -> None:
        self.set_filter(self.filter.next_status())

    def action_clear_filters(self) -> None:
        self.set_filter(QueueFilter())

    # -- claiming and opening ------------------------------------------------------------------------

    @on(DataTable.RowSelected, "#queue")
    def _row_selected(self, _event: DataTable.RowSelected) -> None:
        self.action_open_note()

    def action_open_note(self) -> None:
        index = self.query_one(QueueTable).highlighted_index
        if index is not None:
            self.open_index(index)

    def open_index(self, index: int) -> None:
        if self.store is None or self.engine is None:  # the engine is loaded after the store
            self._open_when_loaded = index
            self.notify("De suggestie-engine wordt geladen; de notitie opent zo.", timeout=3)
            return
        if self.app.settings.reviewer() is None:
            self.app.ask_identity(lambda: self.open_index(index))
            return
        if not self.take(index):
            return
        from tui.screens.review_note import ReviewNoteScreen

        self.app.push_screen(ReviewNoteScreen(self, index), self._note_closed)

    def take(self, index: int, quiet: bool = False) -> bool:
        """Claim a note for this reviewer; False when another holds it (and, unless quiet, say who)."""
        from coder.store.errors import StoreError

        note = self.notebook.notes[index]
        reviewer = self.app.settings.reviewer()
        if reviewer is None:
            return False
        try:
            taken = self.store.claim(note.id, reviewer, self.claim_seconds)
            holder = None if taken else self.store.claim_holder(note.id)
        except StoreError as err:
            self.notify(f"Niet gereserveerd: {err}", severity="error", markup=False)
            return False
        if not taken:
            name = holder.reviewer.name if holder is not None else "een collega"
            if not quiet:
                self.notify(f"{note.id} is in behandeling bij {name}.", severity="warning", markup=False)
            self.refresh_from_store()
            return False
        self.held = note.id
        self.refresh_from_store()
        return True

    def give_back(self, note_id: str) -> None:
        """Release this reviewer's claim on a note (leaving it)."""
        from coder.store.errors import StoreError

        reviewer = self.app.settings.reviewer()
        if self.store is None or reviewer is None:
            return
        try:
            self.store.release(note_id, reviewer)
        except StoreError as err:
            self.notify(f"Niet vrijgegeven: {err}", severity="warning", markup=False)
        if self.held == note_id:
            self.held = None
        self.refresh_from_store()

    def release_held(self) -> None:
        if self.held is not None:
            self.give_back(self.held)

    def neighbours(self, index: int, step: int, only_open: bool = False) -> list[int]:
        """Shown notes after (step 1) or before (step -1) `index` in input order, nearest first, that are not
        held by someone else; with `only_open`, only notes still open."""
        rows = [
            row
            for row in self.shown_rows()
            if (row.index - index) * step > 0
            and (row.holder is None or row.held_by_me)
            and (not only_open or row.status == "open")
        ]
        return [row.index for row in sorted(rows, key=lambda row: row.index * step)]

    def _note_closed(self, last_index: int | None) -> None:
        self.refresh_from_store()
        self.redraw()
        table = self.query_one(QueueTable)
        shown = [row.index for row in self.shown_rows()]
        if last_index in shown:
            table.move_cursor(row=shown.index(last_index), animate=False)
        table.focus()

    # -- other keys ----------------------------------------------------------------------------------

    def action_stats(self) -> None:
        from tui.screens.stats import StatsScreen

        self.app.push_screen(StatsScreen(self.store, self.min_cell))

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(review_keys.QUEUE_HELP))

    def action_quit(self) -> None:
        self.release_held()
        self.app.exit(return_code=2 if self.app.read_failures else 0)
