"""The suggestion engine: a note in, explained suggestions out. Create one Engine per process and reuse it.

Steps, each in its own module: tokens (sentences) -> cast (who is who in the note) -> matcher (vocabulary
phrases) -> context (triggers) -> participants/about (whom it is about) -> note_level (what one sentence says
of another) -> coding (codebook rules, one suggestion per code).
Context runs only on sentences that hold a finding.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from coder import __version__
from coder.about import CLIENT_DID_IT, FATHERS, MOTHERS, SOMEONE_ELSE, About, decide
from coder.cast import find_cast
from coder.coding import CodedFinding, Coder
from coder.context import Context, ContextFinder
from coder.matcher import Match, PhraseMatcher, TypoCorrector
from coder.model import Analysis, Considered, Finding, Note, Qualifiers, ReadError, Span, Trigger
from coder.note_level import NoteLevel, NoteReading
from coder.participants import ParticipantFinder, Participants
from coder.people import NOBODY_ELSE, People
from coder.tokens import Sentence, Tokenizer
from terminology.codebook import load_codebook
from terminology.codesystems import load_code_systems
from terminology.roles import load_roles
from terminology.triggers import load_triggers
from terminology.vocabulary import Term, load_vocabulary


@dataclass(frozen=True)
class _Reading:
    context: Context
    who: Participants
    about: About
    qualifiers: Qualifiers
    triggers: tuple[Trigger, ...]


@dataclass(frozen=True)
class QualifiedSpan:
    """The context of an arbitrary span (for `casecoder qualify`)."""

    qualifiers: Qualifiers
    triggers: tuple[Trigger, ...]


class Engine:
    def __init__(self) -> None:
        self.vocabulary = load_vocabulary()
        triggers = load_triggers()
        roles = load_roles()
        codebook = load_codebook()
        code_systems = load_code_systems()
        self.version = (
            f"casecoder-{__version__}+vocabulary-{self.vocabulary.version}+triggers-{triggers.version}"
            f"+roles-{roles.version}+codebook-{codebook.version}"
        )
        vocabulary_words = {
            f for t in self.vocabulary.terms for e in t.pattern.elements for f in getattr(e, "forms", ())
        }
        trigger_words = {
            f for r in triggers.rules for e in r.pattern.elements for f in getattr(e, "forms", ())
        }
        role_words = set(roles.person_role) | roles.third_party | roles.not_names
        known = trigger_words | role_words | self.vocabulary.known_words
        corrector = TypoCorrector(vocabulary_words, known_words=known)
        self._matcher = PhraseMatcher(((t, t.pattern) for t in self.vocabulary.terms), corrector)
        self._exclusions = PhraseMatcher(((p, p) for p in self.vocabulary.exclusions), corrector=None)
        people = People(roles, known_words=vocabulary_words | trigger_words)
        self._people = people
        self._context = ContextFinder(triggers, people)
        self._participants = ParticipantFinder(people)
        self._note = NoteLevel(self.vocabulary, self._participants, roles)
        self._coder = Coder(codebook, code_systems)
        self._tokenizer = Tokenizer()

    def analyse(self, note: Note) -> Analysis:
        return self._analyse(note, self._tokenizer.sentences(note.text))

    def analyse_many(self, notes: Iterable[Note]) -> Iterator[Analysis | ReadError]:
        """Analyses in input order; a note the engine fails on comes back as a ReadError in its place."""
        pending: list[Note] = []
        for note in notes:
            pending.append(note)
            if len(pending) >= 64:
                yield from self._batch(pending)
                pending = []
        yield from self._batch(pending)

    def _batch(self, notes: list[Note]) -> Iterator[Analysis | ReadError]:
        for note, sentences in zip(notes, self._tokenizer.sentences_many(n.text for n in notes), strict=True):
            try:
                yield self._analyse(note, sentences)
            except Exception as err:  # one note's fault must not stop the others; reported as its error line
                yield internal_error(note, err)

    def qualify(self, text: str, start: int, end: int) -> QualifiedSpan:
        """Context of any target span, whether or not the vocabulary knows it. When the span is a known
        phrase, its concept and form (verb, participle, noun) are used as in `analyse`."""
        for sentence in self._tokenizer.sentences(text):
            inside = [i for i, t in enumerate(sentence.tokens) if t.start < end and start < t.end]
            if not inside:
                continue
            first, stop = inside[0], inside[-1] + 1
            known = [m for m in self._matcher.find(sentence.norms) if m.start < stop and first < m.end]
            term: Term | None = known[0].key if known else None  # type: ignore[assignment]
            hits = self._context.hits(sentence, datetime.date.today().year).own
            read = self._read(text, sentence, hits, first, stop, term)
            return QualifiedSpan(read.qualifiers, read.triggers)
        return QualifiedSpan(Qualifiers(), ())

    def _read(
        self,
        text: str,
        sentence: Sentence,
        hits,
        start: int,
        stop: int,
        term: Term | None,
        positions: tuple[int, ...] = (),
        witnessed: bool = False,
    ) -> _Reading:
        """Context, who did what to whom, and whom it is about, for words start..stop of a sentence."""
        concept = self.vocabulary.concepts[term.concept] if term else None
        concept_id, kind = (concept.id, concept.kind) if concept else ("", "")
        context = self._context.context(sentence, hits, start, stop, concept_id, kind, text, positions)
        who = self._participants.find(sentence, start, stop, term.form if term else "noun", kind, positions)
        cast = self._people.cast
        adult = who.undergoer is not None and cast.adult(who.undergoer.token)
        about = decide(
            concept_id, kind, context, who, text, witnessed, adult, sentence.start in cast.childhood
        )
        triggers = tuple(t for t in context.triggers if t.qualifier != "experiencer") + about.triggers
        qualifiers = replace(context.qualifiers, experiencer=about.experiencer)
        return _Reading(context, who, about, qualifiers, tuple(sorted(triggers, key=lambda t: t.span.start)))

    def _analyse(self, note: Note, sentences: list[Sentence]) -> Analysis:
        self._people.cast = find_cast(sentences, self._people)
        try:
            return self._analyse_note(note, sentences)
        finally:
            self._people.cast = NOBODY_ELSE

    def _analyse_note(self, note: Note, sentences: list[Sentence]) -> Analysis:
        year = _reference_year(note)
        read = NoteReading(sentences, self._targets, lambda sentence: self._context.hits(sentence, year))
        found: list[tuple[Finding, About]] = []
        considered: list[Considered] = []
        for n, sentence in enumerate(sentences):
            for match in read.targets(n):
                # a negation that belongs to another finding's phrase ("kijkt hem niet aan en praat ...",
                # "geen eten") is that finding's own word; it negates nothing else
                others = {p for m in read.targets(n) if m is not match for p in m.positions}
                hits = [
                    h
                    for h in read.triggers(n).own
                    if not (h.rule.qualifier == "polarity" and _words_of(h) <= others)
                ]
                finding, about = self._find(note.text, sentence, hits, match)
                if about.experiencer == "client":
                    found.append((finding, about))
                else:
                    considered.append(Considered(finding, about.note or "niet over de jeugdige"))
        aggressor = {  # violence in the sentence was done by the client, or to someone else
            c.finding.sentence.start
            for c in considered
            if c.reason in (CLIENT_DID_IT, SOMEONE_ELSE) and c.finding.sentence
        }
        fights = [
            (f, a)
            for f, a in found
            if a.concept == "assault" and f.sentence and f.sentence.start in aggressor
        ]
        # "aangehouden na een vechtpartij waarbij hij een jongen sloeg": he was the one fighting
        considered += [Considered(f, CLIENT_DID_IT) for f, _ in fights]
        found = [(f, a) for f, a in found if (f, a) not in fights]
        found = self._note.apply(note.text, read, found)
        coded: list[CodedFinding] = []
        for finding, about in found:
            result = self._coder.code(finding, self.vocabulary.concepts[about.concept].kind, about.dependency)
            (coded if isinstance(result, CodedFinding) else considered).append(result)
        return Analysis(
            note=note, suggestions=tuple(self._coder.suggestions(coded)), considered=tuple(considered)
        )

    def _targets(self, sentence: Sentence) -> list[Match]:
        targets = _non_overlapping(self._matcher.find(sentence.norms))
        if not targets:
            return targets
        excluded = {p for m in self._exclusions.find(sentence.norms) for p in range(m.start, m.end)}
        return [m for m in targets if excluded.isdisjoint(m.positions)]

    def _find(self, text: str, sentence: Sentence, hits, match: Match) -> tuple[Finding, About]:
        term: Term = match.key  # type: ignore[assignment]
        witnessed = self._note.witnessed(sentence)
        read = self._read(text, sentence, hits, match.start, match.end, term, match.positions, witnessed)
        triggers, qualifiers = read.triggers, read.qualifiers
        if _confesses(read.context, read.who) and qualifiers.certainty != "feit":
            # "moeder sloeg hem (door moeder zelf verteld)": the doer's own account is a confession
            triggers = tuple(t for t in triggers if t.qualifier != "certainty")
            triggers += (Trigger(read.context.reporter, "certainty", "feit"),)  # type: ignore[arg-type]
            qualifiers = replace(qualifiers, certainty="feit")
        denial = self._denied_by_client(sentence, triggers)
        if denial is not None and qualifiers.polarity == "present":
            # "Jongere ontkent dat hij thuis geslagen wordt": the child says it does not happen
            triggers = tuple(t for t in triggers if t.qualifier != "polarity") + (
                Trigger(denial.span, "polarity", "absent"),
            )
            qualifiers = replace(qualifiers, polarity="absent")
        first, last = sentence.tokens[match.start], sentence.tokens[match.end - 1]
        finding = Finding(
            concept=read.about.concept,
            evidence=Span(first.start, last.end, text[first.start : last.end]),
            qualifiers=qualifiers,
            triggers=tuple(sorted(triggers, key=lambda t: t.span.start)),
            sentence=Span(sentence.start, sentence.end, text[sentence.start : sentence.end]),
        )
        return finding, read.about

    def _denied_by_client(self, sentence: Sentence, triggers: tuple[Trigger, ...]) -> Trigger | None:
        for trigger in triggers:
            if trigger.qualifier != "certainty" or not trigger.span.text.lower().startswith("ontken"):
                continue
            at = next((i for i, t in enumerate(sentence.tokens) if t.start == trigger.span.start), None)
            people = self._participants.people_before(sentence, at) if at is not None else []
            if people and people[-1].role == "client":
                return trigger
        return None


def _words_of(hit) -> set[int]:
    return set(hit.positions or range(hit.start, hit.end))


def _confesses(context, who) -> bool:
    """The doer says so: "moeder sloeg hem (door moeder zelf verteld)", "vader geeft aan dat hij ..."."""
    doer, reporter = who.doer, context.reporter
    if reporter is None or doer is None or reporter.start == doer.token.start:
        return False
    said_by = reporter.text.lower()
    if doer.role in ("caregiver", "family_adult", "authority"):
        return said_by == doer.token.norm
    if doer.role == "pronoun" and context.reporter_role in ("caregiver", "family_adult"):
        return (said_by in MOTHERS and doer.token.norm in ("zij", "ze")) or (
            said_by in FATHERS and doer.token.norm == "hij"
        )
    return False


def internal_error(note: Note, err: Exception) -> ReadError:
    message = f"could not be analysed (internal error: {type(err).__name__}); please report this note's id"
    return ReadError(note.origin, note.line, message, note.id)


def _reference_year(note: Note) -> int:
    """The year the note was written (its `date` field), else this year: earlier years are the past."""
    date = note.date or ""
    for part in date.replace("/", "-").replace(".", "-").split("-"):
        if len(part) == 4 and part.isdigit():
            return int(part)
    return datetime.date.today().year


def _non_overlapping(matches: list[Match]) -> list[Match]:
    """Longest first; a phrase inside a longer one ("mishandeling" in "lichamelijke mishandeling") goes."""
    chosen: list[Match] = []
    taken: set[int] = set()
    for match in sorted(matches, key=lambda m: (-(m.end - m.start), m.start)):
        inside_chosen = any(c.start <= match.start and match.end <= c.end for c in chosen)
        if taken.isdisjoint(match.positions) and not inside_chosen:
            chosen.append(match)
            taken.update(match.positions)
    return sorted(chosen, key=lambda m: m.start)
