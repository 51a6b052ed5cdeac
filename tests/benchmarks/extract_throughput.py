"""Benchmark: extraction throughput (articles per second) and peak memory.

Not a test: it prints figures. Generates a synthetic corpus of wire-style
articles (many agreements, parties, kinds, dates and phrasings) and times
``extract`` on one core, then the full ``extract`` command path (extract +
build graph + facts JSON) on all cores.

    python tests/benchmarks/extract_throughput.py --articles 2000
"""

from __future__ import annotations

import argparse
import random
import resource
import time
from datetime import date, timedelta

from diplograph.model import Article

STATES = [
    ("South Korea", "Seoul", "South Korean"), ("Japan", "Tokyo", "Japanese"),
    ("the United States", "Washington", "U.S."), ("China", "Beijing", "Chinese"),
    ("Russia", "Moscow", "Russian"), ("India", "New Delhi", "Indian"),
    ("France", "Paris", "French"), ("Germany", "Berlin", "German"),
    ("Brazil", "Brasilia", "Brazilian"), ("Turkey", "Ankara", "Turkish"),
    ("Vietnam", "Hanoi", "Vietnamese"), ("Australia", "Canberra", "Australian"),
    ("Egypt", "Cairo", "Egyptian"), ("Kenya", "Nairobi", "Kenyan"),
]  # fmt: skip
KINDS = ["agreement", "treaty", "memorandum of understanding", "pact", "accord", "deal", "protocol"]
TOPICS = ["trade", "intelligence sharing", "nuclear energy", "fisheries", "climate", "defense", "border"]
VERBS = [
    ("signed", "on {weekday}"), ("ratified", "last month"), ("initialled", "in {month}"),
    ("agreed to extend", "on {weekday}"), ("suspended", "in {year}"),
]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["January", "March", "May", "July", "September", "November"]


def generate(n: int, seed: int = 7) -> list[Article]:
    """``n`` synthetic articles; the same seed gives the same corpus."""
    rng = random.Random(seed)
    articles = []
    for i in range(n):
        a, b, c = rng.sample(STATES, 3)
        kind, topic = rng.choice(KINDS), rng.choice(TOPICS)
        verb, when = rng.choice(VERBS)
        when = when.format(weekday=rng.choice(WEEKDAYS), month=rng.choice(MONTHS), year=rng.randint(1990, 2020))
        published = date(2010, 1, 1) + timedelta(days=rng.randint(0, 5000))
        body = (
            f"{a[1].upper()}, {published:%b}. {published.day} (Example Wire) -- {a[0].capitalize()} and "
            f"{b[0]} {verb} a {topic} {kind} {when}, officials said.\n\n"
            f"The {kind} between {a[1]} and {b[1]} covers {topic} and was negotiated over two years "
            f"in talks hosted by {c[0]}, which did not join it.\n\n"
            f"{a[2]} Foreign Minister Kim Ji-ho said the two countries would meet again next year. "
            f"{b[2]} officials said the {kind} will take effect on July 1.\n\n"
            f"Analysts said the deal could pave the way for a wider agreement on {rng.choice(TOPICS)}."
        )
        articles.append(Article(body, f"{a[0]} and {b[0]} sign {kind}", published, f"synthetic-{i}.txt"))
    return articles


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
