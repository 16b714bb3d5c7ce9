"""The professional's coding screen: one note, its suggestions, why, and the keys to decide."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.worker import get_current_worker

from coder.model import Analysis, Certainty, Note, ReadError
from tui.choices import NoteChoices
from tui.highlight import note_marks
from tui.messages import EngineFailed, EngineLoaded, NoteAnalysed, NotesFinished, NotesRead, NoteUnreadable
from tui.recording import Recorder, Refused
from tui.widgets.legend import Legend
from tui.widgets.note_view import NoteView
from tui.widgets.suggestion_list import STATE_LEGEND, SuggestionList
from tui.widgets.why_panel import RecordContext, WhyPanel

NoteSource = Callable[[], Iterable[Note | ReadError]]
EngineFactory = Callable[[], Any]

CERTAINTY = Binding.Group("zekerheid", compact=True)
NAVIGATE = Binding.Group("notitie", compact=True)
LOADING = "suggesties laden..."
READ_BATCH = 32
MAX_READ_NOTICES = 5


class CodingScreen(Screen[None]):
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    BINDINGS = [
        Binding("a", "accept", "aannemen"),
        Binding("x", "reject", "afwijzen"),
        Binding("f", "accept_as('feit')", "feit", group=CERTAINTY),
        Binding("v", "accept_as('vermoeden')", "vermoeden", group=CERTAINTY),
        Binding("m", "accept_as('mening')", "mening", group=CERTAINTY),
        Binding("plus,slash", "add_code", "code", key_display="+"),
        Binding("u", "undo", "terug"),
        Binding("n", "next_note", "volgende", group=NAVIGATE),
        Binding("p", "previous_note", "vorige", group=NAVIGATE),
        Binding("question_mark", "help", "help", key_display="?"),
        Binding("q", "quit", "stop"),
        Binding("shift+down", "scroll_note(1)", "tekst omlaag", show=False),
        Binding("shift+up", "scroll_note(-1)", "tekst omhoog", show=False),
    ]

    # Title and help for the command palette and the help screen, per action.
    ACTION_HELP = {
        "accept": ("Aannemen", "Neem de gemarkeerde suggestie aan zoals getoond; wordt meteen vastgelegd"),
        "reject": ("Afwijzen", "Wijs de suggestie af; er wordt niets bewaard"),
        "accept_as('feit')": ("Aannemen als feit", "Zet de zekerheid op feit en neem aan"),
        "accept_as('vermoeden')": ("Aannemen als vermoeden", "Zet de zekerheid op vermoeden en neem aan"),
        "accept_as('mening')": ("Aannemen als mening", "Zet de zekerheid op mening en neem aan"),
        "add_code": ("Code zoeken en toevoegen", "Voeg zelf een code toe; zoekt in codes en omschrijvingen"),
        "undo": ("Ongedaan maken", "Maak de laatste beslissing bij deze notitie ongedaan"),
        "next_note": ("Volgende notitie", "Open de volgende notitie"),
        "previous_note": ("Vorige notitie", "Open de vorige notitie"),
        "help": ("Help", "Toon alle toetsen en de betekenis van de markeringen"),
        "quit": ("Stoppen", "Sluit casecoder; aangenomen codes zijn al vastgelegd"),
    }

    def __init__(self, note_source: NoteSource, engine_factory: EngineFactory) -> None:
        super().__init__()
        self._note_source = note_source
        self._engine_factory = engine_factory
        self._engine: Any = None
        self._engine_lock = threading.Lock()
        self._recorder: Recorder | None = None
        self._notes: list[Note] = []
        self._reading_done = False
        self._read_failures = 0
        self._index: int | None = None
        self._analyses: dict[int, Analysis] = {}
        self._choices: dict[int, NoteChoices] = {}

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
        self.query_one(NoteView).border_title = "Notitie"
        suggestions = self.query_one(SuggestionList)
        suggestions.border_title = "Suggesties"
        suggestions.border_subtitle = STATE_LEGEND
        self.query_one(WhyPanel).border_title = "Waarom"
        suggestions.show_message(LOADING)
        self.query_one(NoteView).show_message("Notities lezen...")
        self.query_one(WhyPanel).show_message("")
        suggestions.focus()
        # Start the slow work after the first paint, so the screen appears at once.
        self.call_after_refresh(self._start_background_work)

    def _start_background_work(self) -> None:
        self.read_notes()
        self.load_engine()

    # -- background work ----------------------------------------------------------------------------

    @work(thread=True, group="notes", exit_on_error=False)
    def read_notes(self) -> None:
        batch: list[Note] = []
        count = failed = 0
        for item in self._note_source():
            if isinstance(item, ReadError):
                failed += 1
                self.post_message(NoteUnreadable(item))
                continue
            batch.append(item)
            count += 1
            if len(batch) >= READ_BATCH or count == 1:
                self.post_message(NotesRead(tuple(batch)))
                batch = []
        if batch:
            self.post_message(NotesRead(tuple(batch)))
        self.post_message(NotesFinished(count, failed))

    @work(thread=True, group="engine", exit_on_error=False)
    def load_engine(self) -> None:
        try:
            engine = self._engine_factory()
            from terminology.codesystems import load_code_systems

            load_code_systems()  # the why panel reads definitions from it
        except Exception as err:  # shown to the user as one line; the screen stays usable for reading
            self.post_message(EngineFailed(f"{type(err).__name__}: {err}".splitlines()[0]))
            return
        self.post_message(EngineLoaded(engine))

    @work(thread=True, group="analyse", exclusive=True, exit_on_error=False)
    def analyse_note(self, index: int, note: Note) -> None:
        with self._engine_lock:  # one analysis at a time: the engine is not shared between threads
            if get_current_worker().is_cancelled:
                return
            analysis = self._engine.analyse(note)
        if not get_current_worker().is_cancelled:
            self.post_message(NoteAnalysed(index, analysis))

    # -- messages from the background -------------------------------------------------------------

    @on(NotesRead)
    def _notes_read(self, message: NotesRead) -> None:
        self._notes.extend(message.notes)
        if self._index is None:
            self.open_note(0)
        else:
            self._update_header()

    @on(NoteUnreadable)
    def _note_unreadable(self, message: NoteUnreadable) -> None:
        self._read_failures += 1
        if self._read_failures <= MAX_READ_NOTICES:
            self.notify(str(message.error), title="Niet gelezen", severity="warning", markup=False)

    @on(NotesFinished)
    def _notes_finished(self, message: NotesFinished) -> None:
        self._reading_done = True
        if message.failed > MAX_READ_NOTICES:
            self.notify(
                f"{message.failed} records niet gelezen; de eerste {MAX_READ_NOTICES} staan hierboven.",
                severity="warning",
            )
        if not self._notes:
            self.query_one(NoteView).show_message("Geen notities gevonden in de invoer.")
            self.query_one(SuggestionList).show_message("Geen notities.")
        self._update_header()

    @on(EngineLoaded)
    def _engine_loaded(self, message: EngineLoaded) -> None:
        self._engine = message.engine
        self._recorder = Recorder(self.app.store, str(message.engine.version))
        if self._index is not None:
            self.open_note(self._index)

    @on(EngineFailed)
    def _engine_failed(self, message: EngineFailed) -> None:
        self.query_one(SuggestionList).show_message("Suggesties niet beschikbaar.")
        self.notify(f"De suggestie-engine kon niet starten: {message.reason}", severity="error", markup=False)

    @on(NoteAnalysed)
    def _note_analysed(self, message: NoteAnalysed) -> None:
        self._analyses[message.index] = message.analysis
        if message.index == self._index:
            self._show_choices(reset_highlight=True)

    # -- showing a note ----------------------------------------------------------------------------

    @property
    def note(self) -> Note | None:
        return None if self._index is None else self._notes[self._index]

    @property
    def choices(self) -> NoteChoices | None:
        return None if self._index is None else self._choices_for(self._index)

    def _choices_for(self, index: int) -> NoteChoices | None:
        if index not in self._choices and index in self._analyses:
            analysis = self._analyses[index]
            stored = self.app.store.decisions(status="accepted", note_id=analysis.note.id)
            self._choices[index] = NoteChoices(analysis, stored)
        return self._choices.get(index)

    def open_note(self, index: int) -> None:
        self._index = index
        note = self._notes[index]
        self._update_header()
        if self._choices_for(index) is not None:
            self._show_choices(reset_highlight=True)
            return
        self.query_one(NoteView).show(note.text, [])
        self.query_one(WhyPanel).show_message("")
        if self._engine is None:
            self.query_one(SuggestionList).show_message(LOADING)
        else:
            self.query_one(SuggestionList).show_message("analyseren...")
            self.analyse_note(index, note)

    def _update_header(self) -> None:
        header = self.query_one("#note-header", Static)
        total = f"{len(self._notes)}" + ("" if self._reading_done else "+")
        note = self.note
        if note is None:
            header.update("casecoder · notities lezen..." if not self._reading_done else "casecoder")
            return
        parts = [f"Notitie {self._index + 1}/{total}", note.id]
        if note.client:
            parts.append(f"cliënt {note.client}")
        if note.date:
            parts.append(note.date)
        header.update(" · ".join(parts))

    def _show_choices(self, reset_highlight: bool = False) -> None:
        choices = self.choices
        if choices is None:
            return
        suggestions = self.query_one(SuggestionList)
        keep = None if reset_highlight else suggestions.highlighted_key
        suggestions.show(choices, keep)
        self._show_current(scroll=True)

    def _show_current(self, scroll: bool) -> None:
        choices = self.choices
        if choices is None:
            return
        key = self.query_one(SuggestionList).highlighted_key
        marks = note_marks(choices.candidates(), key)
        self.query_one(NoteView).show(choices.note.text, marks, scroll=scroll)
        why = self.query_one(WhyPanel)
        if key is None:
            why.show_message("Geen suggestie gekozen. Met + voegt u zelf een code toe.")
        else:
            why.show(choices.candidate(key), choices.choice(key), self._record_context(choices.note))

    def _record_context(self, note: Note) -> RecordContext:
        version = None if self._recorder is None else self._recorder.engine_version
        return RecordContext(note, self.app.settings.reviewer(), version)

    @on(OptionList.OptionHighlighted, "#suggestions")
    def _highlight_moved(self, _event: OptionList.OptionHighlighted) -> None:
        self._show_current(scroll=True)

    # -- actions ---------------------------------------------------------------------------------

    def _target(self) -> tuple[NoteChoices, str] | None:
        choices = self.choices
        key = self.query_one(SuggestionList).highlighted_key
        if choices is None or key is None or self._recorder is None:
            self.notify("Geen suggestie gekozen.", severity="warning")
            return None
        return choices, key

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
        choices, key = target
        self._decide(lambda: self._recorder.accept(choices, key, reviewer, certainty), "vastgelegd")

    def action_reject(self) -> None:
        target = self._target()
        if target is not None:
            choices, key = target
            reviewer = self.app.settings.reviewer()
            self._decide(lambda: self._recorder.reject(choices, key, reviewer), "afgewezen")

    def action_undo(self) -> None:
        choices = self.choices
        if choices is None or self._recorder is None:
            self.notify("Niets om ongedaan te maken.", severity="warning")
            return
        reviewer = self.app.settings.reviewer()
        self._decide(lambda: self._recorder.undo(choices, reviewer), "ongedaan gemaakt")

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

    def action_next_note(self) -> None:
        if self._index is None:
            return
        if self._index + 1 < len(self._notes):
            self.open_note(self._index + 1)
        else:
            self.notify(
                "Dit is de laatste notitie." if self._reading_done else "Notities worden nog gelezen."
            )

    def action_previous_note(self) -> None:
        if self._index is None:
            return
        if self._index > 0:
            self.open_note(self._index - 1)
        else:
            self.notify("Dit is de eerste notitie.")

    def action_add_code(self) -> None:
        if self.choices is None:
            self.notify("Open eerst een notitie met suggesties.", severity="warning")
            return
        from tui.screens.search import CodeSearchScreen

        self.app.push_screen(CodeSearchScreen(), self._code_chosen)

    def _code_chosen(self, suggestion: Any) -> None:
        choices = self.choices
        if suggestion is None or choices is None:
            return
        key = choices.add_manual(suggestion)
        suggestions = self.query_one(SuggestionList)
        suggestions.show(choices, key)
        self._show_current(scroll=False)
        self.notify(f"{suggestion.code} toegevoegd; neem aan met a, f, v of m.", markup=False, timeout=4)

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.key_help()))

    def action_quit(self) -> None:
        self.app.exit()

    def action_scroll_note(self, lines: int) -> None:
        self.query_one(NoteView).scroll_relative(y=lines * 3, animate=False)

    # -- keys for help and the command palette -------------------------------------------------------

    def key_help(self) -> list[tuple[str, str, str]]:
        """(keys, title, help) per action, in binding order; j/k and arrows first."""
        rows = [("↑ ↓  j k", "Vorige / volgende suggestie", "Verplaats de markering in de lijst")]
        for binding in self.BINDINGS:
            assert isinstance(binding, Binding)
            if binding.action in self.ACTION_HELP:
                title, text = self.ACTION_HELP[binding.action]
                keys = binding.key_display or binding.key
                if binding.action == "add_code":
                    keys = "+  /"
                rows.append((keys, title, text))
        rows.append(("shift+↑ ↓", "Tekst scrollen", "Scroll door een lange notitie"))
        rows.append(("ctrl+p", "Opdrachtenpalet", "Zoek een opdracht op naam"))
        return rows

    def palette_commands(self) -> Iterable[tuple[str, str, Callable[[], Any]]]:
        for action, (title, text) in self.ACTION_HELP.items():
            yield title, text, self._palette_callback(action)

    def _palette_callback(self, action: str) -> Callable[[], Any]:
        async def run() -> None:
            await self.run_action(action)

        return run
