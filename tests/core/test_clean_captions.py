"""Plain text: a picture's caption set right over its credit line is not article prose
(pure unit tests, synthetic pages; each case also runs with the rule off)."""

from __future__ import annotations

import pytest

from tui.core.clean import captions, clean
from tui.core.clean.lang import stopwords_for
from tui.core.clean.lines import measure_page
from tui.core.model import RawDocument

PROSE = [
    "The city council voted on Tuesday to expand the bus network into the northern districts, "
    "a plan that has been debated for more than three years.",
    "Supporters of the plan said the new lines would cut travel times for thousands of workers "
    "who now spend more than an hour on the road every morning.",
    "Opponents argued that the money would be better spent on repairing the roads and bridges "
    "that the existing buses already use every single day.",
    "The first of the new lines is expected to open in the spring, and the rest will follow "
    "over the next two years if the budget allows it.",
]
CAPTION = "A bus waits at the central station in the early morning before the first run."


def body_of(page: str, monkeypatch: pytest.MonkeyPatch, on: bool = True) -> str:
    monkeypatch.setattr(captions, "CAPTIONS", on)
    return clean(RawDocument("t", page, "text")).body


def page(block: list[str]) -> str:
    return "\n\n".join([*PROSE[:2], "\n".join(block), *PROSE[2:]])


@pytest.mark.parametrize(
    "credit",
    ["Photo: Getty Images", "(Image credit: City Transit)", "Jane Doe | Reuters | Getty Images"],
)
def test_caption_over_its_credit_is_dropped(credit: str, monkeypatch: pytest.MonkeyPatch) -> None:
    body = body_of(page([CAPTION, credit]), monkeypatch)
    assert CAPTION not in body
    for para in PROSE:
        assert para in body
    assert CAPTION in body_of(page([CAPTION, credit]), monkeypatch, on=False)


def test_paragraph_set_apart_from_a_credit_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    # a blank line between: the paragraph is not the picture's block
    body = body_of(
        "\n\n".join([*PROSE[:2], CAPTION, "Photo: Getty Images", *PROSE[2:]]), monkeypatch
    )
    assert CAPTION in body


def drops(lines: list[str]) -> list[str]:
    """The lines ``drop_captions`` takes out of a selection holding every line."""
    idx = [i for i, s in enumerate(lines) if s]
    info = measure_page([lines[i] for i in idx], stopwords_for("en"))
    kept = captions.drop_captions(idx, info, idx)
    return [lines[i] for i in idx if i not in kept]


def test_credit_like_line_inside_a_block_keeps_the_block() -> None:
    # the credit-like line does not end its block: it is a line of code or prose, not a credit
    code = [
        "cycles = list(range(n, n - r, -1)) + tail",
        "yield tuple(pool[i] for i in indices)",
        "return None",
    ]
    assert drops(["", *code, ""]) == []
    prose = [CAPTION, "Photo: Getty Images", "and the rest of the paragraph goes on here."]
    assert drops(["", *prose, ""]) == []
    assert drops(["", *prose[:2], ""]) == [CAPTION]  # the same lines ending the block


def test_short_label_code_or_list_item_over_a_credit_is_kept() -> None:
    for line in (
        "Registration: https://example.org/register",
        "Tickets sold out",
        "* A bus waits at the central station in the early morning.",
        "cycles = list(range(n, n - r, -1))",
    ):
        assert drops(["", line, "(Photo by pool staff)", ""]) == []
    assert drops(["", CAPTION, "(Photo by pool staff)", ""]) == [CAPTION]


def test_caption_under_a_gallery_counter_is_dropped(monkeypatch: pytest.MonkeyPatch) -> None:
    gallery = ["Image 2 of 5", "", CAPTION, "", "(Image credit: City Transit)"]
    assert drops(["", *gallery, ""]) == [CAPTION]
    monkeypatch.setattr(captions, "GALLERY", False)
    assert drops(["", *gallery, ""]) == []  # the credit a blank line away: not its block


def test_paragraph_between_two_credits_is_kept() -> None:
    # a credit above (the last picture's) and one under (the next's): prose between pictures
    lines = ["", "Photo: Getty Images", "", PROSE[0], "", "(Image credit: City Transit)", ""]
    assert drops(lines) == []
