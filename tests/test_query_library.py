"""The query library: each saved question of the README with its exact rows.

One small corpus written for these tests, loaded through the pipeline once per
backend (the embedded store and ``oxigraph serve``), so the graphs are the
real ones. Eight agreements, two articles with none:

- Straits Intelligence Memorandum: JPN, KOR; signed 2014-12 (month); concerns
  PRK; reported in force 2015-04-01 by a second article;
- treaty between Chile and Peru: signed in 2014 (year only), fisheries;
- Danube Transport Agreement: AUT, HUN; signed 2015-03-10 (day);
- Baltic Energy Accord: EST, FIN; signed 2016-05; suspended 2018-09-01;
- treaty between Poland and South Korea: signed 2016-05-03; no topic;
- Northern Missile Treaty: RUS, USA; never signed here; USA withdrew
  2019-08-02; terminated (undated);
- agreement between Serbia and Kosovo: talks since 2013, failed 2015-06-23;
- Pacific Health Accord: JPN, KOR, USA; talks 2011, signed 2013-06-03 (two
  articles report the signing), ratified 2014, in force 2015-01-01,
  implemented (undated), to be renewed in 2016 (scheduled).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import BACKENDS
from support import quads

from diplograph.articles import read_articles
from diplograph.cli import main
from diplograph.errors import DiplographError, QueryError, StoreError
from diplograph.iri import article_iri
from diplograph.model import Article
from diplograph.pipeline import Processed, load
from diplograph.queries import run_query, saved_queries
from diplograph.store import Store

ARTICLES = {
    # name: (publisher, published, title, body)
    "memo": (
        "Harbor Wire", "2015-01-08", "Seoul and Tokyo sign intelligence memorandum",
        "SEOUL, Jan. 8 (Harbor Wire) -- South Korea and Japan signed the Straits "
        "Intelligence Memorandum in December 2014 to share intelligence on North "
        "Korea's missile programs, officials said.",
    ),
    "memo-in-force": (
        "Coastal Times", "2015-04-02", "Intelligence memorandum takes effect",
        "TOKYO, April 2 (Coastal Times) -- The Straits Intelligence Memorandum "
        "between Japan and South Korea took effect on April 1, 2015, the foreign "
        "ministry said.",
    ),
    "fisheries": (
        "Harbor Wire", "2014-11-20", "Chile and Peru sign fisheries treaty",
        "LIMA, Nov. 20 (Harbor Wire) -- Chile and Peru signed a fisheries treaty in "
        "2014 after years of disputes over catch limits, officials said.",
    ),
    "danube": (
        "Harbor Wire", "2015-03-11", "Austria, Hungary sign river freight deal",
        "VIENNA, March 11 (Harbor Wire) -- Austria and Hungary signed the Danube "
        "Transport Agreement on March 10, 2015, setting shared rules for river "
        "freight.",
    ),
    "baltic": (
        "Coastal Times", "2016-05-20", "Estonia and Finland sign energy accord",
        "TALLINN, May 20 (Coastal Times) -- Estonia and Finland signed the Baltic "
        "Energy Accord in May 2016 to link their power grids.",
    ),
    "baltic-suspended": (
        "Coastal Times", "2018-09-03", "Finland suspends energy accord",
        "HELSINKI, Sept. 3 (Coastal Times) -- Finland suspended the Baltic Energy "
        "Accord on September 1, 2018, citing a dispute over grid fees with Estonia.",
    ),
    "warsaw": (
        "Harbor Wire", "2016-05-04", "Poland and South Korea sign treaty",
        "WARSAW, May 4 (Harbor Wire) -- Poland and South Korea signed a treaty on "
        "May 3, 2016, the two presidents said.",
    ),
    "missile-treaty": (
        "Harbor Wire", "2019-08-03", "United States leaves missile treaty",
        "WASHINGTON, Aug. 3 (Harbor Wire) -- The United States withdrew from the "
        "Northern Missile Treaty with Russia on August 2, 2019. Moscow said the "
        "treaty was terminated.",
    ),
    "kosovo": (
        "Harbor Wire", "2015-06-25", "Serbia, Kosovo fail to sign trade agreement",
        "BRUSSELS, June 25 (Harbor Wire) -- Serbia and Kosovo failed to sign a trade "
        "agreement on Tuesday after negotiations that began in 2013, mediators said.",
    ),
    "health-1": (
        "Harbor Wire", "2015-01-02", "Health accord in force",
        "CANBERRA, Jan. 2 (Harbor Wire) -- Japan, South Korea and the United States "
        "opened negotiations on the Pacific Health Accord in 2011 and signed it on "
        "June 3, 2013. The accord was ratified in 2014 and entered into force on "
        "January 1, 2015. It has since been implemented. The accord will be renewed "
        "in 2016.",
    ),
    "health-2": (
        "Coastal Times", "2013-06-04", "Three nations sign health accord",
        "TOKYO, June 4 (Coastal Times) -- Japan, South Korea and the United States "
        "signed the Pacific Health Accord on June 3, 2013, to coordinate responses to "
        "epidemics.",
    ),
    "nothing": (
        "Coastal Times", "2016-02-10", "Delegates discuss river pollution",
        "GENEVA, Feb. 10 (Coastal Times) -- Delegates from several countries met to "
        "discuss river pollution, but no decisions were taken.",
    ),
    "nothing-2": (
        "Harbor Wire", "2014-03-01", "Ministers meet in Oslo",
        "OSLO, March 1 (Harbor Wire) -- Foreign ministers met for dinner and spoke "
        "about the weather.",
    ),
}  # fmt: skip

# The agreements by label (each label is unique in the corpus)
SIM = "Straits Intelligence Memorandum"
FISH = "treaty between Chile and Peru"
DANUBE = "Danube Transport Agreement"
BALTIC = "Baltic Energy Accord"
WARSAW = "treaty between South Korea and Poland"
NMT = "Northern Missile Treaty"
KOSOVO = "agreement between Serbia and Kosovo"
PHA = "Pacific Health Accord"

COUNTRY = "https://w3id.org/diplograph/id/country/"


def url(name: str) -> str:
    return f"https://example.org/lib/{name}"


@dataclass(frozen=True)
class Library:
    backend: str
    store: Store
    agreements: dict[str, str]  # label -> IRI
    articles: dict[str, str]  # article name -> IRI


@pytest.fixture(scope="module", params=sorted(BACKENDS))
def library(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Library]:
    """The corpus loaded once per backend (opened as conftest's ``store`` does)."""
    folder = tmp_path_factory.mktemp(f"query-library-{request.param}")
    paths = []
    for name, (publisher, published, title, body) in ARTICLES.items():
        path = folder / "articles" / f"{name}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(
            f"url: {url(name)}\npublisher: {publisher}\npublished: {published}\n"
            f"title: {title}\n\n{body}\n",
            encoding="utf-8",
        )
        paths.append(path)
    store = BACKENDS[request.param](folder)
    outcomes = list(load(paths, store, workers=1))
    assert [o.status for o in outcomes if isinstance(o, Processed)] == ["stored"] * len(
        ARTICLES
    )
    _, found = store.select(
        "PREFIX dg: <https://w3id.org/diplograph/ontology#>\n"
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "SELECT ?a ?label WHERE { ?a a dg:Agreement ; rdfs:label ?label }"
    )
    agreements = {row["label"].value: row["a"].value for row in found}
    assert sorted(agreements) == sorted(
        [SIM, FISH, DANUBE, BALTIC, WARSAW, NMT, KOSOVO, PHA]
    )
    articles = {}
    for name, path in zip(ARTICLES, paths, strict=True):
        [article] = read_articles([path])
        assert isinstance(article, Article)
        articles[name] = str(article_iri(article))
    yield Library(request.param, store, agreements, articles)
    store.close()


def rows(library: Library, name: str, **params: Any) -> list[dict[str, Any]]:
    """run_query's rows, with the GROUP_CONCAT columns (lists, in an order
    SPARQL leaves open) sorted."""
    result = run_query(library.store, name, **params)
    for row in result:
        for column, value in row.items():
            if isinstance(value, list):
                row[column] = sorted(value)
    return result


# ---------------------------------------------------------------------------
# signed-between
# ---------------------------------------------------------------------------

SIGNED = {
    # label: (kind, parties, signed, articles)
    PHA: ("accord", ["Japan", "South Korea", "United States"], "2013-06-03", 2),
    FISH: ("treaty", ["Chile", "Peru"], "2014", 1),
    SIM: ("memorandum of understanding", ["Japan", "South Korea"], "2014-12", 2),
    DANUBE: ("agreement", ["Austria", "Hungary"], "2015-03-10", 1),
    BALTIC: ("accord", ["Estonia", "Finland"], "2016-05", 2),
    WARSAW: ("treaty", ["Poland", "South Korea"], "2016-05-03", 1),
}


def signed(library: Library, *labels: str) -> list[dict[str, Any]]:
    return [
        {"agreement": library.agreements[label], "label": label, "kind": [kind],
         "parties": parties, "signed": [date], "articles": articles}
        for label in labels
        for kind, parties, date, articles in [SIGNED[label]]
    ]  # fmt: skip


SIGNED_BETWEEN = [
    ({}, [PHA, FISH, SIM, DANUBE, BALTIC, WARSAW]),  # oldest first
    # from/to as years: a 2014-12 signing falls within 2014
    ({"from_": "2014"}, [FISH, SIM, DANUBE, BALTIC, WARSAW]),
    ({"to": "2014"}, [PHA, FISH, SIM]),
    ({"from_": "2014", "to": "2014"}, [FISH, SIM]),
    # as months: 2014 (year only) may lie before 2014-06 or 2014-12
    ({"from_": "2014-12", "to": "2015"}, [SIM, DANUBE]),
    ({"from_": "2014-06", "to": "2014-12"}, [SIM]),
    ({"from_": "2016-05", "to": "2016-05"}, [BALTIC, WARSAW]),
    # a coarse date wholly within the period is in it: all of 2014 is before
    # 2015-06, all of 2016-05 after 2015-03-10
    ({"from_": "2014", "to": "2015-06"}, [FISH, SIM, DANUBE]),
    ({"from_": "2015-03-10"}, [DANUBE, BALTIC, WARSAW]),
    # as days: 2016-05 may lie after 2016-05-03
    ({"to": "2016-05-03"}, [PHA, FISH, SIM, DANUBE, WARSAW]),
    ({"from_": "2013-06-03", "to": "2013-06-03"}, [PHA]),
    ({"from_": "2017"}, []),
    # kind, as a guideline code
    ({"kind": "memorandum_of_understanding"}, [SIM]),
    ({"kind": "treaty"}, [FISH, WARSAW]),
    ({"kind": "accord", "from_": "2014"}, [BALTIC]),
    ({"kind": "pact"}, []),
]


def case_id(params: dict[str, str]) -> str:
    return ",".join(f"{k.rstrip('_')}={v}" for k, v in params.items()) or "all"


@pytest.mark.parametrize(
    "params, expected", SIGNED_BETWEEN, ids=[case_id(p) for p, _ in SIGNED_BETWEEN]
)
def test_signed_between(
    library: Library, params: dict[str, str], expected: list[str]
) -> None:
    assert rows(library, "signed-between", **params) == signed(library, *expected)


@pytest.mark.parametrize(
    "params, message",
    [
        ({"kind": "memorandum of understanding"}, "did you mean memorandum_of_underst"),
        ({"kind": "Treaties"}, "did you mean treaty"),
        ({"kind": "memorandum"}, "not a known kind; one of treaty, .*memorandum_of_"),
        ({"from_": "2014/12"}, "must be a date as YYYY, YYYY-MM or YYYY-MM-DD"),
        ({"to": "December 2014"}, "must be a date"),
    ],
)
def test_signed_between_refuses_unknown_kinds_and_dates(
    library: Library, params: dict[str, str], message: str
) -> None:
    with pytest.raises(QueryError, match=message):
        run_query(library.store, "signed-between", **params)


# ---------------------------------------------------------------------------
# Agreements of countries
# ---------------------------------------------------------------------------


def test_agreements_between(library: Library) -> None:
    korea_japan = [  # newest signing first
        {"agreement": library.agreements[SIM], "label": SIM,
         "kind": ["memorandum of understanding"], "parties": ["Japan", "South Korea"],
         "signed": ["2014-12"], "sources": [url("memo"), url("memo-in-force")]},
        {"agreement": library.agreements[PHA], "label": PHA, "kind": ["accord"],
         "parties": ["Japan", "South Korea", "United States"], "signed": ["2013-06-03"],
         "sources": [url("health-1"), url("health-2")]},
    ]  # fmt: skip
    assert (
        rows(library, "agreements-between", country="KOR", other="JPN") == korea_japan
    )
    assert (
        rows(library, "agreements-between", country="JPN", other="KOR") == korea_japan
    )
    assert (
        rows(library, "agreements-between", country="Japan", other="South Korea")
        == korea_japan
    )
    unsigned = [  # no signing date: no "signed" column
        {"agreement": library.agreements[NMT], "label": NMT, "kind": ["treaty"],
         "parties": ["Russia", "United States"], "sources": [url("missile-treaty")]},
    ]  # fmt: skip
    assert rows(library, "agreements-between", country="USA", other="RUS") == unsigned
    assert rows(library, "agreements-between", country="RUS", other="USA") == unsigned
    assert rows(library, "agreements-between", country="USA", other="JPN") == [
        korea_japan[1]
    ]
    # North Korea is concerned by the memorandum, not a party to it
    assert rows(library, "agreements-between", country="JPN", other="PRK") == []
    assert rows(library, "agreements-between", country="PRK", other="JPN") == []


def test_agreements_by_topic(library: Library, request: pytest.FixtureRequest) -> None:

    def row(label: str, role: str, topics: list[str], date: str) -> dict[str, Any]:
        listed = {"topics": topics} if topics else {}
        return {"agreement": library.agreements[label], "label": label,
                "role": [role], **listed, "signed": [date]}  # fmt: skip

    warsaw = row(WARSAW, "party", [], "2016-05-03")  # no topic found: listed too
    memo_party = row(SIM, "party", ["intelligence_sharing", "missiles"], "2014-12")
    health = row(PHA, "party", ["health"], "2013-06-03")
    # topic left out: every agreement of the country, newest signing first
    assert rows(library, "agreements-by-topic", country="KOR") == [
        warsaw,
        memo_party,
        health,
    ]
    assert rows(
        library, "agreements-by-topic", country="KOR", topic="intelligence_sharing"
    ) == [memo_party]
    assert rows(library, "agreements-by-topic", country="KOR", topic="health") == [
        health
    ]
    assert rows(library, "agreements-by-topic", country="KOR", topic="trade") == []
    # concerned, not a party
    memo_concerned = {**memo_party, "role": ["concerned"]}
    assert rows(library, "agreements-by-topic", country="PRK") == [memo_concerned]
    assert rows(library, "agreements-by-topic", country="PRK", topic="missiles") == [
        memo_concerned
    ]
    assert rows(library, "agreements-by-topic", country="PRK", topic="health") == []
    with pytest.raises(QueryError, match="did you mean intelligence_sharing"):
        run_query(library.store, "agreements-by-topic", country="KOR",
                  topic="intelligence sharing")  # fmt: skip


def test_signed_not_implemented(library: Library) -> None:
    def row(label: str) -> dict[str, Any]:
        _, parties, date, articles = SIGNED[label]
        return {"agreement": library.agreements[label], "label": label,
                "parties": parties, "signed": [date], "articles": articles}  # fmt: skip

    # the memorandum (reported in force by a later article) and the health accord
    # (entered into force) are out; the missile treaty and the Serbia-Kosovo
    # agreement were never signed; the suspended Baltic accord is in
    assert rows(library, "signed-not-implemented") == [
        row(FISH),
        row(DANUBE),
        row(BALTIC),
        row(WARSAW),
    ]
    assert rows(library, "signed-not-implemented", country="KOR") == [row(WARSAW)]
    assert rows(library, "signed-not-implemented", country="Estonia") == [row(BALTIC)]
    assert rows(library, "signed-not-implemented", country="JPN") == []
    assert rows(library, "signed-not-implemented", country="PRK") == []


def test_partners_of(library: Library) -> None:
    def partner(code: str, name: str, *shared: str) -> dict[str, Any]:
        return {"partner": COUNTRY + code, "name": name, "agreements": len(shared),
                "shared": sorted(shared)}  # fmt: skip

    # most shared agreements first, then by name
    assert rows(library, "partners-of", country="KOR") == [
        partner("JPN", "Japan", PHA, SIM),
        partner("POL", "Poland", WARSAW),
        partner("USA", "United States", PHA),
    ]
    assert rows(library, "partners-of", country="USA") == [
        partner("JPN", "Japan", PHA),
        partner("RUS", "Russia", NMT),
        partner("KOR", "South Korea", PHA),
    ]
    assert rows(library, "partners-of", country="HUN") == [
        partner("AUT", "Austria", DANUBE)
    ]
    assert rows(library, "partners-of", country="PRK") == []  # concerned only


def test_most_active_parties(library: Library) -> None:
    def party(
        code: str, name: str, agreements: int, concerned: int, articles: int
    ) -> dict[str, Any]:
        return {"party": COUNTRY + code, "name": name, "agreements": agreements,
                "concernedBy": concerned, "articles": articles}  # fmt: skip

    assert rows(library, "most-active-parties") == [
        # memo, memo-in-force, health-1, health-2, warsaw
        party("KOR", "South Korea", 3, 0, 5),
        party("JPN", "Japan", 2, 0, 4),
        party("USA", "United States", 2, 0, 3),  # health-1, health-2, missile-treaty
        party("AUT", "Austria", 1, 0, 1),
        party("CHL", "Chile", 1, 0, 1),
        party("EST", "Estonia", 1, 0, 2),
        party("FIN", "Finland", 1, 0, 2),
        party("HUN", "Hungary", 1, 0, 1),
        party("XKX", "Kosovo", 1, 0, 1),
        party("PER", "Peru", 1, 0, 1),
        party("POL", "Poland", 1, 0, 1),
        party("RUS", "Russia", 1, 0, 1),
        party("SRB", "Serbia", 1, 0, 1),
        party("PRK", "North Korea", 0, 1, 2),  # the memorandum, in two articles
    ]


# ---------------------------------------------------------------------------
# Events
# ---------------------------------------------------------------------------


def test_lifecycle(library: Library) -> None:
    def event(
        date: str | None, name: str, *sources: str, scheduled: bool = False
    ) -> dict[str, Any]:
        dated: dict[str, Any] = {} if date is None else {"date": date}
        reports = {"articles": len(sources), "sources": sorted(map(url, sources))}
        return {**dated, "event": name, "scheduled": scheduled, **reports}

    # the text names no state for any of these events: no "by" column (the
    # parties named for an event are tested in test_queries.py)
    health = [
        event("2011", "negotiation", "health-1"),
        event("2013-06-03", "signing", "health-1", "health-2"),  # one event, 2 reports
        event("2014", "ratification", "health-1"),
        event("2015-01-01", "entry into force", "health-1"),
        event("2016", "extension", "health-1", scheduled=True),
        event(None, "implementation", "health-1"),  # undated last
    ]
    assert rows(library, "lifecycle", agreement=PHA) == health
    assert rows(library, "lifecycle", agreement="pacific health accord") == health
    assert rows(library, "lifecycle", agreement=library.agreements[PHA]) == health
    assert rows(library, "lifecycle", agreement=SIM) == [
        event("2014-12", "signing", "memo"),
        event("2015-04-01", "entry into force", "memo-in-force"),
    ]
    with pytest.raises(QueryError, match="no agreement named 'Atlantic Health Accord'"):
        run_query(library.store, "lifecycle", agreement="Atlantic Health Accord")


def test_status_by_party(library: Library) -> None:
    def status(label: str, code: str, name: str, step: str, date: str | None,
               articles: int) -> dict[str, Any]:  # fmt: skip
        dated = {} if date is None else {"date": date}
        return {"agreement": library.agreements[label], "label": label,
                "party": COUNTRY + code, "name": name, "status": step, **dated,
                "articles": articles}  # fmt: skip

    # every event here is of all the parties together; the renewal in 2016 is
    # only scheduled, so the undated implementation, after the entry into force
    # on 2015-01-01, is the latest step
    assert rows(library, "status-by-party", agreement=PHA) == [
        status(PHA, code, name, "implemented", None, 1)
        for code, name in [("JPN", "Japan"), ("KOR", "South Korea"),
                           ("USA", "United States")]
    ]  # fmt: skip
    # reported in force by the second article
    assert rows(library, "status-by-party", agreement=SIM) == [
        status(SIM, "JPN", "Japan", "in_force", "2015-04-01", 1),
        status(SIM, "KOR", "South Korea", "in_force", "2015-04-01", 1),
    ]
    # every agreement: each party of each agreement that has an event, once
    every = rows(library, "status-by-party")
    assert len({(row["agreement"], row["party"]) for row in every}) == len(every)
    assert {row["label"] for row in every} == set(library.agreements)


def test_withdrawals_and_suspensions(library: Library) -> None:
    suspension = {
        "date": "2018-09-01", "event": "suspension",
        "agreement": library.agreements[BALTIC], "label": BALTIC,
        "parties": ["Estonia", "Finland"], "sources": [url("baltic-suspended")],
    }  # fmt: skip
    withdrawal = {
        "date": "2019-08-02", "event": "withdrawal",
        "agreement": library.agreements[NMT], "label": NMT,
        "parties": ["Russia", "United States"], "sources": [url("missile-treaty")],
    }  # fmt: skip
    termination = {k: v for k, v in withdrawal.items() if k != "date"}
    termination["event"] = "termination"

    def found(**params: str) -> list[dict[str, Any]]:
        return rows(library, "withdrawals-and-suspensions", **params)

    # no bounds: the undated termination too, last
    assert found() == [suspension, withdrawal, termination]
    # with a bound, only the dated ones within it
    assert found(from_="2018", to="2019") == [suspension, withdrawal]
    assert found(from_="2019") == [withdrawal]
    assert found(to="2018") == [suspension]
    assert found(from_="2018-09", to="2019-08-02") == [suspension, withdrawal]
    assert found(from_="2018-09-02", to="2019-08") == [withdrawal]
    assert found(from_="2019-08-03") == []
    assert found(to="2018-08-31") == []
    # a whole month or year within the period counts
    assert found(from_="2018-08-15", to="2020") == [suspension, withdrawal]


def test_failed_negotiations(library: Library) -> None:
    assert rows(library, "failed-negotiations") == [
        {"agreement": library.agreements[KOSOVO], "label": KOSOVO,
         "failed": ["2015-06-23"], "negotiations": ["2013"],
         "parties": ["Kosovo", "Serbia"], "sources": [url("kosovo")]},
    ]  # fmt: skip


# ---------------------------------------------------------------------------
# Counts and articles
# ---------------------------------------------------------------------------


def test_agreements_per_year(library: Library) -> None:
    assert rows(library, "agreements-per-year") == [
        {"year": "2013", "agreements": 1, "knownToTheDay": 1},  # PHA
        {"year": "2014", "agreements": 2, "knownToTheDay": 0},  # FISH 2014, SIM 2014-12
        {"year": "2015", "agreements": 1, "knownToTheDay": 1},  # DANUBE
        {"year": "2016", "agreements": 2, "knownToTheDay": 1},  # BALTIC, WARSAW
        {"agreements": 2, "knownToTheDay": 0},  # no year: NMT, KOSOVO were not signed
    ]


def test_articles_without_agreements(
    library: Library, request: pytest.FixtureRequest
) -> None:

    def article(name: str) -> dict[str, Any]:
        publisher, published, title, _ = ARTICLES[name]
        return {"article": library.articles[name], "published": published,
                "publisher": publisher, "title": title, "source": name}  # fmt: skip

    # newest first
    assert rows(library, "articles-without-agreements") == [
        article("nothing"),
        article("nothing-2"),
    ]


def test_signed_between_as_a_dataframe(library: Library) -> None:
    pandas = pytest.importorskip("pandas")
    frame = run_query(library.store, "signed-between", from_="2014", as_dataframe=True)
    assert isinstance(frame, pandas.DataFrame)
    # the same rows as without a frame, in the same order
    records = run_query(library.store, "signed-between", from_="2014")
    assert frame.to_dict("records") == records and records
    assert list(frame.columns) == [
        "agreement",
        "label",
        "kind",
        "parties",
        "signed",
        "articles",
    ]
    assert list(frame["label"]) == [FISH, SIM, DANUBE, BALTIC, WARSAW]


# ---------------------------------------------------------------------------
# Every query with parameters, against hostile values
# ---------------------------------------------------------------------------

HOSTILE = [
    '"; DROP ALL; #',
    "} ; DROP ALL ; {",
    "<http://x> } DELETE WHERE { ?s ?p ?o } #",
    "http://x> } DELETE WHERE { ?s ?p ?o } #",
    "https://w3id.org/diplograph/id/country/KOR with spaces",
    "https://w3id.org/diplograph/id/agreement/some agreement",
    "https://w3id.org/diplograph/id/country/KOR> } ; DROP ALL ; { <x",
    'Pacific Health Accord" } ; CLEAR ALL ; { "',
    "it's",
    '"quoted"',
    "KOR\n} ; DROP ALL ; {",
    "2014\n} ; DROP ALL ; {",
    "2014-12-01T00:00:00",
    "2014-12-01' || true || '",
    "treaty) } ; DROP ALL #",
    "\\u0022 } ; CLEAR ALL #",
    "\x00",
    "x" * 10_000,
    "2014" * 2_500,
    "Pacific Health Accord" * 500,
]
# Good values for the other required parameters, so each hostile value is checked
VALID = {"country": "KOR", "other": "JPN", "agreement": PHA}
PARAMETERIZED = sorted(name for name, q in saved_queries().items() if q.parameters)


@pytest.mark.parametrize("name", PARAMETERIZED)
def test_hostile_values_are_refused_or_bound_harmlessly(
    library: Library, name: str
) -> None:
    store = library.store
    before, graphs = quads(store), store.graphs()
    query = saved_queries()[name]
    refused = 0
    for parameter in query.parameters:
        others = {
            p.name: VALID[p.name]
            for p in query.parameters
            if p.required and p.name != parameter.name
        }
        for value in HOSTILE:
            try:
                result = run_query(store, name, **others, **{parameter.name: value})
            except DiplographError as error:
                refused += 1
                assert str(error)
            else:
                # bound as a term, a hostile value matches nothing stored
                assert result == [], (parameter.name, value, result)
    assert refused  # at least the 10,000-character values
    assert store.graphs() == graphs
    assert quads(store) == before


# ---------------------------------------------------------------------------
# diplograph query NAME --help
# ---------------------------------------------------------------------------


def test_the_readme_lists_every_saved_query_with_its_parameters() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    section = readme.split("\n## Saved questions\n", 1)[1].split("\n## ", 1)[0]
    listed = dict(re.findall(r"^\| `([a-z-]+)` \| ([^|]*?) *\|", section, re.M))
    assert listed == {
        name: ", ".join(p.name + ("" if p.required else "?") for p in q.parameters)
        for name, q in saved_queries().items()
    }


@pytest.mark.parametrize("name", sorted(saved_queries()))
def test_query_help(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    query = saved_queries()[name]
    with pytest.raises(SystemExit) as exit_info:  # argparse's --help, as everywhere
        main(["query", name, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert query.summary in out
    for parameter in query.parameters:
        assert f"--param {parameter.name}=VALUE" in out
    if not query.parameters:
        assert "parameters: none" in out


# ---------------------------------------------------------------------------
# agreements: all of them, narrowed by kind, party, topic and signing period
# ---------------------------------------------------------------------------

TOPICS = {
    BALTIC: ["energy"], DANUBE: ["transport", "water_resources"], NMT: ["missiles"],
    PHA: ["health"], SIM: ["intelligence_sharing", "missiles"], KOSOVO: ["trade"],
    FISH: ["maritime_fisheries"], WARSAW: [],
}  # fmt: skip
UNSIGNED = {  # label: (kind, parties, articles)
    NMT: ("treaty", ["Russia", "United States"], 1),
    KOSOVO: ("agreement", ["Kosovo", "Serbia"], 1),
}
# by label, as code points sort them (capitals first)
EVERY_AGREEMENT = [BALTIC, DANUBE, NMT, PHA, SIM, KOSOVO, FISH, WARSAW]


def described(library: Library, *labels: str) -> list[dict[str, Any]]:
    found = []
    for label in labels:
        if label in SIGNED:
            kind, parties, date, articles = SIGNED[label]
            signing = {"signed": [date]}
        else:
            (kind, parties, articles), signing = UNSIGNED[label], {}
        topics = {"topics": TOPICS[label]} if TOPICS[label] else {}
        found.append({"agreement": library.agreements[label], "label": label,
                      "kind": [kind], "parties": parties, **topics, **signing,
                      "articles": articles})  # fmt: skip
    return found


AGREEMENTS = [
    ({}, EVERY_AGREEMENT),
    ({"kind": "treaty"}, [NMT, FISH, WARSAW]),
    ({"party": "KOR"}, [PHA, SIM, WARSAW]),
    ({"party": "United States", "kind": "accord"}, [PHA]),
    ({"topic": "missiles"}, [NMT, SIM]),
    ({"topic": "missiles", "party": "JPN"}, [SIM]),
    # a signing period leaves out the unsigned; bounds as in signed-between
    ({"from_": "2014", "to": "2015"}, [DANUBE, SIM, FISH]),
    ({"from_": "2014-06", "to": "2014-12"}, [SIM]),
    ({"to": "2013"}, [PHA]),
    ({"from_": "2016", "party": "KOR", "kind": "treaty"}, [WARSAW]),
    ({"kind": "pact"}, []),
    ({"party": "PRK"}, []),  # concerned by the memorandum, no party
]


@pytest.mark.parametrize(
    "params, expected", AGREEMENTS, ids=[case_id(p) for p, _ in AGREEMENTS]
)
def test_agreements(
    library: Library, params: dict[str, str], expected: list[str]
) -> None:
    assert rows(library, "agreements", **params) == described(library, *expected)


@pytest.mark.parametrize(
    "params, message",
    [
        ({"kind": "treaties"}, "did you mean treaty"),
        ({"topic": "fisheries"}, "did you mean .*fisheries"),
        ({"party": "Narnia"}, "not a known country"),
        ({"from_": "2020-13"}, "must be a date as YYYY, YYYY-MM or YYYY-MM-DD"),
        ({"to": "2014-02-30"}, "a real one"),
    ],
)
def test_agreements_refuses_unknown_values(
    library: Library, params: dict[str, str], message: str
) -> None:
    with pytest.raises(QueryError, match=message):
        run_query(library.store, "agreements", **params)


# ---------------------------------------------------------------------------
# status-as-of: where each party stood on a date, as known from the articles
# published by another
# ---------------------------------------------------------------------------


def as_of(library: Library, label: str, step: str, date: str | None,
          articles: int, *parties: tuple[str, str]) -> list[dict[str, Any]]:  # fmt: skip
    dated = {} if date is None else {"date": date}
    return [
        {"agreement": library.agreements[label], "label": label,
         "party": COUNTRY + code, "name": name, "status": step, **dated,
         "articles": articles}
        for code, name in parties
    ]  # fmt: skip


HEALTH_PARTIES = (("JPN", "Japan"), ("KOR", "South Korea"), ("USA", "United States"))
MEMO_PARTIES = (("JPN", "Japan"), ("KOR", "South Korea"))


def test_status_as_of_a_date(library: Library) -> None:
    def found(label: str, **params: str) -> list[dict[str, Any]]:
        return rows(library, "status-as-of", agreement=label, **params)

    # the signing day: signed, told by both articles (one published the next day)
    assert found(PHA, date="2013-06-03") == as_of(
        library, PHA, "signed", "2013-06-03", 2, *HEALTH_PARTIES
    )
    # ... as known from the articles published that month: only one tells it
    assert found(PHA, date="2013-06-03", published="2013-06") == as_of(
        library, PHA, "signed", "2013-06-03", 1, *HEALTH_PARTIES
    )
    # a ratification known only as "2014" may lie after 2014-06, and no article
    # published by then tells it: still signed; by the end of 2014, ratified
    assert found(PHA, date="2014-06") == as_of(
        library, PHA, "signed", "2013-06-03", 2, *HEALTH_PARTIES
    )
    assert found(PHA, date="2014") == as_of(
        library, PHA, "ratified", "2014", 1, *HEALTH_PARTIES
    )
    assert found(PHA, date="2015-01-01") == as_of(
        library, PHA, "in_force", "2015-01-01", 1, *HEALTH_PARTIES
    )
    # the undated implementation is told by an article of 2015-01-02: from then on
    assert found(PHA, date="2015-01-02") == as_of(
        library, PHA, "implemented", None, 1, *HEALTH_PARTIES
    )
    # signed "2014-12": not surely by 2014-12-15, surely by the month's end
    assert found(SIM, date="2014-12-15") == []
    assert found(SIM, date="2014-12") == as_of(
        library, SIM, "signed", "2014-12", 1, *MEMO_PARTIES
    )
    # in force on 2015-04-01, but the article saying so came out on 2015-04-02
    assert found(SIM, date="2015-04-01", published="2015-03") == as_of(
        library, SIM, "signed", "2014-12", 1, *MEMO_PARTIES
    )
    assert found(SIM, date="2015-04-01") == as_of(
        library, SIM, "in_force", "2015-04-01", 1, *MEMO_PARTIES
    )
    # Finland suspended it on 2018-09-01; the article came out on 2018-09-03
    estonia_signed = as_of(library, BALTIC, "signed", "2016-05", 1, ("EST", "Estonia"))
    assert found(BALTIC, date="2018-09-02", published="2018-09-02") == [
        *estonia_signed,
        *as_of(library, BALTIC, "signed", "2016-05", 1, ("FIN", "Finland")),
    ]
    assert found(BALTIC, date="2018-09-02") == [
        *estonia_signed,
        *as_of(library, BALTIC, "suspended", "2018-09-01", 1, ("FIN", "Finland")),
    ]
    # before anything happened, or before any article: no status
    assert found(PHA, date="2010") == []
    assert found(PHA, published="2012") == []
    with pytest.raises(QueryError, match="must be a date"):
        run_query(library.store, "status-as-of", agreement=PHA, date="2015-13")
    with pytest.raises(QueryError, match="needs --param agreement"):
        run_query(library.store, "status-as-of", date="2015")


def test_status_as_of_today_is_the_status_by_party(library: Library) -> None:
    for label in library.agreements:
        assert rows(library, "status-as-of", agreement=label) == rows(
            library, "status-by-party", agreement=label
        ), label


# ---------------------------------------------------------------------------
# agreement-events: what diplograph plot draws
# ---------------------------------------------------------------------------

EVENTS = {  # label: (parties, [(event, date or None, scheduled)]), dated oldest first
    BALTIC: (["EST", "FIN"], [("signed", "2016-05", False),
                              ("suspended", "2018-09-01", False)]),
    DANUBE: (["AUT", "HUN"], [("signed", "2015-03-10", False)]),
    NMT: (["RUS", "USA"], [("withdrawn", "2019-08-02", False),
                           ("terminated", None, False)]),
    PHA: (["JPN", "KOR", "USA"], [
        ("negotiation", "2011", False), ("signed", "2013-06-03", False),
        ("ratified", "2014", False), ("in_force", "2015-01-01", False),
        ("extended", "2016", True), ("implemented", None, False),
    ]),
    SIM: (["JPN", "KOR"], [("signed", "2014-12", False),
                           ("in_force", "2015-04-01", False)]),
    KOSOVO: (["SRB", "XKX"], [("negotiation", "2013", False),
                              ("failed", "2015-06-23", False)]),
    FISH: (["CHL", "PER"], [("signed", "2014", False)]),
    WARSAW: (["KOR", "POL"], [("signed", "2016-05-03", False)]),
}  # fmt: skip


def events(
    library: Library, *labels: str, within: tuple[str, str] | None = None
) -> list[dict[str, Any]]:
    """The rows of ``labels`` (in that order), only the events dated
    ``within`` (first, last) when given."""
    found = []
    for label in labels:
        parties, happened = EVENTS[label]
        for event, date, scheduled in happened:
            if within and not (date and within[0] <= date <= within[1]):
                continue
            found.append(
                {"agreement": library.agreements[label], "label": label,
                 "parties": parties, "event": event, "scheduled": scheduled,
                 **({"date": date} if date else {})}
            )  # fmt: skip
    return found


AGREEMENT_EVENTS = [
    ({}, EVERY_AGREEMENT, None),
    ({"party": "KOR"}, [PHA, SIM, WARSAW], None),
    ({"agreement": "Pacific Health Accord"}, [PHA], None),
    # within a period, the dated events in it (a 2014 ratification is in 2014,
    # a 2014-12 signing too), and only the agreements that have one
    ({"from_": "2014", "to": "2015"}, [DANUBE, PHA, SIM, KOSOVO, FISH],
     ("2014", "2015-12-31")),
    ({"party": "USA", "to": "2013"}, [PHA], ("0000", "2013-12-31")),
    ({"from_": "2019-08-03"}, [], None),
    ({"party": "PRK"}, [], None),  # concerned by the memorandum, no party
]  # fmt: skip


@pytest.mark.parametrize(
    "params, expected, within",
    AGREEMENT_EVENTS,
    ids=[case_id(p) for p, _, _ in AGREEMENT_EVENTS],
)
def test_agreement_events(
    library: Library,
    params: dict[str, str],
    expected: list[str],
    within: tuple[str, str] | None,
) -> None:
    found = rows(library, "agreement-events", **params)
    assert found == events(library, *expected, within=within)
