"""The web pages of ``diplograph serve``, asked over HTTP from the real server
on a free port, over a store of the articles in ``tests/data/pages`` (written
for these tests): the Arctic Fisheries Accord of Norway, Iceland and Denmark,
signed, ratified by Iceland and due in force, told by two articles that
disagree on the signing date (one of them with markup in its title); a
South Korea-Japan GSOMIA (2016) and a South Korea-Poland treaty (2018)."""

from __future__ import annotations

import html
import http.client
import re
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from markupsafe import escape
from served import Server, start_server, stop_server

from diplograph.cli import main
from diplograph.queries import VOCABULARIES, saved_queries
from diplograph.web.pages import PAGE_FIELDS

PAGES = Path(__file__).resolve().parent / "data" / "pages"
HOSTILE = '<script>alert("x")</script>'
RATIFIED_URL = "https://example.org/news/2019/09/13/iceland-ratifies-arctic-accord"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    store = tmp_path_factory.mktemp("pages") / "store"
    assert main(["load", str(PAGES), "--store", str(store), "--quiet"]) == 0
    started = start_server(store)
    yield started
    stop_server(started)


def page(server: Server, path: str, status: int = 200) -> str:
    """The HTML of ``path`` (redirects followed), checked for status and type."""
    got, headers, body = server.get(path)
    assert got == status, body.decode()[:2000]
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert "default-src 'none'" in headers["content-security-policy"]
    text = body.decode()
    assert "Traceback" not in text
    return text


def location(server: Server, path: str) -> tuple[int, str]:
    """The status and Location of a redirect, not followed."""
    connection = http.client.HTTPConnection(server.base.removeprefix("http://"))
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.getheader("Location") or ""
    finally:
        connection.close()


def links(text: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(r'href="([^"]*)"', text)]


def agreement_path(server: Server, name: str) -> str:
    status, where = location(
        server, "/agreement?" + urllib.parse.urlencode({"ref": name})
    )
    assert status == 303 and re.fullmatch(r"/agreement/[0-9a-f]{32}", where), where
    return where


# -- the query page ------------------------------------------------------------


def test_the_query_page_lists_every_saved_query(server: Server) -> None:
    text = page(server, "/")
    for query in saved_queries().values():
        assert f'href="/?query={query.name}"' in text
        assert str(escape(query.summary)) in text
    assert '<textarea name="sparql"' in text  # the editor
    assert "PREFIX dg: &lt;https://w3id.org/diplograph/ontology#&gt;" in text
    assert '<script src="/static/editor.js" defer></script>' in text


def test_a_saved_query_is_a_form_of_its_parameters(server: Server) -> None:
    text = page(server, "/?query=agreements")
    assert 'action="/" id="saved"' in text and 'method="get"' in text
    kinds = re.search(r'<select name="kind">(.*?)</select>', text, re.S)
    assert kinds is not None
    options = re.findall(r"<option[^>]*>([^<]*)</option>", kinds.group(1))
    assert options == ["(any)", *VOCABULARIES["kind"]]
    assert re.search(r'<input name="from" type="text" value="" placeholder="2014"'
                     r'[^>]*pattern=', text)  # fmt: skip
    # a required parameter comes filled with the header's example: one click runs it
    required = page(server, "/?query=partners-of")
    assert re.search(
        r'<input name="country" type="text" value="USA"[^>]*required', required
    )


def test_a_page_field_is_no_saved_querys_parameter() -> None:
    for query in saved_queries().values():
        assert not {p.name for p in query.parameters} & PAGE_FIELDS, query.name


def test_rows_link_to_the_pages_of_agreements_and_countries(server: Server) -> None:
    text = page(server, "/?query=agreements-of&country=KOR&run=1")
    assert "Rows 1–2 of 2" in text
    # the sources, a list, each a link out named by its site
    assert (
        '<a class="out" href="https://example.org/wire/2016/11/24/korea-japan-' in text
    )
    assert ">example.org</a>" in text
    gsomia = agreement_path(server, "GSOMIA")
    assert (
        f'<a href="{gsomia}">General Security of Military Information Agreement</a>'
        in text
    )
    assert "treaty between South Korea and Poland" in text
    partners = page(server, "/?query=partners-of&country=Iceland&run=1")
    assert '<a href="/country/NOR">Norway</a>' in partners
    assert '<a href="/country/DNK">Denmark</a>' in partners


def test_rows_are_paged(server: Server) -> None:
    first = page(server, "/?query=agreements&run=1&limit=2")
    assert "Rows 1–2 of 3" in first
    [following] = [h for h in links(first) if "offset=2" in h]
    second = page(server, following)
    assert "Rows 3–3 of 3" in second and 'rel="next"' not in second
    [back] = [h for h in links(second) if "offset=0" in h]
    assert "Rows 1–2 of 3" in page(server, back)


def test_the_sparql_editor_runs_a_query_with_the_prefixes(server: Server) -> None:
    query = "SELECT ?agreement ?label WHERE { ?agreement a dg:Agreement ; rdfs:label ?label } ORDER BY ?label"  # noqa: E501
    text = page(server, "/?" + urllib.parse.urlencode({"sparql": query}))
    assert "3 results" in text
    assert (
        f'<a href="{agreement_path(server, "AFA")}">Arctic Fisheries Accord</a>' in text
    )
    assert str(escape(query)) in text  # the query stays in the editor
    asked = page(
        server, "/?sparql=" + urllib.parse.quote("ASK { ?a dg:party country:KOR }")
    )
    assert "<strong>true</strong>" in asked


# -- an agreement --------------------------------------------------------------


def test_an_agreement_page_shows_what_the_articles_say(server: Server) -> None:
    path = agreement_path(server, "Arctic Fisheries Accord")
    text = page(server, path)
    assert "<h1>Arctic Fisheries Accord</h1>" in text
    assert "<dt>Aliases</dt><dd>AFA</dd>" in text
    assert "<dt>Kind</dt><dd>accord</dd>" in text
    for code, name in (("DNK", "Denmark"), ("ISL", "Iceland"), ("NOR", "Norway")):
        assert f'<a href="/country/{code}">{name}</a>' in text
    # per-party status: Iceland ratified, the others signed
    assert re.search(
        r'<a href="/country/ISL">Iceland</a></td>\s*<td><span class="step '
        r'step-ratified">ratified</span></td>\s*<td>2019-09-12',
        text,
    )
    # the lifecycle, its picture at the plot route, a scheduled step marked
    iri = "https://w3id.org/diplograph/id" + path
    assert (
        f'src="/plot/timeline.svg?agreement={urllib.parse.quote(iri, safe="")}"' in text
    )
    assert "entry into force <em>(scheduled)</em>" in text
    # each fact with its sentence and a link to its article
    assert (
        "<blockquote>Norway and Iceland had signed the Arctic Fisheries Accord on "
        in text
    )
    articles = {h for h in links(text) if h.startswith("/article/")}
    assert len(articles) == 2
    assert f'href="{RATIFIED_URL}"' in text
    # the conflicting signing dates, highlighted, the markup of a title escaped
    assert '<section class="conflicts">' in text
    assert (
        "<strong>2019-02-28</strong>" in text and "<strong>2019-03-03</strong>" in text
    )
    assert text.count('class="source disputed"') == 2
    assert str(escape(HOSTILE)) in text and HOSTILE not in text
    assert "<dt>Inferred classes</dt><dd>none" in text


def test_every_link_of_an_agreement_page_leads_to_a_page(server: Server) -> None:
    text = page(server, agreement_path(server, "AFA"))
    inside = {
        h for h in links(text) if h.startswith("/") and not h.startswith("/plot/")
    }
    assert {"/country/ISL", "/static/style.css", "/sparql"} <= inside
    for href in sorted(inside - {"/sparql", "/api/queries", "/api/openapi.json"}):
        assert server.get(href)[0] == 200, href


def test_a_name_of_an_agreement_redirects_to_its_page(server: Server) -> None:
    path = agreement_path(server, "afa")  # case does not matter
    assert agreement_path(server, "the Arctic Fisheries Accord") == path
    assert agreement_path(server, "https://w3id.org/diplograph/id" + path) == path


# -- a country, an article, the search -----------------------------------------


def test_a_country_page_shows_its_agreements_by_year_and_partners(
    server: Server,
) -> None:
    text = page(server, "/country/KOR")
    assert '<h1>South Korea <span class="code">KOR</span></h1>' in text
    years = re.findall(r'<th scope="row">(\w+)</th>', text)
    assert years == ["2016", "2018"]
    assert f'<a href="{agreement_path(server, "GSOMIA")}">General Security' in text
    assert '<a href="/country/JPN">Japan</a>' in text
    assert '<a href="/country/POL">Poland</a>' in text
    assert 'src="/plot/network.svg?country=KOR"' in text
    assert location(server, "/country/kor") == (301, "/country/KOR")
    assert location(server, "/country?ref=South%20Korea") == (303, "/country/KOR")


def test_an_article_page_shows_its_sentences_and_links_out(server: Server) -> None:
    agreement = page(server, agreement_path(server, "AFA"))
    ratified = next(
        h for h in links(agreement)
        if h.startswith("/article/") and "Iceland ratified" in page(server, h)
    )  # fmt: skip
    text = page(server, ratified)
    assert f"<h1>Iceland ratifies Arctic accord {str(escape(HOSTILE))}" in text
    assert f'<a class="out" href="{RATIFIED_URL}"' in text
    assert "Example News" in text and "2019-09-13" in text
    assert "<blockquote>REYKJAVIK, Sept. 13 (Example News) -- Iceland ratified" in text
    assert (
        f'<a href="{agreement_path(server, "AFA")}">Arctic Fisheries Accord</a>' in text
    )


@pytest.mark.parametrize(
    ("words", "found"),
    [("arctic", "Arctic Fisheries Accord"), ("G.S.O.M.I.A.", "General Security"),
     ("Poland", "treaty between South Korea and Poland"),
     ("catch limits", "Arctic Fisheries Accord")],
)  # fmt: skip
def test_the_search_finds_agreements_by_any_name(
    server: Server, words: str, found: str
) -> None:
    text = page(server, "/search?" + urllib.parse.urlencode({"q": words}))
    assert "1 agreement matches" in text
    assert re.search(rf'<a href="/agreement/[0-9a-f]{{32}}">{found}', text)
    assert f'value="{escape(words)}"' in text  # kept in the box
    assert page(server, "/search").count('name="q"') == 2  # the header's and its own


# -- what is not right ---------------------------------------------------------


LONG = "x" * 5000


@pytest.mark.parametrize(
    ("path", "status", "said"),
    [
        ("/agreement/" + urllib.parse.quote(HOSTILE), 400,
         "is not an agreement&#39;s key"),
        ("/agreement/" + "0" * 32, 404, "no agreement &lt;https://w3id.org/"),
        ("/agreement?ref=" + urllib.parse.quote(HOSTILE), 404, "no agreement named"),
        ("/agreement?ref=" + LONG, 400, "5000 characters long"),
        ("/agreement", 400, "give the agreement to show"),
        ("/country/" + urllib.parse.quote(HOSTILE), 400,
         "is not a country or organization code"),
        ("/country/QQQQ", 404, "is not a known country"),
        ("/country?ref=" + LONG, 400, "5000 characters long"),
        ("/article/" + urllib.parse.quote(HOSTILE), 400, "is not an article&#39;s key"),
        ("/article/" + "f" * 32, 404, "no article &lt;https://w3id.org/"),
        ("/search?q=" + LONG, 400, "at most 500"),
        ("/search?q=%2B%2B%2B", 400, "no letter or digit"),
        ("/?query=" + urllib.parse.quote(HOSTILE), 404, "no saved query"),
        ("/?query=agreements-of&run=1&country=" + urllib.parse.quote(HOSTILE), 400,
         "is not a known country"),
        ("/?query=agreements&run=1&from=2014-02-30", 400, "a real one"),
        ("/?query=agreements&run=1&limit=" + urllib.parse.quote(HOSTILE), 400,
         "limit must be a whole number"),
        ("/?query=agreements&run=1&limit=0", 400, "limit must be 1 to"),
        ("/?query=agreements&query=lifecycle", 400, "given twice"),
        ("/?sparql=DELETE%20WHERE%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D", 403, "read-only"),
        ("/?sparql=" + urllib.parse.quote("SELECT " + HOSTILE), 400, ""),
    ],
)  # fmt: skip
def test_what_is_not_right_is_a_page_saying_why(
    server: Server, path: str, status: int, said: str
) -> None:
    text = page(server, path, status)
    assert said in text
    assert "<script>alert" not in text
    assert re.search(r'<div class="error" role="alert"><strong>\d{3}</strong>', text)


def test_the_static_files_are_served_and_nothing_beside_them(server: Server) -> None:
    status, headers, body = server.get("/static/style.css")
    assert status == 200 and headers["content-type"].startswith("text/css")
    assert b"http" not in body  # nothing fetched from elsewhere
    status, headers, _ = server.get("/static/editor.js")
    assert status == 200 and "javascript" in headers["content-type"]
    assert server.get("/static/../pages.py")[0] == 404
    assert server.get("/static/%2e%2e/pages.py")[0] == 404


def test_an_address_that_is_no_page_is_a_404_page_for_a_browser(server: Server) -> None:
    status, headers, body = server.get("/nowhere/" + urllib.parse.quote(HOSTILE),
                                       headers={"Accept": "text/html"})  # fmt: skip
    assert status == 404 and headers["content-type"].startswith("text/html")
    assert b"there is no page at /nowhere/&lt;script&gt;" in body
    status, headers, body = server.get("/nowhere")  # a program: plain text
    assert (status, body) == (404, b"Not Found\n")
