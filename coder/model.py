"""Values that flow through casecoder. All frozen: a note, what was found in it, what is suggested."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

Polarity = Literal["present", "absent"]
Certainty = Literal["feit", "vermoeden", "mening"]
Temporality = Literal["current", "historical", "future", "hypothetical"]
Experiencer = Literal["client", "family", "other"]
Source = Literal["professional", "client", "parent", "third_party", "unknown"]

POLARITIES: tuple[Polarity, ...] = ("present", "absent")
CERTAINTIES: tuple[Certainty, ...] = ("feit", "vermoeden", "mening")
TEMPORALITIES: tuple[Temporality, ...] = ("current", "historical", "future", "hypothetical")
EXPERIENCERS: tuple[Experiencer, ...] = ("client", "family", "other")
SOURCES: tuple[Source, ...] = ("professional", "client", "parent", "third_party", "unknown")

QUALIFIER_VALUES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "polarity": POLARITIES,
        "certainty": CERTAINTIES,
        "temporality": TEMPORALITIES,
        "experiencer": EXPERIENCERS,
        "source": SOURCES,
    }
)

# Weakest first: when in doubt the engine takes the weaker value, and it never raises one on its own.
CERTAINTY_STRENGTH: Mapping[str, int] = MappingProxyType({"mening": 0, "vermoeden": 1, "feit": 2})


@dataclass(frozen=True)
class Note:
    """One case note as read from the input. `fields` keeps every other column (client, date, author...)."""

    id: str
    text: str
    fields: Mapping[str, Any] = field(default_factory=dict)
    origin: str = ""  # file the note came from, for messages
    line: int | None = None  # 1-based line (jsonl/csv) or None for a whole-file note

    @property
    def client(self) -> str | None:
        value = self.fields.get("client")
        return None if value is None else str(value)

    @property
    def date(self) -> str | None:
        value = self.fields.get("date")
        return None if value is None else str(value)


@dataclass(frozen=True)
class ReadError:
    """A record that could not be read. Reported as one line; the rest of the input is still processed."""

    origin: str
    line: int | None
    message: str
    note_id: str | None = None

    def __str__(self) -> str:
        where = self.origin if self.line is None else f"{self.origin}:{self.line}"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Span:
    """Characters note.text[start:end]."""

    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Trigger:
    """Context words that set one qualifier to a non-default value, e.g. "geen" sets polarity=absent."""

    span: Span
    qualifier: str
    value: str

    @property
    def sets(self) -> str:
        return f"{self.qualifier}={self.value}"

    def to_json(self) -> dict[str, Any]:
        return {**self.span.to_json(), "sets": self.sets}


@dataclass(frozen=True)
class Qualifiers:
    """The context of one finding. Defaults are what a plain statement in the writer's own voice means."""

    polarity: Polarity = "present"
    certainty: Certainty = "feit"
    temporality: Temporality = "current"
    experiencer: Experiencer = "client"
    source: Source = "professional"

    def to_json(self) -> dict[str, str]:
        return {
            "polarity": self.polarity,
            "certainty": self.certainty,
            "temporality": self.temporality,
            "experiencer": self.experiencer,
            "source": self.source,
        }


@dataclass(frozen=True)
class Finding:
    """A concept found in the note (a matched phrase) with the context that qualifies it."""

    concept: str
    evidence: Span
    qualifiers: Qualifiers
    triggers: tuple[Trigger, ...] = ()
    sentence: Span | None = None


@dataclass(frozen=True)
class Suggestion:
    """An optional code for the note, with the evidence and the words that set its qualifiers."""

    system: str
    code: str
    display: str
    qualifiers: Qualifiers
    evidence: tuple[Span, ...]
    triggers: tuple[Trigger, ...]
    rule: str
    why: str
    value: str | None = None

    @property
    def asserted(self) -> bool:
        """Said to be there now or before: what a coder would consider recording."""
        q = self.qualifiers
        return q.polarity == "present" and q.temporality not in ("future", "hypothetical")

    def to_json(self) -> dict[str, Any]:
        return {
            "system": self.system,
            "code": self.code,
            "display": self.display,
            **self.qualifiers.to_json(),
            "value": self.value,
            "evidence": [s.to_json() for s in self.evidence],
            "triggers": [t.to_json() for t in self.triggers],
            "rule": self.rule,
            "why": self.why,
        }


@dataclass(frozen=True)
class Considered:
    """A finding that did not become a suggestion, and why (for the "overwogen" list)."""

    finding: Finding
    reason: str


@dataclass(frozen=True)
class Analysis:
    """Everything the engine says about one note."""

    note: Note
    suggestions: tuple[Suggestion, ...]
    considered: tuple[Considered, ...] = ()
