"""Keep what is right, report what is wrong: an article whose graph breaks the
shapes is stored without the facts at fault, which are reported in words; with
``strict`` (``load --strict``) it is rejected whole, as is an article whose only
agreement is broken. Run on every backend (the embedded store and a server)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from rdflib import RDF
from support import WriteArticle, quads

from diplograph.cli import main
from diplograph.extract import extract
from diplograph.iri import article_iri
from diplograph.loader import Loader
from diplograph.model import AgreementFact, Article, ArticleFacts, Event, Evidence
from diplograph.namespaces import DG
from diplograph.settings import Settings
from diplograph.store import Store

# published June 1: the entry into force "on July 1, 2019" lies after it and the
# text does not say it is planned; the signing is right
ANDES = (
    "Bolivia and Paraguay signed a river navigation treaty on May 10, 2019. "
    "The treaty took effect on July 1, 2019.\n"
)
ANDES_ARTICLE = Article(ANDES, "River treaty", date(2019, 6, 1), "andes.txt")
DROPPED = (
    "dropped: in_force@2019-07-01 of 'treaty between Bolivia and Paraguay': an "
    "entry into force dated after the day the article was published, though the "
    "text does not say it is planned (sentence: 'The treaty took effect on July 1, "
    "2019.')"
)


def _loader(store: Store, *, strict: bool = False) -> Loader:
    loader = Loader(store, settings=Settings.gather(strict=strict))
    loader.ensure_ontology()
    return loader


def test_a_wrong_event_is_dropped_and_the_agreement_stored(store: Store) -> None:
    outcome = _loader(store).store_facts(extract(ANDES_ARTICLE))
    assert outcome.status == "stored"
    assert [str(d) for d in outcome.dropped] == [DROPPED]
    assert outcome.report is not None and outcome.report.conforms
    assert outcome.report_before is not None and not outcome.report_before.conforms
    stored = store.export_graph(article_iri(ANDES_ARTICLE))
    assert len(list(stored.subjects(RDF.type, DG.Agreement))) == 1
    events = {
        str(t) for e in stored.subjects(DG.ofAgreement) for t in stored.objects(e)
    }
    assert str(DG.Signing) in events and str(DG.EntryIntoForce) not in events


def test_strict_rejects_the_article_and_leaves_the_store(store: Store) -> None:
    loader = _loader(store, strict=True)
    before = quads(store)
    outcome = loader.store_facts(extract(ANDES_ARTICLE))
    assert outcome.status == "rejected" and outcome.dropped == ()
    assert quads(store) == before
    assert not store.has_graph(article_iri(ANDES_ARTICLE))


def test_an_article_whose_only_agreement_is_broken_is_rejected(store: Store) -> None:
    loader = _loader(store)
    loader.store_facts(extract(ANDES_ARTICLE))  # stored, without its wrong event
    before = quads(store)
    # the same article read again, its only party a code no gazetteer knows:
    # dropping it leaves the agreement without parties, which no smaller fact
    # than the agreement fixes, and then nothing is left
    span = Evidence(0, 70, ANDES[:70])
    broken = AgreementFact(
        "treaty", ("XXQ",), events=(Event("signed", "2019-05-10", evidence=(span,)),),
        evidence=(span,),
    )  # fmt: skip
    outcome = loader.store_facts(ArticleFacts(ANDES_ARTICLE, (broken,)), force=True)
    assert outcome.status == "rejected" and outcome.dropped == ()
    assert quads(store) == before  # the stored version is not lost


def test_only_the_broken_agreement_of_two_is_dropped(store: Store) -> None:
    good = extract(ANDES_ARTICLE).agreements[0]
    broken = AgreementFact("treaty", ("XXQ",), evidence=(Evidence(0, 70, ANDES[:70]),))
    outcome = _loader(store).store_facts(ArticleFacts(ANDES_ARTICLE, (good, broken)))
    assert outcome.status == "stored"
    reasons = {d.fact: d.reason for d in outcome.dropped}
    assert sorted(reasons) == ["agreement", "in_force@2019-07-01", "party XXQ"]
    assert reasons["agreement"].startswith("no state or organization")
    assert len(outcome.facts.agreements) == 1


@pytest.mark.parametrize("strict", [False, True])
def test_load_says_what_was_dropped_and_keeps_it(
    tmp_path: Path,
    write_article: WriteArticle,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    strict: bool,
) -> None:
    monkeypatch.chdir(tmp_path)
    path = write_article("andes.txt", ANDES, published="2019-06-01")
    location = str(tmp_path / "store")
    flags = ["--strict"] if strict else []
    status = main(["load", *flags, str(path), "--store", location])
    out, err = capsys.readouterr()
    if strict:
        assert status == 1
        assert f"REJECTED {path}" in err and "0 article(s) loaded" in out
        return
    assert status == 0
    assert "1 article(s) loaded (1 with facts dropped), 0 unchanged, 0 rejected" in out
    assert f"STORED {path} without 1 fact(s) that break the shapes" in err
    assert f"  {DROPPED}" in err
    [kept] = (Path(location) / "dropped").glob("andes-*.txt")
    assert kept.read_text(encoding="utf-8").startswith(DROPPED + "\n")
    assert kept.with_suffix(".ttl").exists()
    assert main(["load", str(path), "--store", location]) == 0  # stored: unchanged


def test_problems_lists_what_is_wrong_now_and_forgets_what_was_fixed(
    open_backend: Callable[[], Store],
    tmp_path: Path,
    write_article: WriteArticle,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)  # a server's reports are kept in ./diplograph-*
    store = open_backend()
    location = store.location
    store.close()  # the commands open it themselves
    path = write_article("andes.txt", ANDES, published="2019-06-01")
    assert main(["load", "--strict", str(path), "--store", location]) == 1
    capsys.readouterr()
    assert main(["problems", "--store", location]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"REJECTED VIOLATES {path} <")
    assert "1 article(s) rejected (not stored), 0 stored without some facts" in out
    # stored without the wrong fact: the rejection is over, the drop is told
    assert main(["load", str(path), "--store", location]) == 0
    capsys.readouterr()
    assert main(["problems", "--store", location, "--format", "json"]) == 1
    [report] = json.loads(capsys.readouterr().out)
    assert report["status"] == "dropped"
    assert report["text"].startswith(DROPPED + "\n")
    # the article corrected (same file, same URL): stored whole, nothing left
    path.write_text(path.read_text(encoding="utf-8").replace("took effect", "will take effect"), encoding="utf-8")  # fmt: skip
    assert main(["load", str(path), "--store", location]) == 0
    capsys.readouterr()
    assert main(["problems", "--store", location]) == 0
    assert "0 problem report(s)" in capsys.readouterr().out
