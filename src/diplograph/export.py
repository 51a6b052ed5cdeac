"""Export: the store, or its part about one agreement or one country, as
N-Quads, TriG, Turtle, JSON-LD or CSV.

- ``nquads``, ``trig``: quads in their named graphs. For the whole store, every
  graph (each article's, the merged, curation, inferred and ontology graphs);
  for a selection, its quads in the graphs of the articles that report it and
  in the merged, curation and inferred graphs. ``diplograph load --nquads
  FILE`` loads either back into another store.
- ``turtle``, ``jsonld``: the merged graph, what all articles say together
  (for a selection, its triples there), with the project's prefixes; JSON-LD
  compacted with the packaged context ``data/context.jsonld``.
- ``csv``: one row per agreement, the columns of :data:`CSV_COLUMNS`.

A selection is one agreement with its events, the evidence of both, the
articles that report them (their whole description), the parties and states
they name (labels, codes) and the resolutions and separations about it; or
all the agreements a country is party to or concerned by, each so.

Nothing is built as one graph in memory: quads stream from the store
(:meth:`~diplograph.store.Store.quads`) into pyoxigraph's serializers, or into
the JSON-LD writer here one subject at a time, and CSV rows are made a batch of
agreements at a time.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import islice
from pathlib import Path
from typing import IO, Any, TypeVar

import pyoxigraph as ox
from rdflib import RDF, RDFS, URIRef

from diplograph import sparql
from diplograph.errors import QueryError
from diplograph.iri import CURATION_GRAPH, INFERRED_GRAPH, MERGED_GRAPH, is_article_iri
from diplograph.namespaces import DG, ID
from diplograph.queries import PREFIXES, resolve_agreement, resolve_party
from diplograph.resources import data_dir, ontology_file
from diplograph.store import Store
from diplograph.vocabulary import vocabulary

FORMATS = ("nquads", "trig", "turtle", "jsonld", "csv")
# the format a file name asks for, when none is given
SUFFIXES = {".nq": "nquads", ".nquads": "nquads", ".trig": "trig", ".ttl": "turtle",
            ".jsonld": "jsonld", ".json": "jsonld", ".csv": "csv"}  # fmt: skip
_SYNTAX = {
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "turtle": ox.RdfFormat.TURTLE,
}
# The graphs every article's claims are copied into, or that hold no article's:
# a selection takes its nodes' quads from them as well as from its articles'.
SHARED_GRAPHS = (CURATION_GRAPH, INFERRED_GRAPH, MERGED_GRAPH)
# The kinds of data IRI (https://w3id.org/diplograph/id/<kind>/...), a Turtle
# prefix each: a local name cannot hold "/", so one prefix for them all would
# write `dgid:agreement\/4d3a...`. (JSON-LD can: its context has `dgid:` only,
# since prefixes there share names with keys, and `evidence` is one.)
DATA_KINDS = ("agreement", "article", "country", "event", "evidence", "org",
              "resolution", "separation")  # fmt: skip
CSV_COLUMNS = ("agreement", "label", "kind", "parties", "signed", "topics", "concerns",
               "lastEvent", "lastEventDate", "lastEventBy", "articles")  # fmt: skip
# agreements per query when a selection or the CSV rows are read
BATCH = 200

_T = TypeVar("_T")


@cache
def prefixes() -> dict[str, str]:
    """The prefixes of Turtle and TriG exports: the ontology's own, the saved
    queries' (``dg:``, ``g:`` for the named graphs...) and one per kind of data
    IRI (``agreement:``, ``country:``...).

    Example:
        >>> prefixes()["dg"], prefixes()["country"]
        ('https://w3id.org/diplograph/ontology#', 'https://w3id.org/diplograph/id/country/')
    """
    declared = re.findall(
        r"@prefix\s+([\w-]*):\s*<([^>]*)>", ontology_file().read_text(encoding="utf-8")
    )
    data = {kind: str(ID[f"{kind}/"]) for kind in DATA_KINDS}
    return {**dict(declared), **PREFIXES, **data}


@cache
def context() -> dict[str, Any]:
    """The JSON-LD context of ``data/context.jsonld``: a key per term of the
    ontology (its local name), coerced to IRIs or datatypes where the values
    are always so. The file's ``@graph`` lists the terms' ``skos:closeMatch``
    in schema.org, as the ontology states them."""
    path = data_dir() / "context.jsonld"
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return document["@context"]  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Selection:
    """What an export of some agreements takes: the agreements, every node
    whose quads it takes (them included), and the article graphs it reads."""

    agreements: tuple[str, ...]
    nodes: tuple[str, ...]
    articles: tuple[str, ...]


def select(
    store: Store, *, agreement: str | None = None, country: str | None = None
) -> Selection | None:
    """The selection for ``agreement`` (an IRI, name, alias or label) or
    ``country`` (a code, name or IRI); None for neither: the whole store."""
    if agreement is not None and country is not None:
        raise QueryError("export one agreement or one country's, not both.")
    if agreement is None and country is None:
        return None
    nodes: set[str] = set()
    if agreement is not None:
        iri = resolve_agreement(agreement, store)
        agreements = _stored(store, [iri])
        if not agreements:
            raise QueryError(
                f"no agreement <{iri}> in the store; give the IRI, a name, alias "
                "or label of a stored one (`diplograph query agreements-of "
                "--param country=...` lists some)."
            )
    else:
        assert country is not None
        party = resolve_party(country)
        nodes.add(party)
        query = sparql.query("export-of-party", party=URIRef(party))
        agreements = [row["agreement"].value for row in store.select(query)[1]]
    nodes.update(agreements)
    for batch in _batches(agreements, BATCH):
        query = sparql.query("export-nodes", agreements=[URIRef(a) for a in batch])
        nodes.update(
            row["node"].value
            for row in store.select(query)[1]
            if row["node"].kind == "uri"
        )
    return Selection(
        agreements=tuple(agreements),
        nodes=tuple(sorted(nodes)),
        articles=tuple(sorted(n for n in nodes if is_article_iri(n))),
    )


def _stored(store: Store, agreements: Sequence[str] | None) -> list[str]:
    """The stored agreements among ``agreements`` (all when None), by IRI."""
    values = None if agreements is None else [URIRef(a) for a in agreements]
    query = sparql.query("export-agreements", agreements=values)
    return [row["agreement"].value for row in store.select(query)[1]]


def quads(store: Store, selection: Selection | None) -> Iterator[ox.Quad]:
    """The quads an N-Quads or TriG export holds, a graph after another."""
    if selection is None:
        yield from store.quads()
        return
    wanted = set(selection.nodes)
    for article in selection.articles:
        # an article's graph is small: read whole, its other agreements left out
        for quad in store.quads(URIRef(article)):
            subject = quad.subject
            if isinstance(subject, ox.NamedNode) and subject.value in wanted:
                yield quad
    for graph in SHARED_GRAPHS:
        yield from store.quads(graph, subjects=selection.nodes)


def triples(store: Store, selection: Selection | None) -> Iterator[ox.Triple]:
    """The triples a Turtle, JSON-LD or CSV export describes: the merged graph's."""
    subjects = None if selection is None else selection.nodes
    for quad in store.quads(MERGED_GRAPH, subjects=subjects):
        yield quad.triple


def export(
    store: Store,
    out: IO[bytes],
    *,
    format: str = "nquads",
    agreement: str | None = None,
    country: str | None = None,
) -> int:
    """Write the store, or the part about ``agreement`` or ``country``, to
    ``out`` (binary) as ``format`` (one of :data:`FORMATS`); returns how many
    quads, triples or CSV rows were written.

    Example:
        >>> import io
        >>> from diplograph.pipeline import load
        >>> from diplograph.resources import resource_dir
        >>> from diplograph.store import open_store
        >>> store = open_store(":memory:")
        >>> examples = resource_dir("examples")
        >>> example = examples / "kor-jpn-usa-intelligence-mou-2026-01-20.txt"
        >>> _ = list(load([example], store))
        >>> out = io.BytesIO()
        >>> export(store, out, format="csv", country="PRK")
        1
        >>> [row] = csv.DictReader(io.StringIO(out.getvalue().decode()))
        >>> row["kind"], row["parties"], row["concerns"], row["lastEvent"]
        ('memorandum_of_understanding', 'JPN;KOR;USA', 'PRK', 'implemented')
    """
    if format not in FORMATS:
        raise QueryError(f"no export format {format!r}; one of {', '.join(FORMATS)}.")
    selection = select(store, agreement=agreement, country=country)
    if format == "csv":
        return write_csv(store, out, selection)
    counter = _Counter()
    if format == "jsonld":
        return write_jsonld(counter(triples(store, selection)), out)
    syntax, shown = _SYNTAX[format], None if format == "nquads" else prefixes()
    if format in ("nquads", "trig"):
        ox.serialize(counter(quads(store, selection)), out, syntax, prefixes=shown)
    else:
        ox.serialize(counter(triples(store, selection)), out, syntax, prefixes=shown)
    return counter.count


class _Counter:
    """Counts what passes through it, as it streams."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, items: Iterable[_T]) -> Iterator[_T]:
        for item in items:
            self.count += 1
            yield item


def _batches(items: Iterable[_T], size: int) -> Iterator[list[_T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


# ---------------------------------------------------------------- CSV


@dataclass
class _Row:
    labels: set[str] = field(default_factory=set)
    kinds: set[str] = field(default_factory=set)
    parties: set[str] = field(default_factory=set)
    signed: set[str] = field(default_factory=set)
    topics: set[str] = field(default_factory=set)
    concerns: set[str] = field(default_factory=set)
    # event IRI: (rank in the lifecycle, code, date or "", codes of dg:by)
    events: dict[str, tuple[int, str, str, set[str]]] = field(default_factory=dict)
    articles: int = 0


def write_csv(store: Store, out: IO[bytes], selection: Selection | None) -> int:
    """One row per agreement (:data:`CSV_COLUMNS`), in IRI order: several
    values (several parties; a kind or date that articles disagree on) joined
    by ``;``, parties and states by code, kinds, topics and events by the
    codes of the guidelines. ``lastEvent``: the latest event that happened
    (not a scheduled one), chosen as ``status-by-party`` chooses a party's:
    the latest date, then, among the events of that date, of a date that
    contains it (2014 contains 2014-03) or undated, the furthest in the
    lifecycle; ``lastEventBy`` the codes of the parties that performed it,
    empty when all did together. ``articles``: how many articles report it."""
    agreements = selection.agreements if selection else _stored(store, None)
    out.write(_csv_lines([CSV_COLUMNS]))
    written = 0
    for batch in _batches(agreements, BATCH):
        rows = _csv_rows(store, batch)
        out.write(_csv_lines(rows))
        written += len(rows)
    return written


def _csv_lines(rows: Iterable[Sequence[str]]) -> bytes:
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerows(rows)
    return text.getvalue().encode("utf-8")


def _csv_rows(store: Store, agreements: list[str]) -> list[list[str]]:
    vocab = vocabulary()
    ranks = {entry.code: rank for rank, entry in enumerate(vocab.events)}
    values = [URIRef(a) for a in agreements]
    found = {a: _Row() for a in agreements}
    for row in store.select(sparql.query("export-facts", agreements=values))[1]:
        facts, value = found[row["agreement"].value], row["value"].value
        code = row["code"].value if "code" in row else value
        match URIRef(row["property"].value):
            case RDFS.label:
                facts.labels.add(value)
            case RDF.type:
                if kind := vocab.kind_of(value):
                    facts.kinds.add(kind)
            case DG.party:
                facts.parties.add(code)
            case DG.concerns:
                facts.concerns.add(code)
            case DG.topic:
                facts.topics.add(vocab.topic_of(value) or value)
            case DG.signingDate:
                facts.signed.add(value)
    for row in store.select(sparql.query("export-events", agreements=values))[1]:
        event = vocab.event_of(row["class"].value)
        if event is None:  # dg:LifecycleEvent itself
            continue
        facts = found[row["agreement"].value]
        date = row["date"].value if "date" in row else ""
        performers = facts.events.setdefault(
            row["event"].value, (ranks[event], event, date, set())
        )[3]
        if "by" in row:
            performers.add(row["by"].value)
    for row in store.select(sparql.query("export-articles", agreements=values))[1]:
        found[row["agreement"].value].articles = int(row["articles"].value)
    lines = []
    for agreement, facts in found.items():
        last, date, by = last_event(facts.events)
        lines.append([
            agreement, min(facts.labels, default=""), *(
                ";".join(sorted(column)) for column in (
                    facts.kinds, facts.parties, facts.signed, facts.topics,
                    facts.concerns,
                )
            ), last, date, by, str(facts.articles),
        ])  # fmt: skip
    return lines


def last_event(
    events: dict[str, tuple[int, str, str, set[str]]],
) -> tuple[str, str, str]:
    """The latest event's code, date and performers (see :func:`write_csv`).

    Dates compare as text, where a refinement sorts after what it refines.

    Example:
        >>> last_event({"a": (2, "signed", "2014", set()),
        ...              "b": (3, "ratified", "2014-03", {"KOR"}),
        ...              "c": (1, "agreed", "", set())})
        ('ratified', '2014-03', 'KOR')
    """
    if not events:
        return "", "", ""
    latest = max(date for _, _, date, _ in events.values())
    *_, chosen = max(
        (rank, date, iri)
        for iri, (rank, _, date, _) in events.items()
        if latest.startswith(date)
    )
    _, code, date, by = events[chosen]
    return code, date, ";".join(sorted(by))


# ---------------------------------------------------------------- JSON-LD

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGER = re.compile(r"0|-?[1-9][0-9]*")


class _Compactor:
    """Node objects in the compacted form of a context: a term for each
    property and class it names, compact IRIs through its prefixes, values
    coerced as its terms say. Only what that needs: simple terms and term
    definitions with ``@id`` and ``@type``."""

    def __init__(self, definitions: dict[str, Any]) -> None:
        # prefixes: terms that are an absolute IRI ending where a name can start
        self.prefixes = {
            key: value
            for key, value in definitions.items()
            if isinstance(value, str) and "://" in value and value[-1] in "/#"
        }
        # longest first: a compact IRI takes the most specific prefix
        self._by_length = sorted(
            self.prefixes.items(), key=lambda item: len(item[1]), reverse=True
        )
        self.terms: dict[str, tuple[str, str | None]] = {}  # IRI: (term, coercion)
        for key, value in definitions.items():
            if key.startswith("@") or key in self.prefixes:
                continue
            if isinstance(value, str):
                self.terms.setdefault(self._expand(value), (key, None))
            else:
                coercion = value.get("@type")
                self.terms.setdefault(
                    self._expand(value["@id"]),
                    (key, self._expand(coercion) if coercion else None),
                )

    def _expand(self, value: str) -> str:
        prefix, colon, suffix = value.partition(":")
        if colon and prefix in self.prefixes and not suffix.startswith("//"):
            return self.prefixes[prefix] + suffix
        return value

    def reference(self, term: ox.NamedNode | ox.BlankNode) -> str:
        """A node as ``@id`` writes it: a compact IRI, an absolute one, ``_:b``."""
        if isinstance(term, ox.BlankNode):
            return f"_:{term.value}"
        iri = term.value
        for prefix, namespace in self._by_length:
            if iri.startswith(namespace) and len(iri) > len(namespace):
                suffix = iri[len(namespace) :]
                if not suffix.startswith("//"):
                    return f"{prefix}:{suffix}"
        return iri

    def vocabulary(self, term: ox.NamedNode | ox.BlankNode) -> str:
        """A class or property: its term if the context has one."""
        found = self.terms.get(term.value) if isinstance(term, ox.NamedNode) else None
        return found[0] if found else self.reference(term)

    def node(
        self, subject: ox.NamedNode | ox.BlankNode, pairs: list[tuple[Any, Any]]
    ) -> dict[str, Any]:
        """The node object of ``subject`` with its (predicate, object) pairs."""
        types: list[str] = []
        values: dict[str, list[Any]] = {}
        for predicate, obj in pairs:
            if predicate.value == str(RDF.type) and not isinstance(obj, ox.Literal):
                types.append(self.vocabulary(obj))
                continue
            key, coercion = self.terms.get(predicate.value, (None, None))
            if key is None:
                key = self.reference(predicate)
            values.setdefault(key, []).append(self._value(obj, coercion))
        node: dict[str, Any] = {"@id": self.reference(subject)}
        if types:
            node["@type"] = types[0] if len(types) == 1 else types
        for key, listed in values.items():
            node[key] = listed[0] if len(listed) == 1 else listed
        return node

    def _value(self, obj: Any, coercion: str | None) -> Any:
        if not isinstance(obj, ox.Literal):
            reference = self.reference(obj)
            return reference if coercion == "@id" else {"@id": reference}
        text, datatype = obj.value, obj.datatype.value
        if obj.language:
            return {"@value": text, "@language": obj.language}
        if coercion in (None, datatype):
            if datatype == _XSD + "integer" and _INTEGER.fullmatch(text):
                return int(text)
            if datatype == _XSD + "boolean" and text in ("true", "false"):
                return text == "true"
            if datatype == coercion or datatype == _XSD + "string":
                return text
        if datatype == _XSD + "string":
            return {"@value": text}
        return {"@value": text, "@type": self.reference(obj.datatype)}


def write_jsonld(
    triples: Iterable[ox.Triple],
    out: IO[bytes],
    definitions: dict[str, Any] | None = None,
) -> int:
    """``triples`` as a JSON-LD document compacted with ``definitions`` (the
    packaged :func:`context` by default), written as they come: a node
    object for each run of triples of one subject (a subject met again later
    gets another node object, which JSON-LD merges). Returns the number of
    triples.

    Example:
        >>> import io
        >>> out = io.BytesIO()
        >>> triple = ox.Triple(ox.NamedNode(str(ID["country/KOR"])),
        ...                    ox.NamedNode(str(DG.code)), ox.Literal("KOR"))
        >>> write_jsonld([triple], out)
        1
        >>> json.loads(out.getvalue())["@graph"]
        [{'@id': 'dgid:country/KOR', 'code': 'KOR'}]
    """
    definitions = context() if definitions is None else definitions
    compactor = _Compactor(definitions)
    header = json.dumps({"@context": definitions}, indent=2, ensure_ascii=False)
    out.write(header[: header.rindex("}")].rstrip().encode("utf-8"))
    out.write(b',\n  "@graph": [')
    count, first = 0, True
    subject: Any = None
    pairs: list[tuple[Any, Any]] = []

    def flush() -> None:
        nonlocal first
        if subject is None:
            return
        text = json.dumps(compactor.node(subject, pairs), indent=2, ensure_ascii=False)
        out.write((("\n" if first else ",\n") + _indented(text)).encode("utf-8"))
        first = False

    for triple in triples:
        count += 1
        if triple.subject != subject:
            flush()
            subject, pairs = triple.subject, []
        pairs.append((triple.predicate, triple.object))
    flush()
    out.write(b"\n  ]\n}\n" if not first else b"]\n}\n")
    return count


def _indented(text: str) -> str:
    # split at "\n" only: splitlines() also splits at U+2028 and the like,
    # which json.dumps leaves in strings as they are
    return "\n".join("    " + line for line in text.split("\n"))


def format_of(path: Path | str) -> str | None:
    """The format a file name asks for (``dump.trig``: ``trig``), if any."""
    return SUFFIXES.get(Path(path).suffix.lower())


__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "Selection",
    "context",
    "export",
    "format_of",
    "prefixes",
    "select",
    "write_csv",
    "write_jsonld",
]
