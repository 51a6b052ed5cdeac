"""Step 6, query: saved SPARQL queries (``queries/*.rq``) with grlc headers.

A query's parameters are its variables named ``?_name_type`` (required) or
``?__name_type`` (optional), as grlc does. Values are parsed and checked here,
then handed to the store as RDF terms (pyoxigraph ``substitutions``), never
pasted into the query text. A country may be given as an ISO code, a name or
an IRI; an agreement as an IRI, a name, an alias or a label
(:func:`diplograph.find.resolve_agreement`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from difflib import get_close_matches
from pathlib import Path
from typing import Any

from diplograph.errors import QueryError
from diplograph.find import resolve_agreement
from diplograph.gazetteer import load_gazetteer
from diplograph.iri import MERGED_GRAPH, party_iri
from diplograph.namespaces import DATA_BASE, ID, ONTOLOGY_IRI
from diplograph.resources import query_dir
from diplograph.store import Store, Term
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
# the parameters that take a vocabulary's codes
VOCABULARIES = {name: vocabulary().codes(name) for name in ("kind", "topic", "event")}
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
    def is_construct(self) -> bool:
        body = re.sub(r"#.*", "", self.text)
        return bool(re.search(r"\bCONSTRUCT\b", body, re.I))


def parse_query(name: str, text: str) -> SavedQuery:
    """Read the grlc ``#+`` header and the parameters of one query."""
    header: dict[str, Any] = {}
    current: str | None = None
    for line in text.splitlines():
        if not line.startswith("#+"):
            if line.strip() and not line.startswith("#"):
                break
            continue
        content = line[2:].rstrip()
        item = re.match(r"\s+-\s*(.*)", content)
        if item and current:
            value = item.group(1)
            if ":" in value and current == "defaults":
                key, _, default = value.partition(":")
                header.setdefault(current, {})[key.strip()] = default.strip()
            else:
                header.setdefault(current, []).append(value.strip())
            continue
        key, _, value = content.strip().partition(":")
        current = key.strip()
        if value.strip() and value.strip() != "[]":
            header[current] = value.strip()
    parameters: dict[str, Parameter] = {}
    for match in _PARAMETER.finditer(re.sub(r"^#.*$", "", text, flags=re.M)):
        underscores, pname, ptype = match.groups()
        variable = match.group()[1:]
        if pname not in parameters:
            parameters[pname] = Parameter(
                pname, variable, ptype or "literal", underscores == "_"
            )
    return SavedQuery(
        name=name, text=text, summary=header.get("summary", ""),
        description=header.get("description", ""), tags=tuple(header.get("tags", ())),
        defaults=dict(header.get("defaults", {})),
        parameters=tuple(parameters.values()),
    )  # fmt: skip


def saved_queries(directory: Path | None = None) -> dict[str, SavedQuery]:
    """Every saved query by name (the file stem)."""
    folder = directory or query_dir()
    return {
        p.stem: parse_query(p.stem, p.read_text(encoding="utf-8"))
        for p in sorted(folder.glob("*.rq"))
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
    """Ready an ad-hoc query: the project's prefixes it does not declare, and,
    when it names no graph, the merged graph as its default graph (what the
    embedded store does anyway; servers would otherwise use their own default).
    """
    declared = {m.lower() for m in re.findall(r"PREFIX\s+([\w-]*):", text, re.I)}
    lines = [f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items() if p not in declared]
    body = re.sub(r"(?m)^\s*#.*$", "", text)
    if not re.search(r"\b(?:GRAPH|FROM)\b", body, re.I):
        text = re.sub(
            r"\bWHERE\s*\{",
            f"FROM <{MERGED_GRAPH}> WHERE {{",
            text,
            count=1,
            flags=re.I,
        )
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
        return Term("uri", _checked_iri(parameter.name, raw))
    if parameter.type == "integer":
        if not re.fullmatch(r"[+-]?\d{1,12}", raw):
            raise QueryError(f"{parameter.name!r} must be a whole number, not {raw!r}.")
        return Term("literal", str(int(raw)), datatype=_XSD + "integer")
    if parameter.type in ("xsd_date", "xsd_gYear"):
        checked_date(parameter.name, raw)
        datatype = {4: "gYear", 7: "gYearMonth", 10: "date"}[len(raw)]
        return Term("literal", raw, datatype=_XSD + datatype)
    vocabulary = VOCABULARIES.get(parameter.name)
    if vocabulary is not None and raw not in vocabulary:
        close = get_close_matches(raw.lower().replace(" ", "_"), vocabulary, n=3)
        hint = (
            f"; did you mean {', '.join(close)}?"
            if close
            else f"; one of {', '.join(vocabulary)}."
        )
        raise QueryError(
            f"{parameter.name} {raw!r} is not a known {parameter.name}{hint}"
        )
    return Term("literal", raw)


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


def run_query(
    store: Store, name: str, /, *, as_dataframe: bool = False, **params: str
) -> Any:
    """Run a saved query (by name or .rq path); rows as dicts of Python values.

    Parameters are checked and bound as RDF terms; countries may be codes,
    names or IRIs; ``from_`` stands for the parameter ``from``. With
    ``as_dataframe=True`` the rows come as a pandas DataFrame (pandas must be
    installed).

    Example:
        >>> from diplograph.pipeline import load
        >>> from diplograph.resources import resource_dir
        >>> from diplograph.store import open_store
        >>> store = open_store(":memory:")
        >>> examples = resource_dir("examples")
        >>> example = examples / "kor-jpn-usa-intelligence-mou-2026-01-20.txt"
        >>> _ = list(load([example], store))
        >>> rows = run_query(store, "agreements-concerning", country="PRK")
        >>> [row["kind"] for row in rows]
        ['memorandum of understanding']
        >>> run_query(store, "agreements-concerning", country="Narnia")
        Traceback (most recent call last):
        ...
        diplograph.errors.QueryError: country 'Narnia' is not a known ...
    """
    query = load_query(name)
    # "from_" for the parameter "from", which Python keeps as a keyword
    bindings = bind_parameters(
        query, {k.rstrip("_"): v for k, v in params.items()}, store
    )
    _, rows = store.select(query.text, bindings)
    records = [{k: _python(v) for k, v in row.items()} for row in rows]
    if not as_dataframe:
        return records
    try:
        import pandas
    except ImportError:
        raise QueryError("as_dataframe=True needs pandas: pip install pandas") from None
    return pandas.DataFrame.from_records(records)


def _python(term: Term) -> Any:
    if term.kind == "literal" and term.datatype == _XSD + "integer":
        return int(term.value)
    if term.kind == "literal" and term.datatype == _XSD + "boolean":
        return term.value == "true"
    return term.value


__all__ = [
    "SavedQuery",
    "bind_parameters",
    "load_query",
    "run_query",
    "saved_queries",
    "with_prefixes",
]
