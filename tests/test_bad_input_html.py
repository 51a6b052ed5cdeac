"""Bad and awkward HTML pages (issue 13): broken markup, markup made to be slow
to parse, charsets, pages with nothing to read. Each case: its file and what
reading it gives (see ``bad_input.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bad_input import BODY, LOADS, Case, Loads, raw, read_case, text

DATE = "<meta name=date content=2015-06-25>"


def page(body: str, head: str = DATE) -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def latin1(head: str) -> bytes:
    return page(f"<p>Caf\xe9 {BODY}</p>", head + DATE).encode("latin-1")


HTML: dict[str, Case] = {
    # broken markup: read as a browser reads it
    "unclosed-tags.html": (text(page(f"<p><b>{BODY}<p><i>More<div>End")),
                           Loads(holds="South Korea")),
    "nested-100k.html": (text(page("<div>" * 100_000 + BODY + "</div>" * 100_000)),
                         LOADS),
    "huge-attribute.html": (text(page(f"<p title='{'x' * 1_000_000}'>{BODY}</p>")),
                            Loads(lacks=("xxx",))),
    "entities.html": (text(page(f"<p>{BODY}" + "&amp;&lt;&#x41;&eacute; " * 20_000)),
                      Loads(holds="&<Aé")),
    "entity-escape.html": (text(page("<p>South &#27;[31mKorea &#8238;signed.</p>")),
                           Loads(lacks=("\x1b", "\u202e"))),
    "marked-section.html": (text(page(f"<![if !IE]><p>{BODY}</p><![endif]><![foo]>")),
                            LOADS),  # 'the HTML cannot be parsed' before
    "cdata.html": (text(page(f"<![CDATA[hidden]]><p>{BODY}</p>")),
                   Loads(lacks=("hidden",))),
    "billion-laughs.html": (text(
        '<!DOCTYPE x [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;">]>'
        + page(f"<p>&b; {BODY}</p>")), Loads(holds="&b;", lacks=("haha", "]>"))),
    "unclosed-comment.html": (text(page(f"<p>{BODY}</p><!-- <p>hidden</p>")),
                              Loads(lacks=("hidden",))),
    "svg-title.html": (text(page(f"<svg><title>icon</title></svg><p>{BODY}</p>",
                                 DATE + "<title>T</title>")), Loads(title="T")),
    # made to be slow: html.parser rescanned from each unclosed construct
    "unclosed-quotes.html": (text(page(f"<p>{BODY}</p>" + "<p title='" * 20_000)),
                             LOADS),  # 100 s before
    "unclosed-tags-200k.html": (text(page(f"<p>{BODY}</p>" + "<a" * 200_000)),
                               LOADS),  # 7 s for 40,000 before
    "comments-100k.html": (text(page(f"<p>{BODY}</p>" + "<!--" * 100_000)),
                          LOADS),  # 16 s for 40,000 before
    # charsets: UTF-8, else what the page declares
    "charset-latin1.html": (raw(latin1("<meta charset='iso-8859-1'>")),
                            Loads(holds="Café")),
    "http-equiv-1252.html": (raw(latin1(
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">')),
        Loads(holds="Café")),
    "charset-lies.html": (raw(latin1("<meta charset=utf-8>")),
                          "not valid UTF-8 (byte 0xe9 on line 1)"),
    "charset-unknown.html": (raw(latin1("<meta charset=klingon>")), "not valid UTF-8"),
    "declared-wrongly.html": (raw(latin1("<meta charset=shift_jis>")),
                              "nor shift_jis as the page declares"),
    # nothing to read
    "script-only.html": (text(page("<script>x()</script>")),
                         "the page has no visible text. Give the article's page."),
    "style-only.html": (text(page("<style>p { color: red }</style>")), "no visible"),
    "doctype-only.html": (text("<!DOCTYPE html>"), "the page has no visible text"),
    "comments-only.html": (text(page("<!-- a --><!-- b -->")), "no visible text"),
    "unclosed-title.html": (text(f"<title>T</title><title>Broken<p>{BODY}"),
                            "no visible text"),
    "unclosed-script.html": (text(page(f"<script>x()<p>{BODY}")), "no visible text"),
    "bad-meta-date.html": (text(page(f"<p>{BODY}</p>", "<meta name=date "
                                     "content=2015-13-45>")), "is not a date"),
}  # fmt: skip


@pytest.mark.parametrize("name", list(HTML))
def test_html_case(name: str, tmp_path: Path) -> None:
    read_case(tmp_path, name, HTML[name])
