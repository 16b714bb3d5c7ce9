"""Codebook rules (codebook.json): which concepts about the client become which codes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from terminology.data_files import load_json


@dataclass(frozen=True)
class CodebookRule:
    id: str
    concepts: frozenset[str]
    codes: tuple[str, ...]  # short codes: "icpc:Z16.01", "sct:397940009", "vp:ja"
    why: str  # one Dutch sentence; "{evidence}" is replaced by the quoted evidence
    dependency: bool | None = None
    max_certainty: str | None = None
    seen_confirms: bool = False  # the writer's own observation lifts the cap (neglect seen is neglect)

    def fits(self, concept: str, dependency: bool | None) -> bool:
        if concept not in self.concepts:
            return False
        return self.dependency is None or self.dependency == dependency


@dataclass(frozen=True)
class Codebook:
    version: str
    rules: tuple[CodebookRule, ...]

    def rule_for(self, concept: str, dependency: bool | None = None) -> CodebookRule | None:
        return next((r for r in self.rules if r.fits(concept, dependency)), None)


def parse_codebook(data: Mapping[str, Any]) -> Codebook:
    rules = tuple(
        CodebookRule(
            id=entry["id"],
            concepts=frozenset(entry["concepts"]),
            codes=tuple(entry["codes"]),
            why=entry["why"],
            dependency=entry.get("dependency"),
            max_certainty=entry.get("max_certainty"),
            seen_confirms=bool(entry.get("seen_confirms")),
        )
        for entry in data["rules"]
    )
    return Codebook(version=str(data["version"]), rules=rules)


@lru_cache(maxsize=1)
def load_codebook() -> Codebook:
    return parse_codebook(load_json("codebook.json"))
