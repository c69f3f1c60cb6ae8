"""Dialog boxes and the link lines after an article are not the article (no Textual)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.clean import clean, html, html_trim
from tui.core.clean.html import _parse
from tui.core.clean.html_trim import trim
from tui.core.model import RawDocument

P1 = ("The council voted on Tuesday to keep the library open on Sundays, after a year in "
      "which visits rose by a third and the reading room was full most weekends of winter.")
P2 = ("Opening on Sundays costs about forty thousand pounds a year, which the council will "
      "find by sharing a building with the museum and closing one smaller branch in the old "
      "town centre.")
HEAD = "Library stays open on Sundays"
COOKIE = "We use cookies to give you the best experience on our site"
ACCEPT = "Accept all cookies"
MORE = ["Council tax to rise by four per cent", "New bus lanes on the ring road", "Sport"]


def page(extra: str = "", tail: str = "", modal: bool = True) -> str:
    links = "".join(f'<li><a href="/n/{k}">{t}</a></li>' for k, t in enumerate(MORE))
    box = (f'<div role="dialog" aria-modal="true"><p>{COOKIE}</p><button>{ACCEPT}</button>'
           "</div>") if modal else ""
    return (f"<html><body><main><h1>{HEAD}</h1><p>{P1}</p>{extra}<p>{P2}</p>{tail}"
            f"<ul>{links}</ul></main>{box}</body></html>")


KEPT = [HEAD, P1, P2, *MORE, COOKIE]


def test_dialog_lines_and_trailing_links_are_dropped() -> None:
    out = trim(_parse(page()), "\n".join(KEPT)).split("\n")
    assert out == [HEAD, P1, P2]


def test_link_lines_inside_the_article_are_kept() -> None:
    inside = '<p><a href="/n/9">Council tax to rise by four per cent</a></p>'
    text = "\n".join([HEAD, P1, MORE[0], P2])
    assert trim(_parse(page(extra=inside, modal=False)), text) == text


def test_a_trailing_line_of_plain_words_is_kept() -> None:
    note = "Reporting by Jane Holt in Leeds"
    text = "\n".join([HEAD, P1, P2, note])
    assert trim(_parse(page(tail=f"<p>{note}</p>", modal=False)), text) == text


def test_pages_that_are_not_prose_keep_their_links(monkeypatch) -> None:
    text = "\n".join([HEAD, P1, *MORE * 6])  # a listing: mostly short linked lines
    assert trim(_parse(page(modal=False)), text) == text
    monkeypatch.setattr(html_trim, "PROSE_SHARE", 0.0)  # the gate off: they would go
    assert trim(_parse(page(modal=False)), text) != text


def test_a_page_that_is_its_dialog_keeps_it(monkeypatch) -> None:
    long = " ".join([COOKIE] * 8)
    doc = page().replace(f"<p>{COOKIE}</p>", f"<p>{long}</p>")
    text = "\n".join([HEAD, long])
    assert trim(_parse(doc), text) == text  # the dialog holds most of the words
    monkeypatch.setattr(html_trim, "DIALOG_SHARE", 1.0)
    assert trim(_parse(doc), text) == HEAD


def test_nothing_is_dropped_when_all_would_be() -> None:
    assert trim(_parse(page()), COOKIE) == COOKIE


def test_a_line_partly_in_links_is_not_a_link_line() -> None:
    doc = page(tail='<p>Read the <a href="/r">full report</a> from the council and the '
                    "library board</p>", modal=False)
    line = "Read the full report from the council and the library board"
    text = "\n".join([HEAD, P1, P2, line])
    assert trim(_parse(doc), text) == text


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([HEAD, P1, P2, COOKIE, ACCEPT, *MORE, "Photo: J. Holt"]),
                min_size=1, max_size=10))
def test_lines_are_only_dropped_never_added_or_moved(kept: list[str]) -> None:
    out = trim(_parse(page()), "\n".join(kept)).split("\n")
    it = iter(kept)
    assert all(any(o == k for k in it) for o in out)  # a subsequence of the input
    assert out and all(out)


def test_clean_drops_a_cookie_dialog_trafilatura_kept(monkeypatch) -> None:
    monkeypatch.setattr(html, "_trafilatura", lambda tree, origin: "\n".join(KEPT))
    body = clean(RawDocument("https://news.example/library", page(), "html")).body
    assert P1 in body and P2 in body
    assert COOKIE not in body and MORE[0] not in body


def test_a_long_linked_line_after_the_article_is_kept() -> None:
    line = ("The full text of the council decision and the library board report on Sunday "
            "opening with figures for every branch in the city this year")  # 25 words
    text = "\n".join([HEAD, P1, P2, line])
    assert trim(_parse(page(tail=f'<p><a href="/r">{line}</a></p>', modal=False)), text) == text


def test_a_dialog_line_the_page_also_shows_outside_it_is_kept() -> None:
    caption = "The reading room on a Sunday in January, full from opening time"
    lightbox = f'<figure><figcaption>{caption}</figcaption></figure>'
    tree = _parse(page(extra=lightbox).replace(
        f"<p>{COOKIE}</p>", f"<p>{COOKIE}</p><p>{caption}</p>"))
    out = trim(tree, "\n".join([HEAD, P1, caption, P2, COOKIE])).split("\n")
    assert out == [HEAD, P1, caption, P2]
