"""Plain text: lines an article repeats inside itself (an interview's questions) and tables set
in columns are the article's own (pure unit tests, synthetic pages; each rule also runs off)."""

from __future__ import annotations

import pytest
from test_clean_captions import PROSE

from tui.core.clean import clean, repeats, tables
from tui.core.clean.lang import stopwords_for
from tui.core.clean.lines import measure_page
from tui.core.clean.tables import table_rows
from tui.core.clean.text import GAP_LINES, _mark_repeats, select
from tui.core.model import RawDocument

MENU = ["* Home", "* News", "* Sport", "* Contact"]
ANSWERS = [
    "I started cooking at home when I was twelve, and my grandmother taught me most of what "
    "I still make for my family every single week.",
    "We moved to the coast when I was a student, and the fish market there changed how I "
    "thought about food and about the seasons of the year.",
    "My first blog was about bread, because that was what I baked most often, and people kept "
    "asking me for the recipes I used in the photos.",
    "The pasta with lemon and anchovies takes fifteen minutes, and it is the dish my friends "
    "ask for whenever they come round for dinner on a weekday.",
]
QUESTION = "What inspired you to start your page?"
NAMES = ["Anna Berg", "Omar Haddad", "Lena Fischer", "Tom Price"]


def body(page: str) -> str:
    return clean(RawDocument("t", page, "text")).body


def selected(page: str) -> list[str]:
    """The lines the prose selection keeps (before the body drops repeated sentences)."""
    lines = [" ".join(ln.split()) for ln in page.split("\n")]
    return [lines[i] for i in select(lines, stopwords_for("en"), written=page)]


def interview() -> str:
    blocks = ["\n".join(MENU), PROSE[0]]
    for name, answer in zip(NAMES, ANSWERS):
        blocks += [name, f"Account: @{name.split()[0].lower()}", QUESTION, answer]
    return "\n\n".join([*blocks, PROSE[1], "\n".join(MENU)])


def test_questions_an_interview_repeats_are_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    kept = selected(interview())
    assert kept.count(QUESTION) == len(NAMES)
    assert "* Home" not in kept
    out = body(interview())
    for name in NAMES:
        assert name in out
    monkeypatch.setattr(repeats, "OWN_REPEATS", False)
    assert QUESTION not in selected(interview())
    assert NAMES[0] not in body(interview())


def test_a_line_repeated_outside_the_article_stays_out() -> None:
    # the same line once more above the article: a template, not the article's own
    page = interview().replace("\n\n" + PROSE[0], f"\n\n{QUESTION}\n\n{PROSE[0]}", 1)
    assert QUESTION not in selected(page)


def test_a_button_repeated_many_times_is_no_heading(monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = [PROSE[0]]
    for name, answer in zip(NAMES, ANSWERS):
        blocks += [name, "Book now", answer]
    page = "\n\n".join([*blocks, PROSE[1]])
    kept = selected(page)
    monkeypatch.setattr(repeats, "OWN_REPEATS", False)
    assert kept == selected(page)  # the rule adds nothing: the button is no heading of its own


def stats_table(label: str = "DL") -> list[str]:
    return [
        "Pos  Player              Plays  Share  Stats",
        "Pos  Player              Plays  Share  Stats",
        f"{label}   Larry Ogunjobi      63     85     1 tackle 1 sack",
        f"{label}   Myles Garrett       57     77     1 tackle 3 hits",
        f"{label}   Chad Thomas         57     77     3 tackles",
        f"{label}   Chris Smith         29     39     1 assist",
    ]


def table_page() -> str:
    return "\n\n".join(
        [
            "\n".join(MENU),
            *PROSE,
            "Defensive Line",
            "\n".join(stats_table()),
            *ANSWERS[:2],
            "Linebackers",
            "\n".join(stats_table("LB")),
            *ANSWERS[2:],
            "\n".join(MENU),
        ]
    )


def test_a_table_between_paragraphs_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    out = body(table_page())
    assert "DL Larry Ogunjobi 63 85 1 tackle 1 sack" in out.split("\n\n")
    assert "LB Chris Smith 29 39 1 assist" in out
    for para in PROSE + ANSWERS:
        assert para in out
    assert "Pos Player Plays Share Stats" in out
    assert "* Home" not in out
    monkeypatch.setattr(tables, "TABLES", False)
    off = body(table_page())
    assert "Pos Player Plays Share Stats" not in off  # read as a template


def test_keep_tables_fills_a_table_between_kept_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    written = [PROSE[0], "", "Defensive Line", "", *stats_table(), "", PROSE[1]]
    lines = [" ".join(ln.split()) for ln in written]
    idx = [i for i, s in enumerate(lines) if s]
    info = measure_page([lines[i] for i in idx], stopwords_for("en"))
    rows = table_rows("\n".join(written))
    kept = tables.keep_tables(idx, info, [0, len(lines) - 1], rows, GAP_LINES)
    header = [i for i in rows if lines[i].startswith("Pos")]
    assert kept == [i for i in idx if i != header[1]]  # the header drawn twice: kept once
    # more lines than a table's heading and a note between: no table of the article's
    loose = [PROSE[0], *["A short line"] * (GAP_LINES + 1), *stats_table(), PROSE[1]]
    lines = [" ".join(ln.split()) for ln in loose]
    info = measure_page(lines, stopwords_for("en"))
    ends = [0, len(lines) - 1]
    assert (
        tables.keep_tables(
            list(range(len(lines))), info, ends, table_rows("\n".join(loose)), GAP_LINES
        )
        == ends
    )
    monkeypatch.setattr(tables, "TABLES", False)
    assert tables.keep_tables(idx, info, [0, len(written) - 1], rows, GAP_LINES) == [
        0,
        len(written) - 1,
    ]


def test_a_header_row_drawn_twice_is_kept_once() -> None:
    kept = selected(table_page())
    assert kept.count("Pos Player Plays Share Stats") == 2  # once for each of the two tables


def test_table_rows_need_aligned_columns_of_short_cells_with_figures() -> None:
    rows = stats_table()
    assert table_rows("\n".join(rows)) == set(range(len(rows)))
    assert table_rows("\n".join(rows[:2])) == set()  # fewer than three rows: no table
    # cells that do not start at a common column: no table
    assert table_rows("\n".join(["a  b  1", "ccc   dd  2", "e  ffff   3"])) == set()
    # a grid of names (links laid out in columns), no figures: no table
    grid = [
        "Alabama LLC   Alaska LLC     Arizona LLC",
        "Colorado LLC  Delaware LLC   Florida LLC",
        "Georgia LLC   Hawaii LLC     Idaho LLC",
    ]
    assert table_rows("\n".join(grid)) == set()
    assert table_rows("\n".join([g.replace("LLC", "12") for g in grid])) == {0, 1, 2}
    # two columns of a page glued side by side hold prose, not cells
    glued = [f"{p[:90]}          Latest news {n}" for n, p in enumerate(PROSE[:3])]
    assert table_rows("\n".join(glued)) == set()


def test_a_bulleted_or_long_stretch_is_no_heading_of_its_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a bulleted line repeated inside (a share link) is a template, however few its copies
    blocks = [PROSE[0]]
    for name, answer in zip(NAMES[:2], ANSWERS[:2]):
        blocks += [name, "* Share this answer", answer]
    page = "\n\n".join([*blocks, PROSE[1]])
    kept = selected(page)
    monkeypatch.setattr(repeats, "OWN_REPEATS", False)
    assert kept == selected(page)


def test_own_repeats_fills_short_stretches_only() -> None:
    def filled(stretch: list[str], second: list[str] | None = None) -> list[str]:
        second = stretch if second is None else second
        lines = [PROSE[0], *stretch, ANSWERS[0], *second, PROSE[1]]
        info = measure_page(lines, stopwords_for("en"))
        _mark_repeats(info)
        body = [0, len(stretch) + 1, len(lines) - 1]
        kept = repeats.own_repeats(list(range(len(lines))), info, body, GAP_LINES)
        return [lines[i] for i in kept if i not in body]

    assert filled(["Anna Berg", QUESTION]) == ["Anna Berg", QUESTION] * 2
    # more short lines between two paragraphs than a heading and its labels: not filled
    assert filled(["Anna Berg", "@anna", "Lives in Oslo", "Bakes bread", QUESTION]) == []
    # no repeated line of the article's own between: not this rule's stretch
    lines = [PROSE[0], "Anna Berg", "Oslo", ANSWERS[0], QUESTION, ANSWERS[1], QUESTION, PROSE[1]]
    info = measure_page(lines, stopwords_for("en"))
    _mark_repeats(info)
    kept = repeats.own_repeats(list(range(len(lines))), info, [0, 3, 5, 7], GAP_LINES)
    assert [lines[i] for i in kept] == [lines[i] for i in (0, 3, 4, 5, 6, 7)]
    # page furniture between: not the article's own stretch
    assert filled(["Share on Facebook", QUESTION], ["Tom Price", QUESTION]) == [
        "Tom Price",
        QUESTION,
    ]


def test_table_rows_lose_their_repeat_mark_other_lines_keep_it() -> None:
    written = [
        PROSE[0],
        "Back to the list",
        *stats_table(),
        "Back to the list",
        PROSE[1],
        "Back to the list",
    ]
    lines = [" ".join(ln.split()) for ln in written]
    info = measure_page(lines, stopwords_for("en"))
    _mark_repeats(info)
    assert info[2].furniture == "duplicate" and info[1].furniture == "repeat"
    tables.unmark_rows(list(range(len(lines))), info, table_rows("\n".join(written)))
    assert info[2].furniture is None and info[3].furniture is None
    assert info[1].furniture == "repeat"


def test_two_rows_are_no_table() -> None:
    assert table_rows("\n".join(stats_table()[2:4])) == set()
    assert table_rows("\n".join(stats_table()[2:5])) == {0, 1, 2}


def test_a_table_right_after_or_before_the_kept_lines_is_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    written = [PROSE[0], PROSE[1], "Standings", *stats_table()[1:], "* Home", "* News"]
    lines = [" ".join(ln.split()) for ln in written]
    info = measure_page(lines, stopwords_for("en"))
    every = list(range(len(lines)))
    rows = table_rows("\n".join(written))
    assert tables.keep_tables(every, info, [0, 1], rows, GAP_LINES) == every[:-2]
    before = [*stats_table()[1:], PROSE[0], PROSE[1]]
    info_b = measure_page([" ".join(ln.split()) for ln in before], stopwords_for("en"))
    n = len(before)
    got = tables.keep_tables(
        list(range(n)), info_b, [n - 2, n - 1], table_rows("\n".join(before)), 1
    )
    assert got == list(range(n))
    # more lines than a heading between: another part of the page
    far = [PROSE[0], PROSE[1], "Standings", "Week 11", *stats_table()[1:]]
    info_f = measure_page([" ".join(ln.split()) for ln in far], stopwords_for("en"))
    assert tables.keep_tables(
        list(range(len(far))), info_f, [0, 1], table_rows("\n".join(far)), 1
    ) == [0, 1]
    monkeypatch.setattr(tables, "EDGES", False)
    assert tables.keep_tables(every, info, [0, 1], rows, GAP_LINES) == [0, 1]
