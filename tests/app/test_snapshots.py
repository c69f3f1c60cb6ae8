"""SVG snapshots of the app on the demo workspace (fixed size and theme, no blinking cursor).

Update them with ``python3 -m pytest tests/app/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

import pytest

from tests.app.conftest import settle

WIDE = (120, 36)
SMALL = (80, 24)
SIZES = [(80, 24), (100, 30), (120, 36), (200, 50)]


async def _ready(pilot) -> None:
    await settle(pilot)


async def _tagged(pilot) -> None:
    await pilot.press("j", "t", *"japan, canada", "enter", "j", "t", *"ja")
    await settle(pilot)


async def _noted(pilot) -> None:
    await pilot.press("j", "n", *"Check the defence ministry's statement.")
    await settle(pilot)


async def _worked(pilot) -> None:
    """A row with tags, a note and a long title; the cursor back on the story."""
    await pilot.press("j", "j", "t", *"japan, canada", "enter", "n",
                      *"Ask Tokyo about the GSOMIA timeline.", "ctrl+s", "k")
    await settle(pilot)


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_main(snap_compare, make, size):
    assert snap_compare(make(), terminal_size=size, run_before=_worked)


def test_first_run(snap_compare, tmp_path, monkeypatch):
    from tui.app import make_app
    from tui.config import Config
    from tui.core.workspace import Workspace

    root = tmp_path / "empty"
    # the default workspace, as on a first run: its guide's shell commands need no -w (another
    # one adds a line naming its path, which changes with tmp_path: tests/cli/test_shell_hints)
    monkeypatch.setenv("WIREDESK_WORKSPACE", str(root))
    app = make_app(root, config=Config(), workspace=Workspace.open(root))
    assert snap_compare(app, terminal_size=SMALL, run_before=_ready)


def test_reader_80x24(snap_compare, make):
    assert snap_compare(make(), terminal_size=SMALL, press=["j", "enter"], run_before=_ready)


def test_tag_editor(snap_compare, make):
    assert snap_compare(make(), terminal_size=WIDE, run_before=_tagged)


def test_note_editor(snap_compare, make):
    assert snap_compare(make(), terminal_size=WIDE, run_before=_noted)


def test_help(snap_compare, make):
    assert snap_compare(make(), terminal_size=WIDE, press=["question_mark"], run_before=_ready)


def test_search_dialog(snap_compare, make):
    assert snap_compare(make(), terminal_size=WIDE, press=["slash", *"intelligence"],
                        run_before=_ready)


def test_no_color_80x24(snap_compare, make, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(make(), terminal_size=SMALL, press=["j", "s"], run_before=_ready)


def test_linux_console_comparison(snap_compare, make):
    """16 colours: deletions reversed, insertions bold and underlined, nothing struck."""
    assert snap_compare(make(palette="16"), terminal_size=SMALL, press=["j", "d", "n"],
                        run_before=_ready)
