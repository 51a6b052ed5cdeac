"""Bad and awkward files, folders and paths (issue 13): what is not a regular
file, what cannot be read, folders that loop or hide things, compressed files,
odd names, paths named on the command line. Each case: what it is and what
reading it gives (see ``bad_input.py``)."""

from __future__ import annotations

import bz2
import gzip
import lzma
import os
from pathlib import Path

import pytest
from bad_input import (
    ARTICLE,
    BODY,
    LOADS,
    Case,
    Loads,
    article,
    as_a_user,
    fifo,
    folder,
    given,
    link,
    raw,
    read_case,
    socket_file,
    sparse,
    text,
    unreadable,
)  # fmt: skip

GOOD_RECORD = b'{"text": "Japan signed it.", "published": "2015-06-25"}\n'


def loop(path: Path) -> None:
    """A link to a link back to it (the other end hidden, so found once)."""
    other = path.with_name(f".{path.name}")
    path.symlink_to(other.name)
    other.symlink_to(path.name)


def locked_subfolder(path: Path) -> None:
    folder({"a.txt": text(ARTICLE), "locked/b.txt": text(ARTICLE)})(path)
    (path / "locked").chmod(0)


FILES: dict[str, Case] = {
    # what is no regular file is looked at, and refused, before it is read
    "fifo.txt": (fifo, "a FIFO (named pipe), which could block reading forever"),
    "socket.txt": (socket_file, "a socket, not a regular file. Give article files"),
    "devzero.txt": (link("/dev/zero"), "a character device, not a regular file"),
    "dangling.html": (link("nowhere.html"), "a link to nothing. Point the link at"),
    "loop.txt": (loop, "a loop of symbolic links. Point the link at an article"),
    "huge.txt": (sparse(2_000_000_000), "2,000,000,000 bytes is too large for one"),
    "unreadable.txt": (unreadable(article(BODY)),
                       "cannot be read (Permission denied). Check its permissions"),
    "unreadable-folder": (locked_subfolder,
                          (LOADS, "the folder cannot be read (Permission denied)")),
    # folders: walked once each, links to folders followed, hidden files not
    "link-cycle": (folder({"a.txt": text(ARTICLE), "sub/up": link("..")}), LOADS),
    "linked-folder": (folder({".target/a.txt": text(ARTICLE), "link": link(".target")}),
                      LOADS),
    "hidden": (folder({".secret.txt": text(ARTICLE), ".git/x.txt": text(ARTICLE),
                       "._mac.txt": raw(b"\x00\x05\x16\x07"), "a.txt": text(ARTICLE)}),
               LOADS),
    "other-types": (folder({"a.txt": text(ARTICLE), "b.csv": text("x,y"),
                            "c.json": text("{}"), "d.pdf": text("%PDF")}), LOADS),
    "empty-folder": (folder({}, given=True), "the folder holds no article files (.txt"),
    "readme-only": (folder({"README.md": text("# How")}, given=True),
                    "holds no article files"),
    "folder-named.txt": (folder({"inner.txt": text(ARTICLE)}), LOADS),
    "SHOUTING.TXT": (text(ARTICLE), LOADS),  # left out of folders before
    # compressed files are named, with how to decompress them
    "dump.jsonl.gz": (raw(gzip.compress(GOOD_RECORD)),
                      "compressed with gzip; diplograph reads uncompressed files"),
    "page.html.xz": (raw(lzma.compress(ARTICLE.encode())), "Decompress it first"),
    "old dump.txt.bz2": (raw(bz2.compress(ARTICLE.encode())), "(`bunzip2 -k '"),
    # names: shown on one line, escaped where they would break it
    "with spaces.txt": (text(ARTICLE), LOADS),
    "-dash.txt": (text(ARTICLE), LOADS),
    "new\nline.txt": (text(ARTICLE), LOADS),
    "empty\nname.txt": (text(""), "\\nname.txt: the file is empty"),
    "\x1b[31mred.txt": (text(""), "\\x1b[31mred.txt: the file is empty"),
    os.fsdecode(b"caf\xe9.txt"): (text(ARTICLE), LOADS),
    "long-" + "n" * 240 + ".txt": (text(ARTICLE), LOADS),
    # paths named on the command line
    "twice.txt": (given("", "", make=text(ARTICLE)), Loads(count=1)),
    "nowhere.txt": (given(), "no such file or folder. Check the path."),
    "nowhere-folder": (given("/sub"), "no such file or folder"),
    "report.pdf": (given(make=text("%PDF-1.4")), "unsupported file type '.pdf'. Use"),
    "no-extension": (given(make=text(ARTICLE)), "no file name extension, so its"),
    "nul-in-path": (given("\x00.txt"), "the path holds a NUL character"),
}  # fmt: skip


@pytest.mark.parametrize("name", list(FILES))
def test_files_case(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    as_a_user(monkeypatch)
    read_case(tmp_path, name, FILES[name])
