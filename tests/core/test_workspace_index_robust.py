"""What keeps #16's promises at a million articles: a grouping cache that cannot be saved is
named, the typo words' log stays bounded, the look over the article files is tied to its
index and stats a folder once, and a rebuild of the grouping cache says what it costs."""

from __future__ import annotations

import logging
import os
import sqlite3

import pytest

from tests.desk.synthetic import workspace_fixtures
from tests.helpers.news_records import rec
from tui.core.model import RawDocument
from tui.core.query import parse_filter
from tui.core.workspace import (
    Workspace,
    grouper_base,
    grouping,
    index_look,
    index_sync,
    index_vocab,
    reindex,
)
from tui.core.workspace.paths import CACHE
from tui.desk import indexed
from tui.desk.select import select


def _ingested(root, n: int = 6) -> None:
    Workspace.open(root).ingest([rec(k, k % 3) for k in range(n)])


class _NoRename:
    """``os`` whose rename fails (as on a full disk), for ``grouper_base`` alone."""

    def __getattr__(self, name):
        return getattr(os, name)

    @staticmethod
    def replace(*_a):
        raise OSError(28, "No space left on device")


@pytest.mark.parametrize("where", ["rows", "rename"])
def test_a_base_that_cannot_be_saved_is_named(tmp_path, monkeypatch, caplog, where):
    root = tmp_path / "ws"
    _ingested(root)
    assert (root / CACHE / grouper_base.NAME).exists()
    monkeypatch.setattr(grouping, "DELTA_MAX", 0)  # every ingest saves the base

    def full(*_a, **_k):
        raise sqlite3.OperationalError("database or disk is full")

    if where == "rows":
        monkeypatch.setattr(grouper_base, "_save_rows", full)
    else:
        monkeypatch.setattr(grouper_base, "os", _NoRename())
    with caplog.at_level(logging.WARNING):
        Workspace.open(root, lazy=True).ingest([rec(40, 1)])
    assert not (root / CACHE / grouper_base.NAME).exists()  # no stale base is left
    said = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert any(grouper_base.NAME in m and "could not be saved" in m for m in said), said
    assert not list((root / CACHE).glob(f".{grouper_base.NAME}.*.tmp"))
    monkeypatch.undo()
    Workspace.open(root, lazy=True).ingest([rec(41, 2)])  # rebuilt, saved again
    assert grouping.base_layers(root)[0] is not None


# ---- the typo words' log stays short -------------------------------------------------------
root_template, root = workspace_fixtures(30, "root")


def _log_rows(root) -> int:
    db = Workspace.open(root, lazy=True).index.idx.db
    return db.execute("SELECT count(*) FROM vocab_log").fetchone()[0]


def _walked(idx) -> list[str]:
    idx.db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.v USING fts5vocab(main, search, row)")
    return [t for (t,) in idx.db.execute("SELECT term FROM temp.v") if len(t) >= 3]


def _words(root, monkeypatch) -> tuple[list[str], int]:
    """The typo words (as a search reads them) and whether the index was walked for them."""
    idx = Workspace.open(root, lazy=True).index.idx
    walks: list[str] = []
    real = idx.db

    class Spy:
        in_transaction = False

        def execute(self, sql, *args):
            walks.extend(["walk"] if "fts5vocab(main" in sql else [])
            return real.execute(sql, *args)

    monkeypatch.setattr(idx, "db", Spy())
    found = index_vocab.words(idx)
    monkeypatch.setattr(idx, "db", real)
    return found, len(walks)


def _stars(root, n: int) -> None:
    ws = Workspace.open(root, lazy=True)
    ids = select(ws, parse_filter("")).article_ids()
    for k in range(n):
        Workspace.open(root, lazy=True).update_triage(ids[k % len(ids)], starred=k % 2 == 0)


def _ingest_one(root, origin: str, title: str, content: str) -> None:
    doc = RawDocument(origin=origin, kind="record", hints={"title": title}, content=content)
    Workspace.open(root).ingest([doc])


def test_the_log_is_trimmed_by_writers_and_never_loses_a_word(root, monkeypatch):
    monkeypatch.setattr(index_vocab, "MOST_LOGGED", 4)
    monkeypatch.setattr(index_vocab, "TRIM_AT", 8)
    _words(root, monkeypatch)  # the file, at the log's end
    for _ in range(5):
        _stars(root, 7)
        assert _log_rows(root) < 8 + 1  # bounded (a write of one row each)
        found, walks = _words(root, monkeypatch)
        assert walks == 0  # the file was caught up from what the log kept
    _ingest_one(root, "new:robust", "Kites", "Kiteflyers met at the esplanade despite the gale.")
    _stars(root, 20)  # the file falls behind the trimmed rows: walked, not short of a word
    found, walks = _words(root, monkeypatch)
    idx = Workspace.open(root, lazy=True).index.idx
    assert walks == 1 and found == _walked(idx) and "kiteflyers" in found
    db = idx.db
    assert index_vocab.floor_of(db) > 0


def test_doctor_folds_the_log_into_the_words(root, monkeypatch):
    _words(root, monkeypatch)
    _stars(root, 6)
    _ingest_one(root, "new:fold", "Looms", "Weavers restored the looms of the old mill.")
    assert _log_rows(root) >= 7
    line = reindex.doctor(root)
    assert "typo words log folded in" in line, line
    assert _log_rows(root) == 0
    found, walks = _words(root, monkeypatch)
    assert walks == 0 and "weavers" in found
    assert set(found) >= set(_walked(Workspace.open(root, lazy=True).index.idx))


# ---- the look over every article file --------------------------------------------------------
def _in_place(path, old: str, new: str) -> None:
    """Write ``path`` in place (no rename), its folder's time put back as it was."""
    before = path.parent.stat().st_mtime_ns
    text = path.read_text(encoding="utf-8")
    assert old in text
    with path.open("w", encoding="utf-8") as f:
        f.write(text.replace(old, new))
    os.utime(path.parent, ns=(before, before))


def test_a_first_look_stats_each_folder_once(root, monkeypatch):
    Workspace.open(root, lazy=True).index.count_stories()
    ws = Workspace.open(root, lazy=True)
    ws.index.count_stories()
    looks: list[str] = []
    again: list[str] = []
    real = index_look.folder_look
    monkeypatch.setattr(
        index_look,
        "folder_look",
        lambda folder, sigs=False: looks.append(folder.name) or real(folder, sigs),
    )
    monkeypatch.setattr(index_sync, "file_sigs", lambda folder: again.append(folder.name) or {})
    path = sorted((root / "articles").glob("*/*.toml"))[0]
    _in_place(path, "read = false", "read = true")
    assert indexed.look_over(ws) == (1, [])  # no record: every folder compared, from one stat
    assert again == [] and sorted(looks) == sorted(p.name for p in (root / "articles").iterdir())
    assert ws.index.article(path.stem).triage.read is True
    looks.clear()
    assert indexed.look_over(ws) == (0, [])
    assert len(looks) == len(set(looks)) > 0


def test_a_look_over_record_holds_for_its_own_index_only(root, tmp_path):
    Workspace.open(root, lazy=True).index.count_stories()
    ws = Workspace.open(root, lazy=True)
    ws.index.count_stories()
    assert indexed.look_over(ws) == (0, [])
    index = root / CACHE / "index.sqlite"
    older = tmp_path / "older.sqlite"
    with sqlite3.connect(index) as src, sqlite3.connect(older) as dst:
        src.backup(dst)  # the index as the look left it
    path = sorted((root / "articles").glob("*/*.toml"))[-1]
    _in_place(path, "starred = false", "starred = true ")  # same size: its time tells
    assert indexed.look_over(ws) == (1, [])
    assert ws.index.article(path.stem).triage.starred is True
    with sqlite3.connect(older) as src, sqlite3.connect(index) as dst:
        src.backup(dst)  # put back: it does not know the edit, the files are as looked at
    ws = Workspace.open(root, lazy=True)
    assert ws.index.article(path.stem).triage.starred is False
    assert indexed.look_over(ws) == (1, [])  # every folder compared again: found
    assert ws.index.article(path.stem).triage.starred is True
    assert indexed.look_over(ws) == (0, [])


# ---- a rebuild of the grouping cache says what it costs -------------------------------------
def test_a_rebuild_from_every_article_is_said_first(tmp_path, monkeypatch, caplog):
    from tui.core.workspace import grouping_check

    root = tmp_path / "ws"
    _ingested(root, 8)
    grouper_base.remove(root)
    monkeypatch.setattr(grouping_check, "REBUILD_SAID", 5)
    with caplog.at_level(logging.WARNING):
        g = grouping.grouper(Workspace.open(root, lazy=True))
    said = " ".join(r.getMessage() for r in caplog.records)
    assert "rebuilt" in said and "8 articles" in said, said
    assert len(g.book.docs) == 8
    Workspace.open(root, lazy=True).ingest([rec(30, 1)])  # (rebuilt again), saved
    caplog.clear()
    with caplog.at_level(logging.WARNING):  # the next command reads it: nothing to say
        grouping.grouper(Workspace.open(root, lazy=True))
    assert "rebuilt" not in " ".join(r.getMessage() for r in caplog.records)
    assert grouping_check.rebuild_cost(1_000_000).endswith("about 17 minutes")
