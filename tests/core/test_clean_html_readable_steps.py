"""readability's steps done with less work (html_readable._readable), each checked against
readability-lxml's own (no Textual): the same text lengths, the same summary of a page; the
changes take effect only inside Wiredesk's call, and fail safe when the library changes."""

from __future__ import annotations

import copy

import lxml.html
from hypothesis import given, settings
from hypothesis import strategies as st
from readability import Document
from readability import readability as module
from readability.readability import clean

from tui.core.clean import html as H
from tui.core.clean import html_readable as R

SPACES = st.text(
    alphabet=[" ", "\t", "\n", "\r", "\xa0", "\u2009", "\x0b", "\x1c", "\u3000", "a", ",", "b"],
    max_size=80,
)
PIECES = [
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<div class='comment'>",
    "<div id='sidebar'>",
    "<div class='article-body main'>",
    "<ul class='menu'><li><a href='/x'>Home</a></li></ul>",
    "<a href='/y'>a link</a>",
    "<a href='/z'><b>a long link text</b></a>",
    "<section class='related'>",
    "</section>",
    "<br>",
    "<pre class='footer'>kept</pre>",
    "<p>The harbour board said on Tuesday that the new quay would open in May, after "
    "two years of work and a long argument about the dredging, its costs and its use.</p>",
    "<p>A shorter note, with a comma.</p>",
    "  \n\t  ",
    "x" * 3 + " " * 300 + "y",
    "<td>cell</td>",
    "<blockquote>Quoted words, of some length here.</blockquote>",
]
PAGES = st.lists(st.sampled_from(PIECES), max_size=40).map(
    lambda parts: f"<html><body>{''.join(parts)}</body></html>"
)
STORY = (
    "<html><body><div class='menu'><a href='/a'>Home</a> <a href='/b'>News</a></div>"
    "<div class='story'>" + "<p>The quay opens in May, the board said, after a long "
    "argument about the dredging and its cost to the town.</p>"
    * 4
    + "</div><div id='comments'><p>First!</p></div></body></html>"
)


@settings(max_examples=300, deadline=None)
@given(st.lists(SPACES, max_size=8).map("".join))
def test_text_length_is_readabilitys(text: str) -> None:
    assert R.text_length(R._Text(text)) == len(clean(text))
    long = text + " \n" * 200 + text  # a run of 255 white space characters or more
    assert R.text_length(R._Text(long)) == len(clean(long))


def _summary(document, page: str) -> str:
    try:
        return document(lxml.html.document_fromstring(page)).summary(html_partial=True)
    except Exception:  # noqa: BLE001 - an empty document raises: the same on both sides
        return "raised"


@settings(max_examples=150, deadline=None)
@given(PAGES)
def test_the_cheaper_document_summarises_as_readability_does(page: str) -> None:
    readable = R._readable(Document)
    with R.ours():  # (Wiredesk's forms of the module's steps)
        ours = _summary(readable, page)
    assert ours == _summary(Document, page)  # (outside: the library's own steps)


def test_readability_text_reads_the_summary_readability_gives() -> None:
    tree = H._readability_tree(STORY)
    ours = R.readability_text(copy.deepcopy(tree))
    theirs = Document(copy.deepcopy(tree)).summary(html_partial=True)
    assert ours == R.block_text(lxml.html.fragment_fromstring(theirs, create_parent="div"))
    assert "quay opens in May" in ours and "Home" not in ours


def test_outside_wiredesk_s_call_the_library_runs_its_own_steps(monkeypatch) -> None:
    """The benchmarks' "readability-lxml alone" is the library's own code."""
    theirs = module.text_length, module.describe, vars(module.html_cleaner).copy()
    R.readability_text(H._readability_tree(STORY))  # (registers Wiredesk's forms)
    assert (module.text_length, module.describe, vars(module.html_cleaner)) == theirs
    cleans: list[str] = []
    their_clean = module.clean
    monkeypatch.setattr(module, "clean", lambda t: cleans.append(t) or their_clean(t))
    el = lxml.html.fragment_fromstring("<p class='x'>a  b</p>")
    assert module.text_length(el) == 3 and cleans == ["a  b"]  # its own text_length
    assert module.describe(el) != ""  # debug names built, as the library does
    with R.ours():
        assert module.text_length is R.text_length and module.text_length(el) == 3
        assert cleans == ["a  b"] and module.describe(el) == ""
        assert getattr(module.html_cleaner._remove_javascript_link, "wiredesk", False)
        with R.ours():  # (nested, or another thread's call: still Wiredesk's forms)
            assert module.text_length is R.text_length
        assert module.text_length is R.text_length
    assert (module.text_length, module.describe, vars(module.html_cleaner)) == theirs
    opened: list[int] = []
    transform = Document.transform_misused_divs_into_paragraphs
    monkeypatch.setattr(
        Document,
        "transform_misused_divs_into_paragraphs",
        lambda self: opened.append(R._OPEN[0]) or transform(self),
    )
    R.readability_text(H._readability_tree(STORY))  # Wiredesk's call: its forms in effect
    Document(STORY).summary()
    assert opened[0] == 1 and opened[-1] == 0 and R._OPEN[0] == 0


def _walking(self) -> None:  # another readability: its search walks the page with iter()
    for elem in list(self.html.iter()):
        s = "{} {}".format(elem.get("class", ""), elem.get("id", ""))
        if "comment" in s or "menu" in s:
            elem.drop_tree()


def _listing(self) -> None:  # another one, which iterates over the page itself
    for elem in [e for child in self.html for e in child.iter()]:
        if "comment" in "{} {}".format(elem.get("class", ""), elem.get("id", "")):
            elem.drop_tree()


def test_the_stand_in_page_serves_or_the_library_s_own_step_runs(monkeypatch) -> None:
    """If a version of readability uses the page otherwise in remove_unlikely_candidates,
    readability's answer is still its own (not lost to an AttributeError in _safe)."""
    readable = R._readable(Document)
    monkeypatch.setattr(readable, "only", True)
    for step, still in ((_walking, True), (_listing, False)):
        monkeypatch.setattr(Document, "remove_unlikely_candidates", step)
        tree = H._readability_tree(STORY)
        theirs = Document(copy.deepcopy(tree)).summary(html_partial=True)
        ours = R.readability_text(tree)
        assert ours == R.block_text(lxml.html.fragment_fromstring(theirs, create_parent="div"))
        assert "First!" not in ours and readable.only is still


def _plain_length(el) -> int:  # a stand-in for another version's text_length
    return len(el.text_content() or "")


def test_a_step_that_gives_other_answers_is_left_the_library_s(monkeypatch) -> None:
    """Another clean() (the text lengths would differ): readability's text_length stays its
    own; other link densities: the paragraphs are scored by the library's own steps."""
    monkeypatch.setattr(R, "_CLASSES", {})
    monkeypatch.setattr(R, "_SWAPS", {})
    monkeypatch.setattr(module, "text_length", _plain_length)
    monkeypatch.setattr(module, "clean", lambda t: t)
    readable = R._readable(Document)
    with R.ours():
        assert module.text_length is _plain_length
        ours = _summary(readable, STORY)
    assert ours == _summary(Document, STORY) and "quay opens" in ours
    monkeypatch.undo()
    monkeypatch.setattr(R, "_CLASSES", {})
    monkeypatch.setattr(R, "_SWAPS", {})
    monkeypatch.setattr(Document, "get_link_density", lambda self, elem: 0.5)
    readable = R._readable(Document)
    assert readable.score_paragraphs is Document.score_paragraphs
    assert R._readable(Document) is readable
