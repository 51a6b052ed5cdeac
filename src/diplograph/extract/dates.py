"""Date expressions in news text, resolved against the publication date.

A resolved date keeps the precision the words give: "in December" is a month,
"on Wednesday" a day, "in 2012" a year.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from diplograph.extract.spans import LATER, counted, shifted

MONTHS = {
    name: number
    for number in range(1, 13)
    for name in (
        calendar.month_name[number].lower(),
        calendar.month_abbr[number].lower(),
    )
} | {"sept": 9}
WEEKDAYS = {calendar.day_name[i].lower(): i for i in range(7)}
# a month's or a weekday's name, in full or short, in any case: "on Monday",
# "in Sept.", for the patterns that must not read one as a name or a person
CALENDAR_WORD = (
    "(?i:" + "|".join(sorted({*MONTHS, *WEEKDAYS}, key=len, reverse=True)) + r")\b"
)

_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|"
    r"October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_RELATIVE = (
    r"(?P<rel>last|this|next|earlier this|later this|early this|late last|"
    r"earlier last)"
)
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

_PATTERNS: list[tuple[str, str]] = [
    ("iso", r"\b(?P<year>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
    # "12/03/2024", "12.03.2024": day or month first, as the publication allows
    ("numeric", r"\b(?P<a>[0-3]?\d)([/.])(?P<b>[0-3]?\d)\2(?P<year>(?:19|20)\d{2})\b"),
    # "in the first week of March": that month
    (
        "week_of",
        rf"\bthe (?:first|second|third|fourth|last|final) (?:week|fortnight|half) "
        rf"of {_MONTH}(?:,? {_YEAR})?\b",
    ),
    # "on Sunday, March 3, 2024": the date the weekday names, not the last Sunday
    # ("December,14, 2023": a comma for the space, as some sites print it)
    ("mdy", rf"\b(?:{_WEEKDAY},? )?{_MONTH}(?: |, ?){_DAY},? {_YEAR}\b"),
    ("dmy", rf"\b{_WEEKDAY},? {_DAY} {_MONTH},? {_YEAR}\b"),
    ("dmy", rf"\b{_DAY} {_MONTH},? {_YEAR}\b"),
    # "on the 4th of March (2024)"
    ("dm", rf"\bthe {_DAY} of {_MONTH}(?:,? {_YEAR})?\b"),
    # "on the 12th" (wire style of Seoul and Tokyo): that day of this month,
    # or of the month before when it is still to come
    (
        "day_of_month",
        r"\bon the (?P<day>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:of|anniversary|"
        r"century|round|floor|day|time|edition|session|summit|meeting|year)\b)",
    ),
    ("end_of_year", rf"\b(?:the )?end of {_YEAR}\b"),
    ("end_of_year", r"\b(?:the )?end of (?P<rel>last|this|next) year\b"),
    # "on Wednesday last week": that day of the week before the article's
    ("weekday_last_week", rf"\b{_WEEKDAY},? last week\b"),
    # "last week", "recently": told, but no date (GUIDELINES: null)
    (
        "vague",
        r"\b(?:(?:(?:[Ee]arlier|[Ll]ate|[Ll]ater)\s+)?(?:[Ll]ast|[Tt]his)\s+week(?:end)?|"
        r"over\s+the\s+weekend|[Rr]ecently|the\s+other\s+day|in\s+recent\s+(?:days|weeks))\b",
    ),
    ("my", rf"\b(?:(?P<part>early|mid|late|mid-) ?)?{_MONTH},? {_YEAR}\b"),
    ("wd_md", rf"\b{_WEEKDAY},? {_MONTH} {_DAY}\b"),
    ("wd_md", rf"\b{_WEEKDAY},? {_DAY} {_MONTH}\b"),
    # "on October 5 last year", "on 5 October last year": that day of that year
    ("md_rel_year", rf"\b{_MONTH} {_DAY},? (?P<rel>last|this|next) year\b"),
    ("md_rel_year", rf"\b{_DAY} {_MONTH},? (?P<rel>last|this|next) year\b"),
    ("month_rel_year", rf"\b{_MONTH} (?P<rel>last|this|next) year\b"),
    ("md", rf"\b{_MONTH} {_DAY}\b(?!,? (?:19|20)\d{{2}})"),
    ("dm", rf"\b{_DAY} {_MONTH}\b(?!,? (?:19|20)\d{{2}})"),
    # "two years ago", "three months ago", "two days ago" (weeks ago give no date)
    (
        "ago",
        r"\b(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) "
        r"(?P<unit>years?|decades?|months?|days?) ago\b",
    ),
    ("weekday", rf"\b(?:(?P<rel>last|next|this|on) )?{_WEEKDAY}\b"),
    (
        "rel_month",
        rf"\b(?i:{_RELATIVE} month)\b",
    ),
    (
        "rel_year",
        rf"\b(?i:{_RELATIVE} year)\b",
    ),
    (
        "day_word",
        r"\b(?P<word>(?i:today|yesterday|tomorrow|tonight)|"
        r"[Tt]his (?:morning|afternoon|evening)|(?:[Ll]ast|[Tt]his) night)\b",
    ),
    (
        "month",
        r"\b(?:(?P<prep>(?i:in|since|by|until|from|on|last|this|next|early|mid|"
        r"late|mid-|end of|the end of))(?: early| late| mid)?[ -])?(?:mid-)?"
        r"(?P<month>January|February|March|April|May|June|July|August|September|"
        r"October|November|December|Sept|Dec|Nov|Oct)\b(?!\.? \d)",
    ),
    (
        "year",
        r"\b(?P<prep>(?i:in|since|by|until|from|of|during|early|late|mid|mid-|"
        # "2019-2020", "2024-25": a range takes its start (GUIDELINES)
        rf"before|after))? ?{_YEAR}(?:[-–](?:(?:19|20)\d\d|[2-9]\d))?\b(?!-\d)",
    ),
]
_COMPILED = [(name, re.compile(pattern)) for name, pattern in _PATTERNS]


# a capitalised word right before a bare year that names something with it (not
# a month: "Sept 2018" is read as a month before)
_NAMED = re.compile(
    rf"\b(?!{CALENDAR_WORD}|(?:The|In|Since|By|Until|From|Of|During|Before|After|"
    r"Early|Late|Mid)[a-z]*\b)[A-Z][a-z]+ ?$"
)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: str | None  # YYYY, YYYY-MM or YYYY-MM-DD; None for "last week"
    kind: str


def find_dates(
    text: str, published: date, *, offset: int = 0, future: bool = False
) -> list[DateMention]:
    """Every date expression in ``text``, longest first where they overlap.

    Example:
        >>> text = "In December, they signed it on Wednesday."
        >>> [m.value for m in find_dates(text, date(2015, 6, 25))]
        ['2014-12', '2015-06-24']
    """
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for name, pattern in _COMPILED:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            value = _resolve(name, match, published, future)
            if value is _SKIP or (value and not _VALID.fullmatch(value)):
                continue
            if (
                name == "year"
                and not match.group("prep")
                and _NAMED.search(text, max(0, start - 20), start)
            ):
                continue  # "Vision 2030", "Agenda 2063": a name, no date
            taken.append((start, end))
            found.append(DateMention(start + offset, end + offset, value, name))
    found.sort(key=lambda m: m.start)
    found = _spelled_out(found, text, offset)
    return _counted_later(_that_year(found, text, offset), text, offset)


def _spelled_out(found: list[DateMention], text: str, at: int) -> list[DateMention]:
    """ "signed it yesterday, 2 December": the day the writer spells out after a
    relative one is that day."""
    out: list[DateMention] = []
    for m in found:
        last = out[-1] if out else None
        if (
            last and last.kind in ("day_word", "weekday") and len(m.value or "") == 10
            and re.fullmatch(r"\s*,\s*", text[last.end - at : m.start - at])
        ):  # fmt: skip
            m = DateMention(out.pop().start, m.end, m.value, m.kind)
        out.append(m)
    return out


# "signed in February 2022 and took effect in May that year"
_THAT_YEAR = re.compile(r"\s+(?:of\s+)?(?:that|the\s+same)\s+year\b", re.I)


def _that_year(found: list[DateMention], text: str, offset: int) -> list[DateMention]:
    """A month "that year" is in the year of the date told before it."""
    year = None
    for i, m in enumerate(found):
        if (
            m.kind == "month"
            and m.value
            and year
            and _THAT_YEAR.match(text, m.end - offset)
        ):
            found[i] = DateMention(m.start, m.end, year + m.value[4:], m.kind)
        if m.value:
            year = m.value[:4]
    return found


def _counted_later(
    found: list[DateMention], text: str, offset: int
) -> list[DateMention]:
    """Dates counted from the date told before them, in the same text."""
    extra = []
    for match in LATER.finditer(text):
        start, end = match.start() + offset, match.end() + offset
        before = [m for m in found if m.end <= start and m.value]
        if not before or any(m.start < end and start < m.end for m in found):
            continue
        value = shifted(before[-1].value or "", *counted(match))
        if value:
            extra.append(DateMention(start, end, value, "later"))
    return sorted(found + extra, key=lambda m: m.start) if extra else found


_SKIP = "skip"
# years 1..9999 only: a publication date of 0001-01-01 makes "last year" year 0
_VALID = re.compile(r"(?!0000)\d{4}(?:-\d{2}(?:-\d{2})?)?")


def _resolve(name: str, m: re.Match[str], published: date, future: bool) -> str | None:
    g = m.groupdict()
    try:
        if name == "iso":
            return date(int(g["year"]), int(g["m"]), int(g["d"])).isoformat()
        if name in ("mdy", "dmy"):
            return date(
                int(g["year"]), MONTHS[g["month"].lower()], int(g["day"])
            ).isoformat()
        if name == "numeric":
            return _numeric(int(g["a"]), int(g["b"]), int(g["year"]), published)
        if name == "week_of":
            month = MONTHS[g["month"].lower()]
            if g.get("year"):
                return f"{g['year']}-{month:02d}"
            ahead = future and month < published.month
            behind = not future and month > published.month
            return f"{published.year + ahead - behind}-{month:02d}"
        if name == "end_of_year":
            if g.get("rel"):  # "the end of last year"
                shift = {"last": -1, "next": 1}.get(g["rel"], 0)
                return f"{published.year + shift:04d}-12"
            return f"{g['year']}-12"
        if name == "weekday_last_week":
            monday = published - timedelta(days=published.weekday())
            target = WEEKDAYS[g["weekday"].lower()]
            return (monday - timedelta(days=7 - target)).isoformat()
        if name == "my":
            return f"{g['year']}-{MONTHS[g['month'].lower()]:02d}"
        if name in ("month_rel_year", "md_rel_year"):  # "in April last year"
            year = published.year + {"last": -1, "next": 1}.get(g["rel"], 0)
            month = MONTHS[g["month"].lower()]
            if g.get("day"):
                return date(year, month, int(g["day"])).isoformat()
            return f"{year:04d}-{month:02d}"
        if name == "day_of_month":
            return _day_of_month(int(g["day"]), published, future)
        if name in ("md", "dm", "wd_md"):
            month, day = MONTHS[g["month"].lower()], int(g["day"])
            if g.get("year"):
                return date(int(g["year"]), month, day).isoformat()
            year = published.year
            candidate = date(year, month, day)
            if future and candidate < published - timedelta(days=2):
                candidate = date(year + 1, month, day)
            elif not future and candidate > published + timedelta(days=2):
                candidate = date(year - 1, month, day)
            return candidate.isoformat()
        return _resolve_relative(name, g, published, future)
    except (ValueError, OverflowError):
        return _SKIP  # no such day, or beyond year 1..9999 ("published: 0001-01-01")


def _day_of_month(day: int, published: date, future: bool) -> str:
    """ "on the 12th": of the publication's month, or of the month before (after,
    ``future``) when that day is still to come (is past)."""
    months = published.year * 12 + published.month - 1
    told = date(published.year, published.month, 1) + timedelta(days=day - 1)
    if future and told < published - timedelta(days=2):
        months += 1
    elif not future and told > published + timedelta(days=2):
        months -= 1
    return date(months // 12, months % 12 + 1, day).isoformat()


def _numeric(a: int, b: int, year: int, published: date) -> str:
    """ "12/03/2024": the day of the two readings (day first or month first) that
    exists and is not after the publication, the one nearer it if both are."""
    readings = []
    for month, day in ((b, a), (a, b)):
        try:
            readings.append(date(year, month, day))
        except ValueError:
            continue
    if not readings:
        return _SKIP
    past = [d for d in readings if d <= published + timedelta(days=2)] or readings
    return min(past, key=lambda d: abs((published - d).days)).isoformat()


def _resolve_relative(
    name: str, g: dict[str, str], published: date, future: bool
) -> str | None:
    """Dates that count from the publication date: "Wednesday", "last month"."""
    if name == "weekday":
        target = WEEKDAYS[g["weekday"].lower()]
        rel = (g.get("rel") or "").lower()
        delta = (published.weekday() - target) % 7
        if rel == "next" or (future and rel != "last"):
            # "will sign on Tuesday" in Tuesday's paper is today; "next Tuesday"
            # a week on
            ahead = (target - published.weekday()) % 7 or (7 if rel == "next" else 0)
            return (published + timedelta(days=ahead)).isoformat()
        if rel == "last" and delta == 0:
            delta = 7
        return (published - timedelta(days=delta)).isoformat()
    if name == "day_word":
        word = g["word"].lower()
        shift = {"yesterday": -1, "tomorrow": 1}.get(word, -1 if "last" in word else 0)
        return (published + timedelta(days=shift)).isoformat()
    if name == "rel_month":
        rel = g["rel"].lower()
        months = published.year * 12 + published.month - 1
        months += -1 if "last" in rel else 1 if rel == "next" else 0
        return f"{months // 12}-{months % 12 + 1:02d}"
    if name == "rel_year":
        rel = g["rel"].lower()
        return str(
            published.year + (-1 if "last" in rel else 1 if rel == "next" else 0)
        )
    if name == "month":
        prep = (g.get("prep") or "").lower()
        if not prep:
            return _SKIP  # a bare month name is too often a name ("May")
        month = MONTHS[g["month"].lower()]
        year = published.year
        if prep == "last":
            year -= month >= published.month
        elif prep == "next" or (future and prep != "since"):
            year += month < published.month
        elif month > published.month:
            year -= 1
        return f"{year}-{month:02d}"
    if name == "ago":
        n = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
             "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}.get(
            g["n"].lower()
        ) or int(g["n"])  # fmt: skip
        if g["unit"].startswith(("year", "decade")):
            return str(published.year - n * (10 if g["unit"].startswith("d") else 1))
        if g["unit"].startswith("day"):
            return (published - timedelta(days=n)).isoformat()
        months = published.year * 12 + published.month - 1 - n
        return f"{months // 12}-{months % 12 + 1:02d}"
    if name == "year":
        year = int(g["year"])
        if year > published.year + 10:
            return _SKIP
        return str(year)
    return None


def of_the_week(value: str, published: date) -> bool:
    """Whether ``value`` is a day of the week before ``published`` (or that day):
    the news of the article."""
    return len(value) == 10 and 0 <= (published - date.fromisoformat(value)).days <= 7
