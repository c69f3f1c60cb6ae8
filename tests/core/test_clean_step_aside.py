"""Plain text that is not an article (a thread, a listing): the prose selection steps aside
and the page keeps its prose stretch less furniture (pure unit tests, synthetic pages)."""

from __future__ import annotations

from tests.helpers.news_records import ARTICLE
from tui.core.clean import aside, clean
from tui.core.clean import text as clean_text_module
from tui.core.clean.lines import measure_page
from tui.core.clean.text import prose_value, step_aside
from tui.core.model import RawDocument

MENU = ["Forums", "Latest", "Categories", "Search", "Log in", "Sign up"]
FOOTER = ["Terms of service", "Privacy policy", "Powered by a forum engine"]
POSTS = [
    ("marta_k", "Has anyone tried fitting the new brake pads on the older frame model?"),
    ("jb1977", "I did it last spring and the only problem was the longer mounting bolts."),
    ("ridewell", "You will need the adapter plate from the shop, or the caliper sits too low."),
    ("marta_k", "Thanks, that is exactly what I was afraid of, I will order the plate first."),
    ("cogsworth", "Check the rotor size as well because the new pads are made for a larger disc."),
    ("jb1977", "Good point, mine was the larger rotor so I never noticed that difference."),
]


def thread() -> str:
    lines = MENU + [""]
    for n, (user, text) in enumerate(POSTS, 1):
        lines += [user, "Member", f"Posts: {100 + n}", f"#{n}", text, ""]
    return "\n".join(lines + FOOTER)


def body_of(text: str) -> str:
    return clean(RawDocument("t", text, "text")).body


def test_thread_keeps_every_post_not_only_the_densest_one() -> None:
    body = body_of(thread())
    for _, post in POSTS:
        assert post in body
    for furniture in MENU + FOOTER:  # outside the page's prose: not kept
        assert furniture not in body.split("\n\n")


def test_step_aside_needs_a_selection_that_misses_most_prose() -> None:
    lines = [text for _, text in POSTS] + ["Share", "Reply"]
    info = measure_page(lines, frozenset({"the", "and", "a", "i", "is", "was", "of", "to"}))
    raw = [prose_value(ln) for ln in info]
    idx = list(range(len(lines)))
    assert all(v > 0 for v in raw[:6])
    # The selection holds five of six prose lines: it is the article; nothing changes.
    assert step_aside(idx, info, raw, [0, 1, 2, 3, 4]) == [0, 1, 2, 3, 4]
    # One of six (under a third of the prose), short lines: the page's prose stretch is kept,
    # the share/reply furniture after it is not.
    assert step_aside(idx, info, raw, [2]) == [0, 1, 2, 3, 4, 5]
    assert step_aside(idx, info, raw, []) == []


# --- wider share, the page's end, one other block, pages of items -------------------------

FIRST_POST = [
    "I bought a second-hand touring bike last month and the brakes have never felt right to me.",
    "The levers pull almost to the bar before the pads touch the rim, and on a long descent the "
    "bike takes far longer to stop than my old one did in the same conditions.",
]
REPLIES = [
    ("jb1977", "Worn pads do that, so check how much rubber is left on them before anything else."),
    ("ridewell", "It could be glazed rims as well, a light sanding brought mine back to life."),
    ("cogsworth", "Check the rotor size as well because the new pads are made for a larger disc."),
    ("tomasz", "Mine did this until the shop found the brake arms were fitted the wrong way."),
    ("marta_k", "I had the same trouble and new cables with compressionless housing fixed it."),
]


def long_first_post_thread() -> str:
    lines = MENU + ["", "marta_k", "Member", "#1"] + FIRST_POST + [""]
    for n, (user, text) in enumerate(REPLIES, 2):
        lines += [user, "Member", f"Posts: {100 + n}", f"#{n}", text, ""]
    return "\n".join(lines + FOOTER)


def test_thread_whose_first_post_is_long_keeps_the_replies(monkeypatch) -> None:
    """The opening post holds 40% of the thread's prose: still a thread, not an article."""
    body = body_of(long_first_post_thread())
    for line in FIRST_POST + [text for _, text in REPLIES]:
        assert line in body
    monkeypatch.setattr(aside, "ASIDE_PROSE", 0.3)  # the old bar: the replies are lost...
    # ...but for the records rule, which now reads the replies as records (session 38)
    monkeypatch.setattr(clean_text_module, "record_items", lambda idx, info, keep, walls: keep)
    assert not any(text in body_of(long_first_post_thread()) for _, text in REPLIES)


NEWS_MENU = ["Home", "News", "Sport", "Weather", "Contact"]
CARDS = [
    ("Bridge repairs close the river road", "Engineers said the work on the old bridge would "
     "take most of the winter and cost more than planned."),
    ("School meals get a new supplier", "Parents were told on Monday that the contract had gone "
     "to a local firm after a long tender."),
    ("Library opens on Sundays", "The central library will open every Sunday afternoon from "
     "next month, the council said today."),
    ("Bus fares rise in the spring", "The operator said the rise was needed to pay for new buses "
     "and for the drivers' pay deal."),
    ("Market square to be repaved", "Traders have been asked for their views on the plans "
     "before the work starts in the summer."),
    ("New cycle lanes for the ring road", "The lanes will be separated from the traffic by a "
     "kerb along most of their length, it said."),
]


def test_page_ends_at_its_copyright_line(monkeypatch) -> None:
    """Summaries of other stories under the footer's copyright line are not the page's prose:
    they do not make the article look like a small part of it."""
    lines = NEWS_MENU + [""] + ARTICLE[:3] + ["", "© 2024 The Local Paper. All rights reserved."]
    for head, summary in CARDS:
        lines += ["", head, summary, "2 hours ago"]
    page = "\n".join(lines + [""] + NEWS_MENU)
    assert body_of(page).split("\n\n") == ARTICLE[:3]
    monkeypatch.setattr(aside, "END_KIND", "none")  # without the page's end: the cards come in
    assert body_of(page).split("\n\n") != ARTICLE[:3]


NOTICE = (
    "Our customer service centre can be reached with any questions or requests about "
    "subscriptions, deliveries, the archive and the newsletters by telephone, by post or by "
    "e-mail, on every working day of the week, and the staff will answer within two days "
    "and will pass on letters to the editors, who read each one of them with great care. "
    "Readers who want to correct a report or to tell us about an event in their street are "
    "welcome to write to the newsroom, where a duty editor reads the post every morning.")


def test_one_other_block_of_prose_is_not_prose_spread_down_the_page(monkeypatch) -> None:
    """The article holds 30-50% of the prose and the rest is one notice under an "About"
    heading: one other block, not posts or entries, so the article stays the body."""
    page = "\n".join(NEWS_MENU + [""] + ARTICLE + ["", "Traffic", "Letters", "Puzzles",
                                                  "Obituaries", "Events", "Jobs", "",
                                                  "About the paper", NOTICE, ""] + NEWS_MENU)
    assert body_of(page).split("\n\n") == ARTICLE
    monkeypatch.setattr(aside, "ASIDE_RUNS", (0, 10**6))  # without the guard: the notice too
    assert NOTICE in body_of(page)


HEADLINES = [f"{side} council plans new {what} for the town" + (
    " after the meeting on Friday" if what == "parks" else "")
    for side in ("North", "South", "East", "West", "Old", "New")
    for what in ("parks", "roads", "schools", "libraries", "markets")]  # lengths of a listing


def listing() -> str:
    lines = NEWS_MENU + ["", "Latest stories from the town hall.", ""]
    for n, head in enumerate(HEADLINES, 1):
        lines += [f"{n}. {head}", "3 hours ago"]
    return "\n".join(lines + [""] + NEWS_MENU)


def test_page_of_items_keeps_its_items(monkeypatch) -> None:
    """Thirty numbered headlines and a one-line introduction: the items are the content."""
    body = body_of(listing())
    for head in HEADLINES:
        assert head in body
    assert "3 hours ago" not in body  # furniture (time stamps) stays out
    monkeypatch.setattr(aside, "LISTING_SHARE", 0.0)  # without the rule: the introduction only
    assert not any(head in body_of(listing()) for head in HEADLINES)


def test_article_above_a_few_headlines_is_not_a_listing(monkeypatch) -> None:
    page = "\n".join(NEWS_MENU + [""] + ARTICLE + ["", "Related stories"]
                     + [f"* {head}" for head in HEADLINES[:8]] + [""] + NEWS_MENU)
    assert body_of(page).split("\n\n") == ARTICLE
    monkeypatch.setattr(aside, "LISTING_SHARE", 100.0)  # any page read as a listing
    assert body_of(page).split("\n\n") != ARTICLE
