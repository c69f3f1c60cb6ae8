"""A page laid out in a table: its cell's paragraphs come out as paragraphs (no Textual)."""

from __future__ import annotations

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.clean import html_cells
from tui.core.clean.html_blocks import dom_blocks, norm_word, resegment

P1 = (
    "The council met on Tuesday to weigh the plan for the bridge over the river, which "
    "has been closed to traffic since the spring floods damaged its eastern pier."
)
P2 = (
    "After four hours of debate it voted to rebuild the pier and to open the bridge to "
    "cyclists and walkers first, with cars to follow once the deck has been tested."
)
P3 = (
    "Work starts in March. The mayor said the town would pay for it from reserves and "
    "that no new tax would be needed this year or next, whatever the final cost."
)


def page(body: str):
    return dom_blocks(lxml.html.fromstring(f"<html><body>{body}</body></html>"))


def layout_page(*paras: str) -> str:
    cell = "\n".join(f"<p>\n{p}</p>" for p in paras)
    return f"<table><tr><td><a href='/'>Home</a></td><td>{cell}</td></tr></table>"


def test_blocks_inside_a_cell_part_words_and_the_row_stays_one_block():
    b = page("<table><tr><td><p>alpha</p><p>beta</p></td><td>gamma</td></tr></table>")
    assert b.words == ["alpha", "beta", "gamma"]  # not "alphabeta"
    assert set(b.block) == {0}
    assert b.inner == {1, 2}  # "beta" opens a block inside the cell, "gamma" follows one


def test_a_block_inside_a_cell_is_marked_across_the_source_line_ends():
    b = page("<table><tr><td><p>alpha</p>\n\n<p>\nbeta</p></td></tr></table>")
    assert b.inner == {1}
    assert b.breaks == {1}


def test_a_layout_row_is_read_as_its_paragraphs():
    row = f"| Home | {P1} {P2} {P3} |"
    assert resegment(row, page(layout_page(P1, P2, P3))).split("\n") == ["Home", P1, P2, P3]


def test_a_data_row_stays_a_row():
    html = "<table><tr><td><p>Top speed</p></td><td><p>19.8 mph</p></td></tr></table>"
    assert resegment("| Top speed | 19.8 mph |", page(html)) == "| Top speed | 19.8 mph |"


def test_a_layout_row_is_not_cut_mid_sentence():
    lead = (
        "The council met on Tuesday evening in the old town hall to weigh the plan for "
        "the bridge and then"
    )
    row = f"| Home | {lead} {P2} {P3} |"
    assert resegment(row, page(layout_page(lead, P2, P3))).split("\n")[1:] == [f"{lead} {P2}", P3]


def test_without_the_rule_a_layout_row_stays_a_row(monkeypatch):
    monkeypatch.setattr(html_cells, "LAYOUT_WORDS", 0)
    row = f"| Home | {P1} {P2} |"
    assert resegment(row, page(layout_page(P1, P2))) == row


_SENTENCE = st.lists(
    st.sampled_from(["bridge", "River", "pier", "council", "3", "it's"]), min_size=3, max_size=30
).map(lambda ws: " ".join(ws) + ".")


@given(st.lists(_SENTENCE, min_size=1, max_size=6), st.booleans())
@settings(max_examples=120, deadline=None)
def test_a_layout_row_keeps_its_words_in_order(paras, pad):
    filler = " ".join(["word"] * (html_cells.LAYOUT_WORDS if pad else 0))
    paras = [*paras[:-1], f"{paras[-1]} {filler}".strip()]
    row = "| Home | " + " ".join(paras) + " |"
    out = resegment(row, page(layout_page(*paras)))
    words = [w for w in (norm_word(t) for t in out.split()) if w]
    assert words == [w for w in (norm_word(t) for t in row.split()) if w]


@pytest.mark.parametrize("row", ["| a | b |", "|", "| |"])
def test_short_or_empty_rows_are_left_alone(row):
    assert resegment(row, page("<table><tr><td>a</td><td>b</td></tr></table>")) == row
