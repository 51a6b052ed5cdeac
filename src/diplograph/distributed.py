"""Extraction spread over machines with Dask: inputs -> tasks -> N-Quads shards.

``extract --dask SCHEDULER|local[:N] INPUT... --format nquads --out DIR``:
the inputs are split into tasks (:func:`plan`): a WARC file into chunks of
records, a JSONL file whole, other article files in groups. Each task reads
its articles, extracts and validates each one's graph against the shapes, and
writes the graphs that conform into one N-Quads shard in DIR, written under
another name and renamed when whole, so that a shard is there complete or not
at all. A shard already there is not made again: rerunning the command after
a failure or a stop does only what is left. A failing task is reported and
the others go on.

Then ``load --nquads DIR/*.nq`` stores the shards: it resolves each graph's
agreements against the store, as ``load`` does as it goes (resolution needs
the whole store, so the tasks do not), and validates each graph again.

The shard of a task is named by what it reads (the file's path, size and
modification time, and the chunk), so a changed input file gets a new shard.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from rdflib import Dataset

from diplograph.archives import is_warc, read_warc, warc_chunks
from diplograph.articles import read_articles, walk
from diplograph.errors import ArticleError, DiplographError, NotEnglishError, shown_path
from diplograph.iri import article_iri, hash_record
from diplograph.model import Article, Processed
from diplograph.pipeline import process_all
from diplograph.settings import Settings

log = logging.getLogger("diplograph")

CHUNK_RECORDS = 20_000  # WARC records a task reads: CC-NEWS files hold ~30-60,000
GROUP_FILES = 500  # article files (.txt, .html, .md) a task reads


@dataclass(frozen=True)
class Task:
    """What one task reads: ``paths`` (files), or byte ``start`` to ``end``
    of one WARC file; ``shard``: the file name of what it writes."""

    paths: tuple[str, ...]
    shard: str
    start: int = 0
    end: int | None = None


@dataclass
class TaskResult:
    """What a task did: ``status`` "written", "done before" (the shard was
    there) or "failed" (``failure`` says why); counts of its articles."""

    task: Task
    status: str
    stored: int = 0
    agreements: int = 0
    rejected: int = 0
    not_english: int = 0
    unreadable: list[str] = field(default_factory=list)
    failure: str = ""


def plan(
    inputs: Iterable[Path | str], *, chunk_records: int = CHUNK_RECORDS
) -> tuple[list[Task], list[ArticleError]]:
    """The tasks of ``inputs`` (files and folders) and the errors of folders
    that cannot be read.

    Example:
        >>> import tempfile, pathlib
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (d / "a.txt").write_text("published: 2015-06-25\\n\\nBody.")
        >>> tasks, errors = plan([d])
        >>> [len(t.paths) for t in tasks], errors
        ([1], [])
    """
    tasks: list[Task] = []
    errors: list[ArticleError] = []
    group: list[Path] = []
    for item in walk(inputs):
        if isinstance(item, ArticleError):
            errors.append(item)
        elif is_warc(item):
            for start, end in warc_chunks(item, records=chunk_records):
                tasks.append(_task([item], start=start, end=end))
        elif item.suffix.lower() == ".jsonl":
            tasks.append(_task([item]))
        else:
            group.append(item)
            if len(group) == GROUP_FILES:
                tasks.append(_task(group))
                group = []
    if group:
        tasks.append(_task(group))
    return tasks, errors


def _task(paths: list[Path], *, start: int = 0, end: int | None = None) -> Task:
    """A task and its shard's name: the first file's stem and a hash of what
    the task reads, each file by path, size and modification time."""
    key: list[object] = [start, end]
    for path in paths:
        try:
            info = path.stat()
            key.append([os.path.abspath(path), info.st_size, info.st_mtime_ns])
        except OSError:  # reading reports it
            key.append(os.path.abspath(path))
    stem = re.sub(r"[^\w-]+", "_", paths[0].name.split(".", 1)[0])[:40]
    shard = f"{stem}-{start}-{hash_record({'task': key})[:16]}.nq"
    return Task(tuple(str(p) for p in paths), shard, start, end)


def run_task(
    task: Task,
    out: str,
    *,
    match: str | None = None,
    published: date | None = None,
    settings: Settings | None = None,
) -> TaskResult:
    """Read, extract and validate the articles of ``task`` and write the graphs
    that conform as the shard ``out/task.shard`` (whole, or not at all); do
    nothing if it is there. Runs on a Dask worker, or anywhere."""
    from diplograph.archives import compile_match, default_match

    target = Path(out) / task.shard
    if target.exists():
        return TaskResult(task, "done before")
    settings = settings if settings is not None else Settings.gather()
    # in a worker's thread no alarm can end an article: the task is the unit
    settings = replace(settings, article_timeout=None)
    pattern = (
        compile_match(match) if match is not None else default_match(settings.lexicon)
    )
    articles: Iterable[Article | ArticleError]
    if task.end is not None or task.start:
        articles = read_warc(
            Path(task.paths[0]), match=pattern, published=published,
            start=task.start, end=task.end,
        )  # fmt: skip
    else:
        articles = read_articles(task.paths, published=published, match=pattern)
    result = TaskResult(task, "written")
    dataset = Dataset()
    for outcome in process_all(articles, check=True, workers=1, settings=settings):
        if isinstance(outcome, NotEnglishError):
            result.not_english += 1
        elif isinstance(outcome, ArticleError):
            result.unreadable.append(str(outcome))
        else:
            _add(dataset, outcome, result)
    partial = target.parent / f".{target.name}.{os.getpid()}.partial"
    dataset.serialize(destination=str(partial), format="nquads", encoding="utf-8")
    os.replace(partial, target)
    return result


def _add(dataset: Dataset, outcome: Processed, result: TaskResult) -> None:
    """An article's graph into the shard if it conforms; else counted."""
    if outcome.report is not None and not outcome.report.conforms:
        result.rejected += 1
        log.warning(
            "REJECTED %s: its graph breaks the shapes; `diplograph load` of the "
            "file drops the facts at fault and stores the rest",
            outcome.article.source,
        )
        return
    named = dataset.graph(article_iri(outcome.article))
    for triple in outcome.graph:
        named.add(triple)
    result.stored += 1
    result.agreements += len(outcome.facts.agreements)


def parse_scheduler(value: str) -> tuple[str | None, int | None]:
    """``local`` or ``local:N`` -> (None, N or None: a local cluster of N
    workers); ``tcp://host:8786`` -> (that address, None).

    Example:
        >>> parse_scheduler("local:2"), parse_scheduler("tcp://10.0.0.5:8786")
        ((None, 2), ('tcp://10.0.0.5:8786', None))
    """
    found = re.fullmatch(r"local(?::(\d+))?", value)
    if found:
        workers = int(found.group(1)) if found.group(1) else None
        if workers == 0:
            raise DiplographError("--dask local:0: give at least one worker")
        return None, workers
    if re.fullmatch(r"(tcp|tls|inproc|ucx)://\S+", value):
        return value, None
    raise DiplographError(
        f"--dask {value!r} is neither 'local', 'local:N' nor a scheduler address; "
        "give e.g. local:2 or tcp://scheduler-host:8786"
    )


def extract_on_dask(
    tasks: list[Task],
    out: Path,
    *,
    scheduler: str,
    match: str | None = None,
    published: date | None = None,
    settings: Settings | None = None,
    processes: bool = True,
) -> Iterator[TaskResult]:
    """Run ``tasks`` on a Dask cluster, each writing its shard into ``out``;
    yields each one's result as it ends, a failed one with why.
    ``scheduler``: ``local[:N]`` (a LocalCluster of N workers, ``processes``
    or threads) or a scheduler's address."""
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise DiplographError(
            "--dask needs Dask: pip install 'diplograph[dask]'"
        ) from None
    address, workers = parse_scheduler(scheduler)
    out.mkdir(parents=True, exist_ok=True)
    cluster = None
    if address is None:
        cluster = LocalCluster(
            n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
            processes=processes, dashboard_address=None,
        )  # fmt: skip
    try:
        with Client(cluster if cluster is not None else address) as client:
            futures = {
                client.submit(
                    run_task, task, str(out), match=match, published=published,
                    settings=settings, key=f"diplograph-{task.shard}", pure=False,
                ): task
                for task in tasks
            }  # fmt: skip
            for future in as_completed(futures):
                task = futures[future]
                try:
                    yield future.result()
                except Exception as error:  # the task's failure, told with its input
                    yield TaskResult(
                        task, "failed", failure=f"{type(error).__name__}: {error}"
                    )
    except OSError as error:  # no scheduler at the address
        raise DiplographError(
            f"--dask {scheduler}: cannot reach the scheduler ({error}); "
            "start it with `dask scheduler` and check the address"
        ) from None
    finally:
        if cluster is not None:
            cluster.close()


def describe(task: Task) -> str:
    """A task's input for messages: its file (and chunk) or its first file."""
    first = shown_path(task.paths[0])
    if task.end is not None or task.start:
        return f"{first} from byte {task.start:,}"
    more = len(task.paths) - 1
    return f"{first} and {more} more" if more else first


__all__ = ["Task", "TaskResult", "extract_on_dask", "plan", "run_task"]
