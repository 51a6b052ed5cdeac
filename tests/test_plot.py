"""``diplograph plot`` and the server's ``/plot/*.svg``: what the pictures show
(names, parties, legends, what was left out), how the filters narrow them, and
the files they are written as.

Four short articles written for these tests, built from hand-made facts (so
the extractor's choices do not move them) into a store folder:

- Norway and Iceland sign the North Atlantic Fisheries Accord on 2016-04-12;
  Iceland ratifies it in 2017; it is suspended in 2020-02;
- Norway, Iceland, Denmark and the European Union sign the Arctic Research
  Pact in 2018-06; it is to take effect on 2019-01-01 (scheduled);
- Chile and Argentina sign the Andes Water Treaty in 2010; Argentina
  withdraws on 2021-03-05;
- Norway and Iceland sign a memorandum on ferries, no date given.

Norway and Iceland share three agreements, Denmark and the EU one with each.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from test_serve import Server, _start, _stop

from diplograph import plot
from diplograph.build import build_graph
from diplograph.cli import main
from diplograph.iri import agreement_iri, article_iri
from diplograph.loader import ensure_ontology
from diplograph.model import AgreementFact, Article, ArticleFacts, Event, Evidence
from diplograph.plot.draw import EVENT_STYLES
from diplograph.store import Store, open_store
from diplograph.vocabulary import vocabulary

FISHERIES, ARCTIC, ANDES = (
    "North Atlantic Fisheries Accord", "Arctic Research Pact", "Andes Water Treaty"
)  # fmt: skip
FERRIES = "memorandum of understanding between Iceland and Norway"
SUFFIXES = "a picture is written as .png, .svg or .html"


def _facts(
    name: str, text: str, published: str, *agreements: AgreementFact
) -> ArticleFacts:
    article = Article(
        text=text, title=text.split(" -- ")[1].split(",")[0],
        published=date.fromisoformat(published), source=f"/data/{name}.txt",
        url=f"https://example.org/plot/{name}", publisher="Fjord Post",
    )  # fmt: skip
    return ArticleFacts(article, agreements)


def _all(text: str) -> tuple[Evidence, ...]:
    return (Evidence(0, len(text), text),)


FISHERIES_TEXT = (
    "OSLO, May 3 (Fjord Post) -- Norway and Iceland signed the North Atlantic "
    "Fisheries Accord on April 12, 2016; Iceland ratified it in 2017 and it was "
    "suspended in February 2020."
)
ARCTIC_TEXT = (
    "TROMSO, June 20 (Fjord Post) -- Norway, Iceland, Denmark and the European "
    "Union signed the Arctic Research Pact this month; it takes effect on "
    "January 1, 2019."
)
ANDES_TEXT = (
    "SANTIAGO, March 6 (Fjord Post) -- Argentina withdrew on March 5 from the "
    "Andes Water Treaty it signed with Chile in 2010."
)
FERRIES_TEXT = (
    "BERGEN, Jan 4 (Fjord Post) -- Norway and Iceland signed a memorandum on "
    "ferry routes, officials said."
)
ARTICLES = [
    _facts("fisheries", FISHERIES_TEXT, "2020-05-03", AgreementFact(
        kind="accord", parties=("ISL", "NOR"), name=FISHERIES, signed="2016-04-12",
        events=(Event("signed", "2016-04-12", evidence=_all(FISHERIES_TEXT)),
                Event("ratified", "2017", actors=("ISL",),
                      evidence=_all(FISHERIES_TEXT)),
                Event("suspended", "2020-02", evidence=_all(FISHERIES_TEXT))),
        evidence=_all(FISHERIES_TEXT),
    )),
    _facts("arctic", ARCTIC_TEXT, "2018-06-20", AgreementFact(
        kind="pact", parties=("DNK", "EU", "ISL", "NOR"), name=ARCTIC,
        signed="2018-06",
        events=(Event("signed", "2018-06", evidence=_all(ARCTIC_TEXT)),
                Event("in_force", "2019-01-01", scheduled=True,
                      evidence=_all(ARCTIC_TEXT))),
        evidence=_all(ARCTIC_TEXT),
    )),
    _facts("andes", ANDES_TEXT, "2021-03-06", AgreementFact(
        kind="treaty", parties=("ARG", "CHL"), name=ANDES, signed="2010",
        events=(Event("signed", "2010", evidence=_all(ANDES_TEXT)),
                Event("withdrawn", "2021-03-05", actors=("ARG",),
                      evidence=_all(ANDES_TEXT))),
        evidence=_all(ANDES_TEXT),
    )),
    _facts("ferries", FERRIES_TEXT, "2022-01-04", AgreementFact(
        kind="memorandum_of_understanding", parties=("ISL", "NOR"),
        evidence=_all(FERRIES_TEXT),
    )),
]  # fmt: skip
ARCTIC_IRI = str(
    agreement_iri(article_iri(ARTICLES[1].article), ARTICLES[1].agreements[0])
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The four articles in a store folder, closed: the command and the server
    open it themselves."""
    location = tmp_path_factory.mktemp("plot") / "store"
    store = open_store(str(location), create=True)
    ensure_ontology(store)
    for facts in ARTICLES:
        store.replace_graph(article_iri(facts.article), build_graph(facts))
    store.close()
    return location


@pytest.fixture
def store(folder: Path) -> Iterator[Store]:
    opened = open_store(str(folder), read_only=True)
    yield opened
    opened.close()


def texts(svg: str | bytes) -> list[str]:
    """Every text of an SVG document, parsed as XML."""
    root = ET.fromstring(svg)
    return [
        "".join(element.itertext()).strip()
        for element in root.iter("{http://www.w3.org/2000/svg}text")
    ]


def shown(svg: str | bytes) -> str:
    """All the texts of an SVG document as one line (notes wrap)."""
    return " ".join(" ".join(texts(svg)).split())


# ---------------------------------------------------------------------------
# The timeline
# ---------------------------------------------------------------------------


def test_the_timeline_has_a_row_per_agreement_and_a_mark_per_dated_event(
    store: Store,
) -> None:
    picture = plot.timeline(store)
    assert [row.label for row in picture.rows] == [ANDES, FISHERIES, ARCTIC]
    assert [(m.event, m.date) for m in picture.rows[1].marks] == [
        ("signed", "2016-04-12"), ("ratified", "2017"), ("suspended", "2020-02"),
    ]  # fmt: skip
    assert picture.rows[2].marks[-1] == plot.Mark("in_force", "2019-01-01", True)
    assert picture.undated == 1 and picture.left_out == 0  # the ferries memorandum
    words = texts(plot.svg(picture))
    assert {ANDES, FISHERIES, ARCTIC, "Agreements and their lifecycle events"} <= set(
        words
    )
    # the legend: the event types drawn, and what hollow marks and bands mean
    for word in ("events", "signed", "ratified", "in force", "suspended", "withdrawn",
                 "scheduled (hollow)"):  # fmt: skip
        assert word in words, word
    assert "negotiation" not in words  # no such event here: no legend entry
    assert "1 agreement(s) left out: no event with a date" in shown(plot.svg(picture))


@pytest.mark.parametrize(
    "country", ["CHL", "Chile", "https://w3id.org/diplograph/id/country/CHL"]
)
def test_a_country_narrows_the_timeline_to_its_agreements(
    store: Store, country: str
) -> None:
    picture = plot.timeline(store, country=country)
    assert [row.label for row in picture.rows] == [ANDES]
    assert picture.title == "Agreements and their lifecycle events of Chile (CHL)"
    words = texts(plot.svg(picture))
    assert ANDES in words and FISHERIES not in words


@pytest.mark.parametrize(
    "start, end, expected",
    [
        (date(2019, 1, 1), None, [FISHERIES, ARCTIC, ANDES]),
        (None, date(2012, 12, 31), [ANDES]),
        # a date known only as 2017 lies within 2017, not within 2017-06..
        (date(2017, 1, 1), date(2017, 12, 31), [FISHERIES]),
        (date(2017, 6, 1), date(2017, 12, 31), []),
    ],
)
def test_a_period_keeps_the_events_dated_within_it(
    store: Store, start: date | None, end: date | None, expected: list[str]
) -> None:
    picture = plot.timeline(store, start=start, end=end)
    assert sorted(row.label for row in picture.rows) == sorted(expected)
    for row in picture.rows:
        for mark in row.marks:
            assert start is None or mark.date >= start.isoformat()[: len(mark.date)]
            assert end is None or mark.date <= end.isoformat()


def test_one_agreements_timeline_by_name_or_iri(store: Store) -> None:
    for ref in (ARCTIC, "arctic research pact", ARCTIC_IRI):
        picture = plot.timeline(store, agreement=ref)
        assert [row.agreement for row in picture.rows] == [ARCTIC_IRI]
        assert picture.title == f"{ARCTIC}: lifecycle events"


def test_past_the_cap_the_timeline_says_what_it_left_out(store: Store) -> None:
    picture = plot.timeline(store, limit=1)
    assert [row.label for row in picture.rows] == [FISHERIES]  # the most events
    assert picture.left_out == 2
    assert "2 more agreement(s) with dated events not drawn" in shown(plot.svg(picture))


def test_every_event_type_has_its_own_colour_and_marker() -> None:
    assert list(EVENT_STYLES) == list(vocabulary().codes("event"))
    assert len(set(EVENT_STYLES.values())) == len(EVENT_STYLES)
    assert len({colour for colour, _ in EVENT_STYLES.values()}) == len(EVENT_STYLES)


# ---------------------------------------------------------------------------
# The network
# ---------------------------------------------------------------------------


def test_the_network_links_parties_by_the_agreements_they_share(store: Store) -> None:
    picture = plot.network(store)
    weights = {(link.a, link.b): link.weight for link in picture.links}
    assert weights == {
        ("ISL", "NOR"): 3, ("ARG", "CHL"): 1,
        ("DNK", "EU"): 1, ("DNK", "ISL"): 1, ("DNK", "NOR"): 1,
        ("EU", "ISL"): 1, ("EU", "NOR"): 1,
    }  # fmt: skip
    assert picture.agreements == 4
    [both] = [link for link in picture.links if (link.a, link.b) == ("ISL", "NOR")]
    assert both.shared == tuple(sorted([ARCTIC, FERRIES, FISHERIES]))
    eu = next(p for p in picture.parties if p.code == "EU")
    assert (eu.name, eu.is_country, eu.agreements) == ("European Union", False, 1)
    words = texts(plot.svg(picture))
    for word in (
        "Norway", "Iceland", "Denmark", "European Union", "Chile", "Argentina",
        "3", "state", "organization", "1 shared agreement", "3 shared agreements",
        "Parties linked by shared agreements",
    ):  # fmt: skip
        assert word in words, word


def test_a_country_centres_the_network_on_its_partners(store: Store) -> None:
    picture = plot.network(store, country="Denmark")
    assert {p.code for p in picture.parties} == {"DNK", "EU", "ISL", "NOR"}
    assert [p.code for p in picture.parties if p.focus] == ["DNK"]
    assert {(link.a, link.b): link.weight for link in picture.links}[
        ("ISL", "NOR")
    ] == 1
    words = texts(plot.svg(picture))
    assert "the country asked for" in words and "Chile" not in words
    assert picture.title == "Parties linked by shared agreements of Denmark (DNK)"


def test_a_period_narrows_the_network(store: Store) -> None:
    picture = plot.network(store, start=date(2021, 1, 1))
    assert [(link.a, link.b) for link in picture.links] == [("ARG", "CHL")]


def test_past_the_cap_the_network_keeps_the_parties_in_most_agreements(
    store: Store,
) -> None:
    picture = plot.network(store, limit=2)
    assert [p.code for p in picture.parties] == ["ISL", "NOR"]
    assert picture.left_out == 4
    assert "4 more parties not drawn" in shown(plot.svg(picture))


def test_the_same_store_draws_the_same_picture(store: Store) -> None:
    assert plot.svg(plot.network(store)) == plot.svg(plot.network(store))


# ---------------------------------------------------------------------------
# Nothing to draw
# ---------------------------------------------------------------------------


def test_nothing_to_draw_is_a_picture_that_says_so(store: Store) -> None:
    for picture in (
        plot.timeline(store, start=date(2030, 1, 1)),
        plot.network(store, country="PRK"),
        plot.timeline(open_store(":memory:")),
    ):
        assert plot.NOTHING in texts(plot.svg(picture))


# ---------------------------------------------------------------------------
# The command
# ---------------------------------------------------------------------------


def test_plot_writes_png_svg_and_html(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    png, svg, html = (tmp_path / f"kor.{s}" for s in ("png", "svg", "html"))
    assert main(["plot", "timeline", "--store", str(folder), "--out", str(png)]) == 0
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(data[16:20]), int.from_bytes(data[20:24])
    assert 1000 <= width <= 2000 and 250 <= height <= 2000, (width, height)
    assert main(["plot", "network", "--store", str(folder), "--out", str(svg)]) == 0
    assert "European Union" in texts(svg.read_bytes())
    assert main(["plot", "network", "--store", str(folder), "--country", "NOR",
                 "--out", str(html)]) == 0  # fmt: skip
    page = html.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page
    # works offline: nothing fetched (the xmlns names are names, not fetched)
    for fetched in ("src=", 'href="http', "url(http", "<script", "<link", "@import"):
        assert fetched not in page, fetched
    assert f"{html}: Parties linked by shared agreements of Norway (NOR)" in (
        capsys.readouterr().err
    )


def test_plot_with_nothing_to_draw_writes_the_picture_and_says_so(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "none.svg"
    assert main(["plot", "timeline", "--store", str(folder), "--from", "2030-01-01",
                 "--out", str(out)]) == 0  # fmt: skip
    assert plot.NOTHING in texts(out.read_bytes())
    assert "no agreements match (the picture says so)" in capsys.readouterr().err


@pytest.mark.parametrize(
    "arguments, said",
    [
        (["timeline", "--out", "x.jpg"], SUFFIXES),
        (["timeline", "--out", "x"], SUFFIXES),
        (["network", "--out", "x.svg", "--from", "2014-13-01"],
         "is not a date; write YYYY-MM-DD"),
        (["network", "--out", "x.svg", "--from", "2020-01-01", "--to", "2019-01-01"],
         "the period runs backwards"),
        (["network", "--out", "x.svg", "--agreement", ARCTIC],
         "--agreement draws one agreement's timeline"),
        (["timeline", "--out", "x.svg", "--country", "Norwya"],
         "did you mean Norway (NOR)"),
        (["timeline", "--out", "x.svg", "--agreement", "Antarctic Pact"],
         "no agreement named 'Antarctic Pact'"),
        (["chart", "--out", "x.svg"], "invalid choice: 'chart'"),
    ],
)  # fmt: skip
def test_plot_refuses_what_it_cannot_draw_with_exit_2(
    folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    arguments: list[str],
    said: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    try:
        status = main(["plot", *arguments, "--store", str(folder)])
    except SystemExit as exit_info:  # argparse's usage errors
        status = exit_info.code  # type: ignore[assignment]
    assert status == 2
    assert said in capsys.readouterr().err
    assert not list(tmp_path.iterdir())  # no file written


# ---------------------------------------------------------------------------
# The server
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(folder: Path) -> Iterator[Server]:
    started = _start(folder)
    yield started
    _stop(started)


@pytest.mark.parametrize(
    "path, expected",
    [
        ("/plot/timeline.svg", [ANDES, FISHERIES, ARCTIC]),
        (f"/plot/timeline.svg?agreement={ARCTIC_IRI}", [ARCTIC]),
        ("/plot/timeline.svg?agreement=Arctic%20Research%20Pact&country=&from=&to=",
         [ARCTIC]),
        ("/plot/timeline.svg?country=CHL&from=2000-01-01&to=2030-12-31", [ANDES]),
        ("/plot/network.svg?country=KOR", ["no agreements match"]),
        ("/plot/network.svg?country=DNK", ["Denmark", "European Union", "Norway"]),
        ("/plot/network.svg?from=2021-01-01", ["Chile", "Argentina"]),
    ],
)  # fmt: skip
def test_the_server_draws_the_pictures_as_svg(
    server: Server, path: str, expected: list[str]
) -> None:
    status, headers, body = server.get(path)
    assert status == 200, body
    assert headers["content-type"] == "image/svg+xml"
    words = texts(body)
    for word in expected:
        assert word in words, word
    if "country=CHL" in path:
        assert FISHERIES not in words


@pytest.mark.parametrize(
    "path, said",
    [
        ("/plot/timeline.svg?country=%22%3B%20DROP%20ALL%3B%20%23",
         "not a known country"),
        ("/plot/timeline.svg?agreement=" + "x" * 10_000, "at most 500"),
        ("/plot/timeline.svg?agreement=%7D%20%3B%20DROP%20ALL%20%3B%20%7B",
         "no agreement named"),
        ("/plot/network.svg?from=2014-13-01",
         "from: '2014-13-01' is not a date; write YYYY-MM-DD"),
        ("/plot/network.svg?to=2014%0A%7D", "is not a date"),
        ("/plot/network.svg?from=2020-01-01&to=2019-01-01",
         "the period runs backwards"),
        ("/plot/network.svg?agreement=x",
         "has no parameter 'agreement'; it takes country, from, to"),
        ("/plot/timeline.svg?country=NOR&country=ISL", "given twice"),
    ],
)  # fmt: skip
def test_the_server_refuses_bad_parameters_with_400(
    server: Server, path: str, said: str
) -> None:
    status, headers, body = server.get(path)
    assert status == 400
    assert headers["content-type"].startswith("text/plain")
    assert said in body.decode()
