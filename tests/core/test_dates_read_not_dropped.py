"""Review follow-ups: dates read, not dropped or invented; JSON Lines on stdin split as a file."""

import io
import json

import pytest

from tui.core.cleaning import clean_doc
from tui.core.ingest import collect
from tui.core.model import RawDocument
from tui.core.sources.feeds import parse_feed

LONG = " ".join(["word"] * 120)


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("March 2022", "2022-03"),
        ("2022/10/11", "2022-10-11"),
        ("1394470370", "2014-03-10T16:52:50+00:00"),
        ("2022-1-5", "2022-01-05"),
        ("2022-10-11 is when it ran", "2022-10-11"),
        ("2022-10-11T99:99", "2022-10-11"),
    ],
)
def test_record_dates_read_not_dropped(written, iso):
    doc = RawDocument(origin="x:1", content="Body.", kind="record", hints={"date": written})
    assert clean_doc(doc).date == iso


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("11 Oct 22", "2022-10-11"),
        ("1665478800", None),
        ("2022", "2022"),
        ("2022-10", "2022-10"),
    ],
)
def test_feed_dates_neither_dropped_nor_invented(written, iso):
    rss = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>One'
        f"</title><link>http://n.test/1</link><pubDate>{written}</pubDate><description>{LONG}"
        "</description></item></channel></rss>"
    ).encode()
    (item,) = parse_feed(rss, "http://n.test/f").items
    assert item.doc.hints.get("date") == iso


def test_json_lines_on_stdin_split_at_newlines_only():
    recs = [
        {"title": "One", "text": "First line\u2028second line."},
        {"title": "Two", "text": "B."},
    ]
    data = "\n".join(json.dumps(r, ensure_ascii=False) for r in recs).encode()
    got = collect(["-"], stdin=io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    assert [d.hints["title"] for d in got.docs] == ["One", "Two"] and not got.failures


def test_a_feed_in_a_legacy_encoding_keeps_its_letters(tmp_path):
    rss = (
        '<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>T'
        "</title><item><title>Новости дня</title><link>http://n.test/1</link><description>"
        f"Мэр города заявил {LONG}</description></item></channel></rss>"
    ).encode("cp1251")
    (tmp_path / "f.rss").write_bytes(rss)
    for got in (
        collect([str(tmp_path / "f.rss")]),
        collect(["-"], stdin=io.TextIOWrapper(io.BytesIO(rss), encoding="utf-8")),
    ):
        assert [d.hints["title"] for d in got.docs] == ["Новости дня"]
