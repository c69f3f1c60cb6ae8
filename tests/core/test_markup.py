"""The lists and tests the readers of HTML share (tui/core/markup.py): one list of the
elements that part words, read alike by the feed reader and the Markdown stripper, and one
comparison of a summary with a title; a feed item's body parsed once."""

from __future__ import annotations

import lxml.html
import pytest

from tui.core.clean.html_blocks import BLOCK_TAGS as READER_BLOCKS
from tui.core.clean.markdown import NOT_PARTING, strip_markdown
from tui.core.markup import BLOCK_TAGS, PARTING_TAGS, title_key
from tui.core.sources import feeds, parse_feed_file

_VOID = {"br", "hr"}  # (no content: their edge is after the word before)


def test_the_block_reader_and_the_word_parting_share_one_list():
    assert READER_BLOCKS is BLOCK_TAGS
    assert PARTING_TAGS - BLOCK_TAGS == {"br", "td", "th"}  # the block reader reads them itself
    feeds_parted = (  # what the feed reader parted before the list was shared (unchanged)
        "p div br li ul ol dl dt dd blockquote pre h1 h2 h3 h4 h5 h6 tr td th table section"
        " article header footer figure figcaption hr address"
    )
    assert PARTING_TAGS == set(feeds_parted.split())


@pytest.mark.parametrize("tag", sorted(PARTING_TAGS - _VOID))
def test_every_parting_tag_parts_words_in_a_feed_summary(tag):
    assert feeds._plain(f"a<{tag}>b</{tag}>c", blocks=True) == "a b c"
    assert feeds._plain(f"a<{tag}>b</{tag}>c") == "abc"  # (origins: run together, as ever)


@pytest.mark.parametrize("tag", sorted(PARTING_TAGS - NOT_PARTING))
def test_every_parting_tag_parts_words_in_markdown(tag):
    assert strip_markdown(f"a</{tag}>b").split() == ["a", "b"]
    assert strip_markdown(f"a<{tag.upper()} class='x'>b").split() == ["a", "b"]


@pytest.mark.parametrize("tag", sorted(NOT_PARTING))
def test_markdown_parts_words_where_it_did_before_the_list_was_shared(tag):
    assert strip_markdown(f"a</{tag}>b") == "ab"  # (as before)


def test_an_address_placeholder_in_markdown_parts_nothing():
    assert strip_markdown("via --debug=<address>:<port>.") == "via --debug=:."


def test_an_inline_tag_parts_nothing():
    assert feeds._plain("a<b>b</b><span>c</span>", blocks=True) == "abc"
    assert strip_markdown("a<em>b</em>c") == "abc"
    assert strip_markdown("x<param>y<preview>z") == "xyz"  # (a tag named like a block's start)


def test_title_key():
    assert title_key("  Beans\n GROW ") == title_key("beans grow") == "beans grow"
    assert title_key("Straße") == title_key("STRASSE")


def _feed(summary: str, content: str) -> bytes:
    return (
        "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>W</title>"
        "<id>urn:w</id><entry><title>Beans</title><id>urn:1</id>"
        "<link href='http://news.test/beans'/>"
        f"<summary type='html'>{summary}</summary>"
        f"<content type='html'>{content}</content></entry></feed>"
    ).encode()


def test_a_feed_items_body_is_parsed_once(monkeypatch):
    parsed: list[str] = []
    real = lxml.html.fragment_fromstring

    def counted(value, *args, **kwargs):
        parsed.append(value)
        return real(value, *args, **kwargs)

    monkeypatch.setattr(feeds.lxml.html, "fragment_fromstring", counted)
    body = "&lt;p&gt;" + " ".join(["word"] * 100) + "&lt;/p&gt;&lt;p&gt;More.&lt;/p&gt;"
    [doc], _ = parse_feed_file(_feed("A short &lt;b&gt;summary&lt;/b&gt;.", body), origin="f")
    assert doc.hints["summary"] == "A short summary."  # (the body read both ways: not a teaser)
    assert sorted(parsed) == sorted({*parsed}) and len(parsed) == 2  # the summary, the body


def test_a_body_lxml_will_not_space_is_read_as_written_from_its_one_parse():
    """A text holding a control character parses, but lxml refuses to set it again: spacing
    the blocks falls back to the text as written (as before), its run-together reading not."""
    value = "<p>a\x01b</p><p>c</p>"
    root = feeds._fragment(value)
    assert feeds._read(value, root) == "a\x01bc"
    assert feeds._read(value, root, blocks=True) == "<p>a\x01b</p><p>c</p>"
    assert feeds._plain(value, blocks=True) == "<p>a\x01b</p><p>c</p>"
    assert feeds._fragment("plain words") is None and feeds._read("a  b", None) == "a b"


def test_a_body_is_counted_for_a_teaser_before_its_blocks_are_spaced():
    """The body's one parse is read run together first (the teaser test), then spaced for good
    (``_read(..., blocks=True)`` changes the tree): read the other way round, these 40 short
    paragraphs (41 words run together, 80 spaced) would no longer be a teaser, and the page
    of the item would never be fetched."""
    body = "&lt;p&gt;a b&lt;/p&gt;" * 40
    [item] = feeds.parse_feed(_feed("A short summary.", body), "f").items
    assert item.page_url == "http://news.test/beans"  # a teaser: its page is fetched
    assert len(feeds._plain("<p>a b</p>" * 40).split()) == 41 < feeds.SHORT_WORDS
    assert len(feeds._plain("<p>a b</p>" * 40, blocks=True).split()) == 80
