"""Polite concurrent HTTP fetching with httpx: limits per host, timeouts, retries, size caps.

:func:`fetch_many` never raises for a bad source: every URL gets a :class:`FetchResult`, and a
failure carries a short human reason in ``error`` (dead link, timeout, redirect loop, too large,
not a page or feed). Conditional requests send ``If-None-Match`` / ``If-Modified-Since`` from
``validators``; a 304 gives ``not_modified=True`` and no content.
"""

from __future__ import annotations

import asyncio
import email.utils
import random
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields, replace
from datetime import UTC, datetime
from urllib.parse import urlsplit

import httpx

from tui import __version__
from tui.core.sources.validator import Validator

USER_AGENT = f"Wiredesk/{__version__} (terminal news reader; +https://pypi.org/project/wiredesk/)"
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, "
    "text/xml;q=0.9, application/json;q=0.8, text/html;q=0.8, */*;q=0.5"
)
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
MAX_RETRY_AFTER = 30.0
# Content types that can never be a page or a feed: refused before their body is read.
# (application/octet-stream is read and judged by content: some servers send feeds as that.)
_BINARY = re.compile(
    r"^(image|audio|video|font)/|^application/(pdf|zip|gzip|x-gzip|x-tar|x-7z-compressed|"
    r"x-rar-compressed|msword|vnd\.|x-msdownload|x-shockwave-flash|wasm)"
)

Progress = Callable[[int, int, str], None]
Validators = dict[str, Validator]  # by URL


@dataclass(slots=True)
class FetchResult:
    """What fetching one URL gave: content, or ``not_modified``, or an ``error`` reason."""

    url: str
    final_url: str
    status: int | None = None
    content: bytes | None = None
    content_type: str | None = None
    validator: Validator = Validator()
    not_modified: bool = False
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """How politely and patiently to fetch. ``timeout`` is per network operation (seconds)."""

    per_host: int = 2
    total: int = 8
    timeout: float = 15.0
    retries: int = 2
    backoff: float = 0.5
    max_bytes: int = DEFAULT_MAX_BYTES
    max_redirects: int = 10


class _Refused(Exception):
    """A response we will not read (too large, binary); the message is the reason."""


def fetch_many(
    urls: Sequence[str],
    *,
    validators: Validators | None = None,
    on_progress: Progress | None = None,
    options: FetchOptions | None = None,
    **option_overrides,
) -> list[FetchResult]:
    """Fetch ``urls`` concurrently (results in the same order). Safe to call from any thread.

    Keyword overrides (``per_host``, ``total``, ``timeout``, ``retries``, ``backoff``,
    ``max_bytes``, ``max_redirects``) adjust ``options``.
    """
    opts = _options(options, option_overrides)
    coro_args = (list(urls), validators or {}, on_progress, opts)
    if not _loop_running():
        return asyncio.run(afetch_many(*coro_args))
    # Called from inside an event loop (e.g. the app): run ours on a helper thread.
    box: dict = {}

    def work() -> None:
        try:
            box["result"] = asyncio.run(afetch_many(*coro_args))
        except BaseException as exc:  # handed back to the calling thread below
            box["error"] = exc

    worker = threading.Thread(target=work, name="wiredesk-fetch")
    worker.start()
    worker.join()
    if "error" in box:
        raise box["error"]
    return box["result"]


async def afetch_many(
    urls: list[str],
    validators: Validators,
    on_progress: Progress | None,
    opts: FetchOptions,
) -> list[FetchResult]:
    """The async core of :func:`fetch_many`."""
    total_sem = asyncio.Semaphore(max(1, opts.total))
    host_sems: dict[str, asyncio.Semaphore] = {}
    done = 0
    limits = httpx.Limits(max_connections=max(1, opts.total), max_keepalive_connections=opts.total)
    async with httpx.AsyncClient(
        follow_redirects=True,
        max_redirects=opts.max_redirects,
        timeout=httpx.Timeout(opts.timeout),
        limits=limits,
        headers={"User-Agent": USER_AGENT, "Accept": ACCEPT},
    ) as client:

        async def one(url: str) -> FetchResult:
            nonlocal done
            host = _host(url)
            if host is None:
                result = FetchResult(url=url, final_url=url, error="not a valid http(s) URL")
            else:
                host_sem = host_sems.setdefault(host, asyncio.Semaphore(max(1, opts.per_host)))
                async with host_sem, total_sem:
                    result = await _fetch_with_retries(client, url, validators.get(url), opts)
            done += 1
            if on_progress is not None:
                on_progress(done, len(urls), url)
            return result

        return list(await asyncio.gather(*(one(u) for u in urls)))


async def _fetch_with_retries(
    client: httpx.AsyncClient,
    url: str,
    validator: Validator | None,
    opts: FetchOptions,
) -> FetchResult:
    headers = validator.headers() if validator else {}
    attempt = 0
    while True:
        result, retry_after = await _fetch_once(client, url, headers, opts)
        if retry_after is None or attempt >= opts.retries:
            return result
        delay = opts.backoff * (2**attempt) * (1 + random.random() / 4)
        await asyncio.sleep(min(max(delay, retry_after), MAX_RETRY_AFTER))
        attempt += 1


async def _fetch_once(
    client: httpx.AsyncClient, url: str, headers: dict[str, str], opts: FetchOptions
) -> tuple[FetchResult, float | None]:
    """One attempt: the result, and a delay hint when it is worth retrying (else None)."""
    result = FetchResult(url=url, final_url=url)
    try:
        # A server that trickles bytes never trips the per-operation timeout: cap the whole.
        async with asyncio.timeout(opts.timeout * 4):
            async with client.stream("GET", url, headers=headers) as resp:
                _fill_head(result, resp)
                if resp.status_code == 304:
                    result.not_modified = True
                    return result, None
                if resp.status_code >= 400:
                    result.error = f"HTTP {resp.status_code} {resp.reason_phrase}".strip()
                    retry = resp.status_code in RETRY_STATUSES
                    return result, _retry_after(resp) if retry else None
                _check_head(resp, opts.max_bytes)
                result.content = await _read_capped(resp, opts.max_bytes)
                return result, None
    except (TimeoutError, httpx.TimeoutException):
        result.error = f"timed out (no answer within {opts.timeout:g} s)"
        return result, 0.0
    except httpx.TooManyRedirects:
        result.error = f"redirect loop (more than {opts.max_redirects} redirects)"
    except (httpx.InvalidURL, httpx.UnsupportedProtocol):
        result.error = "not a valid http(s) URL"
    except httpx.DecodingError as exc:
        result.error = f"bad response encoding ({_short(exc)})"
    except httpx.ConnectError as exc:
        result.error = f"cannot connect ({_short(exc)})"
        return result, 0.0
    except httpx.TransportError as exc:
        result.error = f"connection failed ({_short(exc)})"
        return result, 0.0
    except _Refused as exc:
        result.error = str(exc)
    except (ValueError, OverflowError, httpx.HTTPError) as exc:  # malformed URL or response
        result.error = f"request failed ({_short(exc)})"
    return result, None


def _fill_head(result: FetchResult, resp: httpx.Response) -> None:
    result.status = resp.status_code
    result.final_url = str(resp.url)
    result.content_type = resp.headers.get("content-type")
    result.validator = Validator(resp.headers.get("etag"), resp.headers.get("last-modified"))


def _check_head(resp: httpx.Response, max_bytes: int) -> None:
    ctype = (resp.headers.get("content-type") or "").split(";")[0].strip().lower()
    if ctype and _BINARY.match(ctype):
        raise _Refused(f"not a web page or feed (content type {ctype})")
    length = resp.headers.get("content-length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise _Refused(f"response too large ({_size(int(length))}, limit {_size(max_bytes)})")


async def _read_capped(resp: httpx.Response, max_bytes: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    async for chunk in resp.aiter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise _Refused(f"response too large (over the {_size(max_bytes)} limit)")
        chunks.append(chunk)
    return b"".join(chunks)


def _host(url: str) -> str | None:
    """The lower-case host of an http(s) URL httpx can request; None when it is not one."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on an impossible port
        host = httpx.URL(url).host
    except (ValueError, httpx.InvalidURL):
        return None
    return host.lower() if host and parts.scheme.lower() in ("http", "https") else None


def _retry_after(resp: httpx.Response) -> float:
    """Seconds the server asks us to wait (``Retry-After``: seconds or an HTTP date), else 0."""
    value = resp.headers.get("retry-after", "").strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return 0.0
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _options(options: FetchOptions | None, overrides: dict) -> FetchOptions:
    base = options or FetchOptions()
    unknown = set(overrides) - {f.name for f in fields(FetchOptions)}
    if unknown:
        raise TypeError(f"unknown fetch option(s): {', '.join(sorted(unknown))}")
    return replace(base, **{k: v for k, v in overrides.items() if v is not None})


def _loop_running() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def _short(exc: Exception) -> str:
    text = re.sub(r"\[Errno -?\d+\]\s*", "", str(exc)).strip()
    return text or type(exc).__name__


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    if n < 1024 * 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n / (1024 * 1024):.1f} MB"
