"""The keys' short reads on a read-only connection of their own (``Queries.point``, issue 16,
review of session 28): the index removed or replaced by another process must not make a key
fail or create an empty index file, and the connections are closed with the index (no
Textual)."""

from __future__ import annotations

from pathlib import Path

from tests.desk.test_face_counts import lazy
from tui.core.workspace import index as ix
from tui.core.workspace import index_list as lists
from tui.core.workspace import index_sync

SQL = "SELECT unread, starred FROM stories WHERE id = ?"


def test_a_read_of_a_removed_index_creates_no_file_and_is_answered(demo_root):
    ws = lazy(demo_root)
    q = ws.index
    sid = q.stories()[0].id
    want = q.point(SQL, (sid,))
    assert want and "point" in q._own.held
    idx = ws.index_db
    q.close()
    assert q._own.held == {}
    path = Path(ix.path_of(demo_root))
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        p.unlink(missing_ok=True)  # another process's reindex, between the look and the open
    assert q._read_own("point", idx, SQL, (sid,)) == want  # the shared connection answers
    assert not path.exists()  # a read-only open never creates the file
    assert "point" not in q._own.held


def test_an_error_in_the_read_is_answered_by_the_shared_connection(demo_root):
    ws = lazy(demo_root)
    q = ws.index
    story = q.stories()[0]
    want = lists.counts_of(q, story.id, story.article_ids[:1])
    broken = q._own.held["point"][1]
    broken.close()  # fails its next statement (sqlite3.ProgrammingError)
    assert lists.counts_of(q, story.id, story.article_ids[:1]) == want
    assert "point" not in q._own.held  # dropped: the next read opens a new one
    assert lists.counts_of(q, story.id, story.article_ids[:1]) == want
    assert q._own.held["point"][1] is not broken


def test_the_own_connections_close_with_the_index(demo_root):
    ws = lazy(demo_root)
    q = ws.index
    sid = q.stories()[0].id
    q.point(SQL, (sid,))
    q._scan(SQL, (sid,))
    held = [c for _, c, _ in q._own.held.values()]
    assert len(held) == 2
    index_sync.drop(ws)  # as after a failed write
    assert q._own.held == {}
    for db in held:  # closed: a statement on them fails
        try:
            db.execute("SELECT 1")
        except Exception as e:
            assert "closed" in str(e)
        else:
            raise AssertionError("a connection of the queries was left open")
    assert q.point(SQL, (sid,))  # the index is rebuilt and read again
