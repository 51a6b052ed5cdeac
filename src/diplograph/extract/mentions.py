"""Where a text names an instrument: proper names, acronyms and kind nouns."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from diplograph.extract.dates import MONTHS
from diplograph.extract.determiners import INDEFINITE, noun_phrase_before
from diplograph.extract.given import Known, known_names
from diplograph.extract.lexicon import Lexicon
from diplograph.extract.names import (
    GENERIC_NAME,
    ORGANIZATION,
    headline,
    norm,
    place_name_start,
    proper_name_end,
    proper_name_start,
)
from diplograph.extract.nouns import is_instrument_noun
from diplograph.extract.objects import LISTED_SET, signed_objects, told_again
from diplograph.extract.text import any_of
from diplograph.extract.ties import normalization_nouns, restored_ties

_YEAR_LABEL = re.compile(r"\b((?:19|20)\d{2})(?:'s)?\s+(?:[\w-]+\s+){0,3}$")


# kinds adopted or issued rather than signed ("issued a joint statement")
STATEMENTS = frozenset({"joint_statement", "declaration"})


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
    compared: bool = False  # "similar to the one India signed": never named after

    @property
    def indefinite(self) -> bool:
        return self.determiner in INDEFINITE

    @property
    def lead(self) -> int:
        """Where the noun phrase starts: at its determiner; a bare noun ("also
        inked MoUs") at the noun, as its modifiers are only the words before it."""
        return self.start - len(self.modifiers) if self.determiner else self.start


class _Found:
    """Mentions found so far; a later step never takes text an earlier one took."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.mentions: list[InstrumentMention] = []
        # the spans taken, sorted; they never overlap, so the one before a
        # position is the only one that can reach into it (a lookup, not a scan)
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect.bisect_left(self._starts, end)
        return before > 0 and self._ends[before - 1] > start

    def add(self, m: InstrumentMention) -> None:
        self.keep(_with_context(self.text, m))

    def keep(self, m: InstrumentMention) -> None:
        """Take ``m`` as it is."""
        self.mentions.append(m)
        at = bisect.bisect_left(self._starts, m.start)
        self._starts.insert(at, m.start)
        self._ends.insert(at, m.end)


def find_instruments(text: str, lexicon: Lexicon) -> list[InstrumentMention]:
    """Mentions of instruments in ``text`` (one article body), in text order:
    names the lexicon or the text defines ("GSOMIA"), capitalised names with a
    kind noun ("the Paris Agreement", "Treaty of Rome") or a name head ("the
    Rome Statute"), kind nouns ("the deal"), normalizations of relations."""
    found = _Found(text)
    known = known_names(text, lexicon)
    if known:
        _find_known(found, known, lexicon)
    _find_kind_nouns(found, lexicon)
    _find_name_heads(found, lexicon)
    _find_object_nouns(found, lexicon)
    for match in LISTED_SET.finditer(text):  # "The following instruments were
        if not found.overlaps(*match.span(1)):  # signed ...:" and a list of them
            listed = InstrumentMention(*match.span(1), "agreement", match.group(1))
            listed.plural, listed.determiner = True, "a"
            found.keep(listed)
    for start, end in normalization_nouns(text):
        if not found.overlaps(start, end):
            found.add(InstrumentMention(start, end, "normalization", text[start:end]))
    _find_the_one(found)
    _find_left_out(found)
    _find_short_forms(found)
    for start, end in restored_ties(text):  # "agreed to re-establish their
        if not found.overlaps(start, end):  # diplomatic ties": told by its verb
            found.add(InstrumentMention(start, end, "normalization", text[start:end]))
    if known:  # "the Agreement for the Trans-Pacific Partnership": a known name
        _known_again(found.mentions, known)
    return sorted(found.mentions, key=lambda m: m.start)


def _known_again(mentions: list[InstrumentMention], known: Known) -> None:
    """A name the text gives with or without a "the" inside is the known one."""
    named = [m for m in mentions if m.key and m.key.startswith("name:")]
    if not named:
        return
    by_key = {"name:" + norm(surface): entry for surface, entry in known.items()}
    for m in named:
        if (entry := by_key.get(m.key or "")) and entry[0] != m.key:
            m.key, m.name = entry[0], entry[1]


# "a free trade agreement, similar to the one India signed with the UAE"
_THE_ONE = re.compile(
    r"\b(?:similar to|like|unlike|than|modell?ed on)\s+the\s+(one)\b"
    r"(?=\s+(?:that\s+|which\s+)?(?:[\w'’.-]+\s+){0,3}?"
    r"(?:signed|inked|concluded|reached|struck|sealed)\b)"
)


def _find_the_one(found: _Found) -> None:
    """ "the one X signed": another instrument of the kind named before it."""
    for match in _THE_ONE.finditer(found.text):
        before = [m for m in found.mentions if m.end <= match.start()]
        if not before or found.overlaps(*match.span(1)):
            continue
        kind = max(before, key=lambda m: m.end).kind
        m = InstrumentMention(*match.span(1), kind, match.group(1))
        found.keep(m)
        m.determiner, m.modifiers = "the", "another"  # apart from what it is like
        m.compared = True


# the noun left out is the one told before: "signed a trade agreement with the
# UAE in 2022 and another with Australia", "talks on a third, with Oman"; "other
# agreements signed included one on visas; an MoU on health": one of the set
_LEFT_OUT = (
    (
        re.compile(
            r"(?:\band|,|\bon)\s+(another|a\s+(?:second|third|fourth|fifth))"
            r"(?=,?\s+(?:with|between)\s+(?:the\s+)?[A-Z])"
        ),
        "another",
    ),
    (
        re.compile(
            r"(?:\b(?:includ(?:ed|es|e|ing)|among\s+them)|:)\s+(one)"
            r"(?=\s+(?:on|for|about)\s)"
            # "including one on A and another on B": the set's, told by subject
            r"(?![^.;]*\band\s+(?:another|the\s+other|a\s+second)\b)"
        ),
        "a",
    ),
)


def _find_left_out(found: _Found) -> None:
    """ "and another with Australia", "included one on visas": one more
    instrument of the kind named just before it (within 250 characters, in
    the paragraph; a set, for "one")."""
    for pattern, determiner in _LEFT_OUT:
        for match in pattern.finditer(found.text):
            start = match.start(1)
            before = [
                m
                for m in found.mentions
                if start - 250 <= m.end <= start
                and "\n" not in found.text[m.end : start]
                and (m.plural or determiner == "another")
            ]
            if not before or found.overlaps(*match.span(1)):
                continue
            told = max(before, key=lambda m: m.end)
            m = InstrumentMention(*match.span(1), told.kind, match.group(1))
            found.keep(m)
            m.determiner = determiner
            m.modifiers = told.modifiers if determiner == "another" else ""


def _find_object_nouns(found: _Found, lexicon: Lexicon) -> None:
    """What is signed or reached ("signed two documents", "reached an
    understanding", "Several documents were signed"), then the definite mentions
    of the same noun ("The document was signed on Saturday")."""
    text = found.text
    told: dict[str, str] = {}
    for o in signed_objects(text, lexicon):
        if found.overlaps(o.noun_start, o.noun_end):
            continue
        m = InstrumentMention(o.start, o.end, o.kind, o.text, o.name, o.key)
        m.plural = o.plural
        m = _with_context(text, m)
        if o.new:
            m.determiner = "a"  # "exchanged documents on ...": new ones
        found.keep(m)
        told[o.noun.lower().rstrip("s")] = o.kind
    for start, end, kind, plural in told_again(text, told):
        if not found.overlaps(start, end):
            again = InstrumentMention(start, end, kind, text[start:end])
            again.plural = plural
            found.add(again)


@lru_cache(maxsize=64)
def _known_pattern(surfaces: frozenset[str]) -> re.Pattern[str]:
    """One pattern for the names: the lexicon's alone for most articles, so built
    once, not once an article (building it was a third of extraction's time)."""
    return re.compile(r"(?<![\w-])" + any_of(sorted(surfaces)) + r"(?![\w-])")


_PURPOSE_OF_NAME = re.compile(
    r"\b(?-i:[A-Z])\w*\s+(?:Agreement|Treaty|Convention|Accord|Pact)\s+for\s+(?:the\s+)?$"
)


def _find_known(found: _Found, known: Known, lexicon: Lexicon) -> None:
    """Known names and aliases, longest first."""
    text = found.text
    for match in _known_pattern(frozenset(known)).finditer(text):
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
        if found.overlaps(start, end) or _PURPOSE_OF_NAME.search(
            text, max(0, start - 120), start
        ):
            continue  # "... Agreement for the Trans-Pacific Partnership": a longer name
        # "the Iran nuclear accord": the word the text uses
        kind = lexicon.kind_of_name(text[start:end]) or kind
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
        kind = lexicon.kind_of_noun(noun)
        capital = noun[:1].isupper() and not headline(text, start)
        name_start = (proper_name_start if capital else place_name_start)(text, start)
        name_end = proper_name_end(text, end) if capital else end
        if name_end > end and found.overlaps(start, name_end):
            name_end = end
        if name_start is not None or name_end > end:
            first = start if name_start is None else name_start
            name = text[first:name_end]
            if (name_start is not None and lexicon.bodies & set(name.split()[:-1])) or (
                ORGANIZATION.match(text, end)
            ):
                continue  # "the Government of National Accord" is a body, so is
                # "the North Atlantic Treaty Organization"
            if GENERIC_NAME.fullmatch(name):
                # "the Memorandum of Understanding", "a Free Trade Agreement":
                # capitals, but no name that tells one instrument from another
                m = InstrumentMention(start, end, kind, noun)
            else:
                m = InstrumentMention(
                    first, name_end, kind, name, name, "name:" + norm(name)
                )
        elif is_instrument_noun(text, start, end, lexicon):
            m = InstrumentMention(start, end, kind, noun)
        else:
            continue
        head = re.sub(r"\s+of\s+understanding$", "", noun.lower())  # memoranda of
        m.plural = head.endswith(("s", "memoranda")) and not head.endswith("ss")
        found.add(m)


# "a reciprocal access agreement ... The RAA, signed in July": an instrument told
# before, by the initials of its words
_SHORT_FORM = re.compile(r"\b[A-Z]{2,6}\b")


def _find_short_forms(found: _Found) -> None:
    """The initials of an instrument told before, used as its short name without
    a definition in brackets: a back-reference to it ("a reciprocal access
    agreement ... The RAA", "the Visiting Forces Agreement ... the VFA")."""
    text = found.text
    # each mention's words, read once (not again for every capital run)
    told_words = [
        (
            m,
            re.split(
                r"[\s-]+", (m.text if m.key else f"{m.modifiers}{m.text}").strip()
            ),
        )
        for m in sorted(found.mentions, key=lambda m: m.start)
    ]
    # "the Saudi Press Agency (SPA)": initials defined for what is no instrument
    ends = {m.end for m in found.mentions}
    defined = {
        d.group(1)
        for d in re.finditer(r"\s*\(([A-Z]{2,6})\)", text)
        if d.start() not in ends
    }
    for match in _SHORT_FORM.finditer(text):
        if found.overlaps(*match.span()) or match.group() in defined:
            continue
        letters = match.group().lower()
        for told, words in reversed(told_words):
            tail = words[-len(letters) :]
            if told.end > match.start() or len(tail) < len(letters):
                continue
            if "".join(w[:1] for w in tail).lower() == letters:
                short = InstrumentMention(*match.span(), told.kind, match.group())
                short.determiner, short.aliases = "the", [match.group()]
                short.key = told.key  # a name's initials: the named one
                found.keep(short)
                break


def _find_name_heads(found: _Found, lexicon: Lexicon) -> None:
    """Capitalised names ending in another head word: "the Rome Statute"."""
    text = found.text
    for pattern, kind in lexicon.name_heads:
        for match in pattern.finditer(text):
            start, end = match.span()
            name_start = proper_name_start(text, start)
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


def _with_context(text: str, m: InstrumentMention) -> InstrumentMention:
    clause, m.determiner, m.modifiers = noun_phrase_before(text, m.start)
    year = _YEAR_LABEL.search(clause)
    if year and not re.search(
        r"\b(?:in|since|by|of|from|until|during)\s+(?:(?!the\b|its\b|their\b|a\b)\w+\s+)?"
        + year.group(1),
        clause,
    ):
        m.year_label = year.group(1)
        month = re.search(r"\b([A-Z][a-z]{2,8})\.?\s+$", clause[: year.start(1)])
        if month and month.group(1).lower() in MONTHS:
            # "the September 2018 peace agreement" was signed in 2018-09
            m.year_label += f"-{MONTHS[month.group(1).lower()]:02d}"
    return m
