"""Managing what is stored: remove an article, re-extract, list and split merges.

Every operation works on whole article graphs, so a failure leaves each
article either as it was or fully replaced, and an agreement that no article
reports any more disappears from the merged view on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from rdflib import RDF, URIRef

from diplograph import sparql
from diplograph.errors import DiplographError
from diplograph.extract import EXTRACTOR_VERSION, extract
from diplograph.iri import CURATION_GRAPH, is_article_iri, separation_iri
from diplograph.loader import Loader
from diplograph.model import Article
from diplograph.namespaces import DG
from diplograph.queries import resolve_agreement
from diplograph.settings import Settings
from diplograph.store import Store, Term


@dataclass(frozen=True)
class StoredArticle:
    iri: str
    article: Article
    extractor: str | None


def stored_articles(store: Store) -> list[StoredArticle]:
    """Every stored article whose text was kept, rebuilt as an :class:`Article`."""
    _, rows = store.select(sparql.query("curation-articles"))
    found = []
    for row in rows:
        if "text" not in row:
            continue  # stored before texts were kept: cannot be re-extracted
        source = (
            row["source"].value
            if "source" in row
            else row["article"].value.rsplit("/", 1)[-1]
        )
        article = Article(
            text=row["text"].value, title=row["title"].value,
            published=date.fromisoformat(row["published"].value),
            source=f"{source}.txt",
            url=row["url"].value if "url" in row else None,
            publisher=row["publisher"].value if "publisher" in row else None,
        )  # fmt: skip
        found.append(
            StoredArticle(
                row["article"].value,
                article,
                row["extractor"].value if "extractor" in row else None,
            )
        )
    return found


def find_articles(store: Store, ref: str) -> list[str]:
    """Article graphs by IRI, URL, source file (path or stem) or content hash."""
    if is_article_iri(ref):
        return [ref] if store.has_graph(URIRef(ref)) else []
    candidates = (
        {ref} if "://" in ref else {ref, ref.rsplit("/", 1)[-1].rsplit(".", 1)[0]}
    )
    found: set[str] = set()
    for value in candidates:
        _, rows = store.select(
            sparql.query("curation-find"), {"_ref": Term("literal", value)}
        )
        found.update(row["article"].value for row in rows)
    return sorted(found)


def remove(store: Store, ref: str) -> list[str]:
    """Withdraw an article's claims; returns the article IRIs removed."""
    found = find_articles(store, ref)
    if not found:
        raise DiplographError(
            f"no stored article matches {ref!r}; "
            "give its IRI, URL, file name or content hash"
        )
    for iri in found:
        store.remove_graph(URIRef(iri))
    return found


def reload(
    store: Store, *, everything: bool = False, settings: Settings | None = None,
    reread: Callable[[Article], Article] | None = None,
) -> list[tuple[StoredArticle, str]]:  # fmt: skip
    """Re-extract stored articles made by another extractor version (or all).

    Returns (article, status) pairs: "changed" when the new graph differs,
    "unchanged" when it is the same, "rejected" when it breaks the shapes
    (the old graph then stays). ``settings``: gathered from the environment
    if not given. ``reread``: the article read again from where it came from
    (a web page from the page cache: :func:`diplograph.fetch.cached_pages`),
    so that a better page reader is applied too; else its stored text.
    """
    loader = Loader(store, settings=settings)
    loader.ensure_ontology()
    lexicon = loader.settings.lexicon
    results = []
    for stored in stored_articles(store):
        if not everything and stored.extractor == EXTRACTOR_VERSION:
            continue
        before = set(store.export_graph(URIRef(stored.iri)))
        article = reread(stored.article) if reread else stored.article
        facts = extract(article, lexicon_dir=lexicon)
        outcome = loader.store_facts(facts, force=True)
        if outcome.status == "rejected":
            results.append((stored, "rejected"))
            continue
        after = set(store.export_graph(URIRef(stored.iri)))
        results.append((stored, "unchanged" if before == after else "changed"))
    return results


def merges(store: Store) -> tuple[list[str], list[dict[str, Term]]]:
    """Every merge decision: an article's agreement identified with a stored one."""
    return store.select(sparql.query("curation-merges"))


def split(
    store: Store, agreement: str, article_ref: str, *, settings: Settings | None = None
) -> list[str]:
    """Separate an article's claims from ``agreement`` for good, and re-resolve it.

    A ``dg:Separation`` goes into the curation graph, then the article is
    re-extracted: its agreement gets a node of its own and keeps it on later
    loads. Returns the articles re-resolved. ``settings``: gathered from the
    environment if not given.
    """
    agreement_iri = resolve_agreement(agreement, store)
    articles = find_articles(store, article_ref)
    if not articles:
        raise DiplographError(f"no stored article matches {article_ref!r}")
    _check_split(store, agreement_iri, agreement, articles)
    curation = store.export_graph(CURATION_GRAPH)
    by_iri = {s.iri: s for s in stored_articles(store)}
    for iri in articles:
        node = separation_iri(agreement_iri, iri)
        curation.add((node, RDF.type, DG.Separation))
        curation.add((node, DG.separatedAgreement, URIRef(agreement_iri)))
        curation.add((node, DG.separatedArticle, URIRef(iri)))
    store.replace_graph(CURATION_GRAPH, curation)
    loader = Loader(store, settings=settings)  # its index reads the separations
    for iri in articles:
        if iri in by_iri:
            facts = extract(by_iri[iri].article, lexicon_dir=loader.settings.lexicon)
            loader.store_facts(facts, force=True)
    return articles


def _check_split(
    store: Store, agreement_iri: str, agreement: str, articles: list[str]
) -> None:
    """Refuse a split that would separate nothing: an article that does not
    report the agreement, or all the articles that do (the agreement would only
    get a new node)."""
    _, rows = store.select(
        sparql.query("curation-reporting", agreement=URIRef(agreement_iri))
    )
    reporting = {row["article"].value for row in rows}
    strangers = [iri for iri in articles if iri not in reporting]
    if strangers:
        raise DiplographError(
            f"{', '.join(strangers)} does not report {agreement!r} "
            f"<{agreement_iri}>; the articles that do: "
            f"{', '.join(sorted(reporting)) or 'none'}"
        )
    if reporting <= set(articles):
        raise DiplographError(
            f"{agreement!r} <{agreement_iri}> rests on {', '.join(articles)} "
            "alone: there is no other article to split it from"
        )


__all__ = ["find_articles", "merges", "reload", "remove", "split", "stored_articles"]
