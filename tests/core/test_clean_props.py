"""Properties of clean(): never raises on any string, never invents words, hostile HTML."""

from __future__ import annotations

import html as htmllib
import re
import time
import unicodedata

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tui.core.clean import clean, detect_lang
from tui.core.model import META_FIELDS, RawDocument

WORDS = ["the", "council", "voted", "bridge", "Share", "Related", "©", "By", "TOKYO", "--",
         "(AP)", "Photo", "|", "*", "said", ".", "Oct", "11,", "2022", "comments", "…"]
# Text that looks like pages: words, separators, blank lines and arbitrary characters.
page_like = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12),
                               st.sampled_from(["\n", "\n\n", " ", "\t"])), max_size=120
                     ).map(" ".join)
any_text = st.one_of(st.text(max_size=400), page_like)
MARKUP = re.compile(r"[*_`#>\[\]()!~|=-]")
TAG = re.compile(r"</?[A-Za-z][^<>]{0,200}>")  # (as the Markdown reader's inline tags)


def check_shape(doc: RawDocument) -> str:
    c = clean(doc)
    assert isinstance(c.body, str)
    for f in META_FIELDS:
        assert getattr(c, f) is None or isinstance(getattr(c, f), str)
    assert "\n\n\n" not in c.body
    return c.body


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_text_never_raises_and_invents_no_word(text: str) -> None:
    body = check_shape(RawDocument("p", text, "text"))
    for word in body.split():
        assert word in text


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example("0<A>0")  # (found by Hypothesis: an inline tag between two digits)
@given(any_text)
def test_markdown_never_raises_and_invents_no_word(text: str) -> None:
    body = check_shape(RawDocument("p.md", text, "md"))
    # An inline tag parts no words, as a browser shows it ("0<a>0" reads "00"): so the words
    # are looked for in the text without its tags too.
    bare = MARKUP.sub("", text) + "\n" + MARKUP.sub("", TAG.sub("", text))
    for word in body.split():
        assert MARKUP.sub("", word) in bare


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(any_text, page_like.map(lambda t: f"<html><body><p>{t}</p></body></html>")))
def test_html_never_raises_and_invents_no_word(text: str) -> None:
    body = check_shape(RawDocument("p.html", text, "html"))
    source = htmllib.unescape(text) + text
    # The HTML parser drops characters it deems invalid, which can join two neighbours into
    # one word: so for HTML, every character of the body comes from the page (bodies are NFC:
    # a compatibility ideograph such as U+F900 comes back as its unified form).
    source += unicodedata.normalize("NFC", source)
    assert set(body.replace("\n", "")) <= set(source) | {" "}


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.dictionaries(st.sampled_from(list(META_FIELDS) + ["url"]),
                                              st.one_of(st.none(), st.text(max_size=30),
                                                        st.integers())))
def test_hints_of_any_shape(text: str, hints: dict) -> None:
    check_shape(RawDocument("p", text, "text", hints=hints))


@given(st.text(max_size=300))
def test_detect_lang_never_raises(text: str) -> None:
    lang = detect_lang(text)
    assert lang is None or re.fullmatch(r"[a-z]{2}", lang)


@pytest.mark.slow  # asserts on wall-clock time
def test_hostile_html_deeply_nested() -> None:
    para = "<p>The council voted to replace the old bridge.</p>"
    deep = "<div>" * 20000 + para + "</div>" * 20000
    t0 = time.perf_counter()
    body = check_shape(RawDocument("deep.html", deep, "html"))
    assert time.perf_counter() - t0 < 30
    assert "<div>" not in body


@pytest.mark.slow  # asserts on wall-clock time
def test_hostile_html_huge_and_broken() -> None:
    para = "<p>The council voted on Monday to replace the old river bridge in the town.</p>"
    huge = "<html><body>" + para * 40000 + "<table><tr><td>" * 3000  # ~3 MB, never closed
    t0 = time.perf_counter()
    check_shape(RawDocument("huge.html", huge, "html"))
    assert time.perf_counter() - t0 < 60


def test_binary_junk_and_wrong_kinds() -> None:
    junk = "".join(chr(c) for c in range(0, 0x3000, 7))
    for kind in ("text", "md", "html", "pdf"):
        check_shape(RawDocument("junk", junk, kind))
    check_shape(RawDocument("none", None, "text"))  # type: ignore[arg-type]
