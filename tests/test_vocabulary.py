"""One vocabulary: the ontology's codes (diplograph.vocabulary) against the
lexicon, the shapes, the facts format and the query parameters.

A new kind of agreement is a class with a skos:notation in the ontology, its
nouns in the lexicon and a test case; these tests fail when one of the other
places disagrees with the ontology.
"""

from __future__ import annotations

from datetime import date

import pytest
from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.collection import Collection

from diplograph.build import build_graph
from diplograph.extract.lexicon import load_lexicon
from diplograph.facts import graph_to_facts
from diplograph.model import AgreementFact, Article, ArticleFacts, Event
from diplograph.namespaces import DG, DGS, topic_iri
from diplograph.queries import VOCABULARIES
from diplograph.reason import AGREEMENT_CLASSES
from diplograph.resources import resource_dir
from diplograph.vocabulary import FAMILIES, vocabulary

SH = Namespace("http://www.w3.org/ns/shacl#")
VOCABULARY = vocabulary()
KINDS = VOCABULARY.codes("kind")
EVENTS = VOCABULARY.codes("event")
TOPICS = VOCABULARY.codes("topic")


def test_the_ontology_gives_the_guidelines_codes_in_order() -> None:
    assert KINDS == (
        "treaty", "convention", "protocol", "agreement", "accord", "pact", "deal",
        "arrangement", "memorandum_of_understanding", "joint_statement",
        "declaration", "ceasefire", "normalization",
    )  # fmt: skip
    assert EVENTS == (
        "negotiation", "agreed", "signed", "ratified", "in_force", "implemented",
        "extended", "suspended", "withdrawn", "terminated", "failed",
    )  # fmt: skip
    assert len(TOPICS) == 29 and TOPICS[0] == "intelligence_sharing"
    assert VOCABULARY.kind_class("agreement") == DG.GeneralAgreement
    assert VOCABULARY.event_class("agreed") == DG.Conclusion
    assert VOCABULARY.kind_word("memorandum_of_understanding") == (
        "memorandum of understanding"
    )
    assert VOCABULARY.kind_of(str(DG.Treaty)) == "treaty"
    assert VOCABULARY.kind_of(str(DG.Agreement)) is None
    assert VOCABULARY.event_of(str(DG.EntryIntoForce)) == "in_force"


def test_topic_concepts_follow_the_naming_rule() -> None:
    for topic in VOCABULARY.topics:
        assert topic.iri == topic_iri(topic.code)
        assert VOCABULARY.topic_of(str(topic.iri)) == topic.code


def test_families_name_kinds() -> None:
    assert set(FAMILIES) <= set(KINDS)
    assert VOCABULARY.family("treaty") == VOCABULARY.family("deal") == "instrument"
    assert VOCABULARY.family("declaration") == "statement"


def test_query_parameters_take_the_vocabulary() -> None:
    assert VOCABULARIES == {
        "kind": KINDS, "topic": TOPICS, "event": EVENTS,
        "class": tuple(AGREEMENT_CLASSES),  # what `reason` classifies
    }  # fmt: skip


def test_the_lexicon_uses_only_known_codes() -> None:
    lexicon = load_lexicon()
    # every kind has nouns and a place in the priority order, and nothing else does
    assert sorted(lexicon.kind_priority) == sorted(KINDS)
    assert {kind for _, kind in lexicon.kind_nouns} == set(KINDS)
    assert {kind for _, kind in lexicon.name_heads} <= set(KINDS)
    assert set(lexicon.object_kinds.values()) <= set(KINDS)
    assert {event for _, event in lexicon.event_patterns} <= set(EVENTS)
    # every topic has keywords
    assert {topic for _, topic in lexicon.topic_keywords} == set(TOPICS)
    assert set(lexicon.topics_by_kind) <= set(KINDS)
    assert {t for ts in lexicon.topics_by_kind.values() for t in ts} <= set(TOPICS)
    for instrument in lexicon.instruments:
        assert instrument.kind in KINDS, instrument.id
        assert set(instrument.topics) <= set(TOPICS), instrument.id


def _shape_list(shape: URIRef) -> list[URIRef]:
    """The sh:in list of a vocabulary shape (directly or in its qualified shape)."""
    shapes = Graph().parse(resource_dir("shapes") / "vocabularies.ttl")
    holder = shapes.value(shape, SH.qualifiedValueShape) or shape
    head = shapes.value(holder, SH["in"])
    assert head is not None, shape
    return list(Collection(shapes, head))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("shape", "entries"),
    [
        (DGS["AgreementVocabularyShape-kind"], VOCABULARY.kinds),
        (DGS["AgreementVocabularyShape-topic"], VOCABULARY.topics),
    ],
)
def test_the_shapes_list_the_vocabulary_in_order(shape: URIRef, entries) -> None:  # type: ignore[no-untyped-def]
    assert _shape_list(shape) == [entry.iri for entry in entries]


def test_the_shapes_list_every_event_type() -> None:
    shapes = Graph().parse(resource_dir("shapes") / "vocabularies.ttl")
    listed = set()
    for head in shapes.objects(None, SH["in"]):
        listed.update(Collection(shapes, head))  # type: ignore[arg-type]
    assert {event.iri for event in VOCABULARY.events} <= listed


def test_the_facts_format_round_trips_every_code() -> None:
    """Each kind, event type and topic written by build_graph is read back by
    the facts format under the same code."""
    article = Article("Body.", "T", date(2020, 1, 2), "a.txt")
    facts = ArticleFacts(
        article,
        tuple(
            AgreementFact(
                kind=kind,
                parties=("KOR", "JPN"),
                name=f"Instrument {n}",
                topics=(TOPICS[n % len(TOPICS)], TOPICS[(n + 13) % len(TOPICS)]),
                events=(Event(EVENTS[n % len(EVENTS)], "2019"),),
            )
            for n, kind in enumerate(KINDS)
        ),
    )
    graph = build_graph(facts)
    records = graph_to_facts(graph, article_id="a")["agreements"]
    by_name = {r["name"]: r for r in records}
    for n, kind in enumerate(KINDS):
        record = by_name[f"Instrument {n}"]
        assert record["kind"] == kind
        assert record["topics"] == sorted(
            {TOPICS[n % len(TOPICS)], TOPICS[(n + 13) % len(TOPICS)]}
        )
        assert record["events"] == [{"type": EVENTS[n % len(EVENTS)], "date": "2019"}]
    assert {str(t) for t in graph.objects(None, RDF.type)} >= {
        str(entry.iri) for entry in VOCABULARY.kinds
    }
