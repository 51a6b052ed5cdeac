"""Shards: extract on any machine to N-Quads, load them into a store elsewhere."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from support import quads, span, stored_agreements

from diplograph.build import build_graph
from diplograph.cli import main
from diplograph.facts import read_facts
from diplograph.iri import agreement_iri, article_iri, is_article_iri
from diplograph.model import AgreementFact, Article, ArticleFacts, Event
from diplograph.namespaces import DG
from diplograph.pipeline import load_nquads
from diplograph.queries import run_query
from diplograph.store import Store, open_store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_a_shard_loads_what_loading_the_articles_would_store_per_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shard = tmp_path / "shard.nq"
    assert main(["extract", str(EXAMPLES), "--format", "nquads", "--out", str(shard)]) == 0
    store_dir = str(tmp_path / "store")
    assert main(["load", "--nquads", str(shard), "--store", store_dir]) == 0
    out = capsys.readouterr().out
    assert "5 article graph(s) loaded from 1 shard(s), 0 rejected" in out
    # the quick-start question answers from the shard as from the articles
    assert main(["query", "agreements-concerning", "--param", "country=PRK", "--store", store_dir]) == 0
    assert "memorandum of understanding" in capsys.readouterr().out
    # loading the shard again leaves the very same quads
    store = open_store(store_dir)
    before = quads(store)
    store.close()
    assert main(["load", "--nquads", str(shard), "--store", store_dir]) == 0
    store = open_store(store_dir)
    assert quads(store) == before
    store.close()


def test_a_broken_graph_in_a_shard_is_rejected_and_the_rest_loads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shard = tmp_path / "shard.nq"
    assert main(["extract", str(EXAMPLES), "--format", "nquads", "--out", str(shard)]) == 0
    lines = shard.read_text(encoding="utf-8").splitlines()
    # drop every party triple of one article: its agreement then breaks the shapes
    victim = next(line.rsplit(" ", 2)[-2] for line in lines if "ontology#party>" in line)
    kept = [line for line in lines if not ("ontology#party>" in line and line.rsplit(" ", 2)[-2] == victim)]
    shard.write_text("\n".join(kept) + "\n", encoding="utf-8")
    store_dir = str(tmp_path / "store")
    assert main(["load", "--nquads", str(shard), "--store", store_dir]) == 1
    captured = capsys.readouterr()
    assert "4 article graph(s) loaded from 1 shard(s), 1 rejected" in captured.out
    assert victim.strip("<>") in captured.err


def test_a_file_that_is_not_n_quads_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.nq"
    bad.write_text("this is not RDF\n", encoding="utf-8")
    assert main(["load", "--nquads", str(bad), "--store", str(tmp_path / "s")]) == 2
    assert "not an N-Quads shard" in capsys.readouterr().err


# Articles written for these tests: two reports of a named accord, two of an
# unnamed memorandum (the second telling of it three times, with events), and
# one of an agreement no other article reports.
REPORTS = {
    "water-signed": ("Peru and Ecuador sign water accord", "2024-05-06",
        "LIMA -- Peru and Ecuador signed the Amazon Water Accord on Monday, the "
        "two foreign ministries said. The Amazon Water Accord commits both "
        "countries to share river data."),
    "water-debate": ("Ecuador congress to debate accord", "2024-05-08",
        "QUITO -- Ecuador's congress will debate the Amazon Water Accord, which "
        "Ecuador signed with Peru on Monday, lawmakers said."),
    "energy-signed": ("Mongolia, Kazakhstan sign energy memorandum", "2024-05-08",
        "ULAANBAATAR -- Mongolia and Kazakhstan signed a memorandum of "
        "understanding on energy cooperation on Tuesday, officials said."),
    "energy-terms": ("Energy memorandum signed", "2024-05-09",
        "ASTANA -- Kazakhstan and Mongolia signed an energy memorandum on Tuesday "
        "in Ulaanbaatar, their ministers said. Under the memorandum, Kazakhstan "
        "will supply coal to Mongolia. The two states had agreed on the energy "
        "memorandum in March."),
    "border-trade": ("Uruguay, Paraguay agree on border trade", "2024-05-10",
        "MONTEVIDEO -- Uruguay and Paraguay reached an agreement on border trade "
        "on Friday, the presidency said."),
}  # fmt: skip


def write_reports(folder: Path, names: list[str]) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names:
        title, published, text = REPORTS[name]
        path = folder / f"{name}.txt"
        path.write_text(f"title: {title}\npublished: {published}\n\n{text}\n")
        paths.append(str(path))
    return paths


def article_graphs(store_dir: Path) -> dict[str, Graph]:
    """Each article's stored graph, without its load time (which differs)."""
    store = open_store(str(store_dir))
    try:
        graphs = {}
        for name in store.graphs():
            if is_article_iri(name):
                graph = store.export_graph(URIRef(name))
                graph.remove((None, DG.loaded, None))
                graphs[name] = graph
        return graphs
    finally:
        store.close()


def test_load_nquads_resolves_agreements_as_load_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # (a) every article read and loaded by `load`
    plain = tmp_path / "plain"
    names = list(REPORTS)
    articles = write_reports(tmp_path / "in", names)
    assert main(["load", *articles, "--store", str(plain)]) == 0
    # (b) the first loaded by `load`, the others extracted into two shards
    # elsewhere and loaded by `load --nquads`: resolved across the shards and
    # against what the store held
    sharded = tmp_path / "sharded"
    first, *rest = articles
    assert main(["load", first, "--store", str(sharded)]) == 0
    shards = [str(tmp_path / "one.nq"), str(tmp_path / "two.nq")]
    assert main(["extract", *rest[:2], "--format", "nquads", "--out", shards[0]]) == 0
    assert main(["extract", *rest[2:], "--format", "nquads", "--out", shards[1]]) == 0
    assert main(["load", "--nquads", *shards, "--store", str(sharded)]) == 0
    said = capsys.readouterr().out
    assert "4 article graph(s) loaded from 2 shard(s), 0 rejected" in said

    expected, got = article_graphs(plain), article_graphs(sharded)
    assert sorted(got) == sorted(expected)
    for name, graph in expected.items():
        _, missing, extra = graph_diff(to_isomorphic(graph), to_isomorphic(got[name]))
        assert not missing and not extra, (
            f"{name}\nonly by load:\n{missing.serialize(format='nt')}"
            f"\nonly by load --nquads:\n{extra.serialize(format='nt')}"
        )  # fmt: skip
    # the accord and the memorandum are one node each, as load made them
    rows = stored_agreements(sharded)
    assert len(rows) == 3
    assert sorted(r["articles"] for r in rows) == [1, 2, 2]  # type: ignore[type-var]


def test_an_export_loads_as_it_was_resolved(tmp_path: Path) -> None:
    # an export's graphs carry their dg:Resolution: written as they are, even
    # where the store they go to would identify their agreements with its own
    source = tmp_path / "source"
    paths = write_reports(tmp_path / "in", ["energy-signed", "energy-terms"])
    assert main(["load", paths[0], "--store", str(source)]) == 0
    dump = tmp_path / "dump.nq"
    assert main(["export", "--out", str(dump), "--store", str(source)]) == 0
    target = tmp_path / "target"
    assert main(["load", paths[1], "--store", str(target)]) == 0
    assert main(["load", "--nquads", str(dump), "--store", str(target)]) == 0
    (name, graph), = article_graphs(source).items()
    assert isomorphic(article_graphs(target)[name], graph)
    assert len(stored_agreements(target)) == 2


def test_facts_read_back_from_a_graph_resolve_as_the_extracted_ones() -> None:
    # resolution mints an unnamed agreement's node from the sentence that first
    # told of it, which after a merge of two tellings is not the first in the
    # text: read back, that sentence comes first again
    text = "Chile and Peru agreed. Later Chile and Peru signed a fisheries pact."
    article = Article(text, "T", date(2024, 5, 6), "pact.txt")
    later, first = span(text, "Later Chile and Peru signed a fisheries pact."), span(
        text, "Chile and Peru agreed."
    )
    fact = AgreementFact(
        "agreement", ("CHL", "PER"), topics=("fisheries",),
        events=(Event("signed", None, evidence=(later,)),),
        evidence=(later, first),
    )  # fmt: skip
    read, nodes = read_facts(build_graph(ArticleFacts(article, (fact,))))
    (got,) = read.agreements
    assert got == fact and got.evidence == fact.evidence
    iri = article_iri(article)
    assert nodes == (agreement_iri(iri, fact),)
    assert read.article.text == text and article_iri(read.article) == iri


def test_shards_loaded_into_each_backend_resolve_as_load_does(
    store: Store, tmp_path: Path
) -> None:
    # a server store (Oxigraph's, Virtuoso) answers resolution's questions over
    # HTTP: the shards give there the agreements `load` gives in a folder
    articles = write_reports(tmp_path / "in", list(REPORTS))
    plain = tmp_path / "plain"
    assert main(["load", *articles, "--store", str(plain)]) == 0
    # one shard per article, so that they load in the order load read them
    shards = []
    for n, path in enumerate(articles):
        shards.append(tmp_path / f"{n}.nq")
        out = ["--out", str(shards[-1])]
        assert main(["extract", path, "--format", "nquads", *out]) == 0
    outcomes = list(load_nquads(shards, store))
    assert [o.report is not None and o.report.conforms for o in outcomes] == [True] * 5

    def described(rows: list[dict[str, object]]) -> list[tuple[object, ...]]:
        return sorted(
            (r["label"], str(r.get("signed")), r["articles"]) for r in rows
        )

    assert described(run_query(store, "agreements")) == described(
        stored_agreements(plain)
    )
    assert len(run_query(store, "agreements")) == 3
