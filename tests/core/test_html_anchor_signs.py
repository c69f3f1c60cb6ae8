"""A heading's permalink sign ("Path#", "Installation¶") is not part of its text."""

from __future__ import annotations

import lxml.html
import pytest

from tui.core.clean.api import clean
from tui.core.clean.html_anchors import drop_anchor_signs
from tui.core.model import RawDocument

PROSE = (
    "<p>The path module provides utilities for working with file and directory paths, and "
    "it can be used from any script that needs to join or split the parts of a path.</p>"
)


def _body(head: str) -> str:
    page = f"<html><body><article>{head}{PROSE}{PROSE}</article></body></html>"
    return clean(
        RawDocument(origin="https://docs.example.org/path", content=page, kind="html")
    ).body


@pytest.mark.parametrize(
    "head",
    [
        '<h2>Path<span><a class="mark" href="#path" id="path">#</a></span></h2>',  # Node
        '<h2>Path<a class="headerlink" href="#path" title="Link">¶</a></h2>',  # Sphinx
        '<h2>Path <a href="#path"><span>§</span></a></h2>',
    ],
)
def test_a_headings_sign_goes(head):
    first = _body(head).split("\n")[0]
    assert first == "Path"


def test_signs_that_are_text_or_link_elsewhere_stay():
    tree = lxml.html.fromstring(
        "<div><h2>C# <a href='/lang/csharp'>#</a></h2><h3>Notes<a href='#n1'>[1]</a></h3>"
        "<p>Issue <a href='#top'>#</a> here</p></div>"
    )
    assert drop_anchor_signs(tree) == 0
    assert tree.text_content() == "C# #Notes[1]Issue # here"


def test_the_text_after_a_sign_stays():
    tree = lxml.html.fromstring("<div><dt>open(path)<a href='#open'>¶</a> new</dt></div>")
    assert drop_anchor_signs(tree) == 1
    assert tree.text_content() == "open(path) new"
