"""Why a suggestion is there: its rule, evidence and trigger words, the code's definition and source, and what
an acceptance would record (or did record)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from coder.decision import Reviewer
from coder.model import Note, Span, Suggestion, Trigger
from tui.choices import Candidate, Choice, considered_reason
from tui.describe import code_title, considered_text, local_time, qualifier_summary, span_position
from tui.labels import QUALIFIER_LABELS, system_label, value_label


@dataclass(frozen=True)
class RecordContext:
    """What, besides the suggestion, goes into an accepted record."""

    note: Note
    reviewer: Reviewer | None
    engine_version: str | None


def heading(text: str) -> Content:
    return Content.styled(text, "bold $text-accent")


def quote(text: str) -> str:
    return "“" + " ".join(text.split()) + "”"


def evidence_lines(spans: Iterable[Span]) -> list[Content]:
    lines = [
        Content.assemble("  ", (quote(s.text), "bold"), f"  ({span_position(s.start, s.end)})") for s in spans
    ]
    return lines or [Content.styled("  geen (handmatig toegevoegd)", "italic")]


def trigger_lines(triggers: Iterable[Trigger]) -> list[Content]:
    lines = [
        Content.assemble(
            "  ",
            (quote(t.span.text), "bold"),
            f" → {QUALIFIER_LABELS.get(t.qualifier, t.qualifier)}: {value_label(t.qualifier, t.value)}",
        )
        for t in triggers
    ]
    return lines or [
        Content.styled("  geen: gewone uitspraak in de eigen woorden van de schrijver", "italic")
    ]


def concept_lines(suggestion: Suggestion) -> list[Content]:
    from terminology.codesystems import load_code_systems  # cached after the first call

    concept = load_code_systems().get(suggestion.system, suggestion.code)
    if concept is None:
        return [heading("Definitie"), Content.styled("  niet in de meegeleverde terminologie", "italic")]
    lines = [heading("Definitie"), Content("  " + (concept.definition or "geen definitie opgegeven"))]
    if concept.display_en and concept.display_en != suggestion.display:
        lines.append(Content(f"  Engels: {concept.display_en}"))
    lines += [heading("Bron van de code"), Content("  " + (concept.source or "onbekend"))]
    return lines


def code_with_value(suggestion: Suggestion) -> str:
    return f"{suggestion.code} = {suggestion.value}" if suggestion.value else suggestion.code


def person_label(who: Reviewer) -> str:
    return f"{who.name} ({who.role}, {who.registration or 'geen registratie'})"


def record_lines(suggestion: Suggestion, choice: Choice, context: RecordContext) -> list[Content]:
    decision = choice.decision
    if choice.state == "rejected":
        return [heading("Afgewezen"), Content("  Er wordt niets over deze suggestie bewaard.")]
    if decision is not None:
        positions = ", ".join(span_position(s.start, s.end) for s in decision.evidence) or "geen"
        summary = qualifier_summary(suggestion.qualifiers, decision.certainty)
        return [
            heading("Vastgelegd"),
            Content(f"  {code_with_value(suggestion)} · {summary}"),
            Content(f"  notitie {decision.note_id} · cliënt {decision.client_id or 'onbekend'}"),
            Content(f"  bewijs {positions}, met de woorden zelf"),
            Content(f"  door {person_label(decision.accepted_by)} op {local_time(decision.accepted_at)}"),
            Content(f"  {decision.engine_version}"),
            Content.styled("  Ongedaan maken (u) markeert dit als foutief; er wordt niets gewist.", "italic"),
        ]
    q = suggestion.qualifiers
    note = context.note
    person = (
        "nog onbekend (naam wordt gevraagd)" if context.reviewer is None else person_label(context.reviewer)
    )
    positions = ", ".join(span_position(s.start, s.end) for s in suggestion.evidence) or "geen"
    return [
        heading("Bij aannemen (a) wordt vastgelegd"),
        Content(f"  {code_with_value(suggestion)} · {qualifier_summary(q)}"),
        Content(f"  bron: {value_label('source', q.source)} · regel {suggestion.rule}"),
        Content(f"  notitie {note.id} · cliënt {note.client or 'onbekend'}"),
        Content(f"  bewijs {positions}, met de woorden zelf"),
        Content(f"  door {person}, met tijdstip"),
        Content(f"  {context.engine_version or 'engine wordt geladen'}"),
        Content.styled("  De rest van de notitie wordt niet bewaard.", "italic"),
    ]


def why_content(candidate: Candidate, choice: Choice, context: RecordContext) -> Content:
    suggestion = candidate.suggestion
    if suggestion is None:
        assert candidate.considered is not None
        finding = candidate.considered.finding
        lines = [
            Content.styled("Overwogen, geen code voorgesteld", "bold"),
            Content(considered_text(candidate)),
            Content(f"  begrip: {finding.concept} · {qualifier_summary(finding.qualifiers)}"),
            heading("Bewijs"),
            *evidence_lines([finding.evidence]),
            heading("Contextwoorden"),
            *trigger_lines(finding.triggers),
        ]
        return Content("\n").join(lines)
    lines = [
        Content.styled(code_title(suggestion), "bold"),
        Content(f"{system_label(suggestion.system)} · regel {suggestion.rule}"),
    ]
    if candidate.kind == "considered":
        lines.append(Content.styled(f"Overwogen, niet voorgesteld: {considered_reason(suggestion)}.", "bold"))
    lines += [
        Content(suggestion.why),
        heading("Bewijs"),
        *evidence_lines(suggestion.evidence),
        heading("Contextwoorden"),
        *trigger_lines(suggestion.triggers),
        *concept_lines(suggestion),
    ]
    if candidate.decidable:
        lines += record_lines(suggestion, choice, context)
    else:
        lines.append(Content.styled("Wilt u dit toch vastleggen? Voeg de code zelf toe met +.", "italic"))
    return Content("\n").join(lines)


class WhyPanel(VerticalScroll):
    """Focusable with tab, so a long explanation can be scrolled with the arrow keys."""

    ALLOW_MAXIMIZE = True

    def compose(self):
        yield Static("", id="why-text")

    def show(self, candidate: Candidate, choice: Choice, context: RecordContext) -> None:
        self.query_one("#why-text", Static).update(why_content(candidate, choice, context))
        self.scroll_home(animate=False)

    def show_message(self, message: str) -> None:
        self.query_one("#why-text", Static).update(Content.styled(message, "italic"))
