"""Step 6, query: each saved query against a small graph, with its exact rows.

The data is Turtle written here (not extracted), so these tests pin down the
queries and the parameter binding, whatever the extractor does. Parameters are
bound as RDF terms: hostile values are refused or matched literally, and never
change the store.
"""

from __future__ import annotations

from typing import Any

import pytest
from rdflib import Graph, URIRef
from support import quad_count, quads

from diplograph.errors import QueryError
from diplograph.loader import ensure_ontology
from diplograph.queries import (
    bind_parameters,
    load_query,
    parse_query,
    run_query,
    saved_queries,
)
from diplograph.store import Store

ID = "https://w3id.org/diplograph/id/"
PREFIXES = """
@prefix dg: <https://w3id.org/diplograph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix article: <https://w3id.org/diplograph/id/article/> .
@prefix agreement: <https://w3id.org/diplograph/id/agreement/> .
@prefix country: <https://w3id.org/diplograph/id/country/> .
@prefix event: <https://w3id.org/diplograph/id/event/> .
@prefix evidence: <https://w3id.org/diplograph/id/evidence/> .

country:JPN a dg:Party, dg:Country ; dg:code "JPN" ; rdfs:label "Japan"@en .
country:KOR a dg:Party, dg:Country ; dg:code "KOR" ; rdfs:label "South Korea"@en .
country:USA a dg:Party, dg:Country ; dg:code "USA" ; rdfs:label "United States"@en .
country:PRK a dg:Party, dg:Country ; dg:code "PRK" ; rdfs:label "North Korea"@en .
country:POL a dg:Party, dg:Country ; dg:code "POL" ; rdfs:label "Poland"@en .
"""
# Article 1 (with a URL): the named intelligence pact, with a lifecycle.
ARTICLE_1 = PREFIXES + """
article:one a dg:Article ; dg:title "Seoul, Tokyo sign pact" ;
    dg:url "https://example.org/one"^^xsd:anyURI ;
    dg:published "2016-11-24"^^xsd:date .
agreement:gsomia a dg:Agreement, dg:GeneralAgreement ;
    rdfs:label "General Security of Military Information Agreement" ;
    dg:name "General Security of Military Information Agreement" ;
    dg:alias "GSOMIA" ;
    dg:party country:JPN, country:KOR ;
    dg:concerns country:PRK ;
    dg:signingDate "2016-11-23"^^xsd:date ;
    dg:reportedIn article:one .
event:failed a dg:LifecycleEvent, dg:Failure ; dg:ofAgreement agreement:gsomia ;
    dg:date "2012"^^xsd:gYear ; dg:reportedIn article:one .
event:signed a dg:LifecycleEvent, dg:Signing ; dg:ofAgreement agreement:gsomia ;
    dg:date "2016-11-23"^^xsd:date ; dg:scheduled false ;
    dg:reportedIn article:one ; dg:evidence evidence:one .
event:in-force a dg:LifecycleEvent, dg:EntryIntoForce ;
    dg:ofAgreement agreement:gsomia ;
    dg:date "2016-11-23"^^xsd:date ; dg:reportedIn article:one .
event:extended a dg:LifecycleEvent, dg:Extension ; dg:ofAgreement agreement:gsomia ;
    dg:reportedIn article:one ; dg:evidence evidence:two .
evidence:one a dg:Evidence ; dg:inArticle article:one ; dg:start 0 ; dg:end 30 ;
    dg:quote "Seoul and Tokyo signed the pact." .
evidence:two a dg:Evidence ; dg:inArticle article:one ; dg:start 31 ; dg:end 60 ;
    dg:quote "It is renewed every year." .
"""  # fmt: skip
# Article 2 (no URL: its title is the source): an unnamed memorandum and a treaty.
ARTICLE_2 = PREFIXES + """
article:two a dg:Article ; dg:title "Three allies sign memorandum" ;
    dg:published "2015-06-25"^^xsd:date .
agreement:memo a dg:Agreement, dg:MemorandumOfUnderstanding ;
    rdfs:label
        "memorandum of understanding between Japan, South Korea and United States" ;
    dg:party country:JPN, country:KOR, country:USA ;
    dg:concerns country:PRK ;
    dg:signingDate "2014-12"^^xsd:gYearMonth ;
    dg:reportedIn article:two .
agreement:treaty a dg:Agreement, dg:Treaty ;
    rdfs:label "treaty between South Korea and Poland" ;
    dg:party country:KOR, country:POL ;
    dg:reportedIn article:two .
"""  # fmt: skip

# GROUP_CONCAT columns (kind, parties, signed, sources) are lists
GSOMIA = {
    "agreement": ID + "agreement/gsomia",
    "label": "General Security of Military Information Agreement",
    "kind": ["agreement"],
    "parties": ["Japan", "South Korea"],
    "signed": ["2016-11-23"],
    "sources": ["https://example.org/one"],
}
MEMO = {
    "agreement": ID + "agreement/memo",
    "label": "memorandum of understanding between Japan, South Korea and United States",
    "kind": ["memorandum of understanding"],
    "parties": ["Japan", "South Korea", "United States"],
    "signed": ["2014-12"],
    "sources": ["Three allies sign memorandum"],
}
TREATY = {
    "agreement": ID + "agreement/treaty",
    "label": "treaty between South Korea and Poland",
    "kind": ["treaty"],
    "parties": ["Poland", "South Korea"],
    "sources": ["Three allies sign memorandum"],
}
TIMELINE = [
    {"date": "2012", "event": "failure", "source": "https://example.org/one"},
    {"date": "2016-11-23", "event": "entry into force", "source": "https://example.org/one"},
    {"date": "2016-11-23", "event": "signing", "scheduled": False, "source": "https://example.org/one",
     "quote": "Seoul and Tokyo signed the pact."},
    {"event": "extension", "source": "https://example.org/one",
     "quote": "It is renewed every year."},
]  # fmt: skip


@pytest.fixture
def loaded(store: Store) -> Store:
    ensure_ontology(store)
    for name, turtle in (("one", ARTICLE_1), ("two", ARTICLE_2)):
        store.replace_graph(
            URIRef(f"{ID}article/{name}"), Graph().parse(data=turtle, format="turtle")
        )
    return store


def rows(store: Store, name: str, **params: str) -> list[dict[str, Any]]:
    """run_query's rows; the GROUP_CONCAT lists (in no set order) sorted."""
    result = run_query(store, name, **params)
    for row in result:
        for column, value in row.items():
            if isinstance(value, list):
                row[column] = sorted(value)
    return result


# ---------------------------------------------------------------------------
# The saved queries and their rows
# ---------------------------------------------------------------------------


# Each saved query has a test with its expected rows on a small graph: below, or
# in the module named. A new query needs one, and its name here.
TESTED = {
    "agreements-concerning", "agreements-of", "agreement-timeline",  # below
    "status-by-party",  # below
    "sources-of", "conflicting-claims",  # test_provenance_queries.py
    # test_query_library.py:
    "signed-between", "agreements-between", "agreements-by-topic",
    "signed-not-implemented", "lifecycle", "withdrawals-and-suspensions",
    "failed-negotiations", "partners-of", "most-active-parties",
    "agreements-per-year", "articles-without-agreements",
    "agreements", "agreements-by-class", "signatories", "status-as-of",
    "agreement-events",
}  # fmt: skip


def test_the_saved_queries() -> None:
    queries = saved_queries()
    untested = sorted(set(queries) - TESTED)
    assert not untested, f"saved queries with no test of their rows: {untested}"
    assert TESTED <= set(queries)
    for query in queries.values():
        assert query.summary and query.description and query.tags
        for parameter in query.parameters:  # grlc shows the defaults as examples
            assert not parameter.required or parameter.name in query.defaults
    signatures = {
        name: [(p.name, p.type, p.required) for p in queries[name].parameters]
        for name in TESTED
    }
    assert signatures == {
        "agreements-concerning": [("country", "iri", True)],
        "agreements-of": [("country", "iri", True)],
        "agreement-timeline": [("agreement", "iri", True)],
        "sources-of": [("agreement", "iri", True), ("from", "xsd_date", False), ("to", "xsd_date", False)],
        "conflicting-claims": [("agreement", "iri", False)],  # optional: all, or one
        "signed-between": [
            ("from", "xsd_date", False), ("to", "xsd_date", False),
            ("kind", "literal", False),
        ],
        "agreements-between": [("country", "iri", True), ("other", "iri", True)],
        "agreements-by-topic": [("country", "iri", True), ("topic", "literal", False)],
        "signed-not-implemented": [("country", "iri", False)],
        "lifecycle": [("agreement", "iri", True)],
        "status-by-party": [("agreement", "iri", False)],  # optional: all, or one
        "withdrawals-and-suspensions": [
            ("from", "xsd_date", False), ("to", "xsd_date", False),
        ],
        "failed-negotiations": [],
        "partners-of": [("country", "iri", True)],
        "most-active-parties": [],
        "agreements-per-year": [],
        "articles-without-agreements": [],
        "agreements": [
            ("kind", "literal", False), ("party", "iri", False),
            ("topic", "literal", False), ("from", "xsd_date", False),
            ("to", "xsd_date", False),
        ],
        "agreements-by-class": [("class", "iri", False), ("party", "iri", False)],
        "signatories": [],
        "agreement-events": [
            ("agreement", "iri", False), ("party", "iri", False),
            ("from", "xsd_date", False), ("to", "xsd_date", False),
        ],
        "status-as-of": [
            ("agreement", "iri", True), ("date", "xsd_date", False),
            ("published", "xsd_date", False),
        ],
    }  # fmt: skip


def test_agreements_concerning(loaded: Store) -> None:
    assert rows(loaded, "agreements-concerning", country="PRK") == [
        GSOMIA,
        MEMO,
    ]  # newest signing first
    assert (
        rows(loaded, "agreements-concerning", country="KOR") == []
    )  # a party, not concerned


def test_agreements_of(loaded: Store) -> None:
    assert rows(loaded, "agreements-of", country="KOR") == [
        GSOMIA,
        MEMO,
        TREATY,
    ]  # unsigned last
    assert rows(loaded, "agreements-of", country="POL") == [TREATY]
    assert rows(loaded, "agreements-of", country="USA") == [MEMO]
    assert rows(loaded, "agreements-of", country="PRK") == []  # concerned, not a party


@pytest.mark.parametrize(
    "agreement",
    [
        ID + "agreement/gsomia",
        "General Security of Military Information Agreement",
        "GSOMIA",
        "gsomia",
    ],
)
def test_agreement_timeline(loaded: Store, agreement: str) -> None:
    assert rows(loaded, "agreement-timeline", agreement=agreement) == TIMELINE


# Article 3 reports article 1's signing (the same event node) in its own words.
ARTICLE_3 = PREFIXES + """
article:three a dg:Article ; dg:title "Pact signed" ;
    dg:url "https://example.org/three"^^xsd:anyURI ;
    dg:published "2016-11-25"^^xsd:date .
agreement:gsomia a dg:Agreement, dg:GeneralAgreement ;
    rdfs:label "General Security of Military Information Agreement" ;
    dg:party country:JPN, country:KOR ; dg:reportedIn article:three .
event:signed a dg:LifecycleEvent, dg:Signing ; dg:ofAgreement agreement:gsomia ;
    dg:date "2016-11-23"^^xsd:date ; dg:reportedIn article:three ;
    dg:evidence evidence:three .
evidence:three a dg:Evidence ; dg:inArticle article:three ; dg:start 0 ; dg:end 25 ;
    dg:quote "The two signed on Wednesday." .
"""  # fmt: skip


def test_agreement_timeline_pairs_each_report_with_its_own_sentence(
    loaded: Store,
) -> None:
    loaded.replace_graph(
        URIRef(f"{ID}article/three"), Graph().parse(data=ARTICLE_3, format="turtle")
    )
    signings = [
        (row["source"], row.get("quote"))
        for row in rows(loaded, "agreement-timeline", agreement="GSOMIA")
        if row["event"] == "signing"
    ]
    assert signings == [
        ("https://example.org/one", "Seoul and Tokyo signed the pact."),
        ("https://example.org/three", "The two signed on Wednesday."),
    ]


# Article 4: who did what. A convention of JPN, KOR and USA signed by the three
# together (no dg:by), ratified by Japan months later and by South Korea in a
# year that contains the signing day, left by the United States on a day the
# text does not give; Estonia and Poland, not listed as parties, acceded
# together; an entry into force is only scheduled.
ARTICLE_4 = PREFIXES + """
country:EST a dg:Party, dg:Country ; dg:code "EST" ; rdfs:label "Estonia"@en .
article:four a dg:Article ; dg:title "Japan ratifies fisheries convention" ;
    dg:url "https://example.org/four"^^xsd:anyURI ;
    dg:published "2015-03-02"^^xsd:date .
agreement:convention a dg:Agreement, dg:Convention ;
    rdfs:label "Pacific Fisheries Convention" ;
    dg:party country:JPN, country:KOR, country:USA ;
    dg:signingDate "2013-06-03"^^xsd:date ;
    dg:reportedIn article:four .
event:convention-signed a dg:LifecycleEvent, dg:Signing ;
    dg:ofAgreement agreement:convention ; dg:date "2013-06-03"^^xsd:date ;
    dg:reportedIn article:four .
event:convention-ratified-jpn a dg:LifecycleEvent, dg:Ratification ;
    dg:ofAgreement agreement:convention ; dg:date "2014-02"^^xsd:gYearMonth ;
    dg:by country:JPN ; dg:reportedIn article:four .
event:convention-ratified-kor a dg:LifecycleEvent, dg:Ratification ;
    dg:ofAgreement agreement:convention ; dg:date "2013"^^xsd:gYear ;
    dg:by country:KOR ; dg:reportedIn article:four .
event:convention-withdrawn a dg:LifecycleEvent, dg:Withdrawal ;
    dg:ofAgreement agreement:convention ; dg:by country:USA ;
    dg:reportedIn article:four .
event:convention-acceded a dg:LifecycleEvent, dg:Ratification ;
    dg:ofAgreement agreement:convention ; dg:date "2015-02"^^xsd:gYearMonth ;
    dg:by country:EST, country:POL ; dg:reportedIn article:four .
event:convention-in-force a dg:LifecycleEvent, dg:EntryIntoForce ;
    dg:ofAgreement agreement:convention ; dg:date "2015-06-01"^^xsd:date ;
    dg:scheduled true ; dg:reportedIn article:four .
"""  # fmt: skip


@pytest.fixture
def who_did_what(loaded: Store) -> Store:
    loaded.replace_graph(
        URIRef(f"{ID}article/four"), Graph().parse(data=ARTICLE_4, format="turtle")
    )
    return loaded


def status(label: str, code: str, name: str, step: str, date: str | None,
           articles: int = 1) -> dict[str, Any]:  # fmt: skip
    slug = {"General Security of Military Information Agreement": "gsomia",
            "Pacific Fisheries Convention": "convention"}[label]  # fmt: skip
    dated = {} if date is None else {"date": date}
    return {"agreement": ID + "agreement/" + slug, "label": label,
            "party": ID + "country/" + code, "name": name, "status": step,
            **dated, "articles": articles}  # fmt: skip


PFC = "Pacific Fisheries Convention"
GSOMIA_LABEL = GSOMIA["label"]
CONVENTION_STATUS = [  # by agreement label, then party name
    status(PFC, "EST", "Estonia", "ratified", "2015-02"),  # by a non-party: listed
    # ratified eight months after the joint signing
    status(PFC, "JPN", "Japan", "ratified", "2014-02"),
    status(PFC, "POL", "Poland", "ratified", "2015-02"),
    # "2013" contains the signing day: neither is later, the lifecycle decides
    status(PFC, "KOR", "South Korea", "ratified", "2013"),
    # undated: as late as its latest dated step (the signing), and further on
    status(PFC, "USA", "United States", "withdrawn", None),
]


def test_status_by_party(who_did_what: Store) -> None:
    # GSOMIA names no dg:by at all: every event counts for both parties, and its
    # undated extension outranks the failure, signing and entry into force
    # before it; the memorandum and the treaty have no events, so no rows
    gsomia = [
        status(GSOMIA_LABEL, "JPN", "Japan", "extended", None),
        status(GSOMIA_LABEL, "KOR", "South Korea", "extended", None),
    ]
    assert rows(who_did_what, "status-by-party") == gsomia + CONVENTION_STATUS
    assert rows(who_did_what, "status-by-party", agreement=PFC) == CONVENTION_STATUS
    assert rows(who_did_what, "status-by-party", agreement="GSOMIA") == gsomia
    assert rows(who_did_what, "status-by-party", agreement=ID + "agreement/memo") == []


def test_status_by_party_takes_the_latest_step(who_did_what: Store) -> None:
    """Later by date first; among steps at one date (or a coarser one
    containing it) and undated ones, the furthest in the lifecycle."""
    later = PREFIXES + """
    article:five a dg:Article ; dg:title "Convention news" ;
        dg:published "2016-01-10"^^xsd:date .
    agreement:convention a dg:Agreement, dg:Convention ;
        rdfs:label "Pacific Fisheries Convention" ;
        dg:party country:JPN, country:KOR, country:USA ; dg:reportedIn article:five .
    # Japan opens talks on amending it: a later date outranks its ratification
    event:convention-talks-jpn a dg:LifecycleEvent, dg:Negotiation ;
        dg:ofAgreement agreement:convention ; dg:date "2016-01"^^xsd:gYearMonth ;
        dg:by country:JPN ; dg:reportedIn article:five .
    # so do the United States, but their undated withdrawal may come after
    event:convention-talks-usa a dg:LifecycleEvent, dg:Negotiation ;
        dg:ofAgreement agreement:convention ; dg:date "2016-01"^^xsd:gYearMonth ;
        dg:by country:USA ; dg:reportedIn article:five .
    # Korea's ratification to the day: the same step, the date of the finer
    event:convention-ratified-kor-day a dg:LifecycleEvent, dg:Ratification ;
        dg:ofAgreement agreement:convention ; dg:date "2013-11-20"^^xsd:date ;
        dg:by country:KOR ; dg:reportedIn article:five .
    """  # fmt: skip
    who_did_what.replace_graph(
        URIRef(f"{ID}article/five"), Graph().parse(data=later, format="turtle")
    )
    assert rows(who_did_what, "status-by-party", agreement=PFC) == [
        CONVENTION_STATUS[0],
        status(PFC, "JPN", "Japan", "negotiation", "2016-01"),
        CONVENTION_STATUS[2],
        status(PFC, "KOR", "South Korea", "ratified", "2013-11-20"),
        CONVENTION_STATUS[4],
    ]


def test_lifecycle_names_who_performed_each_event(who_did_what: Store) -> None:
    def event(date: str | None, name: str, *by: str, scheduled: bool = False
              ) -> dict[str, Any]:  # fmt: skip
        dated = {} if date is None else {"date": date}
        named = {"by": sorted(by)} if by else {}  # a joint event: no by
        return {**dated, "event": name, **named, "scheduled": scheduled,
                "articles": 1, "sources": ["https://example.org/four"]}  # fmt: skip

    found = run_query(who_did_what, "lifecycle", agreement=PFC)
    for row in found:
        if "by" in row:
            row["by"] = sorted(row["by"])
    assert found == [
        event("2013", "ratification", "South Korea"),
        event("2013-06-03", "signing"),
        event("2014-02", "ratification", "Japan"),
        event("2015-02", "ratification", "Estonia", "Poland"),
        event("2015-06-01", "entry into force", scheduled=True),
        event(None, "withdrawal", "United States"),
    ]


def test_saved_queries_on_an_empty_store(store: Store) -> None:
    assert run_query(store, "agreements-concerning", country="PRK") == []
    assert run_query(store, "agreements-of", country="JPN") == []


@pytest.mark.parametrize(
    "country",
    [
        "PRK",
        "prk",
        "North Korea",
        "DPRK",
        "https://w3id.org/diplograph/id/country/PRK",
        " PRK ",
    ],
)
def test_country_as_code_name_alias_or_iri(loaded: Store, country: str) -> None:
    assert rows(loaded, "agreements-concerning", country=country) == [GSOMIA, MEMO]


# ---------------------------------------------------------------------------
# Parameter errors
# ---------------------------------------------------------------------------


def test_unknown_country_suggests_a_fix(loaded: Store) -> None:
    with pytest.raises(QueryError, match=r"did you mean .*North Korea \(PRK\)"):
        run_query(loaded, "agreements-concerning", country="Nroth Korea")
    with pytest.raises(QueryError, match="ISO 3166 alpha-3 code such as PRK"):
        run_query(loaded, "agreements-concerning", country="Qqqqq")
    with pytest.raises(QueryError, match="not a known country"):
        run_query(loaded, "agreements-concerning", country=ID + "country/XYZ")


def test_missing_required_parameter(loaded: Store) -> None:
    with pytest.raises(
        QueryError,
        match=r"needs --param country=VALUE \(for example --param country=https://",
    ):
        run_query(loaded, "agreements-concerning")
    with pytest.raises(QueryError, match="needs --param country"):
        run_query(loaded, "agreements-concerning", country="")


def test_unknown_parameter(loaded: Store) -> None:
    with pytest.raises(
        QueryError, match=r"has no parameter 'state'; its parameters: country"
    ):
        run_query(loaded, "agreements-concerning", country="PRK", state="KOR")


def test_unknown_query_suggests_a_name(loaded: Store) -> None:
    with pytest.raises(QueryError, match="Did you mean agreements-of"):
        run_query(loaded, "agreement-of", country="PRK")


def test_unknown_agreement(loaded: Store) -> None:
    with pytest.raises(QueryError, match="no agreement named 'Treaty of Nowhere'"):
        run_query(loaded, "agreement-timeline", agreement="Treaty of Nowhere")


HOSTILE = [
    '"',
    "'",
    "}",
    "{ }",
    "PRK> } ; DROP ALL ; { <x",
    '" } ; DROP ALL ; { "',
    "} ; DROP ALL ; {",
    "\\u0022 } ; CLEAR ALL #",
    "https://w3id.org/diplograph/id/country/PRK> } ; DROP ALL ; { <",
    "https://w3id.org/diplograph/id/agreement/gsomia with spaces",
    "https://w3id.org/diplograph/id/agreement/gsomia>} ; DROP ALL ; {<x",
    "https://w3id.org/diplograph/id/agreement/x\n} ; DROP ALL",
    'GSOMIA" ; DROP ALL ; #',
    "x" * 501,
    "North Korea" * 1000,
]


@pytest.mark.parametrize("value", HOSTILE, ids=range(len(HOSTILE)))
@pytest.mark.parametrize(
    "name, parameter",
    [("agreements-concerning", "country"), ("agreement-timeline", "agreement")],
)
def test_hostile_values_are_refused_or_bound_harmlessly(
    loaded: Store, name: str, parameter: str, value: str
) -> None:
    before, count, graphs = quads(loaded), quad_count(loaded), loaded.graphs()
    try:
        result = run_query(loaded, name, **{parameter: value})
    except QueryError:
        pass
    else:
        assert result == []  # matched as a value, found nothing
    assert quad_count(loaded) == count
    assert loaded.graphs() == graphs
    assert quads(loaded) == before


def test_a_literal_parameter_is_a_term_not_text(loaded: Store) -> None:
    # An ad-hoc query with a plain (literal) parameter, as `diplograph query x.rq` has.
    query = parse_query(
        "by-label",
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "SELECT ?_text ?agreement WHERE { GRAPH <https://w3id.org/diplograph/id/graph/merged> "
        "{ ?agreement rdfs:label ?_text } }",
    )
    [parameter] = query.parameters
    assert (parameter.name, parameter.type, parameter.required) == (
        "text",
        "literal",
        True,
    )
    count = quad_count(loaded)
    for hostile in (
        '" } ; DROP ALL ; { "',
        'treaty between South Korea and Poland" . }',
    ):
        _, found = loaded.select(
            query.text, bind_parameters(query, {"text": hostile}, loaded)
        )
        assert found == []
    _, found = loaded.select(
        query.text,
        bind_parameters(
            query, {"text": "treaty between South Korea and Poland"}, loaded
        ),
    )
    assert [row["agreement"].value for row in found] == [ID + "agreement/treaty"]
    assert quad_count(loaded) == count


def test_select_refuses_updates(loaded: Store) -> None:
    count = quad_count(loaded)
    with pytest.raises(Exception) as caught:
        loaded.select("DROP ALL")
    assert caught.type.__name__ == "StoreError"
    assert quad_count(loaded) == count


def test_load_query_from_a_file(tmp_path: Any) -> None:
    path = tmp_path / "mine.rq"
    path.write_text(
        "#+ summary: Mine\nSELECT ?__limit_integer ?s WHERE { ?s ?p ?o }\n",
        encoding="utf-8",
    )
    query = load_query(str(path))
    assert query.name == "mine" and query.summary == "Mine"
    [parameter] = query.parameters
    assert (parameter.name, parameter.type, parameter.required) == (
        "limit",
        "integer",
        False,
    )
    with pytest.raises(QueryError, match="whole number"):
        bind_parameters(query, {"limit": "1; DROP ALL"}, None)  # type: ignore[arg-type]
