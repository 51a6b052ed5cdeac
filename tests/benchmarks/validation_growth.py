"""Benchmark: does validating an article get slower as the store grows?

Not a test: it prints a table. Validation looks only at the article's own
graph (``diplograph.validate.validate(graph)``, never the store), so the time
per article should not depend on how many articles are stored. This measures
it with the real load pipeline: a synthetic corpus from ``generate_corpus.py``
is loaded with ``diplograph.pipeline.load`` into an embedded store until it
holds 100, 1,000 and 10,000 articles; at each size the same held-out sample
of articles goes through ``store_facts`` (resolve against the store, build,
validate, write), and the time of its validate step is recorded for each
article. The sample is passed several times and the median per-article time
compared: at 10,000 stored articles it must be within 1.5x of the time at 100
(exit 1 otherwise).

The article graphs themselves grow a little with the store: each
``dg:Resolution`` lists the stored articles that support a merge
(``dg:supportedBy``), so an article about an agreement that many stored
articles report carries more triples. The table shows the mean graph size, so
a slower validation can be told apart from a bigger graph.

    python tests/benchmarks/validation_growth.py --workdir /tmp/dg-growth
    python tests/benchmarks/validation_growth.py --sizes 100,1000 --sample 50 --passes 2
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path

from rdflib import Graph

import diplograph.loader as loader
import diplograph.pipeline as pipeline
from diplograph.articles import read_articles
from diplograph.extract import extract
from diplograph.iri import article_iri
from diplograph.model import Article, ArticleFacts
from diplograph.store import Store, open_store

HERE = Path(__file__).resolve().parent
LIMIT = 1.5  # allowed ratio of the per-article time at the largest size to the smallest


def corpus(workdir: Path, articles: int, seed: int, pool: int) -> list[Path]:
    """``articles`` synthetic article files (generated once, then reused)."""
    sys.path.insert(0, str(HERE))
    from generate_corpus import write_corpus

    folder = workdir / f"corpus-s{seed}-p{pool}-n{articles}"
    paths = sorted(folder.glob("syn-*.txt"))
    if len(paths) != articles:
        shutil.rmtree(folder, ignore_errors=True)
        write_corpus(folder, articles, seed, pool)
        paths = sorted(folder.glob("syn-*.txt"))
    return paths


@contextmanager
def timed_validation() -> Iterator[list[tuple[float, int]]]:
    """Record (seconds, triples) of every validate call the pipeline makes."""
    calls: list[tuple[float, int]] = []
    real = loader.validate

    def validate(graph: Graph, **options: object) -> loader.ValidationReport:
        started = time.perf_counter()
        report = real(graph, **options)  # type: ignore[arg-type]
        calls.append((time.perf_counter() - started, len(graph)))
        return report

    loader.validate = validate  # type: ignore[assignment]
    try:
        yield calls
    finally:
        loader.validate = real


def stored_articles(store: Store) -> int:
    _, rows = store.select(
        "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { GRAPH ?a { ?a a "
        "<https://w3id.org/diplograph/ontology#Article> } }"
    )
    return int(rows[0]["n"].value)


def fill(store: Store, fillers: Iterator[Path], size: int) -> tuple[int, int, float]:
    """Load articles with the real pipeline until the store holds ``size``
    (a rejected article is replaced by the next one); (held, rejected, seconds)."""
    started = time.perf_counter()
    rejected = 0
    while (held := stored_articles(store)) < size:
        batch = list(islice(fillers, size - held))
        if not batch:
            break  # corpus used up
        for outcome in pipeline.load(batch, store):
            if isinstance(outcome, pipeline.Processed) and outcome.status == "rejected":
                rejected += 1
    return held, rejected, time.perf_counter() - started


def measure(
    store: Store, sample: list[ArticleFacts], passes: int
) -> list[tuple[float, int]]:
    """Each sample article through store_facts ``passes`` times; its validate
    times. Each is removed again right away, so the store keeps its size."""
    with timed_validation() as calls:
        for _ in range(passes):
            for facts in sample:
                outcome = loader.Loader(store).store_facts(facts, force=True)
                if outcome.status == "stored":
                    store.remove_graph(article_iri(facts.article))
    return calls


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="100,1000,10000", help="store sizes in articles"
    )
    parser.add_argument(
        "--sample", type=int, default=200, help="held-out articles timed at each size"
    )
    parser.add_argument(
        "--passes", type=int, default=3, help="times each sample article is validated"
    )
    parser.add_argument(
        "--workdir", type=Path, default=Path("/tmp/diplograph-validation-growth")
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--pool", type=int, default=400)
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))

    args.workdir.mkdir(parents=True, exist_ok=True)
    # the sample first, then the fillers, with some to spare for rejected ones
    paths = corpus(
        args.workdir,
        args.sample + sizes[-1] + sizes[-1] // 100 + 10,
        args.seed,
        args.pool,
    )
    held_out, fillers = paths[: args.sample], iter(paths[args.sample :])
    articles = read_articles(held_out)
    sample = [extract(a) for a in articles if isinstance(a, Article)]
    print(
        f"corpus: {len(paths)} synthetic articles in {paths[0].parent}; "
        f"sample: {len(sample)} held-out articles x {args.passes} passes"
    )

    location = args.workdir / "store"
    shutil.rmtree(location, ignore_errors=True)
    store = open_store(str(location), create=True)
    loader.validate(Graph())  # parse the shapes once, outside the timings
    rows = []
    try:
        for size in sizes:
            held, rejected, seconds = fill(store, fillers, size)
            calls = measure(store, sample, args.passes)
            assert stored_articles(store) == held
            times = [t * 1000 for t, _ in calls]
            triples = statistics.mean(n for _, n in calls)
            rows.append(
                (size, held, statistics.median(times), statistics.mean(times), triples)
            )
            print(
                f"  store filled to {held:,} articles in {seconds:.1f} s "
                f"({rejected} rejected on the way); timed {len(calls)} validations",
                flush=True,
            )
    finally:
        store.close()

    print()
    header = ("store holds", "median ms/article", "mean ms/article", "triples/article")
    print("   ".join(header) + "   median vs first")
    base = rows[0][2]
    for _, held, median, mean, triples in rows:
        cells = (f"{held:,}", f"{median:.2f}", f"{mean:.2f}", f"{triples:.0f}")
        line = "   ".join(c.rjust(len(h)) for c, h in zip(cells, header, strict=True))
        print(f"{line}   {median / base:>14.2f}x")
    ratio = rows[-1][2] / base
    verdict = "OK" if ratio <= LIMIT else "TOO SLOW"
    print(
        f"\n{verdict}: validation per article at {rows[-1][1]:,} stored articles is "
        f"{ratio:.2f}x the time at {rows[0][1]:,} (limit {LIMIT}x): it reads only "
        "the article's own graph"
    )
    return 0 if ratio <= LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
