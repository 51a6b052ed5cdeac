"""A web site on 127.0.0.1 for the tests of reading from the web: a real HTTP
server (http.server, in a thread, on a free port), whose answers each test
sets, and which logs every request it gets (path, time, headers).

Its pages are in tests/data/web: short fictional news written for these
tests (real country names, so that the extractor finds the parties).
"""

from __future__ import annotations

import gzip
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PAGES = Path(__file__).resolve().parent / "data" / "web"


@dataclass(frozen=True)
class Reply:
    """One answer: ``delay`` seconds before the body (after the headers);
    ``gzip``: the body sent gzipped; ``length``: send Content-Length (else the
    body ends when the connection closes)."""

    status: int = 200
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = (("Content-Type", "text/html"),)
    delay: float = 0.0
    gzip: bool = False
    length: bool = True


def page(name: str) -> Reply:
    """A page of tests/data/web, as text/html."""
    return Reply(body=(PAGES / name).read_bytes())


def redirect(to: str, status: int = 301) -> Reply:
    return Reply(status=status, headers=(("Location", to),))


@dataclass(frozen=True)
class Request:
    path: str
    at: float  # time.monotonic() when it came
    headers: dict[str, str]


@dataclass
class Site:
    """Routes (path -> the answers, given in turn, the last one again and
    again) and the log of requests. ``url(path)`` is the address of a path."""

    routes: dict[str, list[Reply]] = field(default_factory=dict)
    log: list[Request] = field(default_factory=list)
    port: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def serve(self, path: str, *replies: Reply) -> str:
        """Answer ``path`` with ``replies`` in turn; returns its URL."""
        self.routes[path] = list(replies)
        return self.url(path)

    def requests(self, path: str | None = None) -> list[Request]:
        return [r for r in self.log if path is None or r.path == path]

    def answer(self, path: str) -> Reply:
        with self.lock:
            replies = self.routes.get(path)
            if not replies:
                return Reply(status=404, body=b"not found")
            return replies.pop(0) if len(replies) > 1 else replies[0]


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            site.log.append(Request(self.path, time.monotonic(), dict(self.headers)))
            reply = site.answer(self.path)
            body = gzip.compress(reply.body) if reply.gzip else reply.body
            self.send_response(reply.status)
            for name, value in reply.headers:
                self.send_header(name, value)
            if reply.gzip:
                self.send_header("Content-Encoding", "gzip")
            if reply.length:
                self.send_header("Content-Length", str(len(body)))
            else:
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            try:
                self.wfile.flush()
                if reply.delay:
                    time.sleep(reply.delay)
                self.wfile.write(body)
            except OSError:  # the client gave up (a timeout, a size limit)
                self.close_connection = True

        def log_message(self, format: str, *args: object) -> None:
            pass  # the log is site.log

    return Handler


class Server:
    """Serve ``site`` on a free port of 127.0.0.1 until :meth:`stop`."""

    def __init__(self, site: Site) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False
        site.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
