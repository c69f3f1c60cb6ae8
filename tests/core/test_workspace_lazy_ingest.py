"""Ingest of a few documents into a workspace opened lazily (as every command opens it): the
new article is placed as a full read would place it, without reading the workspace whole, and
what changed behind Wiredesk's back (a file added, a story edited by hand) is still noticed."""

from __future__ import annotations

import os
import shutil
import tomllib

import pytest
import tomli_w

from tests.helpers import news_records
from tests.helpers.news_records import TOPICS
from tui.core.model import RawDocument
from tui.core.workspace import Workspace, closed_store, grouping, index_sync, working_set
from tui.core.workspace.paths import CACHE, article_path


def rec(n: int, topic: int, text: str | None = None) -> RawDocument:
    return news_records.rec(n, topic, text, dated=True)


@pytest.fixture
def built(tmp_path):
    """A workspace of 16 articles in 4 stories, ingested in 4 batches, with its index."""
    root = tmp_path / "base"
    ws = Workspace.open(root)
    for k in range(4):
        ws.ingest([rec(4 * k + t, t) for t in range(4)])
    index_sync.ready(ws)
    return root


def twins(built, tmp_path) -> tuple:
    """Two copies of the built workspace: one to open lazily, one to read whole."""
    lazy, full = tmp_path / "lazy", tmp_path / "full"
    shutil.copytree(built, lazy)
    shutil.copytree(built, full)
    return lazy, full


def placements(root) -> dict:
    ws = Workspace.open(root)
    return {a.origin: (a.story, a.sameness, a.copy_of) for a in ws.articles()}


def ingest_both(lazy, full, docs) -> tuple:
    a = Workspace.open(lazy, lazy=True)
    rep_a = a.ingest(docs)
    loaded = a.loaded
    b = Workspace.open(full)
    rep_b = b.ingest(docs)
    assert b.loaded
    return rep_a, rep_b, loaded


def test_one_article_is_placed_as_a_full_read_places_it(built, tmp_path):
    lazy, full = twins(built, tmp_path)
    new = rec(90, 2)  # the third topic, from another outlet
    rep_a, rep_b, loaded = ingest_both(lazy, full, [new])
    assert not loaded  # neither the articles nor the story faces were read whole
    assert rep_a.added == rep_b.added and len(rep_a.added) == 1
    got, want = placements(lazy), placements(full)
    assert got == want
    assert got["u:90"][0] == got["u:2"][0]  # it joined its topic's story
    # a copy of an article and a new version of another: the same again
    old = Workspace.open(lazy).by_origin("u:1")
    copy = RawDocument(origin="u:copy", content=Workspace.open(lazy).body(old) or "",
                       kind="record", hints={"title": old.title, "lang": "en"})
    again = rec(3, 3, TOPICS[3] + " Updated: the motorway opened again on Friday morning.")
    rep_a, rep_b, loaded = ingest_both(lazy, full, [copy, again])
    assert not loaded and rep_a.as_dict() == rep_b.as_dict()
    assert rep_a.updated and rep_a.added
    got, want = placements(lazy), placements(full)
    assert got == want and got["u:copy"][1] == "copy"
    # the grouping cache written lazily is the one a full read finds valid
    for root in (lazy, full):
        ws = Workspace.open(root, lazy=True)
        grouping.grouper(ws)
        assert not ws.loaded and ws._grouper_base is not None


def test_a_file_added_by_hand_is_found_by_its_origin(built, tmp_path):
    lazy, full = twins(built, tmp_path)
    for root in (lazy, full):  # an article copied in by hand, under a new id and origin
        src = Workspace.open(root).by_origin("u:5")
        data = tomllib.loads(article_path(root, src.id).read_text(encoding="utf-8"))
        data["id"], data["origin"] = "ab" + src.id[2:], "u:by-hand"
        path = article_path(root, data["id"])
        path.parent.mkdir(exist_ok=True)
        path.write_text(tomli_w.dumps(data), encoding="utf-8")
        body = Workspace.open(root).body(src)
    same = RawDocument(origin="u:by-hand", content=body, kind="record",
                       hints={"title": "x", "lang": "en"})
    rep_a, rep_b, loaded = ingest_both(lazy, full, [same])
    assert rep_a.as_dict() == rep_b.as_dict()
    assert not rep_a.added and rep_a.duplicates and rep_a.duplicates[0][0] == "u:by-hand"
    assert not loaded  # found through the index, caught up with the folder's time


def test_a_story_edited_by_hand_is_noticed_by_grouping(built, tmp_path):
    lazy, full = twins(built, tmp_path)
    for root in (lazy, full):  # an article of the cache's base moved to another story by
        ws = Workspace.open(root)  # hand (as an editor saves: a file renamed over the old)
        a, other = ws.by_origin("u:2"), ws.by_origin("u:0")
        path = article_path(root, a.id)
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        data["story"] = other.story
        tmp = path.with_name(".edit.tmp")
        tmp.write_text(tomli_w.dumps(data), encoding="utf-8")
        os.replace(tmp, path)
    rep_a, rep_b, _ = ingest_both(lazy, full, [rec(91, 2)])
    got, want = placements(lazy), placements(full)
    assert got == want  # unnoticed, the lazy grouper would keep u:6 where it was


def test_the_cache_check_finds_a_changed_article_in_the_journal(built, tmp_path):
    ws = Workspace.open(built, lazy=True)
    g = grouping.grouper(ws)
    layer = {"mark": None}
    assert not grouping.matches(ws, g, layer)  # no mark: cannot be told cheaply
    ws.ingest([rec(92, 1)])
    base, delta = grouping.base_layers(built)
    layer = delta or base
    ws2 = Workspace.open(built, lazy=True)
    g2 = grouping.grouper(ws2)
    assert grouping.matches(ws2, g2, layer)
    a = ws2.by_origin("u:1")
    ws2.update_triage(a.id, starred=True)  # named in the journal, but grouping is the same
    assert grouping.matches(Workspace.open(built, lazy=True), g2, layer)
    with ws2:  # its story changed by a writer that did not tell the grouping cache
        a.story = "elsewhere"
        ws2.write_article(a)
    assert not grouping.matches(Workspace.open(built, lazy=True), g2, layer)


def test_an_old_cache_of_other_parameters_is_rebuilt(built):
    from tui.core.group import Params

    ws = Workspace.open(built, lazy=True)
    g = grouping.grouper(ws)
    g.params = Params(young=Params().young + 7)
    grouping.save_grouper(ws, g)  # as an older Wiredesk would have left it
    assert (built / CACHE / grouping.BASE).exists()
    ws = Workspace.open(built, lazy=True)
    rep = ws.ingest([rec(93, 0)])
    assert rep.added and grouping.grouper(Workspace.open(built)).params == Params()


def test_a_full_read_tells_hand_edits_from_lazy_writes(built):
    lazy = Workspace.open(built, lazy=True)
    rep = lazy.ingest([rec(94, 1)])  # written lazily: the records cache does not hold it
    ws = Workspace.open(built)  # a full read finds it missing from the records cache...
    assert ws.find(rep.added[0]) is not None
    assert not ws.records.noticed  # ...but the index knows it: not a change behind our back
    a = ws.by_origin("u:3")
    path = article_path(built, a.id)
    text = path.read_text(encoding="utf-8").replace('story = "', 'story = "x')
    with open(path, "w", encoding="utf-8") as f:  # edited in place: no folder time change
        f.write(text)
    ws = Workspace.open(built)
    assert ws.records.noticed == {a.id}
    base, delta = grouping.base_layers(built)
    g = grouping._from(Workspace.open(built, lazy=True), base, delta)  # the cached grouper
    assert not grouping.matches(ws, g, delta or base)  # it does not match the edit


def test_a_cache_of_the_older_form_is_used_through_its_signature(built):
    ws = Workspace.open(built)
    g = grouping.grouper(ws)
    for name in (grouping.DELTA, grouping.BASE, closed_store.NAME):
        (built / CACHE / name).unlink(missing_ok=True)
    working_set.attach_all(g)  # the older form: one pickle, named by its signature
    working_set.plain(g)
    grouping.cache.save(built, grouping.OLD_BASE, {"sig": grouping.signature(ws),
                                               "state": g.to_state()})
    again = Workspace.open(built, lazy=True)
    assert grouping.grouper(again) is not None and again._grouper_base is not None  # no rebuild
    rep = again.ingest([rec(95, 2)])
    assert rep.added and (built / CACHE / grouping.BASE).exists()  # written in the new form
    assert not (built / CACHE / grouping.OLD_BASE).exists()
    assert grouping.grouper(Workspace.open(built, lazy=True)) is not None
