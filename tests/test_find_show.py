"""Find and see: agreements by any name an article used (folded, never a
guess among several), ``diplograph search`` and ``diplograph show``.

Four short articles written for these tests, built into graphs from hand-made
facts (so the extractor's choices do not move them) and stored on every
backend:

- A: Chile and Peru sign the Phase Two Fisheries Deal ("the phase-two deal",
  "Phase 2") on 2021-03-01;
- B: Ghana and Togo sign the Gulf Maritime Security Arrangement ("G.M.S.A."),
  whose second sentence speaks of fisheries patrols;
- C: Laos and Vietnam ratify the Greater Mekong Sanitation Accord ("GMSA") and
  sign an unnamed memorandum: "gmsa" names two agreements;
- D: the Phase Two Fisheries Deal again, merged with A's node, signed on
  2021-03-02 (a conflict) and ratified by Peru in June 2021.

The command line is tried on the bundled examples too.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from rdflib import RDF, Graph, URIRef
from support import EXAMPLES, quads

from diplograph.build import build_graph
from diplograph.cli import main
from diplograph.curation import split
from diplograph.errors import QueryError
from diplograph.find import resolve_agreement, search
from diplograph.iri import INFERRED_GRAPH, agreement_iri, article_iri, party_iri
from diplograph.loader import ensure_ontology
from diplograph.model import (
    AgreementFact,
    Article,
    ArticleFacts,
    Event,
    Evidence,
    Resolution,
)
from diplograph.namespaces import DATA_BASE, DG
from diplograph.queries import run_query
from diplograph.show import (
    Claim,
    Party,
    agreement_view,
    article_view,
    country_view,
    identify,
)
from diplograph.store import Store, open_store


def sentences(text: str) -> list[tuple[int, str]]:
    """Each line of ``text`` with its offset."""
    found, start = [], 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            found.append((start, line.strip()))
        start += len(line)
    return found


def facts(
    name: str, text: str, published: str, publisher: str, *agreements: AgreementFact
) -> ArticleFacts:
    article = Article(
        text=text, title=text.split(" -- ")[1].split(",")[0],
        published=date.fromisoformat(published), source=f"/data/{name}.txt",
        url=f"https://example.org/find/{name}", publisher=publisher,
    )  # fmt: skip
    return ArticleFacts(article, agreements)


def evidence(text: str, *numbers: int) -> tuple[Evidence, ...]:
    spans = sentences(text)
    return tuple(
        Evidence(spans[n][0], spans[n][0] + len(spans[n][1]), spans[n][1])
        for n in numbers
    )


A_TEXT = (
    "LIMA, March 4 (Harbour Post) -- Chile and Peru signed the Phase Two Fisheries "
    "Deal on Monday, a trade official said.\n"
    "Officials called it the phase-two deal, or simply Phase 2.\n"
)
B_TEXT = (
    "ACCRA, May 2 (Coast Daily) -- Ghana and Togo signed the Gulf Maritime Security "
    "Arrangement, known as G.M.S.A., on Friday.\n"
    "The arrangement covers joint fisheries patrols.\n"
)
C_TEXT = (
    "VIENTIANE, June 9 (River Times) -- Laos and Vietnam ratified the Greater Mekong "
    "Sanitation Accord (GMSA) this week.\n"
    "The two also signed a memorandum on river transport.\n"
)
D_TEXT = (
    "SANTIAGO, July 1 (Andes Wire) -- Peru and Chile signed their Phase Two "
    "Fisheries Deal on March 2, 2021.\n"
    "Peru's congress ratified it in June.\n"
)
PHASE_TWO = AgreementFact(
    kind="deal", parties=("CHL", "PER"), name="Phase Two Fisheries Deal",
    aliases=("the phase-two deal", "Phase 2"), signed="2021-03-01",
    topics=("maritime_fisheries",),
    events=(Event("signed", "2021-03-01", evidence=evidence(A_TEXT, 0)),),
    evidence=evidence(A_TEXT, 0, 1),
)  # fmt: skip
GULF = AgreementFact(
    kind="arrangement", parties=("GHA", "TGO"),
    name="Gulf Maritime Security Arrangement", aliases=("G.M.S.A.",),
    signed="2022-04-29",
    events=(Event("signed", "2022-04-29", evidence=evidence(B_TEXT, 0)),),
    evidence=evidence(B_TEXT, 0, 1),
)  # fmt: skip
MEKONG = AgreementFact(
    kind="accord", parties=("LAO", "VNM"), name="Greater Mekong Sanitation Accord",
    aliases=("GMSA",),
    events=(Event("ratified", "2023-06", actors=("LAO", "VNM"),
                  evidence=evidence(C_TEXT, 0)),),
    evidence=evidence(C_TEXT, 0),
)  # fmt: skip
RIVER = AgreementFact(
    kind="memorandum_of_understanding", parties=("LAO", "VNM"), topics=("transport",),
    evidence=evidence(C_TEXT, 1),
)  # fmt: skip
PHASE_TWO_AGAIN = AgreementFact(
    kind="deal", parties=("CHL", "PER"), name="Phase Two Fisheries Deal",
    signed="2021-03-02",
    events=(
        Event("signed", "2021-03-02", evidence=evidence(D_TEXT, 0)),
        Event("ratified", "2021-06", actors=("PER",), evidence=evidence(D_TEXT, 1)),
    ),
    evidence=evidence(D_TEXT, 0),
)  # fmt: skip
A = facts("phase-two-signed", A_TEXT, "2021-03-04", "Harbour Post", PHASE_TWO)
B = facts("gulf-arrangement", B_TEXT, "2022-05-02", "Coast Daily", GULF)
C = facts("mekong-accord", C_TEXT, "2023-06-09", "River Times", MEKONG, RIVER)
D = facts("phase-two-ratified", D_TEXT, "2021-07-01", "Andes Wire", PHASE_TWO_AGAIN)
ARTICLE_A, ARTICLE_D = str(article_iri(A.article)), str(article_iri(D.article))
PHASE_TWO_IRI = str(agreement_iri(article_iri(A.article), PHASE_TWO))
GULF_IRI = str(agreement_iri(article_iri(B.article), GULF))
MEKONG_IRI = str(agreement_iri(article_iri(C.article), MEKONG))
RIVER_IRI = str(agreement_iri(article_iri(C.article), RIVER))
RIVER_LABEL = "memorandum of understanding between Laos and Vietnam"


def store_news(store: Store) -> Store:
    """The four articles in ``store``; D's deal is A's node."""
    ensure_ontology(store)
    for article, resolutions in (
        (A, None), (B, None), (C, None),
        (D, [Resolution(PHASE_TWO_IRI, "name", 1.0, (ARTICLE_A,))]),
    ):  # fmt: skip
        graph = build_graph(article, resolutions=resolutions)
        store.replace_graph(article_iri(article.article), graph)
    return store


@pytest.fixture
def news(store: Store) -> Store:
    return store_news(store)


# ---------------------------------------------------------------------------
# Find: one function for every agreement reference
# ---------------------------------------------------------------------------


def test_any_name_alias_or_label_an_article_used_finds_the_agreement(
    news: Store,
) -> None:
    for ref in (
        "Phase Two Fisheries Deal", "phase two fisheries deal",
        "the phase-two deal", "Phase-Two Deal", "PHASE TWO DEAL", "phase-two  deal",
        "Phase 2", "phase 2.", " Phase 2 ",
        PHASE_TWO_IRI, PHASE_TWO_IRI.removeprefix(DATA_BASE),  # as tables print it
    ):  # fmt: skip
        assert resolve_agreement(ref, news) == PHASE_TWO_IRI, ref
    assert resolve_agreement(RIVER_LABEL.upper(), news) == RIVER_IRI  # a label
    # a form no article used is no name of it
    with pytest.raises(QueryError, match="no agreement named 'Phase II'"):
        resolve_agreement("Phase II", news)


def test_a_name_several_agreements_have_lists_them_instead_of_picking_one(
    news: Store,
) -> None:
    before = quads(news)
    for ref in ("gmsa", "G.M.S.A.", "GMSA"):  # acronyms with and without dots
        with pytest.raises(QueryError) as caught:
            resolve_agreement(ref, news)
        message = str(caught.value)
        assert message.startswith(f"{ref!r} names 2 agreements; give the IRI of one:")
        assert (
            f"  {GULF_IRI}  Gulf Maritime Security Arrangement "
            "(arrangement; GHA, TGO; signed 2022-04-29)"
        ) in message
        assert f"  {MEKONG_IRI}  Greater Mekong Sanitation Accord (accord; LAO, VNM)" in (
            message
        )
    # every place that takes an agreement: query parameters, split
    with pytest.raises(QueryError, match="names 2 agreements"):
        run_query(news, "lifecycle", agreement="gmsa")
    with pytest.raises(QueryError, match="names 2 agreements"):
        split(news, "GMSA", "mekong-accord")
    assert quads(news) == before  # the split changed nothing


def test_a_name_no_agreement_has_suggests_close_ones(news: Store) -> None:
    with pytest.raises(QueryError) as caught:
        resolve_agreement("Phase Two Fisheries Dael", news)
    assert str(caught.value).startswith(
        "no agreement named 'Phase Two Fisheries Dael' in the store. "
        "Did you mean 'Phase Two Fisheries Deal'?"
    )
    with pytest.raises(QueryError, match="Did you mean 'Greater Mekong Sanitation"):
        resolve_agreement("mekong", news)  # a part of a name
    with pytest.raises(QueryError) as caught:
        resolve_agreement("Zanzibar Pact", news)
    assert "Did you mean" not in str(caught.value)
    assert "diplograph search" in str(caught.value)


def test_an_agreement_iri_must_be_a_stored_agreement(news: Store) -> None:
    gone = DATA_BASE + "agreement/0123456789abcdef0123456789abcdef"
    for ref in (gone, ARTICLE_A):
        with pytest.raises(QueryError, match="no agreement"):
            resolve_agreement(ref, news)
    with pytest.raises(QueryError, match="not a valid absolute IRI"):
        resolve_agreement(PHASE_TWO_IRI + "> } ; DROP ALL ; {", news)


# ---------------------------------------------------------------------------
# search
# ---------------------------------------------------------------------------


def found(store: Store, text: str, **options: int) -> list[tuple[str, str, str]]:
    return [
        (hit.agreement.label, hit.field, hit.value)
        for hit in search(store, text, **options)[1]
    ]


def test_search_ranks_names_then_parties_then_sentences(news: Store) -> None:
    fisheries = [
        ("Phase Two Fisheries Deal", "name", "Phase Two Fisheries Deal"),
        ("Gulf Maritime Security Arrangement", "sentence",
         "The arrangement covers joint fisheries patrols."),
    ]  # fmt: skip
    assert found(news, "fisheries") == fisheries
    assert found(news, "FISHERIES") == fisheries  # case ignored
    assert found(news, "phase 2") == [("Phase Two Fisheries Deal", "alias", "Phase 2")]
    assert found(news, "laos") == [
        (RIVER_LABEL, "label", RIVER_LABEL),
        ("Greater Mekong Sanitation Accord", "party", "Laos (LAO)"),
    ]
    assert found(news, "TGO") == [
        ("Gulf Maritime Security Arrangement", "party", "Togo (TGO)")
    ]
    # a name the gazetteer knows for a party ("Republic of Peru" is no label)
    assert found(news, "Republic of Peru") == [
        ("Phase Two Fisheries Deal", "party", "Peru (PER)")
    ]
    assert found(news, "congress ratified") == [
        ("Phase Two Fisheries Deal", "sentence", "Peru's congress ratified it in June.")
    ]
    total, hits = search(news, "fisheries", limit=1)
    assert (total, len(hits)) == (2, 1)


def test_search_takes_any_text_as_a_value(news: Store) -> None:
    before = quads(news)
    assert found(news, '" } ; DROP ALL ; #') == []
    assert found(news, "nothing like this") == []
    with pytest.raises(QueryError, match="no letter or digit"):
        search(news, " .. ")
    assert quads(news) == before


# ---------------------------------------------------------------------------
# show
# ---------------------------------------------------------------------------


def test_show_tries_an_article_then_a_country_then_an_agreement(news: Store) -> None:
    def kind(ref: str) -> tuple[str, str]:
        subject = identify(news, ref)
        return subject.kind, subject.iri

    for ref in ("phase-two-signed", "/elsewhere/phase-two-signed.txt",
                "https://example.org/find/phase-two-signed", ARTICLE_A,
                ARTICLE_A.removeprefix(DATA_BASE)):  # fmt: skip
        assert kind(ref) == ("article", ARTICLE_A)
    for ref in ("Peru", "PER", "Republic of Peru", "country/PER"):
        assert kind(ref) == ("country", str(party_iri("PER")))
    for ref in ("phase 2", PHASE_TWO_IRI):
        assert kind(ref) == ("agreement", PHASE_TWO_IRI)
    with pytest.raises(QueryError, match="'gmsa' names 2 agreements"):
        identify(news, "gmsa")
    with pytest.raises(QueryError) as caught:
        identify(news, "Narnia")
    assert str(caught.value).startswith(
        "nothing stored matches 'Narnia': it is no stored article's IRI"
    )
    # two articles from files of the same name
    other = build_graph(
        ArticleFacts(
            Article(text="Nothing here.", title="T", published=date(2021, 1, 1),
                     source="/other/phase-two-signed.txt"), ()
        )
    )  # fmt: skip
    [other_iri] = other.subjects(RDF.type, DG.Article)
    news.replace_graph(URIRef(other_iri), other)
    with pytest.raises(QueryError, match="'phase-two-signed' names 2 articles") as e:
        identify(news, "phase-two-signed")
    assert ARTICLE_A in str(e.value) and str(other_iri) in str(e.value)


def test_show_an_agreement_whole(news: Store) -> None:
    inferred = Graph()
    inferred.add((URIRef(PHASE_TWO_IRI), RDF.type, DG.BilateralAgreement))
    news.replace_graph(INFERRED_GRAPH, inferred)  # as `diplograph reason` does
    view = agreement_view(news, PHASE_TWO_IRI)
    assert (view.label, view.names, view.aliases, view.kinds) == (
        "Phase Two Fisheries Deal", ("Phase Two Fisheries Deal",),
        ("Phase 2", "the phase-two deal"), ("deal",),
    )  # fmt: skip
    assert view.parties == (Party("CHL", "Chile"), Party("PER", "Peru"))
    assert view.signed == ("2021-03-01", "2021-03-02")
    assert view.inferred == ("bilateral agreement",)
    assert [(s["name"], s["status"], s["date"]) for s in view.status] == [
        ("Chile", "signed", "2021-03-02"),
        ("Peru", "ratified", "2021-06"),
    ]
    assert [(e["date"], e["event"]) for e in view.lifecycle] == [
        ("2021-03-01", "signing"), ("2021-03-02", "signing"),
        ("2021-06", "ratification"),
    ]  # fmt: skip
    # every source, oldest first, with the sentence of each claim
    assert [
        (s.article.url, s.article.publisher, s.article.published, s.article.file)
        for s in view.sources
    ] == [
        ("https://example.org/find/phase-two-signed", "Harbour Post", "2021-03-04",
         "phase-two-signed"),
        ("https://example.org/find/phase-two-ratified", "Andes Wire", "2021-07-01",
         "phase-two-ratified"),
    ]  # fmt: skip
    first, second = (set(s.claims) for s in view.sources)
    assert Claim("alias", "Phase 2", A_TEXT.splitlines()[0]) in first
    assert Claim("event", "Ratification 2021-06", D_TEXT.splitlines()[1]) in second
    assert Claim("signingDate", "2021-03-02", D_TEXT.splitlines()[0]) in second
    [conflict] = view.conflicts
    assert (conflict["claim"], conflict["value"], conflict["otherValue"]) == (
        "signing date", "2021-03-01", "2021-03-02",
    )  # fmt: skip


def test_show_a_country_and_an_article(news: Store) -> None:
    peru = country_view(news, str(party_iri("PER")))
    assert (peru.code, peru.name, peru.organization) == ("PER", "Peru", False)
    assert [a["agreement"] for a in peru.agreements] == [PHASE_TWO_IRI]
    assert peru.concerning == ()
    assert [(p["name"], p["agreements"]) for p in peru.partners] == [("Chile", 1)]
    view = article_view(news, ARTICLE_D)
    assert (view.article.title, view.article.published) == (
        "Peru and Chile signed their Phase Two Fisheries Deal on March 2",
        "2021-07-01",
    )
    [read] = view.agreements
    assert (read.iri, read.rule, read.score, read.supported_by) == (
        PHASE_TWO_IRI, "name", "1", (ARTICLE_A,),
    )  # fmt: skip
    assert [(e.type, e.date, e.by, e.sentences) for e in read.events] == [
        ("signed", "2021-03-02", (), (D_TEXT.splitlines()[0],)),
        ("ratified", "2021-06", ("PER",), (D_TEXT.splitlines()[1],)),
    ]
    mekong = article_view(news, str(article_iri(C.article)))
    assert [(a.label, a.rule) for a in mekong.agreements] == [
        ("Greater Mekong Sanitation Accord", None), (RIVER_LABEL, None),
    ]  # in the order of the text  # fmt: skip


# ---------------------------------------------------------------------------
# The command line
# ---------------------------------------------------------------------------

MOU_URL = (
    "https://example.org/wire/2026/01/20/korea-japan-us-intelligence-memorandum"
)
MOU_LABEL = "memorandum of understanding between Japan, South Korea and United States"


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The bundled examples in an embedded store, shared: the commands here
    only read it."""
    folder = str(tmp_path_factory.mktemp("examples") / "store")
    assert main(["load", str(EXAMPLES), "--store", folder, "--quiet"]) == 0
    return folder


Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    def call(*argv: str) -> tuple[int, str, str]:
        capsys.readouterr()
        status = main(list(argv))
        out, err = capsys.readouterr()
        return status, out, err

    return call


def test_show_the_example_memorandum(examples: str, run: Run) -> None:
    status, out, _ = run("show", MOU_LABEL, "--store", examples, "--format", "json")
    assert status == 0
    view = json.loads(out)
    assert (view["type"], view["label"], view["signed"]) == (
        "agreement", MOU_LABEL, ["2025-12"]
    )
    assert [p["code"] for p in view["parties"]] == ["JPN", "KOR", "USA"]
    [source] = view["sources"]
    assert source["article"]["url"] == MOU_URL
    assert any(
        c["sentence"].startswith("SEOUL, Jan. 20 (Example Wire) -- South Korea")
        for c in source["claims"]
    )
    status, out, _ = run("show", MOU_LABEL.upper(), "--store", examples)
    assert status == 0
    assert out.startswith(f"{MOU_LABEL}\n  {view['iri']}\n")
    words = " ".join(out.split())  # lines wrap at the terminal's width
    for part in ("Japan (JPN), South Korea (KOR), United States (USA)",
                 "Status by party", "Lifecycle", f"Example Wire {MOU_URL}",
                 "“SEOUL, Jan. 20 (Example Wire)", "Conflicting claims"):  # fmt: skip
        assert part in words, part
    # the same agreement seen from its article, found by file name
    status, out, _ = run(
        "show", "kor-jpn-usa-intelligence-mou-2026-01-20", "--store", examples,
        "--format", "json",
    )  # fmt: skip
    article = json.loads(out)
    assert article["type"] == "article"
    assert [a["iri"] for a in article["agreements"]] == [view["iri"]]


def test_show_a_country_and_nothing(examples: str, run: Run) -> None:
    status, out, _ = run("show", "South Korea", "--store", examples)
    assert status == 0
    assert out.startswith("South Korea (KOR), country\n")
    words = " ".join(out.split())  # lines wrap at the terminal's width
    assert MOU_LABEL in words and "Japan (JPN)" in words
    status, out, err = run("show", "Narnia", "--store", examples)
    assert (status, out) == (2, "")
    assert "nothing stored matches 'Narnia'" in err
    assert ".;" not in err


def test_search_on_the_command_line(examples: str, run: Run) -> None:
    status, out, _ = run("search", "cluster", "munitions", "--store", examples,
                         "--format", "json")  # fmt: skip
    assert status == 0
    document = json.loads(out)
    # the convention by its name: one row for it, though sentences say it too
    (name,) = document["results"]
    assert (name["label"], name["field"], name["parties"]) == (
        "Convention on Cluster Munitions", "name", ["LTU"]
    )
    status, out, _ = run("search", "missile", "--store", examples, "--format", "csv")
    assert status == 0
    assert out.splitlines()[0] == "label,kind,parties,signed,field,matched,agreement"
    assert f"{MOU_LABEL}" in out and ",sentence," in out
    status, out, err = run("search", "Zanzibar", "--store", examples)
    assert (status, out) == (0, "(no results)\n")
    assert "nothing matches 'Zanzibar'" in err
    status, out, err = run("search", "a", "--store", examples, "--limit", "1")
    assert status == 0 and "(1 row)" in out
    assert "--limit N shows more" in err
    with pytest.raises(SystemExit) as exit_info:
        main(["search", "x", "--limit", "0", "--store", examples])
    assert exit_info.value.code == 2


def test_query_parameters_find_agreements_by_folded_names(
    examples: str, run: Run
) -> None:
    for ref in ("ccm", "C.C.M.", "the convention on cluster munitions"):
        status, out, _ = run("query", "lifecycle", "--param", f"agreement={ref}",
                             "--store", examples, "--format", "csv")  # fmt: skip
        assert status == 0, ref
        assert "withdrawal" in out


def test_an_ambiguous_name_exits_2_listing_the_candidates(
    tmp_path: Path, run: Run
) -> None:
    folder = str(tmp_path / "store")
    store_news(open_store(folder, create=True)).close()
    for argv in (
        ["show", "gmsa"], ["query", "lifecycle", "--param", "agreement=gmsa"],
        ["split", "GMSA", "--article", "mekong-accord"],
    ):  # fmt: skip
        status, out, err = run(*argv, "--store", folder)
        assert (status, out) == (2, ""), argv
        assert "'gmsa' names 2 agreements" in err.lower()
        assert GULF_IRI in err and MEKONG_IRI in err


@pytest.mark.parametrize("command", [["search", "x"], ["show", "KOR"]])
def test_search_and_show_refuse_a_missing_store(
    tmp_path: Path, run: Run, command: list[str]
) -> None:
    missing = tmp_path / "nowhere"
    status, out, err = run(*command, "--store", str(missing))
    assert (status, out) == (2, "")
    assert str(missing) in err
    assert not missing.exists()
