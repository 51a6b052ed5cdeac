"""Normalizations of relations, which news tells by a noun ("the establishment
of diplomatic relations") or by the verb that makes one ("agreed to re-establish
their diplomatic ties"). Read by :mod:`.mentions`."""

from __future__ import annotations

import re

_NORMALIZATION = re.compile(
    r"\bnormali[sz]ation of (?:\w+ ){0,2}(?:relations|ties)\b|\b(?:establishment|"
    r"restoration|resumption) of (?:full )?diplomatic (?:relations|ties)\b"
    # "the resumption of its relations with Israel", "a resumption in ties
    # between Saudi Arabia and Iran": with whom, so diplomatic
    r"|\b(?:restoration|resumption|re-?establishment) (?:of|in) (?:its |their )?"
    r"(?:full )?(?:relations|ties)(?= (?:with|between)\b)",
    re.I,
)
_ABOUT = re.compile(r"\b(?:on|for|regarding|concerning|about)\s+(?:the\s+)?$")


def normalization_nouns(text: str) -> list[tuple[int, int]]:
    """ "the normalization of relations", "the establishment of diplomatic ties";
    not "a communique on the establishment of diplomatic relations", which is
    the communique's subject, not an instrument of its own."""
    return [
        match.span()
        for match in _NORMALIZATION.finditer(text)
        if not _ABOUT.search(text[max(0, match.start() - 20) : match.start()])
    ]


def restored_ties(text: str) -> list[tuple[int, int]]:
    """ "agreed to re-establish their diplomatic ties": a normalization told by
    its verb, the verb before it its event; not "agreed to restore ties ..., in
    a deal mediated by Kuwait", which tells of the deal."""
    spans = []
    for match in _RESTORED_TIES.finditer(text):
        group = next(g for g in (1, 2, 3) if match.group(g))
        if not _IN_A_DEAL.match(text, match.end()):
            spans.append(match.span(group))
    return spans


# not "a summit to normalise relations": a purpose, not yet an instrument
_RESTORED_TIES = re.compile(
    # "agreed on Monday to establish diplomatic relations": done, as agreed
    r"(?:\b(?:agreed|decided)\s+(?:(?:late\s+|early\s+)?(?:on\s+)?\w+day\s+|"
    r"(?:last|this)\s+week\s+)?to\s+(?:(?:re-?)?establish|restore|resume)\s+|(?<!\bto\s)"
    r"\b(?:(?:re-?establish|restor|resum)\w*|established)\s+)"
    r"(?:(?:and|or)\s+\w+\s+)?"
    r"(?:(?:their|full|bilateral|formal|the)\s+){0,2}(diplomatic\s+(?:relations|ties))\b"
    r"|(?:\b(?:agreed|decided)\s+(?:(?:late\s+|early\s+)?(?:on\s+)?\w+day\s+)?to\s+|"
    r"(?<!\bto\s))\bnormali[sz]\w*\s+(?:(?:their|full|bilateral|formal|the)\s+){0,2}"
    r"(diplomatic\s+(?:relations|ties))\b"
    # "agreed on Monday to normalise relations": agreed, as above
    r"|\b(?:agreed|decided)\s+(?:(?:late\s+|early\s+)?(?:on\s+)?\w+day\s+)?to\s+"
    r"normali[sz]e\s+(?:(?:their|full|bilateral|the)\s+){0,2}(relations|ties)\b",
    re.I,
)


_IN_A_DEAL = re.compile(
    r"[^.;]{0,120}?\b(?:in|under|as\s+part\s+of)\s+(?:an?|the)\s+(?:[\w.'’-]+\s+){0,3}"
    r"(?:deal|agreement|accord|pact|arrangement)s?\b",
    re.I,
)
