"""Finds phrase patterns in a sentence: exact words, prefixes, gaps, and words with a typo.

Typo tolerance is for long words only ("mishandelign", "verwaarloozing"): a short word with one letter
changed is usually another word ("staat" is not "slaat"), so words under 7 letters must match exactly.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import OSA
from rapidfuzz.process import extractOne

from terminology.patterns import Gap, Pattern, Word

MIN_FUZZY_LENGTH = 7
QUOTES = frozenset({"'", '"', "\u2018", "\u2019", "\u201c", "\u201d", "`"})
TWO_TYPOS_LENGTH = 13


@dataclass(frozen=True)
class Match:
    key: Hashable  # what the caller attached to the pattern (a Term, a TriggerRule)
    pattern: Pattern
    start: int  # token positions in the sentence, end exclusive
    end: int
    positions: tuple[int, ...]  # the tokens that matched pattern words (gaps excluded)


class TypoCorrector:
    """Maps a word with a typo to the vocabulary word it was meant to be, or None. Remembers answers."""

    def __init__(self, vocabulary_words: Iterable[str], known_words: Iterable[str] = ()) -> None:
        self._words = sorted({w for w in vocabulary_words if len(w) >= MIN_FUZZY_LENGTH - 1})
        self._word_set = frozenset(self._words)
        self._known = frozenset(known_words) | frozenset(vocabulary_words)
        self._cache: dict[str, str | None] = {}

    def correct(self, norm: str) -> str | None:
        if norm in self._cache:
            return self._cache[norm]
        result = None
        swapped = norm[:-1] + {"d": "t", "t": "d"}.get(norm[-1:], "") if norm[-1:] in ("d", "t") else ""
        if len(norm) >= 6 and norm not in self._known and swapped in self._word_set:
            result = swapped  # d and t at the end of a participle: "geduwt" for "geduwd"
        elif len(norm) >= MIN_FUZZY_LENGTH and norm not in self._known and norm.isalpha():
            limit = 2 if len(norm) >= TWO_TYPOS_LENGTH else 1
            candidates = [w for w in self._words if w[0] == norm[0] and abs(len(w) - len(norm)) <= limit]
            best = extractOne(norm, candidates, scorer=OSA.distance, score_cutoff=limit)
            if best is not None and (limit == 2 or looks_like_a_typo(norm, best[0])):
                result = best[0]
        if len(self._cache) < 200_000:
            self._cache[norm] = result
        return result


# QWERTY neighbours, and letters Dutch writers confuse: a slip of the finger, not another word
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_NEIGHBOURS = {frozenset((row[i], row[i + 1])) for row in _ROWS for i in range(len(row) - 1)}
_CONFUSED = {frozenset(pair) for pair in ("sz", "dt", "ck", "fv")}
LONG_WORD = 8  # a dropped or doubled letter, or a neighbouring key, only counts in words this long
VERY_LONG_WORD = 11


def looks_like_a_typo(word: str, meant: str) -> bool:
    """One edit away, and the kind a typist makes: two letters swapped, a neighbouring key, a letter
    doubled or dropped in a long word. "schulden" is not "scholden", "woonden" not "wonden", "verband"
    not "verbrand": those are other Dutch words."""
    if len(word) == len(meant):
        diff = [i for i in range(len(word)) if word[i] != meant[i]]
        if len(diff) == 2 and diff[1] == diff[0] + 1:
            return word[diff[0]] == meant[diff[1]] and word[diff[1]] == meant[diff[0]]
        if len(diff) != 1:
            return False
        pair = frozenset((word[diff[0]], meant[diff[0]]))
        return pair in _CONFUSED or (pair in _NEIGHBOURS and len(word) > LONG_WORD)
    longer, shorter = (word, meant) if len(word) > len(meant) else (meant, word)
    if longer[:-1] == shorter and longer[-1] in "ens":
        return True  # an inflection: "mislukte", "slippers"
    if longer.endswith("en") and shorter == longer[:-2] + "n" and len(shorter) >= 6:
        return True  # the e of a last syllable dropped: "geslagn"
    if any(longer[k] == longer[k + 1] == longer[k + 2] for k in range(len(longer) - 2)) and len(shorter) >= 6:
        i = next(k for k in range(len(longer) - 2) if longer[k] == longer[k + 1] == longer[k + 2])
        if longer[:i] + longer[i + 1 :] == shorter:
            return True  # a key held too long: "plekkken"
    if len(shorter) < LONG_WORD:
        return False
    if len(shorter) >= VERY_LONG_WORD:
        return True  # "verwaalozing": few Dutch words are one letter from a long one
    i = next((i for i in range(len(shorter)) if longer[i] != shorter[i]), len(shorter))
    if longer[:i] + longer[i + 1 :] != shorter:
        return False
    extra = longer[i]
    doubled = (i > 0 and longer[i - 1] == extra) or (i + 1 < len(longer) and longer[i + 1] == extra)
    return doubled or extra in "aeiou"


class PhraseMatcher:
    """All patterns of a vocabulary or trigger list, indexed by their first word."""

    def __init__(self, keyed_patterns: Iterable[tuple[Hashable, Pattern]], corrector: TypoCorrector | None):
        self._by_first: dict[str, list[tuple[Hashable, Pattern]]] = {}
        self._by_prefix: list[tuple[str, Hashable, Pattern]] = []
        for key, pattern in keyed_patterns:
            for form in pattern.first.forms:
                self._by_first.setdefault(form, []).append((key, pattern))
            for prefix in pattern.first.prefixes:
                self._by_prefix.append((prefix, key, pattern))
        self._corrector = corrector

    def find(self, norms: Sequence[str]) -> list[Match]:
        """Every match, longest first where two start at the same word; overlaps are the caller's choice."""
        readings = self._readings(norms)
        matches: list[Match] = []
        for i, forms in enumerate(readings):
            for form in forms:
                for key, pattern in self._candidates(form):
                    positions = _walk(pattern, readings, i)
                    if positions is not None:
                        matches.append(Match(key, pattern, i, positions[-1] + 1, positions))
        matches.sort(key=lambda m: (m.start, -(m.end - m.start)))
        return matches

    def _readings(self, norms: Sequence[str]) -> list[tuple[str, ...]]:
        if self._corrector is None:
            return [(n,) for n in norms]
        readings = []
        for norm in norms:
            fixed = self._corrector.correct(norm)
            readings.append((norm,) if fixed is None else (norm, fixed))
        return readings

    def _candidates(self, form: str) -> list[tuple[Hashable, Pattern]]:
        found = self._by_first.get(form, [])
        if self._by_prefix:
            found = found + [(k, p) for prefix, k, p in self._by_prefix if form.startswith(prefix)]
        return found


def _fits(word: Word, forms: tuple[str, ...]) -> bool:
    return any(word.matches(f) for f in forms)


def _walk(pattern: Pattern, readings: Sequence[tuple[str, ...]], start: int) -> tuple[int, ...] | None:
    """Token positions where the pattern's words match from `start`. After a gap the nearest fit is tried
    first, then later ones if the rest does not fit ("met een heet strijkijzer ... gebrand")."""
    return _walk_from(pattern.elements, 1, readings, (start,))


def _walk_from(elements, index: int, readings, positions: tuple[int, ...]) -> tuple[int, ...] | None:
    if index == len(elements):
        return positions
    gap = 0
    element = elements[index]
    if isinstance(element, Gap):
        gap, index = element.max_words, index + 1
        element = elements[index]
    skipped = 0
    for candidate in range(positions[-1] + 1, len(readings)):
        if _fits(element, readings[candidate]):
            found = _walk_from(elements, index + 1, readings, positions + (candidate,))
            if found is not None:
                return found
        if readings[candidate][0] in QUOTES:
            continue  # "dat het 'haar schuld' is": quotation marks stand between words, not in the way
        skipped += 1
        if skipped > gap:
            break
    return None
