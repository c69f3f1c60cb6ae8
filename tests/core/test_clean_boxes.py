"""Plain text around an article: drop caps and glued elements mended, tables of one shape kept,
boxes of links and teaser cards left out (pure unit tests, synthetic pages)."""

from __future__ import annotations

import pytest

from tests.helpers.news_records import ARTICLE
from tui.core.clean import aside as aside_mod
from tui.core.clean import clean
from tui.core.clean.glued import mend
from tui.core.clean.lines import _glued_headline, furniture_kind
from tui.core.model import RawDocument

MORE = [
    "Parents welcomed the vote, saying that their children would now be able to swim after "
    "school and at weekends without rushing to get there before the doors closed.",
    "Lifeguards will be hired for the extra hours, and the council said it expected to "
    "advertise the new jobs within the next two weeks on its website and in the library."]
MENU = ["Home", "News", "Sport", "Weather", "Contact"]


def body_of(text: str) -> str:
    return clean(RawDocument("t", text, "text")).body


def paragraphs(text: str) -> list[str]:
    return body_of(text).split("\n\n")


def test_drop_cap_is_rejoined_only_on_evidence() -> None:
    text = ("T he Davis Cup Final began on Monday with the opening day of the new format.\n"
            "The players said some of the new format was a good idea for the sport.\n"
            "R is a language for statistics and many people who like it use it.\n"
            "I think the final was a great success for everyone who came along.\n"
            "S ome short line.")
    out = mend(text).split("\n")
    assert out[0].startswith("The Davis Cup Final began")
    assert out[2].startswith("R is a language")  # "ris" is no word of the text
    assert out[3].startswith("I think")
    assert out[4] == "S ome short line."  # too short to open a paragraph


def test_drop_cap_mended_in_a_cleaned_page() -> None:
    page = "\n".join(MENU + ["", "T h" + ARTICLE[0][2:]] + ARTICLE[1:] + ["", "Terms of use"])
    assert paragraphs(page)[0] == ARTICLE[0]


def test_glued_parenthesis_is_spaced() -> None:
    spaced = "Hong Kong (CNN Business) A muddled view"
    assert mend("Hong Kong (CNN Business)A muddled view") == spaced
    assert mend("Papers (English, daily)Germany") == "Papers (English, daily) Germany"
    for kept in ("O(x)Caml is a language", "I run (K)Ubuntu", "PS1=$(tput bold)Password",
                 "a (b)c and (2)"):
        assert mend(kept) == kept


def test_table_of_one_shape_under_the_article_is_kept() -> None:
    dates = [f"June {d} – {city}, {st} @ {venue} Arena" for d, city, st, venue in (
        (9, "West Palm Beach", "FL", "Coral"), (10, "Tampa", "FL", "Midflorida"),
        (14, "Alpharetta", "GA", "Ameris"), (17, "Nashville", "TN", "Bridgestone"),
        (19, "Charlotte", "NC", "Pavilion"))]
    page = "\n".join(MENU + [""] + ARTICLE + ["Tour Dates"] + dates + [""] + MENU)
    out = paragraphs(page)
    assert "Tour Dates" in out
    for line in dates:
        assert line in out
    assert "Weather" not in out


def test_lines_without_one_shape_are_not_a_table() -> None:
    teasers = ["Police arrest two men after a break-in", "Storm: what to expect tonight",
               "Mayor's plan (again) under fire", "Why the bridge is closed, explained",
               "Five things to do this weekend"]
    page = "\n".join(MENU + [""] + ARTICLE + ["More news"] + teasers)
    out = paragraphs(page)
    for line in teasers:
        assert line not in out


def test_related_box_inside_the_article_is_left_out() -> None:
    box = ["Related articles",
           "* A plague of mosquitos is set to devastate all of Britain as the Hurri...",
           "* Scientists claim the discovery of a new kind of beetle in the garden of a house."]
    page = "\n".join(MENU + [""] + ARTICLE + box + MORE + [""] + MENU)
    out = paragraphs(page)
    assert out == ARTICLE + MORE


def test_teaser_and_newsletter_lines_are_furniture() -> None:
    assert furniture_kind("Related: SpaceX's Starship and Super Heavy Mars Rocket in Pictures") \
        == "teaser"
    assert furniture_kind("Related: the council had said so before.") is None  # a sentence
    assert furniture_kind("Sign Up for e-mail newsletters") == "appeal"
    assert furniture_kind("No spam, we promise. You can unsubscribe at any time.") == "appeal"


@pytest.mark.parametrize(("line", "glued"), [
    ("Say Cheese? Detroit's Top 3 Cheese ShopsWondering where to find the best cheese?", True),
    ("Explore The 3 Top Spots in The Rivertown NeighborhoodVisiting Rivertown, or just", True),
    ("The Sony PlayStation 5 launched today in shops across the country", False),
    ("The Ronald McDonald House gave away food to families on Sunday", False),
    ("He said the YouTube video was taken down after a day", False),
])
def test_glued_headline(line: str, glued: bool) -> None:
    assert _glued_headline(line) is glued


TEASER_CARDS = [
    "Police Arrest Two After Death Of Local StudentPolice said a woman and a man have been "
    "arrested after the death of a student, police said on Tuesday night.",
    "Customers Leave Without Paying Big Bill At SteakhouseDiners at a table of six left it "
    "without paying for a meal that cost them almost seven hundred dollars.",
    "Say Cheese? The City's Top Three Cheese ShopsWondering where to find the best cheese near "
    "you? We crunched the numbers to find the top cheese shops around the city.",
    "There's No Place Like A Cider Mill. Here's A Look At Some FavoritesFall has officially "
    "arrived and the cider mills are open again for the season, with donuts.",
]


def test_article_among_teaser_cards_does_not_step_aside(monkeypatch) -> None:
    article = ARTICLE + MORE
    page = []
    for k in range(10):  # blocks of teaser cards between menus, the article last
        cards = [f"{card[:-1]} in ward {k}." for card in TEASER_CARDS]  # other stories
        page += [f"Section {k}"] + cards + [f"{item} {k}" for item in MENU]
    page += article + ["© 2019 The Local Paper. All rights reserved."] + MENU
    assert paragraphs("\n".join(page)) == article
    monkeypatch.setattr(aside_mod, "ASIDE_ARTICLE", 1e9)  # without the rule: the cards come in
    assert paragraphs("\n".join(page)) != article


def test_long_list_between_paragraphs_is_the_article_own() -> None:
    items = ["* Bring a towel and a padlock for the lockers",
             "* Children under eight must swim with an adult",
             "* Lanes are kept free for lengths until ten",
             "* The cafe closes half an hour before the pool",
             "* Tickets can be bought online or at the desk",
             "* Season passes are valid at every pool in town"]
    page = "\n".join(MENU + [""] + ARTICLE[:2] + items + ARTICLE[2:] + [""] + MENU)
    out = paragraphs(page)
    for item in items:
        assert item in out
    menu = [f"* {word}" for word in ("Home", "News", "Sport", "Weather", "Travel", "Contact")]
    page = "\n".join(["Menu"] + [""] + ARTICLE[:2] + menu + ARTICLE[2:] + [""] + MENU)
    assert paragraphs(page) == ARTICLE
