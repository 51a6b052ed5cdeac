"""Stable IRIs for data: the same input always gives the same IRI.

Hashes come from canonical JSON of the identifying fields (as sqlite-utils'
``hash_record`` does), so IRIs do not depend on load order or on the machine.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from rdflib import URIRef

from diplograph.gazetteer import load_gazetteer
from diplograph.model import AgreementFact, Article
from diplograph.namespaces import ID, ONTOLOGY_IRI

# The named graphs besides the articles' own: the union of all article graphs
# that queries read, the curators' decisions, what `diplograph reason` infers,
# and the ontology itself (so queries can read labels).
MERGED_GRAPH = ID["graph/merged"]
CURATION_GRAPH = ID["graph/curation"]
INFERRED_GRAPH = ID["graph/inferred"]
ONTOLOGY_GRAPH = URIRef(ONTOLOGY_IRI)
# every article's IRI (and named graph) starts with this
ARTICLE_BASE = str(ID["article/"])


def hash_record(record: dict[str, Any], *, length: int = 32) -> str:
    """Hex digest of ``record`` as canonical JSON (sorted keys, no spaces).

    Example:
        >>> hash_record({"b": 1, "a": [2]}) == hash_record({"a": [2], "b": 1})
        True
    """
    canonical = json.dumps(
        record, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:length]


def article_iri(article: Article) -> URIRef:
    """By URL when the article has one, so a corrected text replaces the old one."""
    key = {"url": article.url} if article.url else {"sha256": article.content_hash}
    return ID[f"article/{hash_record(key)}"]


def agreement_iri(article: URIRef, fact: AgreementFact) -> URIRef:
    key = {
        "article": str(article),
        "name": fact.name,
        "kind": fact.kind,
        "parties": sorted(fact.parties),
        "signed": fact.signed,
    }
    if fact.topics:
        # two unnamed MoUs between the same states on the same day differ by topic
        key["topics"] = sorted(fact.topics)
    if fact.evidence:  # ... or by the sentence that first tells of them
        key["told"] = fact.evidence[0].quote
    return ID[f"agreement/{hash_record(key)}"]


def instrument_iri(instrument: str) -> URIRef:
    """The node of a well-known instrument (a lexicon id), the same in every store."""
    return ID[f"agreement/{hash_record({'instrument': instrument})}"]


def named_agreement_iri(normalized_name: str) -> URIRef:
    """The node of an agreement known by a proper name, whichever article
    names it first."""
    return ID[f"agreement/{hash_record({'name': normalized_name})}"]


def split_agreement_iri(article: URIRef, of: str) -> URIRef:
    """The node an article's agreement gets when a curator split it from ``of``."""
    return ID[f"agreement/{hash_record({'split': str(article), 'of': of})}"]


def separation_iri(agreement: str, article: str) -> URIRef:
    """A curator's decision that ``article`` is not about ``agreement``."""
    key = {"agreement": agreement, "article": article}
    return ID[f"separation/{hash_record(key)}"]


def is_article_iri(iri: str) -> bool:
    return iri.startswith(ARTICLE_BASE)


def event_iri(agreement: URIRef, event_type: str, when: str | None) -> URIRef:
    key = {"agreement": str(agreement), "type": event_type, "date": when}
    return ID[f"event/{hash_record(key)}"]


def evidence_iri(article: URIRef, start: int, end: int) -> URIRef:
    return ID[
        f"evidence/{hash_record({'article': str(article), 'start': start, 'end': end})}"
    ]


def resolution_iri(article: URIRef, agreement: URIRef) -> URIRef:
    key = {"article": str(article), "agreement": str(agreement)}
    return ID[f"resolution/{hash_record(key)}"]


def party_iri(code: str) -> URIRef:
    """``country/KOR`` for states, ``org/NATO`` for organizations.

    Example:
        >>> str(party_iri("KOR"))
        'https://w3id.org/diplograph/id/country/KOR'
    """
    entity = load_gazetteer().entities.get(code)
    if entity is not None and not entity.is_country:
        return ID[f"org/{code}"]
    return ID[f"country/{code}"]
