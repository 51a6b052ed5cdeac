"""The pictures drawn: a timeline or a network as a matplotlib figure, and the
figure as PNG, SVG or a page with the SVG inline.

matplotlib's object API only (a ``Figure``, never ``pyplot``): no display, no
global figure list, so the server's worker threads can draw side by side;
PNG comes from Agg. SVG keeps its text as text (``svg.fonttype: none``), so
labels can be searched, selected and read by tests, and a page with the SVG
inline needs nothing from the network. Imported by :mod:`diplograph.plot`
only when a picture is drawn (matplotlib takes a second to import).
"""

from __future__ import annotations

import io
import math
import textwrap
import threading
from collections.abc import Sequence
from datetime import date, timedelta
from html import escape

import matplotlib.dates as mdates
import networkx
from matplotlib import rc_context
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from diplograph import __version__
from diplograph.errors import PlotError
from diplograph.plot import FORMATS, NOTHING
from diplograph.plot.data import Mark, Network, Picture, Row, Timeline
from diplograph.vocabulary import vocabulary

# One colour and marker per event type (ColorBrewer Paired, which tells its
# hues apart in print and for most colour-blind readers; the markers tell
# them apart where colour fails): talks grey, the steps that make an agreement
# blues and greens, those that end it orange to black.
EVENT_STYLES: dict[str, tuple[str, str]] = {
    "negotiation": ("#8c8c8c", "o"),
    "agreed": ("#a6cee3", "D"),
    "signed": ("#1f78b4", "o"),
    "ratified": ("#b2df8a", "s"),
    "in_force": ("#33a02c", "^"),
    "implemented": ("#006d2c", "P"),
    "extended": ("#6a3d9a", ">"),
    "suspended": ("#ff7f00", "p"),
    "withdrawn": ("#e31a1c", "v"),
    "terminated": ("#000000", "X"),
    "failed": ("#b15928", "*"),
}
_UNKNOWN_EVENT = ("#cccccc", "o")
STATE, ORGANIZATION, FOCUS = "#4c72b0", "#dd8452", "#c44e52"
LINE = "#6f7f8f"
LABEL_LENGTH = 52  # characters of an agreement's label on a timeline row
SEED = 15  # the network layout's: the same store draws the same picture
DPI = 110
# a white ground behind a party's name where lines cross it (not a path
# effect's halo: that draws the text as a path, and the SVG would lose it)
_HALO = {"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.75}
# svg.fonttype and svg.hashsalt are read from matplotlib's global settings
# while a figure is saved: set for each SVG under this lock, so that two
# threads of the server never save with each other's settings.
_SAVING = threading.Lock()


def figure(picture: Picture) -> Figure:
    """The picture as a matplotlib figure."""
    if isinstance(picture, Timeline):
        return _timeline(picture)
    return _network(picture)


def render(picture: Picture, *, format: str) -> bytes:
    """The picture as ``png``, ``svg`` or ``html`` (a page with the SVG inline)."""
    if format == "html":
        return _page(picture).encode("utf-8")
    if format not in FORMATS:
        raise PlotError(f"no picture format {format!r}; one of {', '.join(FORMATS)}.")
    out = io.BytesIO()
    drawn = figure(picture)
    with _SAVING, rc_context({"svg.fonttype": "none", "svg.hashsalt": "diplograph"}):
        # no date and no matplotlib URL: the same picture gives the same bytes
        metadata = {"Date": None, "Creator": f"diplograph {__version__}"}
        if format == "png":
            metadata = {"Software": f"diplograph {__version__}"}
        drawn.savefig(out, format=format, dpi=DPI, metadata=metadata)
    return out.getvalue()


def _page(picture: Picture) -> str:
    """The SVG inline in a page, without its XML declaration and DOCTYPE."""
    drawing = render(picture, format="svg").decode("utf-8")
    drawing = drawing[drawing.index("<svg") :]
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(picture.title)}</title>\n"
        "<style>body{margin:1rem;font-family:sans-serif}"
        "svg{max-width:100%;height:auto}</style>\n</head>\n<body>\n"
        f"{drawing}\n</body>\n</html>\n"
    )


# ---- a timeline ---------------------------------------------------------------


def _timeline(picture: Timeline) -> Figure:
    rows = picture.rows
    kinds = [
        c for c in EVENT_STYLES if any(m.event == c for r in rows for m in r.marks)
    ]
    kinds += sorted({m.event for r in rows for m in r.marks} - set(EVENT_STYLES))
    legend_entries = len(kinds) + 2
    height = max(2.6, 1.4 + 0.32 * len(rows), 1.2 + 0.27 * legend_entries)
    drawn = Figure(figsize=(12, height), layout="constrained")
    axes = drawn.add_subplot()
    axes.set_title(picture.title, loc="left", fontsize=13, fontweight="bold")
    note = _timeline_note(picture)
    if not rows:
        _nothing(axes, note)
        return drawn
    coarse = scheduled = False
    for y, row in enumerate(rows):
        middles = [_x(_middle(m.date)) for m in row.marks]
        if len(middles) > 1:  # the agreement's life, first event to last
            axes.plot([middles[0], middles[-1]], [y, y], color="#d0d0d0", lw=1.2,
                      zorder=1)  # fmt: skip
        for dy, mark in _spread(row.marks):
            colour, marker = EVENT_STYLES.get(mark.event, _UNKNOWN_EVENT)
            first, last = _days(mark.date)
            if first != last:  # a year or a month: a band over the days it may be
                coarse = True
                axes.plot([_x(first), _x(last)], [y + dy] * 2, color=colour,
                          alpha=0.3, lw=7, solid_capstyle="butt",
                          zorder=2)  # fmt: skip
            scheduled |= mark.scheduled
            axes.plot(
                [_x(_middle(mark.date))], [y + dy], marker=marker, markersize=8,
                color=colour, markerfacecolor="white" if mark.scheduled else colour,
                markeredgewidth=1.6, linestyle="none", zorder=3,
            )  # fmt: skip
    axes.set_yticks(range(len(rows)), _row_labels(rows), fontsize=9)
    axes.set_ylim(len(rows) - 0.5, -0.5)  # the oldest at the top
    axes.xaxis_date()
    locator = mdates.AutoDateLocator(minticks=4, maxticks=12)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    axes.grid(axis="x", color="#e8e8e8")
    axes.set_axisbelow(True)
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)
    axes.tick_params(axis="y", length=0)
    words = {c.code: c.word for c in vocabulary().events}
    handles: list[Line2D | Patch] = [
        Line2D([], [], marker=EVENT_STYLES.get(k, _UNKNOWN_EVENT)[1],
               color=EVENT_STYLES.get(k, _UNKNOWN_EVENT)[0], linestyle="none",
               markersize=8, label=words.get(k, k))
        for k in kinds
    ]  # fmt: skip
    if scheduled:
        handles.append(
            Line2D([], [], marker="o", color="#555555", markerfacecolor="white",
                   linestyle="none", markersize=8, label="scheduled (hollow)")
        )  # fmt: skip
    if coarse:
        handles.append(
            Patch(color="#555555", alpha=0.3, label="band: known to the\nyear or month")
        )
    axes.legend(handles=handles, title="events", loc="upper left",
                bbox_to_anchor=(1.01, 1), frameon=False, fontsize=9)  # fmt: skip
    if note:
        drawn.supxlabel(_wrapped(note), x=0.01, ha="left", fontsize=9, color="#555555")
    return drawn


def _timeline_note(picture: Timeline) -> str:
    parts = []
    if picture.left_out:
        parts.append(
            f"{picture.left_out} more agreement(s) with dated events not drawn "
            f"(the {len(picture.rows)} with the most are); narrow with --country, "
            "--from or --to"
        )
    if picture.undated:
        parts.append(f"{picture.undated} agreement(s) left out: no event with a date")
    if picture.undated_events:
        parts.append(
            f"{picture.undated_events} event(s) of those drawn not placed: no date"
        )
    return "; ".join(parts)


def _wrapped(note: str) -> str:
    """A note as lines that fit under a picture 12 inches wide."""
    return "\n".join(textwrap.wrap(note, 140))


def _row_labels(rows: Sequence[Row]) -> list[str]:
    """Each row's label, cut to fit; labels rows share ("free trade
    agreement") followed by what tells them apart: the parties, else the
    date of the first event."""
    cut = [_cut(r.label, LABEL_LENGTH) for r in rows]
    told = [(label, r.parties) for label, r in zip(cut, rows, strict=True)]
    labels = []
    for row, label in zip(rows, cut, strict=True):
        if cut.count(label) > 1:
            shown = ", ".join(row.parties[:3]) + ("…" if len(row.parties) > 3 else "")
            if told.count((label, row.parties)) > 1 or not shown:
                shown = row.marks[0].date
            room = max(LABEL_LENGTH - len(shown) - 3, 40)  # the name before the parties
            label = f"{_cut(row.label, room)} ({shown})"
        labels.append(label)
    return labels


def _cut(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _days(value: str) -> tuple[date, date]:
    """The first and last day a date as stored may be: ``2014`` is all of 2014.

    Example:
        >>> _days("2014-02")
        (datetime.date(2014, 2, 1), datetime.date(2014, 2, 28))
    """
    parts = [int(p) for p in value[:10].split("-")]
    if len(parts) == 3:
        day = date(*parts)
        return day, day
    if len(parts) == 2:
        first = date(parts[0], parts[1], 1)
        following = (first + timedelta(days=32)).replace(day=1)
        return first, following - timedelta(days=1)
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def _middle(value: str) -> date:
    first, last = _days(value)
    return first + (last - first) / 2


def _x(day: date) -> float:
    """A day where matplotlib's date axis puts it."""
    return float(mdates.date2num(day))


def _spread(marks: Sequence[Mark]) -> list[tuple[float, Mark]]:
    """Each mark with a vertical offset: marks of one date side by side,
    above and below the row's line, instead of one over the other."""
    by_date: dict[str, list[Mark]] = {}
    for mark in marks:
        by_date.setdefault(mark.date, []).append(mark)
    return [
        ((i - (len(same) - 1) / 2) * 0.24, mark)
        for same in by_date.values()
        for i, mark in enumerate(same)
    ]


def _nothing(axes: Axes, note: str) -> None:
    """An empty picture that says so, and why it may be."""
    axes.set_axis_off()
    axes.text(0.5, 0.6, NOTHING, ha="center", va="center", fontsize=16,
              color="#555555", transform=axes.transAxes)  # fmt: skip
    hint = note or "widen the period or leave out --country; load articles first"
    axes.text(0.5, 0.35, hint, ha="center", va="center", fontsize=10,
              color="#777777", transform=axes.transAxes, wrap=True)  # fmt: skip


# ---- a network ----------------------------------------------------------------


def _network(picture: Network) -> Figure:
    drawn = Figure(figsize=(12, 9), layout="constrained")
    axes = drawn.add_subplot()
    axes.set_title(picture.title, loc="left", fontsize=13, fontweight="bold")
    note = _network_note(picture)
    linked = {code for link in picture.links for code in (link.a, link.b)}
    parties = [p for p in picture.parties if p.code in linked or p.focus]
    if not picture.links:
        _nothing(axes, note)
        return drawn
    positions = _layout(picture)
    heaviest = max(link.weight for link in picture.links)
    focus = {p.code for p in picture.parties if p.focus}
    for link in sorted(picture.links, key=lambda link: link.weight):
        (x1, y1), (x2, y2) = positions[link.a], positions[link.b]
        alpha = 0.35 if link.weight == 1 else 0.6
        if focus and not focus & {link.a, link.b}:
            alpha /= 2  # partners among themselves: behind the country's own links
        axes.plot([x1, x2], [y1, y2], color=LINE, lw=_width(link.weight),
                  alpha=alpha, solid_capstyle="round", zorder=1)  # fmt: skip
        if link.weight > 1:
            axes.text((x1 + x2) / 2, (y1 + y2) / 2, str(link.weight), fontsize=8,
                      ha="center", va="center", zorder=2,
                      bbox={"boxstyle": "round,pad=0.15", "fc": "white",
                            "ec": LINE, "lw": 0.5})  # fmt: skip
    for party in parties:
        x, y = positions[party.code]
        size = min(90 + 45 * party.agreements, 900)
        colour = FOCUS if party.focus else STATE if party.is_country else ORGANIZATION
        axes.scatter([x], [y], s=size, color=colour, edgecolors="white",
                     linewidths=1.2, zorder=3)  # fmt: skip
        axes.annotate(
            party.name, (x, y), xytext=(0, math.sqrt(size) / 2 + 2),
            textcoords="offset points", ha="center", va="bottom",
            fontsize=10 if party.focus else 9, zorder=4, bbox=_HALO,
            fontweight="bold" if party.focus else "normal",
        )  # fmt: skip
    axes.set_axis_off()
    axes.margins(0.08)
    handles: list[Line2D] = []
    if any(p.focus for p in parties):
        handles.append(_dot(FOCUS, "the country asked for"))
    handles += [_dot(STATE, "state"), _dot(ORGANIZATION, "organization")]
    handles += [
        Line2D([], [], color=LINE, lw=_width(w),
               label=f"{w} shared agreement{'s' if w > 1 else ''}")
        for w in sorted({1, heaviest})
    ]  # fmt: skip
    handles.append(_dot("#ffffff", "dot size: agreements\nof the party drawn"))
    axes.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1),
                frameon=False, fontsize=9, handlelength=3,
                labelspacing=0.9)  # fmt: skip
    if note:
        drawn.supxlabel(_wrapped(note), x=0.01, ha="left", fontsize=9, color="#555555")
    return drawn


def _network_note(picture: Network) -> str:
    parts = [
        f"{len(picture.parties)} parties and {len(picture.links)} links from "
        f"{picture.agreements} agreement(s) with two parties or more; a number on a "
        "line: agreements the two share (none: one)"
    ]
    if picture.left_out:
        parts.append(
            f"{picture.left_out} more parties not drawn (those in the fewest "
            "agreements); --country centres on one"
        )
    return "; ".join(parts) if picture.links else ""


def _width(weight: int) -> float:
    return min(1.0 + 1.4 * (weight - 1), 10.0)


def _dot(colour: str, label: str) -> Line2D:
    return Line2D([], [], marker="o", linestyle="none", markersize=9,
                  color=colour, markeredgecolor="#999999", label=label)  # fmt: skip


def _layout(picture: Network) -> dict[str, tuple[float, float]]:
    """Where each party goes: a spring layout from a fixed seed (the same
    store, the same picture), pulled by shared agreements on a log scale (by
    their count, ten shared treaties would collapse a pair onto one spot).
    A hidden hub pulls every party a little towards the middle, or the pairs
    that share nothing with the rest would fly to the corners and squeeze the
    others together; the country asked for is that middle, held there."""
    graph = networkx.Graph()
    graph.add_nodes_from(sorted(p.code for p in picture.parties))
    for link in picture.links:
        graph.add_edge(link.a, link.b, pull=1 + math.log(link.weight))
    focus = [p.code for p in picture.parties if p.focus]
    centre = focus[0] if focus else _HUB
    for code in sorted(graph.nodes):
        if code != centre and not graph.has_edge(code, centre):
            graph.add_edge(code, centre, pull=0.15)
    spacing = 3.2 / math.sqrt(max(graph.number_of_nodes(), 1))
    start = networkx.circular_layout(graph)
    start[centre] = (0.0, 0.0)
    found = networkx.spring_layout(
        graph, pos=start, fixed=[centre], weight="pull", k=spacing, seed=SEED,
        iterations=300,
    )  # fmt: skip
    found.pop(_HUB, None)
    return {code: (float(x), float(y)) for code, (x, y) in found.items()}


_HUB = "\x00hub"  # no party's code
