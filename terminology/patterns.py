"""The small phrase language of the term and trigger lists (see the "syntax" note in vocabulary.json).

"pakt|pakte ... hardhandig ... vast" compiles to three words with gaps between them. Patterns are data;
this module only turns their text into values the matcher can walk.
"""

from __future__ import annotations

from dataclasses import dataclass

from terminology.normalize import normalize_word

GAP_TOKEN = "..."
DEFAULT_GAP = 4


@dataclass(frozen=True)
class Word:
    """One position in a pattern: any of `forms` exactly, or any word starting with one of `prefixes`."""

    forms: frozenset[str]
    prefixes: tuple[str, ...] = ()

    def matches(self, norm: str) -> bool:
        return norm in self.forms or any(norm.startswith(p) for p in self.prefixes)


@dataclass(frozen=True)
class Gap:
    """Up to `max_words` other words may stand here."""

    max_words: int = DEFAULT_GAP


Element = Word | Gap


@dataclass(frozen=True)
class Pattern:
    text: str
    elements: tuple[Element, ...]

    @property
    def first(self) -> Word:
        return self.elements[0]  # type: ignore[return-value]  # compile() guarantees a Word first


class PatternError(ValueError):
    pass


def compile_pattern(text: str) -> Pattern:
    elements: list[Element] = []
    for raw in text.split():
        if raw.startswith(GAP_TOKEN):
            if not elements or isinstance(elements[-1], Gap):
                raise PatternError(f"pattern {text!r}: '...' must stand between two words")
            width = raw[len(GAP_TOKEN) :]
            if width and not (width.isdigit() and 0 < int(width) <= 12):
                raise PatternError(f"pattern {text!r}: a gap is '...' or '...N' with N from 1 to 12")
            elements.append(Gap(int(width)) if width else Gap())
            continue
        forms, prefixes = set(), []
        for alternative in raw.split("|"):
            if not alternative:
                raise PatternError(f"pattern {text!r}: empty alternative in {raw!r}")
            if alternative.endswith("*"):
                prefixes.append(normalize_word(alternative[:-1]))
            else:
                forms.add(normalize_word(alternative))
        elements.append(Word(frozenset(forms), tuple(prefixes)))
    if not elements or isinstance(elements[-1], Gap):
        raise PatternError(f"pattern {text!r}: must start and end with a word")
    return Pattern(text=text, elements=tuple(elements))


def expand_plain(pattern: Pattern, limit: int = 50) -> list[str]:
    """Plain phrases a pattern stands for (gaps and prefixes left out), for tools that take word lists."""
    phrases = [""]
    for element in pattern.elements:
        if isinstance(element, Gap):
            continue
        options = sorted(element.forms)
        if not options:
            continue
        phrases = [f"{p} {o}".strip() for p in phrases for o in options][:limit]
    if phrases == [""]:  # only prefixes ("jeugdzorgplus*"): the prefix is the nearest plain phrase
        return sorted({p for e in pattern.elements if isinstance(e, Word) for p in e.prefixes if p})[:limit]
    return phrases
