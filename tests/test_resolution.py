"""Step 3b, resolve: one node per real-world agreement, across articles.

``merge_corpus/`` holds 15 short articles written for these tests about seven
agreements, named differently from article to article (proper name, acronym,
or only "the deal" with its parties), dated at different precisions (day,
month, year, none) and called by different kinds (accord, agreement, deal).
Traps: two different agreements of Japan and Australia (trade in 2014, defence
in 2022), two named treaties of Russia and the United States (New START, INF),
and a second named treaty of India and the UAE (an investment treaty beside
their trade partnership). ``truth.json`` says which real agreement each
article reports.

The corpus is loaded through the whole pipeline; which node each article's
agreement went to is read back from the ``dg:Resolution`` in the article's
graph, and scored as pairwise merge precision and recall.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations
from pathlib import Path

import pytest
from rdflib import RDF, URIRef
from support import WriteArticle, quads

from diplograph.iri import article_iri
from diplograph.namespaces import DG
from diplograph.pipeline import Processed, load
from diplograph.store import Store, open_store

CORPUS = Path(__file__).resolve().parent / "merge_corpus"
TRUTH: dict[str, list[str]] = json.loads(
    (CORPUS / "truth.json").read_text(encoding="utf-8")
)
FILES = sorted(CORPUS.glob("*.txt"))

# Measured on merge_corpus/ (both backends, both load orders): every pair of
# articles about the same agreement was merged, and no other pair.
RECALL = 1.0

_RESOLVED = """
PREFIX dg: <https://w3id.org/diplograph/ontology#>
SELECT ?file ?article ?agreement ?rule ?reported WHERE {
  GRAPH ?article {
    ?article a dg:Article ; dg:sourceFile ?file .
    OPTIONAL {
      ?r a dg:Resolution ; dg:resolvedIn ?article ; dg:resolvedAgreement ?agreement ;
         dg:rule ?rule .
      OPTIONAL { ?agreement dg:reportedIn ?reported }
    }
  }
}
"""


def resolved(store: Store) -> dict[str, set[str]]:
    """Article file name -> the agreement nodes its agreements were resolved to."""
    _, rows = store.select(_RESOLVED)
    nodes: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        name = row["file"].value + ".txt"
        nodes.setdefault(name, set())
        if "agreement" in row:
            # the resolved node is the one the article's claims are about
            assert row["reported"].value == row["article"].value, row
            nodes[name].add(row["agreement"].value)
    return dict(nodes)


def partition(nodes: dict[str, set[str]]) -> set[frozenset[str]]:
    """The groups of articles that share a node, whatever the node's IRI."""
    groups: dict[str, set[str]] = defaultdict(set)
    for name, iris in nodes.items():
        for iri in iris:
            groups[iri].add(name)
    return {frozenset(g) for g in groups.values()}


def pairs(labels: dict[str, Iterable[str]]) -> set[tuple[str, str]]:
    """Pairs of articles that have a label (a node, or a true agreement) in common."""
    return {
        (a, b)
        for a, b in combinations(sorted(labels), 2)
        if set(labels[a]) & set(labels[b])
    }


def precision_recall(nodes: dict[str, set[str]]) -> tuple[float, float, set, set]:
    predicted, true = pairs(nodes), pairs(TRUTH)
    correct = predicted & true
    precision = len(correct) / len(predicted) if predicted else 1.0
    recall = len(correct) / len(true) if true else 1.0
    return precision, recall, predicted - true, true - predicted


def load_all(store: Store, paths: Iterable[Path]) -> list[str]:
    outcomes = list(load(paths, store, workers=1))
    assert all(isinstance(o, Processed) for o in outcomes), outcomes
    return [o.status for o in outcomes if isinstance(o, Processed)]


@pytest.fixture(scope="module")
def forward_partition() -> set[frozenset[str]]:
    """The partition from loading the corpus in file order (an in-memory store)."""
    memory = open_store(":memory:")
    load_all(memory, FILES)
    return partition(resolved(memory))


def test_the_corpus_and_its_truth_agree() -> None:
    assert sorted(TRUTH) == [p.name for p in FILES]
    agreements = {a for ids in TRUTH.values() for a in ids}
    assert len(FILES) >= 14 and len(agreements) >= 5
    assert len(pairs(TRUTH)) >= 10  # enough true merges to measure recall on


# Pairs of articles about different agreements that look alike.
TRAPS = [
    ("jpn-aus-trade-day.txt", "jpn-aus-defence-day.txt"),  # same two states
    ("jpn-aus-trade-year.txt", "jpn-aus-defence-month.txt"),  # "the deal", "the pact"
    ("start-name.txt", "inf-name.txt"),  # two named treaties, same parties
    ("start-treaty.txt", "inf-acronym.txt"),  # unnamed 2010 treaty vs INF (1987)
    ("cepa-name.txt", "ind-are-investment.txt"),  # two named, same parties
    ("cepa-acronym.txt", "ind-are-investment.txt"),  # undated, other topic
]


def test_merge_precision_and_recall_and_loading_twice(store: Store) -> None:
    assert load_all(store, FILES) == ["stored"] * len(FILES)
    nodes = resolved(store)
    # resolution is measured here, not extraction: each article's agreements
    # must have been found for the figures to mean anything
    found = {name: len(iris) for name, iris in nodes.items()}
    assert found == {name: len(ids) for name, ids in TRUTH.items()}
    precision, recall, wrong, missed = precision_recall(nodes)
    print(
        f"merge precision {precision:.3f}, recall {recall:.3f} over "
        f"{len(pairs(TRUTH))} true pairs; wrong: {sorted(wrong)}; "
        f"missed: {sorted(missed)}"
    )
    assert precision == 1.0, f"different agreements merged: {sorted(wrong)}"
    assert recall >= RECALL, f"merges missed: {sorted(missed)}"
    for a, b in TRAPS:
        assert not nodes[a] & nodes[b], (a, b)

    # loading the same texts again changes nothing, quad for quad
    before = quads(store)
    assert load_all(store, FILES) == ["unchanged"] * len(FILES)
    assert quads(store) == before


def test_loading_in_reverse_order_gives_the_same_groups(
    store: Store, forward_partition: set[frozenset[str]]
) -> None:
    load_all(store, reversed(FILES))
    backward = partition(resolved(store))
    assert backward == forward_partition, (
        sorted(map(sorted, backward ^ forward_partition))
    )


# ---------------------------------------------------------------------------
# Known failures, found while writing the corpus (kept out of it so the
# figures above stay a regression guard; strict, so a fix shows up here). They
# test the resolver's rules, not a backend: one in-memory store each.
# ---------------------------------------------------------------------------

TRADE_DAY = (
    "CANBERRA, July 9 (Southern Cross Wire) -- Japan and Australia signed a free "
    "trade agreement on July 8, 2014, cutting tariffs on beef, cars and electronics.\n"
)
TRADE_MONTH = (
    "TOKYO, Dec. 1 (Meridian Press) -- Beef exporters are preparing for lower duties "
    "under the economic partnership agreement Japan and Australia signed in April "
    "2014.\n"
)
TRADE_YEAR = (
    "TOKYO, Jan. 16 (Meridian Press) -- Tariffs on Australian beef fell on Thursday "
    "as the trade deal Japan and Australia signed in 2014 took effect.\n"
)
ACCESS_DEAL = (
    "BRISBANE, Aug. 14 (Delta Herald) -- Japanese F-35 jets arrived in Australia on "
    "Monday, the first deployment under the reciprocal access deal between Japan and "
    "Australia that took effect on Sunday.\n"
)


def test_a_bridging_date_does_not_make_groups_depend_on_order(
    write_article: WriteArticle,
) -> None:
    paths = [
        write_article("a/trade-day.txt", TRADE_DAY, url="https://example.org/h/a",
                      published="2014-07-09"),
        write_article("a/trade-month.txt", TRADE_MONTH, url="https://example.org/h/b",
                      published="2014-12-01"),
        write_article("a/trade-year.txt", TRADE_YEAR, url="https://example.org/h/c",
                      published="2015-01-16"),
    ]  # fmt: skip
    forward, backward = open_store(":memory:"), open_store(":memory:")
    load_all(forward, paths)
    load_all(backward, reversed(paths))
    # a year-only signing fits both the day and the month, but they do not fit
    # each other: whatever the order, the day and the month stay apart
    assert partition(resolved(backward)) == partition(resolved(forward))


def test_an_undated_deal_without_topics_is_not_merged_by_kind_alone(
    write_article: WriteArticle,
) -> None:
    corpus = [CORPUS / f"jpn-aus-{n}.txt" for n in ("trade-day", "trade-year")]
    access = write_article("access.txt", ACCESS_DEAL, url="https://example.org/h/x",
                           published="2023-08-14")  # fmt: skip
    store = open_store(":memory:")
    load_all(store, [*corpus, access])
    nodes = resolved(store)
    assert not nodes["access.txt"] & nodes["jpn-aus-trade-day.txt"]


def test_the_loads_agreement_index_stays_what_the_store_says(
    store: Store, write_article: WriteArticle
) -> None:
    """Resolution reads an in-memory index kept up to date write by write; after
    new articles and a replaced one it must equal an index read afresh."""
    from diplograph.articles import read_articles
    from diplograph.extract import extract
    from diplograph.loader import Loader
    from diplograph.store.index import AgreementIndex

    loader = Loader(store)
    loader.ensure_ontology()
    for article in read_articles(FILES):
        assert loader.store_facts(extract(article)).status == "stored"  # type: ignore[arg-type]
    # a corrected version of one article (same URL): the parties it named change
    original = CORPUS / "ind-are-investment.txt"
    header, body = original.read_text(encoding="utf-8").split("\n\n", 1)
    corrected = write_article(
        "corrected.txt", body.replace("India", "Sri Lanka"),
        url=next(line.split(": ", 1)[1] for line in header.splitlines() if line.startswith("url:")),
        published=next(line.split(": ", 1)[1] for line in header.splitlines() if line.startswith("published:")),
    )  # fmt: skip
    [article] = read_articles([corrected])
    assert loader.store_facts(extract(article)).status == "stored"  # type: ignore[arg-type]
    fresh = AgreementIndex(store)
    assert loader.index.agreements == fresh.agreements
    nobody = URIRef("https://example.org/nobody")
    assert {a: loader.index.supporting(a, nobody) for a in fresh.agreements} == {
        a: fresh.supporting(a, nobody) for a in fresh.agreements
    }


def test_a_match_is_supported_by_the_first_other_reports_by_iri(
    store: Store, write_article: WriteArticle
) -> None:
    """The articles a resolution lists as support are the first five other
    articles reporting the agreement, by IRI: the same whatever the backend
    lists first, and whatever order the store received them in."""
    body = (
        "Japan and South Korea signed the Straits Intelligence Memorandum in "
        "Seoul on Wednesday, sharing military intelligence on North Korea."
    )
    paths = [
        write_article(f"report-{n}.txt", body, url=f"https://news.example/{n}")
        for n in range(8)
    ]
    earlier = [o.article for o in load(paths[:7][::-1], store)]  # type: ignore[union-attr]
    [last] = load(paths[7:], store)
    assert isinstance(last, Processed) and last.status == "stored"
    records = list(last.graph.subjects(RDF.type, DG.Resolution))
    assert len(records) == 1
    listed = sorted(str(o) for o in last.graph.objects(records[0], DG.supportedBy))
    assert listed == sorted(str(article_iri(a)) for a in earlier)[:5]


# ---------------------------------------------------------------------------
# DIPLOGRAPH_LEXICON: an extra lexicon's instruments are resolved like the
# packaged ones (they were extracted, then minted as mere names)
# ---------------------------------------------------------------------------

EXTRA_INSTRUMENT = {
    "id": "KALEVA", "name": "Kaleva Fisheries Accord", "aliases": ["KFA"],
    "kind": "agreement", "topics": [],
}  # fmt: skip


def test_an_extra_lexicons_instruments_are_resolved_as_instruments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from diplograph.cli import main
    from diplograph.iri import instrument_iri

    lexicon = tmp_path / "lexicon"
    lexicon.mkdir()
    (lexicon / "instruments.jsonl").write_text(json.dumps(EXTRA_INSTRUMENT) + "\n")
    monkeypatch.setenv("DIPLOGRAPH_LEXICON", str(lexicon))
    articles = tmp_path / "articles"
    articles.mkdir()
    for name, day, says in [
        ("a", 12, "signed the Kaleva Fisheries Accord on Monday"),
        ("b", 14, "signed the KFA, their fisheries accord, on March 11"),
    ]:
        (articles / f"{name}.txt").write_text(
            f"url: https://example.org/{name}\npublisher: Example {name}\n"
            f"published: 2024-03-{day}\ntitle: Norway and Iceland sign an accord\n\n"
            f"Norway and Iceland {says} in Reykjavik.\n",
            encoding="utf-8",
        )
    store = str(tmp_path / "store")
    assert main(["load", str(articles), "--store", store, "--quiet"]) == 0
    opened = open_store(store)
    try:
        _, rows = opened.select(
            "PREFIX dg: <https://w3id.org/diplograph/ontology#> "
            "SELECT DISTINCT ?a WHERE { GRAPH ?g { ?a a dg:Agreement } }"
        )
    finally:
        opened.close()
    # both articles on the instrument's own node, as for the packaged NAFTA
    assert [row["a"].value for row in rows] == [str(instrument_iri("KALEVA"))]
