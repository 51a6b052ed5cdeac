"""Benchmark: extraction throughput (articles per second) and peak memory.

Not a test: it prints figures. Generates a synthetic corpus of wire-style
articles with ``generate_corpus.py`` (many agreements, parties, kinds, dates
and phrasings; one in ten with no agreement) and times
``extract`` on one core, then the full ``extract`` command path (extract +
build graph + facts JSON) on all cores.

    python tests/benchmarks/extract_throughput.py --articles 2000
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from datetime import date
from pathlib import Path

from diplograph.model import Article


def generate(n: int, seed: int = 7) -> list[Article]:
    """``n`` synthetic articles from ``generate_corpus.py``; the same seed gives the same corpus."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from generate_corpus import articles

    out = []
    for name, text, gold in articles(n, seed):
        meta = gold["article"]
        body = text.split("\n\n", 1)[1]
        published = date.fromisoformat(meta["published"])  # type: ignore[index]
        out.append(Article(body, meta["title"], published, f"{name}.txt", meta["url"], meta["publisher"]))  # type: ignore[index]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    from diplograph.extract import extract
    from diplograph.pipeline import process_all

    articles = generate(args.articles)
    extract(articles[0])  # load gazetteer and lexicons once
    started = time.perf_counter()
    agreements = sum(len(extract(a).agreements) for a in articles)
    one_core = time.perf_counter() - started
    started = time.perf_counter()
    built = sum(1 for _ in process_all(articles, check=False))
    all_cores = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles: {len(articles)}, agreements extracted: {agreements}")
    print(f"extract, one core:  {len(articles) / one_core:8.1f} articles/s ({one_core:.2f} s)")
    print(f"extract + build graph, all cores: {built / all_cores:8.1f} articles/s ({all_cores:.2f} s)")
    print(f"peak memory (this process): {peak:.0f} MiB")


if __name__ == "__main__":
    main()
