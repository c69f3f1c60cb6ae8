"""What a new user's run turned up (session 31): a hand-written RSS feed read by `clean` and
`ingest`: an author written ``jo@cafe.example (Jo Bloggs)`` (feedparser alone names
"ple (Jo Bloggs"), an item whose HTML breaks its paragraph after ``<i>classic</i>.``; a
feed ingested again finds the articles it has (origins never depend on an entry's position)."""

from __future__ import annotations

import json

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Caf&eacute; &amp; Bar Weekly</title>
<link>http://cafe.example/</link>
<item><title>Prices rise</title><link>/2024/prices.html</link>
<author>jo@cafe.example (Jo Bloggs)</author>
<description>Coffee now costs more.</description></item>
<item><title>Tea &amp; scones</title><link>2024/tea.html</link>
<description><![CDATA[<p>Scones &amp; jam &mdash; a <i>classic</i>. Price: &pound;2.</p>]]>
</description></item>
</channel></rss>
"""


def test_clean_reads_a_hand_written_feed_whole(cli, tmp_path):
    path = tmp_path / "cafe.rss"
    path.write_text(FEED, encoding="utf-8")
    r = cli("clean", "--json", path)
    assert r.code == 0, r.err
    prices, tea = (json.loads(line) for line in r.out.splitlines())
    assert prices["author"] == "Jo Bloggs"
    assert prices["origin"].startswith(f"{path}#")  # the origin as ever (see the last test)
    assert tea["body"] == "Scones & jam — a classic. Price: £2."


def test_ingest_again_finds_the_articles_it_has(cli, tmp_path):
    """Re-ingesting a feed file with a new item on top adds only the new item: origins do not
    depend on an entry's position, and an entry written twice in one feed is one article."""
    path = tmp_path / "cafe.rss"
    first = FEED[FEED.index("<item>") : FEED.index("</item>") + len("</item>")]
    feed = FEED.replace("</channel>", first + "\n</channel>")  # "Prices rise" twice
    path.write_text(feed, encoding="utf-8")
    r = cli("-w", tmp_path / "ws", "ingest", "--json", path)
    assert r.code == 0, r.err
    got = json.loads(r.out)
    assert (len(got["added"]), len(got["duplicates"])) == (2, 1)
    new = (
        "<item><title>Jam</title><link>/2024/jam.html</link><description>Jam.</description></item>"
    )
    path.write_text(feed.replace("<item>", new + "<item>", 1), encoding="utf-8")
    r = cli("-w", tmp_path / "ws", "ingest", "--json", path)
    assert r.code == 0, r.err
    got = json.loads(r.out)
    assert (len(got["added"]), got["updated"], len(got["duplicates"])) == (1, [], 3)
