"""Lists that scale, and every query form: --limit/--offset and their totals,
ASK, CONSTRUCT and DESCRIBE, the output formats, the Python rows' lists, the
grlc headers as YAML, and the queries over what `diplograph reason` infers.

Paging runs on every backend (the query library's corpus, loaded once per
backend); a page is taken by the store, after the query's own ORDER BY.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shlex
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from rdflib import RDF, Graph, URIRef
from support import EXAMPLES
from test_queries import ARTICLE_1, ARTICLE_2, ID, loaded, rows  # noqa: F401
from test_query_library import (  # noqa: F401
    PHA,
    SIM,
    VALID,
    WARSAW,
    Library,
    library,
)

from diplograph.cli import main
from diplograph.cli.commands import query as query_command
from diplograph.errors import QueryError
from diplograph.iri import INFERRED_GRAPH
from diplograph.loader import ensure_ontology
from diplograph.namespaces import DG
from diplograph.queries import (
    bind_parameters,
    count_rows,
    parse_header,
    parse_query,
    run_query,
    saved_queries,
    select_rows,
    total_rows,
    with_prefixes,
)
from diplograph.sparql.layout import counted, layout, paged
from diplograph.store import Store

ROOT = Path(__file__).resolve().parents[1]
# the queries over what `reason` infers: tested below on a store of their own
REASONED = {"agreements-by-class", "signatories"}
PAGED = sorted(set(saved_queries()) - REASONED)


def required(name: str) -> dict[str, str]:
    """Good values for the query's required parameters."""
    return {p.name: VALID[p.name] for p in saved_queries()[name].parameters if p.required}


# ---------------------------------------------------------------------------
# Paging in Python
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", PAGED)
def test_pages_put_together_are_the_whole_listing(library: Library, name: str) -> None:
    params = required(name)
    whole = run_query(library.store, name, **params)
    assert count_rows(library.store, name, **params) == len(whole)
    for size in (1, 2, 3):
        pages = [
            run_query(library.store, name, limit=size, offset=start, **params)
            for start in range(0, len(whole) + size, size)
        ]
        assert all(len(page) <= size for page in pages)
        assert [row for page in pages for row in page] == whole, size
    assert run_query(library.store, name, limit=0, **params) == []
    assert run_query(library.store, name, offset=len(whole), **params) == []


def test_a_page_of_agreements(library: Library) -> None:
    everything = run_query(library.store, "agreements")
    assert len(everything) == 8 == count_rows(library.store, "agreements")
    assert run_query(library.store, "agreements", limit=3, offset=2) == everything[2:5]
    assert run_query(library.store, "agreements", offset=6) == everything[6:]
    # filters narrow the count too
    assert count_rows(library.store, "agreements", party="KOR") == 3
    assert count_rows(library.store, "agreements", kind="pact") == 0


@pytest.mark.parametrize(
    "options", [{"limit": -1}, {"offset": -3}, {"limit": "5"}, {"limit": 2.5},
                {"offset": True}, {"limit": "1; DROP ALL"}],
)  # fmt: skip
def test_limit_and_offset_are_whole_numbers(
    library: Library, options: dict[str, Any]
) -> None:
    with pytest.raises(QueryError, match="must be a whole number 0 or more"):
        run_query(library.store, "agreements", **options)


# ---------------------------------------------------------------------------
# Paging on the command line
# ---------------------------------------------------------------------------


def cli(library: Library, *argv: str) -> list[str]:
    return ["query", *argv, "--store", library.store.location]


def test_cli_pages_say_how_many_rows_there_are(
    library: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    everything = run_query(library.store, "agreements")
    assert main(cli(library, "agreements", "--limit", "3", "--offset", "3",
                    "--format", "csv")) == 0  # fmt: skip
    out, err = capsys.readouterr()
    page = list(csv.DictReader(io.StringIO(out)))
    assert [row["agreement"] for row in page] == [
        row["agreement"] for row in everything[3:6]
    ]
    assert "rows 4-6 of 8 (--offset 6 for the next 2)" in err
    # a table says it in its last line
    assert main(cli(library, "agreements", "--limit", "5")) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "rows 1-5 of 8 (--offset 5 for the next 3)"
    assert len(lines) == 2 + 5 + 1
    assert main(cli(library, "agreements", "--offset", "5")) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "rows 6-8 of 8"
    assert main(cli(library, "agreements", "--offset", "20")) == 0
    assert capsys.readouterr().out == "(no rows from row 21: there are 8)\n"
    assert main(cli(library, "agreements", "--limit", "0")) == 0
    assert capsys.readouterr().out == "rows: 8 (none shown: --limit 0)\n"
    # everything on one page: the plain count, as without paging
    assert main(cli(library, "agreements", "--limit", "50")) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "(8 rows)"


@pytest.mark.parametrize(
    "option, value", [("--limit", "-1"), ("--offset", "-1"), ("--limit", "ten"),
                      ("--offset", "2.5"), ("--limit", "")],
)  # fmt: skip
def test_cli_bad_limit_exits_2_with_a_message(
    library: Library, option: str, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(cli(library, "agreements", option, value))
    assert exit_info.value.code == 2
    assert f"argument {option}: must be a whole number 0 or more" in (
        capsys.readouterr().err
    )


def test_a_table_on_a_terminal_shows_a_page(
    library: Library, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(query_command, "_on_terminal", lambda: True)
    monkeypatch.setattr(query_command, "TABLE_PAGE", 3)
    assert main(cli(library, "agreements")) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 + 3 + 1
    assert lines[-1] == (
        "rows 1-3 of 8 (a table on a terminal shows 3 at a time: --offset 3 for "
        "the next ones, --all for every row)"
    )
    assert main(cli(library, "agreements", "--all")) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "(8 rows)"
    # csv on a terminal, or a table into a pipe: every row
    assert main(cli(library, "agreements", "--format", "csv")) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1 + 8
    monkeypatch.setattr(query_command, "_on_terminal", lambda: False)
    assert main(cli(library, "agreements")) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "(8 rows)"


# ---------------------------------------------------------------------------
# Query forms and formats
# ---------------------------------------------------------------------------


def stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


def test_ask_prints_true_or_false_and_exits_0_or_1(
    library: Library, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin(monkeypatch, "ASK { ?a a dg:Treaty ; dg:party country:KOR }")
    assert main(cli(library, "-")) == 0
    assert capsys.readouterr().out == "true\n"
    stdin(monkeypatch, "ASK { ?a a dg:Treaty ; dg:party country:PRK }")
    assert main(cli(library, "-")) == 1
    assert capsys.readouterr().out == "false\n"
    stdin(monkeypatch, "ASK WHERE { ?a dg:party country:KOR }")
    assert main(cli(library, "-", "--format", "json")) == 0
    assert json.loads(capsys.readouterr().out) == {"head": {}, "boolean": True}
    stdin(monkeypatch, "ASK { ?a dg:party country:KOR }")
    assert main(cli(library, "-", "--format", "turtle")) == 2
    assert "--format turtle is for CONSTRUCT and DESCRIBE" in capsys.readouterr().err


def test_describe_and_construct_print_turtle_with_the_project_prefixes(
    library: Library, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin(monkeypatch, f'DESCRIBE ?a WHERE {{ ?a rdfs:label "{PHA}" }}')
    assert main(cli(library, "-")) == 0
    out = capsys.readouterr().out
    described = Graph().parse(data=out, format="turtle")
    agreement = URIRef(library.agreements[PHA])
    assert (agreement, RDF.type, DG.Accord) in described
    assert "@prefix dg: <https://w3id.org/diplograph/ontology#>" in out
    assert "country:JPN" in out and "ns1:" not in out
    stdin(monkeypatch, "CONSTRUCT { ?a dg:party ?p } WHERE { ?a dg:party ?p }")
    assert main(cli(library, "-", "--format", "turtle")) == 0
    out = capsys.readouterr().out
    assert "dg:party" in out and "ns1:" not in out
    assert len(Graph().parse(data=out, format="turtle")) == 17  # party claims
    stdin(monkeypatch, "CONSTRUCT { ?a dg:party ?p } WHERE { ?a dg:party ?p }")
    assert main(cli(library, "-", "--format", "csv")) == 2
    assert "a CONSTRUCT query gives a graph" in capsys.readouterr().err


def test_turtle_for_a_select_is_an_error(
    library: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(cli(library, "agreements", "--format", "turtle")) == 2
    err = capsys.readouterr().err
    assert "--format turtle is for CONSTRUCT and DESCRIBE queries" in err
    assert "use --format table, csv, tsv or json" in err


def test_ask_and_graphs_from_python(library: Library, tmp_path: Path) -> None:
    asked = tmp_path / "asked.rq"
    asked.write_text("#+ summary: Any treaty of a country?\n"
                     "PREFIX dg: <https://w3id.org/diplograph/ontology#>\n"
                     "ASK { GRAPH <https://w3id.org/diplograph/id/graph/merged> "
                     "{ ?a a dg:Treaty ; dg:party ?_country_iri } }\n")  # fmt: skip
    assert run_query(library.store, str(asked), country="KOR") is True
    assert run_query(library.store, str(asked), country="JPN") is False
    described = tmp_path / "described.rq"
    described.write_text("PREFIX dg: <https://w3id.org/diplograph/ontology#>\n"
                         "CONSTRUCT { ?a dg:party ?p } WHERE { GRAPH "
                         "<https://w3id.org/diplograph/id/graph/merged> "
                         "{ ?a dg:party ?p } } ORDER BY ?a ?p\n")  # fmt: skip
    graph = run_query(library.store, str(described), limit=2)
    assert isinstance(graph, Graph) and len(graph) == 2
    assert dict(graph.namespaces())["dg"] == URIRef(str(DG._NS))


def test_every_store_answers_ask(store: Store) -> None:
    asked = f"ASK {{ GRAPH <{ID}article/one> {{ ?s ?p ?o }} }}"
    assert store.ask(asked) is False  # (servers keep graphs of their own)
    store.replace_graph(
        URIRef(ID + "article/one"), Graph().parse(data=ARTICLE_1, format="turtle")
    )
    assert store.ask(asked) is True


# ---------------------------------------------------------------------------
# The query text around a page and a count
# ---------------------------------------------------------------------------


def test_pages_and_counts_are_built_around_the_query() -> None:
    mine = "SELECT ?s WHERE { ?s ?p '} LIMIT 5' } ORDER BY ?s"
    assert paged(mine, limit=2, offset=4).endswith("ORDER BY ?s\nLIMIT 2 OFFSET 4\n")
    with pytest.raises(QueryError, match="has a LIMIT or OFFSET of its own"):
        paged(mine + " LIMIT 10", limit=2)
    assert paged(mine + " LIMIT 10") == mine + " LIMIT 10"  # no page asked: as it is
    # a trailing VALUES clause stays last
    trailing = mine + " VALUES ?s { <http://x> }"
    assert paged(trailing, limit=1).endswith("LIMIT 1\nVALUES ?s { <http://x> }")
    # the dataset clause moves out of the counted subquery, which has none
    count = counted("PREFIX x: <http://x/>\nSELECT * FROM <http://g> { ?s ?p ?o }")
    assert count.startswith("PREFIX x: <http://x/>\nSELECT (COUNT(*) AS ?")
    assert "FROM <http://g> WHERE {\nSELECT * WHERE { #@values" in count
    for text in ("INSERT DATA { <x:a> <x:b> <x:c> }", "DROP ALL", "# nothing"):
        with pytest.raises(QueryError, match="not a SPARQL query"):
            layout(text)


@pytest.mark.parametrize(
    "text, where",
    [
        ("ASK { ?s ?p ?o }", "ASK FROM <"),
        ("DESCRIBE <http://x>", "DESCRIBE <http://x> FROM <"),
        ("SELECT * { ?s ?p ?o }", "SELECT * FROM <"),
        ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "{ ?s ?p ?o } FROM <"),
    ],
)
def test_an_adhoc_query_reads_the_merged_graph(text: str, where: str) -> None:
    assert where in with_prefixes(text)


def test_a_parameter_of_an_adhoc_query_is_bound_in_the_count(library: Library) -> None:
    query = parse_query(
        "mine", with_prefixes("SELECT ?a { ?a dg:party ?_country_iri } ORDER BY ?a")
    )
    bindings = bind_parameters(query, {"country": "KOR"}, library.store)
    _, found = select_rows(library.store, query, bindings)
    assert {row["a"].value for row in found} == {
        library.agreements[label] for label in (PHA, SIM, WARSAW)
    }
    # (an Oxigraph server started with --union-default-graph repeats rows)
    assert total_rows(library.store, query, bindings) == len(found)


# ---------------------------------------------------------------------------
# Python rows: lists, and pandas
# ---------------------------------------------------------------------------


def test_a_list_column_is_split_exactly(store: Store) -> None:
    ensure_ontology(store)
    # a source (the title: no URL) that holds both separators the CLI prints
    title = "Pact | Seoul, Tokyo sign memorandum"
    turtle = ARTICLE_2.replace('"Three allies sign memorandum"', f'"{title}"')
    store.replace_graph(
        URIRef(ID + "article/two"), Graph().parse(data=turtle, format="turtle")
    )
    [row] = run_query(store, "agreements-of", country="USA")
    assert row["sources"] == [title]
    assert sorted(row["parties"]) == ["Japan", "South Korea", "United States"]
    assert row["kind"] == ["memorandum of understanding"]


def test_as_dataframe_without_pandas_says_how_to_install_it(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas fails
    with pytest.raises(QueryError, match=r"pip install 'diplograph\[pandas\]'"):
        run_query(library.store, "agreements", as_dataframe=True)


def test_the_pandas_extra_is_declared() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    extras = project["optional-dependencies"]
    assert any(req.startswith("pandas") for req in extras["pandas"])


# ---------------------------------------------------------------------------
# grlc headers are YAML
# ---------------------------------------------------------------------------

GRLC_KEYS = {"summary", "description", "tags", "defaults", "endpoint", "method",
             "pagination", "enumerate", "transform", "endpoint_in_url"}  # fmt: skip


def grlc_header(text: str) -> Any:
    """The header as grlc reads it (gquery.get_yaml_decorators)."""
    yaml = pytest.importorskip("yaml")
    lines = [row.lstrip("#+") for row in text.split("\n") if row.startswith("#+")]
    return yaml.safe_load("\n".join(lines))


@pytest.mark.parametrize("name", sorted(saved_queries()))
def test_every_header_is_yaml_read_as_grlc_reads_it(name: str) -> None:
    query = saved_queries()[name]
    header = grlc_header(query.text)
    assert set(header) <= GRLC_KEYS
    assert header["summary"] == query.summary
    assert header["description"] == query.description
    assert header["tags"] == list(query.tags)
    defaults = {str(k): str(v) for item in header["defaults"] or [] for k, v in item.items()}
    assert defaults == query.defaults


@pytest.mark.parametrize(
    "header",
    [
        "#+ summary: Agreements that failed: talks that collapsed",
        "#+ summary: Parties # by count",
        "#+ summary: [all]",
        "#+ summary: 'it's'",
        "#+   nested: map",
    ],
)
def test_a_header_that_is_no_yaml_is_refused(header: str) -> None:
    with pytest.raises(QueryError, match="#\\+ header"):
        parse_header("mine", header + "\nSELECT * { ?s ?p ?o }")


def test_quoted_header_values_read_as_yaml_reads_them() -> None:
    text = ("#+ summary: 'Failed: talks that collapsed, the party''s # too'\n"
            '#+ description: "A \\"quoted\\": value"\n'
            "#+ defaults:\n#+   - from: '2014'\n#+ tags: []\nSELECT * { ?s ?p ?o }")  # fmt: skip
    header = parse_header("mine", text)
    assert header == {
        "summary": "Failed: talks that collapsed, the party's # too",
        "description": 'A "quoted": value',
        "defaults": [{"from": "2014"}],
        "tags": [],
    }
    assert header == {**grlc_header(text), "tags": []}


# ---------------------------------------------------------------------------
# The classes `diplograph reason` infers
# ---------------------------------------------------------------------------

INFERRED = """
@prefix dg: <https://w3id.org/diplograph/ontology#> .
@prefix agreement: <https://w3id.org/diplograph/id/agreement/> .
@prefix country: <https://w3id.org/diplograph/id/country/> .
agreement:gsomia a dg:BilateralAgreement, dg:AgreementInForce .
agreement:memo a dg:TrilateralAgreement .
country:JPN a dg:Signatory .
country:KOR a dg:Signatory .
"""


@pytest.fixture
def reasoned(loaded: Store) -> Store:
    """test_queries' two articles: GSOMIA, the memorandum, the treaty."""
    return loaded


def test_reason_queries_say_when_reason_has_not_run(
    reasoned: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in sorted(REASONED):
        with pytest.raises(QueryError, match="`diplograph reason` has not been run"):
            run_query(reasoned, name)
        with pytest.raises(QueryError, match="has not been run"):
            count_rows(reasoned, name)
    if reasoned.folder is not None:  # the command line, on the embedded store
        argv = ["query", "agreements-by-class", "--store", reasoned.location]
        reasoned.close()
        assert main(argv) == 2
        assert "diplograph reason --store" in capsys.readouterr().err


def test_agreements_by_class_and_signatories(reasoned: Store) -> None:
    reasoned.replace_graph(INFERRED_GRAPH, Graph().parse(data=INFERRED, format="turtle"))

    def found(name: str, **params: str) -> list[dict[str, Any]]:
        return rows(reasoned, name, **params)  # lists sorted

    gsomia = {"agreement": ID + "agreement/gsomia",
              "label": "General Security of Military Information Agreement",
              "classes": ["agreement reported in force", "bilateral agreement"],
              "parties": ["Japan", "South Korea"], "signed": ["2016-11-23"]}
    memo = {"agreement": ID + "agreement/memo",
            "label": "memorandum of understanding between Japan, South Korea and "
                     "United States",
            "classes": ["trilateral agreement"],
            "parties": ["Japan", "South Korea", "United States"],
            "signed": ["2014-12"]}  # fmt: skip
    assert found("agreements-by-class") == [gsomia, memo]
    assert found("agreements-by-class", **{"class": "bilateral"}) == [gsomia]
    assert found("agreements-by-class", **{"class": "in_force"}) == [gsomia]
    assert found("agreements-by-class", **{"class": "multilateral"}) == []
    assert found("agreements-by-class", party="USA") == [memo]
    assert found("agreements-by-class", party="POL") == []  # the treaty: unclassified
    with pytest.raises(QueryError, match="did you mean bilateral"):
        run_query(reasoned, "agreements-by-class", **{"class": "bilaterl"})
    # most signed first, then most agreements: South Korea is party to all three
    assert found("signatories") == [
        {"party": ID + "country/KOR", "name": "South Korea", "agreements": 3,
         "signed": 1},
        {"party": ID + "country/JPN", "name": "Japan", "agreements": 2, "signed": 1},
    ]  # fmt: skip


# ---------------------------------------------------------------------------
# The README's query examples run as written on the bundled examples
# ---------------------------------------------------------------------------


def readme_query_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text("utf-8")
    blocks = re.findall(r"```bash\n(.*?)```", readme, re.S)
    commands = []
    for block in blocks:
        for line in block.splitlines():
            for part in line.split("&&"):
                if "diplograph query " in part:
                    commands.append(part.split("#", 1)[0].strip())
    return commands


def test_the_readme_has_query_examples() -> None:
    assert len(readme_query_commands()) >= 5


@pytest.fixture(scope="module")
def examples_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = str(tmp_path_factory.mktemp("examples") / "store")
    assert main(["load", str(EXAMPLES), "--store", folder, "--quiet"]) == 0
    return folder


@pytest.mark.parametrize("command", readme_query_commands())
def test_the_readme_query_examples_run_on_the_examples(
    command: str,
    examples_store: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if "|" in command:  # echo '...' | diplograph query -
        producer, command = command.split("|", 1)
        stdin(monkeypatch, shlex.split(producer)[1])
    argv = shlex.split(command)
    assert argv[0] == "diplograph"
    assert main([*argv[1:], "--store", examples_store]) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert out.strip() and "(no results)" not in out
