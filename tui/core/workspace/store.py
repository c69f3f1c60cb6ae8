"""The workspace: a folder of TOML files that holds every article, story and triage decision.

Reading never locks (files are replaced atomically). Every change takes the writer lock,
re-reads what other processes changed since, writes the few files concerned atomically, and
updates the disposable cache and the index beside them in the same step. See docs/WORKSPACE.md
for the layout. The workspace is made of parts that never import it: the records read
(``loading.Records``), the settings file (``settings``), ingest and grouping corrections
(``regrouping``), filters by reading (``matching``), the index (``index*.py``).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from contextlib import suppress
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from tui.core.gcpause import collector_paused
from tui.core.model import Article
from tui.core.userpath import user_path
from tui.core.workspace import cache, index_sync, journal, settings, story_files, unknown_keys
from tui.core.workspace.atomic import write_atomic
from tui.core.workspace.errors import UnknownId, WorkspaceError
from tui.core.workspace.loading import Records, resolve
from tui.core.workspace.lock import WriterLock
from tui.core.workspace.lock import lock_timeout as env_lock_timeout
from tui.core.workspace.paths import CACHE, STORIES, article_file, default_root, story_path
from tui.core.workspace.records import (
    Story,
    StoryState,
    article_to_toml,
    now_iso,
    story_state_to_toml,
)
from tui.core.workspace.shown import Shown

if TYPE_CHECKING:  # loaded when first used, not at the start-up of every command
    from tui.core.group import Grouper
    from tui.core.query import Filter  # (rapidfuzz)
    from tui.core.workspace.adding import IngestReport
    from tui.core.workspace.index_query import Queries

__all__ = ["Workspace", "now_iso"]


class Workspace:
    def __init__(self, root: Path, *, lock_timeout: float = 10.0) -> None:
        self.root = Path(root)
        self.lock = WriterLock(self.root, timeout=lock_timeout)
        self.records = Records(self.root, lambda sids: index_sync.states_of(self, sids))
        self.settings: dict = {}
        self.index_db = None  # the open index, kept by ``index_sync.current``
        self.shown = Shown(self.records)  # the story faces and the records cache
        self._queries: Queries | None = None  # Workspace.index
        self._explainer: Grouper | None = None  # loaded for `explain`, dropped on a write
        self._grouper_base = None  # (signature, ids replayed, ids moved) of the grouping index
        self.stories_written = 0  # the stories folder's mtime (ns) after this process's write
        # article id -> the problem line of its body, which a word search could not read
        self.unreadable: dict[str, str] = {}
        self.caught_up = False  # the index checked against the folder times under the lock
        self.fresh: dict[str, str] = {}  # body file -> text an ingest wrote (adding.ingest)

    # ---- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, root: Path | str | None = None, *, create: bool = True,
             lock_timeout: float | None = None, lazy: bool = False) -> Workspace:
        """Open (or create) a workspace. ``lazy``: read no article until one is needed (a
        command about one article reads only its file); the damaged files known are the ones
        the index recorded, until everything is read."""
        root = user_path(root) if root else default_root()
        if lock_timeout is None:
            lock_timeout = env_lock_timeout()
        if not settings.check(root):
            if not create:
                raise WorkspaceError(f"no workspace at {root}")
            settings.create(root)
        ws = cls(root, lock_timeout=lock_timeout)
        ws.settings = settings.read(root)
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
        return settings.check(root)

    @property
    def problems(self) -> list[str]:
        """Damaged files met so far: "path line N: reason"."""
        return self.records.problems

    @problems.setter
    def problems(self, value: list[str]) -> None:
        self.records.problems = value

    @property
    def loaded(self) -> bool:
        """True once every article has been read (a lazy workspace reads them on first need)."""
        return self.records.loaded

    def changed_on_disk(self, *, full: bool = False) -> bool:
        """True when another process wrote since this one last read (cheap: the journal).
        ``full`` also stats every article file, to notice edits made by hand."""
        if journal.changed(self.root, self.records.mark):
            return True
        return full and self.loaded and cache.scan_article_files(self.root) != self.records.sigs

    def reload(self) -> None:
        """Catch up with changes made outside this process (all of them after hand edits)."""
        if not self.loaded or journal.changed(self.root, self.records.mark):
            self._catch_up()  # lazy: forget the articles read one by one that changed
        else:
            self._load()

    def _load(self) -> None:
        """Read every article (through the records cache), then the story faces: the cached
        ones with the stories of changed articles rebuilt, else built on first need."""
        with collector_paused():  # 100,000 records arrive at once
            got = self.records.load_all()
            self.shown.loaded(got)
            index_sync.heal(self, got.reread, got.gone | got.damaged, self.problems)

    def _catch_up(self) -> None:
        """Re-read what other processes wrote since this one last looked (via the journal)."""
        keys = self.records.catch_up()
        if keys is None:
            self._load()
            return
        self.shown.touched(k.partition(":")[2] for k in keys if k.startswith("a:"))
        if any(k.startswith("s:") for k in keys):
            self.shown.faces = None

    # ---- reading -------------------------------------------------------------------------
    @property
    def by_id(self) -> Mapping[str, Article]:
        """Every article by id (the whole workspace is read first). Read-only: articles are
        added with :meth:`register` and written with :meth:`write_article`."""
        if not self.loaded:
            self._load()
        return MappingProxyType(self.records.arts)

    def articles(self) -> list[Article]:
        return list(self.by_id.values())

    def __len__(self) -> int:
        if not self.loaded and (idx := index_sync.current(self)) is not None:
            with idx.guard:
                return idx.db.execute("SELECT count(*) FROM articles").fetchone()[0]
        return len(self.by_id)

    def ids(self) -> tuple[list[str], list[str]]:
        """Every article id and every story id (from the index when nothing is loaded)."""
        if not self.loaded and (idx := index_sync.current(self)) is not None:
            with idx.guard:
                arts = [r[0] for r in idx.db.execute("SELECT id FROM articles")]
                return arts, [r[0] for r in idx.db.execute("SELECT id FROM stories")]
        return list(self.by_id), [s.id for s in self.stories()]

    def stories_matching(self, flt: Filter | None = None, *, archived: bool = False
                         ) -> list[tuple[Story, list[Article]]]:
        """Stories shown (archived ones too with ``archived``), each with its articles that
        pass the filter ``flt`` (a ``tui.core.query.Filter``; None: all), in the list's order.
        Answered by the index for a filter, unless the workspace is already read whole."""
        from tui.core.workspace import matching  # the query modules: loaded when asked

        return matching.stories_matching(self, flt, archived)

    def get(self, aid: str) -> Article:
        a = self.records.arts.get(aid) if self.loaded else self.records.one(aid)
        if a is None:
            raise UnknownId(f"no article with id {aid!r}")
        return a

    def resolve(self, prefix: str) -> Article:
        if not self.loaded:
            a = self.records.resolve_one(prefix)
            if a is not None:
                return a
        return self.by_id[resolve(prefix, self.by_id, "article")]

    def resolve_story(self, prefix: str) -> Story:
        stories = {s.id: s for s in self.stories()}
        return stories[resolve(prefix, stories, "story")]

    def by_origin(self, origin: str) -> Article | None:
        if not self.loaded:  # the index's rows, checked against their files
            if (held := self.records.added_origins.get(origin)) is not None:
                return self.records.added[held]
            ids = index_sync.ids_of_origin(self, origin)
            for aid in ids or ():
                a = self.records.one(aid)
                if a is not None and a.origin == origin:
                    return a
            if ids == []:  # an index caught up with the folders knows no such origin
                return None
        arts = self.by_id  # no index, or it does not know: read everything
        held = self.records.origins.get(origin)
        return arts.get(held) if held else None

    def find(self, aid: str) -> Article | None:
        """An article by id; None for none or a damaged file (lazy: reads only its file)."""
        if self.loaded:
            return self.records.arts.get(aid)
        try:
            return self.records.one(aid)
        except UnknownId:
            return None

    def has_id(self, aid: str) -> bool:  # its file exists, or this process is adding it
        return self.records.known(aid)

    def stories(self) -> list[Story]:
        """Stories, largest first (then newest, then id)."""
        self.by_id  # noqa: B018 (reads the workspace first)
        return self.shown.stories()

    def story_of(self, aid: str) -> Story | None:
        sid = self.get(aid).story
        return next((s for s in self.stories() if s.id == sid), None)

    def body(self, a: Article, version: int = -1) -> str:
        rel = a.versions[version].body_file  # (one just written: not read back)
        return got if (got := self.fresh.get(rel)) is not None else self._read_text(rel)

    def raw(self, a: Article, version: int = -1) -> str:
        return self._read_text(a.versions[version].raw_file)

    def searchable(self, a: Article) -> str:
        """The body a word search reads. An unreadable one is searched as empty, so the rest of
        the search goes on: the article is kept in ``unreadable`` and named once in
        ``problems`` (the one report of it: the app and the commands read it from there)."""
        try:
            body = self.body(a)
        except WorkspaceError as e:
            note = f"{e} (article {a.id} searched by title and fields only)"
            self.unreadable[a.id] = note
            if note not in self.problems:
                self.problems.append(note)
            return ""
        self.unreadable.pop(a.id, None)  # readable again (repaired)
        return body

    def _read_text(self, rel: str) -> str:
        path = self.root / rel
        try:
            return path.read_text(encoding="utf-8", errors="replace")
        except OSError as e:
            raise WorkspaceError(f"{rel}: cannot read ({e.strerror or e})") from None

    def explain(self, aid: str) -> list[str]:
        """Why an article is in its story: the names, numbers and terms it shares."""
        from tui.core.workspace import grouping

        if self._explainer is None:
            self._explainer = grouping.grouper(self)
        return grouping.explain(self, self._explainer, aid)

    # ---- writing -------------------------------------------------------------------------
    def register(self, a: Article) -> None:
        """Hold a new article, or a new version of one, before its file is written (an
        ingest): found by id and by origin from now on, without reading the workspace."""
        self.records.register(a)

    def write_article(self, a: Article, *, sync: bool = True, log: bool = True) -> Article:
        """Write one article record atomically (the caller holds the lock). ``log``: a write of
        its own, told to other processes and to the index now; a bulk writer (``adding.finish``)
        does both once for all its articles."""
        path = article_file(self.root, a.id)
        before = index_sync.folders_before(self, [a.id]) if log else None
        written = copy.copy(a)  # file and row from one look (the keys swap in a new triage)
        st = write_atomic(path, article_to_toml(written, unknown_keys.of_file(path)), sync=sync)
        self.records.put(a, (st.st_mtime_ns, st.st_size))
        if self.loaded:
            self.shown.touched([a.id])
        self._explainer = None
        if log:
            index_sync.after_write(self, [written], before=before)
            self.log_changes([f"a:{a.id}"])
        return written  # (as the file says it: what a bulk writer indexes)

    def log_changes(self, keys) -> None:
        """Tell other processes what changed; our own writes are not news to us."""
        self.records.mark = journal.append(self.root, keys) or journal.mark(self.root)

    def save_cache(self, changed: list[Article] | None = None) -> None:
        """Cache the parsed records: only ``changed`` ones (a delta) when that is small, else
        all of them with the story faces."""
        self.shown.save(changed)

    @property
    def index(self) -> Queries:
        """Queries answered by the index (``index_query.Queries``): counts, windows of
        stories in order, filters, full-text search; built or caught up on first use."""
        if self._queries is None:
            from tui.core.workspace.index_query import Queries  # (as ``matching``)

            self._queries = Queries(self)
        return self._queries

    def begin(self) -> Workspace:
        """Take the writer lock and catch up with changes other processes made."""
        self.lock.acquire()
        self.caught_up = False  # the index's folder times are checked again under this lock
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

    def ingest(self, docs, *, on_progress=None, failures=(), ready=None) -> IngestReport:
        """Add documents: new articles, new versions, duplicates skipped; then group them
        (``ready``: records' work done ahead, ``pipeline``)."""
        from tui.core.workspace import regrouping  # (cleaning and grouping: loaded when used)

        return regrouping.ingest(self, docs, on_progress=on_progress, failures=failures,
                                 ready=ready)

    def correct(self, op: str, *args) -> list[str]:
        """Apply a grouping correction (merge, split, move); returns the changed article ids."""
        return self.correct_all([(op, *args)])[0]

    def correct_all(self, steps: list) -> tuple[list[str], tuple]:
        """Apply corrections in order (``Merge``, ``Split``, ``Move``, or ``("move", article,
        story)``...) with one load and one save of the grouping index. Returns the changed
        article ids and a record for :meth:`undo_correction`."""
        from tui.core.workspace import regrouping

        return regrouping.correct_all(self, steps)

    def undo_correction(self, record: tuple) -> list[str]:
        """Put the grouping and ``corrections.toml`` back as they were before ``correct_all``
        gave ``record``; ``StaleUndo`` if those articles have moved, or other corrections were
        made, since."""
        from tui.core.workspace import regrouping

        return regrouping.undo_correction(self, record)

    def update_triage(self, aid: str, *, add_tags=(), remove_tags=(), starred=None, read=None,
                      note=None) -> Article:
        """Change one article's triage and save it (atomically); a damaged file is kept."""
        with self:
            said = len(self.records.problems)  # (a file gone is UnknownId below, as before)
            if self.records.reread(aid) is None and len(self.records.problems) > said:
                raise WorkspaceError(f"{self.records.problems[-1]}: not overwritten")
            a = copy.copy(self.get(aid))  # (the held one is replaced once the file is written)
            t = a.triage = copy.copy(a.triage)
            t.tags = sorted({x for x in t.tags if x not in set(remove_tags)} | set(add_tags))
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
            states = self.records.story_states
            own: dict = {}  # (its keys Wiredesk does not read, from the same read)
            st = story_files.current(self.root, sid, own)  # the file now; a damaged one: refused
            if archived is not None:
                st.archived = archived
            if title is not None:
                st.title = title or None
            path = story_path(self.root, sid)
            write_atomic(path, story_state_to_toml(st, own))
            with suppress(OSError):  # so a watcher of the folder can tell this write from others'
                self.stories_written = (self.root / STORIES).stat().st_mtime_ns
            states[sid] = st
            index_sync.states_changed(self, [st])
            self.log_changes([f"s:{sid}"])
            if self.loaded:
                self.shown.touched(a.id for a in self.records.arts.values()
                                   if (a.story or a.id) == sid)
            return st

    def tags(self) -> list[str]:
        return sorted({t for a in self.by_id.values() for t in a.triage.tags})

    def cache_dir(self) -> Path:
        return self.root / CACHE
