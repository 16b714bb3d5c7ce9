"""Finding phrases: exact words, alternatives, prefixes, gaps for separable verbs, and typo tolerance that
stays away from short words ("staat" is not "slaat")."""

from __future__ import annotations

import pytest

from coder.matcher import MIN_FUZZY_LENGTH, PhraseMatcher, TypoCorrector, looks_like_a_typo
from terminology.patterns import compile_pattern

VOCABULARY_WORDS = ["mishandeling", "mishandeld", "verwaarlozing", "kindermishandeling", "slaat", "schopt"]


@pytest.fixture(scope="module")
def corrector() -> TypoCorrector:
    return TypoCorrector(VOCABULARY_WORDS, known_words=["mishandelen"])


def find(patterns: dict[str, str], sentence: str, corrector: TypoCorrector | None = None):
    matcher = PhraseMatcher(((key, compile_pattern(p)) for key, p in patterns.items()), corrector)
    return matcher.find(sentence.lower().split())


# --- typo tolerance -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typo, meant",
    [
        ("mishandelign", "mishandeling"),  # two letters swapped
        ("mishandleing", "mishandeling"),
        ("verwaarloozing", "verwaarlozing"),  # one letter too many
        ("verwarlozing", "verwaarlozing"),  # one letter missing
        ("kindermishandelnig", "kindermishandeling"),
    ],
)
def test_a_long_word_with_a_typo_is_read_as_the_vocabulary_word(corrector, typo, meant):
    assert corrector.correct(typo) == meant


@pytest.mark.parametrize(
    "word, meant",
    [
        ("verwaarloosing", "verwaarlozing"),  # s for z
        ("vervuilt", "vervuild"),  # t for d
        ("mishandleing", "mishandeling"),  # swapped
        ("pleegezin", "pleeggezin"),  # a doubled letter typed once
        ("huislijk", "huiselijk"),  # a vowel dropped in a long word
        ("verwaalozing", "verwaarlozing"),  # any letter dropped in a very long word
        ("mislukte", "mislukt"),  # an inflection
    ],
)
def test_slips_of_the_finger_are_typos(word, meant):
    assert looks_like_a_typo(word, meant)


@pytest.mark.parametrize(
    "word, other",
    [
        ("schulden", "scholden"),  # debts are not abuse
        ("woonden", "wonden"),
        ("verband", "verbrand"),
        ("gestolen", "gestoken"),
        ("stoppen", "stompen"),
        ("gewicht", "gezicht"),
        ("kleuren", "kleren"),
        ("dwingen", "dingen"),
    ],
)
def test_other_dutch_words_one_letter_away_are_not_typos(word, other):
    assert not looks_like_a_typo(word, other)


@pytest.mark.parametrize("word", ["staat", "slaap", "slaan", "schept", "stopt", "sla"])
def test_short_words_are_never_corrected(corrector, word):
    assert len(word) < MIN_FUZZY_LENGTH
    assert corrector.correct(word) is None


def test_no_word_under_the_fuzzy_length_is_ever_corrected(corrector):
    # every one-letter change of every short vocabulary word, except the d/t of a verb ending
    letters = "abcdefghijklmnopqrstuvwxyz"
    for word in ("slaat", "schopt"):
        for i in range(len(word)):
            for letter in letters:
                variant = word[:i] + letter + word[i + 1 :]
                if len(word) >= 6 and i == len(word) - 1 and {letter, word[i]} == {"d", "t"}:
                    continue
                assert corrector.correct(variant) is None, variant


def test_a_d_or_t_at_the_end_of_a_verb_is_the_classic_dutch_slip(corrector):
    assert corrector.correct("schopd") == "schopt"
    assert corrector.correct("slaad") is None  # five letters: too short to tell


def test_a_dropped_e_in_the_last_syllable_is_a_slip():
    assert looks_like_a_typo("geslagn", "geslagen")
    assert not looks_like_a_typo("wonden", "woonden")


def test_known_words_and_exact_words_are_left_alone(corrector):
    assert corrector.correct("mishandeling") is None  # already right
    assert corrector.correct("mishandelen") is None  # a known word (a trigger or role word), not a typo


def test_words_that_are_too_far_off_or_not_words_stay_unmatched(corrector):
    assert corrector.correct("mishndlng") is None  # three letters away
    assert corrector.correct("behandeling") is None
    assert corrector.correct("mishandeling2") is None  # not letters only


def test_the_matcher_reads_a_typo_as_the_vocabulary_word(corrector):
    patterns = {"abuse": "mishandeling", "neglect": "verwaarlozing"}
    found = find(patterns, "er is sprake van mishandelign en verwaarloozing", corrector)
    assert [(m.key, m.start, m.end) for m in found] == [("abuse", 4, 5), ("neglect", 6, 7)]


def test_without_a_corrector_only_exact_words_match():
    assert find({"abuse": "mishandeling"}, "sprake van mishandelign") == []


def test_staat_is_not_slaat(corrector):
    patterns = {"hit": "slaat|sloeg"}
    assert find(patterns, "moeder staat in de keuken", corrector) == []
    assert [m.key for m in find(patterns, "vader slaat hem", corrector)] == ["hit"]


# --- alternatives, prefixes and gaps ------------------------------------------------------------


def test_alternatives_in_any_position():
    patterns = {"plekken": "blauwe|paarse plek|plekken"}
    for sentence in ("blauwe plek", "paarse plekken", "blauwe plekken"):
        assert [(m.start, m.end) for m in find(patterns, sentence)] == [(0, 2)], sentence
    assert find(patterns, "rode plekken") == []


def test_a_prefix_matches_any_word_that_starts_with_it():
    patterns = {"placement": "pleeg*"}
    assert [m.start for m in find(patterns, "hij woont in een pleeggezin")] == [4]
    assert [m.start for m in find(patterns, "de pleegouders komen")] == [1]
    assert find(patterns, "het is gepleegd") == []


@pytest.mark.parametrize(
    "sentence, start, end, positions",
    [
        ("vader pakt hem hardhandig vast", 1, 5, (1, 3, 4)),
        ("vader pakte de jongen hardhandig vast", 1, 6, (1, 4, 5)),
        ("vader pakt hardhandig vast", 1, 4, (1, 2, 3)),
    ],
)
def test_a_gap_lets_other_words_stand_inside_a_separable_verb(sentence, start, end, positions):
    (match,) = find({"grab": "pakt|pakte ... hardhandig ... vast"}, sentence)
    assert (match.start, match.end, match.positions) == (start, end, positions)


def test_the_words_in_a_gap_are_not_part_of_the_match_positions():
    (match,) = find({"scold": "scheldt|schold ... uit"}, "vader scheldt hem uit")
    assert (match.start, match.end) == (1, 4)
    assert match.positions == (1, 3)  # "hem" stood in the gap


def test_a_gap_has_a_limit():
    patterns = {"scold": "scheldt ... uit"}
    assert find(patterns, "scheldt a b c d uit")  # four words: the default gap
    assert find(patterns, "scheldt a b c d e f g h i j k l m n uit") == []


def test_words_must_come_in_order():
    assert find({"scold": "scheldt ... uit"}, "uit scheldt hem") == []


def test_a_phrase_must_be_complete():
    assert find({"grab": "pakt ... hardhandig ... vast"}, "vader pakt hem hardhandig") == []


def test_longest_match_comes_first_where_two_start_at_the_same_word():
    patterns = {"short": "lichamelijke", "long": "lichamelijke mishandeling"}
    found = find(patterns, "lichamelijke mishandeling")
    assert [m.key for m in found] == ["long", "short"]


def test_matches_are_reported_in_sentence_order():
    patterns = {"a": "slaat", "b": "schopt"}
    found = find(patterns, "hij schopt en slaat en schopt")
    assert [(m.key, m.start) for m in found] == [("b", 1), ("a", 3), ("b", 5)]


# --- in the engine ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, typo, code",
    [
        ("Er is sprake van mishandelign.", "mishandelign", "Z16.01"),
        ("Mishandleing van de jeugdige is vastgesteld.", "Mishandleing", "Z16.01"),
        ("Er is sprake van verwaarloozing.", "verwaarloozing", "Z16.02"),
    ],
)
def test_the_engine_codes_a_typo_and_shows_it_as_written(analyse, text, typo, code):
    suggestions = [s for s in analyse(text).suggestions if s.code == code]
    assert suggestions, text
    evidence = suggestions[0].evidence[0]
    assert evidence.text == typo == text[evidence.start : evidence.end]


def test_the_engine_does_not_read_staat_as_slaat(analyse):
    assert analyse("Moeder staat in de keuken.").suggestions == ()
    assert analyse("Vader staat op.").suggestions == ()


@pytest.mark.parametrize(
    "text, evidence",
    [
        ("Vader pakt hem hardhandig vast.", "pakt hem hardhandig vast"),
        ("Vader scheldt hem uit.", "scheldt hem uit"),
    ],
)
def test_the_engine_finds_separable_verbs_and_keeps_the_whole_span(analyse, text, evidence):
    (z1601,) = [s for s in analyse(text).suggestions if s.code == "Z16.01"]
    assert z1601.evidence[0].text == evidence
    assert z1601.asserted


@pytest.mark.parametrize("text", ["Vader slaaat hem.", "Vader schpt hem.", "Vader sleat hem."])
def test_the_engine_never_reads_a_short_word_with_a_typo(analyse, text):
    assert analyse(text).suggestions == ()
