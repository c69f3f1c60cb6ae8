"""`wiredesk doctor`: check a workspace file by file, and repair what is safe to repair.

:func:`check` never needs the workspace to open (a damaged ``wiredesk.toml`` is one of the
things it looks for). :func:`repair` works under the writer lock and never deletes user data:
a file it changes is first copied to ``.trash/<timestamp>/`` (same relative path). What it
repairs: leftover temporary files of killed writes (removed), the disposable cache (dropped),
a damaged settings file (rewritten), a damaged article, story or corrections file (moved aside;
an article is rebuilt from the part that still parses and from its raw texts when possible),
a missing cleaned body (cleaned again from the raw text), a missing article file (rebuilt from
its texts).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

import tomli_w

from tui.core.workspace import cache
from tui.core.workspace.atomic import is_temp_name, write_atomic
from tui.core.workspace.lock import WriterLock
from tui.core.workspace.paths import (
    ARTICLES, CACHE, CORRECTIONS, RAW, SCHEMA_VERSION, SETTINGS, STORIES, TEXTS, article_path,
)
from tui.core.workspace.records import (
    article_from_dict, article_to_toml, story_state_from_dict, toml_error_line,
)

TRASH = ".trash"
_SKIP_DIRS = {TRASH, ".git"}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file. ``fix`` names what :func:`repair` would do, or None."""

    path: str  # relative to the workspace root
    message: str
    line: int | None = None
    fix: str | None = None  # remove, drop-cache, settings, salvage, reclean, rebuild
    severity: str = "error"  # error (counts against health) or note (harmless, informative)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"

    def as_dict(self) -> dict:
        return {"file": self.path, "line": self.line, "severity": self.severity,
                "message": self.message, "repairable": self.fix is not None}


def healthy(problems: list[Problem]) -> bool:
    return not any(p.severity == "error" for p in problems)


# ---- checking ------------------------------------------------------------------------------
def check(root: Path, *, tmp_age: float = 5.0) -> list[Problem]:
    """Every problem found in the workspace at ``root``, in a stable order. A temporary file
    younger than ``tmp_age`` seconds may belong to a save in progress: it is left alone."""
    root = Path(root)
    if not root.is_dir():
        return [Problem(str(root), "no workspace folder here")]
    if not (root / SETTINGS).exists() and not (root / ARTICLES).is_dir():
        return [Problem(str(root), f"not a Wiredesk workspace (no {SETTINGS}, no {ARTICLES}/)")]
    out = _check_settings(root)
    out += _temp_files(root, tmp_age)
    referenced: set[str] = set()
    articles = {}
    for path in _article_files(root):
        a, problems = _check_article(root, path)
        out += problems
        if a is not None:
            articles[path.relative_to(root / ARTICLES).as_posix()] = a
            referenced.update(p for v in a.versions for p in (v.raw_file, v.body_file))
    out += _check_cache(root, articles)
    if (root / STORIES).is_dir():
        out += [p for f in sorted((root / STORIES).glob("*.toml")) if not f.name.startswith(".")
                for p in _check_story(root, f)]
    out += _check_corrections(root)
    out += _orphans(root, referenced)
    return out


def _check_settings(root: Path) -> list[Problem]:
    path = root / SETTINGS
    if not path.exists():
        return [Problem(SETTINGS, "missing (not a workspace, or the file was deleted)",
                        fix="settings")]
    data, problem = _parse(root, path, "settings")
    if problem:
        return [problem]
    ws = data.get("workspace")
    schema = ws.get("schema") if isinstance(ws, dict) else None
    if not isinstance(schema, int):
        return [Problem(SETTINGS, "no [workspace] schema number", fix="settings")]
    if schema > SCHEMA_VERSION:
        return [Problem(SETTINGS, f"schema {schema} is newer than this Wiredesk "
                        f"({SCHEMA_VERSION}); upgrade Wiredesk")]
    return []


def _parse(root: Path, path: Path, fix: str | None) -> tuple[dict | None, Problem | None]:
    """Parse one TOML file; a problem names the line where it can, and ``fix``."""
    rel = path.relative_to(root).as_posix()
    try:
        data = path.read_bytes()
    except OSError as e:
        return None, Problem(rel, f"cannot read ({e.strerror or e})")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        return None, Problem(rel, f"not UTF-8 text ({e.reason} at byte {e.start})", line, fix)
    if not text.strip():
        return None, Problem(rel, "empty file", fix=fix)
    try:
        return tomllib.loads(text), None
    except tomllib.TOMLDecodeError as e:
        line, msg = toml_error_line(text, e)
        return None, Problem(rel, f"not valid TOML: {msg}", line, fix)


def _article_files(root: Path) -> list[Path]:
    base = root / ARTICLES
    if not base.is_dir():
        return []
    return sorted(p for shard in base.iterdir() if shard.is_dir() and not shard.is_symlink()
                  for p in shard.glob("*.toml") if not p.name.startswith("."))


def _check_article(root: Path, path: Path):
    rel = path.relative_to(root).as_posix()
    data, problem = _parse(root, path, "salvage")
    if problem:
        return None, [problem]
    try:
        a = article_from_dict(data)
    except (KeyError, ValueError, TypeError, AttributeError) as e:
        return None, [Problem(rel, f"missing or wrong field ({e})", fix="salvage")]
    if a.id != path.stem:
        return None, [Problem(rel, f"id {a.id!r} does not match the file name", fix="salvage")]
    out = []
    if path.parent.name != a.id[:2]:
        out.append(Problem(rel, f"should be in {ARTICLES}/{a.id[:2]}/"))
    for v in a.versions:
        for f in (v.raw_file, v.body_file):
            if not _inside(root, f) or not (root / f).is_file():
                fix = "reclean" if f == v.body_file and _inside(root, v.raw_file) and (
                    root / v.raw_file).is_file() else None
                out.append(Problem(rel, f"version {v.hash[:10]}: {f} is missing", fix=fix))
    return a, out


def _inside(root: Path, rel: str) -> bool:
    return not Path(rel).is_absolute() and ".." not in Path(rel).parts


def _check_story(root: Path, path: Path) -> list[Problem]:
    data, problem = _parse(root, path, "salvage")
    if problem:
        return [problem]
    rel = path.relative_to(root).as_posix()
    try:
        s = story_state_from_dict(data)
    except (KeyError, ValueError, TypeError) as e:
        return [Problem(rel, f"missing or wrong field ({e})", fix="salvage")]
    if s.id != path.stem:
        return [Problem(rel, f"id {s.id!r} does not match the file name", fix="salvage")]
    return []


def _check_corrections(root: Path) -> list[Problem]:
    path = root / CORRECTIONS
    if not path.exists():
        return []
    data, problem = _parse(root, path, "salvage")
    if problem:
        return [] if problem.message == "empty file" else [problem]
    from tui.core.group import Corrections

    try:
        Corrections.from_toml_dict(data)
    except (TypeError, ValueError, AttributeError) as e:
        return [Problem(CORRECTIONS, f"wrong shape ({e})", fix="salvage")]
    return []


def _temp_files(root: Path, min_age: float) -> list[Problem]:
    out = []
    now = time.time()
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in _SKIP_DIRS or dirpath != str(root))
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if is_temp_name(name) and _age(path, now) >= min_age:
                rel = path.relative_to(root).as_posix()
                out.append(Problem(rel, "temporary file left by an interrupted save",
                                   fix="remove"))
    return out


def _age(path: Path, now: float) -> float:
    try:
        return now - path.lstat().st_mtime
    except OSError:
        return 0.0


def _check_cache(root: Path, articles: dict) -> list[Problem]:
    path = root / CACHE / "articles.pickle"
    if not path.exists():
        return []
    data = cache.load(root, "articles.pickle")
    if data is None:
        return [Problem(f"{CACHE}/articles.pickle", "unreadable or outdated cache",
                        fix="drop-cache", severity="note")]
    sig, recs, now = data.get("sig", {}), data.get("records", {}), cache.scan_article_files(root)
    stale = [rel for rel, a in recs.items()
             if sig.get(rel) == now.get(rel) and rel in articles and a != articles[rel]]
    if stale:
        return [Problem(f"{CACHE}/articles.pickle", f"stale: {len(stale)} cached records differ "
                        "from their files", fix="drop-cache")]
    return []


def _orphans(root: Path, referenced: set[str]) -> list[Problem]:
    out = []
    for folder in (RAW, TEXTS):
        base = root / folder
        if not base.is_dir():
            continue
        for p in sorted(base.rglob("*")):
            rel = p.relative_to(root).as_posix()
            if p.is_file() and not is_temp_name(p.name) and rel not in referenced:
                aid = p.name.split("-", 1)[0]
                lost = folder == RAW and not article_path(root, aid).exists()
                out.append(Problem(rel, "not used by any article (an interrupted ingest?)"
                                   + ("; its article can be rebuilt" if lost else ""),
                                   fix="rebuild" if lost else None, severity="note"))
    return out


# ---- repairing -----------------------------------------------------------------------------
def repair(root: Path, problems: list[Problem], *, lock_timeout: float = 10.0) -> list[str]:
    """Fix the repairable ``problems``; returns one line per action taken."""
    root = Path(root)
    done: list[str] = []
    todo = [p for p in problems if p.fix]
    if not todo:
        return done
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    trash = root / TRASH / stamp
    with WriterLock(root, timeout=lock_timeout):
        for p in todo:
            path = root / p.path
            if not _still_wrong(root, p):  # fixed by hand, or by someone else, meanwhile
                continue
            if p.fix == "remove":
                path.unlink(missing_ok=True)
                done.append(f"removed {p.path}")
            elif p.fix == "drop-cache":
                _drop_cache(root)
                done.append(f"dropped the cache ({CACHE}/ is rebuilt on next open)")
            elif p.fix == "settings":
                done.append(_repair_settings(root, trash))
            elif p.fix == "salvage":
                done.append(_salvage(root, path, trash))
            elif p.fix == "reclean":
                done.append(_reclean(root, path))
            elif p.fix == "rebuild":
                done.append(_rebuild_missing(root, path.name.split("-", 1)[0]))
        if any(p.fix in ("salvage", "reclean", "rebuild") for p in todo):
            _drop_cache(root)
    return [d for d in done if d]


def _still_wrong(root: Path, p: Problem) -> bool:
    """Check again, under the lock, a file :func:`check` found wrong before."""
    path = root / p.path
    if p.fix == "settings":
        return bool(_check_settings(root))
    if p.fix == "salvage":
        if not path.is_file():
            return False
        if p.path.startswith(f"{ARTICLES}/"):
            return _check_article(root, path)[0] is None
        return bool(_check_corrections(root) if p.path == CORRECTIONS
                    else _check_story(root, path))
    return True


def _drop_cache(root: Path) -> None:
    """Remove the cached data, and tell running processes (the journal) to re-read everything.
    The journal itself is kept, not deleted, so its identity cannot be confused with a new one."""
    from tui.core.workspace import journal

    folder = root / CACHE
    if folder.is_dir():
        for p in folder.iterdir():
            if p.name == journal.NAME:
                continue
            if p.is_dir() and not p.is_symlink():
                shutil.rmtree(p, ignore_errors=True)
            else:
                p.unlink(missing_ok=True)
    journal.append(root, ["*"])


def _backup(root: Path, path: Path, trash: Path) -> Path:
    dest = trash / path.relative_to(root)
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(path, dest)
    return dest


def _repair_settings(root: Path, trash: Path) -> str:
    path = root / SETTINGS
    saved = ""
    if path.exists():
        saved = f" (the old one is in {_backup(root, path, trash).relative_to(root)})"
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    write_atomic(path, "# Wiredesk workspace (rewritten by `wiredesk doctor --repair`).\n"
                 + tomli_w.dumps({"workspace": {"schema": SCHEMA_VERSION, "created": now}}))
    return f"rewrote {SETTINGS}{saved}"


def _longest_parsable(path: Path) -> dict:
    """The TOML of the longest run of leading lines that still parses (a truncated file)."""
    text = path.read_bytes().decode("utf-8", "replace")
    lines = text.splitlines(keepends=True)
    for n in range(len(lines), 0, -1):
        try:
            return tomllib.loads("".join(lines[:n]))
        except tomllib.TOMLDecodeError:
            continue
    return {}


def _salvage(root: Path, path: Path, trash: Path) -> str:
    rel = path.relative_to(root).as_posix()
    backup = _backup(root, path, trash).relative_to(root)
    data = _longest_parsable(path)
    text = None
    if rel.startswith(f"{ARTICLES}/"):
        a = _rebuild_article(root, path.stem, data)
        if a is not None:  # written before anything is removed: a kill here loses nothing
            write_atomic(article_path(root, a.id), article_to_toml(a))
            if article_path(root, a.id) != path:
                path.unlink()
            kept = "kept" if data.get("triage") else "lost"
            return f"rebuilt {rel} from what still parses and its raw texts (triage {kept}; " \
                f"backup in {backup})"
    elif rel.startswith(f"{STORIES}/"):
        s = story_state_from_dict({**data, "id": path.stem})
        text = tomli_w.dumps({"id": s.id, "archived": s.archived,
                              **({"title": str(s.title)} if s.title else {})})
    elif rel == CORRECTIONS and data:
        from tui.core.group import Corrections

        try:
            text = tomli_w.dumps(Corrections.from_toml_dict(data).to_toml_dict())
        except (TypeError, ValueError, AttributeError):
            text = None
    if text is not None:
        write_atomic(path, text)
        return f"rewrote {rel} from the part that still parses (backup in {backup})"
    path.unlink()
    return f"moved {rel} aside to {backup}"


def _rebuild_article(root: Path, aid: str, data: dict):
    """An article record from the salvaged fields and the text files named after its id."""
    from tui.core.workspace.adding import content_hash

    versions = []
    raws = sorted((root / RAW / aid[:2]).glob(f"{aid}-*")) if len(aid) >= 2 else []
    for raw in raws:
        stem = raw.name.rsplit(".", 1)[0]
        body = root / TEXTS / aid[:2] / f"{stem}.txt"
        if not body.is_file():
            continue
        h = content_hash(raw.read_text(encoding="utf-8", errors="replace"))
        if not stem.endswith(h[:10]):
            continue
        when = dt.datetime.fromtimestamp(raw.stat().st_mtime, dt.timezone.utc)
        versions.append({"hash": h, "ingested": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
                         "raw": raw.relative_to(root).as_posix(),
                         "body": body.relative_to(root).as_posix()})
    if not versions:
        return None
    kind = {"html": "html", "md": "md"}.get(raws[0].suffix.lstrip("."), "text")
    when = {v.get("hash"): v.get("ingested") for v in data.get("versions", [])
            if isinstance(v, dict) and isinstance(v.get("ingested"), str)}
    for v in versions:
        v["ingested"] = when.get(v["hash"]) or v["ingested"]
    versions.sort(key=lambda v: (v["ingested"], v["hash"]))
    base = {"id": aid, "origin": "", "kind": kind, "versions": versions}
    extra = {k: v for k, v in data.items() if k not in base or k in ("origin", "kind")}
    for keep in (extra, {k: v for k, v in extra.items() if k != "meta"}, {}):
        try:
            return article_from_dict({**base, **keep})
        except (KeyError, ValueError, TypeError, AttributeError):
            continue
    return None


def _rebuild_missing(root: Path, aid: str) -> str:
    """An article record for texts whose record is missing (its metadata and triage are gone)."""
    path = article_path(root, aid)
    a = None if path.exists() else _rebuild_article(root, aid, {})
    if a is None:
        return ""
    write_atomic(path, article_to_toml(a))
    return f"rebuilt {path.relative_to(root).as_posix()} from its texts (no metadata or triage)"


def _reclean(root: Path, path: Path) -> str:
    from tui.core.model import RawDocument
    from tui.core.workspace.adding import clean_doc

    data, problem = _parse(root, path, None)
    if problem:
        return ""
    a = article_from_dict(data)
    made = []
    for v in a.versions:
        body = root / v.body_file
        if body.is_file() or not _inside(root, v.body_file) or not _inside(root, v.raw_file):
            continue
        raw = (root / v.raw_file).read_text(encoding="utf-8", errors="replace")
        cleaned = clean_doc(RawDocument(a.origin, raw, a.kind, {}))
        write_atomic(body, cleaned.body + "\n")
        made.append(v.body_file)
    return f"cleaned again from the raw text: {', '.join(made)}" if made else ""
