"""A real ``diplograph serve``, started on a free port of 127.0.0.1 as its own
process, and asked over HTTP: for the tests of the endpoint, the pages and
the browser."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"


def _ctrl_c_as_from_a_terminal() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class Server:
    def __init__(self, process: subprocess.Popen[bytes], port: int) -> None:
        self.process = process
        self.base = f"http://127.0.0.1:{port}"

    def get(
        self,
        path: str,
        *,
        data: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, dict[str, str], bytes]:
        """Status, headers (lower-case names) and body of one request."""
        url = path if path.startswith("http") else self.base + path
        request = urllib.request.Request(url, data=data, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                status, found, body = response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            status, found, body = error.code, error.headers, error.read()
        return status, {k.lower(): v for k, v in found.items()}, body

    def sparql(
        self, query: str, accept: str = "", *, headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        sent = {**(headers or {}), **({"Accept": accept} if accept else {})}
        return self.get(
            "/sparql?" + urllib.parse.urlencode({"query": query}), headers=sent
        )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(store: Path, *options: str) -> Server:
    port = free_port()
    env = {
        **os.environ,
        "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "diplograph", "serve", "--store", str(store),
         "--port", str(port), *options],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        # Ctrl-C reaches the server as from a terminal, even when the tests run
        # under nohup or as a background job (which start with SIGINT ignored)
        preexec_fn=_ctrl_c_as_from_a_terminal,
    )  # fmt: skip
    server = Server(process, port)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"serve exited: {process.communicate()[1].decode()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return server
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise AssertionError("serve did not listen within 20 s")


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()
    for pipe in (server.process.stdout, server.process.stderr):
        if pipe is not None:
            pipe.close()  # else a ResourceWarning when it is collected
