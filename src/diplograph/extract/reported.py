"""Dates that tell when a story was filed or how things stood, not when a step
happened: the dateline ("SEOUL, Jan. 20 --") and a tally ("As of Tuesday, six
states have ratified it"). Read by :mod:`.when`.
"""

from __future__ import annotations

import re

from diplograph.extract.dates import DateMention

_DATELINE = re.compile(r"^[A-Z][A-Z .'/-]+,\s*$")
# "Riyadh, 11 March 2023 (TDI):": a place, the date, then the agency or a dash
_PLACE_COMMA = re.compile(r"^[A-Z][\w .'’/-]{1,40},\s*$")
_AFTER_DATELINE = re.compile(r"\s*(?:\([^)]{1,30}\)\s*)?(?:--|—|–|:|-\s)")


def as_of(d: DateMention, text: str) -> bool:
    """ "As of Tuesday, six states have ratified it": how things stood that day."""
    return bool(re.search(r"\b[Aa]s of\s+$", text[max(0, d.start - 7) : d.start]))


def in_dateline(d: DateMention, start: int, text: str) -> bool:
    """Whether ``d`` is the date of the report's dateline ("SEOUL, Jan. 20 --"),
    in the sentence that starts at ``start``."""
    before = text[start : d.start]
    return bool(
        _DATELINE.match(before)
        or (_PLACE_COMMA.match(before) and _AFTER_DATELINE.match(text, d.end))
    )
