"""Reading the N-Quads shards ``extract --format nquads`` writes, graph by graph.

pyoxigraph parses them (fast, and its terms convert to rdflib's in one place,
:func:`diplograph.store.embedded.to_rdflib`).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
from rdflib import Graph

from diplograph.errors import ArticleError
from diplograph.store.embedded import to_rdflib


def read_shard(path: Path | str) -> dict[str, Graph]:
    """Each named graph of the shard at ``path`` (an article's), by graph IRI;
    triples of the default graph are left out."""
    graphs: dict[str, Graph] = {}
    try:
        for quad in pyoxigraph.parse(
            path=str(path), format=pyoxigraph.RdfFormat.N_QUADS
        ):
            name = quad.graph_name
            if not isinstance(name, pyoxigraph.NamedNode):
                continue
            graphs.setdefault(name.value, Graph()).add(
                tuple(to_rdflib(t) for t in (quad.subject, quad.predicate, quad.object))  # type: ignore[arg-type]
            )
    except (OSError, SyntaxError) as error:
        raise ArticleError(
            path,
            f"not an N-Quads shard ({error})",
            "Give a file written by `diplograph extract --format nquads`.",
        ) from None
    return graphs
