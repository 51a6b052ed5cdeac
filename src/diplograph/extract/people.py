"""People who stand for their states: the leaders and officials a story
introduces with their office ("South Korean President Moon Jae-in", "President
Xi Jinping of China") and calls by name later ("Moon", "Xi"). Read by
:mod:`.actors`."""

from __future__ import annotations

import re

from diplograph.extract.dates import CALENDAR_WORD

# an office after a state's name or adjective: "Ghana's foreign minister",
# "South Korean President", "the Togolese government"
OFFICE = re.compile(
    r"^[ \t]+(?:(?:[A-Z][a-z]+|vice|deputy|chief|top|first|special|senior|former|"
    r"acting|trade|finance|foreign|defen[cs]e|energy|interior|economy|agriculture|"
    r"health|education|transport|justice|home|commerce|industry|mining|oil|"
    r"petroleum|environment|labou?r|security|ruling|interim|new|outgoing|incoming|"
    r"caretaker|current|then|military|federal|central|elected|civilian)\s+){0,3}"
    r"(?:President|Prime Minister|Premier|Foreign Minister|Minister|"
    r"Secretary|Chancellor|King|Emir|Crown Prince|Sheikh|leader|officials?|government|"
    r"Ministry|ministry|ambassador|Ambassador|envoy|Envoy|negotiators?|diplomats?|"
    r"counterpart|delegation|side|authorities|administration|lawmakers|parliament|"
    r"Senate|Congress|National Assembly|legislature|senate|congress|"
    r"national assembly|upper house|lower house|House of Representatives|Duma|"
    r"Knesset|Bundestag|"
    r"Constitutional Court|Supreme Court|Government|"
    r"Parliament|cabinet|Cabinet|Defen[cs]e|Foreign|Trade|Navy|Army|military|troops|"
    r"army|navy|air force|armed forces|"
    r"forces|state|State|representative|spokesman|spokeswoman|FM|Commerce|"
    r"Infrastructure|Secretary-General|president|prime minister|premier|leaders?|"
    r"foreign minister|minister|king|emir|chancellor|head of state|counterparts?|"
    r"foreign ministry|defen[cs]e minister|presidents|prime ministers|ministers|"
    r"foreign ministries|ministries|Ministries|governments|delegations|"
    r"foreign ministers|Authority|National Authority|"
    r"junta|regime|military rulers|ruling council|transitional government)\b"
)
_TITLE_OF = re.compile(
    r"\b(?:President|Prime Minister|Premier|Foreign Minister|King|Queen|Chancellor|"
    r"Emir|Sultan|Crown Prince)\s+(?P<name>(?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+),?"
    r"\s+of\s+(?:the\s+)?$"
)
# the name after the office, or after a comma ("Ghana's foreign minister, Sam
# Okudzeto Ablakwa,")
_TITLE_NAME = re.compile(
    # on the office's line; an initial or a title may end in a dot, a name not
    # ("President Park Geun-hye.\nThe pact": no one called The)
    r"^,?[ \t]+(?P<name>(?:(?:[A-Z][a-z]{0,3}\.|[A-Z][\w'’-]*)[ \t]+){0,4}"
    r"[A-Z][a-z'’-]+)\b(?![ \t]+[A-Z])"
)


def introduced(text: str, start: int, end: int, role: str) -> list[str]:
    """Surnames the actor mention at ``start:end`` (of ``role``) introduces:
    "South Korean President Moon Jae-in", "President Xi Jinping of China"."""
    surnames = []
    after = text[end : end + 60]
    after_office = after[2:] if after.startswith(("'s", "’s")) else after
    office = OFFICE.match(after_office)
    if role in ("demonym", "name", "alias") and office:
        person = _TITLE_NAME.match(after_office[office.end() :])
        if person:
            surnames += _called(person.group("name"))
    titled = _TITLE_OF.search(text, max(0, start - 80), start)
    if titled and role in ("name", "alias"):
        surnames += _called(titled.group("name"))
    return [name for name in surnames if len(name) > 1 and not NO_PERSON.match(name)]


_NAME_GOES_ON = re.compile(r"[ \t]+[A-Z][\w'’-]*[a-z]")
# (but "Kallas Monday" is the person, then the day)
_CALENDAR_WORD = re.compile(rf"[ \t]+{CALENDAR_WORD}")


def _called(name: str) -> list[str]:
    """What the story calls a person later: the last word ("Nauseda"), and for
    a two-word name the first too, where the family name comes first ("Xi
    Jinping" is "Xi" later, "Hu Jintao" "Hu")."""
    words = name.split()
    called = [words[-1]] if len(words[-1]) > 2 else []
    return called + [words[0]] if len(words) == 2 else called


# "the Australia Mutual Defence Treaty", "the Australian Defence Force": an
# office word then a capitalised word that names a thing, not a person
NO_PERSON = re.compile(
    r"(?i)(?:treaty|agreement|accord|pact|deal|convention|protocol|forces?|council|"
    r"ministry|agency|department|office|committee|commission|co-?operation|"
    r"partnership|alliance|relations|statement|declaration|memorandum|"
    # another office: "the U.S. Trade Representative, Robert Lighthizer"
    r"representative|secretary|minister|president|ambassador|envoy|spokes\w+|"
    r"council+or)$"
)


def people_told(
    text: str, people: dict[str, str], taken: list[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """Where the story calls the people by name (``people``: name -> state),
    outside the spans ``taken``: start, end and state."""
    names = re.compile(
        r"(?<![\w-])(" + "|".join(map(re.escape, people)) + r")(?![\w-])"
    )
    told = []
    for match in names.finditer(text):
        if _NAME_GOES_ON.match(text, match.end()) and not _CALENDAR_WORD.match(
            text, match.end()
        ):
            continue  # "Hu Jintao", "Awa Ndiaye": a full name, told where introduced
        if not any(s <= match.start() < e for s, e in taken):
            told.append((*match.span(), people[match.group()]))
    return told
