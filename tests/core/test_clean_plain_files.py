"""Text files are plain documents (issue 13): release notes, changelogs, copyright files and
READMEs laid out as files keep their words, their lists whole and their headings without
the underlines; a page copied as text is still read as a page."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.clean import clean
from tui.core.clean.plain import file_layout, plain_document, underlines
from tui.core.clean.reflow import items, reflow
from tui.core.model import RawDocument

WORD = re.compile(r"\w+")

RELEASE_NOTES = """\
Tool v2.4.1 Release Notes
=========================

Fixes since v2.4.0
------------------

 * the importer handles empty folders better.

 * the exporter used to drop the last line when writing
   a file without a newline at its end.

 * When the index was locked, the search tool
   waited forever; now it stops
   with a message.

 * Quite a lot of documentation clarifications.
"""

CHANGELOG = """\
widget (1.2-2) unstable; urgency=medium

  * New upstream release.
  * CVE-2031-0001
  * CVE-2031-0002 (Closes: #100001)
  * Fix a crash in the parser when a file ends
    inside a comment.

 -- Jane Roe <jane@example.org>  Mon, 03 Mar 2031 10:00:00 +0100

widget (1.2-1) unstable; urgency=medium

  * New upstream release.
  * Upload to unstable.

 -- Jane Roe <jane@example.org>  Sun, 02 Feb 2031 09:00:00 +0100
"""

COPYRIGHT = """\
Format: https://www.example.org/copyright-format/1.0/
Upstream-Name: widget
Source: https://example.org/widget

Files: *
Copyright: 2029-2031 Jane Roe <jane@example.org>
           2030 John Doe
License: MIT
Comment:
 The tests were written by the same authors.

Files: debian/*
Copyright: © 2031 Jane Roe
License: MIT

License: MIT
 Permission is hereby granted, free of charge, to any person obtaining a copy
 of this software, to deal in the software without restriction.
 .
 The software is provided "as is", without warranty of any kind.
"""


def _words(text: str) -> list[str]:
    return WORD.findall(text)


def _kept(text: str) -> tuple[Counter[str], str]:
    """The words of ``text`` neither its body nor its title holds, and its body."""
    c = clean(RawDocument(origin="file:///doc.txt", content=text, kind="text"))
    return Counter(_words(text)) - Counter(_words(f"{c.title or ''}\n{c.body}")), c.body


def test_release_notes_keep_every_item_whole_and_drop_the_underlines() -> None:
    lost, body = _kept(RELEASE_NOTES)
    assert not lost  # (the title line is the title)
    paragraphs = body.split("\n\n")
    assert "Fixes since v2.4.0" in paragraphs
    assert not any(set(p) <= set("=-") for p in paragraphs)
    assert (
        "* When the index was locked, the search tool waited forever; now it stops with a "
        "message." in paragraphs
    )


def test_a_changelog_keeps_its_entries_repeated_items_and_sign_offs() -> None:
    lost, body = _kept(CHANGELOG)
    assert not lost
    assert body.count("* New upstream release.") == 2
    assert "* Fix a crash in the parser when a file ends inside a comment." in body


def test_a_copyright_file_keeps_its_fields() -> None:
    lost, body = _kept(COPYRIGHT)
    assert not lost
    assert "Source: https://example.org/widget" in body.split("\n\n")


def test_file_layout_is_indentation_a_copied_page_never_has() -> None:
    assert file_layout(CHANGELOG) and file_layout(RELEASE_NOTES)
    flush = "\n".join(ln.strip() for ln in CHANGELOG.split("\n"))
    assert not file_layout(flush)  # (a page copied as text: no line indented)
    assert not file_layout("\n".join("    " + ln for ln in flush.split("\n")))  # (all of it)
    assert file_layout("\n".join("   " + ln for ln in CHANGELOG.split("\n")))  # (a margin)


def test_a_filed_story_keeps_its_byline_out_of_the_body() -> None:
    story = (
        "MARKETS EXPECT A CALM WEEK\n"
        "    By Ann Lee, Reuters\n"
        "    LONDON, March 3 - Traders said on Monday that they expected a calm week on\n"
        "the markets after the long holiday, with few figures due.\n"
        "    They said prices would hold near their levels of last week.\n"
        "    The next report is due on Friday, after the close of trading.\n"
    )
    c = clean(RawDocument(origin="file:///story.txt", content=story, kind="text"))
    assert c.author == "Ann Lee"
    assert c.body.startswith("LONDON, March 3 - Traders said")


def test_a_filed_text_with_a_page_furniture_is_no_plain_document() -> None:
    lines = ["Advertisement", "", "Subscribe now", "", "Home", "", "Menu", "", "Some text."]
    kinds = {0: "ad", 2: "ad", 4: "ad", 6: "ad"}
    assert not plain_document(lines, kinds, filed=True)
    assert plain_document(lines[4:], {0: "ad", 2: "ad"}, filed=True)


def test_underlines_go_and_their_headings_stay() -> None:
    lines = ["Title", "=====", "", "Text under it.", "", "-----", "", "Sub", "---", "x"]
    assert underlines(lines, list(range(len(lines)))) == [0, 2, 3, 4, 5, 6, 7, 9]


def test_a_list_items_continuation_joins_it_in_a_file_not_wrapped_at_a_column() -> None:
    lines = [
        "Notes:",
        "  * a short item",
        "    going on here",
        "    and here.",
        "  * the next item",
        "      set deeper: its own line",
        "Total    3    4",
    ]
    assert items(lines, "\n".join(lines)) == [
        "Notes:",
        "  * a short item going on here and here.",
        "  * the next item",
        "      set deeper: its own line",
        "Total    3    4",
    ]
    table = ["  * first", "    col    col    col", "  * second"]
    assert items(table, "\n".join(table)) == table  # (a table's row stays a row)
    text = "\n".join(lines[:4])
    assert reflow(text, hanging=True) == "Notes:\n  * a short item going on here and here."
    assert reflow(text) == text  # (not known to be a file: lines stay lines)


_SENTENCE = st.lists(
    st.sampled_from(["the", "fix", "parser", "crash", "Release", "folder", "import", "CVE-1"]),
    min_size=1,
    max_size=12,
).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_SENTENCE, st.lists(_SENTENCE, max_size=3)), min_size=3, max_size=12))
def test_a_file_of_list_items_keeps_all_its_words(entries) -> None:
    """Property: a text laid out as a file (versions' items with continuation lines, under a
    heading) keeps every word in its body or its title."""
    lines = ["Changes in this release", "======================="]
    for k, (first, more) in enumerate(entries):
        lines.append(f"Version {k}:")
        lines.append(f"  * {first}")
        lines.extend(f"    {m}" for m in more)
    text = "\n".join(lines) + "\n"
    assert not _kept(text)[0]


WEB_COPY = """Home
News
Sport
Business

City approves transport budget

{p}The city council voted on Tuesday to approve a new budget that raises spending on
public transport by twelve percent, officials said after a long meeting.

{code}
{p}The mayor said the vote was a turning point for the city and promised that the first
new bus lines would open before the end of the year, with more to follow.

Share on Facebook
Related stories
Contact us
© 2024 Daily Example Ltd
"""


def test_a_page_copied_as_text_is_no_file() -> None:
    """Paragraphs opening with an ideographic or no-break space (as Chinese pages set them),
    or one indented code sample, do not make a page a file: its menu and footer still go."""
    for p, code in (
        ("\u3000\u3000", ""),
        ("\u00a0\u00a0", ""),
        ("", "    pip install x\n    x --run\n"),
    ):
        text = WEB_COPY.format(p=p, code=code)
        assert not file_layout(text), (p, code)
        c = clean(RawDocument(origin="file:///page.txt", content=text, kind="text"))
        assert c.title == "City approves transport budget"
        assert "Share on Facebook" not in c.body and "Sport" not in c.body.split("\n\n")


def test_a_byline_below_the_line_under_the_title_stays_in_a_files_body() -> None:
    text = (
        "Tool 2.0\n\nBy default the daemon listens on port 8080\nBy Ann Lee\n\n"
        + "\n".join(
            f"  * item {n} of the release, with its own words\n    wrapped here" for n in range(4)
        )
        + "\n\nThe new version of the tool brings a faster parser and a smaller memory use.\n"
    )
    c = clean(RawDocument(origin="file:///notes.txt", content=text, kind="text"))
    assert "Ann Lee" in c.body or c.author == "Ann Lee"  # (kept or read: never lost)
