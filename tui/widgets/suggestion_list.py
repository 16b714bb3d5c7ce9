"""The list of a note's suggestions with their qualifiers and decision state, then what was considered."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.choices import Candidate, NoteChoices, considered_reason
from tui.describe import (
    STATE_MARKERS,
    code_title,
    considered_text,
    qualifier_summary,
    shown_certainty,
    state_label,
)

CONSIDERED_HEADER = "overwogen, niet voorgesteld"
STATE_STYLES = {"not-coded": "$text-muted", "accepted": "bold $text-success", "rejected": "$text-error"}


def candidate_prompt(candidate: Candidate, choices: NoteChoices) -> Content:
    choice = choices.choice(candidate.key)
    suggestion = candidate.suggestion
    if suggestion is None:
        return Content.assemble(("- ", "$text-muted"), (considered_text(candidate), "italic"))
    if candidate.kind == "considered":  # shown to explain; it has no decision state
        title = Content.assemble(("- ", "$text-muted"), code_title(suggestion))
    else:
        marker = STATE_MARKERS[choice.state]
        title = Content.assemble((f"{marker} ", STATE_STYLES[choice.state]), (code_title(suggestion), "bold"))
    summary = Content("  " + qualifier_summary(suggestion.qualifiers, shown_certainty(candidate, choice)))
    if candidate.kind == "manual":
        summary = summary + Content.styled(" · handmatig", "$text-muted")
    lines = [title, summary]
    if candidate.kind == "considered":
        lines.append(Content.styled(f"  {considered_reason(suggestion)}", "italic"))
    elif choice.state != "not-coded":
        lines.append(Content.styled(f"  {state_label(choice)}", STATE_STYLES[choice.state]))
    return Content("\n").join(lines)


STATE_LEGEND = "○ = niet gecodeerd"


class SuggestionList(OptionList):
    """Options are keyed by candidate key. Headers and empty-state lines are disabled options."""

    def show(self, choices: NoteChoices, highlight: str | None = None) -> None:
        """Rebuild the list; keep the highlight on `highlight` (or the first suggestion) if it is there."""
        candidates = choices.candidates()
        proposed = [c for c in candidates if c.proposed]
        considered = [c for c in candidates if not c.proposed]
        options: list[Option | None] = [Option(candidate_prompt(c, choices), id=c.key) for c in proposed]
        if not proposed:
            options.append(
                Option(Content.styled("Geen suggesties voor deze notitie.", "italic"), disabled=True)
            )
        if considered:
            options.append(Option(Content.styled(CONSIDERED_HEADER, "bold $text-muted"), disabled=True))
            options.extend(Option(candidate_prompt(c, choices), id=c.key) for c in considered)
        self.set_options(options)
        keys = [c.key for c in candidates]
        target = highlight if highlight in keys else (proposed[0].key if proposed else None)
        if target is not None:
            self.highlighted = self.get_option_index(target)
        else:
            self.highlighted = None

    def show_message(self, message: str) -> None:
        self.set_options([Option(Content.styled(message, "italic"), disabled=True)])

    @property
    def highlighted_key(self) -> str | None:
        option = self.highlighted_option
        return None if option is None or option.disabled else option.id

    def refresh_candidate(self, candidate: Candidate, choices: NoteChoices) -> None:
        self.replace_option_prompt(candidate.key, candidate_prompt(candidate, choices))
