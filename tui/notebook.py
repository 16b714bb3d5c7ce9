"""The notes of this session: which are read, which is open, their analyses and the choices made on them.

Plain state, no screen: kept in memory only, for as long as the app runs.
"""

from __future__ import annotations

from collections.abc import Iterable

from coder.model import Analysis, Note
from tui.choices import NoteChoices
from tui.recording import DecisionStore


class NoteBook:
    def __init__(self) -> None:
        self.notes: list[Note] = []
        self.reading_done = False
        self.index: int | None = None
        self._analyses: dict[int, Analysis] = {}
        self._choices: dict[int, NoteChoices] = {}

    def add(self, notes: Iterable[Note]) -> None:
        self.notes.extend(notes)

    @property
    def current(self) -> Note | None:
        return None if self.index is None else self.notes[self.index]

    def analysed(self, index: int) -> bool:
        return index in self._analyses

    def keep_analysis(self, index: int, analysis: Analysis) -> bool:
        """Keep the first analysis of a note; False if it already had one (a later one is dropped)."""
        if index in self._analyses:
            return False
        self._analyses[index] = analysis
        return True

    def choices(self, index: int | None, store: DecisionStore | None) -> NoteChoices | None:
        """A note's candidates once it is analysed and the store can say what was accepted before."""
        if index is None:
            return None
        if index not in self._choices and index in self._analyses and store is not None:
            analysis = self._analyses[index]
            stored = store.decisions(status="accepted", note_id=analysis.note.id)
            self._choices[index] = NoteChoices(analysis, stored)
        return self._choices.get(index)

    def header(self) -> str:
        """'Notitie 3/40 · N03 · cliënt C12 · 2025-03-01' (40+ while the input is still being read)."""
        note = self.current
        if note is None or self.index is None:
            return "casecoder" if self.reading_done else "casecoder · notities lezen..."
        total = f"{len(self.notes)}" + ("" if self.reading_done else "+")
        parts = [f"Notitie {self.index + 1}/{total}", note.id]
        if note.client:
            parts.append(f"cliënt {note.client}")
        if note.date:
            parts.append(note.date)
        return " · ".join(parts)
