"""Who mediates, hosts or witnesses an instrument, and so is no party to it:
"brokered by Qatar and the United States", "in the presence of U.S. President
Donald Trump", "a Qatar-brokered truce", "the UN envoy". Read by
:mod:`.clauses`, which gives every actor of a sentence its role.
"""

from __future__ import annotations

import re

from diplograph.extract.context import Context
from diplograph.extract.text import Sentence

_BROKER_AFTER = re.compile(
    # "Qatar-brokered", "Qatar's mediation", not "Togo brokered by Nigeria"
    r"(?:'s|’s)?\s*-?\s*(?:mediat\w*|brokered|brokering|facilitat\w*|sponsored|"
    r"hosted|guarantee\w*|auspices)\b(?!\s+by\b)"
    r"|-backed\b"  # "an EU-backed plan"
    r"|,\s+(?:the\s+|a\s+)?(?:mediator|broker|host|guarantor)\b"
    # "with Burkina Faso acting as mediator"
    r"|\s+(?:acting|serving)\s+as\s+(?:the\s+|a\s+)?(?:mediator|broker|host|guarantor)\b"
    # "Russia, which brokered the 2020 ceasefire"
    r"|,\s+(?:which|who)\s+(?:has\s+|had\s+)?(?:mediated|brokered|facilitated|"
    r"sponsored|guaranteed)\b"
    r"|\s+(?:will\s+|would\s+|to\s+)?(?:host|hosts|hosted|hosting|mediate|mediates|"
    r"mediated|brokered)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:talks|negotiations|"
    r"meeting|summit|ceremony|signing)"
    # "Qatar helped Israel and Hamas reach a deal", "Russia is ready to help in
    # signing a peace treaty": whoever helps others to it
    r"|\s+(?:(?:is|was|are|were|stands|stood)\s+)?(?:(?:ready|willing|prepared)\s+"
    r"to\s+)?help(?:s|ed|ing)?\s+(?:in\s+|to\s+)?(?:(?-i:[A-Z])[\w.'’-]*\s+"
    r"(?:and\s+(?-i:[A-Z])[\w.'’-]*\s+)?)?(?:reach|sign|broker|negotiat|secure|"
    r"clinch|seal|agree|mediat)\w*\b",
    re.I,
)


_FIRST_GAP = re.compile(r"\s*(?:the\s+)?(?:[\w-]+\s+){0,2}?")
# "of U.S. President Donald Trump and Malaysian Prime Minister Anwar Ibrahim":
# offices and names between the actors of the list
_NEXT_GAP = re.compile(
    r"(?:\s+(?-i:[A-Z])[\w.'’-]*){0,5}(?:,?\s+(?:and\s+)?(?:the\s+)?|,\s*)"
)


def brokers(ctx: Context, sentence: Sentence) -> set[int]:
    """Where the mediators, hosts and witnesses of the sentence start: the actors
    right after "brokered by", "in the presence of"... ("brokered by Qatar and the
    United States"), and those right before "-brokered", "'s mediation"."""
    text = ctx.text
    actors = ctx.actors_in(sentence.start, sentence.end)
    found: set[int] = set()
    for marker in ctx.lexicon.broker_markers.finditer(sentence.text):
        position = sentence.start + marker.end()
        for a in actors:
            if a.start < position:
                continue
            gap = text[position : a.start]
            first = position == sentence.start + marker.end()
            if not (_FIRST_GAP if first else _NEXT_GAP).fullmatch(gap):
                break
            found.add(a.start)
            position = a.end
    for a in actors:
        if (
            _BROKER_AFTER.match(text, a.end)
            or (a.code in ctx.lexicon.auspices and _ENVOY.match(text, a.end))
            or _DEPOSITARY.search(text, sentence.start, a.start)
        ):
            found.add(a.start)
    return found


# "deposited its instrument of ratification with the UN", "... with the U.S.
# State Department": the depositary
_DEPOSITARY = re.compile(
    r"\b(?:deposit\w*|lodged)\b[^.;]{0,120}\bwith\s+(?:the\s+)?"
    r"(?:(?-i:[A-Z])[\w.]*\s+)?$",
    re.I,
)


# "UN envoy Hans Grundberg announced the extension": a forum's envoy mediates
# (a state's envoy may sign for it)
_ENVOY = re.compile(r"(?:'s|’s)?\s+(?:special\s+)?(?:envoys?|mediators?)\b", re.I)
