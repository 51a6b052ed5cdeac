"""What the pictures show, asked of the store: a timeline of agreements and
their lifecycle events, and a network of the parties they link.

Both come from one saved query, ``agreement-events`` (the agreements with
their parties' codes and their events), so the filters mean the same in both
pictures and on the command line: ``country`` keeps the agreements it is party
to, ``start``/``end`` the events dated within the period and the agreements
that have one. The pictures are frozen dataclasses of plain values, capped to
what stays readable, and say what they leave out; :mod:`diplograph.plot.draw`
turns them into figures.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from typing import Any

from diplograph.errors import PlotError
from diplograph.gazetteer import load_gazetteer
from diplograph.queries import resolve_party, run_query
from diplograph.store import Store

QUERY = "agreement-events"
# Rows of a timeline and parties of a network beyond which labels overlap or
# the picture grows taller than a screen (the dev corpus: ~110 agreements,
# ~100 parties); the rest is counted in the picture's note.
MAX_ROWS = 40
MAX_PARTIES = 30


@dataclass(frozen=True)
class Mark:
    """One event on a timeline row: its code (``signed``...), its date as
    stored (``2014``, ``2014-12`` or ``2014-12-03``), and whether it was only
    scheduled."""

    event: str
    date: str
    scheduled: bool = False


@dataclass(frozen=True)
class Row:
    """One agreement on a timeline: its label, its parties' codes, its dated
    events oldest first."""

    agreement: str
    label: str
    parties: tuple[str, ...]
    marks: tuple[Mark, ...]


@dataclass(frozen=True)
class Timeline:
    """``rows``: the agreements drawn, oldest first event first; ``left_out``:
    agreements with dated events not drawn (over :data:`MAX_ROWS`);
    ``undated``: agreements that match but have no dated event to place;
    ``undated_events``: events of the rows drawn that have no date."""

    title: str
    rows: tuple[Row, ...]
    left_out: int = 0
    undated: int = 0
    undated_events: int = 0


@dataclass(frozen=True)
class Party:
    """A node of a network: a state or organization by code and name;
    ``agreements``: how many of the agreements drawn it is party to;
    ``focus``: the country the network is centred on."""

    code: str
    name: str
    is_country: bool
    agreements: int
    focus: bool = False


@dataclass(frozen=True)
class Link:
    """Two parties (codes, in order) and the labels of the agreements they
    share; its weight is how many."""

    a: str
    b: str
    shared: tuple[str, ...]

    @property
    def weight(self) -> int:
        return len(self.shared)


@dataclass(frozen=True)
class Network:
    """``parties`` and ``links`` drawn; ``left_out``: parties not drawn (over
    :data:`MAX_PARTIES`, fewest agreements first); ``agreements``: how many
    agreements with two parties or more the links come from."""

    title: str
    parties: tuple[Party, ...]
    links: tuple[Link, ...]
    agreements: int
    left_out: int = 0


Picture = Timeline | Network


@dataclass(frozen=True)
class _Agreement:
    iri: str
    label: str
    parties: tuple[str, ...]
    marks: tuple[Mark, ...]  # the dated events only
    undated: int  # events with no date


def timeline(
    store: Store,
    *,
    country: str | None = None,
    agreement: str | None = None,
    start: date | None = None,
    end: date | None = None,
    limit: int = MAX_ROWS,
) -> Timeline:
    """The agreements and their dated lifecycle events, one row each.

    ``country`` (code, name, alias or IRI) keeps those it is party to,
    ``agreement`` (IRI, name, alias or label) one agreement, ``start`` and
    ``end`` the events dated within the period. Past ``limit`` rows, those
    with the most dated events are kept (the latest first among equals).
    """
    focus = _focus(country)
    found = _agreements(store, focus=focus, agreement=agreement, start=start, end=end)
    dated = [a for a in found if a.marks]
    kept = sorted(dated, key=lambda a: (-len(a.marks), _latest(a), a.label))[:limit]
    rows = tuple(
        Row(a.iri, a.label, a.parties, a.marks)
        for a in sorted(kept, key=lambda a: (a.marks[0].date, a.label, a.iri))
    )
    one = found[0].label if agreement is not None and len(found) == 1 else None
    title = (
        f"{one}: lifecycle events" if one else "Agreements and their lifecycle events"
    ) + _scope(focus, start, end)
    return Timeline(
        title, rows, left_out=len(dated) - len(kept),
        undated=len(found) - len(dated),
        undated_events=sum(a.undated for a in kept),
    )  # fmt: skip


def network(
    store: Store,
    *,
    country: str | None = None,
    start: date | None = None,
    end: date | None = None,
    limit: int = MAX_PARTIES,
) -> Network:
    """The parties linked by the agreements they share; a link's weight is
    how many.

    ``country`` (code, name, alias or IRI) centres the network on it: its
    agreements only, so every other party is one of its partners. ``start``
    and ``end`` keep the agreements with an event dated within the period.
    Past ``limit`` parties, those party to the most agreements are kept.
    """
    focus = _focus(country)
    found = _agreements(store, focus=focus, agreement=None, start=start, end=end)
    linking = [a for a in found if len(a.parties) > 1]
    counts = Counter(code for a in linking for code in a.parties)
    ranked = sorted(counts, key=lambda code: (code != focus, -counts[code], code))
    kept = set(ranked[:limit])
    shared: dict[tuple[str, str], list[str]] = {}
    for each in linking:
        for a, b in combinations(sorted(set(each.parties) & kept), 2):
            shared.setdefault((a, b), []).append(each.label)
    links = tuple(
        Link(a, b, tuple(sorted(labels))) for (a, b), labels in sorted(shared.items())
    )
    entities = load_gazetteer().entities
    parties = []
    for code in ranked[:limit]:
        entity = entities.get(code)
        parties.append(
            Party(
                code, entity.name if entity else code,
                entity.is_country if entity else True, counts[code],
                focus=code == focus,
            )
        )  # fmt: skip
    title = f"Parties linked by shared agreements{_scope(focus, start, end)}"
    return Network(
        title, tuple(parties), links, len(linking), left_out=len(counts) - len(kept)
    )


def _focus(country: str | None) -> str | None:
    """The code of the country asked for (a QueryError naming close ones
    when there is none)."""
    if country is None or not country.strip():
        return None
    return resolve_party(country).rsplit("/", 1)[-1]


def _scope(focus: str | None, start: date | None, end: date | None) -> str:
    """What the filters keep, for a title: " of South Korea (KOR), 2014-01-01
    to 2016-06-30"."""
    text = ""
    if focus:
        entity = load_gazetteer().entities.get(focus)
        text += f" of {entity.name if entity else focus} ({focus})"
    if start and end:
        text += f", {start} to {end}"
    elif start:
        text += f", from {start}"
    elif end:
        text += f", up to {end}"
    return text


def _agreements(
    store: Store,
    *,
    focus: str | None,
    agreement: str | None,
    start: date | None,
    end: date | None,
) -> list[_Agreement]:
    """The agreements ``agreement-events`` gives, each with its dated events."""
    if start and end and start > end:
        raise PlotError(
            f"the period runs backwards: from {start} to {end}; give a start "
            "on or before the end."
        )
    params: dict[str, Any] = {}
    if focus:
        params["party"] = focus
    if agreement is not None:
        params["agreement"] = agreement
    if start:
        params["from_"] = start.isoformat()
    if end:
        params["to"] = end.isoformat()
    rows = run_query(store, QUERY, **params)
    return [_agreement(group) for group in _grouped(rows)]


def _grouped(rows: Iterable[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The rows of each agreement together (the query gives them in a run)."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(row["agreement"], []).append(row)
    return list(groups.values())


def _agreement(rows: list[dict[str, Any]]) -> _Agreement:
    first = rows[0]
    marks = tuple(
        Mark(row["event"], row["date"], bool(row.get("scheduled")))
        for row in rows
        if "event" in row and "date" in row
    )
    return _Agreement(
        first["agreement"], first["label"],
        tuple(sorted(code for code in first.get("parties", []) if code)),
        tuple(sorted(marks, key=lambda m: (m.date, m.event))),
        sum(1 for row in rows if "event" in row and "date" not in row),
    )  # fmt: skip


def _latest(agreement: _Agreement) -> str:
    """A sort key putting the latest last event first: each digit inverted."""
    return agreement.marks[-1].date.translate(_INVERTED)


_INVERTED = str.maketrans("0123456789", "9876543210")
