"""Step 1, read: files and folders of articles -> :class:`~diplograph.model.Article`.

Formats, chosen by suffix:

- ``.txt`` with a header (``url:``, ``publisher:``, ``published:``, ``title:``
  lines, then a blank line, then the body; ``date:`` is read as ``published:``,
  other lowercase keys a crawler adds are left out);
- ``.txt`` without one: the first line is the title, the date comes from the
  dateline, a date in the first lines, the URL, or ``published=``; a ``.txt``
  that holds an HTML page is read as one;
- ``.html``/``.htm``: title, date and publisher from the page's meta tags, the
  body from its paragraphs with scripts, navigation and footers left out; bytes
  that are not UTF-8 are read in the charset the page declares;
- ``.md``: optional ``---`` (YAML) or ``+++`` (TOML) front matter with the
  header keys, else the first heading is the title;
- ``.jsonl``: one JSON object per line with ``text`` and the header keys;
- ``.warc``, ``.warc.gz``: news archives, each HTML response an article
  (:mod:`diplograph.archives`).

A folder is walked recursively, links to folders followed (each folder once),
hidden files and folders left out. Compressed files (``a.jsonl.gz``) are not
read (but for ``.warc.gz``): each is reported with the command that
decompresses it.
"""

from __future__ import annotations

import codecs
import errno
import json
import os
import re
import shlex
import stat
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path, PurePath
from typing import BinaryIO

from diplograph.archives import WARC_SUFFIXES, Prefilter, is_warc, read_warc
from diplograph.errors import ArticleError, shown_path
from diplograph.model import Article
from diplograph.page import read_page

SUFFIXES = (".txt", ".html", ".htm", ".md", ".markdown", ".jsonl", *WARC_SUFFIXES)
MAX_BYTES = 5_000_000
HEADER_KEYS = ("url", "publisher", "published", "title")
ALIASES = {"date": "published"}  # what crawlers and static sites call the keys
# compressed files are reported, not read: (what compressed them, how to undo it)
COMPRESSED = {
    ".gz": ("gzip", "gunzip -k"), ".bz2": ("bzip2", "bunzip2 -k"),
    ".xz": ("xz", "unxz -k"), ".zst": ("zstd", "unzstd"),
}  # fmt: skip

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


def walk(paths: Iterable[Path | str]) -> Iterator[Path | ArticleError]:
    """The article files ``paths`` name, folders expanded recursively and
    sorted, each file once however often it is named or reached; in its place,
    the error of a folder that cannot be listed, or that holds no article file.

    A folder's walk follows links to folders (each folder is walked once, so a
    link back up is no endless loop), leaves out hidden files and folders
    (``.git``, ``.DS_Store``, macOS ``._`` copies) and READMEs, and lists every
    other file with an article's suffix or a compressed one, FIFOs, devices and
    broken links included, so that reading reports them rather than leaving
    them out without a word.
    """
    files: set[object] = set()  # (device, inode) of each file, or its path
    folders: set[tuple[int, int]] = set()
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            if _first_time(path, files):
                yield path
            continue
        info = path.stat()
        if (info.st_dev, info.st_ino) in folders:
            continue  # named twice, or inside a folder named before
        found = sorted(_walk_folder(path, folders), key=lambda pair: pair[0])
        for where, item in found:
            if isinstance(item, ArticleError) or _first_time(where, files):
                yield item
        if not found:
            yield ArticleError(
                path, f"the folder holds no article files ({', '.join(SUFFIXES)})",
                "Check the path; hidden files and other types are left out.",
            )  # fmt: skip


def iter_paths(paths: Iterable[Path | str]) -> Iterator[Path]:
    """The article files of :func:`walk`, without the errors of folders."""
    return (item for item in walk(paths) if isinstance(item, Path))


def _walk_folder(
    root: Path, folders: set[tuple[int, int]]
) -> Iterator[tuple[Path, Path | ArticleError]]:
    """Each article file under ``root`` and each folder that cannot be listed,
    with its path to sort by, in no order; ``folders``: those walked already."""
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            info = folder.stat()
            if (info.st_dev, info.st_ino) in folders:
                continue
            folders.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as error:
            yield folder, _folder_error(folder, error)
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            child = folder / entry.name
            try:
                is_folder = entry.is_dir()  # a link to a folder counts as one
            except OSError:  # a link loop: listed if named like an article
                is_folder = False
            if is_folder:
                stack.append(child)
            elif _is_article_name(entry.name):
                yield child, child


def _folder_error(folder: Path, error: OSError) -> ArticleError:
    reason = error.strerror or type(error).__name__
    fix = (
        "Check its permissions (chmod +rx) or leave it out."
        if error.errno in (errno.EACCES, errno.EPERM)
        else "Check the folder and the disk."
    )
    return ArticleError(folder, f"the folder cannot be read ({reason})", fix)


def _is_article_name(name: str) -> bool:
    if is_warc(name):
        return True
    suffixes = [s.lower() for s in PurePath(name).suffixes]
    if suffixes and suffixes[-1] in COMPRESSED:
        suffixes.pop()  # a compressed article, to be reported
    return bool(suffixes) and suffixes[-1] in SUFFIXES and not _is_project_file(name)


def _first_time(path: Path, seen: set[object]) -> bool:
    """Whether this file was not listed before, by its device and inode (a link
    to it, or its folder named again, is the same file), else by its path."""
    try:
        info = os.stat(path)
        key: object = (info.st_dev, info.st_ino)
    except (OSError, ValueError):  # reading will report it
        key = os.path.abspath(path)
    if key in seen:
        return False
    seen.add(key)
    return True


def _is_project_file(name: str) -> bool:
    """READMEs and licences beside articles in a folder are not articles."""
    stem = PurePath(name).stem.upper()
    return stem in ("README", "LICENSE", "LICENCE", "CHANGELOG", "NOTICE")


def read_articles(
    paths: Iterable[Path | str],
    *,
    published: date | None = None,
    match: Prefilter | None = None,
) -> Iterator[Article | ArticleError]:
    """Read every article under ``paths``; a bad file yields its error, not a stop.

    ``match``: the prefilter of WARC records (see :mod:`diplograph.archives`);
    every HTML response is read if None.

    Example:
        >>> import tempfile, pathlib
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (d / "a.txt").write_text("published: 2015-06-25\\ntitle: T\\n\\nBody.")
        >>> [a.published.isoformat() for a in read_articles([d])]
        ['2015-06-25']
    """
    for path in walk(paths):
        if isinstance(path, ArticleError):
            yield path
            continue
        try:
            if is_warc(path):
                _look(path)
                yield from read_warc(path, match=match, published=published)
            elif path.suffix.lower() == ".jsonl":
                # one bad record is reported, the other records still load
                yield from _read_jsonl(path, published)
            else:
                yield from read_file(path, published=published)
        except ArticleError as error:
            yield error


def read_file(path: Path, *, published: date | None = None) -> list[Article]:
    """Read one file; raises :class:`ArticleError` naming the file and the fix."""
    _look(path)  # a path that is no file is that, whatever its suffix
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES and not is_warc(path):
        raise _unsupported(path)
    if suffix == ".jsonl" or is_warc(path):
        articles = []
        records = (
            read_warc(path, published=published)
            if is_warc(path)
            else _read_jsonl(path, published)
        )
        for record in records:
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
    is_html = suffix in (".html", ".htm")
    text = _clean(path, _decode(path, raw, charset=_charset(raw) if is_html else None))
    if is_html or (suffix == ".txt" and _HTML_START.match(text)):
        article = _read_html(path, text, published)
    elif suffix in (".md", ".markdown"):
        article = _read_markdown(path, text, published)
    else:
        article = _read_text(path, text, published)
    return [article]


def _unsupported(path: Path) -> ArticleError:
    suffix = path.suffix.lower()
    if suffix in COMPRESSED:
        tool, undo = COMPRESSED[suffix]
        return ArticleError(
            path, f"compressed with {tool}; diplograph reads uncompressed files",
            f"Decompress it first (`{undo} {shlex.quote(shown_path(path))}`) "
            "and load that.",
        )  # fmt: skip
    if not suffix:
        return ArticleError(
            path, "no file name extension, so its format is unknown",
            f"Rename it to end in one of {', '.join(SUFFIXES)}.",
        )  # fmt: skip
    return ArticleError(
        path, f"unsupported file type {shown_path(path.suffix)!r}",
        f"Use one of {', '.join(SUFFIXES)}.",
    )  # fmt: skip


_HTML_START = re.compile(r"\s*(<!doctype html|<html[\s>])", re.I)


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe), which could block reading forever"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _look(path: Path) -> os.stat_result:
    """What ``path`` is, if a regular file; else its error: a FIFO, a device, a
    socket, a link to nothing, a link loop, a path that does not exist or
    cannot be read is refused with the reason, before anything is read (a FIFO
    would block, /dev/zero never ends)."""
    try:
        info = path.stat()
    except ValueError:  # os.stat refuses a path with NUL
        raise ArticleError(
            path, "the path holds a NUL character, which no file name can",
            "Check the path.",
        ) from None  # fmt: skip
    except FileNotFoundError:
        if path.is_symlink():
            raise ArticleError(
                path, "a link to nothing", "Point the link at an article file."
            ) from None
        raise ArticleError(path, "no such file or folder", "Check the path.") from None
    except OSError as error:
        raise _os_error(path, error) from None
    if not stat.S_ISREG(info.st_mode):
        kind = next((k for test, k in _KINDS if test(info.st_mode)), "not a file")
        raise ArticleError(
            path, f"{kind}, not a regular file", "Give article files or folders."
        )
    return info


def _open(path: Path) -> BinaryIO:
    """Open a regular file for reading, after :func:`_look` at what it is."""
    _look(path)
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


_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"),
)  # fmt: skip


def _decode(
    path: Path | str, raw: bytes, *, charset: str | None = None, record: bool = False
) -> str:
    """UTF-8 (a BOM allowed), else ``charset`` (what an HTML page declares);
    UTF-16 and UTF-32, NUL bytes and other encodings are refused by name, with
    where the first bad byte is (its column if ``raw`` is one JSONL record)."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            raise ArticleError(
                path, f"{encoding} text, not UTF-8",
                f"Re-save the file as UTF-8, e.g. `iconv -f {encoding} -t utf-8`.",
            )  # fmt: skip
    if b"\x00" in raw:
        utf16 = _utf16_without_bom(raw)
        if utf16:
            raise ArticleError(
                path, f"{utf16} text without a byte-order mark, not UTF-8",
                f"Re-save the file as UTF-8, e.g. `iconv -f {utf16} -t utf-8`.",
            )  # fmt: skip
        raise ArticleError(
            path, "binary data, not text", "Give a text, HTML or JSONL file."
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if charset:
            try:
                return raw.decode(charset)
            except UnicodeDecodeError:
                pass
        line = raw.count(b"\n", 0, error.start) + 1
        where = f"at column {error.start + 1}" if record else f"on line {line}"
        declared = f", nor {charset} as the page declares" if charset else ""
        raise ArticleError(
            path, f"not valid UTF-8 (byte 0x{raw[error.start]:02x} {where}"
            f"{declared})", "Re-save the file as UTF-8, e.g. "
            "`iconv -f windows-1252 -t utf-8` for Western European text.",
        ) from None  # fmt: skip


def _utf16_without_bom(raw: bytes) -> str | None:
    """'UTF-16LE' or 'UTF-16BE' if NUL is every other byte of the start, as
    in UTF-16 Latin text written without a byte-order mark."""
    start = raw[:4096]
    even, odd = start[0::2], start[1::2]
    if len(odd) >= 8 and odd.count(0) > 0.9 * len(odd) and even.count(0) == 0:
        return "UTF-16LE"
    if len(odd) >= 8 and even.count(0) > 0.9 * len(even) and odd.count(0) == 0:
        return "UTF-16BE"
    return None


_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
# what browsers read for these labels (the WHATWG Encoding standard)
_BROWSER_CHARSET = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252"}


def _charset(raw: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` of its first 2 KB, if Python
    knows it and it is not UTF-8 (whose failure is the page's)."""
    declared = _CHARSET.search(raw[:2048])
    if not declared:
        return None
    try:
        name = codecs.lookup(declared.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    return None if name == "utf-8" else _BROWSER_CHARSET.get(name, name)


# line breaks of other systems and of Unicode, as str.splitlines knows them
_LINE_BREAKS = re.compile("\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# other control characters: terminal escapes, bells, C1 codes of a bad re-encoding
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")
_SPACES = re.compile("[\u00a0\u2007\u2009\u202f\u3000]")
# zero-width characters, soft hyphens and the marks and overrides of bidi text
_INVISIBLE = re.compile(
    "[\u200b\u200c\u200d\u2060\ufeff\u00ad\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def _clean(path: Path | str, text: str, *, empty_ok: bool = False) -> str:
    """Text as the extraction rules read it: one kind of line break, no-break
    and thin spaces as spaces, control and invisible characters left out."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _SPACES.sub(" ", _INVISIBLE.sub("", _CONTROLS.sub("", text)))
    if not text.strip() and not empty_ok:
        raise ArticleError(path, "the file is empty", "Give an article with a body.")
    return text


def _read_text(path: Path, text: str, published: date | None) -> Article:
    header, body = _split_header(path, text)
    if header is None:
        first, _, rest = text.lstrip().partition("\n")
        if rest.strip():  # the first line is the title
            header, body = {"title": first.strip()}, rest.lstrip("\n")
        else:  # one line is the body
            header, body = {}, text
    return make_article(path, header, body, published)


# a header line: a key (a known one in any case; another, such as a crawler's
# 'author:', in lowercase, so that a dateline 'SEOUL: ...' starts the body)
_HEADER_LINE = re.compile(r"([A-Za-z][\w-]{0,39})[ \t]*:[ \t]*(.*)")


def _split_header(path: Path, text: str) -> tuple[dict[str, str] | None, str]:
    """The ``key: value`` lines at the top and the body after them (after the
    blank line, or from the first line that is no header line, if the blank
    line is missing); None if those lines name no known key."""
    pairs: list[tuple[str, str]] = []
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = _HEADER_LINE.fullmatch(text[start:end].strip())
        if not line or not (_known(line.group(1)) or line.group(1).islower()):
            if not text[start:end].strip():
                start = end + 1  # the blank line after the header
            break
        pairs.append((line.group(1), line.group(2)))
        start = end + 1
    if not any(_known(key) for key, _ in pairs):
        return None, text
    return _fields(path, pairs), text[start:]


def _known(key: str) -> bool:
    return key.lower() in _HEADER_NAMES


_HEADER_NAMES = frozenset((*HEADER_KEYS, *ALIASES))


def _fields(path: Path | str, pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """The header fields of ``key: value`` pairs: known keys (and their aliases)
    only, empty values left out; one key given two values is an error."""
    fields: dict[str, str] = {}
    for raw_key, raw_value in pairs:
        key, value = raw_key.lower(), raw_value.strip()
        key = ALIASES.get(key, key)
        if key not in HEADER_KEYS or not value:
            continue
        if fields.get(key, value) != value:
            raise ArticleError(
                path, f"two values of {key!r} are given, "
                f"{_quoted(fields[key])} and {_quoted(value)}",
                "Keep the right one ('date' counts as 'published').",
            )  # fmt: skip
        fields[key] = value
    return fields


def _quoted(value: str, most: int = 60) -> str:
    """A value for a message: quoted, and cut short if long."""
    return repr(value if len(value) <= most else value[:most] + "...")


_WORD = re.compile(r"[^\W_]")  # a letter or a digit, of any script


def make_article(
    path: Path | str, header: dict[str, str], body: str, published: date | None,
    *, empty: str = "the article has a header but no body",
    source: Path | str | None = None, crawled: date | None = None,
) -> Article:  # fmt: skip
    """The article of a header and a body, from ``source`` (else ``path``, which
    errors name); ``empty``: what to say if the body is blank; ``crawled``: the
    date it was fetched, the last resort."""
    if not body.strip():
        raise ArticleError(path, empty, "Add the text.")
    if not _WORD.search(body):
        raise ArticleError(
            path, "the body holds no words, only punctuation or symbols",
            "Give the article's text.",
        )  # fmt: skip
    url = header.get("url") or None
    # The article's own date first: ``published`` is for articles that give none.
    when = _parse_date(header.get("published", ""), path) or published
    if when is None:
        when = _date_from_url(url) or _date_from_text(body[:600]) or crawled
    if when is None:
        raise ArticleError(
            path, "no publication date",
            "Add a 'published: YYYY-MM-DD' header line or pass --published.",
        )  # fmt: skip
    title = header.get("title") or body.strip().split("\n", 1)[0][:200]
    return Article(
        text=body, title=title.strip(), published=when,
        source=shown_path(source or path),
        url=url, publisher=header.get("publisher") or None,
    )  # fmt: skip


def _parse_date(value: str, path: Path | str) -> date | None:
    """A header's date: YYYY-MM-DD (a time after it is left out), or with the
    month in words ('June 25, 2015', 'Thu, 25 Jun 2015 09:30:00 GMT')."""
    value = value.strip()
    if not value:
        return None
    iso = re.match(r"(\d{4})-(\d{2})-(\d{2})(?!\d)", value)
    if iso:
        try:
            return date(*map(int, iso.groups()))
        except ValueError:  # February 30, year 0
            pass
    else:
        in_words = _date_from_text(value[:200])
        if in_words:
            return in_words
    fix = "Write it as YYYY-MM-DD, e.g. 'published: 2015-06-25'."
    if re.fullmatch(r"(-\d{4,}|\d{5,}|0000)-\d{2}-\d{2}.*", value):
        problem = "is out of range (years 0001 to 9999)"
    elif re.fullmatch(r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}", value):
        problem = "may be day/month or month/day"
    else:
        problem = "is not a date"
    raise ArticleError(path, f"publication date {_quoted(value)} {problem}", fix)


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


_INTERNAL_SUBSET = re.compile(
    r"(\s*(?:<\?xml[^>]*>\s*)?)<!DOCTYPE[^>\[]*\[.*?\]\s*>", re.I | re.S
)


def html_article(
    where: str, raw: bytes, *, url: str | None, published: date | None,
    crawled: date | None, charset: str | None,
) -> Article:  # fmt: skip
    """The article of an HTML page met elsewhere than in a file (a WARC
    record), named ``where``: ``url`` is its address; its date is the page's,
    else ``published``, else the one in its URL or text, else ``crawled``;
    ``charset``: what the server said it is in, if not what the page says."""
    if len(raw) > MAX_BYTES:
        raise ArticleError(
            where, f"{len(raw):,} bytes is too large for one article",
            f"One article may hold at most {MAX_BYTES:,} bytes.",
        )  # fmt: skip
    text = _clean(where, _decode(where, raw, charset=_charset(raw) or charset))
    return _read_html(where, text, published, url=url, crawled=crawled)


def _read_html(
    path: Path | str, text: str, published: date | None,
    *, url: str | None = None, crawled: date | None = None,
) -> Article:  # fmt: skip
    # an XML internal subset (<!DOCTYPE x [<!ENTITY ...>]>) goes whole: a browser
    # would end the doctype at its first '>' and show the rest as text; its
    # entities are never expanded (no 'billion laughs')
    subset = _INTERNAL_SUBSET.match(text)
    if subset:
        text = subset.group(1) + text[subset.end() :]
    page = read_page(text)
    meta = page.meta
    lines = (
        re.sub(r"[ \t\u00a0]+", " ", line).strip()
        for line in "".join(page.parts).split("\n")
    )
    # entities may spell what a file may not hold: &#27; is an escape
    body = _clean(path, "\n".join(line for line in lines if line), empty_ok=True)
    if not body.strip():
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
        "title": _clean(path, meta.get("og:title") or page.title, empty_ok=True),
        "url": url or meta.get("og:url", ""),
        "publisher": meta.get("og:site_name") or meta.get("author", ""),
        "published": when[:10] if re.match(r"\d{4}-\d{2}-\d{2}", when) else "",
    }
    return make_article(path, header, body, published, crawled=crawled)


# Each bounded by the next bracket or marker, so that no line makes them slow:
# 20,000 '[' took 14 s before, 20,000 '*a ' 19 s
_LINK = re.compile(r"\[([^\[\]\n]+)\]\([^()\n]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)([^*_\n]{1,300}?)(?<=\S)\1")


def _read_markdown(path: Path, text: str, published: date | None) -> Article:
    header, body = _front_matter(path, text)
    if "title" not in header:
        heading = re.search(r"^#+\s+(.+)$", body, re.M)
        if heading:
            header["title"] = heading.group(1).strip()
    if body.strip() and not re.sub(r"^#+\s.*$", "", body, flags=re.M).strip():
        raise ArticleError(
            path, "the Markdown has headings but no text under them",
            "Add the article's text.",
        )  # fmt: skip
    body = re.sub(r"^#+\s+", "", body, flags=re.M)
    body = _LINK.sub(r"\1", body)  # links keep their text
    body = _EMPHASIS.sub(r"\2", body)
    return make_article(path, header, body, published)


# front matter: YAML between '---' lines (or '---' and '...'), TOML between '+++'
_FRONT = {"---": (":", ("---", "...")), "+++": ("=", ("+++",))}


def _front_matter(path: Path, text: str) -> tuple[dict[str, str], str]:
    """The header keys of the front matter and the body after it; none if the
    text opens with no front matter (a '---' rule before text is none)."""
    most = 1000  # lines of front matter looked at; the body stays whole
    lines = text.split("\n", most)
    opening = lines[0].strip()
    if opening not in _FRONT or len(lines) < 2:
        return {}, text
    separator, closings = _FRONT[opening]
    pairs: list[tuple[str, str]] = []
    for number, line in enumerate(lines[1:most], 1):
        if line.strip() in closings:
            return _fields(path, pairs), "\n".join(lines[number + 1 :])
        pair = _front_pair(line, separator)
        if pair:
            pairs.append(pair)
    if _front_pair(lines[1], separator):
        raise ArticleError(
            path, f"the front matter opened by {opening!r} on line 1 is never closed",
            f"Add a {opening!r} line after its last key.",
        )  # fmt: skip
    return {}, text


def _front_pair(line: str, separator: str) -> tuple[str, str] | None:
    """``key: value`` (YAML) or ``key = value`` (TOML), quotes taken off."""
    key, found, value = line.partition(separator)
    if found and re.fullmatch(r"[A-Za-z][\w-]*", key.strip()):
        return key.strip(), value.strip().strip("\"'")
    return None


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
    shown, folder = shown_path(path), str(path.parent)
    try:
        records = 0
        for number, line in _records(path):
            where = f"{shown}:{number}"
            if records == 0 and line is not None and line.strip() in (b"[", b"{"):
                raise ArticleError(
                    path, "pretty-printed JSON, not one JSON object a line",
                    "Write each record on one line, e.g. `jq -c '.[]'` for an array.",
                )  # fmt: skip
            try:
                if line is None:
                    raise ArticleError(
                        where, f"the record is over {MAX_BYTES:,} bytes",
                        "Split it; one article may hold at most that much.",
                    )  # fmt: skip
                text = _decode(where, line, record=True)
                if text.strip():
                    records += 1
                    # named by its id, else by the file and line, in the folder
                    name = f"{path.stem}-{number}"
                    yield _jsonl_article(where, folder, name, text, published)
            except ArticleError as error:
                records += 1
                yield error
        if records == 0:
            raise ArticleError(
                path, "the file is empty", "Give one JSON object a line."
            )
    except ArticleError as error:  # the file itself: a FIFO, unreadable...
        yield error


_SURROGATE = re.compile("[\ud800-\udfff]")
_RECORD = 'Give one object a line: {"text": "...", "published": "YYYY-MM-DD"}.'


def _jsonl_article(
    where: str, folder: str, name: str, line: str, published: date | None
) -> Article:
    """The article of one record, from ``folder``/ID.jsonl, or NAME.jsonl if it
    has no id; ``where``: its file and line, which errors name."""
    try:
        record = json.loads(line, strict=False)  # a raw tab in a string is read
    except json.JSONDecodeError as error:
        raise ArticleError(
            where, f"not JSON ({error.msg} at column {error.colno})",
            "Write one JSON object per line.",
        ) from None  # fmt: skip
    except RecursionError:
        raise ArticleError(
            where, "the JSON is nested too deeply to read",
            'Write one flat object per line: {"text": ..., "published": ...}.',
        ) from None  # fmt: skip
    except ValueError:  # Python reads no integer of over 4,300 digits
        raise ArticleError(
            where, "a number in the JSON has too many digits to read",
            "Write it as a string, or leave it out.",
        ) from None  # fmt: skip
    if not isinstance(record, dict):
        raise ArticleError(
            where, f"the line is {_json_kind(record)}, not an object", _RECORD
        )
    if "text" not in record:
        raise ArticleError(where, "no 'text' field", _RECORD)
    if not isinstance(record["text"], str):
        raise ArticleError(
            where, f"the 'text' field is {_json_kind(record['text'])}, not a string",
            _RECORD,
        )  # fmt: skip
    fields = [
        (key, _json_field(where, key, value))
        for key, value in record.items()
        if value is not None and _known(key)
    ]
    given = record.get("id")
    stem = str(given) if isinstance(given, str | int) and given != "" else None
    for field, value in (("text", record["text"]), ("id", stem), *fields):
        if value and (_SURROGATE.search(value) or "\x00" in value):
            raise ArticleError(
                where, f"the {field!r} field holds a lone surrogate or NUL "
                "(a \\ud800 or \\u0000 escape), which is not text",
                "Re-export the record as valid UTF-8 text.",
            )  # fmt: skip
    header = _fields(where, ((k, _clean(where, v, empty_ok=True)) for k, v in fields))
    return make_article(
        where, header, _clean(where, record["text"], empty_ok=True), published,
        empty="the 'text' field is empty",
        source=f"{folder}/{stem or name}.jsonl",
    )  # fmt: skip


def _json_field(where: str, key: str, value: object) -> str:
    """A header field's JSON value as text: a string, or a number (not for a
    date, where it is likely a timestamp); anything else is the record's error."""
    if isinstance(value, dict | list | bool):
        raise ArticleError(
            where, f"the {key!r} field is {_json_kind(value)}, not text",
            f'Give it as a string, e.g. "{key}": "...".',
        )  # fmt: skip
    if not isinstance(value, str) and ALIASES.get(key, key) == "published":
        raise ArticleError(
            where, f"the {key!r} field is a number ({_quoted(str(value))}), "
            "not a date", f'Write it as a string: "{key}": "YYYY-MM-DD".',
        )  # fmt: skip
    return str(value)


def _json_kind(value: object) -> str:
    kinds = {dict: "a JSON object", list: "a JSON array", str: "a JSON string",
             bool: "true or false", type(None): "null"}  # fmt: skip
    return kinds.get(type(value), "a JSON number")
