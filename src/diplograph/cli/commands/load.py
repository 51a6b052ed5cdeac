"""``diplograph load``: read, extract, resolve, validate and store articles."""

from __future__ import annotations

import argparse
import logging
import time
from pathlib import Path

from rdflib import URIRef

from diplograph.cli import problems
from diplograph.cli.command import Command
from diplograph.cli.fetching import Web
from diplograph.cli.options import add_match, match_of, parse_date, seconds
from diplograph.cli.output import report_dropped, report_rejection
from diplograph.cli.problems import forget_reports, keep_report
from diplograph.cli.progress import Progress
from diplograph.cli.status import ExitStatus
from diplograph.errors import ArticleError, DiplographError, NotEnglishError
from diplograph.fetch import is_url
from diplograph.fetch.client import FetchOptions
from diplograph.iri import article_iri
from diplograph.model import Processed
from diplograph.pipeline import LoadSummary, load, load_nquads
from diplograph.settings import DEFAULT_ARTICLE_TIMEOUT, Settings
from diplograph.store import Store, open_store

log = logging.getLogger("diplograph")


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH|URL",
        help="article files or folders (.txt, .html, .md, .jsonl, .warc, "
        ".warc.gz), or the "
        "http(s) URLs of articles' web pages",
    )
    add_match(parser)
    web = parser.add_argument_group(
        "reading from the web",
        "Pages are kept in the store folder's cache/pages/ (for a server store, "
        "./diplograph-cache/): loading a URL again reads it from there, without "
        "the network, unless --refresh. robots.txt is obeyed.",
    )
    web.add_argument(
        "--urls",
        nargs="+",
        default=[],
        metavar="FILE",
        help="also load the pages whose URLs FILE lists (one a line; blank lines "
        "and # comments left out)",
    )
    web.add_argument(
        "--feed",
        nargs="+",
        default=[],
        metavar="URL|FILE",
        help="also load the items of RSS or Atom feeds that were not loaded "
        "before (by link and by text; kept in cache/feeds.sqlite): rerun it "
        "from cron to stay current",
    )
    web.add_argument(
        "--refresh",
        action="store_true",
        help="fetch pages again even if they are in the cache",
    )
    for flag, default, says in (
        ("--delay", FetchOptions.delay, "seconds between two requests to one "
         "host (default: {:g}; a longer robots.txt Crawl-delay wins)"),
        ("--timeout", FetchOptions.timeout, "seconds to connect, and to wait for "
         "each part of an answer (default: {:g}; 0: no limit)"),
    ):  # fmt: skip
        web.add_argument(
            flag, type=seconds, default=default, metavar="SECONDS",
            help=says.format(default),
        )  # fmt: skip
    parser.add_argument(
        "--nquads",
        nargs="+",
        default=[],
        metavar="SHARD.nq",
        help="also load shards written by `extract --format nquads`, or stores "
        "written by `export --format nquads|trig` (.trig: TriG); each article's "
        "graph validated, and a shard's agreements identified with the store's "
        "as `load` does (an export's keep the nodes they were stored with)",
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


def load_shards(
    paths: list[str], store: Store, rejected_to: Path, settings: Settings
) -> ExitStatus:
    stored = rejected = triples = others = 0
    started = time.monotonic()
    for outcome in load_nquads(paths, store, settings=settings):
        if outcome.report is None:  # an export's curation, inferred or ontology graph
            others += 1
            triples += outcome.triples
        elif outcome.report.conforms:
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
    also = f" (and {others} other graph(s))" if others else ""
    print(
        f"{stored} article graph(s) loaded{also} from {len(paths)} shard(s), "
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
    from diplograph.archives import is_warc
    from diplograph.articles import walk

    files = [p for p in args.paths if not is_url(p)]
    urls = [p for p in args.paths if is_url(p)]
    # the files and the folders that cannot be read, each a step of the progress
    paths = list(walk(files))
    log.debug("%d article file(s) and %d URL(s) to read", len(paths), len(urls))
    # a feed's items are not known ahead, and an archive's are only counted
    # as they are read: no progress line then
    archives = any(isinstance(p, Path) and is_warc(p) for p in paths)
    progress = Progress(
        None if archives or args.feed else len(paths) + len(urls) + len(args.urls)
    )

    def say(line: str) -> None:
        if not args.quiet:
            progress.clear()
            print(line)

    web = Web.open(args, store) if urls or args.urls or args.feed else None
    try:
        more = web.articles(urls, url_files=args.urls, feeds=args.feed) if web else ()
        outcomes = load(
            files, store, published=args.published, settings=settings,
            more=more, match=match_of(args, settings),
        )  # fmt: skip
        for outcome in outcomes:
            progress.step()
            if web and not isinstance(outcome, ArticleError):
                web.settle(outcome.article)
            if isinstance(outcome, NotEnglishError):
                summary.not_english.append(outcome)
                say(f"skipped {outcome}")
            elif isinstance(outcome, ArticleError):
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
                # the article's older version, if any, is still stored, and so
                # are the facts a report of it says were dropped
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
                article = outcome.article
                over = ("rejected",) if outcome.dropped else ("rejected", "dropped")
                forget_reports(store, article.stem, article_iri(article), over)
                if outcome.dropped:
                    progress.clear()
                    keep_dropped(outcome, problems.folder(store, "dropped"), summary)
                say(f"loaded {outcome.article.source}: {n} agreement(s)")
        if web:
            web.finish()
    finally:
        progress.close()
        if web:
            web.close()


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
    reading = args.paths or args.urls or args.feed
    if not reading and not args.nquads:
        raise DiplographError(
            "give article files, folders or URLs, --urls FILE, --feed URL|FILE, "
            "or --nquads SHARD.nq"
        )
    store = open_store(settings.store, settings=settings, create=True)
    try:
        rejected_to = problems.folder(store, "rejected")
        shard_status = ExitStatus.SUCCESS
        if args.nquads:
            shard_status = load_shards(args.nquads, store, rejected_to, settings)
            if not reading:
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
            "interrupted: every article extracted so far is stored; run the "
            "same command again to resume (stored articles are skipped)"
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
        f"{len(summary.unreadable)} unreadable; "
        f"{len(summary.not_english)} skipped as not English; "
        f"{summary.agreements} agreement(s), "
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
    "whole). Reloading an article replaces its graph. WARC archives are read "
    "for their HTML responses that --match; articles not in English are "
    "skipped and counted. Exit 1 if any article was "
    "rejected or unreadable, 130 if interrupted (run it again to resume).",
    run=run,
    arguments=arguments,
)

__all__ = ["LOAD"]
