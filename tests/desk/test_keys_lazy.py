"""Pilot tests of the keys on a workspace opened lazily, as the app opens it (issue 16 at
1,000,000 articles, where an article file not in the page cache costs milliseconds):

- a star draws again only its own row and its story's, not every row of a big story;
- a story's counts after a star come from its saved counts and the saved flags of the
  articles changed here, not from every flag of the story;
- the list's article rows and the reader's header come from the index, not the article files,
  and show what this process changed before it is saved;
- moving the focus (open, back) repaints the two panes, not the whole screen, keeps the
  reader's laid-out lines, and leaves the key bar on the focused pane's keys.
"""

from __future__ import annotations

import threading

from textual.app import App
from textual.widgets import LoadingIndicator

from tests.app.conftest import settle
from tui.core.workspace import Workspace
from tui.core.workspace import index_list as lists
from tui.screens import loading
from tui.widgets.keybar import KeyBar
from tui.widgets.story_list import Row


def visible(sl, row: Row) -> int:
    return sl.y_of(row) - sl.scroll_offset.y


def lazy(make, demo_root, **settings):
    """The app on the demo workspace opened as the app opens it: its index built first (a
    workspace without one is read whole to build it), then not read whole."""
    Workspace.open(demo_root, lazy=True).index.count_stories()
    ws = Workspace.open(demo_root, lazy=True)
    app = make(workspace=ws, **settings)
    ws.index.count_stories()
    assert not ws.loaded
    return app


def article_rows(sl) -> list[Row]:
    si = sl.cursor.index
    return [Row("article", si, k) for k in range(len(sl._articles(si)))]


async def test_a_star_draws_again_its_row_and_its_story_not_the_others(make, demo_root):
    app = lazy(make, demo_root, mark_read_on_open=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        sl = app.screen.stories
        await pilot.press("j")  # the first article of the biggest story
        await pilot.pause()
        rows = article_rows(sl)
        assert len(rows) >= 3
        story = Row("story", sl.cursor.index)
        before = {r: sl.render_line(visible(sl, r)) for r in [story, *rows]}
        await pilot.press("s")
        await pilot.pause()
        starred = sl.cursor
        assert sl.render_line(visible(sl, starred)).text[4] == "*"
        assert sl.render_line(visible(sl, story)).text[1] == "*"
        for r in rows:
            if r != starred and r != Row("article", starred.index, starred.article + 1):
                assert sl.render_line(visible(sl, r)) is before[r]  # kept, not drawn again
        await settle(pilot)


async def test_a_star_recounts_its_story_from_its_saved_counts(make, demo_root, monkeypatch):
    whole: list[str] = []  # reads of every flag of a story (what a big story made slow)
    asked: list[tuple[str, list[str]]] = []
    real_flags, real_counts = lists.flags_of, lists.counts_of
    monkeypatch.setattr(lists, "flags_of", lambda q, sid: whole.append(sid) or real_flags(q, sid))

    def counts_of(q, sid, aids=()):
        if threading.current_thread() is threading.main_thread():  # (not: once saved)
            asked.append((sid, list(aids)))
        return real_counts(q, sid, aids)

    monkeypatch.setattr(lists, "counts_of", counts_of)
    app = lazy(make, demo_root, mark_read_on_open=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        sl = app.screen.stories
        sid = sl.story.id
        await pilot.press("j", "s", "j", "s")
        await pilot.pause()
        assert sl.story.starred == 2
        first, second = sl.listing.members[sid][:2]
        # only what changed here and is not saved yet (the first star may be saved by then)
        assert [a for _, a in asked] in ([[first], [first, second]], [[first], [second]])
        await settle(pilot)
        app.desk.select(None)  # the list read again
        await pilot.press("j", "s", "k", "s")  # a third star, the second one taken back
        await pilot.pause()
        assert sl.story.starred == 2
        await settle(pilot)
    assert whole == []
    saved = Workspace.open(demo_root)
    face = next(s for s in saved.stories() if s.id == sid)
    assert face.starred == 2  # the counts shown are the saved ones


async def test_article_rows_and_the_header_come_from_the_index(make, demo_root, monkeypatch):
    app = lazy(make, demo_root, mark_read_on_open=False)
    opened: list[str] = []
    records = type(app.ws.records)
    real = records.read_article
    monkeypatch.setattr(
        records, "read_article", lambda self, path: opened.append(path.name) or real(self, path)
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        sl = app.screen.stories
        await pilot.press("j", "j", "k", "pagedown", "pageup", "j")
        await settle(pilot)
        assert len(article_rows(sl)) >= 3 and sl.cursor.kind == "article"
        assert opened == []  # rows drawn, articles shown in the reader: no article file read
        await pilot.press("s")  # changed in memory: the row shows it before it is saved
        await pilot.pause()
        assert sl.render_line(visible(sl, sl.cursor)).text[4] == "*"
        assert any(
            part == "triage" and "starred" in text for part, text in app.screen.reader._header
        )
        await settle(pilot)


async def test_moving_the_focus_repaints_the_panes_not_the_screen(make, demo_root):
    app = lazy(make, demo_root, mark_read_on_open=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen, bar = app.screen, app.screen.query_one(KeyBar)
        calls: list[tuple] = []
        real = screen.refresh
        screen.refresh = lambda *a, **k: calls.append((a, k)) or real(*a, **k)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.reader.has_focus and bar.mode == "reader"
        await pilot.press("escape")
        await pilot.pause()
        assert screen.stories.has_focus
        assert bar.mode == "list"  # the list's keys again (it was left on the reader's)
        assert calls == []


async def test_the_reader_keeps_its_lines_when_the_focus_moves(make, demo_root):
    app = lazy(make, demo_root, mark_read_on_open=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        reader = app.screen.reader
        laid: list[int] = []
        real = reader._lay_out
        reader._lay_out = lambda *a: laid.append(1) or real(*a)
        await pilot.press("enter", "escape", "enter", "escape")
        await pilot.pause()
        assert laid == []  # the focus changed, not the look of the text
        app.theme = "textual-light" if app.theme != "textual-light" else "nord"
        await pilot.pause()
        assert laid  # a new theme lays the text out again


async def test_the_loading_screen_spins_only_after_a_moment(monkeypatch):
    monkeypatch.setattr(loading, "SPIN_AFTER", 600)  # not during the test: called below

    class Host(App):
        def on_mount(self) -> None:
            self.push_screen(loading.LoadingScreen("/somewhere"))

    app = Host()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert not app.screen.query(LoadingIndicator)  # an open that is quick: no spinner
        app.screen.spin()
        await pilot.pause()
        assert app.screen.query(LoadingIndicator)
