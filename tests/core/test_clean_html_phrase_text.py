"""No character of running text cut at inline phrases' edges is lost (issue: "The <em>A</em>,
<i>B</i> and C." lost its comma, a line of punctuation alone between two phrases; no Textual)."""

from __future__ import annotations

import lxml.html
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.clean import clean
from tui.core.clean.html_blocks import dom_blocks, resegment
from tui.core.model import RawDocument

_WORD = st.sampled_from(["The", "a", "Times", "said", "B", "and", "C", "report", "new"])
_MARK = st.sampled_from([",", ".", ";", ":", "!", "?", ")", "(", "\u2014", '"', ",\u201d", "\u060c",
                         "\uff0c", "\u3002", "\u00bf"])
_TAG = st.sampled_from([None, "i", "b", "em"])
OTHER = "Another paragraph of text here for the extractor to see, long enough."


def _page(body: str):
    return dom_blocks(lxml.html.fromstring(f"<html><body>{body}</body></html>"))


def test_a_comma_between_two_phrases_is_kept():
    html = "<p>The <em>A</em>, <i>B</i> and C.</p>"
    lines = "The\nA\n,\nB\nand C."  # trafilatura's whole-page fallback: a line per text node
    assert resegment(lines, _page(html)) == "The A, B and C."
    page = (
        "<html><body><article><p>The <em>A</em>, <i>B</i> and C.</p><p>Another paragraph of "
        "text here for the extractor to see, long enough.</p></article></body></html>"
    )
    assert clean(RawDocument("t", page, "html")).body.split("\n")[0] == "The A, B and C."


def test_a_full_stop_after_a_phrase_closing_a_paragraph_is_kept():
    html = "<p>He said <em>this</em>.</p><p>Next one.</p>"
    assert resegment("He said\nthis\n.\nNext one.", _page(html)) == "He said this.\nNext one."


def test_punctuation_alone_the_page_sets_apart_stays_apart():
    html = "<p>First part</p><p>* * *</p><p>Second part</p>"
    lines = "First part\n* * *\nSecond part"
    assert resegment(lines, _page(html)) == lines


@st.composite
def _paragraph(draw) -> list[tuple[str, str | None]]:
    """Pieces of one paragraph's text, each wrapped in an inline phrase or not; two words
    meet at a space (two words glued at an element's edge, "A<i>,</i>B" read as "a b" by
    an extractor and "ab" by the page, are another matter)."""
    out: list[tuple[str, str | None]] = []
    for _ in range(draw(st.integers(2, 8))):
        words = draw(st.lists(st.one_of(_WORD, _MARK), min_size=1, max_size=4))
        text = " ".join(words)
        before = "".join(x for x, _ in out).rsplit(" ", 1)[-1]  # the run the piece meets
        first = text.split(" ", 1)[0]
        glued = any(c.isalpha() for c in before) and any(c.isalpha() for c in first)
        if draw(st.booleans()) or glued:
            text = " " + text
        if draw(st.booleans()):
            text += " "
        out.append((text, draw(_TAG)))
    return out


@settings(max_examples=300, deadline=None)
@given(_paragraph())
def test_every_character_of_a_paragraph_cut_at_its_phrases_survives_in_order(pieces):
    html = "<p>" + "".join(f"<{t}>{x}</{t}>" if t else x for x, t in pieces) + "</p>"
    text = "".join(x for x, _ in pieces)
    if not any(c.isalpha() for c in text):
        return
    nodes = [x.strip() for x, _ in pieces if x.strip()]  # a line per text node
    got = resegment("\n".join(nodes), _page(html))
    assert "".join(got.split()) == "".join(text.split())


@settings(max_examples=100, deadline=None)
@given(_paragraph())
def test_every_character_of_a_paragraph_with_phrases_survives_cleaning(pieces):
    para = "".join(f"<{t}>{x}</{t}>" if t else x for x, t in pieces)
    text = "".join(x for x, _ in pieces)
    if not any(c.isalpha() for c in text):
        return
    html = f"<html><body><article><p>{para}</p><p>{OTHER}</p></article></body></html>"
    got = clean(RawDocument("t", html, "html")).body
    assert "".join(text.split()) + "".join(OTHER.split()) in "".join(got.split())


def test_punctuation_opening_a_paragraph_before_a_phrase_is_kept_as_the_page_spaces_it():
    assert resegment("(\nSic\n) said so", _page("<p>(<i>Sic</i>) said so</p>")) == "(Sic) said so"
    quoted = _page("<p>\u201c <em>Quote</em>\u201d he said</p>")
    assert resegment("\u201c\nQuote\n\u201d he said", quoted) == "\u201c Quote\u201d he said"


def test_a_mark_on_a_line_of_its_own_after_a_hard_break_does_not_hang():
    """wcxb_dev 1806: a separator "–" between two <br><br> is no punctuation of the line
    before: it is not glued onto it ("...Dashboard. –")."""
    page = _page("<p>Text one here.<br><br>\u2013<br><br>More text here.</p>")
    got = resegment("Text one here.\n\u2013\nMore text here.", page)
    assert got.split("\n")[0] == "Text one here."
    assert "\u2013" in got  # kept where the page has it, a line of its own
    opening = _page("<p>\u2013<br>Sic said so</p>")
    assert resegment("\u2013\nSic said so", opening).split("\n")[-1] == "Sic said so"


def test_an_opening_mark_takes_the_next_word_as_the_page_spaces_it():
    """wcxb_dev 2911: "Hiring (<a>signoz.io</a>)" read "Hiring ( signoz.io)"."""
    link = "<p>We are Hiring (<a href='x'><span>signoz.io</span></a>)</p>"
    lines = "We are Hiring\n(\nsignoz.io\n)"
    assert resegment(lines, _page(link)) == "We are Hiring (signoz.io)"
    spaced = "<p>We are Hiring ( <a href='x'><span>signoz.io</span></a>)</p>"
    assert resegment(lines, _page(spaced)) == "We are Hiring ( signoz.io)"


def test_an_arabic_comma_between_two_phrases_is_kept():
    said, minister, then, left = "\u0642\u0627\u0644", "\u0627\u0644\u0648\u0632\u064a\u0631", \
        "\u062b\u0645", "\u063a\u0627\u062f\u0631"
    page = _page(f"<p>{said} <em>{minister}</em>\u060c <i>{then}</i> {left}</p>")
    lines = "\n".join([said, minister, "\u060c", then, left])
    assert resegment(lines, page) == f"{said} {minister}\u060c {then} {left}"


def test_a_run_of_marks_cut_at_phrases_is_kept_as_the_page_spaces_it():
    """Hypothesis' find: "The .<i>.</i> . <i>,</i>" read "The ..." and lost its comma; the
    marks' lines were placed by the last word before them, and the second "." took the
    first's place (no space) and the "," found no "..." in the page to follow."""
    html = "<p>The .<i>.</i> . <i>,</i></p>"
    assert resegment("The .\n.\n.\n,\n" + OTHER, _page(html + f"<p>{OTHER}</p>")) == (
        "The .. . ,\n" + OTHER)
    page = f"<html><body><article>{html}<p>{OTHER}</p></article></body></html>"
    assert clean(RawDocument("t", page, "html")).body.split("\n")[0] == "The .. . ,"


def test_marks_opening_a_paragraph_are_kept_however_the_page_spaces_them():
    """Hypothesis' find: ",  ,<i>The</i>" (two spaces, one to the extractor) lost ", ,"."""
    assert resegment(", ,\nThe", _page("<p>,  ,<i>The</i></p>")) == ", ,The"
    page = f"<html><body><article><p>,  ,<i>The</i></p><p>{OTHER}</p></article></body></html>"
    assert clean(RawDocument("t", page, "html")).body.split("\n")[0] == ", ,The"
