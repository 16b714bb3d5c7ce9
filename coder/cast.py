"""Who is who in a note, read over the whole note before any sentence is coded.

- Other children. When the note says who its client is ("Kaylee (4, onze cliënt)", "Jeugdige: Amber", "Esmee
  is de jeugdige in dit dossier", "Gesprek met moeder van Jorn"), the other children it names with an age are
  someone else. Without that, a child introduced as the client's sibling, cousin or friend ("haar
  halfzusje Lieke", "Sannes tweelingbroer Stijn"), as a neighbour or classmate ("buurjongen Rico"), as a
  foster child ("het nieuwe pleegkind, Jordy (3)") or as someone else's child ("Destiny (15), de dochter van
  vaders partner") is someone else, and so is a pronoun whose nearest named person is such a child.
- Grown-ups by name: "moeder Sandra" makes a later "Sandra" the mother; "haar vriend Ruud (20)" is no child.
- A grown-up's own childhood: a "hij"/"zij" that points at a parent named first in the sentence before, and
  the sentences that speak of someone's youth ("groeide op bij", "op haar 16e"), so that what happened to
  the parent as a child is not read as the client's.

What it finds is a Cast (coder/people.py): token positions and names that People and ParticipantFinder read.
"""

from __future__ import annotations

from functools import lru_cache

from coder.people import NAME_FOLLOWERS, NOBODY_ELSE, Cast, People, after_preposition
from coder.tokens import Sentence, Token

CLIENT_MARKERS = frozenset(
    {"client", "cliente", "jeugdige", "aanmelding", "aangemeld", "betreft", "betrokkene", "aanmelder"}
)
SAYS_CLIENT = frozenset({"client", "cliente", "jeugdige", "aangemeld", "aanmelding", "betrokkene"})
PARENT_WORDS = frozenset(
    {"moeder", "vader", "ouders", "pleegouders", "pleegmoeder", "pleegvader", "stiefvader", "stiefmoeder"}
)
SIBLING_OR_COUSIN = frozenset(
    {
        "broer", "zus", "broertje", "zusje", "halfzus", "halfbroer", "stiefbroer", "stiefzus", "halfzusje",
        "halfbroertje", "stiefzusje", "stiefbroertje", "pleegbroer", "pleegzus", "pleegbroertje",
        "pleegzusje", "neef", "nicht", "neefje", "nichtje", "tweelingbroer", "tweelingzus", "vriend",
        "vriendin",
    }
)  # fmt: skip
OTHER_CHILD_WORDS = frozenset(
    {
        "buurjongen", "buurmeisje", "buurkind", "klasgenoot", "klasgenote", "klasgenootje", "vriendje",
        "vriendinnetje", "schoolvriendje", "schoolvriendinnetje", "speelkameraadje", "pleegkind",
        "kampgenoot", "groepsgenoot",
    }
)  # fmt: skip
CHILD_OF = frozenset({"zoon", "dochter", "stiefzoon", "stiefdochter", "zoontje", "dochtertje", "kind"})
DESCRIBING = frozenset(
    {"oudere", "jongere", "kleine", "grote", "oudste", "jongste", "eigen", "tweede", "derde", "nieuwe",
     "beste"}
)  # fmt: skip
POSSESSIVES = frozenset({"haar", "zijn", "hun"})
PRONOUNS = frozenset({"hij", "zij", "ze", "hem", "haar"})  # and "dat" right after a colon
FEMALE_ADULTS = frozenset(
    {"moeder", "mama", "stiefmoeder", "pleegmoeder", "oma", "tante", "vrouw", "zij", "mdr"}
)
MALE_ADULTS = frozenset({"vader", "papa", "stiefvader", "pleegvader", "opa", "oom", "man", "vdr"})
ADULTS = frozenset({"caregiver", "family_adult"})
CHILDHOOD_AS = frozenset(
    {"kind", "baby", "kleuter", "peuter", "tiener", "puber", "meisje", "jongen", "klein"}
)
INTRODUCING_A_CHILD = frozenset(
    {"kind", "oudste", "jongste", "zussen", "broers", "zusjes", "broertjes", "halfzussen", "halfbroers"}
)
SURNAME_BEFORE = frozenset(
    {"fam", "fam.", "familie", "gezin", "mw", "mw.", "dhr", "dhr.", "mevr", "mevr.", "mevrouw", "meneer",
     "pleeggezin"}
)  # fmt: skip
PREPOSITIONS = frozenset({"bij", "met", "van", "door", "naar", "tegen", "aan", "voor", "op"})
OBJECT_WORDS = frozenset({"hem", "hen", "hun", "zichzelf", "mij", "me"})


def find_cast(sentences: list[Sentence], people: People) -> Cast:
    # two-letter names ("Bo (9)", "Jo (4)") count once the note gives them an age
    short = {
        t.norm
        for s in sentences
        for i, t in enumerate(s.tokens)
        if len(t.norm) == 2 and t.capitalised and t.norm.isalpha() and _has_child_age(s.tokens, i)
    }
    names: list[tuple[int, int, Token]] = []  # (sentence, position, token) of every name in the note
    for n, sentence in enumerate(sentences):
        tokens = sentence.tokens
        for i, token in enumerate(tokens):
            following = tokens[i + 1].norm if i + 1 < len(tokens) else None
            after_title = i == 0 and n > 0 and _surname(sentences[n - 1].tokens, len(sentences[n - 1].tokens))
            named = people.is_name(token, following, first=i == 0) or (
                token.norm in short and token.capitalised
            )
            if named and not (_surname(tokens, i) or after_title):
                names.append((n, i, token))
    clients = {t.norm for n, i, t in names if _said_to_be_client(sentences, n, i)}
    known = {t.norm for _, _, t in names}
    others: set[str] = set()  # other children
    grownups: set[str] = set()  # grown-ups called by name ("haar vriend Ruud (20)"): not the client either
    relatives: dict[str, str] = {}  # "moeder Sandra", "Oom Jeroen": later "Sandra" is the mother
    aged = {t.norm for n, i, t in names if _has_child_age(sentences[n].tokens, i)}
    for n, i, token in names:
        tokens = sentences[n].tokens
        role = people.lexicon.role_of(tokens[i - 1].norm) if i > 0 else None
        listed = i == 1 or (i >= 2 and tokens[i - 2].norm in (":", ",", "met", "en", "aanwezig", "van"))
        if role in ADULTS and listed and token.norm not in clients | aged:
            relatives.setdefault(token.norm, role)  # type: ignore[arg-type]
    for n, i, token in names:
        if token.norm in clients:
            continue
        tokens = sentences[n].tokens
        if token.norm in relatives:
            continue
        if _adult_name(tokens, i):
            grownups.add(token.norm)  # "Ruud (20)"
            continue
        if not clients and _beside_a_client(tokens, i):
            continue  # "zowel Sam als zijn broer Jordi", "Timo (4) en zijn zusje Jill (1)": both the children
        introduced = _introduced_as_other(people, tokens, i, clients, sentences, n, known, relatives)
        if introduced or (clients and _has_child_age(tokens, i)):
            others.add(token.norm)
    marked = {t.start for _, _, t in names if t.norm in others and t.norm not in relatives}
    marked |= {
        sentences[n].tokens[a].start
        for n, i, t in names
        if t.norm in others and (a := _apposition(sentences[n].tokens, i)) is not None
    }
    # a grown-up's name right after its role word ("haar vriend Kevin (19)") is read with that word
    marked |= {
        t.start
        for n, i, t in names
        if t.norm in grownups and not (i > 0 and people.role(sentences[n].tokens[i - 1]) is not None)
    }
    persons = (
        clients | others | grownups | {t.norm for n, i, t in names if _acts_as_person(sentences[n].tokens, i)}
    )
    pointing_at_others, adults = _pronouns_for(sentences, people, others, persons, grownups)
    childhood = frozenset(
        sentence.start
        for n, sentence in enumerate(sentences)
        if _speaks_of_childhood(sentence) or (n > 0 and _speaks_of_childhood(sentences[n - 1]))
    )
    children = clients | aged
    if not (marked or pointing_at_others or adults or childhood or children or relatives):
        return NOBODY_ELSE
    return Cast(
        frozenset(marked | pointing_at_others),
        frozenset(adults),
        childhood,
        frozenset(children),
        tuple(sorted(relatives.items())),
    )


def _surname(tokens, i: int) -> bool:
    """ "Fam. Yilmaz", "gezin De Vries", "mw. Bakker": a family name, not a child."""
    j = i - 1
    while j >= 0 and tokens[j].norm in (".", "de", "van", "der", "den"):
        j -= 1
    return j >= 0 and tokens[j].norm in SURNAME_BEFORE


def _adult_name(tokens, i: int) -> bool:
    """ "Ruud (20)", "Priscilla vertelde over haar jeugd": a grown-up called by name."""
    if i + 2 < len(tokens) and tokens[i + 1].norm == "(" and tokens[i + 2].norm.isdigit():
        unit = tokens[i + 3].norm if i + 3 < len(tokens) else ""
        return int(tokens[i + 2].norm) >= 18 and unit in (")", ",", "jaar", "jr", "j")  # not "(18 mnd)"
    norms = [t.norm for t in tokens[i + 1 : i + 11]]
    return any(
        a in POSSESSIVES and b in ("jeugd", "kindertijd") for a, b in zip(norms, norms[1:], strict=False)
    )


def _speaks_of_childhood(sentence: Sentence) -> bool:
    return _childhood_words(sentence.norms)


@lru_cache(maxsize=4096)
def _childhood_words(norms: tuple[str, ...]) -> bool:
    """An adult's own childhood: "over zijn jeugd", "groeide op bij", "op haar 16e", "toen ik klein was"."""
    for i, norm in enumerate(norms):
        if norm in ("jeugd", "kindertijd", "opgegroeid", "opgroeide", "opgroeiden"):
            return True
        if norm in ("groeide", "groeiden") and "op" in norms[i + 1 : i + 6]:
            return True
        if norm in ("haar", "zijn", "mijn") and i + 1 < len(norms) and _ordinal_age(norms[i + 1]):
            return True
        if norm == "toen" and "klein" in norms[i + 1 : i + 4]:
            return True
        if norm == "als" and i + 1 < len(norms) and norms[i + 1] in CHILDHOOD_AS:
            return True  # "zelf als kind"
    return False


def _ordinal_age(norm: str) -> bool:
    return len(norm) >= 2 and norm.endswith("e") and norm[:-1].isdigit() and int(norm[:-1]) < 18


def _said_to_be_client(sentences: list[Sentence], n: int, i: int) -> bool:
    tokens = sentences[n].tokens
    norms = [t.norm for t in tokens]
    # "Kaylee (4, onze cliënt)", "Lynn (13, aanmelding)"
    if i + 1 < len(norms) and norms[i + 1] == "(":
        inside = norms[i + 2 : i + 2 + norms[i + 2 :].index(")")] if ")" in norms[i + 2 :] else norms[i + 2 :]
        if not CLIENT_MARKERS.isdisjoint(inside):
            return True
    # "Cliënt: Gijs", "Cliënt is Sem", "Jeugdige: Amber", "Het dossier betreft Amber", "aanmelding voor Noah"
    # (not "aanmelding bij Slachtofferhulp")
    before = norms[max(0, i - 5) : i]
    if before and before[-1] in (":", "is", "betreft", "voor") and not CLIENT_MARKERS.isdisjoint(before):
        return True
    # "Esmee is de jeugdige in dit dossier", "Bryan is bij ons aangemeld"
    after = norms[i + 1 : i + 6]
    if after[:1] == ["is"] and not SAYS_CLIENT.isdisjoint(after):
        return True
    # "Gesprek met moeder van Jorn", "ouders van Kai (8)": the child the first sentence is about
    return n == 0 and i >= 2 and norms[i - 1] == "van" and norms[i - 2] in PARENT_WORDS


def _introduced_as_other(
    people: People,
    tokens,
    i: int,
    clients: set[str],
    sentences: list[Sentence],
    n: int,
    known: set[str],
    relatives: dict[str, str],
) -> bool:
    j = i - 1
    if j >= 1 and tokens[j].norm == ",":
        # "Het nieuwe crisispleegkind, Jordy (3), ...", "het vorige pleegkind in dit gezin, Tamara", "is een
        # nieuw pleegkind geplaatst, Dex (3)"
        for k in range(j - 1, max(-1, j - 5), -1):
            word = tokens[k].norm
            if word in OTHER_CHILD_WORDS or word.endswith("pleegkind"):
                return True
            if word in INTRODUCING_A_CHILD and known - {tokens[i].norm}:
                return True  # beside a child named elsewhere: "het oudste kind van moeder, Robin"
    while j >= 0 and tokens[j].norm in DESCRIBING | {"vorige"}:
        j -= 1
    word = tokens[j].norm if j >= 0 else ""
    if word in OTHER_CHILD_WORDS or word.endswith("pleegkind"):
        return True  # "buurjongen Rico", "het vorige pleegkind in dit gezin, Tamara"
    if word in SIBLING_OR_COUSIN:
        o = j - 1
        while o > 0 and tokens[o].norm in DESCRIBING | {"toenmalige", "huidige"}:
            o -= 1  # "haar beste vriendin Lotte"
        owner_word = tokens[o].norm if o >= 0 else ""
        if o >= 0 and tokens[o].capitalised and owner_word.endswith("s") and owner_word[:-1] in known:
            return True  # "Sannes tweelingbroer Stijn": the brother of a child of the note
        if owner_word not in POSSESSIVES:
            return bool(clients)  # "Broer Kai" in a note that names its client elsewhere
        owner = _nearest_person(sentences, people, n, o, "zij" if owner_word == "haar" else "hij")
        # "haar halfzusje Lieke": whose sister? a child's makes her another child; an adult's
        # ("oom vertelt dat zijn nichtje Aya ...") makes her the child the note is about
        return (
            owner is not None
            and people.lexicon.role_of(owner.norm) in (None, "client")
            and owner.norm not in relatives
        )
    return _apposition(tokens, i) is not None  # "Destiny (15), de dochter van vaders partner"


def _apposition(tokens, i: int) -> int | None:
    """Where "de zoon" stands in "Levi (6), de zoon van haar partner, ...": the same child again."""
    k = i + 1
    if k < len(tokens) and tokens[k].norm == "(":
        while k < len(tokens) and tokens[k].norm != ")":
            k += 1
        k += 1
    if k + 3 < len(tokens) and tokens[k].norm == "," and tokens[k + 1].norm in ("de", "het"):
        if tokens[k + 2].norm in CHILD_OF and tokens[k + 3].norm == "van":
            return k + 2
    return None


def _beside_a_client(tokens, i: int) -> bool:
    """The name is joined to another by 'en'/'als'/'met', possibly as a sibling: "X en zijn zusje Y"."""
    j = i - 1
    while j >= 0 and (tokens[j].norm in DESCRIBING | POSSESSIVES | SIBLING_OR_COUSIN):
        j -= 1
    return (
        j >= 1
        and tokens[j].norm in ("en", "als", "met")
        and (tokens[j - 1].norm == ")" or tokens[j - 1].capitalised)
    )


def _has_child_age(tokens, i: int) -> bool:
    """ "Bo (9)", "Teun (4 jr)": a child by age."""
    if i + 2 >= len(tokens) or tokens[i + 1].norm != "(":
        return False
    age = tokens[i + 2].norm
    if age in ("nu", "toen", "inmiddels", "bijna", "ca", "ca."):  # "Sanne (nu 14)"
        age = tokens[i + 3].norm if i + 3 < len(tokens) else ""
    return age.isdigit() and int(age) < 18


def _acts_as_person(tokens, i: int) -> bool:
    """ "Dylan (15)", "Rico vertelde": a name that stands for a person, not a town ("in Almere")."""
    following = tokens[i + 1].norm if i + 1 < len(tokens) else ""
    return following == "(" or (following in NAME_FOLLOWERS and following.isalpha())


def _pronouns_for(
    sentences: list[Sentence], people: People, children: set[str], persons: set[str], grownups: set[str]
) -> tuple[set[int], set[int]]:
    """Pronouns whose nearest named person, in their sentence or the one before, is another child; and
    subject pronouns ("hij", "zij") whose nearest person is a parent or another grown-up of the family."""
    pointing_at_others, adults = set(), set()
    resolved: dict[int, Token | None] = {}  # pronoun -> the person it stands for, for the pronouns after it
    for n, sentence in enumerate(sentences):
        tokens = sentence.tokens
        for i, token in enumerate(tokens):
            if token.norm not in PRONOUNS and not (
                token.norm == "dat" and i > 0 and tokens[i - 1].norm.endswith(":")
            ):
                continue
            if token.norm == "haar" and i + 1 < len(tokens) and people.role(tokens[i + 1]) is not None:
                continue  # "haar moeder": a possessive, not the girl herself
            nearest = _nearest_person(sentences, people, n, i, token.norm, persons, resolved)
            if token.norm in ("hij", "zij", "ze") and n > 0 and _speaks_of_childhood(sentence):
                # "moeder van Nick belt. Zij werd op haar 11e ...": the one the sentence before is about
                leader = _first_person(sentences[n - 1].tokens, people, len(sentences[n - 1].tokens))
                wanted = "m" if token.norm == "hij" else "f"
                if (
                    not _person_before(tokens, people, i)
                    and leader is not None
                    and _adult_gender(people, leader.norm) == wanted
                ):
                    nearest = leader
            if token.norm == "haar" and _between_partners(tokens, i):
                adults.add(token.start)  # "ruzie tussen moeder en haar ex, waarbij hij haar een duw gaf"
                continue
            if token.norm in ("hem", "haar") and _speaks_of_childhood(sentence):
                first = _first_person(tokens, people, i)
                wanted = "m" if token.norm == "hem" else "f"
                if first is not None and _adult_gender(people, first.norm) == wanted:
                    # "Vader groeide op in een pleeggezin nadat zijn ouders hem hadden verwaarloosd"
                    adults.add(token.start)
                    continue
            resolved[token.start] = nearest
            if nearest is None:
                continue
            if nearest.norm in children:
                pointing_at_others.add(token.start)
            elif token.norm in ("hij", "zij", "ze") and (
                people.lexicon.role_of(nearest.norm) in ADULTS or nearest.norm in grownups
            ):
                adults.add(token.start)
            elif token.norm == "dat" and people.lexicon.role_of(nearest.norm) == "peer":
                pointing_at_others.add(token.start)  # "het buurmeisje (4): dat loopt ..."
    return pointing_at_others, adults


def _nearest_person(
    sentences: list[Sentence],
    people: People,
    n: int,
    i: int,
    pronoun: str,
    persons: set[str] | None = None,
    resolved: dict[int, Token | None] | None = None,
) -> Token | None:
    """The nearest name or person word before position i (this sentence, then the one before) that the
    pronoun can stand for: a subject pronoun may be an adult of its gender; an object pronoun ("vader slaat
    hem") is not the adult of its own clause, so adults are passed over."""
    unlike = MALE_ADULTS if pronoun in ("zij", "ze", "haar") else FEMALE_ADULTS
    adults_too = pronoun in ("hij", "zij", "ze", "zijn")
    for m in (n, n - 1):
        if m < 0:
            return None
        tokens = sentences[m].tokens
        start = i if m == n else len(tokens)
        for j in range(start - 1, -1, -1):
            token = tokens[j]
            if resolved is not None and resolved.get(token.start) and _same_gender(token.norm, pronoun):
                return resolved[token.start]  # "Hij schrikt ... blijkt dat hij ...": the same person again
            following = tokens[j + 1].norm if j + 1 < len(tokens) else None
            if people.is_name(token, following, first=j == 0) and (persons is None or token.norm in persons):
                return token
            role = people.lexicon.role_of(token.norm)
            if (
                role in ("caregiver", "family_adult")
                and adults_too
                and token.norm not in unlike
                and not after_preposition(tokens, j, PREPOSITIONS)
                and not any(
                    people.lexicon.role_of(t.norm) is not None
                    or t.norm in ("hij", "zij", "ze")
                    or (persons is not None and t.capitalised and t.norm in persons)
                    for t in tokens[:j]
                )
            ):  # the grown-up the sentence is about, named first: "Vader groeide op ...; hij werd daar ..."
                return token  # not "woont bij zijn eigen vader; daar is hij ...": 'hij' is who lives there
            if role == "client" and token.norm not in OBJECT_WORDS:
                return token
            if role == "peer" and token.norm in OTHER_CHILD_WORDS and pronoun == "dat":
                return token
    return None


def _same_gender(a: str, b: str) -> bool:
    male = ("hij", "hem")
    return (a in male) == (b in male)


def _first_person(tokens, people: People, stop: int) -> Token | None:
    """The first person word or name of a sentence before position stop: who the sentence is about."""
    for j, token in enumerate(tokens[:stop]):
        following = tokens[j + 1].norm if j + 1 < len(tokens) else None
        if (
            people.lexicon.role_of(token.norm) is not None
            or token.norm in ("hij", "zij", "ze")
            or (people.is_name(token, following, first=j == 0) and following not in (":", "):"))
        ):
            return token  # not a header such as "Crisisdienst:"
    return None


def _adult_gender(people: People, norm: str) -> str | None:
    """'m' or 'f' for a grown-up's role word ("vader", "aspirant-pleegvader", "oma"), else None."""
    if people.lexicon.role_of(norm) not in ADULTS:
        return None
    if norm.endswith(("vader", "opa", "oom", "man", "papa", "vdr")):
        return "m"
    if norm.endswith(("moeder", "oma", "tante", "vrouw", "mama", "mdr")):
        return "f"
    return None


def _person_before(tokens, people: People, i: int) -> bool:
    return _first_person(tokens, people, i) is not None


PARTNERS = frozenset({"ex", "ex-partner", "expartner", "partner", "vriend", "ex-vriend", "man", "echtgenoot"})


def _between_partners(tokens, i: int) -> bool:
    """A fight between a mother and her partner was told just before, and a "hij" does it to "haar": she is
    the mother."""
    before = [t.norm for t in tokens[max(0, i - 25) : i]]
    return (
        "hij" in before[-4:]
        and not PARTNERS.isdisjoint(before)
        and not FEMALE_ADULTS.isdisjoint(before)
        and not {"ruzie", "tussen", "woordenwisseling", "conflict"}.isdisjoint(before)
    )  # a fight between the adults is told
