"""The review screens' keys: the queue's, and the note screen's additions to the coding screen's keys."""

from __future__ import annotations

from textual.binding import Binding

from tui.screens import coding_keys

FILTER = Binding.Group("filter", compact=True)

QUEUE_BINDINGS = [
    Binding("enter", "open_note", "openen"),
    Binding("c", "filter_code", "code", group=FILTER),
    Binding("z", "filter_certainty", "zekerheid", group=FILTER),
    Binding("b", "filter_status", "status", group=FILTER),
    Binding("w", "clear_filters", "wis filters"),
    Binding("s", "stats", "statistiek"),
    Binding("question_mark", "help", "help", key_display="?"),
    Binding("q", "quit", "stop"),
]

# Merged over the coding screen's bindings (a subclass's key wins): t sends back, so the note's full view
# moves to o; q and esc go back to the queue. +, u, n and p are left out of the footer (they are in the help)
# so that r and t fit on an 80-column footer.
NOTE_BINDINGS = [
    Binding("r", "mark_reviewed", "beoordeeld"),
    Binding("t", "send_back", "terugleggen"),
    Binding("plus,slash", "add_code", "code", key_display="+", show=False),
    Binding("u", "undo", "terug", show=False),
    Binding("n", "next_note", "volgende notitie", show=False),
    Binding("p", "previous_note", "vorige notitie", show=False),
    Binding("s", "stats", "statistiek", show=False),
    Binding("o", "toggle_full('#note')", "tekst groot", show=False),
    Binding("q", "back", "lijst"),
    Binding("escape", "normal_size", "terug", show=False),
]

QUEUE_HELP = [
    ("↑ ↓", "Vorige / volgende notitie", "Verplaats de markering in de wachtrij"),
    ("enter", "Openen", "Open de notitie; zij wordt voor u gereserveerd tot u haar verlaat"),
    ("c", "Filter op code", "Typ (een deel van) een code of omschrijving; leeg = alle codes"),
    ("z", "Filter op zekerheid", "Wissel: alle, feit, vermoeden, mening"),
    ("b", "Filter op status", "Wissel: alle, open, beoordeeld, teruggelegd"),
    ("w", "Filters wissen", "Toon weer alle notities"),
    ("s", "Statistiek", "Aangenomen codes per code, zekerheid en maand; kleine aantallen verborgen"),
    ("?", "Help", "Deze lijst"),
    ("q", "Stoppen", "Sluit casecoder; beslissingen zijn al vastgelegd"),
]

_NOT_IN_REVIEW = {"quit", "toggle_full('#note')"}


def note_key_help() -> list[tuple[str, str, str]]:
    """The coding screen's keys as they are in review, then the review keys."""
    rows = [row for row in coding_keys.key_help() if row[0] not in ("q", "t")]
    return rows + [
        ("o", "Tekst groot", "Toon de notitie over het hele scherm (nogmaals o: terug)"),
        ("r", "Beoordeeld", "Markeer de notitie als beoordeeld en open de volgende open notitie"),
        ("t", "Terugleggen", "Stuur de notitie terug naar de schrijver, met een korte reden"),
        ("s", "Statistiek", "Aangenomen codes per code, zekerheid en maand"),
        ("q  esc", "Wachtrij", "Terug naar de wachtrij; de notitie wordt weer vrijgegeven"),
    ]


def note_palette_entries() -> list[tuple[str, str, str]]:
    entries = [e for e in coding_keys.palette_entries() if e[2] not in _NOT_IN_REVIEW]
    return entries + [
        ("Beoordeeld (r)", "Markeer de notitie als beoordeeld", "mark_reviewed"),
        ("Terugleggen (t)", "Stuur de notitie terug naar de schrijver, met een reden", "send_back"),
        ("Tekst groot (o)", "Toon de notitie over het hele scherm", "toggle_full('#note')"),
        ("Statistiek (s)", "Aangenomen codes per code, zekerheid en maand", "stats"),
        ("Wachtrij (q)", "Terug naar de wachtrij", "back"),
    ]
