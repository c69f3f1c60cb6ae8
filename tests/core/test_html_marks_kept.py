"""Marks an HTML line break set apart from their words ("Line one<br>&amp;<br>Line two") are
text: kept with their neighbour or as a line of their own; a mark that goes, goes by a rule
that names it (``extracted._furniture_marks``: separators, dots, icons, toggles), each seen
on the benchmark pages."""

from __future__ import annotations

import pytest

from tui.core.clean.api import clean_extracted


def paragraphs(*lines: str) -> list[str]:
    return clean_extracted("\n".join(lines))["body"].split("\n\n")


@pytest.mark.parametrize(
    ("lines_in", "want"),
    [
        # an omission in a quotation
        (
            ["I received this message:", "[…]", "We have decided"],
            ["I received this message:", "[…]", "We have decided"],
        ),
        # marks of their own: kept as a line
        (["Tom", "&", "Jerry"], ["Tom", "&", "Jerry"]),
        (["See you", ":-)", "Anna"], ["See you", ":-)", "Anna"]),
        (["Growth of 42", "%", "this year"], ["Growth of 42", "%", "this year"]),
        # a price's currency sign after its figure
        (["Plus que 0", "€", "pour en bénéficier !"], ["Plus que 0 €", "pour en bénéficier !"]),
        # a straight quote closes the line above's, else opens the line below
        (['He said "yes', '"', "Then he left"], ['He said "yes"', "Then he left"]),
        (["Line one", '"', 'Quoted words"'], ["Line one", '"Quoted words"']),
        # a closing mark with nothing above it: kept, not glued to the line below
        ([",", "Line two"], [",", "Line two"]),
    ],
)
def test_marks_a_line_break_set_apart_are_kept(lines_in, want) -> None:
    assert paragraphs(*lines_in) == want


@pytest.mark.parametrize(
    "mark", ["—", "–", ".", "…", "...", "←", "×", "◊", "†", "‹", "[-]", "{}", "|", "* * *", "????"]
)
def test_furniture_marks_go_by_a_named_rule(mark) -> None:
    from tui.core.clean.extracted import _furniture_marks

    assert _furniture_marks(mark.replace(" ", ""))
    assert paragraphs("Line one", mark, "Line two") == ["Line one", "Line two"]


@pytest.mark.parametrize("mark", ["&", ":-)", "%", "[…]", '"', ",", "("])
def test_text_marks_are_no_furniture(mark) -> None:
    from tui.core.clean.extracted import _furniture_marks

    assert not _furniture_marks(mark)
