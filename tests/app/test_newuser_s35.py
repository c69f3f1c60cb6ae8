"""Session 35, a demanding new user: the reader's header of a lone article, the missing
workspace at 80 columns."""

from __future__ import annotations

import html
import re
from pathlib import Path

from tests.app.conftest import main_ready, settle

LONE = """Harbour crane collapses in Rotterdam storm

Rotterdam, 3 March. A container crane at the Maasvlakte terminal collapsed overnight during
gale-force winds, the port authority said on Tuesday. Nobody was hurt; two berths are closed
while engineers inspect the quay.
"""


def _meta(screen) -> str:
    return next(text for part, text in screen.reader._header if part == "meta")


async def test_a_lone_article_shows_no_sameness_word(make, demo_root):
    # Before: the header of an article alone in its story said "coverage" (a sameness word:
    # the outlet's own report beside copies and versions), with nothing to be the same as.
    from tui.core.model import RawDocument
    from tui.core.workspace import Workspace
    from tui.widgets.story_draw import Row

    ws = Workspace.open(demo_root)
    ws.ingest([RawDocument("mem://crane.txt", LONE, "text", {})])
    app = make(workspace=ws)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await main_ready(pilot, listed=True)
        stories = screen.stories.listing.stories
        lone = next(i for i, s in enumerate(stories) if "Harbour" in s.title)
        assert stories[lone].size == 1
        many = next(i for i, s in enumerate(stories) if s.size > 1)
        screen.stories.move_to(screen.stories.y_of(Row("story", lone)))
        await settle(pilot)
        assert "Harbour crane" in screen.reader._header[0][1]
        meta = _meta(screen)
        assert "coverage" not in meta and not meta.endswith("·"), meta
        # an article among others of its story keeps its sameness
        screen.stories.move_to(screen.stories.y_of(Row("story", many)))
        await settle(pilot)
        assert re.search(r"· (coverage|copy|version)$", _meta(screen)), _meta(screen)


def screen_lines(app) -> list[str]:
    """The screen as lines of text, read from the app's SVG screenshot (each piece of text
    placed at its column)."""
    svg = app.export_screenshot()
    rows: dict[int, list[str]] = {}
    for x, line, text in re.findall(
        r'<text [^>]*x="([\d.]+)"[^>]*clip-path="url\(#[\w-]*line-(\d+)\)">([^<]*)</text>', svg
    ):
        row = rows.setdefault(int(line), [])
        col = round(float(x) / 12.2)
        text = html.unescape(text).replace("\xa0", " ")
        row.extend(" " * (col + len(text) - len(row)))
        row[col : col + len(text)] = text
    return ["".join(rows.get(n, [])).rstrip() for n in range(max(rows) + 1)]


async def test_the_missing_workspace_at_80_columns_with_a_long_path(tmp_path):
    # Before: the status line cut the path at the margin without a sign (its end and "yet"
    # gone); the path in the text and in each shell command was wrapped at the margin, the
    # commands' continuation lines flush left, so none could be copied.
    from tests.app.test_newuser_s34 import _screen_named
    from tui.app import make_app
    from tui.config import Config

    root = tmp_path / "a-long-folder-name-for-testing" / "another-deeply-nested" / "ws"
    root = Path(str(root).ljust(100, "x"))
    assert len(str(root)) >= 100
    app = make_app(root, config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await _screen_named(pilot, "NoWorkspaceScreen", instead="MainScreen")
        lines = screen_lines(app)
    status = lines[0]
    assert status.startswith(" Wiredesk  no workspace at /") and status.endswith(" yet")
    assert "\u2026" in status and status.rstrip().endswith(root.name[-20:] + " yet")
    # the path whole, on lines of its own, each indented alike
    start = next(i for i, line in enumerate(lines) if line.strip().startswith(str(root)[:30]))
    parts: list[str] = []
    for line in lines[start:]:
        if len("".join(parts)) >= len(str(root)):
            break
        assert line.startswith("   ") and line[3] != " ", lines  # indented alike
        parts.append(line[3:])
    assert "".join(parts) == str(root)
    # each shell command on one line, with DIR named
    for command in (
        "wiredesk ingest PATH -w DIR",
        "wiredesk feeds add URL -w DIR",
        "wiredesk demo -w DIR",
    ):
        assert any(line.strip() == command for line in lines), lines
    assert any("DIR: the workspace folder above" in line for line in lines)
    assert all(len(line) <= 80 for line in lines)


async def test_a_word_typed_after_the_search_in_force_is_a_word_of_its_own(make):
    # Before: / opened on the words in force with the cursor right after them: "qwertyzz"
    # found nothing, / then "storm" searched for "qwertyzzstorm" (f did the same to a filter).
    # (Session 36: words that found nothing are offered selected, to be replaced: see
    # test_newuser_s36; words that found stories are narrowed, as here.)
    from textual.widgets import Input

    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await main_ready(pilot, listed=True)
        await pilot.press("slash", *"japan", "enter")
        await settle(pilot)
        assert screen.query_text == "japan"
        await pilot.press("slash", *"canada")
        assert app.screen.query_one(Input).value == "japan canada"
        await pilot.press("enter")
        await settle(pilot)
        assert screen.query_text == "japan canada"
        await pilot.press("f", *"unread")
        assert app.screen.query_one(Input).value == "japan canada unread"
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("slash", "enter")  # unchanged: the same search, no space kept
        await settle(pilot)
        assert screen.query_text == "japan canada"


async def test_a_text_dialog_says_how_to_close_it_and_is_as_tall_as_its_text(make):
    # Before: w's explanation said nothing of how to close it (the key bar is behind it), and
    # three lines took a dialog as tall as the screen.
    from textual.widgets import Label

    from tui.screens.dialogs import TextDialog

    app = make(keymap="vim")
    async with app.run_test(size=(80, 24)) as pilot:
        await main_ready(pilot, listed=True)
        app.push_screen(TextDialog("Why", ["one", "two", "three"]))
        await settle(pilot)
        hints = [
            str(x.render())
            for x in app.screen.query(Label).results()
            if x.has_class("dialog--hint")
        ]
        assert hints == ["Esc, q or Enter closes"], hints
        assert app.screen.query_one(".dialog").outer_size.height < 15
        await pilot.press("q")
        await settle(pilot)
        assert not isinstance(app.screen, TextDialog)


async def test_the_export_overwrite_box_says_its_state_in_words(make, monkeypatch):
    # Before: checked or not, the box read "▐X▌ Overwrite an existing file"; off, the X was
    # only dimmer, which NO_COLOR and the Linux console hardly show.
    from textual.widgets import Checkbox

    monkeypatch.setenv("NO_COLOR", "1")
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await main_ready(pilot, listed=True)
        await pilot.press("e")
        await settle(pilot)
        box = app.screen.query_one("#export-force", Checkbox)
        assert not box.value and str(box.label).endswith(": no")
        box.focus()
        await pilot.press("space")
        await settle(pilot)
        assert box.value and str(box.label).endswith(": yes")


async def test_a_long_filter_ends_the_status_line_in_an_ellipsis(make):
    # Before: the status line wrapped onto a second line nobody sees: a long filter was cut at
    # the margin without a sign, and the marks said after it ("1 marked") were gone.
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await main_ready(pilot, listed=True)
        await pilot.press("j", "m")
        await settle(pilot)
        query = "japan canada intelligence sharing after:2022-10-01 before:2022-10-31 -tag:done"
        screen.apply_query(query, typed=True)
        await settle(pilot)
        assert screen.query_text == query
        status = screen_lines(app)[0]
        assert "1 marked" in status and "filter: japan canada" in status, status
        assert status.endswith("\u2026") and len(status) <= 80, status


def test_the_comparison_keys_say_what_they_do():
    # Before: help, the palette and the README said "Next left", "Unique" and "Layout": which
    # text comes next, what is unique, which layout, nobody could tell.
    from tui.keys import resolve_keymap
    from tui.screens.help import key_rows

    said = {bid: what for _sec, bid, _keys, what in key_rows(resolve_keymap("default"))}
    for side in ("left", "right"):
        for step in ("next", "previous"):
            what = said[f"compare.{step}_{side}"].lower()
            assert f"{side} pane" in what and step in what and "text" in what, what
    assert "no other text" in said["compare.unique"]
    assert "side by side" in said["compare.layout"].lower()
    assert "two panes" in said["compare.swap"]


async def test_a_pasted_text_of_several_lines_is_joined_and_said(make):
    # Before: a text pasted into a one-line field kept its first line alone: an e-mail pasted
    # into the ingest dialog became "From: Anna <a@b.org>", the rest dropped without a word,
    # and Enter read each word as a path.
    from textual import events

    from tui.widgets.fields import LineInput

    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await main_ready(pilot, listed=True)
        await pilot.press("i")
        await settle(pilot)
        field = app.screen.query_one(LineInput)
        field.post_message(events.Paste("From: Anna <a@b.org>\nSubject: crane\n\nHi all,\n"))
        await settle(pilot)
        assert field.value == "From: Anna <a@b.org> Subject: crane Hi all,"
        status = str(app.screen.query_one("#ingest-status").render())
        assert status.startswith("Pasted 3 lines") and "wiredesk ingest -" in status, status
        field.value = ""
        field.post_message(events.Paste("/tmp/one path"))  # one line: as Input does
        await settle(pilot)
        assert field.value == "/tmp/one path"
