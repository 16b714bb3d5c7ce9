"""The phrase language of the vocabulary and trigger lists: words, alternatives, prefixes, gaps, errors."""

from __future__ import annotations

import pytest

from terminology.patterns import Gap, Pattern, PatternError, Word, compile_pattern, expand_plain
from terminology.triggers import load_triggers
from terminology.vocabulary import load_vocabulary


def words(pattern: Pattern) -> list[Word]:
    return [e for e in pattern.elements if isinstance(e, Word)]


def test_a_plain_phrase_is_one_word_per_position():
    pattern = compile_pattern("blauwe plekken")
    assert pattern.text == "blauwe plekken"
    assert [w.forms for w in words(pattern)] == [frozenset({"blauwe"}), frozenset({"plekken"})]
    assert pattern.first.forms == frozenset({"blauwe"})


def test_alternatives_stand_in_one_position():
    pattern = compile_pattern("slaat|sloeg|slaan hem")
    first = pattern.first
    assert first.forms == frozenset({"slaat", "sloeg", "slaan"})
    assert all(first.matches(w) for w in ("slaat", "sloeg", "slaan"))
    assert not first.matches("staat")
    assert not first.matches("slaa")  # an alternative is a whole word, not a prefix


def test_words_are_compared_without_case_and_accents():
    pattern = compile_pattern("Geëvalueerd CARIËS")
    assert [w.forms for w in words(pattern)] == [frozenset({"geevalueerd"}), frozenset({"caries"})]


def test_a_star_makes_a_prefix():
    word = compile_pattern("pleeg*").first
    assert word.prefixes == ("pleeg",)
    assert word.forms == frozenset()
    assert word.matches("pleeggezin") and word.matches("pleeg")
    assert not word.matches("gepleegd")


def test_prefixes_and_exact_forms_mix_in_one_position():
    word = compile_pattern("jeugdzorg|pleeg*").first
    assert word.forms == frozenset({"jeugdzorg"})
    assert word.matches("jeugdzorg") and word.matches("pleegzorg")
    assert not word.matches("jeugdzorginstelling")


def test_a_gap_stands_between_words_for_separable_verbs():
    pattern = compile_pattern("pakt|pakte ... hardhandig ... vast")
    kinds = [type(e) for e in pattern.elements]
    assert kinds == [Word, Gap, Word, Gap, Word]
    assert all(e.max_words >= 1 for e in pattern.elements if isinstance(e, Gap))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "...",
        "... slaat",
        "slaat ...",
        "scheldt ... ... uit",
        "slaat||sloeg",
        "|slaat",
        "slaat|",
    ],
)
def test_syntax_errors_are_pattern_errors_naming_the_pattern(text):
    with pytest.raises(PatternError) as caught:
        compile_pattern(text)
    assert isinstance(caught.value, ValueError)  # callers that catch ValueError also catch these
    assert repr(text) in str(caught.value)


def test_expand_plain_lists_the_phrases_without_gaps_or_prefixes():
    assert sorted(expand_plain(compile_pattern("scheldt|schold ... uit"))) == ["scheldt uit", "schold uit"]
    assert expand_plain(compile_pattern("pleeg* gezin")) == ["gezin"]
    assert expand_plain(compile_pattern("jeugdzorgplus*")) == ["jeugdzorgplus"]  # never an empty phrase


def test_expand_plain_is_bounded():
    pattern = compile_pattern(" ".join("a|b|c|d" for _ in range(6)))  # 4**6 phrases
    assert len(expand_plain(pattern, limit=50)) <= 50


def test_every_shipped_term_and_trigger_compiles_to_words_at_both_ends():
    patterns = [t.pattern for t in load_vocabulary().terms] + [r.pattern for r in load_triggers().rules]
    assert patterns
    for pattern in patterns:
        assert isinstance(pattern.elements[0], Word), pattern.text
        assert isinstance(pattern.elements[-1], Word), pattern.text
        for element in pattern.elements:
            if isinstance(element, Word):
                assert element.forms or element.prefixes, pattern.text
                assert all(f == f.lower() for f in element.forms), pattern.text
