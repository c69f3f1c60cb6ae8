"""The layered caches (a base plus a delta): what a small ingest writes, and that a reopened
workspace sees exactly what a workspace without any cache sees."""

from __future__ import annotations

import shutil

from tui.core.model import RawDocument
from tui.core.workspace import Workspace, cache, grouping, recordcache
from tui.core.workspace.paths import CACHE

TOPICS = [
    "Japan and Canada agreed on Tuesday to start talks on an intelligence pact in Tokyo.",
    "Wildfires forced thousands to flee their homes in northern California overnight.",
    "The central bank of Brazil raised its benchmark rate by half a point in Brasilia.",
]


def rec(n: int, topic: int, outlet: str) -> RawDocument:
    text = f"{TOPICS[topic]} {outlet} reported the news in article number {n}."
    return RawDocument(origin=f"u:{n}", content=text, kind="record",
                       hints={"title": TOPICS[topic][:40], "source": outlet})


def view(ws: Workspace):
    return ({a.id: (a.story, a.sameness, a.copy_of, a.newest.hash, a.triage.starred)
             for a in ws.articles()},
            [(s.id, s.title, tuple(s.article_ids)) for s in ws.stories()])


def test_load_layers_takes_a_delta_only_on_its_own_base(tmp_path):
    cache.save(tmp_path, "b", {"token": "one", "x": 1})
    cache.save(tmp_path, "d", {"base": "one", "y": 2})
    base, delta = cache.load_layers(tmp_path, "b", "d", "token")
    assert base["x"] == 1 and delta["y"] == 2
    cache.save(tmp_path, "d", {"base": "old", "y": 2})  # written on top of another base
    assert cache.load_layers(tmp_path, "b", "d", "token")[1] is None
    cache.save_base(tmp_path, "b", "d", {"token": "two"})
    assert not (tmp_path / CACHE / "d").exists()
    assert cache.load_layers(tmp_path, "missing", "d", "token") == (None, None)


def test_small_ingest_writes_deltas_and_reopens_as_without_cache(tmp_path):
    root = tmp_path / "ws"
    ws = Workspace.open(root)
    ws.ingest([rec(n, n % 3, f"Outlet{n}") for n in range(9)])
    assert not (root / CACHE / recordcache.DELTA).exists()
    ws.ingest([rec(100, 1, "Late Wire")])  # one more: written as deltas
    assert (root / CACHE / recordcache.DELTA).exists()
    assert (root / CACHE / grouping.DELTA).exists()
    again = Workspace.open(root)
    assert len(again) == 10 and again.get(ws.by_origin("u:100").id).story
    cached = view(again)
    g = grouping.grouper(again)  # the base index plus the replayed delta
    assert again._grouper_base is not None and len(again._grouper_base[1]) == 1
    shutil.rmtree(root / CACHE)
    fresh = Workspace.open(root)
    assert view(fresh) == cached
    rebuilt = grouping.grouper(fresh)
    # no cache: rebuilt from the articles, and saved by this reader (no writer held the lock)
    assert fresh._grouper_base is not None and (root / CACHE / grouping.BASE).exists()
    ids = [a.id for a in fresh.articles()]
    assert {i: g.placement(i).story for i in ids} == {i: rebuilt.placement(i).story for i in ids}


def test_a_delta_on_a_replaced_base_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setattr(recordcache, "DELTA_MAX", 3)
    root = tmp_path / "ws"
    ws = Workspace.open(root)
    ws.ingest([rec(n, n % 3, f"Outlet{n}") for n in range(6)])
    ws.ingest([rec(50, 0, "Late Wire")])
    stale = (root / CACHE / recordcache.DELTA).read_bytes()
    ws.update_triage(ws.by_origin("u:50").id, starred=True)
    ws.ingest([rec(n, n % 3, f"Other{n}") for n in range(200, 205)])  # past DELTA_MAX
    (root / CACHE / recordcache.DELTA).write_bytes(stale)  # a delta of the older base
    again = Workspace.open(root)
    assert again.by_origin("u:50").triage.starred
    shutil.rmtree(root / CACHE)
    assert view(again) == view(Workspace.open(root))


def test_a_correction_undone_leaves_files_and_caches_as_before(tmp_path):
    root = tmp_path / "ws"
    ws = Workspace.open(root)
    ws.ingest([rec(n, n % 3, f"Outlet{n}") for n in range(9)])
    before = view(ws)
    corrections = grouping.load_corrections(ws).to_toml_dict()
    first, second = (s.id for s in ws.stories()[:2])
    changed, record = ws.correct_all([("merge", [first, second])])
    assert changed and len(ws.stories()) == len(before[1]) - 1
    assert sorted(ws.undo_correction(record)) == sorted(changed)
    assert view(ws) == before and view(Workspace.open(root)) == before
    assert grouping.load_corrections(ws).to_toml_dict() == corrections
    cached = grouping.grouper(Workspace.open(root))
    shutil.rmtree(root / CACHE)
    rebuilt = grouping.grouper(Workspace.open(root))
    assert ({k: sorted(v) for k, v in cached.stories().items()}
            == {k: sorted(v) for k, v in rebuilt.stories().items()})


def sorted_stories(g) -> dict:
    return {k: sorted(v) for k, v in g.stories().items()}


def test_corrections_are_cached_as_a_delta_and_load_like_a_rebuild(tmp_path):
    root = tmp_path / "ws"
    ws = Workspace.open(root)
    ws.ingest([rec(n, n % 3, f"Outlet{n}") for n in range(9)])
    base = (root / CACHE / grouping.BASE).stat().st_mtime_ns
    quake, fire = ws.by_origin("u:0").story, ws.by_origin("u:1").story
    moving = ws.by_origin("u:3").id
    changed, _ = ws.correct_all([("move", moving, fire)])
    assert changed == [moving]
    assert (root / CACHE / grouping.BASE).stat().st_mtime_ns == base  # only the delta
    assert cache.load(root, grouping.DELTA)["moved"] == [moving]
    again = Workspace.open(root)
    g = grouping.grouper(again)
    assert again._grouper_base is not None and g.story_of(moving) == fire
    assert "correction" in " ".join(g.explain(moving))
    assert g.corrections.pinned[moving] == fire
    # a later ingest respects the correction, and the cache still loads like a rebuild
    again.ingest([rec(30, 0, "Late Wire")])
    assert Workspace.open(root).get(moving).story == fire
    assert Workspace.open(root).by_origin("u:30").story == quake
    cached = grouping.grouper(Workspace.open(root))
    shutil.rmtree(root / CACHE)
    rebuilt = grouping.grouper(Workspace.open(root))
    assert sorted_stories(cached) == sorted_stories(rebuilt)
    assert cached.corrections.to_toml_dict() == rebuilt.corrections.to_toml_dict()


def test_undo_after_another_process_corrected_is_refused_and_loses_nothing(tmp_path):
    import pytest

    from tui.core.workspace import StaleUndo

    root = tmp_path / "ws"
    app = Workspace.open(root)
    app.ingest([rec(n, n % 3, f"Outlet{n}") for n in range(9)])
    first, second = (s.id for s in app.stories()[:2])
    _, record = app.correct_all([("merge", [first, second])])
    cli = Workspace.open(root)  # another process moves an article
    moved = cli.by_origin("u:2").id
    target = next(s.id for s in cli.stories() if moved not in s.article_ids)
    cli.correct("move", moved, target)
    corrections = (root / "corrections.toml").read_text()
    with pytest.raises(StaleUndo):
        app.undo_correction(record)
    assert (root / "corrections.toml").read_text() == corrections
    assert Workspace.open(root).get(moved).story == target


def test_collector_pause_freezes_only_when_asked():
    import gc

    from tui.core import gcpause

    frozen = gc.get_freeze_count()
    with gcpause.collector_paused():
        junk = [[] for _ in range(100)]
    assert gc.get_freeze_count() == frozen and gc.isenabled()  # the app: nothing frozen
    gcpause.freeze_after_loads()
    try:
        with gcpause.collector_paused():
            junk = [[] for _ in range(100)]
        assert gc.get_freeze_count() >= frozen + 100 and gc.isenabled()
    finally:
        gcpause._freeze = False
        gc.unfreeze()
    del junk
