"""Whether an event verb's step happened to the instrument at all.

A verb found near an instrument may tell of something else: "talks on the
agreement were suspended", "a summit that ended on Monday", "will take effect
once both parliaments ratify it" (a condition), "is renewed annually" (how it
works), "the treaty failed to reflect" (no collapse). :func:`not_an_event`
reads the words around the verb, :func:`verb_scope` those that can negate or
qualify it; :mod:`diplograph.extract.events` keeps the steps that pass.
"""

from __future__ import annotations

import re

from diplograph.extract.acts import about_something_else, law_acts
from diplograph.extract.clauses import VerbHit
from diplograph.extract.context import Context
from diplograph.extract.dates import CALENDAR_WORD
from diplograph.extract.text import words_between
from diplograph.gazetteer import load_gazetteer


def verb_scope(hit: VerbHit, ctx: Context) -> tuple[str, str]:
    """The words before a verb that can negate or qualify it: the 45 characters
    before it, and those of its clause when shorter."""
    text, sentence = ctx.text, hit.sentence
    window = words_between(text, max(sentence.start, hit.start - 45), hit.start)
    clause = text[ctx.clause_start(sentence, hit.start) : hit.start]
    scope = window if len(window) < len(clause) else clause
    # a parenthetical between commas ("The pact, due to expire on Friday, was
    # extended") neither negates nor qualifies the verb after it
    if scope.count(",") >= 2:
        scope = scope.rsplit(",", 1)[-1]
    # "a deal allowing travel without visas came into force": "without" negates
    # a doing ("without signing it"), not a thing
    scope = _WITHOUT_A_THING.sub(" ", scope)
    own = _own_clause(hit, ctx)
    if own is not None:
        # "will supply power under a pact signed on Monday": done; "has not
        # ratified the treaty it signed with Ghana": signed
        scope = own
    return window, scope


# after an instrument's noun, a clause of its own: "a pact signed on Monday",
# "the treaty it signed", "the deal that Peru has signed"
_OWN_CLAUSE = re.compile(
    r"s?,?\s+(?:(?:that|which)\s+)?(?:(?:it|they|we|[A-Z][\w'’.-]*)\s+)?"
    r"(?:has\s+|have\s+|had\s+)?"
)


def _own_clause(hit: VerbHit, ctx: Context) -> str | None:
    """The words of the verb's own clause when it opens right after an
    instrument's noun, whatever the mood or negation of the sentence around it
    (a participle alone, or a verb with its own subject)."""
    text = ctx.text
    if not text[hit.start : hit.end].endswith("ed"):
        return None
    start = max(hit.sentence.start, hit.start - 40)
    nouns = list(ctx.lexicon.kind_pattern.finditer(text, start, hit.start))
    if nouns and _OWN_CLAUSE.fullmatch(text, nouns[-1].end(), hit.start):
        return text[nouns[-1].end() : hit.start]
    return None


_WITHOUT_A_THING = re.compile(r"\bwithout\s+(?!\w+ing\b)", re.I)


# a relative clause about something other than an instrument
_OTHER_ANTECEDENT = re.compile(
    r"\b(?:summit|meeting|talks|visit|conference|session|war|conflict|ceremony|forum|"
    r"fighting|crisis|dispute|standoff|mission|occupation|year|decade|period|era)s?"
    r"\s+(?:in\s+[A-Z][\w-]*\s+)?,?\s*(?:that|which)\s+(?:has\s+|had\s+|was\s+)?$",
    re.I,
)
_CONDITION = re.compile(
    r"\b(?:after|once|when|until|unless|if|before)\s+(?:it|they|the\s+[\w-]+|both\s+sides)\s+"
    r"(?:is|are|has\s+been|have\s+been|can\s+be|could\s+be)\s+$",
    re.I,
)
# "will take effect once both parliaments ratify it": a step in the present
# after a conjunction of time is a condition ("after both ratified it" is not)
_CONDITION_PRESENT = re.compile(
    r"\b(?:after|once|until|unless|if|when)\s+(?:[\w-]+\s+){1,3}$", re.I
)
_HAD_BEEN_DUE = re.compile(
    r"\bhad\s+been\s+(?:due|scheduled|set|expected|supposed|meant)\s+to\s+$", re.I
)
# after a step's noun and what it is of: it has not happened
_NOT_DONE_AFTER = re.compile(
    r"(?:\s+of\s+(?:[\w'’-]+\s+){0,7}?[\w'’-]+)?(?:,[^,]{1,80},)?\s+(?:has\s+|had\s+)?"
    r"(?:stalled|languished|faltered|(?:is|was|remains|remained)\s+(?:still\s+)?"
    r"(?:pending|awaited|outstanding|stalled|blocked|on hold))\b"
)
# "was due to expire", "initially set to expire on Monday" (then extended)
_WAS_DUE = re.compile(
    r"\b(?:(?:was|were)\s+(?:due|set|scheduled)|initially\s+(?:due|set|scheduled))"
    r"\s+to\s+$",
    re.I,
)
# "passed a bill suspending ...": a law, then what it does
_LAW = re.compile(
    r"[^.;]{0,40}\b(?:bill|law|decree|resolution|legislation)\s+"
    r"((?:[\w-]+\s+){0,3}[\w-]+)",
    re.I,
)
_PAST_PASSIVE = re.compile(r"\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+$")
_FAILED_TO_AGREE = re.compile(
    r"\b(?:failed|fail|fails|failing|unable|could\s+not|couldn't)\s+to\s+"
    r"(?:agree|decide|reach\s+(?:an\s+)?agreement)\s+(?:on|upon|over)\s+"
    r"(?:its|their|the|a)\s+(?:[\w-]+\s+)?$",
    re.I,
)
# between a noun of failure and the instrument it is of
_OF_THE = re.compile(r"\s+of\s+(?:(?:the|an?|its|their)\s+)?(?:[\w'’-]+\s+){0,3}")


def not_an_event(hit: VerbHit, etype: str, window: str, ctx: Context) -> bool:
    """Whether the words around the verb say its step did not happen to the
    instrument: something else acted, a condition, a name, a habit, a verb
    told of the talks or of another antecedent."""
    return (
        about_something_else(hit, etype, ctx)
        or _not_yet(hit, etype, window, ctx)
        or _of_another(hit, etype, ctx)
        or (etype == "ratified" and joins_a_body(hit, ctx))
        # "After the signing ceremony, the two leaders held talks": not on it
        or (
            etype == "negotiation"
            and bool(_AFTER_SIGNING.search(ctx.text, hit.sentence.start, hit.start))
        )
        or (etype == "failed" and _not_its_failure(hit, window, ctx))
        # "lapsed after the two sides failed to agree on its renewal"
        or (etype == "extended" and bool(_FAILED_TO_AGREE.search(window[-60:])))
    )


_AFTER_SIGNING = re.compile(
    r"\b(?:after|following)\s+(?:the\s+)?(?:signing|sign(?:ed|ature))\b[^.;]*$", re.I
)


def joins_a_body(hit: VerbHit, ctx: Context) -> bool:
    """ "Ukraine's NATO accession", "acceded to the WTO": joining an
    organization, no step of an instrument."""
    if not re.match(r"(?i)acce", ctx.text[hit.start : hit.end]):
        return False
    is_body = load_gazetteer().is_organization
    before = ctx.actors_in(max(0, hit.start - 12), hit.start)
    after = _TO_THE.match(ctx.text, hit.end)
    return any(is_body(a.code) and not ctx.text[a.end : hit.start].strip()
               for a in before) or bool(
        after
        and any(
            is_body(a.code) and a.start == after.end()
            for a in ctx.actors_in(after.end(), after.end() + 60)
        )
    )  # fmt: skip


_TO_THE = re.compile(r"\s+(?:to|into)\s+(?:the\s+)?")


# a step halted before it happened: "suspended the termination", "put its
# withdrawal on hold", "the countdown to the termination"
_HALTED = re.compile(
    r"\b(?:(?:suspend|halt|revers|freez|froze|delay|postpon|shelv|revok|cancel)\w*"
    r"|put|countdown\s+to)\s+(?:the\s+|its\s+|their\s+)?$",
    re.I,
)


_PLEDGED_TO = re.compile(
    r"\b(?:committed|pledged|vowed|aim(?:ed|ing)?|look(?:ing)?\s+forward|call(?:ed)?\s+for|"
    r"urged?)\s+(?:to\s+)?(?:the\s+|its\s+|their\s+|a\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)


def _not_yet(hit: VerbHit, etype: str, window: str, ctx: Context) -> bool:
    """A condition, a postponement, a step due that no longer is, a process
    under way."""
    text, sentence = ctx.text, hit.sentence
    verb = text[hit.start : hit.end]
    before = max(sentence.start, hit.start - 40)
    clause = text[ctx.clause_start(sentence, hit.start) : hit.start]
    after = text[hit.end : sentence.end]
    a_noun = bool(re.fullmatch(r"\w+(?:ion|al)", verb))  # "its ratification"
    if re.search(r"\bonly\s+(?:after|once|when|if)\b", window) or _CONDITION.search(
        text, before, hit.start
    ):
        # "will normalise ties only after the treaty is signed", "will take
        # effect after it is ratified by six members": a condition
        return True
    if not re.search(r"(?:ed|ing|[^s]s)$", verb, re.I) and _CONDITION_PRESENT.search(
        text, before, hit.start
    ):
        return True
    if _HAD_BEEN_DUE.search(text, before, hit.start):
        return True  # "had been due to expire in February": it no longer is
    if etype == "terminated" and _WAS_DUE.search(text, before, hit.start):
        return True  # "the truce was due to expire on Friday" (then extended)
    if verb.lower().endswith("ing") and _WEIGHED.search(text, before, hit.start):
        return True  # "recommended withdrawing from the treaty": not done
    if re.match(
        r"[^.;]{0,80}?\b(?:if|unless)\s", after
    ) and ctx.lexicon.modality.search(window):
        return True  # "would withdraw from the treaty if Togo broke it": a condition
    if re.match(
        r"[^.;]{0,60}\b(?:postponed|delayed|put off|called off|shelved|on hold)\b",
        after,
    ) or (
        # "ratification stalled in Congress", "its ratification is still pending"
        a_noun
        and _NOT_DONE_AFTER.match(text, hit.end, min(sentence.end, hit.end + 120))
    ):
        return True
    if re.search(r"\b(?:almost|nearly)\s+$", text[before : hit.start]):
        return True  # "almost reached a peace deal in October": it did not
    if a_noun and _PLEDGED_TO.search(text, before, hit.start):
        return True  # "committed to the swift ratification of the FTA": to come
    if a_noun and _HALTED.search(text, before, hit.start):
        return True  # "suspended the termination of the agreement": it goes on
    if (
        etype == "ratified"
        and re.match(r"\s+(?:process|procedures?|bills?|debates?)\b", after)
        and not re.search(r"\b(?:complet|conclud|finish)\w*\s+(?:\w+\s+){0,2}$", clause)
    ):
        return True  # "launching the ratification process": not ratified yet
    return (
        etype == "terminated"
        and bool(re.search(r"\bdue\s+to\s+$", window))
        and any(t == "extended" for t, _, _ in ctx.verbs(sentence))
    )  # "the deal, due to expire on Friday, was extended": it was not


def _of_another(hit: VerbHit, etype: str, ctx: Context) -> bool:
    """The verb tells of another instrument, of a law, a war, a summit, of how
    the instrument works, or of a feeling about it."""
    text, sentence = ctx.text, hit.sentence
    verb = text[hit.start : hit.end]
    after = text[hit.end : sentence.end]
    if re.match(r"\s+(?:a\s+new\s+|another\s+)?one\s+(?:with|between)\b", after):
        return True  # "has treaties with five states and is negotiating one with
        # the UAE": another instrument
    if (
        verb.lower().endswith("ing")
        and re.search(
            r"\b(?:about|against|of|on|over|from|for)\s+$",
            text[max(sentence.start, hit.start - 9) : hit.start],
        )
        # "began the process of withdrawing": the withdrawal under way
        and not _PROCESS_BEGUN.search(
            text, max(sentence.start, hit.start - 60), hit.start
        )
    ):
        return True  # "sentiment about signing such a pact"
    law = _LAW.match(after) if etype == "ratified" else None
    if law and law_acts(law.group(1), ctx, but="ratified"):
        return True  # "passed a bill suspending the agreement": a suspension
    if etype == "terminated" and re.match(r"\s+(?:with|in)\s+(?:an?|the)\s", after):
        return True  # "a war that ended with (in) a ceasefire": the war ended
    if _OTHER_ANTECEDENT.search(text, max(sentence.start, hit.start - 40), hit.start):
        return True  # "at a summit in Lome that ended on Monday": the summit did
    # "is renewed annually unless...": how it works, not what happened (but
    # "was renewed automatically on Monday" happened)
    return bool(
        re.match(
            r"\s+(?:\w+\s+){0,2}(?:annually|every year|each year|automatically|"
            r"unless)\b",
            after[:40],
        )
    ) and not _PAST_PASSIVE.search(text, max(sentence.start, hit.start - 20), hit.start)


_WEIGHED = re.compile(
    r"\b(?:recommend|propos|suggest|consider|mull|weigh|discuss|debat|explor|urg|"
    r"advocat|contemplat)\w*\s+(?:formally\s+|possibly\s+)?$",
    re.I,
)
_PROCESS_BEGUN = re.compile(
    r"\b(?:began|begun|begins|started|starts|launched|launches|initiated|initiates|"
    r"triggered|triggers)\s+(?:the\s+|its\s+|a\s+)?(?:formal\s+)?process\s+of\s+$",
    re.I,
)


_RELATIVE_BEFORE = re.compile(r"\b(?:which|that)\s*$")


# (not "failed Monday", "failed in March": when)
_FAILED_SOMEONE = re.compile(
    rf"\s+(?!{CALENDAR_WORD}|last\b|this\b|earlier\b)"
    r"(?:the|its|their|his|her|our|us|them|him|me|you|[A-Z])"
)


def _not_its_failure(hit: VerbHit, window: str, ctx: Context) -> bool:
    """ "The treaty failed to reflect ...", "Russia failed to comply": no
    collapse of the instrument."""
    text, lexicon, sentence = ctx.text, ctx.lexicon, hit.sentence
    if lexicon.failure_before.search(window[-25:]):
        return False
    verb = text[hit.start : hit.end]
    start = ctx.clause_start(sentence, hit.start)
    after = text[hit.end : sentence.end]
    if re.match(r"\s+to\s", after[:4]):
        return True  # "the treaty failed to reflect ...": no collapse
    if verb.lower() == "failed" and _FAILED_SOMEONE.match(after):
        return True  # "the pact had failed the country": let it down
    if verb.lower().startswith("abandon"):
        return False  # "Ghana abandoned the pact": its object failed
    named = lexicon.kind_pattern.search(after, 0, 70)
    if named and _OF_THE.fullmatch(after, 0, named.start()):
        return False  # "the collapse of the ceasefire": the instrument's failure
    # "a pact that collapsed", "the pact, which collapsed": its noun before
    begins = (
        max(sentence.start, start - 30)
        if _RELATIVE_BEFORE.search(text, max(0, start - 20), start)
        else start
    )
    subject = text[begins : hit.start]
    # "Russia failed to comply": the party failed, not the instrument (nor its
    # name's: "an attempt to conclude GSOMIA collapsed")
    return (
        not lexicon.kind_pattern.search(subject)
        and not re.search(r"\b(?:talks|negotiations|attempts?|it)\b", subject)
        and not any(begins <= a and b <= hit.start for a, b in ctx.names)
    )
