"""Generate a synthetic corpus of wire-style articles with their gold facts.

Not a test: a benchmark input. ``OUTDIR/syn-NNNNNNN.txt`` holds an article in
the header format of the evaluation guidelines (``url:``, ``publisher:``,
``published:``, ``title:``, a blank line, the body) and ``syn-NNNNNNN.json``
the facts the generator put into it, in the guidelines' facts format.

    python tests/benchmarks/generate_corpus.py /tmp/corpus --articles 10000 --seed 7

The articles report a pool of a few hundred synthetic agreements (``--pool``)
between real states and organizations of the gazetteer, each over its
lifecycle (talks, conclusion, signing, ratification, entry into force,
implementation, extension, suspension, withdrawal, termination, collapse) in
articles published at different times, with many phrasings: coordinated
parties, capitals and demonyms with offices as actors, "the two countries",
relative and absolute dates at day, month or year precision, negated and modal
events, hosts and brokers that are not parties, agreements named and
unnamed, a second agreement in the background, and about one article in ten
with no agreement at all (sports, weather, a company's contract). Two
well-known instruments (GSOMIA, New START) are in the pool, so the saved
queries' default parameters find something.

Reproducible: article ``i`` depends only on the seed, the pool size and ``i``,
so a corpus of N articles is the first N articles of any larger one with the
same seed. Streaming: one article at a time is in memory.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import time
from bisect import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path

GENERATOR_VERSION = "2"
START, END = date(1996, 1, 1), date(2025, 11, 30)
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip
AP_MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUMBER_WORDS = {2: "two", 3: "three", 4: "four"}

# ---------------------------------------------------------------- parties

# Countries that wire copy mentions most; they get more agreements, and their
# capitals stand for them as actors ("Seoul and Tokyo").
MAJOR = ("KOR JPN USA CHN RUS IND FRA DEU GBR ITA ESP TUR IRN IRQ EGY SAU PAK UKR POL BRA ARG MEX CAN "
         "AUS IDN VNM THA PHL MYS KEN ETH NGA QAT ARE ISR JOR MAR DZA GRC SWE NOR NLD CHL COL PER").split()  # fmt: skip
EXCLUDED = {"ESH", "VAT", "COG", "COD", "DMA", "PSE", "ATG", "KNA", "VCT", "STP", "LCA", "SMR", "MCO", "LIE", "AND"}
DISPLAY = {"USA": "the United States", "GBR": "Britain", "TUR": "Turkey", "CZE": "the Czech Republic"}
SHORT = {"USA": "U.S.", "GBR": "Britain", "ARE": "UAE", "KOR": "S. Korea", "PRK": "N. Korea", "TUR": "Turkey"}
WITH_THE = {"ARE", "NLD", "PHL", "BHS", "GMB", "CAF", "DOM", "MDV", "MHL", "SLB", "COM", "SYC"}
CAPITAL = {"USA": "Washington"}
DEMONYM = {"USA": "U.S."}
# capitals that also name something else, or that the gazetteer gives to an organization
NO_CAPITAL_ACTOR = {"ISR", "BEL", "NLD", "ZAF", "BOL", "KWT", "SGP", "DJI", "LUX", "MCO", "GTM", "PAN", "MEX"}
ORGS = {
    "EU": ("the European Union", "the EU", "Brussels"),
    "ASEAN": ("the Association of Southeast Asian Nations", "ASEAN", None),
    "UN": ("the United Nations", "the U.N.", None),
    "AU": ("the African Union", "the AU", None),
}
# pairs that sign ceasefires and peace treaties
CONFLICTS = [("ARM", "AZE"), ("IND", "PAK"), ("ISR", "LBN"), ("ISR", "SYR"), ("RUS", "UKR"), ("GEO", "RUS"),
             ("ERI", "ETH"), ("SDN", "SSD"), ("KHM", "THA"), ("KGZ", "TJK"), ("ECU", "PER"), ("COL", "VEN")]  # fmt: skip
MEMBERS = {
    "EU": set("AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL PRT ROU SVK SVN ESP SWE".split()),
    "ASEAN": set("BRN KHM IDN LAO MYS MMR PHL SGP THA VNM".split()),
    "AU": set("DZA AGO BEN BWA BFA BDI CPV CMR CAF TCD COM CIV DJI EGY GNQ ERI SWZ ETH GAB GMB GHA GIN GNB KEN LSO LBR "
              "LBY MDG MWI MLI MRT MUS MAR MOZ NAM NER NGA RWA SEN SYC SLE SOM ZAF SSD SDN TZA TGO TUN UGA ZMB ZWE".split()),
}  # fmt: skip
ORG_PROFILES = {
    "EU": {"free trade", "trade and investment", "investment protection", "fisheries", "climate", "migration",
           "science and technology", "air transport", "energy", "development assistance"},
    "ASEAN": {"free trade", "climate", "health", "cybersecurity", "food security", "science and technology"},
    "UN": {"development assistance", "health", "food security", "migration"},
    "AU": {"development assistance", "health", "food security", "free trade", "science and technology"},
}  # fmt: skip
# states whose programs or conduct agreements are often "about"
CONCERNS = ["PRK", "IRN", "RUS", "CHN", "SYR", "AFG", "YEM", "LBY", "SOM", "MMR", "VEN"]


@dataclass(frozen=True)
class Party:
    code: str
    name: str  # as in running text ("the United States")
    short: str  # for headlines and compound names ("U.S.")
    capital: str | None  # usable as an actor
    city: str  # for datelines
    demonym: str | None
    org: bool = False


def load_parties() -> dict[str, Party]:
    """The states of the gazetteer (minus a few) and four organizations."""
    from diplograph.resources import data_dir

    parties: dict[str, Party] = {}
    with open(data_dir() / "gazetteer" / "countries.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            code = row["iso3"]
            if code in EXCLUDED:
                continue
            name = DISPLAY.get(code) or (("the " if code in WITH_THE else "") + row["name"])
            capitals = [c for c in row["capital"].split("|") if c]
            city = CAPITAL.get(code) or (capitals[0] if capitals else name.removeprefix("the "))
            usable = (
                code in MAJOR and code not in NO_CAPITAL_ACTOR and bool(capitals)
                and row["name"] not in city and not city.startswith("Port")
            )  # fmt: skip
            demonyms = [d for d in row["demonyms"].split("|") if d]
            demonym = DEMONYM.get(code) or (demonyms[0] if demonyms else None)
            short = SHORT.get(code) or name.removeprefix("the ")
            parties[code] = Party(code, name, short, city if usable else None, city, demonym)
    for code, (name, short, seat) in ORGS.items():
        city = {"EU": "Brussels", "ASEAN": "Jakarta", "UN": "United Nations", "AU": "Addis Ababa"}[code]
        parties[code] = Party(code, name, short.removeprefix("the "), seat, city, None, org=True)
    return parties


# ---------------------------------------------------------------- topics and kinds


@dataclass(frozen=True)
class Profile:
    """What an agreement is about: words that say so, and the topic codes they give."""

    adj: str  # before the kind noun: "a fisheries pact"
    title: str  # in a proper name: "Kenya-Uganda Fisheries Agreement"
    detail: str  # "The pact covers ..."
    topics: tuple[str, ...]
    kinds: tuple[str, ...] = ()  # kinds it goes with; empty: any instrument kind


PROFILES = [
    Profile("free trade", "Free Trade", "tariff cuts on farm and industrial goods", ("trade",)),
    Profile("trade and investment", "Trade and Investment", "lower tariffs and protection for investors", ("investment", "trade")),
    Profile("investment protection", "Investment Protection", "the protection of investors and the settlement of disputes", ("investment",)),
    Profile("energy", "Energy Cooperation", "natural gas supplies and new electricity links", ("energy",)),
    Profile("climate", "Climate", "emissions cuts and the protection of forests", ("climate_environment",)),
    Profile("fisheries", "Fisheries", "fishing quotas in shared waters", ("maritime_fisheries",)),
    Profile("border demarcation", "Border", "the demarcation of their land border", ("border_territory",),
            ("treaty", "agreement", "accord", "memorandum_of_understanding")),
    Profile("peace", "Peace", "an end to hostilities and the exchange of prisoners", ("peace_ceasefire",),
            ("treaty", "agreement", "accord", "deal")),
    Profile("defense cooperation", "Defense Cooperation", "joint exercises and military training", ("military_cooperation",)),
    Profile("mutual defense", "Mutual Defense", "a pledge to come to each other's aid if attacked", ("security_alliance",),
            ("treaty", "agreement", "accord")),
    Profile("intelligence-sharing", "Intelligence Sharing", "the exchange of classified information", ("intelligence_sharing",)),
    Profile("nuclear arms control", "Nuclear Arms Control", "limits on deployed warheads and on-site inspections", ("arms_control", "nuclear_weapons"),
            ("treaty", "agreement", "accord", "deal")),
    Profile("health", "Health", "vaccine production and disease surveillance", ("health",)),
    Profile("migration", "Migration", "the return of migrants and legal routes for seasonal workers", ("migration",)),
    Profile("extradition", "Extradition", "the transfer of suspects and judicial cooperation", ("legal_cooperation",),
            ("treaty", "agreement")),
    Profile("science and technology", "Science and Technology", "joint research centres and exchanges of researchers", ("science_technology",)),
    Profile("space cooperation", "Space Cooperation", "satellite launches and the sharing of lunar data", ("space",)),
    Profile("cybersecurity", "Cybersecurity", "the protection of critical networks against cyber attacks", ("cyber",)),
    Profile("development assistance", "Development Assistance", "development aid for rural roads and clinics", ("development_aid",)),
    Profile("cultural exchange", "Cultural Exchange", "student exchanges and joint festivals", ("culture_education",)),
    Profile("air transport", "Air Transport", "new direct flights between the two capitals", ("transport",)),
    Profile("currency swap", "Currency Swap", "a currency swap line between the two central banks", ("finance",),
            ("agreement", "deal", "memorandum_of_understanding")),
    Profile("water sharing", "Water Sharing", "the use of a shared river and its dams", ("water_resources",)),
    Profile("food security", "Food Security", "grain reserves and fertilizer supplies", ("food_security",)),
]  # fmt: skip
CEASEFIRE = Profile("ceasefire", "Ceasefire", "a halt to shelling along the front line and the exchange of prisoners", ("peace_ceasefire",))
# the kind noun and the words later sentences may use for it (none outranks the kind)
KIND_WORDS = {
    "treaty": ("treaty", ["treaty"]),
    "agreement": ("agreement", ["agreement", "deal"]),
    "accord": ("accord", ["accord", "deal"]),
    "pact": ("pact", ["pact", "deal"]),
    "deal": ("deal", ["deal"]),
    "memorandum_of_understanding": ("memorandum of understanding", ["memorandum"]),
    "joint_statement": ("joint statement", ["joint statement"]),
    "ceasefire": ("ceasefire", ["ceasefire", "truce"]),
}
KIND_WEIGHTS = {"agreement": 24, "treaty": 12, "accord": 9, "pact": 10, "deal": 8,
                "memorandum_of_understanding": 15, "joint_statement": 8, "ceasefire": 5}  # fmt: skip


@dataclass(frozen=True)
class Ev:
    type: str
    when: date
    actor: str | None = None  # the party that ratified, suspended, withdrew...


@dataclass
class Agreement:
    key: int
    parties: tuple[str, ...]
    kind: str
    profile: Profile
    events: list[Ev]
    name: str | None = None
    acronym: str | None = None
    host: str | None = None
    concern: str | None = None

    @property
    def signing(self) -> Ev | None:
        return next((e for e in self.events if e.type == "signed"), None)


def _days(rng: random.Random, low: int, high: int) -> timedelta:
    return timedelta(days=rng.randint(low, high))


def _timeline(rng: random.Random, kind: str, parties: tuple[str, ...]) -> list[Ev]:
    signed = START + _days(rng, 400, (date(2024, 9, 1) - START).days)
    states = [p for p in parties if p not in ORGS] or list(parties)
    events: list[Ev] = []
    if kind == "joint_statement":
        return [Ev("signed", signed)]
    if kind == "ceasefire":
        events.append(Ev(rng.choice(["signed", "agreed"]), signed))
        events.append(Ev("in_force", signed + _days(rng, 0, 2)))
        if rng.random() < 0.4:
            events.append(Ev("extended", signed + _days(rng, 30, 150)))
        if rng.random() < 0.35:
            events.append(Ev("failed", signed + _days(rng, 160, 400)))
        return [e for e in events if e.when <= END]
    if rng.random() < 0.7:
        events.append(Ev("negotiation", signed - _days(rng, 90, 700)))
    if rng.random() < 0.1:  # talks that never produced the instrument
        events.append(Ev("failed", signed))
        return events
    if rng.random() < 0.25:
        events.append(Ev("agreed", signed - _days(rng, 10, 80)))
    events.append(Ev("signed", signed))
    last = signed
    if kind != "memorandum_of_understanding" and rng.random() < 0.6:
        for actor in rng.sample(states, min(len(states), rng.choice([1, 1, 2]))):
            last = max(last, signed + _days(rng, 40, 420))
            events.append(Ev("ratified", last, actor))
    if rng.random() < 0.65:
        last = last + _days(rng, 10, 90)
        events.append(Ev("in_force", last))
        if rng.random() < 0.2:
            last = last + _days(rng, 20, 200)
            events.append(Ev("implemented", last, rng.choice(states)))
    if rng.random() < 0.25:
        last = signed + _days(rng, 3 * 365, 9 * 365)
        events.append(Ev("extended", last))
    ending = rng.random()
    if ending < 0.3:
        actor = rng.choice(states)
        last = last + _days(rng, 200, 2500)
        if ending < 0.1:
            events.append(Ev("suspended", last, actor))
        elif ending < 0.2:
            events.append(Ev("withdrawn", last, actor))
            if rng.random() < 0.5:
                events.append(Ev("terminated", last + _days(rng, 90, 365)))
        else:
            events.append(Ev("terminated", last))
    return sorted((e for e in events if e.when <= END), key=lambda e: e.when)


def _real_instruments() -> list[Agreement]:
    """Two instruments everyone writes about; the saved queries' defaults name them."""
    intel = next(p for p in PROFILES if p.adj == "intelligence-sharing")
    arms = next(p for p in PROFILES if p.adj == "nuclear arms control")
    gsomia = Agreement(
        0, ("JPN", "KOR"), "agreement", intel,
        [Ev("failed", date(2012, 6, 29)), Ev("signed", date(2016, 11, 23)), Ev("in_force", date(2016, 11, 23)),
         Ev("withdrawn", date(2019, 8, 22), "KOR")],
        name="General Security of Military Information Agreement", acronym="GSOMIA", concern="PRK",
    )  # fmt: skip
    new_start = Agreement(
        1, ("RUS", "USA"), "treaty", arms,
        [Ev("signed", date(2010, 4, 8)), Ev("ratified", date(2010, 12, 22), "USA"),
         Ev("ratified", date(2011, 1, 26), "RUS"), Ev("in_force", date(2011, 2, 5)),
         Ev("extended", date(2021, 2, 3)), Ev("suspended", date(2023, 2, 21), "RUS")],
        name="New START",
    )  # fmt: skip
    return [gsomia, new_start]


def build_pool(seed: int, size: int, parties: dict[str, Party]) -> list[Agreement]:
    """The agreements the articles report; the same seed and size give the same pool."""
    rng = random.Random(f"pool-{seed}")
    states = sorted(c for c, p in parties.items() if not p.org)
    weights = [5 if c in MAJOR else 1 for c in states]
    pool = _real_instruments()
    used_names = {a.name for a in pool} | {a.acronym for a in pool}
    kinds, kind_weights = list(KIND_WEIGHTS), list(KIND_WEIGHTS.values())

    def pick_states(n: int) -> list[str]:
        chosen: list[str] = []
        while len(chosen) < n:
            code = rng.choices(states, weights)[0]
            if code not in chosen:
                chosen.append(code)
        return chosen

    while len(pool) < size:
        roll = rng.random()
        conflict = False
        if roll < 0.1:
            group, conflict = list(rng.choice(CONFLICTS)), True
        elif roll < 0.66:
            group = pick_states(2)
        elif roll < 0.78:
            group = pick_states(3)
        elif roll < 0.84:
            group = pick_states(4)
        else:
            org = rng.choice(["EU", "EU", "ASEAN", "UN", "AU"])
            partner = pick_states(1)[0]
            while partner in MEMBERS.get(org, ()):
                partner = pick_states(1)[0]
            group = [org, partner]
        org_ = next((g for g in group if g in ORGS), None)
        for _ in range(1 + min(4, int(rng.expovariate(0.8)))):
            if len(pool) >= size:
                break
            if org_:
                kind = rng.choice(["agreement", "agreement", "memorandum_of_understanding", "memorandum_of_understanding",
                                   "joint_statement", "deal", "accord"])  # fmt: skip
                profile = rng.choice([p for p in PROFILES if p.adj in ORG_PROFILES[org_] and (not p.kinds or kind in p.kinds)])
            elif conflict and rng.random() < 0.7:
                kind = rng.choice(["ceasefire", "ceasefire", "treaty", "agreement", "deal"])
                profile = CEASEFIRE if kind == "ceasefire" else PROFILES[[p.adj for p in PROFILES].index("peace")]
            else:
                kind = rng.choices(kinds, kind_weights)[0]
                if kind == "ceasefire":
                    kind = "agreement"
                profile = rng.choice([
                    p for p in PROFILES
                    if (not p.kinds or kind in p.kinds or kind == "joint_statement") and (conflict or p.adj != "peace")
                ])  # fmt: skip
            parties_ = tuple(sorted(group))
            agreement = Agreement(len(pool), parties_, kind, profile, _timeline(rng, kind, parties_))
            others = [c for c in states if c not in group]
            if kind == "ceasefire" or rng.random() < 0.35:
                agreement.host = rng.choices(others, [5 if c in MAJOR else 1 for c in others])[0]
            if profile.adj in ("intelligence-sharing", "defense cooperation", "mutual defense", "nuclear arms control") and rng.random() < 0.6:
                options = [c for c in CONCERNS if c not in group and c != agreement.host]
                agreement.concern = rng.choice(options)
            if kind in ("treaty", "agreement", "accord", "pact") and rng.random() < 0.3:
                _name(rng, agreement, parties, used_names)
            pool.append(agreement)
    return pool


def _name(rng: random.Random, agreement: Agreement, parties: dict[str, Party], used: set[str | None]) -> None:
    noun = KIND_WORDS[agreement.kind][0].title()
    cities = [parties[c].capital or parties[c].city for c in agreement.parties if not parties[c].org]
    if agreement.host and rng.random() < 0.3:
        cities = [parties[agreement.host].city]
    city = rng.choice(cities) if cities else None
    acronym = None
    if len(agreement.parties) == 2 and rng.random() < 0.6:
        a, b = (parties[c].short for c in agreement.parties)
        name = f"{a}-{b} {agreement.profile.title} {noun}"
        if rng.random() < 0.5:
            acronym = "".join(w[0] for w in name.replace("-", " ").split() if w[0].isupper()).replace(".", "")
    elif city and agreement.kind == "treaty":
        name = f"Treaty of {city}"
    elif city:
        name = f"{city} {noun}"
    else:
        return
    if name in used or acronym in used or (acronym and len(acronym) < 3):
        return
    used.update({name, acronym})
    agreement.name, agreement.acronym = name, acronym


# ---------------------------------------------------------------- dates


def _months(d: date) -> int:
    return d.year * 12 + d.month - 1


def _month_start(months: int) -> date:
    return date(months // 12, months % 12 + 1, 1)


def _month_length(d: date) -> int:
    return ((_month_start(_months(d) + 1)) - d.replace(day=1)).days


def fits(kind: str, e: date, p: date) -> bool:
    """Whether the date phrase ``kind`` for ``e`` reads right in an article of ``p``.

    >>> fits("weekday", date(2015, 6, 24), date(2015, 6, 25)), fits("in_month", date(2015, 6, 3), date(2015, 6, 25))
    (True, False)
    """
    days, months = (p - e).days, _months(p) - _months(e)
    if days < 0:
        return False
    return {
        "weekday": 1 <= days <= 6,
        "md": days <= 300 and not (e.month == 2 and e.day == 29),
        "mdy": True, "my": True, "year": True, "none": True,
        "this_month": months == 0 and e.day < p.day,
        "last_month": months == 1,
        "in_month": 1 <= months <= 10,
        "last_year": p.year - e.year == 1,
        "last_week": 7 <= days <= 12,
        "recently": 2 <= days <= 40,
    }[kind]  # fmt: skip


def when(kind: str, e: date, p: date) -> tuple[str, str | None]:
    """The words for ``e`` in an article of ``p`` and the date they give (GUIDELINES)."""
    day, month = e.isoformat(), e.isoformat()[:7]
    m = MONTHS[e.month - 1]
    return {
        "weekday": (f"on {WEEKDAYS[e.weekday()]}", day),
        "md": (f"on {m} {e.day}" if e.year == p.year else f"on {m} {e.day}, {e.year}", day),
        "mdy": (f"on {m} {e.day}, {e.year}", day),
        "this_month": ("earlier this month", month),
        "last_month": ("last month", month),
        "in_month": (f"in {m}", month),
        "my": (f"in {m} {e.year}", month),
        "year": (f"in {e.year}", str(e.year)),
        "last_year": ("last year", str(e.year)),
        "last_week": ("last week", None),
        "recently": ("recently", None),
        "none": ("", None),
    }[kind]


MAIN_PHRASES = {"weekday": 30, "md": 9, "mdy": 4, "this_month": 5, "last_month": 8, "in_month": 6,
                "my": 3, "year": 2, "last_year": 2, "last_week": 3, "recently": 3, "none": 6}  # fmt: skip
BACK_PHRASES = {"mdy": 4, "my": 4, "year": 4, "weekday": 3, "md": 2, "this_month": 2,
                "last_month": 2, "in_month": 2, "last_year": 2, "none": 1}  # fmt: skip


def publication_for(rng: random.Random, kind: str, e: date) -> date | None:
    """A publication date at which ``kind`` is a natural way to say ``e``."""
    if kind == "weekday":
        return e + _days(rng, 1, 6)
    if kind == "md":
        return e + _days(rng, 0, 60)
    if kind == "mdy":
        return e + _days(rng, 0, 30)
    if kind == "this_month":
        length = _month_length(e)
        return e + _days(rng, 1, length - e.day) if e.day < length else None
    if kind == "last_month":
        first = _month_start(_months(e) + 1)
        return first + _days(rng, 0, _month_length(first) - 1)
    if kind == "in_month":
        first = _month_start(_months(e) + rng.randint(2, 5))
        return first + _days(rng, 0, _month_length(first) - 1)
    if kind == "my":
        return e + _days(rng, 40, 400)
    if kind == "year":
        return max(e + _days(rng, 300, 1000), date(e.year + 1, 1, 2))
    if kind == "last_year":
        return date(e.year + 1, 1, 1) + _days(rng, 0, 364)
    if kind == "last_week":
        return e + _days(rng, 7, 12)
    if kind == "recently":
        return e + _days(rng, 2, 40)
    # no words for the day: a signing told in the lead is dated by the dateline
    # (GUIDELINES: "SEOUL, Nov. 23 -- ... signed" was signed on Nov. 23), so the
    # report is of that day, as every report of one agreement then agrees
    return e


# ---------------------------------------------------------------- words

PUBLISHERS = ["Example Wire", "Meridian News Service", "Atlas Newswire", "Northbridge Press",
              "Coastline Daily", "Harbor Gazette", "Global Desk", "Continental Dispatch"]  # fmt: skip
FIRST = ["Amina", "Joseph", "Li", "Maria", "Ahmed", "Sofia", "Kenji", "Olga", "Carlos", "Fatima", "David",
         "Elena", "Hassan", "Anna", "Rahul", "Grace", "Tomas", "Leila", "Pedro", "Ingrid", "Nadia",
         "Samuel", "Yuki", "Omar", "Clara", "Viktor", "Mei", "Daniel", "Zainab", "Ji-ho"]  # fmt: skip
LAST = ["Odhiambo", "Okello", "Wang", "Santos", "Haddad", "Novak", "Tanaka", "Petrova", "Mendes", "Rahman",
        "Ivanova", "Nasser", "Berg", "Sharma", "Mensah", "Kovacs", "Farouk", "Silva", "Larsen", "Park",
        "Haidari", "Osei", "Sato", "Karimi", "Lopez", "Petrov", "Chen", "Moreau", "Kamara", "Lindqvist"]  # fmt: skip
OFFICES = ["Foreign Minister", "President", "Prime Minister", "Trade Minister", "Defense Minister"]
ATTRIBUTIONS = ["officials said", "the foreign ministry said", "a government spokesman said",
                "state media reported", "according to officials", "diplomats said",
                "the governments said", "the presidential office said"]  # fmt: skip
QUOTES = ["This is a good day for both our peoples", "We have worked for this moment for a long time",
          "Our relations are stronger than ever", "There is still much work ahead of us",
          "It shows what patient diplomacy can achieve", "Our neighbours will benefit too",
          "We owe this to the next generation", "It is a step, not the end of the road"]  # fmt: skip
COMPANIES = ["Nordwerk Engineering", "Halvorsen Rail", "Kestrel Aerospace", "Brightwater Energy Corp",
             "Sunmark Telecom", "Ostrava Steelworks", "Bluepeak Shipping", "Tamsin Pharmaceuticals"]  # fmt: skip

# Sentences with no agreement in them: no instrument nouns, no lifecycle verbs.
DIPLO_FILLER = [
    "Officials are due to meet again in the autumn.",
    "The visit was the first by a {nat} head of government to the region in {n} years.",
    "Trade between {the_n} was worth about ${b} billion last year, according to official figures.",
    "{Country} has been seeking closer ties with its neighbours since a change of government.",
    "The ministers also discussed regional security and the situation in the Middle East.",
    "Opposition lawmakers in {country} questioned the cost of the programme.",
    "Analysts said the step reflected growing economic interdependence in the region.",
    "Business groups welcomed the move, saying it would give firms more certainty.",
    "Several hundred protesters gathered outside the venue, police said.",
    "The visiting leaders also laid a wreath at a war memorial in {city}.",
    "The foreign ministry in {city} said further meetings at expert level would follow.",
    "Diplomats said the atmosphere at the meeting had been cordial.",
    "{Country} is one of the largest economies in its region, with a population of about {m} million.",
    "A joint working group will review progress every {n} months.",
    "Critics said the text was vague on how disputes would be settled.",
    "The meeting was attended by senior officials and members of the diplomatic corps.",
    "Officials declined to say how much the programme would cost.",
    "{All_gov} face elections within the next two years.",
    "The {nat} side brought a delegation of about {d} business leaders.",
    "Relations between {the_n} have had ups and downs over the past decade.",
    "The foreign ministers held a joint news conference afterwards.",
    "Officials said technical teams had met more than {n} times over the past year.",
    "The {nat} currency rose slightly against the dollar after the announcement.",
    "Human rights groups urged the governments to publish the full text.",
    "The news was welcomed by the chamber of commerce in {city}.",
    "Officials said the text would be published on the ministry's website.",
    "Economists expect the measures to add a fraction of a percentage point to growth.",
    "{Person}, a researcher at a think tank in {city}, called it a pragmatic step.",
    "Security was tight in {city}, where roads around the venue were closed for the day.",
    "The {nat} leader is due to travel to the region again later in the year.",
]  # fmt: skip
NEUTRAL_FILLER = [
    "Temperatures are expected to rise towards the end of the week.",
    "Local authorities said schools would reopen on schedule.",
    "The city council has promised to improve public transport before the next season.",
    "Tickets sold out within hours, the organisers said.",
    "Shares in the company rose {p} percent in early trading.",
    "Police said traffic was heavier than usual on the main roads into {city}.",
    "The figures were broadly in line with forecasts by economists polled by the agency.",
    "Residents were advised to stay indoors and follow updates on local radio.",
    "The stadium, which holds about {k},000 people, was full.",
    "The central bank is due to publish its next report in the coming weeks.",
    "Hospitals in {city} reported a rise in admissions.",
    "The organisers said about {k},000 visitors had registered in advance.",
    "A spokesperson for the company declined to comment on the figures.",
    "The national weather service said more rain was likely in the north.",
    "Fans celebrated late into the night in the centre of {city}.",
    "Analysts said the outlook remained uncertain.",
]  # fmt: skip


@dataclass
class GoldAgreement:
    name: str | None
    aliases: list[str]
    kind: str
    parties: tuple[str, ...]
    concerns: list[str] = field(default_factory=list)
    topics: set[str] = field(default_factory=set)
    events: dict[tuple[str, str | None], None] = field(default_factory=dict)  # ordered set

    def event(self, type_: str, value: str | None) -> None:
        self.events[(type_, value)] = None

    def as_json(self) -> dict[str, object]:
        signed = next((d for t, d in self.events if t == "signed"), None)
        events = sorted(self.events, key=lambda e: (e[1] is None, e[1] or "", e[0]))
        return {
            "name": self.name, "aliases": self.aliases, "kind": self.kind,
            "parties": sorted(self.parties), "signed": signed, "concerns": sorted(self.concerns),
            "topics": sorted(self.topics), "events": [{"type": t, "date": d} for t, d in events],
        }  # fmt: skip


def _a(phrase: str) -> str:
    return ("an " if phrase[:1].lower() in "aeiou" else "a ") + phrase


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


class Writer:
    """Writes one article about one agreement (or none) and keeps its gold facts."""

    def __init__(self, rng: random.Random, parties: dict[str, Party], pool: list[Agreement]) -> None:
        self.rng, self.parties, self.pool = rng, parties, pool

    # ------------------------------------------------ references
    def person(self) -> str:
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"

    def actors(self, codes: list[str], *, people: bool = True) -> str:
        """All parties, as names, capitals or (``people``) officials."""
        ps = [self.parties[c] for c in codes]
        styles = ["names", "names", "names"]
        if all(p.capital for p in ps):
            styles += ["capitals", "capitals"]
        if people and all(p.demonym and not p.org for p in ps):
            styles += ["officials", "possessive"]
        style = self.rng.choice(styles)
        if style == "capitals":
            return _join([p.capital for p in ps])  # type: ignore[misc]
        if style == "officials":
            office = self.rng.choice(OFFICES)
            return _join([f"{p.demonym} {'Secretary of State' if p.code == 'USA' and office == 'Foreign Minister' else office} {self.person()}" for p in ps])
        if style == "possessive":
            office = self.rng.choice(["foreign ministers", "leaders", "trade ministers", "governments"])
            return f"the {office} of {_join([p.name for p in ps])}"
        return _join([p.name for p in ps])

    def again(self, codes: list[str]) -> str:
        """The parties once more, after they have been named."""
        n = len(codes)
        orgs = any(self.parties[c].org for c in codes)
        options = [_join([self.parties[c].name for c in codes])]
        if n in NUMBER_WORDS:
            options += [f"the {NUMBER_WORDS[n]} sides" if orgs else f"the {NUMBER_WORDS[n]} countries"] * 2
        if all(self.parties[c].capital for c in codes):
            options.append(_join([self.parties[c].capital for c in codes]))  # type: ignore[misc]
        return self.rng.choice(options)

    def one(self, code: str, role: str = "") -> str:
        p = self.parties[code]
        options = [p.name, p.name]
        if p.capital:
            options.append(p.capital)
        if p.demonym and not p.org:
            if role == "ratified":
                options += [f"the {p.demonym} parliament", f"{p.demonym} lawmakers"]
            else:
                options.append(f"the {p.demonym} government")
        return self.rng.choice(options)

    # ------------------------------------------------ articles
    def article(self, index: int) -> tuple[dict[str, str], str, list[dict[str, object]]]:
        if self.rng.random() < 0.1:
            return self.no_agreement(index)
        return self.about_agreement(index)

    def header(self, index: int, p: date, title: str, slug: str) -> dict[str, str]:
        publisher = self.rng.choice(PUBLISHERS)
        host = publisher.lower().replace(" ", "")
        url = f"https://{host}.example.org/{p:%Y/%m/%d}/{slug}-{index}"
        return {"url": url, "publisher": publisher, "published": p.isoformat(), "title": title}

    def dateline(self, city: str, p: date, publisher: str) -> str:
        return f"{city.upper()}, {AP_MONTHS[p.month - 1]} {p.day} ({publisher}) -- "

    def fill(self, paragraphs: list[str], bank: list[str], codes: list[str], words: int) -> None:
        """Add sentences from ``bank`` (each at most once) until the body has 150 to 400 words."""
        rng = self.rng
        target = rng.randint(150, 400)
        ps = [self.parties[c] for c in codes if not self.parties[c].org] or [self.parties["FRA"]]
        n = len(codes)
        orgs = any(self.parties[c].org for c in codes)
        the_n = f"the {NUMBER_WORDS.get(n, 'several')} {'sides' if orgs else 'countries'}"
        all_gov = "Both governments" if n == 2 else f"All {NUMBER_WORDS.get(n, 'the')} governments"
        budget = 400 - 8
        bank = rng.sample(bank, len(bank))
        r = rng.random  # one draw gives every number a sentence may need
        numbers = {"n": 3 + int(r() * 10), "b": 2 + int(r() * 89), "m": 5 + int(r() * 116),
                   "d": 20 + int(r() * 71), "p": 1 + int(r() * 9), "k": 12 + int(r() * 69)}  # fmt: skip
        person = self.person()
        while words < target and bank:
            p = ps[int(r() * len(ps))]
            sentence = bank.pop().format(
                the_n=the_n, All_gov=all_gov, nat=p.demonym or p.short, Country=_cap(p.name),
                country=p.name, city=p.city, Person=person, **numbers,
            )  # fmt: skip
            count = len(sentence.split())
            if words + count > budget:
                break
            words += count
            if rng.random() < 0.45 and paragraphs:
                paragraphs[-1] += " " + sentence
            else:
                paragraphs.append(sentence)

    def no_agreement(self, index: int) -> tuple[dict[str, str], str, list[dict[str, object]]]:
        rng = self.rng
        p = START + _days(rng, 0, (END - START).days)
        states = sorted(c for c, x in self.parties.items() if not x.org)
        a, b = (self.parties[c] for c in rng.sample(states, 2))
        theme = rng.choice(["sports", "weather", "company", "economy"])
        if theme == "sports":
            score = f"{rng.randint(1, 4)}-{rng.randint(0, 3)}"
            lead = (f"{_cap(a.name)} beat {b.name} {score} in a World Cup qualifier in {a.city} on "
                    f"{WEEKDAYS[(p - timedelta(days=1)).weekday()]}, keeping their hopes of reaching the finals alive.")
            body = [f"The winning goal came in the {rng.randint(55, 89)}th minute from a substitute who joined "
                    f"the club last year on a three-year contract.",
                    f"{_cap(b.name)} will host the return match next month."]
            title, slug = f"{a.short} beat {b.short} in World Cup qualifier", "football"
        elif theme == "weather":
            lead = (f"Heavy rain and strong winds hit {a.city} and much of {a.name} on "
                    f"{WEEKDAYS[(p - timedelta(days=1)).weekday()]}, flooding roads and cutting power to thousands of homes.")
            body = [f"The national weather service warned of more storms in the coming days.",
                    f"Flights to neighbouring {b.name} were delayed for several hours."]
            title, slug = f"Storms hit {a.short}, flooding roads", "storm"
        elif theme == "company":
            company = rng.choice(COMPANIES)
            lead = (f"{company} signed a ${rng.randint(2, 30) / 10:.1f} billion contract with {a.name}'s state "
                    f"railway operator to supply {rng.randint(20, 90)} trains, the company said on "
                    f"{WEEKDAYS[(p - timedelta(days=1)).weekday()]}.")
            body = [f"The deal is the largest in the company's history and includes maintenance for {rng.randint(10, 25)} years.",
                    f"A rival bidder from {b.name} had offered a lower price, according to people familiar with the tender."]
            title, slug = f"{company} wins {a.short} train contract", "contract"
        else:
            lead = (f"{_cap(a.name)}'s central bank kept its main interest rate unchanged at {rng.randint(2, 12)} percent "
                    f"on {WEEKDAYS[(p - timedelta(days=1)).weekday()]}, citing slowing inflation.")
            body = [f"Exports to {b.name}, the country's largest market, fell {rng.randint(2, 15)} percent in the last quarter.",
                    "The bank's governor said further cuts were possible if prices stayed stable."]
            title, slug = f"{a.short} central bank holds rates", "rates"
        header = self.header(index, p, title, slug)
        paragraphs = [*body]
        words = len(lead.split()) + sum(len(x.split()) for x in body)
        self.fill(paragraphs, NEUTRAL_FILLER, [a.code, b.code], words)
        text = self.dateline(a.city, p, header["publisher"]) + lead + "\n\n" + "\n\n".join(paragraphs)
        return header, text, []

    def about_agreement(self, index: int) -> tuple[dict[str, str], str, list[dict[str, object]]]:
        rng = self.rng
        ag = self.pool[index_of(rng, len(self.pool))]
        weights = [EVENT_WEIGHTS[e.type] for e in ag.events]
        main = rng.choices(ag.events, weights)[0]
        for _ in range(6):
            phrase = rng.choices(list(MAIN_PHRASES), list(MAIN_PHRASES.values()))[0]
            p = publication_for(rng, phrase, main.when)
            if p is not None and p <= END and fits(phrase, main.when, p):
                break
        else:
            phrase, p = "none", main.when
        return ArticleText(self, ag, main, phrase, p, index).render()


EVENT_WEIGHTS = {"negotiation": 1.5, "agreed": 1.0, "signed": 3.0, "ratified": 1.5, "in_force": 1.5,
                 "implemented": 0.5, "extended": 1.5, "suspended": 1.5, "withdrawn": 1.5,
                 "terminated": 1.5, "failed": 2.0}  # fmt: skip


def index_of(rng: random.Random, size: int, _cache: dict[int, list[float]] = {}) -> int:  # noqa: B006
    """An agreement of the pool, skewed: a few get most of the coverage."""
    if size not in _cache:
        weights = [1.0 / (rank + 1) ** 0.8 for rank in range(size)]
        weights[0] = weights[1] = weights[2]  # the two real instruments are well covered
        _cache[size] = list(accumulate(weights))
    cumulative = _cache[size]
    return bisect(cumulative, rng.random() * cumulative[-1])


class ArticleText:
    """The text and the gold facts of one article about ``ag`` published on ``p``."""

    def __init__(self, w: Writer, ag: Agreement, main: Ev, phrase: str, p: date, index: int) -> None:
        self.w, self.rng, self.ag, self.main, self.phrase, self.p, self.index = w, w.rng, ag, main, phrase, p, index
        self.parties = w.parties
        noun, later = KIND_WORDS[ag.kind]
        self.noun, self.later = noun, later
        self.order = list(ag.parties)
        self.rng.shuffle(self.order)
        named = bool(ag.name) and self.rng.random() < 0.85
        self.gold = GoldAgreement(ag.name if named else None, [], ag.kind, ag.parties)
        self.named = named
        self.gold.topics.update(ag.profile.topics)
        self.acronym_used = False

    # ------------------------------------------------ pieces
    def kw(self) -> str:
        """A later reference to the agreement."""
        if self.named and self.ag.acronym and self.acronym_used and self.rng.random() < 0.5:
            return self.ag.acronym
        return "the " + self.rng.choice(self.later)

    def first(self, *, definite: bool = False, year: int | None = None) -> str:
        """The first mention: "a fisheries pact", "the Accra Accord on fisheries"."""
        ag = self.ag
        if self.named:
            name = ag.name or ""
            text = f"the {name} treaty" if name == "New START" else f"the {name}"
            if ag.acronym and self.rng.random() < 0.7:
                text += f" ({ag.acronym})"
                self.acronym_used = True
                self.gold.aliases = [ag.acronym]
            if ag.profile.title.lower() not in name.lower() and ag.key > 1:  # not the real ones
                text += f" on {ag.profile.adj}"
            return text
        adj = ag.profile.adj if ag.kind != "ceasefire" else ""
        if ag.kind == "joint_statement":
            return f"a joint statement on {adj}"
        label = f"{year} " if year else ""
        words = f"{label}{adj} {self.noun}".replace("  ", " ").strip()
        return f"the {words}" if definite or year else _a(words)

    def date_words(self, e: date, weights: dict[str, float] = BACK_PHRASES) -> tuple[str, str | None]:
        kinds = [k for k in weights if fits(k, e, self.p)]
        kind = self.rng.choices(kinds, [weights[k] for k in kinds])[0]
        return when(kind, e, self.p)

    def others(self, actor: str) -> str:
        return _join([self.parties[c].name for c in self.order if c != actor])

    # ------------------------------------------------ the lead
    def lead(self) -> tuple[str, str]:
        """The first sentence (about the main event) and the headline."""
        ag, rng, main, g = self.ag, self.rng, self.main, self.gold
        words, value = when(self.phrase, main.when, self.p)
        if not words and main.type == "signed":  # the dateline dates it
            value = self.p.isoformat()
        dp = f" {words}" if words else ""
        attrib = rng.choice(ATTRIBUTIONS)
        host = ""
        everyone = self.w.actors(self.order)
        shorts = [self.parties[c].short for c in self.order]
        topic = ag.profile.adj if ag.kind != "ceasefire" else ""
        head_noun = {"memorandum_of_understanding": "memorandum", "joint_statement": "joint statement"}.get(ag.kind, self.noun)
        head = f"{topic} {head_noun}".strip()
        if ag.host and main.type in ("signed", "agreed") and rng.random() < 0.6:
            h = self.parties[ag.host].name
            host = rng.choice([f" at a ceremony hosted by {h}", f" in a deal brokered by {h}", f", with {h} acting as mediator"])
        t = main.type
        if t == "signed":
            g.event("signed", value)
            if ag.kind == "joint_statement":
                verb = rng.choice(["issued", "adopted"])
                text = f"{_cap(everyone)} {verb} {self.first()}{dp}, {attrib}."
                return text, f"{', '.join(shorts)} issue joint statement on {topic}"
            verb = rng.choice(["signed", "signed", "inked"])
            text = f"{_cap(everyone)} {verb} {self.first()}{dp}{host}, {attrib}."
            return text, f"{', '.join(shorts)} sign {head}"
        if t == "agreed":
            g.event("agreed", value)
            if ag.kind == "ceasefire":
                text = f"{_cap(everyone)} agreed on a ceasefire{dp}{host}, {attrib}."
            else:
                verb = rng.choice(["reached", "concluded", "initialled"])
                text = f"Negotiators from {self.w.actors(self.order, people=False)} {verb} {self.first()}{dp}{host}, {attrib}."
            return text, f"{', '.join(shorts)} reach {head}"
        if t == "negotiation":
            g.event("negotiation", value)
            if rng.random() < 0.5:
                text = f"{_cap(everyone)} held talks on {self.first()}{dp}, {attrib}."
            else:
                text = f"Negotiators from {self.w.actors(self.order, people=False)} resumed talks on {self.first()}{dp}, {attrib}."
            return text, f"{', '.join(shorts)} hold talks on {head}"
        if t == "failed":
            g.event("failed", value)
            pair = _join([self.parties[c].name for c in self.order])
            if ag.kind == "ceasefire":
                text = f"A ceasefire between {pair} collapsed{dp}, {attrib}."
            elif self.named:
                text = f"Talks between {pair} on {self.first()} collapsed{dp}, {attrib}."
            else:
                text = f"Talks on {self.first()} between {pair} collapsed{dp}, {attrib}."
            return text, f"Talks on {'-'.join(shorts)} {head} collapse"
        if t in ("ratified", "suspended", "withdrawn", "implemented") and main.actor:
            g.event(t, value)
            x = _cap(self.w.one(main.actor, t))
            verb = {
                "ratified": ["ratified"], "suspended": ["suspended", "froze"],
                "withdrawn": ["withdrew from", "pulled out of", "announced its withdrawal from"],
                "implemented": ["began implementing"],
            }[t]  # fmt: skip
            np = self.np_with(main.actor)
            text = f"{x} {rng.choice(verb)} {np}{dp}, {attrib}."
            title_verb = {"ratified": "ratifies", "suspended": "suspends", "withdrawn": "quits",
                          "implemented": "starts implementing"}[t]  # fmt: skip
            return text, f"{self.parties[main.actor].short} {title_verb} {head} with {', '.join(s for c, s in zip(self.order, shorts) if c != main.actor)}"
        g.event(t, value)
        if t == "in_force":
            np = self.np_between()
            verb = rng.choice(["entered into force", "took effect", "came into force"])
            return f"{_cap(np)} {verb}{dp}, {attrib}.", f"{'-'.join(shorts)} {head} takes effect"
        if t == "extended":
            verb = rng.choice(["extended", "renewed"])
            span = rng.choice(["30 days", "two months"] if ag.kind == "ceasefire" else ["five years", "three years", "ten years"])
            text = f"{_cap(everyone)} {verb} {self.np_their()}{dp} for another {span}, {attrib}."
            return text, f"{', '.join(shorts)} extend {head}"
        # terminated
        np = self.np_between()
        verb = rng.choice(["expired", "ended"])
        return f"{_cap(np)} {verb}{dp}, {attrib}.", f"{'-'.join(shorts)} {head} {verb[:-1] if verb == 'expired' else 'end'}s"

    def signing_clause(self) -> str:
        """", which they signed in 2014" when the signing comes before publication."""
        s = self.ag.signing
        if s is None or s.when >= self.p or self.rng.random() < 0.5:
            return ""
        words, value = self.date_words(s.when)
        if not words:
            return ""
        self.gold.event("signed", value)
        return f", signed {words},"

    def np_with(self, actor: str) -> str:
        """The agreement as one party's: "a fisheries pact with Uganda"."""
        others = self.others(actor)
        s = self.ag.signing
        if (not self.named and s and s.when < self.p and self.rng.random() < 0.3):
            self.gold.event("signed", str(s.when.year))
            return f"{self.first(year=s.when.year)} with {others}"
        np = self.first()
        if self.rng.random() < 0.4 and not self.named:
            np = "its " + np.split(" ", 1)[1]
        return f"{np} with {others}"

    def np_between(self) -> str:
        pair = _join([self.parties[c].name for c in self.order])
        if self.named:
            return f"{self.first()} between {pair}{self.signing_clause()}"
        s = self.ag.signing
        if s and s.when < self.p and self.rng.random() < 0.3:
            self.gold.event("signed", str(s.when.year))
            return f"{self.first(year=s.when.year)} between {pair}"
        return f"{self.first()} between {pair}{self.signing_clause()}"

    def np_their(self) -> str:
        s = self.ag.signing
        if not self.named and s and s.when < self.p and self.rng.random() < 0.5:
            self.gold.event("signed", str(s.when.year))
            return "their " + " ".join(w for w in (str(s.when.year), self.ag.profile.adj if self.ag.kind != "ceasefire" else "", self.noun) if w)
        return self.first()

    # ------------------------------------------------ later sentences
    def background(self) -> list[str]:
        """Earlier events, one sentence each; a scheduled entry into force."""
        ag, rng, g, p = self.ag, self.rng, self.gold, self.p
        said = {t for t, _ in g.events}
        past = [e for e in ag.events if e.when < p and e is not self.main and e.type not in said]
        if self.main.type == "negotiation" or ag.kind == "joint_statement":
            past = [e for e in past if e.type == "negotiation"]
        chosen = [e for e in past if e.type == "signed" and rng.random() < 0.75]
        rest = [e for e in past if e.type != "signed"]
        chosen += rng.sample(rest, min(len(rest), rng.choice([0, 1, 1, 2, 2, 3])))
        chosen.sort(key=lambda e: e.when)
        out = []
        for e in chosen:
            words, value = self.date_words(e.when)
            dp = f" {words}" if words else ""
            kw = self.kw()
            if e.type == "negotiation":
                text = rng.choice([f"Negotiations on {kw} began{dp}.", f"Talks on {kw} opened{dp}."])
            elif e.type == "agreed":
                text = f"Negotiators concluded {kw}{dp}."
            elif e.type == "signed":
                text = rng.choice([f"{_cap(kw)} was signed{dp}.", f"{_cap(self.w.again(self.order))} signed {kw}{dp}."])
            elif e.type == "ratified" and e.actor:
                text = f"{_cap(self.w.one(e.actor, 'ratified'))} ratified {kw}{dp}."
            elif e.type == "in_force":
                text = f"{_cap(kw)} {rng.choice(['entered into force', 'took effect'])}{dp}."
            elif e.type == "implemented" and e.actor:
                text = f"{_cap(self.parties[e.actor].name)} began implementing {kw}{dp}."
            elif e.type == "extended":
                text = f"{_cap(kw)} was {rng.choice(['extended', 'renewed'])}{dp}."
            elif e.type == "suspended" and e.actor:
                text = f"{_cap(self.parties[e.actor].name)} suspended {kw}{dp}."
            elif e.type == "withdrawn" and e.actor:
                text = f"{_cap(self.parties[e.actor].name)} withdrew from {kw}{dp}."
            elif e.type == "terminated":
                text = f"{_cap(kw)} expired{dp}."
            elif e.type == "failed":
                text = f"An earlier attempt to conclude {kw} collapsed{dp}."
            else:
                continue
            g.event(e.type, value)
            out.append(text)
        # an entry into force already scheduled
        if self.main.type in ("signed", "ratified") and "in_force" not in said:
            future = [e for e in ag.events if e.type == "in_force" and self.p < e.when <= self.p + timedelta(days=200)]
            if future and rng.random() < 0.7:
                e = future[0].when
                day = f"{MONTHS[e.month - 1]} {e.day}" + (f", {e.year}" if e.year != self.p.year else "")
                out.append(f"{_cap(self.kw())} will {rng.choice(['take effect', 'enter into force'])} on {day}.")
                g.event("in_force", e.isoformat())
        return out

    def detail(self) -> str:
        ag, rng = self.ag, self.rng
        if ag.kind == "joint_statement":
            return f"In the joint statement, {self.w.again(self.order)} pledged to cooperate on {ag.profile.detail}."
        return rng.choice([
            f"{_cap(self.kw())} covers {ag.profile.detail}.",
            f"Under {self.kw()}, {self.w.again(self.order)} will cooperate on {ag.profile.detail}.",
            f"{_cap(self.kw())} provides for {ag.profile.detail}.",
        ])  # fmt: skip

    def concern(self) -> str | None:
        c = self.ag.concern
        if not c or self.rng.random() < 0.3:
            return None
        self.gold.concerns = [c]
        name = self.parties[c].name
        if self.rng.random() < 0.5:
            self.gold.topics.update(("missiles", "nuclear_weapons"))
            return f"{_cap(self.kw())} is aimed at {name}'s nuclear and missile programs, officials said."
        return f"{_cap(self.kw())} is aimed at countering threats from {name}, officials said."

    def aside(self) -> str | None:
        """A host, an observer that did not sign, a party yet to ratify, an intention."""
        ag, rng, p = self.ag, self.rng, self.p
        signed = ag.signing is not None and ag.signing.when <= p and any(t == "signed" for t, _ in self.gold.events)
        ratified = {e.actor for e in ag.events if e.type == "ratified" and e.when <= p}
        in_force = any(e.type == "in_force" and e.when <= p for e in ag.events)
        options: list[str] = []
        if ag.host:
            h = self.parties[ag.host].name
            options.append(f"{_cap(h)}, which hosted the final round, is not a party to {self.kw()}.")
        if signed and self.main.type == "signed":
            states = sorted(c for c, x in self.parties.items() if not x.org and c not in ag.parties and c != ag.host and c != ag.concern)
            observer = self.parties[rng.choice(states)].name
            options.append(f"{_cap(observer)}, which attended the ceremony as an observer, did not sign {self.kw()}.")
        if signed and not in_force and ag.kind not in ("joint_statement", "ceasefire", "memorandum_of_understanding"):
            pending = [c for c in ag.parties if c not in ratified and c not in ORGS]
            if pending:
                options.append(f"{_cap(self.parties[rng.choice(pending)].name)} has yet to ratify {self.kw()}.")
            if not ratified:
                both = "Both parliaments" if len(ag.parties) == 2 else "The parliaments"
                options.append(f"{both} are expected to ratify {self.kw()} later this year.")
            options.append(f"{_cap(self.kw())} has not yet entered into force.")
        if self.main.type == "negotiation" and ag.signing and ag.signing.when > p:
            options.append(f"{_cap(self.w.again(self.order))} plan to sign {self.kw()} in the coming months.")
        return rng.choice(options) if options else None

    def quote(self) -> str | None:
        ps = [self.parties[c] for c in self.order if self.parties[c].demonym and not self.parties[c].org]
        if not ps:
            return None
        p = self.rng.choice(ps)
        office = "Secretary of State" if p.code == "USA" else self.rng.choice(OFFICES)
        return f'"{self.rng.choice(QUOTES)}," {p.demonym} {office} {self.w.person()} told reporters.'

    def second(self) -> tuple[str, GoldAgreement] | None:
        """Another agreement of the same parties, signed earlier."""
        ag, rng = self.ag, self.rng
        siblings = [
            o for o in self.w.pool
            if o.parties == ag.parties and o is not ag and o.kind not in ("joint_statement", "ceasefire")
            and o.signing and o.signing.when < self.p and o.profile is not ag.profile
        ]  # fmt: skip
        if not siblings:
            return None
        other = rng.choice(siblings)
        s = other.signing
        assert s is not None
        words, value = self.date_words(s.when, {"year": 3, "my": 2, "mdy": 1})
        gold = GoldAgreement(other.name, [], other.kind, other.parties, topics=set(other.profile.topics))
        gold.event("signed", value)
        if other.name:
            np = f"the {other.name}"
            if other.profile.title.lower() not in other.name.lower():
                np += f" on {other.profile.adj}"
        else:
            np = _a(f"{other.profile.adj} {KIND_WORDS[other.kind][0]}")
        return f"{_cap(self.w.again(self.order))} also signed {np} {words}.", gold

    def render(self) -> tuple[dict[str, str], str, list[dict[str, object]]]:
        rng = self.rng
        lead, title = self.lead()
        body = [*self.background(), self.detail()]
        for extra in (self.concern(), self.aside() if rng.random() < 0.6 else None,
                      self.quote() if rng.random() < 0.5 else None):  # fmt: skip
            if extra:
                body.insert(rng.randint(1, len(body)), extra)
        golds = [self.gold]
        if rng.random() < 0.25:
            found = self.second()
            if found:
                body.append(found[0])
                golds.append(found[1])
        # paragraphs of one to three sentences, in order; filler shuffled in between
        paragraphs: list[str] = []
        i = 0
        while i < len(body):
            size = rng.choice([1, 1, 2, 3])
            paragraphs.append(" ".join(body[i : i + size]))
            i += size
        words = len(lead.split()) + sum(len(x.split()) for x in paragraphs)
        filler: list[str] = []
        self.w.fill(filler, DIPLO_FILLER, list(self.ag.parties), words)
        for sentence in filler:  # between paragraphs, after the first one, more towards the end
            paragraphs.insert(max(rng.randint(1, len(paragraphs)), rng.randint(1, len(paragraphs))), sentence)
        city_of = [self.parties[c].city for c in self.ag.parties]
        header = self.w.header(self.index, self.p, _cap(title), self.noun.replace(" ", "-"))
        text = self.w.dateline(rng.choice(city_of), self.p, header["publisher"]) + lead + "\n\n" + "\n\n".join(paragraphs)
        return header, text, [g.as_json() for g in golds]


# ---------------------------------------------------------------- corpus


def stem(index: int) -> str:
    return f"syn-{index:07d}"


def articles(n: int, seed: int = 7, pool_size: int = 400) -> Iterator[tuple[str, str, dict[str, object]]]:
    """``(stem, file text, gold facts)`` for articles 0..n-1, one at a time.

    >>> a = [x[0] for x in articles(3, seed=1, pool_size=50)]
    >>> b = [x for x in articles(3, seed=1, pool_size=50)]
    >>> a == ["syn-0000000", "syn-0000001", "syn-0000002"], b == list(articles(3, seed=1, pool_size=50))
    (True, True)
    """
    parties = load_parties()
    pool = build_pool(seed, pool_size, parties)
    for index in range(n):
        rng = random.Random(seed * 1_000_003 + index)
        header, body, agreements = Writer(rng, parties, pool).article(index)
        text = "".join(f"{k}: {v}\n" for k, v in header.items()) + "\n" + body + "\n"
        gold = {"article": {"id": stem(index), **header}, "agreements": agreements}
        yield stem(index), text, gold


def write_corpus(outdir: Path, n: int, seed: int = 7, pool_size: int = 400) -> dict[str, object]:
    """Write ``n`` articles and their gold facts; returns a summary (also in ``manifest.json``)."""
    outdir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    agreements = empty = words = 0
    for name, text, gold in articles(n, seed, pool_size):
        (outdir / f"{name}.txt").write_text(text, encoding="utf-8")
        (outdir / f"{name}.json").write_text(json.dumps(gold, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        found = len(gold["agreements"])  # type: ignore[arg-type]
        agreements += found
        empty += not found
        words += len(text.split("\n\n", 1)[1].split())
    seconds = time.perf_counter() - started
    summary = {"generator": GENERATOR_VERSION, "articles": n, "seed": seed, "pool": pool_size,
               "gold_agreements": agreements, "without_agreement": empty,
               "mean_words": round(words / max(n, 1), 1), "seconds": round(seconds, 2)}  # fmt: skip
    (outdir / "manifest.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--articles", type=int, required=True, help="how many articles")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--pool", type=int, default=400, help="how many distinct agreements they report (default 400)")
    args = parser.parse_args()
    s = write_corpus(args.outdir, args.articles, args.seed, args.pool)
    print(
        f"{s['articles']} articles ({s['without_agreement']} without agreement, {s['gold_agreements']} gold "
        f"agreements, {s['mean_words']} words on average) in {args.outdir} in {s['seconds']:.1f} s "
        f"({args.articles / max(float(s['seconds']), 1e-9):,.0f} articles/s)"  # type: ignore[arg-type]
    )


if __name__ == "__main__":
    main()
