"""Step 4, validate: an article's graph against the SHACL shapes.

pyshacl-turbo (pySHACL's API on a Rust engine) runs the shapes, about 25 times
faster than pySHACL on our article graphs (4 ms instead of 100 ms), so every
load can validate every article; the tests check both engines agree. Only the
article's own graph is validated, never the store, so the time per article
does not grow with the store (tests/benchmarks/validation_growth.py).

The report is turned into sentences a person can act on: which node, which
rule, what is wrong (:func:`report_text`, grouped by node and then by shape);
the SHACL report graph itself is kept too (:func:`report_graph`), for tools.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyshacl_turbo
from rdflib import DCTERMS, RDF, RDFS, SKOS, BNode, Graph, Namespace, URIRef
from rdflib.term import Node

from diplograph.namespaces import DG, DGS
from diplograph.resources import shape_files

try:  # the steps of CompiledShapes.validate, called one by one: see _run
    from pyshacl_turbo import rdf as _steps
except ImportError:  # another version of pyshacl-turbo
    _steps = None  # type: ignore[assignment]

SH = Namespace("http://www.w3.org/ns/shacl#")
SEVERITIES = ("Violation", "Warning", "Info")  # most severe first
# words for the type of a focus node, most specific first
KINDS = (
    (DG.Agreement, "agreement"), (DG.Article, "article"), (DG.Evidence, "evidence"),
    (DG.Resolution, "resolution"), (DG.Separation, "separation"),
    (DG.Country, "country"), (DG.InternationalOrganization, "organization"),
    (DG.Party, "party"),
)  # fmt: skip
PREFIXES = {
    "dg": str(DG._NS), "dgs": str(DGS), "sh": str(SH), "rdf": str(RDF),
    "rdfs": str(RDFS), "skos": str(SKOS),
}  # fmt: skip


@dataclass(frozen=True)
class Problem:
    """One result of the report, in words.

    ``focus`` names the node as ``<IRI> "label"``; ``node`` is the bare IRI,
    ``kind`` and ``label`` describe it ("agreement", "memorandum of ...");
    ``shape`` is the shape that failed (``dgs:AgreementShape-party``) and
    ``shape_name`` its ``sh:name`` ("party").
    """

    severity: str  # Violation, Warning, Info
    focus: str
    path: str | None
    message: str
    node: str = ""
    kind: str = "node"
    label: str | None = None
    shape: str = ""
    shape_name: str = ""
    value: str | None = None  # the value at fault (sh:value), if the result names one

    def __str__(self) -> str:
        where = f" ({self.path})" if self.path else ""
        return f"{self.severity}: {self.focus}{where}: {self.message}"


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool  # no violations; warnings do not stop a load
    problems: tuple[Problem, ...]
    # the SHACL validation report as the engine wrote it
    graph: Graph = field(default_factory=Graph, compare=False, repr=False)

    @property
    def violations(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "Violation")

    def counts(self) -> dict[str, int]:
        """Results by severity, e.g. ``{"Violation": 1, "Warning": 2}``."""
        return _counts(self.problems)


@lru_cache(maxsize=4)
def load_shapes(paths: tuple[Path, ...] | None = None) -> Graph:
    # each report graph gets the shapes' prefixes: only the files' own, not
    # rdflib's thirty
    graph = Graph(bind_namespaces="core")
    for path in paths or tuple(shape_files()):
        graph.parse(path, format="turtle")
    return graph


_COMPILED: dict[int, tuple[Graph, pyshacl_turbo.CompiledShapes]] = {}


def _compiled(key: int, shapes: Graph) -> pyshacl_turbo.CompiledShapes:
    cached = _COMPILED.get(key)
    if cached is None or cached[0] is not shapes:
        cached = (shapes, pyshacl_turbo.compile_shapes(shapes, advanced=True))
        _COMPILED[key] = cached
    return cached[1]


def _run(compiled: pyshacl_turbo.CompiledShapes, graph: Graph) -> Graph:
    """The SHACL report graph of ``graph``: what ``compiled.validate(graph,
    inference="none", allow_warnings=True)`` gives, the same results, made by
    the steps it takes (pyshacl-turbo 0.6) but for binding the shapes'
    prefixes in a report without results, which nothing reads: 1.64 -> 1.34
    ms an article, most of it rdflib's making of those prefixes (and the
    warnings it gives for recursive shapes, which ours are not, are not
    given). Any other version of the library is called as documented."""
    native = getattr(compiled, "_native", None)
    decode = getattr(_steps, "decode", None)
    read = getattr(_steps, "input_graph", None)
    if native is None or decode is None or read is None:
        _, documented, _ = compiled.validate(
            graph, inference="none", allow_warnings=True
        )
        return documented  # type: ignore[no-any-return]
    data = read(graph, direct=True)
    namespaces = [(prefix, str(iri)) for prefix, iri in data.namespaces.items()]
    _, found, _, _, _ = native.validate(
        data.source, data.format, data.base, False, 100, 15, False, False, True,
        False, [], [], namespaces,
    )  # fmt: skip
    report: Graph = decode(
        found, compiled._blank_nodes | data.blank_nodes, preserve_ids=True,
        report=True,
    )  # fmt: skip
    if (None, RDF.type, SH.ValidationResult) in report:
        for prefix, iri in compiled.graph.namespaces():
            report.bind(prefix, iri)
    return report


def validate(graph: Graph, *, shapes: Graph | None = None) -> ValidationReport:
    """Check ``graph`` against the project's shapes (or ``shapes``).

    Example:
        >>> from rdflib import URIRef
        >>> g = Graph()
        >>> x = URIRef("https://w3id.org/diplograph/id/article/x")
        >>> _ = g.add((x, RDF.type, DG.Article))
        >>> validate(g).conforms
        False
    """
    shapes = shapes if shapes is not None else load_shapes()
    # compiling the shapes costs more than validating one article: do it once
    report = _run(_compiled(id(shapes), shapes), graph)
    problems = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        severity = report.value(result, SH.resultSeverity)
        path = report.value(result, SH.resultPath)
        # a result may carry the shape's general message and the constraint's
        # specific one; the longer names the values, so it is the one to read
        messages = sorted(
            (str(m) for m in report.objects(result, SH.resultMessage)),
            key=lambda m: (-len(m), m),
        )
        message = messages[0] if messages else None
        focus = report.value(result, SH.focusNode)
        shape = report.value(result, SH.sourceShape)
        name = shapes.value(shape, SH.name) if shape is not None else None
        kind, label = describe_node(graph, focus)
        value = report.value(result, SH.value)
        problems.append(
            Problem(
                severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
                focus=_describe(graph, focus),
                path=_path_text(report, path) if path is not None else None,
                message=str(message) if message else "does not conform",
                node=str(focus) if focus is not None else "?",
                kind=kind,
                label=label,
                shape=_qname(shape) if isinstance(shape, URIRef) else "",
                shape_name=str(name or ""),
                value=str(value) if value is not None else None,
            )
        )
    problems.sort(key=lambda p: (_rank(p.severity), p.focus, p.path or "", p.shape))
    return ValidationReport(
        not any(p.severity == "Violation" for p in problems), tuple(problems), report
    )


# --- the report in words ------------------------------------------------------


def plural(counts: dict[str, int]) -> str:
    """``{"Violation": 1, "Warning": 2}`` -> "1 violation, 2 warnings"."""
    words = {"Violation": "violation", "Warning": "warning", "Info": "info"}
    parts = [
        f"{n} {words.get(s, s.lower())}{'s' if n != 1 and s != 'Info' else ''}"
        for s, n in counts.items()
    ]
    return ", ".join(parts) or "no problems"


def report_text(
    source: str, report: ValidationReport, *, severities: Iterable[str] = SEVERITIES
) -> str:
    """The report in words, grouped by focus node and then by shape.

    The first line says whether ``source`` conforms and counts the results by
    severity; under it each node (its kind, label and IRI, with its counts),
    and under each node the shapes it breaks (``sh:name``, severity, shape
    IRI), each with its messages. Only results of ``severities`` are listed.

    Example:
        >>> g = Graph()
        >>> x = URIRef("https://w3id.org/diplograph/id/article/x")
        >>> _ = g.add((x, RDF.type, DG.Article))
        >>> print(report_text("x.ttl", validate(g)).splitlines()[0])
        VIOLATES x.ttl: 2 violations, 3 warnings
    """
    counts = report.counts()
    head = f"conforms {source}" if report.conforms else f"VIOLATES {source}"
    lines = [f"{head}: {plural(counts)}" if counts else head]
    wanted = set(severities)
    nodes: dict[str, list[Problem]] = {}
    for problem in report.problems:
        if problem.severity in wanted:
            nodes.setdefault(problem.node, []).append(problem)
    # nodes with violations first, then by kind and label
    order = sorted(nodes.items(), key=lambda item: (
        min(_rank(p.severity) for p in item[1]),
        item[1][0].kind, item[1][0].label or "", item[0],
    ))  # fmt: skip
    for node, problems in order:
        first = problems[0]
        label = f' "{first.label}"' if first.label else ""
        node_counts = _counts(problems)
        lines.append(f"  {first.kind}{label} <{node}>: {plural(node_counts)}")
        shapes: dict[tuple[str, str, str | None, str], list[Problem]] = {}
        for p in problems:
            shapes.setdefault((p.severity, p.shape, p.path, p.shape_name), []).append(p)
        for (severity, shape, _, name), found in shapes.items():
            ident = f" [{shape}]" if shape else ""
            times = f" x{len(found)}" if len(found) > 1 else ""
            lines.append(f"    {severity}{times}: {name or shape or 'shape'}{ident}")
            for message in dict.fromkeys(p.message for p in found):
                lines.append(f"      - {message}")
    return "\n".join(lines) + "\n"


def report_graph(reports: Iterable[tuple[Node, ValidationReport]]) -> Graph:
    """The SHACL report graphs of several validations in one graph.

    Each ``sh:ValidationReport`` node gets ``dcterms:source`` naming what was
    validated (an article graph's IRI, a file's ``file:`` IRI); blank nodes
    are renamed apart, so the reports do not merge into each other.
    """
    merged = Graph()
    for prefix in ("sh", "dg", "dgs", "rdf", "rdfs", "skos"):
        merged.bind(prefix, PREFIXES[prefix])
    merged.bind("dcterms", DCTERMS)
    for source, report in reports:
        fresh: dict[BNode, BNode] = {}

        def rename(term: Node, fresh: dict[BNode, BNode] = fresh) -> Node:
            return fresh.setdefault(term, BNode()) if isinstance(term, BNode) else term

        for s, p, o in report.graph:
            merged.add((rename(s), p, rename(o)))  # type: ignore[arg-type]
        for top in report.graph.subjects(RDF.type, SH.ValidationReport):
            merged.add((rename(top), DCTERMS.source, source))  # type: ignore[arg-type]
    return merged


def _counts(problems: Iterable[Problem]) -> dict[str, int]:
    found = [p.severity for p in problems]
    return {s: n for s in SEVERITIES if (n := found.count(s))}


def _rank(severity: str) -> int:
    return SEVERITIES.index(severity) if severity in SEVERITIES else len(SEVERITIES)


def describe_node(graph: Graph, node: Node | None) -> tuple[str, str | None]:
    """A node in words: its kind ("agreement", "ratification") and a label.

    The label is the node's ``rdfs:label``, an article's title, the quote of
    an evidence span, or for an event its agreement's label and its date.
    """
    if node is None:
        return "node", None
    types = set(graph.objects(node, RDF.type))
    if DG.LifecycleEvent in types:
        specific = sorted(
            t for t in types if t != DG.LifecycleEvent and isinstance(t, URIRef)
        )
        kind = _words(specific[0]) if specific else "event"
        agreement = graph.value(node, DG.ofAgreement)
        when = graph.value(node, DG.date)
        parts = (
            [str(graph.value(agreement, RDFS.label) or "")]
            if agreement is not None
            else []
        )
        parts += [str(when)] if when is not None else []
        return kind, ", ".join(p for p in parts if p) or None
    kind = next((word for cls, word in KINDS if cls in types), "node")
    for prop in (RDFS.label, DG.title, DG.quote, DG.rule):
        value = graph.value(node, prop)
        if value is not None:
            text = " ".join(str(value).split())
            return kind, text if len(text) <= 80 else text[:79] + "…"
    return kind, None


def _words(cls: URIRef) -> str:
    """dg:EntryIntoForce -> "entry into force"."""
    return re.sub(r"(?<!^)(?=[A-Z])", " ", _qname(cls).split(":")[-1]).lower()


def _qname(node: Node) -> str:
    text = str(node)
    for prefix, namespace in PREFIXES.items():
        if text.startswith(namespace) and len(text) > len(namespace):
            return f"{prefix}:{text[len(namespace) :]}"
    return text


def _path_text(report: Graph, path: Node) -> str:
    """A result path as written in the shapes: dg:party, ^dg:ofAgreement."""
    if isinstance(path, URIRef):
        return _short(path)
    inverse = report.value(path, SH.inversePath)
    if isinstance(inverse, URIRef):
        return "^" + _short(inverse)
    return "(complex path)"


def _short(node: Node) -> str:
    text = str(node)
    return text.rsplit("#", 1)[-1] if "#" in text else text


def _describe(graph: Graph, node: Node | None) -> str:
    if node is None:
        return "?"
    label = graph.value(node, RDFS.label)
    return f'<{node}> "{label}"' if label else f"<{node}>"
