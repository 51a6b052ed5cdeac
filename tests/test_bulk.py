"""Shards: extract on any machine to N-Quads, load them into a store elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import quads

from diplograph.cli import main
from diplograph.store import open_store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_a_shard_loads_what_loading_the_articles_would_store_per_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shard = tmp_path / "shard.nq"
    assert main(["extract", str(EXAMPLES), "--format", "nquads", "--out", str(shard)]) == 0
    store_dir = str(tmp_path / "store")
    assert main(["load", "--nquads", str(shard), "--store", store_dir]) == 0
    out = capsys.readouterr().out
    assert "5 article graph(s) loaded from 1 shard(s), 0 rejected" in out
    # the quick-start question answers from the shard as from the articles
    assert main(["query", "agreements-concerning", "--param", "country=PRK", "--store", store_dir]) == 0
    assert "memorandum of understanding" in capsys.readouterr().out
    # loading the shard again leaves the very same quads
    store = open_store(store_dir)
    before = quads(store)
    store.close()
    assert main(["load", "--nquads", str(shard), "--store", store_dir]) == 0
    store = open_store(store_dir)
    assert quads(store) == before
    store.close()


def test_a_broken_graph_in_a_shard_is_rejected_and_the_rest_loads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shard = tmp_path / "shard.nq"
    assert main(["extract", str(EXAMPLES), "--format", "nquads", "--out", str(shard)]) == 0
    lines = shard.read_text(encoding="utf-8").splitlines()
    # drop every party triple of one article: its agreement then breaks the shapes
    victim = next(line.rsplit(" ", 2)[-2] for line in lines if "ontology#party>" in line)
    kept = [line for line in lines if not ("ontology#party>" in line and line.rsplit(" ", 2)[-2] == victim)]
    shard.write_text("\n".join(kept) + "\n", encoding="utf-8")
    store_dir = str(tmp_path / "store")
    assert main(["load", "--nquads", str(shard), "--store", store_dir]) == 1
    captured = capsys.readouterr()
    assert "4 article graph(s) loaded from 1 shard(s), 1 rejected" in captured.out
    assert victim.strip("<>") in captured.err


def test_a_file_that_is_not_n_quads_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.nq"
    bad.write_text("this is not RDF\n", encoding="utf-8")
    assert main(["load", "--nquads", str(bad), "--store", str(tmp_path / "s")]) == 2
    assert "not an N-Quads shard" in capsys.readouterr().err
