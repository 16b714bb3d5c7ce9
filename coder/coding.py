"""Findings -> suggestions, by the codebook rules. One suggestion per code, with all its evidence.

Only findings about the client become suggestions; the rest are kept as "considered" with the reason.
Signs (bruises, a hungry child) support at most a vermoeden. The safety plan becomes value ja or nee:
"geen veiligheidsplan" and a plan still to be made are answered "nee".
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from coder.model import CERTAINTY_STRENGTH, Considered, Finding, Span, Suggestion, Trigger
from terminology.codebook import Codebook, CodebookRule
from terminology.codesystems import CodeSystems, from_short

SEEN = frozenset(
    "zag zagen zie zien ziet gezien trof troffen aangetroffen constateer constateren constateerde "
    "constateerden geconstateerd waargenomen geobserveerd observeerde observeerden".split()
)  # the writer's own observation
STRONG_CONFIRMATION = frozenset(
    (
        "bevestigd bevestigt bevestigen bevestigde vastgesteld vast letselduiding aangetoond bewezen "
        "veroordeeld bekend bekende erkent erkend erkende toegegeven toe uitgewezen toegebracht "
        "toegebrachte concludeert concludeerde"
    ).split()
)
STILL_IN_USE = (
    "geëvalueerd",
    "geevalueerd",
    "bijgesteld",
    "houden zich aan",
    "houdt zich aan",
    "wordt gevolgd",
    "nog steeds",
)
CERTAINTY_REASON = {"feit": "een feit", "vermoeden": "een vermoeden", "mening": "een mening"}
TEMPORALITY_REASON = {
    "historical": "het speelde in het verleden",
    "future": "het is nog niet zo",
    "hypothetical": "het is een mogelijkheid, geen gebeurtenis",
}


@dataclass(frozen=True)
class CodedFinding:
    """A finding about the client with the rule that codes it."""

    finding: Finding
    rule: CodebookRule
    kind: str
    value: str | None = None  # ja/nee for the safety plan


class Coder:
    def __init__(self, codebook: Codebook, code_systems: CodeSystems) -> None:
        self._codebook = codebook
        self._systems = code_systems

    def code(self, finding: Finding, kind: str, dependency: bool | None) -> CodedFinding | Considered:
        if finding.qualifiers.experiencer != "client":
            return Considered(finding, "niet over de jeugdige")
        if finding.concept == "abuse_sign" and dependency is False:
            return Considered(finding, "letsel past bij geweld door een leeftijdgenoot of onbekende")
        rule = self._codebook.rule_for(finding.concept, _default_dependency(finding.concept, dependency))
        if rule is None:
            return Considered(finding, "geen codeerregel voor dit begrip")
        if kind == "safety_plan":
            q = finding.qualifiers
            still_used = finding.sentence is not None and any(
                w in finding.sentence.text.lower() for w in STILL_IN_USE
            )  # "het veiligheidsplan van vorig jaar is geëvalueerd en bijgesteld"
            if q.temporality == "historical" and q.polarity == "present" and not still_used:
                return Considered(finding, "een eerder veiligheidsplan zegt niet dat er nu een is")
            if still_used and q.temporality == "historical":
                finding = replace(finding, qualifiers=replace(q, temporality="current"))
            return _safety_plan(finding, rule, kind)
        if rule.max_certainty and _stronger(finding.qualifiers.certainty, rule.max_certainty):
            confirmed = any(
                t.qualifier == "certainty"
                and t.value == "feit"
                and STRONG_CONFIRMATION & set(t.span.text.lower().split())
                for t in finding.triggers
            )  # "letselduiding", "vastgesteld": not "bleek" or "ik zag", which see a sign, not abuse
            seen = rule.seen_confirms and any(
                t.qualifier == "certainty" and t.value == "feit" and SEEN & set(t.span.text.lower().split())
                for t in finding.triggers
            )  # "troffen wij Nina alleen in de woning aan": the neglect itself was seen
            if not (confirmed or seen):
                finding = replace(
                    finding,
                    qualifiers=replace(finding.qualifiers, certainty=rule.max_certainty),
                    triggers=_add(
                        finding.triggers, Trigger(finding.evidence, "certainty", rule.max_certainty)
                    ),
                )
        return CodedFinding(finding, rule, kind)

    def suggestions(self, coded: list[CodedFinding]) -> list[Suggestion]:
        """One suggestion per code: asserted findings merge (the best supported leads); a code with none
        asserted shows each distinct absent/future/hypothetical reading once."""
        groups: dict[tuple[str, str, str | None], list[CodedFinding]] = {}
        for item in coded:
            for short in item.rule.codes:
                system, code, _ = from_short(short)
                groups.setdefault((system, code, item.value), []).append(item)
        result: list[Suggestion] = []
        for (system, code, value), items in groups.items():
            asserted = [i for i in items if _asserted(i.finding)]
            if asserted:
                result.append(self._suggest(system, code, value, _lead(asserted), asserted))
                continue
            seen: set[tuple[str, str]] = set()
            for item in items:
                q = item.finding.qualifiers
                if (q.polarity, q.temporality) not in seen:
                    seen.add((q.polarity, q.temporality))
                    result.append(self._suggest(system, code, value, item, [item]))
        result.sort(key=lambda s: (not s.asserted, s.evidence[0].start, s.system, s.code))
        return result

    def _suggest(
        self, system: str, code: str, value: str | None, lead: CodedFinding, items: list[CodedFinding]
    ) -> Suggestion:
        concept = self._systems.get(system, code)
        return Suggestion(
            system=system,
            code=code,
            display=concept.display if concept is not None else code,
            qualifiers=lead.finding.qualifiers,
            evidence=_unique([lead.finding.evidence] + [i.finding.evidence for i in items]),
            triggers=lead.finding.triggers,
            rule=lead.rule.id,
            why=_why(lead),
            value=value,
        )


def _default_dependency(concept: str, dependency: bool | None) -> bool | None:
    if dependency is not None:
        return dependency
    # "seksueel misbruik" of a child without a named doer is child abuse; "verkrachting"/"aanranding"
    # without one is sexual violence, not (yet) known to be within a dependency relation.
    return {"abuse_sexual": True, "sexual_violence": False}.get(concept)


def _safety_plan(finding: Finding, rule: CodebookRule, kind: str) -> CodedFinding:
    q = finding.qualifiers
    if q.polarity == "absent" or q.temporality == "future":
        moved = tuple(
            replace(t, qualifier="value", value="nee")
            if (t.qualifier, t.value) in (("polarity", "absent"), ("temporality", "future"))
            else t
            for t in finding.triggers
        )
        finding = replace(
            finding, qualifiers=replace(q, polarity="present", temporality="current"), triggers=moved
        )
        return CodedFinding(finding, rule, kind, value="nee")
    return CodedFinding(finding, rule, kind, value="ja")


def _asserted(finding: Finding) -> bool:
    q = finding.qualifiers
    return q.polarity == "present" and q.temporality not in ("future", "hypothetical")


def _lead(items: list[CodedFinding]) -> CodedFinding:
    """The finding a suggestion's qualifiers come from. An explicit confirmation ("bevestigd", "vastgesteld")
    leads; else an explicit hedge or opinion ("vermoeden", "volgens", "vindt"), since when in doubt the
    weaker value holds; else a plain statement. Then the current one, then the first."""

    def weight(item: CodedFinding) -> tuple[int, bool, int]:
        finding = item.finding
        certainty_words = [t for t in finding.triggers if t.qualifier == "certainty"]
        said = {t.value for t in certainty_words if t.span != finding.evidence}
        capped = any(t.span == finding.evidence for t in certainty_words)
        if "feit" in said:
            rank = 4
        elif said:
            rank = 3
        elif not capped:
            rank = 2  # a plain statement ("er is sprake van verwaarlozing")
        else:
            rank = 1  # only a sign, capped at vermoeden by its rule
        return rank, finding.qualifiers.temporality == "current", -finding.evidence.start

    return max(items, key=weight)


def _stronger(certainty: str, cap: str) -> bool:
    return CERTAINTY_STRENGTH[certainty] > CERTAINTY_STRENGTH[cap]


def _add(triggers: tuple[Trigger, ...], trigger: Trigger) -> tuple[Trigger, ...]:
    kept = tuple(t for t in triggers if t.qualifier != trigger.qualifier)
    return tuple(sorted(kept + (trigger,), key=lambda t: t.span.start))


def _unique(spans: list[Span]) -> tuple[Span, ...]:
    seen, result = set(), []
    for span in spans:
        if (span.start, span.end) not in seen:
            seen.add((span.start, span.end))
            result.append(span)
    return tuple(result)


def _why(item: CodedFinding) -> str:
    finding = item.finding
    q = finding.qualifiers
    sentence = item.rule.why.format(evidence=f"‘{finding.evidence.text}’")
    reasons = []
    if item.value == "nee":
        words = [t.span.text for t in finding.triggers if t.qualifier == "value"]
        reasons.append(
            f"‘{words[0]}’ betekent dat er nu geen veiligheidsplan is" if words else "er is nu geen plan"
        )
    elif q.polarity == "absent":
        words = [t.span.text for t in finding.triggers if t.qualifier == "polarity"]
        reasons.append(f"maar ‘{words[0]}’ zegt dat het er niet is" if words else "maar het is er niet")
    if q.temporality != "current":
        reasons.append(TEMPORALITY_REASON[q.temporality])
    certainty_words = [t.span.text for t in finding.triggers if t.qualifier == "certainty"]
    if item.kind != "safety_plan":
        if certainty_words:
            reasons.append(f"‘{certainty_words[0]}’ maakt het {CERTAINTY_REASON[q.certainty]}")
        else:
            reasons.append("het staat er zonder voorbehoud, dus een feit")
    return "; ".join([sentence, *reasons]) + "."
