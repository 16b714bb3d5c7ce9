"""Note text -> words and sentences, using spaCy's blank Dutch tokenizer and sentencizer (no model)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property

from terminology.normalize import normalize_word

_SENTENCE_END = frozenset(".!?")


@dataclass(frozen=True)
class Token:
    text: str
    norm: str  # lower case, no accents
    start: int  # character offsets into the note
    end: int
    index: int  # position in the note's token list
    is_punct: bool
    capitalised: bool


@dataclass(frozen=True)
class Sentence:
    tokens: tuple[Token, ...]

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end

    @cached_property
    def norms(self) -> tuple[str, ...]:
        return tuple(t.norm for t in self.tokens)


WORDS_NOT_ABBREVIATIONS = frozenset(
    "dat vt al ex ib hand pas kon me vo co nl bel vol app ms ww tom pan gr aanw bs".split()
)


def _blank_dutch():
    import spacy  # deferred: importing spaCy takes most of a second

    nlp = spacy.blank("nl")
    # spaCy keeps the period of these abbreviations ("dat." for datief, "vt." for verleden tijd); in case
    # notes they are words that end a sentence ("Moeder ontkent dat.", "Melding gedaan bij VT."), and a
    # kept period would join two sentences
    # Emoticons are kept whole too: "Fleur (11): zij ..." would read "):" as a sad face, "Burak (8)," as "8)".
    nlp.tokenizer.rules = {
        rule: tokens
        for rule, tokens in nlp.tokenizer.rules.items()
        if not (rule.endswith(".") and rule[:-1].lower() in WORDS_NOT_ABBREVIATIONS)
        and not any(c in "()[]:;=<>^_@" for c in rule)  # emoticons: "):", "8)", ":p"
    }
    return nlp


class Tokenizer:
    """Splits notes into sentences of tokens. Create once; it holds the spaCy pipeline."""

    def __init__(self) -> None:
        self._nlp = _blank_dutch()

    def sentences(self, text: str) -> list[Sentence]:
        return _split(self._nlp.make_doc(text))

    def sentences_many(self, texts: Iterable[str]) -> Iterator[list[Sentence]]:
        for doc in self._nlp.tokenizer.pipe(texts, batch_size=64):
            yield _split(doc)


def _split(doc) -> list[Sentence]:
    """Sentences end at . ! ? (unless the next word is lower case), at a line break and at a blank line."""
    sentences: list[Sentence] = []
    current: list[Token] = []
    index = 0
    previous_ended = False
    for spacy_token in doc:
        raw = spacy_token.text
        if spacy_token.is_space:
            if "\n" in raw or "\n" in spacy_token.whitespace_:
                if current:
                    sentences.append(Sentence(tuple(current)))
                    current = []
                previous_ended = False
            continue
        if previous_ended and current and not raw[:1].islower():
            sentences.append(Sentence(tuple(current)))
            current = []
        start = spacy_token.idx
        token = Token(
            text=raw,
            norm=normalize_word(raw),
            start=start,
            end=start + len(raw),
            index=index,
            is_punct=spacy_token.is_punct,
            capitalised=raw[:1].isupper(),
        )
        index += 1
        current.append(token)
        previous_ended = raw in _SENTENCE_END or (spacy_token.is_punct and raw[:1] in _SENTENCE_END)
        if "\n" in spacy_token.whitespace_:
            sentences.append(Sentence(tuple(current)))
            current = []
            previous_ended = False
    if current:
        sentences.append(Sentence(tuple(current)))
    return sentences
