"""Seeded generator of realistic, fictional Dutch youth-care case notes, written as jsonl.

    python benchmarks/generate.py --n 100000 --seed 1 --out notes.jsonl

Each line: {"id", "client", "date", "author", "organisation", "text"}. Notes are streamed one at a time, so
memory stays flat however many are asked for. Everything is invented: first names are built from syllables,
organisations are generic. Stand-alone on purpose (standard library only): the benchmark runs it from any
venv.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
from collections.abc import Iterator, Mapping, Sequence
from datetime import date, timedelta
from typing import TextIO, TypeVar

T = TypeVar("T")

MIN_CHARS = 300
MAX_CHARS = 1500
NOTES_PER_CLIENT = 5  # on average: a dossier has several notes

# Invented first names: syllable pairs, so no note is about a real person.
_ONSETS = ("Da", "Ma", "Je", "Lo", "Ti", "Sa", "No", "Ru", "Fe", "Ka", "Me", "Yo", "Li", "Bo", "Ze", "Ay",
           "Mi")
_ENDINGS = ("ris", "lan", "mke", "nne", "ra", "via", "mon", "len", "dou", "lia", "rek", "sin", "tje", "van")
FIRST_NAMES: tuple[str, ...] = tuple(a + b for a, b in itertools.product(_ONSETS, _ENDINGS))

ORGANISATIONS = (
    "Wijkteam Noord", "Wijkteam Oost", "Wijkteam Zuid", "Wijkteam West", "Wijkteam Centrum",
    "Jeugdteam Havenkwartier", "Jeugdhulp De Wilgenhoek", "Stichting Kompasroos Jeugdzorg",
    "Gecertificeerde instelling Regio Midden", "JGZ Regio Rivierdal",
)
ROLES = ("jeugdprofessional", "gezinsvoogd", "gezinscoach", "ambulant hulpverlener", "jeugdverpleegkundige",
         "schoolmaatschappelijk werker")

# Slots filled anew for every sentence (a note does not hit the same body part twice in the same words).
VARIETY: Mapping[str, Sequence[str]] = {
    "lichaamsdeel": ("bovenarm", "rug", "bovenbenen", "wang", "nek", "onderarmen", "schouder"),
    "voorwerp": ("riem", "slipper", "houten lepel", "snoer", "vlakke hand"),
    "melder": ("de mentor", "de juf", "de buurvrouw", "de huisarts", "de wijkagent", "de jeugdarts",
               "de intern begeleider", "de trainer van de voetbalclub"),
    "Melder": ("De mentor", "De juf", "De buurvrouw", "De huisarts", "De wijkagent", "De jeugdarts",
               "De intern begeleider"),
    "leerkracht": ("de juf", "de meester", "de mentor", "de intern begeleider", "de zorgcoördinator"),
    "ouder": ("moeder", "vader", "stiefvader", "de vriend van moeder", "de vriendin van vader"),
    "Ouder": ("Moeder", "Vader", "Stiefvader", "De vriend van moeder"),
    "netwerk": ("oma", "opa", "de buurvrouw", "een tante", "de oom van vader", "de peettante"),
    "Netwerk": ("Oma", "Opa", "De buurvrouw", "Een tante", "De peettante"),
    "periode": ("twee jaar geleden", "vorig jaar", "in 2019", "toen het gezin nog in Rotterdam woonde",
                "een paar jaar terug", "in de basisschoolperiode"),
    "Periode": ("Twee jaar geleden", "Vorig jaar", "In 2019", "Een paar jaar terug"),
    "sinds": ("sinds de zomer", "sinds drie maanden", "sinds vorig jaar", "sinds januari", "sinds kort"),
    "tijdstip": ("vorige week", "gisteren", "afgelopen weekend", "eergisteren", "in de herfstvakantie"),
    "dag": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"),
    "uur": ("9.30", "10.00", "11.15", "13.30", "14.00", "15.45"),
    "hobby": ("voetbal", "dansen", "gamen", "tekenen", "zwemmen", "judo", "paardrijden", "muziek maken"),
    "weken": ("twee", "drie", "vier", "zes"),
    "instantie": ("de jeugd-ggz", "het maatschappelijk werk", "de schuldhulpverlening", "de huisarts",
                  "een opvoedondersteuner", "het ouder-kindteam"),
    "land": ("Syrië", "Eritrea", "Polen", "Suriname", "Marokko", "Turkije", "Oekraïne"),
}

OPENINGS: Mapping[str, Sequence[str]] = {
    "intake": (
        "Intakegesprek met {naam} ({leeftijd} jaar) en moeder {moeder} op het kantoor van het wijkteam.",
        "Eerste kennismaking met het gezin van {naam}; aanwezig waren {naam} en beide ouders.",
        "Aanmelding via de huisarts vanwege zorgen over het gedrag van {naam} ({leeftijd}). Intake vandaag.",
        "Intake na verwijzing door {melder}. {naam} is {leeftijd} en woont met moeder en {sibling} thuis.",
    ),
    "huisbezoek": (
        "Huisbezoek bij het gezin van {naam}. Moeder {moeder} deed open, vader was aan het werk.",
        "Onaangekondigd huisbezoek op {dag}middag. {naam} was net thuis van school.",
        "Huisbezoek samen met een collega van het wijkteam. Aanwezig: moeder, {naam} en broertje {sibling}.",
        "Gepland huisbezoek bij vader {vader}, bij wie {naam} om het weekend verblijft.",
    ),
    "school": (
        "Telefonisch contact met {leerkracht} van {naam}.",
        "Overleg op school met de intern begeleider en de mentor van {naam} ({leeftijd}).",
        "Gesprek op school met {naam} en {leerkracht} over het verzuim van de afgelopen weken.",
        "{Melder} belde over {naam}; aansluitend een gesprek op school gehad.",
    ),
    "overleg": (
        "Multidisciplinair overleg over {naam} met school, de jeugdarts en het wijkteam.",
        "Casusoverleg met de gedragswetenschapper over de situatie van {naam}.",
        "Netwerkberaad met ouders, {netwerk} en de hulpverleners rond {naam}.",
    ),
    "evaluatie": (
        "Evaluatie van het hulpverleningsplan met moeder {moeder} en vader {vader}.",
        "Tussentijdse evaluatie van de ambulante hulp aan het gezin van {naam}.",
        "Evaluatiegesprek met ouders en {naam}; de doelen van het plan van aanpak zijn doorgelopen.",
    ),
    "plaatsing": (
        "Bezoek aan {naam} in het pleeggezin.",
        "Gesprek met {naam} op de leefgroep, samen met de persoonlijk begeleider.",
        "Contact met de pleegzorgbegeleider over {naam}.",
    ),
}

NEUTRAL = (
    "{naam} {school} en doet het redelijk goed.",
    "{Hij} houdt van {hobby} en heeft een paar goede vrienden in de klas.",
    "Moeder is betrokken en komt de afspraken na.",
    "De sfeer tijdens het gesprek was open en ontspannen.",
    "{naam} oogt verzorgd en maakt een vrolijke indruk.",
    "Broertje {sibling} was verkouden en lag op de bank.",
    "De woning is schoon en opgeruimd.",
    "{naam} vertelt enthousiast over {hobby} en over het schoolreisje.",
    "Ouders zijn gescheiden; de omgangsregeling verloopt volgens afspraak.",
    "{naam} slaapt slecht sinds de verhuizing en is overdag moe.",
    "Er is aandacht voor de taalontwikkeling; {naam} krijgt extra ondersteuning bij lezen.",
    "Moeder staat er grotendeels alleen voor, maar {netwerk} helpt regelmatig met oppassen.",
    "{naam} heeft moeite met concentreren in de klas, volgens {leerkracht} vooral na het weekend.",
    "Vader {vader} geeft aan dat hij meer betrokken wil zijn bij de opvoeding.",
    "Het gezin heeft een hond; {naam} laat hem elke dag uit.",
    "{naam} heeft astma en gebruikt een puffer; de controles bij de huisarts worden nagekomen.",
    "Er zijn regelmatig ruzies tussen {naam} en {sibling} over de spelcomputer.",
    "{Hij} wil later graag kok worden en kijkt uit naar de open dag van het mbo.",
)

# Findings as professionals write them: concrete events, hedges, disclosures, reports by others.
FINDINGS = (
    "{naam} vertelt dat vader {hem} met een {voorwerp} slaat als {hij} niet luistert.",
    "Ik zag blauwe plekken op {zijn} {lichaamsdeel}; {naam} kon niet vertellen hoe die zijn ontstaan.",
    "Volgens {melder} had {naam} striemen op {zijn} {lichaamsdeel}.",
    "{naam} zegt dat {ouder} {hem} soms hard vastpakt en door elkaar schudt.",
    "Moeder geeft toe dat zij {naam} {tijdstip} een klap heeft gegeven.",
    "{naam} vertelt dat {ouder} {hem} schopt als {hij} te laat thuiskomt.",
    "Bij de letselduiding is vastgesteld dat het letsel aan {zijn} {lichaamsdeel} is toegebracht.",
    "{Ouder} scheldt {naam} regelmatig uit en noemt {hem} dom en waardeloos.",
    "{naam} wordt als straf op {zijn} kamer opgesloten, soms een hele middag.",
    "Vader dreigt {naam} het huis uit te zetten als {hij} niet gehoorzaamt.",
    "{naam} heeft verteld dat {zijn} stiefvader aan {hem} heeft gezeten.",
    "Er is een vermoeden van seksueel misbruik door een oom; {naam} wil er niet over praten.",
    "{naam} is {tijdstip} op een feest door een onbekende jongen aangerand; er is aangifte gedaan.",
    "{naam} is getuige geweest van ruzies waarbij vader moeder sloeg.",
    "De politie is twee keer langs geweest vanwege huiselijk geweld; de kinderen waren thuis.",
    "{naam} komt vaak zonder ontbijt naar school en heeft geen brood bij zich.",
    "{Melder} meldt dat {naam} al weken in dezelfde vieze kleding op school komt.",
    "{naam} heeft onbehandelde hoofdluis en klaagt over kiespijn; een tandarts is al jaren niet bezocht.",
    "Er was nauwelijks eten in huis en de koelkast was leeg.",
    "{naam} verzuimt veel; ouders grijpen niet in bij het spijbelen.",
    "{naam} heeft onverklaard letsel aan {zijn} {lichaamsdeel}; moeder zegt dat {hij} is gevallen.",
    "{naam} zou thuis geslagen worden, aldus {melder}.",
    "Er zijn zorgen over de veiligheid van {naam} thuis.",
    "Mogelijk is er sprake van verwaarlozing; dit wordt verder onderzocht.",
    "Het is niet uit te sluiten dat {naam} thuis wordt mishandeld.",
    "Ouders ontkennen dat zij {naam} slaan, maar de verklaringen voor de blauwe plekken wisselen.",
    "Volgens {netwerk} is moeder een slechte moeder die niet voor de kinderen zorgt.",
    "{Netwerk} vindt dat vader veel te hard is tegen {naam}.",
    "{naam} is in de zomer vaak tot laat alleen thuis, zonder dat iemand weet waar {hij} is.",
    "De woning is ernstig vervuild en er ligt afval in de kinderkamer.",
)

NEGATED = (
    "Er zijn geen aanwijzingen voor kindermishandeling.",
    "Geen blauwe plekken of ander letsel gezien.",
    "{naam} ontkent dat er thuis geslagen wordt en maakt een ontspannen indruk.",
    "Er is geen sprake van verwaarlozing: het huis is opgeruimd en er is voldoende eten.",
    "De school heeft geen zorgen over de thuissituatie van {naam}.",
    "Het vermoeden van mishandeling bleek na onderzoek ongegrond.",
    "De melding over verwaarlozing is na onderzoek als onterecht afgesloten.",
    "Er zijn geen signalen van huiselijk geweld.",
    "{naam} geeft aan dat {hij} zich thuis veilig voelt.",
    "Geen aanwijzingen voor seksueel misbruik.",
)

CONDITIONAL = (
    "Mocht de situatie thuis escaleren, dan wordt Veilig Thuis ingeschakeld.",
    "Als moeder weer gaat drinken, kan {naam} bij {netwerk} terecht.",
    "Bij nieuwe signalen van mishandeling wordt direct een melding gedaan.",
    "Wanneer het verzuim toeneemt, volgt een gesprek met de leerplichtambtenaar.",
    "Een uithuisplaatsing wordt overwogen als ouders de hulp blijven weigeren.",
)

HISTORY = (
    "{naam} heeft als peuter een tijd in een pleeggezin gewoond.",
    "{Periode} is er een melding geweest over huiselijk geweld; sindsdien is het rustig.",
    "Moeder vertelt dat zij als kind zelf is mishandeld door haar vader.",
    "Vader is opgegroeid in een pleeggezin en heeft weinig contact met zijn familie.",
    "Opa is vroeger door zijn eigen vader mishandeld, vertelt moeder.",
    "{naam} heeft {periode} traumabehandeling gehad na een ernstig ongeluk.",
)

SOCIAL = (
    "Het gezin heeft forse schulden en staat onder bewind.",
    "Vader heeft {sinds} een bijstandsuitkering.",
    "Moeder heeft een licht verstandelijke beperking en krijgt ondersteuning van het wijkteam.",
    "Vader is in behandeling bij de ggz vanwege een depressie.",
    "Het gezin woont met vijf personen in een kleine tweekamerwoning.",
    "Het gezin is een paar jaar geleden vanuit {land} naar Nederland gekomen.",
    "Moeder werkt in de nachtdienst in de thuiszorg en slaapt overdag.",
    "Er is een aanvraag gedaan bij de schuldhulpverlening; de eerste afspraak is over {weken} weken.",
    "Vader is {sinds} werkloos en zoekt actief naar werk.",
    "Het gezin staat op de wachtlijst voor een grotere woning.",
    "Moeder spreekt nog weinig Nederlands; het gesprek werd gevoerd met een tolk.",
)

SAFETY_PLAN = (
    "Met ouders en het netwerk is een veiligheidsplan opgesteld.",
    "Er is nog geen veiligheidsplan.",
    "Volgende week wordt samen met de familie een veiligheidsplan gemaakt.",
    "Het veiligheidsplan is besproken en wordt over {weken} weken geëvalueerd.",
    "Er is een signaleringsplan gemaakt met de afspraken over wat te doen bij spanningen.",
    "In het veiligheidsplan staat dat {naam} bij escalatie naar {netwerk} gaat.",
    "Een veiligheidsplan is niet opgesteld omdat er geen zorgen over de veiligheid zijn.",
)

PLACEMENT = (
    "{naam} woont {sinds} in een gezinshuis.",
    "{naam} is met spoed uit huis geplaatst bij een crisispleeggezin.",
    "{naam} verblijft {sinds} op een residentiële groep.",
    "{naam} woont in een pleeggezin en ziet moeder eens per twee weken onder begeleiding.",
    "Terugplaatsing naar huis is gepland voor de zomer.",
    "De kinderrechter heeft een machtiging uithuisplaatsing afgegeven.",
    "{naam} gaat na de vakantie in een gezinshuis wonen.",
)

CLOSINGS = (
    "Afgesproken dat ik over {weken} weken opnieuw op huisbezoek kom.",
    "Volgende afspraak: {dag} om {uur} uur.",
    "De casus wordt besproken in het teamoverleg.",
    "Ouders gaan akkoord met een aanmelding bij {instantie}.",
    "Ik neem contact op met {instantie} en koppel terug aan moeder.",
    "Vervolg: gesprek met {naam} alleen, op school.",
    "Afspraken vastgelegd in het plan; evaluatie over {weken} weken.",
)

# What a note is mostly about, how often, and how it mixes its sentences (pool, weight).
Pools = Sequence[tuple[Sequence[str], float]]
PROFILES: Sequence[tuple[tuple[str, Pools], float]] = (
    (("routine", ((NEUTRAL, 6), (SOCIAL, 1.5), (HISTORY, 0.5), (CONDITIONAL, 0.3))), 0.35),
    (("concern", ((FINDINGS, 4), (NEUTRAL, 2), (SOCIAL, 1), (SAFETY_PLAN, 1), (HISTORY, 0.5),
                  (CONDITIONAL, 0.5), (NEGATED, 0.5))), 0.35),
    (("reassured", ((NEGATED, 3), (NEUTRAL, 4), (SOCIAL, 1), (SAFETY_PLAN, 0.5), (CONDITIONAL, 0.5))), 0.18),
    (("placement", ((PLACEMENT, 3), (NEUTRAL, 3), (FINDINGS, 1), (HISTORY, 1), (SAFETY_PLAN, 0.5))), 0.12),
)
NOTE_KINDS = {
    "routine": ("intake", "huisbezoek", "school", "evaluatie"),
    "concern": ("intake", "huisbezoek", "school", "overleg"),
    "reassured": ("huisbezoek", "school", "evaluatie", "overleg"),
    "placement": ("plaatsing", "overleg", "evaluatie"),
}
# At most this many sentences of a pool in one note, so a note does not both make and lack a safety plan.
POOL_CAPS: Mapping[int, int] = {
    id(FINDINGS): 4, id(NEGATED): 2, id(SAFETY_PLAN): 1, id(PLACEMENT): 2, id(CONDITIONAL): 1, id(HISTORY): 1,
    id(SOCIAL): 2,
}
TYPO_RATE = 0.05  # share of notes with one transposed pair of letters in a long word, as people type
FIRST_DATE = date(2023, 1, 2)
DATE_SPAN_DAYS = 3 * 365


class _Slots(dict):
    """Identity slots of a note, plus variety slots drawn afresh whenever a template asks for one."""

    def __init__(self, identity: Mapping[str, str], rng: random.Random) -> None:
        super().__init__(identity)
        self._rng = rng

    def __missing__(self, key: str) -> str:
        if key in VARIETY:
            return self._rng.choice(VARIETY[key])
        raise KeyError(key)


def _client_identity(seed: int, client_number: int) -> dict[str, str]:
    """The same client has the same name, age, parents and sibling in every note."""
    rng = random.Random(seed * 1_000_003 + client_number)
    is_boy = rng.random() < 0.5
    name = rng.choice(FIRST_NAMES)
    age = rng.randint(3, 17)
    pronouns = (("hij", "zijn", "hem") if is_boy else ("zij", "haar", "haar"))
    identity = {
        "naam": name,
        "leeftijd": str(age),
        "school": _school_phrase(rng, age),
        "moeder": rng.choice(FIRST_NAMES),
        "vader": rng.choice(FIRST_NAMES),
        "sibling": rng.choice(FIRST_NAMES),
        "hij": pronouns[0],
        "zijn": pronouns[1],
        "hem": pronouns[2],
    }
    identity["Hij"] = pronouns[0].capitalize()
    return identity


def _school_phrase(rng: random.Random, age: int) -> str:
    if age < 4:
        return "gaat drie dagdelen naar de peuteropvang"
    if age < 12:
        return f"zit in groep {age - 3}"
    year = ("eerste", "tweede", "derde", "vierde", "vijfde", "zesde")[min(5, age - 12)]
    school = rng.choice(("het vmbo", "de havo", "het vwo", "het praktijkonderwijs"))
    return f"zit in de {year} klas van {school}"


def _pick_weighted(rng: random.Random, choices: Sequence[tuple[T, float]]) -> T:
    total = sum(weight for _, weight in choices)
    point = rng.random() * total
    for item, weight in choices:
        point -= weight
        if point < 0:
            return item
    return choices[-1][0]


def _with_typo(rng: random.Random, text: str) -> str:
    words = text.split(" ")
    long_words = [i for i, w in enumerate(words) if len(w) >= 8 and w.isalpha()]
    if not long_words:
        return text
    i = rng.choice(long_words)
    word = words[i]
    j = rng.randint(2, len(word) - 3)
    words[i] = word[:j] + word[j + 1] + word[j] + word[j + 2 :]
    return " ".join(words)


def _compose_text(rng: random.Random, identity: Mapping[str, str]) -> str:
    profile_name, pools = _pick_weighted(rng, PROFILES)
    slots = _Slots(identity, rng)
    opening = rng.choice(OPENINGS[rng.choice(NOTE_KINDS[profile_name])]).format_map(slots)
    closing = rng.choice(CLOSINGS).format_map(slots)
    target = rng.randint(MIN_CHARS, MAX_CHARS)
    room = MAX_CHARS - len(closing) - 1
    body: list[str] = [opening]
    length = len(opening)
    used: set[str] = set()
    per_pool: dict[int, int] = {}
    attempts = 0
    while length + 1 + len(closing) < target and attempts < 60:
        attempts += 1
        pool = _pick_weighted(rng, pools)
        template = rng.choice(pool)
        if template in used or per_pool.get(id(pool), 0) >= POOL_CAPS.get(id(pool), len(pool)):
            continue
        sentence = template.format_map(slots)
        if length + 1 + len(sentence) > room:
            continue
        used.add(template)
        per_pool[id(pool)] = per_pool.get(id(pool), 0) + 1
        body.append(sentence)
        length += 1 + len(sentence)
    while length + 1 + len(closing) < MIN_CHARS:  # pools ran dry on a short target: pad with plain facts
        sentence = rng.choice(NEUTRAL).format_map(slots)
        body.append(sentence)
        length += 1 + len(sentence)
    separator = "\n" if rng.random() < 0.15 else " "
    text = " ".join(body) + separator + closing
    if rng.random() < TYPO_RATE:
        text = _with_typo(rng, text)
    return text


def generate_notes(n: int, seed: int = 1) -> Iterator[dict[str, str]]:
    """Yield n notes; the same (n, seed) always gives the same notes. About NOTES_PER_CLIENT per client."""
    rng = random.Random(seed)
    clients = max(1, n // NOTES_PER_CLIENT)
    for index in range(1, n + 1):
        client_number = rng.randrange(clients)
        identity = _client_identity(seed, client_number)
        author = f"{rng.choice(FIRST_NAMES)} {rng.choice('BDHKMRSTVW')}. ({rng.choice(ROLES)})"
        yield {
            "id": f"N{index:07d}",
            "client": f"C{client_number + 1:06d}",
            "date": (FIRST_DATE + timedelta(days=rng.randrange(DATE_SPAN_DAYS))).isoformat(),
            "author": author,
            "organisation": rng.choice(ORGANISATIONS),
            "text": _compose_text(rng, identity),
        }


def write_jsonl(notes: Iterator[dict[str, str]], out: TextIO) -> int:
    """Write notes one line each; returns how many were written."""
    count = 0
    for note in notes:
        out.write(json.dumps(note, ensure_ascii=False))
        out.write("\n")
        count += 1
    return count


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate fictional Dutch youth-care case notes as jsonl.")
    parser.add_argument("--n", type=int, default=3000, help="how many notes (default 3000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--out", default="-", help="output file, or - for stdout (default)")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("--n must be 0 or more")
    notes = generate_notes(args.n, args.seed)
    if args.out == "-":
        write_jsonl(notes, sys.stdout)
    else:
        with open(args.out, "w", encoding="utf-8", newline="\n") as out:
            write_jsonl(notes, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
