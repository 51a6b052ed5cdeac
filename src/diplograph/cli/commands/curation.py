"""The commands that change or explain what is stored: ``remove``, ``reload``,
``merges``, ``split``, ``reason`` and ``problems``."""

from __future__ import annotations

import argparse
import json

from diplograph import curation
from diplograph.cli.command import Command, no_arguments
from diplograph.cli.options import opened
from diplograph.cli.output import format_rows
from diplograph.cli.problems import kept_reports
from diplograph.cli.status import ExitStatus
from diplograph.iri import INFERRED_GRAPH
from diplograph.settings import Settings


def remove_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("articles", nargs="+", metavar="ARTICLE")


def run_remove(args: argparse.Namespace, settings: Settings) -> ExitStatus:
    with opened(settings) as store:
        for ref in args.articles:
            for iri in curation.remove(store, ref):
                print(f"removed {iri} ({ref})")
    return ExitStatus.SUCCESS


def reload_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--all",
        action="store_true",
        help="re-extract every article, whatever its version",
    )


def run_reload(args: argparse.Namespace, settings: Settings) -> ExitStatus:
    from diplograph.cli.fetching import cache_folder
    from diplograph.fetch import PageCache, cached_pages

    with opened(settings) as store:
        reread = cached_pages(PageCache(cache_folder(store) / "pages"))
        results = curation.reload(
            store, everything=args.all, settings=settings, reread=reread
        )
    if not args.quiet:
        for stored, status in results:
            print(f"{status} {stored.article.source} <{stored.iri}>")
    counts = {
        status: sum(1 for _, s in results if s == status)
        for status in ("changed", "unchanged", "rejected")
    }
    print(
        f"{len(results)} article(s) re-extracted: {counts['changed']} changed, "
        f"{counts['unchanged']} unchanged, "
        f"{counts['rejected']} rejected (kept as they were)"
    )
    return ExitStatus.FINDINGS if counts["rejected"] else ExitStatus.SUCCESS


def merges_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format", choices=["table", "csv", "tsv", "json"], default="table"
    )


def run_merges(args: argparse.Namespace, settings: Settings) -> ExitStatus:
    with opened(settings, read_only=True) as store:
        variables, rows = curation.merges(store)
    print(format_rows(variables, rows, args.format), end="")
    return ExitStatus.SUCCESS


def split_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "agreement",
        metavar="AGREEMENT",
        help="IRI, name, alias or label of the merged agreement",
    )
    parser.add_argument(
        "--article",
        required=True,
        metavar="ARTICLE",
        help="the article to separate: IRI, URL, file name or content hash",
    )


def run_split(args: argparse.Namespace, settings: Settings) -> ExitStatus:
    with opened(settings) as store:
        separated = curation.split(
            store, args.agreement, args.article, settings=settings
        )
        for iri in separated:
            print(f"separated {iri} from {args.agreement}; re-resolved it")
    return ExitStatus.SUCCESS


def run_reason(args: argparse.Namespace, settings: Settings) -> ExitStatus:
    from diplograph.reason import reason

    with opened(settings) as store:
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
    return ExitStatus.SUCCESS if report.consistent else ExitStatus.FINDINGS


def problems_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=["text", "json"], default="text")


def run_problems(args: argparse.Namespace, settings: Settings) -> ExitStatus:
    with opened(settings, read_only=True) as store:
        reports = list(kept_reports(store))
    if args.format == "json":
        listed = [
            {"status": r.status, "report": str(r.text), "text": r.words}
            for r in reports
        ]
        print(json.dumps(listed, indent=2, ensure_ascii=False))
    else:
        for report in reports:
            print(f"{report.status.upper()} {report.words.rstrip()}")
            print(f"  (report: {report.text})")
        rejected = sum(r.status == "rejected" for r in reports)
        print(
            f"{len(reports)} problem report(s) kept with {store.location}: "
            f"{rejected} article(s) rejected (not stored), "
            f"{len(reports) - rejected} stored without some facts"
        )
    return ExitStatus.FINDINGS if reports else ExitStatus.SUCCESS


REMOVE = Command(
    help="withdraw stored articles and their claims",
    description="Remove articles from the store, given by IRI, URL, file name "
    "or content hash. An agreement no remaining article reports disappears.",
    run=run_remove,
    arguments=remove_arguments,
)
RELOAD = Command(
    help="re-extract stored articles after an extractor change",
    description="Re-extract the stored articles (their text is kept in the store) "
    "that an older extractor version produced, or all with --all, and report "
    "which graphs changed. Articles read from the web are read again from "
    "their pages in the store's cache (never the network), so a better page "
    "reader applies to them too. Unchanged graphs are not rewritten. Exit 1 if a new "
    "graph was rejected (the stored one is kept).",
    run=run_reload,
    arguments=reload_arguments,
)
MERGES = Command(
    help="list the merges of agreements across articles",
    description="List every decision that identified an article's agreement "
    "with one already stored: the rule, the score and the supporting articles.",
    run=run_merges,
    arguments=merges_arguments,
)
SPLIT = Command(
    help="undo a wrong merge",
    description="Separate an article's claims from an agreement node for good "
    "(recorded as a dg:Separation) and re-resolve the article.",
    run=run_split,
    arguments=split_arguments,
)
REASON = Command(
    help="check consistency with HermiT and classify agreements",
    description="Load the ontology and the stored agreements into owlready2, check "
    "consistency with HermiT (needs Java), classify agreements as bilateral, "
    "trilateral or multilateral (reading each agreement's parties as complete), "
    "reported in force, and parties as signatories, and write the inferred types "
    f"into the named graph {INFERRED_GRAPH}. Exit 1 "
    "when the data is inconsistent.",
    run=run_reason,
    arguments=no_arguments,
)
PROBLEMS = Command(
    help="list the articles rejected or stored without some facts",
    description="List the problem reports kept with the store: each article that "
    "was rejected (not stored) and each stored without the facts that broke the "
    "shapes, with those facts, their sentences and why. A report goes when its "
    "article is later stored whole. Exit 1 when there is any.",
    run=run_problems,
    arguments=problems_arguments,
)
