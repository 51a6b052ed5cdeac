"""extract --dask: tasks on a Dask LocalCluster write validated N-Quads shards;
loaded into the embedded store, which resolves their agreements across them,
they give the agreements a plain ``load`` of the same inputs gives.

The clusters here run their workers as threads (``processes=False``) or one
process, to be light on a shared machine."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import stored_agreements
from warcs import AGREEMENT_NEWS, FOREIGN_NEWS, NOT_AGREEMENT_NEWS, response, write_warc

from diplograph.cli import main
from diplograph.distributed import Task, extract_on_dask, parse_scheduler, plan
from diplograph.errors import DiplographError

# a second report of the Norway-Chile agreement, in another file (and of the
# Kenya-Ghana one in kenya.txt): resolution makes each two reports one agreement
SECOND_REPORT = (
    "SANTIAGO, March 13 (Other Wire) -- Chile and Norway signed a fisheries "
    "agreement on Tuesday that sets shared quotas, the government said."
)


def inputs(root: Path) -> Path:
    """A folder: a WARC of 9 records (3 agreement articles, a French one,
    others), a JSONL file, a .txt file."""
    root.mkdir()
    records = [
        response(f"https://news.example.org/2024/03/{11 + n}/s{n}", title, paras)
        for n, (title, paras) in enumerate(AGREEMENT_NEWS)
    ]
    records += [
        response(f"https://news.example.org/sport/{n}", title, paras)
        for n, (title, paras) in enumerate(NOT_AGREEMENT_NEWS)
    ]
    records.append(response("https://news.example.org/fr", *FOREIGN_NEWS["fr"]))
    write_warc(root / "news.warc.gz", records)
    record = {"id": "second", "title": "Chile, Norway sign fisheries pact",
              "text": SECOND_REPORT, "published": "2024-03-11",
              "url": "https://other.example.org/2024/03/13/fisheries"}  # fmt: skip
    (root / "wire.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (root / "kenya.txt").write_text(
        "title: Kenya and Ghana sign trade memorandum\npublished: 2024-03-12\n\n"
        "Kenya and Ghana signed a memorandum of understanding on trade on "
        "Wednesday, their ministers said.\n",
        encoding="utf-8",
    )
    return root


def agreements(store_dir: Path) -> list[tuple[object, ...]]:
    """What the store says of each agreement, without its IRI."""
    return sorted(
        (r["label"], tuple(sorted(r["parties"])), tuple(r["signed"]), r["articles"])  # type: ignore[arg-type]
        for r in stored_agreements(store_dir)
    )


def test_plan_splits_archives_into_chunks_and_groups_files(tmp_path: Path) -> None:
    folder = inputs(tmp_path / "in")
    tasks, errors = plan([folder], chunk_records=2)
    assert errors == []
    warc = [t for t in tasks if t.paths[0].endswith(".warc.gz")]
    assert len(warc) == 3  # 6 response records, 2 a chunk
    assert warc[-1].end is None and all(t.end for t in warc[:-1])
    assert sorted(Path(t.paths[0]).name for t in tasks if t not in warc) == [
        "kenya.txt", "wire.jsonl",
    ]  # fmt: skip
    assert len({t.shard for t in tasks}) == len(tasks)
    # the same inputs, the same shards: a rerun finds them
    assert [t.shard for t in plan([folder], chunk_records=2)[0]] == [
        t.shard for t in tasks
    ]


def test_shards_give_the_agreements_of_a_plain_load(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = inputs(tmp_path / "in")
    plain = tmp_path / "plain"
    assert main(["load", str(folder), "--store", str(plain)]) == 0

    out = tmp_path / "shards"
    tasks, _ = plan([folder], chunk_records=2)
    results = list(extract_on_dask(tasks, out, scheduler="local:2", processes=False))
    assert sorted(r.status for r in results) == ["written"] * len(tasks)
    assert sum(r.stored for r in results) == 5
    assert sum(r.not_english for r in results) == 1
    shards = sorted(str(p) for p in out.glob("*.nq"))
    assert len(shards) == len(tasks)
    assert not list(out.glob(".*"))  # no partial file left behind

    distributed = tmp_path / "distributed"
    assert main(["load", "--nquads", *shards, "--store", str(distributed)]) == 0
    assert "5 article graph(s) loaded" in capsys.readouterr().out
    expected = agreements(plain)
    # the two Norway-Chile reports are one agreement, the two Kenya-Ghana too:
    # resolved across shards as they are loaded
    assert len(expected) == 3
    assert agreements(distributed) == expected
    # and reloading, which re-extracts and resolves again, keeps them so
    assert main(["reload", "--all", "--store", str(distributed)]) == 0
    assert agreements(distributed) == expected

    # a rerun writes nothing: every shard is there
    again = list(extract_on_dask(tasks, out, scheduler="local:1", processes=False))
    assert {r.status for r in again} == {"done before"}


def test_a_failing_task_is_reported_and_the_others_go_on(tmp_path: Path) -> None:
    folder = inputs(tmp_path / "in")
    tasks, _ = plan([folder])
    # a task whose shard cannot be written: its folder does not exist
    broken = Task(tasks[0].paths, "no-such-folder/broken.nq")
    out = tmp_path / "shards"
    results = list(
        extract_on_dask([broken, *tasks], out, scheduler="local:1", processes=False)
    )
    statuses = {r.task.shard: r.status for r in results}
    assert statuses.pop("no-such-folder/broken.nq") == "failed"
    assert set(statuses.values()) == {"written"}
    (failed,) = [r for r in results if r.status == "failed"]
    assert "FileNotFoundError" in failed.failure


def test_the_command_on_a_local_cluster_of_one_process(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = inputs(tmp_path / "in")
    out = tmp_path / "shards"
    args = ["extract", str(folder), "--dask", "local:1", "--format", "nquads",
            "--out", str(out)]  # fmt: skip
    assert main(args) == 0
    printed = capsys.readouterr().out
    assert "3 shard(s) written, 0 there already, 0 failed; 5 article(s)" in printed
    assert "1 skipped as not English" in printed
    assert main(args) == 0
    assert "0 shard(s) written, 3 there already" in capsys.readouterr().out


def test_a_scheduler_by_its_address(tmp_path: Path) -> None:
    from dask.distributed import LocalCluster

    folder = inputs(tmp_path / "in")
    tasks, _ = plan([folder])
    with LocalCluster(n_workers=1, processes=False, dashboard_address=None) as cluster:
        address = cluster.scheduler_address
        results = list(extract_on_dask(tasks, tmp_path / "out", scheduler=address))
    assert {r.status for r in results} == {"written"}
    assert sum(r.stored for r in results) == 5


@pytest.mark.parametrize(
    "args, message",
    [
        (["--dask", "local:2"], "give --format nquads --out DIR"),
        (["--dask", "somewhere", "--format", "nquads", "--out", "x"],
         "neither 'local', 'local:N' nor a scheduler address"),
        (["--dask", "local:0", "--format", "nquads", "--out", "x"],
         "at least one worker"),
    ],
)  # fmt: skip
def test_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    folder = inputs(tmp_path / "in")
    assert main(["extract", str(folder), *args]) == 2
    assert message in capsys.readouterr().err


def test_scheduler_addresses() -> None:
    assert parse_scheduler("local") == (None, None)
    assert parse_scheduler("tcp://10.1.2.3:8786") == ("tcp://10.1.2.3:8786", None)
    with pytest.raises(DiplographError):
        parse_scheduler("local:x")
