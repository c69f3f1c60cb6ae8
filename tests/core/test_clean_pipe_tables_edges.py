"""Where a table written with pipes ends and a page's furniture begins: a table or a menu above
the headline takes neither the title nor the body (the headline stays the title); in Markdown
only what the Markdown reader knows is a table (a header row over a rule row, its rows) is one,
not any run of lines split by pipes; in plain text rows fenced by pipes whose figures are
counters ("Tweet 12", "Top 10") are no table; a table right under the title keeps its header
row."""

from __future__ import annotations

from tui.core.clean import clean
from tui.core.clean.markdown import read
from tui.core.clean.meta import header_fields, headline_shape, lead_title
from tui.core.clean.plain import title_line
from tui.core.clean.tables import pipe_rows, piped_line
from tui.core.model import RawDocument

TITLE = "Council approves budget"
PARAS = [
    "The city council approved the new budget on Monday after a long debate about funding for "
    "schools, roads and the public library, which had been at risk of closing.",
    "Officials said the plan would raise spending by four percent next year, with most of the "
    "increase going to teachers' salaries and to repairs of the oldest school buildings.",
    "Critics of the plan argued that the council had not explained how it would pay for the "
    "new spending, and warned that property taxes might have to rise in two years.",
]
TICKER = [
    "| Index | Last | Change |",
    "| --- | --- | --- |",
    "| FTSE 100 | 7,512.30 | +0.4% |",
    "| Dow Jones | 34,500.12 | -0.2% |",
    "| Nasdaq | 13,200.50 | +1.1% |",
]
MENU = [  # fenced by pipes, with figures (but no cell that is one)
    "| Home | News | Sport | Weather |",
    "| 24/7 Live | Radio 1 | Radio 2 | Podcasts |",
    "| Top 10 | 2024 Election | Covid-19 | Ukraine |",
]
FOOTER = [
    "| Share | Tweet 12 | Email |",
    "| Comments 4 | Print | Save |",
    "| Top 10 | Week 52 | 2024 |",
]
MD_MENU = [
    "| [Home](/) | [News](/news) | [Sport](/sport) |",
    "| [World](/w) | [UK](/uk) | [Business](/b) |",
    "| [Politics](/p) | [Health](/h) | [Science](/s) |",
]


def cleaned(kind: str, *blocks: str | list[str], heading: str = "") -> tuple[str | None, list[str]]:
    text = "\n\n".join("\n".join(b) if isinstance(b, list) else b for b in blocks) + "\n"
    got = clean(RawDocument(f"page.{kind}", text, kind))  # type: ignore[arg-type]
    return got.title, got.body.split("\n\n")


def test_a_table_above_the_headline_leaves_it_the_title() -> None:
    for kind, title in (("text", TITLE), ("md", f"# {TITLE}")):
        for top in (TICKER, TICKER[:2] + [r.rsplit(" |", 2)[0] + " |" for r in TICKER[2:]]):
            got, body = cleaned(kind, top, title, *PARAS)
            assert got == TITLE, (kind, top)
            assert body == PARAS and TITLE not in body  # (not in the body as a paragraph)


def test_a_menu_fenced_by_pipes_above_the_headline_is_not_the_title() -> None:
    for kind, menu in (("text", MENU), ("md", MD_MENU), ("md", [m.strip("| ") for m in MENU])):
        got, body = cleaned(kind, menu, TITLE if kind == "text" else f"# {TITLE}", *PARAS)
        assert (got, body) == (TITLE, PARAS), (kind, menu)


def test_a_line_split_by_pipes_is_never_a_title() -> None:
    for line in ("| Index | Last |", "| FTSE | DOW | NASDAQ |", "Home | News | World"):
        assert piped_line(line) and not title_line(line) and not headline_shape(line.upper())
    assert not piped_line("Budget passes | The Daily") and title_line("Budget passes | The Daily")
    head = PARAS[0]  # (the lines above it share its words)
    assert header_fields(["| Council approved | new budget |"], head).get("title") is None
    assert header_fields(["Council approved the new budget"], head)["title"]
    assert lead_title("| Index | Last |\n\n| FTSE | 7,512 |\n\nThe council met. It voted.") == (
        "The council met"
    )


def test_the_upward_scan_stops_at_a_headline_shaped_line() -> None:
    """The table's rows are found; it is the headline between that leaves them out."""
    lines = ["", *TICKER, "", TITLE, "", *PARAS]
    assert set(range(1, 6)) <= pipe_rows(lines)
    _, body = cleaned("text", TICKER, TITLE, *PARAS)
    assert not any(r in body for r in TICKER)
    # the same table under a heading that is no headline (a sentence's lead-in) is kept
    _, body = cleaned("text", TITLE, PARAS[0], "Markets closed as follows:", TICKER, *PARAS[1:])
    assert body[body.index(TICKER[0]) : body.index(TICKER[0]) + 5] == TICKER


def test_in_markdown_only_a_table_the_reader_knows_is_one() -> None:
    links = [
        "| [Privacy](/p) | [Terms](/t) | [Contact](/c) |",
        "| [About](/a) | [Jobs](/j) | [Help](/h) |",
        "| [Sitemap](/m) | [Ads](/ads) | [Cookies](/k) |",
    ]
    share = [
        "| Share | Facebook | Twitter |",
        "| Print | Email | Copy link |",
        "| Comments | 12 | Report |",
    ]
    crumbs = ["Home | News | World  ", "Europe | Politics | Elections  ", "Share | Tweet | Email"]
    for blocks in (
        (MD_MENU, f"# {TITLE}", *PARAS, links),
        (f"# {TITLE}", PARAS[0], links, *PARAS[1:], share),
        (crumbs, f"# {TITLE}", *PARAS, crumbs),
    ):
        assert cleaned("md", *blocks) == (TITLE, PARAS), blocks
    # the same rows under a rule row are a table, and stay
    table = [share[0], "| --- | --- | --- |", *share[1:]]
    _, body = cleaned("md", f"# {TITLE}", PARAS[0], table, *PARAS[1:])
    assert body == [PARAS[0], share[0], *share[1:], *PARAS[1:]]


def test_the_markdown_reader_says_which_lines_are_a_tables_rows() -> None:
    text = "\n".join(["Intro [x](/x)", "", "a | b", "--|--", "**1** | 2", "3 | 4", "", "x | y | z"])
    plain, rows = read(text)
    lines = plain.split("\n")
    assert sorted(lines[k] for k in rows) == ["1 | 2", "3 | 4", "a | b"]
    assert "x | y | z" in lines and lines.index("x | y | z") not in rows
    charts = "Speed | Ratio\n--|--\n![Speed](s.png) | ![Ratio](r.png)\n"  # (images go)
    plain, rows = read(charts)
    assert plain.split("\n") == ["Speed | Ratio", "", ""] and rows == {0}


def test_plain_text_rows_fenced_by_pipes_with_counters_are_no_table() -> None:
    assert pipe_rows(FOOTER) == set() and pipe_rows(MENU) == set()
    assert pipe_rows(TICKER[:1] + TICKER[2:]) == {0, 1, 2, 3}  # cells that are figures
    assert cleaned("text", TITLE, *PARAS, FOOTER) == (TITLE, PARAS)
    related = [
        "| Related | Budget 2024 | Schools 2023 |",
        "| Read more | Roads 2022 | Library 2021 |",
        "| Most read | Top 5 | Week 12 |",
    ]
    assert cleaned("text", TITLE, PARAS[0], related, *PARAS[1:]) == (TITLE, PARAS)


def test_a_table_right_under_the_title_keeps_its_header_row() -> None:
    got, body = cleaned("text", TITLE, TICKER, *PARAS)
    assert (got, body) == (TITLE, [*TICKER, *PARAS])
    got, body = cleaned("md", f"# {TITLE}", TICKER, *PARAS)
    assert (got, body) == (TITLE, [TICKER[0], *TICKER[2:], *PARAS])


def test_a_ticker_after_the_article_stays_out() -> None:
    """Going down, the walk stops at the rule row under a header row (as before the rule-row
    step: a ticker's, a "most read" box's), while going up it steps over it (above)."""
    assert cleaned("text", TITLE, *PARAS, TICKER) == (TITLE, PARAS)


def test_a_wrapped_paragraphs_first_line_is_no_headline() -> None:
    """A hard-wrapped paragraph under a table opens with a short line that is no sentence:
    its next line goes on in lower case, so it is no headline and the table stays."""
    table = ["| Item | 2023 | 2024 |", "| --- | --- | --- |", "| Schools | 410 | 432 |",
             "| Roads | 120 | 118 |", "| Library | 15 | 19 |"]  # fmt: skip
    wrapped = (
        "The figures in the table above show how the council\nspent its budget over the years."
    )
    _, body = cleaned("text", table, wrapped, *PARAS)
    assert body[:5] == table
