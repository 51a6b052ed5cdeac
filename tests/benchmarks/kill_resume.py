"""Kill-and-resume check: ``diplograph load`` killed (SIGKILL) at random moments
again and again, then run to its end, must leave the very store an
uninterrupted load makes (issue 13, "Done when").

    python tests/benchmarks/kill_resume.py [--articles 300] [--cycles 20] [--seed 13]

Articles: variants of the example articles (``examples/*.txt``, ``*.html``),
each with its own URL and publication date, and a closing sentence of its own
so that no two have the same text. One uninterrupted load into a reference
store; then ``--cycles`` loads into another store, each killed with SIGKILL at
a random moment of the time it would still need (resuming, as long as a load
of the stored corpus takes, then its share of the reference load's time per
article not stored yet), and a last load that runs to its end. Then both
stores are compared quad by quad:

- partial articles: article graphs whose quads differ from the reference's,
  or that are missing or extra;
- duplicates: article graphs holding a content hash another graph holds too,
  beyond those of the reference;
- differing quads: quads in one store and not in the other (all graphs,
  the merged graph included), but the times the articles were loaded
  (``dg:loaded``), which two loads cannot share.

Prints the counts and exits 0 only if all three are 0 (``tests/test_kill_resume.py``
runs it in CI on a few hundred articles).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pyoxigraph as ox

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CONTENT_HASH = "https://w3id.org/diplograph/ontology#contentHash"
# when each article was written: two loads differ in it by nature, so it is
# left out of the comparison (everything else must be the same)
LOADED = "https://w3id.org/diplograph/ontology#loaded"
ARTICLE_BASE = "https://w3id.org/diplograph/id/article/"
CLOSINGS = [
    "Officials declined to give further details.",
    "The ministry did not respond to a request for comment.",
    "Analysts said the move had been expected for weeks.",
    "Reporting by the wire's regional desk.",
]


def write_corpus(folder: Path, count: int) -> None:
    """``count`` variants of the example articles in ``folder``."""
    examples = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".html"))
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        source = examples[i % len(examples)]
        text = source.read_text(encoding="utf-8")
        when = date(2024, 1, 1) + timedelta(days=i)
        closing = f"{CLOSINGS[i % len(CLOSINGS)]} (Item {i}.)"
        if source.suffix == ".html":
            text = re.sub(r"\d{4}-\d{2}-\d{2}", when.isoformat(), text)
            text = re.sub(r'(https?://[^"\s<]+)', rf"\1-{i}", text)
            text = text.replace("</article>", f"<p>{closing}</p></article>", 1)
        else:
            text = re.sub(r"^url: (.*)$", rf"url: \1-{i}", text, count=1, flags=re.M)
            text = re.sub(
                r"^published: .*$", f"published: {when.isoformat()}", text,
                count=1, flags=re.M,
            )  # fmt: skip
            text = text.rstrip("\n") + f"\n\n{closing}\n"
        (folder / f"{i:04d}-{source.stem}{source.suffix}").write_text(
            text, encoding="utf-8"
        )


def load_command(corpus: Path, store: Path) -> list[str]:
    return [sys.executable, "-m", "diplograph", "load", str(corpus),
            "--store", str(store), "--quiet"]  # fmt: skip


def run_load(corpus: Path, store: Path) -> float:
    """An uninterrupted load; its duration."""
    started = time.monotonic()
    done = subprocess.run(load_command(corpus, store), capture_output=True, text=True)
    if done.returncode not in (0, 1):  # 1: some article not stored, as designed
        sys.exit(f"load failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    return time.monotonic() - started


def killed_load(corpus: Path, store: Path, after: float) -> bool:
    """A load killed with SIGKILL ``after`` seconds; whether it ended before."""
    process = subprocess.Popen(
        load_command(corpus, store),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        process.wait(timeout=after)
        return True
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        return False


def quads(store: Path) -> set[str]:
    opened = ox.Store.read_only(str(store))
    return {str(q) for q in opened if q.predicate.value != LOADED}


def stored_articles(store: Path) -> int:
    if not store.exists():
        return 0
    graphs = ox.Store.read_only(str(store)).named_graphs()
    return sum(1 for g in graphs if g.value.startswith(ARTICLE_BASE))


def by_graph(all_quads: set[str]) -> dict[str, set[str]]:
    graphs: dict[str, set[str]] = {}
    for quad in all_quads:
        graph = quad.rsplit(" ", 1)[-1] if quad.endswith(">") else ""
        graphs.setdefault(graph.strip("<>"), set()).add(quad)
    return graphs


def duplicate_hashes(all_quads: set[str]) -> int:
    """Content hashes held by more than one article graph, counted beyond one."""
    holders = Counter(
        quad.split(f"<{CONTENT_HASH}> ", 1)[1].rsplit(" <", 1)[0]
        for quad in all_quads
        if f"<{CONTENT_HASH}> " in quad and f"> <{ARTICLE_BASE}" in quad
    )
    return sum(n - 1 for n in holders.values() if n > 1)


def compare(reference: Path, resumed: Path) -> tuple[int, int, int]:
    """(partial articles, duplicates, differing quads)."""
    ref, res = quads(reference), quads(resumed)
    ref_graphs, res_graphs = by_graph(ref), by_graph(res)
    articles = {
        g for g in ref_graphs.keys() | res_graphs.keys() if g.startswith(ARTICLE_BASE)
    }
    partial = sum(
        1 for g in articles if ref_graphs.get(g, set()) != res_graphs.get(g, set())
    )
    duplicates = max(0, duplicate_hashes(res) - duplicate_hashes(ref))
    return partial, duplicates, len(ref ^ res)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--cycles", type=int, default=20)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--workdir", type=Path, help="kept afterwards if given")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="diplograph-kill-") as scratch:
        work = args.workdir or Path(scratch)
        for old in ("ref", "resumed"):  # a workdir used before
            shutil.rmtree(work / old, ignore_errors=True)
        corpus, reference, resumed = work / "corpus", work / "ref", work / "resumed"
        write_corpus(corpus, args.articles)
        duration = run_load(corpus, reference)
        overhead = run_load(corpus, reference)  # all stored: the cost of resuming
        print(
            f"uninterrupted load of {args.articles} articles: {duration:.1f} s; "
            f"again, all stored: {overhead:.1f} s"
        )
        # each kill at a random moment of the time the load would still need:
        # resuming, then the articles not stored yet
        per_article = duration / args.articles
        killed = finished = 0
        started, progress = time.monotonic(), []
        for _ in range(args.cycles):
            remaining = args.articles - stored_articles(resumed)
            moment = rng.uniform(0.2, overhead + remaining * per_article)
            if killed_load(corpus, resumed, moment):
                finished += 1
            else:
                killed += 1
            progress.append(stored_articles(resumed))
        print(f"articles stored after each cycle: {progress}")
        run_load(corpus, resumed)
        partial, duplicates, differing = compare(reference, resumed)
        print(
            f"cycles {args.cycles} ({killed} killed, {finished} ended before the "
            f"kill; {time.monotonic() - started:.1f} s), partial articles {partial}, "
            f"duplicates {duplicates}, differing quads {differing}"
        )
    return 0 if killed and not (partial or duplicates or differing) else 1


if __name__ == "__main__":
    sys.exit(main())
