"""``diplograph load``: read, extract, resolve, validate and store articles."""

from __future__ import annotations

import argparse
import logging
import re
import time
from collections.abc import Sequence
from pathlib import Path

from rdflib import URIRef

from diplograph.cli.command import Command
from diplograph.cli.options import parse_date
from diplograph.cli.output import report_dropped, report_rejection
from diplograph.cli.progress import Progress
from diplograph.cli.status import ExitStatus
from diplograph.errors import ArticleError, DiplographError
from diplograph.iri import article_iri
from diplograph.model import Dropped, Processed
from diplograph.pipeline import LoadSummary, load, load_nquads
from diplograph.settings import DEFAULT_ARTICLE_TIMEOUT, Settings
from diplograph.store import Store, open_store
from diplograph.validate import ValidationReport, report_graph, report_text

log = logging.getLogger("diplograph")

REJECTED_DIR = "rejected"  # in an embedded store's folder: rejected articles' reports
REJECTED_ELSEWHERE = "./diplograph-rejected"  # for a server's store (or one in memory)
DROPPED_DIR = "dropped"  # reports of articles stored without some facts, likewise
DROPPED_ELSEWHERE = "./diplograph-dropped"


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="article files or folders (.txt, .html, .md, .jsonl)",
    )
    parser.add_argument(
        "--nquads",
        nargs="+",
        default=[],
        metavar="SHARD.nq",
        help="also load shards written by `extract --format nquads` "
        "(validated, one graph per article)",
    )
    parser.add_argument(
        "--published",
        type=parse_date,
        metavar="YYYY-MM-DD",
        help="publication date for articles that give none",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="reject an article whole when its graph breaks the shapes (by "
        "default the facts at fault are dropped and the rest is stored)",
    )
    parser.add_argument(
        "--article-timeout",
        metavar="SECONDS",
        help="seconds one article may take to extract; one that takes longer is "
        "reported and skipped (default: $DIPLOGRAPH_ARTICLE_TIMEOUT or "
        f"{DEFAULT_ARTICLE_TIMEOUT:g}; 0 or 'none': no limit)",
    )


def rejected_dir(store: Store) -> Path:
    """Where the reports of rejected articles go: ``<store>/rejected/`` for an
    embedded store's folder, ``./diplograph-rejected/`` for a server."""
    if store.folder is None:
        return Path(REJECTED_ELSEWHERE)
    return store.folder / REJECTED_DIR


def dropped_dir(store: Store) -> Path:
    """Where the reports of articles stored without some facts go:
    ``<store>/dropped/``, or ``./diplograph-dropped/`` for a server."""
    if store.folder is None:
        return Path(DROPPED_ELSEWHERE)
    return store.folder / DROPPED_DIR


def keep_report(
    folder: Path,
    stem: str,
    source: str,
    iri: URIRef,
    report: ValidationReport,
    *,
    dropped: Sequence[Dropped] = (),
) -> str:
    """Write a rejected article's report as ``<stem>-<id>.txt`` (words) and
    ``<stem>-<id>.ttl`` (the SHACL report graph), <id> from the article's IRI so
    that files of one name in different folders keep a report each; say where,
    or why it could not be written. ``dropped``: the facts an article was
    stored without, listed first."""
    name = re.sub(r"[^\w.-]+", "_", stem).strip("._") or "article"
    tag = str(iri).rsplit("/", 1)[-1][:8]
    name = name if tag in name else f"{name}-{tag}"
    text, turtle = folder / f"{name}.txt", folder / f"{name}.ttl"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        words = "".join(f"{fact}\n" for fact in dropped)
        words += report_text(f"{source} <{iri}>", report)
        text.write_text(words, encoding="utf-8")
        turtle.write_text(
            report_graph([(iri, report)]).serialize(format="turtle"), encoding="utf-8"
        )
    except OSError as error:
        return f"the report could not be kept in {folder}: {error}"
    return f"report kept in {text} and {turtle}"


def load_shards(
    paths: list[str], store: Store, rejected_to: Path, settings: Settings
) -> ExitStatus:
    stored = rejected = triples = 0
    started = time.monotonic()
    for outcome in load_nquads(paths, store, settings=settings):
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
            report_rejection(outcome.graph_iri, outcome.report, kept)
    elapsed = time.monotonic() - started
    print(
        f"{stored} article graph(s) loaded from {len(paths)} shard(s), "
        f"{rejected} rejected; {triples} triples; {elapsed:.1f} s; "
        f"store: {store.location}"
    )
    return ExitStatus.FINDINGS if rejected else ExitStatus.SUCCESS


def load_articles(
    args: argparse.Namespace,
    store: Store,
    rejected_to: Path,
    summary: LoadSummary,
    settings: Settings,
) -> None:
    """Load the articles the command line names, saying what became of each,
    into ``summary``; a KeyboardInterrupt leaves it as far as it got."""
    from diplograph.articles import walk

    # the files and the folders that cannot be read, each a step of the progress
    paths = list(walk(args.paths))
    log.debug("%d article file(s) to read", len(paths))
    progress = Progress(len(paths))

    def say(line: str) -> None:
        if not args.quiet:
            progress.clear()
            print(line)

    try:
        outcomes = load(args.paths, store, published=args.published, settings=settings)
        for outcome in outcomes:
            progress.step()
            if isinstance(outcome, ArticleError):
                summary.unreadable.append(outcome)
                progress.clear()
                log.warning("SKIPPED %s", outcome)
            elif outcome.status == "rejected" and outcome.report is not None:
                article = outcome.article
                summary.rejected.append((article.source, outcome.report))
                kept = keep_report(
                    rejected_to, article.stem, article.source,
                    article_iri(article), outcome.report,
                )  # fmt: skip
                progress.clear()
                report_rejection(article.source, outcome.report, kept)
            elif outcome.status == "unchanged":
                summary.unchanged.append(outcome.article.source)
                say(f"unchanged {outcome.article.source}: already stored")
            else:
                summary.loaded.append(outcome.article.source)
                summary.agreements += len(outcome.facts.agreements)
                summary.triples += len(outcome.graph)
                n = len(outcome.facts.agreements)
                if outcome.dropped:
                    progress.clear()
                    keep_dropped(outcome, dropped_dir(store), summary)
                say(f"loaded {outcome.article.source}: {n} agreement(s)")
    finally:
        progress.close()


def keep_dropped(outcome: Processed, folder: Path, summary: LoadSummary) -> None:
    """Count, keep and tell the facts an article was stored without."""
    article = outcome.article
    summary.with_dropped.append(article.source)
    report = outcome.report_before or outcome.report
    assert report is not None  # a stored article was validated
    kept = keep_report(
        folder, article.stem, article.source, article_iri(article), report,
        dropped=outcome.dropped,
    )  # fmt: skip
    report_dropped(article.source, outcome.dropped, kept)


def run(args: argparse.Namespace, settings: Settings) -> ExitStatus:
    if not args.paths and not args.nquads:
        raise DiplographError("give article files or folders, or --nquads SHARD.nq")
    store = open_store(settings.store, settings=settings)
    try:
        rejected_to, shard_status = rejected_dir(store), ExitStatus.SUCCESS
        if args.nquads:
            shard_status = load_shards(args.nquads, store, rejected_to, settings)
            if not args.paths:
                return shard_status
        summary, started = LoadSummary(), time.monotonic()
        interrupted = False
        failure: DiplographError | None = None
        try:
            load_articles(args, store, rejected_to, summary, settings)
        except KeyboardInterrupt:
            # each article is written in one atomic update: stopping between two
            # is clean, and the same command resumes
            interrupted = True
        except DiplographError as error:  # the store failed: say what was done
            failure = error
    finally:
        store.close()
    print_summary(summary, time.monotonic() - started, store.location)
    if failure is not None:
        log.error("diplograph: error: %s", failure)
        return ExitStatus.ERROR
    if interrupted:
        log.error(
            "interrupted: run the same command again to resume; "
            "stored articles are skipped"
        )
        return ExitStatus.INTERRUPTED
    if shard_status or not summary.ok:  # a shard's graph or an article not stored
        return ExitStatus.FINDINGS
    return ExitStatus.SUCCESS


def print_summary(summary: LoadSummary, elapsed: float, location: str) -> None:
    done = len(summary.loaded) + len(summary.unchanged)
    partly = len(summary.with_dropped)
    dropped = f" ({partly} with facts dropped)" if partly else ""
    print(
        f"{len(summary.loaded)} article(s) loaded{dropped}, "
        f"{len(summary.unchanged)} unchanged, "
        f"{len(summary.rejected)} rejected, "
        f"{len(summary.unreadable)} unreadable; {summary.agreements} agreement(s), "
        f"{summary.triples} triples; {elapsed:.1f} s "
        f"({done / max(elapsed, 1e-9):.1f} articles/s); "
        f"store: {location}"
    )


LOAD = Command(
    help="read, extract, validate and store articles",
    description="Read articles (files or folders), extract their agreements, "
    "validate each article's graph against the shapes and store them. Facts that "
    "break the shapes are dropped and listed, with their sentence and why, and "
    "the rest of the article is stored (--strict: the article is rejected "
    "whole). Reloading an article replaces its graph. Exit 1 if any article was "
    "rejected or unreadable, 130 if interrupted (run it again to resume).",
    run=run,
    arguments=arguments,
)

__all__ = ["LOAD", "dropped_dir", "keep_report", "rejected_dir"]
