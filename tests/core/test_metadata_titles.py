"""Titles from the best evidence on an HTML page: never a site-wide menu heading, no
permalink signs, the site's name removed (no Textual)."""

from __future__ import annotations

from test_clean_text import PARAS as BRIDGE_STORY

from tui.core.clean import clean
from tui.core.clean.titles import tidy
from tui.core.model import RawDocument

BODY = "".join(f"<p>{p}</p>" for p in BRIDGE_STORY[:4])


def cleaned(html: str):
    return clean(RawDocument("https://example.org/book/ch02.html", html, "html"))


def test_mdbook_menu_title_is_not_the_chapter_title() -> None:
    html = ("<html><head><title>Getting Started - The Marlowe Book</title></head><body>"
            "<div id='menu-bar' class='menu-bar'><h1 class='menu-title'>The Marlowe Book</h1>"
            "</div><main><h1 id='getting-started'>Getting Started</h1>" + BODY +
            "</main></body></html>")
    c = cleaned(html)
    assert c.title == "Getting Started"
    assert not c.body.startswith("Getting Started")


def test_sphinx_permalink_sign_is_not_in_the_title() -> None:
    html = ("<html><head><title>Installation — Marlowe 1.0 documentation</title></head><body>"
            "<div class='body'><h1>Installation<a class='headerlink' href='#installation'>¶</a>"
            "</h1>" + BODY + "</div></body></html>")
    c = cleaned(html)
    assert c.title == "Installation"
    assert "¶" not in c.body


def test_site_name_heading_is_not_the_post_title() -> None:
    # A blog whose only <h1> is the site's name: the <title>'s first part is the post's.
    html = ("<html><head><title>Council votes to replace bridge | Marlowe Notes</title></head>"
            "<body><h1>Marlowe Notes</h1><h2>Council votes to replace bridge</h2>" + BODY +
            "</body></html>")
    assert cleaned(html).title == "Council votes to replace bridge"


def test_declared_title_wins_and_loses_the_site_name() -> None:
    html = ("<html><head><meta property='og:title' content='Bridge vote | Marlowe Times'>"
            "<meta property='og:site_name' content='Marlowe Times'><title>x</title></head>"
            "<body><h1 class='logo'>Marlowe Times</h1>" + BODY + "</body></html>")
    assert cleaned(html).title == "Bridge vote"


def test_tidy() -> None:
    assert tidy("Installation¶") == "Installation"
    assert tidy("  Usage \n #") == "Usage"
    assert tidy("C# in depth") == "C# in depth" and tidy("Learning F#") == "Learning F#"
    assert tidy("¶") is None
