"""``toml_write.dumps`` writes what ``tomli_w.dumps`` writes, byte for byte (article records
are written by it: a bulk ingest's records must not change)."""

from __future__ import annotations

import datetime

import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.model import Article, Triage, Version
from tui.core.workspace import records, toml_write

TEXT = st.text(st.characters(max_codepoint=0x2FF) | st.sampled_from(
    ["\x7f", "\u2028", "\ufeff", "\U0001f600"]), max_size=30) | st.sampled_from(
    ["", "a\nb", "a\r\nb", 'say "hi"', "back\\slash", "tab\there", "\x00\x1f\x7f", "é"])
KEY = st.text("abcXYZ09_- .\"\\é\n", min_size=0, max_size=6)
SCALAR = TEXT | st.integers() | st.booleans() | st.floats(allow_nan=False) | st.dates()
VALUE = st.recursive(SCALAR, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
    KEY, inner, max_size=4), max_leaves=12)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(KEY, VALUE, max_size=6), st.booleans())
def test_random_documents_as_tomli_w(doc, multiline):
    assert toml_write.dumps(doc, multiline_strings=multiline) == tomli_w.dumps(
        doc, multiline_strings=multiline)


def test_short_versions_are_inline_as_tomli_w():
    doc = {"a": 1, "versions": [{"h": "x"}, {"h": "y"}], "t": {"u": {"v": [1, {"w": 2}]}}}
    assert toml_write.dumps(doc) == tomli_w.dumps(doc)
    assert "versions = [" in toml_write.dumps(doc)
    assert toml_write.dumps({"d": datetime.datetime(2021, 1, 2, 3, 4)}) == tomli_w.dumps(
        {"d": datetime.datetime(2021, 1, 2, 3, 4)})


@settings(max_examples=200, deadline=None)
@given(TEXT, TEXT, st.lists(TEXT, max_size=3), TEXT, st.integers(1, 3), st.booleans())
def test_article_records_as_tomli_w(title, origin, tags, note, nver, copy):
    a = Article(id="0123456789ab", origin=origin, kind="record",
                meta={"title": title, "lang": "en", "date": "2021-01-01", "author": note},
                versions=[Version(hash=f"{n:016x}", ingested="2026-01-01T00:00:00+00:00",
                                  raw_file=f"raw/01/x{n}.txt", body_file=f"texts/01/x{n}.txt",
                                  body_hash=None if n == 2 else "ab" * 8)
                          for n in range(nver)],
                triage=Triage(tags=tags, starred=copy, note=note), story="s-1",
                copy_of="0123456789ac" if copy else None, added="2026-01-01T00:00:00+00:00")
    assert records.article_to_toml(a) == tomli_w.dumps(records.toml_doc(a),
                                                       multiline_strings=True)
