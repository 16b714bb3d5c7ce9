"""The session's notes: header text, first analysis kept, choices once the store can answer."""

from __future__ import annotations

from tui_helpers import NOTES, analyse_abuse

from tui.notebook import NoteBook


class NoStoredDecisions:
    def decisions(self, status=None, note_id=None):
        return []


def test_header_while_reading_and_after():
    book = NoteBook()
    assert book.header() == "casecoder · notities lezen..."
    book.add(NOTES[:2])
    book.index = 0
    assert book.header() == "Notitie 1/2+ · N1 · cliënt C-17 · 2026-03-02"
    book.reading_done = True
    book.index = 1
    assert book.header() == "Notitie 2/2 · N2 · cliënt C-18"


def test_first_analysis_is_kept_and_choices_wait_for_the_store():
    book = NoteBook()
    book.add(NOTES)
    first, second = analyse_abuse(NOTES[0]), analyse_abuse(NOTES[0])
    assert book.keep_analysis(0, first) and not book.keep_analysis(0, second)
    assert book.choices(0, None) is None  # the store is not open yet
    choices = book.choices(0, NoStoredDecisions())
    assert choices.analysis is first
    assert book.choices(0, NoStoredDecisions()) is choices  # decisions made on it stay
    assert book.choices(1, NoStoredDecisions()) is None  # not analysed yet
