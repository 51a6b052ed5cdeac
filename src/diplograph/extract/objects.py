"""What a signing verb takes as its object, or the passive signs: "signed two
documents", "reached an understanding", "Several documents were signed",
"ratified the African Continental Free Trade Area". Nouns that name an
instrument only there; read by :mod:`.mentions`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from diplograph.extract.determiners import DETERMINER
from diplograph.extract.lexicon import Lexicon
from diplograph.extract.names import (
    GENERIC_NAME,
    ORGANIZATION,
    norm,
    proper_name_end,
    proper_name_start,
)


@dataclass(frozen=True)
class SignedObject:
    """An object noun (``noun_start``..``noun_end``) and the mention it makes:
    the noun, or the capitalised name it ends."""

    start: int
    end: int
    noun_start: int
    noun_end: int
    noun: str
    kind: str
    text: str
    name: str | None
    key: str | None
    plural: bool
    new: bool  # "exchanged documents on ...": new ones, with no determiner


def signed_objects(text: str, lexicon: Lexicon) -> Iterator[SignedObject]:
    """Each object noun a signing verb takes, then each the passive signs (a
    plural: "the letter was signed" is one told before, if any)."""
    for match, signing in _matches(text, lexicon):
        group = match.lastgroup or ""
        if lexicon.kind_pattern.match(text, match.end(group) + 1):
            continue  # "a comprehensive economic partnership agreement": a modifier
        if not signing and not PLURAL_OBJECT.match(match[group]):
            continue
        kind = lexicon.object_kinds.get(group, "agreement")
        new = signing and not DETERMINER.search(
            text[match.start() : match.start(group)]
        )
        yield _named(text, match, group, kind, new=new)


def told_again(text: str, told: dict[str, str]) -> Iterator[tuple[int, int, str, bool]]:
    """The definite mentions of the nouns told ("The document was signed on
    Saturday"): start, end, kind and whether plural."""
    for noun, kind in told.items():
        again = (
            r"\b(?:[Tt]he|[Tt]hese|[Bb]oth|[Tt]hose)\s+(?:[\w-]+\s+){0,2}?"
            rf"({re.escape(noun)}s?)\b"
        )
        for match in re.finditer(again, text):
            yield *match.span(1), kind, bool(PLURAL_OBJECT.match(match.group(1)))


def _matches(text: str, lexicon: Lexicon) -> Iterator[tuple[re.Match[str], bool]]:
    """Each object noun a signing verb takes ("signed two documents"; True), and
    each the passive signs ("Several documents were signed"; False): the passive
    first (words the regex engine can look for), then the noun it ends on."""
    for match in lexicon.object_nouns.finditer(text):
        yield match, True
    for verb in lexicon.signed_passive.finditer(text):
        before = lexicon.object_noun_before.search(
            text, max(0, verb.start() - 60), verb.start()
        )
        if before:
            yield before, False


def _named(
    text: str, match: re.Match[str], group: str, kind: str, *, new: bool
) -> SignedObject:
    """The object noun ("signed 12 documents, including ...": a set), or the
    capitalised name it ends ("ratified the African Continental Free Trade Area")."""
    start, end = match.span(group)
    noun = match.group(group)
    first = proper_name_start(text, start) if noun[:1].isupper() else None
    last = proper_name_end(text, end) if first is not None else end
    name = text[first if first is not None else start : last]
    if first is None or GENERIC_NAME.fullmatch(name) or ORGANIZATION.match(text, last):
        plural = bool(PLURAL_OBJECT.match(noun))
        return SignedObject(
            start, end, start, end, noun, kind, noun, None, None, plural, new
        )
    key = "name:" + norm(name)
    return SignedObject(
        first, last, start, end, noun, kind, name, name, key, False, new
    )


# "The following instruments were signed:": a set its list tells
LISTED_SET = re.compile(
    r"\b(?:[Tt]he\s+following|[Ff]ollowing)\s+(?:[\w-]+\s+)?(instruments|documents|"
    r"agreements|texts)\s+(?:were|have\s+been)\s+(?:signed|inked|adopted|exchanged)\b"
)
# a noun for several ("documents", "letters of intent"), not "an exchange of notes"
PLURAL_OBJECT = re.compile(r"(?!exchange\b|agreed\s+minutes\b)[\w-]*s\b", re.I)
