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

import errno
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import BinaryIO

from diplograph.errors import ArticleError, shown_path
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
    """Expand folders into the article files they hold, sorted, recursively.

    Everything with an article's suffix that is not a folder is listed, FIFOs,
    devices and broken links included, so that reading reports them rather than
    leaving them out without a word.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(
                p
                for p in path.rglob("*")
                if p.suffix in SUFFIXES and not p.is_dir() and not _is_project_file(p)
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
            if path.suffix.lower() == ".jsonl":
                # one bad record is reported, the other records still load
                yield from _read_jsonl(path, published)
            else:
                yield from read_file(path, published=published)
        except ArticleError as error:
            yield error


def read_file(path: Path, *, published: date | None = None) -> list[Article]:
    """Read one file; raises :class:`ArticleError` naming the file and the fix."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ArticleError(
            path, f"unsupported file type {shown_path(path.suffix)!r}",
            f"Use one of {', '.join(SUFFIXES)}.",
        )  # fmt: skip
    if suffix == ".jsonl":
        articles = []
        for record in _read_jsonl(path, published):
            if isinstance(record, ArticleError):
                raise record
            articles.append(record)
        return articles
    with _open(path) as handle:
        size = os.fstat(handle.fileno()).st_size
        # the size first, then at most one byte more than allowed: a file that
        # lies about its size (or grows) is still never read whole
        raw = b"" if size > MAX_BYTES else handle.read(MAX_BYTES + 1)
    if max(size, len(raw)) > MAX_BYTES:
        raise ArticleError(
            path, f"{max(size, len(raw)):,} bytes is too large for one article",
            f"Split it; one article may hold at most {MAX_BYTES:,} bytes.",
        )  # fmt: skip
    text = _decode(path, raw)
    if suffix in (".html", ".htm"):
        article = _read_html(path, text, published)
    elif suffix in (".md", ".markdown"):
        article = _read_markdown(path, text, published)
    else:
        article = _read_text(path, text, published)
    return [article]


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe), which could block reading forever"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _open(path: Path) -> BinaryIO:
    """Open a regular file for reading, after a look at what it is: a FIFO, a
    device, a socket, a link loop or a file that cannot be read is refused with
    the reason, before anything is read (a FIFO would block, /dev/zero never ends).
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise ArticleError(
                path, "a link to nothing", "Point the link at an article file."
            ) from None
        raise ArticleError(path, "no such file", "Check the path.") from None
    except OSError as error:
        raise _os_error(path, error) from None
    if not stat.S_ISREG(info.st_mode):
        kind = next((k for test, k in _KINDS if test(info.st_mode)), "not a file")
        raise ArticleError(
            path, f"{kind}, not a regular file", "Give article files or folders."
        )
    try:
        # O_NONBLOCK: were it swapped for a FIFO since the look, opening returns
        return os.fdopen(os.open(path, os.O_RDONLY | os.O_NONBLOCK), "rb")
    except OSError as error:
        raise _os_error(path, error) from None


def _os_error(path: Path, error: OSError) -> ArticleError:
    reason = error.strerror or type(error).__name__
    if error.errno == errno.ELOOP:
        return ArticleError(
            path, "a loop of symbolic links", "Point the link at an article file."
        )
    if error.errno in (errno.EACCES, errno.EPERM):
        return ArticleError(
            path, f"cannot be read ({reason})",
            "Check its permissions (chmod +r) or leave it out.",
        )  # fmt: skip
    return ArticleError(
        path, f"cannot be read ({reason})", "Check the file and the disk."
    )


_SPACES = re.compile("[\u00a0\u2007\u2009\u202f\u3000]")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"),
)  # fmt: skip


def _decode(path: Path | str, raw: bytes, *, empty_ok: bool = False) -> str:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            raise ArticleError(
                path, f"{encoding} text, not UTF-8",
                f"Re-save the file as UTF-8, e.g. `iconv -f {encoding} -t utf-8`.",
            )  # fmt: skip
    if b"\x00" in raw:
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
    if not text.strip() and not empty_ok:
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
        text=body, title=title.strip(), published=when, source=shown_path(path),
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


def _records(path: Path) -> Iterator[tuple[int, bytes | None]]:
    """The lines of a JSONL file with their numbers, read one at a time; a line
    over :data:`MAX_BYTES` comes as None, skipped without being held whole."""
    with _open(path) as handle:
        number = 0
        while line := handle.readline(MAX_BYTES + 1):
            number += 1
            if len(line) > MAX_BYTES and not line.endswith(b"\n"):
                while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass
                yield number, None
            else:
                yield number, line


def _read_jsonl(path: Path, published: date | None) -> Iterator[Article | ArticleError]:
    """One article per line; a bad line is that line's error, the others load."""
    try:
        for number, line in _records(path):
            where = f"{shown_path(path)}:{number}"
            try:
                if line is None:
                    raise ArticleError(
                        where, f"the record is over {MAX_BYTES:,} bytes",
                        "Split it; one article may hold at most that much.",
                    )  # fmt: skip
                text = _decode(where, line[3:] if line.startswith(b"\xef\xbb\xbf")
                               else line, empty_ok=True)  # fmt: skip
                if text.strip():
                    yield _jsonl_article(path, where, number, text, published)
            except ArticleError as error:
                yield error
    except ArticleError as error:  # the file itself: a FIFO, unreadable...
        yield error


_SURROGATE = re.compile("[\ud800-\udfff]")


def _jsonl_article(
    path: Path, where: str, number: int, line: str, published: date | None
) -> Article:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise ArticleError(
            where, f"not JSON ({error.msg})", "Write one JSON object per line."
        ) from None
    except RecursionError:
        raise ArticleError(
            where, "the JSON is nested too deeply to read",
            'Write one flat object per line: {"text": ..., "published": ...}.',
        ) from None  # fmt: skip
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise ArticleError(
            where, "no 'text' field", 'Give {"text": ..., "published": ...}.'
        )
    header = {k: _field(record.get(k)) for k in HEADER_KEYS}
    given = record.get("id")
    stem = str(given) if isinstance(given, str | int) and given != "" else None
    for field, value in (("text", record["text"]), ("id", stem), *header.items()):
        if value and (_SURROGATE.search(value) or "\x00" in value):
            raise ArticleError(
                where, f"the {field!r} field holds a lone surrogate or NUL "
                "(a \\ud800 or \\u0000 escape), which is not text",
                "Re-export the record as valid UTF-8 text.",
            )  # fmt: skip
    name = stem or f"{path.stem}-{number}"
    return _make(Path(f"{path.parent}/{name}.jsonl"), header, record["text"], published)


def _field(value: object) -> str:
    """A header field as text; a list or object (however deep) by its type."""
    if isinstance(value, dict | list):
        return f"<a JSON {'object' if isinstance(value, dict) else 'array'}>"
    return str(value or "")
