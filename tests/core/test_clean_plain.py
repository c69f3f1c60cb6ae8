"""Plain documents lose nothing: a text without page furniture keeps its title line, its lists,
its short closing lines and its signature (issue 13: "a plain document is not boilerplate")."""

from __future__ import annotations

import pytest

from tui.core.clean import clean
from tui.core.clean.plain import plain_document, title_line, whole_document
from tui.core.model import RawDocument

PROSE = (
    "Some text that is long enough to be a paragraph of prose, written by a person for "
    "another person."
)
MEMO_TEXT = (
    "To all staff. The office moves to the new building on Monday, and the old one "
    "closes at noon on Friday, so please pack your desks before then."
)
RELEASE_TEXT = (
    "This release fixes the crash on start-up that several of you reported last "
    "week, and makes the import of large folders much faster."
)
README_TEXT = (
    "A small command-line tool that searches large folders of text files quickly and "
    "prints the matching lines with their file names."
)
LETTER_TEXT = (
    "I am writing to let you know that the parcel you sent last month arrived safely "
    "this morning, and that everything in it was in perfect order."
)
RELEASE_MD_TEXT = (
    "The new version of the tool brings three changes that matter to people who run "
    "it every day on large folders."
)
NOTE = f"""Plain note

{PROSE}

Steps to take:

1. Open the valve slowly.
2. Wait ten minutes.
3. Close it again.

Thanks.
"""
MEMO = f"""Memo: office move

{MEMO_TEXT}

What to do before Friday:

1. Pack your desk.
2. Label the boxes.
3. Return your keys.

Questions go to Maria.
"""
RELEASE = f"""Release notes for version 2.4

{RELEASE_TEXT}

Changes:

* Faster import
* Fixed crash on start-up
* New dark theme

Upgrade with the usual command.
"""
README = f"""fastgrep

{README_TEXT}

Options:

- --ignore-case
- --count

Licence: MIT.
"""
SHOPPING = """Shopping list and plan

We need to buy food for the whole week before the shops close for the holiday on Saturday.

- bread
- milk
- eggs

Done.
"""
LETTER = f"""Dear Tom,

{LETTER_TEXT}

We will use the books in the library from next week on, and the children send their thanks.

Thanks.
Anna
"""
RELEASE_MD = f"""# Release notes

{RELEASE_MD_TEXT}

1. first
2. second
3. third
"""


def cleaned(text: str, kind: str = "text"):
    return clean(RawDocument("note", text, kind))


def paragraphs(text: str, kind: str = "text") -> list[str]:
    return [p for p in cleaned(text, kind).body.split("\n\n") if p]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (NOTE, "Plain note"),
        (MEMO, "Memo: office move"),
        (RELEASE, "Release notes for version 2.4"),
        (README, "fastgrep"),
        (SHOPPING, "Shopping list and plan"),
    ],
)
def test_a_plain_document_keeps_every_line_and_its_first_line_is_its_title(
    text: str, title: str
) -> None:
    c = cleaned(text)
    assert c.title == title
    body = c.body.split("\n\n")
    assert title not in body  # a title is not repeated as the body's first paragraph
    for block in text.strip().split("\n\n")[1:]:
        rows = block.split("\n")
        if all(row[:1] in "-*" or row[:1].isdigit() for row in rows):
            assert [row for row in rows if row in body] == rows  # each item a paragraph
        else:
            assert " ".join(block.split()) in body


def test_a_letter_keeps_its_salutation_closing_and_signature() -> None:
    paras = paragraphs(LETTER)
    assert paras[0] == "Dear Tom,"
    assert paras[-2:] == ["Thanks.", "Anna"]


def test_a_markdown_list_and_closing_line_are_kept() -> None:
    assert paragraphs(RELEASE_MD, "md")[-3:] == ["1. first", "2. second", "3. third"]
    closing = RELEASE_MD + "\nClosing paragraph.\n"
    assert paragraphs(closing, "md")[-1] == "Closing paragraph."


def test_an_email_like_text_keeps_its_list_and_signature() -> None:
    mail = (
        "Subject: Meeting moved\nFrom: Jane Holt <jane@example.org>\n"
        "Date: Mon, 3 May 2021 09:12:00 +0000\n\nHi all,\n\nThe planning meeting moves from "
        "Tuesday to Thursday at ten, in the same room as before, because half the team is "
        "away.\n\nAgenda:\n1. Budget\n2. Hiring\n\nSee you then.\nJane\n"
    )
    c = cleaned(mail)
    assert c.title == "Meeting moved"
    assert c.body.split("\n\n")[-5:] == [
        "Agenda:",
        "1. Budget",
        "2. Hiring",
        "See you then.",
        "Jane",
    ]


@pytest.mark.parametrize(
    "items",
    [
        ["* Home", "* News", "* Sport"],  # a menu's names
        ["1. Home /", "2. Tools and calculators /"],  # a breadcrumb, numbered
    ],
)
def test_a_menu_of_bulleted_names_is_page_furniture(items: list[str]) -> None:
    for texts in ([*items, PROSE, PROSE + " More."], [PROSE, PROSE + " More.", *items]):
        assert not plain(texts)
        assert plain(texts, lists=True)  # (Markdown: the author's own lists)


def plain(texts: list[str], lists: bool = False) -> bool:
    return plain_document([ln for t in texts for ln in (t, "")], {}, lists=lists)


@pytest.mark.parametrize(
    "items",
    [
        ["1. Open the valve slowly.", "2. Wait ten minutes."],  # sentences
        ["- fix the crash on start", "- import large folders faster"],  # phrases
        ["* libgccjit: Fix volatile loads", "* libgccjit: Add packed structs"],
    ],
)
def test_a_list_of_sentences_or_words_is_a_documents_own(items: list[str]) -> None:
    assert plain([PROSE, *items])
    assert plain([*items, PROSE])


def test_a_list_announced_or_between_paragraphs_is_a_documents_own() -> None:
    items = ["* Faster import", "* New dark theme"]
    assert not plain([PROSE, *items])
    assert plain([PROSE, "Changes:", *items])
    assert plain([PROSE, "Changes", *items, PROSE + " More."])  # (between paragraphs)
    assert not plain([PROSE, "Changes", *items, "Contact"])


def test_a_recipe_keeps_its_list_and_its_last_paragraph() -> None:
    text = f"Pancakes\n\n{PROSE}\n\nIngredients\n\n* Flour\n* Milk\n\n{PROSE} Fry them.\n"
    c = cleaned(text)
    assert c.title == "Pancakes"
    assert c.body.split("\n\n")[1:] == ["Ingredients", "* Flour", "* Milk", f"{PROSE} Fry them."]


def test_a_changelog_keeps_its_version_lines() -> None:
    text = (
        "Changelog\n\n2.4.0 (2024-05-01)\n- Fixed crash when importing empty folders.\n"
        "- Added dark theme.\n\n2.3.0 (2024-03-10)\n"
        "- Faster search over large folders of notes and saved pages.\n"
    )
    c = cleaned(text)
    assert c.title == "Changelog"
    assert c.body.split("\n\n")[0::3] == ["2.4.0 (2024-05-01)", "2.3.0 (2024-03-10)"]


def test_closing_lines_are_kept_but_not_a_wire_sign_off() -> None:
    long = f"{PROSE} {PROSE} {PROSE}"
    lines = ["Title", "", long, "", long + " Again.", "", "Thanks.", "Anna"]
    assert whole_document(lines, [2, 4], {}) == [0, 2, 4, 6, 7]  # (the title: clean_text's)
    lines[6:] = ["Reuter"]
    assert whole_document(lines, [2, 4], {}) == [0, 2, 4]
    # a line below the text that is no closing stays out (a site's footer, a link)
    lines[6:] = ["Powered by Bear"]
    assert whole_document(lines, [2, 4], {}) == [0, 2, 4]
    lines[6:] = ["- bread", "- milk", "Done."]  # a list under the text, and its last line
    assert whole_document(lines, [2, 4], {}) == [0, 2, 4, 6, 7, 8]
    lines[:1] = ["A site's name", "", "Home Blog"]  # lines above the title line and the text
    assert whole_document(lines, [4, 6], {}) == [4, 6, 8, 9, 10]  # (neither is the text's own)


def test_a_title_the_page_shows_above_the_prose_beats_its_first_line() -> None:
    text = (
        f"Home Blog\n\nA trip along the coast\n\n{PROSE} A trip along the coast, told.\n\n"
        f"{PROSE} Again.\n\n{PROSE} Once more.\n"
    )
    c = cleaned(text)
    assert c.title == "A trip along the coast"
    assert c.body.split("\n\n")[0] == f"{PROSE} A trip along the coast, told."  # (no "Home Blog")


def test_a_first_line_right_above_a_single_paragraph_is_its_title() -> None:
    c = cleaned(f"Loan notes\n\n{PROSE}\n")
    assert (c.title, c.body) == ("Loan notes", PROSE)
    c = cleaned("Back at 3\n\nGone to the post office.\n")  # (a line or two: kept whole)
    assert c.body.split("\n\n") == ["Back at 3", "Gone to the post office."]


# Copies of web pages without furniture kinds: their menus and footers stay out of the body.
STORY = [
    "Council closes old bridge for repairs",
    f"{PROSE} The council voted on Tuesday.",
    f"{PROSE} Engineers found cracks in two piers.",
    f"{PROSE} Residents will have to use a ferry.",
]


def page(top: list[str], bottom: list[str]) -> list[str]:
    return paragraphs("\n\n".join(["\n".join(top), *STORY, "\n".join(bottom)]))


@pytest.mark.parametrize(
    ("top", "bottom"),
    [
        (["- home", "- news", "- sport"], ["- privacy", "- terms"]),  # lower-case menus
        ([], ["- about", "- archive", "- contact"]),
        ([], ["42", "7"]),  # counters, dates: no letters
        ([], ["2025-03-04 10:42", "© 2025"]),
        ([], ["Yes, thanks!", "Have a news tip? Email us."]),  # (no closing and a name)
        ([], ["Labels: council, bridge.", "Newer Post.", "Older Post."]),
        ([], ["Topics: bridge, council, transport,", "Posted in: Local,"]),
        ([], ["Find us on:", "* Facebook", "* Instagram", "* YouTube"]),  # links, announced
        ([], ["Loading comments...", "Be the first"]),  # (a name has no word in lower case)
    ],
)
def test_a_web_pages_menus_and_footers_stay_out(top: list[str], bottom: list[str]) -> None:
    body = page(top, bottom)
    assert body[-1] == STORY[-1]
    assert not set(top + bottom) & set(body)


def test_lower_case_words_are_a_list_only_announced_or_between_sentences() -> None:
    items = ["- bread", "- milk"]
    assert not plain([PROSE, *items])
    assert not plain([*items, PROSE])
    assert plain([PROSE, *items, "Done."])
    assert not plain([PROSE, *items, "Contact"])
    assert plain(["To buy:", *items, PROSE])
    assert plain(["- one", "- two"])  # (a line or two: a note)
    assert not plain([PROSE, "- contact us", "- privacy policy"])
    assert not plain([PROSE, "Home | News | Sport", PROSE + " More."])  # (links split by pipes)


def test_a_menu_needs_no_long_sentence_to_stay_a_menu() -> None:
    assert not plain(["Read this now please.", "* Home", "* News", "Thanks for reading it."])
    menu = [f"* Tools And Calculators For Your {w} And Garden Projects Today" for w in "AB"]
    assert not plain([PROSE, *menu])
    assert plain([PROSE, "Things to pack", "* Boots", "* Maps", PROSE + " More."])


@pytest.mark.parametrize(
    "line",
    [
        "12 March 2025",
        "https://example.com/news/bridge-closure",
        "www.example.com",
        "Page 1 of 2",
        "Home News Sport",
        "Thanks.",
        " ".join(["word"] * 21),
    ],
)
def test_a_date_an_address_a_page_count_or_a_menu_is_no_title(line: str) -> None:
    assert not title_line(line)
    if line in ("12 March 2025", "https://example.com/news/bridge-closure"):
        c = cleaned(f"{line}\n\n{PROSE}\n\n{PROSE} Again.\n")
        assert c.title != line
        assert c.body.split("\n\n")[0] == PROSE


def test_a_long_first_line_or_a_name_of_three_words_is_the_documents() -> None:
    assert title_line("Minutes of the meeting of the residents association on the fourth of May")
    assert title_line("Loan notes")
    assert title_line("The Road Home")  # (a title in capitals, not a menu)
    long = f"{PROSE} {PROSE} {PROSE}"
    lines = ["Title", "", long, "", long + " Again.", "", "Thanks.", "Mary Jane Ellis"]
    assert whole_document(lines, [2, 4], {}) == [0, 2, 4, 6, 7]
    figures = ["Title", "", "2.4.0", "- Fixed crash.", "", *lines[2:6]]  # (between its lines)
    assert whole_document(figures, [5, 7], {}) == [0, 2, 3, 5, 7]
    lines[6:] = ["Thanks.", "2025"]  # (but not at its edge)
    assert whole_document(lines, [2, 4], {}) == [0, 2, 4]
    assert whole_document(["2025", "", *lines[2:6]], [2, 4], {}) == [2, 4]
    lines[6:] = ["Thanks.", "Anna", "Blog Home"]  # (more than a closing and a name)
    assert whole_document(lines, [2, 4], {}) == [0, 2, 4]


def test_a_list_below_a_document_is_its_own_when_announced_or_written_in_sentences() -> None:
    long = f"{PROSE} {PROSE} {PROSE}"
    lines = ["Title", "", long, "", long + " Again.", "", "* Facebook", "* Instagram"]
    assert whole_document(lines, [2, 4], {}, lists=True) == [0, 2, 4]  # (links under it)
    lines[4] = long + " What changed:"
    assert whole_document(lines, [2, 4], {}, lists=True) == [0, 2, 4, 6, 7]
    lines[4:] = [long + " Again.", "", "- Fixed the crash.", "- Added a dark theme."]
    assert whole_document(lines, [2, 4], {}) == [0, 2, 4, 6, 7]


def test_a_document_whose_prose_holds_most_but_not_all_of_its_words_gets_them_back() -> None:
    rows = [f"North {n},200 {n},450" for n in range(9)]  # (a table: 27 words to the prose's 54)
    lines = ["Title", "", f"{PROSE} {PROSE} {PROSE}", "", *rows]
    assert whole_document(lines, [2], {}) == [0, 2, *range(4, 13)]
