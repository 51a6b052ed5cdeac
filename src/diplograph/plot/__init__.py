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
from diplograph.plot.draw import FORMATS, NOTHING, figure, page, render, svg

KINDS = ("timeline", "network")


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
