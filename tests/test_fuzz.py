"""The fuzz run (issue 13, "Done when"): at least 10,000 generated inputs through
the readers and extraction, 0 crashes and 0 over the time limit.

The inputs: byte and line mutations of the example articles (``examples/``, as
``.txt``, ``.html``, ``.md`` and ``.jsonl``), and text and bytes drawn by
hypothesis, most of them inside a valid header so that they reach extraction.
Each one is written to a file and goes through ``read_articles``, then
``pipeline.process`` (extract, build, validate) for every article read. A crash
is any exception other than the project's ``ArticleError``; an input over
``LIMIT`` seconds counts as over the limit. The counts are printed (``-s`` to
see them); ``DIPLOGRAPH_FUZZ_INPUTS`` and ``DIPLOGRAPH_FUZZ_SEED`` change the
run (CI: the defaults, seed fixed so that a failure is reproduced).
"""

from __future__ import annotations

import json
import os
import random
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import EXAMPLES

from diplograph.articles import read_articles
from diplograph.errors import ArticleError
from diplograph.pipeline import OverTime, end_with_parent, process, time_limit

INPUTS = int(os.environ.get("DIPLOGRAPH_FUZZ_INPUTS") or 10_000)
SEED = int(os.environ.get("DIPLOGRAPH_FUZZ_SEED") or 13)
LIMIT = 10.0  # seconds one input may take; an example article takes ~10 ms
BUDGET = 240.0  # seconds the whole run may take on a busy 2-core machine
HYPOTHESIS_SHARE = 0.3  # of the inputs, drawn by hypothesis; the rest mutations

Case = tuple[str, bytes]  # (suffix, content)


def example_inputs() -> list[Case]:
    """The example articles as they are, as Markdown, and all as one JSONL."""
    cases = [
        (path.suffix, path.read_bytes())
        for path in sorted(EXAMPLES.iterdir())
        if path.suffix in (".txt", ".html") and path.stem != "README"
    ]
    texts = [content.decode("utf-8") for suffix, content in cases if suffix == ".txt"]
    for text in texts:
        header, _, body = text.partition("\n\n")
        cases.append((".md", f"---\n{header}\n---\n{body}".encode()))
    records = []
    for text in texts:
        header, _, body = text.partition("\n\n")
        fields = dict(line.split(": ", 1) for line in header.splitlines())
        records.append(json.dumps({"text": body, **fields}))
    cases.append((".jsonl", "\n".join(records).encode()))
    return cases


# values that broke readers or extraction before (issue 13) or are likely to
INTERESTING = [
    b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\xed\xa0\x80", b"\\ud800", b"\r",
    b"\x85", "\u2028".encode(), b"published: 0001-01-01\n", b"published: 9999-12-31\n",
    b"[" * 5000, b'{"text": ' * 300, b"<script>", b"</p><p>", b"---\n", b"\n\n",
    b"signed a treaty with", b" and ", b"on 31 February 2015", b"U.S.-led",
    b"the Treaty of the " * 50, b"Kenya" * 200,
]  # fmt: skip


def mutate(rng: random.Random, content: bytes) -> bytes:
    """One to four byte or line mutations of ``content``."""
    data = bytearray(content)
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(data) + 1)
        kind = rng.randrange(9)
        if kind == 0 and data:  # flip bits
            data[min(at, len(data) - 1)] ^= 1 << rng.randrange(8)
        elif kind == 1:  # random bytes
            data[at:at] = rng.randbytes(rng.randint(1, 16))
        elif kind == 2:  # delete a range
            del data[at : at + rng.randint(1, 200)]
        elif kind == 3:  # repeat a range
            # (a few KB at most: long inputs are extract_scaling.py's subject)
            piece = data[at : at + rng.randint(1, 200)]
            data[at:at] = piece * rng.randint(2, 10)
        elif kind == 4:  # an interesting value
            data[at:at] = rng.choice(INTERESTING)
        elif kind == 5:  # truncate
            del data[at:]
        else:  # lines: shuffle, drop, repeat or join some
            lines = bytes(data).split(b"\n")
            if kind == 6:
                rng.shuffle(lines)
            elif kind == 7 and lines:
                i = rng.randrange(len(lines))
                lines[i : i + 1] = [lines[i]] * rng.randint(0, 30)
            else:
                lines = [b" ".join(lines)] if rng.random() < 0.3 else lines[::2]
            data = bytearray(b"\n".join(lines))
    return bytes(data)


def drawn_inputs(count: int) -> list[Case]:
    """``count`` inputs drawn by hypothesis: texts in a header (so that they reach
    extraction), texts and bytes as they come, under every suffix."""
    drawn: list[Case] = []
    words = st.sampled_from(
        ["Japan", "South Korea", "signed", "treaty", "agreement", "with", "the",
         "on", "Monday", "2015", "ratified", "NATO", "memorandum", "and", ",", ".",
         "\n", "U.S.", "ceasefire", "withdrew", "from", "its", "talks", "'s"]
    )  # fmt: skip
    bodies = st.one_of(
        st.text(max_size=400),
        st.lists(words, max_size=120).map(" ".join),
        st.lists(st.one_of(words, st.text(max_size=12)), max_size=80).map(" ".join),
    )

    @settings(
        max_examples=count, deadline=None, database=None, derandomize=True,
        suppress_health_check=list(HealthCheck),
    )  # fmt: skip
    @given(
        body=bodies,
        raw=st.binary(max_size=300),
        how=st.sampled_from(["header", "header", "text", "bytes"]),
        suffix=st.sampled_from([".txt", ".txt", ".html", ".md", ".jsonl"]),
    )
    def draw(body: str, raw: bytes, how: str, suffix: str) -> None:
        if how == "header":
            content = f"published: 2015-06-25\ntitle: T\n\n{body}".encode(
                "utf-8", "surrogatepass"
            )
            if suffix == ".jsonl":
                content = json.dumps({"text": body, "published": "2015-06-25"}).encode()
        elif how == "text":
            content = body.encode("utf-8", "surrogatepass")
        else:
            content = raw
        drawn.append((suffix, content))

    draw()
    return drawn


def fuzz_one(case: Case) -> str:
    """Read and process one input: 'ok', 'error' (an ArticleError, reported as
    designed), 'over' (over LIMIT) or 'crash: <what>'."""
    suffix, content = case
    folder = Path(tempfile.gettempdir()) / f"diplograph-fuzz-{os.getpid()}"
    folder.mkdir(exist_ok=True)
    path = folder / f"input{suffix}"
    path.write_bytes(content)
    outcome = "ok"
    try:
        with time_limit(LIMIT):
            for item in read_articles([path], published=date(2015, 6, 25)):
                if isinstance(item, ArticleError):
                    outcome = "error"
                else:
                    process(item)
    except OverTime:
        return "over"
    except ArticleError:
        return "error"
    except Exception as error:  # what the test is looking for
        return f"crash: {type(error).__name__}: {str(error)[:160]} ({content[:60]!r})"
    return outcome


def test_fuzz_readers_and_extraction() -> None:
    started = time.monotonic()
    rng = random.Random(SEED)
    drawn = drawn_inputs(int(INPUTS * HYPOTHESIS_SHARE))
    seeds = example_inputs()
    mutated = [
        (suffix, mutate(rng, content))
        for suffix, content in (rng.choice(seeds) for _ in range(INPUTS - len(drawn)))
    ]
    cases = seeds + drawn + mutated
    workers = min(4, os.cpu_count() or 1)
    with ProcessPoolExecutor(
        max_workers=workers, initializer=end_with_parent, initargs=(os.getpid(),)
    ) as pool:
        outcomes = list(pool.map(fuzz_one, cases, chunksize=50))
    counts = Counter(o.split(":", 1)[0] for o in outcomes)
    crashes = [o for o in outcomes if o.startswith("crash")]
    elapsed = time.monotonic() - started
    print(
        f"\nfuzz: {len(cases)} inputs ({len(drawn)} hypothesis, {len(mutated)} "
        f"mutations of {len(seeds)} examples, seed {SEED}); {counts['ok']} ok, "
        f"{counts['error']} ArticleError, {len(crashes)} crashes, "
        f"{counts['over']} over the {LIMIT:g} s limit; {elapsed:.1f} s"
    )
    for crash in sorted(set(crashes))[:20]:
        print(" ", crash)
    assert len(cases) >= min(INPUTS, 10_000)
    assert crashes == []
    assert counts["over"] == 0
    assert elapsed < BUDGET
