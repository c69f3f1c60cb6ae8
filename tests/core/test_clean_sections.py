"""Plain-text articles built of sections: repeated section headings are not item templates,
short stretches between body lines are the article's own, a long plain document keeps its
own headings (pure unit tests, synthetic pages, no Textual)."""

from __future__ import annotations

from tui.core.clean import clean
from tui.core.clean.lines import furniture_kind, measure_page
from tui.core.clean.text import GAP_LINES, _holds
from tui.core.model import RawDocument

MENU = ["Home", "Products", "Pricing", "Blog", "Sign in", "Get a demo"]
FOOTER = ["Privacy policy", "Terms of service", "Careers", "Contact"]
TOOLS = [
    ("Hammer", "A good hammer is the first tool anyone should buy, and the one they will use"
               " for the longest time, so it is worth paying a little more for a solid one."),
    ("Saw", "A hand saw cuts faster than you would expect when the teeth are sharp, and it is"
            " much quieter and safer than a power saw for the small jobs around the house."),
    ("Level", "Nothing looks worse than a crooked shelf, and a level is the cheapest way to"
              " make sure that every shelf and every picture in the house hangs straight."),
    ("Drill", "A cordless drill is the tool that saves the most time, because it drives"
              " screws as well as it drills holes in wood, in metal and in the walls."),
]


def sectioned_article() -> str:
    """An article whose every section repeats the same subheadings (a template of its own)."""
    lines = MENU + ["", "The four tools every home needs", ""]
    lines.append("We asked carpenters, plumbers and builders which tools they would keep if"
                 " they could only keep four, and the answers were surprisingly similar.")
    for n, (name, text) in enumerate(TOOLS, 1):
        lines += ["", f"{n}) {name}", f"Picked by {3 * n} carpenters", text, "What it costs",
                  f"A decent {name.lower()} costs less than a meal for two in a restaurant."]
    lines += ["", "Whatever you buy, buy it once and look after it, and it will last for years"
                  " and pay for itself many times over in the jobs you never have to pay for."]
    return "\n".join(lines + [""] + FOOTER)


def body_of(text: str) -> str:
    return clean(RawDocument("t", text, "text")).body


def test_repeated_section_headings_do_not_cut_the_article() -> None:
    body = body_of(sectioned_article())
    for _, text in TOOLS:  # every section, not only the first
        assert text in body
    assert "pay for itself many times over" in body
    for furniture in MENU + FOOTER:
        assert furniture not in body.split("\n\n")


def test_short_lines_between_body_lines_stay_in_the_body() -> None:
    body = body_of(sectioned_article()).split("\n\n")
    assert "2) Saw" in body and "Picked by 6 carpenters" in body  # two lines between sections
    assert "What it costs" in body  # a heading the article repeats is its own


def test_long_gap_between_body_lines_is_not_filled() -> None:
    para = ("The council said the new road would open in the spring after two years of work"
            " and a long dispute over who would pay for the bridge over the river.")
    filler = [f"Menu item {n}" for n in range(GAP_LINES + 1)]
    text = "\n".join(MENU + ["Share on Facebook", para, *filler, para.replace("road", "bridge"),
                            para.replace("road", "tunnel")] + FOOTER)
    body = body_of(text).split("\n\n")
    assert not any(f in body for f in filler)


def test_long_plain_document_keeps_its_own_see_also_and_copyright() -> None:
    """A manual page: short option lines, its own SEE ALSO / AUTHOR headings and a copyright
    line (furniture on a web page) are all the document's."""
    lines: list[str] = ["TOOL(1) User Commands TOOL(1)", "", "NAME", "tool - sort the files", "",
                        "DESCRIPTION",
                        "Sort the files named on the command line and print them, one to a line,"
                        " in the order the options below ask for.", ""]
    for n in range(30):
        lines += [f"--option-{n}", f"sort by field {n} first", ""]
    tail = ["SEE ALSO", "other-tool(1)", "", "AUTHOR", "Written by A. Writer.",
            "Copyright © 2022 The Authors. License: free to share."]
    body = body_of("\n".join(lines + tail + ["", "TOOL 1.0 2022"])).split("\n\n")
    for line in ["NAME", "--option-7", "sort by field 29 first", *filter(None, tail)]:
        assert line in body


def test_web_page_with_a_copyright_line_is_not_a_plain_document() -> None:
    """A short page with a furniture line keeps the prose selection (the footer stays out)."""
    lines = ["Forum index > Bikes", "Thread Tools", "Posted 2 May 2024, 16:26",
             "Has anyone fitted the new brake pads on the older frame? The old bolts seem too"
             " short for them and I am not sure which ones to order.",
             "Registered User", "Posts: 12", "Forum rules", "Powered by a forum engine",
             "Copyright ©2000 - 2026, Forum Engine Inc."]
    body = body_of("\n".join(lines)).split("\n\n")
    assert "Powered by a forum engine" not in body and "Thread Tools" not in body


def test_a_list_of_phrases_does_not_cut_the_article() -> None:
    """Bulleted phrases of several words (a list inside the article) are not a menu: the
    paragraphs after a long list still belong to the article."""
    intro = ("Before you choose a bank for your small business, look at what it charges and"
             " at what it offers, because the differences between banks are large.")
    items = [f"* {t}" for t in ("fees for every payment that you send abroad",
                                "the interest that you earn on the money in the account",
                                "a card for each of the people who work for you",
                                "support by telephone at the times that you work",
                                "an app that sends the invoices for you",
                                "the limits on the cash that you can pay in")]
    after = [("Most of the banks we tested did well on fees, but only two of them answered the"
              " telephone in the evening, when most small shops close their books."),
             ("In the end the choice depends on how you work, and it is worth asking each bank"
              " for a month of free use before you move your accounts to it.")]
    text = "\n".join(MENU + ["Share on Facebook", intro, *items, *after] + FOOTER)
    body = body_of(text)
    assert intro in body and all(p in body for p in after)


def test_a_wider_selection_must_hold_the_first() -> None:
    """Read across repeated headings, the selection may only extend the article it had."""
    info = measure_page(["One line of the article that holds some words.", "Another line"],
                        frozenset())
    assert _holds([0, 1], [0], info, [0, 1])
    assert not _holds([1], [0], info, [0, 1])


def test_section_and_gallery_furniture_lines() -> None:
    assert furniture_kind("Most read in world news") == "ticker"
    assert furniture_kind("Story continues below gallery") == "ad"
    assert furniture_kind("Most people read the news in the morning.") is None


def test_long_document_may_repeat_a_line_and_number_a_paragraph() -> None:
    """A manual that describes two variables alike and numbers a long paragraph ("0. When
    one or more...") is still a document: every line kept."""
    lines = ["TOOL(1) User Commands TOOL(1)", "", "ENVIRONMENT"]
    for n in range(30):
        lines += [f"TOOL_VAR_{n}", f"value number {n} of the tool", ""]
    lines += ["TOOL_LAST", "value number 3 of the tool", "", "EXIT STATUS",
              "0. When one or more names are given, the tool compares each of them with the"
              " label and exits with code 0 if one matches, and with code 1 otherwise.", "",
              "SEE ALSO", "other-tool(1)", "", "Tool 1.0 May 2022 TOOL(1)"]
    body = body_of("\n".join(lines)).split("\n\n")
    assert body.count("value number 3 of the tool") == 2
    assert "TOOL_VAR_29" in body and lines[-6] in body and "other-tool(1)" in body
