"""The rows of a saved query new since a time as an Atom 1.0 feed (RFC 4287),
for any feed reader: one entry per row, newest first.

An entry's id is the same each time the row comes (a ``urn:uuid`` made from
the feed and the row's identifying columns, :func:`diplograph.arrivals.identity`),
so a reader that sees it again (a changed text of its only article) shows it
updated, not twice. Its ``updated`` is the time the row arrived; its links go
to the source articles (``alternate``: the first; ``related``: the others) and
to the agreement or article the row is about; its summary is the row.
"""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import Any

from diplograph import __version__
from diplograph.arrivals import ARRIVED

ATOM = "http://www.w3.org/2005/Atom"
MEDIA_TYPE = "application/atom+xml; charset=utf-8"
# what XML 1.0 does not allow in text, whatever an article held
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# the columns that hold an article's URL (or its title, when it has none)
SOURCE_COLUMNS = ("source", "sources", "otherSource")
# the column whose value names the row best, the first a row has
TITLE_COLUMNS = ("label", "title", "name", "event", "claim")
# the columns whose IRI is what the row is about
ABOUT_COLUMNS = ("agreement", "article")


def atom_feed(
    rows: Sequence[dict[str, Any]],
    *,
    title: str,
    subtitle: str,
    feed_id: str,
    self_url: str,
    rows_url: str,
    identity: Sequence[str],
    updated: str,
) -> bytes:
    """The feed of ``rows`` (as :func:`diplograph.queries.run_query` gives them,
    each with its ``arrived`` time). ``feed_id`` names the feed whatever the
    time asked for (the query and its parameters); ``rows_url`` is the same
    rows as JSON; ``identity`` the columns that tell one row from another;
    ``updated`` the feed's time when it has no rows."""
    feed = ET.Element(f"{{{ATOM}}}feed")
    _add(feed, "id", f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, feed_id)}")
    _add(feed, "title", title)
    if subtitle:
        _add(feed, "subtitle", subtitle)
    newest = max((str(row[ARRIVED]) for row in rows), default=updated)
    _add(feed, "updated", newest)
    author = _add(feed, "author")
    _add(author, "name", "diplograph")
    _add(feed, "generator", "diplograph", version=__version__)
    _add(feed, "link", rel="self", type="application/atom+xml", href=self_url)
    _add(feed, "link", rel="alternate", type="application/json", href=rows_url)
    for row in rows:
        feed.append(_entry(row, feed_id=feed_id, identity=identity, fallback=rows_url))
    ET.register_namespace("", ATOM)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def _entry(
    row: dict[str, Any], *, feed_id: str, identity: Sequence[str], fallback: str
) -> ET.Element:
    entry = ET.Element(f"{{{ATOM}}}entry")
    key = "\n".join(f"{column}={_text(row.get(column))}" for column in identity)
    _add(entry, "id", f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, feed_id + key)}")
    title = next((row[c] for c in TITLE_COLUMNS if row.get(c)), None)
    _add(
        entry, "title", _text(title) or " / ".join(_text(row.get(c)) for c in identity)
    )
    _add(entry, "updated", str(row[ARRIVED]))
    sources = [
        value
        for column in SOURCE_COLUMNS
        for value in _values(row.get(column))
        if value.startswith(("http://", "https://"))
    ]
    about = [value for column in ABOUT_COLUMNS for value in _values(row.get(column))]
    links = list(dict.fromkeys(sources + about)) or [fallback]
    for number, href in enumerate(links):
        _add(entry, "link", rel="alternate" if number == 0 else "related", href=href)
    summary = "\n".join(
        f"{column}: {_text(value)}"
        for column, value in row.items()
        if column != ARRIVED and _text(value)
    )
    _add(entry, "summary", summary, type="text")
    return entry


def _values(value: Any) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def _text(value: Any) -> str:
    return ", ".join(_values(value))


def _add(parent: ET.Element, tag: str, text: str = "", **attributes: str) -> ET.Element:
    element = ET.SubElement(
        parent,
        f"{{{ATOM}}}{tag}",
        {name: _NOT_XML.sub("", value) for name, value in attributes.items()},
    )
    if text:
        element.text = _NOT_XML.sub("", text)
    return element


__all__ = ["MEDIA_TYPE", "atom_feed"]
