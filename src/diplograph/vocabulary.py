"""The controlled vocabularies, read once from the ontology: kinds of agreement,
lifecycle event types and topics.

Each entry is a code of the annotation guidelines (``skos:notation`` in
``ontology/diplograph.ttl``), the class or concept that carries it, and its
label. Every other module asks here instead of keeping a list of its own, so a
new kind of agreement is a class with a ``skos:notation`` in the ontology, its
nouns in the lexicon and a test case; ``tests/test_vocabulary.py`` ties the
lexicon, the shapes and the facts format to this module.

Kinds and event types keep the order of the ontology's disjointness axioms
(the guidelines' order); topics the order of ``dg:topics skos:hasTopConcept``.

Example:
    >>> vocabulary().kinds[0].code, str(vocabulary().kind_class("agreement"))
    ('treaty', 'https://w3id.org/diplograph/ontology#GeneralAgreement')
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox
from rdflib import URIRef

from diplograph.namespaces import DG
from diplograph.resources import ontology_file

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_OWL = "http://www.w3.org/2002/07/owl#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"

# How resolution groups kinds: an agreement is identified only with one of the
# same family. Every kind not listed is an "instrument". Kept here, not in the
# ontology, because the ontology graph is stored with the data and an added
# annotation would change every store's quads; tests check the keys are kinds.
FAMILIES = {
    "joint_statement": "statement",
    "declaration": "statement",
    "ceasefire": "ceasefire",
    "normalization": "normalization",
}
DEFAULT_FAMILY = "instrument"


@dataclass(frozen=True)
class Code:
    """One entry of a vocabulary: ``code`` as the guidelines write it, the
    class or concept ``iri`` that carries it, its ``label`` in the ontology,
    and ``word``, the code as prose ("memorandum of understanding")."""

    code: str
    iri: URIRef
    label: str

    @property
    def word(self) -> str:
        return self.code.replace("_", " ")


@dataclass(frozen=True)
class Vocabulary:
    kinds: tuple[Code, ...]
    events: tuple[Code, ...]
    topics: tuple[Code, ...]

    def codes(self, name: str) -> tuple[str, ...]:
        """The codes of ``kind``, ``event`` or ``topic``: what a query
        parameter of that name accepts."""
        entries = {"kind": self.kinds, "event": self.events, "topic": self.topics}
        return tuple(entry.code for entry in entries[name])

    def kind_class(self, code: str) -> URIRef:
        """The class of a kind code; ``KeyError`` for an unknown one."""
        return _by_code(self.kinds)[code].iri

    def event_class(self, code: str) -> URIRef:
        return _by_code(self.events)[code].iri

    def kind_of(self, iri: str) -> str | None:
        """The kind code of a class IRI, None for any other class."""
        entry = _by_iri(self.kinds).get(iri)
        return entry.code if entry else None

    def event_of(self, iri: str) -> str | None:
        entry = _by_iri(self.events).get(iri)
        return entry.code if entry else None

    def topic_of(self, iri: str) -> str | None:
        entry = _by_iri(self.topics).get(iri)
        return entry.code if entry else None

    def kind_word(self, code: str) -> str:
        """A kind as prose, for labels: "memorandum of understanding"."""
        return _by_code(self.kinds)[code].word

    def family(self, code: str) -> str:
        return FAMILIES.get(code, DEFAULT_FAMILY)


@lru_cache(maxsize=8)
def _by_code(entries: tuple[Code, ...]) -> dict[str, Code]:
    return {entry.code: entry for entry in entries}


@lru_cache(maxsize=8)
def _by_iri(entries: tuple[Code, ...]) -> dict[str, Code]:
    return {str(entry.iri): entry for entry in entries}


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The vocabularies of the packaged ontology (parsed once per process,
    about 10 ms with pyoxigraph)."""
    facts: dict[str, dict[str, list[ox.NamedNode | ox.BlankNode | ox.Literal]]]
    facts = defaultdict(lambda: defaultdict(list))
    for triple in ox.parse(path=str(ontology_file()), format=ox.RdfFormat.TURTLE):
        subject = triple.subject
        if isinstance(subject, ox.NamedNode | ox.BlankNode):
            facts[str(subject)][triple.predicate.value].append(triple.object)

    def entry(node: str, label_property: str) -> Code | None:
        notation = facts[node].get(_SKOS + "notation")
        label = facts[node].get(label_property)
        if not notation or not label:
            return None
        iri = node.strip("<>")
        return Code(notation[0].value, URIRef(iri), label[0].value)

    def members(node: str) -> list[str]:
        """The members of an RDF list, in order."""
        found = []
        while node != f"<{_RDF}nil>":
            found.append(str(facts[node][_RDF + "first"][0]))
            node = str(facts[node][_RDF + "rest"][0])
        return found

    def disjoint(parent: URIRef) -> tuple[Code, ...]:
        """The subclasses of ``parent`` with a notation, in the order of the
        disjointness axiom that lists them."""
        for properties in facts.values():
            if _OWL + "members" not in properties:
                continue
            listed = members(str(properties[_OWL + "members"][0]))
            subclass = _RDFS + "subClassOf"
            if all(
                f"<{parent}>" in map(str, facts[m].get(subclass, ())) for m in listed
            ):
                codes = [entry(m, _RDFS + "label") for m in listed]
                return tuple(c for c in codes if c is not None)
        return ()

    scheme = facts[f"<{DG.topics}>"][_SKOS + "hasTopConcept"]
    topics = (entry(str(c), _SKOS + "prefLabel") for c in scheme)
    return Vocabulary(
        kinds=disjoint(DG.Agreement),
        events=disjoint(DG.LifecycleEvent),
        topics=tuple(t for t in topics if t is not None),
    )


__all__ = ["DEFAULT_FAMILY", "FAMILIES", "Code", "Vocabulary", "vocabulary"]
