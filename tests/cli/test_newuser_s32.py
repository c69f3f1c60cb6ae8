"""What a new user's run turned up (session 32): Markdown that `export --split` itself writes
read back with its front matter as title and body; a JSON Lines ``body`` of HTML losing its
lead; a man page named by `man -w` refused as mere "binary data"; a tag with a comma that the
app's tag editor would silently part in two."""

from __future__ import annotations

import gzip
import json

from tests.cli.conftest import article_ids


def test_an_exported_markdown_file_reads_back_with_its_title(cli, ws, tmp_path):
    aid = article_ids(cli, ws)[0]
    assert cli("-w", ws, "tag", aid, "japan").code == 0
    out = tmp_path / "split"
    r = cli("-w", ws, "export", "--format", "md", "--split", "-o", out)
    assert r.code == 0, r.err
    (path,) = out.glob("*.md")
    shown = json.loads(cli("-w", ws, "show", "--json", aid).out)
    r = cli("clean", "--json", path)
    got = json.loads(r.out)
    assert got["title"] == shown["title"], got["title"]  # was "--- id: ... title: ..."
    assert got["date"] == shown["date"] and "---" not in got["body"], got["body"]
    # Wiredesk's own keys are named on standard error, not in the body (session 33)
    assert "Front matter not used" not in got["body"] and "story_id" not in got["body"]
    assert f"origin: {shown['origin']}" in r.err and "tags: japan" in r.err, r.err


def test_a_records_html_body_keeps_the_text_before_its_first_paragraph(cli, tmp_path):
    path = tmp_path / "cms.jsonl"
    body = ("The mayor said <b>no</b> to the plan on Monday evening. <p>The museum reopens "
            "next week in the city, its director said.</p>")
    path.write_text(json.dumps({"title": "Mayor", "body": body}) + "\n", encoding="utf-8")
    r = cli("clean", "--json", path)
    assert r.code == 0, r.err
    got = json.loads(r.out)["body"]
    assert got.startswith("The mayor said no to the plan on Monday evening."), got
    assert "The museum reopens next week" in got


def test_a_gzipped_man_page_is_named_with_how_to_read_it(cli, tmp_path):
    path = tmp_path / "ls.1.gz"
    path.write_bytes(gzip.compress(b'.TH LS "1"\n.SH NAME\nls \\- list directory contents\n'))
    r = cli("clean", path)
    assert r.code == 1
    assert "gzip-compressed data, not text: zcat FILE | wiredesk ingest -" in r.err, r.err
    assert "(a man page: man -l FILE | wiredesk ingest -)" in r.err, r.err
    feed = tmp_path / "feed.xml.gz"  # not a man page: only the general way
    feed.write_bytes(gzip.compress(b"<rss version='2.0'><channel></channel></rss>"))
    r = cli("clean", feed)
    assert r.code == 1 and "zcat FILE | wiredesk ingest -" in r.err and "man -l" not in r.err


def test_a_tag_with_a_comma_is_refused_and_nothing_changes(cli, ws):
    aid = article_ids(cli, ws)[0]
    r = cli("-w", ws, "tag", aid, "ok", "japan,canada")
    assert r.code == 1 and "cannot hold a comma" in r.err and "'japan,canada'" in r.err
    assert json.loads(cli("-w", ws, "show", "--json", aid).out)["tags"] == []
    assert cli("-w", ws, "tag", aid, "japan", "canada").code == 0
    assert cli("-w", ws, "untag", aid, "japan,canada").code == 0  # removing: no harm
