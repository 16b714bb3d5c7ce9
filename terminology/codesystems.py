"""The three FHIR-style CodeSystems casecoder ships, loaded once from package resources.

`load_code_systems()` gives a `CodeSystems` to look concepts up and walk their is-a hierarchy. Short codes as
in the gold files ("icpc:Z16.01", "sct:397940009", "vp:ja") are read and written by `from_short`, `to_short`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

SYSTEM_ICPC = "http://hl7.org/fhir/sid/icpc-1-nl"
SYSTEM_SNOMED = "http://snomed.info/sct"
SYSTEM_CASECODER = "https://w3id.org/casecoder/CodeSystem/casecoder"

DATA_FILES: tuple[str, ...] = ("icpc-1-nl.json", "snomed-ct.json", "casecoder.json")

# Short prefix -> system URI. "vp" is not a system: it is the project code `veiligheidsplan` with its value.
SHORT_PREFIXES: Mapping[str, str] = MappingProxyType(
    {"icpc": SYSTEM_ICPC, "sct": SYSTEM_SNOMED, "casecoder": SYSTEM_CASECODER}
)
_SYSTEM_ALIASES: Mapping[str, str] = MappingProxyType(
    {**SHORT_PREFIXES, "icpc-1-nl": SYSTEM_ICPC, "snomed": SYSTEM_SNOMED, "snomed-ct": SYSTEM_SNOMED}
)
SAFETY_PLAN_CODE = "veiligheidsplan"
SAFETY_PLAN_PREFIX = "vp"
SAFETY_PLAN_VALUES: tuple[str, ...] = ("ja", "nee")


@dataclass(frozen=True)
class CodeConcept:
    """One concept of a shipped code system. `display` is Dutch when a verified Dutch label exists."""

    system: str
    code: str
    display: str
    display_en: str | None
    definition: str
    source: str  # where codes.md says the code and label were seen
    parent: str | None = None
    display_language: str = "nl"
    source_count: int | None = None  # independent public sources; None for project codes
    kind: str = "finding"  # "finding" or "qualifier" (a certainty value)
    values: tuple[str, ...] = ()  # allowed values of a yes/no project code (veiligheidsplan)

    @property
    def short(self) -> str:
        """The short code without a value, e.g. "icpc:Z16.01"."""
        return to_short(self.system, self.code)


@dataclass(frozen=True)
class CodeSystemInfo:
    """The header of one CodeSystem file."""

    id: str
    url: str
    name: str
    title: str
    version: str
    content: str
    description: str


class CodeSystems:
    """All shipped concepts, looked up by (system, code). Systems may be given as URI or short prefix."""

    def __init__(self, systems: Iterable[CodeSystemInfo], concepts: Iterable[CodeConcept]) -> None:
        self._systems = {info.url: info for info in systems}
        self._concepts: dict[tuple[str, str], CodeConcept] = {}
        self._children: dict[tuple[str, str], list[CodeConcept]] = {}
        for concept in concepts:
            self._concepts[(concept.system, concept.code)] = concept
        for concept in self._concepts.values():
            if concept.parent is not None:
                if (concept.system, concept.parent) not in self._concepts:
                    raise ValueError(f"concept {concept.code} has unknown parent {concept.parent}")
                self._children.setdefault((concept.system, concept.parent), []).append(concept)

    @property
    def systems(self) -> Mapping[str, CodeSystemInfo]:
        return MappingProxyType(self._systems)

    @property
    def version(self) -> str:
        """All systems' versions in one string: "icpc-1-nl:2026.11.0+snomed-ct:2026.11.0+casecoder:..."."""
        return "+".join(f"{info.id}:{info.version}" for info in self._systems.values())

    def get(self, system: str, code: str) -> CodeConcept | None:
        return self._concepts.get((_system_key(system), code))

    def __contains__(self, key: object) -> bool:
        return isinstance(key, tuple) and len(key) == 2 and self.get(*key) is not None

    def __iter__(self) -> Iterator[CodeConcept]:
        return iter(self._concepts.values())

    def __len__(self) -> int:
        return len(self._concepts)

    def all(self, system: str | None = None) -> tuple[CodeConcept, ...]:
        """Every concept in file order, or those of one system."""
        if system is None:
            return tuple(self._concepts.values())
        url = resolve_system(system)
        return tuple(c for c in self._concepts.values() if c.system == url)

    def parent_of(self, system: str, code: str) -> CodeConcept | None:
        concept = self.get(system, code)
        if concept is None or concept.parent is None:
            return None
        return self.get(concept.system, concept.parent)

    def children_of(self, system: str, code: str) -> tuple[CodeConcept, ...]:
        return tuple(self._children.get((_system_key(system), code), ()))

    def ancestors(self, system: str, code: str) -> tuple[CodeConcept, ...]:
        """Parent, grandparent, ... (nearest first); empty for a root or an unknown code."""
        chain: list[CodeConcept] = []
        parent = self.parent_of(system, code)
        while parent is not None and parent not in chain:
            chain.append(parent)
            parent = self.parent_of(parent.system, parent.code)
        return tuple(chain)


@cache
def load_code_systems() -> CodeSystems:
    """The shipped code systems, read once per process from `terminology/data`."""
    data = resources.files("terminology").joinpath("data")
    documents = []
    for name in DATA_FILES:
        try:
            documents.append((name, json.loads(data.joinpath(name).read_text(encoding="utf-8"))))
        except (OSError, json.JSONDecodeError) as error:
            raise ValueError(f"terminology/data/{name}: cannot read code system: {error}") from error
    return code_systems_from_documents(documents)


def code_systems_from_documents(documents: Iterable[tuple[str, Mapping[str, Any]]]) -> CodeSystems:
    """Build `CodeSystems` from (file name, CodeSystem JSON) pairs; a bad file raises one clear ValueError."""
    infos: list[CodeSystemInfo] = []
    concepts: list[CodeConcept] = []
    for name, document in documents:
        try:
            if document.get("resourceType") != "CodeSystem":
                raise ValueError("resourceType is not CodeSystem")
            infos.append(_read_info(document))
            concepts.extend(_read_concept(document["url"], entry) for entry in document.get("concept", ()))
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"{name}: not a valid casecoder CodeSystem: {error}") from error
    return CodeSystems(infos, concepts)


def _read_info(document: Mapping[str, Any]) -> CodeSystemInfo:
    return CodeSystemInfo(
        id=document["id"],
        url=document["url"],
        name=document["name"],
        title=document.get("title", document["name"]),
        version=document["version"],
        content=document["content"],
        description=document.get("description", ""),
    )


def _read_concept(system: str, entry: Mapping[str, Any]) -> CodeConcept:
    properties: dict[str, list[Any]] = {}
    for prop in entry.get("property", ()):
        value = next((v for k, v in prop.items() if k.startswith("value")), None)
        properties.setdefault(prop["code"], []).append(value)
    english = [d["value"] for d in entry.get("designation", ()) if d.get("language") == "en"]

    def first(name: str) -> Any:
        return properties.get(name, [None])[0]

    return CodeConcept(
        system=system,
        code=entry["code"],
        display=entry["display"],
        display_en=english[0] if english else None,
        definition=entry.get("definition", ""),
        source=first("source") or "",
        parent=first("parent"),
        display_language=first("displayLanguage") or "nl",
        source_count=first("sourceCount"),
        kind=first("kind") or "finding",
        values=tuple(properties.get("value", ())),
    )


def _system_key(system: str) -> str:
    """Lookups take any system: one that is not shipped simply has no concepts here."""
    try:
        return resolve_system(system)
    except ValueError:
        return system


def resolve_system(text: str) -> str:
    """A system URI from a URI or a short name (icpc, sct, casecoder, snomed); ValueError if unknown."""
    key = text.strip()
    if key in (SYSTEM_ICPC, SYSTEM_SNOMED, SYSTEM_CASECODER):
        return key
    url = _SYSTEM_ALIASES.get(key.casefold())
    if url is None:
        known = ", ".join(sorted(_SYSTEM_ALIASES))
        raise ValueError(f"unknown code system {text!r}: use a system URI or one of {known}")
    return url


def to_short(system: str, code: str, value: str | None = None) -> str:
    """ "icpc:Z16.01", "sct:397940009", "casecoder:verwaarlozing", or "vp:ja" for veiligheidsplan = ja."""
    url = resolve_system(system)
    if url == SYSTEM_CASECODER and code == SAFETY_PLAN_CODE and value is not None:
        if value not in SAFETY_PLAN_VALUES:
            raise ValueError(f"veiligheidsplan takes ja or nee, not {value!r}")
        return f"{SAFETY_PLAN_PREFIX}:{value}"
    if value is not None:
        raise ValueError(f"only veiligheidsplan carries a value; got {value!r} for {code}")
    prefix = next(p for p, u in SHORT_PREFIXES.items() if u == url)
    return f"{prefix}:{code}"


def from_short(text: str) -> tuple[str, str, str | None]:
    """(system URI, code, value) from a short code; ValueError with the reason if it is not one."""
    prefix, sep, code = text.strip().partition(":")
    prefix, code = prefix.strip().casefold(), code.strip()
    if not sep or not code:
        raise ValueError(f"not a short code: {text!r} (expected prefix:code, e.g. icpc:Z16.01 or vp:ja)")
    if prefix == SAFETY_PLAN_PREFIX:
        value = code.casefold()
        if value not in SAFETY_PLAN_VALUES:
            raise ValueError(f"not a short code: {text!r} (vp takes ja or nee)")
        return SYSTEM_CASECODER, SAFETY_PLAN_CODE, value
    url = SHORT_PREFIXES.get(prefix)
    if url is None:
        known = ", ".join([*SHORT_PREFIXES, SAFETY_PLAN_PREFIX])
        raise ValueError(f"unknown code prefix {prefix!r} in {text!r}: use one of {known}")
    if url == SYSTEM_ICPC:
        code = code.upper()
    elif url == SYSTEM_SNOMED and not code.isdigit():
        raise ValueError(f"not a SNOMED CT id: {code!r} in {text!r} (digits only)")
    return url, code, None
