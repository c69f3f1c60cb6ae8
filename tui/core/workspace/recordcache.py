"""Parsed article records and story faces in the cache: a base plus a small delta.

Re-reading 100,000 TOML files takes minutes and pickling every record takes seconds, so the
cache keeps a base (all records, their files' signatures, and the story faces) and a delta of
the records changed since. A small change writes only the delta; the base is rewritten when
the delta grows past ``DELTA_MAX``. Both are checked against the files on every open, and both
can be deleted at any time.
"""

from __future__ import annotations

import os
from bisect import insort
from collections import defaultdict
from dataclasses import dataclass, field

from tui.core.model import Article
from tui.core.workspace import cache
from tui.core.workspace.faces import face, story_order
from tui.core.workspace.paths import article_rel

BASE, DELTA = "articles.pickle", "articles-delta.pickle"
# how the cached records were read; a base of another reading is no cache (2: a hand-written
# flag string reads as it says). The file format itself is ``cache.CACHE_FORMAT``.
READING = 2
DELTA_MAX = 2000


@dataclass
class Cached:
    sig: dict = field(default_factory=dict)  # rel path -> (mtime_ns, size), base + delta
    records: dict = field(default_factory=dict)  # rel path -> Article, base + delta
    base_story: dict = field(default_factory=dict)  # article id -> its story in the base
    faces: list | None = None  # the base's stories
    states: list | None = None
    token: str | None = None
    delta_records: dict = field(default_factory=dict)
    delta_sig: dict = field(default_factory=dict)


def load(root) -> Cached:
    base, delta = cache.load_layers(root, BASE, DELTA, "token")
    base, delta = base or {}, delta or {}
    sig, recs = base.get("sig"), base.get("records")
    if not isinstance(sig, dict) or not isinstance(recs, dict) or base.get("reading") != READING:
        return Cached()  # a cache of another shape or reading is no cache
    out = Cached(sig=sig, records=recs, faces=base.get("stories"), states=base.get("states"),
                 token=base.get("token"))
    out.base_story = {a.id: a.story or a.id for a in recs.values() if isinstance(a, Article)}
    if isinstance(delta.get("records"), dict) and isinstance(delta.get("sig"), dict):
        out.delta_records, out.delta_sig = delta["records"], delta["sig"]
        out.sig = {**sig, **out.delta_sig}
        out.records = {**recs, **out.delta_records}
    return out


def save_base(root, sig: dict, articles: dict, stories: list, states: list) -> str:
    token = os.urandom(8).hex()
    recs = {article_rel(aid): a for aid, a in articles.items()}
    cache.save_base(root, BASE, DELTA, {"sig": dict(sig), "records": recs, "stories": stories,
                                        "states": states, "token": token,
                                        "reading": READING})
    return token


def save_delta(root, token: str, records: dict, sig: dict) -> None:
    cache.save(root, DELTA, {"base": token, "records": records, "sig": sig})


def patch_faces(faces: list, base_story: dict, articles: dict, changed: set, states: dict) -> list:
    """The base's story faces with the stories touched by ``changed`` articles rebuilt."""
    affected = {base_story[i] for i in changed if i in base_story}
    affected |= {articles[i].story or i for i in changed if i in articles}
    if not affected:
        return faces
    kept = [f for f in faces if f.id not in affected]
    members: dict[str, list[Article]] = defaultdict(list)
    for a in articles.values():
        sid = a.story or a.id
        if sid in affected:
            members[sid].append(a)
    for sid, arts in members.items():
        insort(kept, face(sid, arts, states.get(sid)), key=story_order)
    return kept
