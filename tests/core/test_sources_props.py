"""Properties: sniffing and feed parsing never crash; subscriptions and OPML round-trip."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.sources import FeedError, Subscriptions, looks_like_feed
from tui.core.sources.feeds import parse_feed
from tui.core.sources.opml import read_opml, write_opml
from tui.core.sources.sniff import kind_of

FEEDISH = st.sampled_from([
    b"", b"<rss", b"<?xml version='1.0'?><rss version='2.0'><channel>", b"<feed>",
    b'{"version": "https://jsonfeed.org/version/1", "items": [', b"<rdf:RDF>", b"<html>",
])
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
SETTINGS = settings(max_examples=80,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(FEEDISH, st.binary(max_size=200))
def test_sniff_and_parse_never_crash(prefix, tail):
    data = prefix + tail
    assert isinstance(looks_like_feed(data), bool)
    assert kind_of(data) in {"feed-xml", "feed-json", "html", "md", "text", "xml", "json",
                             "binary"}
    try:
        feed = parse_feed(data, "http://x.test/feed")
    except FeedError:
        return
    for item in feed.items:
        assert item.doc.origin and item.doc.kind in ("html", "text")


@SETTINGS
@given(st.lists(st.tuples(st.from_regex(r"https?://[a-z]{1,8}\.test/[a-z0-9?=&%]{0,12}",
                                        fullmatch=True), TEXT), max_size=5,
                                     unique_by=lambda t: t[0]))
def test_opml_roundtrip(feeds):
    back = read_opml(write_opml(feeds))
    assert [u for u, _ in back] == [u for u, _ in feeds]
    for (_, title), (_, got) in zip(feeds, back):
        cleaned = "".join(c for c in title if c.isprintable() or c in "\t\n\r")
        if cleaned.strip():
            assert got is not None


@SETTINGS
@given(TEXT, TEXT)
def test_feeds_toml_roundtrip(tmp_path_factory, title, error):
    root = tmp_path_factory.mktemp("ws")
    subs = Subscriptions.load(root)
    subs.add("http://a.test/feed", title or None)
    subs.get("http://a.test/feed").last_error = error or None
    subs.save()
    again = Subscriptions.load(root)
    assert again.to_toml() == subs.to_toml()
    assert again.get("http://a.test/feed").title == (title or None)


JSONLISH = st.sampled_from([b"", b"{", b"[", b'{"text": ', b'{"title": "t", "text": "',
                            b'{"body": ' + b"[" * 100, b"\xef\xbb\xbf", b"\x00"])


@SETTINGS
@given(st.sampled_from([".jsonl", ".rss", ".json", ".html", ".txt", ".md", ".atom"]),
       st.lists(st.tuples(JSONLISH, st.binary(max_size=60)), max_size=6))
def test_collect_never_raises_and_names_every_failure(tmp_path, ext, lines):
    """Whatever the bytes, reading a file gives documents or one-line failures naming it."""
    from tui.core.ingest import collect

    path = tmp_path / f"x{ext}"
    path.write_bytes(b"\n".join(prefix + tail for prefix, tail in lines))
    out = collect([str(path)])
    for source, reason in out.failures + out.warnings:
        assert source.startswith(str(path)) and reason and "\n" not in reason
