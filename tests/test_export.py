"""``diplograph export`` and :func:`diplograph.export.export`: what an analyst
takes out of the store, in every format, and that it loads back.

Each test runs on every backend (the ``store`` fixture: the embedded store and
a real Oxigraph server) holding the bundled examples, through the command
line as a user runs it.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import SKOS
from support import EXAMPLES, WriteArticle, quads

from diplograph.articles import iter_paths
from diplograph.cli import main
from diplograph.curation import split
from diplograph.export import (
    DATA_KINDS,
    context,
    export,
    last_event,
    prefixes,
    write_jsonld,
)
from diplograph.iri import CURATION_GRAPH, INFERRED_GRAPH, MERGED_GRAPH, is_article_iri
from diplograph.namespaces import DG, ID
from diplograph.pipeline import load, load_nquads
from diplograph.queries import run_query
from diplograph.resources import data_dir, ontology_file
from diplograph.store import Store, open_store
from diplograph.vocabulary import vocabulary

CCM = "Convention on Cluster Munitions"  # examples/ltu-ccm-withdrawal-2024-07-19.html
# ... reported with another agreement ("treaty of Lithuania") by that article
CCM_ARTICLE_FILE = "ltu-ccm-withdrawal-2024-07-19"
# A second report of the small article's memorandum (test_cli.py's): merged by
# parties, then split again, so the store holds a curation graph.
SECOND_URL = "https://example.org/second"
SECOND_BODY = (
    "SEOUL, June 26 (Other Wire) -- South Korea, Japan and the United States signed "
    "the intelligence sharing memorandum on December 29, 2014, officials said.\n"
)


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DIPLOGRAPH_STORE", raising=False)


@pytest.fixture
def examples(store: Store) -> Store:
    """The store of each backend holding the bundled examples."""
    outcomes = list(load(list(iter_paths([EXAMPLES])), store))
    assert [o.status for o in outcomes] == ["stored"] * 5  # type: ignore[union-attr]
    return store


@pytest.fixture
def curated(examples: Store, write_article: WriteArticle) -> Store:
    """The examples, plus two reports of one memorandum that were merged and
    then split (a curation graph), and a type in the inferred graph, as
    `diplograph reason` writes one."""
    first = write_article()
    second = write_article("second.txt", SECOND_BODY, url=SECOND_URL,
                           publisher="Other Wire", published="2015-06-26")  # fmt: skip
    list(load([first, second], examples))
    [memorandum] = [
        row["agreement"]
        for row in run_query(examples, "agreements-concerning", country="PRK")
        if any(d.startswith("2014") for d in row["signed"])
    ]
    split(examples, memorandum, SECOND_URL)
    inferred = Graph()
    inferred.add((URIRef(memorandum), RDF.type, DG.TrilateralAgreement))
    examples.replace_graph(INFERRED_GRAPH, inferred)
    return examples


def run(
    store: Store, capsys: pytest.CaptureFixture[str], *argv: str, status: int = 0
) -> bytes:
    """``diplograph export ARGV --out FILE --store STORE``; what it wrote."""
    out = Path("exported.out")
    assert main(["export", *argv, "--out", str(out), "--store", store.location]) == (
        status
    ), capsys.readouterr().err
    return out.read_bytes() if status == 0 else b""


def csv_rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def fresh_store(tmp_path: Path) -> str:
    return str(tmp_path / "copy")


# ---------------------------------------------------------------------------
# N-Quads and TriG: the store with its named graphs, and back
# ---------------------------------------------------------------------------


# Virtuoso 7.2 keeps what it is given as its own values: "1.0"^^xsd:decimal
# comes back as "1"^^xsd:integer, "true"^^xsd:boolean as "1". Its quads are not
# the ones written, so a dump of it, or a comparison with it, cannot be exact
# (and the shapes refuse an integer score when such a dump is loaded).
_NORMALIZES = "Virtuoso turns xsd:decimal 1.0 into xsd:integer 1 and true into 1"


def _skip_on_virtuoso(request: pytest.FixtureRequest) -> None:
    if request.node.callspec.params.get("open_backend") == "virtuoso":
        pytest.skip(_NORMALIZES)


@pytest.mark.parametrize("fmt", ["nquads", "trig"])
def test_an_export_loaded_into_an_empty_store_gives_the_same_quads(
    curated: Store,
    fmt: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    request: pytest.FixtureRequest,
) -> None:
    _skip_on_virtuoso(request)
    dump = tmp_path / f"dump.{'nq' if fmt == 'nquads' else 'trig'}"
    dump.write_bytes(run(curated, capsys, "--format", fmt))
    copy = fresh_store(tmp_path)
    capsys.readouterr()
    assert main(["load", "--nquads", str(dump), "--store", copy]) == 0
    # the examples and the two small articles; the ontology, curation and
    # inferred graphs written as they are, not taken for articles
    said = capsys.readouterr().out
    assert "7 article graph(s) loaded (and 3 other graph(s))" in said
    loaded = open_store(copy)
    try:
        assert quads(loaded) == quads(curated)
    finally:
        loaded.close()
    graphs = set(curated.graphs())
    assert {str(MERGED_GRAPH), str(INFERRED_GRAPH), str(CURATION_GRAPH)} <= graphs


@pytest.mark.parametrize("fmt", ["nquads", "trig"])
def test_an_export_loads_into_every_backend(
    store: Store,
    fmt: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    request: pytest.FixtureRequest,
) -> None:
    _skip_on_virtuoso(request)
    source = str(tmp_path / "source")
    assert main(["load", str(EXAMPLES), "--store", source, "--quiet"]) == 0
    dump = tmp_path / f"dump.{'nq' if fmt == 'nquads' else 'trig'}"
    assert main(["export", "--store", source, "--out", str(dump)]) == 0
    # loaded through the API: the fixture holds the embedded store open
    outcomes = list(load_nquads([dump], store))
    assert all(o.report is None or o.report.conforms for o in outcomes)
    original = open_store(source)
    try:
        assert quads(store) == quads(original)
    finally:
        original.close()


def test_a_file_with_a_graph_in_two_places_is_refused_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # load reads one graph at a time, so that a file of any size loads
    a, b = (str(ID[f"article/{x}"]) for x in "ab")
    lines = [f'<{g}> <{DG.title}> "{g}" <{g}> .' for g in (a, b, a)]
    shard = tmp_path / "mixed.nq"
    shard.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["load", "--nquads", str(shard), "--store", fresh_store(tmp_path)]) == 2
    assert f"the graph <{a}> comes in two places" in capsys.readouterr().err


def test_nquads_holds_every_quad_once(
    examples: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = run(examples, capsys).decode("utf-8").splitlines()
    assert len(lines) == len(set(lines)) == len(quads(examples))
    assert f"exported {len(lines)} quads as nquads" in capsys.readouterr().err


def test_trig_names_graphs_with_the_project_prefixes(
    examples: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    text = run(examples, capsys, "--format", "trig").decode("utf-8")
    assert "\ng:merged {" in text and "\narticle:" in text
    assert "ns1:" not in text


# ---------------------------------------------------------------------------
# Turtle and JSON-LD: the merged graph
# ---------------------------------------------------------------------------


def test_turtle_is_the_merged_graph_with_the_project_prefixes(
    curated: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    text = run(curated, capsys, "--format", "turtle").decode("utf-8")
    graph = Graph().parse(data=text, format="turtle")
    assert set(graph) == set(curated.export_graph(MERGED_GRAPH))
    for prefix in ("dg", "country", "agreement", "evidence", "article", "event"):
        assert f"@prefix {prefix}: <{prefixes()[prefix]}>" in text
    assert "ns1:" not in text
    # every kind of data IRI (the curation's separations included) has a prefix
    body = "\n".join(line for line in text.splitlines() if not line.startswith("@"))
    assert f"<{ID}" not in body
    assert {kind for kind in DATA_KINDS if f"\n{kind}:" in text} == set(DATA_KINDS)


def test_jsonld_gives_the_same_triples_as_turtle(
    examples: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    turtle = Graph().parse(
        data=run(examples, capsys, "--format", "turtle"), format="turtle"
    )
    data = run(examples, capsys, "--format", "jsonld")
    jsonld = Graph().parse(data=data, format="json-ld")
    assert len(jsonld) == len(turtle) > 1000
    assert set(jsonld) == set(turtle)
    # compacted with the packaged context: short keys, the agreement's kind as a term
    document = json.loads(data)
    assert document["@context"] == context()
    [mou_id] = [
        node["@id"] for node in document["@graph"]
        if "MemorandumOfUnderstanding" in node.get("@type", ())
    ]  # fmt: skip
    # a server may answer a subject's triples apart: one node object each time,
    # which JSON-LD reads as one node
    mou: dict[str, list[Any]] = {}
    for node in document["@graph"]:
        if node["@id"] == mou_id:
            for key, value in node.items():
                mou.setdefault(key, []).extend(value if isinstance(value, list) else [value])
    assert sorted(mou["party"]) == [f"dgid:country/{c}" for c in ("JPN", "KOR", "USA")]
    assert mou["signingDate"] == [{"@value": "2025-12", "@type": "xsd:gYearMonth"}]


# hostile values: each must come back from JSON-LD as the very same triple
_S, _P = str(ID["agreement/x"]), "https://example.org/p"
_XSD = "http://www.w3.org/2001/XMLSchema#"


def _typed(value: str, datatype: str) -> ox.Literal:
    return ox.Literal(value, datatype=ox.NamedNode(_XSD + datatype))


HOSTILE = [
    (_S, DG.name, ox.Literal('quote " backslash \\ new\nline \u2028 é 🙂')),
    (_S, DG.name, ox.Literal("Tromsø", language="nb")),
    (_S, DG.start, _typed("12", "integer")),
    (_S, DG.start, _typed("012", "integer")),  # not canonical: kept as it is
    (_S, DG.end, _typed("-0", "integer")),
    (_S, DG.scheduled, _typed("true", "boolean")),
    (_S, DG.scheduled, _typed("1", "boolean")),
    (_S, DG.score, _typed("0.50", "decimal")),
    (_S, DG.published, _typed("2014-12", "gYearMonth")),
    (_S, DG.published, ox.Literal("plain")),  # a string, where dates are coerced
    (_S, DG.party, ox.Literal("KOR")),  # a string, where IRIs are coerced
    (_S, DG.party, ox.NamedNode("urn:x:y")),
    (_S, DG.topic, ox.NamedNode(str(DG) + "topic_cyber")),
    (_S, DG.code, ox.NamedNode(str(ID["country/KOR"]))),  # an IRI, where strings go
    (_S, RDF.type, ox.NamedNode(str(DG.Treaty))),
    (_S, RDF.type, ox.NamedNode("https://example.org/Class")),
    (_S, _P, _typed("42", "integer")),
    (_S, _P, _typed("4.2E1", "double")),
    (_S, _P, _typed("false", "boolean")),
    (_S, _P, ox.NamedNode(str(ID["article/a"]))),
    (_S, _P, ox.BlankNode("b1")),
    ("https://example.org/other", str(SKOS.prefLabel), ox.Literal("x", language="en")),
    (_S, _P, ox.Literal("again")),  # the first subject again, after another
]


def test_jsonld_writes_any_value_so_that_it_reads_back_the_same() -> None:
    triples = [
        ox.Triple(ox.NamedNode(s), ox.NamedNode(str(p)), o) for s, p, o in HOSTILE
    ]
    out = io.BytesIO()
    assert write_jsonld(triples, out) == len(HOSTILE)
    # exactly, lexical forms included (pyoxigraph keeps them as written)
    back = {
        (q.subject, q.predicate, q.object)
        for q in ox.parse(out.getvalue(), ox.RdfFormat.JSON_LD)
    }
    blank = ox.BlankNode("b1")
    assert {t if t[2] != blank else t[:2] for t in back} == {
        (t.subject, t.predicate, t.object) if t.object != blank
        else (t.subject, t.predicate) for t in triples
    }  # fmt: skip
    # and as rdflib reads it: as it reads the same triples in N-Triples
    ntriples = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    assert isomorphic(
        Graph().parse(data=out.getvalue(), format="json-ld"),
        Graph().parse(data=ntriples, format="nt"),
    )


def test_the_context_has_a_key_for_every_ontology_term_and_no_made_up_match() -> None:
    ontology = Graph().parse(ontology_file(), format="turtle")
    owl = rdflib.OWL
    terms = {
        str(s)
        for kind in (owl.Class, owl.ObjectProperty, owl.DatatypeProperty)
        for s in ontology.subjects(RDF.type, kind)
        if str(s).startswith(str(DG))
    }
    keys = _expanded(context())
    for term in terms:
        local = term.split("#", 1)[1]
        assert keys.get(local) == term, f"context.jsonld: no key {local!r} for {term}"
    # no key for something the ontology does not define
    assert {iri for iri in keys.values() if iri.startswith(str(DG))} <= terms
    # the schema.org correspondences are the ontology's skos:closeMatch, no more
    packaged = Graph().parse(data_dir() / "context.jsonld", format="json-ld")
    assert set(packaged) == {
        (s, p, o)
        for s, p, o in ontology.triples((None, SKOS.closeMatch, None))
        if str(o).startswith("https://schema.org/") and str(s).startswith(str(DG))
    }
    assert len(packaged) >= 10


def _expanded(definitions: dict[str, Any]) -> dict[str, str]:
    """Each key of a context and the IRI it stands for, prefixes aside."""
    namespaces = {
        k: v for k, v in definitions.items() if isinstance(v, str) and "://" in v
    }
    expanded = {}
    for key, value in definitions.items():
        if key not in namespaces:
            iri = value if isinstance(value, str) else value["@id"]
            prefix, _, local = iri.partition(":")
            expanded[key] = namespaces[prefix] + local
    return expanded


# ---------------------------------------------------------------------------
# CSV: one row per agreement
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("events", "last"),
    [
        # the latest date wins over the furthest step
        ({"a": (8, "withdrawn", "2010", set()), "b": (2, "signed", "2015-06", set())},
         ("signed", "2015-06", "")),
        # among the events of the latest date, of a date containing it or
        # undated: the furthest step
        ({"a": (4, "in_force", "2015", {"KOR"}),
          "b": (2, "signed", "2015-06-01", set()),
          "c": (3, "ratified", "2014", set())}, ("in_force", "2015", "KOR")),
        ({"a": (2, "signed", "2015", set()), "b": (3, "ratified", "", {"USA", "JPN"})},
         ("ratified", "", "JPN;USA")),
        ({}, ("", "", "")),
    ],
)  # fmt: skip
def test_the_last_event_is_the_latest_then_the_furthest(
    events: dict[str, tuple[int, str, str, set[str]]], last: tuple[str, str, str]
) -> None:
    assert last_event(events) == last


def _code(label: str) -> str:
    return {e.label.replace(" (kind)", ""): e.code for e in vocabulary().kinds}.get(
        label, label
    )


def test_csv_rows_say_what_the_queries_say(
    examples: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = csv_rows(run(examples, capsys, "--format", "csv"))
    assert list(rows[0]) == [
        "agreement", "label", "kind", "parties", "signed", "topics", "concerns",
        "lastEvent", "lastEventDate", "lastEventBy", "articles",
    ]  # fmt: skip
    _, everything = examples.select(
        f"SELECT ?a WHERE {{ GRAPH <{MERGED_GRAPH}> {{ ?a a <{DG.Agreement}> }} }}"
    )
    assert [row["agreement"] for row in rows] == sorted(
        r["a"].value for r in everything
    )
    events = {e.label: e.code for e in vocabulary().events}
    for row in rows:
        iri, parties = row["agreement"], row["parties"].split(";")
        for party in parties:
            [listed] = [
                r for r in run_query(examples, "agreements-of", country=party)
                if r["agreement"] == iri
            ]  # fmt: skip
            assert row["label"] == listed["label"]
            assert sorted(filter(None, row["signed"].split(";"))) == sorted(
                listed.get("signed", [])
            )
            kinds = sorted(_code(k) for k in listed["kind"])
            assert row["kind"] == ";".join(kinds)
        for concerned in filter(None, row["concerns"].split(";")):
            assert iri in [
                r["agreement"]
                for r in run_query(examples, "agreements-concerning", country=concerned)
            ]
        for topic in filter(None, row["topics"].split(";")):
            assert iri in [
                r["agreement"]
                for r in run_query(examples, "agreements-by-topic",
                                   country=parties[0], topic=topic)
            ]  # fmt: skip
        sources = run_query(examples, "sources-of", agreement=iri)
        assert int(row["articles"]) == len({r["article"] for r in sources}) >= 1
        # the last event, by the rule of status-by-party, over `lifecycle`'s events
        happened = [
            (r.get("date", ""), events[r["event"]], r.get("by", ""))
            for r in run_query(examples, "lifecycle", agreement=iri)
            if not r["scheduled"]
        ]
        order = [e.code for e in vocabulary().events]
        if not happened:
            assert row["lastEvent"] == row["lastEventDate"] == ""
            continue
        latest = max(date for date, _, _ in happened)
        date, event, by = max(
            (h for h in happened if latest.startswith(h[0])),
            key=lambda h: (order.index(h[1]), h[0]),
        )
        assert (row["lastEvent"], row["lastEventDate"]) == (event, date)
        names = {
            r["name"]: r["party"]
            for r in run_query(examples, "status-by-party", agreement=iri)
        }
        assert row["lastEventBy"] == ";".join(
            sorted(names[n].rsplit("/", 1)[1] for n in (by or []))
        )
    # what the examples say (examples/*.json), so that the checks above cannot
    # all pass on empty columns
    ccm = next(row for row in rows if row["label"] == CCM)
    assert (ccm["kind"], ccm["parties"], ccm["concerns"], ccm["signed"]) == (
        "convention",
        "LTU",
        "RUS",
        "2008",
    )
    assert (ccm["lastEvent"], ccm["lastEventDate"], ccm["lastEventBy"]) == (
        "withdrawn",
        "2024-07-18",
        "LTU",
    )


# ---------------------------------------------------------------------------
# Selections: one agreement, one country
# ---------------------------------------------------------------------------


def _subjects(graph: Graph, kind: str) -> set[str]:
    base = str(ID[f"{kind}/"])
    return {str(s) for s in graph.subjects() if str(s).startswith(base)}


def test_an_agreement_comes_with_its_events_parties_and_sources_only(
    curated: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    graph = Graph().parse(
        data=run(curated, capsys, "--agreement", CCM, "--format", "turtle"),
        format="turtle",
    )
    [ccm] = _subjects(graph, "agreement")  # not the other agreement of its article
    assert (URIRef(ccm), DG.name, Literal(CCM)) in graph
    [article] = _subjects(graph, "article")
    assert str(graph.value(URIRef(article), DG.sourceFile)) == CCM_ARTICLE_FILE
    events = set(graph.subjects(DG.ofAgreement, URIRef(ccm)))
    assert _subjects(graph, "event") == {str(e) for e in events} != set()
    evidence = _subjects(graph, "evidence")
    assert evidence == {str(e) for e in graph.objects(None, DG.evidence)}
    assert all(
        graph.value(URIRef(e), DG.inArticle) == URIRef(article) for e in evidence
    )
    assert {
        str(graph.value(p, rdflib.RDFS.label))
        for p in graph.objects(URIRef(ccm), DG.party)
    } == {"Lithuania"}
    assert _subjects(graph, "country") == {
        str(ID["country/LTU"]),
        str(ID["country/RUS"]),
    }
    assert _subjects(graph, "resolution")  # how the article's mention became this node
    # the same, by IRI, in quads: only from the graphs of its article and shared ones
    data = run(curated, capsys, "--agreement", ccm, "--format", "nquads")
    dataset = rdflib.Dataset()
    dataset.parse(data=data, format="nquads")
    graphs = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert graphs == {article, str(MERGED_GRAPH)}
    for name in graphs:
        assert set(dataset.graph(URIRef(name))) == set(graph)  # the same, in each


def test_an_agreement_brings_its_curation_and_inferred_classes(
    curated: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    [memorandum] = [
        row["agreement"]
        for row in run_query(curated, "agreements-concerning", country="PRK")
        if any(d.startswith("2014") for d in row["signed"])
    ]
    data = run(curated, capsys, "--agreement", memorandum, "--format", "nquads")
    dataset = rdflib.Dataset()
    dataset.parse(data=data, format="nquads")
    inferred = dataset.graph(INFERRED_GRAPH)
    assert set(inferred) == {(URIRef(memorandum), RDF.type, DG.TrilateralAgreement)}
    curation = dataset.graph(CURATION_GRAPH)
    assert (None, DG.separatedAgreement, URIRef(memorandum)) in curation
    articles = {
        str(g.identifier) for g in dataset.graphs() if is_article_iri(str(g.identifier))
    }
    assert len(articles) == 1  # the second article was split off: it is no source


@pytest.mark.parametrize(
    ("country", "queries"),
    [("PRK", ["agreements-concerning"]), ("South Korea", ["agreements-of"]),
     ("https://w3id.org/diplograph/id/country/LTU", ["agreements-of"])],
)  # fmt: skip
def test_a_country_selects_the_agreements_it_is_party_to_or_concerned_by(
    examples: Store,
    country: str,
    queries: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    expected = {
        row["agreement"]
        for name in ("agreements-of", "agreements-concerning")
        for row in run_query(examples, name, country=country)
    }
    assert expected == {
        row["agreement"]
        for name in queries
        for row in run_query(examples, name, country=country)
    }
    rows = csv_rows(run(examples, capsys, "--country", country, "--format", "csv"))
    assert {row["agreement"] for row in rows} == expected
    graph = Graph().parse(
        data=run(examples, capsys, "--country", country, "--format", "turtle"),
        format="turtle",
    )
    assert _subjects(graph, "agreement") == expected
    reporting = {
        row["article"] for iri in expected
        for row in run_query(examples, "sources-of", agreement=iri)
    }  # fmt: skip
    assert _subjects(graph, "article") == reporting


def test_a_country_with_no_agreement_exports_nothing_and_says_so(
    examples: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    run(examples, capsys, "--country", "Narnia", status=2)
    assert "'Narnia' is not a known country" in capsys.readouterr().err
    assert csv_rows(run(examples, capsys, "--country", "ISL", "--format", "csv")) == []
    assert "no stored agreement has ISL" in capsys.readouterr().err


def test_an_unknown_agreement_is_an_error_and_leaves_no_file(
    examples: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    for agreement in ("Treaty of Narnia", str(ID["agreement/0000"])):
        run(examples, capsys, "--agreement", agreement, status=2)
        assert "no agreement" in capsys.readouterr().err
        assert not Path("exported.out").exists()
        assert not list(Path().glob(".exported.out*"))


# ---------------------------------------------------------------------------
# The store, the output, the Python API
# ---------------------------------------------------------------------------


def test_a_missing_store_is_an_error_not_an_empty_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "mistyped"
    assert main(["export", "--store", str(missing)]) == 2
    assert f"there is no store at {missing}" in capsys.readouterr().err
    assert not missing.exists()


def test_export_reads_while_a_load_holds_the_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    location = str(tmp_path / "store")
    assert main(["load", str(EXAMPLES), "--store", location, "--quiet"]) == 0
    capsys.readouterr()
    writer = open_store(location)  # opened read-only, the export runs beside it
    try:
        assert main(["export", "--format", "csv", "--store", location]) == 0
    finally:
        writer.close()
    assert len(capsys.readouterr().out.splitlines()) == 1 + 4


def test_the_format_follows_the_file_name_unless_given(
    examples: Store, tmp_path: Path
) -> None:
    for name, first in (("a.csv", b"agreement,"), ("a.ttl", b"@prefix"),
                        ("a.jsonld", b"{"), ("a.nq", b"<")):  # fmt: skip
        assert main(["export", "--out", name, "--store", examples.location]) == 0
        assert Path(name).read_bytes().startswith(first), name
    assert (
        main(
            [
                "export",
                "--format",
                "csv",
                "--out",
                "b.ttl",
                "--store",
                examples.location,
            ]
        )
        == 0
    )
    assert Path("b.ttl").read_bytes().startswith(b"agreement,")


def test_nothing_is_built_as_one_graph_in_memory(
    examples: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object) -> Iterator[object]:
        raise AssertionError("an rdflib graph was built")

    monkeypatch.setattr(Graph, "add", refuse)
    for fmt in ("nquads", "trig", "turtle", "jsonld", "csv"):
        for selection in ({}, {"country": "KOR"}, {"agreement": CCM}):
            assert export(examples, io.BytesIO(), format=fmt, **selection) > 0


def test_the_python_api_counts_what_it_wrote(examples: Store) -> None:
    out = io.BytesIO()
    assert export(examples, out, format="nquads") == len(out.getvalue().splitlines())
    out = io.BytesIO()
    assert (
        export(examples, out, format="csv") == 4 == len(out.getvalue().splitlines()) - 1
    )
    with pytest.raises(Exception, match="no export format 'xml'"):
        export(examples, io.BytesIO(), format="xml")
