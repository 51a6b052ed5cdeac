"""Step 1, read: files and folders of articles -> :class:`~diplograph.model.Article`.

Formats, chosen by suffix:

- ``.txt`` with a header (``url:``, ``publisher:``, ``published:``, ``title:``
  lines, then a blank line, then the body);
- ``.txt`` without one: the first line is the title, the date comes from the
  dateline, a date in the first lines, the URL, or ``published=``;
- ``.html``/``.htm``: title, date and publisher from the page's meta tags, the
  body from its paragraphs with scripts, navigation and footers left out;
- ``.md``: optional ``---`` front matter with the header keys, else the first
  heading is the title;
- ``.jsonl``: one JSON object per line with ``text`` and the header keys.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from diplograph.errors import ArticleError
from diplograph.model import Article

SUFFIXES = (".txt", ".html", ".htm", ".md", ".markdown", ".jsonl")
MAX_BYTES = 5_000_000
HEADER_KEYS = ("url", "publisher", "published", "title")

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"),
            ("april", "apr"), ("may",), ("june", "jun"), ("july", "jul"),
            ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
            ("november", "nov"), ("december", "dec"),
        ]
    )
    for m in names
}  # fmt: skip


def iter_paths(paths: Iterable[Path | str]) -> Iterator[Path]:
    """Expand folders into the article files they hold, sorted, recursively."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix in SUFFIXES and not _is_project_file(p)
            )
        else:
            yield path


def _is_project_file(path: Path) -> bool:
    """READMEs and licences beside articles in a folder are not articles."""
    return path.stem.upper() in ("README", "LICENSE", "LICENCE", "CHANGELOG", "NOTICE")


def read_articles(
    paths: Iterable[Path | str], *, published: date | None = None
) -> Iterator[Article | ArticleError]:
    """Read every article under ``paths``; a bad file yields its error, not a stop.

    Example:
        >>> import tempfile, pathlib
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (d / "a.txt").write_text("published: 2015-06-25\\ntitle: T\\n\\nBody.")
        >>> [a.published.isoformat() for a in read_articles([d])]
        ['2015-06-25']
    """
    for path in iter_paths(paths):
        try:
            if path.suffix.lower() == ".jsonl" and path.exists():
                # one bad line is reported, the other lines still load
                yield from _read_jsonl(
                    path, _decode(path, path.read_bytes()), published
                )
            else:
                yield from read_file(path, published=published)
        except ArticleError as error:
            yield error


def read_file(path: Path, *, published: date | None = None) -> list[Article]:
    """Read one file; raises :class:`ArticleError` naming the file and the fix."""
    if not path.exists():
        raise ArticleError(path, "no such file", "Check the path.")
    if path.suffix.lower() not in SUFFIXES:
        raise ArticleError(
            path, f"unsupported file type {path.suffix!r}",
            f"Use one of {', '.join(SUFFIXES)}.",
        )  # fmt: skip
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES and path.suffix != ".jsonl":
        raise ArticleError(
            path, f"{len(raw):,} bytes is too large for one article",
            f"Split it; one article may hold at most {MAX_BYTES:,} bytes.",
        )  # fmt: skip
    text = _decode(path, raw)
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        records = _read_jsonl(path, text, published)
        for record in records:
            if isinstance(record, ArticleError):
                raise record
        return [r for r in records if isinstance(r, Article)]
    if suffix in (".html", ".htm"):
        article = _read_html(path, text, published)
    elif suffix in (".md", ".markdown"):
        article = _read_markdown(path, text, published)
    else:
        article = _read_text(path, text, published)
    return [article]


_SPACES = re.compile("[\u00a0\u2007\u2009\u202f\u3000]")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def _decode(path: Path, raw: bytes) -> str:
    if b"\x00" in raw[:8192]:
        raise ArticleError(
            path, "binary data, not text", "Give a text, HTML or JSONL file."
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleError(
            path, f"not valid UTF-8 (byte {error.start})",
            "Re-save the file as UTF-8, e.g. `iconv -f latin1 -t utf-8`.",
        ) from None  # fmt: skip
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # no-break and thin spaces read as spaces, invisible characters as nothing
    text = _SPACES.sub(" ", _INVISIBLE.sub("", text))
    if not text.strip():
        raise ArticleError(path, "the file is empty", "Give an article with a body.")
    return text


def _read_text(path: Path, text: str, published: date | None) -> Article:
    header, body = _split_header(text)
    if header is None:
        lines = [line for line in text.split("\n") if line.strip()]
        title = lines[0].strip()
        body = text[text.index(lines[0]) + len(lines[0]) :].lstrip("\n")
        header = {"title": title}
    return _make(path, header, body, published)


def _split_header(text: str) -> tuple[dict[str, str] | None, str]:
    """Parse ``key: value`` lines up to the first blank line, if they are a header."""
    head, sep, body = text.partition("\n\n")
    fields: dict[str, str] = {}
    for line in head.split("\n"):
        key, colon, value = line.partition(":")
        key = key.strip().lower()
        if not colon or key not in HEADER_KEYS:
            return None, text
        fields[key] = value.strip()
    if "published" not in fields and "title" not in fields:
        return None, text
    return fields, body


def _make(
    path: Path, header: dict[str, str], body: str, published: date | None
) -> Article:
    if not body.strip():
        raise ArticleError(
            path, "the article has a header but no body", "Add the text."
        )
    url = header.get("url") or None
    # The article's own date first: ``published`` is for articles that give none.
    when = _parse_date(header.get("published", ""), path) or published
    if when is None:
        when = _date_from_url(url) or _date_from_text(body[:600])
    if when is None:
        raise ArticleError(
            path, "no publication date",
            "Add a 'published: YYYY-MM-DD' header line or pass --published.",
        )  # fmt: skip
    title = header.get("title") or body.strip().split("\n", 1)[0][:200]
    return Article(
        text=body, title=title.strip(), published=when, source=str(path),
        url=url, publisher=header.get("publisher") or None,
    )  # fmt: skip


def _parse_date(value: str, path: Path) -> date | None:
    value = value.strip()
    if not value:
        return None
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if match:
        try:
            return date(*map(int, match.groups()))
        except ValueError:
            pass
    raise ArticleError(
        path, f"publication date {value!r} is not a date",
        "Write it as YYYY-MM-DD, e.g. 'published: 2015-06-25'.",
    )  # fmt: skip


def _date_from_url(url: str | None) -> date | None:
    if not url:
        return None
    match = re.search(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|\b)", url)
    if match:
        try:
            return date(*map(int, match.groups()))
        except ValueError:
            return None
    return None


def _date_from_text(text: str) -> date | None:
    """A full date near the top: 'June 25, 2015', '25 June 2015' or '2015-06-25'."""
    patterns = (
        (r"\b([A-Z][a-z]{2,8})\.? (\d{1,2}),? ((?:19|20)\d{2})\b", (3, 1, 2)),
        (r"\b(\d{1,2}) ([A-Z][a-z]{2,8})\.? ((?:19|20)\d{2})\b", (3, 2, 1)),
        (r"\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b", (1, 2, 3)),
    )
    for pattern, (yi, mi, di) in patterns:
        for match in re.finditer(pattern, text):
            month_text = match.group(mi)
            month = (
                int(month_text)
                if month_text.isdigit()
                else _MONTHS.get(month_text.lower().rstrip("."))
            )
            try:
                if month:
                    return date(int(match.group(yi)), month, int(match.group(di)))
            except ValueError:
                continue
    return None


class _PageParser(HTMLParser):
    """Collect the title, meta tags and visible paragraph text of a page."""

    SKIP = {"script", "style", "nav", "footer", "header", "aside", "noscript", "form"}
    BLOCK = {"p", "h1", "h2", "h3", "h4", "li", "blockquote", "div", "br", "article"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title = ""
        self.parts: list[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "meta":
            key = values.get("property") or values.get("name") or values.get("itemprop")
            if key and "content" in values:
                self.meta.setdefault(key.lower(), values["content"])
        elif tag == "title":
            self._in_title = True
        elif tag in self.SKIP:
            self._skip += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in self.SKIP and self._skip:
            self._skip -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skip:
            self.parts.append(data)


def _read_html(path: Path, text: str, published: date | None) -> Article:
    parser = _PageParser()
    try:
        parser.feed(text)
        parser.close()
    except AssertionError as error:  # html.parser asserts on some broken markup
        raise ArticleError(
            path, f"the HTML cannot be parsed ({error})", "Give the page as saved."
        ) from error
    meta = parser.meta
    lines = (
        re.sub(r"[ \t\u00a0]+", " ", line).strip()
        for line in "".join(parser.parts).split("\n")
    )
    body = "\n".join(line for line in lines if line)
    if not body:
        raise ArticleError(
            path, "the page has no visible text", "Give the article's page."
        )
    when = (
        meta.get("article:published_time")
        or meta.get("date")
        or meta.get("datepublished")
        or ""
    )
    header = {
        "title": meta.get("og:title") or parser.title.strip(),
        "url": meta.get("og:url", ""),
        "publisher": meta.get("og:site_name") or meta.get("author", ""),
        "published": when[:10] if re.match(r"\d{4}-\d{2}-\d{2}", when) else "",
    }
    return _make(path, header, body, published)


def _read_markdown(path: Path, text: str, published: date | None) -> Article:
    header: dict[str, str] = {}
    body = text
    front = re.match(r"---\n(.*?)\n---\n", text, re.S)
    if front:
        for line in front.group(1).split("\n"):
            key, _, value = line.partition(":")
            if key.strip().lower() in HEADER_KEYS:
                header[key.strip().lower()] = value.strip().strip("\"'")
        body = text[front.end() :]
    if "title" not in header:
        heading = re.search(r"^#+\s+(.+)$", body, re.M)
        if heading:
            header["title"] = heading.group(1).strip()
    body = re.sub(r"^#+\s+", "", body, flags=re.M)
    body = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", body)  # links keep their text
    body = re.sub(r"(\*\*|__|\*|_)(\S.*?\S|\S)\1", r"\2", body)
    return _make(path, header, body, published)


def _read_jsonl(
    path: Path, text: str, published: date | None
) -> list[Article | ArticleError]:
    articles: list[Article | ArticleError] = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise ArticleError(
                    where, f"not JSON ({error.msg})", "Write one JSON object per line."
                ) from None
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise ArticleError(
                    where, "no 'text' field", 'Give {"text": ..., "published": ...}.'
                )
            header = {k: str(record.get(k) or "") for k in HEADER_KEYS}
            stem = record.get("id") or f"{path.stem}-{number}"
            articles.append(
                _make(
                    Path(f"{path.parent}/{stem}.jsonl"),
                    header,
                    record["text"],
                    published,
                )
            )
        except ArticleError as error:
            articles.append(error)
    return articles
