"""A scriptable HTTP server on 127.0.0.1 for tests (never an outside address).

    with LocalServer() as srv:
        srv.route("/feed", body=rss_bytes, content_type="application/rss+xml", etag='"v1"')
        srv.route("/slow", body=b"late", delay=2.0)
        srv.route("/loop", status=302, headers={"Location": "/loop"})
        srv.route("/gen", handler=lambda req: Reply(body=...))   # computed per request
        fetch_many([srv.url("/feed")])
        srv.requests   # [(path, headers)] in arrival order

A route with ``etag``/``last_modified`` answers 304 to a matching conditional request. ``delay``
waits before answering (cut short when the server stops); ``stream`` sends the body in pieces
with no Content-Length (for huge responses read until the client gives up).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

_NO_PROXY = ("NO_PROXY", "no_proxy")


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0
    stream: Iterable[bytes] | None = None


@dataclass
class Request:
    path: str
    headers: dict[str, str]


class LocalServer:
    """A threaded HTTP/1.1 server bound to an ephemeral port on 127.0.0.1."""

    def __init__(self) -> None:
        self.routes: dict[str, Callable[[Request], Reply]] = {}
        self.requests: list[Request] = []
        self.stopping = threading.Event()
        self.active = 0
        self.max_active = 0
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _make_handler(self))
        self._httpd.daemon_threads = True
        self._httpd.block_on_close = False
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def base(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def route(
        self, path: str, *, handler: Callable[[Request], Reply] | None = None, **reply
    ) -> None:
        """Answer ``path`` with ``handler(request)`` or with a fixed :class:`Reply`."""
        fixed = Reply(**reply)
        self.routes[path] = handler or (lambda _req: fixed)

    def hits(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.path == path]

    def __enter__(self) -> LocalServer:
        # A proxy configured in the environment must not see (or break) local test traffic.
        self._saved_env = {k: os.environ.get(k) for k in _NO_PROXY}
        for key, value in self._saved_env.items():
            os.environ[key] = ",".join(filter(None, [value, "127.0.0.1"]))
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        for key, value in self._saved_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)


def _make_handler(server: LocalServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # else keep-alive replies wait ~40 ms for delayed ACKs

        def log_message(self, *args) -> None:  # keep test output quiet
            pass

        def do_GET(self) -> None:
            req = Request(self.path, {k.lower(): v for k, v in self.headers.items()})
            with server._lock:
                server.requests.append(req)
                server.active += 1
                server.max_active = max(server.max_active, server.active)
            try:
                self._answer(req)
            except (BrokenPipeError, ConnectionResetError):
                pass
            finally:
                with server._lock:
                    server.active -= 1

        def _answer(self, req: Request) -> None:
            make = server.routes.get(req.path.split("?")[0])
            reply = make(req) if make else Reply(status=404, body=b"not found")
            if reply.delay and server.stopping.wait(reply.delay):
                return
            if _not_modified(req, reply):
                self.send_response(304)
                self._validators(reply)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(reply.status)
            if reply.content_type:
                self.send_header("Content-Type", reply.content_type)
            self._validators(reply)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if reply.stream is not None:
                self.send_header("Connection", "close")
                self.close_connection = True
                self.end_headers()
                for piece in reply.stream:
                    if server.stopping.is_set():
                        return
                    self.wfile.write(piece)
                return
            self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            self.wfile.write(reply.body)

        def _validators(self, reply: Reply) -> None:
            if reply.etag:
                self.send_header("ETag", reply.etag)
            if reply.last_modified:
                self.send_header("Last-Modified", reply.last_modified)

    return Handler


def _not_modified(req: Request, reply: Reply) -> bool:
    if reply.status != 200:
        return False
    inm = req.headers.get("if-none-match")
    if reply.etag and inm:
        return reply.etag in [tag.strip() for tag in inm.split(",")]
    ims = req.headers.get("if-modified-since")
    return bool(reply.last_modified and ims and ims == reply.last_modified)


def words(n: int, seed: str = "word") -> str:
    """``n`` distinct-ish words, for bodies that must be long (or short) enough."""
    return " ".join(f"{seed}{i}" for i in range(n))
