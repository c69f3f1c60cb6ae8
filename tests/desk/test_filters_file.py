"""Saving a filter never loses what ``filters.toml`` holds: a damaged file is not written over
(the error names its line), and keys or values the app does not read are kept."""

from __future__ import annotations

import tomllib
from types import SimpleNamespace

import pytest

from tui.core.workspace import Workspace, WorkspaceError
from tui.core.workspace.lock import WriterLock
from tui.core.workspace.paths import FILTERS
from tui.desk import Desk, filters


def _ws(root):
    return SimpleNamespace(root=root, lock=WriterLock(root))


def test_a_damaged_filters_file_is_not_written_over(tmp_path):
    path = tmp_path / FILTERS
    damaged = '[filters]\nja = "tag:japan"\nbad = "unclosed\n'
    path.write_text(damaged, encoding="utf-8")
    assert filters.load(tmp_path) == []  # the app shows none...
    with pytest.raises(WorkspaceError, match=rf"{FILTERS}: damaged, line 3"):
        filters.save(_ws(tmp_path), "mine", "+starred")
    assert path.read_text(encoding="utf-8") == damaged  # ...but they are still there to fix


def test_keys_the_app_does_not_read_are_kept(tmp_path):
    path = tmp_path / FILTERS
    path.write_text('mine = 1\n[filters]\nja = "tag:japan"\nodd = 5\n', encoding="utf-8")
    assert filters.save(_ws(tmp_path), "st", "+starred") == [
        ("ja", "tag:japan"),
        ("st", "+starred"),
    ]
    assert filters.delete(_ws(tmp_path), "ja") == [("st", "+starred")]
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data == {"mine": 1, "filters": {"odd": 5, "st": "+starred"}}


def test_a_value_written_by_hand_is_not_overwritten_by_a_filter_of_its_name(tmp_path):
    path = tmp_path / FILTERS
    hand = '[filters]\nja = "tag:japan"\nmine = 3\n'
    path.write_text(hand, encoding="utf-8")
    for change in (
        lambda: filters.save(_ws(tmp_path), "mine", "+starred"),
        lambda: filters.delete(_ws(tmp_path), "mine"),
    ):
        with pytest.raises(WorkspaceError, match=r"line 3: `mine` is not a search string .*overw"):
            change()
        assert path.read_text(encoding="utf-8") == hand


def test_the_app_says_so_and_undo_keeps_the_value(tmp_path):
    root = tmp_path / "ws"
    Workspace.open(root)
    path = root / FILTERS
    path.write_text("[filters]\nmine = 3\n", encoding="utf-8")
    desk = Desk(Workspace.open(root, lazy=True))
    with pytest.raises(WorkspaceError, match="`mine`"):
        desk.save_filter("mine", "+starred")
    assert desk.writer.undo() is None  # no step to undo: nothing was changed
    assert tomllib.loads(path.read_text(encoding="utf-8")) == {"filters": {"mine": 3}}


def test_the_line_named_is_the_keys_under_filters(tmp_path):
    path = tmp_path / FILTERS
    path.write_text('mine = "top"\n\n[other]\nmine = 1\n[filters]\n"mine" = 3\n', encoding="utf-8")
    with pytest.raises(WorkspaceError, match=r"^filters.toml: line 6: `mine` is not"):
        filters.save(_ws(tmp_path), "mine", "+starred")
