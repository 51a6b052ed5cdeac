"""Spans of time counted in words: "a year later", "the following day", "the
same day", number words, and a date moved on by such a span. Read by
:mod:`.dates` and :mod:`.counted`."""

from __future__ import annotations

import re
from datetime import date, timedelta

# "signed in 2019, it took effect a year later", "... the following year",
# "signed it two days later", "the same day"
LATER = re.compile(
    r"\b(?:(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
    r"(?P<unit>day|week|month|year)s?\s+later|the\s+(?:following|next)\s+"
    r"(?P<next>day|week|month|year)|the\s+same\s+(?P<same>day))\b",
    re.I,
)
NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
}


def later(text: str) -> tuple[int, str, int] | None:
    """How far after the date told before "a year later", "the following day",
    "the same day" counts, if told: (count, unit, where in ``text`` it is told)."""
    match = LATER.search(text)
    return None if match is None else (*counted(match), match.start())


def counted(match: re.Match[str]) -> tuple[int, str]:
    """The count and unit a match of :data:`LATER` tells."""
    if match.group("same"):
        return 0, "day"
    if match.group("next"):
        return 1, match.group("next").lower()
    n = match.group("n")
    count = int(n) if n.isdigit() else NUMBER_WORDS.get(n.lower(), 1)  # "a": one
    return count, match.group("unit").lower()


def shifted(value: str, count: int, unit: str) -> str | None:
    """``value`` moved ``count`` units on, at the precision both allow ("2019"
    and two days: no day can be told)."""
    if unit == "year":
        return f"{int(value[:4]) + count:04d}"
    if unit == "month" and len(value) >= 7:
        months = int(value[:4]) * 12 + int(value[5:7]) - 1 + count
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    if unit in ("day", "week") and len(value) == 10:
        days = count * (7 if unit == "week" else 1)
        try:
            return (date.fromisoformat(value) + timedelta(days=days)).isoformat()
        except (ValueError, OverflowError):
            return None
    return None
