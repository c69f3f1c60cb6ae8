"""The index a chunked ingest keeps (faces refreshed in place when their folded title stays,
left alone when unchanged) holds what an index rebuilt from the TOML holds: every story's row,
and the stories each piece of a title finds."""

from __future__ import annotations

import shutil

from tui.core.model import RawDocument
from tui.core.workspace import Workspace, bulk, index_grams, index_sync

TOPICS = [
    "Japan and Canada agreed on Tuesday to start talks on an intelligence pact in Tokyo.",
    "Wildfires forced thousands to flee their homes in northern California overnight.",
    "The central bank of Brazil raised its benchmark rate by half a point in Brasilia.",
    "A new species of frog was found in the rain forest of Ecuador by biologists.",
]


def docs() -> list[RawDocument]:
    out = []
    for n in range(40):  # later chunks add to the stories of earlier ones
        t = n % len(TOPICS)
        title = TOPICS[t][:30 + n % 7]  # (the representative title may change, or not)
        out.append(RawDocument(origin=f"u:{n}", kind="record", hints={
            "title": title, "source": f"Outlet{n % 5}", "date": f"2024-01-{1 + n % 9:02d}"},
            content=f"{TOPICS[t]} Outlet{n % 5} reported it in article number {n}."))
    return out


def held(ws: Workspace):
    idx = index_sync.current(ws)
    assert idx is not None
    with idx.guard:
        rows = sorted(tuple(r) for r in idx.db.execute("SELECT * FROM stories"))
        terms = sorted({r[2][k:k + 3] for r in rows for k in range(0, len(r[2]) - 2, 5)})
        found = {t: index_grams.stories_holding(idx.db, t, 1000) for t in terms}
    return rows, found


def test_an_index_kept_chunk_by_chunk_holds_what_a_rebuilt_one_holds(tmp_path, monkeypatch):
    monkeypatch.setattr(bulk, "CHUNK", 7)
    ws = Workspace.open(tmp_path / "ws")
    calls = []
    real = index_sync.refresh_faces
    monkeypatch.setattr(index_sync, "refresh_faces", lambda db, ids: calls.append(
        len(ids)) or real(db, ids))
    ws.ingest(iter(docs()))
    assert len(calls) >= 5  # (refreshed chunk by chunk)
    a = ws.by_origin("u:3")
    assert a is not None and a.story
    ws.set_story_state(a.story, title="A title the reader chose")
    ws.update_triage(a.id, starred=True)  # (the story's face changes, its title does not)
    kept = held(Workspace.open(tmp_path / "ws", lazy=True))
    assert len(kept[0]) == 4 and any(kept[1].values())
    shutil.copytree(tmp_path / "ws", tmp_path / "again")
    again = Workspace.open(tmp_path / "again")
    index_sync.rebuild(again)
    assert held(again) == kept
