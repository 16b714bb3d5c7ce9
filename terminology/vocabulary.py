"""The Dutch vocabulary: words and concrete event phrases, each mapped to a concept (vocabulary.json)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from terminology.data_files import load_json
from terminology.normalize import normalize_word
from terminology.patterns import Pattern, compile_pattern, expand_plain

FORMS = ("verb", "participle", "noun", "received")


@dataclass(frozen=True)
class Term:
    concept: str
    form: str  # verb | participle | noun | received: tells the engine how to find who did what to whom
    pattern: Pattern


@dataclass(frozen=True)
class Concept:
    id: str
    label: str
    kind: str  # act | sign | placement | safety_plan
    sexual: bool
    witness: bool
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class Vocabulary:
    version: str
    concepts: Mapping[str, Concept]
    # phrases that are not findings ("deuren slaan", "Centrum Seksueel Geweld")
    exclusions: tuple[Pattern, ...] = ()
    # real words that are never read as a typo of a vocabulary word ("ondergoed" is not "ondervoed")
    known_words: frozenset[str] = frozenset()

    @property
    def terms(self) -> tuple[Term, ...]:
        return tuple(t for c in self.concepts.values() for t in c.terms)

    def phrases_by_concept(self) -> dict[str, list[str]]:
        """Plain phrases per concept: the same vocabulary for tools that only take word lists."""
        return {
            cid: sorted({p for t in c.terms for p in expand_plain(t.pattern)})
            for cid, c in self.concepts.items()
        }


def parse_vocabulary(data: Mapping[str, Any]) -> Vocabulary:
    concepts = {}
    for cid, entry in data["concepts"].items():
        terms = tuple(
            Term(concept=cid, form=form, pattern=compile_pattern(text))
            for form in FORMS
            for text in entry.get(form, ())
        )
        concepts[cid] = Concept(
            id=cid,
            label=entry["label"],
            kind=entry["kind"],
            sexual=bool(entry.get("sexual", False)),
            witness=bool(entry.get("witness", False)),
            terms=terms,
        )
    exclusions = tuple(compile_pattern(text) for text in data.get("exclusions", ()))
    known = frozenset(normalize_word(w) for w in data.get("known_words", ()))
    return Vocabulary(
        version=str(data["version"]),
        concepts=MappingProxyType(concepts),
        exclusions=exclusions,
        known_words=known,
    )


@lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    return parse_vocabulary(load_json("vocabulary.json"))
