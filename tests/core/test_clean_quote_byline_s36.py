"""Two rules of #13 kept to what they are for (the final review's SHOULD-FIX 2 and 3): a bare
">" line is a quotation's gap only in a text of an e-mail's shape, never an interpreter's blank
prompt (">>>", kept as written: no silent loss); a bare "By" under a post's last paragraph is
its author only before a name's shape, never a sidebar's heading ("By Topic")."""

from __future__ import annotations

import pytest

from tui.core.clean import clean
from tui.core.clean.api import _mail_shaped, _quote_gaps
from tui.core.clean.meta import signed
from tui.core.model import RawDocument

REPL = (
    "Using the counter module\n\n"
    "The counter keeps a running total of everything you add to it, and you can read the "
    "total back at any time.\n"
    "Here is a short session in the interpreter that shows how it works in practice:\n\n"
    ">>> c = Counter()\n>>>\n>>> c.add(3)\n>>> c.total\n3\n\n"
    "That is all there is to it, and the same calls work from a script as well as from the "
    "prompt.\n"
)


def body(text: str, kind: str = "text") -> str:
    return clean(RawDocument("t.txt", text, kind)).body


def test_an_interpreters_blank_prompt_is_kept() -> None:
    got = body(REPL)
    assert ">>>" in got.split("\n")
    assert got.index(">>> c = Counter()") < got.index("\n>>>\n") < got.index(">>> c.add(3)")


@pytest.mark.parametrize(
    ("quoted", "gaps"),
    [
        ([">>> a", ">>>", ">>> b"], set()),  # Python's prompt
        (["> >>> a", "> >>>", "> >>> b"], set()),  # ...quoted in a reply
        ([">>>> a", ">>>>", ">>>> b"], {1}),  # four levels of quoting
        (["> a", ">", "> b"], {1}),
    ],
)
def test_a_bare_prompt_is_no_gap(quoted, gaps) -> None:
    assert _quote_gaps(quoted) == gaps


@pytest.mark.parametrize(
    ("text", "mail"),
    [
        (REPL, False),
        ("Notes\n\n> a\n>\n> b\n", False),
        ("Notes\n\n> x <- counter()\n>\n> add(x, 3)\n", False),  # an R session
        ("Notes\n\n> The counter keeps a total of it.\n>\n> b\n", True),  # quoted prose
        ("On Mon, 3 Mar 2025, Tom Baker wrote:\n> a\n>\n> b\n", True),
        ("Am Montag schrieb Tom:\n> a\n>\n> b\n", True),
        ("Hi Tom,\n\n> a\n>\n> b\n\nYes.\n", True),
        ("Yes.\n\n-- \nAnna\n", True),
        ("From: Anna <a@example.com>\nSubject: Hi\nDate: Mon, 3 Mar 2025\n\n> a\n", True),
    ],
)
def test_an_e_mails_shape(text, mail) -> None:
    assert _mail_shaped(text.split("\n")) is mail


def test_a_quotations_gap_in_a_reply_is_still_no_paragraph() -> None:
    reply = (
        "Sure, Thursday works for me and I will book the room.\n\n"
        "On Mon, 3 Mar 2025, Tom Baker wrote:\n"
        "> Could we meet on Thursday instead? The room on the\n"
        "> third floor is free from ten.\n>\n> Tom\n"
    )
    assert ">" not in body(reply).split("\n\n")


QUOTED = (
    "Reading notes\n\nThe manual has a short passage on the counter that is worth reading in "
    "full, since it explains the design better than I can here:\n\n"
    "> The counter keeps a running total of everything you add to it.\n>\n"
    "> You can read the total back at any time, from a script or from the prompt.\n\n"
    "That is the whole of it, and it has served me well for years of small scripts at work.\n"
)


def test_a_quotations_gap_in_quoted_prose_is_no_paragraph() -> None:
    assert body(QUOTED).split("\n\n")[1:3] == [
        "> The counter keeps a running total of everything you add to it.",
        "> You can read the total back at any time, from a script or from the prompt.",
    ]


def test_the_gap_asks_for_an_e_mails_shape(monkeypatch) -> None:
    monkeypatch.setattr("tui.core.clean.api._mail_shaped", lambda lines: False)
    assert ">" in body(QUOTED).split("\n\n")  # (kept as written, as the parent did)


def page(heading: str) -> str:
    return (
        "<html><head><title>Spring at the allotment</title></head><body>"
        '<div class="post"><h1>Spring at the allotment</h1><div class="post-body">'
        "<p>The first beans are up and the rhubarb has come back stronger than ever after a "
        "wet winter on the plots.</p><p>We spent the weekend clearing the paths and fixing "
        "the shed roof, which had let in the rain since November last year.</p><p>Next week "
        "the water butts go back in and the committee meets to plan the summer open day for "
        'the neighbours.</p></div><div class="post-footer">Share this post</div></div>'
        f'<div class="sidebar"><h3>{heading}</h3><ul><li>Gardening</li><li>Events</li></ul>'
        "</div></body></html>"
    )


@pytest.mark.parametrize("heading", ["By Topic", "By Category", "By Popular Demand"])
def test_a_sidebars_heading_under_a_post_is_no_author(heading) -> None:
    c = clean(RawDocument("blog.html", page(heading), "html"))
    assert c.author is None
    assert c.body.endswith("for the neighbours.")


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Topic", None),
        ("By Category: Politics", None),
        ("By Popular Demand", None),
        ("By Order of the Court", None),
        ("By The Numbers", None),
        ("By Anna", None),  # (one word: "Posted by Anna" names her)
        ("Share this post", None),
        ("By Jane Doe", "Jane Doe"),
        ("By Ludwig van Beethoven", "Ludwig van Beethoven"),
        ("By Jean-Luc Picard on 3 May 2025", "Jean-Luc Picard"),
        ("Posted by Margaret Hale at 10:42 AM", "Margaret Hale"),
        ("Posted by Anna on Monday, March 3, 2025", "Anna"),
        ("Written by Ann", "Ann"),
    ],
)
def test_a_bare_by_under_a_post_names_only_a_name(line, author) -> None:
    assert signed(line) == author
