"""Lines where an outlet promotes its own channels inside the text ("CLICK HERE TO GET THE
APP", "Follow us on Twitter") are page furniture of kind "ad": dropped, but no wall, so the
article goes on under them; so is a note on the author ("Phil Helsel is a reporter for NBC
News."), of kind "byline" (pure unit tests)."""

from __future__ import annotations

import pytest
from test_clean_captions import PROSE

from tui.core.clean import clean
from tui.core.clean.lines import furniture_kind
from tui.core.model import RawDocument

PROMOTIONS = [
    "CLICK HERE TO GET THE FOX NEWS APP",
    "GET FOX BUSINESS ON THE GO BY CLICKING HERE",
    "Like this story? Share it with a friend!",
    "Please enable JavaScript to view the comments powered by Disqus.",
    "Get the latest updates right in your inbox. Subscribe to NJ.com newsletters.",
    "For more updates, follow us on Instagram.",
    "Join our Space Forums to keep talking space on the latest missions, night sky and more!",
    "In each episode of his weekly show, our host goes deeper into politics. Click to subscribe!",
    "Subscribe to 9to5Mac on YouTube for more Apple news",
    "Subscribe",  # a player's or a form's label, a line of its own
    "Video",
    "Advert",
]
PROSE_LINES = [
    "The project I am sharing is a planter I built. You can CLICK HERE for the full tutorial.",
    "Click here to download the spreadsheet. You must be signed into your account to do so.",
    "You can also subscribe to this newsletter here, just tick the box on the sign-up page.",
    "Her followers on Twitter asked her to share it with the wider community of readers.",
]


@pytest.mark.parametrize("line", PROMOTIONS)
def test_promotion_lines_are_ads(line: str) -> None:
    assert furniture_kind(line) == "ad"


@pytest.mark.parametrize("line", PROSE_LINES)
def test_prose_mentioning_clicks_or_newsletters_is_no_ad(line: str) -> None:
    assert furniture_kind(line) is None


def test_promotion_inside_an_article_is_dropped_and_no_wall() -> None:
    body = clean(
        RawDocument("t", "\n\n".join([*PROSE[:2], PROMOTIONS[0], *PROSE[2:]]), "text")
    ).body
    assert PROMOTIONS[0] not in body
    for para in PROSE:
        assert para in body


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Phil Helsel is a reporter for NBC News.", "byline"),
        (
            "Lisa Jennings is a veteran restaurant industry reporter and editor who covers the "
            "sector.",
            "byline",
        ),
        ("Jane Doe was the paper's chief political correspondent until 2019.", "byline"),
        # one name: a tool; no name before "is"; no name at all: prose, no byline
        ("Flatliner is a handy code editor that helps to test the expressions.", None),
        ("The reporter is a witness to what the council did that night.", None),
        ("Agriculture is a major contributor to greenhouse gas emissions in the region.", None),
        ("In short it is a story for every writer and editor.", None),
    ],
)
def test_a_note_on_the_author_is_a_byline_a_sentence_about_a_tool_or_role_is_not(
    line: str, kind: str | None
) -> None:
    assert furniture_kind(line) == kind


def test_trending_news_heads_a_box() -> None:
    assert furniture_kind("Trending News") == "ticker"
    assert furniture_kind("Trending news shows the market fell again today.") is None


@pytest.mark.parametrize(
    "line",
    [
        "10 thoughts on “Business Focus: Why Some People Triumph Online”",
        "One thought on “Why we run”",
    ],
)
def test_thoughts_on_a_title_head_the_comments(line: str) -> None:
    assert furniture_kind(line) == "comments"


@pytest.mark.parametrize(
    "line", ["One response to the critics is simple.", "3 thoughts on how to fix the roads."]
)
def test_sentences_opening_like_a_comments_heading_are_prose(line: str) -> None:
    assert furniture_kind(line) is None


NEWSLETTER_WIDGET = [  # a sign-up box and its messages, and offers to subscribe
    "Thanks for signing up!",
    "Keep an eye on your inbox for the latest sports news.",
    "There was an error processing your subscription.",
    "Please check the opt-in box to acknowledge that you would like to subscribe.",
    "See All Newsletters",
    "If you enjoyed this article, we have a proposition for you: Join our members' club.",
    "Get our conservative analysis delivered right to you. No charge.",
    "Get Motor Cycle Monthly delivered through your letterbox every month.",
    "Subscribe to WIRED and stay smart with more of your favorite Ideas writers.",
    "Subscribe Sign In",
    "To Read the Full Story",
]
NOT_WIDGET = [
    "Thanks for the help, she told the officers who had found her dog.",
    "If you value your privacy, the report says, turn off the location history.",
    "Get the groceries delivered on time is what every customer wants.",
    "The parcels were delivered to your neighbour when you were out.",
    "Get back to your seats, the captain told the passengers.",
    "Subscribers to the service and their families were given refunds last week.",
]


RELATED_HEADINGS = ["More Great WIRED Stories", "More top stories", "More:", "You may also like..."]
LIKE_RELATED = [  # sentences that open like a heading of other stories
    "More than 200 people died.",
    "More stories like this are sad.",
    "You may also like this.",
    "More: the council said no.",
]


@pytest.mark.parametrize(
    ("line", "kind"),
    [(line, "ad") for line in NEWSLETTER_WIDGET]
    + [(line, None) for line in NOT_WIDGET + LIKE_RELATED]
    + [(line, "related") for line in RELATED_HEADINGS],
)
def test_offers_widgets_and_related_headings_against_prose_like_them(
    line: str, kind: str | None
) -> None:
    assert furniture_kind(line) == kind


def test_a_long_note_on_the_author_with_a_handle_is_a_byline() -> None:
    note = (
        "Molly Wood (@mollywood) is an Ideas contributor at WIRED and the host and senior "
        "editor of Marketplace Tech, a daily national radio broadcast covering the business "
        "of technology. She was formerly an executive editor at CNET and a columnist for "
        "the New York Times, and she has written about the industry for twenty years."
    )
    assert len(note.split()) > 40  # longer than other kinds are trusted on
    assert furniture_kind(note) == "byline"
    assert furniture_kind(note + " " + note) is None  # beyond a note's length: prose
