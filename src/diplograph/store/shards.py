"""Reading the shards ``extract --format nquads`` writes, and the N-Quads or
TriG files ``export`` writes, graph by graph.

pyoxigraph parses them (fast, and its terms convert to rdflib's in one place,
:func:`diplograph.store.embedded.to_rdflib`), as they stream: one graph is in
memory at a time.
"""

from __future__ import annotations

from collections.abc import Container, Iterator
from pathlib import Path

import pyoxigraph
from rdflib import Graph

from diplograph.errors import ArticleError
from diplograph.store.embedded import to_rdflib


def read_shard(
    path: Path | str, *, skip: Container[str] = ()
) -> Iterator[tuple[str, Graph]]:
    """Each named graph of the file at ``path`` (TriG for a ``.trig`` file,
    N-Quads otherwise), by graph IRI, in file order; triples of the default
    graph and of the graphs in ``skip`` are left out.

    A graph's quads must come together, as ``extract`` and ``export`` write
    them: one graph is kept in memory at a time, so a file of any size loads.
    """
    syntax = (
        pyoxigraph.RdfFormat.TRIG
        if Path(path).suffix.lower() == ".trig"
        else pyoxigraph.RdfFormat.N_QUADS
    )
    done: set[str] = set()
    current, graph = "", Graph()
    try:
        for quad in pyoxigraph.parse(path=str(path), format=syntax):
            name = quad.graph_name
            if not isinstance(name, pyoxigraph.NamedNode) or name.value in skip:
                continue
            if name.value != current:
                if current:
                    done.add(current)
                    yield current, graph
                if name.value in done:
                    raise ArticleError(
                        path,
                        f"the graph <{name.value}> comes in two places",
                        "Write each graph's quads together, as `diplograph "
                        "extract` and `diplograph export` do (sorting an N-Quads "
                        "file by its last column does it).",
                    )
                current, graph = name.value, Graph()
            graph.add(
                tuple(to_rdflib(t) for t in (quad.subject, quad.predicate, quad.object))  # type: ignore[arg-type]
            )
    except (OSError, SyntaxError) as error:
        kind = "TriG" if syntax == pyoxigraph.RdfFormat.TRIG else "N-Quads"
        raise ArticleError(
            path,
            f"not an {kind} shard ({error})",
            "Give a file written by `diplograph extract --format nquads` or "
            "`diplograph export --format nquads|trig`.",
        ) from None
    if current:
        yield current, graph
