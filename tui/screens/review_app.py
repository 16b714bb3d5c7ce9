"""The review app: the casecoder app with the review queue as its first screen, not the coding screen."""

from __future__ import annotations

import time
from pathlib import Path

from textual import events

from tui.app import CaseCoderApp
from tui.background import EngineFactory, NoteSource, StoreOpener
from tui.screens.review_queue import DEFAULT_CLAIM_SECONDS, QueueScreen
from tui.settings import UserSettings


class ReviewApp(CaseCoderApp):
    CSS_PATH = Path(__file__).parent.parent / "app.tcss"  # relative paths are taken from this module
    TITLE = "casecoder review"

    def __init__(
        self,
        note_source: NoteSource,
        engine_factory: EngineFactory,
        store_opener: StoreOpener,
        settings: UserSettings,
        settings_path: Path | None = None,
        claim_seconds: float = DEFAULT_CLAIM_SECONDS,
        min_cell: int = 10,
    ) -> None:
        super().__init__(note_source, engine_factory, store_opener, settings, settings_path)
        self.queue = QueueScreen(note_source, engine_factory, store_opener, claim_seconds, min_cell)

    def on_mount(self, event: events.Mount) -> None:
        event.prevent_default()  # the coding app's on_mount would open the coding screen
        self.push_screen(self.queue)
        if not self.settings.complete:
            self.ask_identity()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            self.queue.last_key = time.monotonic()  # the queue's background analysis gives way
        await super().on_event(event)

    def release_held(self) -> None:
        """Give back the note this reviewer still holds. Called when the app has ended, however it ended, so
        without the screens (they are gone): straight to the store."""
        from coder.store.errors import StoreError

        held, reviewer = self.queue.held, self.settings.reviewer()
        if held is None or reviewer is None or self.store is None:
            return
        try:
            self.store.release(held, reviewer)
        except StoreError:
            pass  # the claim then expires by itself
        self.queue.held = None
