"""A grouping cache written by an older version is rebuilt once, also by a command that only
reads (``stories --explain``, the app's ``w``): the rebuilt cache is saved when no writer holds
the lock, so the next read does not rebuild it again; and the message says it is an upgrade."""

from __future__ import annotations

import logging

import pytest

from tui.core.group import model
from tui.core.model import RawDocument
from tui.core.workspace import Workspace, grouping
from tui.core.workspace.lock import WriterLock

TOPICS = [
    "Japan and Canada agreed on Tuesday to start talks on an intelligence pact in Tokyo.",
    "Wildfires forced thousands to flee their homes in northern California overnight.",
]


def rec(n: int) -> RawDocument:
    text = f"{TOPICS[n % 2]} Outlet{n} reported the news in article number {n}."
    return RawDocument(origin=f"u:{n}", content=text, kind="record",
                       hints={"title": TOPICS[n % 2][:40], "source": f"Outlet{n}"})


@pytest.fixture
def replays(monkeypatch):
    calls: list[int] = []
    original = grouping.replay

    def counted(ws, g, ids):
        calls.append(len(ids))
        return original(ws, g, ids)

    monkeypatch.setattr(grouping, "replay", counted)
    return calls


def old_workspace(tmp_path, monkeypatch):
    """A workspace whose grouping cache an older version wrote (its words version)."""
    root = tmp_path / "ws"
    monkeypatch.setattr(model, "WORDS_VERSION", 1)
    Workspace.open(root).ingest([rec(n) for n in range(8)])
    monkeypatch.setattr(model, "WORDS_VERSION", 2)
    return root


def explain_first(root) -> list[str]:
    ws = Workspace.open(root)
    return ws.explain(ws.articles()[0].id)


def test_a_read_command_saves_the_rebuilt_cache_once(tmp_path, monkeypatch, replays, caplog):
    root = old_workspace(tmp_path, monkeypatch)
    replays.clear()
    with caplog.at_level(logging.WARNING):
        said = explain_first(root)
    assert replays == [8]  # the older cache: every article placed again
    assert "older version" in caplog.text and "8 articles" in caplog.text
    assert "missing or unusable" not in caplog.text
    caplog.clear()
    replays.clear()
    with caplog.at_level(logging.WARNING):
        assert explain_first(root) == said  # read from the saved cache: the same reasons
    assert not any(replays) and "older version" not in caplog.text
    ws = Workspace.open(root)
    before = {a.id: a.story for a in ws.articles()}
    ws.ingest([rec(100)])  # and a writer takes the saved cache as it is
    assert all(n < 8 for n in replays)  # (not rebuilt: at most its delta replayed)
    assert {a.id: a.story for a in Workspace.open(root).articles() if a.id in before} == before


def test_the_rebuilt_cache_is_not_saved_while_a_writer_holds_the_lock(
        tmp_path, monkeypatch, replays):
    root = old_workspace(tmp_path, monkeypatch)
    replays.clear()
    other = WriterLock(root, timeout=0)  # another writer (as another process would)
    other.acquire()
    try:
        explain_first(root)
        explain_first(root)
    finally:
        other.release()
    assert replays == [8, 8]  # nothing saved under another writer's lock (and no wait)
    explain_first(root)
    replays.clear()
    explain_first(root)
    assert not any(replays)  # (a cached load replays its delta: none here)


def test_a_rebuild_is_not_saved_when_a_writer_changed_the_workspace_since(
        tmp_path, monkeypatch, replays):
    root = old_workspace(tmp_path, monkeypatch)
    replays.clear()
    ws = Workspace.open(root)
    aid = ws.articles()[0].id
    original = grouping.replay

    def then_another_writes(ws_, g, ids):  # another process ingests while this one rebuilds
        original(ws_, g, ids)
        if ws_ is ws:
            Workspace.open(root).ingest([rec(200)])

    monkeypatch.setattr(grouping, "replay", then_another_writes)
    ws.explain(aid)
    monkeypatch.setattr(grouping, "replay", original)
    now = Workspace.open(root)
    added = now.by_origin("u:200")
    assert added is not None
    assert added.id in grouping.grouper(now).book.docs  # not hidden by a stale cache
