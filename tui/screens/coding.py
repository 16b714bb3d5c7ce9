"""The professional's coding screen: one note, its suggestions, why, and the keys to decide.

The screen paints at once; the store, the engine and the notes arrive from worker threads (see background).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.worker import get_current_worker

from coder.model import Certainty, Note
from tui import background
from tui.background import MAX_READ_NOTICES
from tui.choices import NoteChoices
from tui.highlight import note_marks
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
from tui.recording import Recorder, Refused
from tui.screens import coding_keys
from tui.widgets.legend import Legend
from tui.widgets.note_view import NoteView
from tui.widgets.suggestion_list import STATE_LEGEND, SuggestionList
from tui.widgets.why_panel import RecordContext, WhyPanel

LOADING = "suggesties laden..."
# Notes up to this size are analysed at once on the UI thread (a 1,000-word note takes some 40 ms), so the
# screen is drawn once; longer ones on a worker, so the screen stays responsive.
SYNC_ANALYSIS_CHARS = 20_000


class CodingScreen(background.StartsInBackground, Screen[None]):
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    ESCAPE_TO_MINIMIZE = False  # escape is bound: it also puts the focus back on the list
    BINDINGS = coding_keys.BINDINGS

    def __init__(
        self,
        note_source: background.NoteSource,
        engine_factory: background.EngineFactory,
        store_opener: background.StoreOpener,
    ) -> None:
        super().__init__()
        self._note_source = note_source
        self._engine_factory = engine_factory
        self._store_opener = store_opener
        self._engine: Any = None
        self._engine_lock = threading.Lock()
        self._store: Any = None
        self.notebook = NoteBook()

    # -- layout -------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static("casecoder · notities lezen...", id="note-header")
        with Vertical(id="workspace"):
            with Vertical(id="note-column"):
                yield NoteView(id="note")
                yield Legend(id="legend")
            with Horizontal(id="decision-column"):
                yield SuggestionList(id="suggestions")
                yield WhyPanel(id="why")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        note, why = self.query_one(NoteView), self.query_one(WhyPanel)
        suggestions = self.query_one(SuggestionList)
        note.border_title, note.border_subtitle = "Notitie", "t = groot"
        suggestions.border_title, suggestions.border_subtitle = "Suggesties", STATE_LEGEND
        why.border_title, why.border_subtitle = "Waarom", "w = groot"
        note.show_message("Notities lezen...")
        suggestions.show_message(LOADING)
        why.show_message("")
        suggestions.focus()
        self.call_after_refresh(self._start_background_work)  # after the first paint

    def _start_background_work(self) -> None:
        self._read_notes()
        self._open_store_then_engine()

    # -- background work ----------------------------------------------------------------------------

    @work(thread=True, group="analyse", exclusive=True, exit_on_error=False)
    def _analyse(self, index: int, note: Note) -> None:
        """Analyse a note on a worker (a long note, or the next one ahead of time)."""
        with self._engine_lock:  # one analysis at a time: the engine is not shared between threads
            if get_current_worker().is_cancelled:
                return
            try:
                analysis = self._engine.analyse(note)
            except Exception as err:  # one note the engine cannot handle must not end the session
                self.post_message(AnalysisFailed(index, f"{type(err).__name__}: {background.one_line(err)}"))
                return
        self.post_message(NoteAnalysed(index, analysis))

    def _analyse_now(self, index: int, note: Note) -> bool:
        with self._engine_lock:
            try:
                analysis = self._engine.analyse(note)
            except Exception as err:  # as above, shown at once
                self._analysis_failed(
                    AnalysisFailed(index, f"{type(err).__name__}: {background.one_line(err)}")
                )
                return False
        self.notebook.keep_analysis(index, analysis)
        return True

    def _prefetch(self, index: int) -> None:
        """Analyse the next note while the person reads this one, so `n` shows it at once."""
        book = self.notebook
        if index < len(book.notes) and not book.analysed(index) and self._engine is not None:
            self._analyse(index, book.notes[index])

    # -- messages from the background -------------------------------------------------------------

    @on(StoreOpened)
    def _store_opened(self, message: StoreOpened) -> None:
        self._store = self.app.store = message.store
        self._refresh_current()

    @on(NotesRead)
    def _notes_read(self, message: NotesRead) -> None:
        self.notebook.add(message.notes)
        if self.notebook.index is None:
            self.open_note(0)
        else:
            self._update_header()

    @on(NotesFinished)
    def _notes_finished(self, message: NotesFinished) -> None:
        self.notebook.reading_done = True
        if message.failed > MAX_READ_NOTICES:
            self.notify(
                f"{message.failed} records niet gelezen; de eerste {MAX_READ_NOTICES} staan hierboven.",
                severity="warning",
                timeout=8,
            )
        if not self.notebook.notes:
            self.query_one(NoteView).show_message("Geen notities gevonden in de invoer.")
            self.query_one(SuggestionList).show_message("Geen notities.")
        self._update_header()

    @on(EngineLoaded)
    def _engine_loaded(self, message: EngineLoaded) -> None:
        self._engine = message.engine
        self._refresh_current()

    @on(EngineFailed)
    def _engine_failed(self, message: EngineFailed) -> None:
        self.query_one(SuggestionList).show_message("Suggesties niet beschikbaar.")
        self.notify(f"De suggestie-engine kon niet starten: {message.reason}", severity="error", markup=False)

    @on(NoteAnalysed)
    def _note_analysed(self, message: NoteAnalysed) -> None:
        if not self.notebook.keep_analysis(message.index, message.analysis):
            return  # analysed meanwhile on the UI thread; keep what is shown
        if message.index == self.notebook.index:
            self._show_choices(reset_highlight=True)

    @on(AnalysisFailed)
    def _analysis_failed(self, message: AnalysisFailed) -> None:
        """Shown for the open note only; a note analysed ahead of time is tried again when opened."""
        note = self.notebook.current
        if message.index != self.notebook.index or note is None:
            return
        self.query_one(NoteView).show(note.text, [])
        self.query_one(SuggestionList).show_message("Analyse mislukt; deze notitie heeft geen suggesties.")
        self.query_one(WhyPanel).show_message(message.reason)
        self.notify(f"{note.id}: analyse mislukt ({message.reason})", severity="error", markup=False)

    def _refresh_current(self) -> None:
        if self.notebook.index is not None:
            self.open_note(self.notebook.index)

    # -- showing a note ----------------------------------------------------------------------------

    @property
    def note(self) -> Note | None:
        return self.notebook.current

    @property
    def choices(self) -> NoteChoices | None:
        return self.notebook.choices(self.notebook.index, self._store)

    @property
    def recorder(self) -> Recorder | None:
        if self._store is None or self._engine is None:
            return None
        return Recorder(self._store, str(self._engine.version))

    def open_note(self, index: int) -> None:
        book = self.notebook
        book.index = index
        note = book.notes[index]
        self._update_header()
        engine_ready = self._engine is not None
        if engine_ready and not book.analysed(index) and len(note.text) <= SYNC_ANALYSIS_CHARS:
            if not self._analyse_now(index, note):
                return
        if self.choices is not None:
            self._show_choices(reset_highlight=True)
            self._prefetch(index + 1)
            return
        self.query_one(NoteView).show(note.text, [])
        self.query_one(WhyPanel).show_message("")
        suggestions = self.query_one(SuggestionList)
        if engine_ready and not book.analysed(index):
            suggestions.show_message("analyseren...")
            self._analyse(index, note)
        else:
            suggestions.show_message(LOADING)

    def _update_header(self) -> None:
        self.query_one("#note-header", Static).update(self.notebook.header())

    def _show_choices(self, reset_highlight: bool = False) -> None:
        choices = self.choices
        if choices is None:
            return
        suggestions = self.query_one(SuggestionList)
        suggestions.show(choices, None if reset_highlight else suggestions.highlighted_key)
        self._show_current(scroll=True)

    def _show_current(self, scroll: bool) -> None:
        choices = self.choices
        if choices is None:
            return
        key = self.query_one(SuggestionList).highlighted_key
        self.query_one(NoteView).show(choices.note.text, note_marks(choices.candidates(), key), scroll=scroll)
        why = self.query_one(WhyPanel)
        if key is not None:
            why.show(choices.candidate(key), choices.choice(key), self._record_context(choices.note))
        elif any(not c.proposed for c in choices.candidates()):
            why.show_message("Met ↓ ziet u waarom iets alleen is overwogen; + voegt een code toe.")
        else:
            why.show_message("Geen suggesties voor deze notitie. Met + voegt u zelf een code toe.")

    def _record_context(self, note: Note) -> RecordContext:
        version = None if self._engine is None else str(self._engine.version)
        return RecordContext(note, self.app.settings.reviewer(), version)

    @on(OptionList.OptionHighlighted, "#suggestions")
    def _highlight_moved(self, _event: OptionList.OptionHighlighted) -> None:
        self._show_current(scroll=True)

    # -- deciding ----------------------------------------------------------------------------------

    def _target(self) -> tuple[NoteChoices, str, Recorder] | None:
        choices = self.choices
        key = self.query_one(SuggestionList).highlighted_key
        recorder = self.recorder
        if choices is None or key is None or recorder is None:
            self.notify("Geen suggestie gekozen.", severity="warning")
            return None
        return choices, key, recorder

    def action_accept(self) -> None:
        self._accept(None)

    def action_accept_as(self, certainty: Certainty) -> None:
        self._accept(certainty)

    def _accept(self, certainty: Certainty | None) -> None:
        target = self._target()
        if target is None:
            return
        reviewer = self.app.settings.reviewer()
        if reviewer is None:
            self.app.ask_identity(lambda: self._accept(certainty))
            return
        choices, key, recorder = target
        self._decide(lambda: recorder.accept(choices, key, reviewer, certainty), "vastgelegd")

    def action_reject(self) -> None:
        target = self._target()
        if target is not None:
            choices, key, recorder = target
            reviewer = self.app.settings.reviewer()
            self._decide(lambda: recorder.reject(choices, key, reviewer), "afgewezen, niets bewaard")

    def action_undo(self) -> None:
        choices, recorder = self.choices, self.recorder
        if choices is None or recorder is None:
            self.notify("Niets om ongedaan te maken.", severity="warning")
            return
        reviewer = self.app.settings.reviewer()
        self._decide(lambda: recorder.undo(choices, reviewer), "ongedaan gemaakt")

    def _decide(self, do: Callable[[], Any], done: str) -> None:
        from coder.store.errors import StoreError

        try:
            step = do()
        except Refused as refused:
            self.notify(str(refused), severity="warning", markup=False)
            return
        except StoreError as err:
            self.notify(f"Niet vastgelegd: {err}", severity="error", markup=False, timeout=10)
            return
        choices = self.choices
        assert choices is not None
        candidate = choices.candidate(step.key)
        suggestion = candidate.suggestion
        assert suggestion is not None
        suggestions = self.query_one(SuggestionList)
        suggestions.refresh_candidate(candidate, choices)
        suggestions.highlighted = suggestions.get_option_index(step.key)
        self._show_current(scroll=False)
        self.notify(f"{suggestion.code} {suggestion.display}: {done}", markup=False, timeout=3)

    # -- moving and other keys ---------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        suggestions = self.query_one(SuggestionList)
        if step > 0:
            suggestions.action_cursor_down()
        else:
            suggestions.action_cursor_up()

    def action_next_note(self) -> None:
        index, book = self.notebook.index, self.notebook
        if index is not None and index + 1 < len(book.notes):
            self.open_note(index + 1)
        elif index is not None:
            last = "Dit is de laatste notitie." if book.reading_done else "Notities worden nog gelezen."
            self.notify(last)

    def action_previous_note(self) -> None:
        index = self.notebook.index
        if index:
            self.open_note(index - 1)
        elif index == 0:
            self.notify("Dit is de eerste notitie.")

    def action_add_code(self) -> None:
        if self.choices is None:
            self.notify("Wacht tot de suggesties er zijn.", severity="warning")
            return
        from tui.screens.search import CodeSearchScreen

        self.app.push_screen(CodeSearchScreen(), self._code_chosen)

    def _code_chosen(self, suggestion: Any) -> None:
        choices = self.choices
        if suggestion is None or choices is None:
            return
        key = choices.add_manual(suggestion)
        self.query_one(SuggestionList).show(choices, key)
        self._show_current(scroll=False)
        self.notify(f"{suggestion.code} toegevoegd; neem aan met a, f, v of m.", markup=False, timeout=4)

    def action_toggle_full(self, selector: str) -> None:
        """Show the note or the why panel on the whole screen, focused so the arrows scroll it."""
        widget = self.query_one(selector)
        if self.maximized is widget:
            self.action_normal_size()
        else:
            self.maximize(widget, container=False)
            widget.focus()

    def action_normal_size(self) -> None:
        self.minimize()
        self.query_one(SuggestionList).focus()

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(coding_keys.key_help()))

    def action_quit(self) -> None:
        self.app.exit(return_code=2 if self.app.read_failures else 0)

    def palette_commands(self) -> Iterable[tuple[str, str, Callable[[], Any]]]:
        for title, text, action in coding_keys.palette_entries():
            yield title, text, self._palette_callback(action)

    def _palette_callback(self, action: str) -> Callable[[], Any]:
        async def run() -> None:
            await self.run_action(action)

        return run
