"""Dutch context triggers (triggers.json): the words that make a finding absent, uncertain, past, about
someone else, or reported by someone. Each trigger keeps its phrase so a suggestion can show its words."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from terminology.data_files import load_json
from terminology.normalize import normalize_word
from terminology.patterns import Pattern, compile_pattern

DIRECTIONS = ("forward", "backward", "both")
QUALIFIERS = ("polarity", "certainty", "temporality", "experiencer", "source")


# the yes/no fields of a trigger entry, read the same way: absent means False
FLAGS = (
    "reporter", "reporter_follows", "confirms", "own_history", "benign", "note_wide", "observes",
    "confirms_note", "denies_note", "refutes_note", "continues_past", "past_itself", "children_away",
    "ends_earlier", "contradicts_opinion",
)  # fmt: skip


@dataclass(frozen=True)
class TriggerRule:
    id: str  # position in the file, for tests and messages
    pattern: Pattern
    qualifier: str | None  # None for pseudo triggers
    value: str | None
    direction: str
    max_scope: int | None = None
    only_for: frozenset[str] = frozenset()
    not_for: frozenset[str] = frozenset()
    requires: frozenset[str] = frozenset()
    stops_at: frozenset[str] = frozenset()  # extra words that end this trigger's scope
    reporter: bool = False
    reporter_follows: bool = False
    confirms: bool = False
    own_history: bool = False
    benign: bool = False
    note_wide: bool = False  # also reaches findings in earlier sentences
    note_wide_sentences: int = 0
    observes: bool = False  # a seeing verb: a professional's own observation is a feit
    confirms_note: bool = False  # confirms the findings of the sentence before
    denies_note: bool = False  # 'Moeder ontkent dit.': the plain findings just before become a vermoeden
    refutes_note: bool = False  # 'de zorg bleek ongegrond': every vermoeden in the note becomes absent
    continues_past: bool = False  # 'in die tijd', 'toen': the past the sentence before spoke of
    past_itself: bool = False  # with continues_past: past unless the sentence before was recent ('toen')
    children_away: bool = False  # 'de kinderen logeerden bij oma': they did not witness the violence
    ends_earlier: bool = False  # 'sindsdien woont vader elders': what came just before is past
    contradicts_opinion: bool = (
        False  # 'de kinderen zien er verzorgd uit': an opinion in the note is answered
    )
    pseudo: bool = False
    pseudo_for: frozenset[str] = frozenset()  # "qualifier=value" it hides; empty with pseudo=True: hides all

    @property
    def about_other_sentences(self) -> bool:
        """Weighed over the note (coder/note_level.py), not applied to a finding in its own scope."""
        return (
            self.note_wide
            or self.ends_earlier
            or self.children_away
            or self.continues_past
            or self.contradicts_opinion
        )

    def applies_to(self, concept_id: str, concept_kind: str) -> bool:
        if self.only_for and concept_id not in self.only_for and concept_kind not in self.only_for:
            return False
        return concept_id not in self.not_for and concept_kind not in self.not_for


@dataclass(frozen=True)
class TriggerSet:
    version: str
    rules: tuple[TriggerRule, ...]
    terminators: frozenset[str]


class TriggerDataError(ValueError):
    pass


def _parse_rule(index: int, entry: Mapping[str, Any]) -> list[TriggerRule]:
    direction = entry.get("direction", "both")
    if direction not in DIRECTIONS:
        raise TriggerDataError(f"trigger {index}: direction {direction!r} is not one of {DIRECTIONS}")
    qualifier = value = None
    if "sets" in entry:
        qualifier, _, value = entry["sets"].partition("=")
        if qualifier not in QUALIFIERS or not value:
            raise TriggerDataError(f"trigger {index}: 'sets' must be qualifier=value, got {entry['sets']!r}")
    pseudo = bool(entry.get("pseudo")) or bool(entry.get("pseudo_for"))
    if qualifier is None and not pseudo:
        raise TriggerDataError(f"trigger {index}: needs 'sets' or 'pseudo'")
    common = dict(
        qualifier=qualifier,
        value=value,
        direction=direction,
        max_scope=entry.get("max_scope"),
        only_for=frozenset(entry.get("only_for", ())),
        not_for=frozenset(entry.get("not_for", ())),
        requires=frozenset(normalize_word(w) for w in entry.get("requires", ())),
        stops_at=frozenset(normalize_word(w) for w in entry.get("stops_at", ())),
        note_wide_sentences=int(entry.get("note_wide_sentences", 0)),
        **{flag: bool(entry.get(flag)) for flag in FLAGS},
        pseudo=pseudo,
        pseudo_for=frozenset(entry.get("pseudo_for", ())),
    )
    return [
        TriggerRule(id=f"T{index:02d}.{n}", pattern=compile_pattern(phrase), **common)
        for n, phrase in enumerate(entry["phrases"])
    ]


def parse_triggers(data: Mapping[str, Any]) -> TriggerSet:
    rules: list[TriggerRule] = []
    for index, entry in enumerate(data["triggers"]):
        rules.extend(_parse_rule(index, entry))
    return TriggerSet(
        version=str(data["version"]),
        rules=tuple(rules),
        terminators=frozenset(normalize_word(w) for w in data.get("terminators", ())),
    )


@lru_cache(maxsize=1)
def load_triggers() -> TriggerSet:
    return parse_triggers(load_json("triggers.json"))
