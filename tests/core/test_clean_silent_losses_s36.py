"""Never a silent loss (#13), cases left by the last review: an e-mail's signature separator
written "--" (its space lost) keeps the letter's salutation, closing and signature as "-- "
does, where the text has an e-mail's shape (a "--" elsewhere stays as written); a list's
footer under "-- " is kept whole; a quotation's bare ">" line is the gap between its
paragraphs, not a paragraph ">"; punctuation an HTML line break set apart stays with its
neighbour; a blog post's byline under its last paragraph is read as the author."""

from __future__ import annotations

import pytest

from tui.core.clean import clean
from tui.core.clean.api import _quote_gaps, clean_extracted
from tui.core.clean.meta import bare_signature, byline
from tui.core.model import RawDocument

BODY = (
    "the meeting moved to Thursday at ten, in the big room on the third floor. Please bring "
    "the budget figures for the second quarter and the draft of the report."
)
SIGNED = "Anna Lee\nHead of Finance, ACME Ltd\nTel. +49 30 1234567\n"
LETTER = f"Hi Tom,\n\n{BODY}\n\nThanks\nAnna\n-- \n{SIGNED}"


def body(text: str, kind: str = "text") -> str:
    return clean(RawDocument("m.txt", text, kind)).body


def lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


@pytest.mark.parametrize("separator", ["--", "--  ", "--\t"])
def test_a_signature_separator_without_its_space_keeps_the_letter_whole(separator) -> None:
    bare = LETTER.replace("\n-- \n", f"\n{separator}\n")
    assert body(bare) == body(LETTER).replace("\n-- \n", "\n--\n")  # (kept as written)
    assert lines(body(bare)) == lines(LETTER)


@pytest.mark.parametrize(
    "text",
    [
        # no salutation, no closing over it: a rule between two paragraphs
        f"{BODY}\n\n--\n\n{BODY}\n",
        # no salutation: a closing and a name over it are not enough (and change nothing)
        f"{BODY}\n\nAnna\n--\none\ntwo\nthree\nfour\nfive\n",
        f"{BODY}\n\nCheers\nAnna\n--\nAnna Lee\nACME Ltd\n",
        # a heading in capitals over it, as a manual's
        f"{BODY}\n\nOPTIONS\n--\nend of the options\n",
        # two of them
        f"Hi Tom,\n\n{BODY}\n\nAnna\n--\nAnna Lee\n--\n",
        # a newsletter's rule between paragraphs, under "Dear readers,"
        f"Dear readers,\n\n{BODY}\n\n--\n\n{BODY}\n\n{BODY}\n",
    ],
)
def test_a_bare_double_dash_elsewhere_is_no_signature(text) -> None:
    assert bare_signature(text) is None


def test_a_bare_separator_under_an_e_mails_headers_is_its_signature() -> None:
    mail = (
        "From: Anna Lee <anna@example.com>\nSubject: Thursday\nDate: Mon, 3 Mar 2025 "
        f"10:00:00 +0000\n\nHi Tom,\n\n{BODY}\n\nAnna\n--\nAnna Lee\n"
    )
    assert bare_signature(mail) == len(mail.split("\n")) - 3


LIST_FOOTER = (
    "The committee will meet on Thursday at ten to discuss the budget for the second quarter "
    "and the draft of the annual report, the chair said.\n\n"
    "Members are asked to send comments by Wednesday.\n\n-- \n"
    'You received this message because you are subscribed to the Google Groups "council" '
    "group.\nTo unsubscribe from this group and stop receiving emails from it, send an email "
    "to council+unsubscribe@googlegroups.com.\nTo view this discussion on the web visit "
    "https://groups.google.com/d/msgid/council/abc.\nFor more options, visit "
    "https://groups.google.com/d/optout.\nArchive: https://example.org/archive\n"
)


def test_a_list_footer_of_five_lines_under_the_separator_is_kept_whole() -> None:
    got = body(LIST_FOOTER)
    assert lines(got) == lines(LIST_FOOTER)
    assert got.endswith("Archive: https://example.org/archive")


QUOTING = (
    "Hi Tom,\n\nsure, Thursday works.\n\nAnna\n-- \nAnna Lee\n\n"
    "On Mon, 3 Mar 2025, Tom Baker wrote:\n"
    "> Could we meet on Thursday instead? The room on the\n"
    "> third floor is free from ten.\n>\n> Tom\n"
)


def test_a_bare_quote_mark_is_the_gap_in_the_quotation_not_a_paragraph() -> None:
    paragraphs = body(QUOTING).split("\n\n")
    assert ">" not in paragraphs
    assert paragraphs[-2:] == [
        "> Could we meet on Thursday instead? The room on the third floor is free from ten.",
        "> Tom",
    ]


@pytest.mark.parametrize(
    ("quoted", "gaps"),
    [
        (["> a", ">", "> b"], {1}),
        (["> > a", "> >", "", "> > b"], {1}),
        (["> a", ">", ">", "> b"], {1, 2}),
        (["> a", ">", "b"], set()),  # (under the quotation: not inside it)
        (["a", ">", "> b"], set()),
        ([">", "> b"], set()),
    ],
)
def test_only_a_bare_quote_mark_inside_a_quotation_is_its_gap(quoted, gaps) -> None:
    assert _quote_gaps(quoted) == gaps


@pytest.mark.parametrize(
    ("lines_in", "want"),
    [
        (["Line one", ",", "Line two"], ["Line one,", "Line two"]),
        (["She said", "!", "And then"], ["She said!", "And then"]),
        (["(", "quietly)"], ["(quietly)"]),
        (["“", "Quoted words”"], ["“Quoted words”"]),
        (["Line one", "|", "* * *", "Line two"], ["Line one", "Line two"]),  # separators
        (["Joined", "?", "?", "Next"], ["Joined", "Next"]),  # a run of marks: decoration
        (["Joined", "????", "Next"], ["Joined", "Next"]),
    ],
)
def test_punctuation_a_line_break_set_apart_stays_with_its_neighbour(lines_in, want) -> None:
    assert clean_extracted("\n".join(lines_in))["body"].split("\n\n") == want


def test_punctuation_on_a_line_of_its_own_in_a_page_is_kept() -> None:
    page = (
        "<html><head><title>T</title></head><body><article><p>Line one<br>,<br>Line two is "
        "here and it goes on for a while so that the page has some text to read.</p><p>"
        "Another paragraph of text that is long enough to be an article paragraph.</p>"
        "</article></body></html>"
    )
    assert body(page, "html").startswith("Line one,\n\nLine two is here")


BLOG = """<!DOCTYPE html><html><head><title>Notes from the valley: A walk to the mill</title>
</head><body><div class="header"><h1>Notes from the valley</h1></div>
<div class="main"><div class="post"><h3 class="post-title">A walk to the old mill</h3>
<div class="post-body">
<p>On Saturday we walked up the valley to the old mill, which has stood empty since the flood
of 1968. The path follows the river for most of the way and crosses it twice.</p>
<p>The mill itself is smaller than I remembered. The wheel is gone, but the channel that fed it
is still there, full of ferns, and you can follow it back to the weir.</p>
<p>We had our lunch on the steps and walked back the long way, over the hill.</p>
</div><div class="post-footer">Posted by Margaret Hale at 10:42 AM</div></div></div>
<div class="sidebar"><h2>Blog Archive</h2><ul><li>March (3)</li></ul></div></body></html>"""


def test_a_blog_posts_byline_under_its_last_paragraph_is_read_as_the_author() -> None:
    c = clean(RawDocument("blog.html", BLOG, "html"))
    assert c.author == "Margaret Hale"  # read: the body goes without the line
    assert c.body.endswith("over the hill.")


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Posted by Margaret Hale at 10:42 AM", "Margaret Hale"),
        ("By Kashmira Gander On 12/3/24 at 9:00 AM EST", "Kashmira Gander"),
        ("Posted by Anna on Monday, March 3, 2025", "Anna"),
    ],
)
def test_a_bylines_time_is_no_part_of_the_name(line, author) -> None:
    assert byline(line)[0] == author
