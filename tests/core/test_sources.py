"""Subscriptions (feeds.toml, OPML), refresh, and failures reported by URL with a reason."""

from __future__ import annotations

import tomllib

import pytest
from helpers.httpserver import LocalServer, Reply, words

from tui.core.sources import (
    OpmlError,
    Subscriptions,
    SubscriptionsError,
    refresh,
    resolve_sources,
)

FAST = {"timeout": 0.5, "retries": 0, "backoff": 0.01}


def rss(title: str, items: list[tuple[str, str, str]]) -> bytes:
    body = "".join(
        f"<item><title>{t}</title><link>{link}</link><description>{d}</description></item>"
        for t, link, d in items
    )
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
            f"{body}</channel></rss>").encode()


class FakeIngest:
    """Stands in for the workspace: new origins are added, changed content makes a version."""

    def __init__(self) -> None:
        self.seen: dict[str, str] = {}
        self.calls = 0

    def __call__(self, docs):
        self.calls += 1
        report = {"added": [], "updated": [], "skipped": []}
        for doc in docs:
            old = self.seen.get(doc.origin)
            key = "added" if old is None else "skipped" if old == doc.content else "updated"
            report[key].append(doc.origin)
            self.seen[doc.origin] = doc.content
        return report


@pytest.fixture
def srv():
    with LocalServer() as server:
        yield server


# --- subscriptions and OPML ---------------------------------------------------------------

def test_add_remove_list_roundtrip(tmp_path):
    subs = Subscriptions.load(tmp_path)
    assert subs.list() == []
    assert subs.add("  HTTPS://News.Test/feed.xml ", "News")
    assert not subs.add("https://news.test/feed.xml")
    assert subs.add("http://other.test/rss")
    subs.save()
    text = (tmp_path / "feeds.toml").read_text()
    assert text.startswith("# Wiredesk subscriptions")
    data = tomllib.loads(text)
    assert data["schema"] == 1 and [f["url"] for f in data["feed"]] == [
        "https://news.test/feed.xml", "http://other.test/rss"]
    again = Subscriptions.load(tmp_path)
    assert again.to_toml() == text  # deterministic
    assert again.get("https://news.test/feed.xml").title == "News"
    assert again.remove("https://news.test/feed.xml") and not again.remove("https://nope.test/")
    assert [s.url for s in again.list()] == ["http://other.test/rss"]


@pytest.mark.parametrize("bad", ["ftp://x/y", "news.test/feed", "", "file:///etc/passwd"])
def test_non_http_urls_are_refused(tmp_path, bad):
    with pytest.raises(SubscriptionsError):
        Subscriptions.load(tmp_path).add(bad)


def test_damaged_feeds_toml_names_file_and_line(tmp_path):
    (tmp_path / "feeds.toml").write_text('schema = 1\n\n[[feed]]\nurl = "http://a\n')
    with pytest.raises(SubscriptionsError, match=r"feeds\.toml.*line 4"):
        Subscriptions.load(tmp_path)


def test_opml_import_export_roundtrip(tmp_path):
    opml = """<?xml version="1.0" encoding="UTF-8"?>
    <opml version="1.0"><head><title>Reader</title></head><body>
      <outline text="Folder">
        <outline text="A &amp; B" type="rss" xmlUrl="http://a.test/feed?x=1&amp;y=2"/>
        <outline title="Second" xmlurl="https://b.test/atom"/>
      </outline>
      <outline text="no feed here" htmlUrl="http://c.test/"/>
      <outline text="bad" xmlUrl="javascript:alert(1)"/>
    </body></opml>"""
    subs = Subscriptions.load(tmp_path)
    assert subs.import_opml(opml) == ["http://a.test/feed?x=1&y=2", "https://b.test/atom"]
    assert subs.import_opml(opml) == []  # already there
    out = subs.export_opml()
    assert '<opml version="2.0">' in out and "x=1&amp;y=2" in out and 'text="A &amp; B"' in out
    other = Subscriptions.load(tmp_path / "other")
    assert other.import_opml(out) == ["http://a.test/feed?x=1&y=2", "https://b.test/atom"]
    assert other.get("http://a.test/feed?x=1&y=2").title == "A & B"


def test_opml_with_bare_ampersands_is_read(tmp_path):
    opml = '<opml version="1.1"><body><outline text="Q & A" xmlUrl="http://q.test/?a=1&b=2"/>'
    subs = Subscriptions.load(tmp_path)
    assert subs.import_opml(opml + "</body></opml>") == ["http://q.test/?a=1&b=2"]
    assert subs.get("http://q.test/?a=1&b=2").title == "Q & A"


@pytest.mark.parametrize("text", ["<html><body/></html>", "not xml at all <", ""])
def test_bad_opml_is_an_error(tmp_path, text):
    with pytest.raises(OpmlError):
        Subscriptions.load(tmp_path).import_opml(text)


# --- resolving URLs for ingest ------------------------------------------------------------

def test_bad_sources_are_reported_and_others_carry_on(srv):
    srv.route("/page", body=b"<html><body><p>fine</p></body></html>")
    srv.route("/broken", body=b'<?xml version="1.0"?><rss version="2.0"><channel><item><ti',
              content_type="application/rss+xml")
    srv.route("/pdf", body=b"%PDF-1.4", content_type="application/pdf")
    srv.route("/bin", body=b"\x00\x01\x02" * 100, content_type="text/plain")
    srv.route("/xml", body=b'<?xml version="1.0"?><config><a/></config>',
              content_type="application/xml")
    srv.route("/loop", status=302, headers={"Location": "/loop"})
    srv.route("/slow", body=b"late", delay=3.0)
    srv.route("/empty", body=b"")
    names = ["page", "missing", "broken", "pdf", "bin", "xml", "loop", "slow", "empty"]
    docs, failures = resolve_sources([srv.url("/" + n) for n in names], **FAST)
    assert [d.origin for d in docs] == [srv.url("/page")]
    reasons = {url.rsplit("/", 1)[1]: why for url, why in failures}
    assert set(reasons) == set(names) - {"page"}
    assert reasons["missing"] == "HTTP 404 Not Found"
    assert reasons["broken"].startswith("broken feed")
    assert reasons["pdf"] == "not a web page or feed (content type application/pdf)"
    assert reasons["bin"].startswith("not a web page or feed")
    assert reasons["xml"].startswith("not a web page or feed")
    assert reasons["loop"].startswith("redirect loop")
    assert reasons["slow"].startswith("timed out")
    assert reasons["empty"] == "empty response"


def test_changed_page_comes_back_with_new_content(srv):
    state = {"n": 0}

    def page(_req):
        state["n"] += 1
        return Reply(body=f"<html><body><p>Edition {state['n']}</p></body></html>".encode())

    srv.route("/article", handler=page)
    ingest = FakeIngest()
    for _ in range(2):
        docs, _ = resolve_sources([srv.url("/article")], **FAST)
        summary = ingest(docs)
    assert summary["updated"] == [srv.url("/article")]  # same origin, new text: a version


# --- refresh ------------------------------------------------------------------------------

def _subscribe(root, *urls):
    subs = Subscriptions.load(root)
    for url in urls:
        subs.add(url)
    subs.save()


def test_refresh_new_unchanged_updated_failed(srv, tmp_path):
    base = srv.base
    long_a = words(100, "a")
    feed_v1 = rss("Wire", [("A", f"{base}/a", long_a), ("B", f"{base}/b", "teaser b")])
    srv.route("/b", body=b"<html><body><p>page b v1</p></body></html>")
    versions = {"etag": '"v1"', "body": feed_v1}
    srv.route("/feed", handler=lambda _r: Reply(body=versions["body"], etag=versions["etag"],
                                                content_type="application/rss+xml"))
    srv.route("/page", body=b"<html><head><link rel='alternate' type='application/rss+xml' "
                            b"href='/feed'></head><body><p>x</p></body></html>")
    _subscribe(tmp_path, f"{base}/feed", f"{base}/dead", f"{base}/page")
    ingest = FakeIngest()
    progress = []

    report = refresh(tmp_path, ingest, lambda d, t, u: progress.append((d, t)), **FAST)
    ok, dead, page = report.feeds
    assert (ok.status, ok.title, ok.items, ok.new, ok.updated) == ("ok", "Wire", 2, 2, 0)
    assert ingest.seen[f"{base}/b"].endswith("page b v1</p></body></html>")
    assert dead.status == "failed" and dead.error == "HTTP 404 Not Found"
    assert page.status == "failed"
    assert page.error == f"a web page, not a feed (its feed is {base}/feed)"
    assert progress and progress[0][1] == 3
    stored = Subscriptions.load(tmp_path)
    feed = stored.get(f"{base}/feed")
    assert (feed.validator.etag, feed.last_status, feed.title) == ('"v1"', "ok", "Wire")
    assert feed.last_checked and feed.last_error is None
    assert stored.get(f"{base}/dead").last_error == "HTTP 404 Not Found"

    report = refresh(tmp_path, ingest, **FAST)  # nothing changed: a 304
    assert report.feeds[0].status == "unchanged" and ingest.calls == 1
    assert srv.hits("/feed")[-1].headers["if-none-match"] == '"v1"'

    srv.route("/b", body=b"<html><body><p>page b v2, corrected</p></body></html>")
    versions.update(etag='"v2"', body=feed_v1.replace(b"teaser b", b"teaser b, corrected"))
    report = refresh(tmp_path, ingest, **FAST)
    assert (report.feeds[0].new, report.feeds[0].updated, report.feeds[0].known) == (0, 1, 1)
    assert Subscriptions.load(tmp_path).get(f"{base}/feed").validator.etag == '"v2"'
    assert report.totals()["failed"] == 2 and report.lines()[-1].startswith("3 feeds:")


def test_failed_ingest_keeps_old_validators(srv, tmp_path):
    srv.route("/feed", body=rss("W", [("A", f"{srv.base}/a", words(90))]), etag='"new"')
    _subscribe(tmp_path, srv.url("/feed"))

    def boom(_docs):
        raise RuntimeError("disk full")

    [outcome] = refresh(tmp_path, boom, **FAST).feeds
    assert outcome.status == "failed" and outcome.error == "ingest failed: disk full"
    assert Subscriptions.load(tmp_path).get(srv.url("/feed")).validator.etag is None


def test_refresh_with_no_subscriptions(tmp_path):
    report = refresh(tmp_path, FakeIngest(), **FAST)
    assert report.feeds == [] and report.totals()["feeds"] == 0


def test_unchanged_entries_are_not_fetched_again(srv, tmp_path):
    base = srv.base
    entries = [("One", f"{base}/p1", "teaser one"), ("Two", f"{base}/p2", "teaser two")]
    feed = {"body": rss("W", entries), "etag": '"1"'}
    srv.route("/feed", handler=lambda _r: Reply(body=feed["body"], etag=feed["etag"]))
    for name in ("p1", "p2", "p3"):
        srv.route(f"/{name}", body=f"<html><body><p>page {name}</p></body></html>".encode())
    _subscribe(tmp_path, srv.url("/feed"))
    ingest = FakeIngest()
    refresh(tmp_path, ingest, **FAST)
    feed.update(body=rss("W", [*entries, ("Three", f"{base}/p3", "teaser three")]), etag='"2"')
    [outcome] = refresh(tmp_path, ingest, **FAST).feeds
    assert (outcome.items, outcome.new, outcome.known) == (3, 1, 2)
    assert [len(srv.hits(f"/p{i}")) for i in (1, 2, 3)] == [1, 1, 1]
    [outcome] = refresh(tmp_path, ingest, full=True, **FAST).feeds  # everything again
    assert outcome.status == "ok" and (outcome.new, outcome.known) == (0, 3)
    assert [len(srv.hits(f"/p{i}")) for i in (1, 2, 3)] == [2, 2, 2]
    assert "if-none-match" not in srv.hits("/feed")[-1].headers
