"""Words an extractor glued at an element's edge are spaced from the page (no Textual)."""

from __future__ import annotations

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.clean import html_glue
from tui.core.clean.html_blocks import dom_blocks, resegment

SENTENCE = "Donald Trump made an unscheduled trip to the hospital on Saturday for an exam."


def page(body: str):
    return dom_blocks(lxml.html.fromstring(f"<html><body>{body}</body></html>"))


def redrawn(body: str, text: str) -> str:
    return resegment(text, page(body))


def test_a_source_credit_in_its_own_element_is_spaced_from_the_first_word():
    html = f"<p><cite>(CNN)</cite>President {SENTENCE}</p>"
    assert redrawn(html, f"(CNN)President {SENTENCE}") == f"(CNN) President {SENTENCE}"


def test_a_label_and_its_value_in_two_elements_are_two_words():
    html = "<ul><li><span>W:</span><span>Wins in the season so far</span></li></ul>"
    assert redrawn(html, "- W:Wins in the season so far") == "- W: Wins in the season so far"


def test_a_lower_case_word_meeting_a_capital_at_an_edge_is_spaced():
    html = "<p>Strong security roadmap<span>Cons: a steep price for small teams</span></p>"
    got = redrawn(html, "Strong security roadmapCons: a steep price for small teams")
    assert got == "Strong security roadmap Cons: a steep price for small teams"


def test_a_sentence_ending_in_one_element_and_the_next_opening_another_are_spaced():
    html = "<p><span>How is an LLC formed.</span><span>What comes next is the filing.</span></p>"
    got = redrawn(html, "How is an LLC formed.What comes next is the filing.")
    assert got == "How is an LLC formed. What comes next is the filing."


@pytest.mark.parametrize("html,text", [
    ("<dt><span>list.</span><span>append</span>(x)</dt>", "list.append(x)"),  # lower case
    ("<p><span>Log in at projects.</span><span>example.com</span> today.</p>",
     "Log in at projects.example.com today."),  # a mark before a lower-case letter
    ("<dt>class <span>json.</span><span>JSONDecoder</span>()</dt>",
     "class json.JSONDecoder()"),  # a dotted name: no space before the full stop's piece
    ("<p>Call <code>get<span>Value</span></code> first.</p>", "Call getValue first."),
    ("<pre>get<span>Value</span> = 1</pre>", "getValue = 1"),
    ("<p>The new iPhone and YouTube at McDonald's today.</p>",
     "The new iPhone and YouTube at McDonald's today."),  # one text piece: no edge
    ("<p>It is <span>e</span>asy to <b>drop</b> capitals.</p>", "It is easy to drop capitals."),
])
def test_names_code_and_words_within_one_text_piece_are_left_alone(html, text):
    assert redrawn(html, text) == text


def test_a_word_that_does_not_read_as_the_page_reads_it_is_left_alone():
    assert html_glue._spaced("See (CNN)President now", {1: [3]}) == "See (CNN) President now"
    assert html_glue._spaced("See (CNN)President now", {1: [30]}) is None  # past its end


def test_spacing_off_leaves_the_text_as_extracted(monkeypatch):
    monkeypatch.setattr(html_glue, "UNGLUE", False)
    html = f"<p><cite>(CNN)</cite>President {SENTENCE}</p>"
    assert redrawn(html, f"(CNN)President {SENTENCE}") == f"(CNN)President {SENTENCE}"


def test_the_glue_is_recorded_at_the_word_and_offset_the_page_reads():
    b = page("<p>One two<span>Three</span> four<b>:</b><i>Five</i></p>")
    assert b.words == ["one", "twothree", "fourfive"]
    assert b.glue == {1: [3], 2: [4]}


def test_a_block_of_many_glues_is_read_only_up_to_the_bound():
    b = page("<p>" + "word<b>Next</b> " * 5000 + "</p>")
    assert len(b.glue) == html_glue.MOST
    assert len(b.words) == 5000  # the block is still read whole


_PIECE = st.text(alphabet="abAB.: ", min_size=1, max_size=6)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECE, min_size=1, max_size=8))
def test_spacing_only_adds_spaces_and_keeps_every_character(pieces):
    spans = "".join(f"<span>{p}</span>" for p in pieces)
    text = " ".join("".join(pieces).split())
    if not any(c.isalpha() for c in text):
        return
    got = redrawn(f"<p>{spans}</p>", text)
    assert got.replace(" ", "").replace("\n", "") == text.replace(" ", "")
