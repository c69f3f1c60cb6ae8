"""A document too long to clean whole is named in the ingest report with what its body leaves
out (cleaning reads the first 4,000,000 characters of a text, 3,000,000 of a page without its
scripts): never a silent cut."""

from __future__ import annotations

import io

from tui.core.clean.api import cut_note
from tui.core.ingest import collect, stream
from tui.core.model import RawDocument

PROSE = "The council met on Tuesday and voted on the harbour plan. "  # 58 characters


def test_a_text_too_long_is_named(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(PROSE * 70_000)  # 4,060,000 characters
    got = collect([str(path)])
    assert len(got.docs) == 1  # taken in whole: the original keeps every character
    (where, note), *_ = got.warnings
    assert where == str(path)
    assert "4,060,000 characters" in note and "first 4,000,000" in note


def test_a_text_under_the_limit_says_nothing(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(PROSE * 60_000)  # 3,480,000: over the HTML limit, under the text one
    assert collect([str(path)]).warnings == []


def test_a_page_is_measured_without_its_scripts():
    script = "<script>" + "x" * 2_000_000 + "</script>"
    page = f"<html><body>{script}<p>{PROSE * 30_000}</p>{script}</body></html>"
    assert len(page) > 4_000_000
    assert cut_note(RawDocument(origin="p.html", content=page, kind="html")) is None
    long_page = f"<html><body><p>{PROSE * 60_000}</p></body></html>"
    note = cut_note(RawDocument(origin="p.html", content=long_page, kind="html"))
    assert note and "first 3,000,000" in note and "without scripts" in note


def test_stdin_and_streamed_records_are_named_too(tmp_path):
    got = collect(["-"], stdin=io.StringIO(PROSE * 70_000))
    assert [w for w in got.warnings if "too long to clean whole" in w[1]]
    path = tmp_path / "big.jsonl"
    path.write_text(
        '{"title": "Long", "text": "%s"}\n{"title": "Short", "text": "Hi."}\n' % (PROSE * 70_000)
    )
    out, docs = stream([str(path)])
    assert len(list(docs)) == 2
    assert [w[0] for w in out.warnings if "too long to clean whole" in w[1]] == [f"{path}:1"]


def test_windows_line_ends_are_counted_as_cleaning_counts_them(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes((PROSE + "\r\n").encode() * 67_000)  # 4,020,000 with CRLF, 3,953,000 without
    assert collect([str(path)]).warnings == []
