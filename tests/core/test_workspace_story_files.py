"""A story file (``stories/<id>.toml``) that does not parse is named, keeps the state the
index last read, and is never written over by a save of that story's state."""

from __future__ import annotations

import os

import pytest

from tests.helpers.news_records import rec
from tui.core.workspace import Workspace, WorkspaceError, index_sync, story_files
from tui.core.workspace.paths import STORIES
from tui.desk import Desk

DAMAGED = 'archived = true\ntitle = "Harbour\n'  # (the id line goes first)


def _made(root):
    ws = Workspace.open(root)
    ws.ingest([rec(k, k % 2) for k in range(4)])
    sid = ws.stories()[0].id
    ws.set_story_state(sid, archived=True, title="Harbour talks")
    index_sync.rebuild(ws)  # the index holds the state
    return sid


def _damage(root, sid) -> str:
    """Replace the story's file by a damaged one (as an editor saves: the folder's time moves)."""
    path = root / STORIES / f"{sid}.toml"
    text = f'id = "{sid}"\n{DAMAGED}'
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
    st = (root / STORIES).stat()  # (a coarse clock: the folder's time must differ)
    os.utime(root / STORIES, ns=(st.st_atime_ns, st.st_mtime_ns + 10_000_000))
    return text


def test_the_index_keeps_the_state_of_a_damaged_story_file_and_names_it(tmp_path):
    root = tmp_path / "ws"
    sid = _made(root)
    _damage(root, sid)
    ws = Workspace.open(root, lazy=True)
    face = ws.index.story(sid)  # a query catches the index up with the stories folder
    assert face is not None and face.archived and face.title == "Harbour talks"
    assert [p for p in ws.problems if p.startswith(f"{STORIES}/{sid}.toml: line 3: ")], ws.problems
    again = Workspace.open(root, lazy=True)  # a later command is told too (the index says)
    assert any(p.startswith(f"{STORIES}/{sid}.toml") for p in again.problems)


def test_a_full_read_shows_the_state_last_read_and_names_the_file(tmp_path):
    root = tmp_path / "ws"
    sid = _made(root)
    _damage(root, sid)
    Workspace.open(root, lazy=True).index.story(sid)  # (the index sees the damage first)
    ws = Workspace.open(root)  # read whole
    face = next(s for s in ws.stories() if s.id == sid)
    assert face.archived and face.title == "Harbour talks"
    assert f"{STORIES}/{sid}.toml: line 3: Illegal character '\\n'" in "\n".join(ws.problems)


@pytest.mark.parametrize("lazy", [True, False])
def test_a_damaged_story_file_is_not_written_over(tmp_path, lazy):
    root = tmp_path / "ws"
    sid = _made(root)
    text = _damage(root, sid)
    ws = Workspace.open(root, lazy=lazy)
    with pytest.raises(WorkspaceError, match=rf"{STORIES}/{sid}.toml: line 3: .*not overwritten"):
        ws.set_story_state(sid, archived=False)
    assert (root / STORIES / f"{sid}.toml").read_text(encoding="utf-8") == text
    (root / STORIES / f"{sid}.toml").write_text(f'id = "{sid}"\nmine = 1\n', encoding="utf-8")
    ws.set_story_state(sid, archived=False)  # repaired by hand: saved again, own keys kept
    assert "mine = 1" in (root / STORIES / f"{sid}.toml").read_text(encoding="utf-8")


def test_a_file_of_another_story_is_not_written_over(tmp_path):
    root = tmp_path / "ws"
    sid = _made(root)
    path = root / STORIES / f"{sid}.toml"
    path.write_text('id = "0123456789ab"\narchived = true\n', encoding="utf-8")
    with pytest.raises(WorkspaceError, match="does not match the file name"):
        Workspace.open(root, lazy=True).set_story_state(sid, title="x")
    assert path.read_text(encoding="utf-8") == 'id = "0123456789ab"\narchived = true\n'


def test_the_app_is_told_of_a_damaged_story_file_and_of_a_refused_archive(tmp_path):
    root = tmp_path / "ws"
    sid = _made(root)
    text = _damage(root, sid)
    said = []
    desk = Desk(Workspace.open(root, lazy=True), on_error=lambda label, e: said.append(str(e)))
    desk.start()
    try:
        _changed, damaged = desk.look_over()  # what the app does beside its first screen
        assert any(p.startswith(f"{STORIES}/{sid}.toml: line 3") for p in damaged), damaged
        desk.writer.archive("brought back", [desk.ws.index.story(sid)], False)
        assert desk.wait_saved(15)
    finally:
        desk.stop()
    assert said and "not overwritten" in said[0] and f"{STORIES}/{sid}.toml" in said[0]
    assert (root / STORIES / f"{sid}.toml").read_text(encoding="utf-8") == text


def _names(ws, sid) -> list[str]:
    return [p for p in ws.problems if p.startswith(f"{STORIES}/{sid}.toml")]


def test_a_file_fixed_in_place_is_no_longer_named_once_wiredesk_saved_it(tmp_path):
    root = tmp_path / "ws"
    sid = _made(root)
    _damage(root, sid)
    ws = Workspace.open(root, lazy=True)
    ws.index.story(sid)
    assert _names(ws, sid)
    path = root / STORIES / f"{sid}.toml"  # fixed in place (an editor, `>`): the folder time
    path.write_text(f'id = "{sid}"\narchived = true\ntitle = "Harbour talks"\n')  # stays
    ws.set_story_state(sid, archived=False)
    assert _names(ws, sid) == []
    later = Workspace.open(root, lazy=True)
    face = later.index.story(sid)
    assert face is not None and not face.archived and _names(later, sid) == []


def test_a_full_open_puts_story_files_changed_in_place_into_the_index(tmp_path):
    root = tmp_path / "ws"
    sid = _made(root)
    _damage(root, sid)
    Workspace.open(root, lazy=True).index.story(sid)  # the index names the damage
    path = root / STORIES / f"{sid}.toml"
    path.write_text(f'id = "{sid}"\ntitle = "Fixed"\n')  # in place: the folder time stays
    assert _names(Workspace.open(root), sid) == []  # a full open reads it ...
    later = Workspace.open(root, lazy=True)  # ... and corrects the index
    face = later.index.story(sid)
    assert face is not None and face.title == "Fixed" and not face.archived
    assert _names(later, sid) == []
    path.write_text(f'id = "{sid}"\ntitle = "Fixed\n')  # damaged in place: named from now on
    assert _names(Workspace.open(root), sid)
    assert _names(Workspace.open(root, lazy=True), sid)


def test_a_file_holding_another_storys_id_is_named_and_not_taken_for_it(tmp_path):
    root = tmp_path / "ws"
    sid = _made(root)
    other = next(s.id for s in Workspace.open(root).stories() if s.id != sid)
    copied = root / STORIES / f"{other}.toml"
    copied.write_text(f'# copied\nid = "{sid}"\ntitle = "copied"\n', encoding="utf-8")
    for ws in (Workspace.open(root), Workspace.open(root, lazy=True)):
        face = next(s for s in ws.stories() if s.id == sid)
        assert face.title == "Harbour talks" and face.archived  # its own file's state
        said = f"{STORIES}/{other}.toml: line 2: id '{sid}' does not match the file name"
        assert said in ws.problems, ws.problems
    lazy = Workspace.open(root, lazy=True)  # the index: the same
    face = lazy.index.story(sid)
    assert face is not None and face.title == "Harbour talks" and face.archived
    assert any(p.startswith(f"{STORIES}/{other}.toml: line 2: id") for p in lazy.problems)


def test_a_save_keeps_the_own_keys_of_the_file_it_checked(tmp_path, monkeypatch):
    """The file is read once for its state and its own keys: damaged between two reads, it
    would have been written with the state of the first and none of the person's keys."""
    root = tmp_path / "ws"
    sid = _made(root)
    path = root / STORIES / f"{sid}.toml"
    path.write_text(f'id = "{sid}"\nmine = 1\n', encoding="utf-8")
    real = story_files.current

    def then_damaged(*args):
        state = real(*args)
        path.write_text(f'id = "{sid}"\nmine = 1\ntitle = "x\n', encoding="utf-8")
        return state

    monkeypatch.setattr(story_files, "current", then_damaged)
    Workspace.open(root, lazy=True).set_story_state(sid, archived=True)
    assert "mine = 1" in path.read_text(encoding="utf-8")
