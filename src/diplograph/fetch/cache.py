"""The pages fetched, kept in the store's folder so that loading a URL again
needs no network.

Layout, under ``STORE/cache/pages/`` (``./diplograph-cache/pages/`` for a
server store), one pair of files per URL asked for, named by the first 32 hex
digits of the URL's SHA-256:

- ``<hash>.html.gz``: the body as it came (after gzip or deflate was undone),
  gzipped again;
- ``<hash>.json``: ``url``, ``final_url`` (after redirects), ``redirects``,
  ``status``, ``fetched`` (UTC, ISO 8601) and ``headers`` (content type,
  Last-Modified, ETag, Date, Content-Language).

Each file is written whole under a temporary name and renamed, the metadata
last: an interrupted write leaves no entry, never half of one.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from dataclasses import asdict
from pathlib import Path

from diplograph.fetch.client import Fetched


def url_key(url: str) -> str:
    """The file name of a URL's entry.

    Example:
        >>> len(url_key("https://example.org/a"))
        32
    """
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]


class PageCache:
    """Fetched pages in ``folder``, by the URL asked for."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get(self, url: str) -> Fetched | None:
        """The page kept for ``url``, or None (none kept, or unreadable)."""
        key = url_key(url)
        try:
            meta = json.loads((self.folder / f"{key}.json").read_text("utf-8"))
            with gzip.open(self.folder / f"{key}.html.gz", "rb") as handle:
                body = handle.read()
        except (OSError, ValueError, EOFError):  # none, or damaged: fetch again
            return None
        if meta.get("url") != url:  # a hash collision, or a file put there by hand
            return None
        return Fetched(
            url=url, final_url=meta["final_url"], status=meta["status"],
            headers=meta.get("headers", {}), body=body, fetched=meta["fetched"],
            cached=True, redirects=tuple(meta.get("redirects", ())),
        )  # fmt: skip

    def by_final_url(self) -> dict[str, str]:
        """Each page's final URL (an article's ``url``) -> the URL asked for
        (its key), read from every entry's metadata."""
        found = {}
        for meta in sorted(self.folder.glob("*.json")):
            try:
                entry = json.loads(meta.read_text("utf-8"))
                found[entry["final_url"]] = entry["url"]
            except (OSError, ValueError, KeyError, TypeError):
                continue  # damaged: that page is fetched again if loaded
        return found

    def put(self, page: Fetched) -> None:
        """Keep ``page``; the entry before it, if any, is replaced."""
        self.folder.mkdir(parents=True, exist_ok=True)
        key = url_key(page.url)
        meta = {k: v for k, v in asdict(page).items() if k not in ("body", "cached")}
        meta["redirects"] = list(page.redirects)
        _write(self.folder / f"{key}.html.gz", gzip.compress(page.body, mtime=0))
        _write(
            self.folder / f"{key}.json",
            json.dumps(meta, indent=1, ensure_ascii=False).encode("utf-8"),
        )


def _write(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


__all__ = ["PageCache", "url_key"]
