"""Whom a finding is about, and whether a sexual act happened within a dependency relation.

"Vader slaat hem" is about the client. "Opa is vroeger door zijn eigen vader mishandeld" is about a family
member and never becomes a code for the client. "Vader slaat moeder" is domestic violence the client
witnesses. "Tim slaat klasgenoten" is about other children: the client is the one doing it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from coder.context import Context
from coder.model import Span, Trigger
from coder.participants import PARTNER_WORDS, SIBLINGS, Participants

CLIENT_DID_IT = "de jeugdige is hier degene die het doet, niet degene die het overkomt"
SOMEONE_ELSE = "het gaat over een ander kind of een andere persoon"
ADULT_FAMILY = frozenset({"caregiver", "family_adult"})
OUTSIDERS = frozenset({"peer", "stranger", "authority"})
DEPENDENCY_ROLES = frozenset({"caregiver", "family_adult", "authority"})
ACTS_WITNESSED_AGAINST_ADULTS = frozenset(
    {"abuse_physical", "abuse_emotional", "abuse_general", "domestic_violence"}
)


@dataclass(frozen=True)
class About:
    concept: str  # may change: violence against a parent becomes domestic violence the client witnesses
    experiencer: str
    triggers: tuple[Trigger, ...]
    dependency: bool | None  # sexual acts: is the doer someone the child depends on? None: not said
    note: str = ""  # a short Dutch explanation when the finding is not about the client
    doer_pronoun: str | None = None  # "hij heeft haar gedwongen": who "hij" is may be told earlier


def decide(
    concept: str,
    kind: str,
    context: Context,
    who: Participants,
    text: str,
    witnessed: bool = False,
    adult_undergoer: bool = False,
    in_childhood: bool = False,
) -> About:
    """`witnessed`: the sentence says the children saw or were there ("gezien hoe", "erbij", "getuige").
    `adult_undergoer`: the one it happened to is a "hij"/"zij" that points at a parent or another grown-up;
    `in_childhood`: this sentence or the one before speaks of a grown-up's own childhood (coder/cast.py)."""
    doer, undergoer = who.doer, who.undergoer
    dependency = _dependency(who)
    historical = context.qualifiers.temporality == "historical"

    def about(experiencer: str, person, note: str, new_concept: str = concept) -> About:
        triggers: tuple[Trigger, ...] = ()
        if person is not None and experiencer != "client":
            t = person.token
            triggers = (Trigger(Span(t.start, t.end, text[t.start : t.end]), "experiencer", experiencer),)
        return About(new_concept, experiencer, triggers, dependency, note)

    if kind == "safety_plan":
        return About(concept, "client", (), None)
    if adult_undergoer and undergoer is not None and undergoer.role in ("pronoun", "client", "caregiver"):
        # "Vader groeide op bij zijn opa; hij werd daar geslagen": the father, in his own childhood
        undergoer = replace(undergoer, role="caregiver")
        historical = historical or in_childhood
        if historical or context.own_history:
            return about("family", undergoer, "het gaat over de eigen geschiedenis van een familielid")
    if concept == "assault" and doer is not None and doer.role in ADULT_FAMILY | {"authority"}:
        concept = "abuse_physical"  # "vader heeft haar met een mes bedreigd": not street violence
        dependency = True
    if concept == "assault" and not who.client_mentioned:
        return About(concept, "other", (), False, "geen jeugdige genoemd bij dit geweld")
    if (
        undergoer is not None
        and undergoer.role == "pronoun"
        and _refers_to_reporter(undergoer, context, text)
    ):
        # "Moeder vertelt dat zij als kind ...": the pronoun is the mother herself
        undergoer = replace(undergoer, role="caregiver")
        historical = historical or in_childhood
    peer_did_it = (
        doer is not None and doer.role == "pronoun" and doer.token.norm in ("hij", "zij", "ze")
    ) or (
        context.qualifiers.certainty
        == "feit"  # "de ex-vriend heeft bekend dat ...": a confession, not her story
    )
    if (
        context.reporter_role == "peer"
        and not context.hearsay
        and not peer_did_it  # "de ex-vriend heeft bekend dat hij haar ... heeft gedwongen"
        and (undergoer is None or undergoer.role == "pronoun" or _is_the_reporter(undergoer, context))
    ):
        # "een vriendin vertelt dat haar vader haar slaat": it is about the friend
        trigger = Trigger(context.reporter, "experiencer", "other") if context.reporter else None
        return About(
            concept,
            "other",
            (trigger,) if trigger else (),
            dependency,
            "een ander kind vertelt dit over zichzelf",
        )
    if (
        kind == "act"
        and doer is not None
        and doer.role == "client"
        and (undergoer is None or undergoer.role != "client")
    ):
        return about("other", doer, CLIENT_DID_IT)
    if concept == "neglect_sign" and undergoer is not None and undergoer.role in ADULT_FAMILY:
        undergoer = None  # "moeder liet de kinderen alleen thuis": the parent is the one who falls short
    if _man_and_woman(doer, undergoer):  # "de man zou de vrouw hebben geslagen": a couple
        doer, undergoer = replace(doer, role="caregiver"), replace(undergoer, role="caregiver")
    if undergoer is not None and undergoer.role in ADULT_FAMILY:
        if historical and not context.own_history and concept in ACTS_WITNESSED_AGAINST_ADULTS and witnessed:
            return About("domestic_violence", "client", (), None)  # "de kinderen hebben destijds gezien hoe"
        if context.own_history or historical:
            return about("family", undergoer, "het gaat over de eigen geschiedenis van een familielid")
        if (
            concept in ACTS_WITNESSED_AGAINST_ADULTS
            and (doer is None or doer.role in ADULT_FAMILY | {"pronoun"} or doer.token.norm in PARTNER_WORDS)
            and (undergoer.role == "caregiver" or witnessed)  # an aunt's partner: not in the child's home
        ):
            return About("domestic_violence", "client", (), None)
        return about("family", undergoer, "het gaat over een familielid, niet over de jeugdige")
    if undergoer is not None and undergoer.role == "animal":
        return about("other", undergoer, "het gaat over een dier")
    if undergoer is not None and undergoer.role in OUTSIDERS:
        return about("other", undergoer, SOMEONE_ELSE)
    told_by_client = context.reporter_role == "client"  # "pt. (19) vertelt dat ze als kind ...": her own past
    if context.own_history and not told_by_client and (undergoer is None or undergoer.role != "client"):
        family_trigger = next(t for t in context.triggers if t.qualifier == "experiencer")
        return About(
            concept,
            "family",
            (family_trigger,),
            dependency,
            "het gaat over de eigen geschiedenis van een familielid",
        )
    pronoun = doer.token.norm if doer is not None and doer.role == "pronoun" else None
    return About(concept, "client", (), dependency, doer_pronoun=pronoun)


MEN = frozenset({"man", "meneer", "dhr"})
WOMEN = frozenset({"vrouw", "mevrouw", "mw", "mevr"})


MALE_PEERS = frozenset({"klasgenoot", "vriend", "vriendje", "buurjongen", "neefje", "klasgenootje"})
FEMALE_PEERS = frozenset({"klasgenote", "vriendin", "vriendinnetje", "buurmeisje", "nichtje"})


def _is_the_reporter(undergoer, context: Context) -> bool:
    """ "Een klasgenoot vertelde dat zijn vader hem slaat": 'hem' is the boy who tells, not the client."""
    if context.reporter is None:
        return False
    said_by = context.reporter.text.lower()
    norm = undergoer.token.norm
    return (norm == "hem" and said_by in MALE_PEERS) or (norm == "haar" and said_by in FEMALE_PEERS)


def _man_and_woman(doer, undergoer) -> bool:
    if doer is None or undergoer is None:
        return False
    pair = {doer.token.norm, undergoer.token.norm}
    return bool(pair & MEN) and bool(pair & WOMEN)


def _dependency(who: Participants) -> bool | None:
    doer = who.doer
    if doer is None or doer.role == "pronoun":
        return None
    if doer.role in DEPENDENCY_ROLES or doer.token.norm in SIBLINGS:
        return True
    if doer.role in ("peer", "stranger"):
        return False
    return None


MOTHERS = frozenset({"moeder", "mama", "mam", "stiefmoeder", "pleegmoeder", "oma", "tante"})
FATHERS = frozenset({"vader", "papa", "pap", "stiefvader", "pleegvader", "opa", "oom"})


def _refers_to_reporter(pronoun, context: Context, text: str) -> bool:
    if context.reporter is None or context.reporter_role not in ("caregiver", "family_adult"):
        return False
    reporter = context.reporter.text.lower()
    said = pronoun.token.norm
    return (reporter in MOTHERS and said in ("zij", "ze")) or (reporter in FATHERS and said == "hij")
