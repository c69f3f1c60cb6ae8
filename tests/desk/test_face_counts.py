"""The index's story faces after a write that changed only triage (issue 16): the writer
moved the story's counts by the difference instead of rebuilding its face from every article
(35 ms of CPU for a star in a story of 2,464 articles, with the index held meanwhile). The
faces must stay what a rebuild from the articles' rows gives, whatever the writes (no
Textual)."""

from __future__ import annotations

import shutil

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.workspace import Workspace, index_faces, index_sync
from tui.core.workspace.faces import face
from tui.core.workspace.index_rows import ARTICLE_COLS, article_of, article_row, story_row
from tui.core.workspace.records import StoryState


def lazy(root):
    Workspace.open(root, lazy=True).index.count_stories()  # (builds the index, read whole)
    ws = Workspace.open(root, lazy=True)
    ws.index.count_stories()
    assert not ws.loaded
    return ws


def stored_and_rebuilt(ws) -> tuple[dict, dict]:
    """The faces the index holds, and the faces its articles' rows give."""
    idx = index_sync.current(ws)
    with idx.guard:
        db = idx.db
        stored = {r[0]: tuple(r) for r in db.execute("SELECT * FROM stories")}
        rebuilt = {}
        for (sid,) in db.execute("SELECT DISTINCT coalesce(story, id) FROM articles"):
            rows = db.execute(
                "SELECT * FROM articles WHERE coalesce(story, id) = ?", (sid,)
            ).fetchall()
            s = db.execute("SELECT archived, title FROM states WHERE id=?", (sid,)).fetchone()
            state = StoryState(id=sid, archived=bool(s[0]), title=s[1]) if s else None
            rebuilt[sid] = story_row(face(sid, [article_of(r[1:]) for r in rows], state))
    return stored, rebuilt


OPS = st.sampled_from(
    ["star", "unstar", "read", "unread", "tag", "untag", "note", "unnote", "title"]
)


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(writes=st.lists(st.tuples(st.integers(0, 60), OPS), min_size=1, max_size=15))
def test_faces_after_any_writes_are_what_their_articles_give(
    demo_template, tmp_path_factory, writes
):
    root = tmp_path_factory.mktemp("ws") / "ws"
    shutil.copytree(demo_template, root)
    ws = lazy(root)
    ids = sorted(a for s in ws.index.stories(archived=True) for a in s.article_ids)
    for k, op in writes:
        aid = ids[k % len(ids)]
        if op == "title":  # a change a face reads: rebuilt
            a = ws.get(aid)
            a.meta["title"] = f"Another title {k}"
            with ws:
                ws.write_article(a)
            continue
        change = {
            "star": {"starred": True},
            "unstar": {"starred": False},
            "read": {"read": True},
            "unread": {"read": False},
            "tag": {"add_tags": ["x"]},
            "untag": {"remove_tags": ["x"]},
            "note": {"note": "a note"},
            "unnote": {"note": ""},
        }[op]
        ws.update_triage(aid, **change)
    stored, rebuilt = stored_and_rebuilt(ws)
    assert stored == rebuilt


def test_a_star_moves_its_story_counts_without_rebuilding_its_face(demo_root, monkeypatch):
    ws = lazy(demo_root)
    story = ws.index.stories()[0]
    assert len(story.article_ids) >= 3
    rebuilt: list[set] = []
    real = index_sync.refresh_faces
    monkeypatch.setattr(
        index_sync, "refresh_faces", lambda db, ids: rebuilt.append(set(ids)) or real(db, ids)
    )
    ws.update_triage(story.article_ids[1], starred=True, read=True)
    ws.update_triage(story.article_ids[2], add_tags=["kept"], note="why")
    assert rebuilt == [set(), set()]  # no face rebuilt from its articles
    after = ws.index.story(story.id)
    assert (after.starred, after.unread) == (story.starred + 1, story.unread - 1)
    a = ws.get(story.article_ids[1])
    a.meta["title"] = "A title of its own"
    with ws:
        ws.write_article(a)
    assert rebuilt[-1] == {story.id}  # a title: the face is rebuilt
    stored, again = stored_and_rebuilt(ws)
    assert stored == again


def test_what_a_face_reads_is_compared_column_by_column():
    from tui.core.model import Article, Version

    a = Article(
        "a1",
        "u:1",
        "record",
        {"title": "T", "date": "2021-01-02"},
        [Version("h", "2021-01-02T00:00:00Z", "raw/a1", "texts/a1")],
    )
    old = article_row(a, (1, 2))
    a.triage.starred, a.triage.read, a.triage.tags = True, True, ["t"]
    assert index_faces.triage_change(old, article_row(a, (3, 4))) == (-1, 1)
    assert index_faces.triage_change(None, old) is None  # a new row: rebuilt
    for col in sorted(set(ARTICLE_COLS) - index_faces.TRIAGE_COLS):
        k = ARTICLE_COLS.index(col)
        changed = (*old[:k], "something else", *old[k + 1 :])
        assert index_faces.triage_change(old, changed) is None, col
