"""The look over every article file beside the first screen (``tui.desk.indexed.look_over``,
no Textual): an edit made in place (its folder's time unchanged) is found and put in the index,
and the locks are taken a folder at a time (at 1,000,000 articles the whole look took 15 s,
and a star's save waited for it)."""

from __future__ import annotations

import os

from tui.core.workspace import Workspace
from tui.desk import indexed


class CountingLock:
    def __init__(self) -> None:
        self.taken = 0
        self.held = False

    def __enter__(self) -> None:
        assert not self.held
        self.taken += 1
        self.held = True

    def __exit__(self, *exc) -> None:
        self.held = False


def test_an_edit_in_place_is_found_a_folder_at_a_time(demo_root):
    Workspace.open(demo_root, lazy=True).index.count_stories()  # the index built
    ws = Workspace.open(demo_root, lazy=True)
    ws.index.count_stories()
    path = sorted((demo_root / "articles").glob("*/*.toml"))[0]
    aid = path.stem
    assert ws.index.article(aid).triage.read is False
    folder = path.parent
    before = folder.stat().st_mtime_ns
    text = path.read_text(encoding="utf-8")
    assert "read = false" in text
    with path.open("w", encoding="utf-8") as f:  # in place: the folder's time is kept
        f.write(text.replace("read = false", "read = true"))
    os.utime(folder, ns=(before, before))
    lock = CountingLock()
    changed, damaged = indexed.look_over(ws, lock)
    assert (changed, damaged) == (1, [])
    assert ws.index.article(aid).triage.read is True
    folders = len([p for p in (demo_root / "articles").iterdir() if p.is_dir()])
    assert lock.taken == folders + 2  # each folder, the story states, the problems
    assert indexed.look_over(ws, CountingLock()) == (0, [])  # nothing more the next time
