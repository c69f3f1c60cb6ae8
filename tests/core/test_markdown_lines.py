"""Markdown's line rules (headings, rules, quotes, table rules, link definitions) act on one
line each: a blank line between two blocks is never eaten, so two headings never run together
("# Changelog" over "## 2.17.1" came out "Changelog2.17.1")."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui.core.clean.api import clean
from tui.core.clean.markdown import strip_markdown
from tui.core.model import RawDocument

CHANGELOG = """# Changelog

## [2.17.1](https://example.org/compare/v2.17.0...v2.17.1) (2023-03-30)


### Bug Fixes

* Print out the plugin's error and raise if the challenge output is None ([#1265](https://example.org/1265))

## [2.17.0](https://example.org/compare/v2.16.3...v2.17.0) (2023-03-28)


### Features

* Add the service account endpoint flow for identity tokens ([#1258](https://example.org/1258))
"""


def test_headings_over_headings_stay_apart():
    text = strip_markdown(CHANGELOG)
    lines = [ln for ln in text.split("\n") if ln]
    assert lines[:3] == ["Changelog", "2.17.1 (2023-03-30)", "Bug Fixes"]
    assert "Changelog2" not in text and ")Bug" not in text


def test_a_changelog_keeps_its_versions_apart_in_the_body():
    body = clean(RawDocument(origin="CHANGELOG.md", content=CHANGELOG, kind="md")).body
    assert "(2023-03-30)Bug" not in body and "(2023-03-28)Features" not in body
    assert "Print out the plugin's error" in body


def test_atx_closing_hashes_need_a_space_before_them():
    assert strip_markdown("## C#") == "C#"
    assert strip_markdown("## C# ##") == "C#"
    assert strip_markdown("# Title #") == "Title"
    assert strip_markdown("#hashtag in a line") == "#hashtag in a line"  # no heading


def test_an_empty_heading_does_not_take_the_next_line():
    assert strip_markdown("#\n\nNext paragraph.") == "\n\nNext paragraph."


def test_rules_and_underlines_leave_the_blank_lines_around_them():
    assert strip_markdown("Title\n=====\n\nFirst.\n\n---\n\nSecond.") == (
        "Title\n\n\nFirst.\n\n\n\nSecond."
    )


def test_a_link_definition_does_not_take_the_line_below():
    assert strip_markdown("[1]:\nThe next line is text.") == "[1]:\nThe next line is text."


_WORD = st.text(alphabet="abcdefghij XYZ.,", min_size=1, max_size=12)
_LINE = st.one_of(
    _WORD,
    st.builds(lambda n, w: "#" * n + " " + w, st.integers(1, 6), _WORD),
    st.sampled_from(["", " ", "---", "===", "* * *", "___", ">", "> ", "  "]),
    st.builds(lambda w: "> " + w, _WORD),
    st.builds(lambda w: "- " + w, _WORD),
)


@given(st.lists(_LINE, max_size=12))
def test_line_rules_keep_every_line_break(lines):
    # (a table's rule row is the one rule that takes its line break: its rows stay together)
    text = "\n".join(lines)
    assert strip_markdown(text).count("\n") == text.count("\n")
