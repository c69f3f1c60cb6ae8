"""List items put back between kept lines (html_fill._items) stay out of the page's
furniture, come back whole or not at all, end sentences in any script, and do not shield a
promotion from html_extras (no Textual)."""

from __future__ import annotations

import lxml.html
import pytest

from tui.core.clean import html_fill
from tui.core.clean.api import clean_extracted
from tui.core.clean.html_blocks import dom_blocks, resegment

A = "The council met on Tuesday evening to weigh the plan for the river crossing at last."
B = "It voted by a wide margin to build the new bridge next spring, the mayor said later."
ITEMS = ["Residents asked for a safer crossing for children.",
         "Traffic on the old bridge has doubled since 2010."]
LIST = "<ul>" + "".join(f"<li>{t}</li>" for t in ITEMS) + "</ul>"


def redrawn(body: str, text: str = f"{A}\n{B}") -> list[str]:
    page = dom_blocks(lxml.html.fromstring(f"<html><body>{body}</body></html>"))
    return resegment(text, page).split("\n")


BOXES = {
    "nav": f"<nav>{LIST}</nav>",
    "footer": f"<footer>{LIST}</footer>",
    "aside": f"<aside class='box'><h3>Read next</h3>{LIST}</aside>",
    "form": f"<form>{LIST}</form>",
    "cookie": f"<div id='cookie-consent'>{LIST}</div>",
    "comments": f"<ol class='comment-list'><li>{ITEMS[0]}</li><li>{ITEMS[1]}</li></ol>",
    "share": f"<div class='share-tools'>{LIST}</div>",
    "newsletter": f"<div class='newsletter-signup'><h3>Sign up to our newsletter</h3>{LIST}</div>",
    "related": f"<div class='related-stories'><h3>Related</h3>{LIST}</div>",
}


@pytest.mark.parametrize("name", sorted(BOXES))
def test_items_in_the_pages_furniture_are_not_put_back_nor_their_heading(name):
    body = f"<article><p>{A}</p>{BOXES[name]}<p>{B}</p></article>"
    assert redrawn(body) == [A, B]


def test_the_same_items_outside_a_box_come_back():
    assert redrawn(f"<article><p>{A}</p>{LIST}<p>{B}</p></article>") == [
        A, "- " + ITEMS[0], "- " + ITEMS[1], B]


def test_a_box_word_on_the_container_of_the_kept_lines_too_is_not_read():
    body = f"<div class='page-with-sidebar'><p>{A}</p>{LIST}<p>{B}</p></div>"
    assert redrawn(body) == [A, "- " + ITEMS[0], "- " + ITEMS[1], B]


def test_a_box_word_on_the_main_container_is_not_read_for_a_gap_from_outside_it():
    disclosure = "We may be paid when you click on a link in this story, as our policy explains."
    body = (f"<p>{disclosure}</p><div class='main-with-sidebar'>{LIST}<p>{A}</p><p>{B}</p>"
            f"<p>{C}</p></div>")
    got = redrawn(body, f"{disclosure}\n{A}\n{B}\n{C}")
    assert got == [disclosure, "- " + ITEMS[0], "- " + ITEMS[1], A, B, C]


def test_furniture_off_puts_the_box_back(monkeypatch):
    monkeypatch.setattr(html_fill, "FURNITURE", False)
    got = redrawn(f"<article><p>{A}</p>{BOXES['share']}<p>{B}</p></article>")
    assert got == [A, "- " + ITEMS[0], "- " + ITEMS[1], B]


def test_an_item_of_several_blocks_comes_back_whole_or_not_at_all():
    nested = (f"<p>{A}</p><ul><li>Outer point starts here. <ul><li>Inner point is a "
              "sentence.</li><li>Inner two.</li></ul> And the outer point ends.</li></ul>"
              f"<p>{B}</p>")
    assert redrawn(nested) == [A, B]  # neither the outer item's head nor its inner items
    paras = (f"<p>{A}</p><ul><li><p>First part of it.</p><p>Second part of it.</p></li></ul>"
             f"<p>{B}</p>")
    assert redrawn(paras) == [A, B]
    broken = f"<p>{A}</p><ul><li>Line one of item.<br>Line two of item.</li></ul><p>{B}</p>"
    assert redrawn(broken) == [A, "- Line one of item. Line two of item.", B]  # one block


@pytest.mark.parametrize("item", [
    "住民はより安全な横断歩道を求めた。", "交通量は倍増した！",
    "هل سيتم بناء الجسر الجديد في الربيع القادم؟",
    "निवासियों ने बच्चों के लिए सुरक्षित क्रॉसिंग की मांग की।",
    "Residents asked for a safer crossing (see the report.)",
    "He said the old bridge was \u2018a disgrace.\u2019", "Il a dit \u00abc'est fini.\u00bb",
    "Traffic on the bridge has doubled\u2026",
    "To see what the council decided, read the following minutes:",
])
def test_sentence_ends_of_other_scripts_and_after_closing_marks(item):
    assert redrawn(f"<p>{A}</p><ul><li>{item}</li></ul><p>{B}</p>") == [A, "- " + item, B]


@pytest.mark.parametrize("item", ["MacBook Air 15\u201d", 'A monitor of 27"',
                                  "I need help with:", "Best local mover:"])
def test_inch_marks_and_short_labels_do_not_end_a_sentence(item):
    assert redrawn(f"<p>{A}</p><ul><li>{item}</li></ul><p>{B}</p>") == [A, B]


T = "Subscribe today and get a full year of the City Times for the price of six months."
S = "Offer ends soon, terms and conditions apply to all new subscribers in the region."
C = "Engineers say the old bridge, built in 1932, can no longer carry the traffic it sees."
PROMO = ["Unlimited access to every story on the site and in the app.",
         "Read the print edition on your tablet every morning."]


@pytest.mark.parametrize("copies", [1, 3])
def test_items_put_back_do_not_shield_a_promotion_from_the_furniture_filter(
        monkeypatch, copies):
    monkeypatch.setattr(html_fill, "FURNITURE", False)  # the box itself is not read here
    box = (f"<div class='promo'><p>{T}</p><ul>" + "".join(f"<li>{t}</li>" for t in PROMO)
           + f"</ul><p>{S}</p></div>")
    body = f"<p>{A}</p>" + box * copies + f"<p>{B}</p><p>{C}</p>"
    page = dom_blocks(lxml.html.fromstring(f"<html><body>{body}</body></html>"))
    text = "\n".join([A] + [T, S] * copies + [B, C])
    got = clean_extracted(resegment(text, page))["body"].split("\n\n")
    monkeypatch.setattr(html_fill, "ITEMS", False)
    assert got == clean_extracted(resegment(text, page))["body"].split("\n\n") == [A, B, C]
