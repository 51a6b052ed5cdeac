"""Validation reports as a user meets them: `validate` grouped by node and
shape or as SHACL report graphs, and the report a rejected article leaves
beside the store."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import DCTERMS, RDF, XSD, Graph, Literal, Namespace, URIRef
from support import ARTICLE, WriteArticle, quads

from diplograph.cli import main
from diplograph.iri import article_iri
from diplograph.namespaces import DG, DGS, ID
from diplograph.store import Store

SH = Namespace("http://www.w3.org/ns/shacl#")
LIFECYCLE = Path(__file__).resolve().parent / "data" / "valid-lifecycle.ttl"
LIFECYCLE_ARTICLE = ID[
    "article/bee9f47bb48f6f13098dea9b9a51ab44433252918353ddb34d6f171f432849c9"
]
FISHERIES = ID["agreement/46a81739c6ee7c1d"]
ISL_RATIFIED = ID["event/3ffdf31dc8dc8e77"]
NOR_RATIFIED = ID["event/b0c8e7868b8b35cf"]
ISL_WITHDREW = ID["event/c26f22db83dc51ce"]
NOR_RATIFIED_AGAIN = ID["event/ffffffffffffffff"]  # sorts after NOR_RATIFIED
FUTURE = "Norway and Iceland signed a fisheries agreement on March 3, 2030.\n"
# a rejected article's report files: its file's name and the start of its IRI's hash
REPORT_NAME = f"future-{str(article_iri(ARTICLE)).rsplit('/', 1)[-1][:8]}"


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DIPLOGRAPH_STORE", raising=False)


def broken_lifecycle() -> Graph:
    """The lifecycle article as it might have been stored before the lifecycle
    rules existed: Iceland's ratification dated before the signing (a
    violation), Iceland no longer a party though it signs, ratifies and
    withdraws (three warnings), and Norway's ratification reported twice (a
    fourth)."""
    graph = Graph().parse(LIFECYCLE, format="turtle")
    graph.set((ISL_RATIFIED, DG.date, Literal("2010-04", datatype=XSD.gYearMonth)))
    graph.remove((FISHERIES, DG.party, ID["country/ISL"]))
    for p, o in list(graph.predicate_objects(NOR_RATIFIED)):
        graph.add((NOR_RATIFIED_AGAIN, p, o))
    return graph


@pytest.fixture
def mixed_store(
    tmp_path: Path, write_article: WriteArticle, capsys: pytest.CaptureFixture[str]
) -> str:
    """A store with one conforming article and the broken lifecycle graph."""
    location = str(tmp_path / "store")
    assert main(["load", str(write_article()), "--store", location]) == 0
    from diplograph.store import open_store

    store = open_store(location)
    store.replace_graph(LIFECYCLE_ARTICLE, broken_lifecycle())
    store.close()
    capsys.readouterr()
    return location


# ---------------------------------------------------------------------------
# validate: in words
# ---------------------------------------------------------------------------


def test_validate_store_groups_by_node_then_shape(
    mixed_store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", "--store", mixed_store]) == 1
    out = capsys.readouterr().out
    lines = out.splitlines()
    good = str(article_iri(ARTICLE))
    # one header per graph: conformance, the article's file, severity counts
    assert f"conforms {good} (article)" in lines
    header = f"VIOLATES {LIFECYCLE_ARTICLE} (lifecycle.txt): 1 violation, 4 warnings"
    assert header in lines
    body = lines[lines.index(header) + 1 :]
    body = body[: next(i for i, line in enumerate(body) if not line.startswith(" "))]
    # nodes (kind, label, IRI, counts), most severe first; under each, its shapes
    ratification = (
        f'  ratification "agreement between Iceland and Norway, 2010-04" '
        f"<{ISL_RATIFIED}>: 1 violation, 1 warning"
    )
    assert body[:3] == [
        ratification,
        "    Violation: event after signing [dgs:EventAfterSigningShape]",
        f"      - dg:date 2010-04 lies before 2010-05-12, when {FISHERIES} was signed; "
        "a ratification, entry into force or implementation comes after the signing. "
        "Check that the event belongs to this agreement and that its date was "
        "resolved against the right year.",
    ]
    duplicate = body.index(
        f'  ratification "agreement between Iceland and Norway, 2010" '
        f"<{NOR_RATIFIED_AGAIN}>: 1 warning"
    )
    assert body[duplicate + 1] == (
        "    Warning: one event per type and date [dgs:UniqueEventShape]"
    )
    assert body[duplicate + 2].startswith(
        f"      - {NOR_RATIFIED_AGAIN} and {NOR_RATIFIED} are both "
        f"{DG.Ratification} events of {FISHERIES} dated 2010"
    )
    withdrawal = body.index(
        f'  withdrawal "agreement between Iceland and Norway, 2019-03-05" '
        f"<{ISL_WITHDREW}>: 1 warning"
    )
    assert body[withdrawal + 1] == (
        "    Warning: signed, ratified or withdrawn by a party [dgs:EventByPartyShape]"
    )
    assert f"{ID['country/ISL']} withdrew from {FISHERIES}" in body[withdrawal + 2]
    assert lines[-1] == "1 of 2 conform; 1 violation, 4 warnings in all"


def test_validate_counts_repeated_results_of_one_shape(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    graph = Graph().parse(LIFECYCLE, format="turtle")
    graph.remove((FISHERIES, DG.party, None))  # every dg:by a non-party
    graph.add((ISL_WITHDREW, DG.by, ID["country/NOR"]))
    path = tmp_path / "no-parties.ttl"
    graph.serialize(path, format="turtle")
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    # the signing and the withdrawal twice each, the two ratifications once
    assert f"VIOLATES {path}: 1 violation, 6 warnings" in out
    assert (
        f'  withdrawal "agreement between Iceland and Norway, 2019-03-05" '
        f"<{ISL_WITHDREW}>: 2 warnings\n"
        "    Warning x2: signed, ratified or withdrawn by a party "
        "[dgs:EventByPartyShape]\n"
    ) in out
    assert "    Violation: party [dgs:AgreementShape-party]" in out


# ---------------------------------------------------------------------------
# validate --format turtle
# ---------------------------------------------------------------------------


def _reports(text: str) -> dict[URIRef, Graph]:
    """The report graph printed, and each report's results by what it validated."""
    graph = Graph().parse(data=text, format="turtle")
    found = {}
    for report in graph.subjects(RDF.type, SH.ValidationReport):
        source = graph.value(report, DCTERMS.source)
        assert isinstance(source, URIRef)
        found[source] = _closure(graph, report)
    return found


def _closure(graph: Graph, node: object) -> Graph:
    """Everything reachable from ``node``: one report with its results."""
    out, todo, seen = Graph(), [node], set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        for p, o in graph.predicate_objects(current):  # type: ignore[arg-type]
            out.add((current, p, o))  # type: ignore[arg-type]
            todo.append(o)
    return out


def _shapes(report: Graph) -> set[URIRef]:
    return {s for s in report.objects(None, SH.sourceShape) if isinstance(s, URIRef)}


def test_validate_store_as_shacl_report_graphs(
    mixed_store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", "--store", mixed_store, "--format", "turtle"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("# SHACL validation reports: 1 of 2 conform\n")
    reports = _reports(out)
    good = article_iri(ARTICLE)
    assert set(reports) == {good, LIFECYCLE_ARTICLE}
    assert _shapes(reports[good]) == set()
    assert (None, SH.conforms, Literal(True)) in reports[good]
    assert _shapes(reports[LIFECYCLE_ARTICLE]) == {
        DGS.EventAfterSigningShape, DGS.UniqueEventShape, DGS.EventByPartyShape,
    }  # fmt: skip
    results = list(reports[LIFECYCLE_ARTICLE].subjects(RDF.type, SH.ValidationResult))
    assert len(results) == 5


def test_validate_files_as_shacl_report_graphs(
    tmp_path: Path, write_article: WriteArticle, capsys: pytest.CaptureFixture[str]
) -> None:
    rdf = tmp_path / "lifecycle.ttl"
    broken_lifecycle().serialize(rdf, format="turtle")
    article = write_article()
    assert main(["validate", str(rdf), str(article), "--format", "turtle"]) == 1
    reports = _reports(capsys.readouterr().out)
    # a file is named by its file: IRI, an article by the IRI of its graph
    assert set(reports) == {URIRef(rdf.resolve().as_uri()), article_iri(ARTICLE)}
    assert DGS.EventAfterSigningShape in _shapes(
        reports[URIRef(rdf.resolve().as_uri())]
    )
    assert main(["validate", str(article), "--format", "turtle"]) == 0
    assert set(_reports(capsys.readouterr().out)) == {article_iri(ARTICLE)}


def test_validate_turtle_keeps_exit_2_for_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "broken.ttl"
    path.write_text("this is { not turtle", encoding="utf-8")
    assert main(["validate", str(path), "--format", "turtle"]) == 2
    assert f"{path}: not valid turtle" in capsys.readouterr().err


# ---------------------------------------------------------------------------
# load: a rejected article's report is kept
# ---------------------------------------------------------------------------


def test_a_rejected_article_leaves_the_store_and_keeps_its_report(
    open_backend: Callable[[], Store],
    tmp_path: Path,
    write_article: WriteArticle,
    capsys: pytest.CaptureFixture[str],
) -> None:
    store = open_backend()
    location = store.location
    store.close()  # the command opens it itself
    assert main(["load", str(write_article("good.txt")), "--store", location]) == 0
    store = open_backend()
    before = quads(store)
    store.close()
    assert before
    # a corrected version of the same article (same URL, so the same graph)
    # that breaks the shapes: the stored version must stay as it was
    bad = write_article("future.txt", FUTURE)
    assert main(["load", "--strict", str(bad), "--store", location]) == 1
    err = capsys.readouterr().err
    store = open_backend()
    try:
        assert quads(store) == before
    finally:
        store.close()

    embedded = not location.startswith("http")
    folder = (
        Path(location) / "rejected" if embedded else tmp_path / "diplograph-rejected"
    )
    text, turtle = folder / f"{REPORT_NAME}.txt", folder / f"{REPORT_NAME}.ttl"
    shown = Path(location) / "rejected" if embedded else Path("./diplograph-rejected")
    assert f"report kept in {shown / REPORT_NAME}.txt and {shown / REPORT_NAME}.ttl" in err
    assert text.read_text(encoding="utf-8").startswith(
        f"VIOLATES {bad} <{article_iri(ARTICLE)}>: 2 violations\n"
    )
    assert "lies after 2015-06-25" in text.read_text(encoding="utf-8")
    report = Graph().parse(turtle, format="turtle")
    top = next(report.subjects(RDF.type, SH.ValidationReport))
    assert report.value(top, DCTERMS.source) == article_iri(ARTICLE)
    assert _shapes(report) == {
        DGS.AgreementSignedBeforePublicationShape, DGS.EventBeforePublicationShape,
    }  # fmt: skip


def test_the_rejection_says_where_the_report_is(
    tmp_path: Path, write_article: WriteArticle, capsys: pytest.CaptureFixture[str]
) -> None:
    location = str(tmp_path / "store")
    path = write_article("batch/future.txt", FUTURE)
    assert main(["load", "--strict", str(path), "--store", location]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (
        f"REJECTED {path}: its graph breaks the shapes, nothing of it was stored: "
        "2 violations"
    )
    assert err[1].startswith("  agreement ") and err[1].endswith(": 1 violation")
    assert err[2] == (
        "    Violation: signed before publication "
        "[dgs:AgreementSignedBeforePublicationShape]"
    )
    assert err[-1] == (
        f"  report kept in {location}/rejected/{REPORT_NAME}.txt "
        f"and {location}/rejected/{REPORT_NAME}.ttl"
    )


def test_rejected_shards_keep_their_reports_too(
    tmp_path: Path, write_article: WriteArticle, capsys: pytest.CaptureFixture[str]
) -> None:
    shard = tmp_path / "shard.nq"
    assert (
        main(
            [
                "extract",
                str(write_article("future.txt", FUTURE)),
                "--format",
                "nquads",
                "--out",
                str(shard),
            ]
        )  # fmt: skip
        == 0
    )
    location = str(tmp_path / "store")
    assert main(["load", "--nquads", str(shard), "--store", location]) == 1
    stem = str(article_iri(ARTICLE)).rsplit("/", 1)[-1]
    assert (Path(location) / "rejected" / f"{stem}.ttl").exists()
    assert f"report kept in {location}/rejected/{stem}.txt" in capsys.readouterr().err


def test_rejected_files_of_one_name_keep_a_report_each(
    tmp_path: Path, write_article: WriteArticle
) -> None:
    first = write_article("monday/future.txt", FUTURE, url="https://example.org/mon")
    second = write_article("tuesday/future.txt", FUTURE, url="https://example.org/tue")
    location = tmp_path / "store"
    args = [str(first), str(second), "--store", str(location)]
    assert main(["load", "--strict", *args]) == 1
    reports = sorted((location / "rejected").glob("future-*.txt"))
    assert len(reports) == 2
    assert {r.read_text(encoding="utf-8").split(" <")[0] for r in reports} == {
        f"VIOLATES {first}", f"VIOLATES {second}"
    }
