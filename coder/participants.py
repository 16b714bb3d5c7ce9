"""Who did what to whom: the doer and the one it happened to, read from Dutch word order.

Active ("vader slaat hem"): the doer is the subject, the one it happens to the object. Passive or a name
for the event ("hij wordt door vader geslagen", "mishandeling door stiefvader"): the doer follows "door",
the one it happens to is the subject or follows "van"/"bij". Good enough for case notes; where it cannot
tell, it says nothing and the finding stays about the client.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from coder.people import People, Person
from coder.tokens import Sentence, Token

PREPOSITIONS = frozenset(
    {
        "door",
        "van",
        "bij",
        "met",
        "tegen",
        "aan",
        "voor",
        "op",
        "naar",
        "over",
        "om",
        "tot",
        "in",
        "uit",
        "zonder",
        "volgens",
        "als",  # "zij is als kind ... geslagen": "kind" is what she was then, not another person
    }
)
NOUN_PHRASE_FILLERS = frozenset(
    {"de", "het", "een", "zijn", "haar", "hun", "mijn", "die", "dat", "deze", "eigen", "toenmalige", "nieuwe",
     "biologische", "oudere", "jongere", "andere", "twee", "drie", "vier", "meerdere", "enkele", "volwassen",
     "oudste", "jongste", "zelf", "groep", "stel", "paar", "bende", "aantal", "van"}
)  # fmt: skip
SEEING_VERBS = frozenset(
    {
        "ziet",
        "zag",
        "zagen",
        "zien",
        "heeft",
        "hebben",
        "constateert",
        "constateerde",
        "merkt",
        "merkte",
        "vond",
    }
)
AUXILIARY_FOLLOWERS = frozenset(
    {"door", "vaak", "regelmatig", "meermaals", "al", "ook", "niet", "nooit", "jarenlang"}
)
# walking back from a person to its preposition: "dat"/"die" are conjunctions there ("geeft aan dat hij ...")
WALK_BACK_OVER = NOUN_PHRASE_FILLERS - {"dat", "die", "deze"}
ADJECTIVE_PERSON_WORDS = frozenset({"onbekende", "volwassen", "oudere", "jongere", "nieuwe", "toenmalige"})
FEMALE = frozenset({"moeder", "mama", "mam", "stiefmoeder", "pleegmoeder", "oma", "tante", "vrouw", "mdr"})
MALE = frozenset({"vader", "papa", "pap", "stiefvader", "pleegvader", "opa", "oom", "man", "vdr"})
PARTNER_WORDS = frozenset({"man", "vrouw", "vriend", "vriendin", "partner", "echtgenoot", "echtgenote"})
EX_PARTNER_WORDS = frozenset(
    {"ex", "ex-partner", "expartner", "ex-man", "exman", "ex-vrouw", "ex-echtgenoot"}
)
OBJECT_PRONOUNS = frozenset({"hem", "hen", "hun", "mij", "me", "zichzelf"})
SIBLINGS = frozenset(
    {
        "broer",
        "zus",
        "broertje",
        "zusje",
        "broers",
        "zussen",
        "halfzus",
        "halfbroer",
        "stiefbroer",
        "stiefzus",
        "halfzusje",
        "halfbroertje",
        "stiefzusje",
        "stiefbroertje",
        "pleegbroer",
        "pleegzus",
        "zusjes",
        "broertjes",
        "tweelingbroer",
        "tweelingzus",
        "tweelingzusje",
        "tweelingbroertje",
    }
)


COUSINS = frozenset({"neefje", "nichtje", "neefjes", "nichtjes"})
SINGLE_SIBLINGS = frozenset({"broer", "zus", "halfbroer", "halfzus", "stiefbroer", "stiefzus"})


@dataclass(frozen=True)
class Participants:
    doer: Person | None
    undergoer: Person | None  # the one it happened to
    client_mentioned: bool = True  # a client word, a name or a pronoun stands in the clause


class ParticipantFinder:
    def __init__(self, people: People) -> None:
        self._people = people
        self._lexicon = people.lexicon

    def find(
        self,
        sentence: Sentence,
        start: int,
        end: int,
        form: str,
        kind: str = "",
        matched: tuple[int, ...] = (),
    ) -> Participants:
        """`matched`: the phrase's own word positions; other words inside it (a gap) may name people."""
        found = self._find(sentence, start, end, form, kind, frozenset(matched))
        tokens = sentence.tokens
        first, last = self._clause(sentence, start, end)
        if found.undergoer is None and found.doer is not None:
            # "na mishandeling door haar partner", "ouders hebben elkaar geslagen": between adults
            adult = self._partners_owner(tokens, found.doer) or self._each_other(
                tokens, found.doer, first, last
            )
            if adult is not None:
                found = replace(found, undergoer=adult)
        mentioned = any(
            p.role in ("client", "pronoun") for p in self._people_in(tokens, first, last + 1) if p is not None
        ) or any(
            tokens[i].norm in ("slachtoffer", "hem", "haar", "zij", "hij") for i in range(first, last + 1)
        )
        found = self._as_the_cast_says(tokens, start, kind, found)
        return replace(found, client_mentioned=mentioned)

    def _as_the_cast_says(
        self, tokens: tuple[Token, ...], start: int, kind: str, found: Participants
    ) -> Participants:
        """Whom it happened to, with what the whole note says about its people (coder/cast.py)."""
        cast = self._people.cast
        if found.undergoer is None and (cast.others or cast.adults):
            # "Het nieuwe pleegkind, Jordy (3), had brandplekken op zijn rug", "daar is hij door die vader
            # geslagen", "het buurmeisje (4): dat loopt zonder toezicht op straat": the person named last
            # before it, when that is a child the note names apart from its client
            before = [p for p in self._people_in(tokens, 0, start) if p.role in ("client", "peer", "pronoun")]
            if kind == "sign" and before and not cast.other_child(before[-1].token):
                before = before[:1]  # the signs are on the child the sentence is about
            chosen = before[-1] if before else None
            if chosen is not None and cast.other_child(chosen.token) and not _same(chosen, found.doer):
                found = replace(found, undergoer=chosen)
            elif chosen is not None and cast.adult(chosen.token) and kind == "sign":
                # "hij werd daar geslagen en moest vaak zonder eten naar bed": the grown-up, as a child
                found = replace(found, undergoer=Person(chosen.token, "caregiver"))
        if found.undergoer is not None and cast.other_child(found.undergoer.token):
            # "Bo (4) en Sem (6) waren alleen thuis": the client named together with the other child
            at = _at(tokens, found.undergoer)
            before = self._people_in(tokens, 0, at)
            after = self._people_in(tokens, at + 1, len(tokens))
            if before and before[-1].role == "client" and _joined(tokens, before[-1], found.undergoer):
                found = replace(found, undergoer=before[-1])
            elif after and after[0].role == "client" and _joined(tokens, found.undergoer, after[0]):
                found = replace(found, undergoer=after[0])
        return found

    def _find(
        self,
        sentence: Sentence,
        start: int,
        end: int,
        form: str,
        kind: str,
        matched: frozenset[int] = frozenset(),
    ) -> Participants:
        first, last = self._clause(sentence, start, end)
        tokens = sentence.tokens
        if form == "received":  # "Ayla kreeg klappen van vader": the subject is the one it happens to
            doer = self._after_marker(tokens, first, last, start, end, self._lexicon.agent_markers | {"van"})
            inside = [p for p in self._people_in(tokens, start + 1, end) if _at(tokens, p) not in matched]
            undergoer = self._subject(tokens, first, start, exclude=doer) or next(
                (p for p in inside if not _same(p, doer)), None
            )
            return Participants(doer, undergoer)
        doer = self._after_marker(tokens, first, last, start, end, self._lexicon.agent_markers)
        reported = any(tokens[k].norm in ("aangifte", "melding") for k in range(max(0, start - 3), start))
        if doer is not None and doer.role == "client" and reported:
            # "aangifte van verkrachting door Nadia, gepleegd door een onbekende man": Nadia reports it
            after = _at(tokens, doer) + 1
            doer = self._after_marker(tokens, after, len(tokens) - 1, start, end, self._lexicon.agent_markers)
        if doer is None and first >= 2 and tokens[first - 1].norm == "die":
            # "door een man die hij niet kende ... betast": the agent stands before the relative clause
            doer = self._after_marker(
                tokens, max(0, first - 8), first - 2, start, end, self._lexicon.agent_markers
            )
        # the auxiliary stands before the participle ("is geslagen") or right after it ("geslagen is")
        # "geslagen zou worden": a modal between participle and auxiliary; not "geslagen en is geschorst"
        reach = (
            end + 1 if end < len(tokens) and tokens[end].norm in ("zou", "zouden", "zal", "zullen") else end
        )
        passive = form == "participle" and self._has_auxiliary(tokens, first, min(last, reach))
        if form == "noun" or passive or doer is not None:
            undergoer = self._subject(tokens, first, start, exclude=doer)
            if (
                undergoer is None
            ):  # "haar zus, die ... wordt mishandeld"; "een vriendinnetje, dat geen eten krijgt"
                undergoer = self._relative_antecedent(tokens, first)
            if kind == "placement" and undergoer is None:  # "Sara's halfbroer Youssef (17), ..., woont in"
                undergoer = self._subject(tokens, 0, start, exclude=doer)
            if kind == "sign" and undergoer is None:  # "Bij Mees zijn blauwe plekken gezien"
                undergoer = self._after_marker(tokens, first, start - 1, start, end, frozenset({"bij"}))
            if kind == "sign" and undergoer is not None and _at(tokens, undergoer) + 1 < len(tokens):
                after = _at(tokens, undergoer) + 1
                while after + 1 < len(tokens) and tokens[after].norm == ")":
                    after += 1  # "melder (leerkracht) zag"
                if tokens[after].norm in SEEING_VERBS:
                    undergoer = None  # "de juf ziet striemen op zijn rug": the teacher sees them
            if form == "noun" and kind == "act" and not self._says_experienced(tokens, first, last):
                undergoer = None  # "de politie heeft de oom aangehouden op verdenking van ontucht"
                # "Bij de oudste zus is verwaarlozing vastgesteld": 'bij' names whom it concerns
                undergoer = self._after_marker(tokens, first, start - 1, start, end, frozenset({"bij"}))
            if form == "noun" and kind != "placement":
                near = min(last, end + 3)  # "blauwe plekken op de armen van Tim", "mishandeling van Tim"
                if end < len(tokens) and tokens[end].norm == "om":
                    near = end - 1  # "thuisgehouden om op zijn broertjes te passen": no one it happened to
                markers = self._lexicon.victim_markers
                undergoer = self._after_marker(tokens, end, near, end, end, markers) or undergoer
            return Participants(doer, undergoer)
        # active: "vader slaat hem", "dat zijn vader hem schopt", "soms slaat vader hem"
        told = self._told_inside(tokens, start, end, matched)
        if told is not None:  # "Sofie zegt dat mama haar 'elke dag' uitscheldt voor hoer": mama did it
            return told
        if first >= 2 and tokens[first - 1].norm == "die" and tokens[first].capitalised:
            relative = self._relative_doer_and_object(tokens, first, start)
            if relative is not None and relative.undergoer is not None:
                return relative  # "De jongen die Sanne (14) heeft aangerand": the boy did it, to Sanne
        subject = self._subject(tokens, first, start, exclude=None)
        if subject is None:
            relative = self._relative_doer_and_object(tokens, first, start)
            if relative is not None:  # "moeder deed aangifte tegen vader, die haar een duw gaf"
                return relative
        inside = [
            p
            for p in self._people_in(tokens, start + 1, end)
            if _at(tokens, p) not in matched and not _after_preposition(tokens, _at(tokens, p))
        ]
        doers = [p for p in inside if p.token.norm not in OBJECT_PRONOUNS]
        if subject is None and doers:  # "duwde papa mama tegen de muur": the people stand in the phrase
            rest = [p for p in inside if not _same(p, doers[0])]
            return Participants(doers[0], rest[0] if rest else None)
        objects = [p for p in self._people_in(tokens, end, last + 1) if not _same(p, subject)]
        gap_people = [
            p
            for p in self._people_in(tokens, start + 1, end)
            if _at(tokens, p) not in matched and not _same(p, subject)
        ]
        objects = (
            gap_people + objects
        )  # "vader scheldt de scheidsrechter uit": the one in the phrase is the object
        inverted = (
            objects and _at(tokens, objects[0]) <= end + 1
        )  # "soms slaat vader hem": right after the verb
        if (
            subject is None
            and inverted
            and objects[0].token.norm not in OBJECT_PRONOUNS
            and not _after_preposition(tokens, _at(tokens, objects[0]))  # "schreeuwt tegen zijn zusjes"
        ):
            subject, objects = objects[0], objects[1:]
        if subject is not None and subject.role == "client":
            adult = self._adult_before_relative_clause(tokens, first)
            if adult is not None:  # "oma, die de kinderen opvangt, Bram in zijn armen knijpt"
                return Participants(adult, subject)
        partner_of = self._partner_beaten(tokens, subject, last)
        if partner_of is not None:  # "moeder vertelt dat haar ex haar heeft geslagen": the mother herself
            return Participants(subject, partner_of)
        before_objects = [
            p
            for p in self._people_in(tokens, first, start)
            if not _same(p, subject)
            and not _belongs_to_noun_before(tokens, _at(tokens, p))
            and not _coordinated_with(tokens, p, subject)
        ]  # "de vriend van haar moeder ... haar": not the mother; "haar broer en vader": both did it
        if form == "participle" and before_objects:
            objects = []  # "Sofia heeft een klasgenote geslagen en ...": the object comes first
        undergoer = (objects or before_objects or [None])[0]
        return Participants(subject, undergoer)

    def _told_inside(self, tokens: tuple[Token, ...], start: int, end: int, matched) -> Participants | None:
        """A phrase spanning "zegt dat X ...": X, after 'dat', is the doer, not the one telling."""
        for i in range(start + 1, end):
            if tokens[i].norm != "dat" or i in matched:
                continue
            people = [p for p in self._people_in(tokens, i + 1, end) if _at(tokens, p) not in matched]
            doers = [p for p in people if p.token.norm not in OBJECT_PRONOUNS and p.role != "pronoun"]
            if doers:
                rest = [p for p in people if not _same(p, doers[0])]
                return Participants(doers[0], rest[0] if rest else None)
            return None
        return None

    def _relative_doer_and_object(
        self, tokens: tuple[Token, ...], first: int, start: int
    ) -> Participants | None:
        """ "X, die haar ... gaf": X did it; "haar" is the woman the main clause spoke of before X, when
        there is one ("moeder heeft aangifte gedaan tegen vader, die haar een duw gaf")."""
        if first >= 3 and tokens[first - 1].norm == ",":
            # "haar oom, bij wie zij logeerde, haar ... verkracht": the clause goes on after the relative one
            for j in range(first - 2, max(0, first - 14), -1):
                if tokens[j].norm == "," and tokens[j + 1].norm in (
                    "die",
                    "dat",
                    "wie",
                    "bij",
                    "met",
                    "waar",
                ):
                    doer = self._person(tokens, j - 1)
                    if doer is not None and doer.role in (
                        "caregiver",
                        "family_adult",
                        "authority",
                        "peer",
                        "stranger",
                    ):
                        return Participants(doer, None)
                    return None
                if tokens[j].norm == ",":
                    return None
            return None
        if first >= 2 and tokens[first - 1].norm == "die" and tokens[first].capitalised:
            # "De jongen die Sanne (14) heeft aangerand": the one before 'die' did it to the one named after
            doer = self._person(tokens, first - 2)
            named = self._person(tokens, first)
            if doer is not None and doer.role in ("peer", "stranger") and named is not None:
                return Participants(doer, named)
        if first < 3 or tokens[first - 1].norm != "die" or tokens[first - 2].norm != ",":
            return None
        doer = self._person(tokens, first - 3)
        if doer is None or doer.role not in ("caregiver", "family_adult"):
            return None
        pronoun = next((i for i in range(first, start) if tokens[i].norm in ("haar", "hem")), None)
        if pronoun is None:
            return Participants(doer, None)
        words = FEMALE if tokens[pronoun].norm == "haar" else MALE
        earlier = next(
            (Person(tokens[j], "caregiver") for j in range(first - 4, -1, -1) if tokens[j].norm in words),
            None,
        )
        return Participants(doer, earlier)

    def _partners_owner(self, tokens: tuple[Token, ...], doer: Person) -> Person | None:
        """ "haar partner" did it and no one else is named: it was done to the partner's owner, an adult."""
        j = _partner_possessive(tokens, doer)
        if j is None:
            return None
        owner = self._owner(tokens, j)
        return owner if owner is not None and owner.role == "caregiver" else None

    def _each_other(self, tokens: tuple[Token, ...], doer: Person, first: int, last: int) -> Person | None:
        if doer.role not in ("caregiver", "family_adult"):
            return None
        at = next((i for i in range(first, last + 1) if tokens[i].norm == "elkaar"), None)
        return Person(tokens[at], "caregiver") if at is not None else None

    def _relative_antecedent(self, tokens: tuple[Token, ...], first: int) -> Person | None:
        """The person a relative clause (", die ..." / ", dat ...") starting at `first` belongs to; or, after
        one ("Haar nichtje, dat in Rotterdam woont, is ... geplaatst"), the person before it."""
        if first >= 2 and tokens[first - 1].norm == ",":
            for j in range(first - 2, max(1, first - 12), -1):
                if tokens[j].norm == ",":
                    break
                if tokens[j].norm in ("die", "dat") and tokens[j - 1].norm == ",":
                    return self._relative_antecedent(tokens, j + 1)
            return None
        if first >= 2 and tokens[first - 1].norm in ("die", "dat") and tokens[first - 2].norm != ",":
            j = first - 2
            if self._person(tokens, j) is not None and _belongs_to_noun_before(tokens, j):
                j -= 1
                while j >= 0 and tokens[j].norm != "van":
                    j -= 1
                j -= 1  # "een vriendinnetje van Julia dat ...": the friend
            person = self._person(tokens, j) if j >= 0 else None
            neuter = person is not None and (
                tokens[j].norm.endswith("je") or tokens[j].norm in ("kind", "meisje")
            )
            return person if neuter else None
        if first < 3 or tokens[first - 2].norm != "," or tokens[first - 1].norm not in ("die", "dat"):
            return None
        for j in range(first - 3, max(-1, first - 7), -1):
            person = self._person(tokens, j)
            if person is None or tokens[j - 1].norm == "van":
                continue  # "de halfbroer van Wessel, die ...": the brother, not Wessel
            neuter = tokens[j].norm.endswith("je") or tokens[j].norm in ("kind", "meisje")
            return person if tokens[first - 1].norm == "die" or neuter else None
        return None

    def _partner_beaten(self, tokens: tuple[Token, ...], subject: Person | None, last: int) -> Person | None:
        """ "haar partner ... haar", "zijn vriendin ... hem": an adult's partner did it to that adult."""
        j = _partner_possessive(tokens, subject) if subject is not None else None
        if j is None:
            return None
        pronoun = {"haar": "haar", "zijn": "hem"}[tokens[j].norm]
        for i in range(_at(tokens, subject) + 1, last + 1):  # type: ignore[arg-type]  (j implies a subject)
            if tokens[i].norm != pronoun:
                continue
            following = tokens[i + 1] if i + 1 < len(tokens) else None
            if following is not None and self._people.role(following) is not None:
                return None  # "haar partner heeft haar dochter geslagen"
            return Person(tokens[i], "caregiver")
        return None

    def people_before(self, sentence: Sentence, stop: int) -> list[Person]:
        """The people named in words 0..stop of a sentence, in order."""
        return [
            p for p in self._people_in(sentence.tokens, 0, min(stop, len(sentence.tokens))) if p is not None
        ]

    def _clause(self, sentence: Sentence, start: int, end: int) -> tuple[int, int]:
        breaks = self._lexicon.clause_breaks
        tokens = sentence.tokens
        first, depth = start, 0
        # "de oppas (buurman, 45 jr) Tim ...": a comma between brackets ends no clause
        while first > 0 and (
            depth > 0
            or tokens[first - 1].norm not in breaks
            or tokens[first - 1].norm == ")"
            or _both_and(tokens, first - 1)
        ):
            norm = tokens[first - 1].norm
            depth += 1 if norm == ")" else -1 if norm == "(" and depth > 0 else 0
            first -= 1
        last, depth = end - 1, 0
        while last + 1 < len(tokens) and (depth > 0 or tokens[last + 1].norm not in breaks):
            norm = tokens[last + 1].norm
            depth += 1 if norm == "(" else -1 if norm == ")" and depth > 0 else 0
            last += 1
        return first, last

    def _has_auxiliary(self, tokens: tuple[Token, ...], first: int, last: int) -> bool:
        for i in range(first, last + 1):
            norm = tokens[i].norm
            if norm not in self._lexicon.passive_auxiliaries:
                continue
            if norm in ("zijn", "haar"):  # "zijn" is also "his": "aan zijn arm", "heeft zijn moeder geslagen"
                after = tokens[i + 1].norm if i + 1 <= last else ""
                prefixed = after.startswith(("ge", "ver", "be", "ont", "her", "mis"))  # "zijn verwaarloosd"
                looks_like_participle = prefixed and after[-1:] in ("d", "t", "n")
                if not (looks_like_participle or after in AUXILIARY_FOLLOWERS):
                    continue
            return True
        return False

    def _adult_before_relative_clause(self, tokens: tuple[Token, ...], first: int) -> Person | None:
        """The adult a clause belongs to when a relative clause ("…, die …,") stood between them."""
        for j in range(first - 1, 0, -1):
            if tokens[j].norm == "die" and tokens[j - 1].norm == ",":
                person = self._person(tokens, j - 2) if j >= 2 else None
                if person is not None and person.role in ("caregiver", "family_adult", "authority"):
                    return person
                return None
        return None

    def _says_experienced(self, tokens, first, last) -> bool:
        return any(tokens[i].norm in self._lexicon.experience_words for i in range(first, last + 1))

    def _after_marker(self, tokens, first, last, start, end, markers) -> Person | None:
        """The person right after "door" (or "van", "bij"): only articles, possessives, numbers and a few
        adjectives may stand between ("door zijn eigen vader"), so "door elkaar ... hem" names no doer."""
        for i in range(first, last + 1):
            if start <= i < end or tokens[i].norm not in markers:
                continue
            for j in range(i + 1, min(i + 8, len(tokens))):  # "van die vriendin": 'die' is no break here
                person = self._person(tokens, j)
                if (
                    person is not None
                    and tokens[i].norm == "door"
                    and tokens[j].norm in ("hem", "haar", "hen")
                ):
                    return Person(tokens[j], "pronoun")  # "door hem": a man named before, not the client
                if person is not None:
                    return person
                if not (tokens[j].norm in NOUN_PHRASE_FILLERS or tokens[j].norm.isdigit()):
                    break
        return None

    def _subject(self, tokens, first, start, exclude: Person | None) -> Person | None:
        for i in range(first, start):
            if _after_preposition(tokens, i):
                continue
            if i > first and self._people.role(tokens[i - 1]) is not None and tokens[i].capitalised:
                continue  # "broer Kai", "moeder Sara": the name belongs to the word before
            if tokens[i].norm in OBJECT_PRONOUNS:
                continue
            if tokens[i].capitalised and i + 1 < len(tokens) and tokens[i + 1].norm in ("'", "'s"):
                continue  # "Mees' oudere broer Thijs": Mees is whose brother, not who
            person = self._person(tokens, i)
            if person is not None and not _same(person, exclude):
                return person
        return None

    def _people_in(self, tokens, first, stop) -> list[Person]:
        found = []
        for i in range(first, stop):
            if i > 0 and tokens[i - 1].norm in ("door", "als"):
                continue
            if i > 0 and tokens[i - 1].norm in ADJECTIVE_PERSON_WORDS:
                continue  # "een onbekende man": one person, counted at "onbekende"
            person = self._person(tokens, i)
            if person is not None:
                found.append(person)
        return found

    def _person(self, tokens: tuple[Token, ...], i: int) -> Person | None:
        token = tokens[i]
        if (
            token.capitalised
            and token.norm.endswith("s")
            and i + 1 < len(tokens)
            and self._lexicon.role_of(tokens[i + 1].norm) is not None
            and self._people.is_name(token)
        ):
            return None  # "Lottes stiefvader", "Sannes tweelingbroer": whose, not who
        if self._people.cast.other_child(token):
            return Person(token, "peer")  # a child the note names apart from its client (coder/cast.py)
        if (
            i > 0
            and token.capitalised
            and self._lexicon.role_of(tokens[i - 1].norm) in ("caregiver", "family_adult")
            and self._people.is_name(token)
            and not self._people.cast.child_named(token)
        ):
            # "moeder Dewi", "oom Kees": the grown-up's name, one person with the word before; but "dat
            # vader Sanne (nu 14) heeft mishandeld" names the father and then the child
            return None
        if self._people.cast.adult(token) and token.norm in ("hem", "haar"):
            return Person(token, "caregiver")  # "nadat zijn ouders hem hadden verwaarloosd": the father
        if token.norm in self._lexicon.client_subject_pronouns:
            return Person(token, "pronoun")
        next_norm = tokens[i + 1].norm if i + 1 < len(tokens) else ""
        if token.norm in COUSINS:
            named = i + 1 < len(tokens) and self._people.is_name(tokens[i + 1])
            return Person(token, "client" if named else "peer")  # "zijn neefje" / "zijn nichtje Aya"
        if token.norm in SINGLE_SIBLINGS and i + 1 < len(tokens) and tokens[i + 1].norm == "(":
            return Person(token, "peer")  # "Broer (19) heeft in een pleeggezin gewoond": a brother
        if token.norm == "leerling" and i > 0 and tokens[i - 1].norm == "een":
            return Person(token, "peer")  # "in de klas van Bo is een leerling uit huis geplaatst"
        if (
            token.norm in ("meisje", "jongen", "kind")
            and i > 0
            and tokens[i - 1].norm == "een"
            and any(t.capitalised and self._people.is_name(t) for t in tokens[1:i])
        ):
            return Person(token, "peer")  # "in de klas van Iris is een meisje aangerand": not Iris
        if token.norm in ("oudste", "jongste") and i + 1 < len(tokens) and self._people.role(tokens[i + 1]):
            return None  # "de oudste zus": the sister is the person, 'oudste' only says which
        role = self._people.role(token, next_norm, first=i == 0)
        if role in (None, "professional", "third_party"):
            return None
        if (
            token.norm in ("jongens", "meisjes")
            and i > 0
            and tokens[i - 1].norm in ("de", "haar", "zijn", "hun")
        ):
            return Person(token, "client")  # "de jongens": the family's own children
        k = i - 1
        while k > 0 and tokens[k].norm in ("toenmalige", "huidige", "nieuwe", "vorige", "oude"):
            k -= 1  # "haar toenmalige vriend"
        if token.norm in PARTNER_WORDS and i > 0 and tokens[k].norm in ("haar", "zijn"):
            # "haar man", "zijn vriendin": a parent's partner, unless the client is the one whose it is
            # ("Ilse vertelt dat haar vriend haar sloeg": dating violence between young people)
            owner = self._owner(tokens, k)
            return Person(token, "peer" if owner is not None and owner.role == "client" else "caregiver")
        if token.norm in PARTNER_WORDS and i + 2 < len(tokens) and tokens[i + 1].norm == "van":
            k = i + 3 if tokens[i + 2].norm in ("haar", "zijn") and i + 3 < len(tokens) else i + 2
            if self._people.role(tokens[k]) == "caregiver":
                return Person(token, "caregiver")  # "de nieuwe vriend van (haar) moeder"
        if role == "client" and i + 1 < len(tokens) and self._people.cast.other_child(tokens[i + 1]):
            return Person(
                token, "peer"
            )  # "Sannes tweelingbroer Stijn": the word before the other child's name
        if (
            role == "client"
            and token.norm in SIBLINGS
            and i + 1 < len(tokens)
            and self._people.is_name(tokens[i + 1])
        ):
            return Person(token, "peer")  # "broer Kai": a sibling named apart from the client
        if role == "client" and token.norm in SIBLINGS and self._belongs_to_someone(tokens, i):
            owner = self._owner(tokens, i - 1) if tokens[i - 1].norm in ("haar", "zijn") else None
            if owner is not None and owner.role == "caregiver":
                return Person(token, "family_adult")  # "moeder maakt zich zorgen om haar zus": an aunt
            return Person(token, "peer")  # "zijn zusje", "het broertje van Tim": another child
        return Person(token, role)

    def _owner(self, tokens: tuple[Token, ...], possessive_at: int) -> Person | None:
        """Whose "haar"/"zijn" it is: the nearest earlier single person of that gender, or a name."""
        female = tokens[possessive_at].norm == "haar"
        for j in range(possessive_at - 1, -1, -1):
            norm = tokens[j].norm
            if norm in (FEMALE if female else MALE):
                return Person(tokens[j], "caregiver")
            if j > 0 and tokens[j - 1].norm == "van":
                continue  # "Moeder van Bram vertelt dat haar partner ...": the mother's partner
            person = self._person(tokens, j)
            if person is not None and person.role == "client" and tokens[j].capitalised:
                return person
        return None

    def _belongs_to_someone(self, tokens: tuple[Token, ...], i: int) -> bool:
        j = i - 1
        while j > 0 and tokens[j].norm in (
            "oudere",
            "jongere",
            "kleine",
            "grote",
            "oudste",
            "jongste",
            "eigen",
        ):
            j -= 1  # "haar oudere halfbroer"
        before = tokens[j].norm if j >= 0 else ""
        after = tokens[i + 1].norm if i + 1 < len(tokens) else ""
        described = (before in ("de", "het") and j < i - 1) or before in (
            "oudere",
            "jongere",
            "oudste",
            "jongste",
        )
        # "de oudste zus", "Oudere zus (22)": a sister of the client
        return before in self._lexicon.possessives or after == "van" or described


def _at(tokens: tuple[Token, ...], person: Person) -> int:
    """The person's word position in this sentence (Token.index counts over the whole note)."""
    return person.token.index - tokens[0].index


def _coordinated_with(tokens: tuple[Token, ...], person: Person, subject: Person | None) -> bool:
    if subject is None:
        return False
    at, subject_at = _at(tokens, person), _at(tokens, subject)
    return 0 < at - subject_at <= 3 and tokens[at - 1].norm == "en" and at - 1 > subject_at


def _partner_possessive(tokens: tuple[Token, ...], person: Person) -> int | None:
    """Where the "haar"/"zijn" of an adult's partner stands ("haar nieuwe partner", "zijn ex"), or None."""
    at = _at(tokens, person)
    if (
        person.role not in ("caregiver", "family_adult")
        or tokens[at].norm not in PARTNER_WORDS | EX_PARTNER_WORDS
    ):
        return None
    j = at - 1
    while j >= 0 and tokens[j].norm in ADJECTIVE_PERSON_WORDS | {"ex", "huidige"}:
        j -= 1
    return j if j >= 0 and tokens[j].norm in ("haar", "zijn") else None


def _belongs_to_noun_before(tokens: tuple[Token, ...], i: int) -> bool:
    """ "de vriend van haar moeder": 'moeder' says whose friend, it is no participant of its own."""
    j = i - 1
    while j >= 0 and tokens[j].norm in ("haar", "zijn", "hun", "de", "het", "een"):
        j -= 1
    return j >= 1 and tokens[j].norm == "van"


def _same(a: Person | None, b: Person | None) -> bool:
    return a is not None and b is not None and a.token.index == b.token.index


def _after_preposition(tokens: tuple[Token, ...], i: int) -> bool:
    """ "volgens de school", "door een onbekende man": the person belongs to the preposition."""
    j = i - 1
    while j >= 0 and (tokens[j].norm in WALK_BACK_OVER or tokens[j].norm in ADJECTIVE_PERSON_WORDS):
        j -= 1
    return j >= 0 and j < i and tokens[j].norm in PREPOSITIONS


def _both_and(tokens: tuple[Token, ...], i: int) -> bool:
    """ "zowel Sem als zijn zus", "Liam is als peuter verwaarloosd": this 'als' starts no clause."""
    if tokens[i].norm != "als":
        return False
    following = tokens[i + 1].norm if i + 1 < len(tokens) else ""
    return following in AS_A_CHILD or any(t.norm == "zowel" for t in tokens[max(0, i - 8) : i])


AS_A_CHILD = frozenset(
    {"kind", "baby", "peuter", "kleuter", "tiener", "puber", "meisje", "jongen", "zuigeling"}
)


def _joined(tokens: tuple[Token, ...], first: Person, second: Person | None) -> bool:
    """ "Bo (4) en Sem (6)": two people joined by 'en', with only an age in between."""
    if second is None:
        return False
    between = [t.norm for t in tokens[_at(tokens, first) + 1 : _at(tokens, second)]]
    rest = [w for w in between if w not in ("(", ")", ",", "),") and not w.isdigit()]
    return rest in (["en"], ["of"], ["en", "zijn"], ["en", "haar"])
