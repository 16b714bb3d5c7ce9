"""The context step: for a target in a sentence, which triggers reach it and what they set.

Like ConText: each trigger has a direction and a scope that ends at a terminator (maar, echter, ';') or
the end of the sentence; every qualifier that is not its default keeps the trigger words that set it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from coder.matcher import PhraseMatcher
from coder.model import Qualifiers, Span, Trigger
from coder.people import People
from coder.tokens import Sentence
from terminology.patterns import compile_pattern
from terminology.triggers import TriggerRule, TriggerSet


@dataclass(frozen=True)
class TriggerHit:
    rule: TriggerRule
    start: int  # token positions in the sentence, end exclusive
    end: int
    positions: tuple[int, ...] = ()  # the trigger's own words (a gap may hold the finding)


@dataclass(frozen=True)
class SentenceTriggers:
    own: list[TriggerHit]  # what the sentence's triggers say about its own findings
    about_previous: tuple[TriggerHit, ...]  # confessions/confirmations of the sentence before


@dataclass(frozen=True)
class Context:
    """What the context step found for one target."""

    qualifiers: Qualifiers
    triggers: tuple[Trigger, ...]
    confirmed: bool = False  # a confirming trigger (bevestigd, vastgesteld, ik zag ...) reaches the target
    own_history: bool = False  # about a family member's own past ("als kind", "in haar jeugd")
    reporter_role: str | None = None  # who says it, when someone does (a peer reporting is about the peer)
    reporter: Span | None = None
    hearsay: bool = False  # "volgens een klasgenote ...": the reporter passes on, it is not her own story


class ContextFinder:
    def __init__(self, triggers: TriggerSet, people: People) -> None:
        self._triggers = triggers
        self._matcher = PhraseMatcher(((r, r.pattern) for r in triggers.rules), corrector=None)
        self._people = people

    def hits(self, sentence: Sentence, reference_year: int | None = None) -> SentenceTriggers:
        """The triggers in a sentence, after pseudo-triggers have hidden what they contain, and apart from
        them those that speak of the sentence before ("Vader erkent het incident"). A year before the note's
        own year ("in 2022", "tot 2023") counts as a trigger for the past."""
        own: list[TriggerHit] = []
        about_previous: list[TriggerHit] = []
        for m in self._matcher.find(sentence.norms):
            hit = TriggerHit(m.key, m.start, m.end, m.positions)  # type: ignore[arg-type]
            (about_previous if hit.rule.confirms_note or hit.rule.denies_note else own).append(hit)
        if reference_year is not None:
            own.extend(_past_years(sentence, reference_year))
        return SentenceTriggers(_resolve(own), tuple(about_previous))

    def context(
        self,
        sentence: Sentence,
        hits: list[TriggerHit],
        target_start: int,
        target_end: int,
        concept: str = "",
        kind: str = "",
        text: str = "",
        matched: tuple[int, ...] = (),
    ) -> Context:
        """`matched`: the finding's own word positions; a trigger in a gap between them ("schreeuwt niet
        tegen haar") reaches it."""
        norms = set(sentence.norms)
        reaching = [
            hit
            for hit in hits
            if not hit.rule.pseudo
            and not hit.rule.about_other_sentences  # weighed over the note, where more is seen
            and hit.rule.applies_to(concept, kind)
            and (not hit.rule.requires or hit.rule.requires & norms)
            and (
                self._reaches(sentence, hit, target_start, target_end)
                or _in_gap(hit, target_start, target_end, matched)
            )
        ]
        # seeing a bruise is seeing a sign, not seeing abuse; seeing a child left alone is seeing the neglect
        seen_is_a_sign = kind == "sign" and concept != "neglect_sign"
        return self._qualify(sentence, reaching, target_start, target_end, text, seen_is_a_sign)

    def _reaches(self, sentence: Sentence, hit: TriggerHit, start: int, end: int) -> bool:
        if hit.start < end and start < hit.end:
            # "bleek het vermoeden van mishandeling ongegrond": the finding stands in the trigger's gap.
            # Words inside the finding itself ("zonder" in "zonder ontbijt") set nothing.
            return hit.start < start and end <= hit.end and not any(start <= p < end for p in hit.positions)
        rule = hit.rule
        if start >= hit.end and rule.direction in ("forward", "both"):
            between = range(hit.end, start)
        elif end <= hit.start and rule.direction in ("backward", "both"):
            between = range(end, hit.start)
        else:
            return False
        if rule.max_scope is not None and len(between) > rule.max_scope:
            return False
        terminators = self._triggers.terminators | rule.stops_at
        if rule.confirms:  # "...; dit is bevestigd door de kinderarts" confirms across the semicolon
            terminators = terminators - {";"}
        return not any(sentence.tokens[i].norm in terminators for i in between)

    def _qualify(
        self,
        sentence: Sentence,
        reaching: list[TriggerHit],
        start: int,
        end: int,
        text: str,
        seen_is_a_sign: bool = False,
    ) -> Context:
        by_value: dict[tuple[str, str], list[TriggerHit]] = {}
        for hit in reaching:
            by_value.setdefault((hit.rule.qualifier, hit.rule.value), []).append(hit)  # type: ignore[arg-type]

        def distance(hit: TriggerHit) -> int:
            return min(abs(hit.start - end), abs(start - hit.end))

        def nearest(qualifier: str, value: str) -> TriggerHit | None:
            found = by_value.get((qualifier, value))
            return min(found, key=distance) if found else None

        chosen: dict[str, tuple[str, TriggerHit]] = {}
        absent = nearest("polarity", "absent")
        if absent:
            chosen["polarity"] = ("absent", absent)
        for value in ("hypothetical", "future", "historical"):
            hit = nearest("temporality", value)
            if hit:
                chosen["temporality"] = (value, hit)
                break
        confirm = nearest("certainty", "feit")
        if confirm and seen_is_a_sign and confirm.rule.observes:
            confirm = None  # "zag ik blauwe plekken": seeing a sign is not seeing abuse
        hedges = [h for h in (nearest("certainty", "mening"), nearest("certainty", "vermoeden")) if h]
        weaker = hedges[0] if hedges else None  # the weaker wins when both are said
        if confirm and weaker and distance(weaker) < distance(confirm):
            confirm = None  # "vermoeden dat X ...; een soa is vastgesteld": the hedge is about X
        if confirm:
            chosen["certainty"] = ("feit", confirm)
        elif weaker:
            chosen["certainty"] = (weaker.rule.value, weaker)  # type: ignore[assignment]
        family = nearest("experiencer", "family")
        if family:
            chosen["experiencer"] = ("family", family)

        qualifiers = Qualifiers()
        triggers: list[Trigger] = []
        for qualifier, (value, hit) in chosen.items():
            qualifiers = replace(qualifiers, **{qualifier: value})
            triggers.append(_trigger(sentence, hit.start, hit.end, qualifier, value, text))

        reporter_hit = self._reporter_hit(reaching, start, end)
        reporter_role = None
        reporter = None
        if reporter_hit is not None:
            forward_first = reporter_hit.rule.reporter_follows
            person = self._people.person_within(
                sentence, reporter_hit.start, reporter_hit.end
            ) or self._people.reporter_near(sentence, reporter_hit.start, reporter_hit.end, forward_first)
            if person is not None:
                reporter_role = person.role
                reporter = Span(
                    person.token.start, person.token.end, text[person.token.start : person.token.end]
                )
                observed = (
                    reporter_hit.rule.observes
                    and person.token.norm in self._people.lexicon.observers
                    and not seen_is_a_sign
                )
                if observed and qualifiers.certainty == "vermoeden" and "certainty" in chosen:
                    if chosen["certainty"][1] is reporter_hit:  # "de gezinsvoogd zag": their own observation
                        qualifiers = replace(qualifiers, certainty="feit")
                        triggers = [t for t in triggers if t.qualifier != "certainty"]
                        triggers.append(
                            _trigger(
                                sentence, reporter_hit.start, reporter_hit.end, "certainty", "feit", text
                            )
                        )
                source = self._people.source_of(person)
                if source != qualifiers.source:
                    qualifiers = replace(qualifiers, source=source)
                    token = person.token
                    triggers.append(
                        Trigger(Span(token.start, token.end, text[token.start : token.end]), "source", source)
                    )
            elif qualifiers.source == "professional" and not reporter_hit.rule.confirms:
                qualifiers = replace(qualifiers, source="unknown")
                triggers.append(
                    _trigger(sentence, reporter_hit.start, reporter_hit.end, "source", "unknown", text)
                )
        return Context(
            qualifiers=qualifiers,
            triggers=tuple(sorted(triggers, key=lambda t: t.span.start)),
            confirmed=confirm is not None,
            own_history=family is not None,
            reporter_role=reporter_role,
            reporter=reporter,
            hearsay=reporter_hit is not None and reporter_hit.rule.reporter_follows,
        )

    @staticmethod
    def _reporter_hit(reaching: list[TriggerHit], start: int, end: int) -> TriggerHit | None:
        reporters = [h for h in reaching if h.rule.reporter]
        if not reporters:
            return None
        return min(reporters, key=lambda h: min(abs(h.start - end), abs(start - h.end)))


PAST_YEAR_RULE = TriggerRule(
    id="past-year",
    pattern=compile_pattern("in|tot|van|voor|rond|sinds 19*|20*"),
    qualifier="temporality",
    value="historical",
    direction="both",
)
YEAR_PREPOSITIONS = frozenset(
    {"in", "tot", "van", "voor", "rond", "begin", "eind", "medio", "tussen", "uit", "periode"}
)


def _past_years(sentence: Sentence, reference_year: int) -> list[TriggerHit]:
    hits = []
    for i, token in enumerate(sentence.tokens[1:], start=1):
        years = token.norm.replace("\u2013", "-").split("-")  # "2019-2021": the period ended in 2021
        if all(len(y) == 4 and y.isdigit() for y in years) and 1950 <= int(years[-1]) < reference_year:
            if sentence.tokens[i - 1].norm in YEAR_PREPOSITIONS or len(years) == 2:  # "(2018-2020)"
                hits.append(TriggerHit(PAST_YEAR_RULE, i - 1, i + 1, (i - 1, i)))
    return hits


def _trigger(sentence: Sentence, start: int, end: int, qualifier: str, value: str, text: str) -> Trigger:
    first, last = sentence.tokens[start], sentence.tokens[end - 1]
    return Trigger(Span(first.start, last.end, text[first.start : last.end]), qualifier, value)


def _resolve(hits: list[TriggerHit]) -> list[TriggerHit]:
    """Pseudo-triggers hide the shorter triggers inside them; 'pseudo_for' ones hide only the named values
    nearby ("sinds vorig jaar" is not in the past). A trigger whose words all belong to a longer one is
    dropped ("zorgen" in "geen zorgen", "bleek" in "bleek ... ongegrond")."""
    hidden: set[int] = set()
    for hit in hits:
        rule = hit.rule
        if not rule.pseudo:
            continue
        for j, other in enumerate(hits):
            if other.rule.pseudo:
                continue
            if not rule.pseudo_for:
                inside = hit.start <= other.start and other.end <= hit.end
                if inside and (other.end - other.start) < (hit.end - hit.start):
                    hidden.add(j)
            else:
                sets = f"{other.rule.qualifier}={other.rule.value}"
                reach = rule.max_scope if rule.max_scope is not None else 3
                if other.rule.ends_earlier or other.rule.continues_past:
                    continue  # "sinds 2016 woont hij weer bij moeder": 'sinds' speaks of now, the end stands
                if sets in rule.pseudo_for and hit.start <= other.start <= hit.end + reach:
                    hidden.add(j)
    kept = [h for j, h in enumerate(hits) if j not in hidden]
    return [hit for hit in kept if not any(_swallows(o, hit) for o in kept)]


def _swallows(longer: TriggerHit, hit: TriggerHit) -> bool:
    """A trigger inside a longer one that sets the same ("geen" in "geen aanwijzingen"), or a confirmation
    inside a negation ("bleek" in "bleek ongegrond"). "signalen" in "geen signalen van X, wel van Y" stays:
    it still hedges Y."""
    inside = len(longer.positions) > len(hit.positions) and set(hit.positions) <= set(longer.positions)
    same = longer.rule.qualifier == hit.rule.qualifier
    hides = longer.rule.pseudo and (
        not longer.rule.pseudo_for or f"{hit.rule.qualifier}={hit.rule.value}" in longer.rule.pseudo_for
    )  # "per 1 juni ... teruggeplaatst" hides the future of 'per', not the past of 'teruggeplaatst'
    return inside and (same or hit.rule.confirms or hides)


def _in_gap(hit: TriggerHit, start: int, end: int, matched: tuple[int, ...]) -> bool:
    """The trigger stands inside the finding, between its own words: "schreeuwt niet tegen haar"."""
    if not matched or not (start <= hit.start and hit.end <= end):
        return False
    own = hit.positions or tuple(range(hit.start, hit.end))
    return set(matched).isdisjoint(own)
