"""The queue's background analysis loop, on a thread, without a screen."""

from __future__ import annotations

import threading
import time

from tui_helpers import NOTES, FakeEngine, analyse_plan

from coder.model import Note
from tui.messages import AnalysisFailed, NoteAnalysed
from tui.notebook import NoteBook
from tui.screens.review_analysis import analyse_in_order


def run(book: NoteBook, engine, paused=lambda: False) -> tuple[threading.Thread, list]:
    posted: list = []
    thread = threading.Thread(
        target=analyse_in_order, args=(book, engine, threading.Lock(), posted.append, lambda: False, paused)
    )
    thread.start()
    return thread, posted


def test_every_note_in_order_skipping_those_analysed_meanwhile_and_reporting_failures():
    book = NoteBook()
    book.add([NOTES[0], Note("BAD", "x", {}), NOTES[1], NOTES[2]])
    book.keep_analysis(2, analyse_plan(NOTES[1]))  # opened in the note screen first
    book.reading_done = True
    engine = FakeEngine()
    thread, posted = run(book, engine)
    thread.join(5)
    assert engine.analysed == ["N1", "BAD", "N3"]
    assert [type(m) for m in posted] == [NoteAnalysed, AnalysisFailed, NoteAnalysed]
    assert [m.index for m in posted] == [0, 1, 3]


def test_waits_for_notes_still_being_read_and_starts_none_while_paused():
    book = NoteBook()
    pause = threading.Event()
    pause.set()
    engine = FakeEngine()
    thread, posted = run(book, engine, paused=pause.is_set)
    book.add(NOTES)
    time.sleep(0.2)
    assert engine.analysed == []  # keys are being pressed: the screen goes first
    pause.clear()
    time.sleep(0.2)
    assert engine.analysed == ["N1", "N2", "N3"]
    assert thread.is_alive()  # the input is not finished: more notes may come
    book.reading_done = True
    thread.join(5)
    assert not thread.is_alive() and len(posted) == 3
