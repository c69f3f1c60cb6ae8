"""The look over every article file beside the first screen (``tui.desk.indexed.look_over``,
no Textual): an edit made in place (its folder's time unchanged) is found and put in the index,
and the locks are taken a folder at a time (at 1,000,000 articles the whole look took 15 s,
and a star's save waited for it)."""

from __future__ import annotations

import os

from tui.core.workspace import Workspace, index_sync
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


def edit_in_place(path, old: str, new: str) -> None:
    """Write ``path`` in place (no rename), its folder's time put back as it was."""
    folder = path.parent
    before = folder.stat().st_mtime_ns
    text = path.read_text(encoding="utf-8")
    assert old in text
    with path.open("w", encoding="utf-8") as f:
        f.write(text.replace(old, new))
    os.utime(folder, ns=(before, before))


def test_a_folder_unchanged_since_the_last_look_is_not_compared_again(demo_root, monkeypatch):
    """Each folder's files are remembered as a digest (``.cache/look-over.json``): the next
    look stats them but compares with the index only the folders whose files changed; an edit
    in place there is still found."""
    Workspace.open(demo_root, lazy=True).index.count_stories()
    ws = Workspace.open(demo_root, lazy=True)
    ws.index.count_stories()
    assert indexed.look_over(ws) == (0, [])  # the first look: every folder compared
    assert (demo_root / ".cache" / indexed.LOOKED).exists()
    compared: list[str] = []
    real = index_sync.rescan

    def spy(ws, folders=None, stats=None):
        compared.extend(folders or ["(all)"])
        return real(ws, folders, stats)

    monkeypatch.setattr(index_sync, "rescan", spy)
    assert indexed.look_over(ws) == (0, [])
    assert compared == [index_sync.STATES]  # no article folder
    paths = sorted((demo_root / "articles").glob("*/*.toml"))
    path = paths[-1]
    assert ws.index.article(path.stem).triage.starred is False
    size = path.stat().st_size
    edit_in_place(path, "starred = false", "starred = true ")  # the same size: its time tells
    assert path.stat().st_size == size
    compared.clear()
    assert indexed.look_over(ws) == (1, [])
    assert compared == [path.parent.name, index_sync.STATES]
    assert ws.index.article(path.stem).triage.starred is True
    compared.clear()
    (demo_root / ".cache" / indexed.LOOKED).write_text("{not json", encoding="utf-8")
    edit_in_place(paths[0], "read = false", "read = true")
    assert indexed.look_over(ws) == (1, [])  # a damaged record: every folder compared
    assert len(compared) == len({p.parent.name for p in paths}) + 1


def test_a_file_damaged_in_place_is_named_once_then_kept_named(demo_root):
    Workspace.open(demo_root, lazy=True).index.count_stories()
    ws = Workspace.open(demo_root, lazy=True)
    ws.index.count_stories()
    assert indexed.look_over(ws) == (0, [])
    path = sorted((demo_root / "articles").glob("*/*.toml"))[1]
    edit_in_place(path, "[[versions]]", "[[versions")  # no longer TOML
    changed, damaged = indexed.look_over(ws)
    assert changed == 1 and len(damaged) == 1 and path.name in damaged[0]
    assert indexed.look_over(ws) == (0, [])  # known by now (not new)...
    assert any(path.name in p for p in ws.problems)  # ...and still named


def test_a_file_written_after_the_look_stat_its_folder_is_not_taken_for_gone(demo_root):
    from tui.core.workspace import index_look

    ws = Workspace.open(demo_root, lazy=True)
    ws.index.count_stories()  # the index built
    path = sorted((demo_root / "articles").glob("*/*.toml"))[0]
    _, sigs = index_look.folder_look(path.parent, sigs=True)
    stale = {aid: sig for aid, sig in sigs.items() if aid != path.stem}  # as if written later
    with ws:
        found = index_sync.rescan(ws, [path.parent.name], {path.parent.name: stale})
    assert found["gone"] == 0
    assert ws.index.article(path.stem) is not None
