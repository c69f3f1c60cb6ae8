"""The workspace: a folder of TOML files that holds every article, story and triage decision.

Reading never locks (files are replaced atomically). Every change takes the writer lock,
re-reads what other processes changed since, writes the few files concerned atomically, and
updates the disposable cache. See docs/WORKSPACE.md for the layout.
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

import tomli_w

from tui.core.gcpause import collector_paused
from tui.core.model import Article
from tui.core.workspace import cache, journal, recordcache
from tui.core.workspace.atomic import write_atomic
from tui.core.workspace.errors import AmbiguousId, StaleUndo, UnknownId, WorkspaceError
from tui.core.workspace.faces import build_stories
from tui.core.workspace.lock import WriterLock
from tui.core.workspace.paths import (
    ARTICLES, CACHE, GITIGNORE, SCHEMA_VERSION, SETTINGS, STORIES, article_id_of, article_path,
    article_rel, default_root, story_path,
)
from tui.core.workspace.records import (
    Story, StoryState, article_from_dict, article_to_toml, story_state_from_dict,
    story_state_to_toml, toml_error,
)

if TYPE_CHECKING:
    from tui.core.workspace.adding import IngestReport


def now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace(
        "+00:00", "Z")


class Workspace:
    def __init__(self, root: Path, *, lock_timeout: float = 10.0) -> None:
        self.root = Path(root)
        self.lock = WriterLock(self.root, timeout=lock_timeout)
        self.problems: list[str] = []  # damaged files: "path line N: reason"
        self._articles: dict[str, Article] = {}
        self._sig: dict[str, tuple[int, int]] = {}
        self._story_states: dict[str, StoryState] = {}
        self._stories: list[Story] | None = None
        self._by_origin: dict[str, str] = {}
        self._explainer = None  # a grouper loaded for `explain`, dropped when stories change
        self._grouper_base = None  # (signature, ids replayed, ids moved) of the grouping index
        self._cache_token: str | None = None  # which cached base of records we hold
        self._delta: tuple[dict, dict] = ({}, {})  # records cached since that base
        self._pending_faces: set[str] = set()  # articles changed since the faces were built
        self.stories_written = 0  # the stories folder's mtime (ns) after this process's write

    # ---- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, root: Path | str | None = None, *, create: bool = True,
             lock_timeout: float | None = None) -> "Workspace":
        root = Path(root).expanduser() if root else default_root()
        if lock_timeout is None:
            lock_timeout = _env_float("WIREDESK_LOCK_TIMEOUT", 10.0)
        if not cls.check(root):
            if not create:
                raise WorkspaceError(f"no workspace at {root}")
            cls._create(root)
        ws = cls(root, lock_timeout=lock_timeout)
        ws._read_settings()
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
        schema = data.get("workspace", {}).get("schema", 1)
        if not isinstance(schema, int) or schema > SCHEMA_VERSION:
            raise WorkspaceError(
                f"{path}: schema {schema!r} is newer than this Wiredesk understands "
                f"({SCHEMA_VERSION}); upgrade Wiredesk")
        self.settings = data

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
                if problem:
                    problems.append(problem)
                    damaged.add(article_id_of(rel))
                    continue
                reread[rel] = a
            arts[a.id] = a
        self.problems = problems
        self._articles = dict(sorted(arts.items()))
        self._sig = sig
        self._index()
        self._story_states = self._read_story_states()
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
                cached.faces, cached.base_story, self._articles, changed, self._story_states)
        if reread or gone:
            self.save_cache(list(reread.values()))

    def _catch_up(self) -> None:
        """Re-read what other processes wrote since this one last looked (via the journal)."""
        keys, self._mark = journal.read_since(self.root, self._mark)
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
                self._story_states = self._read_story_states()  # once, however many stories
            self._stories = None

    def _reread_article(self, aid: str) -> None:
        path = article_path(self.root, aid)
        rel = article_rel(aid)
        if not path.exists():
            self._articles.pop(aid, None)
            self._sig.pop(rel, None)
        else:
            a, problem = self._read_article(path)
            if problem:
                self.problems.append(problem)
                return
            self._articles[aid] = a
            st = path.stat()
            self._sig[rel] = (st.st_mtime_ns, st.st_size)
            self._by_origin[a.origin] = a.id

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

    def _index(self) -> None:
        self._by_origin = {a.origin: a.id for a in self._articles.values()}

    def _read_story_states(self) -> dict[str, StoryState]:
        out = {}
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

    def changed_on_disk(self, *, full: bool = False) -> bool:
        """True when another process wrote since this one last read (cheap: the journal).
        ``full`` also stats every article file, to notice edits made by hand."""
        if journal.changed(self.root, self._mark):
            return True
        return full and cache.scan_article_files(self.root) != self._sig

    def reload(self) -> None:
        """Catch up with changes made outside this process (all of them after hand edits)."""
        if journal.changed(self.root, self._mark):
            self._catch_up()
        else:
            self._load()

    # ---- reading -------------------------------------------------------------------------
    def articles(self) -> list[Article]:
        return list(self._articles.values())

    def __len__(self) -> int:
        return len(self._articles)

    def get(self, aid: str) -> Article:
        try:
            return self._articles[aid]
        except KeyError:
            raise UnknownId(f"no article with id {aid!r}") from None

    def resolve(self, prefix: str) -> Article:
        return self._articles[_resolve(prefix, self._articles, "article")]

    def resolve_story(self, prefix: str) -> Story:
        stories = {s.id: s for s in self.stories()}
        return stories[_resolve(prefix, stories, "story")]

    def by_origin(self, origin: str) -> Article | None:
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
        """Write one article record atomically (the caller holds the lock)."""
        path = article_path(self.root, a.id)
        write_atomic(path, article_to_toml(a), sync=sync)
        self._articles[a.id] = a
        st = path.stat()
        self._sig[article_rel(a.id)] = (st.st_mtime_ns, st.st_size)
        self._touched([a.id])
        self._explainer = None
        if log:
            self.log_changes([f"a:{a.id}"])

    def log_changes(self, keys) -> None:
        """Tell other processes what changed; our own writes are not news to us."""
        self._mark = journal.append(self.root, keys) or journal.mark(self.root)

    def save_cache(self, changed: list[Article] | None = None) -> None:
        """Cache the parsed records: only ``changed`` ones (a delta) when that is small, else
        all of them with the story faces."""
        recs, sigs = self._delta
        if changed is not None and self._cache_token and (
                len(recs) + len(changed) <= recordcache.DELTA_MAX):
            for a in changed:
                rel = article_rel(a.id)
                if rel in self._sig:
                    recs[rel], sigs[rel] = a, self._sig[rel]
            recordcache.save_delta(self.root, self._cache_token, recs, sigs)
            return
        self._cache_token = recordcache.save_base(
            self.root, self._sig, self._articles, self.stories(), self._states_key())
        self._delta = ({}, {})

    def _states_key(self) -> list:
        return sorted((s.id, s.archived, s.title or "") for s in self._story_states.values())

    def begin(self) -> "Workspace":
        """Take the writer lock and catch up with changes other processes made."""
        self.lock.acquire()
        try:
            self._catch_up()
        except BaseException:
            self.lock.release()
            raise
        return self

    def __enter__(self) -> "Workspace":
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
            self.log_changes([f"s:{sid}"])
            self._story_states[sid] = st
            self._touched(a.id for a in self._articles.values() if a.story == sid)
            return st

    # ---- ingest and grouping --------------------------------------------------------------
    def ingest(self, docs, *, on_progress=None, failures=()) -> IngestReport:
        """Add documents: new articles, new versions, duplicates skipped; then group them."""
        from tui.core.workspace import adding, grouping

        docs = list(docs)
        with self:
            if all(adding.is_duplicate(self, d) for d in docs):
                # Nothing new: neither the furniture model nor the grouping index is needed.
                rep = adding.IngestReport(duplicates=[(d.origin, self.by_origin(d.origin).id)
                                                      for d in docs])
                rep.failed[:0] = list(failures)
                return rep
            furniture = adding.furniture_model(self)
            g = grouping.grouper(self)  # before the new articles join the workspace
            rep, touched = adding.ingest(self, docs, now=now_iso(), furniture=furniture,
                                         on_progress=on_progress)
            rep.failed[:0] = list(failures)
            if touched:
                new = set(rep.added)
                added = [a for a in touched if a.id in new]
                updated = [a for a in touched if a.id not in new]
                changed = grouping.place(self, g, added, updated)
                written = list({a.id: a for a in touched + changed}.values())
                adding.finish(self, written)
                self.save_cache(written)
                # New or re-versioned articles are replayed from the delta; older articles
                # that moved (stories merged) are put where their files say.
                moved = {a.id for a in changed} - {a.id for a in touched}
                grouping.save_grouper(self, g, [a.id for a in touched], sorted(moved))
                cache.save(self.root, "furniture.pickle", {"model": furniture.to_dict()})
            return rep

    def correct(self, op: str, *args) -> list[str]:
        """Apply a grouping correction (merge, split, move); returns the changed article ids."""
        return self.correct_all([(op, *args)])[0]

    def correct_all(self, steps: list[tuple]) -> tuple[list[str], tuple]:
        """Apply corrections in order (``("move", article, story)``...) with one load and one
        save of the grouping index. Returns the changed article ids and a record for
        :meth:`undo_correction`."""
        return self._regroup(lambda g: g.corrected(steps))

    def undo_correction(self, record: tuple) -> list[str]:
        """Put the grouping and ``corrections.toml`` back as they were before ``correct_all``
        gave ``record``; ``StaleUndo`` if those articles have moved, or other corrections were
        made, since."""
        def restore(g):
            try:
                return g.restore(record), None
            except ValueError as e:
                raise StaleUndo(f"cannot undo the correction: {e}") from None

        return self._regroup(restore)[0]

    def _regroup(self, act) -> tuple[list[str], tuple | None]:
        from tui.core.workspace import adding, grouping

        with self:
            g = grouping.grouper(self)
            changes, record = act(g)
            changed = grouping.apply_changes(self, g, changes)
            grouping.save_corrections(self, g.corrections)
            adding.finish(self, changed)
            self.save_cache(changed)
            grouping.save_grouper(self, g, moved=[a.id for a in changed])
            return [a.id for a in changed], record

    def explain(self, aid: str) -> list[str]:
        """Why an article is in its story: the names, numbers and terms it shares."""
        from tui.core.workspace import grouping

        if self._explainer is None:
            self._explainer = grouping.grouper(self)
        return self._explainer.explain(aid)

    def tags(self) -> list[str]:
        return sorted({t for a in self._articles.values() for t in a.triage.tags})

    def cache_dir(self) -> Path:
        return self.root / CACHE


def _env_float(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, default))
    except ValueError:
        return default


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


def group_by_story(articles) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for a in articles:
        out[a.story or a.id].append(a.id)
    return out

