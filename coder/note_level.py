"""What one sentence of a note says about the findings of another: an innocent explanation of an injury given
later, a suspicion declared unfounded or denied, a confession in the next sentence, an end or a past time told
elsewhere, children who were not there, the doer of an act named in an earlier sentence.

The engine reads each sentence on its own first (engine.py); NoteLevel.apply then weighs the note as a whole.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from coder.about import DEPENDENCY_ROLES, About
from coder.context import SentenceTriggers
from coder.matcher import Match
from coder.model import Finding, Span, Trigger
from coder.participants import FEMALE as FEMALE_WORDS
from coder.participants import MALE as MALE_WORDS
from coder.participants import ParticipantFinder
from coder.tokens import Sentence
from terminology.roles import RoleLexicon
from terminology.triggers import TriggerRule
from terminology.vocabulary import Vocabulary

# Concepts that say the same thing: "geen aanwijzingen voor verwaarlozing" answers earlier neglect signs,
# but "geen letsel" does not answer a child who says she is hit (SIGNS never conclude).
SIGNS = frozenset({"abuse_sign", "neglect_sign"})
# only a negation of the category itself concludes ("geen sprake van verwaarlozing"), not of one act or sign
CONCLUDING = frozenset({"abuse_general", "neglect", "domestic_violence", "abuse_sexual", "sexual_violence"})
CONCEPT_GROUP = {
    "abuse_physical": "abuse", "abuse_emotional": "abuse", "abuse_general": "abuse", "abuse_sign": "abuse",
    "domestic_violence": "abuse",
    "abuse_sexual": "sexual", "sexual_violence": "sexual", "sexual_boundary": "sexual",
    "neglect": "neglect", "neglect_sign": "neglect",
}  # fmt: skip
# kinds whose end can be told ("sindsdien ..."): not a placement or a plan, which have their own time words
ENDS = frozenset({"act", "general", "sign"})
STILL_GOING = frozenset(
    {"nog", "momenteel", "opnieuw", "wederom", "actueel", "recent", "gisteren", "vandaag"}
)
# a sentence this recent is no past for "toen" to point back to
RECENT = STILL_GOING - {"nog", "opnieuw", "wederom"} | {
    "afgelopen", "vanochtend", "vannacht", "gisteravond", "onlangs", "zojuist", "week"
}  # fmt: skip
# words that turn an answer around: "niet verzorgd", "weinig geduldig"
NOT_SO = frozenset({"niet", "geen", "nooit", "weinig", "nauwelijks", "onvoldoende", "minder", "te", "amper"})
PRESENT_AT = frozenset({"waren", "was", "stonden", "stond", "zaten", "zat"})  # "waar de kinderen bij waren"
NAMED_DOER_ROLES = frozenset({"stranger", "peer", "caregiver", "family_adult", "authority"})
WITNESS_WORDS = frozenset(
    {
        "gezien",
        "zagen",
        "getuige",
        "erbij",
        "meegemaakt",
        "meekregen",
        "hoorden",
        "aanwezig",
        "verstopt",
        "verstopten",
    }
)


class NoteReading:
    """A note's sentences with their findings and triggers, each worked out once however often it is asked."""

    def __init__(
        self,
        sentences: list[Sentence],
        find_targets: Callable[[Sentence], list[Match]],
        find_triggers: Callable[[Sentence], SentenceTriggers],
    ) -> None:
        self.sentences = sentences
        self._find_targets = find_targets
        self._find_triggers = find_triggers
        self._targets: dict[int, list[Match]] = {}
        self._triggers: dict[int, SentenceTriggers] = {}

    def targets(self, n: int) -> list[Match]:
        if n not in self._targets:
            self._targets[n] = self._find_targets(self.sentences[n])
        return self._targets[n]

    def triggers(self, n: int) -> SentenceTriggers:
        if n not in self._triggers:
            self._triggers[n] = self._find_triggers(self.sentences[n])
        return self._triggers[n]


class NoteLevel:
    def __init__(self, vocabulary: Vocabulary, participants: ParticipantFinder, roles: RoleLexicon) -> None:
        self.vocabulary = vocabulary
        self._participants = participants
        self._roles = roles

    def apply(
        self, text: str, read: NoteReading, found: list[tuple[Finding, About]]
    ) -> list[tuple[Finding, About]]:
        """What one sentence says about findings in another: an innocent explanation of an injury given
        later, a suspicion declared unfounded, the doer of a sexual act named in another sentence."""
        if not found:
            return found
        kinds = {about.concept: self.vocabulary.concepts[about.concept].kind for _, about in found}
        needs_note_triggers = any(
            kinds[a.concept] == "sign" or f.qualifiers.certainty == "vermoeden" for f, a in found
        )
        sentences = read.sentences
        if needs_note_triggers:
            note_hits = [(n, s, h) for n, s in enumerate(sentences) for h in read.triggers(n).own]
            position = {s.start: n for n, s in enumerate(sentences)}
            refuting = next(
                (_span(text, s, h) for _, s, h in note_hits
                 if h.rule.refutes_note and h.rule.requires & set(s.norms)),
                None,
            )  # fmt: skip
            updated = []
            for finding, about in found:
                q = finding.qualifiers
                at = position.get(finding.sentence.start, 0) if finding.sentence else 0
                benign = next(
                    (_span(text, s, h) for n, s, h in note_hits
                     if h.rule.note_wide and abs(n - at) <= h.rule.note_wide_sentences and not _denied(s, h)
                     and h.rule.applies_to(about.concept, kinds[about.concept])
                     and not any(_rejects_explanation(x) for x in sentences[max(0, at - 2) : at + 3])),
                    None,
                )  # fmt: skip
                if q.polarity == "present" and benign and kinds[about.concept] == "sign":
                    finding = _with(finding, Trigger(benign, "polarity", "absent"), polarity="absent")
                elif q.polarity == "present" and refuting and q.certainty == "vermoeden":
                    finding = _with(finding, Trigger(refuting, "polarity", "absent"), polarity="absent")
                updated.append((finding, about))
            found = updated
        found = self._opinions_answered(text, read, found)
        found = self._concluded_absent(found)
        found = self._ended_later(text, read, found)
        found = self._past_continued(text, read, found)
        found = self._children_away(text, read, found)
        found = self._confirmed_next(text, read, found)
        found = self._shared_doer_in_sentence(found)
        found = self._pronoun_doers(read, found)
        known = {a.dependency for _, a in found if self.vocabulary.concepts[a.concept].sexual}
        if len(known - {None}) == 1:
            shared = next(iter(known - {None}))
            found = [
                (f, replace(a, dependency=shared) if a.dependency is None else a)
                for f, a in found
            ]  # fmt: skip
        return found

    def _opinions_answered(
        self, text: str, read: NoteReading, found: list[tuple[Finding, About]]
    ) -> list[tuple[Finding, About]]:
        """ "Oma vindt dat moeder de kinderen verwaarloost. Wij zien verzorgde kinderen.": what the writer
        sees, or an opinion given without any example, answers a finding that is only someone's opinion.
        The answer stands in another sentence, or after 'maar' or ';' in the same one."""
        opinions = [
            f for f, _ in found if f.qualifiers.certainty == "mening" and f.qualifiers.polarity == "present"
        ]
        if not opinions:
            return found
        answers: list[tuple[int, Span]] = []  # (sentence start, trigger)
        for n, sentence in enumerate(read.sentences):
            for hit in read.triggers(n).own:
                if hit.rule.contradicts_opinion and NOT_SO.isdisjoint(
                    sentence.norms[max(0, hit.start - 3) : hit.start]
                ):
                    answers.append((sentence.start, _span(text, sentence, hit)))
        if not answers:
            return found
        result = []
        for finding, about in found:
            if finding in opinions and finding.sentence is not None:
                answer = next(
                    (span for start, span in answers
                     if start != finding.sentence.start
                     or (span.start > finding.evidence.end
                         and _terminated(text[finding.evidence.end : span.start]))),
                    None,
                )  # fmt: skip
                if answer is not None:
                    finding = _with(finding, Trigger(answer, "polarity", "absent"), polarity="absent")
            result.append((finding, about))
        return result

    def _concluded_absent(self, found: list[tuple[Finding, About]]) -> list[tuple[Finding, About]]:
        """ "Vader schrijft dat moeder de kinderen verwaarloost ... ik zie geen aanwijzingen voor
        verwaarlozing": a later statement that the same thing is absent outweighs earlier suspicions."""
        result = []
        for finding, about in found:
            group = CONCEPT_GROUP.get(about.concept)
            later_absent = next(
                (f for f, a in found
                 if CONCEPT_GROUP.get(a.concept) == group and f.qualifiers.polarity == "absent"
                 and a.concept in CONCLUDING and f.evidence.start > finding.evidence.start),
                None,
            )  # fmt: skip
            q = finding.qualifiers
            if group and later_absent and q.polarity == "present" and q.certainty != "feit":
                negation = next((t for t in later_absent.triggers if t.qualifier == "polarity"), None)
                if negation is not None:
                    finding = _with(finding, negation, polarity="absent")
            result.append((finding, about))
        return result

    def _ended_later(
        self, text: str, read: NoteReading, found: list[tuple[Finding, About]]
    ) -> list[tuple[Finding, About]]:
        """ "Vader sloeg moeder waar de kinderen bij waren; sindsdien woont hij elders": what is said to have
        ended, later in its sentence or in the next one, lies in the past."""
        endings: list[tuple[int, int, Span, TriggerRule]] = []  # (sentence start, character, trigger, rule)
        for n, sentence in enumerate(read.sentences):
            norms = set(sentence.norms)
            for hit in read.triggers(n).own:
                rule = hit.rule
                if rule.ends_earlier and (not rule.requires or rule.requires & norms):
                    at = sentence.tokens[hit.start].start
                    endings.append((sentence.start, at, _span(text, sentence, hit), rule))
        if not endings:
            return found
        previous = {s.start: read.sentences[n - 1].start for n, s in enumerate(read.sentences) if n}
        result = []
        for finding, about in found:
            q, sentence = finding.qualifiers, finding.sentence
            kind = self.vocabulary.concepts[about.concept].kind
            ongoing = sentence is not None and not STILL_GOING.isdisjoint(sentence.text.lower().split())
            if (
                q.polarity == "present"
                and q.temporality == "current"
                and sentence is not None
                and not ongoing
            ):
                ending = next(
                    (span for start, at, span, rule in endings
                     if ((start == sentence.start and at >= finding.evidence.end)
                         or previous.get(start) == sentence.start)
                     and (kind in ENDS or kind in rule.only_for) and rule.applies_to(about.concept, kind)),
                    None,
                )  # fmt: skip
                if ending is not None:
                    finding = _with(
                        finding, Trigger(ending, "temporality", "historical"), temporality="historical"
                    )
            result.append((finding, about))
        return result

    def _past_continued(
        self, text: str, read: NoteReading, found: list[tuple[Finding, About]]
    ) -> list[tuple[Finding, About]]:
        """ "In 2021 woonde het gezin bij oma. Vader sloeg Ravi in die tijd.": a word that points back
        to a time ("in die tijd", "toen", "daar") takes the past from the sentence before."""
        pointers: dict[int, tuple[Span, bool]] = {}  # sentence start -> (trigger, past by itself)
        for n, sentence in enumerate(read.sentences):
            for hit in read.triggers(n).own:
                if hit.rule.continues_past and sentence.start not in pointers:
                    pointers[sentence.start] = (_span(text, sentence, hit), hit.rule.past_itself)
        if not pointers:
            return found
        past: set[int] = set()  # sentences that speak of the past, directly or by pointing back
        for n, sentence in enumerate(read.sentences):
            own = any(
                h.rule.qualifier == "temporality"
                and h.rule.value == "historical"
                and not (h.rule.only_for or h.rule.continues_past or h.rule.ends_earlier)
                for h in read.triggers(n).own
            )
            before = read.sentences[n - 1] if n > 0 else None
            pointer = pointers.get(sentence.start)
            pointed = pointer is not None and (
                (before is not None and before.start in past)
                or (pointer[1] and (before is None or RECENT.isdisjoint(before.norms)))
            )
            if (own or pointed) and RECENT.isdisjoint(sentence.norms):
                past.add(sentence.start)
        result = []
        for finding, about in found:
            sentence, q = finding.sentence, finding.qualifiers
            pointer = pointers.get(sentence.start) if sentence is not None else None
            kind = self.vocabulary.concepts[about.concept].kind
            if pointer and sentence.start in past and q.temporality == "current" and kind in ENDS:
                finding = _with(
                    finding, Trigger(pointer[0], "temporality", "historical"), temporality="historical"
                )
            result.append((finding, about))
        return result

    def _pronoun_doers(
        self, read: NoteReading, found: list[tuple[Finding, About]]
    ) -> list[tuple[Finding, About]]:
        """ "Amira chatte met een volwassen man die ze via een game kende. ... daar heeft hij haar gedwongen":
        the doer of a sexual or physical act called "hij" (or "door hem") is the last man named before;
        whether the child depends on him decides between Z16.01 and Z25.01 or Z25."""
        result = []
        for finding, about in found:
            concept = self.vocabulary.concepts[about.concept]
            if (
                about.dependency is None
                and about.doer_pronoun
                and (concept.sexual or about.concept == "abuse_physical")
            ):
                person = self._named_before(read, finding, about.doer_pronoun)
                if person is not None:
                    about = replace(about, dependency=person.role in DEPENDENCY_ROLES)
            result.append((finding, about))
        return result

    def _named_before(self, read: NoteReading, finding: Finding, pronoun: str):
        at = next(
            (
                n
                for n, s in enumerate(read.sentences)
                if finding.sentence and s.start == finding.sentence.start
            ),
            None,
        )
        if at is None:
            return None
        excluded = FEMALE_WORDS if pronoun == "hij" else MALE_WORDS
        for n in range(at, max(-1, at - 3), -1):
            sentence = read.sentences[n]
            stop = len(sentence.tokens)
            if n == at:
                stop = next(
                    (i for i, t in enumerate(sentence.tokens) if t.start >= finding.evidence.start), stop
                )
            for person in reversed(self._participants.people_before(sentence, stop)):
                if person.role in NAMED_DOER_ROLES and person.token.norm not in excluded:
                    return person
        return None

    def witnessed(self, sentence: Sentence) -> bool:
        """The children saw it or were there ("Jayden heeft gezien hoe", "waar de kinderen bij waren"); not
        "moeder gezien op de SEH": a child must be named in the sentence."""
        norms = sentence.norms
        if _before_birth(norms):
            return False  # "lang voor de geboorte van Finn huiselijk geweld meegemaakt": he was not there
        said = not WITNESS_WORDS.isdisjoint(norms) or any(
            a == "bij" and (b in PRESENT_AT or (b in ("zijn", "is") and c in (".", ",", ";", ")", "")))
            for a, b, c in zip(norms, norms[1:], norms[2:] + ("",), strict=False)
        )
        if not said:
            return False
        people = self._participants.people_before(sentence, len(sentence.tokens))
        return any(p.role in ("client", "pronoun") for p in people)

    def _children_away(
        self, text: str, read: NoteReading, found: list[tuple[Finding, About]]
    ) -> list[tuple[Finding, About]]:
        """ "Vader gaf moeder een duw. De kinderen logeerden bij oma": violence between adults that the
        children did not witness is not about them."""
        if not any(a.concept == "domestic_violence" for _, a in found):
            return found
        position = {s.start: n for n, s in enumerate(read.sentences)}
        away = [
            (n, _span(text, sentence, hit))
            for n, sentence in enumerate(read.sentences)
            for hit in read.triggers(n).own
            if hit.rule.children_away
            and not (hit.rule.requires and hit.rule.requires.isdisjoint(sentence.norms))
        ]
        if not away:
            return found
        result = []
        for finding, about in found:
            at = position.get(finding.sentence.start) if finding.sentence else None
            seen = at is not None and self.witnessed(read.sentences[at])
            if about.concept == "domestic_violence" and at is not None and not seen:
                span = next((span for n, span in away if abs(n - at) <= 2), None)
                if span is not None:
                    finding = _with(finding, Trigger(span, "experiencer", "family"), experiencer="family")
            result.append((finding, about))
        return result

    def _said_stranger(self, finding: Finding, about: About) -> bool:
        """ "verkracht door een onbekende": the stranger stands inside the phrase itself."""
        if about.concept != "sexual_violence" or about.dependency is not None:
            return False
        words = finding.evidence.text.lower().split()
        return any(self._roles.person_role.get(w) in ("stranger", "peer") for w in words)

    def _shared_doer_in_sentence(self, found: list[tuple[Finding, About]]) -> list[tuple[Finding, About]]:
        """ "Bij een vechtpartij kreeg Ravi een trap": an act whose doer is not named takes the relation from
        the violence named in the same sentence (street violence: no dependency)."""
        by_sentence: dict[int, set[bool]] = {}
        for finding, about in found:
            if finding.sentence is None:
                continue
            known = (
                False
                if about.concept == "assault" or self._said_stranger(finding, about)
                else about.dependency
            )
            if known is not None:
                by_sentence.setdefault(finding.sentence.start, set()).add(known)
        in_note = {r for rs in by_sentence.values() for r in rs}
        result = []
        for finding, about in found:
            relations = by_sentence.get(finding.sentence.start, set()) if finding.sentence else set()
            if not relations and about.concept == "abuse_sign" and in_note == {False}:
                relations = in_note  # injuries in a note about street or peer violence belong to it
            if about.dependency is None and len(relations) == 1 and about.concept != "assault":
                about = replace(about, dependency=next(iter(relations)))
            result.append((finding, about))
        return result

    def _confirmed_next(
        self, text: str, read: NoteReading, found: list[tuple[Finding, About]]
    ) -> list[tuple[Finding, About]]:
        """ "Romy vertelt dat pleegvader haar sloeg. Pleegvader erkent de tik.": a confession or a
        confirmation in the next sentence, when that sentence has no finding of its own."""
        confirmed_by: dict[int, Span] = {}
        denied_by: dict[int, Span] = {}
        for n in range(1, len(read.sentences)):
            sentence = read.sentences[n]
            if any(self.vocabulary.concepts[m.key.concept].kind == "act" for m in read.targets(n)):
                continue  # a sentence with acts of its own confirms those, not the one before
            norms = set(sentence.norms)
            for hit in read.triggers(n).about_previous:
                if hit.rule.denies_note:
                    for before in read.sentences[max(0, n - 2) : n]:
                        denied_by.setdefault(before.start, _span(text, sentence, hit))
                elif hit.rule.requires & norms:
                    confirmed_by.setdefault(read.sentences[n - 1].start, _span(text, sentence, hit))
        if not confirmed_by and not denied_by:
            return found
        result = []
        for finding, about in found:
            start = finding.sentence.start if finding.sentence else None
            kind = self.vocabulary.concepts[about.concept].kind
            present = finding.qualifiers.polarity == "present"
            plain = not any(t.qualifier == "certainty" for t in finding.triggers)
            if start in confirmed_by and kind == "act" and present:
                finding = _with(finding, Trigger(confirmed_by[start], "certainty", "feit"), certainty="feit")
            elif start in denied_by and present and plain and finding.qualifiers.certainty == "feit":
                # "Moeder noemt hem 'mislukt'. Moeder ontkent dat ze dit zegt.": said, and denied
                finding = _with(
                    finding, Trigger(denied_by[start], "certainty", "vermoeden"), certainty="vermoeden"
                )
            result.append((finding, about))
        return result


def _before_birth(norms: tuple[str, ...]) -> bool:
    return any(
        norm in ("voor", "voordat")
        and not {"geboorte", "geboren", "zwangerschap"}.isdisjoint(norms[i + 1 : i + 6])
        for i, norm in enumerate(norms)
    )


def _terminated(between: str) -> bool:
    """A clause boundary ('maar', ';') lies in this stretch of text."""
    return ";" in between or "maar" in between.lower().split()


def _denied(sentence: Sentence, hit) -> bool:
    """ "een val van de bank, zoals moeder aangaf, verklaart het niet": the explanation is rejected."""
    after = sentence.norms[hit.end : hit.end + 10]
    norms = sentence.norms
    rejected = any(norms[i] == "geen" and "verklaring" in norms[i + 1 : i + 4] for i in range(len(norms)))
    return "niet" in after or "onvoldoende" in after or rejected


def _rejects_explanation(sentence: Sentence) -> bool:
    """ "... blauwe plekken die niet passen bij het verhaal", "de mentor twijfelt daar sterk aan": an
    explanation nearby is rejected."""
    norms = sentence.norms
    if not {"twijfelt", "twijfelde", "betwijfelt", "betwijfelde"}.isdisjoint(norms):
        return True
    for i, norm in enumerate(norms):
        if (
            norm in ("passen", "past", "passend", "klopt", "kloppen")
            and "niet" in norms[max(0, i - 2) : i + 3]
        ):
            return True
    return False


def _span(text: str, sentence: Sentence, hit) -> Span:
    first, last = sentence.tokens[hit.start], sentence.tokens[hit.end - 1]
    return Span(first.start, last.end, text[first.start : last.end])


def _with(finding: Finding, trigger: Trigger, **qualifiers) -> Finding:
    kept = tuple(t for t in finding.triggers if t.qualifier not in qualifiers)
    return replace(
        finding,
        qualifiers=replace(finding.qualifiers, **qualifiers),
        triggers=tuple(sorted(kept + (trigger,), key=lambda t: t.span.start)),
    )
