"""A feed file's items are named by the file and their place in it when they fail."""

from __future__ import annotations

from tui.core.ingest import collect
from tui.core.workspace import Workspace

PARA = ("Rescue teams worked through the night along the northern coast after the storm. "
        "Officials said the harbour would stay closed until the weekend. ")


def test_an_item_without_text_names_the_feed_file_and_the_item(tmp_path):
    feed = tmp_path / "news.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>'
        "<item><title>Only a title</title><link>http://x.test/1</link></item>"
        f"<item><title>Full</title><link>http://x.test/2</link><description>{PARA}"
        "</description></item></channel></rss>")
    out = collect([str(feed)])
    assert out.failures == [(f"{feed} item 1 (http://x.test/1)",
                             "no text in this feed item (only a title: 'Only a title')")]
    assert [d.origin for d in out.docs] == ["http://x.test/2"]
    assert out.docs[0].hints["where"] == f"{feed} item 2"


def test_a_failure_while_cleaning_names_the_file_and_line(tmp_path):
    """Failures found later, when a document is cleaned, still name where it came from."""
    src = tmp_path / "r.jsonl"
    src.write_text('{"html": "<html><body><script>x()</script></body></html>", '
                   '"url": "http://x.test/3"}\n')
    out = collect([str(src)])
    rep = Workspace.open(tmp_path / "ws").ingest(out.docs, failures=out.failures)
    assert rep.failed == [(f"{src}:1 (http://x.test/3)", "no article text found")]
