"""The ingest preview's count of articles (tui.desk.intake_count): regular files only, a byte
limit per file and in all, the files not counted named so, feeds counted as the ingest reads
them (session 37, the review of app37)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from tui.core.ingest import collect
from tui.desk import intake_count
from tui.desk.intake import look, look_said
from tui.desk.intake_count import Holders

ATOM = "http://www.w3.org/2005/Atom"
RSS1 = "http://purl.org/rss/1.0/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
FEEDS = {
    "rss2.rss": (
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        "<channel><title>C</title><item><title>A</title><description>a</description></item>"
        "<item><title>only a title: refused by the ingest</title></item>"
        "<item><description>&lt;item&gt; escaped, <![CDATA[<entry> <item> in CDATA]]>"
        "</description></item><item><content:encoded>x</content:encoded></item>"
        "</channel></rss>"
    ),
    "rss1.rdf": (
        f'<rdf:RDF xmlns:rdf="{RDF}" xmlns="{RSS1}"><channel rdf:about="c"><title>C</title>'
        '<items><rdf:Seq><rdf:li resource="a"/><rdf:li resource="b"/></rdf:Seq></items>'
        '</channel><item rdf:about="a"><title>A</title><link>http://x/a</link>'
        '<description>a</description></item><item rdf:about="b"><title>B</title>'
        "<description>b</description></item></rdf:RDF>"
    ),
    "undeclared.rdf": (  # (the reviewer's: a prefix never declared, `<items>`, CDATA)
        '<rdf:RDF><channel><items><rdf:Seq><rdf:li resource="a"/></rdf:Seq></items></channel>'
        '<item rdf:about="a"><title>A</title><description>&lt;itemize&gt; '
        "<![CDATA[<entry> x]]></description></item></rdf:RDF>"
    ),
    "atom.atom": (
        f'<feed xmlns="{ATOM}"><title>F</title><entry><title>A</title><id>a</id>'
        '<content type="html">&lt;p&gt;a&lt;/p&gt;</content></entry><entry><id>b</id>'
        '<link href="http://x/b"/></entry><entry><title>C</title><summary>s</summary></entry>'
        "</feed>"
    ),
    # (the final review of session 37: both were said to hold "0 articles", the ingest adds 2, 1)
    "nons.atom": (
        "<feed><title>T</title><entry><title>One</title><summary>Text one.</summary><id>a1</id>"
        "</entry><entry><title>Two</title><summary>Text two.</summary><id>a2</id></entry></feed>"
    ),
    "ns.rss": (
        '<rss version="2.0" xmlns="http://backend.userland.com/rss2"><channel><title>N</title>'
        "<item><title>Default ns item</title><description>Body.</description></item>"
        "</channel></rss>"
    ),
    "media.rss": (
        '<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>M</title>'
        "<item><title>P</title><media:description>A caption.</media:description></item>"
        "</channel></rss>"
    ),
    "mixed.atom": (  # (feedparser takes an ``item`` in a ``feed`` as an entry, as expat here)
        f'<feed xmlns="{ATOM}"><entry><summary>a</summary></entry><item><summary>b</summary>'
        "</item></feed>"
    ),
    "rss091.rss": (
        '<rss version="0.91" xmlns="http://purl.org/rss/1.0/modules/rss091#"><channel>'
        "<item><title>A</title><description>a</description></item></channel></rss>"
    ),
}
# Read otherwise by feedparser than by a count of names: "not counted", never a number.
ODD = {
    "other-ns.rss": (  # (feedparser takes a default namespace it does not know by local names)
        '<rss xmlns="http://example.org/mine"><channel><item><description>a</description>'
        "</item></channel></rss>"
    ),
    "prefixed.rss": (  # (... and a prefixed one as ``x:item``: no entry)
        '<rss xmlns:x="http://example.org/x"><channel><x:item><description>a</description>'
        "</x:item></channel></rss>"
    ),
    "upper.rss": (  # (feedparser lowers names: ``<Item>`` is an item)
        "<rss><channel><Item><description>a</description></Item></channel></rss>"
    ),
    "odd-root.atom": '<a:feed xmlns:a="http://example.org/a"><entry><summary>a</summary>'
    "</entry></a:feed>",
}
JSONL = (  # (the review's mixed.jsonl, and more: 9 lines that are not blank, 4 taken)
    '\ufeff{"title":"a","text":"one body"}\n\n   \n{"title":"b","text":"two body"}\nnot json\n'
    '{"title":"c"}\n[1]\n{"text": 3}\n{"text": "", "title": "headline"}\n'
    '{"body": " ", "html": "h"}\n{"title": "t", "text": null}\n'
)


@pytest.mark.parametrize("name", sorted(FEEDS))
def test_a_feed_is_counted_as_the_ingest_reads_it(tmp_path: Path, name: str) -> None:
    # Before: `<item`/`<entry` substrings were counted (`<items>`, escaped and CDATA text too).
    path = tmp_path / name
    path.write_text(FEEDS[name])
    held = Holders()
    held.add(path)
    assert (held.holders, held.uncounted, held.too_big) == (1, 0, 0)
    assert held.items == len(collect([str(path)]).docs) > 0


@pytest.mark.parametrize("name", sorted(ODD))
def test_a_feed_read_otherwise_by_the_ingest_is_not_counted(tmp_path: Path, name: str) -> None:
    # Before: a root or an entry in a namespace not known here was counted 0 ("0 articles").
    path = tmp_path / name
    path.write_text(ODD[name])
    held = Holders()
    held.add(path)
    assert (held.holders, held.uncounted, held.items) == (1, 1, 0)
    assert "0 article" not in look_said(look([str(path)]))


def test_json_lines_are_counted_by_the_records_the_ingest_takes(tmp_path: Path) -> None:
    # Before: lines that are not blank (6 here) were said to be articles.
    path = tmp_path / "mixed.jsonl"
    path.write_text(JSONL, encoding="utf-8")
    held = Holders()
    held.add(path)
    got = collect([str(path)])
    assert (held.items, held.uncounted) == (len(got.docs), 0), got.failures
    assert held.items == 4 and len(got.failures) == 5
    (tmp_path / "latin.jsonl").write_bytes(b'{"text": "caf\xe9"}\n')  # (not UTF-8: not counted)
    held.add(tmp_path / "latin.jsonl")
    assert (held.holders, held.uncounted, held.items) == (2, 1, 4)


def test_a_named_pipe_is_never_opened_and_is_named_not_counted(tmp_path: Path) -> None:
    # Before: read_bytes() on a FIFO waited for a writer for ever ("Looking..." for good).
    os.mkfifo(tmp_path / "pipe.rss")
    (tmp_path / "gone.rss").symlink_to(tmp_path / "nowhere.rss")
    (tmp_path / "one.jsonl").write_text('{"text": "a"}\n')
    done: list[object] = []
    thread = threading.Thread(target=lambda: done.append(look([str(tmp_path)])), daemon=True)
    thread.start()
    thread.join(60)  # (a guard against the hang, not a measure: it ends at once)
    assert done, "the look hangs on a named pipe"
    said = look_said(done[0])  # type: ignore[arg-type]
    assert "holding at least 1 article; 2 not counted" in said, said
    assert "too big" not in said, said


def test_a_link_to_a_device_is_never_read(tmp_path: Path, monkeypatch) -> None:
    # A link to /dev/zero is named, never opened (it was read with no end, all memory eaten).
    opened: list[str] = []
    real_open = os.open
    monkeypatch.setattr(os, "open", lambda p, *a: opened.append(str(p)) or real_open(p, *a))
    (tmp_path / "z.jsonl").symlink_to("/dev/null")  # (a device that is safe in a test)
    held = Holders()
    held.add(tmp_path / "z.jsonl")
    assert (held.holders, held.uncounted, held.items, opened) == (1, 1, 0, [])


def test_reads_at_most_the_limits_and_names_the_rest(tmp_path: Path, monkeypatch) -> None:
    # Files past the budget in all are "not counted", a file over the limit of one "too big";
    # no more than the limits is read.
    monkeypatch.setattr(intake_count, "FILE_BYTES", 100)
    monkeypatch.setattr(intake_count, "COUNT_BYTES", 150)
    line = '{"text": "ab"}\n'  # (a record the ingest takes: a title alone is refused)
    for n in range(3):
        (tmp_path / f"f{n}.jsonl").write_text(line * 4)  # 60 bytes each
    (tmp_path / "big.jsonl").write_text(line * 20)
    read: list[int] = []
    real_read = os.read

    def counted_read(fd: int, n: int) -> bytes:
        data = real_read(fd, n)
        read.append(len(data))
        return data

    monkeypatch.setattr(os, "read", counted_read)
    got = look([str(tmp_path)])
    assert (got.holders, got.items, got.too_big, got.uncounted) == (4, 8, 1, 1)
    assert sum(read) == 120, read  # (two files of 60 bytes; the others never read)
    said = look_said(got)
    assert ", holding at least 8 articles; 1 too big to look into, 1 not counted" in said, said


def test_a_broken_link_alone_is_not_said_too_big_nor_zero_articles(tmp_path: Path) -> None:
    (tmp_path / "one.rss").symlink_to(tmp_path / "nowhere.rss")
    said = look_said(look([str(tmp_path)]))
    assert "1 file (a feed, JSON or JSON Lines file by its name: 1 not counted)" in said, said
    assert "0 article" not in said and "too big" not in said, said


def test_an_xml_file_that_is_no_feed_is_not_said_to_hold_articles(tmp_path: Path) -> None:
    (tmp_path / "pom.xml").write_text("<project><name>x</name></project>")
    got = look([str(tmp_path)])
    assert (got.files, got.holders) == (1, 0)
    assert "feed" not in look_said(got)


def test_malformed_xml_is_not_counted_rather_than_counted_wrong(tmp_path: Path) -> None:
    (tmp_path / "bad.rss").write_text("<rss><channel><item><title>A & B</title></item>")
    held = Holders()
    held.add(tmp_path / "bad.rss")
    assert (held.holders, held.items, held.uncounted) == (1, 0, 1)


def test_a_json_file_is_named_by_its_name_not_said_a_feed(tmp_path: Path) -> None:
    # Final review: a one-article one.json was "a feed or JSON Lines file: 1 not counted".
    (tmp_path / "one.json").write_text('{"title": "a", "text": "b"}')
    said = look_said(look([str(tmp_path)]))
    assert "1 file (a feed, JSON or JSON Lines file by its name: 1 not counted)" in said, said
