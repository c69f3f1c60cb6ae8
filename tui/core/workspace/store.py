"""The workspace: a folder of TOML files that holds every article, story and triage decision.

Reading never locks (files are replaced atomically). Every change takes the writer lock,
re-reads what other processes changed since, writes the few files concerned atomically, and
updates the disposable cache and the index beside them in the same step. See docs/WORKSPACE.md
for the layout. Reading is in ``loading.py``, ingest and grouping corrections in
``regrouping.py``, the index in ``index*.py``.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import tomllib
from pathlib import Path

import tomli_w

from tui.core.model import Article
from tui.core.workspace import cache, index_sync, journal, recordcache
from tui.core.workspace.atomic import write_atomic
from tui.core.workspace.errors import AmbiguousId, UnknownId, WorkspaceError
from tui.core.workspace.faces import build_stories
from tui.core.workspace.loading import Loading
from tui.core.workspace.lock import WorkspaceLocked, WriterLock
from tui.core.workspace.lock import lock_timeout as env_lock_timeout
from tui.core.workspace.paths import (
    CACHE,
    GITIGNORE,
    SCHEMA_VERSION,
    SETTINGS,
    STORIES,
    article_path,
    article_rel,
    default_root,
    story_path,
)
from tui.core.workspace.records import (
    Story,
    StoryState,
    article_to_toml,
    story_state_to_toml,
    toml_error,
)
from tui.core.workspace.regrouping import Regrouping


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace(
        "+00:00", "Z")


class Workspace(Loading, Regrouping):
    def __init__(self, root: Path, *, lock_timeout: float = 10.0) -> None:
        self.root = Path(root)
        self.lock = WriterLock(self.root, timeout=lock_timeout)
        self.problems: list[str] = []  # damaged files: "path line N: reason"
        self._init_loading()
        self._stories: list[Story] | None = None
        self._queries = None  # Workspace.index
        self._explainer = None  # a grouper loaded for `explain`, dropped when stories change
        self._grouper_base = None  # (signature, ids replayed, ids moved) of the grouping index
        self._cache_token: str | None = None  # which cached base of records we hold
        self._delta: tuple[dict, dict] = ({}, {})  # records cached since that base
        self._pending_faces: set[str] = set()  # articles changed since the faces were built
        self.stories_written = 0  # the stories folder's mtime (ns) after this process's write

    # ---- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, root: Path | str | None = None, *, create: bool = True,
             lock_timeout: float | None = None, lazy: bool = False) -> Workspace:
        """Open (or create) a workspace. ``lazy``: read no article until one is needed (a
        command about one article reads only its file); the damaged files known are the ones
        the index recorded, until everything is read."""
        root = Path(root).expanduser() if root else default_root()
        if lock_timeout is None:
            lock_timeout = env_lock_timeout()
        if not cls.check(root):
            if not create:
                raise WorkspaceError(f"no workspace at {root}")
            cls._create(root)
        ws = cls(root, lock_timeout=lock_timeout)
        ws._read_settings()
        if lazy:
            idx = index_sync.current(ws)
            ws.problems = idx.problems() if idx is not None else []
        else:
            ws._load()
        return ws

    @staticmethod
    def check(root: Path) -> bool:
        """Cheaply, without reading articles: True for a workspace, False where one can be
        made (a missing or empty folder); ``WorkspaceError`` for a folder of something else."""
        try:
            if (root / SETTINGS).exists():
                return True
            if root.exists() and any(p for p in root.iterdir() if p.name != ".lock"):
                raise WorkspaceError(
                    f"{root} is not a Wiredesk workspace (no {SETTINGS}); "
                    "point --workspace at an empty or existing workspace folder")
        except OSError as e:
            raise WorkspaceError(f"{root}: {e.strerror or e}") from None
        return False

    @staticmethod
    def _create(root: Path) -> None:
        try:
            root.mkdir(parents=True, exist_ok=True)
            doc = {"workspace": {"schema": SCHEMA_VERSION, "created": now_iso()}}
            head = ("# Wiredesk workspace. Layout and editing rules: docs/WORKSPACE.md in the "
                    "Wiredesk sources.\n")
            write_atomic(root / SETTINGS, head + tomli_w.dumps(doc))
            write_atomic(root / ".gitignore", GITIGNORE)
        except OSError as e:
            raise WorkspaceError(
                f"cannot create a workspace at {root}: {e.strerror or e}") from None

    def _read_settings(self) -> None:
        path = self.root / SETTINGS
        try:
            text = path.read_text(encoding="utf-8")
            data = tomllib.loads(text)
        except OSError as e:
            raise WorkspaceError(f"{path}: cannot read ({e.strerror or e})") from None
        except UnicodeDecodeError:
            raise WorkspaceError(f"{path}: not UTF-8 text; run `wiredesk doctor`") from None
        except tomllib.TOMLDecodeError as e:
            raise WorkspaceError(
                f"{path}: damaged, {toml_error(text, e)}; run `wiredesk doctor`") from None
        from tui.core.workspace.doctor.fields import SETTINGS as RULES
        from tui.core.workspace.doctor.fields import wrong_types

        wrong = wrong_types(data, RULES)
        if wrong:  # a wrong type is a wrong type, not a newer schema
            raise WorkspaceError(f"{path}: wrong type: {wrong[0][1]}; run `wiredesk doctor "
                                 "--repair`")
        schema = data.get("workspace", {}).get("schema", 1)
        if schema > SCHEMA_VERSION:
            raise WorkspaceError(
                f"{path}: schema {schema!r} is newer than this Wiredesk understands "
                f"({SCHEMA_VERSION}); upgrade Wiredesk")
        self.settings = data

    def changed_on_disk(self, *, full: bool = False) -> bool:
        """True when another process wrote since this one last read (cheap: the journal).
        ``full`` also stats every article file, to notice edits made by hand."""
        if journal.changed(self.root, self._mark):
            return True
        return full and self._loaded and cache.scan_article_files(self.root) != self._sigs

    def reload(self) -> None:
        """Catch up with changes made outside this process (all of them after hand edits)."""
        if journal.changed(self.root, self._mark) and self._loaded:
            self._catch_up()
        else:
            self._load()

    # ---- reading -------------------------------------------------------------------------
    def articles(self) -> list[Article]:
        return list(self._articles.values())

    def __len__(self) -> int:
        if not self._loaded and (idx := index_sync.current(self)) is not None:
            with idx.guard:
                return idx.db.execute("SELECT count(*) FROM articles").fetchone()[0]
        return len(self._articles)

    def ids(self) -> tuple[list[str], list[str]]:
        """Every article id and every story id (from the index when nothing is loaded)."""
        if not self._loaded and (idx := index_sync.current(self)) is not None:
            with idx.guard:
                arts = [r[0] for r in idx.db.execute("SELECT id FROM articles")]
                return arts, [r[0] for r in idx.db.execute("SELECT id FROM stories")]
        return list(self._articles), [s.id for s in self.stories()]

    def stories_matching(self, flt=None, *, archived: bool = False
                         ) -> list[tuple[Story, list[Article]]]:
        """Stories shown (archived ones too with ``archived``), each with its articles that
        pass the filter ``flt`` (a ``tui.core.query.Filter``; None: all), in the list's order.
        Answered by the index for a filter, unless the workspace is already read whole."""
        # Every story with every article: reading the records cache whole is cheaper than
        # making them from the index's rows (100,000 articles: 3.5 s against 5.4 s of CPU).
        # A free word of one or two letters matches inside any word: only reading finds it.
        use_index = not self._loaded and flt is not None and not flt.is_empty and all(
            len(t) >= 3 for t in flt._terms)
        for _ in range(2 if use_index else 0):
            try:
                return self.index.stories_with_articles(flt, archived=archived)
            except (WorkspaceLocked, index_sync.IndexUnusable, OSError):
                break  # no index to use now (busy, read-only folder...): read everything
            except sqlite3.DatabaseError:
                index_sync.drop(self)  # damaged: built again from the TOML, once
        from tui.core.workspace.matching import read_matching  # query: loaded when asked

        return read_matching(self, flt, archived)

    def get(self, aid: str) -> Article:
        a = self._arts.get(aid) if self._loaded else self._one(aid)
        if a is None:
            raise UnknownId(f"no article with id {aid!r}")
        return a

    def resolve(self, prefix: str) -> Article:
        if not self._loaded:
            a = self._resolve_one(prefix)
            if a is not None:
                return a
        return self._articles[_resolve(prefix, self._articles, "article")]

    def resolve_story(self, prefix: str) -> Story:
        stories = {s.id: s for s in self.stories()}
        return stories[_resolve(prefix, stories, "story")]

    def by_origin(self, origin: str) -> Article | None:
        if not self._loaded:
            a = self._origin_one(origin)
            if a is not False:
                return a
        aid = self._by_origin.get(origin)
        return self._articles.get(aid) if aid else None

    def stories(self) -> list[Story]:
        """Stories, largest first (then newest, then id)."""
        if self._stories is None:
            self._stories = build_stories(self._articles.values(), self._story_states)
        elif self._pending_faces:
            face_of = {aid: st.id for st in self._stories for aid in st.article_ids}
            self._stories = recordcache.patch_faces(
                self._stories, face_of, self._articles, self._pending_faces, self._story_states)
        self._pending_faces = set()
        return self._stories

    def _touched(self, ids) -> None:
        """Articles whose story faces must be rebuilt before stories are next shown."""
        self._pending_faces.update(ids)

    def story_of(self, aid: str) -> Story | None:
        sid = self.get(aid).story
        return next((s for s in self.stories() if s.id == sid), None)

    def body(self, a: Article, version: int = -1) -> str:
        return self._read_text(a.versions[version].body_file)

    def raw(self, a: Article, version: int = -1) -> str:
        return self._read_text(a.versions[version].raw_file)

    def _read_text(self, rel: str) -> str:
        path = self.root / rel
        try:
            return path.read_text(encoding="utf-8", errors="replace")
        except OSError as e:
            raise WorkspaceError(f"{rel}: cannot read ({e.strerror or e})") from None

    # ---- writing -------------------------------------------------------------------------
    def write_article(self, a: Article, *, sync: bool = True, log: bool = True) -> None:
        """Write one article record atomically (the caller holds the lock). ``log``: a write of
        its own, told to other processes and to the index now; a bulk writer (``adding.finish``)
        does both once for all its articles."""
        path = article_path(self.root, a.id)
        before = index_sync.folders_before(self, [a.id]) if log else None
        write_atomic(path, article_to_toml(a), sync=sync)
        (self._arts if self._loaded else self._few)[a.id] = a
        st = path.stat()
        self._sig_set(a.id, (st.st_mtime_ns, st.st_size))
        if self._loaded:
            self._touched([a.id])
        self._explainer = None
        if log:
            index_sync.after_write(self, [a], before=before)
            self.log_changes([f"a:{a.id}"])

    def log_changes(self, keys) -> None:
        """Tell other processes what changed; our own writes are not news to us."""
        self._mark = journal.append(self.root, keys) or journal.mark(self.root)

    def save_cache(self, changed: list[Article] | None = None) -> None:
        """Cache the parsed records: only ``changed`` ones (a delta) when that is small, else
        all of them with the story faces."""
        if not self._loaded:
            return  # nothing read to cache: the next full open checks the files anyway
        recs, sigs = self._delta
        if changed is not None and self._cache_token and (
                len(recs) + len(changed) <= recordcache.DELTA_MAX):
            for a in changed:
                rel = article_rel(a.id)
                if rel in self._sigs:
                    recs[rel], sigs[rel] = a, self._sigs[rel]
            recordcache.save_delta(self.root, self._cache_token, recs, sigs)
            return
        self._cache_token = recordcache.save_base(
            self.root, self._sig, self._articles, self.stories(), self._states_key())
        self._delta = ({}, {})

    def _states_key(self) -> list:
        return sorted((s.id, s.archived, s.title or "") for s in self._story_states.values())

    @property
    def index(self):
        """Queries answered by the index (``index_query.Queries``): counts, windows of
        stories in order, filters, full-text search; built or caught up on first use."""
        if self._queries is None:
            from tui.core.workspace.index_query import Queries

            self._queries = Queries(self)
        return self._queries

    def begin(self) -> Workspace:
        """Take the writer lock and catch up with changes other processes made."""
        self.lock.acquire()
        try:
            self._catch_up()
        except BaseException:
            self.lock.release()
            raise
        return self

    def __enter__(self) -> Workspace:
        return self.begin()

    def __exit__(self, *exc) -> None:
        self.lock.release()

    def update_triage(self, aid: str, *, add_tags=(), remove_tags=(), starred=None, read=None,
                      note=None) -> Article:
        """Change one article's triage and save it (a small file, atomically)."""
        with self:
            self._reread_article(aid)  # a hand edit since we last looked must not be lost
            a = self.get(aid)
            t = a.triage
            tags = [x for x in t.tags if x not in set(remove_tags)]
            tags += [x for x in add_tags if x not in tags]
            t.tags = sorted(tags)
            if starred is not None:
                t.starred = starred
            if read is not None:
                t.read = read
            if note is not None:
                note = note.replace("\r\n", "\n").replace("\r", "\n")
                t.note = note
                t.note_version = a.newest.hash if note else None
                t.note_updated = now_iso() if note else None
            self.write_article(a)
            return a

    def set_story_state(self, sid: str, *, archived: bool | None = None,
                        title: str | None = None) -> StoryState:
        with self:
            st = self._story_states.get(sid) or StoryState(id=sid)
            if archived is not None:
                st.archived = archived
            if title is not None:
                st.title = title or None
            write_atomic(story_path(self.root, sid), story_state_to_toml(st))
            try:  # so a watcher of the folder can tell this write from others'
                self.stories_written = (self.root / STORIES).stat().st_mtime_ns
            except OSError:
                pass
            self._story_states[sid] = st
            index_sync.states_changed(self, [st])
            self.log_changes([f"s:{sid}"])
            if self._loaded:
                self._touched(a.id for a in self._arts.values() if (a.story or a.id) == sid)
            return st

    def tags(self) -> list[str]:
        return sorted({t for a in self._articles.values() for t in a.triage.tags})

    def cache_dir(self) -> Path:
        return self.root / CACHE


def _resolve(prefix: str, table: dict, what: str) -> str:
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


