"""RDF namespaces. Every IRI of the ontology is reached through :data:`DG`.

``DG`` is a closed :class:`rdflib.namespace.DefinedNamespace`: a misspelt term
raises ``AttributeError`` at import time of the caller instead of writing an
IRI that the ontology does not define.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

BASE = "https://w3id.org/diplograph/"  # every IRI diplograph mints starts so
ONTOLOGY_IRI = BASE + "ontology"
DATA_BASE = BASE + "id/"


class DG(DefinedNamespace):
    """The diplograph ontology, ``https://w3id.org/diplograph/ontology#``."""

    _fail = True
    _NS = Namespace(ONTOLOGY_IRI + "#")

    # parties
    Party: URIRef
    Country: URIRef
    InternationalOrganization: URIRef
    code: URIRef

    # agreements and their kinds
    Agreement: URIRef
    Treaty: URIRef
    Convention: URIRef
    Protocol: URIRef
    GeneralAgreement: URIRef
    Accord: URIRef
    Pact: URIRef
    Deal: URIRef
    Arrangement: URIRef
    MemorandumOfUnderstanding: URIRef
    JointStatement: URIRef
    Declaration: URIRef
    Ceasefire: URIRef
    Normalization: URIRef
    name: URIRef
    alias: URIRef
    party: URIRef
    concerns: URIRef
    topic: URIRef
    signingDate: URIRef

    # lifecycle events
    LifecycleEvent: URIRef
    Negotiation: URIRef
    Conclusion: URIRef
    Signing: URIRef
    Ratification: URIRef
    EntryIntoForce: URIRef
    Implementation: URIRef
    Extension: URIRef
    Suspension: URIRef
    Withdrawal: URIRef
    Termination: URIRef
    Failure: URIRef
    ofAgreement: URIRef
    by: URIRef
    date: URIRef
    scheduled: URIRef

    # topics (a SKOS concept scheme)
    Topic: URIRef
    topics: URIRef

    # articles and evidence
    Article: URIRef
    ArticleWithoutAgreement: URIRef
    url: URIRef
    title: URIRef
    publisher: URIRef
    published: URIRef
    contentHash: URIRef
    sourceFile: URIRef
    text: URIRef
    extractor: URIRef
    loaded: URIRef
    reportedIn: URIRef
    evidence: URIRef
    Evidence: URIRef
    inArticle: URIRef
    start: URIRef
    end: URIRef
    quote: URIRef

    # inferred by `diplograph reason`
    AgreementInForce: URIRef
    BilateralAgreement: URIRef
    TrilateralAgreement: URIRef
    MultilateralAgreement: URIRef
    Signatory: URIRef

    # resolution and curation
    Resolution: URIRef
    resolvedIn: URIRef
    resolvedAgreement: URIRef
    rule: URIRef
    score: URIRef
    supportedBy: URIRef
    Separation: URIRef
    separatedAgreement: URIRef
    separatedArticle: URIRef


DGS = Namespace(ONTOLOGY_IRI.replace("ontology", "shapes") + "#")
ID = Namespace(DATA_BASE)
WD = Namespace("http://www.wikidata.org/entity/")


def topic_iri(code: str) -> URIRef:
    """The IRI of a topic concept, e.g. ``intelligence_sharing``."""
    return URIRef(f"{ONTOLOGY_IRI}#topic_{code}")
