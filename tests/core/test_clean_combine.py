"""Combining extractors without overriding, plain documents kept whole, large pages not cut
(no Textual)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.clean import clean
from tui.core.clean.combine import add_missed, drop_repeated_blocks
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


THIRD = ("The town's mayor called the agreement a fair end to a quarrel that had divided the "
         "council for most of its term, and thanked the harbour staff for their patience "
         "through two winters of delays, closed roads, noise at night and a great deal of "
         "mud on the quayside, which the contractors have promised to clear by the summer.")


def test_a_copied_block_of_prose_is_dropped_once_held() -> None:
    article = ["Quay opens in spring", LONG, OTHER, THIRD]
    lines = article + ["Related stories"] + [LONG, OTHER, THIRD]  # the article again
    assert drop_repeated_blocks(lines) == article + ["Related stories"]


def test_repeated_short_lines_and_a_lone_repeated_paragraph_stay() -> None:
    steps = ["Click the send icon", "Book by Dec 31, 2025"] * 4
    assert drop_repeated_blocks(steps) == steps  # short lines a page repeats on purpose
    lone = [LONG, OTHER, "Quote:", LONG, "I agree with this."]  # one paragraph quoted
    assert drop_repeated_blocks(lone) == lone


def test_a_copy_with_its_subheadings_is_dropped() -> None:
    article = ["What the quay costs", LONG, "Who pays", OTHER, "When it opens", THIRD]
    lines = ["Quay opens in spring", *article, "Reach us", *article, "Contact"]
    # the headings between the copied paragraphs no longer hide the copy
    assert drop_repeated_blocks(lines) == ["Quay opens in spring", *article, "Reach us",
                                           "Contact"]


def test_repeated_sections_of_short_paragraphs_stay() -> None:
    food = ("eggs", "lentil soup", "chicken salad", "rice and beans", "grilled fish", "oats",
            "pasta")
    day = []
    for k, dish in enumerate(food):
        day += [f"Meal {k + 1}", "Eat every two to three hours",
                f"One portion of {dish} with a cup of spinach, half a cup of sweet potato, a "
                "slice of wholegrain toast and a teaspoon of butter"]
    assert all(len(line.split()) < 30 for line in day)
    plan = ["Plan A", *day, "Plan B", *day, "Plan C", *day]
    assert drop_repeated_blocks(plan) == plan  # 150+ words a day, in paragraphs under 30

@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([LONG, OTHER, THIRD, "Menu", "Share this"]), max_size=12))
def test_dropping_copies_keeps_every_distinct_paragraph(lines: list[str]) -> None:
    out = drop_repeated_blocks(lines)
    assert set(out) == set(lines)  # the first copy of everything stays
    it = iter(lines)
    assert all(ln in it for ln in out)  # order kept: a subsequence of the input


def test_an_html_page_showing_its_article_twice_gives_it_once() -> None:
    paras = "".join(f"<p>{t}</p>" for t in (LONG, OTHER, THIRD))
    page = (f"<html><head><title>Quay</title></head><body><article><h1>Quay</h1>{paras}"
            f"<h2>Print version</h2>{paras}</article></body></html>")
    body = clean(RawDocument("https://example.org/quay", page, "html")).body
    assert body.count(LONG[:40]) <= 1 and LONG[:40] in body and THIRD[:40] in body


def test_an_html_page_is_sanitised_whether_or_not_it_carries_escapes() -> None:
    from tui.core.safe_text import has_unsafe

    title = "Quay \u202eopens\u0085 soon"
    paras = f"<p>{LONG} \u0084\u202e</p><p>{OTHER}\ufeff</p>"
    for extra in ("", "<p>\x1b]0;owned\x07 \x1b[31mred\x1b[0m</p>"):
        page = (f"<html><head><title>{title}</title><meta name='author' content="
                f"'Jane \u202eHolt\u0081'></head><body><article>{paras}{extra}"
                "</article></body></html>")
        c = clean(RawDocument("https://example.org/quay", page, "html"))
        assert c.author and "Holt" in c.author
        for value in (c.body, c.title, c.author):
            assert value and not has_unsafe(value)
        assert "[31m" not in c.body and "owned" not in c.body and LONG[:40] in c.body
