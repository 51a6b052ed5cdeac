"""Keep what is right, report what is wrong: which extracted facts an article's
violations are about, and the article without them.

A violation names a node of the article's graph (its focus), and often a path
and a value. Every node was minted in :mod:`diplograph.iri` from the facts, so
minting them again from :class:`~diplograph.model.ArticleFacts` says which
fact each one came from: an agreement (or its resolution), an event, an
evidence span, a party. :func:`locate` turns the violations into the smallest
facts to leave out (an event, a date, a party, a topic; an agreement only when
the violation is about the agreement node itself and nothing smaller fixes
it), :func:`without` leaves them out, and :func:`keep_conforming` rebuilds and
revalidates, a bounded number of rounds, until the graph conforms or there is
nothing left worth storing. Why each fact was dropped is told in the shapes'
own words for people, ``dgs:factMessage``, next to their ``sh:message``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from rdflib import Graph, Literal, URIRef

from diplograph.build import agreement_label
from diplograph.iri import (
    article_iri,
    event_iri,
    evidence_iri,
    party_iri,
    resolution_iri,
)  # fmt: skip
from diplograph.model import AgreementFact, ArticleFacts, Dropped, Resolution
from diplograph.namespaces import DGS, topic_iri
from diplograph.validate import Problem, ValidationReport, load_shapes

ROUNDS = 3  # rebuilds at most: dropping a party may leave an agreement without one
# the fields of an agreement that a violation of the agreement node may name
FIELD_PATHS = {"signingDate": "signed", "party": "party", "concerns": "concerns",
               "topic": "topic", "alias": "alias", "name": "name"}  # fmt: skip
CODE_FIELDS = ("party", "concerns")


@dataclass(frozen=True)
class Built:
    """An article's facts as resolved, built and validated."""

    resolutions: Sequence[Resolution]
    graph: Graph
    report: ValidationReport


@dataclass(frozen=True)
class Cut:
    """One fact to leave out of agreement number ``agreement``: the whole
    ``agreement``, an ``event`` (``item``: its index), an ``event_date``, an
    ``actor`` (``value``: its code) of an event, the ``signed`` date, a
    ``party`` or ``concerns`` code, a ``code`` wherever it appears, a
    ``topic``, an ``alias``, the ``name`` or an ``evidence`` span."""

    agreement: int
    field: str
    item: int | None = None
    value: str | None = None


Where = tuple[int, str, int | None, str | None]  # agreement, node kind, index, code


def _nodes(
    facts: ArticleFacts, resolutions: Sequence[Resolution]
) -> dict[str, list[Where]]:
    """Every node the facts mint, with the fact it comes from."""
    article = article_iri(facts.article)
    nodes: dict[str, list[Where]] = {}

    def add(iri: URIRef, where: Where) -> None:
        nodes.setdefault(str(iri), []).append(where)

    for i, (fact, resolution) in enumerate(
        zip(facts.agreements, resolutions, strict=True)
    ):
        agreement = URIRef(resolution.agreement)
        add(agreement, (i, "agreement", None, None))
        add(resolution_iri(article, agreement), (i, "resolution", None, None))
        for j, event in enumerate(fact.events):
            add(event_iri(agreement, event.type, event.date), (i, "event", j, None))
            for span in event.evidence:
                add(evidence_iri(article, span.start, span.end), (i, "event", j, None))
        for k, span in enumerate(fact.evidence):
            add(evidence_iri(article, span.start, span.end), (i, "evidence", k, None))
        actors = {code for event in fact.events for code in event.actors}
        for code in sorted({*fact.parties, *fact.concerns, *actors}):
            add(party_iri(code), (i, "code", None, code))
    return nodes


def _cut(problem: Problem, where: Where, fact: AgreementFact) -> Cut:
    """The smallest fact that leaving out answers ``problem`` at ``where``."""
    i, kind, index, code = where
    path, value = problem.path, problem.value
    if kind == "event":
        if path == "date":
            return Cut(i, "event_date", index)
        if path == "by" and value:
            return Cut(i, "actor", index, value.rsplit("/", 1)[-1])
        return Cut(i, "event", index)
    if kind in ("code", "evidence"):
        return Cut(i, kind, index, code)
    if kind == "agreement":
        if problem.shape == "dgs:PartyNotConcernedShape" and value:
            return Cut(i, "concerns", value=value.rsplit("/", 1)[-1])
        if problem.shape == "dgs:AgreementSignedBeforePublicationShape":
            return Cut(i, "signed")
        field = FIELD_PATHS.get(path or "")
        if field == "signed" or field == "name":
            return Cut(i, field)
        if field in CODE_FIELDS and value:
            return Cut(i, field, value=value.rsplit("/", 1)[-1])
        if field == "topic" and value:
            topic = next((t for t in fact.topics if str(topic_iri(t)) == value), None)
            if topic is not None:
                return Cut(i, "topic", value=topic)
        if field == "alias" and value:
            return Cut(i, "alias", value=value)
    return Cut(i, "agreement")


def locate(facts: ArticleFacts, built: Built) -> dict[Cut, Problem] | None:
    """The facts the violations of ``built`` are about, each with the first
    violation naming it; None when one is about no fact (the article node)."""
    nodes = _nodes(facts, built.resolutions)
    cuts: dict[Cut, Problem] = {}
    for problem in built.report.violations:
        places = nodes.get(problem.node)
        if not places:
            return None
        for where in places:
            cuts.setdefault(_cut(problem, where, facts.agreements[where[0]]), problem)
    return cuts or None


def without(facts: ArticleFacts, cuts: Sequence[Cut]) -> ArticleFacts:
    """``facts`` with the facts of ``cuts`` left out."""
    kept = []
    for i, fact in enumerate(facts.agreements):
        mine = [cut for cut in cuts if cut.agreement == i]
        if not any(cut.field == "agreement" for cut in mine):
            kept.append(_without(fact, mine) if mine else fact)
    return replace(facts, agreements=tuple(kept))


def _without(fact: AgreementFact, cuts: list[Cut]) -> AgreementFact:
    def named(*fields: str) -> set[str | None]:
        return {cut.value for cut in cuts if cut.field in fields}

    def indexes(field: str) -> set[int | None]:
        return {cut.item for cut in cuts if cut.field == field}

    codes, gone, undated = named("code"), indexes("event"), indexes("event_date")
    actors = {(cut.item, cut.value) for cut in cuts if cut.field == "actor"}
    events = tuple(
        replace(
            event,
            date=None if j in undated else event.date,
            actors=tuple(
                a for a in event.actors if a not in codes and (j, a) not in actors
            ),
        )
        for j, event in enumerate(fact.events)
        if j not in gone
    )
    fields = {cut.field for cut in cuts}
    return replace(
        fact,
        parties=tuple(c for c in fact.parties if c not in named("party", "code")),
        concerns=tuple(c for c in fact.concerns if c not in named("concerns", "code")),
        topics=tuple(t for t in fact.topics if t not in named("topic")),
        aliases=tuple(a for a in fact.aliases if a not in named("alias")),
        name=None if "name" in fields else fact.name,
        signed=None if "signed" in fields else fact.signed,
        events=events,
        evidence=tuple(
            s for k, s in enumerate(fact.evidence) if k not in indexes("evidence")
        ),
    )


def keep_conforming(
    facts: ArticleFacts, built: Built, rebuild: Callable[[ArticleFacts], Built],
    *, rounds: int = ROUNDS,
) -> tuple[ArticleFacts, Built, tuple[Dropped, ...]] | None:  # fmt: skip
    """Leave out the facts the violations are about, rebuild and revalidate,
    at most ``rounds`` times; the facts kept, their graph and what was dropped,
    or None when the article cannot conform without losing all its agreements
    (or a violation is about no fact of it)."""
    dropped: list[Dropped] = []
    for _ in range(rounds):
        cuts = locate(facts, built)
        if cuts is None:
            return None
        dropped += [explain(facts, cut, problem) for cut, problem in cuts.items()]
        facts = without(facts, list(cuts))
        if not facts.agreements:
            return None
        built = rebuild(facts)
        if built.report.conforms:
            return facts, built, tuple(dropped)
    return None


# --- what was dropped, in words -------------------------------------------------


def explain(facts: ArticleFacts, cut: Cut, problem: Problem) -> Dropped:
    """A dropped fact as a person reads it: which, of what, why, from where."""
    fact = facts.agreements[cut.agreement]
    event = fact.events[cut.item] if cut.item is not None and cut.field in (
        "event", "event_date", "actor") else None  # fmt: skip
    if event is not None:
        when = f"@{event.date}" if event.date else ""
        name = {
            "event": f"{event.type}{when}",
            "event_date": f"date {event.date} of {event.type}",
            "actor": f"{cut.value} as the one who {event.type}",
        }[cut.field]
        sentence = event.evidence[0].quote if event.evidence else None
    else:
        name = _fact_name(fact, cut)
        sentence = _sentence(fact, name)
    return Dropped(
        fact=name,
        agreement=agreement_label(fact),
        reason=_reason(problem, cut),
        sentence=" ".join(sentence.split()) if sentence else None,
        shape=problem.shape,
    )


def _fact_name(fact: AgreementFact, cut: Cut) -> str:
    if cut.field == "agreement":
        return "agreement"
    if cut.field == "signed":
        return f"signing date {fact.signed}"
    if cut.field == "name":
        return f"name '{fact.name}'"
    if cut.field == "alias":
        return f"alias '{cut.value}'"
    if cut.field == "evidence" and cut.item is not None:
        return f"sentence '{fact.evidence[cut.item].quote}'"
    word = {"code": "party", "concerns": "concerns"}.get(cut.field, cut.field)
    return f"{word} {cut.value}"


def _sentence(fact: AgreementFact, name: str) -> str | None:
    """The sentence of the agreement's evidence that holds the words ``name``
    (as ``extract --explain`` names facts) rest on, else its first."""
    words = next((b.evidence for b in fact.because if b.fact == name), None)
    if words is not None:
        for span in fact.evidence:
            if span.start <= words.start < span.end:
                return span.quote
    return fact.evidence[0].quote if fact.evidence else None


def _reason(problem: Problem, cut: Cut) -> str:
    template = fact_messages().get(problem.shape)
    if template is None:
        return f"it breaks the rule '{problem.shape_name or problem.shape}'"
    kind = problem.kind if problem.kind not in ("node", "agreement") else "event"
    article = "an" if kind[:1] in "aeiou" else "a"
    value = cut.value or (problem.value or "").rsplit("/", 1)[-1]
    return template.replace("{event}", f"{article} {kind}").replace("{value}", value)


@lru_cache(maxsize=1)
def fact_messages() -> dict[str, str]:
    """Each shape's ``dgs:factMessage``, by the shape's name as reports give it
    (``dgs:EventAfterSigningShape``)."""
    return {
        f"dgs:{str(shape)[len(str(DGS)) :]}": str(message)
        for shape, message in load_shapes().subject_objects(DGS.factMessage)
        if isinstance(message, Literal) and str(shape).startswith(str(DGS))
    }


__all__ = ["Built", "Cut", "explain", "keep_conforming", "locate", "without"]
