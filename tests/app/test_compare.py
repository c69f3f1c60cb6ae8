"""The comparison view: snapshots of seed pairs, walking the changes, the one-key actions."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from textual.app import App

from tui.core.diff import CompareItem
from tui.keys import default_keys
from tui.screens.compare import CompareScreen
from tui.widgets.diff_view import DiffView

CSS = Path(__file__).resolve().parents[2] / "tui" / "wiredesk.tcss"


def key(bid: str) -> str:
    return default_keys()[bid].split(",")[0]


def seed_items(seeds_dir: Path) -> list[CompareItem]:
    meta = tomllib.loads((seeds_dir / "expected.toml").read_text(encoding="utf-8"))["articles"]
    out = []
    for f in sorted((seeds_dir / "gold").glob("*.txt")):
        m = meta.get(f.stem, {})
        date = m.get("date")
        out.append(
            CompareItem(
                f.stem[:3],
                m.get("source"),
                str(date) if date else None,
                m.get("lang"),
                m.get("title"),
                f.read_text(encoding="utf-8"),
            )
        )
    return out


class CompareApp(App):
    CSS_PATH = CSS

    def __init__(self, items: list[CompareItem], left: int, right: int) -> None:
        super().__init__()
        self.items, self.left, self.right = items, left, right

    def on_mount(self) -> None:
        self.theme = "textual-dark"
        self.push_screen(CompareScreen(self.items, self.left, self.right))


@pytest.mark.parametrize("size", [(120, 36), (80, 24)], ids=["120x36", "80x24"])
@pytest.mark.parametrize("right", [1, 4], ids=["000-001", "000-004-arabic"])
def test_snapshot(snap_compare, seeds_dir, size, right):
    assert snap_compare(CompareApp(seed_items(seeds_dir), 0, right), terminal_size=size)


def test_snapshot_after_next_change(snap_compare, seeds_dir):
    press = [key("compare.next_change")] * 3
    assert snap_compare(
        CompareApp(seed_items(seeds_dir), 0, 1), press=press, terminal_size=(100, 30)
    )


async def test_next_change_walks_the_whole_pair(seeds_dir):
    app = CompareApp(seed_items(seeds_dir), 0, 1)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(DiffView)
        hunks = view.hunks
        assert len(hunks) >= 5
        for k in range(len(hunks)):
            await pilot.press(key("compare.next_change"))
            assert view.current == k
            first = view.current_layout().row_start[hunks[k][0]]
            top = view.scroll_offset.y
            assert top <= first < top + view.scrollable_content_region.height
        await pilot.press(key("compare.next_change"))
        assert view.current == len(hunks) - 1
        await pilot.press(key("compare.previous_change"))
        assert view.current == len(hunks) - 2
        assert "change" in str(app.screen.query_one("#compare-status").text)


async def test_versions_swap_unique_layout_and_back(seeds_dir):
    app = CompareApp(seed_items(seeds_dir), 0, 1)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        scr = app.screen
        assert isinstance(scr, CompareScreen)
        await pilot.press(key("compare.next_right"))
        assert (scr.left, scr.right) == (0, 2)
        await pilot.press(key("compare.previous_left"))
        assert (scr.left, scr.right) == (4, 2)
        await pilot.press(key("compare.swap"))
        assert (scr.left, scr.right) == (2, 4)
        await pilot.press(key("compare.previous_left"), key("compare.previous_left"))
        assert scr.left == 0
        view = scr.query_one(DiffView)
        await pilot.press(key("compare.unique"))
        assert scr.unique_mode and view.unique is not None and view.hunks
        await pilot.press(key("compare.layout"))
        lay = view.current_layout()
        assert all(line.right is None for line in lay.lines)
        await pilot.press(key("compare.back").split(",")[0])
        assert not isinstance(app.screen, CompareScreen)


async def test_changes_readable_without_colour(seeds_dir):
    """Each kind of change keeps a text style of its own (NO_COLOR, 16 colours)."""
    app = CompareApp(seed_items(seeds_dir), 0, 1)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(DiffView)
        styles = {tag: view.tag_style(tag) for tag in ("del", "ins", "chg", "move")}
        assert styles["del"].strike and styles["ins"].bold and styles["ins"].underline
        assert styles["chg"].underline and not styles["chg"].bold and styles["move"].italic
        marks = {ln.left.gutter for ln in view.current_layout().lines} | {
            ln.right.gutter for ln in view.current_layout().lines
        }
        assert {"~", "-"} <= marks


async def test_long_texts_are_compared_in_a_worker(seeds_dir, monkeypatch):
    monkeypatch.setattr("tui.screens.compare.SYNC_CHARS", 0)
    app = CompareApp(seed_items(seeds_dir), 0, 1)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        view = app.screen.query_one(DiffView)
        assert view.comparison is not None and view.hunks
        await pilot.press(key("compare.next_right"))
        await app.workers.wait_for_complete()
        await pilot.pause()
        status = str(app.screen.query_one("#compare-status").render())
        assert view.comparison is not None and "similarity" in status and "%" in status
