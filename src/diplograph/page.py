"""A web page's title, meta tags and visible text, read in one pass.

The page is tokenized as a browser does it, simplified to what reading an
article needs: tags with their attributes, comments, text. Every construct
is read once, from its start to its end, and a construct that the end of the
file cuts off ends the page (as in a browser, where an unclosed comment or
quote swallows the rest). So no markup, however broken, makes reading slow:
html.parser, used before, rescans from each unclosed construct, and took
100 s on 200 KB of ``<p title='`` repeated.

Example:
    >>> page = read_page("<title>T</title><p>Fish &amp; chips<script>x()</script>")
    >>> page.title, "".join(page.parts).strip()
    ('T', 'Fish & chips')
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

# left out with what they hold: scripts and the page's chrome around the article
_SKIPPED = {"nav", "footer", "header", "aside", "form"}
# raw text: what they hold is no markup, and runs to their end tag
_RAW = {"script", "style", "noscript", "textarea", "title", "xmp", "iframe"}
# a line break before and after
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "li", "blockquote", "div", "br", "article"}

_CONSTRUCT = re.compile(r"<[A-Za-z!/?]")  # any other '<' is text
_NAME = re.compile(r"[^\s/>]*")
_ATTRIBUTE = re.compile(r"[\s/]*([^\s/>][^\s/>=]*)")
_EQUALS = re.compile(r"\s*=\s*")
_UNQUOTED = re.compile(r"[^\s>]*")
_TAG_END = re.compile(r"[\s/]*")


def _match(pattern: re.Pattern[str], text: str, position: int) -> re.Match[str]:
    """``pattern`` at ``position``, for patterns that match there always."""
    match = pattern.match(text, position)
    assert match is not None, pattern
    return match


@dataclass
class Page:
    """What :func:`read_page` found: the first ``<title>``, the ``<meta>``
    tags by name or property (lowercase; the first of a name), and the text
    outside scripts and chrome, with a newline around each block."""

    title: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    parts: list[str] = field(default_factory=list)
    _skipping: int = 0  # how deep in elements whose text is left out

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        if tag == "meta":
            key = (
                attributes.get("property")
                or attributes.get("name")
                or attributes.get("itemprop")
            )
            if key and "content" in attributes:
                self.meta.setdefault(key.lower(), attributes["content"])
        elif tag in _SKIPPED:
            self._skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def end(self, tag: str) -> None:
        if tag in _SKIPPED and self._skipping:
            self._skipping -= 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def text(self, raw: str) -> None:
        if raw and not self._skipping:
            self.parts.append(html.unescape(raw))


def read_page(text: str) -> Page:
    """Read a page in one pass; see the module's docstring."""
    page = Page()
    position, length = 0, len(text)
    while position < length:
        construct = _CONSTRUCT.search(text, position)
        if construct is None:
            page.text(text[position:])
            break
        page.text(text[position : construct.start()])
        position = _read_construct(page, text, construct.start())
    return page


def _read_construct(page: Page, text: str, start: int) -> int:
    """Read the tag, comment or declaration at ``start``; where it ends (the
    text's length if the text ends first)."""
    after = text[start + 1]
    if after.isalpha():
        return _read_start_tag(page, text, start)
    if text.startswith("<!--", start):
        end = text.find("-->", start + 4)
        return len(text) if end < 0 else end + 3
    end = text.find(">", start + 2)
    if end < 0:
        return len(text)
    if after == "/" and text[start + 2 : start + 3].isalpha():
        page.end(_match(_NAME, text, start + 2).group().lower())
    # else <!DOCTYPE>, <![CDATA[...]]>, <?xml?>, </3>: left out, as browsers do
    return end + 1


def _read_start_tag(page: Page, text: str, start: int) -> int:
    length = len(text)
    name = _match(_NAME, text, start + 1)
    tag, position = name.group().lower(), name.end()
    attributes: dict[str, str] = {}
    while attribute := _ATTRIBUTE.match(text, position):
        key, position, value = attribute.group(1).lower(), attribute.end(), ""
        equals = _EQUALS.match(text, position)
        if equals:
            position = equals.end()
            quote = text[position : position + 1]
            if quote in ("'", '"'):
                closing = text.find(quote, position + 1)
                if closing < 0:
                    return length  # the quote never closes: it holds the rest
                value, position = text[position + 1 : closing], closing + 1
            else:
                unquoted = _match(_UNQUOTED, text, position)
                value, position = unquoted.group(), unquoted.end()
        attributes.setdefault(key, html.unescape(value))
    position = _match(_TAG_END, text, position).end()
    if position >= length:
        return length  # the tag never closes
    page.start(tag, attributes)
    position += 1  # past '>'
    if tag not in _RAW:
        return position
    close = re.compile(rf"</{re.escape(tag)}[\s/>]", re.I).search(text, position)
    content = text[position : close.start() if close else length]
    if tag == "title" and not page.title:
        page.title = html.unescape(content)
    if close is None:
        return length
    end = text.find(">", close.start())
    return length if end < 0 else end + 1
