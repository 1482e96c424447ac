"""A static HTTP server on 127.0.0.1 that stands in for the release mirror in tests.

It serves one folder on an ephemeral port from a background thread, records
the path of every request, and can wait before answering so that concurrent
clients overlap.
"""

from __future__ import annotations

import functools
import socket
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any


class _Handler(SimpleHTTPRequestHandler):
    mirror: Mirror

    def do_GET(self) -> None:
        with self.mirror.lock:
            self.mirror.requests.append(self.path)
        time.sleep(self.mirror.delay)
        super().do_GET()

    def log_message(self, format: str, *args: Any) -> None:
        pass


class Mirror:
    """``with Mirror(folder) as m:`` serves ``folder`` at ``m.url``; ``m.requests`` lists paths asked for."""

    def __init__(self, folder: Path, *, delay: float = 0.0) -> None:
        self.folder = folder
        self.delay = delay
        self.requests: list[str] = []
        self.lock = threading.Lock()
        handler = type("Handler", (_Handler,), {"mirror": self})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def url(self) -> str:
        """Base URL of the served folder, with a trailing slash."""
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}/"

    def __enter__(self) -> Mirror:
        self.thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


def closed_port() -> int:
    """A loopback port that nothing listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port
