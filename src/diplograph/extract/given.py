"""Names a text gives its instruments, beside those the lexicon knows: acronyms
it defines ("... (GSOMIA)"), names it dubs ("the partnership, dubbed AUKUS") or
apposes ("the Accra Initiative, a security arrangement"), and the table of
known names they join (:func:`known_names`)."""

from __future__ import annotations

import re

from diplograph.extract.dates import MONTHS, WEEKDAYS
from diplograph.extract.lexicon import Lexicon
from diplograph.extract.names import CONNECTORS, ORGANIZATION, norm
from diplograph.gazetteer import load_gazetteer

_ACRONYM_DEF = re.compile(r"\(\s*(?:the\s+)?([A-Z][A-Za-z0-9-]{1,9})\s*\)")


def acronym_definitions(text: str) -> dict[str, str]:
    """``Long Name (LN)`` pairs, where the initials of the words spell the acronym.

    Example:
        >>> acronym_definitions("the security of military information pact (SMIP)")
        {'SMIP': 'security of military information pact'}
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
            content = "".join(w[0] for w in tail if w.lower() not in CONNECTORS).lower()
            hyphen = "".join(
                p[0]
                for w in tail
                for p in w.split("-")
                if p and p.lower() not in CONNECTORS
            ).lower()
            if (
                letters in (initials, content, hyphen)
                and tail[0].lower() not in CONNECTORS
            ):
                found[acronym] = " ".join(tail)
                break
    return found


# "the partnership, dubbed AUKUS", "a pact known as the Lisbon Principles"
_DUBBED_NAME = re.compile(
    r"\b(partnership|alliance|pact|deal|agreement|accord|arrangement|treaty|"
    r"initiative|framework|compact|charter|truce|ceasefire),?\s+(?:dubbed|called|"
    r"named|known\s+as)\s+(?:the\s+)?[\"“']?([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,4})"
)


# "signed what officials called the Accra Understanding": a name for what was made
_MADE_WHAT_CALLED = re.compile(
    r"\b(?:signed|adopted|reached|concluded|inked|sealed|issued|agreed\s+on)\s+what\s+"
    r"(?:[\w-]+\s+){0,2}?(?:called|dubbed|named|billed\s+as|described\s+as)\s+"
    r"(?:the\s+|an?\s+)?[\"“']?([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,4})"
)


# "joined the Accra Initiative, a regional security arrangement": a name the
# apposition after it says is an instrument's
_APPOSED_NAME = re.compile(
    r"\bthe\s+((?-i:[A-Z])[\w-]*(?:\s+(?:of|on|for|(?-i:[A-Z])[\w-]*)){0,5}),\s+"
    r"an?\s+(?:[\w-]+\s+){0,3}?(pact|deal|agreement|accord|arrangement|treaty|"
    r"framework|compact|charter|truce|ceasefire|memorandum|declaration|convention|"
    r"protocol)\b"
)


def dubbed_names(text: str) -> dict[str, str]:
    """Names the text gives an instrument, with the noun they name: "The
    partnership, dubbed AUKUS" -> {"AUKUS": "partnership"}; "signed what they
    called the Accra Understanding" -> {"Accra Understanding": "agreement"};
    "the Accra Initiative, a security arrangement" -> {"Accra Initiative":
    "arrangement"}."""
    named = {m.group(2): m.group(1) for m in _DUBBED_NAME.finditer(text)}
    for m in _MADE_WHAT_CALLED.finditer(text):
        named.setdefault(m.group(1), "agreement")
    for m in _APPOSED_NAME.finditer(text):
        name = m.group(1)
        dated = any(w.lower() in MONTHS or w.lower() in WEEKDAYS for w in name.split())
        if not (dated or ORGANIZATION.search(" " + name) or _names_a_place(name)):
            named.setdefault(name, m.group(2))
    return named


def _names_a_place(name: str) -> bool:
    """Whether a name is a state's or a body's of the gazetteer ("the European
    Union, a party to the accord")."""
    return bool(load_gazetteer().lookup(name))


def looks_like_instrument(name: str) -> bool:
    return bool(
        re.search(
            r"\b(?:Initiative|Partnership|Plan of Action|Framework|Compact|Charter)$",
            name,
        )
    )


Known = dict[str, tuple[str, str, str]]  # surface -> (key, canonical name, kind)


def known_names(text: str, lexicon: Lexicon) -> Known:
    """The lexicon's instruments, and names the text defines with an acronym."""
    known: Known = {}
    for inst in lexicon.instruments:
        for surface in (inst.name, *inst.aliases):
            known[surface] = (inst.id, inst.name, inst.kind)
            # "the Good Friday agreement": news often writes the noun in lower case
            head, _, noun = surface.rpartition(" ")
            if head and noun.istitle() and lexicon.kind_pattern.fullmatch(noun):
                known.setdefault(
                    f"{head} {noun.lower()}", (inst.id, inst.name, inst.kind)
                )
    for acronym, long_name in acronym_definitions(text).items():
        kind = lexicon.kind_of_name(long_name)
        hit = (
            known.get(acronym)
            or known.get(long_name)
            or next((v for k, v in known.items() if norm(k) == norm(long_name)), None)
        )
        if hit:
            known.setdefault(acronym, hit)
            known.setdefault(long_name, hit)
        elif ORGANIZATION.search(" " + long_name.split()[-1]):
            continue  # "North Atlantic Treaty Organization (NATO)": a body
        elif long_name.islower():
            continue  # "a memorandum of understanding (MoU)": a kind, no name
        elif kind or looks_like_instrument(long_name):
            key = "name:" + norm(long_name)
            known[acronym] = (key, long_name, kind or "agreement")
            known[long_name] = (key, long_name, kind or "agreement")
    for name, noun in dubbed_names(text).items():
        if name not in known:
            kind = lexicon.kind_of_name(name) or lexicon.kind_of_noun(noun)
            kind = kind or "agreement"
            known[name] = ("name:" + norm(name), name, kind)
    return known
