"""A feed item whose date cannot be taken (unreadable, or out of range) is named with the date
as written in the ingest report: the item is kept, its date is not (never a silent loss)."""

from __future__ import annotations

import json
from pathlib import Path

from tui.core import ingest_feed
from tui.core.cleaning import clean_doc
from tui.core.ingest import collect
from tui.core.sources import feeds

TEXT = "The council approved the budget on Monday after a long debate about schools and roads."
RSS = "\n".join(
    [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<rss version="2.0"><channel><title>Wire</title><link>http://w.test/</link>',
        "<item><title>One</title><link>http://w.test/1</link>",
        f"<pubDate>Blursday, the 45th</pubDate><description>{TEXT}</description></item>",
        "<item><title>Two</title><link>http://w.test/2</link>",
        f"<pubDate>Mon, 01 Jan 2100 10:00:00 GMT</pubDate><description>{TEXT} Two.</description>",
        "</item><item><title>Three</title><link>http://w.test/3</link>",
        f"<pubDate>Tue, 11 Oct 2022 09:00:00 +0900</pubDate><description>{TEXT} 3.</description>",
        "</item></channel></rss>",
    ]
)


def _json_feed(dates: list[str]) -> str:
    items = [
        {
            "id": str(n),
            "url": f"http://j.test/{n}",
            "title": f"T{n}",
            "content_text": f"{TEXT} {n}.",
            "date_published": d,
        }
        for n, d in enumerate(dates)
    ]
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": items})


def test_feed_items_whose_date_is_not_taken_are_named_with_the_date_as_written(
    tmp_path: Path,
) -> None:
    path = tmp_path / "wire.xml"
    path.write_text(RSS, encoding="utf-8")
    got = collect([str(path)])
    assert len(got.docs) == 3 and not got.failures  # every item kept
    assert [clean_doc(d).date for d in got.docs] == [None, None, "2022-10-11T09:00:00+09:00"]
    [(name, warning)] = got.warnings
    assert name == str(path)
    assert warning.startswith("2 items with a date that cannot be read")
    assert "item 1: 'Blursday, the 45th'" in warning
    assert "item 2: 'Mon, 01 Jan 2100 10:00:00 GMT'" in warning
    assert "item 3" not in warning


def test_json_feed_dates_are_named_too(tmp_path: Path) -> None:
    path = tmp_path / "feed.json"
    path.write_text(_json_feed(["2100-05-01T00:00:00Z", "yesterday", "2022-10-11"]), "utf-8")
    got = collect([str(path)])
    [(_, warning)] = got.warnings
    assert "item 1: '2100-05-01T00:00:00Z'" in warning and "item 2: 'yesterday'" in warning
    assert "item 3" not in warning


def test_a_feed_whose_dates_all_read_says_nothing(tmp_path: Path) -> None:
    path = tmp_path / "feed.json"
    path.write_text(_json_feed(["2022-10-11", "Tue, 11 Oct 2022 09:00:00 +0900", ""]), "utf-8")
    got = collect([str(path)])
    assert len(got.docs) == 3 and got.warnings == []
    assert all(feeds.DATE_RAW not in d.hints for d in got.docs)  # (the entries' hints unchanged)


def test_many_undated_items_are_counted_beyond_the_named_ones(tmp_path: Path) -> None:
    path = tmp_path / "feed.json"
    path.write_text(_json_feed(["never"] * (ingest_feed.NAMED + 3)), "utf-8")
    [(_, warning)] = collect([str(path)]).warnings
    assert warning.startswith(f"{ingest_feed.NAMED + 3} items") and warning.endswith(
        "; and 3 more)"
    )


def test_the_hint_is_named_alike_in_the_sources_and_ingest() -> None:
    assert feeds.DATE_RAW == ingest_feed.DATE_RAW


def test_refresh_and_ingest_of_a_feed_url_name_them_too(tmp_path: Path, capsys) -> None:
    from helpers.httpserver import LocalServer, Reply

    from tui.cli import main

    with LocalServer() as srv:
        body = RSS.encode("utf-8")
        srv.route("/feed", handler=lambda _r: Reply(body=body, content_type="application/rss+xml"))
        ws = str(tmp_path / "ws")
        assert main(["-w", ws, "feeds", "add", srv.url("/feed")]) == 0
        capsys.readouterr()
        assert main(["-w", ws, "refresh"]) == 0
        out = capsys.readouterr().out
        assert "2 items with a date that cannot be read" in out
        assert "http://w.test/1: 'Blursday, the 45th'" in out
        assert "http://w.test/2: 'Mon, 01 Jan 2100 10:00:00 GMT'" in out
        assert main(["-w", str(tmp_path / "other"), "ingest", srv.url("/feed")]) == 0
        err = capsys.readouterr().err
        assert "wiredesk: warning: http://w.test/1: feed item with a date" in err
        assert "('Blursday, the 45th')" in err and "http://w.test/3" not in err


def test_a_json_feed_date_that_is_no_string_is_named_too(tmp_path: Path) -> None:
    """``"date_published": 1665478800`` (a number), or an object: named as JSON writes it."""
    feed = json.loads(_json_feed(["x", "y", "2022-10-11", "z"]))
    feed["items"][0]["date_published"] = 1665478800
    feed["items"][1]["date_published"] = {"year": 2022}
    feed["items"][3]["date_published"] = None  # (no date written: nothing to name)
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(feed), "utf-8")
    got = collect([str(path)])
    assert len(got.docs) == 4
    [(_, warning)] = got.warnings
    assert warning.startswith("2 items with a date")
    assert "item 1: '1665478800'" in warning and """item 2: '{"year": 2022}'""" in warning
