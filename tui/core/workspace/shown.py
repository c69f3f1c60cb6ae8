"""The story faces a workspace shows, kept in step with its records, and the records cache
(``recordcache``) they are saved in: a base of every record with the faces, plus a small delta
of the records changed since."""

from __future__ import annotations

from collections.abc import Iterable

from tui.core.model import Article
from tui.core.workspace import recordcache
from tui.core.workspace.faces import build_stories
from tui.core.workspace.loading import Loaded, Records
from tui.core.workspace.paths import article_rel
from tui.core.workspace.records import Story


class Shown:
    """Story faces over one workspace's :class:`~tui.core.workspace.loading.Records`."""

    def __init__(self, records: Records) -> None:
        self.records = records
        self.faces: list[Story] | None = None  # None: built on first need
        self.pending: set[str] = set()  # articles changed since the faces were built
        self.token: str | None = None  # which cached base of records we hold
        self.delta: tuple[dict, dict] = ({}, {})  # records cached since that base

    def loaded(self, got: Loaded) -> None:
        """After a full read: the cached faces with the stories of changed articles rebuilt
        (when the cache is close enough), and the records cache brought up to date."""
        cached = got.cached
        self.token = cached.token
        self.delta = (dict(cached.delta_records), dict(cached.delta_sig))
        self.faces = None
        self.pending = set()
        if (isinstance(cached.faces, list) and cached.states == self.states_key()
                and len(got.changed) <= recordcache.DELTA_MAX):
            self.faces = recordcache.patch_faces(
                cached.faces, cached.base_story, self.records.arts, got.changed,
                self.records.story_states)
        if got.reread or got.gone:
            self.save(got.reread)

    def stories(self) -> list[Story]:
        """Stories, largest first (then newest, then id); the records are loaded."""
        arts, states = self.records.arts, self.records.story_states
        if self.faces is None:
            self.faces = build_stories(arts.values(), states)
        elif self.pending:
            face_of = {aid: st.id for st in self.faces for aid in st.article_ids}
            self.faces = recordcache.patch_faces(self.faces, face_of, arts, self.pending, states)
        self.pending = set()
        return self.faces

    def touched(self, ids: Iterable[str]) -> None:
        """Articles whose story faces must be rebuilt before stories are next shown."""
        self.pending.update(ids)

    def save(self, changed: list[Article] | None = None) -> None:
        """Cache the parsed records: only ``changed`` ones (a delta) when that is small, else
        all of them with the story faces."""
        if not self.records.loaded:
            return  # nothing read to cache: the next full open checks the files anyway
        recs, sigs = self.delta
        held = self.records.sigs
        if changed is not None and self.token and (
                len(recs) + len(changed) <= recordcache.DELTA_MAX):
            for a in changed:
                rel = article_rel(a.id)
                if rel in held:
                    recs[rel], sigs[rel] = a, held[rel]
            recordcache.save_delta(self.records.root, self.token, recs, sigs)
            return
        self.token = recordcache.save_base(
            self.records.root, held, self.records.arts, self.stories(), self.states_key())
        self.delta = ({}, {})

    def states_key(self) -> list:
        return sorted((s.id, s.archived, s.title or "")
                      for s in self.records.story_states.values())
