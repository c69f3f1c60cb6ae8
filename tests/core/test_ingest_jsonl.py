"""JSON Lines ingest: read a line at a time; every bad line is reported, none loses the rest."""

from __future__ import annotations

import json

from tui.core.ingest import collect


def test_jsonl_records_bad_lines_and_bom(tmp_path):
    src = tmp_path / "in.jsonl"
    good = {"url": "https://o.example/1", "title": "T", "text": "Body one.", "date": "2021-01-02"}
    src.write_bytes(
        b"\xef\xbb\xbf" + json.dumps(good).encode() + b"\n"
        + b"\n   \n"  # blank lines are skipped silently
        + b"[1, 2]\n"  # not an object
        + json.dumps({"title": "Only a title"}).encode() + b"\n"
        + json.dumps({"html": "<p>x</p>", "source": None}).encode() + b"\n"
        + b"\x00\x01\x02\xff\xfe binary \x00\x00\n"
        + json.dumps({"lang": "en"}).encode()  # no text, html or title; no final newline
    )
    out = collect([str(src)])
    assert [d.origin for d in out.docs] == ["https://o.example/1", f"{src}:5", f"{src}:6"]
    first = out.docs[0]
    assert first.kind == "record" and first.hints["date"] == "2021-01-02"
    assert out.docs[2].kind == "html" and "source" not in out.docs[2].hints
    failed = {source.rsplit(":", 1)[1] for source, _ in out.failures}
    assert failed == {"4", "7", "8"}, out.failures


def test_jsonl_empty_and_blank_files(tmp_path):
    for name, data in (("empty.jsonl", b""), ("blank.jsonl", b"\n \n\t\n")):
        (tmp_path / name).write_bytes(data)
        out = collect([str(tmp_path / name)])
        assert out.docs == [] and out.failures == [(str(tmp_path / name), "empty file")]
