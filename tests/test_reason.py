"""Reasoning with owlready2 and HermiT over what the store holds (needs Java)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support import WriteArticle

from diplograph.cli import main
from diplograph.namespaces import DG
from diplograph.pipeline import load
from diplograph.reason import INFERRED_GRAPH, reason
from diplograph.store import Store, open_store

pytestmark = pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java (java on PATH)")

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
BILATERAL = (
    "NAIROBI, March 2 (Example Wire) -- Kenya and Tanzania signed a fisheries "
    "agreement on Wednesday. The agreement entered into force on Thursday."
)


@pytest.fixture
def store(tmp_path: Path, write_article: WriteArticle) -> Store:
    store = open_store(":memory:")
    paths = [
        EXAMPLES / "kor-jpn-usa-intelligence-mou-2026-01-20.txt",
        write_article("bilateral.txt", BILATERAL, url="https://example.org/r/1", published="2023-03-03"),
    ]  # fmt: skip
    assert all(o.status == "stored" for o in load(paths, store))  # type: ignore[union-attr]
    return store


def members(store: Store, cls: str) -> list[str]:
    _, rows = store.select(
        f"SELECT ?x WHERE {{ GRAPH <{INFERRED_GRAPH}> {{ ?x a <{DG._NS}{cls}> }} }} ORDER BY ?x"
    )
    return [row["x"].value for row in rows]


def agreement_with(store: Store, code: str) -> str:
    _, rows = store.select(
        "PREFIX dg: <https://w3id.org/diplograph/ontology#> SELECT DISTINCT ?a WHERE "
        f"{{ ?a dg:party <https://w3id.org/diplograph/id/country/{code}> }}"
    )
    [row] = rows
    return row["a"].value


def test_agreements_are_classified_by_their_parties(store: Store) -> None:
    report = reason(store)
    assert report.consistent and report.problems == []
    trilateral, bilateral = agreement_with(store, "USA"), agreement_with(store, "KEN")
    assert members(store, "TrilateralAgreement") == [trilateral]
    assert members(store, "BilateralAgreement") == [bilateral]
    assert members(store, "MultilateralAgreement") == []
    # reported in force: only the one whose entry into force an article reports
    assert members(store, "AgreementInForce") == [bilateral]
    # signatories: the parties of signed agreements
    assert "https://w3id.org/diplograph/id/country/TZA" in members(store, "Signatory")


def test_reasoning_again_replaces_the_inferred_graph(store: Store) -> None:
    reason(store)
    first = store.export_graph(INFERRED_GRAPH)
    reason(store)
    assert set(store.export_graph(INFERRED_GRAPH)) == set(first)


def test_disagreeing_kinds_are_reported_and_reasoning_goes_on(
    store: Store, write_article: WriteArticle
) -> None:
    # another article calls the same Kenya-Tanzania fisheries agreement a treaty
    other = write_article(
        "treaty.txt",
        "DAR ES SALAAM, March 4 (Example Wire) -- The fisheries treaty that Kenya and "
        "Tanzania signed on March 1 will be reviewed next year.",
        url="https://example.org/r/2", published="2023-03-04",
    )  # fmt: skip
    list(load([other], store))
    report = reason(store)
    assert report.consistent
    assert any("several kinds" in p and "Treaty" in p for p in report.problems), report.problems
    assert agreement_with(store, "KEN") in members(store, "BilateralAgreement")


def test_the_reason_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store_dir = str(tmp_path / "store")
    assert main(["load", str(EXAMPLES), "--store", store_dir, "--quiet"]) == 0
    assert main(["reason", "--store", store_dir]) == 0
    out = capsys.readouterr().out
    assert "consistent" in out and "TrilateralAgreement: 1" in out
