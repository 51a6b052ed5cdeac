"""The web pages of ``diplograph serve``: HTML rendered on the server from the
same views the command line shows (:mod:`diplograph.show`,
:func:`diplograph.find.search`) and the same saved queries, so a page and
``diplograph show`` never disagree.

- ``/``: the saved queries, each one's parameters as a plain GET form
  (``/?query=NAME&PARAM=VALUE&run=1&limit=&offset=``), its rows as a table
  with links; and a SPARQL editor (``/?sparql=...``), run here with the
  project's prefixes predeclared, as /sparql runs it.
- ``/agreement/{hash}`` (the last step of the agreement's IRI);
  ``/agreement?ref=NAME-OR-IRI`` finds it as ``diplograph show`` does and
  redirects there (a name of several agreements: to the search for it).
- ``/country/{code}`` (``KOR``, ``NATO``); ``/country?ref=NAME`` redirects.
- ``/article/{hash}``: what was read from one article, with its sentences
  and a link out to its source.
- ``/search?q=WORDS``.

Every value from the store is escaped by Jinja2's autoescaping; only
``http(s)`` addresses become links out (an article's URL is data too). A
parameter that is not right is a 400 page saying why, something not stored
a 404 page; neither shows a traceback.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote, urlencode, urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from diplograph import __version__
from diplograph.errors import DiplographError
from diplograph.find import (
    MAX_TEXT_LENGTH,
    agreements_named,
    resolve_agreement,
    search,
)
from diplograph.namespaces import DATA_BASE, ID
from diplograph.queries import (
    DATA_PREFIXES,
    MAX_VALUE_LENGTH,
    PREFIXES,
    VOCABULARIES,
    Parameter,
    SavedQuery,
    bind_parameters,
    known_total,
    list_columns,
    resolve_party,
    select_rows,
    split_list,
    total_rows,
    with_unit_separators,
)
from diplograph.show import (
    AgreementView,
    CountryView,
    Source,
    agreement_view,
    article_view,
    claims_said,
    country_view,
)
from diplograph.store import Row, Store, Term
from diplograph.store.embedded import EmbeddedStore, from_ox
from diplograph.vocabulary import vocabulary
from diplograph.web.limits import (
    RequestError,
    ServeOptions,
    count_param,
    limited,
    single_params,
)
from diplograph.web.sparql import checked_query, evaluate

T = TypeVar("T")
HERE = Path(__file__).parent
TEMPLATES = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=True,
    undefined=StrictUndefined,  # a misspelt name in a template fails its test
    trim_blocks=True,
    lstrip_blocks=True,
)
PAGE_ROWS = 50  # rows of a saved query a page shows unless told
EDITOR_ROWS = 1_000  # results of an ad-hoc query a page shows; /sparql has all
SEARCH_HITS = 100
# the page's own fields on /, beside a saved query's parameters (no saved
# query has a parameter of these names: a test checks)
PAGE_FIELDS = frozenset({"query", "run", "limit", "offset", "sparql"})
_KEY = re.compile(r"[0-9a-f]{32}")  # iri.hash_record's digests
_CODE = re.compile(r"[A-Za-z0-9]{1,16}")  # a gazetteer code (KOR, NATO)
_WEB = re.compile(r"https?://[^\s<>\"]+", re.I)
# the column whose value names the IRI in another, in saved queries' rows
_NAMED_BY = {"agreement": "label", "party": "name", "partner": "name"}
# nothing from elsewhere: no CDN, no inline script; forms post only here
_SECURITY = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; "
    "script-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
SPARQL_EXAMPLE = """\
SELECT ?agreement ?label ?signed WHERE {
  ?agreement a dg:Agreement ; rdfs:label ?label .
  OPTIONAL { ?agreement dg:signingDate ?signed }
}
ORDER BY DESC(?signed)
LIMIT 20"""


# ---- links and cells ---------------------------------------------------------


def page_of(iri: str) -> str | None:
    """The page of a stored agreement, country, organization or article;
    None for anything else.

    Example:
        >>> page_of("https://w3id.org/diplograph/id/country/KOR")
        '/country/KOR'
        >>> page_of("https://w3id.org/diplograph/id/event/ab") is None
        True
    """
    if not iri.startswith(DATA_BASE):
        return None
    kind, _, key = iri[len(DATA_BASE) :].partition("/")
    if not key or "/" in key:
        return None
    path = {"agreement": "agreement", "article": "article", "country": "country",
            "org": "country"}.get(kind)  # fmt: skip
    return f"/{path}/{quote(key, safe='')}" if path else None


def web_address(text: str | None) -> str | None:
    """``text`` if it is an http(s) address (a link out), else None: a
    ``javascript:`` URL stored as an article's must never become a link."""
    return text if text and _WEB.fullmatch(text) else None


def short(iri: str) -> str:
    """``country/KOR``, ``dg:Treaty``: an IRI as tables print it."""
    if iri.startswith(DATA_BASE):
        return iri[len(DATA_BASE) :]
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and prefix != "g":
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


@dataclass(frozen=True)
class Cell:
    text: str
    href: str | None = None

    @property
    def external(self) -> bool:
        return bool(self.href) and not self.href.startswith("/")  # type: ignore[union-attr]


def linked(value: str, text: str | None = None) -> Cell:
    """A cell for ``value``: a link to its page, or out when it is a web
    address; ``text`` shown instead of the value when given."""
    return Cell(text or short(value), page_of(value) or web_address(value))


@dataclass(frozen=True)
class Table:
    """Rows of cells, each cell the parts of a value (several for a list
    column, made with GROUP_CONCAT)."""

    columns: list[str]
    rows: list[list[list[Cell]]]


def table(
    variables: list[str], rows: Iterable[Row], *, lists: Iterable[str] = ()
) -> Table:
    """Result rows as a table: IRIs linked and named by their label column
    when the row has one (which is then not shown twice); the values of the
    ``lists`` columns (:func:`~diplograph.queries.with_unit_separators`) apart,
    each linked; the parameters (``_country_iri``) left out."""
    named = {_NAMED_BY[v] for v in variables if _NAMED_BY.get(v) in variables}
    shown = [v for v in variables if not v.startswith("_") and v not in named]
    listed = set(lists)

    def cell(row: Row, column: str) -> list[Cell]:
        term = row.get(column)
        if term is None:
            return []
        if column in listed:
            return [_literal(v) for v in split_list(term.value) if v]
        if term.kind != "uri":
            return [_literal(term.value)]
        label = row.get(_NAMED_BY.get(column, ""))
        return [linked(term.value, label.value if label else None)]

    return Table(shown, [[cell(row, c) for c in shown] for row in rows])


def _literal(value: str) -> Cell:
    """A value; a web address as a link out named by its site (the whole
    address took the table's width)."""
    address = web_address(value)
    if address is None:
        return Cell(value)
    return Cell(urlsplit(address).netloc.removeprefix("www.") or address, address)


# ---- rendering ---------------------------------------------------------------


def render(name: str, *, status: int = 200, **context: Any) -> HTMLResponse:
    context.setdefault("error", None)
    context.setdefault("q", "")
    body = TEMPLATES.get_template(name).render(
        version=__version__, status=status, **context
    )
    return HTMLResponse(body, status_code=status, headers=_SECURITY)


async def not_found(request: Request, exc: Exception) -> Response:
    """An address that is no route: a page for a browser, plain text else."""
    if "text/html" not in request.headers.get("accept", ""):
        return Response("Not Found\n", status_code=404, media_type="text/plain")
    return problem_page(RequestError(404, f"there is no page at {request.url.path}."))


def problem_page(problem: RequestError) -> HTMLResponse:
    return render(
        "error.html",
        status=problem.status,
        title={
            400: "Not understood",
            403: "Refused",
            404: "Not found",
            503: "Too slow",
        }.get(problem.status, "Error"),  # fmt: skip
        error=str(problem),
    )


async def ask_store(
    current: Callable[[], Store],
    options: ServeOptions,
    work: Callable[[Store], T],
    *,
    missing: int = 400,
) -> T:
    """``work`` on the store as it is now, in a worker thread within the
    time limit; a DiplographError it raises becomes a ``missing`` page (404
    where the error means "nothing stored by that name")."""

    def run(stop: threading.Event) -> T:
        try:
            return work(current())
        except RequestError:
            raise
        except DiplographError as error:
            raise RequestError(missing, str(error)) from None

    return await limited(run, options.time_limit)


# ---- the query page ----------------------------------------------------------


@dataclass(frozen=True)
class Field:
    """One parameter of a saved query as a form field."""

    name: str
    required: bool
    value: str
    placeholder: str
    hint: str
    choices: tuple[str, ...]
    input_type: str  # text, number
    pattern: str | None


_HINTS = {
    "agreement": "a name, alias or IRI",
    "class": "a class `diplograph reason` infers",
    "xsd_date": "YYYY, YYYY-MM or YYYY-MM-DD",
    "xsd_gYear": "YYYY",
    "integer": "a whole number",
}
_PARTY_PARAMETERS = ("country", "party", "partner", "other", "state")


def _field(query: SavedQuery, parameter: Parameter, value: str | None) -> Field:
    default = query.defaults.get(parameter.name, "")
    hint = (
        "a country or organization: code, name or IRI"
        if parameter.name in _PARTY_PARAMETERS
        else _HINTS.get(parameter.name) or _HINTS.get(parameter.type, "")
    )
    return Field(
        name=parameter.name, required=parameter.required,
        # a fresh form: the header's example for what is required, so one
        # click runs the query; what is optional stays open
        value=value if value is not None else (default if parameter.required else ""),
        placeholder=default, hint=hint,
        choices=VOCABULARIES.get(parameter.name, ()),
        input_type="number" if parameter.type == "integer" else "text",
        pattern=r"\d{4}(-\d{2}(-\d{2})?)?"
        if parameter.type in ("xsd_date", "xsd_gYear") else None,
    )  # fmt: skip


@dataclass(frozen=True)
class QueryResult:
    table: Table
    total: int
    offset: int
    limit: int
    previous: str | None
    next: str | None


@dataclass(frozen=True)
class EditorResult:
    table: Table | None
    boolean: bool | None
    truncated: bool


def _run_saved(
    store: Store,
    query: SavedQuery,
    values: dict[str, str],
    *,
    limit: int,
    offset: int,
) -> tuple[list[str], list[Row], int]:
    bindings = bind_parameters(query, values, store)
    variables, rows = select_rows(
        store, with_unit_separators(query), bindings, limit=limit, offset=offset
    )
    total = known_total(rows, limit=limit, offset=offset)
    if total is None:
        total = total_rows(store, query, bindings)
    return variables, rows, total


def _run_editor(store: Store, text: str, stop: threading.Event) -> EditorResult:
    if not isinstance(store, EmbeddedStore):  # serve makes sure it is
        raise RequestError(400, "the editor runs on an embedded store only.")
    results = evaluate(store, text, EDITOR_ROWS, stop)
    if results.form == "ASK":
        return EditorResult(None, results.boolean, False)
    if results.form == "CONSTRUCT":
        triples = [
            dict(zip("spo", (from_ox(t) for t in triple), strict=True))
            for triple in results.triples
        ]
        return EditorResult(table(["s", "p", "o"], triples), None, results.truncated)
    return EditorResult(table(results.variables, results.rows), None, results.truncated)


async def query_page(
    request: Request,
    current: Callable[[], Store],
    queries: dict[str, SavedQuery],
    options: ServeOptions,
) -> Response:
    params = single_params(request)
    context: dict[str, Any] = {
        "title": "Queries", "queries": list(queries.values()), "selected": None,
        "fields": [], "result": None, "limit": PAGE_ROWS,
        "sparql": params.get("sparql", SPARQL_EXAMPLE), "editor": None,
        "prefixes": {**PREFIXES, **DATA_PREFIXES},
    }  # fmt: skip
    status = 200
    try:
        name = params.get("query")
        if name is not None:
            if name not in queries:
                raise RequestError(
                    404, f"no saved query {name!r}; the list shows them."
                )
            status = await _saved_part(context, queries[name], params, current, options)
        if "sparql" in params:
            text = checked_query(params["sparql"])

            def edited(stop: threading.Event) -> EditorResult:
                return _run_editor(current(), text, stop)

            context["editor"] = await limited(edited, options.time_limit)
    except RequestError as problem:
        context["error"] = str(problem)
        status = problem.status
    return render("query.html", status=status, **context)


async def _saved_part(
    context: dict[str, Any],
    query: SavedQuery,
    params: dict[str, str],
    current: Callable[[], Store],
    options: ServeOptions,
) -> int:
    """Fill the form of ``query`` and, when asked to run it, its rows."""
    values = {k: v for k, v in params.items() if k not in PAGE_FIELDS}
    run = "run" in params
    context["selected"] = query
    context["fields"] = [
        _field(query, p, values.get(p.name) if run else None) for p in query.parameters
    ]
    if query.form != "SELECT":
        raise RequestError(400, f"{query.name} is a {query.form} query: no rows.")
    limit = count_param(params.get("limit"), "limit", PAGE_ROWS)
    offset = count_param(params.get("offset"), "offset", 0)
    if not 0 < limit <= options.row_limit:
        raise RequestError(
            400, f"limit must be 1 to {options.row_limit} rows a page, not {limit}."
        )
    context["limit"] = limit
    if not run:
        return 200
    variables, rows, total = await ask_store(
        current,
        options,
        lambda store: _run_saved(store, query, values, limit=limit, offset=offset),
    )

    def at(where: int) -> str:
        return "/?" + urlencode({**params, "offset": where})

    context["result"] = QueryResult(
        table(variables, rows, lists=list_columns(query)), total, offset, limit,
        at(max(0, offset - limit)) if offset > 0 else None,
        at(offset + limit) if offset + len(rows) < total else None,
    )  # fmt: skip
    return 200


# ---- an agreement ------------------------------------------------------------


@dataclass(frozen=True)
class SourceShown:
    """A source article on an agreement's page: its claims by sentence,
    ``disputed`` when it is one side of a conflicting claim."""

    source: Source
    page: str | None
    url: str | None
    disputed: bool
    sentences: list[tuple[str | None, str]]


def _sources(view: AgreementView) -> list[SourceShown]:
    sides = {row.get(k) for row in view.conflicts for k in ("source", "otherSource")}
    return [
        SourceShown(
            source,
            page_of(source.article.iri),
            web_address(source.article.url),
            bool(_names(source) & sides),
            [
                (sentence, claims_said(claims))
                for sentence, claims in source.by_sentence()
            ],
        )  # fmt: skip
        for source in view.sources
    ]


def _names(source: Source) -> set[str | None]:
    """How conflicting-claims names an article: by its URL, or its title
    without one."""
    return {source.article.url, source.article.title}


@dataclass(frozen=True)
class Conflict:
    claim: str
    value: str
    source: Cell
    other_value: str
    other_source: Cell


def _conflicts(view: AgreementView) -> list[Conflict]:
    """The conflicting claims, each side's article by its title, linked to
    its page (a long URL said less and took the table)."""
    pages = {
        name: Cell(s.article.title or short(s.article.iri), page_of(s.article.iri))
        for s in view.sources
        for name in _names(s)
        if name
    }

    def side(name: str) -> Cell:
        return pages.get(name) or linked(name, name)

    return [
        Conflict(
            row["claim"],
            row["value"],
            side(row["source"]),
            row["otherValue"],
            side(row["otherSource"]),
        )  # fmt: skip
        for row in view.conflicts
    ]


def _keyed(request: Request, kind: str) -> str:
    """The IRI of the agreement or article whose key the path ends with."""
    key = request.path_params["key"]
    if not _KEY.fullmatch(key):
        raise RequestError(
            400, f"{key[:80]!r} is not an {kind}'s key (32 hexadecimal digits)."
        )
    return str(ID[f"{kind}/{key}"])


async def agreement_page(
    request: Request, current: Callable[[], Store], options: ServeOptions
) -> Response:
    iri = _keyed(request, "agreement")
    view: AgreementView = await ask_store(
        current, options, lambda store: agreement_view(store, iri), missing=404
    )
    words = vocabulary()
    return render(
        "agreement.html", title=view.label, view=view,
        kinds=[words.kind_word(k) for k in view.kinds],
        topics=[t.replace("_", " ") for t in view.topics],
        sources=_sources(view), conflicts=_conflicts(view),
        timeline="/plot/timeline.svg?" + urlencode({"agreement": iri}),
        linked=linked,
    )  # fmt: skip


def _reference(params: dict[str, str], what: str) -> str:
    ref = params.get("ref", "").strip()
    if not ref:
        raise RequestError(400, f"give the {what} to show: ?ref=NAME (or its IRI).")
    if len(ref) > MAX_TEXT_LENGTH:
        raise RequestError(
            400, f"ref is {len(ref)} characters long; at most {MAX_TEXT_LENGTH}."
        )
    return ref


async def agreement_by_reference(
    request: Request, current: Callable[[], Store], options: ServeOptions
) -> Response:
    ref = _reference(single_params(request), "agreement")

    def find(store: Store) -> str | None:
        if len(agreements_named(store, ref)) > 1:
            return None  # the search lists them all, each a link
        return resolve_agreement(ref, store)

    iri = await ask_store(current, options, find, missing=404)
    if iri is None:
        return RedirectResponse("/search?" + urlencode({"q": ref}), status_code=303)
    return RedirectResponse(page_of(iri) or "/", status_code=303)


# ---- a country ---------------------------------------------------------------


@dataclass(frozen=True)
class Year:
    year: str
    agreements: list[dict[str, Any]]


def by_year(view: CountryView) -> list[Year]:
    """The country's agreements by the year of their first signing date,
    oldest first; those with none last, as ``undated``."""
    years: dict[str, list[dict[str, Any]]] = {}
    for row in view.agreements:
        dates = [d.strip() for d in str(row.get("signed", "")).split(",") if d.strip()]
        years.setdefault(min(d[:4] for d in dates) if dates else "undated", []).append(
            row
        )
    return [Year(y, years[y]) for y in sorted(years, key=lambda y: (y == "undated", y))]


def _party_iri(raw: str) -> str:
    if len(raw) > MAX_VALUE_LENGTH:
        raise RequestError(
            400,
            f"the country is {len(raw)} characters long; at most {MAX_VALUE_LENGTH}.",
        )
    try:
        return resolve_party(raw)
    except DiplographError as error:
        raise RequestError(404, str(error)) from None


async def country_page(
    request: Request, current: Callable[[], Store], options: ServeOptions
) -> Response:
    code = request.path_params["code"]
    if not _CODE.fullmatch(code):
        raise RequestError(
            400,
            f"{code[:80]!r} is not a country or organization code (letters and "
            "digits, such as KOR or NATO); /country?ref=NAME finds one by name.",
        )
    iri = _party_iri(code)
    if iri.rsplit("/", 1)[-1] != code:  # kor -> KOR: one address for each
        return RedirectResponse(page_of(iri) or "/", status_code=301)
    view: CountryView = await ask_store(
        current, options, lambda store: country_view(store, iri)
    )
    return render(
        "country.html", title=view.name, view=view, years=by_year(view),
        network="/plot/network.svg?" + urlencode({"country": view.code}),
        agreements=table(["agreement", "label", "kind", "parties", "signed"],
                         _rows(view.agreements)),
        concerning=table(["agreement", "label", "kind", "parties", "signed"],
                         _rows(view.concerning)),
        partners=table(["partner", "name", "agreements", "shared"],
                       _rows(view.partners)),
        linked=linked,
    )  # fmt: skip


def _rows(records: Iterable[dict[str, Any]]) -> list[Row]:
    """show's rows (plain values) as result rows, IRIs told by their base."""
    return [
        {
            k: Term("uri" if str(v).startswith(DATA_BASE) else "literal", str(v))
            for k, v in record.items()
        }
        for record in records
    ]


async def country_by_reference(request: Request) -> Response:
    iri = _party_iri(_reference(single_params(request), "country or organization"))
    return RedirectResponse(page_of(iri) or "/", status_code=303)


# ---- an article, the search --------------------------------------------------


async def article_page(
    request: Request, current: Callable[[], Store], options: ServeOptions
) -> Response:
    iri = _keyed(request, "article")
    view = await ask_store(
        current, options, lambda store: article_view(store, iri), missing=404
    )
    return render(
        "article.html", title=view.article.title or "Article", view=view,
        url=web_address(view.article.url), page_of=page_of, words=vocabulary(),
    )  # fmt: skip


async def search_page(
    request: Request, current: Callable[[], Store], options: ServeOptions
) -> Response:
    q = single_params(request).get("q", "")
    if not q.strip():
        return render("search.html", title="Search", q=q, total=None, hits=[])
    total, hits = await ask_store(
        current, options, lambda store: search(store, q, limit=SEARCH_HITS)
    )
    return render(
        "search.html", title=f"Search: {q[:60]}", q=q, total=total, hits=hits,
        page_of=page_of,
    )  # fmt: skip


# ---- the routes --------------------------------------------------------------


def page_routes(
    current: Callable[[], Store],
    queries: dict[str, SavedQuery],
    options: ServeOptions,
) -> list[BaseRoute]:
    """The pages' routes over the store ``current()`` gives as it is now.
    (``:path``: a key with a slash in it is a page saying it is no key, not
    a bare "Not Found".)"""

    def page(handler: Callable[..., Any], *extra: Any) -> Callable[[Request], Any]:
        async def endpoint(request: Request) -> Response:
            try:
                return await handler(request, *extra)  # type: ignore[no-any-return]
            except RequestError as problem:
                return problem_page(problem)

        return endpoint

    return [
        Route("/", page(query_page, current, queries, options), methods=["GET"]),
        Route("/agreement", page(agreement_by_reference, current, options)),
        Route("/agreement/{key:path}", page(agreement_page, current, options)),
        Route("/country", page(country_by_reference)),
        Route("/country/{code:path}", page(country_page, current, options)),
        Route("/article/{key:path}", page(article_page, current, options)),
        Route("/search", page(search_page, current, options)),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
