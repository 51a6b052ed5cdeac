"""Which found mentions name an instrument at all: not a domestic law, a
company contract, a class of instruments ("several treaties") or one nobody
made ("had not signed a security agreement"); and what only the words around a
mention say of it (a normalization, an anniversary's year).
"""

from __future__ import annotations

import re

from diplograph.extract.acts import law_acts
from diplograph.extract.context import Context
from diplograph.extract.determiners import introduces
from diplograph.extract.mentions import InstrumentMention
from diplograph.extract.references import partner_list
from diplograph.extract.sets import ONE_AND_OTHER
from diplograph.extract.text import words_between

_ANNIVERSARY = re.compile(
    r"\b(\d+)(?:st|nd|rd|th) anniversary of (?:the )?"
    r"(?:(?:signing|conclusion|adoption|entry into force) of (?:the )?)?$",
    re.I,
)


# "announced no new agreement", "ended without a deal": there is none
# "no new agreement", "without a deal", "any arms deal between them would ..."
# "ended in an armistice, not a peace treaty": none either
_NONE = re.compile(
    r"\b(?:no|any|without(?:\s+an?y?)?|,\s+not\s+an?)\s+(?:[\w-]+\s+){0,2}$", re.I
)


# "had not signed a reciprocal agreement", "has refused to sign a binding
# agreement": an instrument nobody made
_NOT_MADE = re.compile(
    r"\b(?:(?:not|never|n't)\s+(?:yet\s+)?(?:signed|reached|concluded|agreed\s+on|"
    r"struck|inked)|(?:refused|refuses|refusing|declined|declines)\s+"
    r"to\s+(?:sign|reach|conclude|agree\s+on|strike|ink))"
    r"\s+(?:an?|any)\s+(?:[\w\"'“”-]+\s+){0,2}$",
    re.I,
)


_SOUGHT = re.compile(
    r"\b(?:seek|seeks|seeking|sought|pursue|pursuing|explore|exploring|"
    r"push\s+for|pushing\s+for|calls?\s+for|called\s+for|calling\s+for|"
    r"urge|urges|urged|urging|demand|demands|demanded|demanding|support\s+for|"
    r"appeal(?:s|ed)?\s+for|press(?:es|ed)?\s+for|"
    r"propose|proposes|proposed|proposing|(?:will|would|to)\s+(?:study|consider)|"
    r"studying|considering)\s+"
    r"(?:[\w-]+\s+){0,4}$",
    re.I,
)


def _only_sought(m: InstrumentMention, ctx: Context) -> bool:
    """ "would seek readmission arrangements", "urged a ceasefire": an instrument
    sought, not made."""
    sought = _SOUGHT.search(ctx.text, max(0, m.start - 60), m.start)
    return bool(
        sought
        and (
            introduces(m.determiner, m.plural)
            # "The government would seek arrangements": the government's "the"
            or sought.start() > m.start - len(m.modifiers)
        )
        # "The proposed trade deal was abandoned": the one under negotiation
        and not _THE_PROPOSED.search(m.modifiers)
    )


_THE_PROPOSED = re.compile(r"^(?:the|this|that)\s+proposed\b")
# "with more than 70 countries", "with dozens of states": partners not named
_WITH_UNCOUNTED = re.compile(
    r"\s+with\s+(?:more\s+than|over|about|around|some|nearly|almost|at\s+least|"
    r"dozens|scores|\d|many|several|other|numerous)\b",
    re.I,
)


# "international treaties", "relevant conventions and protocols": the law a
# state invokes, no instrument of the story
_OF_LAW = re.compile(
    r"\b(?:international|existing|relevant|applicable)\s+(?:[\w-]+\s+(?:and|or)\s+)?$",
    re.I,
)
_TO_HAVE_SUCH = re.compile(
    r"\b(?:to\s+(?:have|sign|conclude|reach)|(?:has|have|had)\s+(?:never\s+)?"
    r"(?:had|signed|concluded))\s+such\s+an?\s+(?:[\w-]+\s+)?$",
    re.I,
)
_THE_NTH_SUCH = re.compile(r"\bthe\s+(?:[\w-]+\s+)?such\s+(?:[\w-]+\s+)?$", re.I)


def _of_the_kind(m: InstrumentMention, ctx: Context) -> bool:
    """ "the third such pact Japan has concluded", "the first state to have such
    a deal with the bloc": the kind of instrument, not one of the story."""
    before = ctx.text[max(0, m.start - 40) : m.start]
    return bool(_THE_NTH_SUCH.search(before) or _TO_HAVE_SUCH.search(before))


# a line pointing to another story: "READ MORE: Kenya, Uganda sign pipeline deal"
_PROMO = re.compile(
    r"\s*(?:read\s+more|also\s+read|read\s+also|see\s+also|related(?:\s+(?:news|"
    r"stories|articles?|coverage))?|recommended|more\s+on\s+this|you\s+may\s+also\s+"
    r"like|watch|listen)\s*[:|>»–-]",
    re.I,
)


def keep_mention(m: InstrumentMention, ctx: Context) -> bool:
    """Leave out domestic laws, company contracts, classes of instruments
    ("several Cold War-era treaties", "many agreements") and the headlines of
    other stories."""
    sentence = ctx.sentence_of(m.start)
    lexicon = ctx.lexicon
    if _PROMO.match(ctx.text, ctx.text.rfind("\n", 0, m.start) + 1):
        return False
    if _a_class(m, ctx) or _kinds_listed(m, ctx):
        return False
    if (
        m.plural
        and not m.key
        and not m.determiner
        and _OF_LAW.search(ctx.text, max(0, m.start - 60), m.start)
        and len(partner_list([m], ctx)) < 2
    ):
        return False  # "in accordance with international charters and accords"
    if not m.plural and not m.key and _of_the_kind(m, ctx):
        return False
    if (m.plural and not m.determiner and not m.key) and (
        # "similar arrangements with more than 70 countries", "has trade
        # agreements with over 15 partners": a class
        _WITH_UNCOUNTED.match(ctx.text, m.end)
        # "a deal on trade arrangements for Northern Ireland"
        or _SUBJECT_OF.search(ctx.text, max(0, m.start - 80), m.start)
    ):
        return False
    if _of_another(m, ctx):
        return False
    if not m.key and _NONE.search(ctx.text, max(0, m.start - 40), m.start):
        return False  # "announced no new agreement", "ended without a deal"
    if m.indefinite and _NOT_MADE.search(ctx.text, max(0, m.start - 60), m.start):
        return False
    if _only_sought(m, ctx):
        return False  # "would seek readmission arrangements": none made yet
    if m.indefinite and not m.key and _TO_EXTEND.match(ctx.text, m.end):
        return False  # "reached an agreement to extend the ceasefire": its extension
    if not m.key and not m.plural and _TO_TALK.match(ctx.text, m.end):
        return False  # "the agreement to resume the talks was reached": talks
    if not m.key and any(w in sentence.text for w in lexicon.domestic_markers):
        window = ctx.text[max(0, m.start - 60) : m.end + 60]
        if any(marker in window for marker in lexicon.domestic_markers) and not (
            law_acts(ctx.text[max(0, m.start - 60) : m.start], ctx)
        ):
            return False
    if not m.key and any(
        re.search(rf"\b{re.escape(c)}\b", sentence.text)
        for c in lexicon.company_markers
    ):
        actors = ctx.actors_in(sentence.start, sentence.end)
        if not [a for a in actors if not a.place and not a.weak]:
            return False
    return True


def _kinds_listed(m: InstrumentMention, ctx: Context) -> bool:
    """ "ratifying or signing separate conventions, agreements, treaties and
    optional protocols": kinds of instruments listed, none of them one."""
    return (
        m.plural
        and not m.key
        and bool(
            _KINDS_AFTER.match(ctx.text, m.end)
            or _KINDS_BEFORE.search(ctx.text, max(0, m.lead - 40), m.lead)
        )
        # (but "all protocols or memorandums relating to the deal" are its own)
        and not _ATTACHED_TO.match(ctx.text, m.end)
    )


def _a_class(m: InstrumentMention, ctx: Context) -> bool:
    """ "several treaties", "other arms control treaties": a class of
    instruments, not one; "such pacts with Australia and Britain" are one per
    partner, "several agreements, including one on ... and another on ..." one
    per subject."""
    lexicon = ctx.lexicon
    sentence = ctx.sentence_of(m.start)
    return (
        m.plural
        and not m.key
        and bool(
            lexicon.classes.search(m.modifiers)
            or (not m.determiner and lexicon.classes_before.search(m.modifiers))
        )
        and len(partner_list([m], ctx)) < 2
        and not ONE_AND_OTHER.match(ctx.text, m.end, sentence.end)
        and not _ATTACHED_TO.match(ctx.text, m.end)  # "... relating to the deal"
        # "Several documents were signed after the talks", "witnessed the signing
        # of several agreements": these, not a class
        and not ctx.lexicon.signed_passive.match(ctx.text, m.end)
        and not (
            _SIGNING_OF.search(ctx.text, max(0, m.lead - 30), m.lead)
            # (not "signed several MOUs with Arab countries": a class of partners)
            and not _WITH_A_CLASS.match(ctx.text, m.end)
        )
    )


# "with Arab countries", "with several partners": partners told as a class
_WITH_A_CLASS = re.compile(
    r"(?:\s+[\w-]+){0,3}?\s+with\s+(?:[\w-]+\s+){0,2}?(?:countries|states|nations|"
    r"partners|neighbou?rs|members|governments)\b",
    re.I,
)


_KINDS = (
    r"(?:conventions|agreements|treaties|protocols|accords|pacts|deals|memorand\w+)"
)
_KINDS_AFTER = re.compile(rf",?\s+(?:and\s+|or\s+)?(?:[\w-]+\s+)?{_KINDS}\b", re.I)
_KINDS_BEFORE = re.compile(rf"\b{_KINDS},?\s+(?:and\s+|or\s+)?(?:[\w-]+\s+)?$", re.I)
_SIGNING_OF = re.compile(
    r"\b(?:sign(?:ed|s)|inked|concluded|exchanged|signing\s+of)\s+$", re.I
)


_INSTRUMENT = (
    r"(?:treaty|agreement|accord|pact|deal|convention|protocol|memorandum|MoU)\b"
)
_ATTACHED_TO = re.compile(
    rf"(?:\s+or\s+[\w-]+)?\s+(?:relating|related|attached|annexed)\s+to\s+"
    rf"(?:the|this|that|its|their)\s+(?:[\w-]+\s+){{0,4}}?{_INSTRUMENT}",
    re.I,
)
_TO_EXTEND = re.compile(r"\s+to\s+(?:extend|renew|prolong)\b")
_TO_TALK = re.compile(
    r"\s+to\s+(?:resume|hold|continue|start|launch|restart|open|begin|keep)\s+"
    r"(?:the\s+|their\s+|formal\s+|direct\s+)?(?:talks|negotiations|dialogue)\b"
)
# what another instrument is about: "a deal on", "an agreement regarding"
_SUBJECT_OF = re.compile(
    r"\b(?:deal|agreement|accord|pact|treaty|memorandum|MoU)\s+(?:\S+\s+){0,2}?"
    r"(?:on|over|about|regarding|concerning|for)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$",
    re.I,
)
_OF_INSTRUMENT = re.compile(
    rf"\s+of\s+(?:the|this|that|its|their|an?)\s+(?:[\w-]+\s+){{0,4}}?{_INSTRUMENT}",
    re.I,
)


def _of_another(m: InstrumentMention, ctx: Context) -> bool:
    """A noun that tells of another instrument, not one of its own: "under the
    framework of the treaty", "reached an agreement on the draft of a memorandum"
    (which agreed that memorandum)."""
    if m.key:
        return False
    if m.text.lower() == "framework":
        return bool(_OF_INSTRUMENT.match(ctx.text, m.end))
    return (
        m.indefinite
        and bool(_REACHED.search(ctx.text, max(0, m.start - 30), m.start))
        and bool(_ON_INSTRUMENT.match(ctx.text, m.end))
    )


_REACHED = re.compile(r"\b(?:reach\w*|came\s+to|come\s+to)\s+an?\s+$", re.I)
_ON_INSTRUMENT = re.compile(
    r"\s+(?:on|over|about)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?(?:of\s+)?(?:an?|the)\s+"
    rf"(?:[\w-]+\s+){{0,3}}?{_INSTRUMENT}",
    re.I,
)
_YEAR_AFTER = re.compile(
    r"\s+(?:from|of|dating\s+from|dated)\s+((?:19|20)\d\d)\b(?![-/])"
)


def refine_mention(m: InstrumentMention, ctx: Context) -> None:
    """Kind and year label that only the words around a mention give."""
    text = ctx.text
    if re.match(r"\s+to\s+(?:formally\s+)?normali[sz]e", text[m.end : m.end + 40]):
        m.kind = "normalization"
    after = _YEAR_AFTER.match(text, m.end)
    if after and not m.year_label:
        m.year_label = after.group(1)  # "a trade accord from 1998"
    anniversary = _ANNIVERSARY.search(words_between(text, m.start - 70, m.start))
    if anniversary:
        m.year_label = str(ctx.article.published.year - int(anniversary.group(1)))
