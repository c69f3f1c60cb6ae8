"""Headings an extractor skipped between the lines it kept are put back (no Textual)."""

from __future__ import annotations

import lxml.html
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.clean import html_fill
from tui.core.clean.html_blocks import dom_blocks, norm_word, resegment

A = "The council met on Tuesday to weigh the plan."
B = "It voted to build the new bridge next spring."


def redrawn(body: str, text: str) -> list[str]:
    page = dom_blocks(lxml.html.fromstring(f"<html><body>{body}</body></html>"))
    return resegment(text, page).split("\n")


def test_skipped_heading_between_kept_lines_is_put_back():
    body = f"<p>{A}</p><h2>What was decided</h2><p>{B}</p>"
    assert redrawn(body, f"{A}\n{B}") == [A, "What was decided", B]


def test_heading_in_a_wrapper_is_put_back():
    body = f"<p>{A}</p><div class='heading'><h3>What was decided</h3></div><div><p>{B}</p></div>"
    assert redrawn(body, f"{A}\n{B}") == [A, "What was decided", B]


def test_heading_that_is_a_link_over_its_section_is_put_back():
    body = f"<p>{A}</p><h3><a href='/bridge'>The new bridge</a></h3><p>{B}</p>"
    assert redrawn(body, f"{A}\n{B}") == [A, "The new bridge", B]
    card = f"<p>{A}</p><a href='/bridge'><h3>The new bridge</h3></a><p>{B}</p>"
    assert redrawn(card, f"{A}\n{B}") == [A, "The new bridge", B]


def test_plain_heading_past_two_left_out_blocks_is_put_back_a_linked_one_is_not():
    between = "<p>Advertisement</p><figure>A bridge at dusk</figure>"
    plain = f"<p>{A}</p>{between}<h2>What was decided</h2><p>{B}</p>"
    assert redrawn(plain, f"{A}\n{B}") == [A, "What was decided", B]
    card = f"<p>{A}</p>{between}<h3><a href='/x'>Another story to read</a></h3><p>{B}</p>"
    assert redrawn(card, f"{A}\n{B}") == [A, B]
    more = f"<p>{A}</p>{between}<p>Share this</p><h2>What was decided</h2><p>{B}</p>"
    assert redrawn(more, f"{A}\n{B}") == [A, B]  # four blocks: too far


def test_heading_that_is_a_link_stays_out_with_cards_off(monkeypatch):
    monkeypatch.setattr(html_fill, "CARDS", False)
    body = f"<p>{A}</p><h3><a href='/x'>Another story to read</a></h3><p>{B}</p>"
    assert redrawn(body, f"{A}\n{B}") == [A, B]
    plain = f"<p>{A}</p><h3>What was decided</h3><p>{B}</p>"
    assert redrawn(plain, f"{A}\n{B}") == [A, "What was decided", B]


def test_heading_of_left_out_content_is_not_put_back():
    body = (f"<p>{A}</p><h3>Related</h3><ul><li><a href='/x'>Story one</a></li></ul>"
            f"<p>{B}</p>")
    assert redrawn(body, f"{A}\n{B}") == [A, B]


def test_heading_of_an_empty_box_is_not_put_back():
    body = (f"<div><p>{A}</p></div><div class='box'><header><h3>Trending</h3></header>"
            f"<ul></ul></div><div><p>{B}</p></div>")
    assert redrawn(body, f"{A}\n{B}") == [A, B]


def test_heading_over_an_icon_or_a_picture_is_put_back():
    icon = (f"<div><p>{A}</p></div><div class='faq'><h3>What was decided</h3>"
            f"<i class='chevron'></i></div><div><p>{B}</p></div>")
    assert redrawn(icon, f"{A}\n{B}") == [A, "What was decided", B]
    picture = f"<p>{A}</p><h2>What was decided</h2><figure><img src='b.jpg'></figure><p>{B}</p>"
    assert redrawn(picture, f"{A}\n{B}") == [A, "What was decided", B]
    box = f"<p>{A}</p><div><h3>Trending</h3><section></section></div><p>{B}</p>"
    assert redrawn(box, f"{A}\n{B}") == [A, B]


def test_heading_already_in_the_text_is_not_repeated():
    body = f"<p>What was decided</p><p>{A}</p><h2>What was decided</h2><p>{B}</p>"
    assert redrawn(body, f"What was decided\n{A}\n{B}") == ["What was decided", A, B]


def test_heading_far_from_the_kept_lines_is_not_put_back():
    filler = "<p>" + " ".join(["menu"] * (html_fill.GAP_WORDS + 5)) + "</p>"
    body = f"<p>{A}</p>{filler}<h2>What was decided</h2><p>{B}</p>"
    assert redrawn(body, f"{A}\n{B}") == [A, B]


def test_nothing_put_back_when_switched_off(monkeypatch):
    monkeypatch.setattr(html_fill, "FILL", False)
    body = f"<p>{A}</p><h2>What was decided</h2><p>{B}</p>"
    assert redrawn(body, f"{A}\n{B}") == [A, B]


_WORDS = st.lists(st.sampled_from(["alpha", "Beta", "gamma,", "delta.", "eps", "Zeta"]),
                  min_size=1, max_size=5).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["p", "h2", "li"]), _WORDS, st.booleans()),
                min_size=1, max_size=8))
def test_only_page_headings_are_added_and_kept_words_stay_in_order(blocks):
    """The extractor kept the blocks flagged True: the redrawn text holds exactly those
    words in order, plus only words of the page's headings the extractor skipped."""
    html = "".join(f"<ul><li>{t}</li></ul>" if tag == "li" else f"<{tag}>{t}</{tag}>"
                   for tag, t, _ in blocks)
    kept = [t for _, t, keep in blocks if keep]
    out = resegment("\n".join(kept), dom_blocks(lxml.html.fromstring(html)))
    words = [w for w in map(norm_word, out.split()) if w]
    heading_words = {norm_word(w) for tag, t, _ in blocks if tag == "h2" for w in t.split()}
    added = list(words)
    for w in (w for w in map(norm_word, " ".join(kept).split()) if w):
        assert w in added
        del added[added.index(w)]
    assert all(w in heading_words for w in added)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40))
@settings(max_examples=200, deadline=None)
def test_words_fast_path_reads_as_tokens(line):
    """The offset-free reading of a line gives the words ``_tokens`` gives (the cut offsets
    are read from ``_tokens`` only when a cut is weighed)."""
    from tui.core.clean.html_blocks import _tokens, _words

    assert _words(line) == [w for _, w in _tokens(line)]
