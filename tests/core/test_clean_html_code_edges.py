"""A source line end at inline code's edge inside a paragraph is a space, as one inside a
text node is (html_blocks.CODE_EDGES; GNU manuals: "freed by\\n<code>free</code>"; no
Textual)."""

from __future__ import annotations

import lxml.html

from tui.core.clean import html_blocks
from tui.core.clean.html_blocks import dom_blocks, resegment

WRAPPED = (
    "<p>Memory allocated by <code>ffi_closure_alloc</code> and freed by\n"
    "<code>ffi_closure_free</code> does not come from the pool that\n"
    "<code>malloc</code>\nand <code>free</code> use.</p>"
)


def redrawn(html: str) -> list[str]:
    """The redraw of what trafilatura extracts from ``html``: each source line a line."""
    text = lxml.html.fromstring(f"<div>{html}</div>").text_content()
    lines = [" ".join(ln.split()) for ln in text.split("\n")]
    page = dom_blocks(lxml.html.fromstring(f"<html><body>{html}</body></html>"))
    return resegment("\n".join(ln for ln in lines if ln), page).split("\n")


def test_line_ends_before_and_after_inline_code_join_the_paragraph():
    assert redrawn(WRAPPED) == [
        "Memory allocated by ffi_closure_alloc and freed by ffi_closure_free does not come "
        "from the pool that malloc and free use."
    ]


def test_a_sentence_ending_before_the_code_still_ends_its_line():
    html = "<p>Memory is freed.\n<code>free</code> is the call.</p>"
    assert redrawn(html) == ["Memory is freed.", "free is the call."]


def test_inside_pre_every_line_stays_a_line():
    html = "<pre>make\n<code>install</code>\nrun</pre>"
    assert redrawn(html) == ["make", "install", "run"]


def test_switched_off_the_code_edges_stay_breaks(monkeypatch):
    monkeypatch.setattr(html_blocks, "CODE_EDGES", False)
    assert len(redrawn(WRAPPED)) > 1


def test_white_space_alone_between_two_codes_is_layout():
    assert redrawn("<p><code>alpha</code>\n<code>beta</code></p>") == ["alpha", "beta"]


def test_a_clauses_comma_before_the_code_joins():
    html = "<p>If settings prohibit any of these,\n<code>alloc</code> will fail.</p>"
    assert redrawn(html) == ["If settings prohibit any of these, alloc will fail."]
