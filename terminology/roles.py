"""Who is who in a note (roles.json): word lists for the client, parents, other adults, peers, reporters."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from terminology.data_files import load_json
from terminology.normalize import normalize_word

PERSON_ROLES = ("client", "caregiver", "family_adult", "authority", "peer", "stranger", "animal")


@dataclass(frozen=True)
class RoleLexicon:
    version: str
    person_role: Mapping[str, str]  # word -> first role in PERSON_ROLES order (single words only)
    third_party: frozenset[str]
    professional: frozenset[str]
    client_subject_pronouns: frozenset[str]
    possessives: frozenset[str]
    agent_markers: frozenset[str]
    victim_markers: frozenset[str]
    passive_auxiliaries: frozenset[str]
    clause_breaks: frozenset[str]
    not_names: frozenset[str]
    experience_words: frozenset[str] = frozenset()
    observers: frozenset[str] = frozenset()
    role_suffixes: tuple[tuple[str, str], ...] = ()  # (suffix, role), longest suffix first

    def role_of(self, norm: str) -> str | None:
        role = self.person_role.get(norm)
        if role is None and len(norm) > 6:
            role = next(
                (r for suffix, r in self.role_suffixes if norm.endswith(suffix) and norm != suffix), None
            )
        return role


def _words(data: Mapping[str, Any], key: str) -> frozenset[str]:
    return frozenset(normalize_word(w) for w in data.get(key, ()) if " " not in w)


def parse_roles(data: Mapping[str, Any]) -> RoleLexicon:
    person_role: dict[str, str] = {}
    for role in PERSON_ROLES:
        for word in _words(data, role):
            person_role.setdefault(word, role)
    return RoleLexicon(
        version=str(data["version"]),
        person_role=MappingProxyType(person_role),
        third_party=_words(data, "third_party"),
        professional=_words(data, "professional"),
        client_subject_pronouns=_words(data, "client_subject_pronouns"),
        possessives=_words(data, "possessives"),
        agent_markers=_words(data, "agent_markers"),
        victim_markers=_words(data, "victim_markers"),
        passive_auxiliaries=_words(data, "passive_auxiliaries"),
        clause_breaks=_words(data, "clause_breaks"),
        not_names=_words(data, "not_names"),
        experience_words=_words(data, "experience_words"),
        observers=_words(data, "observers"),
        role_suffixes=tuple(
            sorted(
                (
                    (normalize_word(sfx), role)
                    for role, sfxs in data.get("role_suffixes", {}).items()
                    for sfx in sfxs
                ),
                key=lambda pair: -len(pair[0]),
            )
        ),
    )


@lru_cache(maxsize=1)
def load_roles() -> RoleLexicon:
    return parse_roles(load_json("roles.json"))
