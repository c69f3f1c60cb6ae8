"""Speed shortcuts of the HTML path, each checked against what it replaces (no Textual):
readability handed a tree parsed once with its own parser settings (classes picked in C)
instead of the page string it parses again on every try, and the page's hidden elements
stripped in C instead of one drop_tree call each."""

from __future__ import annotations

import copy

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from lxml import etree
from lxml.html import HtmlElement
from readability import Document
from readability.htmls import build_doc

from tui.core.clean import html as H

PIECES = ["<p>", "</p>", "<div>", "</div>", "<ul><li>item</li></ul>", "<br>", "text ",
          "<table><tr><td>cell</td></tr></table>", "<form><input></form>", "<h2>Head</h2>",
          "<script>var x = 1;</script>", "&amp;", "<!-- c -->", "<a href='/x'>link</a>",
          "<?pi x?>", "<div hidden>hidden box</div>", "<p style='display:none'>unseen</p>",
          "<style>p {}</style>", "<noscript>ns</noscript>", "<svg><title>t</title></svg>",
          "<template><p>tpl</p></template>", "caf\u00e9 \u2014 ", "<P>Upper</P>", " tail ",
          "<p>The harbour board said on Tuesday that the new quay would open in May.</p>"]
BODIES = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


def _page(full: bool, body: str) -> str:
    return f"<html><head><title>T</title></head><body>{body}</body></html>" if full else body


@settings(max_examples=80, deadline=None)
@given(st.booleans(), BODIES)
@example(True, "<!-- c --><p>a</p><?pi x?><div hidden>b</div>")
@example(False, "</p>")
def test_readability_tree_is_the_one_readability_builds(full: bool, body: str) -> None:
    """The tree handed to readability serialises exactly as readability-lxml's build_doc
    parses the page (comments and processing instructions kept, as its parser keeps them);
    only the element classes are picked in C."""
    page = _page(full, body)
    if not page.strip():
        return
    try:
        theirs = etree.tostring(build_doc(page)[0])
    except etree.ParserError:  # "Document is empty" ("</p>"): both parses raise it
        with pytest.raises(etree.ParserError):
            H._readability_tree(page)
        return
    ours = H._readability_tree(page)
    assert etree.tostring(ours) == theirs
    assert all(type(el) is HtmlElement for el in ours.iter() if isinstance(el.tag, str))


SHORT = ("<html><body><div hidden>a hidden box</div><div class='comment'>Reader says hi."
         "</div><p style='display: none'>unseen</p><p>A short note on the quay.</p>"
         "</body></html>")


@settings(max_examples=60, deadline=None)
@given(st.booleans(), BODIES)
@example(True, "<div hidden>a hidden box</div><p>A short note.</p>")
@example(False, "</p>")
def test_readability_summary_from_the_tree_equals_the_one_from_the_page(
        full: bool, body: str) -> None:
    """readability reads the tree it was given again on each try (a page it finds too short
    is tried a second time, less ruthlessly). It drops hidden elements in place first, which
    a second pass finds none of, so the summary is the one the page string gives."""
    page = _page(full, body)
    if not page.strip():
        return
    try:
        theirs = Document(page).summary(html_partial=True)
    except Exception:  # noqa: BLE001 - an empty document raises; extract() reads "no text"
        theirs = "raised"
    try:
        ours = Document(H._readability_tree(page)).summary(html_partial=True)
    except Exception:  # noqa: BLE001 - the same page raises, here while parsing
        ours = "raised"
    assert ours == theirs


def test_a_short_page_is_tried_twice_and_gives_the_same_summary() -> None:
    """The retry path (the first, ruthless try comes out under 250 characters)."""
    tries: list[int] = []

    class Counting(Document):
        def _html(self, force=False):
            tries.append(1)
            return super()._html(force)

    ours = Counting(H._readability_tree(SHORT)).summary(html_partial=True)
    assert len(tries) >= 2
    assert ours == Document(SHORT).summary(html_partial=True)
    assert "short note" in ours and "hidden box" not in ours and "unseen" not in ours


def test_readability_text_of_a_page() -> None:
    text = H._readability(SHORT)
    assert "A short note on the quay." in text.split("\n")
    assert "hidden box" not in text


def _visible_by_drop_tree(tree) -> str:
    """visible_text as it was written first: lxml.html's drop_tree on each hidden element."""
    for el in list(tree.iter(*H._HIDDEN)):
        if el.getparent() is not None:
            el.drop_tree()
    return H.block_text(tree)


NESTED = ["<noscript><svg><title>in</title></svg>after svg</noscript>",
          "<head><style>x</style><script>y</script></head>", "<svg>a<svg>b</svg>c</svg>tail"]


@settings(max_examples=80, deadline=None)
@given(st.booleans(), st.lists(st.sampled_from(PIECES + NESTED), min_size=1, max_size=30))
@example(False, ["<svg><title>a lone svg</title></svg>"])
@example(True, ["<p>a", "<script>s</script>", "tail</p>"])
def test_visible_text_strips_hidden_elements_as_drop_tree_did(full: bool,
                                                              pieces: list[str]) -> None:
    """Hidden elements stripped in C: the same text as dropping each one in Python (tails
    kept where they stood, nested hidden elements, a page that is one hidden element)."""
    tree = H._parse(_page(full, "".join(pieces)))
    if tree is None:
        return
    other = copy.deepcopy(tree)
    assert H.visible_text(tree) == _visible_by_drop_tree(other)


def test_visible_text_keeps_the_tail_of_a_script() -> None:
    tree = H._parse("<html><body><p>before <script>var s;</script>after</p></body></html>")
    lines = [ln for ln in H.visible_text(tree).split("\n") if ln]
    assert lines == ["before after"]
