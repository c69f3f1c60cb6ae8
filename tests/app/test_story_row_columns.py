"""Session 35 (mend): story rows line up from one story to the next, and no row shows fewer
facts for it than the rule of the rows before (each fact shown while the title keeps its goal).
"""

from __future__ import annotations

from collections import defaultdict

from rich.cells import cell_len
from rich.style import Style

from tui.core.workspace.records import Story
from tui.widgets.panes import NARROW, list_width
from tui.widgets.rows import TITLE_GOAL, outlets, short_spans, span, story_line, story_plan

STYLES: defaultdict[str, Style] = defaultdict(Style)
TITLE = "Japan, Canada to formally begin intelligence sharing talks"


def story(first, last=None, n=1, langs=("en",), sources=("Harbour Gazette",)) -> Story:
    return Story(
        id="s",
        article_ids=["a"] * n,
        title=TITLE,
        sources=list(sources),
        langs=list(langs),
        date_first=first,
        date_last=last or first,
        unread=n,
    )


SHAPES = {
    "date": story("2026-03-05"),
    "month": story("2022-09"),
    "nodate": story(None),
    "range": story(
        "2022-10-11",
        "2022-10-14",
        n=5,
        langs=("en", "ar"),
        sources=("Associated Press", "Reuters", "Kyodo"),
    ),
    "yrange": story("2025-12-30", "2026-01-02", n=2),
    "3lang": story("2026-03-05", n=3, langs=("en", "de", "ja"), sources=("NHK", "Die Zeit")),
    "big": story("2026-03-05", n=123),
}


def owed(s: Story, width: int) -> set[str]:
    """The facts the rows showed before the columns: each one while the title kept its goal,
    the count alone (a fact that did not fit was skipped, the next one tried)."""
    goal = max(TITLE_GOAL, min(width // 2, 60))
    meta, facts = f"({s.unread}/{s.size})", set()
    for name, part in (
        ("date", span(s.date_first, s.date_last)),
        ("langs", ",".join(s.langs)),
        ("outlet", outlets(s.sources)),
    ):
        longer = f"{part}  {meta}" if part else meta
        if part and width - len(longer) - 4 - 2 >= goal:
            meta, facts = longer, facts | {name}
    return facts


def shown(s: Story, row: str) -> set[str]:
    facts = set()
    if s.date_first and any(f in row for f in short_spans(s.date_first, s.date_last)):
        facts.add("date")
    if f"  {','.join(s.langs)}  " in row:
        facts.add("langs")
    if s.sources[0][:6] in row:
        facts.add("outlet")
    return facts


def test_story_rows_line_up_and_keep_every_fact_from_80_to_200_columns():
    # Before: the facts were right-aligned as one string, so a language took the date's
    # column on an undated story or where a range gave way, and a wider count moved it all.
    # Then (columns first, once one fact gave way the rest went too): a 5-article story lost
    # its languages at 120-157 columns, an undated one its outlet at 80-172.
    plan = story_plan(SHAPES.values())
    for term in range(80, 201):
        width = (list_width(term) if term >= NARROW else term) - 2
        rows = {
            k: story_line(s, width, STYLES, marked=False, rtl=False, plan=plan).plain
            for k, s in SHAPES.items()
        }
        for k, s in SHAPES.items():
            assert owed(s, width) <= shown(s, rows[k]), (term, k, rows[k])
            assert len(rows[k]) == width
        # the date column starts, the languages end, at the same cell on every row
        starts = set()
        for k, s in SHAPES.items():
            row = rows[k]
            forms = [f for f in short_spans(s.date_first, s.date_last) if f"  {f}  " in row]
            if forms:
                starts.add(row.rindex(f"  {forms[0]}  ") + 2)
            langs = f"  {','.join(s.langs)}  "
            if langs in row:
                starts.add(row.rindex(langs) + len(langs))
        assert len(starts) <= 1, (term, "\n".join(rows.values()))
        # the count: right-aligned, as wide as the widest of the listing ("(123/123)")
        assert {r.rindex("(") for k, r in rows.items() if k != "big"} == {width - 5}
        assert rows["big"].rindex("(") == width - 9


def test_a_row_alone_shows_at_least_what_it_did():
    # a row drawn without a listing's plan (no padding): every fact it showed before; a range
    # too wide for its title's goal is shortened ("10-11..10-14") instead of skipped
    for term in range(80, 201):
        width = (list_width(term) if term >= NARROW else term) - 2
        for k, s in SHAPES.items():
            row = story_line(s, width, STYLES, marked=False, rtl=False).plain
            assert owed(s, width) <= shown(s, row), (term, k, row)
    assert short_spans("2025-12-30", "2026-01-02") == [
        "2025-12-30..2026-01-02",
        "25-12-30..26-01-02",
        "12-30..01-02",
    ]  # (both years)
    assert short_spans("2022-10-11", "2022-12-14")[0] == "2022-10-11..12-14"
    assert short_spans("2022-10-11", "2022-10-14")[-1] == "10-11..14"


async def test_the_list_draws_its_story_rows_on_one_plan(make, demo_root):
    # the list sizes its columns from the whole listing: an undated lone article's language
    # ends where the 5-article story's languages end, before the date column
    from tests.app.conftest import main_ready
    from tui.core.model import RawDocument
    from tui.core.workspace import Workspace
    from tui.widgets.story_draw import Row

    ws = Workspace.open(demo_root)
    ws.ingest(
        [RawDocument("mem://crane.txt", "Crane falls\n\nA crane fell at the quay.\n", "text", {})]
    )
    app = make(workspace=ws)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await main_ready(pilot, listed=True)
        sl = screen.stories
        stories = sl.listing.stories
        rows = [sl._row_text(Row("story", i), 78, STYLES).plain for i in range(len(stories))]
        ends = {
            cell_len(r[: r.rindex(langs)]) + len(langs)  # cells: Arabic marks take none
            for r, s in zip(rows, stories)
            for langs in [f"  {','.join(s.langs)}  "]
        }
        assert len(rows) >= 2 and len(ends) == 1, "\n".join(rows)


def test_a_range_across_a_year_never_loses_its_end_year():
    # (final review: "2020-12-30..06-01" read as a range ending before it starts)
    plan = story_plan(SHAPES.values())
    for width in (118, 158, 198):
        row = story_line(SHAPES["yrange"], width, STYLES, marked=False, rtl=False, plan=plan).plain
        assert "25-12-30..26-01-02" in row, row
        assert "2025-12-30..01-02" not in row


async def test_more_stories_than_are_read_whole_for_the_plan_line_up_alike(tmp_path):
    # Session 36: past WHOLE_PLAN stories the list does not read every story for its columns
    # (the biggest sizes the count; a date slot for a range across a year is assumed). Its
    # rows line up as those of a smaller list: one date column, one count column, every row.
    import random

    from tests.app.conftest import main_ready
    from tui.app import make_app
    from tui.config import Config
    from tui.core.model import RawDocument
    from tui.core.workspace import Workspace
    from tui.widgets.story_draw import WHOLE_PLAN, Row

    syllables = "ka lo mi re tu sa ne po vi da go ri bu fe zo ha ju qe wa xi".split()
    rng = random.Random(36)

    def words(n: int) -> list[str]:
        return ["".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(n)]

    docs = []
    for i in range(450):
        w = words(60)
        docs.append(
            RawDocument(
                f"mem://s{i}.txt",
                f"{' '.join(w[:6]).capitalize()}\n\n{' '.join(w)}.\n",
                "text",
                {"date": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}", "source": f"Outlet {i % 7}"},
            )
        )
    w = words(80)  # one story of 12 articles over the new year: the widest count and span
    for k in range(12):
        docs.append(
            RawDocument(
                f"mem://big{k}.txt",
                f"{' '.join(w[:6]).capitalize()}\n\n{' '.join(w)} {' '.join(words(3))}.\n",
                "text",
                {"date": "2025-12-30" if k < 6 else "2026-01-02", "source": f"Wire {k}"},
            )
        )
    root = tmp_path / "ws"
    ws = Workspace.open(root)
    ws.ingest(docs)
    app = make_app(root, config=Config(), workspace=Workspace.open(root))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await main_ready(pilot, listed=True)
        sl = screen.stories
        stories = sl.listing.stories
        assert len(stories) > WHOLE_PLAN and max(s.size for s in stories) == 12
        width = 118
        rows = [sl._row_text(Row("story", i), width, STYLES).plain for i in range(len(stories))]
    counts, dates = set(), set()
    for s, row in zip(stories, rows):
        assert cell_len(row) == width, row
        counts.add(row.rindex("(") + (len(f"({s.unread}/{s.size})") - len("(12/12)")))
        forms = [f for f in short_spans(s.date_first, s.date_last) if f"  {f}  " in row]
        assert forms, row  # every story here is dated: its date shown
        dates.add(row.rindex(f"  {forms[0]}  ") + 2)
    big = next(r for s, r in zip(stories, rows) if s.size == 12)
    assert "25-12-30..26-01-02" in big or "2025-12-30..2026-01-02" in big, big
    assert len(counts) == 1 and len(dates) == 1, "\n".join(rows[:5] + [big])
