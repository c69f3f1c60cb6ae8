"""Combining extractors without overriding, plain documents kept whole, large pages not cut
(no Textual)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.clean import clean
from tui.core.clean.combine import add_missed
from tui.core.clean.html import lighten
from tui.core.model import RawDocument

LONG = ("The harbour board said on Tuesday that the new quay would open to shipping in the "
        "spring, after two years of work and a long dispute over who would pay for the "
        "dredging of the channel and the new road that leads to it from the town.")
OTHER = ("Fishermen, who had opposed the plan at first, said they now expected more trade, and "
         "the council agreed to spend part of its reserve on the road, which is due to be "
         "finished by the end of the year if the weather holds through the autumn months.")


def test_missed_long_paragraph_is_added_in_place() -> None:
    base = "Quay opens in spring\n" + LONG + "\nContact the harbour office"
    other = "Quay opens in spring\n" + LONG + "\n" + OTHER + "\nShare this"
    out = add_missed(base, other).split("\n")
    assert out == ["Quay opens in spring", LONG, OTHER, "Contact the harbour office"]


def test_short_lines_and_held_text_are_not_added() -> None:
    base = LONG
    other = "Home\nNews\nSport\n" + LONG + "\n" + LONG[:60]
    assert add_missed(base, other) == base


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([LONG, OTHER, "Menu", "Read more about the quay", ""]),
                max_size=8),
       st.lists(st.sampled_from([LONG, OTHER, "Menu", "Share", ""]), max_size=8))
def test_add_missed_never_removes_what_the_base_kept(base: list[str], other: list[str]) -> None:
    a, b = "\n".join(base), "\n".join(other)
    out = add_missed(a, b).split("\n")
    kept = [ln for ln in a.split("\n") if ln.strip()]
    assert [ln for ln in out if ln in kept] == kept or out == a.split("\n")
    assert set(out) <= set(a.split("\n")) | set(b.split("\n"))


def test_plain_document_keeps_its_table_of_figures() -> None:
    text = ("COMALCO SAYS 1986 NET PROFIT ROSE\n"
            "    MELBOURNE, March 3 - Comalco Ltd said its net profit rose in 1986.\n"
            "    Net profit 57.1 mln dlrs vs loss 69.1 mln\n"
            "    Sales 1.06 billion vs 1.01 billion\n"
            "    Shr 23.4 cents vs loss 28.5\n"
            "    Final div nil vs same\n"
            " Reuter\n")
    c = clean(RawDocument("w", text, "text"))
    assert c.body.split("\n\n") == [
        "MELBOURNE, March 3 - Comalco Ltd said its net profit rose in 1986.",
        "Net profit 57.1 mln dlrs vs loss 69.1 mln", "Sales 1.06 billion vs 1.01 billion",
        "Shr 23.4 cents vs loss 28.5", "Final div nil vs same"]
    assert c.title == "COMALCO SAYS 1986 NET PROFIT ROSE"
    assert (c.dateline, c.source) == ("MELBOURNE, March 3", "Reuters")


def test_a_web_page_copy_is_not_a_plain_document() -> None:
    # Menus (bulleted, repeated) make it a page: short lines stay out of the body.
    text = ("* Home\n* News\n* Sport\n" + LONG + "\n" + OTHER + "\n* Home\nShare\n"
            "Net profit 57.1 mln dlrs vs loss 69.1 mln\n")
    body = clean(RawDocument("p", text, "text")).body
    assert "Home" not in body and LONG in body


def test_byline_and_date_at_the_top_of_an_extracted_body_are_metadata() -> None:
    html = ("<html><head><title>Quay opens</title></head><body><article><h1>Quay opens</h1>"
            "<p>By Jane Holt</p><p>Published May 3, 2022</p>"
            f"<p>{LONG}</p><p>{OTHER}</p></article></body></html>")
    c = clean(RawDocument("https://example.org/q", html, "html"))
    assert c.author == "Jane Holt" and (c.date or "").startswith("2022-05-03")
    assert c.body.startswith(LONG[:40])


def test_a_huge_page_is_lightened_not_cut() -> None:
    script = "<script>" + "var x = 1;" * 500_000 + "</script>"
    html = f"<html><head>{script}</head><body><p>{LONG}</p><p>{OTHER}</p></body></html>"
    assert len(html) > 4_000_000
    assert len(lighten(html)) < 10_000
    assert OTHER in clean(RawDocument("https://example.org/big", html, "html")).body
    small = "<p>x</p>"
    assert lighten(small) is small
