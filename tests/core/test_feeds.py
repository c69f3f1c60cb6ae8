"""Feeds of every dialect: detection from content, items -> documents, teaser pages fetched."""

from __future__ import annotations

import json

import pytest
from helpers.httpserver import LocalServer, words

from tui.core.sources import FeedError, looks_like_feed, parse_feed_file, resolve_sources
from tui.core.sources.feeds import iso_date, parse_feed

LONG = words(120, "long")
SHORT = "A short teaser of the story."

RSS091 = f"""<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
 "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Old Wire</title><link>http://news.test/</link>
<description>d</description><language>en</language>
<item><title>Caf\xe9 opens</title><link>http://news.test/cafe</link>
<description>{LONG} caf\xe9</description></item></channel></rss>""".encode("latin-1")

RSS20 = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Daily &amp; Wire</title><link>http://news.test/</link><description>x</description>
<item><title>Full story</title><link>http://news.test/full</link><guid>full-1</guid>
<description>{SHORT}</description>
<content:encoded><![CDATA[<p>{LONG}</p><p>Second paragraph.</p>]]></content:encoded>
<pubDate>Tue, 11 Oct 2022 09:00:00 +0900</pubDate><dc:creator>Jo Reporter</dc:creator></item>
<item><title>No link at all</title><guid isPermaLink="false">tag-42</guid>
<description>{LONG}</description></item>
</channel></rss>""".encode()

RSS10 = f"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
 xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://news.test/"><title>RDF Wire</title><link>http://news.test/</link>
<description>d</description><items><rdf:Seq><rdf:li resource="http://news.test/r1"/></rdf:Seq>
</items></channel>
<item rdf:about="http://news.test/r1"><title>R one</title><link>http://news.test/r1</link>
<description>{LONG}</description><dc:date>2022-10-11T09:00:00+09:00</dc:date>
<dc:creator>Ann Writer</dc:creator></item></rdf:RDF>""".encode()

RSS090 = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
 xmlns="http://my.netscape.com/rdf/simple/0.9/">
<channel><title>Ninety</title><link>http://news.test/</link><description>d</description></channel>
<item><title>Ninety one</title><link>http://news.test/n1</link></item></rdf:RDF>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
<link href="http://news.test/"/><updated>2022-10-11T00:00:00Z</updated><id>urn:feed</id>
<author><name>Desk</name></author>
<entry><title type="html">Atom &lt;em&gt;story&lt;/em&gt;</title>
<link rel="alternate" href="http://news.test/atom1"/><id>urn:a1</id>
<published>2022-10-11T09:30:00+02:00</published><updated>2022-10-12T00:00:00Z</updated>
<summary>{SHORT}</summary><content type="html">&lt;p&gt;{LONG}&lt;/p&gt;</content></entry>
</feed>""".encode()

JSONFEED = json.dumps({
    "version": "https://jsonfeed.org/version/1.1", "title": "Json Wire",
    "home_page_url": "http://news.test/", "authors": [{"name": "Feed Desk"}],
    "items": [
        {"id": "j1", "url": "http://news.test/j1", "title": "Json one",
         "content_html": f"<p>{LONG}</p>", "summary": SHORT,
         "date_published": "2022-10-11T09:00:00-04:00", "authors": [{"name": "Kim"}]},
        {"id": "j2", "title": "Json two", "content_text": LONG},
    ],
}).encode()

DIALECTS = {"rss091": RSS091, "rss20": RSS20, "rss10": RSS10, "rss090": RSS090, "atom": ATOM,
            "json": JSONFEED}


@pytest.mark.parametrize("name", sorted(DIALECTS))
def test_every_dialect_is_detected_from_content(name):
    assert looks_like_feed(DIALECTS[name])
    assert looks_like_feed(DIALECTS[name].decode("latin-1"))


@pytest.mark.parametrize("text", [
    b"<!doctype html><html><body><p>page</p></body></html>",
    b"Just some plain text about rss and feeds.",
    b'<?xml version="1.0"?><note><to>x</to></note>',
    b'{"version": 2, "items": []}',
    b"<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'></rdf:RDF>",
    b"\x89PNG\r\n\x1a\n\x00\x00",
    b"",
])
def test_non_feeds_are_not_feeds(text):
    assert not looks_like_feed(text)


def test_rss20_items_and_hints():
    docs, _ = parse_feed_file(RSS20, origin="http://news.test/feed")
    full, nolink = docs
    assert full.origin == "http://news.test/full" and full.kind == "html"
    assert "Second paragraph" in full.content
    assert full.hints == {
        "title": "Full story", "date": "2022-10-11T09:00:00+09:00", "author": "Jo Reporter",
        "source": "Daily & Wire", "summary": SHORT, "url": "http://news.test/full",
        "feed": "http://news.test/feed",
    }
    assert nolink.origin.startswith("http://news.test/feed#") and "tag-42" in nolink.origin
    assert nolink.kind == "text" and "summary" not in nolink.hints


def test_rss091_legacy_encoding():
    [doc], _ = parse_feed_file(RSS091, origin="f")
    assert doc.hints["title"] == "Café opens" and doc.content.endswith("café")
    assert doc.hints["source"] == "Old Wire"


def test_rdf_dialects():
    [r1], _ = parse_feed_file(RSS10, origin="f")
    assert r1.origin == "http://news.test/r1" and r1.hints["author"] == "Ann Writer"
    assert r1.hints["date"] == "2022-10-11T09:00:00+09:00" and r1.hints["source"] == "RDF Wire"
    [n1], _ = parse_feed_file(RSS090, origin="f")
    assert n1.origin == "http://news.test/n1" and n1.hints["title"] == "Ninety one"


def test_atom_entry():
    [doc], _ = parse_feed_file(ATOM, origin="f")
    assert doc.hints["title"] == "Atom story"  # markup in a title is dropped
    assert doc.hints["date"] == "2022-10-11T09:30:00+02:00"
    assert doc.hints["author"] == "Desk" and doc.kind == "html" and LONG in doc.content
    assert doc.hints["summary"] == SHORT


def test_json_feed():
    (one, two), _ = parse_feed_file(JSONFEED, origin="http://news.test/feed.json")
    assert one.origin == "http://news.test/j1" and one.kind == "html"
    assert one.hints["author"] == "Kim" and one.hints["date"] == "2022-10-11T09:00:00-04:00"
    assert two.origin == "http://news.test/feed.json#j2" and two.kind == "text"
    assert two.hints["author"] == "Feed Desk"


def test_feed_file_on_disk(tmp_path):
    path = tmp_path / "wire.dat"
    path.write_bytes(ATOM)
    [doc], failures = parse_feed_file(path)
    assert doc.hints["feed"] == str(path) and failures == []
    assert parse_feed_file(tmp_path / "missing.xml") == (
        [], [(str(tmp_path / "missing.xml"), "No such file or directory")])
    bad = tmp_path / "bad.rss"
    bad.write_bytes(b"<rss><channel><item><title>")
    docs, [(name, reason)] = parse_feed_file(bad)
    assert docs == [] and name == str(bad) and reason.startswith("broken feed")


@pytest.mark.parametrize("data", [
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>',
    b'{"version": "https://jsonfeed.org/version/1", "items": 3}',
    b"<html><body>nope</body></html>",
])
def test_broken_feeds_raise(data):
    with pytest.raises(FeedError):
        parse_feed(data, "http://x/feed")


def test_teasers_ask_for_their_page():
    rss = RSS20.replace(b"<p>Second paragraph.</p>", b"").replace(LONG.encode(), b"short")
    feed = parse_feed(rss, "http://news.test/feed")
    assert feed.items[0].page_url == "http://news.test/full"
    assert feed.items[1].page_url is None  # no link: nothing to fetch


@pytest.mark.parametrize("raw,iso", [
    ("Tue, 11 Oct 2022 09:00:00 GMT", "2022-10-11T09:00:00+00:00"),
    ("2022-10-11T09:00:00Z", "2022-10-11T09:00:00+00:00"),
    ("2022-10-11", "2022-10-11"),
    ("not a date", None),
    ("", None),
])
def test_iso_date(raw, iso):
    assert iso_date(raw) == iso


def _teaser_rss(base: str) -> bytes:
    items = "".join(
        f"<item><title>Story {i}</title><link>{base}/story{i}</link>"
        f"<description>Teaser {i}.</description><author>a{i}@x (Au {i})</author>"
        f"<pubDate>Tue, 11 Oct 2022 0{i}:00:00 GMT</pubDate></item>"
        for i in range(3)
    )
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Teasers</title>'
            f"{items}</channel></rss>").encode()


def test_served_feeds_of_each_dialect_by_content_not_type():
    with LocalServer() as srv:
        for n, (name, data) in enumerate(DIALECTS.items()):
            ctype = ("text/plain", "application/octet-stream", "text/html", None)[n % 4]
            srv.route(f"/{name}.php", body=data, content_type=ctype)
        srv.route("/page", body=b"<html><body><p>A page.</p></body></html>")
        urls = [srv.url(f"/{n}.php") for n in DIALECTS] + [srv.url("/page")]
        docs, failures = resolve_sources(urls, fetch_pages=False, timeout=0.5, retries=0)
    assert failures == []
    sources = {d.hints.get("source") for d in docs}
    assert {"Old Wire", "Daily & Wire", "RDF Wire", "Ninety", "Atom Wire", "Json Wire"} <= sources
    page = docs[-1]
    assert page.kind == "html" and page.origin.endswith("/page") and page.hints == {}


def test_teaser_pages_are_fetched_and_keep_feed_hints():
    with LocalServer() as srv:
        srv.route("/feed", body=_teaser_rss(srv.base), content_type="application/rss+xml")
        srv.route("/story0", body=f"<html><body><p>{LONG}</p></body></html>".encode())
        srv.route("/story1", status=301, headers={"Location": "/story1b"})
        srv.route("/story1b", body=b"<html><body><p>Moved story.</p></body></html>")
        # /story2 is a dead link: the teaser stays
        docs, failures = resolve_sources([srv.url("/feed")], timeout=0.5, retries=0)
    assert failures == []
    s0, s1, s2 = docs
    assert s0.kind == "html" and LONG in s0.content and s0.hints["title"] == "Story 0"
    assert s0.hints["source"] == "Teasers" and s0.hints["summary"] == "Teaser 0."
    assert s0.hints["date"] == "2022-10-11T00:00:00+00:00"
    assert s1.origin == srv.url("/story1") and s1.hints["url"] == srv.url("/story1b")
    assert s2.content == "Teaser 2." and s2.kind == "text"


def test_entries_sharing_one_link_keep_their_own_origins():
    items = "".join(
        f"<item><title>Brief {i}</title><link>http://news.test/</link>"
        f'<guid isPermaLink="false">b{i}</guid>'
        f"<description>Brief number {i}.</description></item>" for i in range(2))
    data = (f'<rss version="2.0"><channel><title>B</title><language>en-GB</language>{items}'
            f"</channel></rss>").encode()
    feed = parse_feed(data, "http://news.test/feed")
    assert [i.doc.origin for i in feed.items] == ["http://news.test/#b0", "http://news.test/#b1"]
    assert [i.page_url for i in feed.items] == [None, None]  # the home page is no article
    assert feed.items[0].doc.hints["lang"] == "en"


def test_html_entries_become_small_pages():
    [doc], _ = parse_feed_file(ATOM, origin="f")
    assert doc.content.startswith("<!DOCTYPE html>") and "<article>" in doc.content
    assert "<title>Atom story</title>" in doc.content


def test_author_names():
    items = ("<item><title>a</title><author>jo@x.test (Jo Smith)</author></item>"
             "<item><title>b</title><author>only@x.test</author></item>")
    data = (f'<rss version="2.0"><channel><title>T</title>'
            f"<managingEditor>ed@x.test (Ed)</managingEditor>{items}</channel></rss>").encode()
    a, b = parse_feed(data, "http://x.test/f").items
    assert a.doc.hints["author"] == "Jo Smith" and "author" not in b.doc.hints


@pytest.mark.parametrize(
    ("written", "date"),
    [
        ("0000-00-00 00:00:00", None),  # a database's "no date": feedparser makes it year -1
        ("2022-13-45", None),  # feedparser rolls it over to 2023-01-01
        ("2022-02-30", None),
        ("2022-10-11T25:61:00Z", None),
        ("99-10-11", None),  # feedparser: 2099
        ("10 Oct 2022", "2022-10-10"),  # what only feedparser reads is still read
    ],
)
def test_feed_dates_are_never_invented(written, date):
    rss = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>One</title><link>http://news.test/1</link><pubDate>{written}</pubDate>
<description>{LONG}</description></item></channel></rss>""".encode()
    (item,) = parse_feed(rss, "http://news.test/feed").items
    assert item.doc.hints.get("date") == date


def _feed_file(tmp_path, name: str, text: str) -> list:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    docs, failures = parse_feed_file(path)
    assert failures == []
    return docs


REL_RSS = (
    '<rss version="2.0"><channel><title>R</title><link>https://example.org/news/</link>'
    "<item><title>One</title><link>/x/y.html</link><guid>g1</guid>"
    "<description>One.</description></item>"
    "<item><title>Two</title><link>z.html</link><guid isPermaLink='false'>g2</guid>"
    "<description>Two.</description></item></channel></rss>"
)


def test_feed_origins_stay_what_workspaces_already_hold(tmp_path):
    """An origin is an article's identity: these are the origins the code made before session
    31 (its quirks too: an RSS guid read against the file's folder). Changing any of them makes
    a feed ingested again into an old workspace add its articles a second time."""
    where = str(tmp_path)
    docs = _feed_file(tmp_path, "rel.rss", REL_RSS)
    assert [d.origin for d in docs] == [f"{where}/rel.rss#{where}/g1", f"{where}/rel.rss#g2"]
    perma = REL_RSS.replace("<link>/x/y.html</link>", "").replace("<link>z.html</link>", "")
    assert [d.origin for d in _feed_file(tmp_path, "p.rss", perma)] == [
        f"{where}/p.rss#{where}/g1",
        f"{where}/p.rss#g2",
    ]
    # One entry written twice is one article; two Atom entries with one id are its versions.
    items = REL_RSS[REL_RSS.index("<item>") : REL_RSS.index("</channel>")]
    twice = REL_RSS.replace("</channel>", items + "</channel>")
    assert [d.origin for d in _feed_file(tmp_path, "t.rss", twice)] == [
        f"{where}/t.rss#{where}/g1",
        f"{where}/t.rss#g2",
    ] * 2
    atom = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>D</title><id>urn:d</id>'
        "<entry><title>A</title><id>urn:same</id><content>Apples.</content></entry>"
        "<entry><title>B</title><id>urn:same</id><content>Boats.</content></entry></feed>"
    )
    docs = _feed_file(tmp_path, "d.atom", atom)
    assert [d.origin for d in docs] == [f"{where}/d.atom#urn:same"] * 2
    # A JSON Feed's links resolve against its feed_url first, then the address it came from.
    jf = {
        "version": "https://jsonfeed.org/version/1.1",
        "feed_url": "https://cdn.example/feeds/main.json",
        "items": [{"id": "1", "url": "posts/one.html", "content_text": "One."}],
    }
    (item,) = parse_feed(json.dumps(jf), "https://www.example/feed.json").items
    assert item.doc.origin == "https://cdn.example/feeds/posts/one.html"


@pytest.mark.parametrize("written, name", [
    ("jo@cafe.example (Jo Bloggs)", "Jo Bloggs"),  # feedparser alone gives "ple (Jo Bloggs"
    ("jo@cafe.com (Jo Bloggs)", "Jo Bloggs"),
    ("jo@cafe.example", None),  # a bare address names nobody (feedparser alone: "ple")
    ("Jo Bloggs", "Jo Bloggs"),
])
def test_rss_author_with_a_long_tld_address(written, name):
    data = (f'<rss version="2.0"><channel><title>T</title><item><title>x</title>'
            f"<link>http://a.test/1</link><author>{written}</author><description>d</description>"
            f"</item></channel></rss>").encode()
    assert parse_feed(data, "http://a.test/f").items[0].doc.hints.get("author") == name


def test_plain_text_titles_keep_what_reads_like_a_tag():
    """A plain-text title ("std::vector&lt;int&gt;", an Atom type="text" title) was parsed
    as HTML and lost "<int>"; an HTML title still loses its tags, and an item with neither
    link nor id keeps the origin it had (made from the title read the old way)."""
    data = (b'<rss version="2.0"><channel><title>Dev &lt;news&gt;</title>'
            b"<item><title>Using std::vector&lt;int&gt; in C++</title>"
            b"<link>http://a.test/1</link><description>d</description></item>"
            b"<item><title><![CDATA[Council approves <b>new</b> budget]]></title>"
            b"<link>http://a.test/2</link><description>d</description></item>"
            b"<item><title>Fish &amp;amp; chips for x&lt;y today</title>"
            b"<description>No link, no id.</description></item></channel></rss>")
    a, b, c = parse_feed(data, "http://a.test/f").items
    assert a.doc.hints["title"] == "Using std::vector<int> in C++"
    assert a.doc.hints["source"] == "Dev <news>"
    assert b.doc.hints["title"] == "Council approves new budget"
    assert c.doc.hints["title"] == "Fish & chips for x<y today"
    assert c.doc.origin == "http://a.test/f#dbfdb5da83e2cecc"  # as the old code made it
    atom = ('<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">Le &lt;i&gt;Journal'
            '&lt;/i&gt;</title><id>urn:d</id><entry><title type="text">x &lt;not a tag&gt; y'
            "</title><id>urn:1</id><content>Text.</content></entry></feed>")
    (item,) = parse_feed(atom, "http://a.test/a").items
    assert item.doc.hints["title"] == "x <not a tag> y" and item.doc.hints["source"] == "Le Journal"


@pytest.mark.parametrize(("title", "origin"), [
    ("x &amp;lt;int&amp;gt; y", "http://a.test/f#6d76eb1b3af5e530"),
    ("Q&amp;amp;A: &amp;lt;b&amp;gt;", "http://a.test/f#84c2526907af7637"),
])
def test_an_html_title_reading_like_a_tag_keeps_the_old_fallback_origin(title, origin):
    """An item with neither link nor id is named by its title as read before plain-text titles
    kept "<...>": the decoded "x <int> y" is not parsed a second time (pinned old origins)."""
    data = (f'<rss version="2.0"><channel><title>F</title><item><title>{title}</title>'
            "<description>No link, no id.</description></item></channel></rss>").encode()
    (item,) = parse_feed(data, "http://a.test/f").items
    assert item.doc.hints["title"] in ("x <int> y", "Q&A: <b>") and item.doc.origin == origin


def test_a_json_feed_title_reading_like_a_tag_keeps_the_old_fallback_origin():
    data = json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "F", "items": [
        {"title": "Using std::vector&lt;int&gt; today", "content_text": "Body words here."}]})
    (item,) = parse_feed(data.encode(), "http://a.test/j").items
    assert item.doc.hints["title"] == "Using std::vector<int> today"
    assert item.doc.origin == "http://a.test/j#c8348a94bda9f13b"  # as the old code made it
