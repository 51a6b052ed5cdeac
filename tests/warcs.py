"""Writing WARC files for the tests and benchmarks, by hand (the format is a
header block and a payload per record), so that the tests can also write what
no WARC library would: a corrupt record, a truncated gzip member.

The articles are short fictional diplomatic news written for these tests.
"""

from __future__ import annotations

import argparse
import gzip
import random
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

WARC_DATE = "2024-03-14T09:30:00Z"


@dataclass(frozen=True)
class Record:
    """One WARC record: its type, headers and block (the HTTP message for a
    request or response)."""

    type: str
    block: bytes
    uri: str = ""
    date: str = WARC_DATE
    content_type: str = "application/http; msgtype=response"
    record_id: str = ""

    def encode(self) -> bytes:
        record_id = self.record_id or f"<urn:uuid:{uuid.uuid4()}>"
        headers = [
            "WARC/1.0",
            f"WARC-Type: {self.type}",
            f"WARC-Record-ID: {record_id}",
            f"WARC-Date: {self.date}",
        ]
        if self.uri:
            headers.append(f"WARC-Target-URI: {self.uri}")
        headers += [
            f"Content-Type: {self.content_type}",
            f"Content-Length: {len(self.block)}",
        ]
        return ("\r\n".join(headers) + "\r\n\r\n").encode() + self.block + b"\r\n\r\n"


def http_response(body: bytes, *, content_type: str = "text/html; charset=utf-8",
                  status: str = "200 OK") -> bytes:  # fmt: skip
    head = (
        f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


def page(title: str, paragraphs: Iterable[str], *, published: str = "") -> bytes:
    meta = (
        f'<meta property="article:published_time" content="{published}">'
        if published
        else ""
    )
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><title>{title}</title>{meta}</head>"
        f"<body><nav>Home | World</nav><article>{body}</article></body></html>"
    ).encode()


def response(uri: str, title: str, paragraphs: Iterable[str], *,
             published: str = "", date: str = WARC_DATE) -> Record:  # fmt: skip
    """The response record of one HTML article page."""
    html = page(title, paragraphs, published=published)
    return Record("response", http_response(html), uri=uri, date=date)


def write_warc(path: Path, records: Iterable[Record | bytes], *,
               gzipped: bool | None = None) -> Path:  # fmt: skip
    """Write ``records`` (raw bytes are written as they are, e.g. a corrupt
    record) to ``path``; gzip one member per record if it ends in ``.gz``."""
    gzipped = path.name.endswith(".gz") if gzipped is None else gzipped
    with path.open("wb") as out:
        for record in records:
            raw = record.encode() if isinstance(record, Record) else record
            out.write(gzip.compress(raw, compresslevel=1) if gzipped else raw)
    return path


# --- the articles: fictional, written for these tests -----------------------------

AGREEMENT_NEWS = [
    ("Norway and Chile sign fisheries agreement",
     ["OSLO, March 12 (Test Wire) -- Norway and Chile signed a fisheries agreement "
      "on Tuesday, setting shared quotas for southern waters, officials said.",
      "The agreement will take effect next year, the ministry said."]),
    ("Kenya and Ghana sign trade memorandum",
     ["NAIROBI, March 13 (Test Wire) -- Kenya and Ghana signed a memorandum of "
      "understanding on trade in farm goods on Wednesday.",
      "Ministers from both countries attended the ceremony in the capital."]),
    ("Portugal and Morocco sign energy accord",
     ["LISBON, March 11 (Test Wire) -- Portugal and Morocco signed an energy "
      "accord on Monday to build a power cable under the sea.",
      "The two governments said work would begin within two years."]),
]  # fmt: skip

NOT_AGREEMENT_NEWS = [
    ("Local team wins cup final",
     ["The home side won the cup final on Saturday after a late goal in front "
      "of a full stadium.", "Fans celebrated in the streets until late."]),
    ("Storm closes mountain roads",
     ["Heavy snow closed several mountain roads on Friday, and drivers were "
      "told to stay at home until the ploughs had passed."]),
]  # fmt: skip

# the same kind of news in other languages: never to be extracted
FOREIGN_NEWS = {
    "fr": ("La France et le Maroc signent un accord",
           ["PARIS, 12 mars -- La France et le Maroc ont signé mardi un accord sur "
            "la pêche et le commerce, ont annoncé les deux gouvernements dans un "
            "communiqué commun publié dans la soirée."]),
    "de": ("Deutschland und Polen unterzeichnen Abkommen",
           ["BERLIN, 12. März -- Deutschland und Polen haben am Dienstag ein "
            "Abkommen über die Zusammenarbeit bei der Energie unterzeichnet, "
            "teilten beide Regierungen in einer gemeinsamen Erklärung mit."]),
    "es": ("España y Chile firman un acuerdo comercial",
           ["MADRID, 12 de marzo -- España y Chile firmaron el martes un acuerdo "
            "comercial que reduce los aranceles sobre el vino y el cobre, según "
            "informaron los ministerios de ambos países en un comunicado."]),
}  # fmt: skip


def other_records() -> list[Record]:
    """Records that are no article: a request, metadata, an image, robots.txt,
    a revisit and a non-HTML response."""
    uri = "https://news.example.org/robots.txt"
    return [
        Record("warcinfo", b"software: tests\r\nformat: WARC File Format 1.0\r\n",
               content_type="application/warc-fields"),
        Record("request", b"GET /world/agreement HTTP/1.1\r\nHost: news.example.org"
               b"\r\n\r\n", uri="https://news.example.org/world/agreement",
               content_type="application/http; msgtype=request"),
        Record("metadata", b"fetchTimeMs: 120\r\nagreement: treaty\r\n",
               uri="https://news.example.org/world/agreement",
               content_type="application/warc-fields"),
        Record("response", http_response(b"\x89PNG\r\n\x1a\n treaty agreement",
                                         content_type="image/png"),
               uri="https://news.example.org/logo.png"),
        Record("response", http_response(b"User-agent: *\nDisallow: /treaty\n",
                                         content_type="text/plain"), uri=uri),
        Record("revisit", b"HTTP/1.1 304 Not Modified\r\n\r\n",
               uri="https://news.example.org/world/agreement-again"),
    ]  # fmt: skip


def news_records(
    total: int, *, relevant: float = 0.02, seed: int = 7
) -> Iterator[Record]:
    """``total`` response records (each with a request before it, counted),
    ``relevant`` of them agreement news, the rest other news of the same size."""
    rng = random.Random(seed)
    filler = " ".join(
        rng.choice(["city", "council", "weather", "market", "school", "music",
                    "players", "the", "and", "of", "rain", "prices", "festival"])
        for _ in range(400)
    )  # fmt: skip
    for number in range(total // 2):
        uri = f"https://news.example.org/2024/03/14/story-{number}"
        request = f"GET /story-{number} HTTP/1.1\r\n\r\n".encode()
        kind = "application/http; msgtype=request"
        yield Record("request", request, uri=uri, content_type=kind)
        if rng.random() < relevant:
            title, paragraphs = AGREEMENT_NEWS[number % len(AGREEMENT_NEWS)]
        else:
            title, paragraphs = NOT_AGREEMENT_NEWS[number % len(NOT_AGREEMENT_NEWS)]
        yield response(uri, f"{title} ({number})", [*paragraphs, filler])


def benchmark_arguments(
    parser: argparse.ArgumentParser, *, records: int
) -> argparse.Namespace:
    """The benchmarks' ``--make PATH [--records N] [--relevant F]``: if given,
    write the generated WARC there and exit; else the parsed arguments."""
    parser.add_argument("--make", type=Path, help="write a generated WARC here")
    parser.add_argument("--records", type=int, default=records)
    parser.add_argument("--relevant", type=float, default=0.02)
    args = parser.parse_args()
    if args.make:
        write_warc(args.make, news_records(args.records, relevant=args.relevant))
        print(f"wrote {args.make}: {args.make.stat().st_size / 1e6:.1f} MB")
        raise SystemExit(0)
    return args
