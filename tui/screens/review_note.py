"""One note in review: the coding screen's note view, suggestions, why panel and keys, opened from the queue
on a note this reviewer has claimed, plus r (reviewed) and t (send back to the author with a reason).

Leaving the note (q, esc, n/p to another note) releases the claim; while it is open the claim is renewed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from tui.screens import review_keys
from tui.screens.coding import CodingScreen
from tui.widgets.note_view import NoteView
from tui.widgets.queue_row import STATUS_LABELS

if TYPE_CHECKING:
    from tui.screens.review_queue import QueueScreen


class ReviewNoteScreen(CodingScreen):
    BINDINGS = review_keys.NOTE_BINDINGS  # merged over the coding screen's

    def __init__(self, queue: QueueScreen, index: int) -> None:
        super().__init__(lambda: iter(()), lambda: None, lambda: None)  # the queue did the start-up work
        self.queue = queue
        self.notebook = queue.notebook
        self._store = queue.store
        self._engine = queue.engine
        self._engine_lock = queue.engine_lock
        self._first_index = index

    def _start_background_work(self) -> None:
        """Called after the first paint by the coding screen's on_mount: here, only open the note."""
        self.query_one(NoteView).border_subtitle = "o = groot"
        self.open_note(self._first_index)
        self.set_interval(max(1.0, self.queue.claim_seconds / 3), self._renew_claim)

    def _update_header(self) -> None:
        note = self.note
        status = None if note is None else self.queue.statuses.get(note.id)
        label = STATUS_LABELS["open" if status is None else status.status]
        reason = f" ({status.reason})" if status is not None and status.reason else ""
        self.query_one("#note-header").update(f"{self.notebook.header()} · {label}{reason}")

    # -- review status -------------------------------------------------------------------------------

    def action_mark_reviewed(self) -> None:
        if self._set_status("reviewed", None):
            self._advance("beoordeeld")

    def action_send_back(self) -> None:
        note = self.note
        if note is None:
            return
        from tui.screens.review_reason import send_back_prompt

        self.app.push_screen(send_back_prompt(note.id), self._send_back_with)

    def _send_back_with(self, reason: str | None) -> None:
        if reason is not None and self._set_status("teruggelegd", reason):
            self._advance("teruggelegd")

    def _set_status(self, status: str, reason: str | None) -> bool:
        from coder.store.errors import StoreError

        note, reviewer = self.note, self.app.settings.reviewer()
        if note is None or reviewer is None:
            self.notify("Wie bent u? Vul eerst uw naam in.", severity="warning")
            return False
        try:
            self._store.set_note_status(note.id, status, reviewer, reason)
        except (StoreError, ValueError) as err:
            self.notify(f"Niet vastgelegd: {err}", severity="error", markup=False)
            return False
        self.queue.refresh_from_store()
        self._update_header()
        return True

    def _advance(self, done: str) -> None:
        """After r or t: on to the next open note of the queue, or back to the queue when there is none."""
        note_id = self.note.id if self.note else ""
        if self._move(1, only_open=True):
            self.notify(f"{note_id} {done}; de volgende open notitie staat klaar.", markup=False, timeout=4)
        else:
            self.notify(f"{note_id} {done}. Geen open notities meer na deze.", markup=False, timeout=4)
            self.action_back()

    # -- moving between notes ------------------------------------------------------------------------

    def _move(self, step: int, only_open: bool = False) -> bool:
        """Claim the nearest note in the queue in that direction, release this one, open it."""
        index = self.notebook.index
        if index is None:
            return False
        leaving = self.notebook.notes[index].id
        for candidate in self.queue.neighbours(index, step, only_open):
            if self.queue.take(candidate, quiet=True):
                self.queue.give_back(leaving)
                self.queue.held = self.notebook.notes[candidate].id
                self.open_note(candidate)
                return True
        return False

    def action_next_note(self) -> None:
        if not self._move(1):
            self.notify("Geen volgende notitie in de wachtrij (met dit filter).")

    def action_previous_note(self) -> None:
        if not self._move(-1):
            self.notify("Geen vorige notitie in de wachtrij (met dit filter).")

    def _renew_claim(self) -> None:
        note = self.note
        if note is not None and not self.queue.take(self.notebook.index or 0, quiet=True):
            self.notify(f"{note.id} is niet meer voor u gereserveerd.", severity="warning", markup=False)

    def action_back(self) -> None:
        note = self.note
        if note is not None:
            self.queue.give_back(note.id)
        self.dismiss(self.notebook.index)

    def action_normal_size(self) -> None:
        if self.maximized is not None:
            super().action_normal_size()
        else:
            self.action_back()

    def action_quit(self) -> None:
        self.action_back()

    # -- other keys ----------------------------------------------------------------------------------

    def action_stats(self) -> None:
        from tui.screens.stats import StatsScreen

        self.app.push_screen(StatsScreen(self._store, self.queue.min_cell))

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(review_keys.note_key_help()))

    def palette_commands(self) -> Iterable[tuple[str, str, Callable[[], Any]]]:
        for title, text, action in review_keys.note_palette_entries():
            yield title, text, self._palette_callback(action)
