"""`wiredesk diff` on files reads them as `ingest` and `clean` do: a pipe (`<(command)`) as a
stream, a feed or JSON Lines by its article(s), never its raw markup as the text."""

from __future__ import annotations

import json
import os
import threading

import pytest

TEXT_A = "Flood waters recede\n\nThe river fell by a metre overnight, the council said on Monday.\n"
TEXT_B = "Flood waters recede\n\nThe river fell by two metres overnight, the council said.\n"
RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title>
<item><title>Flood waters recede</title><link>http://g.test/1</link><description>The river
fell by two metres overnight, the council said.</description></item>{more}</channel></rss>"""


def _words(cli, *args) -> dict:
    r = cli("diff", *args, "--json")
    assert r.code == 0, r.err
    return json.loads(r.out)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_pipe_is_read_as_a_stream_not_called_a_folder(cli, tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    (tmp_path / "b.txt").write_text(TEXT_B)

    def feed() -> None:
        with open(fifo, "w") as f:
            f.write(TEXT_A)

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    try:
        got = _words(cli, fifo, tmp_path / "b.txt")
    finally:
        writer.join(timeout=30)
    assert got["left"]["words"] > 5 and got["left"]["title"] == "Flood waters recede"


def test_a_feed_of_one_item_is_its_article(cli, tmp_path):
    (tmp_path / "one.rss").write_text(RSS.format(more=""))
    (tmp_path / "b.txt").write_text(TEXT_B)
    got = _words(cli, tmp_path / "one.rss", tmp_path / "b.txt")
    assert got["left"]["title"] == "Flood waters recede"  # not "<?xml version=..."


def test_a_feed_of_several_items_is_refused_with_the_way_out(cli, tmp_path):
    item = "<item><title>Two</title><link>http://g.test/2</link><description>x</description></item>"
    (tmp_path / "two.rss").write_text(RSS.format(more=item))
    r = cli("diff", tmp_path / "two.rss", tmp_path / "two.rss")
    assert r.code == 1 and "holds 2 articles" in r.err and "ingest" in r.err


def test_an_empty_file_is_still_one_side(cli, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "b.txt").write_text(TEXT_B)
    assert _words(cli, tmp_path / "empty.txt", tmp_path / "b.txt")["left"]["words"] == 0
