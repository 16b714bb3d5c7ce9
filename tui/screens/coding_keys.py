"""The coding screen's keys: bindings for the footer, titles for the command palette and the help screen."""

from __future__ import annotations

from textual.binding import Binding

CERTAINTY = Binding.Group("zekerheid", compact=True)
NAVIGATE = Binding.Group("notitie", compact=True)

BINDINGS = [
    Binding("a", "accept", "aannemen"),
    Binding("x", "reject", "afwijzen"),
    Binding("f", "accept_as('feit')", "feit", group=CERTAINTY),
    Binding("v", "accept_as('vermoeden')", "vermoeden", group=CERTAINTY),
    Binding("m", "accept_as('mening')", "mening", group=CERTAINTY),
    Binding("plus,slash", "add_code", "code", key_display="+"),
    Binding("u", "undo", "terug"),
    Binding("n", "next_note", "volgende", group=NAVIGATE),
    Binding("p", "previous_note", "vorige", group=NAVIGATE),
    Binding("question_mark", "help", "help", key_display="?"),
    Binding("q", "quit", "stop"),
    Binding("j", "move(1)", "volgende suggestie", show=False),
    Binding("k", "move(-1)", "vorige suggestie", show=False),
    Binding("w", "toggle_full('#why')", "waarom groot", show=False),
    Binding("t", "toggle_full('#note')", "tekst groot", show=False),
    Binding("escape", "normal_size", "terug", show=False),
    Binding("s", "app.stats", "statistiek", show=False),
]

# Title and help per action, for the command palette and the help screen, in the order they are listed.
ACTION_HELP = {
    "accept": ("Aannemen", "Neem de gemarkeerde suggestie aan zoals getoond; wordt meteen vastgelegd"),
    "reject": ("Afwijzen", "Wijs de suggestie af; er wordt niets bewaard"),
    "accept_as('feit')": ("Aannemen als feit", "Zet de zekerheid op feit en neem aan"),
    "accept_as('vermoeden')": ("Aannemen als vermoeden", "Zet de zekerheid op vermoeden en neem aan"),
    "accept_as('mening')": ("Aannemen als mening", "Zet de zekerheid op mening en neem aan"),
    "add_code": ("Code zoeken en toevoegen", "Voeg zelf een code toe; zoekt in codes en omschrijvingen"),
    "undo": ("Ongedaan maken", "Maak de laatste beslissing bij deze notitie ongedaan"),
    "next_note": ("Volgende notitie", "Open de volgende notitie"),
    "previous_note": ("Vorige notitie", "Open de vorige notitie"),
    "toggle_full('#why')": ("Waarom groot", "Toon de uitleg over het hele scherm (nogmaals w: terug)"),
    "toggle_full('#note')": ("Tekst groot", "Toon de notitie over het hele scherm (nogmaals t: terug)"),
    "help": ("Help", "Toon alle toetsen en de betekenis van de markeringen"),
    "quit": ("Stoppen", "Sluit casecoder; aangenomen codes zijn al vastgelegd"),
    "app.stats": ("Statistiek", "Aangenomen codes per code, zekerheid en maand; kleine aantallen verborgen"),
}

KEY_NAMES = {"plus,slash": "+  /", "question_mark": "?"}


def keys_of(action: str) -> str:
    binding = next(b for b in BINDINGS if b.action == action)
    return KEY_NAMES.get(binding.key, binding.key)


def palette_entries() -> list[tuple[str, str, str]]:
    """(title with its key, help, action) for the command palette: "Aannemen (a)"."""
    return [(f"{title} ({keys_of(action)})", text, action) for action, (title, text) in ACTION_HELP.items()]


def key_help() -> list[tuple[str, str, str]]:
    """(keys, title, help) for the help screen, moving first and the palette last."""
    rows = [("↑ ↓  j k", "Vorige / volgende suggestie", "Verplaats de markering in de lijst")]
    for action, (title, text) in ACTION_HELP.items():
        rows.append((keys_of(action), title, text))
    rows += [
        ("tab", "Ander paneel", "Zet de focus op de uitleg of de tekst; scroll met ↑ ↓"),
        ("esc", "Terug", "Terug naar de lijst (na w of t)"),
        ("ctrl+p", "Opdrachtenpalet", "Zoek een opdracht op naam"),
    ]
    return rows
