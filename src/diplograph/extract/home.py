"""Where a report is filed from, and the leaders it names without a state:
"NAIROBI, March 11 (Reuters) - President William Ruto signed ..." is home news,
whose president is Kenya's."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from diplograph.gazetteer import load_gazetteer

if TYPE_CHECKING:
    from diplograph.extract.actors import ActorMention

# "JEDDAH, Saudi Arabia (Reuters) -", "Kuala Lumpur, Oct 26 (IANS)": where the
# report was filed, at the start of a line, before an agency or a dash
DATELINE = re.compile(
    r"^[A-Z][\w'.]*(?:[ -][A-Z][\w'.]*)*(?:,\s*[A-Z][\w'.]*(?:[ -][A-Z][\w'.]*)*)?"
    r"(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"\s*(?:\([^)\n]{1,40}\)\s*[-–—:]*|[-–—]+)\s",
    re.M,
)


def home(text: str, mentions: list[ActorMention]) -> str | None:
    """The state whose capital files the report: "NAIROBI, March 11 (Reuters) -"."""
    line = DATELINE.search(text, 0, 400)
    if line is None:
        # "took to the streets in the capital Yerevan": where the story is
        capital = _THE_CAPITAL.search(text)
        return capital_of(capital.group(1)) if capital else None
    city = re.split(r"[,(–—-]", line.group())[0].strip().title()
    if code := capital_of(city):
        return code
    codes = {
        m.code
        for m in mentions
        if line.start() <= m.start < line.end() and m.role in ("capital", "name")
    }
    return codes.pop() if len(codes) == 1 else None


_THE_CAPITAL = re.compile(r"\b[Tt]he\s+capital,?\s+((?-i:[A-Z])[\w'’-]+)")


@lru_cache(maxsize=4096)
def capital_of(city: str, *, seats: bool = False) -> str | None:
    """The state whose capital ``city`` is (or, ``seats``, the body it seats)."""
    entity = load_gazetteer().lookup(city)
    if entity is None:
        return None
    places = (*entity.capitals, *(entity.seats if seats else ()))
    return entity.code if city.lower() in {p.lower() for p in places} else None


# "President William Ruto" with no state's name before the office
_LEADER = re.compile(
    r"\b(?:President|Prime\s+Minister|Premier|Chancellor|King|Emir|Sultan)\s+"
    r"(?P<name>(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){0,2})"
)


def home_leaders(text: str, mentions: list[ActorMention]) -> list[str]:
    """Surnames of leaders the report names with no state ("President William
    Ruto signed ..." filed from Nairobi): the leaders of the state it is filed
    from, as home news calls them."""
    surnames = []
    for match in _LEADER.finditer(text):
        if any(match.start() - 30 <= m.end <= match.start() for m in mentions):
            continue  # "Ugandan President Yoweri Museveni": his state is told
        surname = match.group("name").split()[-1]
        if len(surname) > 2:
            surnames.append(surname)
    return surnames
