"""The neutral intermediate form between reading and RDF: plain frozen dataclasses.

Dates are strings at the precision the text supports: ``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD``; "in December 2014" stays ``2014-12`` and never becomes a day.
Kinds, event types and topics are codes of :mod:`diplograph.vocabulary`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only named in annotations: the model itself needs no RDF
    from rdflib import Graph

    from diplograph.validate import ValidationReport

PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True)
class Article:
    """One news article: its body text and what its header or page says about it."""

    text: str
    title: str
    published: date
    source: str
    url: str | None = None
    publisher: str | None = None

    @property
    def content_hash(self) -> str:
        """SHA-256 of the body text: the article's identity when it has no URL."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def stem(self) -> str:
        """The file name without folder and suffix, used to name outputs; an
        article of an archive (``news.warc.gz#urn:uuid:1f2e``) is the file's
        stem and its record id (``news-urn_uuid_1f2e``)."""
        archive, _, record = self.source.rpartition("#")
        if archive.lower().endswith((".warc", ".warc.gz")):
            name = re.split(r"[\\/]", archive)[-1].split(".", 1)[0]
            return name + "-" + re.sub(r"[^\w-]+", "_", record)
        name = re.split(r"[\\/]", self.source)[-1]
        return name.rsplit(".", 1)[0] if "." in name else name


@dataclass(frozen=True)
class Evidence:
    """A span of the article's text, by character offsets into ``Article.text``."""

    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class Because:
    """Why a fact was extracted: the stage, the rule and the words it rests on."""

    fact: str  # "party JPN", "event signed@2015-06-24", "kind treaty"...
    stage: str  # mentions, coref, roles, events, describe
    rule: str
    evidence: Evidence


@dataclass(frozen=True)
class Event:
    """Something that happened (or is scheduled to happen) to an agreement."""

    type: str
    date: str | None = None
    scheduled: bool = False
    actors: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class AgreementFact:
    """One instrument as one article describes it, all its mentions merged."""

    kind: str
    parties: tuple[str, ...]
    name: str | None = None
    aliases: tuple[str, ...] = ()
    signed: str | None = None
    concerns: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    events: tuple[Event, ...] = ()
    evidence: tuple[Evidence, ...] = field(default=(), compare=False)
    # why each fact was extracted (stage, rule, span): ``extract --explain``
    because: tuple[Because, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class ArticleFacts:
    """What the extractor found in one article."""

    article: Article
    agreements: tuple[AgreementFact, ...]


@dataclass(frozen=True)
class Resolution:
    """Which agreement node one extracted agreement was identified with, and why.

    ``rule`` is "new" (a node was minted), "name", "instrument", "parties" or
    "split"; ``supported_by`` are the stored articles whose claims matched.
    """

    agreement: str
    rule: str
    score: float
    supported_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class Dropped:
    """A fact left out of an article's graph because it broke a shape.

    ``fact`` names it ("ratified@2019-05-02", "signing date 2030-03-03",
    "party PER", "agreement"), ``agreement`` is the label of its agreement,
    ``reason`` says in plain words what is wrong (the shape's
    ``dgs:factMessage``), ``sentence`` is the sentence it was read from.
    """

    fact: str
    agreement: str
    reason: str
    sentence: str | None = None
    shape: str = ""

    def __str__(self) -> str:
        of = "" if self.fact == "agreement" else " of"
        said = f" (sentence: '{self.sentence}')" if self.sentence else ""
        return f"dropped: {self.fact}{of} '{self.agreement}': {self.reason}{said}"


@dataclass(frozen=True)
class Processed:
    """One article after extraction and graph building (and validation, if asked).

    ``status`` says what a load did with it: "stored", "unchanged" (the same
    text was stored by the same extractor version), "rejected" (the shapes
    failed; nothing written) or "extracted" (not loaded). A "stored" article
    may have had facts left out (``dropped``): ``facts`` and ``graph`` are then
    what was stored, and ``report_before`` the report that named those facts.
    """

    article: Article
    facts: ArticleFacts
    graph: Graph
    report: ValidationReport | None = None
    status: str = "extracted"
    dropped: tuple[Dropped, ...] = ()
    report_before: ValidationReport | None = None
