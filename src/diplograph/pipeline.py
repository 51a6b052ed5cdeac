"""The data flow end to end: read -> extract -> build -> validate -> store.

Each stage is its own module; this one only strings them together for the
command line and the Python API, and keeps going past a bad article.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rdflib import Graph, URIRef

from diplograph.articles import read_articles
from diplograph.build import build_graph
from diplograph.errors import ArticleError
from diplograph.extract import extract
from diplograph.iri import article_iri
from diplograph.model import Article, ArticleFacts
from diplograph.namespaces import ONTOLOGY_IRI
from diplograph.resources import ontology_file
from diplograph.store import Store
from diplograph.validate import ValidationReport, validate


@dataclass(frozen=True)
class Processed:
    """One article after extraction and graph building (and validation, if asked)."""

    article: Article
    facts: ArticleFacts
    graph: Graph
    report: ValidationReport | None = None


@dataclass
class LoadSummary:
    loaded: list[str] = field(default_factory=list)
    rejected: list[tuple[str, ValidationReport]] = field(default_factory=list)
    unreadable: list[ArticleError] = field(default_factory=list)
    agreements: int = 0
    triples: int = 0

    @property
    def ok(self) -> bool:
        return not self.rejected and not self.unreadable


def process(article: Article, *, check: bool = True) -> Processed:
    facts = extract(article)
    graph = build_graph(facts)
    return Processed(article, facts, graph, validate(graph) if check else None)


def _process_checked(article: Article) -> Processed:
    return process(article, check=True)


def _process_unchecked(article: Article) -> Processed:
    return process(article, check=False)


def process_all(
    items: Iterable[Article | ArticleError], *, check: bool, workers: int | None = None
) -> Iterator[Processed | ArticleError]:
    """Process articles in input order, on all cores when there are enough of them."""
    items = list(items)
    articles = [i for i in items if isinstance(i, Article)]
    workers = workers or os.cpu_count() or 1
    worker = _process_checked if check else _process_unchecked
    if workers > 1 and len(articles) >= 8:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            done = iter(pool.map(worker, articles, chunksize=max(1, len(articles) // (workers * 4))))
            for item in items:
                yield next(done) if isinstance(item, Article) else item
    else:
        for item in items:
            yield worker(item) if isinstance(item, Article) else item


def ensure_ontology(store: Store) -> None:
    """Keep the ontology in its own named graph so queries can read labels.

    Written only when missing or changed, so loading twice leaves the same quads.
    """
    graph = Graph()
    graph.parse(ontology_file(), format="turtle")
    iri = URIRef(ONTOLOGY_IRI)
    if store.has_graph(iri):
        _, rows = store.select(
            f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}"
        )
        if rows and rows[0]["n"].value == str(len(graph)):
            return
    store.replace_graph(iri, graph)


def load(
    paths: Iterable[Path | str], store: Store, *, published: date | None = None,
    workers: int | None = None,
) -> Iterator[Processed | ArticleError]:
    """Read, extract, validate and store every article; yields each outcome.

    An article that breaks the shapes is not written (its old graph, if any,
    stays as it was); unreadable files are reported and skipped.
    """  # fmt: skip
    ensure_ontology(store)
    for outcome in process_all(read_articles(paths, published=published), check=True, workers=workers):
        if isinstance(outcome, Processed) and outcome.report is not None and outcome.report.conforms:
            store.replace_graph(article_iri(outcome.article), outcome.graph)
        yield outcome
