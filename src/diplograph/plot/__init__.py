"""Pictures of the store: a timeline of agreements and their lifecycle events,
and a network of the parties they link (``diplograph plot``, and the server's
``/plot/timeline.svg`` and ``/plot/network.svg``).

``data`` asks the store (the saved query ``agreement-events``) and gives a
:class:`Timeline` or :class:`Network` of plain values; ``draw`` turns it into
a matplotlib figure and that into PNG, SVG or a page with the SVG inline.

Example:
    >>> from diplograph.store import open_store
    >>> picture = timeline(open_store(":memory:"), country="KOR")
    >>> picture.title, picture.rows
    ('Agreements and their lifecycle events of South Korea (KOR)', ())
    >>> "no agreements match" in svg(picture)
    True
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from diplograph.errors import PlotError
from diplograph.plot.data import (
    MAX_PARTIES,
    MAX_ROWS,
    Link,
    Mark,
    Network,
    Party,
    Picture,
    Row,
    Timeline,
    network,
    timeline,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

KINDS = ("timeline", "network")
FORMATS = ("png", "svg", "html")
NOTHING = "no agreements match"


def _draw() -> ModuleType:
    """The drawing half, imported when a picture is drawn: matplotlib and
    networkx take about a second to import, which every other command (they
    all import this package's command) would pay."""
    from diplograph.plot import draw

    return draw


def figure(picture: Picture) -> Figure:
    """The picture as a matplotlib figure."""
    drawn: Figure = _draw().figure(picture)
    return drawn


def render(picture: Picture, *, format: str) -> bytes:
    """The picture as ``png``, ``svg`` or ``html`` (a page with the SVG inline).

    Example:
        >>> render(Timeline("Nothing", ()), format="svg")[:5]
        b'<?xml'
    """
    body: bytes = _draw().render(picture, format=format)
    return body


def svg(picture: Picture) -> str:
    """The picture as an SVG document."""
    return render(picture, format="svg").decode("utf-8")


def page(picture: Picture) -> str:
    """A page that shows the picture with nothing else to fetch: the SVG
    inline, no script, no style sheet or font from elsewhere."""
    return render(picture, format="html").decode("utf-8")


def format_of(path: Path | str) -> str:
    """The picture format a file name asks for, by its suffix.

    Example:
        >>> format_of("kor.SVG")
        'svg'
        >>> format_of("kor.jpg")
        Traceback (most recent call last):
        ...
        diplograph.errors.PlotError: 'kor.jpg': a picture is written as .png, ...
    """
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix == "htm":
        suffix = "html"
    if suffix not in FORMATS:
        raise PlotError(
            f"{str(path)!r}: a picture is written as .png, .svg or .html (a page "
            "with the SVG inline); end the file name with one of them."
        )
    return suffix


def write(picture: Picture, path: Path | str) -> None:
    """Write the picture to ``path`` in the format its suffix names."""
    Path(path).write_bytes(render(picture, format=format_of(path)))


__all__ = [
    "FORMATS",
    "KINDS",
    "MAX_PARTIES",
    "MAX_ROWS",
    "NOTHING",
    "Link",
    "Mark",
    "Network",
    "Party",
    "Picture",
    "Row",
    "Timeline",
    "figure",
    "format_of",
    "network",
    "page",
    "render",
    "svg",
    "timeline",
    "write",
]
