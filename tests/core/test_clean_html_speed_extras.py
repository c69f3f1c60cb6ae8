"""The line model's fast path (html_extras.fast_scores, what extra_lines uses) gives the
readable model's numbers (line_features weighed by line_scores) bit for bit, on pages of
nested boxes named with the model's class words (no Textual)."""

from __future__ import annotations

import lxml.html
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tui.core.clean import html_blocks as B
from tui.core.clean import html_extras as X

PROSE = [
    "The council voted on Tuesday to approve the new budget after a long debate over costs.",
    "Members said the plan would cut waiting times at the city's clinics by a third in time.",
    "Critics argued that the money would be better spent on schools, and residents agreed.",
    "THE MAYOR SAID THE FIRST CLINICS WOULD OPEN IN THE SPRING, ONCE STAFF HAD BEEN HIRED.",
    "Café owners in the old town – twelve of them – wrote to the council about the plan.",
]
SHORT = ["Storm closes roads in the north", "Related: School opens new library wing",
         "Sign up for our newsletter", "12/05/2024", "Share on www.example.com", "1. First",
         "- Second item", "ÉTÉ NEWS", "Read more"]
NAMES = ["", "promo-box", "site-footer", "newsletter", "post", "sidebar latest", "article-body",
         "cta", "related-links", "breadcrumb", "x"]
WRAPS = ["div", "section", "aside", "nav", "form", "header", "footer", "figure", "article",
         "ul", "blockquote", "main"]
LEAVES = ["p", "h2", "h3", "li", "blockquote", "figcaption", "div", "h1", "h6"]

_LEAF = st.tuples(st.sampled_from(LEAVES), st.sampled_from(PROSE * 3 + SHORT), st.booleans())
_BOX = st.tuples(st.lists(st.tuples(st.sampled_from(WRAPS), st.sampled_from(NAMES)),
                          max_size=4),
                 st.lists(_LEAF, min_size=1, max_size=5))
_PAGES = st.lists(_BOX, min_size=1, max_size=6)


def _html(boxes) -> str:
    out = []
    for wraps, leaves in boxes:
        opening = "".join(f'<{t} class="{c}">' for t, c in wraps)
        closing = "".join(f"</{t}>" for t, _ in reversed(wraps))
        inner = "".join(
            f"<{tag}>" + (f'<a href="/x">{text}</a>' if linked else text) + f"</{tag}>"
            for tag, text, linked in leaves)
        out.append(opening + inner + closing)
    return "<html><body><div class='site'>" + "".join(out) + "</div></body></html>"


def _weighed(page: str, lines: list[str]) -> list[tuple]:
    """The (pieces, spans, blocks) each call of extra_lines gets while the page is redrawn."""
    got: list[tuple] = []

    def rec(pieces, spans, blocks):
        got.append((pieces, spans, blocks))
        return set()

    real = B.extra_lines
    B.extra_lines = rec
    try:
        B.redraw(lxml.html.fromstring(page), "\n".join(lines))
    finally:
        B.extra_lines = real
    return got


def _lines(boxes, keep: list[bool], own: bool) -> list[str]:
    texts = [text for _, leaves in boxes for _, text, _ in leaves]
    lines = [t for k, t in enumerate(texts) if keep[k % len(keep)]] or texts
    if own:  # a line the page does not hold, and a table row
        lines = [*lines[:1], "A line the extractor wrote itself, found nowhere in the page.",
                 *lines[1:], "| a | b |"]
    return lines


@settings(max_examples=150, deadline=None)
@given(_PAGES, st.lists(st.booleans(), min_size=1, max_size=7), st.booleans())
@example([([("div", "post")], [("p", PROSE[0], False), ("p", PROSE[1], False),
                               ("p", PROSE[2], False)]),
          ([("aside", "sidebar latest"), ("ul", "")],
           [("li", SHORT[0], True), ("li", SHORT[1], True)])], [True], False)
def test_fast_scores_are_the_line_models_scores(boxes, keep, own) -> None:
    for pieces, spans, blocks in _weighed(_html(boxes), _lines(boxes, keep, own)):
        slow = X.line_scores(pieces, spans, blocks)
        assert X.fast_scores(pieces, spans, blocks) == slow  # equal floats, not close ones
        assert X.extra_lines(pieces, spans, blocks) == {
            j for j, p in enumerate(slow) if p is not None and p > X.THRESHOLD}


def test_the_example_page_is_weighed_and_its_box_goes() -> None:
    """The property above weighs lines (not only the prose gate's Nones)."""
    boxes = [([("div", "post")], [("p", p, False) for p in PROSE[:3]]),
             ([("aside", "sidebar latest"), ("ul", "")],
              [("li", SHORT[0], True), ("li", SHORT[2], True)])]
    (pieces, spans, blocks), = _weighed(_html(boxes), _lines(boxes, [True], False))
    fast = X.fast_scores(pieces, spans, blocks)
    assert fast == X.line_scores(pieces, spans, blocks)
    assert all(p is not None for p in fast)
    assert X.extra_lines(pieces, spans, blocks) == {3, 4}


@settings(max_examples=60, deadline=None)
@given(_PAGES)
def test_each_blocks_path_is_its_owners_ancestors(boxes) -> None:
    """_Paths reads each element's ancestors once and builds on them: the same lists as
    iterancestors() gives."""
    blocks = B.dom_blocks(lxml.html.fromstring(_html(boxes)))
    paths = X._Paths(blocks)
    for b, (el, inside) in blocks.owner.items():
        assert paths.of(b) == list(el.iterancestors())[::-1] + ([el] if inside else [])


@given(st.text(alphabet=st.sampled_from("aZ Q9.É東ßx-ǅ"), max_size=40))
@example("ABCDEFGH")
@example("ABCDEFGh")
@example("ABCDEFGHij")  # 8 capitals of 10 letters: not over 0.8
@example("ÉTÉ ÉTÉ ÉTÉ")
def test_caps_counts_letters_as_the_shape_does(text: str) -> None:
    letters, upper = sum(map(str.isalpha, text)), sum(map(str.isupper, text))
    assert X._caps(text) == (letters >= 8 and upper > 0.8 * letters)
    assert X._caps(text.rstrip()) == bool(X._shape(text)["caps"])


def test_a_tuned_weight_moves_the_fast_path_too(monkeypatch) -> None:
    """Weights are read on each call (tuning scripts set them): both paths follow."""
    boxes = [([("div", "post")], [("p", p, False) for p in PROSE[:3]]),
             ([("aside", "sidebar latest"), ("ul", "")],
              [("li", SHORT[0], True), ("li", SHORT[2], True)])]
    (pieces, spans, blocks), = _weighed(_html(boxes), _lines(boxes, [True], False))
    before = X.fast_scores(pieces, spans, blocks)
    monkeypatch.setitem(X.WEIGHTS, "link", -8.0)
    after = X.fast_scores(pieces, spans, blocks)
    assert after == X.line_scores(pieces, spans, blocks) and after != before
    assert X.extra_lines(pieces, spans, blocks) == set()
