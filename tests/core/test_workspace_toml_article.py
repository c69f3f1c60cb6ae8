"""``records.article_to_toml`` (``toml_write.article``, the direct writer) writes what
``tomli_w.dumps`` writes for every string in every field, and the record parses back to the
same data (``tomllib``)."""

from __future__ import annotations

import tomllib

import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.model import META_FIELDS, Article, Triage, Version
from tui.core.workspace import records

# any character but a surrogate (not encodable), often the ones TOML escapes, sometimes long
ANY = st.characters(blacklist_categories=("Cs",))
TRICKY = st.sampled_from(['"', "\\", "\n", "\r", "\r\n", "\t", "\x00", "\x1f", "\x7f", "\b",
                          "\f", "'", "'''", '"""', "#", "=", "[", "]", "{", "}", ",", " ",
                          "\u2028", "\ufeff", "\U0001f600", "é"])
TEXT = st.lists(ANY.map(str) | TRICKY, max_size=40).map("".join) | st.text(ANY, min_size=90,
                                                                            max_size=120)


@st.composite
def articles(draw) -> Article:
    n = draw(st.integers(1, 3))
    versions = [Version(hash=draw(TEXT), ingested=draw(TEXT), raw_file=draw(TEXT),
                        body_file=draw(TEXT), body_hash=draw(st.none() | TEXT))
                for _ in range(n)]
    meta = {k: draw(st.none() | TEXT) for k in META_FIELDS}
    tri = Triage(tags=draw(st.lists(TEXT, max_size=3)), starred=draw(st.booleans()),
                 read=draw(st.booleans()), note=draw(st.none() | TEXT),
                 note_version=draw(st.none() | TEXT), note_updated=draw(st.none() | TEXT))
    return Article(id=draw(TEXT), origin=draw(TEXT), kind=draw(TEXT), meta=meta,
                   versions=versions, triage=tri, story=draw(st.none() | TEXT),
                   copy_of=draw(st.none() | TEXT), added=draw(TEXT))


def _lf(v):
    """What a multi-line TOML string keeps of a value (tomli_w writes ``\\r\\n`` as a line
    break, read back as ``\\n``)."""
    if isinstance(v, str):
        return v.replace("\r\n", "\n") if "\n" in v else v
    if isinstance(v, list):
        return [_lf(x) for x in v]
    if isinstance(v, dict):
        return {k: _lf(x) for k, x in v.items()}
    return v


@settings(max_examples=600, deadline=None)
@given(articles())
def test_any_strings_as_tomli_w_and_parse_back(a):
    text = records.article_to_toml(a)
    doc = records.toml_doc(a)
    assert text == tomli_w.dumps(doc, multiline_strings=True)
    assert tomllib.loads(text) == _lf(doc)
