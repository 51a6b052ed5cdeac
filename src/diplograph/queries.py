"""Step 6, query: saved SPARQL queries (``queries/*.rq``) with grlc headers.

A query's parameters are its variables named ``?_name_type`` (required) or
``?__name_type`` (optional), as grlc does. Values are parsed and checked here,
then handed to the store as RDF terms (pyoxigraph ``substitutions``), never
pasted into the query text. A country may be given as an ISO code, a name or
an IRI; an agreement as an IRI, a name, an alias or a label
(:func:`diplograph.find.resolve_agreement`).

The ``#+`` header is YAML, read as grlc reads it (every ``#+`` line, without
its leading ``#`` and ``+``, given to a YAML parser); this module reads the
part of YAML the headers use and refuses the rest, so both read the same.

Rows are paged by the store (:func:`diplograph.sparql.layout.paged`: a LIMIT
and OFFSET after the query's own ORDER BY) and counted by it
(:func:`count_rows`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from difflib import get_close_matches
from pathlib import Path
from typing import Any

from rdflib import Graph

from diplograph.arrivals import SINCE, arrivals, keys, since_term
from diplograph.errors import QueryError
from diplograph.find import resolve_agreement
from diplograph.gazetteer import load_gazetteer
from diplograph.iri import INFERRED_GRAPH, MERGED_GRAPH, party_iri
from diplograph.namespaces import DATA_BASE, ID, ONTOLOGY_IRI
from diplograph.reason import AGREEMENT_CLASSES
from diplograph.resources import query_dir
from diplograph.sparql.layout import (
    COUNT_VARIABLE,
    checked_count,
    counted,
    layout,
    paged,
    with_dataset,
)
from diplograph.store import Row, Store, Term, concatenated_variables
from diplograph.terms import sparql_string
from diplograph.vocabulary import vocabulary

PREFIXES = {
    "dg": ONTOLOGY_IRI + "#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "prov": "http://www.w3.org/ns/prov#",
    # the named graphs: GRAPH g:merged, g:curation, g:inferred
    "g": str(ID["graph/"]),
}
# the data namespaces, for graphs printed as Turtle (country:KOR, not ns1:KOR)
DATA_PREFIXES = {
    name: str(ID[f"{name}/"])
    for name in ("agreement", "article", "country", "org", "event", "evidence")
}
# the parameters that take a vocabulary's codes
VOCABULARIES = {name: vocabulary().codes(name) for name in ("kind", "topic", "event")}
# ... and the one that takes a class `diplograph reason` infers, by its code
VOCABULARIES["class"] = tuple(AGREEMENT_CLASSES)
_PARAMETER = re.compile(
    r"\?(__?)([a-zA-Z0-9]+)(?:_(iri|integer|xsd_date|xsd_gYear|literal))?\b"
)
_XSD = "http://www.w3.org/2001/XMLSchema#"
MAX_VALUE_LENGTH = 500


@dataclass(frozen=True)
class Parameter:
    name: str
    variable: str  # without the "?"
    type: str  # iri, integer, xsd_date, literal
    required: bool


@dataclass(frozen=True)
class SavedQuery:
    name: str
    text: str
    summary: str = ""
    description: str = ""
    tags: tuple[str, ...] = ()
    defaults: dict[str, str] = field(default_factory=dict)
    parameters: tuple[Parameter, ...] = ()

    @property
    def form(self) -> str:
        """SELECT, CONSTRUCT, DESCRIBE or ASK (a QueryError if none of them)."""
        return layout(self.text).form

    @property
    def has_feed(self) -> bool:
        """Whether its rows say when they arrived, so that it can give those
        new since a time (:func:`diplograph.arrivals.keys`)."""
        try:
            keys(self.text)
        except QueryError:
            return False
        return True

    @property
    def reads_inferred(self) -> bool:
        """Whether the query reads what `diplograph reason` infers."""
        return str(INFERRED_GRAPH) in self.text or bool(
            re.search(r"(?<![\w:])g:inferred\b", self.text)
        )


# YAML's plain scalars: no indicator first, no ": " or " #" inside, no ":" last
_PLAIN = re.compile(r"(?![-?:,\[\]{}#&*!|>'\"%@`])(?:(?!: | #|\t).)*(?<!:)")
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "n": "\n", "t": "\t"}


def _scalar(name: str, raw: str) -> str:
    """One YAML scalar of a header line, as a YAML parser reads it: plain,
    'single-quoted' ('' for ') or "double-quoted" (with \\" \\\\ \\n \\t)."""
    value = raw.strip()
    if value.startswith("'") and len(value) > 1 and value.endswith("'"):
        inner = value[1:-1]
        if "'" not in inner.replace("''", ""):
            return inner.replace("''", "'")
    elif value.startswith('"') and len(value) > 1 and value.endswith('"'):
        parts = re.fullmatch(r'(?:[^"\\]|\\["\\/nt])*', value[1:-1])
        if parts is not None:
            return re.sub(r"\\(.)", lambda m: _ESCAPES[m.group(1)], value[1:-1])
    elif _PLAIN.fullmatch(value):
        return value
    raise QueryError(
        f"query {name!r}: the #+ header value {value[:60]!r} is not YAML as grlc "
        "reads it; put it in single quotes (writing ' as '') when it holds ': ' "
        "or ' #' or starts with a sign such as - [ { ' \" *."
    )


def parse_header(name: str, text: str) -> dict[str, Any]:
    """The grlc ``#+`` header of a query: keys with a text, or with a list of
    texts or of one-key maps (``defaults``), as YAML reads them.

    Example:
        >>> parse_header("q", "#+ summary: 'A: b'\\n#+ tags:\\n#+   - x\\nSELECT")
        {'summary': 'A: b', 'tags': ['x']}
    """
    header: dict[str, Any] = {}
    current: str | None = None
    for line in text.split("\n"):
        if not line.startswith("#+"):
            continue
        content = line.lstrip("#+").rstrip()
        if not content.strip() or content.strip().startswith("#"):
            continue
        item = re.fullmatch(r"\s*-\s+(.*)", content)
        if item and current is not None and isinstance(header.get(current), list):
            entry = item.group(1)
            pair = re.fullmatch(r"([A-Za-z][\w-]*):(?:\s+(.*))?", entry)
            header[current].append(
                {pair.group(1): _scalar(name, pair.group(2) or "")}
                if pair
                else _scalar(name, entry)
            )
            continue
        pair = re.fullmatch(r"\s?([A-Za-z][\w-]*):(?:\s+(.*))?", content)
        if pair is None:
            raise QueryError(
                f"query {name!r}: the #+ header line {line[:60]!r} is not 'key: "
                "value' or a '- item' of a list, as grlc's YAML needs."
            )
        current, value = pair.group(1), (pair.group(2) or "").strip()
        header[current] = [] if value in ("", "[]") else _scalar(name, value)
    return header


def parse_query(name: str, text: str) -> SavedQuery:
    """Read the grlc ``#+`` header and the parameters of one query."""
    header = parse_header(name, text)
    defaults: dict[str, str] = {}
    for entry in header.get("defaults") or []:
        if isinstance(entry, dict):
            defaults.update(entry)
    parameters: dict[str, Parameter] = {}
    for match in _PARAMETER.finditer(re.sub(r"^#.*$", "", text, flags=re.M)):
        underscores, pname, ptype = match.groups()
        variable = match.group()[1:]
        if pname not in parameters:
            parameters[pname] = Parameter(
                pname, variable, ptype or "literal", underscores == "_"
            )
    return SavedQuery(
        name=name, text=text, summary=_text(header.get("summary")),
        description=_text(header.get("description")),
        tags=tuple(t for t in header.get("tags") or () if isinstance(t, str)),
        defaults=defaults, parameters=tuple(parameters.values()),
    )  # fmt: skip


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def saved_queries(directory: Path | None = None) -> dict[str, SavedQuery]:
    """Every saved query by name (the file stem)."""
    folder = directory or query_dir()
    return {
        p.stem: parse_query(p.stem, p.read_text(encoding="utf-8"))
        for p in sorted(folder.glob("*.rq"), key=lambda path: path.stem)
    }


def load_query(name_or_file: str) -> SavedQuery:
    """A saved query by name, or a ``.rq`` file (``-`` is not handled here)."""
    path = Path(name_or_file)
    if path.suffix == ".rq" and path.exists():
        return parse_query(path.stem, path.read_text(encoding="utf-8"))
    queries = saved_queries()
    if name_or_file in queries:
        return queries[name_or_file]
    close = get_close_matches(name_or_file, list(queries), n=3)
    hint = f" Did you mean {', '.join(close)}?" if close else ""
    raise QueryError(
        f"no saved query {name_or_file!r}.{hint} `diplograph queries` lists them; "
        "a path to a .rq file works too."
    )


def with_prefixes(text: str) -> str:
    """Ready an ad-hoc query: the project's prefixes it does not declare (also
    ``country:``, ``agreement:``... for the data), and,
    when it names no graph, the merged graph as its default graph (what the
    embedded store does anyway; servers would otherwise use their own default).
    """
    declared = {m.lower() for m in re.findall(r"PREFIX\s+([\w-]*):", text, re.I)}
    lines = [
        f"PREFIX {p}: <{iri}>"
        for p, iri in {**PREFIXES, **DATA_PREFIXES}.items()
        if p not in declared
    ]
    body = re.sub(r"(?m)^\s*#.*$", "", text)
    if not re.search(r"\b(?:GRAPH|FROM)\b", body, re.I):
        try:
            text = with_dataset(text, f"FROM <{MERGED_GRAPH}>")
        except QueryError:
            pass  # not a query: the store says what is wrong with it
    return "\n".join(lines) + "\n" + text


def bind_parameters(
    query: SavedQuery, values: dict[str, str], store: Store
) -> dict[str, Term]:
    """Check the values given for ``query`` and turn them into RDF terms."""
    known = {p.name: p for p in query.parameters}
    unknown = sorted(set(values) - set(known))
    if unknown:
        listed = ", ".join(known) or "none"
        raise QueryError(
            f"query {query.name!r} has no parameter {unknown[0]!r}; "
            f"its parameters: {listed}."
        )
    bindings: dict[str, Term] = {}
    for parameter in query.parameters:
        raw = values.get(parameter.name)
        if raw is None or raw == "":
            if parameter.required:
                default = query.defaults.get(parameter.name)
                hint = (
                    f" (for example --param {parameter.name}={default})"
                    if default
                    else ""
                )
                raise QueryError(
                    f"query {query.name!r} needs --param {parameter.name}=VALUE{hint}."
                )
            continue
        if len(raw) > MAX_VALUE_LENGTH:
            raise QueryError(
                f"the value of {parameter.name!r} is {len(raw)} characters long; "
                f"at most {MAX_VALUE_LENGTH}."
            )
        bindings[parameter.variable] = _term(parameter, raw, store)
    return bindings


def _term(parameter: Parameter, raw: str, store: Store) -> Term:
    if parameter.type == "iri":
        if parameter.name in ("country", "party", "partner", "other", "state"):
            return Term("uri", str(resolve_party(raw)))
        if parameter.name == "agreement":
            return Term("uri", resolve_agreement(raw, store))
        if parameter.name == "class":
            return Term("uri", str(AGREEMENT_CLASSES[_code(parameter, raw)]))
        return Term("uri", _checked_iri(parameter.name, raw))
    if parameter.type == "integer":
        if not re.fullmatch(r"[+-]?\d{1,12}", raw):
            raise QueryError(f"{parameter.name!r} must be a whole number, not {raw!r}.")
        return Term("literal", str(int(raw)), datatype=_XSD + "integer")
    if parameter.type in ("xsd_date", "xsd_gYear"):
        checked_date(parameter.name, raw)
        datatype = {4: "gYear", 7: "gYearMonth", 10: "date"}[len(raw)]
        return Term("literal", raw, datatype=_XSD + datatype)
    if parameter.name in VOCABULARIES:
        return Term("literal", _code(parameter, raw))
    return Term("literal", raw)


def _code(parameter: Parameter, raw: str) -> str:
    """``raw`` if it is a code of the parameter's vocabulary."""
    vocabulary = VOCABULARIES[parameter.name]
    if raw in vocabulary:
        return raw
    close = get_close_matches(raw.lower().replace(" ", "_"), vocabulary, n=3)
    hint = (
        f"; did you mean {', '.join(close)}?"
        if close
        else f"; one of {', '.join(vocabulary)}."
    )
    raise QueryError(f"{parameter.name} {raw!r} is not a known {parameter.name}{hint}")


def checked_date(name: str, raw: str) -> str:
    """``raw`` if it is a real year, month or day (years 0001 to 9999).

    Example:
        >>> checked_date("from", "2014-02-30")
        Traceback (most recent call last):
        ...
        diplograph.errors.QueryError: 'from' must be a date as YYYY, ... a real one ...
    """
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", raw)
    try:
        if match is None:
            raise ValueError
        year, month, day = (int(g) if g else 1 for g in match.groups())
        date(year, month, day)
    except ValueError:
        raise QueryError(
            f"{name!r} must be a date as YYYY, YYYY-MM or YYYY-MM-DD, a real one "
            f"(years 0001 to 9999), not {raw!r}; e.g. 2014, 2014-12 or 2014-12-31."
        ) from None
    return raw


def _checked_iri(name: str, raw: str) -> str:
    if not re.fullmatch(r"[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>\"{}|\\^`]+", raw):
        raise QueryError(
            f'{name!r} must be an IRI without spaces or <>"{{}}|\\^` characters, '
            f"not {raw!r}."
        )
    return raw


def resolve_party(raw: str) -> str:
    """A country or organization by code, name, alias or IRI -> its IRI.

    Example:
        >>> resolve_party("North Korea")
        'https://w3id.org/diplograph/id/country/PRK'
    """
    gazetteer = load_gazetteer()
    value = raw.strip()
    if value.startswith(DATA_BASE):
        code = value.rsplit("/", 1)[-1]
        if code in gazetteer.entities:
            return str(party_iri(code))
    elif value.upper() in gazetteer.entities:
        return str(party_iri(value.upper()))
    else:
        entity = gazetteer.lookup(value)
        if entity is not None:
            return str(party_iri(entity.code))
    names = {e.name: code for code, e in gazetteer.entities.items()}
    close = get_close_matches(value, list(names), n=3, cutoff=0.6)
    hint = (
        f"; did you mean {', '.join(f'{n} ({names[n]})' for n in close)}?"
        if close
        else "; use an ISO 3166 alpha-3 code such as PRK, a name, or an IRI."
    )
    raise QueryError(f"country {raw!r} is not a known country or organization{hint}")


def require_inferred(store: Store, query: SavedQuery) -> None:
    """Refuse a query over the classes `diplograph reason` infers when the
    store holds none: its empty answer would say nothing is bilateral."""
    if query.reads_inferred and not store.has_graph(INFERRED_GRAPH):
        raise QueryError(
            f"query {query.name!r} lists what `diplograph reason` infers (bilateral, "
            "trilateral, multilateral agreements, agreements in force, "
            f"signatories), and the store at {store.location} holds none: "
            "`diplograph reason` has not been run on it (or found nothing to "
            f"classify). Run `diplograph reason --store {store.location}` (it needs "
            "Java), and again after loading more articles."
        )


def new_since(
    query: SavedQuery, bindings: dict[str, Term], since: str | datetime
) -> tuple[SavedQuery, dict[str, Term]]:
    """The SELECT ``query`` as one that gives only its rows new since ``since``
    (a date, or a date and time), newest first with the time each arrived
    (:mod:`diplograph.arrivals`), and its bindings with that time."""
    if query.form != "SELECT":
        raise QueryError(
            f"query {query.name!r} is a {query.form} query: only the rows of a "
            "SELECT query can be new since a time."
        )
    try:
        text = arrivals(query.text)
    except QueryError as error:
        raise QueryError(f"query {query.name!r}: {error}") from None
    return replace(query, text=text), {**bindings, SINCE: since_term(since)}


def select_rows(
    store: Store,
    query: SavedQuery,
    bindings: dict[str, Term],
    *,
    limit: int | None = None,
    offset: int = 0,
) -> tuple[list[str], list[Row]]:
    """The rows of a SELECT query, the page ``limit`` rows from ``offset``
    (all when ``limit`` is None), taken by the store."""
    require_inferred(store, query)
    return store.select(paged(query.text, limit=limit, offset=offset), bindings)


def graph_result(
    store: Store,
    query: SavedQuery,
    bindings: dict[str, Term],
    *,
    limit: int | None = None,
    offset: int = 0,
) -> Graph:
    """The graph of a CONSTRUCT or DESCRIBE query (``limit`` and ``offset``
    page the solutions of its WHERE group), with the project's prefixes."""
    require_inferred(store, query)
    text = paged(query.text, limit=limit, offset=offset)
    return with_graph_prefixes(store.construct(text, bindings))


def ask(store: Store, query: SavedQuery, bindings: dict[str, Term]) -> bool:
    """The answer of an ASK query."""
    require_inferred(store, query)
    return store.ask(query.text, bindings)


def total_rows(store: Store, query: SavedQuery, bindings: dict[str, Term]) -> int:
    """How many rows the SELECT query gives in all, counted by the store."""
    require_inferred(store, query)
    _, rows = store.select(counted(query.text), bindings)
    return int(rows[0][COUNT_VARIABLE].value) if rows else 0


def known_total(rows: list[Any], *, limit: int | None, offset: int) -> int | None:
    """The number of rows in all, when a page of ``rows`` shows it: a page
    shorter than asked for is the last one (an empty one says nothing, unless
    it is the first and rows were asked for); None when the store must count.

    Example:
        >>> known_total([{}, {}], limit=25, offset=50)
        52
        >>> known_total([], limit=0, offset=0) is None  # the store counts them
        True
    """
    if rows and (limit is None or len(rows) < limit):
        return offset + len(rows)
    if not rows and not offset and limit:
        return 0
    return None


def with_graph_prefixes(graph: Graph) -> Graph:
    """``graph`` with the project's prefixes bound, so Turtle says ``dg:`` and
    ``country:KOR`` (rdflib would make up ``ns1:``)."""
    for prefix, iri in {**PREFIXES, **DATA_PREFIXES}.items():
        graph.bind(prefix, iri, override=True, replace=True)
    return graph


# a separator no label holds, for the lists of the Python rows
_UNIT = "\x1f"
_SEPARATOR = re.compile(
    r"(GROUP_CONCAT\s*\((?:[^()]|\([^()]*\))*?;\s*separator\s*=\s*)"
    r"(\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*')",
    re.I,
)


def list_columns(query: SavedQuery) -> set[str]:
    """The columns made with GROUP_CONCAT: lists in the Python rows."""
    return concatenated_variables(query.text)


def with_unit_separators(query: SavedQuery) -> SavedQuery:
    """``query`` with the separator of each GROUP_CONCAT one that no label
    holds, so that :func:`split_list` gives a list column's values back
    exactly (a label may hold the ", " or " | " the query joins with)."""
    unit = sparql_string(_UNIT)
    return replace(query, text=_SEPARATOR.sub(lambda m: m.group(1) + unit, query.text))


def split_list(value: str) -> list[str]:
    """The values of a list column of :func:`with_unit_separators`' rows."""
    return value.split(_UNIT)


def run_query(
    store: Store,
    name: str,
    /,
    *,
    limit: int | None = None,
    offset: int = 0,
    as_dataframe: bool = False,
    since: str | datetime | None = None,
    **params: str,
) -> Any:
    """Run a saved query (by name or .rq path); rows as dicts of Python values.

    Parameters are checked and bound as RDF terms; countries may be codes,
    names or IRIs; ``from_`` stands for the parameter ``from`` (and ``limit_``,
    ``offset_`` for parameters of those names). ``limit`` and ``offset`` give
    one page of the rows (all when ``limit`` is None); :func:`count_rows` says
    how many there are in all. A value left unbound is left out of its row. A
    column made with GROUP_CONCAT (``parties``, ``sources``, ``topics``, and
    ``kind`` or ``signed``, which list every value the articles claim) is a
    list, in no set order. Integers and booleans are Python's. With
    ``as_dataframe=True`` the rows come as a pandas DataFrame (``pip install
    'diplograph[pandas]'``). An ASK query gives True or False; a CONSTRUCT or
    DESCRIBE query an rdflib Graph. With ``since`` (a date such as
    ``"2026-01-20"``, a date and time, or a datetime) only the rows new since
    then come, newest first, each with the time it arrived (``arrived``): see
    :mod:`diplograph.arrivals` for what makes a row new.

    Example:
        >>> from diplograph.pipeline import load
        >>> from diplograph.resources import resource_dir
        >>> from diplograph.store import open_store
        >>> store = open_store(":memory:")
        >>> examples = resource_dir("examples")
        >>> example = examples / "kor-jpn-usa-intelligence-mou-2026-01-20.txt"
        >>> _ = list(load([example], store))
        >>> rows = run_query(store, "agreements-concerning", country="PRK")
        >>> [(row["kind"], sorted(row["parties"])) for row in rows]
        [(['memorandum of understanding'], ['Japan', 'South Korea', 'United States'])]
        >>> run_query(store, "agreements-concerning", country="PRK", limit=0)
        []
        >>> count_rows(store, "agreements-concerning", country="PRK")
        1
        >>> run_query(store, "agreements-concerning", country="Narnia")
        Traceback (most recent call last):
        ...
        diplograph.errors.QueryError: country 'Narnia' is not a known ...
    """
    if limit is not None:
        checked_count("limit", limit)
    checked_count("offset", offset)
    query, bindings = _bound(store, name, params)
    if since is not None:
        query, bindings = new_since(query, bindings, since)
    form = query.form
    if form == "ASK":
        return ask(store, query, bindings)
    if form != "SELECT":
        return graph_result(store, query, bindings, limit=limit, offset=offset)
    lists = list_columns(query)
    variables, rows = select_rows(
        store, with_unit_separators(query), bindings, limit=limit, offset=offset
    )
    records = [
        {k: split_list(v.value) if k in lists else _python(v) for k, v in row.items()}
        for row in rows
    ]
    if not as_dataframe:
        return records
    try:
        import pandas
    except ImportError:
        raise QueryError(
            "as_dataframe=True needs pandas, which diplograph does not install by "
            "itself: pip install 'diplograph[pandas]' (or pip install pandas)."
        ) from None
    return pandas.DataFrame.from_records(records, columns=variables)


def count_rows(store: Store, name: str, /, **params: str) -> int:
    """How many rows the saved query ``name`` gives with ``params``, in all
    (the store counts them; no row is fetched).

    Example: ``count_rows(store, "agreements-of", country="JPN")``; the
    parameters are those of :func:`run_query`.
    """
    query, bindings = _bound(store, name, params)
    if query.form != "SELECT":
        raise QueryError(f"query {query.name!r} is a {query.form} query: no rows.")
    return total_rows(store, query, bindings)


def _bound(
    store: Store, name: str, params: dict[str, str]
) -> tuple[SavedQuery, dict[str, Term]]:
    query = load_query(name)
    # "from_" for the parameter "from", which Python keeps as a keyword
    bindings = bind_parameters(
        query, {k.rstrip("_"): v for k, v in params.items()}, store
    )
    return query, bindings


def _python(term: Term) -> Any:
    if term.kind == "literal" and term.datatype == _XSD + "integer":
        return int(term.value)
    if term.kind == "literal" and term.datatype == _XSD + "boolean":
        return term.value == "true"
    return term.value


__all__ = [
    "SavedQuery",
    "bind_parameters",
    "count_rows",
    "known_total",
    "load_query",
    "new_since",
    "parse_header",
    "run_query",
    "saved_queries",
    "with_prefixes",
]
