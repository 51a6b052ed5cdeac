"""``diplograph evaluate``: agreement matching and fact counting as the corpus's
reference scorer does them, checked by hand on small invented cases, against
the reference scorer itself where the shared corpus is at hand, and through the
command line."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplograph.cli import main
from diplograph.errors import GoldError
from diplograph.evaluate import (
    KINDS,
    Agreement,
    Counts,
    Evaluation,
    Fact,
    evaluate,
    match,
    parse_agreements,
    score_article,
    similarity,
)
from diplograph.evaluation_report import report_json, report_text

SHARED = Path(__file__).resolve().parents[2] / "shared"
SCORER = SHARED / "eval" / "score.py"
DEV = SHARED / "corpus" / "dev"
needs_shared = pytest.mark.skipif(
    not (SCORER.is_file() and DEV.is_dir()),
    reason=f"the shared corpus and reference scorer ({SHARED}) are not beside "
    "this checkout (a clean clone, as in CI)",
)


def agreements(*items: dict[str, Any]) -> tuple[Agreement, ...]:
    return parse_agreements({"agreements": list(items)}, source="test")


def counts(gold: tuple[Agreement, ...], predicted: tuple[Agreement, ...]) -> dict:
    return dict(score_article("test", gold, predicted).counts)


# ---------------------------------------------------------------------------
# Facts and counts of one matched pair, by hand
# ---------------------------------------------------------------------------

LAGOON_GOLD = {
    "name": "Lagoon Water Accord", "aliases": ["LWA"], "kind": "accord",
    "parties": ["FJI", "TON"], "signed": "2019-03-04", "concerns": ["WSM"],
    "topics": ["water_resources", "maritime_fisheries"],
    "events": [{"type": "signed", "date": "2019-03-04"},
               {"type": "in_force", "date": "2019-06"}],
}  # fmt: skip
LAGOON_PREDICTED = {
    "name": "lagoon water accord", "aliases": [], "kind": "agreement",
    "parties": ["FJI", "NZL", "TON"], "signed": "2019-03", "concerns": [],
    "topics": ["trade", "water_resources"],
    "events": [{"type": "signed", "date": "2019-03-04"},
               {"type": "in_force", "date": None}],
}  # fmt: skip


def test_facts_of_an_agreement() -> None:
    [gold] = agreements(LAGOON_GOLD)
    assert gold.facts() == (
        Fact("agreement", ""), Fact("kind", "accord"), Fact("party", "FJI"),
        Fact("party", "TON"), Fact("signed", "2019-03-04"), Fact("concerns", "WSM"),
        Fact("topic", "maritime_fisheries"), Fact("topic", "water_resources"),
        Fact("event", "in_force@2019-06"), Fact("event", "signed@2019-03-04"),
    )  # fmt: skip


def test_matched_pair_counted_by_hand() -> None:
    # Same name up to case: matched. Kind, signing date and the undated entry
    # into force differ (one false positive and one false negative each); NZL
    # and trade are extra, WSM and fisheries are missed.
    found = counts(agreements(LAGOON_GOLD), agreements(LAGOON_PREDICTED))
    assert found == {
        "agreement": Counts(1, 0, 0), "kind": Counts(0, 1, 1),
        "party": Counts(2, 1, 0), "signed": Counts(0, 1, 1),
        "concerns": Counts(0, 0, 1), "topic": Counts(1, 1, 1),
        "event": Counts(1, 1, 1),
    }  # fmt: skip
    total = sum(found.values(), Counts())
    assert total == Counts(5, 5, 5)
    assert (total.precision, total.recall, total.f1) == (0.5, 0.5, 0.5)
    party = found["party"]
    assert (party.precision, party.recall) == (2 / 3, 1.0)
    assert party.f1 == pytest.approx(0.8)


def test_nothing_to_count_scores_zero_not_an_error() -> None:
    empty = Counts()
    assert (empty.precision, empty.recall, empty.f1) == (0.0, 0.0, 0.0)
    assert counts((), ()) == {kind: Counts() for kind in KINDS}


def test_missed_and_spurious_pairs_in_the_report() -> None:
    score = score_article(
        "lagoon", agreements(LAGOON_GOLD), agreements(LAGOON_PREDICTED)
    )
    [pair] = score.pairs
    assert pair.missed == (
        Fact("kind", "accord"), Fact("signed", "2019-03-04"), Fact("concerns", "WSM"),
        Fact("topic", "maritime_fisheries"), Fact("event", "in_force@2019-06"),
    )  # fmt: skip
    assert pair.spurious == (
        Fact("kind", "agreement"), Fact("party", "NZL"), Fact("signed", "2019-03"),
        Fact("topic", "trade"), Fact("event", "in_force@"),
    )  # fmt: skip
    text = report_text(Evaluation((score,)), verbose=True)
    assert text.startswith(
        "lagoon: 1 gold, 1 predicted, 1 matched\n"
        "  Lagoon Water Accord [FJI TON]"
        " (predicted as lagoon water accord [FJI NZL TON])\n"
        "    missed    kind accord\n"
    )
    assert "    spurious  event in_force (no date)\n" in text
    assert text.endswith(
        "articles: 1\n"
        "fact            P      R     F1   tp/fp/fn\n"
        "agreement   1.000  1.000  1.000   1/0/0\n"
        "kind        0.000  0.000  0.000   0/1/1\n"
        "party       0.667  1.000  0.800   2/1/0\n"
        "signed      0.000  0.000  0.000   0/1/1\n"
        "concerns    0.000  0.000  0.000   0/0/1\n"
        "topic       0.500  0.500  0.500   1/1/1\n"
        "event       0.500  0.500  0.500   1/1/1\n"
        "all         0.500  0.500  0.500   5/5/5\n"
    )
    assert report_text(Evaluation((score,))).startswith("articles: 1\n")
    data = report_json(Evaluation((score,)), verbose=True)
    assert data["all"] == {"p": 0.5, "r": 0.5, "f": 0.5, "tp": 5, "fp": 5, "fn": 5}
    assert len(data["mistakes"]["lagoon"]) == 10
    assert {
        "verdict": "spurious", "kind": "party", "value": "NZL",
        "agreement": "Lagoon Water Accord [FJI TON]",
    } in data["mistakes"]["lagoon"]  # fmt: skip


# ---------------------------------------------------------------------------
# Matching: which predicted agreement is which gold one
# ---------------------------------------------------------------------------


def test_a_shared_alias_matches_whatever_the_parties() -> None:
    # "T.O.N." and "t-o-n" both normalise to "t o n"; the parties are disjoint
    gold = agreements({"name": "Treaty of Nukualofa", "aliases": ["T.O.N."],
                       "kind": "treaty", "parties": ["FJI"]})  # fmt: skip
    predicted = agreements({"aliases": ["t-o-n"], "kind": "treaty", "parties": ["NZL"]})
    assert match(gold, predicted) == [(0, 0)]
    assert counts(gold, predicted)["party"] == Counts(0, 1, 1)


def test_parties_overlapping_by_half_match_and_by_a_third_do_not() -> None:
    half = agreements({"kind": "treaty", "parties": ["CHL", "PER"]})
    third = agreements({"kind": "treaty", "parties": ["BOL", "CHL", "PER"]})
    predicted = agreements({"kind": "treaty", "parties": ["CHL"]})
    assert similarity(half[0], predicted[0]) == 2 * 0.5 + 1  # parties, kind
    assert similarity(third[0], predicted[0]) is None
    assert match(third, predicted) == []
    # unmatched: every gold fact missed (agreement, kind, 3 parties), every
    # predicted fact spurious (agreement, kind, 1 party)
    assert counts(third, predicted) == {
        "agreement": Counts(0, 1, 1), "kind": Counts(0, 1, 1),
        "party": Counts(0, 1, 3), "signed": Counts(), "concerns": Counts(),
        "topic": Counts(), "event": Counts(),
    }  # fmt: skip


def test_the_most_similar_pair_is_taken_not_the_first() -> None:
    gold = agreements(
        {"kind": "treaty", "parties": ["CHL", "PER"]},
        {"kind": "pact", "parties": ["CHL", "PER"]},
    )
    predicted = agreements({"kind": "pact", "parties": ["CHL", "PER"]})
    assert match(gold, predicted) == [(1, 0)]
    score = score_article("test", gold, predicted)
    assert score.missed == (gold[0],)
    assert score.counts["kind"] == Counts(1, 0, 1)


def test_ties_go_to_the_earlier_gold_then_the_earlier_prediction() -> None:
    twice = agreements(
        {"kind": "deal", "parties": ["CHL", "PER"], "topics": ["trade"]},
        {"kind": "deal", "parties": ["CHL", "PER"], "topics": ["trade"]},
    )
    assert match(twice, twice[:1]) == [(0, 0)]
    assert match(twice[:1], twice) == [(0, 0)]
    assert match(twice, twice) == [(0, 0), (1, 1)]


def test_matching_is_greedy_even_where_another_assignment_matches_more() -> None:
    # G0-P0 is the best pair (name, parties, kind: 6). G1 could only have P0
    # (name: 3), G0 could also have had P1 (parties: 2). Greedy takes G0-P0,
    # so G1 and P1 stay unmatched, as the reference scorer leaves them.
    gold = agreements(
        {"name": "Beta Pact", "kind": "pact", "parties": ["CHL", "PER"]},
        {"name": "Beta Pact", "kind": "accord", "parties": ["NRU"]},
    )
    predicted = agreements(
        {"name": "Beta Pact", "kind": "pact", "parties": ["CHL", "PER"]},
        {"kind": "treaty", "parties": ["CHL", "PER"]},
    )
    assert similarity(gold[0], predicted[0]) == 6
    assert similarity(gold[1], predicted[0]) == 3
    assert similarity(gold[0], predicted[1]) == 2
    assert similarity(gold[1], predicted[1]) is None
    assert match(gold, predicted) == [(0, 0)]
    assert counts(gold, predicted) == {
        "agreement": Counts(1, 1, 1), "kind": Counts(1, 1, 1),
        "party": Counts(2, 2, 1), "signed": Counts(), "concerns": Counts(),
        "topic": Counts(), "event": Counts(),
    }  # fmt: skip


def test_two_unknown_kinds_agree_and_an_unknown_date_is_no_fact() -> None:
    gold = agreements({"parties": ["CHL"], "signed": None})
    predicted = agreements({"parties": ["CHL"], "kind": None, "signed": ""})
    # parties 2, kinds both unknown 1, no signing date to agree on
    assert similarity(gold[0], predicted[0]) == 3
    assert gold[0].facts() == (
        Fact("agreement", ""), Fact("kind", ""), Fact("party", "CHL"),
    )  # fmt: skip
    assert counts(gold, predicted)["kind"] == Counts(1, 0, 0)
    assert counts(gold, predicted)["signed"] == Counts()


def test_repeats_count_once_and_a_null_date_is_an_empty_one() -> None:
    [repeated] = agreements({
        "kind": "deal", "parties": ["FJI", "FJI", "TON"],
        "events": [{"type": "signed", "date": None}, {"type": "signed"},
                   {"type": "signed", "date": ""}],
    })  # fmt: skip
    assert repeated.facts() == (
        Fact("agreement", ""), Fact("kind", "deal"), Fact("party", "FJI"),
        Fact("party", "TON"), Fact("event", "signed@"),
    )  # fmt: skip


def test_evaluation_sums_articles_and_all_kinds() -> None:
    first = score_article("a", agreements(LAGOON_GOLD), agreements(LAGOON_PREDICTED))
    second = score_article("b", agreements(LAGOON_GOLD), ())
    totals = Evaluation((first, second)).counts()
    assert totals["party"] == Counts(2, 1, 2)
    assert totals["all"] == Counts(5, 5, 15)
    assert list(totals) == [*KINDS, "all"]


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        ([], 'no "agreements" list'),
        ({"article": {}}, 'no "agreements" list'),
        ({"agreements": ["GSOMIA"]}, "agreement 1 is 'GSOMIA', not an object"),
        ({"agreements": [{"parties": "FJI"}]}, '"parties" must be a list of strings'),
        ({"agreements": [{"signed": 2019}]}, '"signed" must be a string or null'),
        ({"agreements": [{"events": [{"date": "2019"}]}]}, 'has no "type"'),
    ],
)
def test_a_malformed_gold_document_names_file_and_field(
    document: object, problem: str
) -> None:
    with pytest.raises(GoldError) as error:
        parse_agreements(document, source="gold/coast.json")
    assert str(error.value).startswith("gold/coast.json: ")
    assert problem in str(error.value)


# ---------------------------------------------------------------------------
# Against the reference scorer
# ---------------------------------------------------------------------------


def reference_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("reference_score", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _reference_counts(gold: list[dict], predicted: list[dict]) -> dict[str, Counts]:
    scorer = reference_scorer()
    found = {kind: {"tp": 0, "fp": 0, "fn": 0} for kind in KINDS}
    scorer.score_article({"agreements": gold}, {"agreements": predicted}, found, [])
    return {kind: Counts(**c) for kind, c in found.items()}


_codes = st.lists(st.sampled_from(["CHL", "PER", "BOL", "FJI"]), max_size=4)
_agreement = st.fixed_dictionaries(
    {
        "name": st.sampled_from([None, "", "Beta Pact", "beta-pact", "Gamma Deal"]),
        "aliases": st.lists(st.sampled_from(["BP", "b.p.", "GD"]), max_size=2),
        "kind": st.sampled_from([None, "", "pact", "deal", "treaty"]),
        "parties": _codes,
        "signed": st.sampled_from([None, "", "2020", "2020-01", "2020-01-02"]),
        "concerns": _codes,
        "topics": st.lists(st.sampled_from(["trade", "energy", "health"]), max_size=3),
        "events": st.lists(
            st.fixed_dictionaries(
                {
                    "type": st.sampled_from(["signed", "agreed", "failed"]),
                    "date": st.sampled_from([None, "", "2020", "2020-01"]),
                }
            ),
            max_size=3,
        ),
    }
)


@needs_shared
@settings(max_examples=300, deadline=None)
@given(
    gold=st.lists(_agreement, max_size=4), predicted=st.lists(_agreement, max_size=4)
)
def test_counts_agree_with_the_reference_scorer_on_any_article(
    gold: list[dict], predicted: list[dict]
) -> None:
    ours = score_article(
        "any",
        parse_agreements({"agreements": gold}, source="gold"),
        parse_agreements({"agreements": predicted}, source="predicted"),
    )
    assert dict(ours.counts) == _reference_counts(gold, predicted)


@needs_shared
def test_dev_corpus_scores_equal_the_reference_scorer(tmp_path: Path) -> None:
    """`evaluate` on the dev corpus prints what score.py prints for the
    predictions `extract --format facts` writes, to the last digit."""
    predictions = tmp_path / "predictions"
    extract = ["extract", str(DEV), "--format", "facts", "--out", str(predictions)]
    assert main(extract) == 0

    def scorer(*options: str) -> str:
        command = [sys.executable, str(SCORER), str(DEV), str(predictions), *options]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        return done.stdout

    evaluation = evaluate(DEV)
    assert evaluation.notes == () and evaluation.unextracted == ()
    assert report_text(evaluation) == scorer()
    # score.py --json gives p, r, f; the counts are in its table (tp/fp/fn)
    reference = json.loads(scorer("--json"))
    ours = report_json(evaluation)
    for kind in (*KINDS, "all"):
        assert {k: ours[kind][k] for k in "prf"} == reference[kind], kind
    table = {
        line.split()[0]: line.split()[-1]
        for line in scorer().splitlines()[2:]
    }  # fmt: skip
    assert {k: f"{c.tp}/{c.fp}/{c.fn}" for k, c in evaluation.counts().items()} == table
    assert ours["articles"] == reference["articles"] == len(list(DEV.glob("*.json")))


# ---------------------------------------------------------------------------
# The command
# ---------------------------------------------------------------------------

# Written for these tests: one agreement between two states, signed "on
# Monday" (2024-02-12 for an article of Wednesday 2024-02-14), in force later.
COAST = (
    "published: 2024-02-14\n"
    "title: Chile and Peru sign fisheries agreement\n"
    "\n"
    "LIMA, Feb. 14 -- Chile and Peru signed an agreement on fisheries cooperation "
    "on Monday, the two foreign ministries said.\n"
    "\n"
    "The agreement will enter into force on March 1.\n"
)


@pytest.fixture
def gold_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A folder with one article whose gold facts are what diplograph extracts
    from it, so the scores below do not depend on the extractor's quality."""
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "coast.txt").write_text(COAST, encoding="utf-8")
    extract = ["extract", str(folder), "--format", "facts", "--out", str(folder)]
    assert main(extract) == 0
    capsys.readouterr()
    return folder


def test_evaluate_own_output_scores_perfectly(
    gold_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["evaluate", str(gold_dir)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[:2] == ["articles: 1", "fact            P      R     F1   tp/fp/fn"]
    assert [line.split()[0] for line in lines[2:]] == [*KINDS, "all"]
    assert lines[2].startswith("agreement   1.000  1.000  1.000   ")
    assert lines[-1].startswith("all         1.000  1.000  1.000   ")
    assert lines[-1].endswith("/0/0")


def test_evaluate_verbose_lists_missed_and_spurious_facts(
    gold_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold_file = gold_dir / "coast.json"
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    [extracted] = gold["agreements"]
    parties = list(extracted["parties"])
    extracted["parties"] = [*parties, "XKX"]  # one the article does not name
    gold["agreements"].append(
        {"name": "Imaginary Pact", "kind": "pact", "parties": ["NRU"]}
    )
    gold_file.write_text(json.dumps(gold), encoding="utf-8")
    assert main(["evaluate", str(gold_dir), "--verbose"]) == 0
    out = capsys.readouterr().out
    assert "coast: 2 gold, 1 predicted, 1 matched\n" in out
    assert f" [{' '.join(parties)} XKX] (predicted as " in out
    assert "    missed    party XKX\n" in out
    assert "  missed agreement Imaginary Pact [NRU]: 3 missed facts\n" in out
    assert "    agreement, kind pact, party NRU\n" in out
    assert "spurious" not in out

    assert main(["evaluate", str(gold_dir), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["articles"] == 1 and "mistakes" not in data
    assert data["party"]["fn"] == 2 and data["party"]["fp"] == 0
    assert data["agreement"] == {
        "p": 1.0, "r": 0.5, "f": 2 / 3, "tp": 1, "fp": 0, "fn": 1,
    }  # fmt: skip


def test_evaluate_skips_an_article_without_gold(
    gold_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (gold_dir / "spare.txt").write_text(COAST, encoding="utf-8")
    (gold_dir / "README.md").write_text("# Our gold\n", encoding="utf-8")
    assert main(["evaluate", str(gold_dir)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("articles: 1\n")
    assert "spare.txt: no gold file spare.json beside it" in captured.err
    assert "README" not in captured.err


def test_evaluate_scores_gold_without_an_article_as_nothing_found(
    gold_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (gold_dir / "lost.json").write_text(json.dumps({"agreements": [
        {"kind": "pact", "parties": ["NRU", "TUV"]}]}), encoding="utf-8")  # fmt: skip
    assert main(["evaluate", str(gold_dir), "--json"]) == 1
    captured = capsys.readouterr()
    assert "lost.json scored as predicting nothing: no article lost.txt" in captured.err
    data = json.loads(captured.out)
    assert data["articles"] == 2
    assert data["agreement"]["fn"] == 1 and data["party"]["fn"] == 2


def test_evaluate_scores_gold_with_an_unreadable_article_as_nothing_found(
    gold_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (gold_dir / "undated.txt").write_text("title: No date\n\nText.\n", encoding="utf-8")
    (gold_dir / "undated.json").write_text('{"agreements": []}', encoding="utf-8")
    assert main(["evaluate", str(gold_dir)]) == 1
    err = capsys.readouterr().err
    assert "undated.json scored as predicting nothing: " in err
    assert "no publication date" in err


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda d: None, "no such folder"),
        (lambda d: d.mkdir(), "no gold files (NAME.json) in this folder"),
        (lambda d: (d.mkdir(), (d / "a.txt").write_text(COAST)),
         "no gold files (NAME.json) in this folder"),
        (lambda d: (d.mkdir(), (d / "a.json").write_text('{"agreements": [')),
         "a.json: not valid JSON"),
        (lambda d: (d.mkdir(), (d / "a.json").write_text('{"facts": []}')),
         'a.json: not a gold facts file: no "agreements" list'),
        (lambda d: (d.mkdir(), (d / "a.json").write_bytes(b"\xff\xfe{")),
         "a.json: cannot be read"),
    ],
    ids=["missing", "empty", "articles-only", "bad-json", "not-gold", "not-utf8"],
)  # fmt: skip
def test_evaluate_errors_exit_2_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], setup: Any, message: str
) -> None:
    folder = tmp_path / "gold"
    setup(folder)
    assert main(["evaluate", str(folder)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"diplograph: error: {folder}")
    assert message in captured.err
