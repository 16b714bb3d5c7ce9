"""The small dialog that asks why a note goes back to its author ("terugleggen")."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

MAX_REASON = 200


class TextPrompt(ModalScreen[str | None]):
    """One line of text. Enter answers (an empty answer only if `allow_empty`), escape cancels (None)."""

    BINDINGS = [Binding("escape", "cancel", "annuleren")]

    def __init__(self, title: str, hint: str, value: str = "", allow_empty: bool = False) -> None:
        super().__init__()
        self._title = title
        self._hint = hint
        self._value = value
        self._allow_empty = allow_empty

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-dialog") as dialog:
            dialog.border_title = self._title
            dialog.border_subtitle = "enter = ok · esc = annuleren"
            yield Input(value=self._value, max_length=MAX_REASON, id="prompt-input")
            yield Static(self._hint, id="prompt-hint", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        text = " ".join(event.value.split())
        if not text and not self._allow_empty:
            self.query_one("#prompt-hint", Static).update("Vul eerst een korte reden in (of esc).")
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)


def send_back_prompt(note_id: str) -> TextPrompt:
    return TextPrompt(
        f"Terugleggen · {note_id}",
        "Korte reden voor de schrijver, bijv. 'datum ontbreekt' of 'bron van het vermoeden onduidelijk'.",
    )


def code_filter_prompt(current: str) -> TextPrompt:
    return TextPrompt(
        "Filter op code",
        "Code of deel van de omschrijving, bijv. Z16 of verwaarlozing; leeg = alle codes.",
        value=current,
        allow_empty=True,
    )
