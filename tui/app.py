"""The casecoder app: composes the coding screen, knows who is coding and where decisions are stored."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from textual.app import App, SystemCommand
from textual.screen import Screen

from tui.background import EngineFactory, NoteSource, StoreOpener
from tui.screens.coding import CodingScreen
from tui.screens.identity import IdentityScreen
from tui.settings import UserSettings, save_settings


class CaseCoderApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "casecoder"

    def __init__(
        self,
        note_source: NoteSource,
        engine_factory: EngineFactory,
        store_opener: StoreOpener,
        settings: UserSettings,
        settings_path: Path | None = None,
    ) -> None:
        """`settings_path`: where answers from the first screen are saved (None: not saved, e.g. in tests)."""
        super().__init__()
        self.settings = settings
        self.store: Any = None  # set by the coding screen once opened; closed by whoever opened the app
        self.read_failures = 0
        self.fatal: str | None = None  # why the app had to stop, printed as one line after it ends
        self._settings_path = settings_path
        self._coding = CodingScreen(note_source, engine_factory, store_opener)

    def on_mount(self) -> None:
        self.push_screen(self._coding)
        if not self.settings.complete:
            self.ask_identity()

    def _fatal_error(self) -> None:
        """Textual's crash report, but without local variables: those could hold a note's text."""
        from rich.segment import Segments
        from rich.traceback import Traceback

        self.bell()
        traceback = Traceback(show_locals=False, width=None)
        self._exit_renderables.append(Segments(self.console.render(traceback, self.console.options)))
        self._close_messages_no_wait()

    def action_stats(self) -> None:
        from tui.screens.stats import StatsScreen  # deferred: only when asked for

        self.push_screen(StatsScreen())

    def fail(self, reason: str) -> None:
        self.fatal = reason
        self.exit(return_code=1)

    def ask_identity(self, then: Callable[[], None] | None = None) -> None:
        """Ask who is coding; run `then` once it is known."""

        def answered(settings: UserSettings | None) -> None:
            if settings is None:
                self.notify("Zonder naam en registratie kunt u lezen, niet aannemen.", severity="warning")
                return
            self.settings = settings
            if self._settings_path is not None:
                try:
                    save_settings(settings, self._settings_path)
                except OSError as err:
                    self.notify(f"Instellingen niet bewaard: {err}", severity="warning", markup=False)
            if then is not None:
                then()

        self.push_screen(IdentityScreen(self.settings), answered)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        if isinstance(screen, CodingScreen):
            for title, text, callback in screen.palette_commands():
                yield SystemCommand(title, text, callback)
        yield from super().get_system_commands(screen)
