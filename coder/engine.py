"""The suggestion engine: a note in, explained suggestions out. Create one Engine per process and reuse it.

Steps, each in its own module: tokens (sentences) -> matcher (vocabulary phrases) -> context (triggers)
-> participants/about (whom it is about) -> coding (codebook rules, one suggestion per code).
Context runs only on sentences that hold a finding.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from coder import __version__
from coder.about import decide
from coder.coding import CodedFinding, Coder
from coder.context import ContextFinder
from coder.matcher import Match, PhraseMatcher, TypoCorrector
from coder.model import Analysis, Considered, Finding, Note, Qualifiers, Span, Trigger
from coder.participants import ParticipantFinder
from coder.people import People
from coder.tokens import Sentence, Tokenizer
from terminology.codebook import load_codebook
from terminology.codesystems import load_code_systems
from terminology.roles import load_roles
from terminology.triggers import load_triggers
from terminology.vocabulary import Term, load_vocabulary


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
        corrector = TypoCorrector(vocabulary_words, known_words=trigger_words | role_words)
        self._matcher = PhraseMatcher(((t, t.pattern) for t in self.vocabulary.terms), corrector)
        people = People(roles, known_words=vocabulary_words | trigger_words)
        self._context = ContextFinder(triggers, people)
        self._participants = ParticipantFinder(people)
        self._coder = Coder(codebook, code_systems)
        self._tokenizer = Tokenizer()

    def analyse(self, note: Note) -> Analysis:
        return self._analyse(note, self._tokenizer.sentences(note.text))

    def analyse_many(self, notes: Iterable[Note]) -> Iterator[Analysis]:
        pending: list[Note] = []
        for note in notes:
            pending.append(note)
            if len(pending) >= 64:
                yield from self._batch(pending)
                pending = []
        yield from self._batch(pending)

    def _batch(self, notes: list[Note]) -> Iterator[Analysis]:
        for note, sentences in zip(notes, self._tokenizer.sentences_many(n.text for n in notes), strict=True):
            yield self._analyse(note, sentences)

    def qualify(self, text: str, start: int, end: int) -> QualifiedSpan:
        """Context of any target span, whether or not the vocabulary knows it."""
        for sentence in self._tokenizer.sentences(text):
            inside = [i for i, t in enumerate(sentence.tokens) if t.start < end and start < t.end]
            if inside:
                hits = self._context.hits(sentence)
                context = self._context.context(sentence, hits, inside[0], inside[-1] + 1, text=text)
                who = self._participants.find(sentence, inside[0], inside[-1] + 1, "noun")
                about = decide("", "", context, who, text)
                qualifiers = replace(context.qualifiers, experiencer=about.experiencer)
                triggers = tuple(t for t in context.triggers if t.qualifier != "experiencer") + about.triggers
                return QualifiedSpan(qualifiers, tuple(sorted(triggers, key=lambda t: t.span.start)))
        return QualifiedSpan(Qualifiers(), ())

    def _analyse(self, note: Note, sentences: list[Sentence]) -> Analysis:
        coded: list[CodedFinding] = []
        considered: list[Considered] = []
        for sentence in sentences:
            targets = _non_overlapping(self._matcher.find(sentence.norms))
            if not targets:
                continue
            hits = self._context.hits(sentence)
            for match in targets:
                result = self._code(note.text, sentence, hits, match)
                (coded if isinstance(result, CodedFinding) else considered).append(result)
        return Analysis(
            note=note, suggestions=tuple(self._coder.suggestions(coded)), considered=tuple(considered)
        )

    def _code(self, text: str, sentence: Sentence, hits, match: Match) -> CodedFinding | Considered:
        term: Term = match.key  # type: ignore[assignment]
        concept = self.vocabulary.concepts[term.concept]
        context = self._context.context(
            sentence, hits, match.start, match.end, concept.id, concept.kind, text
        )
        who = self._participants.find(sentence, match.start, match.end, term.form)
        about = decide(concept.id, concept.kind, context, who, text)
        first, last = sentence.tokens[match.start], sentence.tokens[match.end - 1]
        triggers = tuple(t for t in context.triggers if t.qualifier != "experiencer") + about.triggers
        finding = Finding(
            concept=about.concept,
            evidence=Span(first.start, last.end, text[first.start : last.end]),
            qualifiers=replace(context.qualifiers, experiencer=about.experiencer),
            triggers=tuple(sorted(triggers, key=lambda t: t.span.start)),
            sentence=Span(sentence.start, sentence.end, text[sentence.start : sentence.end]),
        )
        if about.experiencer != "client":
            return Considered(finding, about.note or "niet over de jeugdige")
        kind = self.vocabulary.concepts[about.concept].kind
        return self._coder.code(finding, kind, about.dependency)


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
