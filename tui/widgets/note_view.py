"""The note's text, with the evidence of each suggestion highlighted and its trigger words marked by kind."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.highlight import Mark, first_focus

MARK_KINDS = (
    "evidence",
    "considered",
    "negation",
    "suspicion",
    "history",
    "other-person",
    "source",
    "current",
    "current-trigger",
)


class NoteView(VerticalScroll):
    """Read-only, scrollable note text (tab focuses it, to scroll). Styles: component classes in app.tcss."""

    ALLOW_MAXIMIZE = True
    COMPONENT_CLASSES = {f"note-view--{kind}" for kind in MARK_KINDS}

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._plain = ""

    def compose(self):
        yield Static("", id="note-text")

    def show_message(self, message: str) -> None:
        self._plain = ""
        self.query_one("#note-text", Static).update(Text(message, style="italic"))

    def show(self, text: str, marks: Sequence[Mark], scroll: bool = True) -> None:
        if text != self._plain:
            self.scroll_home(animate=False)  # another note: start at its top
        self._plain = text
        rendered = Text(text)
        for mark in marks:
            rendered.stylize(self.get_component_rich_style(f"note-view--{mark.kind}"), mark.start, mark.end)
        self.query_one("#note-text", Static).update(rendered)
        focus = first_focus(marks)
        if scroll:
            self.call_after_refresh(self._scroll_to_offset, focus or 0)

    def _scroll_to_offset(self, offset: int) -> None:
        """If the line holding `offset` is out of view, scroll so it sits in the upper third of the view."""
        region = self.scrollable_content_region
        if region.width <= 0 or not self._plain:
            return
        prefix = Text(self._plain[:offset])
        line = max(0, len(prefix.wrap(self.app.console, region.width)) - 1)
        if not self.scroll_y <= line < self.scroll_y + region.height:
            self.scroll_to(y=max(0, line - region.height // 3), animate=False)
