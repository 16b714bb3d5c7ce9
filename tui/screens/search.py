"""Add a code by hand: fuzzy search over the shipped terminology (`+` or `/` on the coding screen)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from coder.model import Qualifiers, Suggestion
from tui.labels import system_label

MANUAL_RULE = "handmatig"
MANUAL_CERTAINTY = "vermoeden"  # the weaker value until the person chooses with f, v or m
RESULT_LIMIT = 30


def manual_suggestion(concept, value: str | None = None) -> Suggestion:
    """A code the person chose: no evidence, no triggers, and nothing stored until they accept it."""
    return Suggestion(
        system=concept.system,
        code=concept.code,
        display=concept.display,
        qualifiers=Qualifiers(certainty=MANUAL_CERTAINTY),
        evidence=(),
        triggers=(),
        rule=MANUAL_RULE,
        why=(
            "Handmatig toegevoegd via zoeken. De zekerheid staat op vermoeden tot u f (feit), v (vermoeden) "
            "of m (mening) kiest."
        ),
        value=value,
    )


def choices_for(concepts) -> list[Suggestion]:
    """One row per codable concept; a yes/no code (veiligheidsplan) gives a row per value."""
    rows = []
    for concept in concepts:
        if concept.kind != "finding":
            continue  # certainty values are qualifiers, not codes for a note
        for value in concept.values or (None,):
            rows.append(manual_suggestion(concept, value))
    return rows


def result_prompt(suggestion: Suggestion) -> Content:
    value = f": {suggestion.value}" if suggestion.value else ""
    return Content.assemble(
        (f"{suggestion.code}{value}", "bold"),
        f"  {suggestion.display}  ",
        (system_label(suggestion.system), "$text-muted"),
    )


class CodeSearchScreen(ModalScreen[Suggestion | None]):
    BINDINGS = [
        Binding("escape", "cancel", "annuleren"),
        Binding("down", "move(1)", "omlaag", show=False),
        Binding("up", "move(-1)", "omhoog", show=False),
        Binding("enter", "choose", "toevoegen", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Suggestion] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="search-dialog") as dialog:
            dialog.border_title = "Code toevoegen"
            dialog.border_subtitle = "enter voegt toe · esc annuleert"
            yield Input(
                placeholder="Zoek op code of omschrijving, bijv. verwaarlozing of Z16", id="search-input"
            )
            yield OptionList(id="search-results")
            yield Static(
                "De code komt als 'niet gecodeerd' in de lijst; neem hem daarna aan met a, f, v of m.",
                id="search-hint",
            )

    def on_mount(self) -> None:
        self.query_one("#search-results", OptionList).can_focus = False
        self.query_one("#search-input", Input).focus()
        self._show("")

    @on(Input.Changed, "#search-input")
    def _query_changed(self, event: Input.Changed) -> None:
        self._show(event.value)

    @on(Input.Submitted, "#search-input")
    def _submitted(self) -> None:
        self.action_choose()

    @on(OptionList.OptionSelected, "#search-results")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._rows[event.option_index])

    def _show(self, query: str) -> None:
        from terminology.codesystems import load_code_systems
        from terminology.search import search

        if query.strip():
            concepts = [hit.concept for hit in search(query, limit=RESULT_LIMIT)]
        else:
            concepts = list(load_code_systems())
        self._rows = choices_for(concepts)
        results = self.query_one("#search-results", OptionList)
        if self._rows:
            results.set_options(Option(result_prompt(row)) for row in self._rows)
            results.highlighted = 0
        else:
            results.set_options([Option(Content.styled("Geen code gevonden.", "italic"), disabled=True)])

    def action_move(self, step: int) -> None:
        results = self.query_one("#search-results", OptionList)
        if self._rows:
            results.highlighted = max(0, min(len(self._rows) - 1, (results.highlighted or 0) + step))

    def action_choose(self) -> None:
        highlighted = self.query_one("#search-results", OptionList).highlighted
        if self._rows and highlighted is not None:
            self.dismiss(self._rows[highlighted])

    def action_cancel(self) -> None:
        self.dismiss(None)
