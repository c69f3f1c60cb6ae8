"""The polite fetcher against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import time

import pytest
from helpers.httpserver import LocalServer, Reply

from tui.core.sources import fetch_many
from tui.core.sources.validator import Validator

FAST = {"timeout": 0.5, "retries": 0, "backoff": 0.01}


@pytest.fixture
def srv():
    with LocalServer() as server:
        yield server


def test_ok_page_keeps_headers(srv):
    srv.route("/a", body=b"<html><p>hi</p></html>", etag='"e1"',
              last_modified="Mon, 01 Jan 2024 00:00:00 GMT")
    [r] = fetch_many([srv.url("/a")], **FAST)
    assert r.ok and r.status == 200 and r.content == b"<html><p>hi</p></html>"
    assert r.validator.etag == '"e1"' and r.validator.last_modified.startswith("Mon")
    assert r.content_type.startswith("text/html") and not r.not_modified
    assert srv.hits("/a")[0].headers["user-agent"].startswith("Wiredesk/")


def test_conditional_request_gives_304(srv):
    srv.route("/f", body=b"<rss/>", etag='"v1"', last_modified="Mon, 01 Jan 2024 00:00:00 GMT")
    url = srv.url("/f")
    [r] = fetch_many([url], validators={url: Validator('"v1"')}, **FAST)
    assert r.not_modified and r.status == 304 and r.content is None and r.error is None
    assert srv.hits("/f")[0].headers["if-none-match"] == '"v1"'
    since = Validator(last_modified="Mon, 01 Jan 2024 00:00:00 GMT")
    [r] = fetch_many([url], validators={url: since}, **FAST)
    assert r.not_modified
    [r] = fetch_many([url], validators={url: Validator('"old"')}, **FAST)
    assert not r.not_modified and r.content == b"<rss/>"


def test_dead_link_and_refused_connection(srv):
    [r404, refused] = fetch_many([srv.url("/missing"), "http://127.0.0.1:9/x"], **FAST)
    assert r404.error == "HTTP 404 Not Found" and r404.status == 404
    assert refused.error.startswith("cannot connect")


@pytest.mark.slow  # asserts on wall-clock time
def test_slow_server_times_out_quickly(srv):
    srv.route("/slow", body=b"late", delay=3.0)
    srv.route("/fast", body=b"quick")
    start = time.monotonic()
    slow, fast = fetch_many([srv.url("/slow"), srv.url("/fast")], **FAST)
    assert time.monotonic() - start < 2.0
    assert slow.error.startswith("timed out") and fast.ok


def test_redirects_followed_and_loops_reported(srv):
    srv.route("/old", status=301, headers={"Location": "/new"})
    srv.route("/new", body=b"moved here")
    srv.route("/loop1", status=302, headers={"Location": "/loop2"})
    srv.route("/loop2", status=302, headers={"Location": "/loop1"})
    moved, loop = fetch_many([srv.url("/old"), srv.url("/loop1")], **FAST)
    assert moved.ok and moved.final_url == srv.url("/new") and moved.url == srv.url("/old")
    assert loop.error.startswith("redirect loop")


def test_huge_responses_are_capped(srv):
    srv.route("/big", body=b"x" * 300_000)
    srv.route("/stream", stream=(b"y" * 65536 for _ in range(1000)), content_type="text/plain")
    big, stream = fetch_many([srv.url("/big"), srv.url("/stream")], max_bytes=100_000, **FAST)
    assert big.error.startswith("response too large") and big.content is None
    assert stream.error.startswith("response too large")


def test_binary_content_type_is_refused(srv):
    srv.route("/img", body=b"\x89PNG\r\n" + bytes(1000), content_type="image/png")
    [r] = fetch_many([srv.url("/img")], **FAST)
    assert r.error == "not a web page or feed (content type image/png)"


@pytest.mark.parametrize("url", ["ftp://example.invalid/x", "http://", "http://[::1",
                                 "https://xn--/", "http://127.0.0.1:99999/", "", "mailto:a@b"])
def test_invalid_url_is_reported(url):
    [r] = fetch_many([url], **FAST)
    assert r.error == "not a valid http(s) URL"


def test_retries_with_backoff_then_success(srv):
    calls = []

    def flaky(req):
        calls.append(req)
        return Reply(status=503) if len(calls) < 3 else Reply(body=b"finally")

    srv.route("/flaky", handler=flaky)
    [r] = fetch_many([srv.url("/flaky")], timeout=0.5, retries=2, backoff=0.01)
    assert r.ok and r.content == b"finally" and len(calls) == 3
    calls.clear()
    [r] = fetch_many([srv.url("/flaky")], timeout=0.5, retries=1, backoff=0.01)
    assert r.error == "HTTP 503 Service Unavailable" and len(calls) == 2


def test_per_host_limit_and_order(srv):
    for i in range(6):
        srv.route(f"/p{i}", body=str(i).encode(), delay=0.15)
    urls = [srv.url(f"/p{i}") for i in range(6)]
    seen = []
    results = fetch_many(urls, per_host=2, on_progress=lambda d, t, u: seen.append((d, t)), **FAST)
    assert [r.content for r in results] == [str(i).encode() for i in range(6)]
    assert srv.max_active <= 2
    assert seen[-1] == (6, 6) and len(seen) == 6


def test_works_inside_a_running_event_loop(srv):
    srv.route("/a", body=b"ok")

    async def main():
        return fetch_many([srv.url("/a")], **FAST)

    [r] = asyncio.run(main())
    assert r.ok


def test_unknown_option_is_an_error():
    with pytest.raises(TypeError):
        fetch_many([], per_hots=1)


def test_retry_after_is_honoured(srv):
    calls = []

    def busy(req):
        calls.append(time.monotonic())
        if len(calls) == 1:
            return Reply(status=429, headers={"Retry-After": "1"})
        return Reply(body=b"ok")

    srv.route("/busy", handler=busy)
    [r] = fetch_many([srv.url("/busy")], timeout=0.5, retries=1, backoff=0.01)
    assert r.ok and len(calls) == 2 and calls[1] - calls[0] >= 0.9
