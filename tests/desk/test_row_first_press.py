"""The first triage key on a big story's row reads its articles' saved triage in one short read
of the index (issue 16: 2,500 rows made one by one in Python, five statements of 500 ids and
the index's schema read by the key made the first press 17-18 ms): the articles that say the
same come back as one record, the story of one of them is read whole (the keys' connection is
opened off the UI thread: ``tests/app/test_row_star_app.py``). The answer stays what the files
say. No Textual."""

from __future__ import annotations

from tests.desk.synthetic import workspace_fixtures
from tests.desk.test_face_counts import lazy
from tests.desk.test_row_star_desk import flags
from tui.core.workspace import Workspace
from tui.desk import current
from tui.desk.service import Desk

root_template, root = workspace_fixtures(40, "root")  # stories of one to four articles


def mixed(root) -> tuple[list[str], list[str]]:
    """The two biggest stories' members, some of them starred, read or tagged (saved)."""
    desk = Desk(lazy(root))
    big, other = sorted(desk.select(None).stories, key=lambda s: -len(s.article_ids))[:2]
    a, b = list(big.article_ids), list(other.article_ids)
    desk.toggle("starred", a[:1])
    desk.tag(a[1:2], add=["keep"])
    desk.toggle("read", [a[1], b[0]])
    desk.writer.save_now()
    return a, b


def statements(monkeypatch, ws) -> list[str]:
    """Every statement the keys' connection is asked from now on."""
    said: list[str] = []
    real = ws.index.point

    def spy(sql, params=()):
        said.append(sql)
        return real(sql, params)

    monkeypatch.setattr(ws.index, "point", spy)
    return said


def as_files(root, now: dict) -> dict:
    return {aid: (n.triage.starred, n.triage.read, n.triage.tags) for aid, n in now.items()}


def test_a_story_row_is_one_read_and_alike_articles_one_record(root, monkeypatch):
    members, _ = mixed(root)
    monkeypatch.setattr(current, "STORY_FIRST", 2)  # the demo's stories are small
    desk = Desk(lazy(root))
    said = statements(monkeypatch, desk.ws)
    now = desk.current(members)
    assert said == [current.BY_STORY]  # its story read whole: no list of ids
    assert as_files(root, now) == flags(root, members)
    alike = {(n.story, n.triage.starred, n.triage.read, tuple(n.triage.tags)) for n in now.values()}
    assert len({id(n) for n in now.values()}) == len(alike)  # one record for the alike ones
    assert len({n.story for n in now.values()}) == 1


def test_articles_of_several_stories_are_all_read(root, monkeypatch):
    big, other = mixed(root)
    monkeypatch.setattr(current, "STORY_FIRST", 2)
    desk = Desk(lazy(root))
    said = statements(monkeypatch, desk.ws)
    marked = [*big[:2], *other]  # marked articles of two stories
    now = desk.current(marked)
    assert len(said) == 2  # the first one's story, then the ids it did not hold
    assert as_files(root, now) == flags(root, marked)
    whole = Workspace.open(root)
    assert {a: n.story for a, n in now.items()} == {a: whole.get(a).story or a for a in marked}


def test_few_articles_are_asked_by_id(root, monkeypatch):
    members, _ = mixed(root)
    desk = Desk(lazy(root))
    said = statements(monkeypatch, desk.ws)
    assert as_files(root, desk.current(members[:2])) == flags(root, members[:2])
    assert said == [current.BY_IDS]  # not the whole story for two of its articles


def test_a_change_makes_one_record_for_alike_articles_and_undoes_exactly(root):
    members, _ = mixed(root)
    before = flags(root, members)
    desk = Desk(lazy(root))
    desk.toggle("starred", members)  # from the index
    desk.writer.save_now()  # the files read again to be saved: held, one object each
    was = desk.current(members)  # (from those articles: one record each)
    alike = {(n.story, n.triage.read, n.triage.starred, tuple(n.triage.tags)) for n in was.values()}
    assert len({id(n) for n in was.values()}) == len(members) > len(alike)
    desk.toggle("read", members)
    pending = desk.writer.pending_now
    assert len({id(pending[a]) for a in members}) == len(alike)  # one new record for alike ones
    assert as_files(root, desk.current(members)) == {
        a: (True, True, tags) for a, (_, _, tags) in before.items()
    }
    assert desk.undo() is not None and desk.undo() is not None
    desk.writer.save_now()
    assert flags(root, members) == before
