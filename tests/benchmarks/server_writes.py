"""Benchmark: writing article graphs into each store, one at a time or in batches.

Not a test: it prints a table. It takes N article graphs built beforehand
(``diplograph extract --format nquads`` over the first N articles of the
synthetic corpus of ``generate_corpus.py``, kept in the workdir) and writes
them, from an empty store each time, into

(a) the embedded store, ``replace_graph`` one by one (and ``replace_graphs`` in
    batches, for comparison);
(b) an Oxigraph server (``oxigraph serve``, started here), ``replace_graph``:
    one update request per article;
(c) the same server, ``replace_graphs`` in batches of ``--batches`` (1, 16, 64,
    256), one request per batch;
(d) Virtuoso (``.ci/virtuoso``, a new one for each run), likewise;
(e) each server with ``--in-flight`` K (2, 4) batch requests under way at once
    (a thread per request, each with its own connection), and then whether the
    merged graph is the union of the article graphs;

and prints articles per second, each as a share of (a). ``--again`` also
writes the same graphs a second time into the filled store (every graph then
replaced, not new: what ``reload`` does).

    python tests/benchmarks/server_writes.py --articles 10000 --workdir /tmp/dg-bench
    python tests/benchmarks/server_writes.py --articles 2000 --backends embedded,oxigraph --batches 64

Times are wall clock, client and server on one machine; "client CPU" and
"server CPU" say where the time went.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from load_benchmark import (  # noqa: E402
    OxigraphServer,
    corpus_paths,
    free_port,
    revision,
    table,
)

Batch = Sequence[tuple[Any, Any]]


def article_graphs(workdir: Path, size: int, seed: int, pool: int) -> list[tuple[Any, Any]]:
    """The graphs of the first ``size`` articles, as (IRI, rdflib Graph), from
    their N-Quads, extracted once and kept in ``workdir``."""
    import pyoxigraph as ox
    from rdflib import Graph, URIRef

    from diplograph.store.embedded import to_rdflib

    nquads = workdir / f"graphs-s{seed}-p{pool}-n{size}.nq"
    if not nquads.exists():
        paths = corpus_paths(workdir, size, seed, pool)
        listing = workdir / f"paths-n{size}.txt"
        listing.write_text("\n".join(map(str, paths)))
        started = time.perf_counter()
        partial = nquads.with_suffix(".partial")
        folder = paths[0].parent
        # the first `size` articles of the corpus folder: linked into a folder of their own
        chosen = workdir / f"articles-n{size}"
        if not chosen.exists():
            chosen.mkdir()
            for path in paths:
                (chosen / path.name).symlink_to(path)
        subprocess.run(
            [sys.executable, "-m", "diplograph", "extract", "--format", "nquads",
             "--out", str(partial), "--quiet", str(chosen)],
            check=True,
        )  # fmt: skip
        partial.rename(nquads)
        print(f"  graphs: extracted {size:,} articles of {folder} in "
              f"{time.perf_counter() - started:.0f} s -> {nquads}", flush=True)  # fmt: skip
    graphs: dict[str, Graph] = {}
    with nquads.open("rb") as stream:
        for quad in ox.parse(stream, ox.RdfFormat.N_QUADS):
            name = quad.graph_name.value  # type: ignore[union-attr]
            graph = graphs.get(name)
            if graph is None:
                graph = graphs[name] = Graph()
            graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    articles = [(URIRef(name), graph) for name, graph in graphs.items() if "/id/article/" in name]
    quads = sum(len(g) for _, g in articles)
    print(f"  graphs: {len(articles):,} article graphs, {quads:,} triples "
          f"({quads / max(len(articles), 1):.0f} an article)", flush=True)  # fmt: skip
    return articles[:size]


def batches(graphs: Sequence[tuple[Any, Any]], size: int) -> Iterator[Batch]:
    for start in range(0, len(graphs), size):
        yield graphs[start : start + size]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of process ``pid`` so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def timed(write: Callable[[], None], count: int, server_pid: int | None) -> dict[str, float]:
    server_before = cpu_seconds(server_pid) if server_pid else 0.0
    client_before = own_cpu()
    started = time.perf_counter()
    write()
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "rate": count / seconds,
        "client_cpu": own_cpu() - client_before,
        "server_cpu": (cpu_seconds(server_pid) - server_before) if server_pid else float("nan"),
    }


def write_all(open_one: Callable[[], Any], graphs: Batch, size: int | None, in_flight: int) -> None:
    """Write ``graphs``: one by one with replace_graph (``size`` None), else in
    batches of ``size`` with replace_graphs, ``in_flight`` requests at once
    (each thread its own store: its own connection)."""
    if size is None:
        store = open_one()
        for iri, graph in graphs:
            store.replace_graph(iri, graph)
        store.close()
        return
    if in_flight == 1:
        store = open_one()
        for batch in batches(graphs, size):
            store.replace_graphs(batch)
        store.close()
        return
    local = threading.local()
    opened: list[Any] = []

    def write(batch: Batch) -> None:
        store = getattr(local, "store", None)
        if store is None:
            store = local.store = open_one()
            opened.append(store)
        store.replace_graphs(batch)

    with ThreadPoolExecutor(max_workers=in_flight) as pool:
        for future in [pool.submit(write, batch) for batch in batches(graphs, size)]:
            future.result()
    for store in opened:
        store.close()


def merged_is_union(store: Any, graphs: Batch) -> str:
    """Whether the store's merged graph holds exactly the triples of the
    article graphs written ("ok", or what differs)."""
    from diplograph.store import MERGED_GRAPH

    expected = {triple for _, graph in graphs for triple in graph}
    _, rows = store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{MERGED_GRAPH}> {{ ?s ?p ?o }} }}")
    found = int(rows[0]["n"].value)
    return "ok" if found == len(expected) else f"merged {found:,} != union {len(expected):,}"


class Virtuoso:
    """A throwaway Virtuoso (``.ci/virtuoso``) in its own folder, until stopped."""

    def __init__(self, folder: Path) -> None:
        script = HERE.parents[1] / ".ci" / "virtuoso"
        self.folder = folder
        shutil.rmtree(folder, ignore_errors=True)
        out = subprocess.run(
            [str(script), str(folder), str(free_port()), str(free_port())],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        self.endpoint = out.stdout.strip().splitlines()[-1]
        self.pid = int((folder / "pid").read_text())

    def stop(self) -> None:
        os.kill(self.pid, 15)
        for _ in range(300):
            if not Path(f"/proc/{self.pid}").exists():
                break
            time.sleep(0.1)
        shutil.rmtree(self.folder, ignore_errors=True)


def run(args: argparse.Namespace) -> None:
    from diplograph.errors import StoreError
    from diplograph.store import open_store

    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"diplograph: {revision()}", flush=True)
    graphs = article_graphs(workdir, args.articles, args.seed, args.pool)
    count = len(graphs)
    sizes = [int(x) for x in args.batches.split(",") if x]
    flights = [int(x) for x in args.in_flight.split(",") if x]
    rows: list[list[str]] = []
    base: dict[str, float] = {}
    backends = args.backends.split(",")

    def record(backend: str, how: str, result: dict[str, float], check: str = "") -> None:
        if not base:
            base.update(result)
        rows.append([
            backend, how, f"{result['rate']:,.0f}", f"{result['rate'] / base['rate']:.0%}",
            f"{result['seconds']:.1f}", f"{result['client_cpu']:.1f}",
            "" if result["server_cpu"] != result["server_cpu"] else f"{result['server_cpu']:.1f}",
            check,
        ])  # fmt: skip
        print(f"  {backend:10} {how:28} {result['rate']:8,.0f} articles/s  {check}", flush=True)

    scratch = Path(tempfile.mkdtemp(prefix="dg-server-writes-", dir=args.scratch))
    try:
        # (a) embedded
        plans: list[tuple[str, int | None, int]] = [("replace_graph", None, 1)]
        plans += [(f"replace_graphs {size}", size, 1) for size in sizes if size in (64,)]
        for how, size, _ in plans if "embedded" in backends else []:
            folder = scratch / f"embedded-{size}"
            result = timed(
                lambda folder=folder, size=size: write_all(
                    lambda: open_store(str(folder), create=True), graphs, size, 1),
                count, None)  # fmt: skip
            store = open_store(str(folder))
            record("embedded", how, result, merged_is_union(store, graphs))
            store.close()
            shutil.rmtree(folder)

        def servers() -> Iterator[tuple[str, Callable[[], tuple[str, int, Callable[[], None]]]]]:
            def oxigraph() -> tuple[str, int, Callable[[], None]]:
                folder = scratch / "oxigraph"
                shutil.rmtree(folder, ignore_errors=True)
                log = (scratch / "oxigraph.log").open("a")
                server = OxigraphServer(folder, log)

                def stop() -> None:
                    server.stop()
                    log.close()
                    shutil.rmtree(folder, ignore_errors=True)

                return server.endpoint, server.process.pid, stop

            def virtuoso() -> tuple[str, int, Callable[[], None]]:
                server = Virtuoso(scratch / "virtuoso")
                return server.endpoint, server.pid, server.stop

            if "oxigraph" in backends:
                yield "oxigraph", oxigraph
            if "virtuoso" in backends:
                yield "virtuoso", virtuoso

        for backend, start in servers():
            plans = [("replace_graph", None, 1)]
            plans += [(f"replace_graphs {size}", size, 1) for size in sizes]
            plans += [(f"replace_graphs {args.flight_batch} x{k} in flight", args.flight_batch, k)
                      for k in flights if k > 1]  # fmt: skip
            for how, size, in_flight in plans:
                endpoint, pid, stop = start()
                try:
                    try:
                        result = timed(
                            lambda size=size, in_flight=in_flight, endpoint=endpoint: write_all(
                                lambda: open_store(endpoint), graphs, size, in_flight),
                            count, pid)  # fmt: skip
                    except StoreError as error:  # a server that refuses the batch size
                        rows.append([backend, how, "failed", "", "", "", "", str(error)[:70]])
                        print(f"  {backend:10} {how:28} failed: {error}", flush=True)
                        continue
                    store = open_store(endpoint)
                    record(backend, how, result, merged_is_union(store, graphs))
                    if args.again and size == args.flight_batch and in_flight == 1:
                        again = timed(
                            lambda size=size, endpoint=endpoint: write_all(
                                lambda: open_store(endpoint), graphs, size, 1),
                            count, pid)  # fmt: skip
                        record(backend, how + " (again)", again, merged_is_union(store, graphs))
                    store.close()
                finally:
                    stop()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    print(f"\n{count:,} article graphs written into an empty store; share = of the "
          f"first row's rate ({rows[0][0]} {rows[0][1]}); CPU in seconds")  # fmt: skip
    print(table(["backend", "how", "articles/s", "share", "seconds", "client CPU", "server CPU", "merged"], rows))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--workdir", default="/tmp/dg-server-writes", help="corpus and graphs, kept between runs")
    parser.add_argument("--scratch", default=None, help="where the stores go (default: the system's temp folder)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--pool", type=int, default=400)
    parser.add_argument("--batches", default="1,16,64,256", help="batch sizes for replace_graphs")
    parser.add_argument("--in-flight", default="2,4", help="requests under way at once, for the concurrency rows")
    parser.add_argument("--flight-batch", type=int, default=64, help="the batch size of the concurrency rows")
    parser.add_argument("--again", action="store_true", help="also write the graphs a second time (replacing)")
    parser.add_argument("--backends", default="embedded,oxigraph,virtuoso",
                        help="which of embedded, oxigraph, virtuoso (the first one listed gives the share's base)")
    run(parser.parse_args())


if __name__ == "__main__":
    main()
