"""The default store: Oxigraph embedded through pyoxigraph, on disk, no server."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from diplograph.errors import StoreError
from diplograph.plain import PlainTriple, triples_of
from diplograph.settings import Settings
from diplograph.store import (
    MERGED_GRAPH,
    Row,
    Term,
    bind_values,
    replace_graphs_update,
)

_MERGED = ox.NamedNode(str(MERGED_GRAPH))
# Without a flush now and then, RocksDB's in-memory tables and write-ahead log
# grow through a long load, and every lookup of the resolution queries slows
# down with them (measured: 139 -> 69 articles/s over 10,000 articles).
FLUSH_EVERY = 1000


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def from_ox(term: object) -> Term:
    kind = type(term)
    if kind is ox.NamedNode:
        return Term("uri", term.value)  # type: ignore[attr-defined]
    if kind is ox.BlankNode:
        return Term("bnode", term.value)  # type: ignore[attr-defined]
    assert kind is ox.Literal
    if term.language:  # type: ignore[attr-defined]
        return Term("literal", term.value, lang=term.language)  # type: ignore[attr-defined]
    datatype = term.datatype.value  # type: ignore[attr-defined]
    return Term("literal", term.value, None if datatype == _XSD_STRING else datatype)  # type: ignore[attr-defined]


def to_rdflib(term: object) -> URIRef | Literal | BNode:
    """A pyoxigraph term as the rdflib term it is."""
    return from_ox(term).to_rdflib()


OxTriple = tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]


def _ox_triples(
    graph: Graph, named: dict[object, ox.NamedNode] | None = None
) -> list[OxTriple]:
    """The graph's triples as pyoxigraph terms; none if it holds a blank node
    or a term pyoxigraph refuses (an update says which).

    ``named``: the pyoxigraph IRIs made so far, by rdflib IRI, taken and kept
    up to date: most IRIs of a batch's graphs recur in it (predicates, classes,
    parties, agreements), and looking one up costs a fifth of making it again
    (with the graph read from its store's index: 0.17 -> 0.09 ms per article).
    """
    made = {} if named is None else named
    triples = []
    try:
        # what iterating the graph reads, without its wrapping of every triple
        for (s, p, o), _ in graph.store.triples((None, None, None), context=graph):
            if isinstance(s, BNode) or isinstance(o, BNode):
                return []
            value = _named(made, o) if type(o) is URIRef else _to_ox(o)
            triples.append((_named(made, s), _named(made, p), value))
    except ValueError:
        return []
    return triples


def _ox_plain(
    plain: Sequence[PlainTriple], made: dict[object, ox.NamedNode]
) -> list[OxTriple]:
    """:func:`_ox_triples` of plain triples (:mod:`diplograph.plain`): the
    pyoxigraph terms made straight from their strings, no rdflib term between
    (``made``: by IRI, as there; an rdflib IRI is its string)."""
    literals: dict[tuple[str, str], ox.Literal] = {}
    triples: list[OxTriple] = []
    try:
        for s, p, o, kind in plain:
            if kind == "_" or s.startswith("_:"):
                return []
            if kind is None:
                value: ox.NamedNode | ox.Literal = _named(made, o)
            else:
                literal = literals.get((o, kind))
                if literal is None:
                    if kind == "":
                        literal = ox.Literal(o)
                    elif kind[0] == "@":
                        literal = ox.Literal(o, language=kind[1:])
                    else:
                        literal = ox.Literal(o, datatype=_named(made, kind))
                    literals[o, kind] = literal
                value = literal
            triples.append((_named(made, s), _named(made, p), value))
    except ValueError:
        return []
    return triples


def _named(made: dict[object, ox.NamedNode], term: object) -> ox.NamedNode:
    """The pyoxigraph IRI of ``term`` (an rdflib IRI or its string), made once
    a batch: looking one up costs a fifth of making it again."""
    node = made.get(term)
    if node is None:
        node = made[term] = ox.NamedNode(str(term))
    return node


def _to_ox(term: object) -> ox.NamedNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    assert isinstance(term, Literal)
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


def open_hint(error: OSError) -> str:
    """What to do about a store that does not open, by what the system said."""
    text = str(error).lower()
    if error.errno == errno.ENOSPC or "no space left" in text:
        return "Free some disk space, or pass a --store folder on another disk."
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS) or any(
        words in text for words in ("permission denied", "read-only file system")
    ):
        return "Check that you may write to that folder, or pass another --store."
    if "lock" in text:
        return "Close other diplograph processes using it, or pass another --store."
    return "Check the folder, or pass another --store folder."


def _require_store(location: str) -> None:
    if not (Path(location) / "CURRENT").is_file():
        raise StoreError(
            f"there is no store at {location}: load articles into it first "
            f"(diplograph load FILES --store {location}; in Python, "
            "open_store(..., create=True)), or pass the --store folder that holds "
            "them."
        )


def disk_state(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """The files of a store's folder that a write changes (write-ahead log,
    tables, manifest), with their sizes and times: a reader opened before a
    write sees none of it, and compares this to know it should reopen.
    RocksDB's own info log (``LOG``) and ``LOCK`` are left out: readers touch them.
    """
    state = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name == "LOCK" or entry.name.startswith("LOG"):
                continue
            try:
                found = entry.stat()
            except FileNotFoundError:  # removed by a compaction meanwhile
                continue
            state.append((entry.name, found.st_size, found.st_mtime_ns))
    return tuple(sorted(state))


def _open_read_only(location: str) -> ox.Store:
    _require_store(location)
    try:
        return ox.Store.read_only(location)
    except OSError as error:
        raise StoreError(
            f"cannot read the store at {location}: {error}. {open_hint(error)}"
        ) from None


class EmbeddedStore:
    """pyoxigraph ``Store`` in a folder; ``":memory:"`` keeps it in memory."""

    # A load's new articles, this many at a time, are written as one ingestion
    # of sorted files (bulk_from, below); one at a time, a transaction checks
    # every quad and term against the store first, which grew with the store
    # (isolated writes of 10,000 articles: 2.1 -> 2.2-3.9 ms per article from
    # the first tenth to the later ones; ingested 256 at a time 0.8-1.4 ms,
    # flat). Each article is told stored once its batch is written.
    write_batch = 256
    # New graphs at least this many at a time are ingested (bulk_extend);
    # fewer go through a transaction (extend): an ingestion writes a file for
    # each of RocksDB's column families, and many small ones cost more in
    # compaction than they save (isolated: 16 at a time, 1.4-5.1 ms per article)
    bulk_from = 64

    def __init__(
        self,
        location: str,
        *,
        settings: Settings | None = None,
        read_only: bool = False,
        create: bool = False,
    ) -> None:
        # settings: nothing to configure here; taken so every backend opens alike
        self.location = location
        self.folder = None if location == ":memory:" else Path(location)
        self._written = 0
        self.read_only = read_only and location != ":memory:"
        if self.read_only:
            # queries read beside a running load, and never create an empty store
            # where a mistyped --store points
            _require_store(location)
            self._state = disk_state(Path(location))  # before: a write between is seen
            self._store = _open_read_only(location)
            return
        if not create and self.folder is not None:
            # a mistyped folder is an error, not a new empty store that answers
            # every question with nothing
            _require_store(location)
        try:
            if location == ":memory:":
                self._store = ox.Store()
            else:
                Path(location).mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(location)
        except OSError as error:
            raise StoreError(
                f"cannot open the store at {location}: {error}. {open_hint(error)}"
            ) from None

    def _wrote(self, graphs: int) -> None:
        """Count ``graphs`` more graphs written; flush every FLUSH_EVERY."""
        before, self._written = self._written, self._written + graphs
        if before // FLUSH_EVERY != self._written // FLUSH_EVERY:
            self._store.flush()

    def replace_graph(self, graph_iri: URIRef, graph: Graph) -> None:
        self.replace_graphs([(graph_iri, graph)])

    def replace_graphs(self, graphs: Sequence[tuple[URIRef, Graph]]) -> None:
        """Every replacement in one transaction: an error leaves none of it.

        New graphs (the articles of a load) are one insert of their quads and
        their copies in the merged graph (a set: copies already there change
        nothing), without writing and parsing a SPARQL update (2.3 -> 0.8 ms
        per article), ingested as files when there are ``bulk_from`` of them
        or more; any other batch is one update of every replacement, in
        order, which pyoxigraph also runs as one transaction.
        """
        if not graphs:
            return
        self._wrote(len(graphs))
        try:
            quads = self._new_quads(graphs)
            if quads and len(graphs) >= self.bulk_from:
                # all or none as well: pyoxigraph (0.5.1 on) writes the files
                # first and commits them in one RocksDB IngestExternalFiles of
                # every column family, which its MANIFEST records at once or,
                # after a failure or a crash, not at all (tested: an error
                # while writing leaves no quad; killed loads resume to the same
                # store, tests/test_kill_resume.py)
                self._store.bulk_extend(quads)
            elif quads:
                self._store.extend(quads)
            else:  # an existing graph, or a bad term: refused here, before writing
                self._store.update(replace_graphs_update(graphs))
        except (SyntaxError, RuntimeError, OSError) as error:
            raise StoreError(
                f"{self.location}: none of the {len(graphs)} graphs from "
                f"{graphs[0][0]} on was written: {error}"
            ) from None

    def _new_quads(self, graphs: Sequence[tuple[URIRef, Graph]]) -> list[ox.Quad]:
        """The quads that write ``graphs``, when each is a new graph, given once,
        with triples and no blank node (which an update gives a label of the
        store's own); else none. The merged graph's copies are given once each:
        a party's description, an agreement's name recur in many articles of a
        batch (15% of the copies in batches of 256 generated articles, before
        resolution gives them their agreements), and every quad given costs the
        ingestion its sorting and writing."""
        quads: list[ox.Quad] = []
        merged: set[OxTriple] = set()
        names: set[str] = set()
        made: dict[object, ox.NamedNode] = {}  # this batch's IRIs
        for iri, graph in graphs:
            name = ox.NamedNode(str(iri))
            if iri in names or self._store.contains_named_graph(name):
                return []
            names.add(iri)
            plain = triples_of(graph)
            if plain is not None:  # a load's article, as its worker sent it
                triples = _ox_plain(plain, made)
            else:
                triples = _ox_triples(graph, made)
            if not triples:
                return []
            quads += [ox.Quad(s, p, o, name) for s, p, o in triples]
            merged.update(triples)
        quads += [ox.Quad(s, p, o, _MERGED) for s, p, o in merged]
        return quads

    def remove_graph(self, graph_iri: URIRef) -> None:
        self.replace_graph(graph_iri, Graph())

    def has_graph(self, graph_iri: URIRef) -> bool:
        return self._store.contains_named_graph(ox.NamedNode(str(graph_iri)))

    def graphs(self) -> list[str]:
        return sorted(
            g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode)
        )

    def select(
        self, query: str, bindings: Mapping[str, Term] | None = None
    ) -> tuple[list[str], list[Row]]:
        results = self._query(query, bindings)
        if not isinstance(results, ox.QuerySolutions):
            raise StoreError("expected a SELECT query")
        # Parameters must be projected for pyoxigraph to substitute them (SEP-0007);
        # they are the caller's own values, so they are not returned.
        variables = [v.value for v in results.variables]
        shown = [name for name in variables if not name.startswith("_")]
        rows = []
        for solution in results:
            row = {}
            for name, value in zip(variables, solution, strict=True):
                if value is not None and name[0] != "_":
                    row[name] = from_ox(value)
            rows.append(row)
        return shown, rows

    def construct(
        self, query: str, bindings: Mapping[str, Term] | None = None
    ) -> Graph:
        results = self._query(query, bindings)
        if not isinstance(results, ox.QueryTriples):
            raise StoreError("expected a CONSTRUCT or DESCRIBE query")
        graph = Graph()
        for triple in results:
            graph.add(
                (
                    to_rdflib(triple.subject),
                    to_rdflib(triple.predicate),
                    to_rdflib(triple.object),
                )
            )
        return graph

    def ask(self, query: str, bindings: Mapping[str, Term] | None = None) -> bool:
        result = self._query(query, bindings)
        if not isinstance(result, ox.QueryBoolean):
            raise StoreError("expected an ASK query")
        return bool(result)

    def stale(self) -> bool:
        """Whether a writer has changed the store since this read-only view of
        it was opened (it then sees none of the change: open it again)."""
        return self.read_only and disk_state(Path(self.location)) != self._state

    def results(
        self, query: str
    ) -> ox.QuerySolutions | ox.QueryTriples | ox.QueryBoolean:
        """Any query as written, its results as pyoxigraph gives them: lazy, so
        a reader (``diplograph serve``) takes rows one at a time and may stop."""
        return self._query(query, None)

    def export_graph(self, graph_iri: URIRef) -> Graph:
        graph = Graph()
        for quad in self._store.quads_for_pattern(
            None, None, None, ox.NamedNode(str(graph_iri))
        ):
            graph.add(
                (
                    to_rdflib(quad.subject),
                    to_rdflib(quad.predicate),
                    to_rdflib(quad.object),
                )
            )
        return graph

    def quads(
        self, graph: URIRef | None = None, *, subjects: Iterable[str] | None = None
    ) -> Iterator[ox.Quad]:
        name = ox.NamedNode(str(graph)) if graph is not None else None
        if subjects is not None:
            for subject in subjects:
                for quad in self._store.quads_for_pattern(
                    ox.NamedNode(subject), None, None, name
                ):
                    if type(quad.graph_name) is ox.NamedNode:  # not the default graph
                        yield quad
            return
        # graph by graph, so that TriG writes each graph in one block
        names = [name] if name is not None else map(ox.NamedNode, self.graphs())
        for each in names:
            yield from self._store.quads_for_pattern(None, None, None, each)

    def _query(
        self, query: str, bindings: Mapping[str, Term] | None
    ) -> ox.QuerySolutions | ox.QueryTriples | ox.QueryBoolean:
        try:
            return self._store.query(
                bind_values(query, bindings), default_graph=_MERGED
            )
        except SyntaxError as error:
            raise StoreError(f"the query is not valid SPARQL: {error}") from None
        except (RuntimeError, OSError) as error:
            raise StoreError(f"the store could not run the query: {error}") from None

    def close(self) -> None:
        """Flush and release the folder; closing a closed store does nothing."""
        store = self.__dict__.pop("_store", None)
        if store is not None and not self.read_only:
            store.flush()
