"""The ``diplograph`` command: exit codes and output, as a user sees them."""

from __future__ import annotations

import csv
import io
import json
import re
import shlex
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef
from support import ARTICLE, EXAMPLES, FACTS, MEMORANDUM, SMALL_URL, WriteArticle

from diplograph.articles import iter_paths, read_articles
from diplograph.build import build_graph
from diplograph.cli import build_parser, main
from diplograph.iri import agreement_iri, article_iri
from diplograph.model import Article
from diplograph.namespaces import DG
from diplograph.queries import saved_queries
from diplograph.store import open_store

COMMANDS = (
    "load", "query", "queries", "search", "show", "extract", "evaluate",
    "validate", "remove", "reload", "merges", "split", "reason", "problems", "export",
    "serve", "plot",
)  # fmt: skip  # `reason` runs in test_reason.py (it needs Java), `problems` in
# test_triage.py, `export` in test_export.py, `serve` in test_serve.py (a server
# it starts on a free port: here only its --help, which does not block), `plot`
# in test_plot.py
README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run every command in tmp_path, with no store configured from outside."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DIPLOGRAPH_STORE", raising=False)


@pytest.fixture
def store_dir(tmp_path: Path) -> str:
    return str(tmp_path / "store")


@pytest.fixture
def loaded_store(
    store_dir: str, write_article: WriteArticle, capsys: pytest.CaptureFixture[str]
) -> str:
    assert main(["load", str(write_article()), "--store", store_dir]) == 0
    capsys.readouterr()
    return store_dir


# ---------------------------------------------------------------------------
# load
# ---------------------------------------------------------------------------


def test_load(
    write_article: WriteArticle, store_dir: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_article()
    assert main(["load", str(path), "--store", store_dir]) == 0
    out = capsys.readouterr().out
    assert f"loaded {path}: 1 agreement(s)" in out
    assert (
        "1 article(s) loaded, 0 unchanged, 0 rejected, 0 unreadable; "
        "0 skipped as not English; 1 agreement(s)"
    ) in out


def test_load_goes_on_past_a_bad_file(
    tmp_path: Path,
    write_article: WriteArticle,
    store_dir: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    good = write_article("batch/a.txt")
    other = write_article(
        "batch/c.txt", "Norway and Iceland signed a fisheries agreement.\n",
        url="https://example.org/c",
    )  # fmt: skip
    (tmp_path / "batch" / "b.txt").write_bytes(b"")
    assert main(["load", str(tmp_path / "batch"), "--store", store_dir]) == 1
    captured = capsys.readouterr()
    assert f"SKIPPED {tmp_path / 'batch' / 'b.txt'}: the file is empty" in captured.err
    assert f"loaded {good}" in captured.out and f"loaded {other}" in captured.out
    assert "2 article(s) loaded, 0 unchanged, 0 rejected, 1 unreadable" in captured.out
    assert (
        main(
            [
                "query",
                "agreements-of",
                "--param",
                "country=NOR",
                "--store",
                store_dir,
                "--format",
                "json",
            ]
        )
        == 0
    )
    assert len(json.loads(capsys.readouterr().out)["results"]["bindings"]) == 1


def test_load_reports_a_rejected_article(
    write_article: WriteArticle, store_dir: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_article(
        "future.txt",
        "Norway and Iceland signed a fisheries agreement on March 3, 2030.\n",
    )
    assert main(["load", "--strict", str(path), "--store", store_dir]) == 1
    captured = capsys.readouterr()
    assert (
        f"REJECTED {path}: its graph breaks the shapes, nothing of it was stored"
        in captured.err
    )
    assert "lies after 2015-06-25" in captured.err
    assert "0 article(s) loaded, 0 unchanged, 1 rejected" in captured.out


def test_load_with_published_for_undated_files(tmp_path: Path, store_dir: str) -> None:
    path = tmp_path / "plain.txt"
    path.write_text(
        "Fisheries deal\n\nNorway and Iceland signed a fisheries agreement.\n"
    )
    assert main(["load", str(path), "--store", store_dir]) == 1  # no date: unreadable
    assert (
        main(["load", str(path), "--store", store_dir, "--published", "2015-06-25"])
        == 0
    )


def test_load_uses_the_store_from_the_environment(
    tmp_path: Path, write_article: WriteArticle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIPLOGRAPH_STORE", str(tmp_path / "from-env"))
    assert main(["load", str(write_article())]) == 0
    assert (tmp_path / "from-env").is_dir()
    assert not (tmp_path / "diplograph-store").exists()


# ---------------------------------------------------------------------------
# query and queries
# ---------------------------------------------------------------------------


def test_query_table(loaded_store: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "query",
                "agreements-concerning",
                "--param",
                "country=PRK",
                "--store",
                loaded_store,
            ]
        )
        == 0
    )
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == [
        "agreement",
        "label",
        "kind",
        "parties",
        "signed",
        "sources",
    ]
    assert set(lines[1]) == {"-", " "}
    assert lines[2].startswith("agreement/")  # data IRIs shortened for people
    assert "memorandum of understanding" in lines[2] and "2014-12" in lines[2]
    assert lines[-1] == "(1 row)"


def test_query_reads_while_a_load_holds_the_store(
    loaded_store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    writer = open_store(loaded_store)  # a load in progress holds the folder's lock
    try:
        argv = ["query", "agreements-concerning", "--param", "country=PRK"]
        assert main([*argv, "--store", loaded_store]) == 0
    finally:
        writer.close()
    assert capsys.readouterr().out.splitlines()[-1] == "(1 row)"


def test_query_on_a_store_that_does_not_exist_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "typo-store"
    argv = ["query", "agreements-concerning", "--param", "country=PRK"]
    assert main([*argv, "--store", str(missing)]) == 2
    assert "there is no store at" in capsys.readouterr().err
    assert not missing.exists()  # no empty store created where the typo points


def test_query_table_with_no_results(
    loaded_store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            [
                "query",
                "agreements-concerning",
                "--param",
                "country=NOR",
                "--store",
                loaded_store,
            ]
        )
        == 0
    )
    assert capsys.readouterr().out == "(no results)\n"


def test_query_csv(loaded_store: str, capsys: pytest.CaptureFixture[str]) -> None:
    argv = [
        "query",
        "agreements-of",
        "--param",
        "country=Japan",
        "--format",
        "csv",
        "--store",
        loaded_store,
    ]
    assert main(argv) == 0
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    [row] = table
    assert row["agreement"].startswith("https://w3id.org/diplograph/id/agreement/")
    assert row["kind"] == "memorandum of understanding"
    assert sorted(row["parties"].split(", ")) == [
        "Japan",
        "South Korea",
        "United States",
    ]
    assert row["signed"] == "2014-12"
    assert (
        row["sources"] == "https://example.org/wire/2015/06/25/intelligence-memorandum"
    )


def test_query_json_is_sparql_results_json(
    loaded_store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [
        "query",
        "agreements-concerning",
        "--param",
        "country=PRK",
        "--format",
        "json",
        "--store",
        loaded_store,
    ]
    assert main(argv) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["head"]["vars"] == [
        "agreement",
        "label",
        "kind",
        "parties",
        "signed",
        "sources",
    ]
    [binding] = document["results"]["bindings"]
    assert binding["agreement"]["type"] == "uri"
    # every date the articles claim, joined, so disagreements show
    assert binding["signed"] == {"type": "literal", "value": "2014-12"}


def test_query_from_stdin_with_predeclared_prefixes(
    loaded_store: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        "sys.stdin", io.StringIO("SELECT (COUNT(*) AS ?n) WHERE { ?a a dg:Agreement }")
    )
    assert main(["query", "-", "--format", "tsv", "--store", loaded_store]) == 0
    assert capsys.readouterr().out == "n\n1\n"


def test_query_errors_exit_2(
    loaded_store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["query", "agreements-concerning", "--store", loaded_store]) == 2
    assert "needs --param country=VALUE" in capsys.readouterr().err
    assert (
        main(
            [
                "query",
                "agreements-concerning",
                "--param",
                "country",
                "--store",
                loaded_store,
            ]
        )
        == 2
    )
    assert "must be KEY=VALUE" in capsys.readouterr().err
    assert (
        main(
            [
                "query",
                "agreements-concerning",
                "--param",
                "country=Narnia",
                "--store",
                loaded_store,
            ]
        )
        == 2
    )
    assert "not a known country" in capsys.readouterr().err
    assert main(["query", "no-such-query", "--store", loaded_store]) == 2
    assert "no saved query 'no-such-query'" in capsys.readouterr().err


def test_queries_lists_the_three(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["queries"]) == 0
    out = capsys.readouterr().out
    names = [line for line in out.splitlines() if line and not line.startswith(" ")]
    assert names == sorted(saved_queries())
    saved = {"agreement-timeline", "agreements-concerning", "agreements-of"}
    assert saved <= set(names)
    assert "parameters: country:iri" in out and "parameters: agreement:iri" in out


# ---------------------------------------------------------------------------
# extract
# ---------------------------------------------------------------------------


def test_extract_facts_to_a_folder(tmp_path: Path, write_article: WriteArticle) -> None:
    write_article("in/first.txt")
    write_article("in/second.txt", url="https://example.org/second")
    out = tmp_path / "facts"
    assert (
        main(["extract", str(tmp_path / "in"), "--format", "facts", "--out", str(out)])
        == 0
    )
    assert sorted(p.name for p in out.iterdir()) == ["first.json", "second.json"]
    facts = json.loads((out / "first.json").read_text(encoding="utf-8"))
    assert facts["article"]["id"] == "first"
    assert facts["article"]["published"] == "2015-06-25"
    [agreement] = facts["agreements"]
    assert agreement["kind"] == "memorandum_of_understanding"
    assert agreement["parties"] == ["JPN", "KOR", "USA"] and agreement["concerns"] == [
        "PRK"
    ]


def test_extract_facts_to_stdout_and_bad_files(
    tmp_path: Path, write_article: WriteArticle, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00binary")
    assert main(["extract", str(write_article()), str(bad)]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out)["article"]["id"] == "article"
    assert f"SKIPPED {bad}" in captured.err


def test_extract_nquads(
    write_article: WriteArticle, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_article()
    assert main(["extract", str(path), "--format", "nquads"]) == 0
    out = capsys.readouterr().out
    dataset = Dataset()
    dataset.parse(data=out, format="nquads")
    graph_names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert graph_names == {str(article_iri(ARTICLE))}  # one named graph: the article
    assert all(line.endswith(" .") for line in out.splitlines() if line)
    assert f"<{DG.Agreement}>" in out


def test_extract_turtle_to_a_file(tmp_path: Path, write_article: WriteArticle) -> None:
    target = tmp_path / "out.trig"
    assert (
        main(
            [
                "extract",
                str(write_article()),
                "--format",
                "turtle",
                "--out",
                str(target),
            ]
        )
        == 0
    )
    dataset = Dataset()
    dataset.parse(target, format="trig")
    assert len(dataset) > 10


# ---------------------------------------------------------------------------
# validate
# ---------------------------------------------------------------------------


def test_validate_a_conforming_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "good.ttl"
    build_graph(FACTS).serialize(path, format="turtle")
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"conforms {path}" in out and "1 of 1 conform" in out


def test_validate_a_violating_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    graph = build_graph(FACTS)
    memo = agreement_iri(article_iri(ARTICLE), MEMORANDUM)
    graph.remove((memo, DG.party, None))
    path = tmp_path / "bad.ttl"
    graph.serialize(path, format="turtle")
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"VIOLATES {path}: 1 violation" in out
    # grouped by node (kind, label, IRI), then by shape (sh:name, shape IRI)
    assert f'  agreement "memorandum of understanding between Japan, South Korea and United States" <{memo}>: 1 violation' in out
    assert "    Violation: party [dgs:AgreementShape-party]\n      - An agreement needs at least one dg:party" in out
    assert "0 of 1 conform; 1 violation" in out


def test_validate_an_unparsable_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "broken.ttl"
    path.write_text(
        "@prefix dg: <https://w3id.org/diplograph/ontology#> .\nthis is { not turtle",
        encoding="utf-8",
    )
    assert main(["validate", str(path)]) == 2
    assert f"{path}: not valid turtle" in capsys.readouterr().err


def test_validate_an_article_file(
    write_article: WriteArticle, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_article()
    assert main(["validate", str(path)]) == 0
    assert f"conforms {path}" in capsys.readouterr().out


def test_validate_the_store(
    loaded_store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", "--store", loaded_store]) == 0
    out = capsys.readouterr().out
    assert re.search(r"conforms https://w3id.org/diplograph/id/article/[0-9a-f]+", out)
    assert "1 of 1 conform" in out


def test_validate_an_empty_store(
    store_dir: str, capsys: pytest.CaptureFixture[str]
) -> None:
    open_store(store_dir, create=True).close()
    assert main(["validate", "--store", store_dir]) == 0
    assert "0 of 0 conform" in capsys.readouterr().out


@pytest.mark.parametrize(
    "command",
    [["validate"], ["merges"], ["remove", "a.txt"], ["reload"], ["reason"], ["problems"],
     ["split", "X", "--article", "a.txt"], ["export"]],
)  # fmt: skip
def test_only_load_creates_a_store(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a mistyped --store must not answer from, or write to, a new empty store
    missing = tmp_path / "mistyped"
    assert main([*command, "--store", str(missing)]) == 2
    assert f"there is no store at {missing}" in capsys.readouterr().err
    assert not missing.exists()


# ---------------------------------------------------------------------------
# remove, reload, merges, split
# ---------------------------------------------------------------------------

# A second report of the small article's memorandum (same parties, a day in the
# month the small article gives), from another publisher: merged by parties.
SECOND_URL = "https://example.org/second"
SECOND_BODY = (
    "SEOUL, June 26 (Other Wire) -- South Korea, Japan and the United States signed "
    "the intelligence sharing memorandum on December 29, 2014, officials said.\n"
)


@pytest.fixture
def merged_store(
    store_dir: str, write_article: WriteArticle, capsys: pytest.CaptureFixture[str]
) -> str:
    first = write_article()
    second = write_article("second.txt", SECOND_BODY, url=SECOND_URL,
                           publisher="Other Wire", published="2015-06-26")  # fmt: skip
    assert main(["load", str(first), str(second), "--store", store_dir]) == 0
    capsys.readouterr()
    return store_dir


def _iri(path: Path) -> str:
    [article] = read_articles([path])
    assert isinstance(article, Article)
    return str(article_iri(article))


def _merges_csv(
    store_dir: str, capsys: pytest.CaptureFixture[str]
) -> list[dict[str, str]]:
    assert main(["merges", "--format", "csv", "--store", store_dir]) == 0
    return list(csv.DictReader(io.StringIO(capsys.readouterr().out)))


def test_remove(
    tmp_path: Path, merged_store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = _iri(tmp_path / "article.txt"), _iri(tmp_path / "second.txt")
    assert main(["remove", "article", SECOND_URL, "--store", merged_store]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"removed {first} (article)",
        f"removed {second} ({SECOND_URL})",
    ]
    assert main(["query", "agreements-of", "--param", "country=JPN",
                 "--store", merged_store]) == 0  # fmt: skip
    assert capsys.readouterr().out == "(no results)\n"
    assert main(["remove", "article", "--store", merged_store]) == 2
    assert "no stored article matches 'article'" in capsys.readouterr().err


def test_reload(
    tmp_path: Path, merged_store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = _iri(tmp_path / "article.txt"), _iri(tmp_path / "second.txt")
    assert main(["reload", "--store", merged_store]) == 0
    assert capsys.readouterr().out == (
        "0 article(s) re-extracted: 0 changed, 0 unchanged, 0 rejected "
        "(kept as they were)\n"
    )
    assert main(["reload", "--all", "--store", merged_store]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert sorted(lines[:-1]) == sorted(
        [f"unchanged article.txt <{first}>", f"unchanged second.txt <{second}>"]
    )
    assert lines[-1] == (
        "2 article(s) re-extracted: 0 changed, 2 unchanged, 0 rejected "
        "(kept as they were)"
    )
    # as if an older extractor had made the second article's graph
    store = open_store(merged_store)
    graph = store.export_graph(URIRef(second))
    graph.set((URIRef(second), DG.extractor, Literal("0.0.1-old")))
    store.replace_graph(URIRef(second), graph)
    store.close()
    assert main(["reload", "--store", merged_store]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"changed second.txt <{second}>",
        "1 article(s) re-extracted: 1 changed, 0 unchanged, 0 rejected "
        "(kept as they were)",
    ]


def test_merges(
    tmp_path: Path, merged_store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["merges", "--store", merged_store]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == [
        "agreement", "label", "article", "file", "rule", "score", "supportedBy"
    ]  # fmt: skip
    assert re.match(r"agreement/[0-9a-f]+\s+memorandum of understanding betw", lines[2])
    assert " parties " in lines[2]
    assert lines[-1] == "(1 row)"
    [row] = _merges_csv(merged_store, capsys)
    assert row["article"] == _iri(tmp_path / "second.txt")
    assert row["file"] == "second"  # the name remove and split take
    assert row["supportedBy"] == _iri(tmp_path / "article.txt")
    assert row["rule"] == "parties" and 0.6 <= float(row["score"]) <= 1.0


def test_merges_of_an_empty_store(
    store_dir: str, capsys: pytest.CaptureFixture[str]
) -> None:
    open_store(store_dir, create=True).close()
    assert main(["merges", "--store", store_dir]) == 0
    assert capsys.readouterr().out == "(no results)\n"


def test_split(
    tmp_path: Path, merged_store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    [row] = _merges_csv(merged_store, capsys)
    agreement, second = row["agreement"], _iri(tmp_path / "second.txt")
    argv = ["split", agreement, "--article", SECOND_URL, "--store", merged_store]
    assert main(argv) == 0
    assert capsys.readouterr().out == (
        f"separated {second} from {agreement}; re-resolved it\n"
    )
    assert _merges_csv(merged_store, capsys) == []
    assert main(["query", "agreements-of", "--param", "country=USA",
                 "--format", "csv", "--store", merged_store]) == 0  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    # two nodes now, one article each
    assert sorted((r["agreement"] == agreement, r["sources"]) for r in rows) == [
        (False, SECOND_URL),
        (True, SMALL_URL),
    ]


def test_split_errors(merged_store: str, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["split", "Treaty of Nowhere", "--article", "article"]
    assert main([*argv, "--store", merged_store]) == 2
    assert "no agreement named 'Treaty of Nowhere'" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["split", "Treaty of Nowhere", "--store", merged_store])
    assert exit_info.value.code == 2
    assert "--article" in capsys.readouterr().err


# ---------------------------------------------------------------------------
# Help, README and the quick start
# ---------------------------------------------------------------------------


def test_every_command_is_tested_here() -> None:
    parser = build_parser()
    [subparsers] = [a for a in parser._actions if a.dest == "command"]
    assert set(subparsers.choices) == set(COMMANDS)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "command", [[], *[[c] for c in COMMANDS]], ids=["main", *COMMANDS]
)
def test_help(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([*command, "--help"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith(
        f"usage: diplograph {' '.join(command)}".rstrip()
    )


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme(command: str) -> None:
    assert f"`diplograph {command}" in README.read_text(encoding="utf-8")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert re.fullmatch(r"diplograph \d+\.\d+\.\d+\n", capsys.readouterr().out)


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([])
    assert exit_info.value.code == 2


def test_quick_start(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The README's quick start: `diplograph load examples/`, then
    `diplograph query agreements-concerning --param country=PRK`, in the default store.
    """
    assert main(["load", str(EXAMPLES)]) == 0
    out = capsys.readouterr().out
    articles = len(list(iter_paths([EXAMPLES])))  # the README beside them is no article
    assert f"{articles} article(s) loaded, 0 unchanged, 0 rejected, 0 unreadable" in out
    assert (
        tmp_path / "diplograph-store"
    ).is_dir()  # the default store, in the working folder
    assert (
        main(
            [
                "query",
                "agreements-concerning",
                "--param",
                "country=PRK",
                "--format",
                "json",
            ]
        )
        == 0
    )
    bindings = json.loads(capsys.readouterr().out)["results"]["bindings"]
    # one example article concerns North Korea: the intelligence MoU
    [binding] = bindings
    assert binding["agreement"]["value"].startswith(
        "https://w3id.org/diplograph/id/agreement/"
    )
    assert binding["label"]["value"] == (
        "memorandum of understanding between Japan, South Korea and United States"
    )
    assert binding["signed"]["value"] == "2025-12"
    assert main(["query", "agreements-concerning", "--param", "country=PRK"]) == 0
    assert re.search(r"^\(\d+ rows?\)$", capsys.readouterr().out, re.M)


@pytest.mark.parametrize(("fmt", "suffix"), [("nquads", ".nq"), ("turtle", ".trig")])
def test_validate_graph_files_written_by_extract(
    tmp_path: Path,
    write_article: WriteArticle,
    fmt: str,
    suffix: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = tmp_path / f"graphs{suffix}"
    assert (
        main(["extract", str(write_article()), "--format", fmt, "--out", str(target)])
        == 0
    )
    assert main(["validate", str(target)]) == 0
    assert f"conforms {target}" in capsys.readouterr().out


def test_validate_checks_the_named_graphs_of_a_quad_file(
    tmp_path: Path, write_article: WriteArticle, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "graphs.nq"
    assert (
        main(
            [
                "extract",
                str(write_article()),
                "--format",
                "nquads",
                "--out",
                str(target),
            ]
        )
        == 0
    )
    quads = target.read_text(encoding="utf-8").splitlines()
    target.write_text(
        "\n".join(q for q in quads if "ontology#party>" not in q) + "\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["validate", str(target)]) == 1
    assert "party [dgs:AgreementShape-party]" in capsys.readouterr().out


def test_tables_keep_whole_values_in_a_pipe_and_fit_a_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from diplograph.cli.output import format_rows
    from diplograph.terms import Term

    url = "https://example.org/news/" + "very-long-slug-" * 6 + "article.html"
    rows = [{"article": Term("uri", url), "title": Term("literal", "T" * 70)}]
    piped = format_rows(["article", "title"], rows, "table")  # not a terminal
    assert url in piped and "T" * 70 in piped
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setenv("COLUMNS", "100")
    shown = format_rows(["article", "title"], rows, "table").splitlines()
    assert max(len(line) for line in shown) <= 100
    assert "…" in shown[2]
    monkeypatch.setenv("COLUMNS", "300")  # a wide terminal cuts nothing
    assert url in format_rows(["article", "title"], rows, "table")


def _readme_commands() -> list[str]:
    """Every `diplograph` command of the README's bash blocks, in order, but
    those that need a cluster or a server (shards of a corpus, db.example),
    those that read the web (a URL, --urls, --feed: tests/test_fetch.py and
    tests/test_feeds.py serve pages on 127.0.0.1) and `serve`, which runs
    until stopped."""
    commands = []
    for block in re.findall(r"```bash\n(.*?)```", README.read_text("utf-8"), re.S):
        for line in block.splitlines():
            for part in line.split("&&"):
                command = part.split("  #", 1)[0].strip()
                if "diplograph " not in command or command.startswith("#"):
                    continue
                elsewhere = ("corpus/", "shard-", "://", "--urls", "--feed")
                if any(w in command for w in elsewhere):
                    continue
                if command.startswith("diplograph serve"):
                    continue  # runs until stopped: tests/test_serve.py starts it
                commands.append(command)
    return commands


def test_the_readme_commands_run_as_written_on_the_examples(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    commands = _readme_commands()
    assert len(commands) >= 15
    assert commands[0] == "diplograph load examples/"
    monkeypatch.chdir(tmp_path)  # what they write lands here
    monkeypatch.setenv("DIPLOGRAPH_STORE", str(tmp_path / "diplograph-store"))
    for command in commands:
        if "|" in command:  # echo '...' | diplograph query -
            producer, command = command.split("|", 1)
            monkeypatch.setattr(sys, "stdin", io.StringIO(shlex.split(producer)[1]))
        argv = shlex.split(command.replace("examples/", f"{EXAMPLES}/"))
        assert argv[0] == "diplograph"
        status = main(argv[1:])
        out, err = capsys.readouterr()
        assert status == 0, f"{command}: exit {status}\n{err}"
        assert "Traceback" not in out + err


def test_an_empty_store_says_it_is_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    location = str(tmp_path / "store")
    open_store(location, create=True).close()
    argv = ["query", "agreements-concerning", "--param", "country=PRK"]
    assert main([*argv, "--store", location]) == 0
    out, err = capsys.readouterr()
    assert out == "(no results)\n"
    assert f"the store at {location} holds no articles: load some first" in err
