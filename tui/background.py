"""Slow start-up work, on worker threads after the first paint: open the store, load the engine, read notes.

Each function reports through `post` (a thread-safe message sender) and never raises: a failure becomes a
message with one line for the person.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from textual import work
from textual.message import Message
from textual.worker import get_current_worker

from coder.model import Note, ReadError
from tui.messages import (
    EngineFailed,
    EngineLoaded,
    NotesFinished,
    NotesRead,
    NoteUnreadable,
    StoreFailed,
    StoreOpened,
)

Post = Callable[[Message], Any]
NoteSource = Callable[[], Iterable[Note | ReadError]]
EngineFactory = Callable[[], Any]
StoreOpener = Callable[[], Any]
READ_BATCH = 32
MAX_READ_NOTICES = 5  # unreadable records shown one by one; beyond this only their number


def one_line(err: BaseException) -> str:
    text = str(err).strip() or type(err).__name__
    return text.splitlines()[0]


def open_store(opener: StoreOpener, post: Post) -> bool:
    try:
        store = opener()
    except Exception as err:  # StoreError, or anything else: the app ends with this line on stderr
        post(StoreFailed(one_line(err)))
        return False
    post(StoreOpened(store))
    return True


def load_engine(factory: EngineFactory, post: Post) -> None:
    try:
        engine = factory()
        from terminology.codesystems import load_code_systems

        load_code_systems()  # cached; the why panel reads definitions from it
    except Exception as err:  # shown as a notification; the notes can still be read
        post(EngineFailed(f"{type(err).__name__}: {one_line(err)}"))
        return
    post(EngineLoaded(engine))


def read_notes(source: NoteSource, post: Post, cancelled: Callable[[], bool]) -> None:
    """Notes in batches (the first one alone, so it opens at once); each unreadable record on its own."""
    batch: list[Note] = []
    count = failed = 0
    try:
        for item in source():
            if cancelled():
                return
            if isinstance(item, ReadError):
                failed += 1
                post(NoteUnreadable(item))
                continue
            batch.append(item)
            count += 1
            if count == 1 or len(batch) >= READ_BATCH:
                post(NotesRead(tuple(batch)))
                batch = []
    except Exception as err:  # a reader bug must not take the screen down; say what happened
        failed += 1
        post(NoteUnreadable(ReadError("invoer", None, f"lezen gestopt: {one_line(err)}")))
    if batch:
        post(NotesRead(tuple(batch)))
    post(NotesFinished(count, failed))


class StartsInBackground:
    """For a screen that needs notes, a store and an engine: it sets `_note_source`, `_store_opener` and
    `_engine_factory`, and calls these two after its first paint. A store that cannot open ends the app;
    each unreadable record is a notification (the first few of them)."""

    _note_source: NoteSource
    _store_opener: StoreOpener
    _engine_factory: EngineFactory
    _read_failures: int = 0
    post_message: Post
    app: Any
    notify: Callable[..., Any]

    def on_store_failed(self, message: StoreFailed) -> None:
        self.app.fail(message.reason)

    def on_note_unreadable(self, message: NoteUnreadable) -> None:
        self._read_failures += 1
        self.app.read_failures += 1
        if self._read_failures <= MAX_READ_NOTICES:
            self.notify(str(message.error), title="Niet gelezen", severity="warning", markup=False, timeout=8)

    @work(thread=True, group="start", exit_on_error=False)
    def _open_store_then_engine(self) -> None:
        """One after the other: both are CPU-bound imports, and without a store there is nothing to load."""
        if open_store(self._store_opener, self.post_message):
            load_engine(self._engine_factory, self.post_message)

    @work(thread=True, group="notes", exit_on_error=False)
    def _read_notes(self) -> None:
        worker = get_current_worker()
        read_notes(self._note_source, self.post_message, lambda: worker.is_cancelled)
