"""Bad and awkward text and Markdown articles (issue 13): encodings, headers,
dates, bodies, front matter. Each case: its file and what reading it gives
(see ``bad_input.py``); a message is the one line the load prints."""

from __future__ import annotations

from pathlib import Path

import pytest
from bad_input import (
    ARTICLE,
    BODY,
    HEAD,
    LOADS,
    Case,
    Loads,
    article,
    raw,
    read_case,
    text,
)

SEOUL = "SEOUL, June 25, 2015 -- South Korea and Japan signed a treaty (CASE).\n"


def dated(value: str) -> str:
    return HEAD.replace("2015-06-25", value) + BODY


TEXT: dict[str, Case] = {
    # encodings: UTF-8 only, the others named with the iconv that converts them
    "empty.txt": (text(""), "the file is empty. Give an article with a body."),
    "blank.md": (text(" \n\t\n"), "the file is empty"),
    "binary.txt": (raw(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "binary data, not"),
    "nul-late.txt": (text(ARTICLE * 200 + "\x00"), "binary data, not text"),
    "nul-in-header.txt": (text("published: 2015\x00-06-25\n\n" + BODY), "binary data"),
    "utf16-bom.txt": (raw(ARTICLE.encode("utf-16")), "UTF-16 text, not UTF-8"),
    "utf32-bom.md": (raw(ARTICLE.encode("utf-32")), "iconv -f UTF-32 -t utf-8"),
    "utf16le.txt": (raw(ARTICLE.encode("utf-16-le")), "UTF-16LE text without a byte"),
    "utf16be.txt": (raw(ARTICLE.encode("utf-16-be")), "iconv -f UTF-16BE -t utf-8"),
    "latin1.txt": (raw(("Caf\xe9 " + ARTICLE).encode("latin-1")), "not valid UTF-8"),
    "mixed-utf8.txt": (raw(ARTICLE.encode() + b"caf\xe9\n"), "(byte 0xe9 on line 5)"),
    "cp1252-quotes.txt": (raw(HEAD.encode() + b"\x93Yes\x94\n"), "-f windows-1252"),
    "overlong.txt": (raw(HEAD.encode() + b"\xc0\xaf " + BODY.encode()), "byte 0xc0"),
    "surrogate-bytes.txt": (raw(ARTICLE.encode() + b"\xed\xa0\x80"), "byte 0xed"),
    "bom.txt": (raw(b"\xef\xbb\xbf" + ARTICLE.encode()), Loads(title="T")),
    "crlf.txt": (raw(ARTICLE.replace("\n", "\r\n").encode()), Loads(lacks=("\r",))),
    "cr-only.txt": (raw(ARTICLE.replace("\n", "\r").encode()), Loads(title="T")),
    "unicode-breaks.txt": (article(BODY + "\u2028Next.\x85Last.\x0cPage."), LOADS),
    "controls.txt": (article("South \x1b[31mKorea\x07 and Japan signed.\x7f\n"),
                     Loads(holds="South [31mKorea and", lacks=("\x1b", "\x07"))),
    "invisible.txt": (article("Sou\u200bth Ko\u00adrea \u202eand\u202c Japan.\n"),
                      Loads(holds="South Korea and Japan", lacks=("\u202e",))),
    "no-break-spaces.txt": (article("South\u00a0Korea and\u2009Japan signed.\n"),
                            Loads(holds="South Korea and Japan")),
    # headers: known keys in any case, a crawler's other keys left out
    "no-blank-line.txt": (text(HEAD.rstrip("\n") + "\n" + BODY), Loads(title="T")),
    "unknown-keys.txt": (text("author: Kim\nlang: en\n" + ARTICLE), Loads(title="T")),
    "capital-keys.txt": (text("Published: 2015-06-25\nTITLE: T\n\n" + BODY), LOADS),
    "same-key-twice.txt": (text("title: T\n" + ARTICLE), Loads(title="T")),
    "date-key.txt": (text("date: 2015-06-25\ntitle: T\n\n" + BODY),
                     Loads(published="2015-06-25")),
    "two-dates.txt": (text("published: 2016-01-01\n" + ARTICLE),
                      "two values of 'published' are given, '2016-01-01' and"),
    "date-and-published.txt": (text("date: 2014-01-01\n" + ARTICLE), "two values"),
    "header-lines-in-body.txt": (article(BODY + "published: 2020-01-01\n"),
                                 Loads(published="2015-06-25", holds="published:")),
    "dateline-no-blank.txt": (text("title: T\n" + SEOUL), Loads(holds="SEOUL, June")),
    "dateline-colon.txt": (text(HEAD[:-1] + "SEOUL: " + BODY), Loads(holds="SEOUL:")),
    "header-only.txt": (text(HEAD), "the article has a header but no body. Add the"),
    "url-only-header.txt": (text("url: https://ex.org/2015/06/25/a\n\n" + BODY),
                            Loads(published="2015-06-25", holds="Japan signed")),
    # dates: YYYY-MM-DD (a time after it), or with the month in words
    "date-time-zone.txt": (text(dated("2015-06-25T09:30:00+09:00")), LOADS),
    "date-in-words.txt": (text(dated("June 25, 2015")), Loads(published="2015-06-25")),
    "date-rfc2822.txt": (text(dated("Thu, 25 Jun 2015 09:30:00 GMT")), LOADS),
    "date-day-first.txt": (text(dated("25/06/2015")), "may be day/month or month/day"),
    "date-month-only.txt": (text(dated("2015-06")), "'2015-06' is not a date. Write"),
    "date-feb-30.txt": (text(dated("2015-02-30")), "'2015-02-30' is not a date"),
    "year-0000.txt": (text(dated("0000-06-25")), "is out of range (years 0001 to"),
    "year-10000.txt": (text(dated("10000-01-01")), "out of range"),
    "year-negative.txt": (text(dated("-0044-03-15")), "out of range"),
    "year-0001.txt": (text(dated("0001-01-01")), Loads(published="0001-01-01")),
    "year-9999.txt": (text(dated("9999-12-31")), LOADS),
    "year-9999-next-year.txt": (text(dated("9999-12-31").replace(BODY, (
        "Japan and Peru signed a treaty last Monday; it takes effect next year, "
        "on January 3, next month and tomorrow.\n"))), LOADS),
    "future-date.txt": (text(dated("2999-01-01")), LOADS),  # taken as given
    "no-date.txt": (text("title: T\n\n" + BODY), "no publication date. Add a"),
    "date-in-dateline.txt": (text("Headline\n\n" + SEOUL), Loads(title="Headline")),
    "leading-blanks.txt": (text("\n \nHeadline\n" + SEOUL), Loads(title="Headline")),
    # bodies
    "punctuation-only.txt": (article("... !!! ???\n"), "the body holds no words"),
    "emoji-only.txt": (article("\U0001f91d\U0001f1ef\U0001f1f5\n"), "holds no words"),
    "emoji.txt": (article("\U0001f91d " + BODY), Loads(holds="\U0001f91d")),
    "one-line-no-header.txt": (text(SEOUL.strip()), Loads(published="2015-06-25")),
    "title-line-only.txt": (text("Just a headline"), "no publication date"),
    "long-title.txt": (text(dated("2015-06-25").replace("T", "T" * 100_000, 1)), LOADS),
    "word-1mb.txt": (article("x" * 1_000_000 + "\n" + BODY), LOADS),
    "line-100kb-no-stop.txt": (article((BODY.rstrip(".\n") + " and ") * 1400), LOADS),
    "tiny-sentences.txt": (article("A. " * 30_000), LOADS),
    "chinese.txt": (article("日本和韩国于星期一在首尔签署了渔业条约。\n"), LOADS),
    "arabic.txt": (article("وقعت كوريا الجنوبية واليابان معاهدة في سيول.\n"), LOADS),
    "russian.txt": (article("Южная Корея и Япония подписали договор.\n"), LOADS),
    "html-in-txt.txt": (text("<!DOCTYPE html><title>T</title><meta name=date "
                             f"content=2015-06-25><p>{BODY}</p>"), Loads(title="T")),
    # Markdown: YAML or TOML front matter, else the first heading is the title
    "front-unclosed.md": (text("---\ntitle: T\npublished: 2015-06-25\n\n" + BODY),
                          "the front matter opened by '---' on line 1 is never closed"),
    "front-toml.md": (text('+++\ntitle = "T"\ndate = 2015-06-25\n+++\n' + BODY),
                      Loads(title="T", published="2015-06-25")),
    "front-json.md": (text('---\n{"title": "T"}\n---\n' + BODY), "no publication date"),
    "front-empty.md": (text("---\n---\n" + SEOUL), Loads(published="2015-06-25")),
    "front-date-key.md": (text("---\ndate: '2015-06-25'\n---\n" + BODY), LOADS),
    "rule-at-top.md": (text("---\n\n" + SEOUL), Loads(holds="South Korea")),
    "headings-only.md": (text("---\npublished: 2015-06-25\n---\n# A\n## B\n"),
                         "the Markdown has headings but no text under them"),
    "tables-only.md": (text("---\npublished: 2015-06-25\n---\n| Party | Signed |\n"
                            "|---|---|\n| Japan | 2015 |\n"), Loads(holds="Japan")),
    "brackets.md": (text("---\npublished: 2015-06-25\n---\n" + BODY + "[" * 100_000),
                    LOADS),  # 14 s before
    "emphasis.md": (text("---\npublished: 2015-06-25\n---\n" + BODY + "*a " * 100_000),
                    LOADS),  # 90 s before
}  # fmt: skip


@pytest.mark.parametrize("name", list(TEXT))
def test_text_case(name: str, tmp_path: Path) -> None:
    read_case(tmp_path, name, TEXT[name])
