"""A page holding a character reference to a character XML forbids ("&#12;", a form feed;
"&#xFFFF;"): trafilatura, which builds an XML tree, found no text at all on it; the reference is
read as a space (HTML reads a form feed as white space) and the page's text is kept, as
trafilatura extracts it on the same page without the reference."""

from __future__ import annotations

import pytest

from tui.core.clean import clean
from tui.core.clean.html import _CONTROL_REF, _trafilatura, extract
from tui.core.model import RawDocument

PARAS = "".join(
    f"<p>Paragraph {n}: the council voted on Tuesday to approve the new budget for the coming "
    f"year, after a long debate about the cost of repairs to the old bridge.</p>"
    for n in range(4)
)
INNER = (
    "<h2>What changes</h2><ul><li>Bus fares rise by ten pence.</li><li>Libraries open on "
    "Sundays.</li><li>The bridge is shut in May.</li></ul><p>Short one.</p><h2>Next steps</h2>"
    "<table><tr><td>Item</td><td>Cost</td></tr><tr><td>Bridge</td><td>4m</td></tr></table>"
)


def page(between: str = "") -> str:
    return (
        "<html><head><title>Budget approved</title></head><body><div class=nav><a href=/>Home"
        "</a> <a href=/n>News</a></div><article><h1>Budget approved</h1>"
        f"{PARAS}{between}{INNER}{PARAS}</article><footer><p>Copyright 2024 The Courier. All "
        "rights reserved.</p></footer></body></html>"
    )


@pytest.mark.parametrize(
    "ref",
    ["&#12;", "&#xC;", "&#x0c", "&#11;", "&#1;", "&#x1F;", "&#xFFFE;", "&#xffff", "&#65535;"],
)
def test_a_control_reference_loses_no_text(ref) -> None:
    assert "| Bridge | 4m |" in extract(page())[0]  # (the table, which readability drops)
    assert extract(page(ref))[0] == extract(page())[0]
    assert clean(RawDocument("p.html", page(ref), "html")).body == (
        clean(RawDocument("p.html", page(), "html")).body
    )


def test_trafilatura_itself_finds_nothing_there() -> None:
    # (the reason for the substitution: if trafilatura ever reads such a page, it can go)
    from tui.core.clean.html import _parse

    assert _trafilatura(_parse(page("&#12;")), "", 0) is None
    assert _trafilatura(_parse(page()), "", 0)


def test_only_the_controls_xml_forbids_are_replaced() -> None:
    kept = "&#9;&#10;&#13;&#32;&#120;&#123;&#127;&#x20;&#x10ff;&#8217;&#xFFFD;&#xFFFE0;&#65536;"
    assert _CONTROL_REF.sub("_", kept) == kept
    assert _CONTROL_REF.sub("_", "&#xFFFE0;&#xFFF;&#6553;&#655350;&#xD800;") == (
        "&#xFFFE0;&#xFFF;&#6553;&#655350;&#xD800;"
    )
    forbidden = "&#0;&#8;&#012;&#14;&#31;&#xb;&#X1f;&#xfffe;&#x0FFFF;&#65534;&#065535;"
    assert _CONTROL_REF.sub("_", forbidden) == "_" * 11
