"""``diplograph validate``: RDF files, articles or the store against the shapes."""

from __future__ import annotations

import argparse
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from diplograph.cli.command import Command
from diplograph.cli.options import opened
from diplograph.cli.status import ExitStatus
from diplograph.errors import ArticleError, DiplographError
from diplograph.iri import article_iri, is_article_iri
from diplograph.namespaces import DG
from diplograph.pipeline import Processed, process_all
from diplograph.settings import Settings
from diplograph.validate import (
    ValidationReport,
    plural,
    report_graph,
    report_text,
    validate,
)

RDF_SUFFIXES = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
    ".rdf": "xml",
}

# what the report says was validated, its IRI in a Turtle report, the report
Checked = tuple[str, URIRef, ValidationReport]


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="*", metavar="FILE")
    parser.add_argument(
        "--format",
        choices=["text", "turtle"],
        default="text",
        help="text: the report in words (default); turtle: the SHACL validation "
        "report graph(s), each sh:ValidationReport with dcterms:source naming what "
        "was validated",
    )


def rdf_file(path: Path) -> Checked:
    """An RDF file as one graph: the union of its named graphs for quad formats
    (which a plain Graph would not see)."""
    rdf_format = RDF_SUFFIXES[path.suffix]
    parsed = Dataset() if rdf_format in ("nquads", "trig") else Graph()
    try:
        parsed.parse(path, format=rdf_format)
    except Exception as error:  # rdflib raises many types for bad syntax
        raise DiplographError(f"{path}: not valid {rdf_format}: {error}") from None
    graph = parsed
    if isinstance(parsed, Dataset):
        graph = Graph()
        for s, p, o, _ in parsed.quads((None, None, None, None)):
            graph.add((s, p, o))
    return str(path), URIRef(path.resolve().as_uri()), validate(graph)


def article_files(path: Path, settings: Settings) -> list[Checked]:
    """The articles of a file or folder, extracted and built as a load would."""
    from diplograph.articles import read_articles

    checked: list[Checked] = []
    articles = read_articles([path])
    for outcome in process_all(articles, check=True, workers=1, settings=settings):
        if isinstance(outcome, ArticleError):
            raise outcome
        assert isinstance(outcome, Processed) and outcome.report is not None
        article = outcome.article
        checked.append((article.source, article_iri(article), outcome.report))
    return checked


def stored_graphs(settings: Settings) -> list[Checked]:
    """Every article graph in the store."""
    checked: list[Checked] = []
    with opened(settings, read_only=True) as store:
        for graph_iri in store.graphs():
            if is_article_iri(graph_iri):
                iri = URIRef(graph_iri)
                graph = store.export_graph(iri)
                source_file = graph.value(iri, DG.sourceFile)
                shown = f"{graph_iri} ({source_file})" if source_file else graph_iri
                checked.append((shown, iri, validate(graph)))
    return checked


def print_reports(reports: list[Checked], fmt: str) -> int:
    """The reports as words or as SHACL report graphs; how many do not conform."""
    failed = sum(not report.conforms for _, _, report in reports)
    if fmt == "turtle":
        graph = report_graph((iri, report) for _, iri, report in reports)
        print(
            f"# SHACL validation reports: {len(reports) - failed} of {len(reports)} "
            "conform"
        )
        print(graph.serialize(format="turtle").rstrip("\n"))
        return failed
    totals: dict[str, int] = {}
    for source, _, report in reports:
        print(report_text(source, report), end="")
        for severity, n in report.counts().items():
            totals[severity] = totals.get(severity, 0) + n
    print(
        f"{len(reports) - failed} of {len(reports)} conform"
        + (f"; {plural(totals)} in all" if totals else "")
    )
    return failed


def run(args: argparse.Namespace, settings: Settings) -> ExitStatus:
    reports: list[Checked] = []
    for name in args.files:
        path = Path(name)
        if path.suffix in RDF_SUFFIXES:
            reports.append(rdf_file(path))
        else:
            reports.extend(article_files(path, settings))
    if not args.files:
        reports = stored_graphs(settings)
    failed = print_reports(reports, args.format)
    return ExitStatus.FINDINGS if failed else ExitStatus.SUCCESS


VALIDATE = Command(
    help="check data against the SHACL shapes",
    description="Validate RDF files (.ttl, .nt, .nq, .trig, .jsonld) or articles "
    "against the shapes; with no FILE, every article graph in the store. The "
    "report lists, for each graph, the nodes that break a shape and, under each "
    "node, the shapes with their messages; --format turtle prints the SHACL "
    "report graphs instead. Exit 0 conforms, 1 violations, 2 error.",
    run=run,
    arguments=arguments,
)
