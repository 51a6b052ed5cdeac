"""The ``diplograph`` command: load, query, queries, extract, evaluate, validate.

Exit codes (as ``pyshacl`` and HTTPie name theirs): 0 success, 1 some input was
rejected or does not conform, 2 an error stopped the command.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import shutil
import sys
import textwrap
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from enum import IntEnum
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from diplograph import __version__, curation
from diplograph.errors import ArticleError, DiplographError
from diplograph.iri import INFERRED_GRAPH, article_iri, is_article_iri
from diplograph.namespaces import DATA_BASE, DG
from diplograph.pipeline import (
    LoadSummary,
    Processed,
    extract_facts,
    load,
    load_nquads,
    process_all,
)
from diplograph.queries import (
    VOCABULARIES,
    bind_parameters,
    load_query,
    parse_query,
    saved_queries,
    with_prefixes,
)  # fmt: skip
from diplograph.store import Row, Store, open_store
from diplograph.validate import (
    ValidationReport,
    plural,
    report_graph,
    report_text,
    validate,
)

DEFAULT_STORE = "./diplograph-store"
REJECTED_DIR = (
    "rejected"  # in an embedded store's folder: the reports of rejected articles
)
REJECTED_ELSEWHERE = "./diplograph-rejected"  # for a server's store (or one in memory)
RDF_SUFFIXES = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
    ".rdf": "xml",
}


class ExitStatus(IntEnum):
    SUCCESS = 0
    REJECTED = 1  # some article was rejected, or data does not conform
    ERROR = 2
    INTERRUPTED = 130  # Ctrl-C, as shells report it


def _store_location(args: argparse.Namespace) -> str:
    return args.store or os.environ.get("DIPLOGRAPH_STORE") or DEFAULT_STORE


@contextmanager
def opened(args: argparse.Namespace) -> Iterator[Store]:
    """The store the command line names, closed however the command ends."""
    store = open_store(_store_location(args))
    try:
        yield store
    finally:
        store.close()


def _add_store(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--store", metavar="DIR_OR_URL",
        help="store folder or SPARQL endpoint "
        f"(default: $DIPLOGRAPH_STORE or {DEFAULT_STORE})",
    )  # fmt: skip


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a date; write YYYY-MM-DD"
        ) from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="diplograph",
        description="Turn news articles about diplomatic agreements into a validated "
        "knowledge graph, and ask it questions.",
        epilog="Exit codes: 0 success, 1 rejected or non-conforming input, 2 error.",
    )
    parser.add_argument(
        "--version", action="version", version=f"diplograph {__version__}"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = commands.add_parser(
        "load",
        help="read, extract, validate and store articles",
        description="Read articles (files or folders), extract their agreements, "
        "validate each article's graph against the shapes and store the ones that "
        "conform. Reloading an article replaces its graph.",
    )
    p.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="article files or folders (.txt, .html, .md, .jsonl)",
    )
    p.add_argument(
        "--nquads",
        nargs="+",
        default=[],
        metavar="SHARD.nq",
        help="also load shards written by `extract --format nquads` "
        "(validated, one graph per article)",
    )
    p.add_argument(
        "--published",
        type=_date,
        metavar="YYYY-MM-DD",
        help="publication date for articles that give none",
    )
    p.add_argument(
        "--quiet", action="store_true", help="print only problems and the summary"
    )
    _add_store(p)

    p = commands.add_parser(
        "query",
        help="run a saved query or a .rq file",
        description="Run a saved query by name (see `diplograph queries`), a .rq file, "
        "or '-' for a query on standard input; the project's prefixes are predeclared.",
    )
    p.add_argument("query", metavar="NAME_OR_FILE")
    p.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a query parameter; countries as code (PRK), name or IRI",
    )
    p.add_argument(
        "--format", choices=["table", "csv", "tsv", "json", "turtle"], default="table"
    )
    _add_store(p)

    commands.add_parser(
        "queries",
        help="list the saved queries and their parameters",
        description="List the saved queries with their summaries and parameters.",
    )

    p = commands.add_parser(
        "extract",
        help="extract facts without storing them",
        description="Extract the agreements of each article and write them as facts "
        "JSON (one DIR/<stem>.json per article, read back from the article's RDF "
        "graph), or print the graphs as Turtle or N-Quads. Runs on all cores.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--format", choices=["facts", "turtle", "nquads"], default="facts")
    p.add_argument(
        "--explain",
        action="store_true",
        help="print every extracted fact with the stage and rule that produced it "
        "and the words it rests on (before validation), instead of --format",
    )
    p.add_argument(
        "--out",
        metavar="DIR",
        help="output folder (facts) or file (turtle, nquads); default stdout",
    )
    p.add_argument("--published", type=_date, metavar="YYYY-MM-DD")

    p = commands.add_parser(
        "evaluate",
        help="score extraction against gold facts",
        description="Extract every article NAME.txt of GOLD_DIR as `extract --format "
        "facts` does and score it against its gold facts NAME.json (the corpus "
        "guidelines' format): precision, recall and F1 per kind of fact (agreement, "
        "kind, party, signed, concerns, topic, event) and for all facts, matched and "
        "counted as the corpus's reference scorer does. An article without a gold file "
        "is skipped; a gold file whose article is missing or unreadable is scored as "
        "predicting nothing. Exit 0 scored, 1 some gold file had no readable article, "
        "2 error (no such folder, no gold files, a gold file that is not valid).",
    )
    p.add_argument(
        "gold_dir",
        metavar="GOLD_DIR",
        help="folder of articles NAME.txt beside their gold facts NAME.json",
    )
    p.add_argument(
        "--verbose",
        action="store_true",
        help="also list, per article, the gold facts missed and the facts "
        "predicted wrongly, by agreement",
    )
    p.add_argument(
        "--json",
        action="store_true",
        help="print the scores as JSON: per kind p, r, f, tp, fp, fn "
        "(with --verbose, the mistakes too)",
    )

    p = commands.add_parser(
        "remove",
        help="withdraw stored articles and their claims",
        description="Remove articles from the store, given by IRI, URL, file name "
        "or content hash. An agreement no remaining article reports disappears.",
    )
    p.add_argument("articles", nargs="+", metavar="ARTICLE")
    _add_store(p)

    p = commands.add_parser(
        "reload",
        help="re-extract stored articles after an extractor change",
        description="Re-extract the stored articles (their text is kept in the store) "
        "that an older extractor version produced, or all with --all, and report "
        "which graphs changed. Unchanged graphs are not rewritten.",
    )
    p.add_argument(
        "--all",
        action="store_true",
        help="re-extract every article, whatever its version",
    )
    _add_store(p)

    p = commands.add_parser(
        "merges",
        help="list the merges of agreements across articles",
        description="List every decision that identified an article's agreement "
        "with one already stored: the rule, the score and the supporting articles.",
    )
    p.add_argument("--format", choices=["table", "csv", "tsv", "json"], default="table")
    _add_store(p)

    p = commands.add_parser(
        "split",
        help="undo a wrong merge",
        description="Separate an article's claims from an agreement node for good "
        "(recorded as a dg:Separation) and re-resolve the article.",
    )
    p.add_argument(
        "agreement",
        metavar="AGREEMENT",
        help="IRI, name or alias of the merged agreement",
    )
    p.add_argument(
        "--article",
        required=True,
        metavar="ARTICLE",
        help="the article to separate: IRI, URL, file name or content hash",
    )
    _add_store(p)

    p = commands.add_parser(
        "reason",
        help="check consistency with HermiT and classify agreements",
        description="Load the ontology and the stored agreements into owlready2, check "
        "consistency with HermiT (needs Java), classify agreements as bilateral, "
        "trilateral or multilateral (reading each agreement's parties as complete), "
        "reported in force, and parties as signatories, and write the inferred types "
        f"into the named graph {INFERRED_GRAPH}. Exit 1 "
        "when the data is inconsistent.",
    )
    _add_store(p)

    p = commands.add_parser(
        "validate",
        help="check data against the SHACL shapes",
        description="Validate RDF files (.ttl, .nt, .nq, .trig, .jsonld) or articles "
        "against the shapes; with no FILE, every article graph in the store. The "
        "report lists, for each graph, the nodes that break a shape and, under each "
        "node, the shapes with their messages; --format turtle prints the SHACL "
        "report graphs instead. Exit 0 conforms, 1 violations, 2 error.",
    )
    p.add_argument("files", nargs="*", metavar="FILE")
    p.add_argument(
        "--format",
        choices=["text", "turtle"],
        default="text",
        help="text: the report in words (default); turtle: the SHACL validation "
        "report graph(s), each sh:ValidationReport with dcterms:source naming what "
        "was validated",
    )
    _add_store(p)
    return parser


def query_help(name: str) -> str:
    """One saved query's description and parameters, for `query NAME --help`."""
    query = load_query(name)
    lines = [f"diplograph query {query.name}", "", query.summary, ""]
    if query.description:
        lines += textwrap.wrap(query.description, 78) + [""]
    lines.append("parameters:" if query.parameters else "parameters: none")
    for p in query.parameters:
        kind = {
            "iri": "country/organization code, name or IRI"
            if p.name in ("country", "other", "party", "partner")
            else "IRI, name or alias"
            if p.name == "agreement"
            else "IRI",
            "xsd_date": "date: YYYY, YYYY-MM or YYYY-MM-DD",
            "integer": "whole number",
        }.get(p.type, "text")
        if p.name in VOCABULARIES:
            kind = "one of " + ", ".join(VOCABULARIES[p.name])
        example = query.defaults.get(p.name)
        need = "required" if p.required else "optional, a wildcard when left out"
        lines.append(
            f"  --param {p.name}=VALUE  ({need}; {kind})"
            + (f", e.g. {example}" if example else "")
        )
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if len(argv) >= 3 and argv[0] == "query" and ("--help" in argv or "-h" in argv):
        name = next((a for a in argv[1:] if not a.startswith("-")), None)
        if name and name != "-":
            try:
                print(query_help(name), end="")
                return ExitStatus.SUCCESS
            except DiplographError as error:
                print(f"diplograph: error: {error}", file=sys.stderr)
                return ExitStatus.ERROR
    args = build_parser().parse_args(argv)
    try:
        handler = {"load": cmd_load, "query": cmd_query, "queries": cmd_queries,
                   "extract": cmd_extract, "evaluate": cmd_evaluate,
                   "validate": cmd_validate, "remove": cmd_remove,
                   "reload": cmd_reload, "merges": cmd_merges, "split": cmd_split,
                   "reason": cmd_reason}[args.command]  # fmt: skip
        return int(handler(args))
    except DiplographError as error:
        print(f"diplograph: error: {error}", file=sys.stderr)
        return ExitStatus.ERROR
    except KeyboardInterrupt:
        print("diplograph: interrupted", file=sys.stderr)
        return ExitStatus.ERROR


def _print_report(
    source: str, report: ValidationReport, kept: str | None = None
) -> None:
    """A rejection on stderr: the violations by node and shape, and where the
    full report is."""
    print(f"REJECTED {source}: its graph breaks the shapes, nothing of it was stored: "
          f"{plural(report.counts())}", file=sys.stderr)  # fmt: skip
    for line in report_text(source, report, severities=("Violation",)).splitlines()[1:]:
        print(line, file=sys.stderr)
    if kept:
        print(f"  {kept}", file=sys.stderr)


def rejected_dir(store: Store) -> Path:
    """Where the reports of rejected articles go: ``<store>/rejected/`` for an
    embedded store's folder, ``./diplograph-rejected/`` for a server."""
    if store.folder is None:
        return Path(REJECTED_ELSEWHERE)
    return store.folder / REJECTED_DIR


def keep_report(
    folder: Path, stem: str, source: str, iri: URIRef, report: ValidationReport
) -> str:
    """Write a rejected article's report as ``<stem>-<id>.txt`` (words) and
    ``<stem>-<id>.ttl`` (the SHACL report graph), <id> from the article's IRI so
    that files of one name in different folders keep a report each; say where,
    or why it could not be written."""
    name = re.sub(r"[^\w.-]+", "_", stem).strip("._") or "article"
    tag = str(iri).rsplit("/", 1)[-1][:8]
    name = name if tag in name else f"{name}-{tag}"
    text, turtle = folder / f"{name}.txt", folder / f"{name}.ttl"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        text.write_text(report_text(f"{source} <{iri}>", report), encoding="utf-8")
        turtle.write_text(
            report_graph([(iri, report)]).serialize(format="turtle"), encoding="utf-8"
        )
    except OSError as error:
        return f"the report could not be kept in {folder}: {error}"
    return f"report kept in {text} and {turtle}"


class Progress:
    """A progress line on stderr (only on a terminal): done/total, rate, time left."""

    def __init__(self, total: int) -> None:
        self.total, self.done, self.started = total, 0, time.monotonic()
        self.shown = 0.0
        self.enabled = sys.stderr.isatty() and total > 1

    def step(self) -> None:
        self.done += 1
        now = time.monotonic()
        if not self.enabled or (now - self.shown < 0.25 and self.done < self.total):
            return
        self.shown = now
        rate = self.done / max(now - self.started, 1e-9)
        left = (self.total - self.done) / rate if rate else 0
        sys.stderr.write(
            f"\r  {self.done}/{self.total} articles  {rate:6.1f}/s  "
            f"{int(left // 60)}m{int(left % 60):02d}s left "
        )
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")


def load_shards(paths: list[str], store: Store, rejected_to: Path) -> ExitStatus:
    stored = rejected = triples = 0
    started = time.monotonic()
    for outcome in load_nquads(paths, store):
        if outcome.report.conforms:
            stored += 1
            triples += outcome.triples
        else:
            rejected += 1
            iri = URIRef(outcome.graph_iri)
            stem = outcome.graph_iri.rstrip("/").rsplit("/", 1)[-1]
            kept = keep_report(
                rejected_to, stem, outcome.graph_iri, iri, outcome.report
            )
            _print_report(outcome.graph_iri, outcome.report, kept)
    elapsed = time.monotonic() - started
    print(
        f"{stored} article graph(s) loaded from {len(paths)} shard(s), "
        f"{rejected} rejected; {triples} triples; {elapsed:.1f} s; "
        f"store: {store.location}"
    )
    return ExitStatus.REJECTED if rejected else ExitStatus.SUCCESS


def cmd_load(args: argparse.Namespace) -> ExitStatus:
    from diplograph.articles import iter_paths

    if not args.paths and not args.nquads:
        raise DiplographError("give article files or folders, or --nquads SHARD.nq")
    location = _store_location(args)
    store = open_store(location)
    rejected_to = rejected_dir(store)
    if args.nquads:
        shard_status = load_shards(args.nquads, store, rejected_to)
        if not args.paths:
            store.close()
            return shard_status
    summary = LoadSummary()
    started = time.monotonic()
    paths = list(iter_paths(args.paths))
    progress = Progress(len(paths))
    interrupted = False
    failure: DiplographError | None = None

    def say(line: str, *, error: bool = False) -> None:
        if error or not args.quiet:
            if progress.enabled:
                sys.stderr.write("\r\033[K")
            print(line, file=sys.stderr if error else sys.stdout)

    try:
        for outcome in load(paths, store, published=args.published):
            progress.step()
            if isinstance(outcome, ArticleError):
                summary.unreadable.append(outcome)
                say(f"SKIPPED {outcome}", error=True)
            elif outcome.status == "rejected" and outcome.report is not None:
                summary.rejected.append((outcome.article.source, outcome.report))
                article = outcome.article
                kept = keep_report(
                    rejected_to, article.stem, article.source,
                    article_iri(article), outcome.report,
                )  # fmt: skip
                if progress.enabled:
                    sys.stderr.write("\r\033[K")
                _print_report(outcome.article.source, outcome.report, kept)
            elif outcome.status == "unchanged":
                summary.unchanged.append(outcome.article.source)
                say(f"unchanged {outcome.article.source}: already stored")
            else:
                summary.loaded.append(outcome.article.source)
                summary.agreements += len(outcome.facts.agreements)
                summary.triples += len(outcome.graph)
                n = len(outcome.facts.agreements)
                say(f"loaded {outcome.article.source}: {n} agreement(s)")
    except KeyboardInterrupt:
        # each article is written in one atomic update: stopping between two is clean
        interrupted = True
    except DiplographError as error:  # the store failed: stop, and say what was done
        failure = error
    finally:
        progress.close()
        store.close()
    elapsed = time.monotonic() - started
    done = len(summary.loaded) + len(summary.unchanged)
    print(
        f"{len(summary.loaded)} article(s) loaded, {len(summary.unchanged)} unchanged, "
        f"{len(summary.rejected)} rejected, "
        f"{len(summary.unreadable)} unreadable; {summary.agreements} agreement(s), "
        f"{summary.triples} triples; {elapsed:.1f} s "
        f"({done / max(elapsed, 1e-9):.1f} articles/s); "
        f"store: {store.location}"
    )
    if failure is not None:
        print(f"diplograph: error: {failure}", file=sys.stderr)
        return ExitStatus.ERROR
    if interrupted:
        print(
            "interrupted: run the same command again to resume; "
            "stored articles are skipped",
            file=sys.stderr,
        )
        return ExitStatus.INTERRUPTED
    return ExitStatus.SUCCESS if summary.ok else ExitStatus.REJECTED


def cmd_remove(args: argparse.Namespace) -> ExitStatus:
    with opened(args) as store:
        for ref in args.articles:
            for iri in curation.remove(store, ref):
                print(f"removed {iri} ({ref})")
    return ExitStatus.SUCCESS


def cmd_reload(args: argparse.Namespace) -> ExitStatus:
    with opened(args) as store:
        results = curation.reload(store, everything=args.all)
    for iri, status in results:
        print(f"{status} {iri}")
    counts = {
        status: sum(1 for _, s in results if s == status)
        for status in ("changed", "unchanged", "rejected")
    }
    print(
        f"{len(results)} article(s) re-extracted: {counts['changed']} changed, "
        f"{counts['unchanged']} unchanged, "
        f"{counts['rejected']} rejected (kept as they were)"
    )
    return ExitStatus.REJECTED if counts["rejected"] else ExitStatus.SUCCESS


def cmd_merges(args: argparse.Namespace) -> ExitStatus:
    with opened(args) as store:
        variables, rows = curation.merges(store)
    print(format_rows(variables, rows, args.format), end="")
    return ExitStatus.SUCCESS


def cmd_split(args: argparse.Namespace) -> ExitStatus:
    with opened(args) as store:
        for iri in curation.split(store, args.agreement, args.article):
            print(f"separated {iri} from {args.agreement}; re-resolved it")
    return ExitStatus.SUCCESS


def cmd_reason(args: argparse.Namespace) -> ExitStatus:
    from diplograph.reason import reason

    with opened(args) as store:
        report = reason(store)
    verdict = "consistent" if report.consistent else "INCONSISTENT"
    print(
        f"{report.agreements} agreement(s) and {report.parties} part(y/ies) "
        f"reasoned over with HermiT in {report.seconds:.1f} s: {verdict}"
    )
    for problem in report.problems:
        print(f"  - {problem}")
    for cls, members in report.inferred.items():
        print(f"{cls}: {len(members)}")
    if report.consistent:
        print(f"inferred types written to <{INFERRED_GRAPH}>")
    return ExitStatus.SUCCESS if report.consistent else ExitStatus.REJECTED


def cmd_queries(args: argparse.Namespace) -> ExitStatus:
    for name, query in saved_queries().items():
        params = " ".join(
            f"{p.name}{'' if p.required else '?'}:{p.type}" for p in query.parameters
        )
        print(f"{name}\n    {query.summary}\n    parameters: {params or 'none'}")
    return ExitStatus.SUCCESS


def cmd_query(args: argparse.Namespace) -> ExitStatus:
    if args.query == "-":
        query = parse_query("stdin", with_prefixes(sys.stdin.read()))
    elif Path(args.query).suffix == ".rq" and Path(args.query).exists():
        query = parse_query(
            Path(args.query).stem,
            with_prefixes(Path(args.query).read_text(encoding="utf-8")),
        )
    else:
        query = load_query(args.query)
    values: dict[str, str] = {}
    for item in args.param:
        key, sep, value = item.partition("=")
        if not sep:
            raise DiplographError(
                f"--param {item!r} must be KEY=VALUE, e.g. --param country=PRK"
            )
        values[key.strip()] = value
    store = open_store(_store_location(args))
    try:
        bindings = bind_parameters(query, values, store)
        if query.is_construct:
            graph = store.construct(query.text, bindings)
            print(graph.serialize(format="turtle"))
            return ExitStatus.SUCCESS
        variables, rows = store.select(query.text, bindings)
    finally:
        store.close()
    print(format_rows(variables, rows, args.format), end="")
    return ExitStatus.SUCCESS


def format_rows(variables: list[str], rows: list[Row], fmt: str) -> str:
    """Rows as a table for people, CSV/TSV, or SPARQL 1.1 results JSON."""
    if fmt == "json":
        bindings = []
        for row in rows:
            item = {}
            for name, term in row.items():
                value: dict[str, str] = {"type": term.kind, "value": term.value}
                if term.datatype:
                    value["datatype"] = term.datatype
                if term.lang:
                    value["xml:lang"] = term.lang
                item[name] = value
            bindings.append(item)
        return (
            json.dumps(
                {"head": {"vars": variables}, "results": {"bindings": bindings}},
                indent=2,
            )
            + "\n"
        )
    if fmt in ("csv", "tsv"):
        out = io.StringIO()
        writer = csv.writer(
            out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n"
        )
        writer.writerow(variables)
        for row in rows:
            writer.writerow([row[v].value if v in row else "" for v in variables])
        return out.getvalue()
    if not rows:
        return "(no results)\n"
    cells = [[_cell(row.get(v)) for v in variables] for row in rows]
    widths = [
        min(60, max(len(v), *(len(c[i]) for c in cells)))
        for i, v in enumerate(variables)
    ]
    lines = [
        "  ".join(v.ljust(w) for v, w in zip(variables, widths, strict=True)).rstrip()
    ]
    lines.append("  ".join("-" * w for w in widths))
    for c in cells:
        lines.append(
            "  ".join(
                _fit(x, w).ljust(w) for x, w in zip(c, widths, strict=True)
            ).rstrip()
        )
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _cell(term: object) -> str:
    if term is None:
        return ""
    value = str(term)
    if getattr(term, "kind", "") == "uri" and value.startswith(DATA_BASE):
        return value[len(DATA_BASE) :]
    return value.replace("\n", " ")


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def cmd_extract(args: argparse.Namespace) -> ExitStatus:
    from diplograph.articles import read_articles

    failures = 0
    out = Path(args.out) if args.out else None
    articles = read_articles(args.paths, published=args.published)
    if args.explain:
        from diplograph.extract import extract
        from diplograph.extract.explain import explain

        for article in articles:
            if isinstance(article, ArticleError):
                failures += 1
                print(f"SKIPPED {article}", file=sys.stderr)
                continue
            print(explain(extract(article), width=shutil.get_terminal_size().columns))
        return ExitStatus.REJECTED if failures else ExitStatus.SUCCESS
    if args.format == "facts":
        if out:
            out.mkdir(parents=True, exist_ok=True)
        for result in extract_facts(articles):
            if isinstance(result, ArticleError):
                failures += 1
                print(f"SKIPPED {result}", file=sys.stderr)
                continue
            article, facts = result
            text = json.dumps(facts, indent=2, ensure_ascii=False) + "\n"
            if out:
                (out / f"{article.stem}.json").write_text(text, encoding="utf-8")
            else:
                sys.stdout.write(text)
        return ExitStatus.REJECTED if failures else ExitStatus.SUCCESS
    dataset = Dataset()
    for outcome in process_all(articles, check=False):
        if isinstance(outcome, ArticleError):
            failures += 1
            print(f"SKIPPED {outcome}", file=sys.stderr)
            continue
        assert isinstance(outcome, Processed)
        named = dataset.graph(article_iri(outcome.article))
        for triple in outcome.graph:
            named.add(triple)
    for prefix, namespace in Graph().namespaces():
        dataset.bind(prefix, namespace)
    dataset.bind("dg", DG._NS)
    text = dataset.serialize(format="trig" if args.format == "turtle" else "nquads")
    if out:
        out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return ExitStatus.REJECTED if failures else ExitStatus.SUCCESS


def cmd_evaluate(args: argparse.Namespace) -> ExitStatus:
    from diplograph.evaluate import evaluate, report_json, report_text

    evaluation = evaluate(Path(args.gold_dir))
    for note in evaluation.notes:
        print(note, file=sys.stderr)
    if args.json:
        print(json.dumps(report_json(evaluation, verbose=args.verbose), indent=2))
    else:
        print(report_text(evaluation, verbose=args.verbose), end="")
    return ExitStatus.REJECTED if evaluation.unextracted else ExitStatus.SUCCESS


def cmd_validate(args: argparse.Namespace) -> ExitStatus:
    from diplograph.articles import read_articles

    # (what the report says was validated, its IRI in a Turtle report, the report)
    reports: list[tuple[str, URIRef, ValidationReport]] = []
    if args.files:
        for name in args.files:
            path = Path(name)
            if path.suffix in RDF_SUFFIXES:
                rdf_format = RDF_SUFFIXES[path.suffix]
                # Quad formats land in named graphs that a plain Graph does not see:
                # parse them into a Dataset and validate the union of its graphs.
                parsed = Dataset() if rdf_format in ("nquads", "trig") else Graph()
                try:
                    parsed.parse(path, format=rdf_format)
                except Exception as error:  # rdflib raises many types for bad syntax
                    raise DiplographError(
                        f"{path}: not valid {rdf_format}: {error}"
                    ) from None
                graph = parsed
                if isinstance(parsed, Dataset):
                    graph = Graph()
                    for s, p, o, _ in parsed.quads((None, None, None, None)):
                        graph.add((s, p, o))
                reports.append(
                    (str(path), URIRef(path.resolve().as_uri()), validate(graph))
                )
                continue
            for outcome in process_all(read_articles([path]), check=True, workers=1):
                if isinstance(outcome, ArticleError):
                    raise outcome
                assert isinstance(outcome, Processed) and outcome.report is not None
                reports.append(
                    (
                        outcome.article.source,
                        article_iri(outcome.article),
                        outcome.report,
                    )
                )
    else:
        store = open_store(_store_location(args))
        try:
            for graph_iri in store.graphs():
                if is_article_iri(graph_iri):
                    iri = URIRef(graph_iri)
                    graph = store.export_graph(iri)
                    source_file = graph.value(iri, DG.sourceFile)
                    shown = f"{graph_iri} ({source_file})" if source_file else graph_iri
                    reports.append((shown, iri, validate(graph)))
        finally:
            store.close()
    failed = sum(not report.conforms for _, _, report in reports)
    if args.format == "turtle":
        text = report_graph((iri, report) for _, iri, report in reports).serialize(
            format="turtle"
        )
        print(
            f"# SHACL validation reports: {len(reports) - failed} of {len(reports)} "
            "conform"
        )
        print(text.rstrip("\n"))
    else:
        totals: dict[str, int] = {}
        for source, _, report in reports:
            print(report_text(source, report), end="")
            for severity, n in report.counts().items():
                totals[severity] = totals.get(severity, 0) + n
        print(
            f"{len(reports) - failed} of {len(reports)} conform"
            + (f"; {plural(totals)} in all" if totals else "")
        )
    return ExitStatus.REJECTED if failed else ExitStatus.SUCCESS
