"""List items that are sentences, skipped between two kept lines of an article, are put
back from the page (html_fill._items; no Textual)."""

from __future__ import annotations

import lxml.html
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.clean import html_fill
from tui.core.clean.html_blocks import dom_blocks, resegment

A = "The council met on Tuesday evening to weigh the plan for the river crossing at last."
B = "It voted by a wide margin to build the new bridge next spring, the mayor said later."
ITEMS = ["Residents asked for a safer crossing for children.",
         "Traffic on the old bridge has doubled since 2010."]


def redrawn(body: str, text: str) -> list[str]:
    page = dom_blocks(lxml.html.fromstring(f"<html><body>{body}</body></html>"))
    return resegment(text, page).split("\n")


def listed(items: list[str], link: bool = False) -> str:
    cells = (f"<a href='/x'>{t}</a>" if link else t for t in items)
    return "<ul>" + "".join(f"<li>{c}</li>" for c in cells) + "</ul>"


def test_sentence_items_skipped_between_kept_lines_are_put_back_as_items():
    body = f"<p>{A}</p>{listed(ITEMS)}<p>{B}</p>"
    assert redrawn(body, f"{A}\n{B}") == [A, "- " + ITEMS[0], "- " + ITEMS[1], B]


def test_items_come_back_in_page_order_with_a_skipped_heading():
    body = f"<p>{A}</p><h2>Why it was needed</h2>{listed(ITEMS)}<p>{B}</p>"
    got = redrawn(body, f"{A}\n{B}")
    assert got == [A, "Why it was needed", "- " + ITEMS[0], "- " + ITEMS[1], B]


def test_items_then_a_heading_over_the_next_kept_line_keep_the_page_order():
    body = f"<p>{A}</p>{listed(ITEMS)}<h2>What was decided</h2><p>{B}</p>"
    got = redrawn(body, f"{A}\n{B}")
    assert got == [A, "- " + ITEMS[0], "- " + ITEMS[1], "What was decided", B]


def test_items_of_an_ordered_list_are_numbered():
    body = f"<p>{A}</p><ol>" + "".join(f"<li>{t}</li>" for t in ITEMS) + f"</ol><p>{B}</p>"
    assert redrawn(body, f"{A}\n{B}") == [A, "1. " + ITEMS[0], "2. " + ITEMS[1], B]


def test_links_and_labels_are_not_put_back():
    links = f"<p>{A}</p>{listed(ITEMS, link=True)}<p>{B}</p>"
    assert redrawn(links, f"{A}\n{B}") == [A, B]  # a menu or a box of stories
    labels = f"<p>{A}</p>{listed(['Residents', 'Traffic and roads'])}<p>{B}</p>"
    assert redrawn(labels, f"{A}\n{B}") == [A, B]  # not sentences


def test_items_far_from_the_kept_lines_are_not_put_back():
    filler = "<p>" + " ".join(["word"] * html_fill.ITEM_GAP) + "</p>"
    body = f"<p>{A}</p>{filler}{listed(ITEMS)}<p>{B}</p>"
    assert redrawn(body, f"{A}\n{B}") == [A, B]


def test_not_put_back_where_the_text_is_mostly_short_lines():
    short = [f"Bridge plan number {n}" for n in range(1, 11)]  # 40 words against 33
    kept = [A, *short, B]
    body = "".join(f"<p>{t}</p>" for t in kept[:-1]) + listed(ITEMS) + f"<p>{B}</p>"
    assert redrawn(body, "\n".join(kept)) == kept  # a listing: its records are its items


def test_an_item_already_in_the_text_or_repeated_comes_once():
    body = f"<p>{A}</p>{listed([ITEMS[0], ITEMS[0], ITEMS[1]])}<p>{B}</p>"
    assert redrawn(body, f"{A}\n{B}") == [A, "- " + ITEMS[0], "- " + ITEMS[1], B]
    kept = f"{A}\n{ITEMS[1]}\n{B}"
    body = f"<p>{A}</p>{listed([ITEMS[1]])}<p>{ITEMS[1]}</p>{listed([ITEMS[1]])}<p>{B}</p>"
    assert redrawn(body, kept).count(ITEMS[1]) == 1


def test_items_between_two_copies_of_one_line_are_a_repeated_box_not_put_back():
    promo = "Sign up for our weekly letter and get the best of the city in your inbox now."
    body = f"<p>{A}</p><p>{promo}</p>{listed(ITEMS)}<p>{promo}</p><p>{B}</p>"
    got = redrawn(body, f"{A}\n{promo}\n{promo}\n{B}")
    assert got == [A, promo, promo, B]


def test_nothing_is_put_back_with_items_off(monkeypatch):
    monkeypatch.setattr(html_fill, "ITEMS", False)
    body = f"<p>{A}</p>{listed(ITEMS)}<p>{B}</p>"
    assert redrawn(body, f"{A}\n{B}") == [A, B]


_ITEM = st.tuples(st.sampled_from(["Residents asked for more", "Traffic has doubled",
                                   "Cyclists want a lane", "Menu"]),
                  st.sampled_from([".", "", "!"]), st.booleans())


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_ITEM, min_size=1, max_size=4), min_size=1, max_size=3))
def test_kept_lines_stay_and_only_sentence_items_are_added(lists):
    kept = [A, B, A.replace("council", "board"), B.replace("mayor", "clerk")]
    body = ""
    for n, items in enumerate(lists):
        body += f"<p>{kept[n]}</p>" + "<ul>" + "".join(
            f"<li>{f'<a href=/x>{t}{e}</a>' if link else t + e}</li>" for t, e, link in items
        ) + "</ul>"
    body += f"<p>{kept[len(lists)]}</p>"
    text = kept[:len(lists) + 1]
    got = redrawn(body, "\n".join(text))
    assert [ln for ln in got if not ln.startswith("- ")] == text  # kept lines, in order
    added = [ln[2:] for ln in got if ln.startswith("- ")]
    want: dict[str, str] = {}  # an item's words -> the first such item (repeats come once)
    for items in lists:
        for t, e, link in items:
            if e and not link:
                want.setdefault(t, t + e)
    assert sorted(added) == sorted(want.values())
