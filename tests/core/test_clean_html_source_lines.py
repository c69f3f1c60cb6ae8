"""A line end in a page's HTML source is a space, not a paragraph (issue #13; no Textual).

trafilatura keeps a line end inside a ``<p>``'s text as a line break, as it keeps a ``<br>``;
the redraw reads the page's own text and joins the lines again where the line end lies inside
a text node and the line before it does not end a sentence (html_source.py).
"""

from __future__ import annotations

import lxml.html
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.clean import clean, html_source
from tui.core.clean.html_blocks import dom_blocks, resegment
from tui.core.model import RawDocument


def page(body: str):
    return dom_blocks(lxml.html.fromstring(f"<html><body>{body}</body></html>"))


def redrawn(html: str) -> list[str]:
    """The redraw of what trafilatura extracts from ``html``: each source line a line."""
    text = lxml.html.fromstring(f"<div>{html.replace('<br>', chr(10))}</div>").text_content()
    lines = [" ".join(ln.split()) for ln in text.split("\n")]
    return resegment("\n".join(ln for ln in lines if ln), page(html)).split("\n")


NODE = (
    "<p>The <code>node:path</code> module provides utilities for working with file and "
    "directory\npaths. It can be accessed using:</p>"
)


def test_a_hard_wrapped_paragraph_is_one_paragraph():
    assert redrawn(NODE) == [
        "The node:path module provides utilities for working with file "
        "and directory paths. It can be accessed using:"
    ]
    assert redrawn(
        "<p>the node:path module will assume that\nWindows-style paths are used, "
        "as in\n2024, and <b>more</b> of\n  it</p>"
    ) == [
        "the node:path module will assume that Windows-style paths are used, as in 2024, and "
        "more of it"
    ]


def test_a_br_still_breaks_the_line():
    assert redrawn("<p>file and directory<br>\npaths are apart</p>") == [
        "file and directory",
        "paths are apart",
    ]
    assert redrawn("<p>file and directory<br>paths are apart</p>") == [
        "file and directory",
        "paths are apart",
    ]


def test_preformatted_text_keeps_its_lines():
    assert redrawn("<pre>const path = require\nimport path from here</pre>") == [
        "const path = require",
        "import path from here",
    ]
    for style in ("white-space: pre-line", "WHITE-SPACE:pre-wrap", "white-space:pre"):
        html = f'<p style="{style}">roses are red and\nviolets are blue</p>'
        assert redrawn(html) == ["roses are red and", "violets are blue"], style
    html = '<p>a verse of <span style="white-space: pre">roses are red and\nviolets</span></p>'
    assert redrawn(html) == ["a verse of roses are red and", "violets"]


def test_a_title_over_a_capitalised_line_keeps_its_line_end():
    html = "<div>With shattered dreams, deportees return from US\nNEW DELHI: They came.</div>"
    assert redrawn(html) == [
        "With shattered dreams, deportees return from US",
        "NEW DELHI: They came.",
    ]
    assert redrawn("<p>Written by John\nSmith, who reports</p>") == [
        "Written by John",
        "Smith, who reports",
    ]
    assert redrawn("<p>Written by John\nsmith who reports</p>") == [
        "Written by John smith who reports"
    ]


def test_a_line_that_ends_a_sentence_keeps_its_line_end():
    for end in (".", "!", "?", ":", ";", ".”", '."', "?)"):
        html = f"<p>The plane landed at six{end}\nthey came home.</p>"
        assert redrawn(html) == [f"The plane landed at six{end}", "they came home."], end


def test_white_space_alone_between_elements_is_not_joined():
    html = (
        "<div><a href='/a'>Adapters</a>\n  <a href='/b'>Adjusters</a>\n"
        "<a href='/c'>Aligners</a></div><div>\n  Mar 14\n  <span>26</span>\n</div>"
    )
    assert redrawn(html) == ["Adapters", "Adjusters", "Aligners", "Mar 14", "26"]


def test_the_line_ends_are_not_joined_when_the_rule_is_off(monkeypatch):
    monkeypatch.setattr(html_source, "JOIN", "off")
    assert len(redrawn(NODE)) == 2


def test_the_whole_cleaner_gives_one_paragraph():
    body = (
        "<html><head><title>Path | Node.js</title></head><body><main><h1>Path</h1>"
        + NODE
        + "<p>The default operation of the module varies based on the operating\n"
        "system on which a Node.js application is running. Specifically, when running on\n"
        "a Windows operating system, the module will assume that\n"
        "Windows-style paths are being used.</p></main></body></html>"
    )
    paras = [
        p for p in clean(RawDocument("file:path.html", body, "html")).body.split("\n") if p.strip()
    ]
    assert (
        "The node:path module provides utilities for working with file and directory "
        "paths. It can be accessed using:" in paras
    )
    assert any(
        p.startswith("The default operation") and p.endswith("are being used.") for p in paras
    )


# Words a sentence goes on across: each starts with a lower-case letter or a digit (a
# capitalised word on both sides of a line end is a title over a dateline: kept apart).
_WORD = st.sampled_from(["alpha", "gamma,", "delta-", "eps", "the", "3", "d.c", "y)", "and", "n&"])


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(_WORD, st.sampled_from([" ", "\n", " \n", "\n  ", "\n\n"])),
        min_size=2,
        max_size=14,
    )
)
def test_rewrapping_a_paragraphs_source_never_changes_the_output(pieces):
    words = " ".join(w for w, _ in pieces)
    source = "".join(w + sep for w, sep in pieces[:-1]) + pieces[-1][0]
    assert redrawn(f"<p>{source}</p>") == redrawn(f"<p>{words}</p>") == [words]
