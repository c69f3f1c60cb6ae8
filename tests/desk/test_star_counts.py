"""A story's counts after a triage key, at 1,000,000 articles (issue 16): the first star in a
story of 2,464 articles read every flag of the story (6-20 ms of CPU, the worst key). The
counts now come from the story's face in the index and the saved flags of the articles this
process changed (``index_list.counts_of``), read in one statement on a connection of their
own, so that they agree with each other and a key never waits behind the writer thread.

- ``counts_of`` agrees with every flag of the story, for any articles asked (in the story
  or not, known or not), and says None when it cannot answer;
- it reads the last commit beside a write in progress, without the shared connection;
- in the app, a star while the writer is between the file and the index, and while it holds
  the index's write, shows the right counts, and the key does not wait for the write.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.app.conftest import settle
from tests.desk.test_keys_lazy import lazy
from tui.core.workspace import Workspace, index_sync
from tui.core.workspace import index as ix
from tui.core.workspace import index_list as lists


def opened(root):
    """The workspace as the app opens it (a first open builds the index, read whole)."""
    Workspace.open(root, lazy=True).index.count_stories()
    ws = Workspace.open(root, lazy=True)
    ws.index.count_stories()
    assert not ws.loaded
    return ws


def from_flags(q, sid: str, aids: list[str]) -> tuple[int, int, dict]:
    flags = lists.flags_of(q, sid)
    return (
        sum(not r for r, _ in flags.values()),
        sum(s for _, s in flags.values()),
        {a: flags[a] for a in aids if a in flags},
    )


def test_counts_agree_with_every_flag_of_each_story(demo_root):
    ws = Workspace.open(demo_root)
    for k, a in enumerate(ws.articles()):  # some read, some starred, in several stories
        if k % 3 == 0:
            ws.update_triage(a.id, starred=True)
        if k % 2 == 0:
            ws.update_triage(a.id, read=True)
    ws = opened(demo_root)
    q = ws.index
    ids = [a for s in q.stories(archived=True) for a in s.article_ids]
    for story in q.stories(archived=True):
        asked = [*story.article_ids[::2], ids[0], ids[-1], "000000000000"]
        assert lists.counts_of(q, story.id, asked) == from_flags(q, story.id, asked)
    assert lists.counts_of(q, "000000000000", ids[:2]) is None  # no such story
    many = ids * (lists.COUNTS_ASKED // len(ids) + 1)
    assert len(set(many)) <= lists.COUNTS_ASKED < len(many)
    sid = q.stories()[0].id
    assert lists.counts_of(q, sid, many) == from_flags(q, sid, ids)  # each asked once


def test_counts_are_read_beside_a_write_without_the_shared_connection(demo_root):
    ws = opened(demo_root)
    q = ws.index
    story = q.stories()[0]
    aid = story.article_ids[0]
    before = lists.counts_of(q, story.id, [aid])
    assert before is not None and before[2][aid] == (False, False)

    class Refused:  # the shared connection's guard, held by the writer thread for a write
        def __enter__(self):
            raise AssertionError("a key's count waited for the shared connection")

        def __exit__(self, *exc):
            return False

    real_guard = ws.index_db.guard
    ws.index_db.guard = Refused()
    other = sqlite3.connect(ix.path_of(demo_root), isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # a write in progress: not seen until its commit
        other.execute("UPDATE articles SET starred = 1 WHERE id = ?", (aid,))
        other.execute("UPDATE stories SET starred = starred + 1 WHERE id = ?", (story.id,))
        assert lists.counts_of(q, story.id, [aid]) == before
        other.execute("COMMIT")
        after = lists.counts_of(q, story.id, [aid])
        assert after == (before[0], before[1] + 1, {aid: (False, True)})
    finally:
        other.close()
        ws.index_db.guard = real_guard


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    changes=st.lists(
        st.tuples(st.integers(0, 40), st.booleans(), st.booleans(), st.booleans()), max_size=12
    )
)
def test_recount_is_every_saved_flag_with_the_changes_in_memory(
    demo_template, tmp_path_factory, changes
):
    """Articles changed in memory, some of them saved (``save``) and some not: the counts
    are those of every saved flag with the changed articles as in memory."""
    import shutil

    from tui.desk.select import recount

    root = tmp_path_factory.mktemp("ws") / "ws"
    shutil.copytree(demo_template, root)
    ws = opened(root)
    story = ws.index.stories()[0]
    members = story.article_ids
    changed: set[str] = set()
    for k, read, starred, save in changes:
        aid = members[k % len(members)]
        a = ws.get(aid)
        a.triage.read, a.triage.starred = read, starred
        changed.add(aid)
        if save:
            with ws:
                ws.write_article(a)
    recount(ws, story, changed)
    flags = dict(lists.flags_of(ws.index, story.id))
    for aid in changed:
        t = ws.get(aid).triage
        flags[aid] = (t.read, t.starred)
    assert (story.unread, story.starred) == (
        sum(not r for r, _ in flags.values()),
        sum(s for _, s in flags.values()),
    )


async def test_a_star_while_the_writer_saves_shows_the_right_counts(make, demo_root, monkeypatch):
    inside, go = threading.Event(), threading.Event()
    waited: list[bool] = []
    real = index_sync.refresh_faces

    def held_write(db, story_ids):  # the writer inside the index's write, faces rebuilt
        real(db, story_ids)
        if not go.is_set():
            inside.set()
            waited.append(go.wait(60))  # False: the key waited for the write (a deadlock)

    app = lazy(make, demo_root, mark_read_on_open=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        sl = app.screen.stories
        sid = sl.story.id
        start = sl.story.starred
        monkeypatch.setattr(index_sync, "refresh_faces", held_write)
        await pilot.press("j", "s")
        await pilot.pause()
        assert await asyncio.to_thread(inside.wait, 60)
        assert sl.story.starred == start + 1  # the file written, the index not yet
        await pilot.press("j", "s")  # the index's write of the first star still open
        await pilot.pause()
        assert sl.story.starred == start + 2
        go.set()
        await settle(pilot)
        assert waited == [True]
        assert sl.story.starred == start + 2
        await pilot.press("s")  # both saved: the index's counts hold them
        await pilot.pause()
        assert sl.story.starred == start + 1
        await settle(pilot)
    saved = Workspace.open(demo_root)
    assert next(s for s in saved.stories() if s.id == sid).starred == start + 1
