"""Asked once, when the command line, environment and config file do not say who is coding."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from tui.settings import SettingsError, UserSettings, with_answers

ROLE_OPTIONS = [
    ("professional (auteur van de notitie)", "professional"),
    ("registratiemedewerker", "registratie"),
]


class IdentityScreen(ModalScreen[UserSettings | None]):
    """Name, registration (SKJ or BIG) and role, recorded with every accepted code."""

    BINDINGS = [Binding("escape", "cancel", "later")]

    def __init__(self, settings: UserSettings) -> None:
        super().__init__()
        self._settings = settings

    def compose(self) -> ComposeResult:
        with Vertical(id="identity-form") as form:
            form.border_title = "Wie codeert?"
            yield Static(
                "Bij elke aangenomen code wordt vastgelegd wie die aannam. "
                "Dit wordt één keer gevraagd en bewaard in uw instellingen.",
                id="identity-intro",
            )
            yield Label("Naam")
            yield Input(
                self._settings.name or "", placeholder="Voor- en achternaam", id="identity-name", compact=True
            )
            yield Label("Registratie (SKJ of BIG)")
            yield Input(
                self._settings.registration or "",
                placeholder="skj:12345678 of big:19012345678",
                id="identity-reg",
                compact=True,
            )
            yield Label("Rol")
            yield Select(
                ROLE_OPTIONS, value=self._settings.role, allow_blank=False, id="identity-role", compact=True
            )
            yield Static("", id="identity-error")
            with Horizontal(id="identity-buttons"):
                yield Button("Opslaan", variant="primary", id="identity-save", compact=True)
                yield Button("Later", id="identity-later", compact=True)

    def on_mount(self) -> None:
        first_empty = "#identity-reg" if self._settings.name else "#identity-name"
        self.query_one(first_empty, Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "identity-name":
            self.query_one("#identity-reg", Input).focus()
        else:
            self._save()

    @on(Button.Pressed, "#identity-save")
    def _save(self) -> None:
        role = self.query_one("#identity-role", Select).value
        try:
            settings = with_answers(
                self._settings,
                self.query_one("#identity-name", Input).value,
                self.query_one("#identity-reg", Input).value,
                str(role),
            )
        except SettingsError as err:
            self.query_one("#identity-error", Static).update(str(err))
            return
        if not settings.complete:
            self.query_one("#identity-error", Static).update(
                "Een professional vult een SKJ- of BIG-nummer in."
            )
            return
        self.dismiss(settings)

    @on(Button.Pressed, "#identity-later")
    def action_cancel(self) -> None:
        self.dismiss(None)
