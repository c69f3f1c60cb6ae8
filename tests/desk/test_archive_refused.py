"""An archive the workspace refuses (a damaged story file) changes nothing: refused before
any change when the workspace's known problems name the file (no file read on the UI thread),
and taken back (the face, the undo step) when the writer thread finds the damage."""

from __future__ import annotations

import pytest

from tests.core.test_workspace_story_files import _damage, _made
from tui.core.workspace import Workspace, WorkspaceError
from tui.core.workspace.paths import STORIES
from tui.desk import Desk
from tui.desk.steps import Step


def _two(root) -> tuple[str, str]:
    """Two stories, neither archived."""
    sid = _made(root)
    ws = Workspace.open(root)
    other = next(s.id for s in ws.stories() if s.id != sid)
    ws.set_story_state(sid, archived=False)
    return sid, other


def test_a_story_file_known_damaged_is_refused_before_anything_changes(tmp_path, monkeypatch):
    root = tmp_path / "ws"
    sid, other = _two(root)
    text = _damage(root, sid)
    desk = Desk(Workspace.open(root, lazy=True))
    desk.look_over()  # (what the app does beside its first screen: the damage is known)
    desk.select(None)
    faces = [desk.face(sid), desk.face(other)]
    reads = []
    monkeypatch.setattr(  # (the refusal reads no file: the UI thread calls it)
        "tui.core.workspace.story_files.read", lambda *a: reads.append(a) or (None, None)
    )
    with pytest.raises(WorkspaceError, match=rf"{STORIES}/{sid}.toml: line 3: .*not overwritten"):
        desk.archive([other, sid])
    assert reads == []
    assert [f.archived for f in faces] == [False, False]
    assert desk.writer.history == [] and desk.writer.pending == 0
    assert (root / STORIES / f"{sid}.toml").read_text(encoding="utf-8") == text


def test_a_refusal_the_writer_finds_takes_back_that_story_only(tmp_path):
    root = tmp_path / "ws"
    sid, other = _two(root)
    said = []
    desk = Desk(Workspace.open(root, lazy=True), on_error=lambda label, e: said.append(str(e)))
    desk.select(None)
    path = root / STORIES / f"{sid}.toml"
    text = f'id = "{sid}"\ntitle = "x\n'
    path.write_text(text, encoding="utf-8")  # damaged in place since the app last looked
    assert desk.ws.problems == []
    assert desk.archive([sid, other]) == (True, 2)
    desk.writer.save_now()
    assert len(said) == 1 and f"{STORIES}/{sid}.toml: line 2" in said[0]
    assert desk.face(sid).archived is False  # taken back
    assert desk.face(other).archived is True  # saved
    assert desk.writer.history == [Step("archived", stories=((other, False),))]
    assert desk.undo() is not None  # undoes the other story only: no second refusal
    desk.writer.save_now()
    assert len(said) == 1 and desk.writer.history == []
    assert desk.face(other).archived is False
    assert not Workspace.open(root, lazy=True).index.story(other).archived
    assert path.read_text(encoding="utf-8") == text


def test_a_step_of_one_refused_story_goes(tmp_path):
    root = tmp_path / "ws"
    sid, _other = _two(root)
    desk = Desk(Workspace.open(root, lazy=True))
    desk.select(None)
    (root / STORIES / f"{sid}.toml").write_text(f'id = "{sid}"\ntitle = "x\n', encoding="utf-8")
    desk.archive([sid])
    desk.writer.save_now()
    assert desk.writer.history == [] and desk.face(sid).archived is False
    assert desk.undo() is None
