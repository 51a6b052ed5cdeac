"""Extraction workers end with the load that started them, SIGKILL included
(issue 13, item 5): no orphan keeps a core busy after `load` is killed."""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support import tiny_articles

from diplograph.errors import ArticleError
from diplograph.model import Article
from diplograph.pipeline import in_parallel

SCRIPT = """
import time
from datetime import date
from diplograph.model import Article
from diplograph.pipeline import in_parallel

def articles():
    for n in range(300):
        yield Article(text=f"Body {n}.", title="T", published=date(2015, 6, 25),
                      source=f"{n}.txt")
    print("ready", flush=True)
    time.sleep(600)  # the next batch never comes: the workers wait, idle

for _ in in_parallel(str, articles(), workers=2):
    pass
"""


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_workers_end_when_the_load_is_killed() -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", SCRIPT], stdout=subprocess.PIPE, text=True
    )
    try:
        assert parent.stdout is not None
        assert parent.stdout.readline().strip() == "ready"
        workers = _children(parent.pid)
        assert len(workers) >= 2
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            alive = [
                w
                for w in workers
                if Path(f"/proc/{w}").exists()
                and "Z" not in Path(f"/proc/{w}/stat").read_text().split()[2]
            ]
            if not alive:
                break
            time.sleep(0.1)
        assert alive == []
    finally:
        if parent.poll() is None:
            os.kill(parent.pid, signal.SIGKILL)


def _fails_on_three(article: Article) -> str:
    if article.source == "3.txt":
        raise ValueError("boom")
    return article.source


def test_an_error_in_a_worker_is_that_articles_error() -> None:
    """An ArticleError returned by a worker crosses the process boundary
    (before, it could not be unpickled and the pool broke: BrokenProcessPool,
    and the whole load with it)."""
    outcomes = list(in_parallel(_fails_on_three, tiny_articles(20), workers=2))
    errors = [o for o in outcomes if isinstance(o, ArticleError)]
    assert len(outcomes) == 20 and len(errors) == 1
    assert errors[0].path == "3.txt" and "ValueError: boom" in str(errors[0])


def test_article_error_pickles() -> None:
    error = ArticleError("a.txt", "bad", "Fix it.")
    again = pickle.loads(pickle.dumps(error))
    assert (again.path, str(again)) == ("a.txt", str(error))
