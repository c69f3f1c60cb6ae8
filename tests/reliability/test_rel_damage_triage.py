"""A triage change to an article whose file was damaged since it was read (a bad hand edit)
fails naming the file and line, writes nothing over it and leaves the held copy as it was; a
failed write leaves the held copy as it was too."""

from __future__ import annotations

import pytest

from tui.core.workspace import Workspace, WorkspaceError
from tui.core.workspace.paths import article_path


@pytest.mark.parametrize("lazy", [False, True])
def test_a_damaged_file_is_not_written_over(make_ws, lazy):
    root, ids = make_ws(2)
    ws = Workspace.open(root, lazy=lazy)
    held = ws.get(ids[0])
    path = article_path(root, ids[0])
    damaged = path.read_text(encoding="utf-8") + 'title = "unclosed\n'
    path.write_text(damaged, encoding="utf-8")
    with pytest.raises(WorkspaceError, match=rf"articles/{ids[0][:2]}/{ids[0]}\.toml: line"):
        ws.update_triage(ids[0], starred=True, add_tags=["x"])
    assert path.read_text(encoding="utf-8") == damaged  # the hand edit is still there to fix
    assert not held.triage.starred and "x" not in held.triage.tags
    assert ws.update_triage(ids[1], starred=True).triage.starred  # the others still save


def test_a_failed_write_leaves_the_held_article_unchanged(make_ws, monkeypatch):
    root, ids = make_ws(1)
    ws = Workspace.open(root)
    held = ws.get(ids[0])

    def refuse(*_args, **_kw):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("tui.core.workspace.store.write_atomic", refuse)
    with pytest.raises(OSError):
        ws.update_triage(ids[0], starred=True, add_tags=["x"], note="mine")
    kept = ws.get(ids[0])
    assert not kept.triage.starred and kept.triage.tags == [] and not kept.triage.note
    assert not held.triage.starred and held.triage.tags == [] and not held.triage.note
    monkeypatch.undo()
    saved = ws.update_triage(ids[0], starred=True)
    assert saved.triage.starred and ws.get(ids[0]).triage.starred
    assert Workspace.open(root).get(ids[0]).triage.starred
