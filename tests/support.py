"""Constants and helpers shared by the test modules (fixtures live in conftest.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from diplograph.model import AgreementFact, Article, ArticleFacts, Event, Evidence
from diplograph.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CASES = Path(__file__).resolve().parent / "cases"

# A small article used by the build, validate, store and CLI tests. Written for
# these tests: one memorandum between JPN, KOR and USA, signed "in December"
# (2014-12, month precision), concerning PRK, taking effect on July 1
# (a scheduled entry into force). Published Thursday 2015-06-25.
SMALL_TITLE = "Japan, S. Korea, U.S. sign intelligence memorandum"
SMALL_URL = "https://example.org/wire/2015/06/25/intelligence-memorandum"
SMALL_BODY = (
    "TOKYO, June 25 (Example Wire) -- Japan, South Korea and the United States "
    "signed a memorandum of understanding in December on sharing intelligence on "
    "North Korea's missile programs, officials said on Thursday.\n"
    "\n"
    "The deal will take effect on July 1, a ministry spokesperson said.\n"
)


# The small article as hand-built facts, independent of the extractor: the
# memorandum above, and a named agreement of KOR with NATO (an organization).
ARTICLE = Article(
    text=SMALL_BODY, title=SMALL_TITLE, published=date(2015, 6, 25),
    source="/data/small.txt", url=SMALL_URL, publisher="Example Wire",
)  # fmt: skip


def span(text: str, quote: str) -> Evidence:
    start = text.index(quote)
    return Evidence(start, start + len(quote), quote)


SIGNING = span(SMALL_BODY, SMALL_BODY.split("\n", 1)[0])
IN_FORCE = span(
    SMALL_BODY, "The deal will take effect on July 1, a ministry spokesperson said."
)

MEMORANDUM = AgreementFact(
    kind="memorandum_of_understanding",
    parties=("JPN", "KOR", "USA"),
    signed="2014-12",
    concerns=("PRK",),
    topics=("intelligence_sharing", "missiles"),
    events=(
        Event("signed", "2014-12", evidence=(SIGNING,)),
        Event("in_force", "2015-07-01", scheduled=True, evidence=(IN_FORCE,)),
    ),
    evidence=(SIGNING, IN_FORCE),
)
CYBER = AgreementFact(
    kind="agreement",
    parties=("KOR", "NATO"),
    name="Cyber Defence Cooperation Agreement",
    aliases=("CDCA",),
    signed="2015-06-24",
    topics=("cyber",),
    events=(
        Event("signed", "2015-06-24", evidence=(SIGNING,)),
        Event("negotiation", "2012"),
    ),
    evidence=(SIGNING,),
)
FACTS = ArticleFacts(ARTICLE, (MEMORANDUM, CYBER))


def tiny_articles(n: int) -> list[Article]:
    """``n`` one-sentence articles named ``0.txt``, ``1.txt``...: items for the
    pipeline's plumbing, whatever the work done on them."""
    return [
        Article(text=f"Body {i}.", title="T", published=date(2015, 6, 25),
                source=f"{i}.txt")
        for i in range(n)
    ]  # fmt: skip


class WriteArticle:
    """Writes an article in the header format under ``folder`` and returns its
    path (the ``write_article`` fixture's; a module's fixture makes one on a
    folder of its own). ``name`` may hold folders ("batch/a.txt"); a header
    field given as None is left out."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def __call__(
        self,
        name: str = "article.txt",
        body: str = SMALL_BODY,
        *,
        url: str | None = SMALL_URL,
        publisher: str | None = "Example Wire",
        published: str | None = "2015-06-25",
        title: str | None = SMALL_TITLE,
    ) -> Path:
        fields = {
            "url": url,
            "publisher": publisher,
            "published": published,
            "title": title,
        }
        header = "".join(
            f"{key}: {value}\n" for key, value in fields.items() if value is not None
        )
        path = self.folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(header + "\n" + body, encoding="utf-8")
        return path


# diplograph's graphs only: a server keeps graphs of its own
_OURS = 'FILTER(STRSTARTS(STR(?g), "https://w3id.org/diplograph/"))'


def quads(store: Store) -> list[tuple[str, ...]]:
    """Every quad in every named graph of diplograph's, sorted, through the
    Store contract (a server's own graphs, such as Virtuoso's, left out).

    Blank nodes (OWL lists in the ontology graph, which is parsed afresh on each
    load) compare by position only: their labels change, the data does not.
    """
    _, rows = store.select(f"SELECT ?g ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_OURS} }}")
    return sorted(
        tuple(
            "_:" if r[v].kind == "bnode" else repr(r[v]) for v in ("g", "s", "p", "o")
        )
        for r in rows
    )


def quad_count(store: Store) -> int:
    _, rows = store.select(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_OURS} }}"
    )
    return int(rows[0]["n"].value)


def stored_agreements(store_dir: str | Path) -> list[dict[str, object]]:
    """The rows of the saved query ``agreements`` on the embedded store there."""
    from diplograph.queries import run_query
    from diplograph.store import open_store

    store = open_store(str(store_dir))
    try:
        rows: list[dict[str, object]] = run_query(store, "agreements")
    finally:
        store.close()
    return rows
