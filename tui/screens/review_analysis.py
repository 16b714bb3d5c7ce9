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

WAIT_FOR_NOTES = 0.05  # seconds between looks for more notes while the input is still being read


def analyse_in_order(
    book: NoteBook, engine: Any, lock: threading.Lock, post: Post, cancelled: Callable[[], bool]
) -> None:
    """Notes analysed meanwhile (by the note screen, which shares `lock` and `book`) are skipped."""
    index = 0
    while not cancelled():
        if index >= len(book.notes):
            if book.reading_done:
                return
            time.sleep(WAIT_FOR_NOTES)
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
