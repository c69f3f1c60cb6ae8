"""Lines an editor's soft wrap of the page's source parts inside one block (no Textual).

A line end in an HTML source is a space in the browser. Extractors keep some of them as line
breaks; where the line end has a space kept beside it (an editor wrapping a long line, not a
hand-wrapped source) and the sentence goes on, the redraw joins the two lines again.
"""

from __future__ import annotations

import lxml.html
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.clean import html_blocks, html_source
from tui.core.clean.html_blocks import dom_blocks, norm_word, resegment


def page(body: str):
    return dom_blocks(lxml.html.fromstring(f"<html><body>{body}</body></html>"))


BLOGGER = ("<div><span>Veteran actress, who in 2008, won the \nAfrica Movie Academy Award, has "
           "taken\n to her Instagram page.</span></div>"
           "<div><span>She flaunted her bag in the colours of the Nigerian \nflag.</span></div>")
EXTRACTED = ("Veteran actress, who in 2008, won the\nAfrica Movie Academy Award, has taken\n"
             "to her Instagram page.\nShe flaunted her bag in the colours of the Nigerian\nflag.")


def test_a_line_end_beside_a_space_is_a_wrap_others_are_breaks_only():
    b = page("<p>won the \nAfrica</p><p>has taken\n to her</p><p>that your\nrequirements</p>"
             "<p>one\n    indented</p><p>a line<br>\nafter a break</p>")
    opened = {b.words[k] for k in b.wraps}
    assert opened == {"africa", "to"}
    assert {b.words[k] for k in b.breaks} == {"africa", "to", "requirements", "indented", "after"}


def test_soft_wrapped_lines_are_joined_where_the_sentence_goes_on():
    assert resegment(EXTRACTED, page(BLOGGER)).split("\n") == [
        "Veteran actress, who in 2008, won the Africa Movie Academy Award, has taken to her "
        "Instagram page.",
        "She flaunted her bag in the colours of the Nigerian flag."]


def test_a_hand_wrapped_sources_line_end_is_a_space():  # issue #13 (html_source.py)
    html = "<p>Using the go command helps ensure that your\nrequirements remain consistent.</p>"
    text = "Using the go command helps ensure that your\nrequirements remain consistent."
    assert resegment(text, page(html)) == text.replace("\n", " ")


def test_a_wrap_after_a_sentence_or_a_title_is_not_joined():
    html = ("<div>With shattered dreams, deportees return from US \nNEW DELHI: They came home."
            " \nThe plane landed at six.</div>")
    text = ("With shattered dreams, deportees return from US\nNEW DELHI: They came home.\n"
            "The plane landed at six.")
    assert resegment(text, page(html)) == text


def test_lines_a_br_parts_are_not_joined_as_wraps():
    for html in ("<p>1) Lego Star Wars <br>\nand more</p>",
                 "<p>1) Lego Star Wars<br> and more</p>"):
        text = "1) Lego Star Wars\nand more"
        assert resegment(text, page(html)) == text


def test_without_the_rule_wrapped_lines_stay_apart(monkeypatch):
    monkeypatch.setattr(html_blocks, "WRAPS", False)
    monkeypatch.setattr(html_source, "JOIN", "off")  # the hand-wrapped line ends too
    assert resegment(EXTRACTED, page(BLOGGER)) == EXTRACTED


_WORDS = st.lists(st.sampled_from(["alpha", "Beta", "gamma,", "delta.", "eps", "the", "Zeta"]),
                  min_size=1, max_size=5).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_WORDS, st.sampled_from([" \n", "\n ", "\n", "<br>", " "])),
                min_size=1, max_size=8))
def test_wrapped_lines_keep_every_word_in_order(pieces):
    html = "<p>" + "".join(t + sep for t, sep in pieces) + "</p>"
    text = "\n".join(t for t, _ in pieces)  # the extractor kept each piece as a line
    out = resegment(text, page(html))
    words = [norm_word(w) for t, _ in pieces for w in t.split()]
    assert [w for w in map(norm_word, out.split()) if w] == [w for w in words if w]
    assert len(out.split("\n")) <= len(pieces)
