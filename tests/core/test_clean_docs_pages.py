"""Pages that are not articles (documentation, feeds' summaries), issue #13: definition
lists' terms, text running across inline phrases (and the spacing where they join), navigation rows
and descriptions that repeat the title (no Textual)."""

from __future__ import annotations

import lxml.html

from tui.core.clean import clean, html_fill
from tui.core.clean.html_blocks import dom_blocks, resegment
from tui.core.clean.meta import dateline
from tui.core.model import RawDocument
from tui.core.sources import parse_feed_file

INTRO = (
    "The Debian base-passwd package contains the master versions of the password file "
    "and the group file, and this document describes the purposes of each entry."
)
USERS = (
    f"<html><head><title>Users and groups</title></head><body><div><p>{INTRO}</p>"
    "<div class='VARIABLELIST'><dl><dt>root</dt><dd><p>Root is (typically) the superuser."
    "</p></dd><dt>daemon</dt><dd><p>Some unprivileged daemons run as daemon.</p></dd>"
    "</dl></div></div></body></html>"
)


def page(body: str):
    return dom_blocks(lxml.html.fromstring(f"<html><body>{body}</body></html>"))


def body(html: str) -> str:
    return clean(RawDocument("t", html, "html")).body


def test_a_definition_lists_terms_come_back_over_their_descriptions():
    b = page(
        "<dl><dt>root</dt><dd><p>Root is the superuser.</p></dd><div><dt>bin</dt>"
        "<!-- c --><dd><p>Nobody.</p></dd></div></dl>"
    )
    assert sorted(b.texts[k] for k in b.terms) == ["bin", "root"]
    alone = page("<dl><dt>Can I use it?</dt><dd><p>Yes.</p></dd></dl>")  # an FAQ's box
    assert not alone.terms
    api = page("<dl><dt>Constant: <b>SHA256_DIGEST_SIZE</b></dt><dd><p>32.</p></dd></dl>")
    assert [api.texts[k] for k in api.terms] == ["Constant: SHA256_DIGEST_SIZE"]
    text = f"{INTRO}\nRoot is (typically) the superuser.\nSome unprivileged daemons run as daemon."
    assert resegment(text, dom_blocks(lxml.html.fromstring(USERS))).split("\n") == [
        INTRO,
        "root",
        "Root is (typically) the superuser.",
        "daemon",
        "Some unprivileged daemons run as daemon.",
    ]


def test_a_table_of_contents_term_with_no_description_is_no_term():
    toc = page(
        "<p>Table of Contents</p><dl class='toc'><dt><a href='#o'>12.1. Overview</a>"
        "</dt><dt><a href='#u'>12.2. Using Nulgrind</a></dt></dl>"
    )
    assert not toc.terms
    last = page("<dl><dt>root</dt><dd><p>Root is the superuser.</p></dd><dt>bin</dt></dl>")
    assert [last.texts[k] for k in last.terms] == ["root"]


def test_without_the_rule_terms_stay_out(monkeypatch):
    monkeypatch.setattr(html_fill, "TERMS", False)
    text = f"{INTRO}\nRoot is (typically) the superuser.\nSome unprivileged daemons run as daemon."
    assert "root" not in resegment(text, dom_blocks(lxml.html.fromstring(USERS))).split("\n")


def test_a_term_whose_description_was_dropped_is_not_put_back():
    html = (
        "<dl><dt>root</dt><dd><p>Root is the superuser.</p></dd><dt>bin</dt>"
        "<dd><p>Nobody uses bin.</p></dd></dl><p>The end of the list, said plainly.</p>"
    )
    out = resegment("Root is the superuser.\nThe end of the list, said plainly.", page(html))
    assert "bin" not in out.split("\n")


def test_text_running_across_an_inline_phrase_is_one_paragraph():
    html = "<html><body><p>We read <i>The Times</i>. It was good</p></body></html>"
    assert body(html) == "We read The Times. It was good"
    b = page("<p>We read <i>The Times</i>. It was <b>Good</b></p>")
    assert {b.words[k] for k in b.phrases} == {"the", "it", "good"}
    assert (
        resegment(
            "We read\nThe Times\n. It was good",
            page("<p>We read <em>The Times</em>. It was good</p>"),
        )
        == "We read The Times. It was good"
    )


def test_a_join_at_a_phrase_edge_adds_no_space_where_the_page_has_none():
    html = '<html><body><p>He wrote (<i>Sic</i>) and "<em>Hello</em>" twice</p></body></html>'
    assert body(html) == 'He wrote (Sic) and "Hello" twice'
    quoted = page('<p>He said "<em>hello</em>" and (<i>Sic</i>) too</p>')
    assert {quoted.words[k] for k, _, _ in quoted.tight} == {"hello", "and", "sic", "too"}
    lines = 'He said "\nhello\n" and (\nSic\n) too'
    assert resegment(lines, quoted) == 'He said "hello" and (Sic) too'
    spaced = page("<p>We read <i>The Times</i> every day</p>")
    assert not spaced.tight
    assert resegment("We read\nThe Times\nevery day", spaced) == "We read The Times every day"


def test_a_soft_wrap_before_a_dot_keeps_its_space():
    html = "<p>this means compiling to a \n<code>.o</code> and linking it in</p>"  # valgrind
    out = resegment("this means compiling to a\n.o and linking it in", page(html))
    assert out == "this means compiling to a .o and linking it in"


def test_a_space_after_the_punctuation_at_a_phrase_edge_is_kept():
    html = "<ul><li><p><code>quiet</code>: \n opposite of <code>verbose</code>, only</p></li></ul>"
    out = resegment("quiet:\nopposite of verbose, only", page(html))  # valgrind mc-manual
    assert out == "quiet: opposite of verbose, only"


def test_two_phrases_side_by_side_stay_two_lines():
    html = "<div><b>Title</b> <b>Summary.</b></div>"
    assert resegment("Title\nSummary.", page(html)) == "Title\nSummary."


def test_a_line_end_at_a_phrase_edge_stays_a_break():
    for html in (
        "<p>See NOTE<br><i>The Times</i>. Fine</p>",
        "<p>See NOTE \n<i>The Times</i>. Fine</p>",
    ):  # a <br>, a source's line end
        assert resegment("See NOTE\nThe Times. Fine", page(html)) == "See NOTE\nThe Times. Fine"


def test_a_span_or_a_link_may_be_drawn_as_a_block_and_stays_apart():
    for tag in ("span", "a"):
        html = f"<p>Jane Holt<{tag}>Senior Editor</{tag}></p>"
        assert resegment("Jane Holt\nSenior Editor", page(html)) == "Jane Holt\nSenior Editor"


def test_a_phrase_edge_inside_a_word_marks_nothing():
    b = page("<p>A <b>Wor</b>D Here</p>")  # "WorD": one word, opening at the <b>
    assert [b.words[k] for k in sorted(b.phrases)] == ["word"]


def test_a_navigation_row_is_no_dateline():
    assert dateline("Next: Simple Example, Up: Using libffi [Index]") == (None, None)
    assert dateline("Tokyo: The bridge is closed, officials said.") == ("Tokyo", None)
    for row in ("Up: Using libffi [Contents][Index]", "Previous: Types [Contents]"):
        assert dateline(row) == (None, None)  # one label alone


def test_a_description_repeating_the_title_is_no_summary():
    title = "The Basics (libffi: the portable foreign function interface library)"
    text = " ".join([INTRO] * 3)
    html = (
        f"<html><head><title>{title}</title><meta name='description' content='{title}'>"
        f"</head><body><article><p>{text}</p></article></body></html>"
    )
    assert clean(RawDocument("t", html, "html")).summary is None
    other = html.replace(f"content='{title}'", "content='How to call a function.'")
    assert clean(RawDocument("t", other, "html")).summary == "How to call a function."
    og_title = f"<meta property='og:description' content='{title}'>"
    og = other.replace("<meta name", og_title + "<meta name")  # og:description = the title
    assert clean(RawDocument("t", og, "html")).summary == "How to call a function."


def _feed_item(title: str, description: str):
    feed = (
        "<?xml version='1.0'?><rss version='2.0'><channel><title>W</title>"
        "<link>http://news.test/</link><description>d</description><item>"
        f"<title>{title}</title><link>http://news.test/beans</link>"
        f"<description>{description}</description></item></channel></rss>"
    )
    [doc], _ = parse_feed_file(feed.encode(), origin="f")
    assert doc.origin == "http://news.test/beans"  # (origins are never touched)
    return doc


def test_a_feed_items_summary_repeating_its_title_is_dropped():
    doc = _feed_item("Beans  grow", "beans grow")
    assert "summary" not in doc.hints and doc.hints["title"] == "Beans grow"


def test_a_feed_summarys_paragraphs_stay_apart():
    doc = _feed_item(
        "Beans", "&lt;p&gt;We grew beans.&lt;/p&gt;&lt;p&gt;Second year running.&lt;/p&gt;"
    )
    assert doc.hints["summary"] == "We grew beans. Second year running."
