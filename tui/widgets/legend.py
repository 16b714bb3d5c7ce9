"""One line that explains the marks in the note text, drawn in the same styles (see app.tcss)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from tui.labels import TRIGGER_KIND_LABELS

LEGEND_ITEMS = (("evidence", "bewijs"), *TRIGGER_KIND_LABELS.items())


class Legend(Static):
    COMPONENT_CLASSES = {f"legend--{kind}" for kind, _ in LEGEND_ITEMS}

    def on_mount(self) -> None:
        self.update(self.legend_text())

    def legend_text(self) -> Text:
        text = Text()
        for n, (kind, label) in enumerate(LEGEND_ITEMS):
            if n:
                text.append("  ")
            text.append(label, self.get_component_rich_style(f"legend--{kind}"))
        return text
