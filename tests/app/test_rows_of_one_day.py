"""Two texts of one story and one day are told apart on their rows by their time (session
38: before, both rows showed only the day, which the story row already says)."""

from __future__ import annotations

from tests.app.conftest import main_ready

FEED = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Hand feed</title>
<item><title>Ferry resumes</title><description>The ferry to the island resumed on Monday
after the storms.</description><pubDate>Mon, 02 Dec 2024 08:15:00 +0100</pubDate></item>
<item><title>Ferry halts again</title><description>The ferry to the island halted again on
Monday evening after the storms.</description><pubDate>Mon, 02 Dec 2024 19:40:00 +0100</pubDate>
</item></channel></rss>
"""


async def test_rows_of_one_day_show_their_time(make, tmp_path):
    from tui.core.ingest import collect
    from tui.core.workspace import Workspace
    from tui.widgets.story_draw import Row

    (tmp_path / "feed.xml").write_text(FEED)
    ws = Workspace.open(tmp_path / "w", create=True)
    ws.ingest(collect([str(tmp_path / "feed.xml")]).docs)
    app = make(workspace=ws)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await main_ready(pilot, listed=True)
        sl = screen.stories
        (i,) = [k for k, s in enumerate(sl.listing.stories) if s.size == 2]
        for width in (98, 78, 68):
            rows = [sl._row_text(Row("article", i, k), width, sl._styles()).plain for k in (0, 1)]
            said = "\n".join(rows)
            assert "08:15" in said and "19:40" in said, said
            assert "2024-12-02" not in said and len({len(r) for r in rows}) == 1, said
        story = sl._row_text(Row("story", i), 78, sl._styles()).plain
        assert "2024-12-02" in story, story
