"""Where a text names an instrument: proper names, acronyms and kind nouns."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field

from diplograph.extract.lexicon import Lexicon

_CONNECTORS = {
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
_DETERMINER = re.compile(
    r"(?:^|\s)(?P<det>the|a|an|this|that|these|those|its|their|his|her|our|such|another|any|every|no|one|two|three|four|five|six|seven|eight|nine|ten|several|both|new|latest|separate)\s+(?:[\w'’,.-]+\s+){0,6}$",
    re.I,
)
_INDEFINITE = {
    "a",
    "an",
    "another",
    "any",
    "such",
    "separate",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "several",
    "no",
    "one",
    "every",
}
_PROPER_WORD = re.compile(
    r"[A-Z][\w'’.-]*|(?:of|on|for|the|and|in|to|regarding|concerning|de)\b"
)
_YEAR_LABEL = re.compile(r"\b((?:19|20)\d{2})(?:'s)?\s+(?:[\w-]+\s+){0,3}$")
_ACRONYM_DEF = re.compile(r"\(\s*(?:the\s+)?([A-Z][A-Za-z0-9-]{1,9})\s*\)")


@dataclass
class InstrumentMention:
    start: int
    end: int
    kind: str | None
    text: str
    name: str | None = None
    key: str | None = None  # canonical key for named instruments
    aliases: list[str] = field(default_factory=list)
    determiner: str = ""
    year_label: str | None = None
    modifiers: str = ""  # the words before the noun ("trilateral", "interim", ...)
    plural: bool = False

    @property
    def indefinite(self) -> bool:
        return self.determiner in _INDEFINITE


def norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()


def kind_of(noun: str, lexicon: Lexicon) -> str | None:
    for pattern, kind in lexicon.kind_nouns:
        if pattern.match(noun):
            return kind
    return None


def acronym_definitions(text: str) -> dict[str, str]:
    """``Long Name (LN)`` pairs, where the initials of the words spell the acronym.

    Example:
        >>> acronym_definitions("the general security of military information agreement (GSOMIA)")
        {'GSOMIA': 'general security of military information agreement'}
    """
    found: dict[str, str] = {}
    for match in _ACRONYM_DEF.finditer(text):
        acronym = match.group(1)
        letters = re.sub(r"[^A-Za-z]", "", acronym).lower()
        words = re.findall(
            r"[\w'’-]+", text[max(0, match.start() - 200) : match.start()]
        )
        for size in range(1, min(len(words), 14) + 1):
            tail = words[-size:]
            initials = "".join(w[0] for w in tail).lower()
            content = "".join(
                w[0] for w in tail if w.lower() not in _CONNECTORS
            ).lower()
            hyphen = "".join(
                p[0]
                for w in tail
                for p in w.split("-")
                if p and p.lower() not in _CONNECTORS
            ).lower()
            if (
                letters in (initials, content, hyphen)
                and tail[0].lower() not in _CONNECTORS
            ):
                found[acronym] = " ".join(tail)
                break
    return found


Known = dict[str, tuple[str, str, str]]  # surface -> (key, canonical name, kind)


class _Found:
    """Mentions found so far; a later step never takes text an earlier one took."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.mentions: list[InstrumentMention] = []

    def overlaps(self, start: int, end: int) -> bool:
        return any(m.start < end and start < m.end for m in self.mentions)

    def add(self, m: InstrumentMention) -> None:
        self.mentions.append(_with_context(self.text, m))


def find_instruments(text: str, lexicon: Lexicon) -> list[InstrumentMention]:
    """Mentions of instruments in ``text`` (one article body), in text order:
    names the lexicon or the text defines ("GSOMIA"), capitalised names with a
    kind noun ("the Paris Agreement", "Treaty of Rome") or a name head ("the
    Rome Statute"), kind nouns ("the deal"), normalizations of relations."""
    found = _Found(text)
    known = _known_names(text, lexicon)
    if known:
        _find_known(found, known, lexicon)
    _find_kind_nouns(found, lexicon)
    _find_name_heads(found, lexicon)
    for match in re.finditer(
        r"\bnormali[sz]ation of (?:\w+ ){0,2}(?:relations|ties)\b", text, re.I
    ):
        if not found.overlaps(*match.span()):
            found.add(InstrumentMention(*match.span(), "normalization", match.group()))
    return sorted(found.mentions, key=lambda m: m.start)


def _known_names(text: str, lexicon: Lexicon) -> Known:
    """The lexicon's instruments, and names the text defines with an acronym."""
    known: Known = {}
    for inst in lexicon.instruments:
        for surface in (inst.name, *inst.aliases):
            known[surface] = (inst.id, inst.name, inst.kind)
    for acronym, long_name in acronym_definitions(text).items():
        nouns = [m.group() for m in lexicon.kind_pattern.finditer(long_name)]
        kind = kind_of(nouns[-1], lexicon) if nouns else None
        hit = (
            known.get(acronym)
            or known.get(long_name)
            or next((v for k, v in known.items() if norm(k) == norm(long_name)), None)
        )
        if hit:
            known.setdefault(acronym, hit)
            known.setdefault(long_name, hit)
        elif kind or _looks_like_instrument(long_name):
            key = "name:" + norm(long_name)
            known[acronym] = (key, long_name, kind or "agreement")
            known[long_name] = (key, long_name, kind or "agreement")
    return known


def _find_known(found: _Found, known: Known, lexicon: Lexicon) -> None:
    """Known names and aliases, longest first."""
    text = found.text
    names = sorted(known, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])"
    )
    for match in pattern.finditer(text):
        surface = match.group()
        key, canonical, kind = known[surface]
        start, end = match.span()
        # "the INF Treaty": extend over a kind noun right after an acronym
        tail = re.match(
            r"\s+(treaty|agreement|accord|pact|deal|protocol|convention)\b",
            text[end:],
            re.I,
        )
        if tail and surface.isupper():
            end += tail.end()
        if found.overlaps(start, end):
            continue
        words = [w.group() for w in lexicon.kind_pattern.finditer(text[start:end])]
        if words:  # "the Iran nuclear accord": the word the text uses
            kind = kind_of(words[-1], lexicon) or kind
        m = InstrumentMention(start, end, kind, text[start:end], canonical, key)
        if surface != canonical:
            m.aliases.append(surface)
        found.add(m)


def _find_kind_nouns(found: _Found, lexicon: Lexicon) -> None:
    """Kind nouns, as part of a capitalised name where there is one: "the Paris
    Agreement", "the Treaty of Conventional Armed Forces in Europe"."""
    text = found.text
    for match in lexicon.kind_pattern.finditer(text):
        start, end = match.span()
        if found.overlaps(start, end):
            continue
        noun = match.group()
        kind = kind_of(noun, lexicon)
        capital = noun[:1].isupper() and not headline(text, start)
        name_start = _proper_name_start(text, start) if capital else None
        name_end = _proper_name_end(text, end) if capital else end
        if name_end > end and found.overlaps(start, name_end):
            name_end = end
        if name_start is not None or name_end > end:
            first = start if name_start is None else name_start
            name = text[first:name_end]
            m = InstrumentMention(
                first, name_end, kind, name, name, "name:" + norm(name)
            )
        elif _is_instrument_noun(text, start, end, lexicon):
            m = InstrumentMention(start, end, kind, noun)
        else:
            continue
        m.plural = noun.lower().endswith("s") and not noun.lower().endswith("ss")
        found.add(m)


def _find_name_heads(found: _Found, lexicon: Lexicon) -> None:
    """Capitalised names ending in another head word: "the Rome Statute"."""
    text = found.text
    for pattern, kind in lexicon.name_heads:
        for match in pattern.finditer(text):
            start, end = match.span()
            name_start = _proper_name_start(text, start)
            if (
                name_start is None
                or found.overlaps(name_start, end)
                or headline(text, start)
            ):
                continue
            name = text[name_start:end]
            found.add(
                InstrumentMention(
                    name_start, end, kind, name, name, "name:" + norm(name)
                )
            )


def headline(text: str, offset: int) -> bool:
    """Whether the line holding ``offset`` is in title case, where capitals name nothing."""
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    words = re.findall(
        r"[A-Za-z][\w'’-]*", text[line_start : line_end if line_end >= 0 else len(text)]
    )
    long_words = [w for w in words if len(w) > 3]
    return (
        len(long_words) >= 4
        and sum(w[0].isupper() for w in long_words) / len(long_words) > 0.8
    )


def _looks_like_instrument(name: str) -> bool:
    return bool(
        re.search(
            r"\b(?:Initiative|Partnership|Plan of Action|Framework|Compact|Charter)$",
            name,
        )
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


def _proper_name_start(text: str, noun_start: int) -> int | None:
    """Start of a capitalised name that ends with the noun at ``noun_start``.

    Walks back over capitalised words and inner connectors ("of", "on");
    "the Paris Agreement" gives "Paris Agreement", "an Agreement" gives None.
    """
    window_start = max(0, noun_start - 120)
    words = list(re.finditer(r"[\w'’.-]+", text[window_start:noun_start]))
    start: int | None = None
    boundary = noun_start
    for word in reversed(words):
        if text[window_start + word.end() : boundary] != " ":
            break
        token = word.group()
        if token[:1].isupper() and token.lower() not in _NOT_NAME_START:
            start = window_start + word.start()
        elif token in _CONNECTORS and token != "the":
            pass
        else:
            break
        boundary = window_start + word.start()
    if start is None:
        return None
    at_sentence_start = (
        start == 0
        or text[max(0, start - 2) : start] in (". ", "\n", '" ', "\n\n")
        or text[start - 1] == "\n"
    )
    if at_sentence_start and " " not in text[start:noun_start].strip():
        return None  # "Trade agreement ..." opening a sentence is no name
    return start


_NAME_TAIL = re.compile(
    r"\s(?:of|on|for|between|concerning|regarding|to)\s(?:the\s)?[A-Z]"
)
# "the Economic Partnership Agreement between the EU and Japan": the parties,
# not part of the name (a name goes on: "Treaty between A and B on the ...")
_PARTIES_ONLY = re.compile(
    r"\s+(?:between|with|among)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
    r"(?:\s+and\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?(?![\w\s]*\b(?:on|of|for)\s+[A-Z])"
)
_TAIL_CONNECTORS = {"of", "on", "for", "the", "and", "in", "to", "between", "with",
                    "respect", "concerning", "regarding", "de", "a"}  # fmt: skip


_MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
_CALENDAR = {
    *(calendar.day_name[i].lower() for i in range(7)),
    *(calendar.month_name[i].lower() for i in range(1, 13)),
    *(calendar.month_abbr[i].lower() for i in range(1, 13)),
    "sept",
}


def _proper_name_end(text: str, noun_end: int) -> int:
    """End of a name that starts with the noun ending at ``noun_end``: "Treaty of
    Conventional Armed Forces in Europe", "Agreement on the Elimination of Double
    Taxation"; ``noun_end`` itself when no capitalised words follow."""
    if not _NAME_TAIL.match(text, noun_end) or _PARTIES_ONLY.match(text, noun_end):
        return noun_end
    end = noun_end
    position = noun_end
    for word in re.finditer(r"\s([\w'’-]+)", text[noun_end : noun_end + 200]):
        if noun_end + word.start() != position:
            break
        token = word.group(1)
        position = noun_end + word.end()
        if token.lower() in _CALENDAR:
            break  # "the Tromsø Treaty on Monday"
        if token[:1].isupper():
            end = position
        elif token not in _TAIL_CONNECTORS:
            break
    return end


def _is_instrument_noun(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    noun = text[start:end].lower()
    before = text[max(0, start - 40) : start]
    after = text[end : end + 30].lower()
    prev = re.search(r"([\w'’-]+)\s*$", before)
    prev_word = prev.group(1).lower() if prev else ""
    if prev_word in lexicon.not_before or (
        prev and f"{prev_word} {noun}" in lexicon.not_before
    ):
        return False
    if (
        noun.startswith("deal")
        and (prev_word in ("to", "a great", "great") or after.startswith(" with"))
        and prev_word
        in ("to", "would", "will", "can", "could", "must", "should", "cannot")
    ):
        return False
    if any(after.startswith(" " + a) or after.startswith(a) for a in lexicon.not_after):
        return False
    if noun.startswith("agreement") and prev_word in (
        "in",
        "broad",
        "reached an",
        "no",
    ):
        return False
    return True


def _with_context(text: str, m: InstrumentMention) -> InstrumentMention:
    before = text[max(0, m.start - 80) : m.start]
    line_start = max(
        before.rfind(". "), before.rfind("\n"), before.rfind(", "), before.rfind("; ")
    )
    clause = before[line_start + 1 :] if line_start >= 0 else before
    # the determiner nearest the noun: "the new pact builds on their 2000 treaty"
    determiner = None
    for start in range(len(clause) - 1, -1, -1):
        if start == 0 or clause[start - 1].isspace():
            found = _DETERMINER.match(clause, start if start == 0 else start - 1)
            if found:
                determiner = found
                break
    if determiner:
        m.determiner = determiner.group("det").lower()
        m.modifiers = clause[determiner.start("det") :].lower()
    else:
        m.modifiers = clause.lower()[-40:]
    year = _YEAR_LABEL.search(clause)
    if year and not re.search(
        r"\b(?:in|since|by|of|from|until|during)\s+(?:(?!the\b|its\b|their\b|a\b)\w+\s+)?"
        + year.group(1),
        clause,
    ):
        m.year_label = year.group(1)
        month = re.search(r"\b([A-Z][a-z]{2,8})\.?\s+$", clause[: year.start(1)])
        if month and month.group(1).lower() in _MONTHS:
            # "the September 2018 peace agreement" was signed in 2018-09
            m.year_label += f"-{_MONTHS[month.group(1).lower()]:02d}"
    return m
