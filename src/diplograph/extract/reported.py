"""Dates that tell when a story was filed, how things stood or when something
else happened, not when a step on an instrument did: the dateline ("SEOUL, Jan.
20 --"), a tally ("As of Tuesday, six states have ratified it") and the year of
another event ("signed after the 1971 war"). Read by :mod:`.when` (and the
dateline's day by :mod:`.filed`).
"""

from __future__ import annotations

import re

from diplograph.extract.context import Context
from diplograph.extract.dates import DateMention

_DATELINE = re.compile(r"^[A-Z][A-Z .'/-]+,\s*$")
# "Riyadh, 11 March 2023 (TDI):": a place, the date, then the agency or a dash
# "DUSHANBE, Tajikistan, July 3.": the place, and its country
_PLACE_COMMA = re.compile(r"^[A-Z][\w .'’/-]{1,40}(?:,\s*[A-Z][\w .'’/-]{1,30})?,\s*$")
# "-- ", or the agency and the line's end ("Denpasar, Sept 23 (AFP) Sep 23, 2025")
_AFTER_DATELINE = re.compile(
    r"\s*(?:\([^)]{1,30}\)\s*)?(?:--|—|–|:|-\s)|\s*\([^)]{1,30}\)[^\n.]{0,20}\n"
)
# "Astana, Dec. 25, 2017. / Kabar /.": a dateline that is a sentence of its own
_ENDS_DATELINE = re.compile(r"\.\s*(?:/[^/\n]{1,30}/\.?)?\s")


_AS_OF = re.compile(r"\b[Aa]s of\s+$")


def as_of(d: DateMention, text: str) -> bool:
    """ "As of Tuesday, six states have ratified it": how things stood that day."""
    return bool(_AS_OF.search(text, max(0, d.start - 7), d.start))


# "after the 1971 war", "since the 2003 military coup": a year naming an event
_EVENT_YEAR_BEFORE = re.compile(r"\b(?:after|before|since|following|during)\s+the\s*$")
_EVENT_NOUN = re.compile(
    r"\s+(?:[a-z-]+\s+)?(?:war|coup|elections?|crisis|conflict|"
    r"revolution|invasion|uprising|earthquake|tsunami|attacks?)\b"
)


def another_event(d: DateMention, text: str) -> bool:
    """ "The Simla Agreement was signed after the 1971 war": the war's year."""
    return (
        d.kind == "year"
        and bool(_EVENT_YEAR_BEFORE.search(text, max(0, d.start - 20), d.start))
        and bool(_EVENT_NOUN.match(text, d.end))
    )


def in_dateline(d: DateMention, start: int, text: str) -> bool:
    """Whether ``d`` is the date of the report's dateline ("SEOUL, Jan. 20 --"),
    in the sentence that starts at ``start``."""
    before = text[start : d.start]
    return bool(
        _DATELINE.match(before)
        or (_PLACE_COMMA.match(before) and _AFTER_DATELINE.match(text, d.end))
    )


def filed_on(ctx: Context) -> tuple[str, int] | None:
    """The day of the story's dateline and where the story after it begins,
    if its opening sentences have one ("SEOUL, Nov. 23, Kyodo --")."""
    for sentence in ctx.sentences[:4]:
        for d in ctx.dates(sentence, future=False):
            before = ctx.text[sentence.start : d.start]
            if len(d.value or "") == 10 and (
                in_dateline(d, sentence.start, ctx.text)
                or (
                    _PLACE_COMMA.match(before) and _ENDS_DATELINE.match(ctx.text, d.end)
                )
            ):
                # the story begins past the agency's line ("(AFP) Sep 23, 2025")
                line = _AFTER_DATELINE.match(ctx.text, d.end)
                return d.value or "", line.end() if line else d.end
    return None
