"""A bulk run, then reads and writes: the grouping cache it saved stays valid.

A bulk run of many articles forgets its records (no records cache) and writes one journal
line per article, so the journal is started again at the first write after it. Before, that
write made the journal unable to tell what changed since the grouping cache was saved, and the
next ingest grouped every article again (an hour at a million).
"""

from __future__ import annotations

import os

import pytest

from tests.core.test_workspace_bulk_stream import write_dump
from tui.core.ingest import stream
from tui.core.workspace import Workspace, bulk, grouping, grouping_check, journal


@pytest.fixture
def run(tmp_path, monkeypatch):
    """A workspace of 23 articles ingested in chunks of 10 that forgot its records."""
    monkeypatch.setattr(bulk, "CHUNK", 10)
    monkeypatch.setattr(bulk, "HELD_MAX", 5)
    monkeypatch.setattr(journal, "ROTATE_AT", 200)  # every chunk's lines start it again
    dump = tmp_path / "dump.jsonl"
    write_dump(dump)
    ws = Workspace.open(tmp_path / "ws", lazy=True)
    got, docs = stream([str(dump)])
    ws.ingest(docs, failures=got.failures)
    assert not (ws.root / ".cache" / "articles.pickle").exists()  # forgotten: no records cache
    return ws.root


def _layer(root):
    base, delta = grouping.base_layers(root)
    return delta or base


def _load(root, monkeypatch, *, by_times: bool):
    """The grouper of a lazy open; fails if it groups articles again, or (``by_times``
    False) if the journal could not tell and the files' times were asked."""
    replayed = []
    real = grouping.replay
    monkeypatch.setattr(grouping, "replay", lambda ws, g, ids: replayed.append(len(ids))
                        or real(ws, g, ids))
    asked = []
    real_check = grouping_check.changed_since
    monkeypatch.setattr(grouping_check, "changed_since",
                        lambda *a: asked.append(1) or real_check(*a))
    ws = Workspace.open(root, lazy=True)
    with ws:
        g = grouping.grouper(ws)
    monkeypatch.setattr(grouping, "replay", real)
    monkeypatch.setattr(grouping_check, "changed_since", real_check)
    assert bool(asked) == by_times
    return g, replayed


def test_a_read_and_writes_after_a_bulk_run_keep_its_grouping_cache(run, monkeypatch):
    full = Workspace.open(run)  # the first full read: every file read again, none changed
    assert full.records.noticed == set()  # the index knew every file: none named
    ids = sorted(full.by_id)
    for aid in ids[:3]:
        full.update_triage(aid, starred=True)  # the journal is started again (kept as .1)
    text = (run / ".cache" / "journal").read_text()
    assert "*" not in text.split("\n", 1)[1]  # nothing says "everything changed"
    keys, _ = journal.read_since(run, _layer(run)["mark"])
    assert keys is not None and {f"a:{a}" for a in ids[:3]} <= keys
    g, replayed = _load(run, monkeypatch, by_times=False)
    assert replayed == [0] and len(g.book.docs) == len(ids)


def _lose_journal(root) -> None:
    for name in ("journal", "journal.1"):
        (root / ".cache" / name).unlink(missing_ok=True)


def test_a_lost_journal_is_made_up_for_by_the_files_times(run, monkeypatch):
    ws = Workspace.open(run)
    ws.update_triage(sorted(ws.by_id)[0], starred=True)
    _lose_journal(run)
    g, replayed = _load(run, monkeypatch, by_times=True)
    assert replayed == [0] and len(g.book.docs) == 23
    # matched that way, the cache was told the journal's mark: the next load reads it
    g, replayed = _load(run, monkeypatch, by_times=False)
    assert replayed == [0]


def test_a_file_changed_or_removed_with_the_journal_lost_is_not_missed(run, monkeypatch):
    ws = Workspace.open(run)
    a = sorted(ws.by_id.values(), key=lambda a: a.id)[0]
    other = next(b for b in ws.by_id.values() if b.story != a.story)
    path = run / "articles" / a.id[:2] / f"{a.id}.toml"
    text = path.read_text()
    assert f'story = "{a.story}"' in text
    path.write_text(text.replace(f'story = "{a.story}"', f'story = "{other.story}"'))
    os.utime(path, ns=(1, 1))  # its time set back: its status change time still shows it
    _lose_journal(run)
    _, replayed = _load(run, monkeypatch, by_times=True)
    assert replayed == [0, 23]  # the cache did not match: grouped again from the files
    b = sorted(ws.by_id)[-1]
    (run / "articles" / b[:2] / f"{b}.toml").unlink()
    _lose_journal(run)
    _, replayed = _load(run, monkeypatch, by_times=True)
    assert replayed == [0, 22]
