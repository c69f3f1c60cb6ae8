"""Markdown front matter after review (session 32): a language as its code, nothing it holds
gone without a word, footnotes left as written, the document's heading not repeated."""

from __future__ import annotations

from tests.core.test_clean_text import PARAS
from tui.core.clean import clean
from tui.core.clean.html_meta import read_meta
from tui.core.markup import lang_code
from tui.core.model import RawDocument

BODY = "\n\n" + PARAS[0] + "\n\n" + PARAS[1] + "\n"


def _md(text: str):
    return clean(RawDocument("post.md", text, "md"))


def test_a_declared_language_is_a_code_as_a_pages_is() -> None:
    """Front matter's "language: English" and "en-US" were kept as written, next to "en"."""
    assert _md("---\ntitle: Short\nlanguage: en-US\n---\n\nBonjour.\n").lang == "en"
    c = _md("---\ntitle: Short\nlanguage: English\nlang: en_GB\n---\n\nOk.\n")
    assert c.lang == "en" and c.body == "Ok.\n\nFront matter not used: language: English"
    import lxml.html  # (the page reader gives the same codes: one reader)

    for declared, code in (("en-US", "en"), ("English", None), ("fr", "fr"), ("", None)):
        assert lang_code(declared) == code
        tree = lxml.html.fromstring(f'<html lang="{declared}"><body><p>x</p></body></html>')
        assert read_meta(tree).get("lang") == code


def test_front_matter_no_field_holds_is_named_at_the_end_of_the_body() -> None:
    """An unreadable date, a folded or literal block's lines and keys not read used to go
    without a word; a folded summary is read, the rest is the body's last paragraph."""
    c = _md(
        "---\ntitle: Budget passes\ndate: Spring 2023\ndescription: >\n  A folded summary"
        "\n  over two lines.\nnote: |\n  kept\n  as text\ntags:\n  - budget\n  - 'city'\n"
        "draft: false\nimage: null\ncategories: []\n---\n" + BODY
    )
    assert c.title == "Budget passes" and c.date is None
    assert c.summary == "A folded summary over two lines."
    assert c.body == (
        PARAS[0] + "\n\n" + PARAS[1] + "\n\nFront matter not used: date: Spring "
        "2023; note: kept as text; tags: budget, city; draft: false"
    )
    plain = _md("---\ntitle: Budget passes\nauthor: Jane Roe\n---\n" + BODY)
    assert plain.body == PARAS[0] + "\n\n" + PARAS[1]  # all read: nothing added


def test_a_heading_equal_to_the_front_matter_title_is_not_repeated() -> None:
    c = _md("---\ntitle: Budget passes\n---\n\n#  Budget  PASSES\n" + BODY)
    assert c.title == "Budget passes" and c.body.startswith(PARAS[0]), c.body
    other = _md("---\ntitle: Budget passes\n---\n\n# The vote\n" + BODY)
    assert other.body.startswith("The vote\n\n" + PARAS[0])  # another heading stays


def test_footnotes_are_no_link_definitions() -> None:
    """A reference "report[^1]" read "report^1" (the footnote taken for a defined link), the
    footnote's own text was dropped as a link definition."""
    md = (
        "# Notes\n\n" + PARAS[0] + " See the report[^1] and [the plan].\n\n"
        "[^1]: The report was published on Friday.\n[the plan]: https://plan.test\n"
    )
    body = _md(md).body
    assert "See the report[^1] and the plan." in body, body
    assert "[^1]: The report was published on Friday." in body and "plan.test" not in body
