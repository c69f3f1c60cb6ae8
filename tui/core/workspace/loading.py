"""Reading the workspace: every article at once (through the records cache), or, for a command
about one article, only that article's file.

A workspace opened with ``lazy=True`` reads nothing but its settings; the first use that needs
every article (a list of stories, grouping, an ingest of new text) loads them all, stat-ing each
file against the records cache. Until then, looking an article up reads its one folder
(``articles/<ab>/``) and its one file, so a star costs the same in 5 articles as in a million.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from tui.core.gcpause import collector_paused
from tui.core.model import Article
from tui.core.workspace import cache, journal, recordcache
from tui.core.workspace.errors import AmbiguousId, UnknownId
from tui.core.workspace.paths import (
    ARTICLES,
    STORIES,
    article_id_of,
    article_path,
    article_rel,
)
from tui.core.workspace.records import (
    Story,
    StoryState,
    article_from_dict,
    story_state_from_dict,
    toml_error,
)


class Loading:
    """The reading half of :class:`~tui.core.workspace.store.Workspace`."""

    # What this half uses of the Workspace (set or defined there).
    root: Path
    problems: list[str]
    _stories: list[Story] | None
    _pending_faces: set[str]
    _cache_token: str | None
    _delta: tuple[dict, dict]

    if TYPE_CHECKING:
        def save_cache(self, changed: list[Article] | None = None) -> None: ...
        def _touched(self, ids: Iterable[str]) -> None: ...
        def _states_key(self) -> list: ...

    def _init_loading(self) -> None:
        self._loaded = False
        self._arts: dict[str, Article] = {}
        self._sigs: dict[str, tuple[int, int]] = {}
        self._origins: dict[str, str] = {}
        self._few: dict[str, Article] = {}  # articles read one by one before a full load
        self._few_sig: dict[str, tuple[int, int]] = {}
        self._states: dict[str, StoryState] | None = None
        self._index_db = None  # the open index (index_sync.current)
        self._mark = journal.mark(self.root)

    # ---- everything, on first need ---------------------------------------------------------
    def _ensure_loaded(self) -> None:
        if not self._loaded:
            self._load()

    @property
    def _articles(self) -> dict[str, Article]:
        self._ensure_loaded()
        return self._arts

    @property
    def _sig(self) -> dict[str, tuple[int, int]]:
        self._ensure_loaded()
        return self._sigs

    @property
    def _by_origin(self) -> dict[str, str]:
        self._ensure_loaded()
        return self._origins

    @property
    def _story_states(self) -> dict[str, StoryState]:
        if self._states is None:
            self._states = self._read_story_states()
        return self._states

    @_story_states.setter
    def _story_states(self, value: dict[str, StoryState]) -> None:
        self._states = value

    @property
    def loaded(self) -> bool:
        """True once every article has been read (a lazy workspace reads them on first need)."""
        return self._loaded

    def _load(self) -> None:
        """Read every article, reusing cached records whose file did not change."""
        with collector_paused():  # 100,000 records arrive at once
            self._load_all()

    def _load_all(self) -> None:
        self._mark = journal.mark(self.root)  # first: later writes show up in the journal
        sig = cache.scan_article_files(self.root)
        cached = recordcache.load(self.root)
        arts: dict[str, Article] = {}
        problems = []
        reread: dict[str, Article] = {}
        damaged: set[str] = set()
        for rel, s in sig.items():
            a = cached.records.get(rel) if cached.sig.get(rel) == s else None
            if not isinstance(a, Article):
                a, problem = self._read_article(self.root / ARTICLES / rel)
                if a is None:
                    problems.append(problem or f"{rel}: unreadable")
                    damaged.add(article_id_of(rel))
                    continue
                reread[rel] = a
            arts[a.id] = a
        self._loaded = True
        self._few, self._few_sig = {}, {}
        self.problems = problems
        self._arts = dict(sorted(arts.items()))
        self._sigs = sig
        self._origins = {a.origin: a.id for a in self._arts.values()}
        self._states = self._read_story_states()
        self._cache_token = cached.token
        self._delta = (dict(cached.delta_records), dict(cached.delta_sig))
        gone = {article_id_of(rel) for rel in cached.sig.keys() - sig.keys()}
        changed = {a.id for a in cached.delta_records.values()} | {
            a.id for a in reread.values()} | gone | damaged
        self._stories = None
        self._pending_faces = set()
        if (isinstance(cached.faces, list) and cached.states == self._states_key()
                and len(changed) <= recordcache.DELTA_MAX):
            self._stories = recordcache.patch_faces(
                cached.faces, cached.base_story, self._arts, changed, self._states)
        if reread or gone:
            self.save_cache(list(reread.values()))
        if reread or gone or damaged:
            from tui.core.workspace import index_sync

            index_sync.heal(self, list(reread.values()), gone | damaged, problems)

    def _catch_up(self) -> None:
        """Re-read what other processes wrote since this one last looked (via the journal)."""
        keys, self._mark = journal.read_since(self.root, self._mark)
        if not self._loaded:  # nothing held but the few articles read one by one
            if keys is None:
                self._few, self._few_sig = {}, {}
                self._states = None
            else:
                for k in keys:
                    self._few.pop(k.partition(":")[2], None)
                if any(k.startswith("s:") for k in keys):
                    self._states = None
            return
        if keys is None:
            self._load()
            return
        for key in keys:
            kind, _, ident = key.partition(":")
            if kind == "a" and ident:
                self._reread_article(ident)
        self._touched(k.partition(":")[2] for k in keys if k.startswith("a:"))
        if any(k.startswith("s:") for k in keys):
            if any(k.startswith("s:") and k[2:] for k in keys):
                self._states = self._read_story_states()  # once, however many stories
            self._stories = None

    def _reread_article(self, aid: str) -> Article | None:
        """Read one article's file again (it may have been edited); None when it is gone."""
        path = article_path(self.root, aid)
        arts, sigs = (self._arts, self._sigs) if self._loaded else (self._few, None)
        try:
            st = path.stat()
        except OSError:
            arts.pop(aid, None)
            self._sig_drop(aid)
            return None
        a, problem = self._read_article(path)
        if a is None:
            self.problems.append(problem or f"{article_rel(aid)}: unreadable")
            return None
        arts[aid] = a
        self._sig_set(aid, (st.st_mtime_ns, st.st_size))
        if self._loaded:
            self._origins[a.origin] = a.id
        return a

    def _sig_of(self, aid: str) -> tuple[int, int] | None:
        if self._loaded:
            return self._sigs.get(article_rel(aid))
        return self._few_sig.get(aid)

    def _sig_set(self, aid: str, sig: tuple[int, int]) -> None:
        if self._loaded:
            self._sigs[article_rel(aid)] = sig
        else:
            self._few_sig[aid] = sig

    def _sig_drop(self, aid: str) -> None:
        if self._loaded:
            self._sigs.pop(article_rel(aid), None)
        else:
            self._few_sig.pop(aid, None)

    def _read_article(self, path: Path) -> tuple[Article | None, str | None]:
        rel = path.relative_to(self.root)
        text = ""
        try:
            text = path.read_text(encoding="utf-8")
            a = article_from_dict(tomllib.loads(text))
        except OSError as e:
            return None, f"{rel}: cannot read ({e.strerror or e})"
        except UnicodeDecodeError as e:
            return None, f"{rel}: not UTF-8 text ({e.reason} at byte {e.start})"
        except tomllib.TOMLDecodeError as e:
            return None, f"{rel}: {toml_error(text, e)}"
        except (KeyError, ValueError, TypeError) as e:
            return None, f"{rel}: missing or wrong field ({e})"
        if a.id != path.stem:
            return None, f"{rel}: id {a.id!r} does not match the file name"
        return a, None

    def _read_story_states(self) -> dict[str, StoryState]:
        out: dict[str, StoryState] = {}
        folder = self.root / STORIES
        if not folder.is_dir():
            return out
        for p in sorted(folder.glob("*.toml")):
            try:
                s = story_state_from_dict(tomllib.loads(p.read_text(encoding="utf-8")))
                out[s.id] = s
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError) as e:
                self.problems.append(f"{p.relative_to(self.root)}: {e}")
        return out

    # ---- one article, without loading the rest ---------------------------------------------
    def _one(self, aid: str) -> Article | None:
        """An article read from its own file (kept for the rest of the process)."""
        if aid in self._few:
            return self._few[aid]
        path = article_path(self.root, aid)
        try:
            st = path.stat()
        except OSError:
            return None
        a, problem = self._read_article(path)
        if a is None:
            raise UnknownId(f"{problem}; run `wiredesk doctor`")
        self._few[aid] = a
        self._few_sig[aid] = (st.st_mtime_ns, st.st_size)
        return a

    def _resolve_one(self, prefix: str) -> Article | None:
        """The article a prefix names, from its folder alone; None when the prefix is too
        short to name a folder (the caller then loads everything)."""
        p = prefix.strip().lower()
        if len(p) < 2 or "/" in p or p.startswith("."):
            return None
        try:
            names = [n[:-5] for n in os.listdir(self.root / ARTICLES / p[:2])
                     if n.endswith(".toml") and not n.startswith(".")]
        except OSError:
            names = []
        hits = [p] if p in names else sorted(n for n in names if n.startswith(p))
        if not hits:
            raise UnknownId(f"no article with id {prefix!r}")
        if len(hits) > 1:
            more = "..." if len(hits) > 4 else ""
            raise AmbiguousId(f"article id {prefix!r} is ambiguous: {', '.join(hits[:4])}{more}")
        a = self._one(hits[0])
        if a is None:
            raise UnknownId(f"no article with id {prefix!r}")
        return a

    def _origin_one(self, origin: str) -> Article | Literal[False]:
        """The article of an origin, through the index, checked against its file; False when
        the index cannot say (the caller then loads everything)."""
        from tui.core.workspace import index_sync

        idx = index_sync.current(self)
        if idx is None:
            return False
        with idx.guard:
            rows = idx.db.execute("SELECT id FROM articles WHERE origin=?", (origin,)).fetchall()
        for (aid,) in rows:
            a = self._one(aid)
            if a is not None and a.origin == origin:
                return a
        return False
