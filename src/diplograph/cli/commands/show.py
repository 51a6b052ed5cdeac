"""``diplograph search`` and ``diplograph show``: find agreements by the words
articles used, and see one agreement, country or article whole."""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from typing import Any

from diplograph.cli.command import Command
from diplograph.cli.options import opened, positive
from diplograph.cli.output import format_rows
from diplograph.cli.status import ExitStatus
from diplograph.find import Hit, search
from diplograph.namespaces import DATA_BASE
from diplograph.settings import Settings
from diplograph.show import (
    AgreementView,
    ArticleView,
    CountryView,
    Party,
    ReadAgreement,
    Record,
    agreement_view,
    article_view,
    claims_said,
    country_view,
    identify,
)
from diplograph.terms import Term
from diplograph.vocabulary import vocabulary

log = logging.getLogger("diplograph")

DEFAULT_LIMIT = 20
SNIPPET = 56  # characters of a matching sentence a table shows, around the match
COLUMNS = ["label", "kind", "parties", "signed", "field", "matched", "agreement"]


def search_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "text", nargs="+", metavar="TEXT",
        help="words to find (several words are one phrase); case is ignored, and "
        "punctuation too in names",
    )  # fmt: skip
    parser.add_argument(
        "--format", choices=["table", "csv", "tsv", "json"], default="table",
        help="table for people (default), csv, tsv, or json with lists for programs",
    )  # fmt: skip
    parser.add_argument(
        "--limit", type=positive, default=DEFAULT_LIMIT, metavar="N",
        help=f"show the N best matches (default {DEFAULT_LIMIT})",
    )  # fmt: skip


def run_search(args: argparse.Namespace, settings: Settings) -> ExitStatus:
    text = " ".join(args.text)
    with opened(settings, read_only=True) as store:
        total, hits = search(store, text, limit=args.limit)
    if args.format == "json":
        document = {"text": text, "total": total, "results": [_hit(h) for h in hits]}
        print(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        rows = [_hit_row(h, snippet=args.format == "table", text=text) for h in hits]
        print(format_rows(COLUMNS, rows, args.format), end="")
    if total > len(hits):
        log.info(
            "%d of %d matching agreements shown; --limit N shows more", len(hits), total
        )
    elif not hits:
        log.info(
            "nothing matches %r in the names, aliases, labels, parties or sentences "
            "of the stored agreements",
            text,
        )
    return ExitStatus.SUCCESS


def _hit(hit: Hit) -> dict[str, Any]:
    found = hit.agreement
    return {
        "agreement": found.iri, "label": found.label, "kinds": list(found.kinds),
        "parties": list(found.parties), "signed": list(found.signed),
        "field": hit.field, "matched": hit.value,
    }  # fmt: skip


def _hit_row(hit: Hit, *, snippet: bool, text: str) -> dict[str, Term]:
    found = hit.agreement
    words = vocabulary()
    long = snippet and hit.field == "sentence"
    matched = _snippet(hit.value, text) if long else hit.value
    values = {
        "label": found.label,
        "kind": ", ".join(words.kind_word(k) for k in found.kinds),
        "parties": ", ".join(found.parties), "signed": ", ".join(found.signed),
        "field": hit.field, "matched": matched,
    }  # fmt: skip
    return {
        **{k: Term("literal", v) for k, v in values.items()},
        "agreement": Term("uri", found.iri),
    }


def _snippet(value: str, text: str) -> str:
    """The part of a long sentence around ``text``."""
    if len(value) <= SNIPPET:
        return value
    at = max(value.lower().find(text.lower()), 0)
    start = max(0, min(at - SNIPPET // 3, len(value) - SNIPPET))
    cut = value[start : start + SNIPPET]
    return ("…" if start else "") + cut + ("…" if start + SNIPPET < len(value) else "")


def show_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "ref", metavar="AGREEMENT|COUNTRY|ARTICLE",
        help="an article (IRI, URL, file name or content hash), else a country or "
        "organization (code, name, alias or IRI), else an agreement (IRI, name, "
        "alias or label); quote a name of several words",
    )  # fmt: skip
    parser.add_argument(
        "--format", choices=["text", "json"], default="text",
        help="text for people (default), json for programs",
    )  # fmt: skip


def run_show(args: argparse.Namespace, settings: Settings) -> ExitStatus:
    with opened(settings, read_only=True) as store:
        subject = identify(store, args.ref)
        if subject.note:
            log.info("%s", subject.note)
        view: AgreementView | CountryView | ArticleView
        if subject.kind == "article":
            view = article_view(store, subject.iri)
        elif subject.kind == "country":
            view = country_view(store, subject.iri)
        else:
            view = agreement_view(store, subject.iri)
    if args.format == "json":
        document = {"type": subject.kind, **asdict(view)}
        print(json.dumps(document, indent=2, ensure_ascii=False))
        return ExitStatus.SUCCESS
    width = min(max(shutil.get_terminal_size().columns, 60), 120)
    writer = Text(width)
    if isinstance(view, AgreementView):
        writer.agreement(view)
    elif isinstance(view, CountryView):
        writer.country(view)
    else:
        writer.article(view)
    print(writer.text(), end="")
    return ExitStatus.SUCCESS


def _short(iri: str) -> str:
    return iri[len(DATA_BASE) :] if iri.startswith(DATA_BASE) else iri


def _code(iri: str) -> str:
    """A party's code, the last step of its IRI."""
    return iri.rsplit("/", 1)[-1]


def _parties(parties: Iterable[Party]) -> str:
    return ", ".join(f"{p.name} ({p.code})" for p in parties)


def _words(codes: Iterable[str]) -> str:
    return ", ".join(code.replace("_", " ") for code in codes)


def _articles(count: int) -> str:
    return f"{count} article{'s' if count != 1 else ''}"


class Text:
    """A view as text for a terminal: a heading, fields as ``name  value``,
    sections, sentences wrapped and quoted."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.lines: list[str] = []

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"

    def field(self, name: str, value: str, indent: int = 2) -> None:
        lead = " " * indent + f"{name:<11}"
        self.lines += textwrap.wrap(
            value or "-", self.width, initial_indent=lead,
            subsequent_indent=" " * len(lead), break_on_hyphens=False,
            break_long_words=False,
        ) or [lead.rstrip()]  # fmt: skip

    def section(self, title: str) -> None:
        self.lines += ["", title]

    def quote(self, sentence: str, indent: int, mark: str = "") -> None:
        lead = " " * indent + mark
        self.lines += textwrap.wrap(
            f"“{sentence}”", self.width, initial_indent=lead,
            subsequent_indent=" " * (len(lead) + 1), break_on_hyphens=False,
            break_long_words=False,
        )  # fmt: skip

    def table(self, rows: Sequence[Sequence[str]], indent: int = 2) -> None:
        """Columns padded to their widest cell, the last one wrapped."""
        if not rows:
            return
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
        for row in rows:
            lead = " " * indent + "".join(
                cell.ljust(w + 2) for cell, w in zip(row, widths, strict=False)
            )
            self.lines += textwrap.wrap(
                row[-1], self.width, initial_indent=lead,
                subsequent_indent=" " * len(lead), break_on_hyphens=False,
                break_long_words=False,
            ) or [lead.rstrip()]  # fmt: skip

    # ---- an agreement -------------------------------------------------------

    def agreement(self, view: AgreementView) -> None:
        words = vocabulary()
        self.lines += [view.label, f"  {view.iri}", ""]
        self.field("names", ", ".join(view.names) or "none given by any article")
        if view.aliases:
            self.field("aliases", ", ".join(view.aliases))
        others = [label for label in view.labels if label not in view.names]
        if others:
            self.field("labels", ", ".join(others))
        self.field("kind", ", ".join(words.kind_word(k) for k in view.kinds))
        self.field("parties", _parties(view.parties) or "none reported")
        if view.concerns:
            self.field("concerns", _parties(view.concerns))
        self.field("topics", _words(view.topics) or "none found")
        self.field("signed", ", ".join(view.signed) or "no date reported")
        self.field(
            "inferred",
            ", ".join(view.inferred) or "nothing (`diplograph reason` classifies)",
        )
        self.section("Status by party (latest reported step)")
        self.table([_status(row) for row in view.status])
        if not view.status:
            self.lines.append("  no step reported for any party")
        self.section("Lifecycle")
        self.table([_event(row) for row in view.lifecycle])
        if not view.lifecycle:
            self.lines.append("  no event reported")
        publishers = {s.article.publisher or s.article.iri for s in view.sources}
        self.section(
            f"Sources ({_articles(len(view.sources))}, "
            f"{len(publishers)} publisher{'s' if len(publishers) != 1 else ''})"
        )
        for source in view.sources:
            article = source.article
            self.lines.append(
                "  " + "  ".join(
                    x for x in (article.published, article.publisher,
                                article.url or article.file) if x
                )
            )  # fmt: skip
            self.field("title", article.title, indent=4)
            if article.url and article.file:
                self.field("file", article.file, indent=4)
            for sentence, claims in source.by_sentence():
                self.field("says", claims_said(claims), indent=4)
                if sentence:
                    self.quote(sentence, indent=6)
        self.section("Conflicting claims")
        for row in view.conflicts:
            self.lines.append(
                f"  {row['claim']}: {row['value']} ({row['source']}) "
                f"vs {row['otherValue']} ({row['otherSource']})"
            )
        if not view.conflicts:
            self.lines.append("  none: the articles agree")

    # ---- a country ----------------------------------------------------------

    def country(self, view: CountryView) -> None:
        what = "organization" if view.organization else "country"
        self.lines += [f"{view.name} ({view.code}), {what}", f"  {view.iri}", ""]
        if view.aliases:
            self.field("aliases", ", ".join(view.aliases))
        self.field("inferred", ", ".join(view.inferred) or "nothing")
        for title, rows in (
            ("Party to", view.agreements),
            ("Concerned by", view.concerning),
        ):
            count = len(rows)
            self.section(f"{title} {count} agreement{'s' if count != 1 else ''}")
            for row in rows:
                self.field(row.get("signed") or "unsigned", row["label"])
                self.field("", f"{row.get('kind', '')}; {row.get('parties', '')}")
                self.field("", _short(row["agreement"]))
        self.section("Partners (other parties of its agreements)")
        self.table(
            [
                [f"{row['name']} ({_code(row['partner'])})",
                 f"{row['agreements']}", row["shared"]]
                for row in view.partners
            ]
        )  # fmt: skip
        if not view.partners:
            self.lines.append("  none")

    # ---- an article ---------------------------------------------------------

    def article(self, view: ArticleView) -> None:
        article = view.article
        self.lines += [article.title, f"  {article.iri}", ""]
        self.field("url", article.url or "none")
        self.field("publisher", article.publisher or "not given")
        self.field("published", article.published)
        self.field("file", article.file or "")
        self.field("hash", view.content_hash or "")
        self.field("extractor", view.extractor or "unknown")
        count = len(view.agreements)
        self.section(f"{count} agreement{'s' if count != 1 else ''} read from it")
        for number, read in enumerate(view.agreements, 1):
            self.lines.append("")
            self._read(number, read)

    def _read(self, number: int, read: ReadAgreement) -> None:
        self.lines.append(f"[{number}] {read.label}")
        if read.rule in (None, "new"):
            how = "a node of its own"
        else:
            how = f"merged with a stored agreement (rule {read.rule}, {read.score})"
        self.field("stored as", f"{_short(read.iri)}: {how}", indent=4)
        sentences = list(dict.fromkeys([*read.sentences, *(
            s for e in read.events for s in e.sentences
        )]))  # fmt: skip

        def marks(of: Iterable[str]) -> str:
            return "".join(f"[{sentences.index(s) + 1}]" for s in of)

        self.field("kind", read.kind.replace("_", " ") if read.kind else "", indent=4)
        if read.name:
            self.field("name", read.name, indent=4)
        if read.aliases:
            self.field("aliases", ", ".join(read.aliases), indent=4)
        self.field("parties", _parties(read.parties) or "none", indent=4)
        if read.concerns:
            self.field("concerns", _parties(read.concerns), indent=4)
        if read.topics:
            self.field("topics", _words(read.topics), indent=4)
        self.field("signed", read.signed or "no date", indent=4)
        events = [
            " ".join(
                x
                for x in (
                    e.type.replace("_", " "),
                    e.date,
                    f"by {', '.join(e.by)}" if e.by else "",
                    "(scheduled)" if e.scheduled else "",
                    marks(e.sentences),
                )
                if x
            )
            for e in read.events
        ]
        self.field("events", "; ".join(events) or "none", indent=4)
        self.field("mentioned", marks(read.sentences) or "-", indent=4)
        for index, sentence in enumerate(sentences, 1):
            self.quote(sentence, indent=6, mark=f"[{index}] ")


def _status(row: Record) -> list[str]:
    articles = _articles(int(row.get("articles", 0)))
    return [
        f"{row.get('name', '')} ({_code(row['party'])})",
        row.get("status", ""), row.get("date", "undated"), articles,
    ]  # fmt: skip


def _event(row: Record) -> list[str]:
    by = f"by {row['by']}" if row.get("by") else "by the parties together"
    scheduled = ", scheduled" if row.get("scheduled") else ""
    return [
        row.get("date", "undated"), row["event"],
        f"{_articles(int(row.get('articles', 0)))}{scheduled}", by,
    ]  # fmt: skip


SEARCH = Command(
    help="find agreements by name, alias, party or sentence",
    description="Search the stored agreements' names, aliases and labels "
    "(case, punctuation and a leading 'the' ignored), their parties and "
    "concerned states (code, name or alias) and the sentences their facts were "
    "read from (case ignored). One row per agreement, by its best match: the "
    "whole of a name first, then a part of one, then parties, then sentences.",
    run=run_search,
    arguments=search_arguments,
)
SHOW = Command(
    help="everything stored about one agreement, country or article",
    description="Show one agreement (names, kind, parties, signing, status by "
    "party, lifecycle, classes inferred by `reason`, every source article with "
    "the sentences its facts come from, conflicting claims), one country or "
    "organization (its agreements, those that concern it, its partners) or one "
    "article (what was read from it, with each sentence). The reference is "
    "tried as an article first, then as a country, then as an agreement; one "
    "that names several articles or agreements is an error listing them.",
    run=run_show,
    arguments=show_arguments,
)
