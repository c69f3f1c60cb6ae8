"""The app's list as a window onto the index (no Textual): the same stories, order, counts and
members as a selection of the workspace read whole, in every order; a bounded number of pages
held; places found without reading every page; archived stories left out and counted; counts
kept current after a triage change not yet saved; the triaged export without a filter."""

from __future__ import annotations

import random

import pytest

from tests.desk.synthetic import workspace_fixtures
from tui.core.query import parse
from tui.core.workspace import Workspace
from tui.core.workspace import index_list as lists
from tui.desk import Desk, select, select_articles
from tui.desk import window as win

root_template, root = workspace_fixtures(90, "root")


def listed(listing) -> list[tuple[str, list[str], int, int]]:
    return [(s.id, list(listing.members[s.id]), s.unread, s.starred) for s in listing.stories]


@pytest.mark.parametrize("sort", ["size", "newest", "unread"])
def test_the_window_lists_what_reading_everything_lists(root, sort, monkeypatch):
    monkeypatch.setattr(win, "PAGE", 7)  # many pages, a few of them held
    monkeypatch.setattr(win, "PAGES", 2)
    whole = select(Workspace.open(root), None).ordered(sort)
    lazy_ws = Workspace.open(root, lazy=True)
    shown = select(lazy_ws, None, window=True).ordered(sort)
    assert shown.window is not None and not lazy_ws.loaded  # nothing read whole
    assert len(shown.stories) == len(whole.stories) > 7 * 2
    assert shown.article_count == whole.article_count
    assert listed(shown) == listed(whole)
    assert shown.window.held <= 7 * 2  # bounded, however many stories were drawn
    assert shown.stories[-1].id == whole.stories[-1].id
    assert [s.id for s in shown.stories[3:9]] == [s.id for s in whole.stories[3:9]]
    with pytest.raises(IndexError):
        shown.stories[len(whole.stories)]


def test_places_are_found_without_reading_every_page(root, monkeypatch):
    monkeypatch.setattr(win, "PAGE", 5)
    whole = select(Workspace.open(root), None)
    ws = Workspace.open(root, lazy=True)
    pages = []
    monkeypatch.setattr(lists, "page", lambda *a, **k: pages.append(k) or [])
    shown = select(ws, None, window=True)
    for i in random.Random(7).sample(range(len(whole.stories)), 12):
        assert shown.index_of(whole.stories[i].id) == i
        aid = whole.members[whole.stories[i].id][-1]
        assert shown.story_of_article(aid) == i
    assert shown.index_of("no-such-story") is None
    assert not pages  # counted along the index, not paged through


def test_archived_stories_are_left_out_counted_and_not_placed(root):
    ws = Workspace.open(root)
    order = select(ws, None).stories
    gone = [order[1].id, order[4].id, order[-1].id]
    for sid in gone:
        ws.set_story_state(sid, archived=True)
    whole = select(Workspace.open(root), None)
    shown = select(Workspace.open(root, lazy=True), None, window=True)
    assert shown.archived_left_out == whole.archived_left_out == 3
    assert shown.article_count == whole.article_count  # the archived ones' left out too
    assert [s.id for s in shown.stories] == [s.id for s in whole.stories]
    for i, s in enumerate(whole.stories):
        assert shown.index_of(s.id) == i
    assert all(shown.index_of(sid) is None for sid in gone)
    every = select(Workspace.open(root, lazy=True), None, window=True, include_archived=True)
    assert len(every.stories) == len(whole.stories) + 3


def test_the_next_unread_story_is_found_along_the_index(root, monkeypatch):
    monkeypatch.setattr(win, "PAGE", 6)
    whole = select(Workspace.open(root), None)
    shown = select(Workspace.open(root, lazy=True), None, window=True)
    expected = [i for i, s in enumerate(whole.stories) if s.unread]
    assert len(expected) < len(whole.stories)  # some stories are read through
    for start in (0, 5, 40, len(whole.stories) - 1):
        assert list(shown.unread_from(start)) == [i for i in expected if i >= start]
    face = shown.stories[expected[0]]  # a face held: its count, kept current here, decides
    face.unread = 0
    assert next(shown.unread_from(0)) == expected[1]


def test_marked_articles_come_back_in_list_order(root):
    whole = select(Workspace.open(root), None)
    shown = select(Workspace.open(root, lazy=True), None, window=True)
    ids = whole.article_ids()
    picked = random.Random(3).sample(ids, 15)
    assert shown.in_order(picked) == [a for a in ids if a in set(picked)]
    assert shown.in_order(["nothing-like-it"]) == []


def test_a_triage_change_not_yet_saved_is_counted(root):
    desk = Desk(Workspace.open(root, lazy=True))  # no writer thread: nothing is saved
    listing = desk.select(None)
    story = next(s for s in listing.stories if len(s.article_ids) > 1 and s.unread > 1)
    before = (story.unread, story.starred)
    aid = next(a for a in story.article_ids if not desk.get(a).triage.read)
    desk.toggle("starred", [aid])
    desk.toggle("read", [aid])
    desk.recount([story.id], listing)
    assert (story.unread, story.starred) == (before[0] - 1, before[1] + 1)
    assert desk.pending == 2 and not desk.ws.loaded  # counted from the index and memory


def test_filters_go_through_the_index_and_agree_with_reading(root):
    for query in ("unread", "lang:en after:2021-06", "harbour", "+starred -archived"):
        whole = select(Workspace.open(root), parse(query))
        lazy = select(Workspace.open(root, lazy=True), parse(query), window=True)
        assert lazy.window is None  # a filter's stories are held: they are what it found
        assert listed(lazy) == listed(whole), query


def test_the_triaged_export_reads_only_what_it_exports(root, monkeypatch):
    ws = Workspace.open(root)
    some = random.Random(5).sample(select(ws, None).article_ids(), 6)
    for n, aid in enumerate(some):
        ws.update_triage(
            aid,
            starred=n % 3 == 0,
            add_tags=["x"] if n % 3 == 1 else [],
            note="see" if n % 3 == 2 else None,
        )
    expected, _ = select_articles(Workspace.open(root), None, everything=False)
    lazy = Workspace.open(root, lazy=True)
    got, listing = select_articles(lazy, None, everything=False)
    assert [a.id for a in got] == [a.id for a in expected] and len(got) >= 6
    assert not lazy.loaded and listing.window is not None


TOPICS = [
    "Orchard frost: apple growers counted losses after an April cold snap.",
    "Chess final: the challenger sacrificed a rook and drew the fourth game.",
    "Volcano alert: seismologists raised the warning level near the crater.",
    "Library hours: the city extends weekend opening for students.",
    "Rail strike: drivers walked out over pensions, halting freight.",
    "Comet sighting: amateurs photographed a green tail at dusk.",
]


def test_undated_stories_are_placed_after_the_dated_ones_of_their_size(tmp_path):
    """A story with no date has no date bound to count by: its place is counted along size and
    id alone (a regression: the undated branch bound one parameter too few)."""
    from tui.core.model import RawDocument

    ws = Workspace.open(tmp_path / "ws")
    docs = [
        RawDocument(
            origin=f"plain:{n}",
            content=text,
            kind="record",
            hints={"title": text.split(":")[0], **({"date": f"2024-03-0{n + 1}"} if n % 2 else {})},
        )
        for n, text in enumerate(TOPICS)
    ]
    ws.ingest(docs)
    whole = select(Workspace.open(tmp_path / "ws"), None)
    assert any(s.date_last is None for s in whole.stories)
    shown = select(Workspace.open(tmp_path / "ws", lazy=True), None, window=True)
    for i, story in enumerate(whole.stories):
        assert shown.index_of(story.id) == i


@pytest.mark.parametrize("sort", ["size", "newest", "unread"])
def test_the_biggest_story_is_found_without_reading_the_window_whole(root, sort, monkeypatch):
    # it sizes the list's count column (s35 mend: the counts line up)
    monkeypatch.setattr(win, "PAGE", 7)
    whole = select(Workspace.open(root), None)
    shown = select(Workspace.open(root, lazy=True), None, window=True).ordered(sort)
    top = shown.window.largest()
    assert top is not None and top.size == max(s.size for s in whole.stories)
    assert shown.window.held <= 7  # one page at most
