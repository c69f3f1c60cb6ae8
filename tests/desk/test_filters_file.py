"""Saving a filter never loses what ``filters.toml`` holds: a damaged file is not written over
(the error names its line), and keys or values the app does not read are kept."""

from __future__ import annotations

import tomllib
from types import SimpleNamespace

import pytest

from tui.core.workspace import WorkspaceError
from tui.core.workspace.lock import WriterLock
from tui.core.workspace.paths import FILTERS
from tui.desk import filters


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
