"""``diplograph extract`` and ``diplograph evaluate``: extraction without a store."""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import sys
from collections.abc import Iterable
from pathlib import Path

from rdflib import Dataset, Graph

from diplograph.cli.command import Command
from diplograph.cli.options import parse_date
from diplograph.cli.status import ExitStatus
from diplograph.errors import ArticleError
from diplograph.iri import article_iri
from diplograph.model import Article
from diplograph.namespaces import DG
from diplograph.pipeline import Processed, extract_facts, process_all
from diplograph.settings import Settings

log = logging.getLogger("diplograph")


def extract_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH")
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
        help="output folder (facts) or file (turtle, nquads); default stdout",
    )
    parser.add_argument("--published", type=parse_date, metavar="YYYY-MM-DD")


def _skipped(error: ArticleError) -> None:
    log.warning("SKIPPED %s", error)


def explain_all(articles: Iterable[Article | ArticleError], settings: Settings) -> int:
    """Print each article's facts with the rules behind them; the unreadable."""
    from diplograph.extract import extract
    from diplograph.extract.explain import explain

    failures = 0
    for article in articles:
        if isinstance(article, ArticleError):
            failures += 1
            _skipped(article)
            continue
        facts = extract(article, lexicon_dir=settings.lexicon)
        print(explain(facts, width=shutil.get_terminal_size().columns))
    return failures


def write_facts(
    articles: Iterable[Article | ArticleError], out: Path | None, settings: Settings
) -> int:
    """Each article's facts JSON to ``out/<stem>.json`` or stdout; the unreadable."""
    failures = 0
    if out:
        out.mkdir(parents=True, exist_ok=True)
    for result in extract_facts(articles, settings=settings):
        if isinstance(result, ArticleError):
            failures += 1
            _skipped(result)
            continue
        article, facts = result
        text = json.dumps(facts, indent=2, ensure_ascii=False) + "\n"
        if out:
            (out / f"{article.stem}.json").write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
    return failures


def write_graphs(
    articles: Iterable[Article | ArticleError],
    out: Path | None,
    fmt: str,
    settings: Settings,
) -> int:
    """The articles' graphs as TriG or N-Quads, to ``out`` or stdout; the unreadable."""
    failures = 0
    dataset = Dataset()
    for outcome in process_all(articles, check=False, settings=settings):
        if isinstance(outcome, ArticleError):
            failures += 1
            _skipped(outcome)
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
    return failures


def run_extract(args: argparse.Namespace, settings: Settings) -> ExitStatus:
    from diplograph.articles import read_articles

    out = Path(args.out) if args.out else None
    articles = read_articles(args.paths, published=args.published)
    if args.explain:
        failures = explain_all(articles, settings)
    elif args.format == "facts":
        failures = write_facts(articles, out, settings)
    else:
        failures = write_graphs(articles, out, args.format, settings)
    return ExitStatus.FINDINGS if failures else ExitStatus.SUCCESS


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
    "graph), or print the graphs as Turtle or N-Quads. Runs on all cores. "
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
