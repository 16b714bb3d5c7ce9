"""Dutch words the screen uses for qualifier values, trigger kinds and code systems."""

from __future__ import annotations

from types import MappingProxyType

VALUE_LABELS = MappingProxyType(
    {
        "polarity": {"present": "aanwezig", "absent": "afwezig"},
        "certainty": {"feit": "feit", "vermoeden": "vermoeden", "mening": "mening"},
        "temporality": {
            "current": "nu",
            "historical": "vroeger",
            "future": "toekomst",
            "hypothetical": "hypothetisch",
        },
        "experiencer": {"client": "cliënt", "family": "gezinslid", "other": "ander"},
        "source": {
            "professional": "eigen waarneming",
            "client": "jeugdige",
            "parent": "ouder",
            "third_party": "derde",
            "unknown": "onbekend",
        },
    }
)

QUALIFIER_LABELS = MappingProxyType(
    {
        "polarity": "polariteit",
        "certainty": "zekerheid",
        "temporality": "tijd",
        "experiencer": "betreft",
        "source": "bron",
    }
)

# Trigger words are marked by what they do to a finding. The key is also the CSS component suffix.
TRIGGER_KINDS = MappingProxyType(
    {
        "polarity": "negation",
        "certainty": "suspicion",
        "temporality": "history",
        "experiencer": "other-person",
        "source": "source",
    }
)
TRIGGER_KIND_LABELS = MappingProxyType(
    {
        "negation": "ontkenning",
        "suspicion": "vermoeden/mening",
        "history": "tijd",
        "other-person": "ander persoon",
        "source": "bron",
    }
)

SYSTEM_LABELS = MappingProxyType(
    {
        "http://hl7.org/fhir/sid/icpc-1-nl": "ICPC-1NL",
        "http://snomed.info/sct": "SNOMED CT",
        "https://w3id.org/casecoder/CodeSystem/casecoder": "casecoder",
    }
)


def value_label(qualifier: str, value: str) -> str:
    return VALUE_LABELS.get(qualifier, {}).get(value, value)


def trigger_kind(qualifier: str) -> str:
    return TRIGGER_KINDS.get(qualifier, "source")


def system_label(system: str) -> str:
    return SYSTEM_LABELS.get(system, system)
