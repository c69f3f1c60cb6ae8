"""A flag written by hand as a string (``starred = "false"``) reads as it says and as
``doctor --repair`` will write it, not as Python's truth of a non-empty string."""

from __future__ import annotations

import pytest

from tui.core.workspace import Workspace
from tui.core.workspace.doctor import check, repair
from tui.core.workspace.paths import article_path
from tui.core.workspace.records import flag, story_state_from_dict


@pytest.mark.parametrize("value, meant", [
    (True, True), (False, False), ("false", False), ("no", False), (" False ", False),
    ("", False), ("0", False), (0, False), ("yes", True), ("TRUE", True), (1, True),
    ("maybe", False), (2, False), ([], False),
])
def test_a_flag_reads_as_written(value, meant):
    assert flag(value) is meant
    assert story_state_from_dict({"id": "s", "archived": value}).archived is meant


@pytest.mark.parametrize("lazy", [False, True])
def test_a_hand_written_false_star_is_not_a_star(make_ws, lazy):
    root, ids = make_ws(2)
    path = article_path(root, ids[0])
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("starred = false", 'starred = "false"')
                    .replace("read = false", 'read = "yes"'), encoding="utf-8")
    ws = Workspace.open(root, lazy=lazy)
    a = ws.get(ids[0])
    assert (a.triage.starred, a.triage.read) == (False, True)
    repair(root, check(root))  # the repair writes what was read
    b = Workspace.open(root).get(ids[0])
    assert (b.triage.starred, b.triage.read) == (False, True)


def test_an_index_and_cache_of_the_old_reading_are_rebuilt_once(make_ws, monkeypatch):
    """An index (and records cache) built while ``"false"`` read as true are not trusted: the
    next query rebuilds them, without a word, and the star is gone."""
    from tui.core.query import parse_filter
    from tui.core.workspace import index as ix
    from tui.core.workspace import recordcache, records

    root, ids = make_ws(2)
    path = article_path(root, ids[0])
    path.write_text(path.read_text(encoding="utf-8").replace("starred = false",
                                                             'starred = "false"'))
    with monkeypatch.context() as old:  # what the code before the flag reading built
        old.setattr(records, "flag", bool)
        old.setattr(ix, "VERSION", "3")
        old.setattr(recordcache, "READING", None, raising=False)
        ws = Workspace.open(root, lazy=True)
        assert [a.id for _, arts in ws.stories_matching(parse_filter("+starred"))
                for a in arts] == [ids[0]]
    ws = Workspace.open(root, lazy=True)
    assert not list(ws.stories_matching(parse_filter("+starred")))
    assert not Workspace.open(root).get(ids[0]).triage.starred
    # the doctor names only the hand-written string, nothing about the rebuilt cache/index
    assert [p.message for p in check(root)] == [
        "wrong type: triage.starred is a string ('false'), expected true or false"]
