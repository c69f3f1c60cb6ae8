"""`wiredesk clean --json` writes its cleaned lines past the output sanitiser: a JSON Lines
record's own metadata (title, author, source...), which clean_doc takes as it is, must still
reach standard output without C1 controls, bidi overrides or escape sequences."""

from __future__ import annotations

import json
import re

UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff]")
HOSTILE = "A\x1b]0;pwned\x07B\x1b[31mC\x9b2JD\x9d0;x\x07E\u202eF\u2066G\x85H\ufeffI"
FIELDS = ("title", "author", "source", "date", "dateline", "lang", "summary", "origin")


def test_record_metadata_is_sanitised(cli, tmp_path):
    rec = {k: f"{k} {HOSTILE}" for k in FIELDS}
    rec["text"] = f"A body of a record {HOSTILE} with a sentence or two of text."
    src = tmp_path / "hostile.jsonl"
    src.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    r = cli("clean", "--json", src)
    assert r.code == 0, r.err
    assert not UNSAFE.search(r.out), repr(UNSAFE.search(r.out))
    assert "\\u001b" not in r.out  # no escape sequence, not even JSON-escaped
    got = json.loads(r.out)
    assert got["title"] == "title ABCDEFGHI"  # the text around each is kept
    assert got["author"] == "author ABCDEFGHI"


def test_a_lone_surrogate_in_a_record_title_does_not_stop_the_command(cli, tmp_path):
    src = tmp_path / "surrogate.jsonl"  # json.loads gives "\ud800" a lone surrogate
    src.write_text('{"title": "T\\ud800x", "text": "A body of a record with a sentence '
                   'or two of text here."}\n', encoding="utf-8")
    r = cli("clean", "--json", src)
    assert r.code == 0, r.err
    assert json.loads(r.out)["title"] == "Tx"
