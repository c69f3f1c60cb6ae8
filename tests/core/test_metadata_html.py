"""HTML pages whose markup names no author or date: the byline and date shown on the page
are read from its visible text, as for a plain-text page; the markup still wins."""

from __future__ import annotations

from test_clean_text import PARAS as BRIDGE_STORY

from tui.core.clean import clean
from tui.core.model import RawDocument

PARAS = BRIDGE_STORY[:4]


def page(head: str = "", first: str = PARAS[0]) -> str:
    body = "".join(f"<p>{p}</p>" for p in [first, *PARAS[1:]])
    return (f"<html><head><title>Council votes to replace bridge</title>{head}</head><body>"
            "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
            "<article><h1>Council votes to replace bridge</h1>"
            "<div class='byline'>By Jane Holt</div><div class='when'>Published May 3, 2022"
            f"</div>{body}</article><footer>Contact us</footer></body></html>")


def cleaned(html: str):
    return clean(RawDocument("https://example.org/a", html, "html"))


def test_byline_and_date_from_visible_text() -> None:
    c = cleaned(page())
    assert c.author == "Jane Holt"
    assert (c.date or "")[:10] == "2022-05-03"
    assert PARAS[1] in c.body


def test_markup_wins_over_visible_text() -> None:
    head = ('<meta name="author" content="Ann Lee">'
            '<meta property="article:published_time" content="2020-01-01">')
    c = cleaned(page(head))
    assert (c.author, c.date) == ("Ann Lee", "2020-01-01")


def test_dateline_from_visible_text_not_a_label() -> None:
    c = cleaned(page(first="SUMMARY: " + PARAS[0]))
    assert c.dateline is None
    c = cleaned(page(first="MARLOWE (AP) — " + PARAS[0]))
    assert c.dateline == "MARLOWE"


def test_control_characters_do_not_glue_words() -> None:
    c = clean(RawDocument("p", "the council\x1fvoted and the\x85bridge\x1b[0mwill", "text"))
    for word in c.body.split():
        assert word in "the council voted and the bridge will"
