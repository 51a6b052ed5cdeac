"""States and organizations mentioned in a text, and the role each mention plays.

A mention stands for a state when it names it ("South Korea", "ROK"), uses a
demonym with an office ("South Korean President"), or uses its capital or seat
of government as an actor ("Seoul and Tokyo", "the Kremlin"). The same capital
is only a place after "in", "at" or "to" ("signed in Seoul").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from diplograph.extract.home import DATELINE, home, home_leaders
from diplograph.extract.people import NO_PERSON, OFFICE, introduced, people_told
from diplograph.extract.text import any_of, opens_a_name
from diplograph.gazetteer import Entity, load_gazetteer

_ANOTHER_PLACE = re.compile(r"\b(?:New|Latin|South|North|Central)\s$")
# a sea, a river, an airline named after a state is not the state
_FEATURE = re.compile(
    r"\s+(?:Sea|Ocean|Gulf|Canal|River|Delta|Basin|Strait|Airways|Airlines)\b"
)
_FEATURE_OF = re.compile(
    r"\b(?:(?:Sea|Gulf|Bay|Strait|Bank)\s+of\s+(?:the\s+)?|Air\s)$"
)
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|at|near|outside|inside|across|throughout|to|visit|visited|visiting|"
    r"arrived in|held in|based in)\s+(?:the\s+)?|\bcapital(?:,)?\s+(?:of\s+)?"
    r"|\b(?:in|at)\s+(?-i:[A-Z])[\w'’.-]+\s*\()$",  # "in Havana (Cuba)"
    re.I,
)
_TOWN_BEFORE = re.compile(
    r"\b(?:in|at|near)\s+(?-i:[A-Z])[\w'’.-]+(?:\s+(?-i:[A-Z])[\w'’.-]+)?,\s+"
    r"(?:the\s+)?$"
)
_TOWN_AFTER = re.compile(r"\s*(?:[,.;]|\s(?:on|in|last|this|at)\b)")
# "link to Ethiopia, which signed a similar deal": a state a relative clause
# says acted is no place
_ACTED_AFTER = re.compile(
    r",\s+(?:which|who)\s+(?:has\s+|had\s+|also\s+)?(?:signed|ratified|agreed|"
    r"concluded|inked|sealed|joined|acceded|withdrew|quit|suspended)\b"
)
# "the Uzbek and Kazakh presidents": demonyms sharing the office after them
_SHARED_OFFICE = re.compile(r"(?:\s*,\s*|\s+and\s+)(?:[A-Z][\w'’-]+\s?){1,2}(?=\s)")
# "US dollars", "Japanese yen", "China's economy": money and markets, not the state
_NOT_THE_STATE = re.compile(
    r"(?:'s|’s)?\s+(?:dollars?|yen|won|euros?|yuan|renminbi|rupees?|ruble|roubles?|"
    r"pounds? sterling|bonds?|Treasur(?:y|ies)|stocks?|stock market|shares|"
    r"economy|GDP|inflation)\b"
)


@dataclass(frozen=True)
class ActorMention:
    start: int
    end: int
    code: str
    role: str  # name, alias, demonym, capital, seat, person
    text: str
    place: bool = False  # only where something happened ("in Seoul")
    # a demonym that does not stand for the state ("Ukrainian ports"), a
    # capital that opens a name ("Sofia Mensah")
    weak: bool = False


@lru_cache(maxsize=1)
def _pattern() -> tuple[
    re.Pattern[str], dict[str, tuple[str, str]], dict[str, tuple[str, str]]
]:
    forms = load_gazetteer().surface_forms()
    # "People’s Republic of China" typeset with a curly apostrophe is still China
    forms = forms | {f.replace("'", "’"): v for f, v in forms.items() if "'" in f}
    exact = {
        f: v
        for f, v in forms.items()
        if f.isupper() or not f[:1].isalpha() or len(f) <= 4
    }
    folded = {f.lower(): v for f, v in forms.items()}
    # hyphens may join actors ("U.S.-Taliban deal", "North Korea-related")
    pattern = re.compile(r"(?<![\w.])" + any_of(forms) + r"(?!\w|\.\w)")
    return pattern, exact, folded


def find_actors(text: str) -> list[ActorMention]:
    """Every gazetteer mention in ``text``, with its role, in text order, and the
    people the text introduces with their state's office ("Japanese Prime
    Minister Fumio Kishida": later "Kishida" stands for Japan).

    Example:
        >>> text = "Seoul and Tokyo signed it in Seoul."
        >>> [(m.code, m.role) for m in find_actors(text)]
        [('KOR', 'capital'), ('JPN', 'capital'), ('KOR', 'capital')]
        >>> [m.place for m in find_actors(text)]
        [False, False, True]
    """
    pattern, exact, folded = _pattern()
    mentions: list[ActorMention] = []
    people: dict[str, str] = {}
    for match in pattern.finditer(text):
        surface = match.group()
        if _ANOTHER_PLACE.search(
            text, max(0, match.start() - 9), match.start()
        ) or _FEATURE.match(text, match.end()):
            continue  # "New Guinea", "Latin America", "the Indian Ocean": a place
        if _FEATURE_OF.search(text, max(0, match.start() - 16), match.start()):
            continue  # "the Sea of Japan", "the Gulf of Mexico", "Air India"
        code, role = exact.get(surface) or folded[surface.lower()]
        mention = _mention(text, match.start(), match.end(), code, role)
        if role == "capital" and opens_a_name(text, match.start(), match.end()):
            # "Sofia Mensah", "Tokyo Electric": a name, not the state
            mention = replace(mention, weak=True)
        mentions.append(mention)
        for surname in introduced(text, mention.start, mention.end, mention.role):
            people.setdefault(surname, code)
    mentions.extend(_shouted(text))
    mentions.extend(_elided(text, mentions, exact, folded))
    mentions.extend(_the_government(text, mentions))
    mentions.extend(_the_kingdom(text, mentions))
    mentions.extend(_the_country(text, mentions))
    mentions = _in_datelines(text, _one_congo(text, mentions))
    leaders = [s for s in home_leaders(text, mentions) if not NO_PERSON.match(s)]
    filed_from = home(text, mentions) if leaders else None
    if filed_from is not None:
        for surname in leaders:
            people.setdefault(surname, filed_from)
    if not people:
        return sorted(mentions, key=lambda m: m.start)
    taken = [(m.start, m.end) for m in mentions]
    for start, end, code in people_told(text, people, taken):
        mentions.append(ActorMention(start, end, code, "person", text[start:end]))
    return sorted(mentions, key=lambda m: m.start)


def _in_datelines(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """The mentions in a dateline are places: who filed where, not who acted."""
    lines = [d.span() for d in DATELINE.finditer(text)]
    if not lines:
        return mentions
    return [
        replace(m, place=True)
        if any(start <= m.start and m.end <= end for start, end in lines)
        else m
        for m in mentions
    ]


# a state's own institution: "Sudan's army", "the Colombian government"
_GOVERNMENT_OF = re.compile(
    r"(?:'s|’s)?\s+(?:[a-z]+\s+)?(?:government|army|military|armed\s+forces)\b",
    re.I,
)
_THE_GOVERNMENT = re.compile(r"\bthe\s+((?:central\s+|national\s+)?government)\b", re.I)


def _the_government(text: str, found: list[ActorMention]) -> list[ActorMention]:
    """ "Colombia's government ... a peace agreement with the government": the
    one state whose government the text names stands behind "the government"."""
    codes = {
        m.code
        for m in found
        if m.role in ("name", "alias", "demonym") and _GOVERNMENT_OF.match(text, m.end)
    }
    if len(codes) != 1:
        return []
    code = codes.pop()
    return [
        ActorMention(*match.span(1), code, "seat", match.group(1))
        for match in _THE_GOVERNMENT.finditer(text)
    ]


# "the kingdom", "the Gulf sultanate": a state told by the form of its state
_THE_FORM = re.compile(
    r"\b[Tt]he\s+(?:(?:[A-Z][\w-]+|oil-rich|desert|tiny|small)\s+){0,2}"
    r"((?i:kingdom|sultanate|emirate|principality|grand\s+duchy))\b(?!\s+of\b)"
)


def _the_kingdom(text: str, found: list[ActorMention]) -> list[ActorMention]:
    """ "Saudi Arabia's crown prince visited Pakistan. The kingdom signed ...":
    the one state named in the 400 characters before it whose official name has
    that form (the gazetteer's names: "Kingdom of Saudi Arabia")."""
    entities = load_gazetteer().entities
    told = []
    for match in _THE_FORM.finditer(text):
        if any(m.start < match.end() and match.start() < m.end for m in found):
            continue  # "the United Kingdom": a name
        form = " ".join(match.group(1).split()).lower()
        before = [
            m
            for m in found
            if match.start() - 400 <= m.end <= match.start()
            and m.code in entities
            and any(form in n.lower() for n in _names(entities[m.code]))
        ]
        if len({m.code for m in before}) == 1:  # two kingdoms: either may be meant
            code = before[0].code
            told.append(ActorMention(*match.span(1), code, "alias", match.group(1)))
    return told


# "the country", "the island nation", "the Gulf state": a state the story has
# named, told by what it is
_THE_COUNTRY = re.compile(
    r"\b[Tt]he\s+(?:(?:former\s+)?(?:[A-Z][a-z]+\s+){1,2}(?:nation|country|state|republic)|"
    r"(?:island|landlocked|oil-rich|tiny|small|archipelago)\s+(?:nation|country|state)"
    r"|country|nation)\b(?!\s+(?:of|to|that|which|where)\b)"
)
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“A-Z0-9])|\n\s*\n")


def _the_country(text: str, found: list[ActorMention]) -> list[ActorMention]:
    """ "Tonga asked Australia to leave. The island nation then signed ...": the
    state the nearest sentence before it opens with (no organization, no place)."""
    gazetteer = load_gazetteer()
    told = []
    for match in _THE_COUNTRY.finditer(text):
        if any(m.start < match.end() and match.start() < m.end for m in found):
            continue  # "the United States": a name
        start = max(0, match.start() - 1500)
        bounds = [
            start,
            *(b.end() for b in _SENTENCE_END.finditer(text, start, match.start() + 1)),
        ]
        for begin, end in list(zip(bounds, bounds[1:], strict=False))[-3:][::-1]:
            named = [
                m
                for m in found
                if begin <= m.start < end
                and not m.weak
                and not m.place
                and not gazetteer.is_organization(m.code)
            ]
            if named:
                told.append(
                    ActorMention(*match.span(), named[0].code, "alias", match.group())
                )
                break
    return told


def _names(entity: Entity) -> tuple[str, ...]:
    return (entity.name, *entity.aliases)


_SHOUTED = re.compile(r"\b[A-Z]{4,}\b")
# "North and South Korea": the first word of a pair whose shared noun is said once
_ELIDED = re.compile(r"\b([A-Z][a-z]+)\s+and\s+$")


def _elided(
    text: str,
    found: list[ActorMention],
    exact: dict[str, tuple[str, str]],
    folded: dict[str, tuple[str, str]],
) -> list[ActorMention]:
    """The state of the first word of "North and South Korea", "the Czech and
    Slovak Republics": that word with the noun of the name after it."""
    elided = []
    for m in found:
        words = m.text.split(" ", 1)
        before = _ELIDED.search(text, max(0, m.start - 20), m.start)
        if len(words) < 2 or not before or m.role not in ("name", "alias"):
            continue
        surface = f"{before.group(1)} {words[1]}"
        code, role = exact.get(surface) or folded.get(surface.lower(), ("", ""))
        if code and code != m.code:
            start, end = before.span(1)
            elided.append(ActorMention(start, end, code, role, text[start:end]))
    return elided


def _shouted(text: str) -> list[ActorMention]:
    """ "VENEZUELAN President Nicolas Maduro": a demonym in capitals opening a
    story, before an office (a capitalised dateline, "SEOUL, Nov. 23", is a place
    and stays out)."""
    folded = _pattern()[2]
    found = []
    for match in _SHOUTED.finditer(text):
        code, role = folded.get(match.group().lower(), ("", ""))
        if role == "demonym" and OFFICE.match(text[match.end() : match.end() + 60]):
            found.append(_mention(text, match.start(), match.end(), code, role))
    return found


def _mention(text: str, start: int, end: int, code: str, role: str) -> ActorMention:
    """One gazetteer match with what the words around it make of it."""
    before = text[max(0, start - 24) : start]
    after = text[end : end + 60]
    after_office = after[2:] if after.startswith(("'s", "’s")) else after
    place = (
        bool(_PLACE_BEFORE.search(before))
        # "reached in Ohrid, North Macedonia, in March": the town's country
        or bool(
            _TOWN_BEFORE.search(text, max(0, start - 40), start)
            and _TOWN_AFTER.match(text, end)
        )
    ) and role in ("capital", "seat", "name", "alias")
    if (
        place
        and role in ("name", "alias")
        and (OFFICE.match(after_office) or _ACTED_AFTER.match(after))
    ):
        place = False  # "to Japanese officials", "of South Korean President"
    shared = _SHARED_OFFICE.match(after)  # "the Uzbek and Kazakh presidents"
    office = OFFICE.match(after) or (shared and OFFICE.match(after[shared.end() :]))
    weak = (role == "demonym" and not office) or bool(_NOT_THE_STATE.match(after))
    weak = weak or before.endswith(("non-", "Non-"))  # "non-ASEAN signatories"
    return ActorMention(start, end, code, role, text[start:end], place, weak)


def _one_congo(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """ "Congo" is the Democratic Republic of the Congo (as news style has it:
    "Congo" for Kinshasa, "Republic of Congo" for Brazzaville) unless the
    article names the Republic of the Congo otherwise, and in "eastern Congo",
    where its wars are, in any case."""
    named = {m.code for m in mentions if m.text != "Congo"}
    kinshasa = "COG" not in named
    return [
        replace(m, code="COD")
        if m.code == "COG"
        and m.text == "Congo"
        and (
            kinshasa or re.search(r"\beastern\s+$", text[max(0, m.start - 8) : m.start])
        )
        else m
        for m in mentions
    ]
