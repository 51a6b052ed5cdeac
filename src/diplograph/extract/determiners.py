"""What stands before an instrument's noun in its noun phrase: the determiner
that tells a new instrument ("a new trade agreement") from one told before ("the
deal"), and the modifiers that describe it."""

from __future__ import annotations

import re
from functools import lru_cache

from diplograph.extract.text import ends_sentence

DETERMINER = re.compile(
    r"(?:^|[\s\"“‘(])(?P<det>the|a|an|this|that|these|those|its|their|whose|his|her|our|such|another|any|every|no|one|two|three|four|five|six|seven|eight|nine|ten|several|both|new|latest|separate)\s+(?:[\w'’,.$€£%-]+\s+){0,6}$",
    re.I,
)
# a noun of an act or a part, and "of", or a verb: the determiner before it is
# another noun's ("the signing of memorandums", "the text of a treaty", "the two
# leaders also signed memorandums"), not the instrument's as in "a status of
# forces agreement"
_OF_ANOTHER_NOUN = re.compile(
    r"\s(?:\w+ing|\w+ion|text|terms|draft|series|number|package|set|raft)\s+of\s"
    # a verb no noun phrase holds: "The two leaders also signed memorandums"
    r"|\s(?:also|have|has|had|will|would|was|were|is|are|did|said|says)\s",
    re.I,
)
# a noun phrase holds "of" ("a status of forces agreement"), not these
_PREPOSITION = re.compile(
    r"\s(?:on|in|at|for|with|by|to|from|over|under|between|after|before|about|"
    r"against|during|since|until|into)\s",
    re.I,
)
_ADJECTIVES_BEFORE = re.compile(
    r"(?:^|\s)((?:a|an|the|its|their|this)\s+[\w$.'’-]+(?:\s+[\w$.'’-]+)?),$", re.I
)
_ANY_DETERMINER = re.compile(
    r"\b(?:the|a|an|its|their|whose|this|that|these|those)\b", re.I
)
_AFTER_ARTICLE = frozenset(
    "new latest one two three four five six seven eight nine ten several".split()
)
_ARTICLE_BEFORE = re.compile(r"(?:^|\s)(a|an|the|another|its|their|this)\s+$", re.I)
INDEFINITE = {
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


_OPENING = '"“‘('


def _last_full_stop(before: str) -> int:
    """Where the last sentence in ``before`` ends: not at "the Sept. 2018 deal",
    "the U.S. trade deal"."""
    at = before.rfind(". ")
    while at >= 0 and not ends_sentence(before, at, at + 2):
        at = before.rfind(". ", 0, at)
    return at


def noun_phrase_before(text: str, noun_start: int) -> tuple[str, str, str]:
    """The clause before the noun at ``noun_start``, the noun's determiner ("" if
    none) and its modifiers (lower case, the determiner first)."""
    before = text[max(0, noun_start - 80) : noun_start]
    line_start = max(
        _last_full_stop(before),
        before.rfind("\n"),
        before.rfind(", "),
        before.rfind("; "),
    )
    clause = before[line_start + 1 :] if line_start >= 0 else before
    listed = line_start >= 0 and before.startswith(", ", line_start)
    adjectives = (
        _ADJECTIVES_BEFORE.search(before, 0, line_start + 1) if listed else None
    )
    if adjectives and not _ANY_DETERMINER.search(clause):
        # "a 10-year, $2 billion energy agreement": one noun phrase, commas in it
        clause = before[adjectives.start(1) :]
    # the determiner nearest the noun: "the new pact builds on their 2000 treaty"
    determiner = None
    for start in range(len(clause) - 1, -1, -1):
        # "“A MoU was signed": a quotation may open on the determiner
        if start == 0 or clause[start - 1].isspace() or clause[start - 1] in _OPENING:
            found = DETERMINER.match(clause, start if start == 0 else start - 1)
            if found:
                determiner = found
                break
    if determiner and _OF_ANOTHER_NOUN.search(clause, determiner.end("det") - 1):
        determiner = None  # "the signing of memorandums": the signing's "the"
    if determiner and _PREPOSITION.search(clause, determiner.end("det") - 1):
        determiner = None  # "a deal on Monday on trade arrangements": the deal's
    if determiner is None:
        return clause, "", clause.lower()[-40:].lstrip()
    word = determiner.group("det").lower()
    article = _ARTICLE_BEFORE.search(clause, 0, determiner.start("det"))
    if word in _AFTER_ARTICLE and article:
        # "a new trade agreement" is indefinite, "the new pact" and "the two
        # agreements" definite
        return clause, article.group(1).lower(), clause[article.start(1) :].lower()
    return clause, word, clause[determiner.start("det") :].lower()


# words that tell nothing of what an instrument is about
STOP_WORDS = {
    "the", "a", "an", "of", "and", "in", "on", "to", "for", "two", "between", "new",
    "year",  # "the 30-year treaty": how long, not what about
}  # fmt: skip


@lru_cache(maxsize=4096)
def content_words(modifiers: str) -> frozenset[str]:
    """The words of a noun phrase that tell what it is: "the new trade" ->
    {"trade"}."""
    return frozenset(re.findall(r"[a-z][\w-]+", modifiers.lower())) - STOP_WORDS


def introduces(determiner: str, plural: bool) -> bool:
    """Whether a noun with this determiner introduces instruments: "a
    memorandum", "MoUs on trade" (not "the deal", "their treaties")."""
    return determiner in INDEFINITE or (plural and not determiner)
