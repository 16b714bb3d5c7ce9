"""A fake engine with hand-made analyses, notes to show, and helpers to drive the app in tests."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

from coder.model import (
    Analysis,
    Considered,
    Finding,
    Note,
    Qualifiers,
    ReadError,
    Span,
    Suggestion,
    Trigger,
)
from coder.store import open_store
from tui.app import CaseCoderApp
from tui.screens.coding import CodingScreen
from tui.settings import UserSettings

ICPC = "http://hl7.org/fhir/sid/icpc-1-nl"
SNOMED = "http://snomed.info/sct"
CASECODER = "https://w3id.org/casecoder/CodeSystem/casecoder"

TEXT_ABUSE = (
    "Er bestaat een vermoeden van lichamelijke mishandeling door moeder; de juf zag striemen op de benen van "
    "Tim. Er zijn geen aanwijzingen voor verwaarlozing. Moeder is zelf als kind mishandeld."
)
TEXT_PLAN = (
    "Samen met ouders en de buurvrouw is een veiligheidsplan gemaakt; bij escalatie gaan de kinderen weg."
)
TEXT_PLAIN = "Gesprek met moeder over de schoolkeuze van Sanne. Volgende afspraak over twee weken."

NOTES = (
    Note("N1", TEXT_ABUSE, {"client": "C-17", "date": "2026-03-02"}, origin="notes.jsonl", line=1),
    Note("N2", TEXT_PLAN, {"client": "C-18"}, origin="notes.jsonl", line=2),
    Note("N3", TEXT_PLAIN, {}, origin="notes.jsonl", line=3),
)

TEST_USER = UserSettings(name="Test Tester", registration="skj:12345678", role="professional")


def span(text: str, words: str, after: int = 0) -> Span:
    start = text.index(words, after)
    return Span(start, start + len(words), words)


def trigger(text: str, words: str, qualifier: str, value: str) -> Trigger:
    return Trigger(span(text, words), qualifier, value)


def analyse_abuse(note: Note) -> Analysis:
    t = note.text
    suspected = Qualifiers(certainty="vermoeden", source="third_party")
    evidence = (span(t, "lichamelijke mishandeling"), span(t, "striemen"))
    triggers = (
        trigger(t, "vermoeden", "certainty", "vermoeden"),
        trigger(t, "de juf zag", "source", "third_party"),
    )
    why = "Lichamelijke mishandeling van de cliënt wordt vermoed; de juf zag striemen."
    absent = Qualifiers(polarity="absent")
    family = Finding(
        "lichamelijke_mishandeling",
        span(t, "mishandeld", t.index("Moeder is zelf")),
        Qualifiers(experiencer="family", temporality="historical"),
        (
            trigger(t, "Moeder is zelf", "experiencer", "family"),
            trigger(t, "als kind", "temporality", "historical"),
        ),
    )
    return Analysis(
        note,
        (
            Suggestion(
                ICPC,
                "Z16.01",
                "Mishandeling/seksueel misbruik van kind",
                suspected,
                evidence,
                triggers,
                "abuse.physical",
                why,
            ),
            Suggestion(
                SNOMED,
                "397940009",
                "slachtoffer van kindermishandeling",
                suspected,
                evidence,
                triggers,
                "abuse.physical",
                why,
            ),
            Suggestion(
                ICPC,
                "Z16.02",
                "Verwaarlozing van kind",
                absent,
                (span(t, "verwaarlozing"),),
                (trigger(t, "geen aanwijzingen voor", "polarity", "absent"),),
                "neglect",
                "De notitie zegt dat er geen aanwijzingen voor verwaarlozing zijn.",
            ),
        ),
        (Considered(family, "gaat over een gezinslid, niet over de cliënt"),),
    )


def analyse_plan(note: Note) -> Analysis:
    t = note.text
    return Analysis(
        note,
        (
            Suggestion(
                CASECODER,
                "veiligheidsplan",
                "Veiligheidsplan aanwezig",
                Qualifiers(),
                (span(t, "veiligheidsplan gemaakt"),),
                (),
                "safety_plan.present",
                "Er is een veiligheidsplan gemaakt.",
                value="ja",
            ),
        ),
    )


def analyse_long(note: Note) -> Analysis:
    """Evidence near the end of a long note: the note view must scroll to it."""
    t = note.text
    return Analysis(
        note,
        (
            Suggestion(ICPC, "Z16.01", "Mishandeling/seksueel misbruik van kind", Qualifiers(),
                       (span(t, "striemen"),), (), "abuse.physical", "De schrijver zag striemen."),
        ),
    )  # fmt: skip


LONG_NOTE = Note("LONG", "Verslag van het huisbezoek. " * 150 + "Ik zag striemen op zijn rug.", {})


class FakeEngine:
    """Hand-made analyses by note id; any other note gets no suggestions. Counts its calls."""

    version = "fake-engine 0.0 + terminology test"

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay
        self.analysed: list[str] = []

    def analyse(self, note: Note) -> Analysis:
        self.analysed.append(note.id)
        if note.id == "N1":
            return analyse_abuse(note)
        if note.id == "N2":
            return analyse_plan(note)
        if note.id == "LONG":
            return analyse_long(note)
        if note.id == "BAD":
            raise ValueError("the fake engine cannot read this note")
        return Analysis(note, ())


def make_app(
    db: Path,
    notes: Iterable[Note | ReadError] = NOTES,
    settings: UserSettings = TEST_USER,
    engine_factory: Callable[[], object] | None = None,
    settings_path: Path | None = None,
) -> CaseCoderApp:
    items = tuple(notes)
    return CaseCoderApp(
        note_source=lambda: iter(items),
        engine_factory=engine_factory or FakeEngine,
        store_opener=lambda: open_store(db),
        settings=settings,
        settings_path=settings_path,
    )


async def until(pilot, condition: Callable[[], bool], timeout: float = 5.0) -> None:
    """Let the app run until `condition()` holds (workers finish, messages arrive)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        await pilot.pause(0.01)


def coding_screen(app: CaseCoderApp) -> CodingScreen:
    return next(s for s in app.screen_stack if isinstance(s, CodingScreen))


async def ready(pilot) -> CodingScreen:
    """Wait until the first note shows its suggestions."""
    screen = coding_screen(pilot.app)
    await until(pilot, lambda: screen.choices is not None)
    await pilot.pause()
    return screen
