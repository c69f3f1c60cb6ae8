"""Plain text that is not an article (a thread, a listing): the prose selection steps aside
and the page keeps its prose stretch less furniture (pure unit tests, synthetic pages)."""

from __future__ import annotations

from tui.core.clean import clean
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
