"""Benchmark: load a synthetic corpus end to end, then time the saved queries.

Not a test: it prints tables. For each corpus size it generates (or reuses) a
corpus with ``generate_corpus.py`` and measures

(a) the embedded store: ``diplograph.pipeline.load`` into ``open_store(DIR)``:
    articles per second (overall and per tenth of the corpus, which shows
    whether loading slows down as the store grows), peak memory, size on disk;
(b) the same into an Oxigraph server (``oxigraph serve --union-default-graph``,
    started and stopped here), through ``open_store("http://.../query")``;
(c) every saved query (``diplograph.queries.saved_queries()``) through
    ``run_query``, as ``/api/queries/NAME`` answers it: the first page (50 rows)
    with the total (counted by the store when the page is full), and every row;
    median of ``--query-runs`` (5). Parameters: the grlc ``defaults``, the
    agreement the most articles report where a query takes one; ``diplograph
    reason`` runs first (at most ``--reason-timeout`` s) for the queries over its
    classes. With more than one size, the latencies side by side;
(d) a naive baseline: ``process(article, check=False)`` (extract + build, no
    resolution, no validation) into one in-memory rdflib ``Dataset`` (a named
    graph per article, plus the ontology graph, plus the merged graph where the
    stores keep one for the saved queries), then the saved queries with
    rdflib's SPARQL engine over the union (``default_union=True``), parameters
    bound with ``initBindings`` as the same terms, median of ``--baseline-runs`` (3), each run cut
    off after ``--timeout`` seconds (reported as ">60 s");

and prints ratio tables (baseline / Oxigraph). Each measurement runs in a
fresh Python process, so "peak memory" (``getrusage`` max RSS) is that
measurement's own: "self" is the loading process, "workers" the largest
child (the extraction pool), "server" the Oxigraph server process.

    python tests/benchmarks/load_benchmark.py --sizes 1000,10000 --workdir /tmp/dg-bench
    python tests/benchmarks/load_benchmark.py --sizes 2000 --only embedded --profile
    # the saved queries again on the stores an earlier run left, side by side:
    python tests/benchmarks/load_benchmark.py --queries-only --sizes 10000,100000 --workdir /tmp/dg-bench

``--profile`` runs the loads under cProfile (the loading process; extraction
runs in worker processes) and prints where the time goes.

The checkout's diplograph is measured; to measure one commit while others edit
the checkout, measure a snapshot of it (the script prints which code it ran):

    git archive HEAD | tar -x -C /tmp/snap && git rev-parse --short HEAD > /tmp/snap/REVISION
    PYTHONPATH=/tmp/snap/src python tests/benchmarks/load_benchmark.py ...
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PHASES = ("embedded", "server", "baseline")


# ---------------------------------------------------------------- helpers


def mib(kib: int) -> float:
    return kib / 1024  # ru_maxrss is in KiB on Linux


def peaks() -> dict[str, float]:
    return {
        "rss_self_mib": mib(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss),
        "rss_children_mib": mib(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss),
    }


def disk_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def settled_size(folder: Path) -> int:
    """The folder's size once opened again: right after a load much of it is
    RocksDB's write-ahead log, which opening replays into sorted tables."""
    import gc

    import pyoxigraph

    store = pyoxigraph.Store(str(folder))
    store.flush()
    del store
    gc.collect()
    return disk_size(folder)


def corpus_paths(workdir: Path, size: int, seed: int, pool: int) -> list[Path]:
    """The first ``size`` articles of a corpus for (seed, pool), generated if missing.

    A larger corpus with the same seed and pool is reused: its first ``size``
    articles are the corpus of that size.
    """
    sys.path.insert(0, str(HERE))
    from generate_corpus import GENERATOR_VERSION, write_corpus

    for folder in sorted(workdir.glob(f"corpus-s{seed}-p{pool}-n*")):
        manifest = folder / "manifest.json"
        if not manifest.exists():
            continue
        info = json.loads(manifest.read_text())
        if info.get("generator") == GENERATOR_VERSION and info.get("articles", 0) >= size:
            print(f"  corpus: reusing the first {size:,} articles of {folder}", flush=True)
            return sorted(folder.glob("syn-*.txt"))[:size]
    folder = workdir / f"corpus-s{seed}-p{pool}-n{size}"
    shutil.rmtree(folder, ignore_errors=True)
    summary = write_corpus(folder, size, seed, pool)
    print(
        f"  corpus: generated {size:,} articles in {summary['seconds']} s "
        f"({size / max(float(summary['seconds']), 1e-9):,.0f} articles/s; {summary['gold_agreements']} gold agreements, "  # type: ignore[arg-type]
        f"{summary['without_agreement']} articles without one) -> {folder}",
        flush=True,
    )
    return sorted(folder.glob("syn-*.txt"))


def revision() -> str:
    """Which diplograph is measured: its folder, and its commit (with the files that
    differ from it) or the ``REVISION`` file of a snapshot. Read-only git."""
    import diplograph

    root = Path(diplograph.__file__).resolve().parents[2]
    if (root / "REVISION").exists():
        return f"{root} at {(root / 'REVISION').read_text().strip()}"
    try:
        def git(*words: str) -> str:
            return subprocess.run(["git", "-C", str(root), *words], capture_output=True, text=True, check=True).stdout

        changed = [line[3:] for line in git("status", "--short", "--", "src", "queries", "shapes", "ontology").splitlines()]
        return f"{root} at {git('rev-parse', '--short', 'HEAD').strip()}" + (
            f" + uncommitted changes to {len(changed)} files ({', '.join(changed[:4])}{', ...' if len(changed) > 4 else ''})"
            if changed else ""
        )  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        return f"{root} (no revision known)"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(found).exists():
        raise SystemExit("no `oxigraph` binary on PATH or beside the Python executable: pip install oxigraph")
    return found


# ---------------------------------------------------------------- measurements


def timed_load(paths: list[Path], store: Any) -> dict[str, Any]:
    """``pipeline.load`` over ``paths``; throughput overall and per tenth."""
    from diplograph.pipeline import Processed, load

    counts: dict[str, int] = {}
    rejected: list[str] = []
    marks = max(1, len(paths) // 10)
    windows: list[tuple[int, float]] = []
    started = time.perf_counter()
    done = 0
    for item in load(paths, store):
        status = item.status if isinstance(item, Processed) else "unreadable"
        counts[status] = counts.get(status, 0) + 1
        if status == "rejected" and len(rejected) < 5 and item.report:  # type: ignore[union-attr]
            problem = str(item.report.violations[0]) if item.report.violations else "?"  # type: ignore[union-attr]
            rejected.append(f"{item.article.stem}: {problem[:160]}")  # type: ignore[union-attr]
        done += 1
        if done % marks == 0 or done == len(paths):
            windows.append((done, time.perf_counter() - started))
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "articles": done, "statuses": counts, "rejected": rejected, "windows": windows, **peaks()}


def store_counts(store: Any) -> dict[str, int]:
    def one(query: str) -> int:
        _, rows = store.select(query)
        return int(rows[0]["n"].value) if rows else 0

    return {
        "quads": one("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"),
        "agreements": one(
            "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <https://w3id.org/diplograph/ontology#Agreement> }"
        ),
    }


# ---------------------------------------------------------------- saved queries
#
# Each saved query is timed as a reader meets it (``GET /api/queries/NAME``): a
# SELECT's first page (the API's 50 rows) with how many rows there are in all,
# counted by the store when the page is full; an ASK, CONSTRUCT or DESCRIBE whole.
# Every row (``--all``) is timed too, for comparison. The parameters are each
# query's grlc ``defaults``, with values the store holds where a default names
# something the generated corpus lacks (see ``corpus_parameters``).

API_PAGE = 50  # rows of /api/queries/NAME when no limit is given (web/api.py DEFAULT_PAGE)
MOST_REPORTED = """
SELECT ?agreement (COUNT(?article) AS ?n) WHERE {
  GRAPH <https://w3id.org/diplograph/id/graph/merged> {
    ?agreement a <https://w3id.org/diplograph/ontology#Agreement> ;
               <https://w3id.org/diplograph/ontology#reportedIn> ?article
  }
} GROUP BY ?agreement ORDER BY DESC(?n) ?agreement LIMIT 1
"""


def corpus_parameters(store: Any, names: tuple[str, ...] = ()) -> dict[str, dict[str, str]]:
    """Each saved query's parameters: its defaults, with the agreement most
    articles report (the longest listings) where a default names one (CCM,
    which the generated corpus lacks)."""
    from diplograph.queries import saved_queries

    _, rows = store.select(MOST_REPORTED)
    agreement = rows[0]["agreement"].value if rows else None
    out = {}
    for name, query in saved_queries().items():
        if names and name not in names:
            continue
        params = dict(query.defaults)
        if agreement and "agreement" in params:
            params["agreement"] = agreement
        out[name] = params
    return out


def ensure_inferred(location: str, timeout: float, names: tuple[str, ...] = ()) -> str:
    """Run ``diplograph reason`` on the store (in a child process, for at most
    ``timeout`` seconds) when a saved query to be timed (one of ``names``, or
    any) reads what it infers and the store holds none of it; not timed with
    the queries. What happened, in a line."""
    from diplograph.iri import INFERRED_GRAPH
    from diplograph.queries import saved_queries
    from diplograph.store import open_store

    store = open_store(location, read_only=not location.startswith("http"))
    try:
        done = store.has_graph(INFERRED_GRAPH)
    finally:
        store.close()
    timed = [q for n, q in saved_queries().items() if not names or n in names]
    if done or not any(q.reads_inferred for q in timed):
        return ""
    started = time.perf_counter()
    command = [sys.executable, "-m", "diplograph", "reason", "--store", location]
    # a session of its own: HermiT runs in a Java process of its own, ended with it
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)  # fmt: skip
    try:
        _, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        return (f"diplograph reason did not finish in {timeout:.0f} s (--reason-timeout): "
                "the queries over its classes answer that it has not run")  # fmt: skip
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        return f"diplograph reason failed (exit {process.returncode}): {stderr.strip()[-200:]}"
    return f"diplograph reason ran first, in {seconds:,.0f} s"


def _collect(process: Any, connection: Any, runs: int, timeout: float) -> dict[str, Any]:
    """Results of one query's runs from a child process; kill it when a run exceeds ``timeout``."""
    times: dict[str, list[float]] = {"page": [], "all": []}
    entry: dict[str, Any] = {}
    for _ in range(2 * runs):
        if not connection.poll(timeout):
            entry["timeout"] = True
            break
        status, kind, seconds, rows = connection.recv()
        if status == "error":
            entry = {"error": rows}
            break
        times[kind].append(seconds)
        entry[f"{kind}_rows"] = rows
    if process.is_alive():
        process.kill()
    process.join()
    if "error" in entry or not times["page"]:
        return {"error": entry["error"]} if "error" in entry else {"timeout": True}
    if entry.pop("timeout", False):
        entry["all_timeout"] = True  # the first pages answered, every row did not
    entry["ms"] = 1000 * statistics.median(times["page"])
    if times["all"]:
        entry["all_ms"] = 1000 * statistics.median(times["all"])
    entry["rows"] = entry.get("all_rows", entry["page_rows"])
    return entry


def first_page(store: Any, name: str, params: dict[str, str]) -> tuple[int, int]:
    """A saved query as the API answers it: a SELECT's first page and its total
    (counted by the store when the page is full); (rows shown, rows in all)."""
    from diplograph.queries import count_rows, known_total, load_query, run_query

    query = load_query(name)
    if query.form != "SELECT":
        result = run_query(store, name, **params)
        size = len(result) if hasattr(result, "__len__") else int(bool(result))
        return size, size
    rows = run_query(store, name, limit=API_PAGE, **params)
    total = known_total(rows, limit=API_PAGE, offset=0)
    if total is None:
        total = count_rows(store, name, **params)
    return len(rows), total


def _run_and_send(connection: Any, store: Any, name: str, params: dict[str, str], runs: int) -> None:
    from diplograph.queries import run_query

    try:
        for _ in range(runs):
            started = time.perf_counter()
            _, total = first_page(store, name, params)
            connection.send(("ok", "page", time.perf_counter() - started, total))
        for _ in range(runs):
            started = time.perf_counter()
            result = run_query(store, name, **params)
            rows = len(result) if hasattr(result, "__len__") else int(bool(result))
            connection.send(("ok", "all", time.perf_counter() - started, rows))
    except Exception as error:  # noqa: BLE001 - reported, not raised
        connection.send(("error", "", 0.0, f"{type(error).__name__}: {str(error).splitlines()[0][:70]}"))


def _oxigraph_child(connection: Any, location: str, name: str, params: dict[str, str], runs: int) -> None:
    from diplograph.store import open_store

    store = open_store(location, read_only=not location.startswith("http"))
    try:
        _run_and_send(connection, store, name, params, runs)
    finally:
        store.close()


def time_queries(
    location: str, runs: int, timeout: float, label: str, reason_timeout: float = 120.0,
    names: tuple[str, ...] = (),
) -> dict[str, dict[str, Any]]:
    """Median latency of every saved query (first page and total; every row),
    through ``run_query``, with parameters the store holds.

    Each query runs in a fresh process that opens the store (not timed) and is
    killed when a run takes longer than ``timeout``: a query cannot be
    interrupted inside pyoxigraph.
    """
    from diplograph.store import open_store

    note = ensure_inferred(location, reason_timeout, names)
    store = open_store(location, read_only=not location.startswith("http"))
    try:
        params = corpus_parameters(store, names)
    finally:
        store.close()
    if note:
        print(f"    {label}: {note}", file=sys.stderr, flush=True)
    return _each_query_in_a_child("spawn", _oxigraph_child, location, runs, timeout, label, params)


def _each_query_in_a_child(
    start: str, target: Any, store: Any, runs: int, timeout: float, label: str, params: dict[str, dict[str, str]]
) -> dict[str, dict[str, Any]]:
    """``target(connection, store, name, params[name], runs)`` for every saved query
    in a child process started by ``start`` ("spawn" or "fork"), killed after ``timeout``."""
    import multiprocessing

    context = multiprocessing.get_context(start)
    out: dict[str, dict[str, Any]] = {}
    for name, values in params.items():
        parent, child = context.Pipe(duplex=False)
        process = context.Process(target=target, args=(child, store, name, values, runs))
        process.start()
        child.close()
        out[name] = {**_collect(process, parent, runs, timeout), "params": values}
        print(f"    {label} {name}: {fmt_ms(out[name], timeout)}", file=sys.stderr, flush=True)
    return out


def profiled(function: Any, dump: Path, *args: Any) -> Any:
    """``function(*args)`` under cProfile; prints the top functions to stderr, dumps the stats."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    result = profiler.runcall(function, *args)
    stats = pstats.Stats(profiler, stream=sys.stderr)
    stats.sort_stats("cumulative").print_stats(40)
    stats.sort_stats("tottime").print_stats(25)
    stats.dump_stats(str(dump))
    print(f"profile written to {dump} (python -m pstats {dump})", file=sys.stderr)
    return result


def phase_embedded(paths: list[Path], folder: Path, runs: int, timeout: float, profile: bool, reason_timeout: float = 120.0) -> dict[str, Any]:
    from diplograph.store import open_store

    shutil.rmtree(folder, ignore_errors=True)
    store = open_store(str(folder), create=True)
    if profile:
        result = profiled(timed_load, folder.parent / f"embedded-{len(paths)}.prof", paths, store)
    else:
        result = timed_load(paths, store)
    result.update(store_counts(store))
    store.close()
    result["disk_bytes"] = disk_size(folder)
    result["disk_settled_bytes"] = settled_size(folder)
    result["queries"] = time_queries(str(folder), runs, timeout, "embedded", reason_timeout)
    return result


class OxigraphServer:
    """``oxigraph serve`` on a free port of 127.0.0.1 over ``folder``, until stopped."""

    def __init__(self, folder: Path, log: Any, timeout_s: int | None = None) -> None:
        self.port = free_port()
        command = [oxigraph_binary(), "serve", "--location", str(folder), "--bind", f"127.0.0.1:{self.port}",
                   "--union-default-graph"]  # fmt: skip
        if timeout_s is not None:
            command += ["--timeout-s", str(timeout_s)]
        self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise SystemExit(f"oxigraph server did not start; see {log.name}") from None
                time.sleep(0.1)

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}/query"

    def stop(self) -> float:
        """Stop the server; its peak RSS in MiB."""
        self.process.send_signal(signal.SIGTERM)
        try:
            _, _, usage = os.wait4(self.process.pid, 0)
            self.process.returncode = 0
            return mib(usage.ru_maxrss)
        except ChildProcessError:
            return float("nan")


def phase_server(paths: list[Path], folder: Path, runs: int, timeout: float, profile: bool, reason_timeout: float = 120.0) -> dict[str, Any]:
    from diplograph.store import open_store

    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    log = open(folder.parent / f"{folder.name}.log", "wb")  # noqa: SIM115
    # The load runs without --timeout-s: with it, the server starts a thread per
    # query that lives as long as the timeout, and hundreds of requests a second
    # exhaust the memory maps (measured: "failed to set up alternative stack guard
    # page" after ~4,000 articles). The queries run on a restarted server that
    # gives up soon after the client does.
    server = OxigraphServer(folder, log)
    try:
        store = open_store(server.endpoint)
        result = profiled(timed_load, folder.parent / f"server-{len(paths)}.prof", paths, store) if profile else timed_load(paths, store)
        result.update(store_counts(store))
        store.close()
    finally:
        rss_load = server.stop()
    server = OxigraphServer(folder, log, timeout_s=int(timeout) + 5)
    try:
        result["queries"] = time_queries(server.endpoint, runs, timeout, "server", reason_timeout)
    finally:
        rss_queries = server.stop()
        log.close()
    result["rss_server_mib"] = max(rss_load, rss_queries)
    result["disk_bytes"] = disk_size(folder)
    result["disk_settled_bytes"] = settled_size(folder)
    return result


class RdflibStore:
    """Just enough of diplograph's Store over an rdflib Dataset for ``run_query``."""

    location = "rdflib"

    def __init__(self, dataset: Any) -> None:
        self.dataset = dataset

    def has_graph(self, graph_iri: Any) -> bool:
        from rdflib import URIRef

        return len(self.dataset.graph(URIRef(str(graph_iri)))) > 0

    def select(self, query: str, bindings: dict[str, Any] | None = None) -> tuple[list[str], list[dict[str, Any]]]:
        from rdflib import BNode, Literal, URIRef, Variable
        from rdflib.namespace import XSD

        from diplograph.store import Term

        def to_rdflib(term: Term) -> Any:
            if term.kind == "uri":
                return URIRef(term.value)
            if term.kind == "bnode":
                return BNode(term.value)
            return Literal(term.value, lang=term.lang, datatype=URIRef(term.datatype) if term.datatype else None)

        def to_term(value: Any) -> Term:
            if isinstance(value, URIRef):
                return Term("uri", str(value))
            if isinstance(value, BNode):
                return Term("bnode", str(value))
            datatype = value.datatype if value.datatype and value.datatype != XSD.string else None
            return Term("literal", str(value), datatype=str(datatype) if datatype else None, lang=value.language)

        init = {Variable(k): to_rdflib(v) for k, v in (bindings or {}).items()}
        result = self.dataset.query(query, initBindings=init)
        shown = [str(v) for v in result.vars or [] if not str(v).startswith("_")]
        rows = []
        for row in result:
            values = row.asdict()
            rows.append({k: to_term(values[k]) for k in shown if values.get(k) is not None})
        return shown, rows


def _rdflib_child(connection: Any, dataset: Any, name: str, params: dict[str, str], runs: int) -> None:
    _run_and_send(connection, RdflibStore(dataset), name, params, runs)


def baseline_queries(dataset: Any, runs: int, timeout: float) -> dict[str, dict[str, Any]]:
    """Each query in a forked child (it shares the dataset), killed after ``timeout`` per run."""
    params = corpus_parameters(RdflibStore(dataset))
    return _each_query_in_a_child("fork", _rdflib_child, dataset, runs, timeout, "baseline", params)


def phase_baseline(paths: list[Path], runs: int, timeout: float) -> dict[str, Any]:
    from rdflib import Dataset, Graph, URIRef
    from rdflib.compare import to_canonical_graph

    from diplograph.articles import read_articles
    from diplograph.errors import ArticleError
    from diplograph.iri import article_iri
    from diplograph.namespaces import ONTOLOGY_IRI
    from diplograph.pipeline import process
    from diplograph.resources import ontology_file

    import diplograph.store

    dataset = Dataset(default_union=True)
    # Where the stores keep a merged graph (the set union of the others, which the
    # saved queries read), the baseline keeps one too, or those queries find nothing.
    merged_iri = getattr(diplograph.store, "MERGED_GRAPH", None)
    merged = dataset.graph(URIRef(merged_iri)) if merged_iri else None

    def add(iri: URIRef, graph: Graph) -> None:
        context = dataset.graph(iri)
        dataset.addN((s, p, o, context) for s, p, o in graph)
        if merged is not None:
            dataset.addN((s, p, o, merged) for s, p, o in graph)

    started = time.perf_counter()
    # the ontology graph too, as ensure_ontology writes it to the stores: queries read labels from it
    ontology = to_canonical_graph(Graph().parse(ontology_file(), format="turtle")).skolemize(authority=ONTOLOGY_IRI)
    add(URIRef(ONTOLOGY_IRI), ontology)
    done = 0
    for article in read_articles(paths):
        if isinstance(article, ArticleError):
            continue
        add(article_iri(article), process(article, check=False).graph)
        done += 1
    seconds = time.perf_counter() - started
    result: dict[str, Any] = {"seconds": seconds, "articles": done, **peaks()}
    result["quads"] = sum(1 for _ in dataset.quads((None, None, None, None)))
    store = RdflibStore(dataset)
    _, rows = store.select(
        "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <https://w3id.org/diplograph/ontology#Agreement> }"
    )
    result["agreements"] = int(rows[0]["n"].value)
    result["queries"] = baseline_queries(dataset, runs, timeout)
    return result


# ---------------------------------------------------------------- tables


def table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(x)) for x in column) for column in zip(headers, *rows)]
    line = "  ".join(h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in enumerate(zip(headers, widths)))
    out = [line, "  ".join("-" * w for w in widths)]
    for row in rows:
        out.append("  ".join(str(x).ljust(w) if i == 0 else str(x).rjust(w) for i, (x, w) in enumerate(zip(row, widths))))
    return "\n".join(out)


def fmt_ms(entry: dict[str, Any] | None, timeout: float) -> str:
    if not entry:
        return "-"
    if "ms" in entry:
        ms = entry["ms"]
        return f"{ms:,.1f}" if ms < 100 else f"{ms:,.0f}"
    if entry.get("timeout"):
        return f">{timeout:.0f} s"
    return "error"


def ratio(a: dict[str, Any] | None, b: dict[str, Any] | None, timeout: float) -> str:
    if not a or not b or "ms" not in b:
        return "-"
    if a.get("timeout"):
        return f">{timeout * 1000 / max(b['ms'], 1e-6):,.0f}x"
    if "ms" not in a:
        return "-"
    value = a["ms"] / max(b["ms"], 1e-6)
    return f"{value:,.1f}x" if value >= 1 else f"{value:.2g}x"


def report(size: int, results: dict[str, dict[str, Any]], timeout: float, runs: int, baseline_runs: int) -> str:
    out = [f"\n=== {size:,} articles ==="]
    rows = []
    for phase in PHASES:
        r = results.get(phase)
        if not r:
            continue
        statuses = ", ".join(f"{k} {v}" for k, v in sorted(r.get("statuses", {}).items())) or f"built {r['articles']}"
        rows.append([
            {"embedded": "oxigraph embedded", "server": "oxigraph server", "baseline": "rdflib baseline"}[phase],
            statuses, f"{r['seconds']:,.1f}", f"{r['articles'] / r['seconds']:,.1f}",
            f"{r['rss_self_mib']:,.0f}", f"{r['rss_children_mib']:,.0f}",
            f"{r['rss_server_mib']:,.0f}" if "rss_server_mib" in r else "-",
            f"{r['disk_bytes'] / 2**20:,.0f} / {r['disk_settled_bytes'] / 2**20:,.0f}" if "disk_settled_bytes" in r else "(memory)",
            f"{r['quads']:,}", f"{r['agreements']:,}",
        ])  # fmt: skip
    out.append("load (peak RSS in MiB: self = loading process, workers = largest child, server = oxigraph serve)")
    out.append(table(["store", "articles", "seconds", "articles/s", "RSS self", "RSS workers", "RSS server",
                      "disk MiB", "quads", "agreement nodes"], rows))  # fmt: skip
    out.append("  disk MiB: right after the load / once reopened (the write-ahead log replayed into tables)")
    notes = []
    for phase in ("embedded", "server"):
        r = results.get(phase)
        for line in (r or {}).get("rejected", []):
            notes.append(f"  {phase}: rejected {line}")
        if r and r.get("windows"):
            cells, previous = [], (0, 0.0)
            for done, elapsed in r["windows"]:
                rate = (done - previous[0]) / max(elapsed - previous[1], 1e-9)
                cells.append(f"{rate:,.0f}")
                previous = (done, elapsed)
            notes.append(f"  {phase}: articles/s by tenth of the corpus: {' '.join(cells)}")
    embedded, server = results.get("embedded"), results.get("server")
    if embedded and server and embedded["quads"] != server["quads"]:
        notes.append(f"  note: the same articles gave {embedded['quads']:,} quads in the embedded store and "
                     f"{server['quads']:,} in the server: resolution read different answers from the two backends")  # fmt: skip
    if notes:
        out.append("\n".join(notes))
    base = results.get("baseline")
    if base:
        load_rows = []
        for phase in ("embedded", "server"):
            r = results.get(phase)
            if r:
                load_rows.append([
                    f"baseline / {phase}", f"{base['seconds'] / r['seconds']:.2f}x",
                    f"{base['rss_self_mib'] / r['rss_self_mib']:.2f}x",
                ])  # fmt: skip
        if load_rows:
            out.append("\nload ratios (baseline / oxigraph; time > 1 means the baseline is slower; memory: loading process)")
            out.append(table(["", "load time", "peak RSS self"], load_rows))
    out.extend(query_report(results, timeout, runs, baseline_runs))
    return "\n".join(out)


def query_report(results: dict[str, dict[str, Any]], timeout: float, runs: int, baseline_runs: int) -> list[str]:
    """The saved queries' table of one corpus size: each phase's rows and times."""
    names = sorted({n for r in results.values() for n in r.get("queries", {})})
    if not names:
        return []
    out = []
    headers = ["query", "rows emb", "embedded ms", "rows srv", "server ms", "rows base", "baseline ms",
               "base/emb", "base/srv"]  # fmt: skip
    rows = []
    for name in names:
        e = results.get("embedded", {}).get("queries", {}).get(name)
        s = results.get("server", {}).get("queries", {}).get(name)
        b = results.get("baseline", {}).get("queries", {}).get(name)
        rows.append([
            name, str(e.get("rows", "-")) if e else "-", fmt_ms(e, timeout),
            str(s.get("rows", "-")) if s else "-", fmt_ms(s, timeout),
            str(b.get("rows", "-")) if b else "-", fmt_ms(b, timeout),
            ratio(b, e, timeout), ratio(b, s, timeout),
        ])  # fmt: skip
    out.append(f"\nsaved queries, first page ({API_PAGE} rows) with the total, as /api/queries/NAME answers "
               f"(median of {runs} runs on oxigraph, {baseline_runs} on the baseline)")  # fmt: skip
    out.append(table(headers, rows))
    errors = [(p, n, q["error"]) for p, r in results.items() for n, q in r.get("queries", {}).items() if "error" in q]
    for phase, name, error in errors:
        out.append(f"  {phase} {name}: {error}")
    out.append(f"  >{timeout:.0f} s: the run was stopped after {timeout:.0f} s; a ratio '>Nx' is a lower bound")
    return out


def every_row(entry: dict[str, Any]) -> dict[str, Any]:
    """The time of every row of a query's entry, as ``fmt_ms`` reads an entry."""
    if "all_ms" in entry:
        return {"ms": entry["all_ms"]}
    if entry.get("all_timeout") or entry.get("timeout"):
        return {"timeout": True}
    return {k: v for k, v in entry.items() if k == "error"}


def growth_report(by_size: dict[int, dict[str, dict[str, Any]]], timeout: float, runs: int) -> str:
    """The embedded store's query latencies at every size side by side: rows in
    all, the first page with its total, and every row."""
    sizes = sorted(by_size)
    names = sorted({n for queries in by_size.values() for n in queries})
    headers = ["query"] + [f"rows {s:,}" for s in sizes] + [f"page ms {s:,}" for s in sizes]
    headers += [f"all ms {s:,}" for s in sizes]
    rows = []
    for name in names:
        entries = [by_size[s].get(name) or {} for s in sizes]
        rows.append([name] + [str(e.get("rows", "-")) for e in entries] + [fmt_ms(e, timeout) for e in entries]
                    + [fmt_ms(every_row(e), timeout) for e in entries])  # fmt: skip
    out = [f"\nsaved queries on the embedded store by corpus size (median of {runs} runs): rows in all; "
           f"'page' is the first page ({API_PAGE} rows) with the total, 'all' every row"]  # fmt: skip
    out.append(table(headers, rows))
    for size in sizes:
        for name, entry in sorted(by_size[size].items()):
            if "error" in entry:
                out.append(f"  {size:,} {name}: {entry['error']}")
    parameters = {}
    for size in sizes:
        for name, entry in by_size[size].items():
            if entry.get("params"):
                parameters.setdefault(name, {})[size] = entry["params"]
    for name, values in sorted(parameters.items()):
        shown = "; ".join(
            f"{s:,}: " + " ".join(f"{k}={v.removeprefix('https://w3id.org/diplograph/id/')}" for k, v in p.items())
            for s, p in values.items()
        )
        out.append(f"  {name}: {shown}")
    return "\n".join(out)


# ---------------------------------------------------------------- driver


def run_phase(args: argparse.Namespace, phase: str, size: int) -> dict[str, Any] | None:
    """Run one measurement in a fresh interpreter, so its peak memory is its own."""
    result_file = args.workdir / f"result-{phase}-{size}.json"
    result_file.unlink(missing_ok=True)
    command = [sys.executable, str(Path(__file__).resolve()), "--phase", phase, "--size", str(size),
               "--workdir", str(args.workdir), "--seed", str(args.seed), "--pool", str(args.pool),
               "--query-runs", str(args.query_runs), "--baseline-runs", str(args.baseline_runs),
               "--timeout", str(args.timeout), "--reason-timeout", str(args.reason_timeout),
               "--result", str(result_file)]  # fmt: skip
    if args.profile:
        command.append("--profile")
    print(f"  {phase}: loading {size:,} articles (load average {os.getloadavg()[0]:.1f}; code {revision()}) ...", flush=True)
    started = time.perf_counter()
    completed = subprocess.run(command, check=False)
    if completed.returncode != 0 or not result_file.exists():
        print(f"  {phase}: failed (exit {completed.returncode})", flush=True)
        return None
    result: dict[str, Any] = json.loads(result_file.read_text())
    print(f"  {phase}: done in {time.perf_counter() - started:,.0f} s", flush=True)
    return result


def child(args: argparse.Namespace) -> None:
    paths = corpus_paths(args.workdir, args.size, args.seed, args.pool)
    if args.phase == "embedded":
        result = phase_embedded(paths, args.workdir / f"embedded-{args.size}", args.query_runs, args.timeout, args.profile,
                                args.reason_timeout)
    elif args.phase == "server":
        result = phase_server(paths, args.workdir / f"server-{args.size}", args.query_runs, args.timeout, args.profile,
                              args.reason_timeout)
    else:
        result = phase_baseline(paths, args.baseline_runs, args.timeout)
    Path(args.result).write_text(json.dumps(result, indent=1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes (default 1000,10000)")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/diplograph-load-benchmark"))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--pool", type=int, default=400, help="distinct agreements in the corpus")
    parser.add_argument("--skip-server", action="store_true")
    parser.add_argument("--skip-baseline", action="store_true")
    parser.add_argument("--skip-embedded", action="store_true")
    parser.add_argument("--query-runs", type=int, default=5)
    parser.add_argument("--baseline-runs", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=60.0, help="per baseline query run, seconds")
    parser.add_argument("--profile", action="store_true", help="cProfile the loads into the embedded store and the server")
    parser.add_argument("--reason-timeout", type=float, default=120.0,
                        help="seconds diplograph reason may take before the queries are timed (default 120)")
    parser.add_argument("--queries", default="", metavar="NAME,...",
                        help="with --queries-only: time only these saved queries")
    parser.add_argument("--queries-only", action="store_true",
                        help="load nothing: time the saved queries on the embedded stores an earlier run left "
                        "in --workdir (embedded-SIZE) and print them side by side")  # fmt: skip
    parser.add_argument("--phase", choices=PHASES, help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--result", help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    if args.phase:
        child(args)
        return
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s]
    phases = [p for p in PHASES if not getattr(args, f"skip_{p}")]
    growth: dict[int, dict[str, dict[str, Any]]] = {}
    if args.queries_only:
        print(f"workdir {args.workdir}; {os.cpu_count()} CPUs; saved queries only; code: {revision()}", flush=True)
        for size in sizes:
            folder = args.workdir / f"embedded-{size}"
            if not folder.is_dir():
                raise SystemExit(f"no store {folder}: load it first (--sizes {size} --skip-server --skip-baseline)")
            print(f"\n{size:,} articles: {folder} (load average {os.getloadavg()[0]:.1f})", flush=True)
            names = tuple(n for n in args.queries.split(",") if n)
            growth[size] = time_queries(str(folder), args.query_runs, args.timeout, "embedded", args.reason_timeout, names)
        print(growth_report(growth, args.timeout, args.query_runs), flush=True)
        return
    print(f"workdir {args.workdir}; {os.cpu_count()} CPUs; phases: {', '.join(phases)}; code: {revision()}", flush=True)
    reports = []
    for size in sizes:
        print(f"\n{size:,} articles", flush=True)
        corpus_paths(args.workdir, size, args.seed, args.pool)
        results = {p: r for p in phases if (r := run_phase(args, p, size))}
        if "queries" in results.get("embedded", {}):
            growth[size] = results["embedded"]["queries"]
        text = report(size, results, args.timeout, args.query_runs, args.baseline_runs)
        print(text, flush=True)
        reports.append(text)
        (args.workdir / f"report-{size}.txt").write_text(text + "\n")
    if len(reports) > 1:
        print("\n\n==================== summary ====================")
        print("\n".join(reports))
    if len(growth) > 1:
        print(growth_report(growth, args.timeout, args.query_runs), flush=True)


if __name__ == "__main__":
    main()
