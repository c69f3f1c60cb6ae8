"""Blocks of the article's own box skipped between kept lines are put back from the page
(html_inside.fill_inside; no Textual)."""

from __future__ import annotations

import lxml.html
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tui.core.clean import html as H
from tui.core.clean import html_inside
from tui.core.clean.html_inside import fill_inside

A = "The council met on Tuesday evening to weigh the plan for the river crossing at last."
B = "It voted by a wide margin to build the new bridge next spring, the mayor said later."
C = "Work on the approach roads is to start in March and should take about two years."
ITEMS = ["Lots of jobs are available in the town", "More companies mean more funding",
         "Few people learn the old trade now"]


def page(article: str, around: str = "") -> object:
    return lxml.html.fromstring(
        f"<html><body><nav><a href='/'>Home</a></nav><article class='post'>{article}</article>"
        f"{around}</body></html>")


def listed(items: list[str], link: bool = False) -> str:
    cells = (f"<a href='/x'>{t}</a>" if link else t for t in items)
    return "<ul>" + "".join(f"<li>{c}</li>" for c in cells) + "</ul>"


def test_list_items_and_a_heading_skipped_inside_the_article_come_back_in_place():
    tree = page(f"<p>{A}</p><h3>TL;DR</h3>{listed(ITEMS)}<p>{B}</p><p>{C}</p>")
    marked = [f"- {t}" for t in ITEMS]  # list items marked as the extractor marks them
    assert fill_inside(tree, f"{A}\n{B}\n{C}").split("\n") == [A, "TL;DR", *marked, B, C]


def test_blocks_after_the_last_kept_line_are_not_the_article():
    tree = page(f"<p>{A}</p><p>{B}</p><h3>More from us</h3>{listed(ITEMS)}")
    assert fill_inside(tree, f"{A}\n{B}") == f"{A}\n{B}"


def test_blocks_in_boxes_of_another_kind_stay_out():
    cards = "".join(f"<div class='card'><p>{t}</p></div>" for t in ITEMS)
    tree = page(f"<p>{A}</p><div class='grid'>{cards}</div><p>{B}</p>")
    assert fill_inside(tree, f"{A}\n{B}") == f"{A}\n{B}"


def test_a_div_comes_back_only_where_the_articles_paragraphs_are_divs_like_it():
    body = (f"<div class='para'>{A}</div><div class='para'>{ITEMS[0]}</div>"
            f"<div class='Xq7rT'>Advert</div><div class='para'>{B}</div>")
    got = fill_inside(page(body), f"{A}\n{B}").split("\n")
    assert got == [A, ITEMS[0], B]


def test_blocks_go_after_the_next_copy_of_a_repeated_short_line_not_its_last():
    first, second = ["Cheap first thing", "Quick first"], ["Cheap second thing", "Quick second"]
    body = (f"<p>{A}</p><h3>Pros</h3>{listed(first)}<p>5/5</p><p>Good value here</p><p>{B}</p>"
            f"<h3>Pros</h3>{listed(second)}<p>5/5</p><p>Fair value there</p><p>{C}</p>")
    text = "\n".join([A, "Pros", "5/5", B, "Pros", "5/5", C])
    got = fill_inside(page(body), text).split("\n")
    assert got == [A, "Pros", *(f"- {t}" for t in first), "5/5", "Good value here", B,
                   "Pros", *(f"- {t}" for t in second), "5/5", "Fair value there", C]


def test_a_late_copy_of_a_kept_line_neither_stretches_the_range_nor_moves_the_place():
    late = f"<p>Sign up for our letter today</p><h3>Pros</h3>{listed(ITEMS)}"
    body = f"<p>{A}</p><h3>Pros</h3><p>{B}</p><p>{C}</p>{late}"
    text = "\n".join([A, "Pros", B, C])
    assert fill_inside(page(body), text) == text


def test_a_large_page_is_matched_in_order_and_whole():
    """Thousands of kept lines and skipped items: each item after its own line."""
    n = 1500
    paras = [f"Paragraph {k} of the long report on the river works, told at length."
             for k in range(n)]
    body = "".join(f"<p>{p}</p>{listed([f'Point {k} alone'])}" for k, p in enumerate(paras))
    around = listed([f"Other thing {k} out there somewhere" for k in range(3000)], link=True)
    got = fill_inside(page(body, around), "\n".join(paras)).split("\n")
    want = [x for k, p in enumerate(paras) for x in (p, f"- Point {k} alone")][:-1]
    assert got == want  # the last item is after the last kept line: left out

def test_furniture_links_and_hidden_boxes_stay_out():
    body = (f"<p>{A}</p><aside>{listed(ITEMS[:1])}</aside>"
            f"<div class='related-posts'>{listed(ITEMS[1:2])}</div>{listed(ITEMS[2:], link=True)}"
            f"<p style='display: none'>{ITEMS[0]} hidden</p><p hidden>{ITEMS[1]} hidden</p>"
            f"<p>{B}</p>")
    assert fill_inside(page(body), f"{A}\n{B}") == f"{A}\n{B}"


def test_dialogs_and_boxes_hidden_from_the_reader_stay_out_and_nothing_comes_twice():
    hid = ["<p aria-hidden='true'>Shown to screen readers never</p>",
           "<p role='dialog'>Targeting cookies we set</p>",
           "<p role='alertdialog'>Your session will end</p>",
           "<p style='visibility: hidden'>Invisible words in a box</p>",
           "<p class='x visually-hidden'>Screen reader only text goes here</p>"]
    body = f"<p>{A}</p>{''.join(hid)}<p>{B}</p>"
    assert fill_inside(page(body), f"{A}\n{B}") == f"{A}\n{B}"
    boxes = (f"<dialog open><p>{A}</p></dialog><dialog><p>A fund that seeks to beat it</p>"
             f"</dialog><dialog open><p>An open box</p></dialog><dialog open><p>{B}</p></dialog>")
    assert fill_inside(page(boxes), f"{A}\n{B}").split("\n") == [A, "An open box", B]
    shut = f"<div role='dialog'><div class='pane'><p>{A}</p>{listed(ITEMS)}<p>{B}</p></div></div>"
    assert fill_inside(page(shut), f"{A}\n{B}") == f"{A}\n{B}"  # the box itself is a dialog
    twice = f"<p>{A}</p><p>{ITEMS[0]}</p><p>{ITEMS[0]}</p><p>{B}</p>"
    assert fill_inside(page(twice), f"{A}\n{B}").split("\n") == [A, ITEMS[0], B]


def test_text_held_behind_soft_hyphens_zero_widths_or_without_spaces_is_not_added_again():
    body = (f"<p>{A}</p><h3>Zusammen\u00adfassung der Ergeb\u00adnisse</h3>"
            f"<h3>What\u200bcomes next</h3><p>{B}</p><p>更多公司意味着更多资金</p>"
            f"<p>第一点城里有很多工作机会更多公司意味着更多资金</p><p>{C}</p>")
    text = "\n".join([A, "Zusammenfassung der Ergebnisse", "Whatcomes next", B,
                      "第一点城里有很多工作机会更多公司意味着更多资金", C])
    assert fill_inside(page(body), text) == text


def test_the_pages_headline_is_never_put_back():
    tree = lxml.html.fromstring(
        f"<html><head><title>Girl found safe</title></head><body><article class='post'>"
        f"<p>{A}</p><p class='embed'>Girl found safe</p><p>{ITEMS[0]}</p><p>{B}</p>"
        f"</article></body></html>")
    assert fill_inside(tree, f"{A}\n{B}").split("\n") == [A, ITEMS[0], B]


def test_a_block_the_text_already_holds_is_not_added_again():
    tree = page(f"<p>{A}</p><p>{ITEMS[0]}. {ITEMS[1]}.</p><p>{B}</p>")
    text = f"{A}\n{ITEMS[0]}.\n{ITEMS[1]}.\n{B}"  # the extractor split that paragraph in two
    assert fill_inside(tree, text) == text


def test_no_article_box_no_change():
    tree = lxml.html.fromstring(
        f"<html><body><p>{A}</p>{listed(ITEMS)}<div><p>{B}</p></div></body></html>")
    assert fill_inside(tree, f"{A}\n{B}") == f"{A}\n{B}"  # the box would be <body>


def test_switched_off_no_change(monkeypatch):
    monkeypatch.setattr(html_inside, "INSIDE", False)
    tree = page(f"<p>{A}</p>{listed(ITEMS)}<p>{B}</p>")
    assert fill_inside(tree, f"{A}\n{B}") == f"{A}\n{B}"


def test_extract_asks_for_the_skipped_blocks(monkeypatch):
    seen = []

    def spy(tree, text):
        seen.append(text)
        return text + "\nPut back."

    monkeypatch.setattr(H, "fill_inside", spy)
    html = f"<html><body><article><p>{A} {B}</p><p>{C} {A}</p></article></body></html>"
    text = H.extract(html)[0]
    assert seen and "Put back." in text


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["p", "li", "h3", "div"]), st.booleans()),
                min_size=2, max_size=12))
def test_kept_lines_stay_whole_and_in_order(shape):
    """Whatever the page, every kept line stays, in its order, and nothing is added twice."""
    parts, kept = [], []
    for k, (tag, keep) in enumerate(shape):
        words = f"Line number {k} of the story tells of {'a kept' if keep else 'a missed'} part."
        parts.append(f"<ul><li>{words}</li></ul>" if tag == "li" else f"<{tag}>{words}</{tag}>")
        if keep:
            kept.append(words)
    text = "\n".join(kept)
    got = fill_inside(page("".join(parts)), text).split("\n") if kept else []
    assert [ln for ln in got if ln in kept] == kept
    assert len(got) == len(set(got))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["Pros", "5/5", "long"]), st.booleans()),
                min_size=2, max_size=14))
@example([("long", True), ("Pros", True), ("long", True), ("Pros", True), ("long", True)])
def test_added_blocks_follow_the_kept_line_before_them_on_the_page(shape):
    """With repeated short kept lines, each block added sits after the kept line that comes
    before it on the page, and added blocks keep their page order."""
    parts, kept, order = [], [], []
    for k, (head, keep) in enumerate(shape):
        line = f"Line number {k} of the story tells a long part." if head == "long" else head
        if keep:
            parts.append(f"<p>{line}</p>")
            kept.append(line)
            order.append(line)
        item = f"Missed item number {k} here"
        parts.append(listed([item]))
        order.append(f"- {item}")
    if not kept:
        return
    got = fill_inside(page("".join(parts)), "\n".join(kept)).split("\n")
    assert [ln for ln in got if ln in kept] == kept
    if got != kept:  # what came back is a stretch of the page in page order
        first = order.index(kept[0])
        last = len(order) - 1 - order[::-1].index(kept[-1])
        assert got == order[first:last + 1]


def test_a_short_block_the_extractor_split_over_two_lines_is_held():
    body = f"<p>{A}</p><p>以下、その手順。 Windows10での操作方法です。</p><p>{B}</p>"
    text = "\n".join([A, "以下、その手順。", "Windows10での操作方法です。", B])
    assert fill_inside(page(body), text) == text
