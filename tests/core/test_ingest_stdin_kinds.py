"""Standard input is read as a file of the same content would be: a feed gives its items,
JSON Lines its records (``curl URL | wiredesk ingest -``)."""

import io
import json

from tui.core.ingest import collect

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Gazette</title><id>urn:g</id><updated>2022-10-11T00:00:00Z</updated>
<entry><title>Harbour plan agreed</title><id>urn:1</id><link href="http://g.test/1"/>
<updated>2022-10-11T10:00:00Z</updated><content type="html">&lt;p&gt;The council agreed the
harbour plan on Tuesday after a long debate.&lt;/p&gt;</content></entry></feed>"""


def _stdin(text: str):
    return io.TextIOWrapper(io.BytesIO(text.encode()), encoding="utf-8")


def test_a_feed_on_stdin_gives_its_items():
    got = collect(["-"], stdin=_stdin(ATOM))
    assert [d.origin for d in got.docs] == ["http://g.test/1"]
    assert got.docs[0].hints["title"] == "Harbour plan agreed"


def test_json_lines_on_stdin_give_their_records():
    lines = [{"title": "One", "text": "First body."}, {"title": "Two"}, {"body": "Third body."}]
    got = collect(["-"], stdin=_stdin("\n".join(json.dumps(x) for x in lines) + "\n"))
    assert [d.content for d in got.docs] == ["First body.", "Third body."]
    assert len(got.failures) == 1 and got.failures[0][0].endswith(":2")  # no text: said


def test_plain_text_on_stdin_stays_one_article():
    got = collect(["-"], stdin=_stdin("{braces} open this note about the harbour.\nMore.\n"))
    assert len(got.docs) == 1 and got.docs[0].origin.startswith("stdin:")
