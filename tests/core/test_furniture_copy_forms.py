"""A copy of a page is known as one whichever form it is observed in: as taken in (line ends
"\\r\\n", escape sequences, a terminal link: ``learn_furniture``, a model rebuilt after its
cache was lost) or as the cleaner reads it (sanitised, the link as "text (URL)"); so copies
differing only so never add up to furniture."""

from __future__ import annotations

from tui.core.clean.furniture import FurnitureModel

TEXT = (
    "The old bridge over the river will close for three weeks of repairs from Monday, the "
    "council said, and traffic will be sent through the town centre.\n"
    "Read the plan online before the vote."
)
FORMS = [
    TEXT,
    TEXT.replace("\n", "\r\n"),  # (saved on another system)
    TEXT.replace("bridge", "\x1b[1mbridge\x1b[0m"),  # (coloured)
    TEXT.replace("the plan", "\x1b]8;;https://e.org/p\x07the plan\x1b]8;;\x07"),  # (a link)
    TEXT.replace("the plan", "the plan (https://e.org/p)"),  # (that link, as cleaned)
    TEXT.replace("\n", "  \n"),  # (trailing spaces)
]


def test_copies_in_other_forms_count_once():
    model = FurnitureModel()
    for k, form in enumerate(FORMS):
        model.observe("crier", form, page_key=f"copy{k}.txt")
    line = TEXT.split("\n")[0]
    assert not model.is_furniture("crier", line)
    assert model.pages("crier") == len(FORMS)


def test_a_line_on_three_different_pages_is_still_furniture():
    model = FurnitureModel()
    for name in ("a", "b", "c"):
        model.observe("crier", f"Story {name} of the day.\r\nSubscribe to the Crier", page_key=name)
    assert model.is_furniture("crier", "Subscribe to the Crier")
