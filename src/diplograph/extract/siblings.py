"""What an article's other instruments say of one: the day they were all
signed, the pair every one is between; and one graph node for each
instrument, however alike two are.
"""

from __future__ import annotations

import re
from dataclasses import replace

from diplograph.extract.concerns import names_a_group
from diplograph.extract.dates import of_the_week
from diplograph.extract.lexicon import Lexicon
from diplograph.model import AgreementFact, Article, Because


def one_node_each(facts: list[AgreementFact]) -> list[AgreementFact]:
    """Two instruments alike in kind, parties, day and topics, first told in one
    sentence ("signed an agreement on allied relations and an agreement on
    demarcating the border"), would be one node of the graph, which names an
    unnamed instrument by those and its first sentence: the later one is
    named by another of its sentences, when it has one."""
    seen: set[tuple[object, ...]] = set()
    kept = []
    for fact in facts:
        for first in fact.evidence or (None,):
            rest = tuple(e for e in fact.evidence if e is not first)
            told = replace(fact, evidence=(first, *rest)) if first else fact
            if _identity_key(told) not in seen:
                fact = told
                break
        seen.add(_identity_key(fact))
        kept.append(fact)
    return kept


def _identity_key(fact: AgreementFact) -> tuple[object, ...]:
    """What :func:`~diplograph.iri.agreement_iri` tells an unnamed instrument by."""
    first = fact.evidence[0].quote if fact.evidence else None
    return (fact.name, fact.kind, fact.parties, fact.signed, fact.topics, first)


# steps one state takes on its own
_ONE_STATE_S = frozenset({"ratified", "withdrawn", "suspended"})


def same_pair(
    facts: list[AgreementFact], article: Article, lexicon: Lexicon
) -> list[AgreementFact]:
    """ "Malaysia and Indonesia signed two treaties ... the agreements settled
    Malaysia's disputes": where every instrument with several parties has the
    same ones, an instrument of the news with one of them alone has them all."""
    pairs = {f.parties for f in facts if len(f.parties) > 1}
    if len(pairs) != 1:
        return facts
    pair = pairs.pop()
    year = str(article.published.year)
    paired = []
    for fact in facts:
        if (
            len(fact.parties) != 1
            or fact.parties[0] not in pair
            or (fact.signed or year)[:4] != year
            # "In 2023, Armenia ratified the Rome Statute": one state's own step,
            # of another time
            or any(
                e.date and e.date[:4] != year and e.type in _ONE_STATE_S
                for e in fact.events
            )
            or set(fact.concerns) & set(pair)  # "with Somaliland": about Somalia
            # "the government and the M23 rebel group signed": with no state
            or any(names_a_group(e.quote, lexicon) for e in fact.evidence)
        ):
            paired.append(fact)
            continue
        rule = "the parties of every other instrument of the article"
        because = tuple(
            Because(f"party {code}", "agreements", rule, evidence)
            for code in pair
            if code not in fact.parties
            for evidence in fact.evidence[:1]
        )
        paired.append(replace(fact, parties=pair, because=fact.because + because))
    return paired


def same_occasion(facts: list[AgreementFact], article: Article) -> list[AgreementFact]:
    """ "signed 24 MoUs on Monday ... We signed a framework agreement on water":
    an instrument signed, without a date, in an article whose instruments of the
    week were all signed on one day, was signed that day too."""
    days = {
        f.signed for f in facts if f.signed and of_the_week(f.signed, article.published)
    }
    if len(days) != 1:
        return facts
    day = days.pop()
    dated = []
    for fact in facts:
        undated = [
            e
            for e in fact.events
            if e.type == "signed"
            and not e.date
            # "signed in Madrid last week": told as another day, just not which
            and not any(_SOME_DAY.search(x.quote) for x in e.evidence)
            # "launched in 2016 under a framework agreement signed by ...":
            # told in another year
            and not any(
                year != day[:4]
                for x in e.evidence
                for year in re.findall(r"\b(?:19|20)\d\d\b", x.quote)
            )
        ]
        if fact.signed or not undated:
            dated.append(fact)
            continue
        signing = replace(undated[0], date=day)
        events = tuple(signing if e is undated[0] else e for e in fact.events)
        rule = "signed the day the article's other instruments were"
        because = tuple(
            Because(f"event signed@{day}", "agreements", rule, evidence)
            for evidence in undated[0].evidence[:1]
        )
        dated.append(
            replace(fact, signed=day, events=events, because=fact.because + because)
        )
    return dated


_SOME_DAY = re.compile(
    r"\b(?:(?:last|previous|past)\s+week|recently|the\s+other\s+day|earlier|"
    # "months after Turkey and Libya signed a similar accord"
    r"(?:days|weeks|months|years)\s+(?:after|before|ago|earlier))\b",
    re.I,
)
