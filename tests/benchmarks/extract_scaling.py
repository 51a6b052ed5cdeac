"""Benchmark: extraction time per KB for one article of 4 KB, 40 KB and 400 KB.

Not a test: it prints figures. Each article is made of invented wire-style
sentences (parties, kinds, verbs and dates drawn in turn), so a larger article
holds more of the same, not one long sentence. Linear cost means the same time
per KB at every size; the growth ratio is the time per KB at the largest size
over that at the smallest (issue 13 asks for at most 1.5).

    python tests/benchmarks/extract_scaling.py [--sizes 4 40 400]
"""

from __future__ import annotations

import argparse
import itertools
import time
from datetime import date

from diplograph.extract import extract
from diplograph.model import Article

PARTIES = ["Norway", "Chile", "Kenya", "Vietnam", "Poland", "Ghana", "Peru", "Japan"]
KINDS = ["fisheries treaty", "trade agreement", "memorandum of understanding",
         "defence pact", "extradition treaty", "visa waiver agreement"]  # fmt: skip
VERBS = ["signed", "ratified", "agreed to extend", "suspended", "renewed"]
WHEN = ["on Monday", "last March", "in 2011", "on 4 June 2013", "earlier this year"]
FILLER = [
    "Officials said talks had lasted several months.",
    "The ministers met in the capital for two days.",
    "Critics in parliament asked for more details on the terms.",
]


def sentences() -> itertools.cycle[str]:
    made = []
    for n, (kind, verb, when) in enumerate(itertools.product(KINDS, VERBS, WHEN)):
        a, b = PARTIES[n % len(PARTIES)], PARTIES[(n * 3 + 1) % len(PARTIES)]
        if a == b:
            b = PARTIES[(n + 2) % len(PARTIES)]
        made.append(f"{a} and {b} {verb} a {kind} {when}.")
        made.append(FILLER[n % len(FILLER)])
    return itertools.cycle(made)


def article(kilobytes: int) -> Article:
    parts: list[str] = []
    size = 0
    source = sentences()
    while size < kilobytes * 1000:
        paragraph = " ".join(next(source) for _ in range(4))
        parts.append(paragraph)
        size += len(paragraph) + 2
    text = "\n\n".join(parts)
    return Article(text, "Scaling", date(2015, 6, 25), f"scaling-{kilobytes}kb.txt")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[4, 40, 400])
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs")
    args = parser.parse_args()
    extract(article(1))  # load gazetteer and lexicons once
    per_kb = []
    for kilobytes in args.sizes:
        one = article(kilobytes)
        best = float("inf")
        for _ in range(args.repeat):
            started = time.perf_counter()
            facts = extract(one)
            best = min(best, time.perf_counter() - started)
        kb = len(one.text.encode()) / 1000
        per_kb.append(best / kb)
        print(f"{kb:8.1f} KB: {best:8.3f} s, {1000 * best / kb:7.2f} ms/KB, "
              f"{len(facts.agreements)} agreement(s)")  # fmt: skip
    print(f"growth ratio (ms/KB at {args.sizes[-1]} KB over {args.sizes[0]} KB): "
          f"{per_kb[-1] / per_kb[0]:.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
