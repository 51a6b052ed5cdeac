"""A verb in a relative clause after the instrument's noun ("the agreement
Prime Minister Pashinian signed with Russia"): the dates of the main clause
before the noun are not its own. Read by :mod:`.when`."""

from __future__ import annotations

import re

from diplograph.extract.context import Context
from diplograph.extract.dates import DateMention
from diplograph.extract.text import Sentence

# "the agreement (that) Prime Minister Nikol Pashinian signed": its subject
_RELATIVE_SUBJECT = re.compile(
    r"\s+(?:that\s+|which\s+)?(?:(?:he|she|they|it|we)|(?-i:[A-Z])[\w'’.-]*"
    r"(?:\s+(?:and\s+)?(?-i:[A-Z])[\w'’.-]*){0,4}|the\s+two\s+(?:countries|sides|"
    r"leaders|nations|governments))\s+(?:had\s+|has\s+|have\s+)?$"
)


def not_the_main_clause_s(
    dates: list[DateMention], v_start: int, sentence: Sentence, ctx: Context
) -> list[DateMention]:
    """ "protested on Tuesday the agreement Pashinian signed with Russia": for a
    verb in a relative clause, the days before the instrument are the main
    clause's (but one opening the sentence dates all of it)."""
    clause = _relative_clause(v_start, sentence, ctx)
    if clause is None:
        return dates
    text = ctx.text
    return [
        d
        for d in dates
        if d.start >= clause
        or re.fullmatch(r"\W*(?:on|in)?\s*", text[sentence.start : d.start], re.I)
    ]


def _relative_clause(v_start: int, sentence: Sentence, ctx: Context) -> int | None:
    """Where the instrument's noun stands, when the verb is in a relative clause
    after it whose subject comes between."""
    low = max(sentence.start, v_start - 80)
    for noun in ctx.lexicon.kind_pattern.finditer(ctx.text, low, v_start):
        if _RELATIVE_SUBJECT.fullmatch(ctx.text, noun.end(), v_start):
            return noun.start()
    return None
