"""Benchmark: reading a news archive with and without the prefilter, then
extracting it on this machine's cores or on a Dask LocalCluster.

Not a test: it prints figures. Generates (once) a WARC of ``--records``
records (half requests, half HTML responses; ``--relevant`` of the responses
agreement news, the rest other news of the same size, as in a CC-NEWS file),
then, in this process, one of:

- ``read``: the HTML responses that match the lexicon's prefilter become
  articles; the others are never parsed;
- ``read-all``: every HTML response is parsed into an article (no prefilter);
- ``extract``: ``read``, then extraction and validation on all cores
  (``extract --format nquads`` without writing);
- ``dask:N``: ``extract --dask local:N``, shards into a fresh folder.

Each prints records/s, MB/s, articles and its peak memory; time each whole
process with farm-bench:

    python tests/benchmarks/warc_prefilter.py --make /tmp/cc.warc.gz --records 50000
    farm-bench -- python tests/benchmarks/warc_prefilter.py read /tmp/cc.warc.gz
    farm-bench -- python tests/benchmarks/warc_prefilter.py read-all /tmp/cc.warc.gz
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from warcs import benchmark_arguments  # noqa: E402


def peak_mib() -> str:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return f"peak {own:.0f} MiB (largest child {children:.0f} MiB)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", nargs="?", default="read")
    parser.add_argument("path", type=Path, nargs="?")
    args = benchmark_arguments(parser, records=50_000)

    from diplograph.archives import default_match, read_warc
    from diplograph.model import Article

    size = args.path.stat().st_size / 1e6
    started = time.perf_counter()
    if args.mode.startswith("dask:"):
        from diplograph.cli import main as cli

        out = tempfile.mkdtemp(prefix="dg-shards-")
        workers = args.mode.split(":", 1)[1]
        cli(["extract", str(args.path), "--dask", f"local:{workers}",
             "--format", "nquads", "--out", out, "--quiet"])  # fmt: skip
        articles = agreements = -1  # the command prints them
    else:
        match = None if args.mode == "read-all" else default_match()
        items = read_warc(args.path, match=match)
        if args.mode == "extract":
            from diplograph.pipeline import process_all

            outcomes = list(process_all(items, check=True))
            done = [o for o in outcomes if not isinstance(o, Exception)]
            articles = len(done)
            agreements = sum(len(o.facts.agreements) for o in done)  # type: ignore[union-attr]
        else:
            articles = sum(isinstance(item, Article) for item in items)
            agreements = -1
    elapsed = time.perf_counter() - started
    from fastwarc.warc import ArchiveIterator

    with args.path.open("rb") as stream:
        records = sum(1 for _ in ArchiveIterator(stream, parse_http=False))
    print(
        f"{args.mode}: {records:,} records, {size:.1f} MB in {elapsed:.2f} s: "
        f"{records / elapsed:,.0f} records/s, {size / elapsed:.1f} MB/s; "
        f"{articles} article(s), {agreements} agreement(s); {peak_mib()}"
    )


if __name__ == "__main__":
    main()
