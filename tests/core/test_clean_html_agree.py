"""readability's sentences inside the article trafilatura kept (html_agree.py; no Textual)."""

from __future__ import annotations

import lxml.html
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.clean.html_agree import top_up, worth_asking

INTRO = ("The harbour board said on Tuesday that the new quay would open to shipping in the "
         "spring, after two years of work and a long dispute over the dredging.")
OUTRO = ("Fishermen, who had opposed the plan at first, said they now expected more trade, and "
         "the council agreed to spend part of its reserve on the new road.")
ITEMS = ["Cost: the quay cost twelve million pounds, most of it paid by the port itself.",
         "Size: ships of up to ninety metres can berth at the new quay at any tide.",
         "Jobs: forty people will work on the quay once it opens to shipping next spring."]
TEASER = "Read how the town's old lighthouse was saved by a crowd of volunteers last year."


def test_sentences_inside_the_shared_article_are_added_in_place() -> None:
    ours = "\n".join([INTRO, OUTRO])
    theirs = "\n".join([INTRO, *ITEMS, OUTRO])
    assert top_up(ours, theirs).split("\n") == [INTRO, *ITEMS, OUTRO]


def test_an_added_sentence_stays_under_the_subheading_it_follows() -> None:
    ours = "\n".join([INTRO, "What the quay offers", OUTRO])  # a subheading both kept
    theirs = "\n".join([INTRO, "What the quay offers", *ITEMS, OUTRO])
    assert top_up(ours, theirs).split("\n") == [INTRO, "What the quay offers", *ITEMS, OUTRO]


def test_a_line_joining_two_kept_lines_is_not_added_again() -> None:
    opening = "Quoted words open the quotation before its first paragraph begins."
    quoted = "Then the quoted paragraph goes on with more words of its own."
    ours = "\n".join([INTRO, opening, quoted, OUTRO])  # readability runs the two together
    theirs = "\n".join([INTRO, opening + quoted, *ITEMS, OUTRO])
    assert top_up(ours, theirs).split("\n") == [INTRO, opening, quoted, *ITEMS, OUTRO]


def test_a_paragraph_with_a_few_words_more_or_fewer_is_not_added_again() -> None:
    kept = "The council met on Tuesday and agreed to spend part of its reserve on the road."
    dated = kept.replace("Tuesday", "Tuesday 4 May")  # an inline <time> trafilatura drops
    more = [INTRO.replace("harbour", "port"), OUTRO.replace("Fishermen", "Sailors"),
            INTRO.replace("board", "office"), OUTRO.replace("council", "mayor")]
    ours = "\n".join([INTRO, kept, *more, OUTRO])
    theirs = "\n".join([INTRO, dated, *more, *ITEMS, OUTRO])
    assert top_up(ours, theirs).split("\n") == [INTRO, kept, *more, *ITEMS, OUTRO]
    ours = "\n".join([INTRO, dated, *more, OUTRO])  # and the other way round
    theirs = "\n".join([INTRO, kept, *more, *ITEMS, OUTRO])
    assert top_up(ours, theirs).split("\n") == [INTRO, dated, *more, *ITEMS, OUTRO]


def test_sentences_outside_the_shared_article_are_not_added() -> None:
    ours = "\n".join([INTRO, *ITEMS[:1], OUTRO])
    theirs = "\n".join([TEASER, INTRO, *ITEMS[:1], OUTRO, *ITEMS[1:], TEASER + " Again."])
    assert top_up(ours, theirs) == ours  # before the first and after the last shared line


def test_lines_readability_shows_twice_or_that_are_not_sentences_are_not_added() -> None:
    tides = "Tide tables for the harbour are published every week by the board."
    ours = "\n".join([INTRO, OUTRO, tides])  # readability lacks a line of ours: sentences only
    caption = "The new quay at dawn, seen from the lighthouse on the north pier"  # no stop
    theirs = "\n".join([INTRO, ITEMS[0], caption, ITEMS[1], ITEMS[1], OUTRO, ITEMS[1]])
    assert top_up(ours, theirs).split("\n") == [INTRO, ITEMS[0], OUTRO, tides]


def test_nothing_is_added_when_the_extractors_disagree_or_readability_is_not_longer() -> None:
    tides = "Tide tables for the harbour are published every week by the board."
    rates = "Mooring rates for the coming year will be set by the board at its meeting in May."
    ours = "\n".join([INTRO, tides, rates, OUTRO])
    other_article = "\n".join([INTRO, *ITEMS, OUTRO])  # lacks a third of ours, in the middle
    assert top_up(ours, other_article) == ours
    short = "\n".join([INTRO, OUTRO])
    size = "Size: ships of up to ninety metres can berth."  # 9 words: under LONGER times
    assert top_up(short, "\n".join([INTRO, size, OUTRO])) == short
    assert top_up(short, "\n".join([INTRO, size, ITEMS[2], OUTRO])) != short


MENU = ["Home | News | Port | Town | Sport | Arts | Jobs | Homes", "Subscribe to our paper"]
FOOTER = ["Copyright 2024 The Harbour Gazette, all rights reserved, registered in England"]


def test_a_menu_and_a_footer_around_the_article_do_not_hide_agreement() -> None:
    ours = "\n".join([*MENU, INTRO, OUTRO, *FOOTER])  # over a fifth of it furniture
    theirs = "\n".join([INTRO, *ITEMS, OUTRO])  # agreement judged between INTRO and OUTRO
    assert top_up(ours, theirs).split("\n") == [*MENU, INTRO, *ITEMS, OUTRO, *FOOTER]


PRICES = ["Berths for ships of ninety metres", "Canada", "Open all year round", "+9"]


def test_all_of_a_reading_that_holds_the_whole_text_is_taken_but_lone_labels() -> None:
    ours = "\n".join([INTRO, OUTRO])  # readability holds all of it: its lines are the article's
    theirs = "\n".join([INTRO, *PRICES, *ITEMS, OUTRO])
    assert top_up(ours, theirs).split("\n") == [INTRO, PRICES[0], PRICES[2], *ITEMS, OUTRO]
    tides = "Tide tables for the harbour are published every week by the board."
    ours = "\n".join([INTRO, tides, OUTRO])  # a line of ours it lacks: sentences only
    assert top_up(ours, theirs).split("\n") == [INTRO, *ITEMS, tides, OUTRO]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([INTRO, OUTRO, TEASER, *ITEMS, "Menu", ""]), max_size=8),
       st.lists(st.sampled_from([INTRO, OUTRO, TEASER, *ITEMS, "Share", ""]), max_size=10))
def test_top_up_keeps_every_line_in_order(ours: list[str], theirs: list[str]) -> None:
    text = "\n".join(ours)
    out = top_up(text, "\n".join(theirs))
    kept = [ln for ln in text.split("\n") if ln.strip()]
    it = iter(out.split("\n"))
    assert all(ln in it for ln in kept) or out == text  # nothing removed, order kept


def _page(*blocks: str) -> object:
    return lxml.html.fromstring("<html><body>" + "".join(blocks) + "</body></html>")


def test_readability_is_asked_only_when_the_page_holds_missing_sentences() -> None:
    text = "\n".join([INTRO, OUTRO])
    full = _page(f"<p>{INTRO}</p>", "<ul>", *(f"<li>{t}</li>" for t in ITEMS), "</ul>",
                 f"<p>{OUTRO}</p>")
    assert worth_asking(full, text)  # three list items' sentences the text lacks
    links = "".join(f"<li>{name} news</li>" for name in ("Home", "Town", "Port", "Sport", "Arts",
                                                            "Jobs", "Homes", "Cars", "Food"))
    menu = _page(f"<p>{INTRO}</p>", f"<ul>{links}</ul>",
                 f"<p>{OUTRO}</p>", "<p>Cookies help us deliver our services.</p>")
    assert not worth_asking(menu, text)  # a menu and one short line: not worth a second look
