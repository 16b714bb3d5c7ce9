"""Who is who around a word: names, the client, parents, other adults, reporters.

Shared by the context step (who reports a finding) and the participants step (who did what to whom).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from coder.tokens import Sentence, Token
from terminology.roles import RoleLexicon

SKIPPABLE = frozenset(
    {"de", "het", "een", "zelf", "ook", "dat", "(", ")", "eigen", "oudste", "jongste", "beide"}
)
NAME_FOLLOWERS = frozenset(
    (
        "( , : benoemt blijft durft eet en erkent gaat gaf geeft ging had heeft huilt is kan komt kreeg "
        "krijgt kwam laat liet lijkt loopt maakt mag meldt moet ontkent raakte reageert schopt slaapt slaat "
        "sloeg speelt verblijft vertelde vertelt vindt was werd wil woonde woont wordt zag zat zegt zei zelf "
        "ziet zit zou"
    ).split()
)  # words that can follow a name at the start of a sentence
RELATIVE_PRONOUNS = frozenset({"die", "deze"})
SIBLING_WORDS = frozenset(
    {"broer", "zus", "broertje", "zusje", "halfzus", "halfbroer", "stiefbroer", "stiefzus"}
)
SOURCE_OF_ROLE = {
    "client": "client",
    "caregiver": "parent",
    "family_adult": "third_party",
    "authority": "third_party",
    "peer": "third_party",
    "stranger": "third_party",
}


@dataclass(frozen=True)
class Cast:
    """Who is who in the note being read (coder/cast.py): the words that name or point at someone other
    than the client, and where the note speaks of a grown-up's own childhood."""

    others: frozenset[int] = frozenset()  # start offsets of those words
    adults: frozenset[int] = frozenset()  # "hij"/"zij" that point at a parent or another grown-up
    # sentences (start offsets) in or right after a grown-up's own childhood
    childhood: frozenset[int] = frozenset()
    children: frozenset[str] = frozenset()  # names the note gives a child's age or calls its client
    relatives: tuple[tuple[str, str], ...] = ()  # ("sandra", "caregiver") from "moeder Sandra"

    def relative_role(self, token: Token) -> str | None:
        return next((role for name, role in self.relatives if name == token.norm), None)

    def other_child(self, token: Token) -> bool:
        return token.start in self.others

    def child_named(self, token: Token) -> bool:
        return token.norm in self.children

    def adult(self, token: Token) -> bool:
        return token.start in self.adults


NOBODY_ELSE = Cast()


@dataclass(frozen=True)
class Person:
    token: Token
    role: str  # client | caregiver | family_adult | authority | peer | stranger | professional | third_party


class People:
    def __init__(self, lexicon: RoleLexicon, known_words: Collection[str]) -> None:
        self.lexicon = lexicon
        self._known = frozenset(known_words) | lexicon.not_names
        self.cast = NOBODY_ELSE  # the note being read: which of its words name another child (coder/cast.py)

    def is_name(self, token: Token, next_norm: str | None = None, first: bool = False) -> bool:
        """A capitalised word no list knows. At the start of a sentence only when what follows says so
        ("Kevin (11) vertelt", "Tim is"), since "Herhaaldelijk" or "Tijdens" are capitalised there too."""
        if first and next_norm is not None and next_norm not in NAME_FOLLOWERS:
            return False
        return (
            token.capitalised
            and (len(token.norm) >= 3 or token.norm in self.cast.children)  # "Bo (9)"
            and token.norm.isalpha()
            and token.norm not in self._known
            and token.norm not in self.lexicon.person_role
            and token.norm not in self.lexicon.third_party
        )

    def role(self, token: Token, next_norm: str | None = None, first: bool = False) -> str | None:
        """The part the person named by this word plays, or None if it names no one."""
        if self.cast.other_child(token):
            return "peer"
        relative = self.cast.relative_role(token) if token.capitalised else None
        if relative is not None:
            return relative  # "Sandra", introduced as "moeder Sandra"
        role = self.lexicon.role_of(token.norm)
        if role is not None:
            return role
        if token.norm in self.lexicon.professional:
            return "professional"
        if token.norm in self.lexicon.third_party:
            return "third_party"
        if self.is_name(token, next_norm, first):
            return "client"
        return None

    def source_of(self, person: Person) -> str:
        if person.role in ("professional", "unknown"):
            return person.role
        return SOURCE_OF_ROLE.get(person.role, "third_party")

    def person_within(self, sentence: Sentence, start: int, end: int) -> Person | None:
        """A person named inside the trigger itself ("ik zag", "wij constateerden")."""
        for token in sentence.tokens[start:end]:
            if token.norm in self.lexicon.professional:
                return Person(token, "professional")
        return None

    def reporter_near(self, sentence: Sentence, start: int, end: int, forward_first: bool) -> Person | None:
        """The person who says, sees or judges: the nearest person word before the trigger (its subject) or
        just after it (inversion, "volgens de school", "door Emma verteld")."""
        searches = (self._after, self._before) if forward_first else (self._before, self._after)
        for search in searches:
            found = search(sentence, start, end)
            if found is not None:
                return found
        return None

    def _before(self, sentence: Sentence, start: int, end: int) -> Person | None:
        steps = 0
        for i in range(start - 1, -1, -1):
            token = sentence.tokens[i]
            if token.norm in RELATIVE_PRONOUNS and steps <= 2:
                antecedent = self._antecedent(sentence, i)  # "een vriendin: die heeft verteld"
                if antecedent is not None:
                    return antecedent
            if token.norm in (",", ";", ":", ".") or steps >= 5:
                return None
            if any(sentence.tokens[j].norm in ("aan", "tegen") for j in range(max(0, i - 2), i)):
                continue  # "Nina heeft aan een vriendin verteld": the friend was told, Nina tells
            if after_preposition(sentence.tokens, i):
                # "de zus van Milan vertelt", "Dylan komt bij vader terug en vertelt": not who tells
                continue
            found = self._person(token)
            if found is not None and found.role == "client" and token.norm in SIBLING_WORDS:
                after = sentence.tokens[i + 1].norm if i + 1 < len(sentence.tokens) else ""
                before = sentence.tokens[i - 1].norm if i > 0 else ""
                if after == "van" or before in self.lexicon.possessives:
                    found = Person(token, "peer")
            if found is not None:
                return found
            steps += 0 if token.norm in SKIPPABLE else 1
        return None

    def _antecedent(self, sentence: Sentence, i: int) -> Person | None:
        for j in range(i - 1, max(-1, i - 8), -1):
            found = self._person(sentence.tokens[j])
            if found is not None:
                return found
        return None

    def _after(self, sentence: Sentence, start: int, end: int) -> Person | None:
        steps = 0
        for i in range(end, len(sentence.tokens)):
            token = sentence.tokens[i]
            if token.norm in (",", ";", ":", ".", "dat") or steps >= 4:
                return None  # "zegt dat een jongen ...": the one after 'dat' is what is told about
            found = self._person(token)
            if found is not None:
                return found
            steps += 0 if token.norm in SKIPPABLE or token.norm == "door" else 1
        return None

    def _person(self, token: Token) -> Person | None:
        if self.cast.other_child(token):
            return Person(token, "peer")
        if token.norm in self.lexicon.client_subject_pronouns and token.norm not in self.lexicon.professional:
            return Person(token, "unknown")
        role = self.role(token)
        return None if role is None else Person(token, role)


FILLERS = frozenset(
    {"de", "het", "een", "haar", "zijn", "hun", "eigen", "eerste", "tweede", "derde", "jongste", "oudste",
     "biologische"}
)  # fmt: skip
NOT_A_SUBJECT = frozenset({"bij", "met", "naar", "over", "van"})


def after_preposition(tokens, i: int, prepositions: frozenset[str] = NOT_A_SUBJECT) -> bool:
    """The person word is the object of a preposition ("bij vader", "van haar tweede kind"), not a subject."""
    j = i - 1
    while j >= 0 and tokens[j].norm in FILLERS:
        j -= 1
    return j >= 0 and tokens[j].norm in prepositions
