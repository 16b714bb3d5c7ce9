"""Messages the background work sends to the coding screen. Small values only; no logging of their content."""

from __future__ import annotations

from typing import Any

from textual.message import Message

from coder.model import Analysis, Note, ReadError


class EngineLoaded(Message):
    """The suggestion engine is ready (created on a worker thread after the first paint)."""

    def __init__(self, engine: Any) -> None:
        super().__init__()
        self.engine = engine


class EngineFailed(Message):
    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class NotesRead(Message):
    """A batch of notes, in input order."""

    def __init__(self, notes: tuple[Note, ...]) -> None:
        super().__init__()
        self.notes = notes


class NoteUnreadable(Message):
    """One record of the input could not be read; shown as a one-line notification."""

    def __init__(self, error: ReadError) -> None:
        super().__init__()
        self.error = error


class NotesFinished(Message):
    """The input has been read to the end."""

    def __init__(self, count: int, failed: int) -> None:
        super().__init__()
        self.count = count
        self.failed = failed


class NoteAnalysed(Message):
    def __init__(self, index: int, analysis: Analysis) -> None:
        super().__init__()
        self.index = index
        self.analysis = analysis


class StoreOpened(Message):
    """The decision store is open (opened on a worker thread: SQLAlchemy takes a moment to import)."""

    def __init__(self, store: Any) -> None:
        super().__init__()
        self.store = store


class StoreFailed(Message):
    """The store cannot be used; the app ends and the reason is printed as one line."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class AnalysisFailed(Message):
    """The engine could not analyse one note (a bug, not bad input); the rest of the session goes on."""

    def __init__(self, index: int, reason: str) -> None:
        super().__init__()
        self.index = index
        self.reason = reason
