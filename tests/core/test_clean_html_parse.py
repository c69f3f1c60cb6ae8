"""The HTML path's parse: trafilatura's parser settings with element classes picked in C
(no Textual)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from tui.core.clean import html as H

PAGE = ("<!DOCTYPE html><html lang='en'><head><title>Quay</title></head><body>"
        "<form action='/s'><input name='q'><select><option>a</option></select>"
        "<textarea>t</textarea><label>l</label></form>"
        "<article><h1>Quay opens</h1><p>The harbour board said the quay would open.</p>"
        "<!-- a comment --></article></body></html>")


def test_every_element_is_a_plain_html_element() -> None:
    """lxml.html's own lookup (a Python call per element wrapped) gives forms, inputs,
    selects, textareas and labels classes of their own; the quick parse gives HtmlElement
    to every element, picked in C."""
    tree = H._parse(PAGE)
    assert tree is not None
    kinds = {el.tag: type(el) for el in tree.iter() if isinstance(el.tag, str)}
    assert all(k is HtmlElement for k in kinds.values()), kinds
    assert {"form", "input", "select", "textarea", "label"} <= set(kinds)


def test_the_tree_is_the_one_trafilatura_builds() -> None:
    tree = H._parse(PAGE)
    assert etree.tostring(tree) == etree.tostring(load_html(PAGE))
    assert "a comment" not in etree.tostring(tree, encoding="unicode")  # comments removed


def test_pages_the_quick_pass_does_not_take_go_through_load_html() -> None:
    """A str with an XML encoding declaration makes lxml raise; load_html retries it as
    bytes, and so does the parse."""
    page = '<?xml version="1.0" encoding="utf-8"?>' + PAGE
    assert H._quick_parse(page) is None
    tree = H._parse(page)
    assert tree is not None
    assert "harbour board" in tree.text_content()
    assert H._parse("   ") is None


PIECES = ["<p>", "</p>", "<div>", "</div>", "<ul><li>item</li></ul>", "<br>", "text ",
          "<table><tr><td>cell</td></tr></table>", "<form><input></form>", "<h2>Head</h2>",
          "<script>var x = 1;</script>", "&amp;", "<!-- c -->", "<a href='/x'>link</a>"]


@settings(max_examples=80, deadline=None)
@given(st.booleans(), st.lists(st.sampled_from(PIECES), max_size=25))
def test_same_tree_as_load_html(full: bool, pieces: list[str]) -> None:
    body = "".join(pieces)
    page = f"<html><body>{body}</body></html>" if full else body
    ours, theirs = H._parse(page), None
    if page.strip():
        theirs = load_html(page)
        if theirs is not None and hasattr(theirs, "text_content"):
            theirs = H._whole(theirs)  # a fragment: the page it was cut from (below)
    if theirs is None or not hasattr(theirs, "text_content"):
        assert ours is None
    else:
        assert ours is not None
        assert etree.tostring(ours) == etree.tostring(theirs)


@pytest.mark.parametrize("page", [
    "The mayor said <b>no</b> to the plan on Monday evening. <p>The museum reopens next "
    "week in the city, its director said.</p>",
    "<div>The mayor said <b>no</b> to the plan on Monday evening. <p>The museum reopens next "
    "week in the city, its director said.</p></div>",
])
def test_a_fragment_keeps_the_text_before_its_first_block(page: str) -> None:
    """A record's markup (a JSON Lines ``body``) or a pasted page with no <html>: lxml hands
    it as its <body> renamed <div> (or the body's one element), and trafilatura dropped the
    words before the first block. The parse hands the whole page, body named as such."""
    from tui.core.clean import clean
    from tui.core.model import RawDocument

    tree = H._parse(page)
    assert tree is not None and tree.tag == "html" and tree.find("body") is not None
    body = clean(RawDocument("frag", page, "html")).body
    assert "The mayor said no to the plan" in body and "The museum reopens" in body, body


def test_each_thread_parses_with_its_own_parser() -> None:
    import threading

    seen: list = []
    thread = threading.Thread(target=lambda: seen.append((H._parser(), H._parse(PAGE))))
    thread.start()
    thread.join()
    assert seen[0][0] is not H._parser()
    assert etree.tostring(seen[0][1]) == etree.tostring(H._parse(PAGE))


def _block_text_by_walk(el) -> str:
    """block_text as it was written first: every node visited in Python."""
    for node in el.iter():
        if isinstance(node.tag, str) and node.tag.lower() in H._BLOCKS:
            node.tail = "\n" + (node.tail or "")
    return "\n".join(" ".join(line.split()) for line in el.text_content().split("\n"))


UPPER = ["<DIV>", "</DIV>", "<P>", "<Li>", "<H3>Head</H3>", "<TR><TD>c</TD></TR>", "<BR>",
         "<span>in line</span>", "<section>", "</section>", "<b>bold</b>", " word "]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(PIECES + UPPER), min_size=1, max_size=25))
def test_block_text_is_one_line_per_block_as_before(pieces: list[str]) -> None:
    """block_text filters blocks by tag in C; the parser lowers tag names, so it gives the
    text the node-by-node walk gave, upper-case markup included."""
    page = "<html><body>" + "".join(pieces) + "</body></html>"
    a, b = H._parse(page), H._parse(page)
    assert a is not None and b is not None
    assert H.block_text(a) == _block_text_by_walk(b)
