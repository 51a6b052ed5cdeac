"""Where the parts of a SPARQL query are, and the queries built around it.

A query is read as SPARQL's grammar lays it out: the prologue (``BASE`` and
``PREFIX``), the form (``SELECT``, ``CONSTRUCT``, ``DESCRIBE`` or ``ASK``) with
its projection or template, the dataset clause (``FROM``), the ``WHERE`` group
and the solution modifiers after it. Strings, IRIs and comments are skipped
whole, so a brace or a keyword inside them is not taken for one of the query.

Paging and counting are built on that layout, never by pasting a value into
the text: :func:`paged` adds ``LIMIT``/``OFFSET`` (two whole numbers checked
here) as the query's own last solution modifiers; :func:`counted` makes the
query a subquery of ``SELECT (COUNT(*) ...)``, with its dataset clause moved
out (a subquery has none). The store parses whatever is built, so a query this
reads wrongly is refused, not run as something else.

Two comments let a query be paged and counted for less than its whole listing:

- ``#@page`` after the ORDER BY of a subquery (:data:`PAGE_MARKER`): when a
  page is asked for, :func:`paged` puts ``LIMIT offset+limit`` there, so the
  rest of the query is matched for the entries of that list the page can show.
  The query's author vouches that this gives the same page: every entry of the
  list gives one row or more, and the query's own ORDER BY starts with the
  list's (so the rows of its first n entries come before all others). Where
  no page is asked for, or the query is made a subquery of another
  (:func:`nested`: counted, or sorted otherwise by a feed), the comment is
  taken out with the ORDER BY it marks.
- ``#@uncounted`` right after the brace of an OPTIONAL, or of a group, at the
  top of the WHERE group of a query that groups its rows
  (:data:`UNCOUNTED_MARKER`): the count leaves that OPTIONAL or group out
  (:func:`_rows_only`). Its author vouches that it binds nothing the rows are
  grouped by, and, for a group, that it matches every row once or more: it
  changes what the rows say, never how many groups there are. (A group joins
  where an OPTIONAL, Oxigraph matched for every row at once in a hash table:
  ``most-active-parties`` 180 -> 360 ms at 100,000 articles.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from diplograph.errors import QueryError

FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
# The variable the count query projects: a name a query of ours does not use.
COUNT_VARIABLE = "diplographRows"
_MARKER = "#@values"  # sparql.MARKER (imported there from here would be a cycle)
# a subquery's list of what the rows are made of, limited to a page's worth
PAGE_MARKER = "#@page"
# an OPTIONAL that changes no row's grouping keys: left out of the count
UNCOUNTED_MARKER = "#@uncounted"

_TOKEN = re.compile(
    r"""
      (?P<space>\s+)
    | (?P<comment>\#[^\n]*)
    | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
                 |'''(?:[^'\\]|\\.|'(?!''))*'''
                 |"(?:[^"\\\n]|\\.)*"
                 |'(?:[^'\\\n]|\\.)*')
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<var>[?$]\w*)
    | (?P<word>(?:[A-Za-z_][\w.-]*)?:[\w.:%\\-]*|[A-Za-z_][\w-]*)
    | (?P<other>.)
    """,
    re.X | re.S,
)


@dataclass(frozen=True)
class Token:
    kind: str  # space, comment, string, iri, var, word, other
    text: str
    start: int
    end: int
    depth: int  # braces and parentheses open before it

    def is_word(self, *words: str) -> bool:
        return self.kind == "word" and self.text.upper() in words


@dataclass(frozen=True)
class Layout:
    """The parts of one query, as offsets into its text."""

    form: str  # SELECT, CONSTRUCT, DESCRIBE or ASK
    form_at: int  # the form keyword (the prologue ends here)
    dataset: tuple[int, int]  # the FROM clauses (an empty span where they would go)
    # the WHERE group, braces included (a DESCRIBE may have none)
    where: tuple[int, int] | None
    tail: tuple[Token, ...]  # what follows the WHERE group at the top level
    text: str

    @property
    def ordered(self) -> bool:
        """Whether the query has an ORDER BY of its own (so pages are stable)."""
        return any(t.is_word("ORDER") for t in self.tail)

    @property
    def sliced(self) -> bool:
        """Whether the query has a LIMIT or OFFSET of its own."""
        return any(t.is_word("LIMIT", "OFFSET") for t in self.tail)


def _tokens(text: str) -> list[Token]:
    tokens, depth = [], 0
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        value = match.group()
        if value in ")}":
            depth -= 1
        tokens.append(Token(kind, value, match.start(), match.end(), depth))
        if value in "({" and kind == "other":
            depth += 1
    return tokens


def _closing(tokens: list[Token], index: int) -> int:
    """The index of the token that closes the brace or parenthesis at ``index``."""
    depth = tokens[index].depth
    for position in range(index + 1, len(tokens)):
        token = tokens[position]
        if token.kind == "other" and token.text in ")}" and token.depth == depth:
            return position
    raise QueryError("the query has a brace or parenthesis that is never closed")


@lru_cache(maxsize=256)
def layout(text: str) -> Layout:
    """The layout of ``text``; a QueryError if it is not a SPARQL query.

    Example:
        >>> found = layout("PREFIX x: <http://x/> SELECT ?s FROM <http://g> "
        ...                "WHERE { ?s ?p '}' } ORDER BY ?s")
        >>> found.form, found.ordered, found.sliced
        ('SELECT', True, False)
        >>> found.text[slice(*found.where)]
        "{ ?s ?p '}' }"
    """
    tokens = [t for t in _tokens(text) if t.kind not in ("space", "comment")]
    index = 0
    while index < len(tokens) and (
        tokens[index].is_word("BASE", "PREFIX")
        or tokens[index].kind == "iri"
        or (tokens[index].kind == "word" and tokens[index].text.endswith(":"))
    ):
        index += 1
    if index == len(tokens) or not tokens[index].is_word(*FORMS):
        found = tokens[index].text if index < len(tokens) else "nothing"
        raise QueryError(
            f"not a SPARQL query: after the prefixes comes {found[:40]!r}, where "
            f"{', '.join(FORMS)} should be (updates are not run as queries)"
        )
    form_token = tokens[index]
    form = form_token.text.upper()
    index += 1
    if form == "CONSTRUCT" and index < len(tokens) and tokens[index].text == "{":
        index = _closing(tokens, index) + 1  # the template
    # the projection or the DESCRIBE targets, then the dataset clause
    dataset_start: int | None = None
    dataset_end = len(text)
    where_index: int | None = None
    while index < len(tokens):
        token = tokens[index]
        if token.text == "(" and token.kind == "other":
            index = _closing(tokens, index) + 1
            continue
        if token.is_word("FROM") and dataset_start is None:
            dataset_start = token.start
        if token.is_word("WHERE") or (token.text == "{" and token.kind == "other"):
            dataset_end = token.start
            while tokens[index].text != "{" and index + 1 < len(tokens):
                index += 1
            where_index = index if tokens[index].text == "{" else None
            break
        if token.is_word("ORDER", "LIMIT", "OFFSET", "VALUES", "GROUP", "HAVING"):
            dataset_end = token.start  # a DESCRIBE without a WHERE group
            break
        index += 1
    else:
        previous = tokens[index - 1] if index else form_token
        dataset_end = previous.end
    if where_index is None:
        if form != "DESCRIBE":
            raise QueryError(f"not a SPARQL query: this {form} has no WHERE group")
        where, tail_from = None, index
    else:
        close = _closing(tokens, where_index)
        where = (tokens[where_index].start, tokens[close].end)
        tail_from = close + 1
    start = dataset_end if dataset_start is None else dataset_start
    return Layout(
        form=form,
        form_at=form_token.start,
        dataset=(start, dataset_end),
        where=where,
        tail=tuple(t for t in tokens[tail_from:] if t.depth == 0),
        text=text,
    )


def order_keys(text: str) -> str:
    """The conditions of the top-level ORDER BY of ``text`` as written, without
    comments ('' when it has none).

    Example:
        >>> order_keys("SELECT ?a WHERE { ?a ?p ?o } ORDER BY DESC(?o)  ?a LIMIT 3")
        'DESC(?o) ?a'
    """
    tail = layout(text).tail
    starts = [i for i, t in enumerate(tail) if t.is_word("ORDER")]
    if not starts or starts[0] + 1 == len(tail):
        return ""
    after_by = tail[starts[0] + 1].end
    after = tail[starts[0] :]
    ends = [t.start for t in after if t.is_word("LIMIT", "OFFSET", "VALUES")]
    clause = text[after_by : ends[0] if ends else len(text)]
    kept: list[str] = []
    gap = False
    for token in _tokens(clause):  # spaces and comments between tokens: one space
        if token.kind in ("space", "comment"):
            gap = bool(kept)
        else:
            kept.append(" " + token.text if gap else token.text)
            gap = False
    return "".join(kept)


def checked_count(name: str, value: object) -> int:
    """``value`` if it is a whole number 0 or more (a row count), else a QueryError."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise QueryError(f"{name} must be a whole number 0 or more, not {value!r}.")
    return value


def paged(text: str, *, limit: int | None = None, offset: int = 0) -> str:
    """``text`` with ``LIMIT limit OFFSET offset`` as its last solution modifiers.

    A query with a LIMIT or OFFSET of its own is refused: two slices of one
    result cannot be written as one without reading the query's own numbers.

    A subquery marked ``#@page`` (see the module's description) is limited to
    the ``offset + limit`` entries the page can be made of.

    Example:
        >>> print(paged("SELECT * { ?s ?p ?o } ORDER BY ?s", limit=25, offset=50))
        SELECT * { ?s ?p ?o } ORDER BY ?s
        LIMIT 25 OFFSET 50
        <BLANKLINE>
        >>> print(paged("SELECT ?s ?o { { SELECT ?s { ?s a ?c } ORDER BY ?s #@page\\n"
        ...             "} ?s ?p ?o } ORDER BY ?s ?o", limit=2, offset=4))
        SELECT ?s ?o { { SELECT ?s { ?s a ?c } ORDER BY ?s LIMIT 6
        } ?s ?p ?o } ORDER BY ?s ?o
        LIMIT 2 OFFSET 4
        <BLANKLINE>
    """
    if limit is None and not offset:  # unpaged: a marked subquery needs no order
        return _unmarked_pages(text) if PAGE_MARKER in text else text
    found = layout(text)
    if found.form == "ASK":
        raise QueryError("an ASK query has one answer, true or false: no pages.")
    if found.sliced:
        raise QueryError(
            "the query has a LIMIT or OFFSET of its own: leave out --limit and "
            "--offset, or take them out of the query."
        )
    words = []
    if limit is not None:
        words.append(f"LIMIT {checked_count('limit', limit)}")
    if offset:
        words.append(f"OFFSET {checked_count('offset', offset)}")
    clause = " ".join(words)
    if limit is not None:
        text = _marked_pages(text, offset + limit)
    elif PAGE_MARKER in text:
        text = _unmarked_pages(text)
    found = layout(text)
    values = next((t for t in found.tail if t.is_word("VALUES")), None)
    if values is not None:  # the trailing VALUES clause comes after the modifiers
        return f"{text[: values.start]}{clause}\n{text[values.start :]}"
    return f"{text}\n{clause}\n"


def _is_marker(token: Token, marker: str) -> bool:
    """Whether ``token`` is the comment ``marker`` (followed by words or not)."""
    return (
        token.kind == "comment"
        and re.match(rf"{marker}(?![\w-])", token.text) is not None
    )


def _page_markers(tokens: list[Token]) -> list[Token]:
    """The ``#@page`` comments among a query's ``tokens``; a QueryError for one
    outside a subquery."""
    marks = [t for t in tokens if _is_marker(t, PAGE_MARKER)]
    if any(t.depth < 2 for t in marks):
        raise QueryError(
            f"{PAGE_MARKER} marks the ORDER BY of a subquery, not of the query itself"
        )
    return marks


def _marked_pages(text: str, entries: int) -> str:
    """``text`` with each ``#@page`` comment made ``LIMIT entries``."""
    for mark in reversed(_page_markers(_tokens(text))):
        text = f"{text[: mark.start]}LIMIT {entries}{text[mark.end :]}"
    return text


def _unmarked_pages(text: str) -> str:
    """``text`` without its ``#@page`` comments and the ORDER BY each marks: a
    subquery's order means nothing unless it is limited, and sorting its whole
    list cost as much as the rest (the count of ``articles-without-agreements``
    at 100,000 articles: 191 -> 150 ms)."""
    tokens = _tokens(text)
    for mark in reversed(_page_markers(tokens)):
        order = next(
            (
                t
                for t in reversed(tokens)
                if t.start < mark.start and t.depth == mark.depth and t.is_word("ORDER")
            ),
            None,
        )
        if order is None:
            raise QueryError(f"{PAGE_MARKER} marks the ORDER BY of a subquery: none")
        text = text[: order.start] + text[mark.end :]
    return text


def counted(text: str) -> str:
    """A query for how many rows the SELECT query ``text`` gives, in the
    variable :data:`COUNT_VARIABLE`.

    Its parameters stay where they were: a query without ``#@values`` markers
    gets one at the start of its WHERE group, where they are bound otherwise.
    What does not change the number of rows is left out (:func:`_rows_only`).

    Example:
        >>> print(counted("SELECT ?s FROM <http://g> WHERE { ?s ?p ?o } ORDER BY ?s"))
        SELECT (COUNT(*) AS ?diplographRows) FROM <http://g> WHERE {
        SELECT ?s WHERE { #@values
         ?s ?p ?o }
        }
        <BLANKLINE>
    """
    prologue, dataset, inner = nested(text)
    return (
        f"{prologue}SELECT (COUNT(*) AS ?{COUNT_VARIABLE})"
        f"{' ' + dataset if dataset else ''} WHERE {{\n{_rows_only(inner)}\n}}\n"
    )


def _rows_only(text: str) -> str:
    """The SELECT query ``text`` with what does not change how many rows it
    gives left out, for counting them: its ORDER BY, and, when it groups by
    plain variables (without HAVING or DISTINCT), its columns but the keys,
    so that no aggregate is computed (a GROUP_CONCAT or MIN reads every string
    it takes from the store, and sorting compares them: at 100,000 articles
    most of the time a count took), and its OPTIONALs marked ``#@uncounted``
    (see the module's description).

    Example:
        >>> print(_rows_only("SELECT ?a (MIN(?b) AS ?c) WHERE { ?a ?p ?b } "
        ...                  "GROUP BY ?a ORDER BY ?c"))
        SELECT ?a WHERE { ?a ?p ?b } GROUP BY ?a
        >>> print(_rows_only("SELECT ?a (MIN(?q) AS ?c) WHERE { ?a ?p ?b "
        ...                  "OPTIONAL { #@uncounted\\n ?b ?r ?q } } GROUP BY ?a"))
        SELECT ?a WHERE { ?a ?p ?b  } GROUP BY ?a
    """
    found = layout(text)
    assert found.where is not None
    tail = list(found.tail)
    order = next((i for i, t in enumerate(tail) if t.is_word("ORDER")), None)
    end = len(text)
    if order is not None:
        after = next(
            (t for t in tail[order:] if t.is_word("LIMIT", "OFFSET", "VALUES")), None
        )
        end_of_order = after.start if after is not None else len(text)
        text = f"{text[: tail[order].start].rstrip()} {text[end_of_order:]}".rstrip()
        tail = tail[:order] + [t for t in tail[order:] if t.start >= end_of_order]
        end = len(text)
    group = next((i for i, t in enumerate(tail) if t.is_word("GROUP")), None)
    modifiers = [
        t for t in _tokens(text[found.form_at : found.where[0]]) if t.kind == "word"
    ][1:2]
    if (
        group is None
        or any(t.is_word("HAVING") for t in tail)
        or any(t.is_word("DISTINCT", "REDUCED") for t in modifiers)
    ):
        return text
    keys = []
    for token in tail[group + 2 :]:
        if token.is_word("LIMIT", "OFFSET", "VALUES") or token.start >= end:
            break
        if token.kind != "var":
            return text  # a key that is an expression: counted as it is
        keys.append(token.text)
    between = text[found.form_at : found.where[0]]
    where = "WHERE " if re.search(r"\bWHERE\s*$", between, re.I) else ""
    return f"SELECT {' '.join(keys)} {where}{_uncounted_left_out(text, found.where)}"


def _uncounted_left_out(text: str, where: tuple[int, int]) -> str:
    """From the WHERE group of ``text`` (at ``where``) on, without the OPTIONALs
    and the groups at its top that open with ``#@uncounted``."""
    tokens = [t for t in _tokens(text) if t.kind != "space"]
    cuts = []
    for index, token in enumerate(tokens[:-2]):
        opening, mark = tokens[index + 1], tokens[index + 2]
        if not (token.depth == 1 and where[0] < token.start < where[1]):
            continue
        if (
            token.is_word("OPTIONAL")
            and opening.text == "{"
            and _is_marker(mark, UNCOUNTED_MARKER)
        ):
            cuts.append((token.start, tokens[_closing(tokens, index + 1)].end))
        elif (
            token.text == "{"
            and token.kind == "other"
            and not tokens[index - 1].is_word("OPTIONAL")
            and _is_marker(opening, UNCOUNTED_MARKER)
        ):
            cuts.append((token.start, tokens[_closing(tokens, index)].end))
    for start, end in reversed(cuts):
        text = text[:start] + text[end:]
    return text[where[0] :]


def nested(text: str) -> tuple[str, str, str]:
    """The SELECT query ``text`` made ready to be a subquery of another: its
    prologue, its dataset clause (a subquery has none: the outer query takes
    it) and the rest, the subquery, with a ``#@values`` marker at the start of
    its WHERE group when it has none, so that its parameters are bound there,
    and without its ``#@page`` markers (its rows are not paged in its order).
    """
    found = layout(text)
    if found.form != "SELECT":
        raise QueryError(
            f"only the rows of a SELECT query are counted or fed, not {found.form}"
        )
    if PAGE_MARKER in text:
        text = _unmarked_pages(text)
        found = layout(text)
    assert found.where is not None
    where_start = found.where[0]
    start, end = found.dataset
    dataset = text[start:end].strip()
    body = text[where_start:]
    if _MARKER not in text:
        body = "{ " + _MARKER + "\n" + body[1:]
    projection = text[found.form_at : start].rstrip()
    between = text[end:where_start]  # the WHERE keyword, if any
    inner = f"{projection} {between.strip() or 'WHERE'} {body}".rstrip()
    return text[: found.form_at], dataset, inner


def projected(text: str) -> list[str]:
    """The names of the columns the SELECT query ``text`` projects, in order.

    Example:
        >>> projected("SELECT DISTINCT ?a (COUNT(?b) AS ?n) WHERE { ?a ?p ?b }")
        ['a', 'n']
    """
    found = layout(text)
    if found.form != "SELECT":
        raise QueryError(f"a {found.form} query has no columns, only a SELECT")
    tokens = _tokens(text[found.form_at : found.dataset[0]])
    names, after_as = [], False
    for token in tokens[1:]:
        if token.text == "*" and token.depth == 0:
            raise QueryError(
                "the query projects every variable (SELECT *): name its columns "
                "(SELECT ?a ?b ...) so they are known before it runs"
            )
        if token.kind == "var" and (token.depth == 0 or after_as):
            names.append(token.text[1:])
        if token.kind != "space":
            after_as = token.is_word("AS") and token.depth == 1
    return names


def with_dataset(text: str, clause: str) -> str:
    """``text`` with ``clause`` (``FROM <...>``) where its dataset clause goes."""
    found = layout(text)
    at = found.dataset[1]
    return f"{text[:at].rstrip()} {clause} {text[at:].lstrip()}"


__all__ = [
    "COUNT_VARIABLE",
    "FORMS",
    "PAGE_MARKER",
    "UNCOUNTED_MARKER",
    "Layout",
    "checked_count",
    "counted",
    "layout",
    "nested",
    "order_keys",
    "paged",
    "projected",
    "with_dataset",
]
