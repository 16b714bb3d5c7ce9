"""Sentences and tokens: where a note's sentences end decides how far a trigger reaches."""

from __future__ import annotations

import pytest

from coder.tokens import Tokenizer


@pytest.fixture(scope="module")
def tokenizer() -> Tokenizer:
    return Tokenizer()


@pytest.mark.parametrize(
    "text, sentences",
    [
        # words spaCy lists as abbreviations ("dat." datief, "vt." verleden tijd) end a sentence here
        ("Moeder ontkent dat. Vader slaat.", [["moeder", "ontkent", "dat", "."], ["vader", "slaat", "."]]),
        ("Melding bij VT. Moeder belt.", [["melding", "bij", "vt", "."], ["moeder", "belt", "."]]),
        # real abbreviations keep their period and do not end the sentence
        ("Een jongen van ca. 10 jaar.", [["een", "jongen", "van", "ca.", "10", "jaar", "."]]),
        ("Dhr. Jansen belt.", [["dhr.", "jansen", "belt", "."]]),
    ],
)  # fmt: skip
def test_sentences_end_at_words_that_only_look_like_abbreviations(tokenizer, text, sentences):
    assert [list(s.norms) for s in tokenizer.sentences(text)] == sentences


def test_an_age_in_brackets_is_not_an_emoticon(tokenizer):
    assert [list(s.norms) for s in tokenizer.sentences("Burak (8), die hier woont. Fleur (11): zij.")] == [
        ["burak", "(", "8", ")", ",", "die", "hier", "woont", "."],
        ["fleur", "(", "11", ")", ":", "zij", "."],
    ]
