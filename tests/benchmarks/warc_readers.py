"""Benchmark: FastWARC against warcio, reading the HTML response records of a
generated WARC (records of which ``--relevant`` are agreement news) and
matching a regular expression on each payload's bytes, as the prefilter does.

Not a test: it prints figures. Run one library per process so that farm-bench
can time each:

    python tests/benchmarks/warc_readers.py --make /tmp/n.warc.gz --records 20000
    farm-bench -- python tests/benchmarks/warc_readers.py --read fastwarc /tmp/n.warc.gz
    farm-bench -- python tests/benchmarks/warc_readers.py --read warcio /tmp/n.warc.gz
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from warcs import benchmark_arguments  # noqa: E402

WORDS = re.compile(rb"(?i)\b(?:agreement|treaty|accord|memorandum)\b")


def with_fastwarc(path: Path) -> tuple[int, int]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    records = matched = 0
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream, record_types=WarcRecordType.response):
            records += 1
            kind = record.http_content_type or ""
            payload = record.reader.read()
            if "text/html" in kind and WORDS.search(payload):
                matched += 1
    return records, matched


def with_warcio(path: Path) -> tuple[int, int]:
    from warcio.archiveiterator import ArchiveIterator

    records = matched = 0
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            records += 1
            kind = record.http_headers.get_header("Content-Type") or ""
            payload = record.content_stream().read()
            if "text/html" in kind and WORDS.search(payload):
                matched += 1
    return records, matched


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--read", choices=["fastwarc", "warcio"])
    parser.add_argument("path", type=Path, nargs="?")
    args = benchmark_arguments(parser, records=20_000)
    started = time.perf_counter()
    read = with_fastwarc if args.read == "fastwarc" else with_warcio
    records, matched = read(args.path)
    elapsed = time.perf_counter() - started
    size = args.path.stat().st_size / 1e6
    print(
        f"{args.read}: {records} responses, {matched} matched; {elapsed:.2f} s, "
        f"{records / elapsed:,.0f} responses/s, {size / elapsed:.1f} MB/s"
    )


if __name__ == "__main__":
    main()
