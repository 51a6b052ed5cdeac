"""``diplograph serve``: the real server, started on a free port of 127.0.0.1 over
a store of the bundled examples, asked over HTTP as the tools that use it do
(SPARQLWrapper, a browser's fetch, a REST client)."""

from __future__ import annotations

import csv
import http.client
import io
import json
import os
import re
import signal
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph
from served import Server, start_server, stop_server
from SPARQLWrapper import JSON, XML, SPARQLWrapper
from support import EXAMPLES

from diplograph.cli import build_parser, main
from diplograph.queries import saved_queries

AGREEMENTS = (
    "SELECT ?a ?label WHERE { ?a a dg:Agreement ; rdfs:label ?label } ORDER BY ?a"
)
ALL_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("serve") / "store"
    assert main(["load", str(EXAMPLES), "--store", str(folder), "--quiet"]) == 0
    return folder


@pytest.fixture(scope="module")
def server(store: Path) -> Iterator[Server]:
    started = start_server(store)
    yield started
    stop_server(started)


def _bindings(body: bytes) -> list[dict[str, str]]:
    return [
        {k: v["value"] for k, v in b.items()}
        for b in json.loads(body)["results"]["bindings"]
    ]


# -- /sparql -------------------------------------------------------------------


def test_select_through_sparqlwrapper(server: Server) -> None:
    client = SPARQLWrapper(server.base + "/sparql")
    client.setQuery(AGREEMENTS)  # no PREFIX: the project's are predeclared
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]  # type: ignore[index]
    labels = {row["label"]["value"] for row in rows}
    assert "Convention on Cluster Munitions" in labels and len(rows) == 4
    client.setReturnFormat(XML)
    document = client.query().convert()
    assert len(document.getElementsByTagName("result")) == 4  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        ("", "application/sparql-results+json"),
        ("*/*", "application/sparql-results+json"),
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("text/csv;q=0.5, application/sparql-results+xml",
         "application/sparql-results+xml"),
    ],
)  # fmt: skip
def test_select_results_by_content_negotiation(
    server: Server, accept: str, media: str
) -> None:
    status, headers, body = server.sparql(AGREEMENTS, accept)
    assert status == 200
    assert headers["content-type"].split(";")[0] == media
    text = body.decode("utf-8")
    if media.endswith("json"):
        labels = [row["label"] for row in _bindings(body)]
    elif media.endswith("xml"):
        ns = "{http://www.w3.org/2005/sparql-results#}"
        root = ET.fromstring(body)
        labels = [
            b.find(f"{ns}literal").text  # type: ignore[union-attr]
            for b in root.iter(f"{ns}binding")
            if b.get("name") == "label"
        ]
    elif media == "text/csv":
        rows = list(csv.reader(io.StringIO(text)))
        assert rows[0] == ["a", "label"] and text.endswith("\r\n")
        labels = [row[1] for row in rows[1:]]
    else:
        lines = text.splitlines()
        assert lines[0] == "?a\t?label"
        assert lines[1].startswith("<https://w3id.org/diplograph/id/agreement/")
        labels = [json.loads(line.split("\t")[1]) for line in lines[1:]]
    assert len(labels) == 4 and "Convention on Cluster Munitions" in labels


def test_post_form_and_sparql_query_bodies(server: Server) -> None:
    form = urllib.parse.urlencode({"query": AGREEMENTS}).encode()
    status, _, body = server.get(
        "/sparql", data=form,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )  # fmt: skip
    assert status == 200 and len(_bindings(body)) == 4
    status, _, body = server.get(
        "/sparql", data=AGREEMENTS.encode(),
        headers={"Content-Type": "application/sparql-query"},
    )  # fmt: skip
    assert status == 200 and len(_bindings(body)) == 4


def test_ask_and_graphs(server: Server) -> None:
    status, headers, body = server.sparql("ASK { ?a a dg:Agreement }")
    assert status == 200 and json.loads(body)["boolean"] is True
    status, _, body = server.sparql("ASK { ?a a dg:Agreement }", "text/csv")
    assert body.decode().split() == ["_askResult", "true"]
    construct = "CONSTRUCT WHERE { ?a a dg:Agreement ; rdfs:label ?l }"
    for accept, fmt in [("", "turtle"), ("text/turtle", "turtle"),
                        ("application/n-triples", "nt"),
                        ("application/ld+json", "json-ld")]:  # fmt: skip
        status, headers, body = server.sparql(construct, accept)
        assert status == 200, body
        assert headers["content-type"].split(";")[0] == (
            {"turtle": "text/turtle", "nt": "application/n-triples",
             "json-ld": "application/ld+json"}[fmt]
        )  # fmt: skip
        assert (
            len(Graph().parse(data=body, format=fmt)) == 2 * 4
        )  # a type and a label for each agreement
    status, _, body = server.sparql(construct, "text/csv")
    assert status == 406 and b"text/turtle" in body


@pytest.mark.parametrize(
    ("path", "status", "said"),
    [
        ("/sparql", 400, b"give one query"),
        ("/sparql?query=SELEKT%20*", 400, b"not a SPARQL query"),
        (
            "/sparql?query=SELECT%20*%20WHERE%20%7B%20%3Fs%20%3Fp%20",
            400,
            b"never closed",
        ),
        (
            "/sparql?query=SELECT%20*%20WHERE%20%7B%20%3Fs%20%3Fp%20%7D",
            400,
            b"not valid SPARQL",
        ),
        ("/sparql?query=ASK%7B%7D&default-graph-uri=http://x", 400, b"FROM"),
    ],
)
def test_bad_requests_say_why(
    server: Server, path: str, status: int, said: bytes
) -> None:
    found, _, body = server.get(path)
    assert found == status and said in body


def _count(server: Server) -> int:
    status, _, body = server.sparql(ALL_QUADS)
    assert status == 200
    return int(_bindings(body)[0]["n"])


def test_updates_are_refused_and_change_nothing(server: Server) -> None:
    before = _count(server)
    insert = "INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> <urn:c> } }"
    attempts = [
        ("/sparql", urllib.parse.urlencode({"update": insert}).encode(),
         "application/x-www-form-urlencoded"),
        ("/sparql", insert.encode(), "application/sparql-update"),
        ("/sparql", urllib.parse.urlencode({"query": insert}).encode(),
         "application/x-www-form-urlencoded"),
        ("/sparql", b"PREFIX x: <urn:x>\nDROP ALL", "application/sparql-query"),
        ("/sparql?" + urllib.parse.urlencode({"update": "CLEAR ALL"}), None, ""),
        ("/sparql?" + urllib.parse.urlencode({"query": "DELETE WHERE {?s ?p ?o}"}),
         None, ""),
    ]  # fmt: skip
    for path, data, kind in attempts:
        headers = {"Content-Type": kind} if kind else {}
        status, _, body = server.get(path, data=data, headers=headers)
        assert status == 403, (path, data, body)
        assert b"read-only" in body
    client = SPARQLWrapper(server.base + "/sparql")
    client.setMethod("POST")
    client.setQuery(insert)
    with pytest.raises(Exception, match="403"):
        client.query()
    assert _count(server) == before > 0


def test_what_a_load_writes_meanwhile_is_served(tmp_path: Path) -> None:
    folder, articles = tmp_path / "store", sorted(EXAMPLES.glob("*.txt"))
    assert main(["load", str(articles[0]), "--store", str(folder), "--quiet"]) == 0
    served = start_server(folder)
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?a a dg:Article }"
    try:
        assert _bindings(served.sparql(count)[2]) == [{"n": "1"}]
        assert main(["load", str(articles[1]), "--store", str(folder), "--quiet"]) == 0
        time.sleep(1.1)  # the server looks at the folder at most once a second
        assert _bindings(served.sparql(count)[2]) == [{"n": "2"}]
        status, headers, _ = served.get("/api/queries/agreements")
        assert status == 200 and headers["x-total-count"] == "2"
    finally:
        stop_server(served)


def test_a_port_in_use_is_an_error_that_says_so(
    server: Server, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    port = server.base.rsplit(":", 1)[1]
    assert main(["serve", "--store", str(store), "--port", port]) == 2
    assert "another program uses that port" in capsys.readouterr().err


def test_ctrl_c_stops_the_server_as_it_stops_any_command(store: Path) -> None:
    served = start_server(store)
    served.process.send_signal(signal.SIGINT)
    _, err = served.process.communicate(timeout=10)
    assert served.process.returncode == 130  # ExitStatus.INTERRUPTED
    assert "diplograph: interrupted" in err.decode() and "Traceback" not in err.decode()


def test_answers_wait_for_no_delayed_ack(server: Server) -> None:
    """Nagle's algorithm is off: a small answer takes a millisecond, not the
    40 ms of a delayed ACK between its headers and its body."""
    host, port = server.base.rsplit("/", 1)[1].split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    path = "/sparql?" + urllib.parse.urlencode({"query": "ASK { ?a a dg:Agreement }"})
    times = []
    try:
        for _ in range(12):  # one kept-alive connection, as clients keep them
            started = time.monotonic()
            connection.request("GET", path)
            response = connection.getresponse()
            assert response.status == 200 and response.read()
            times.append(time.monotonic() - started)
    finally:
        connection.close()
    assert sorted(times[2:])[5] < 0.02, times


def test_default_host_is_loopback() -> None:
    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port) == ("127.0.0.1", 7878)


def test_serve_refuses_a_folder_without_a_store(tmp_path: Path) -> None:
    assert main(["serve", "--store", str(tmp_path / "none"), "--port", "1"]) == 2


# -- limits --------------------------------------------------------------------


def test_the_row_limit_is_stated(server: Server, store: Path) -> None:
    status, headers, _ = server.sparql(AGREEMENTS)
    assert headers["x-diplograph-row-limit"] == "10000"
    assert headers["x-diplograph-truncated"] == "false"
    limited = start_server(store, "--row-limit", "3", "--time-limit", "0.5")
    try:
        status, headers, body = limited.sparql(AGREEMENTS)
        assert status == 200 and len(_bindings(body)) == 3
        assert headers["x-diplograph-row-limit"] == "3"
        assert headers["x-diplograph-truncated"] == "true"
        status, headers, body = limited.sparql(AGREEMENTS + " LIMIT 3")
        assert (
            len(_bindings(body)) == 3 and headers["x-diplograph-truncated"] == "false"
        )
        status, _, body = limited.get("/api/queries/agreements?limit=4")
        assert status == 400 and b"row limit of 3" in body
    finally:
        stop_server(limited)


def test_a_query_over_the_time_limit_is_stopped(store: Path) -> None:
    limited = start_server(store, "--time-limit", "0.5", "--row-limit", "100000000")
    try:
        started = time.monotonic()
        status, _, body = limited.sparql(
            "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
        )
        assert status == 503 and b"time limit of 0.5 s" in body
        assert time.monotonic() - started < 5
        # the query stopped: the server answers at once, and uses no processor
        started = time.monotonic()
        status, _, _ = limited.sparql("ASK { ?a a dg:Agreement }")
        assert status == 200 and time.monotonic() - started < 1
        time.sleep(0.2)
        busy = _cpu_seconds(limited.process.pid)
        time.sleep(0.5)
        assert _cpu_seconds(limited.process.pid) - busy < 0.2
    finally:
        stop_server(limited)


def _cpu_seconds(pid: int) -> float:
    """The processor time a process has used so far (Linux's /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# -- /api/queries ----------------------------------------------------------------


def test_saved_queries_are_listed(server: Server) -> None:
    status, headers, body = server.get("/api/queries")
    assert status == 200 and headers["content-type"] == "application/json"
    listed = {q["name"]: q for q in json.loads(body)}
    assert set(listed) == set(saved_queries())
    of = listed["agreements-of"]
    assert of["summary"] and of["path"] == "/api/queries/agreements-of"
    assert of["feed"] == "/api/queries/agreements-of.atom"
    assert of["parameters"][0] | {"default": None} == {
        "name": "country", "type": "iri", "required": True, "default": None
    }  # fmt: skip


def test_a_saved_query_gives_the_rows_run_query_gives(
    server: Server, store: Path
) -> None:
    from diplograph.queries import run_query
    from diplograph.store import open_store

    status, headers, body = server.get("/api/queries/agreements-of?country=Japan")
    assert status == 200 and headers["x-total-count"] == "1"
    reader = open_store(str(store), read_only=True)
    try:
        expected = run_query(reader, "agreements-of", country="Japan", limit=50)
    finally:
        reader.close()
    assert json.loads(body) == expected and expected


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ("country=Nroth%20Korea", b"did you mean North Korea (PRK)"),
        (
            "country=" + urllib.parse.quote("PRK> } ; DROP ALL ; #"),
            b"not a known country",
        ),
        ("nation=PRK", b"has no parameter 'nation'"),
        ("", b"needs --param country=VALUE"),
        ("country=PRK&country=KOR", b"given twice"),
        ("country=" + "A" * 600, b"at most 500"),
        ("country=PRK&limit=-1", b"whole number"),
        ("country=PRK&offset=x", b"whole number"),
    ],
)
def test_a_hostile_parameter_is_refused_with_the_cli_message(
    server: Server, query: str, said: bytes
) -> None:
    status, _, body = server.get("/api/queries/agreements-concerning?" + query)
    assert status == 400 and said in body, body


def test_other_checks_are_the_clis(server: Server) -> None:
    status, _, body = server.get("/api/queries/signed-between?from=2014-02-30")
    assert status == 400 and b"a real one" in body
    status, _, body = server.get("/api/queries/agreements?kind=%3Cscript%3E")
    assert status == 400 and b"is not a known kind" in body


@pytest.mark.parametrize(
    "name", ["nonesuch", "..%2Fqueries%2Fagreements.rq", "agreements.rq"]
)
def test_an_unknown_query_is_404(server: Server, name: str) -> None:
    status, _, body = server.get(f"/api/queries/{name}")
    assert status == 404


def _links(header: str) -> dict[str, str]:
    return {rel: url for url, rel in re.findall(r'<([^>]*)>;\s*rel="(\w+)"', header)}


def test_pages_follow_link_headers_and_make_the_whole_listing(server: Server) -> None:
    status, headers, body = server.get("/api/queries/agreements")
    whole = json.loads(body)
    assert status == 200 and len(whole) == 4 == int(headers["x-total-count"])
    assert "link" not in headers  # one page holds them all
    pages, url, seen = [], "/api/queries/agreements?limit=1", []
    while url:
        status, headers, body = server.get(url)
        assert status == 200 and headers["x-total-count"] == "4"
        pages.append(json.loads(body))
        links = _links(headers.get("link", ""))
        assert ("prev" in links) == (len(pages) > 1)
        seen.append(links)
        url = links.get("next", "")
    assert [len(p) for p in pages] == [1, 1, 1, 1]
    assert [row for page in pages for row in page] == whole
    status, _, body = server.get(seen[2]["prev"])
    assert json.loads(body) == pages[1]
    status, headers, body = server.get("/api/queries/agreements?offset=9")
    assert json.loads(body) == [] and headers["x-total-count"] == "4"


def test_openapi_describes_every_saved_query(server: Server) -> None:
    status, headers, body = server.get("/api/openapi.json")
    assert status == 200 and headers["content-type"] == "application/json"
    document = json.loads(body)
    assert document["openapi"].startswith("3.")
    queries = saved_queries()
    feeds = {f"/api/queries/{name}.atom" for name, q in queries.items() if q.has_feed}
    assert set(document["paths"]) == {f"/api/queries/{n}" for n in queries} | feeds
    assert "/api/queries/agreements-concerning.atom" in feeds
    assert "/api/queries/agreements-per-year.atom" not in feeds  # counts: no feed
    for name, query in queries.items():
        operation = document["paths"][f"/api/queries/{name}"]["get"]
        assert (
            operation["summary"] == query.summary and operation["operationId"] == name
        )
        declared = {p["name"]: p for p in operation["parameters"]}
        for parameter in query.parameters:
            assert declared[parameter.name]["required"] == parameter.required
    agreements = document["paths"]["/api/queries/agreements"]["get"]
    kinds = {p["name"]: p for p in agreements["parameters"]}["kind"]["schema"]["enum"]
    assert "memorandum_of_understanding" in kinds
