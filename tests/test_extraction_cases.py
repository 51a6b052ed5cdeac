"""Golden extraction cases: small articles written by us, one phenomenon each.

Each folder ``tests/cases/<slug>/`` holds ``article.txt`` (header format) and
``expected.json``, the facts the corpus guidelines ask for, in the guidelines'
JSON shape. The slug starts with the phenomenon it tests, grouped as
PETRARCH's unit records are: actor, metonym, coreference, compound, date,
lifecycle, negation.

The article goes through the real read -> extract -> build_graph ->
graph_to_facts path, so the comparison shows what the store would hold. A case
the extractor gets wrong today keeps the guidelines' answer in expected.json
and an ``xfail.txt`` with the reason; delete ``xfail.txt`` once it passes.

``pytest tests/test_extraction_cases.py --regenerate-cases`` rewrites
expected.json from the current output, except for xfail cases (their expected
output is the guidelines', not the extractor's). Review the diff before
committing it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from diplograph.articles import read_articles
from diplograph.build import build_graph
from diplograph.extract import extract
from diplograph.facts import graph_to_facts
from diplograph.model import PARTIAL_DATE, Article
from diplograph.vocabulary import vocabulary

CASES_DIR = Path(__file__).resolve().parent / "cases"
PHENOMENA = (
    "actor",
    "metonym",
    "coreference",
    "compound",
    "date",
    "lifecycle",
    "negation",
)
AGREEMENT_FIELDS = (
    "name",
    "aliases",
    "kind",
    "parties",
    "signed",
    "concerns",
    "topics",
    "events",
)
CASE_FOLDERS = sorted(p for p in CASES_DIR.iterdir() if p.is_dir())


def _case_params() -> list[Any]:
    params = []
    for folder in CASE_FOLDERS:
        reason = folder / "xfail.txt"
        marks = (
            [
                pytest.mark.xfail(
                    strict=False, reason=reason.read_text(encoding="utf-8").strip()
                )
            ]
            if reason.exists()
            else []
        )
        params.append(pytest.param(folder, id=folder.name, marks=marks))
    return params


def extract_case(folder: Path) -> dict[str, Any]:
    """The facts of ``folder/article.txt`` as the store would hold them."""
    [article] = list(read_articles([folder / "article.txt"]))
    assert isinstance(article, Article), f"{folder.name}: {article}"
    return graph_to_facts(build_graph(extract(article)), article_id=folder.name)


def _summary(agreement: dict[str, Any]) -> str:
    name = agreement.get("name") or agreement.get("kind")
    return f"{name} of {'+'.join(agreement.get('parties') or []) or 'no parties'}"


def _similarity(a: dict[str, Any], b: dict[str, Any]) -> int:
    return sum(a.get(field) == b.get(field) for field in AGREEMENT_FIELDS) + 3 * len(
        set(a.get("parties", [])) & set(b.get("parties", []))
    )


def _event_key(event: dict[str, Any]) -> tuple[str, str]:
    return (event["type"], event["date"] or "")


def diff_facts(expected: dict[str, Any], actual: dict[str, Any]) -> list[str]:
    """Readable differences, one line per field: what is expected, what came out."""
    lines = []
    for key, value in expected["article"].items():
        if actual["article"].get(key) != value:
            lines.append(
                f"article.{key}: expected {value!r}, got {actual['article'].get(key)!r}"
            )
    remaining = list(actual["agreements"])
    for index, want in enumerate(expected["agreements"]):
        label = f"agreement {index + 1} ({_summary(want)})"
        if not remaining:
            lines.append(f"{label}: missing, the extractor found no agreement for it")
            continue
        got = max(remaining, key=lambda candidate: _similarity(want, candidate))
        remaining.remove(got)
        for field in AGREEMENT_FIELDS:
            if field == "events":
                wanted = {_event_key(e) for e in want["events"]}
                found = {_event_key(e) for e in got["events"]}
                for event_type, when in sorted(wanted - found):
                    lines.append(
                        f"{label} events: missing {event_type} {when or '(no date)'}"
                    )
                for event_type, when in sorted(found - wanted):
                    lines.append(
                        f"{label} events: unexpected {event_type} {when or '(no date)'}"
                    )
            elif want.get(field) != got.get(field):
                lines.append(
                    f"{label} {field}: "
                    f"expected {want.get(field)!r}, got {got.get(field)!r}"
                )
    for extra in remaining:
        lines.append(f"unexpected agreement ({_summary(extra)}): {json.dumps(extra)}")
    return lines


@pytest.mark.parametrize("folder", _case_params())
def test_extraction_case(folder: Path, request: pytest.FixtureRequest) -> None:
    actual = extract_case(folder)
    expected_file = folder / "expected.json"
    if (
        request.config.getoption("--regenerate-cases")
        and not (folder / "xfail.txt").exists()
    ):
        expected_file.write_text(
            json.dumps(actual, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        return
    assert expected_file.exists(), (
        f"{folder.name}: no expected.json; run pytest --regenerate-cases"
    )
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    differences = diff_facts(expected, actual)
    assert not differences, (
        f"{folder.name}: the extraction differs from expected.json\n  "
        + "\n  ".join(differences)
        + f"\n(article: {folder / 'article.txt'})"
    )


# ---------------------------------------------------------------------------
# The cases themselves are well formed
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("folder", CASE_FOLDERS, ids=[f.name for f in CASE_FOLDERS])
def test_case_is_well_formed(folder: Path) -> None:
    assert folder.name.split("-", 1)[0] in PHENOMENA, (
        f"{folder.name}: slug must start with one of {PHENOMENA}"
    )
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)+", folder.name)
    text = (folder / "article.txt").read_text(encoding="utf-8")
    body = text.split("\n\n", 1)[1]
    assert 1 <= len(re.findall(r"[.!?](?:\s|$)", body)) <= 5, (
        f"{folder.name}: keep a case to 2-5 sentences"
    )
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    assert expected["article"]["id"] == folder.name
    for agreement in expected["agreements"]:
        assert set(agreement) == set(AGREEMENT_FIELDS)
        assert agreement["kind"] in vocabulary().codes("kind")
        assert (
            agreement["parties"] == sorted(agreement["parties"])
            and agreement["parties"]
        )
        assert agreement["concerns"] == sorted(agreement["concerns"])
        assert not set(agreement["parties"]) & set(agreement["concerns"])
        assert set(agreement["topics"]) <= set(vocabulary().codes("topic"))
        assert agreement["signed"] is None or PARTIAL_DATE.match(agreement["signed"])
        for event in agreement["events"]:
            assert event["type"] in vocabulary().codes("event")
            assert event["date"] is None or PARTIAL_DATE.match(event["date"])
        if agreement["signed"]:
            assert {"type": "signed", "date": agreement["signed"]} in agreement[
                "events"
            ]
    reason = folder / "xfail.txt"
    if reason.exists():
        assert reason.read_text(encoding="utf-8").strip(), (
            f"{folder.name}: xfail.txt must give the reason"
        )


def test_every_phenomenon_has_cases() -> None:
    covered = {folder.name.split("-", 1)[0] for folder in CASE_FOLDERS}
    assert covered == set(PHENOMENA)


def test_diff_names_the_field_that_differs() -> None:
    base = {"name": None, "aliases": [], "kind": "pact", "parties": ["JPN", "KOR"],
            "signed": "2016-11-23", "concerns": [], "topics": [],
            "events": [{"type": "signed", "date": "2016-11-23"}]}  # fmt: skip
    article = {"id": "x", "published": "2016-11-24"}
    wrong = dict(
        base,
        parties=["JPN", "KOR", "PRK"],
        events=[{"type": "signed", "date": "2016-11-24"}],
    )
    lines = diff_facts(
        {"article": article, "agreements": [base]},
        {"article": article, "agreements": [wrong]},
    )
    assert lines == [
        "agreement 1 (pact of JPN+KOR) parties: "
        "expected ['JPN', 'KOR'], got ['JPN', 'KOR', 'PRK']",
        "agreement 1 (pact of JPN+KOR) events: missing signed 2016-11-23",
        "agreement 1 (pact of JPN+KOR) events: unexpected signed 2016-11-24",
    ]
    assert diff_facts(
        {"article": article, "agreements": []},
        {"article": article, "agreements": [base]},
    ) == [f"unexpected agreement (pact of JPN+KOR): {json.dumps(base)}"]
