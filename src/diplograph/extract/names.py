"""Proper names of instruments in running text: where a capitalised name starts
and ends around its head noun ("the Paris Agreement", "the Treaty of
Conventional Armed Forces in Europe"), acronyms a text defines ("... (GSOMIA)"),
and title-case lines where capitals name nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from diplograph.extract.context import Context
from diplograph.extract.dates import CALENDAR_WORD, MONTHS, WEEKDAYS
from diplograph.extract.home import capital_of
from diplograph.extract.text import ends_sentence
from diplograph.gazetteer import load_gazetteer

CONNECTORS = {
    "of",
    "on",
    "for",
    "the",
    "and",
    "in",
    "to",
    "between",
    "regarding",
    "concerning",
    "de",
}


@lru_cache(maxsize=8192)
def norm(name: str) -> str:
    """A name's key: "the Agreement for the Trans-Pacific Partnership" and "the
    Agreement for Trans-Pacific Partnership" are one name."""
    words = re.sub(r"[^a-z0-9]+", " ", name.lower()).split()
    return " ".join(w for w in words if w != "the")


def headline(text: str, offset: int) -> bool:
    """Whether the line holding ``offset`` is in title case, where capitals name
    nothing."""
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return _title_case(line) and not _listed(text, line_start)


def _listed(text: str, line_start: int) -> bool:
    """Whether a title-case line is an item of a list its lines follow ("The
    bilateral agreements are the following:\n\nTreaty on Extradition\n\nMOU on
    Cooperation in Mass Communications"), where capitals do name."""
    end = line_start  # just past the line break that ends the line before
    for _ in range(30):
        previous = ""
        while not previous:  # the line before, past blank ones
            if end <= 0:
                return False
            start = text.rfind("\n", 0, end - 1) + 1
            previous = text[start : end - 1].rstrip()
            end = start
        if previous.endswith(":"):
            return True
        if not _title_case(previous):
            return False
    return False


@lru_cache(maxsize=512)
def _title_case(line: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'’-]*", line)
    long_words = [w for w in words if len(w) > 3]
    if re.search(r"[a-z0-9)%]\W*[.!?][\"”’]?\s*$", line) and not all(
        w[0].isupper() for w in long_words
    ):
        return False  # a sentence full of names, not a headline: it ends in a stop
        # (after a word or a year: "... and Cambodia in 1999.")
    return (
        len(long_words) >= 4
        and sum(w[0].isupper() for w in long_words) / len(long_words) > 0.8
    )


_NOT_NAME_START = {
    "the",
    "a",
    "an",
    "this",
    "that",
    "its",
    "their",
    "new",
    "final",
    "interim",
    "historic",
    "landmark",
    "bilateral",
    "trilateral",
    "such",
    "any",
    "each",
    "our",
    "under",
    "both",
    "earlier",
    "previous",
    "current",
    "latest",
    "last",
    "many",
    "formally",
    "signed",
}


# "US-brokered": who made or backed an instrument, not whose it is
MODIFIER = re.compile(
    r"-(?:brokered|backed|led|sponsored|mediated|style|funded|designed|drafted|"
    r"negotiated|era|based)(?![\w-])",
    re.I,
)


def proper_name_start(text: str, noun_start: int) -> int | None:
    """Start of a capitalised name that ends with the noun at ``noun_start``.

    Walks back over capitalised words and inner connectors ("of", "on");
    "the Paris Agreement" gives "Paris Agreement", "an Agreement" gives None.
    """
    window_start = max(0, noun_start - 120)
    words = list(re.finditer(r"[\w'’.-]+", text[window_start:noun_start]))
    start: int | None = None
    boundary = noun_start
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        if text[window_start + word.end() : boundary] != " ":
            break
        token = word.group()
        if MODIFIER.search(token):
            break  # "the US-brokered Abraham Accords": who brokered it, no name
        if token.endswith(".") and ends_sentence(
            text, window_start + word.end() - 1, boundary
        ):
            break  # "... with Xi. Agreements worth $30 billion": another sentence
        # "Papua New Guinea-Australia Treaty": "New" inside a name, not "the New"
        left = words[index - 1] if index > 0 else None
        inside = (
            left is not None
            and left.group()[:1].isupper()
            and not left.group().endswith(".")
            and text[window_start + left.end() : window_start + word.start()] == " "
            and token.lower() not in ("the", "a", "an", "this", "that")
        )
        if token[:1].isupper() and (token.lower() not in _NOT_NAME_START or inside):
            start = window_start + word.start()
        elif token in CONNECTORS and token != "the":
            pass
        else:
            break
        boundary = window_start + word.start()
    if start is None:
        return None
    step = _STEP_OF.match(text, start, noun_start)
    if step:  # "Termination of Visiting Forces Agreement": what befell the name
        start += step.end() - step.start()
    at_sentence_start = (
        start == 0
        or text[max(0, start - 2) : start] in (". ", "\n", '" ', "\n\n")
        or text[start - 1] == "\n"
    )
    if at_sentence_start and " " not in text[start:noun_start].strip():
        return None  # "Trade agreement ..." opening a sentence is no name
    return start


def place_name_start(text: str, noun_start: int) -> int | None:
    """Start of a name a lower-case noun ends after the place it is named for:
    "the Algiers accord", "the Ankara declaration", "the Oslo accords" (a
    capital), not "the Iran deal", "the EU agreement" (whose it is)."""
    place = _PLACE_BEFORE.search(text, max(0, noun_start - 40), noun_start)
    if place is None:
        return None
    return (
        place.start("place")
        if _roles().get(place.group("place")) == "capital"
        else None
    )


@lru_cache(maxsize=1)
def _roles() -> dict[str, str]:
    """Each gazetteer form's role ("capital", "name", ...), read once: the
    gazetteer hands out a copy of its forms at every call."""
    return {form: role for form, (_, role) in load_gazetteer().surface_forms().items()}


# "the" and one or two capitalised words right before the noun
_PLACE_BEFORE = re.compile(
    r"\b[Tt]he\s+(?P<place>(?-i:[A-Z])[a-zà-ÿ]+(?:\s(?-i:[A-Z])[a-zà-ÿ]+)?)\s$"
)


# a headline's step on an instrument before its name: "Termination of Visiting
# Forces Agreement with US on hold", "Withdrawal From ABM Treaty"
_STEP_OF = re.compile(
    r"(?:Termination|Withdrawal|Suspension|Extension|Ratification|Signing|Collapse|"
    r"End|Renewal|Implementation|Revocation|Cancellation|Abrogation|Expiry|"
    r"Expiration|Revision|Renegotiation|Review|Exit)\s+(?:[Oo]f|[Ff]rom)\s+(?:[Tt]he\s+)?"
)


_NAME_TAIL = re.compile(
    r"\s(?:of|on|for|against|between|concerning|regarding|to|[Rr]elating to)"
    r"\s(?:the\s)?[A-Z]"
)


# "the Economic Partnership Agreement between the EU and Japan": the parties,
# not part of the name (a name goes on: "Treaty between A and B on the ...")
_PARTIES_ONLY = re.compile(
    r"\s+(?:between|with|among)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
    r"(?:\s+and\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?"
    r"(?!\s+(?:on|of|for|concerning|regarding|[Rr]elating to)\s+(?:the\s+)?[A-Z])"
)


_PARTIES = re.compile(
    r"\s+(?:between|with)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
    r"(?:\s+and\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?"
)
_NAME_GOES_ON = re.compile(
    r"\s+(?:on|of|for|concerning|regarding|[Rr]elating to)\s+(?:the\s+)?"
    rf"(?!{CALENDAR_WORD})[A-Z]"  # (not "with Togo on Monday": the day it happened)
)


def _parties_end_it(text: str, position: int) -> bool:
    """Whether the name stops before "with the EU" at ``position``: the parties
    told after it, all of them, and no more of the name after them ("Treaty on
    Friendship between Japan and Peru on the Promotion of ..." goes on)."""
    found = _PARTIES.match(text, position)
    return found is not None and not _NAME_GOES_ON.match(text, found.end())


_ANOTHER_ITEM = re.compile(
    r"\s+(?:an?|the)\s+(?:[A-Z][\w'’-]*\s+){0,4}?(?:Memorandum|Agreement|Treaty|"
    r"Protocol|Convention|Accord|Pact|Deal|Declaration|Statement|Arrangement|MoU|"
    r"Program(?:me)?|Plan|Road\s?map|Charter|Communiqu[eé])\b"
)
_TAIL_CONNECTORS = {"of", "on", "for", "against", "the", "and", "in", "to",
                    "between", "with", "relating", "beyond", "within", "under",
                    "respect", "concerning", "regarding", "de", "a"}  # fmt: skip


# "on Economic, Scientific and Technical Cooperation": a list of capitalised
# words inside a name, ended by "and"
_LISTED = re.compile(r"(?:,\s[A-Z][\w'’-]*)+,?\sand\s[A-Z]")

_CALENDAR = set(MONTHS) | set(WEEKDAYS)  # "the Tromsø Treaty on Monday"


# a common noun after a capitalised word: the words were its modifiers, not a
# name's ("on Arctic fisheries", "on Nile waters")
_NOUN_GOES_ON = re.compile(
    r"fisheries|co-?operation|security|trade|relations|issues|affairs|waters|borders?|"
    r"resources|rights|development|policy|shipping|energy|investment|matters|"
    r"zones?|region|sea|coast|gas|oil|projects?|corridor"
)


def proper_name_end(text: str, noun_end: int) -> int:
    """End of a name that starts with the noun ending at ``noun_end``: "Treaty of
    Conventional Armed Forces in Europe", "Agreement on the Elimination of Double
    Taxation"; ``noun_end`` itself when no capitalised words follow."""
    if not _NAME_TAIL.match(text, noun_end) or _PARTIES_ONLY.match(text, noun_end):
        return noun_end
    end = noun_end
    position = noun_end
    before_tail = noun_end  # where the name stood before its last connector
    for word in re.finditer(r"\s([\w'’-]+)", text[noun_end : noun_end + 200]):
        gap = text[position : noun_end + word.start()]
        if gap and not (gap == "," and _LISTED.match(text, position)):
            break
        token = word.group(1)
        if token.lower() in _CALENDAR:
            break  # "the Tromsø Treaty on Monday"
        if capital_of(token, seats=True) and re.search(
            r"\b(?:in|at)\s*$", gap or text[position - 4 : position]
        ):
            end = before_tail  # "the Declaration of Principles in Khartoum": where
            break
        if token[:1].isupper():
            end = noun_end + word.end()
        elif token in _TAIL_CONNECTORS:
            if token in ("with", "between") and _parties_end_it(text, position):
                break  # "the Agreement on Cooperation in Science ... with the EU"
            if token == "and" and _ANOTHER_ITEM.match(text, noun_end + word.end()):
                break  # "a Loan Agreement on Samar Road and a Memorandum on ..."
            if position == end:
                before_tail = end
        else:
            if position == end and _NOUN_GOES_ON.fullmatch(token):
                end = before_tail  # "the Tromsø Treaty on Arctic fisheries"
            break
        position = noun_end + word.end()
    return end


# "North Atlantic Treaty Organization": a body, not an instrument
ORGANIZATION = re.compile(r"\s+Organi[sz]ation\b")


# capitals that name no instrument in particular: "the Memorandum of
# Understanding", "a Free Trade Agreement" (one the text defines with an
# acronym, "the Free Trade Agreement (FTA)", stays a name: known_names)
GENERIC_NAME = re.compile(
    r"(?:(?:Free|Trade|Peace|Ceasefire|Joint|Bilateral)\s+)*"
    r"(?:Memorandum\s+of\s+Understanding|Agreement|Treaty|Protocol|Statement|"
    r"Declaration|Communiqu[eé]|Accord|Deal|Pact|Convention)"
)


def named_under_auspices(
    key: str, keys: Iterable[str], auspices: frozenset[str]
) -> str:
    """ "the United Nations Treaty on the Prohibition of Nuclear Weapons" and "the
    Treaty on the Prohibition of Nuclear Weapons": one name, with and without the
    organization (one of ``auspices``) it was made under; the other's key of
    ``keys``, or ""."""
    name = key.removeprefix("name:")
    organizations = _names_of(auspices)
    for other_key in keys:
        other = other_key.removeprefix("name:")
        longer, shorter = (name, other) if len(name) > len(other) else (other, name)
        if len(shorter.split()) >= 4 and longer.endswith(" " + shorter):
            if longer[: -len(shorter)].strip() in organizations:
                return other_key
    return ""


def named_in_short(key: str, keys: Iterable[str]) -> str:
    """ "the Tromsø Treaty on Arctic Fisheries ... the Tromsø Treaty", "the EU
    Association Agreement ... the Association Agreement": one name in full and in
    short (the short one two words or more, the full one going on with "on",
    "of", "for", or told with its owners before it); the other's key of
    ``keys``, or ""."""
    name = key.removeprefix("name:")
    for other_key in keys:
        other = other_key.removeprefix("name:")
        shorter, longer = sorted((name, other), key=len)
        if len(shorter.split()) < 2 or shorter == longer:
            continue
        if (_GOES_ON.match(longer, len(shorter)) and longer.startswith(shorter)) or (
            # "the EU Association Agreement ... the Association Agreement": whose
            # it is, before the name
            longer.endswith(" " + shorter)
            and _OWNERS.fullmatch(longer[: len(longer) - len(shorter)])
        ):
            return other_key
    return ""


# the owners told before a name: "eu ", "papua new guinea-australia " (not "the
# protocol to amend the ", another instrument)
_OWNERS = re.compile(
    r"(?:(?!(?:to|of|the|on|for|and|amend\w*|protocols?|treat(?:y|ies)|agreements?|"
    r"conventions?|memorand\w*|accords?|pacts?|deals?|declarations?|annex\w*)\b)"
    r"[\w.'’-]+ ){1,4}"
)
_GOES_ON = re.compile(r" (?:on|of|for|between|concerning|regarding|and|with) ")


@lru_cache(maxsize=4)
def _names_of(codes: frozenset[str]) -> frozenset[str]:
    """The names of these organizations ("un", "united nations"), normalized."""
    forms = load_gazetteer().surface_forms()
    return frozenset(norm(form) for form, (code, _) in forms.items() if code in codes)


def in_title(position: int, ctx: Context) -> bool:
    """Whether ``position`` is in a title-case line or the body's first line when
    that line repeats the title (no full stop)."""
    if headline(ctx.text, position):
        return True
    first_end = ctx.text.find("\n")
    if first_end < 0 or position > first_end:
        return False
    line = ctx.text[:first_end].strip()
    return line == ctx.article.title.strip() or (
        len(line) < 200 and not line.endswith((".", '"', "”", "!", "?", ":"))
    )
