"""The problem reports kept with a store: one per article that was rejected,
or stored without some of its facts.

``load`` writes them, ``problems`` lists them; a report lasts as long as what
it tells: an article stored whole later forgets both of its reports, one stored
without some facts forgets its rejection. They live in the embedded store's
folder (``<store>/rejected/``, ``<store>/dropped/``), or, for a server, in
``./diplograph-rejected/`` and ``./diplograph-dropped/``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import URIRef

from diplograph.model import Dropped
from diplograph.store import Store
from diplograph.validate import ValidationReport, report_graph, report_text

# what befell the article -> (folder in a store's folder, folder elsewhere)
FOLDERS = {
    "rejected": ("rejected", "./diplograph-rejected"),
    "dropped": ("dropped", "./diplograph-dropped"),
}


@dataclass(frozen=True)
class KeptReport:
    status: str  # "rejected" (not stored) or "dropped" (stored without some facts)
    text: Path  # the report in words; the SHACL report graph beside it (.ttl)

    @property
    def words(self) -> str:
        return self.text.read_text(encoding="utf-8", errors="replace")


def folder(store: Store, status: str) -> Path:
    """Where the reports of ``status`` ("rejected", "dropped") go."""
    inside, elsewhere = FOLDERS[status]
    return Path(elsewhere) if store.folder is None else store.folder / inside


def _name(stem: str, iri: URIRef) -> str:
    # <id> from the article's IRI: files of one name in different folders keep
    # a report each
    name = re.sub(r"[^\w.-]+", "_", stem).strip("._") or "article"
    tag = str(iri).rsplit("/", 1)[-1][:8]
    return name if tag in name else f"{name}-{tag}"


def keep_report(
    where: Path,
    stem: str,
    source: str,
    iri: URIRef,
    report: ValidationReport,
    *,
    dropped: Sequence[Dropped] = (),
) -> str:
    """Write an article's report as ``<stem>-<id>.txt`` (words; ``dropped``, the
    facts it was stored without, first) and ``<stem>-<id>.ttl`` (the SHACL
    report graph); say where, or why it could not be written."""
    name = _name(stem, iri)
    text, turtle = where / f"{name}.txt", where / f"{name}.ttl"
    try:
        where.mkdir(parents=True, exist_ok=True)
        words = "".join(f"{fact}\n" for fact in dropped)
        words += report_text(f"{source} <{iri}>", report)
        text.write_text(words, encoding="utf-8")
        turtle.write_text(
            report_graph([(iri, report)]).serialize(format="turtle"), encoding="utf-8"
        )
    except OSError as error:
        return f"the report could not be kept in {where}: {error}"
    return f"report kept in {text} and {turtle}"


def forget_reports(
    store: Store, stem: str, iri: URIRef, statuses: Sequence[str]
) -> None:
    """Remove the article's reports of ``statuses``: what they told is over."""
    name = _name(stem, iri)
    for status in statuses:
        for suffix in (".txt", ".ttl"):
            (folder(store, status) / f"{name}{suffix}").unlink(missing_ok=True)


def kept_reports(store: Store) -> Iterator[KeptReport]:
    """Every report kept with the store, rejections first, by file name."""
    for status in FOLDERS:
        where = folder(store, status)
        if where.is_dir():
            for text in sorted(where.glob("*.txt")):
                yield KeptReport(status, text)


__all__ = ["KeptReport", "folder", "forget_reports", "keep_report", "kept_reports"]
