"""``diplograph extract`` and ``diplograph evaluate``: extraction without a store."""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from rdflib import Dataset, Graph

from diplograph.cli.command import Command
from diplograph.cli.options import add_match, match_of, parse_date
from diplograph.cli.status import ExitStatus
from diplograph.errors import ArticleError, DiplographError, NotEnglishError
from diplograph.iri import article_iri
from diplograph.model import Article
from diplograph.namespaces import DG
from diplograph.pipeline import Processed, extract_facts, in_english, process_all
from diplograph.settings import Settings

log = logging.getLogger("diplograph")


def extract_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="article files or folders (.txt, .html, .md, .jsonl, .warc, .warc.gz)",
    )
    parser.add_argument(
        "--format", choices=["facts", "turtle", "nquads"], default="facts"
    )
    parser.add_argument(
        "--explain",
        action="store_true",
        help="print every extracted fact with the stage and rule that produced it "
        "and the words it rests on (before validation), instead of --format",
    )
    parser.add_argument(
        "--out",
        metavar="DIR",
        help="output folder (facts, or the shards of --dask) or file (turtle, "
        "nquads); default stdout",
    )
    parser.add_argument("--published", type=parse_date, metavar="YYYY-MM-DD")
    add_match(parser)
    parser.add_argument(
        "--dask",
        metavar="SCHEDULER",
        help="extract on a Dask cluster: 'local' or 'local:N' (N workers on "
        "this machine) or a scheduler's address (tcp://host:8786); needs "
        "--format nquads and --out DIR, where each task writes one validated "
        "shard (WARC files split into chunks of records); a rerun skips the "
        "shards already written. Then `load --nquads DIR/*.nq`",
    )


@dataclass
class Skipped:
    """The articles an extraction left out: unreadable, or not in English."""

    unreadable: int = 0
    not_english: int = 0

    def add(self, error: ArticleError) -> None:
        if isinstance(error, NotEnglishError):
            self.not_english += 1
            log.info("skipped %s", error)
        else:
            self.unreadable += 1
            log.warning("SKIPPED %s", error)


def explain_all(
    articles: Iterable[Article | ArticleError], settings: Settings
) -> Skipped:
    """Print each article's facts with the rules behind them; the unreadable."""
    from diplograph.extract import extract
    from diplograph.extract.explain import explain

    skipped = Skipped()
    work = partial(extract, lexicon_dir=settings.lexicon)
    for article in articles:
        try:
            if isinstance(article, ArticleError):
                raise article
            facts = in_english(work, article)
        except ArticleError as error:
            skipped.add(error)
            continue
        print(explain(facts, width=shutil.get_terminal_size().columns))
    return skipped


def write_facts(
    articles: Iterable[Article | ArticleError], out: Path | None, settings: Settings
) -> Skipped:
    """Each article's facts JSON to ``out/<stem>.json`` or stdout; the unreadable."""
    skipped = Skipped()
    if out:
        out.mkdir(parents=True, exist_ok=True)
    for result in extract_facts(articles, settings=settings):
        if isinstance(result, ArticleError):
            skipped.add(result)
            continue
        article, facts = result
        text = json.dumps(facts, indent=2, ensure_ascii=False) + "\n"
        if out:
            (out / f"{article.stem}.json").write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
    return skipped


def write_graphs(
    articles: Iterable[Article | ArticleError],
    out: Path | None,
    fmt: str,
    settings: Settings,
) -> Skipped:
    """The articles' graphs as TriG or N-Quads, to ``out`` or stdout; the unreadable."""
    skipped = Skipped()
    dataset = Dataset()
    for outcome in process_all(articles, check=False, settings=settings):
        if isinstance(outcome, ArticleError):
            skipped.add(outcome)
            continue
        assert isinstance(outcome, Processed)
        named = dataset.graph(article_iri(outcome.article))
        for triple in outcome.graph:
            named.add(triple)
    for prefix, namespace in Graph().namespaces():
        dataset.bind(prefix, namespace)
    dataset.bind("dg", DG._NS)
    text = dataset.serialize(format="trig" if fmt == "turtle" else "nquads")
    if out:
        out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return skipped


def run_extract(args: argparse.Namespace, settings: Settings) -> ExitStatus:
    from diplograph.articles import read_articles

    if args.dask:
        return run_on_dask(args, settings)
    out = Path(args.out) if args.out else None
    match = match_of(args, settings)
    articles = read_articles(args.paths, published=args.published, match=match)
    if args.explain:
        skipped = explain_all(articles, settings)
    elif args.format == "facts":
        skipped = write_facts(articles, out, settings)
    else:
        skipped = write_graphs(articles, out, args.format, settings)
    if skipped.not_english:
        log.warning("%d article(s) skipped as not English", skipped.not_english)
    return ExitStatus.FINDINGS if skipped.unreadable else ExitStatus.SUCCESS


def run_on_dask(args: argparse.Namespace, settings: Settings) -> ExitStatus:
    """``extract --dask``: plan the tasks, run them, say what each did."""
    from diplograph.distributed import describe, extract_on_dask, plan

    if args.format != "nquads" or not args.out or args.explain:
        raise DiplographError(
            "--dask writes N-Quads shards into a folder: give --format nquads "
            "--out DIR (and no --explain)"
        )
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise DiplographError(f"--out {args.out}: not a folder; give a folder")
    tasks, errors = plan(args.paths)
    for error in errors:
        log.warning("SKIPPED %s", error)
    counts = {"written": 0, "done before": 0, "failed": 0}
    stored = agreements = not_english = unreadable = rejected = 0
    results = extract_on_dask(
        tasks, out, scheduler=args.dask, match=args.match,
        published=args.published, settings=settings,
    )  # fmt: skip
    for result in results:
        counts[result.status] += 1
        shard = out / result.task.shard
        if result.status == "failed":
            log.error(
                "FAILED %s (%s): %s; the other tasks went on; run the same "
                "command again to retry it", describe(result.task), shard,
                result.failure,
            )  # fmt: skip
            continue
        for message in result.unreadable:
            log.warning("SKIPPED %s", message)
        stored += result.stored
        agreements += result.agreements
        not_english += result.not_english
        unreadable += len(result.unreadable)
        rejected += result.rejected
        if result.status == "written" and not args.quiet:
            print(
                f"wrote {shard}: {result.stored} article(s), "
                f"{result.agreements} agreement(s)"
            )
    print(
        f"{counts['written']} shard(s) written, {counts['done before']} there "
        f"already, {counts['failed']} failed; {stored} article(s), "
        f"{agreements} agreement(s), {rejected} rejected, {unreadable} unreadable; "
        f"{not_english} skipped as not English; "
        f"then: diplograph load --nquads {out}/*.nq"
    )
    bad = counts["failed"] or unreadable or rejected or errors
    return ExitStatus.FINDINGS if bad else ExitStatus.SUCCESS


def evaluate_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "gold_dir",
        metavar="GOLD_DIR",
        help="folder of articles NAME.txt beside their gold facts NAME.json",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print the scores as JSON: per kind p, r, f, tp, fp, fn "
        "(with --verbose, the mistakes too)",
    )


def run_evaluate(args: argparse.Namespace, settings: Settings) -> ExitStatus:
    from diplograph.evaluate import evaluate
    from diplograph.evaluation_report import report_json, report_text

    evaluation = evaluate(Path(args.gold_dir), settings=settings)
    for note in evaluation.notes:
        log.warning("%s", note)
    if args.json:
        print(json.dumps(report_json(evaluation, verbose=args.verbose), indent=2))
    else:
        print(report_text(evaluation, verbose=args.verbose), end="")
    return ExitStatus.FINDINGS if evaluation.unextracted else ExitStatus.SUCCESS


EXTRACT = Command(
    help="extract facts without storing them",
    description="Extract the agreements of each article and write them as facts "
    "JSON (one DIR/<stem>.json per article, read back from the article's RDF "
    "graph), or print the graphs as Turtle or N-Quads. Runs on all cores, or "
    "on a Dask cluster with --dask. WARC archives are read for their HTML "
    "responses that --match; articles not in English are skipped and counted. "
    "Exit 1 if some article could not be read.",
    run=run_extract,
    arguments=extract_arguments,
    store=False,
)
EVALUATE = Command(
    help="score extraction against gold facts",
    description="Extract every article NAME.txt of GOLD_DIR as `extract --format "
    "facts` does and score it against its gold facts NAME.json (the corpus "
    "guidelines' format): precision, recall and F1 per kind of fact (agreement, "
    "kind, party, signed, concerns, topic, event) and for all facts, matched and "
    "counted as the corpus's reference scorer does. An article without a gold file "
    "is skipped; a gold file whose article is missing or unreadable is scored as "
    "predicting nothing. Exit 0 scored, 1 some gold file had no readable article, "
    "2 error (no such folder, no gold files, a gold file that is not valid).",
    run=run_evaluate,
    arguments=evaluate_arguments,
    store=False,
    verbose_help="also list, per article, the gold facts missed and the facts "
    "predicted wrongly, by agreement (and debug detail on stderr)",
)
