"""JSON Lines ingest: read a line at a time; every bad line is reported, none loses the rest.

A record's text is read from ``html``, ``text``, ``body`` or ``content`` (the first present);
a record with none of them is reported by file and line, never ingested with its title as body.
"""

from __future__ import annotations

import json

import pytest

from tui.core.ingest import BODY_KEYS, collect
from tui.core.model import RawDocument
from tui.core.workspace.adding import clean_doc


def test_jsonl_records_bad_lines_and_bom(tmp_path):
    src = tmp_path / "in.jsonl"
    good = {"url": "https://o.example/1", "title": "T", "text": "Body one.", "date": "2021-01-02"}
    src.write_bytes(
        b"\xef\xbb\xbf" + json.dumps(good).encode() + b"\n"
        + b"\n   \n"  # blank lines are skipped silently
        + b"[1, 2]\n"  # not an object
        + json.dumps({"title": "Only a title"}).encode() + b"\n"  # no text: reported
        + json.dumps({"html": "<p>x</p>", "source": None}).encode() + b"\n"
        + b"\x00\x01\x02\xff\xfe binary \x00\x00\n"
        + json.dumps({"lang": "en"}).encode()  # no text, html or title; no final newline
    )
    out = collect([str(src)])
    assert [d.origin for d in out.docs] == ["https://o.example/1", f"{src}:6"]
    first = out.docs[0]
    assert first.kind == "record" and first.hints["date"] == "2021-01-02"
    assert out.docs[1].kind == "html" and "source" not in out.docs[1].hints
    failed = {source.rsplit(":", 1)[1]: reason for source, reason in out.failures}
    assert set(failed) == {"4", "5", "7", "8"}, out.failures
    assert "no text" in failed["5"] and "'title'" in failed["5"]
    assert all(k in failed["5"] for k in BODY_KEYS)


def test_jsonl_empty_and_blank_files(tmp_path):
    for name, data in (("empty.jsonl", b""), ("blank.jsonl", b"\n \n\t\n")):
        (tmp_path / name).write_bytes(data)
        out = collect([str(tmp_path / name)])
        assert out.docs == [] and out.failures == [(str(tmp_path / name), "empty file")]


@pytest.mark.parametrize("key", ["text", "body", "content", "html"])
def test_every_text_key_is_read(tmp_path, key):
    text = "Rescue teams worked through the night along the northern coast."
    (tmp_path / "r.jsonl").write_text(json.dumps({"title": "Storm", key: text}) + "\n")
    out = collect([str(tmp_path / "r.jsonl")])
    assert out.failures == [] and out.warnings == []
    assert len(out.docs) == 1 and out.docs[0].content == text
    assert clean_doc(out.docs[0]).body.strip() == text


def test_content_with_markup_is_cleaned_as_html(tmp_path):
    rec = {"content": "<div><p>First paragraph of the piece.</p><p>Second one.</p></div>"}
    (tmp_path / "r.jsonl").write_text(json.dumps(rec) + "\n")
    doc = collect([str(tmp_path / "r.jsonl")]).docs[0]
    assert doc.kind == "html"
    body = clean_doc(doc).body
    assert "<p>" not in body and "Second one." in body


def test_clean_json_output_ingests_with_its_body(tmp_path, capsys):
    """What `wiredesk clean --json` writes is read back with its body, not its title."""
    from tui.cli import main

    page = tmp_path / "page.txt"
    page.write_text("Harbour Storm\n\nRescue teams worked through the night along the coast. "
                    "Officials said the harbour would stay closed until the weekend.\n")
    assert main(["clean", "--json", str(page)]) == 0
    line = capsys.readouterr().out
    assert json.loads(line)["body"]
    (tmp_path / "c.jsonl").write_text(line)
    out = collect([str(tmp_path / "c.jsonl")])
    assert out.failures == [] and out.warnings == [], (out.failures, out.warnings)
    doc = out.docs[0]
    assert "Officials said" in doc.content and doc.content != doc.hints.get("title")


def test_wrong_types_are_named_never_guessed(tmp_path):
    recs = [
        {"text": ["a", "list"], "title": "T"},  # the text itself of a wrong type: skipped
        {"text": "Fine body of text.", "title": {"nested": 1}, "author": ["Ann", "Bo"],
         "date": 20210102, "source": True, "extra": 1, "id": None},
        {"text": "Another body.", "url": 5, "extra": "x", "more": [1]},
    ]
    path = tmp_path / "t.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in recs))
    out = collect([str(path)])
    assert [s for s, _ in out.failures] == [f"{path}:1"]
    assert "'text' is an array" in out.failures[0][1]
    a, b = out.docs
    assert a.hints["author"] == "Ann, Bo" and a.hints["date"] == "20210102"
    assert "title" not in a.hints and "source" not in a.hints
    warned = dict(out.warnings)
    assert {r for s, r in out.warnings if s == f"{path}:2"} == {
        "'title' ignored: an object, not text", "'source' ignored: a boolean, not text"}
    assert b.hints["url"] == "5"
    assert "extra (2 records)" in warned[str(path)] and "more (1 record)" in warned[str(path)]
    assert "id" not in warned[str(path)]  # null: nothing lost


@pytest.mark.parametrize("line", [
    "[" * 2000 + "]" * 2000,
    '{"text": ' + "[" * 5000 + "]" * 5000 + "}",
    '{"text": "x", "n": ' + "9" * 10000 + "}",
    '{"text": "x", "n": 1e99999}',
    "{" * 100000,
], ids=["brackets", "deep-value", "huge-int", "huge-float", "unclosed"])
def test_hostile_lines_fail_alone(tmp_path, line):
    path = tmp_path / "h.jsonl"
    path.write_text(line + "\n" + json.dumps({"text": "The good record."}) + "\n")
    out = collect([str(path), str(path)])
    assert [d.content for d in out.docs if d.content == "The good record."] == [
        "The good record.", "The good record."]
    for source, reason in out.failures:
        assert source == f"{path}:1" and "\n" not in reason and len(reason) < 300


def test_a_line_over_the_limit_is_skipped_and_named(tmp_path, monkeypatch):
    import tui.core.ingest as ingest

    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps({"text": "x" * 5000}) + "\n" + json.dumps({"text": "ok"}) + "\n")
    real = ingest.iter_lines
    monkeypatch.setattr(ingest, "iter_lines", lambda p: real(p, line_limit=1000))
    out = collect([str(path)])
    assert [d.content for d in out.docs] == ["ok"]
    assert out.failures[0][0] == f"{path}:1" and "too long" in out.failures[0][1]


def test_record_kind_text_is_taken_as_it_is():
    doc = RawDocument("x:1", "A <b>bold</b> claim in text.", "record", {})
    assert clean_doc(doc).body == "A <b>bold</b> claim in text."


def test_an_empty_text_with_a_title_is_a_headline_and_is_said(tmp_path):
    """Headline collections (a `text` key left empty) are taken in, title as text, with one
    warning for the file naming the lines; a record with no text key at all is a failure."""
    path = tmp_path / "h.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in (
        {"title": "Markets fall", "text": ""}, {"title": "Rates rise", "body": "  "},
        {"title": "No text key"})))
    out = collect([str(path)])
    assert [d.content for d in out.docs] == ["Markets fall", "Rates rise"]
    assert out.failures == [(f"{path}:3", out.failures[0][1])]
    assert out.warnings == [(str(path), "2 records with an empty text: the title is taken as "
                             "the text (lines 1, 2)")]


def test_jsonl_title_not_a_string_is_named(tmp_path):
    """A title that is a list of strings is joined with spaces, a number read as text, an
    object ignored: each said by record line and key (never silently)."""
    recs = [{"text": "Body one.", "title": ["Storm hits", "the coast"]},
            {"text": "Body two.", "title": 42, "author": ["Ann", "Bo"]},
            {"text": "Body three.", "title": {"a": 1}}]
    path = tmp_path / "t.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in recs))
    out = collect([str(path)])
    a, b, c = out.docs
    assert a.hints["title"] == "Storm hits the coast" and b.hints["title"] == "42"
    assert "title" not in c.hints and b.hints["author"] == "Ann, Bo"
    said = {s.rpartition(":")[2]: r for s, r in out.warnings if s.startswith(f"{path}:")}
    assert said == {"1": "'title' is an array, not text: joined with spaces "
                         "('Storm hits the coast')",
                    "2": "'title' is a number, not text: read as text ('42')",
                    "3": "'title' ignored: an object, not text"}


def test_jsonl_list_warning_names_the_real_join(tmp_path):
    """A list of strings is said joined as it really is: with spaces for title, summary and
    dateline, with commas for source and lang (and a date list is said too)."""
    recs = [
        {"text": "Body one.", "source": ["A", "B"], "summary": ["Sum", "mary"]},
        {"text": "Body two.", "lang": ["en", "fr"], "date": ["2024-01-01"]},
    ]
    path = tmp_path / "t.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in recs) + '{"text": "x", "title": NaN}\n')
    out = collect([str(path)])
    a, b, c = out.docs
    assert a.hints["source"] == "A, B" and a.hints["summary"] == "Sum mary"
    assert "title" not in c.hints
    said = sorted(r for s, r in out.warnings if s.startswith(f"{path}:"))
    assert said == [
        "'date' is an array, not text: joined with commas ('2024-01-01')",
        "'lang' is an array, not text: joined with commas ('en, fr')",
        "'source' is an array, not text: joined with commas ('A, B')",
        "'summary' is an array, not text: joined with spaces ('Sum mary')",
        "'title' ignored: a number, not text",  # (NaN: no title "nan")
    ]
