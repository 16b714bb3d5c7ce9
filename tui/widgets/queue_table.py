"""The review queue as a table: one row per note, keyed by the note's index in the input."""

from __future__ import annotations

from collections.abc import Sequence

from textual.widgets import DataTable

from tui.widgets.queue_row import QueueRow

# The status goes last: with the reason a note was sent back it is the widest.
COLUMNS = (
    ("note", "notitie"),
    ("date", "datum"),
    ("count", "sugg."),
    ("holder", "in behandeling bij"),
    ("status", "status"),
)


def cells(row: QueueRow) -> tuple[str, ...]:
    """The row's values in the order of COLUMNS."""
    return (row.note_id, row.date or "", row.suggestions_label, row.holder_name, row.status_label)


class QueueTable(DataTable):
    """Enter on a row posts DataTable.RowSelected; the highlight stays on the same note across updates."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self._shown: list[QueueRow] = []

    def on_mount(self) -> None:
        for key, label in COLUMNS:
            self.add_column(label, key=key)

    def show(self, rows: Sequence[QueueRow]) -> None:
        """Show these rows; keep the highlight on the note it was on, if that note is still shown. The same
        notes as before only have their changed cells updated (analyses arrive one by one)."""
        if [row.index for row in rows] == [row.index for row in self._shown]:
            for old, new in zip(self._shown, rows, strict=True):
                if old != new:
                    for (key, _label), value in zip(COLUMNS, cells(new), strict=True):
                        self.update_cell(str(new.index), key, value, update_width=True)
            self._shown = list(rows)
            return
        keep = self.highlighted_index
        self.clear()
        for row in rows:
            self.add_row(*cells(row), key=str(row.index))
        self._shown = list(rows)
        indexes = [row.index for row in rows]
        if keep in indexes:
            self.move_cursor(row=indexes.index(keep), animate=False)

    @property
    def highlighted_index(self) -> int | None:
        """The input index of the highlighted note, or None when the table is empty."""
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        return None if key.value is None else int(key.value)
