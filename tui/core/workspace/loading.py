"""Reading the workspace: every article at once (through the records cache), or, for a command
about one article, only that article's file.

A workspace opened with ``lazy=True`` reads nothing but its settings; the first use that needs
every article (a list of stories, grouping, an ingest of new text) loads them all, stat-ing each
file against the records cache. Until then, looking an article up reads its one folder
(``articles/<ab>/``) and its one file, so a star costs the same in 5 articles as in a million.

:class:`Records` holds what was read; the workspace (``store.py``) holds one and builds the
story faces, the records cache and the index on top of it. Nothing here knows the workspace.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from tui.core.model import Article
from tui.core.workspace import cache, journal, recordcache, story_files
from tui.core.workspace.errors import AmbiguousId, UnknownId
from tui.core.workspace.paths import (
    ARTICLES,
    STORIES,
    article_file,
    article_id_of,
    article_path,
    article_rel,
)
from tui.core.workspace.records import (
    StoryState,
    article_from_dict,
    read_record,
)

Kept = Callable[[set[str]], dict[str, StoryState]]


@dataclass
class Loaded:
    """What a full read found beside the records: the records cache it started from (its
    story faces and its delta), and the articles that differ from that cache: read again from
    their files, gone since, or damaged (named in ``Records.problems``)."""

    cached: recordcache.Cached
    reread: list[Article] = field(default_factory=list)
    gone: set[str] = field(default_factory=set)
    damaged: set[str] = field(default_factory=set)

    @property
    def changed(self) -> set[str]:
        """Ids whose story faces the cache's faces do not show as they are now."""
        return ({a.id for a in self.cached.delta_records.values()}
                | {a.id for a in self.reread} | self.gone | self.damaged)


class Records:
    """The article records and story states one workspace holds in memory, and how they are
    read: all at once (:meth:`load_all`), or one by one before that (:meth:`one`)."""

    def __init__(self, root: Path, kept: Kept = lambda sids: {}) -> None:
        self.root = root
        self.kept = kept  # the states last read of stories whose files are damaged (the index)
        self.loaded = False  # every article read (else only ``few``)
        self.arts: dict[str, Article] = {}  # id -> article, once loaded
        self.sigs: dict[str, tuple[int, int]] = {}  # file (rel) -> (mtime_ns, size), loaded
        self.origins: dict[str, str] = {}  # origin -> article id, once loaded
        self.few: dict[str, Article] = {}  # articles read one by one before a full load
        self.few_sig: dict[str, tuple[int, int]] = {}
        # articles registered by an ingest of this process, not written yet: kept over a full
        # read (their files do not exist yet), dropped once written (``put``)
        self.added: dict[str, Article] = {}
        self.added_origins: dict[str, str] = {}  # origin -> id of those
        self.noticed: set[str] = set()  # ids a full read found changed behind Wiredesk's
        # back (``index_sync.heal``): the grouping cache checks them
        self.states: dict[str, StoryState] | None = None  # read on first need
        self.mark = journal.mark(root)  # where this process last read the journal
        self.problems: list[str] = []  # damaged files: "path line N: reason"

    @property
    def story_states(self) -> dict[str, StoryState]:
        if self.states is None:
            self.states = self.read_story_states()
        return self.states

    # ---- everything ------------------------------------------------------------------------
    def load_all(self) -> Loaded:
        """Read every article, reusing cached records whose file did not change."""
        self.mark = journal.mark(self.root)  # first: later writes show up in the journal
        sig = cache.scan_article_files(self.root)
        cached = recordcache.load(self.root)
        arts: dict[str, Article] = {}
        problems = []
        reread: dict[str, Article] = {}
        damaged: set[str] = set()
        for rel, s in sig.items():
            a = cached.records.get(rel) if cached.sig.get(rel) == s else None
            if not isinstance(a, Article):
                a, problem = self.read_article(self.root / ARTICLES / rel)
                if a is None:
                    problems.append(problem or f"{rel}: unreadable")
                    damaged.add(article_id_of(rel))
                    continue
                reread[rel] = a
            arts[a.id] = a
        self.loaded = True
        self.few, self.few_sig = {}, {}
        self.problems = problems
        arts.update(self.added)
        self.arts = dict(sorted(arts.items()))
        self.sigs = sig
        self.origins = {a.origin: a.id for a in self.arts.values()}
        self.states = self.read_story_states()
        gone = {article_id_of(rel) for rel in cached.sig.keys() - sig.keys()}
        return Loaded(cached, list(reread.values()), gone, damaged)

    def catch_up(self) -> set[str] | None:
        """Re-read what other processes wrote since this one last looked (via the journal).
        Returns the journal's keys (``a:<id>``, ``s:<id>``) once loaded (none before), or None
        when the journal cannot tell: then everything must be read again."""
        keys, self.mark = journal.read_since(self.root, self.mark)
        if not self.loaded:  # nothing held but the few articles read one by one
            if keys is None:
                self.few, self.few_sig = {}, {}
                self.states = None
            else:
                for k in keys:
                    self.few.pop(k.partition(":")[2], None)
                if any(k.startswith("s:") for k in keys):
                    self.states = None
            return set()
        if keys is None:
            return None
        for key in keys:
            kind, _, ident = key.partition(":")
            if kind == "a" and ident:
                self.reread(ident)
        if any(k.startswith("s:") and k[2:] for k in keys):
            self.states = self.read_story_states()  # once, however many stories
        return keys

    def put(self, a: Article, sig: tuple[int, int]) -> None:
        """Hold an article just written; ``sig``: its file's."""
        (self.arts if self.loaded else self.few)[a.id] = a
        if self.added.pop(a.id, None) is not None:
            self.added_origins.pop(a.origin, None)
        self.sig_set(a.id, sig)

    def reread(self, aid: str) -> Article | None:
        """Read one article's file again (it may have been edited); None when it is gone."""
        path = article_path(self.root, aid)
        arts = self.arts if self.loaded else self.few
        try:
            st = path.stat()
        except OSError:
            arts.pop(aid, None)
            self.sig_drop(aid)
            return None
        a, problem = self.read_article(path)
        if a is None:
            self.problems.append(problem or f"{article_rel(aid)}: unreadable")
            return None
        arts[aid] = a
        self.sig_set(aid, (st.st_mtime_ns, st.st_size))
        if self.loaded:
            self.origins[a.origin] = a.id
        return a

    def sig_of(self, aid: str) -> tuple[int, int] | None:
        if self.loaded:
            return self.sigs.get(article_rel(aid))
        return self.few_sig.get(aid)

    def sig_set(self, aid: str, sig: tuple[int, int]) -> None:
        if self.loaded:
            self.sigs[article_rel(aid)] = sig
        else:
            self.few_sig[aid] = sig

    def sig_drop(self, aid: str) -> None:
        if self.loaded:
            self.sigs.pop(article_rel(aid), None)
        else:
            self.few_sig.pop(aid, None)

    def read_article(self, path: Path) -> tuple[Article | None, str | None]:
        rel = path.relative_to(self.root)
        try:
            a, _, _, problem = read_record(path, rel, article_from_dict)
        except FileNotFoundError as e:
            return None, f"{rel}: cannot read ({e.strerror or e})"
        if a is None:
            return None, problem
        if a.id != path.stem:
            return None, f"{rel}: id {a.id!r} does not match the file name"
        return a, None

    def read_story_states(self) -> dict[str, StoryState]:
        out: dict[str, StoryState] = {}
        folder = self.root / STORIES
        if not folder.is_dir():
            return out
        damaged = set()
        for p in sorted(folder.glob("*.toml")):
            s, problem = story_files.read(p, self.root)
            if s is not None:
                out[s.id] = s
            elif problem is not None:
                damaged.add(p.stem)
                if problem not in self.problems:  # named once
                    self.problems.append(problem)
        if damaged - out.keys():  # shown as last read, not as "no state" (story_files)
            out.update({sid: st for sid, st in self.kept(damaged - out.keys()).items()
                        if sid not in out})
        return out

    # ---- one article, without loading the rest ---------------------------------------------
    def register(self, a: Article) -> None:
        """Hold a new article, or a new version of one, before its file is written."""
        self.added[a.id] = a
        self.added_origins[a.origin] = a.id
        if self.loaded:
            self.arts[a.id] = a
            self.origins[a.origin] = a.id

    def known(self, aid: str) -> bool:
        """An article with this id exists (or is being added): a stat, not a full read."""
        if aid in self.added or aid in (self.arts if self.loaded else self.few):
            return True
        return os.path.exists(article_file(self.root, aid))  # a damaged file's name is taken too

    def one(self, aid: str) -> Article | None:
        """An article read from its own file (kept for the rest of the process)."""
        if aid in self.added:
            return self.added[aid]
        if aid in self.few:
            return self.few[aid]
        path = article_path(self.root, aid)
        try:
            st = path.stat()
        except OSError:
            return None
        a, problem = self.read_article(path)
        if a is None:
            raise UnknownId(f"{problem}; run `wiredesk doctor`")
        self.few[aid] = a
        self.few_sig[aid] = (st.st_mtime_ns, st.st_size)
        return a

    def resolve_one(self, prefix: str) -> Article | None:
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
        a = self.one(hits[0])
        if a is None:
            raise UnknownId(f"no article with id {prefix!r}")
        return a


def resolve(prefix: str, table: Mapping[str, object], what: str) -> str:
    """The one key of ``table`` that ``prefix`` starts (or is); ``UnknownId``/``AmbiguousId``."""
    p = prefix.strip().lower()
    if p in table:
        return p
    if not p:
        raise UnknownId(f"empty {what} id")
    hits = [k for k in table if k.startswith(p)]
    if not hits:
        raise UnknownId(f"no {what} with id {prefix!r}")
    if len(hits) > 1:
        shown = ", ".join(sorted(hits)[:4])
        more = "..." if len(hits) > 4 else ""
        raise AmbiguousId(f"{what} id {prefix!r} is ambiguous: {shown}{more}")
    return hits[0]
