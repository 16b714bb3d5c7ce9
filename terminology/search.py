"""Fuzzy search over the shipped codes: codes, Dutch and English labels, definitions.

Case- and accent-insensitive and tolerant of typos ("verwaarloozing"). A code or code prefix ("z16",
"icpc:Z16.01", "3979") ranks above label matches. The index is built once per process.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz import fuzz

from terminology.codesystems import (
    SAFETY_PLAN_CODE,
    SAFETY_PLAN_PREFIX,
    SHORT_PREFIXES,
    SYSTEM_CASECODER,
    CodeConcept,
    load_code_systems,
)

# Label fields, best first; a definition match counts for less than a label match.
FIELD_WEIGHTS: dict[str, float] = {"display": 1.0, "display_en": 0.97, "definition": 0.9}
FIELD_RANK: dict[str, int] = {"code": 0, "display": 1, "display_en": 2, "definition": 3}
MIN_SCORE = 70.0
MAX_QUERY_WORDS = 32  # a search box query is short; longer input is cut rather than slowing down
# Words that say nothing on their own; dropped from a query that has other words.
STOPWORDS = frozenset("van de het een en of met door in op te bij voor the a an and with by for to".split())
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class SearchHit:
    concept: CodeConcept
    score: float  # 0-100, how well the query matches; not a judgement about a note
    field: str  # "code", "display", "display_en" or "definition"


def normalize(text: str) -> str:
    """Lower case without accents: "Residentiële" -> "residentiele"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True)
class _Entry:
    concept: CodeConcept
    code: str  # normalized
    fields: tuple[tuple[str, tuple[str, ...]], ...]  # (field name, normalized words)


class SearchIndex:
    """Concepts prepared for search: normalized codes and the words of each label field."""

    def __init__(self, concepts: Iterable[CodeConcept]) -> None:
        self._entries: list[_Entry] = []
        self._system_rank: dict[str, int] = {}
        for concept in concepts:
            self._system_rank.setdefault(concept.system, len(self._system_rank))
            fields = tuple(
                (name, tuple(_WORD.findall(normalize(text))))
                for name, text in (
                    ("display", concept.display),
                    ("display_en", concept.display_en or ""),
                    ("definition", concept.definition),
                )
                if text
            )
            self._entries.append(_Entry(concept, normalize(concept.code), fields))
        self._vocabulary = sorted({w for entry in self._entries for _, words in entry.fields for w in words})
        self._word_scores = lru_cache(maxsize=4096)(self._score_word)

    def search(self, query: str, limit: int = 10, min_score: float = MIN_SCORE) -> list[SearchHit]:
        text = normalize(query).strip()
        if not text or limit <= 0:
            return []
        system, code_query = _split_prefix(text)
        words = _query_words(text if system is None else code_query)
        word_scores = {word: self._word_scores(word) for word in words}
        ranked: list[tuple[tuple[float, int, int, float, str], SearchHit]] = []
        for entry in self._entries:
            if system is not None and entry.concept.system != system:
                continue
            best = self._best_hit(entry, code_query, words, word_scores)
            if best is not None and best[0].score >= min_score:
                hit, coverage = best
                key = (
                    -hit.score,
                    FIELD_RANK[hit.field],
                    self._system_rank[hit.concept.system],
                    -coverage,
                    hit.concept.code,
                )
                ranked.append((key, hit))
        ranked.sort(key=lambda item: item[0])
        return [hit for _, hit in ranked[:limit]]

    def _best_hit(
        self, entry: _Entry, code_query: str, words: list[str], word_scores: dict[str, dict[str, float]]
    ) -> tuple[SearchHit, float] | None:
        """The entry's best field and, to break ties, the share of that field's words the query matches."""
        best: tuple[SearchHit, float] | None = None
        code_score = _code_score(code_query, entry.code)
        if code_score:
            best = (SearchHit(entry.concept, code_score, "code"), 1.0)
        for name, field_words in entry.fields:
            if not words or not field_words:
                continue
            per_word = [max(word_scores[word].get(fw, 0.0) for fw in field_words) for word in words]
            score = round(min(100.0, sum(per_word) / len(per_word) * FIELD_WEIGHTS[name]), 1)
            content = [fw for fw in field_words if fw not in STOPWORDS] or list(field_words)
            covered = sum(1 for fw in content if any(word_scores[w].get(fw, 0.0) >= 80 for w in words))
            coverage = covered / len(content)
            if best is None or (score, coverage) > (best[0].score, best[1]):
                best = (SearchHit(entry.concept, score, name), coverage)
        return best

    def _score_word(self, word: str) -> dict[str, float]:
        """Label words that match one query word, with their scores (cached per index)."""
        scores = {}
        for candidate in self._vocabulary:
            score = _word_score(word, candidate)
            if score >= 50:
                scores[candidate] = score
        return scores


def _word_score(word: str, candidate: str) -> float:
    """How well one query word matches one label word; compounds ("kindermishandeling") count as matches."""
    if word == candidate:
        return 100.0
    if len(word) < 3:
        return 80.0 if candidate.startswith(word) else 0.0
    score = fuzz.ratio(word, candidate)
    if candidate.startswith(word):
        score = max(score, 90.0 + 8.0 * len(word) / len(candidate))
    if len(word) >= 4 and len(candidate) > len(word):
        # A word inside a compound, typos allowed ("mishandleing" in "kindermishandeling").
        score = max(score, 0.9 * fuzz.partial_ratio(word, candidate))
    return score


def _code_score(query: str, code: str) -> float:
    if not query or " " in query:
        return 0.0
    if query == code:
        return 100.0
    if len(query) >= 2 and code.startswith(query):
        return 99.0 - min(len(code) - len(query), 9) * 0.1  # "z16" ranks Z16 before Z16.01
    return 0.0


def _split_prefix(text: str) -> tuple[str | None, str]:
    """("icpc:z16" -> ICPC system, "z16"); "vp:ja" -> the veiligheidsplan code; no prefix -> (None, text)."""
    prefix, sep, rest = text.partition(":")
    if sep:
        if prefix.strip() == SAFETY_PLAN_PREFIX:
            return SYSTEM_CASECODER, SAFETY_PLAN_CODE
        if prefix.strip() in SHORT_PREFIXES:
            return SHORT_PREFIXES[prefix.strip()], rest.strip()
    return None, text


def _query_words(text: str) -> list[str]:
    words = list(dict.fromkeys(_WORD.findall(text)))[:MAX_QUERY_WORDS]
    meaningful = [word for word in words if word not in STOPWORDS]
    return meaningful or words


@cache
def default_index() -> SearchIndex:
    """The index over all shipped code systems, built on first use."""
    return SearchIndex(load_code_systems())


def search(query: str, limit: int = 10) -> list[SearchHit]:
    """Concepts matching `query`, best first; [] for an empty query."""
    return default_index().search(query, limit)
