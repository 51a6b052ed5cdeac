"""Whether a kind noun names an instrument at all: "in agreement with her",
"a great deal" and "a business deal" name none; "a natural gas supply deal"
between states does. The words before and after the noun decide, with the
lexicon's lists. Read by :mod:`.mentions`.
"""

from __future__ import annotations

import re

from diplograph.extract.lexicon import Lexicon

# what states supply each other under an agreement, not a company's order
_STATES_SUPPLY = re.compile(
    r"\b(?:gas|oil|energy|power|electricity|LNG|arms|water|grain|fuel|uranium)"
    r"\s+supply\s*$",
    re.I,
)


# "India and China signed 24 business agreements": a set the states sign
_STATES_SIGNED_COUNTED = re.compile(
    r"\b(?:signed|inked|sealed)\s+(?:a\s+record\s+)?\d+\s+business\s*$", re.I
)


_COUNTERPART = re.compile(r"\s*with\s+(?:his|her)\s+(?:[\w-]+\s+)?counterparts?\b")


def is_instrument_noun(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """Whether the kind noun at ``start:end`` of ``text`` names an instrument."""
    noun = text[start:end].lower()
    before = text[max(0, start - 40) : start]
    after = text[end : end + 50].lower()
    prev = re.search(r"([\w'’-]+)\s*$", before)
    prev_word = prev.group(1).lower() if prev else ""
    if (
        prev_word in lexicon.not_before
        and not _STATES_SUPPLY.search(before)  # "a natural gas supply deal"
        and not _STATES_SIGNED_COUNTED.search(before)
    ) or (prev and f"{prev_word} {noun}" in lexicon.not_before):
        return False
    if (
        noun.startswith("deal")
        and (prev_word in ("to", "a great", "great") or after.startswith(" with"))
        and prev_word
        in ("to", "would", "will", "can", "could", "must", "should", "cannot")
    ):
        return False
    if any(
        after.startswith(" " + a) or after.startswith(a) for a in lexicon.not_after
    ) and not _COUNTERPART.match(after):
        return False  # "in agreement with her", not "a deal with her counterpart"
    if noun.startswith("agreement") and prev_word in (
        "in",
        "broad",
        "reached an",
        "no",
    ):
        return False
    return True
