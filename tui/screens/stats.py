"""The statistics screen: accepted codes per code, certainty and month, small counts suppressed (coder.stats).

It reads the app's store (`app.store`) unless given one, so any casecoder app can show it.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

DEFAULT_MIN_CELL = 10


class StatsScreen(Screen[None]):
    BINDINGS = [
        Binding("escape,q,s", "close", "terug", key_display="esc"),
        Binding("down,j", "scroll('down')", show=False),
        Binding("up,k", "scroll('up')", show=False),
    ]

    def __init__(self, store: Any = None, min_cell: int = DEFAULT_MIN_CELL) -> None:
        super().__init__()
        self._store = store
        self.min_cell = min_cell

    def compose(self) -> ComposeResult:
        yield Static(
            f"Statistiek · aangenomen codes per maand · aantallen onder {self.min_cell} verborgen",
            id="stats-header",
        )
        with VerticalScroll(id="stats-body"):
            yield Static("", id="stats-table")
            yield Static("", id="stats-chart")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#stats-body").focus()
        self.query_one("#stats-table", Static).update(Text(self.table_text()))
        self.query_one("#stats-chart", Static).update(Text(self.chart_text))

    def table_text(self) -> str:
        """The table; also fills `chart_text` (one read of the store for both)."""
        from coder.stats import count_codes, render_chart, render_table
        from coder.store.errors import StoreError

        self.chart_text = ""
        store = self._store if self._store is not None else getattr(self.app, "store", None)
        if store is None:
            return "De opslag is nog niet open; probeer het zo nog eens."
        try:
            data = count_codes(store.decisions(status="accepted"))
        except StoreError as err:
            return f"Statistiek niet beschikbaar: {err}"
        if not data.series:
            return "Nog geen aangenomen codes."
        self.chart_text = "\n" + render_chart(data, self.min_cell, width=30)
        return render_table(data, self.min_cell)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll(self, direction: str) -> None:
        body = self.query_one("#stats-body", VerticalScroll)
        if direction == "down":
            body.scroll_down(animate=False)
        else:
            body.scroll_up(animate=False)
