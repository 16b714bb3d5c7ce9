"""The queue's background analysis: every note in input order, as the notes arrive, one at a time.

Runs on a worker thread and reports through `post` (thread-safe); never raises for one note's failure.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from tui.background import Post, one_line
from tui.messages import AnalysisFailed, NoteAnalysed
from tui.notebook import NoteBook

WAIT = 0.05  # seconds between looks for more notes, or for the person to stop typing


def analyse_in_order(
    book: NoteBook,
    engine: Any,
    lock: threading.Lock,
    post: Post,
    cancelled: Callable[[], bool],
    paused: Callable[[], bool] = lambda: False,
) -> None:
    """Notes analysed meanwhile (by the note screen, which shares `lock` and `book`) are skipped. While
    `paused()` holds (the person is pressing keys) no note is started: the analysis holds Python's GIL for
    most of its time, and the screen's response to a key must not wait for it."""
    index = 0
    while not cancelled():
        if paused():
            time.sleep(WAIT)
            continue
        if index >= len(book.notes):
            if book.reading_done:
                return
            time.sleep(WAIT)
            continue
        if not book.analysed(index):
            note = book.notes[index]
            with lock:  # the engine is not shared between threads at the same time
                try:
                    analysis = engine.analyse(note)
                except Exception as err:  # one note the engine cannot handle must not stop the queue
                    post(AnalysisFailed(index, f"{type(err).__name__}: {one_line(err)}"))
                    analysis = None
            if analysis is not None:
                post(NoteAnalysed(index, analysis))
        index += 1
