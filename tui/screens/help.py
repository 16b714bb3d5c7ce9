"""The `?` screen: every key of the coding screen, and what the marks in the note mean."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.widgets.legend import Legend

PRINCIPLES = (
    "Elke suggestie is optioneel: zonder uw keuze blijft een notitie 'niet gecodeerd'.",
    "Alleen wat u aanneemt wordt bewaard (wie, wanneer, op welke woorden); de tekst van de notitie nooit.",
    "Afwijzen bewaart niets. Ongedaan maken van een aangenomen code markeert die als 'entered-in-error'.",
)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark", "close", "sluiten", key_display="esc"),
        Binding("down,j", "scroll('down')", show=False),
        Binding("up,k", "scroll('up')", show=False),
    ]

    def __init__(self, keys: Sequence[tuple[str, str, str]]) -> None:
        super().__init__()
        self._keys = keys

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Help · toetsen"
            body.border_subtitle = "esc sluit"
            yield Static(self._key_table(), id="help-keys")
            yield Static(Text("Markeringen in de notitie", style="bold"), classes="help-heading")
            yield Legend()
            yield Static(Text("Uitgangspunten", style="bold"), classes="help-heading")
            yield Static("\n".join(f"• {line}" for line in PRINCIPLES), id="help-principles")

    def _key_table(self) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for keys, title, text in self._keys:
            table.add_row(keys, Text.assemble((title, "bold"), ": ", text))
        return table

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll(self, direction: str) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        if direction == "down":
            body.scroll_down(animate=False)
        else:
            body.scroll_up(animate=False)
