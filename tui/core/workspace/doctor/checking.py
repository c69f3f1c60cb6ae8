"""`wiredesk doctor`'s checks: every file of a workspace, without opening it as a Workspace.

Each record's syntax and the type of each of its fields; the folder layout; each version's
raw text against its content hash and its cleaned body against the hash kept with it; the
settings, stories, corrections, cache, temporary files and texts no record uses.
"""

from __future__ import annotations

import hashlib
import os
import time
import tomllib
from dataclasses import replace
from pathlib import Path

from tui.core.workspace import cache, recordcache, unknown_keys
from tui.core.workspace.atomic import is_temp_name
from tui.core.workspace.doctor import fields, salvaged
from tui.core.workspace.doctor.layout import check_layout
from tui.core.workspace.doctor.problem import HAND_KEYS, TRASH, Problem
from tui.core.workspace.paths import (
    ARTICLES,
    CACHE,
    CORRECTIONS,
    RAW,
    SCHEMA_VERSION,
    SETTINGS,
    STORIES,
    TEXTS,
    article_path,
)
from tui.core.workspace.records import article_from_dict, story_state_from_dict, toml_error_line

_SKIP_DIRS = {TRASH, ".git"}


def check(root: Path, *, tmp_age: float = 5.0) -> list[Problem]:
    """Every problem found in the workspace at ``root``, in a stable order. A temporary file
    younger than ``tmp_age`` seconds may belong to a save in progress: it is left alone."""
    root = Path(root)
    if not root.is_dir():
        return [Problem(str(root), "no workspace folder here")]
    if not (root / SETTINGS).exists() and not (root / ARTICLES).is_dir():
        return [Problem(str(root), f"not a Wiredesk workspace (no {SETTINGS}, no {ARTICLES}/)")]
    out = check_layout(root)
    out += check_settings(root)
    out += _temp_files(root, tmp_age)
    referenced: set[str] = set()
    damaged: set[str] = set()
    articles = {}
    for path in _article_files(root):
        a, problems = check_article(root, path)
        out += problems
        if a is not None:
            articles[path.relative_to(root / ARTICLES).as_posix()] = a
            referenced.update(p for v in a.versions for p in (v.raw_file, v.body_file))
        else:  # its texts are not orphans: repairing the record uses them
            damaged.add(path.stem)
    out += _check_cache(root, articles)
    if (root / STORIES).is_dir():
        out += [p for f in sorted((root / STORIES).glob("*.toml"))
                if f.is_file() and not f.name.startswith(".") for p in check_story(root, f)]
    out += check_corrections(root)
    out += _orphans(root, referenced, damaged)
    return out


def check_settings(root: Path) -> list[Problem]:
    path = root / SETTINGS
    if not path.exists():
        return [Problem(SETTINGS, "missing (not a workspace, or the file was deleted)",
                        fix="settings")]
    if path.is_dir():
        return []  # the layout check reports it
    data = parse(root, path, "settings")
    if isinstance(data, Problem):
        return [data]
    wrong = fields.wrong_types(data, fields.SETTINGS)
    if wrong:
        return [Problem(SETTINGS, f"wrong type: {msg}", line_of(root / SETTINGS, key),
                        fix="settings") for key, msg in wrong]
    schema = data.get("workspace", {}).get("schema")
    if schema is None:
        return [Problem(SETTINGS, "no [workspace] schema number", fix="settings")]
    if schema > SCHEMA_VERSION:
        return [Problem(SETTINGS, f"schema {schema} is newer than this Wiredesk "
                        f"({SCHEMA_VERSION}); upgrade Wiredesk")]
    if schema < 1:
        return [Problem(SETTINGS, f"schema {schema} is not a schema number (1 or more)",
                        fix="settings")]
    return []


def parse(root: Path, path: Path, fix: str | None) -> dict | Problem:
    """Parse one TOML file, or the problem with it (naming the line where it can, and
    ``fix``)."""
    rel = path.relative_to(root).as_posix()
    try:
        data = path.read_bytes()
    except OSError as e:
        return Problem(rel, f"cannot read ({e.strerror or e})", fix=fix)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        return Problem(rel, f"not UTF-8 text ({e.reason} at byte {e.start})", line, fix)
    if not text.strip():
        return Problem(rel, "empty file", fix=fix)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        line, msg = toml_error_line(text, e)
        return Problem(rel, f"not valid TOML: {msg}", line, fix)


def line_of(path: Path, dotted: str) -> int | None:
    """The line where a field is written (``triage.tags``: ``tags =`` under ``[triage]``)."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    parts = dotted.split("[", 1)[0].split(".")
    table, key = ".".join(parts[:-1]), parts[-1]
    current = ""
    for n, line in enumerate(lines, 1):
        s = line.strip()
        if s.startswith("["):
            current = s.strip("[] ")
            if not table and current == key:
                return n
            continue
        name = s.split("=", 1)[0].strip().strip('"') if "=" in s else None
        if name == key and current == table:
            return n
        if name and table and current == "" and name == table:
            return n  # an inline table
    return None


def _article_files(root: Path) -> list[Path]:
    base = root / ARTICLES
    if not base.is_dir():
        return []
    return sorted(p for shard in base.iterdir() if shard.is_dir() and not shard.is_symlink()
                  for p in shard.glob("*.toml") if not p.name.startswith(".") and p.is_file())


def check_article(root: Path, path: Path):
    """The article of ``path`` (None when it cannot be read) and its problems."""
    rel = path.relative_to(root).as_posix()
    data = parse(root, path, "salvage")
    if isinstance(data, Problem):
        return None, [data]
    wrong = fields.wrong_types(data, fields.ARTICLE)
    if wrong:
        return None, [Problem(rel, f"wrong type: {msg}", line_of(path, key), fix="salvage")
                      for key, msg in wrong]
    try:
        a = article_from_dict(data)
    except (KeyError, ValueError, TypeError, AttributeError) as e:
        return None, [Problem(rel, f"missing or wrong field ({e})", fix="salvage")]
    if a.id != path.stem:
        return None, [Problem(rel, f"id {a.id!r} does not match the file name", fix="salvage")]
    out = []
    if extra := unknown_keys.names(unknown_keys.unknown(data)):
        out.append(_unknown_note(rel, extra))
    if path.parent.name != a.id[:2]:
        out.append(Problem(rel, f"should be in {ARTICLES}/{a.id[:2]}/"))
    for v in a.versions:
        out += _check_version(root, rel, v)
    return a, out


def _unknown_note(rel: str, names: list[str]) -> Problem:
    return Problem(rel, f"{HAND_KEYS}: {', '.join(names)} (kept as they are "
                   "when Wiredesk saves the file)", severity="note")


def inside(rel: str) -> bool:
    return bool(rel) and not Path(rel).is_absolute() and ".." not in Path(rel).parts


def raw_state(root: Path, v) -> str:
    """``ok``, ``missing`` or ``damaged`` (its content no longer has the version's hash)."""
    from tui.core.workspace.adding import content_hash

    path = root / v.raw_file
    if not inside(v.raw_file) or not path.is_file():
        return "missing"
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return "damaged"
    return "ok" if content_hash(text).startswith(v.hash[:16]) else "damaged"


def body_state(root: Path, v) -> str:
    """``ok``, ``missing`` or ``damaged`` (not the bytes the hash kept with it says; for
    versions written before that hash was kept: not text)."""
    from tui.core.decode import _looks_binary

    path = root / v.body_file
    if not inside(v.body_file) or not path.is_file():
        return "missing"
    try:
        data = path.read_bytes()
    except OSError:
        return "damaged"
    if v.body_hash:
        return "ok" if hashlib.sha256(data).hexdigest()[:16] == v.body_hash else "damaged"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "damaged"
    return "damaged" if _looks_binary(data) else "ok"


def _check_version(root: Path, rel: str, v) -> list[Problem]:
    raw, body = raw_state(root, v), body_state(root, v)
    tag = f"version {v.hash[:10]}"
    if raw == "ok" and body == "ok":
        return []
    out = []
    if raw == "damaged":
        out.append(Problem(v.raw_file, f"raw text of {rel}, {tag}, does not match its hash "
                           "(changed or damaged since it was ingested)", fix="raw-aside",
                           detail=v.hash))
    usable = raw == "ok" or body == "ok"
    if body != "ok":
        what = "is missing" if body == "missing" else (
            "does not match the hash kept with it (changed or damaged since it was written)"
            if v.body_hash else "is not text (damaged)")
        fix = "reclean" if raw == "ok" else ("drop-version" if not usable else None)
        out.append(Problem(rel, f"{tag}: {v.body_file} {what}", fix=fix, detail=v.hash))
    elif raw == "missing":
        out.append(Problem(rel, f"{tag}: {v.raw_file} is missing (the cleaned body is intact; "
                           "this version cannot be cleaned again)", severity="note"))
    return out


def check_story(root: Path, path: Path) -> list[Problem]:
    data = parse(root, path, "salvage")
    if isinstance(data, Problem):  # (what the repair keeps and loses: said now)
        return [data if data.message == "empty file" else replace(
            data, message=data.message + salvaged.story_hint(path))]
    rel = path.relative_to(root).as_posix()
    wrong = fields.wrong_types(data, fields.STORY)
    if wrong:
        return [Problem(rel, f"wrong type: {msg}", line_of(path, key), fix="salvage")
                for key, msg in wrong]
    try:
        s = story_state_from_dict(data)
    except (KeyError, ValueError, TypeError) as e:
        return [Problem(rel, f"missing or wrong field ({e})", fix="salvage")]
    if s.id != path.stem:
        return [Problem(rel, f"id {s.id!r} does not match the file name", fix="salvage")]
    extra = [k for k in data if k not in fields.STORY]
    return [_unknown_note(rel, extra)] if extra else []


CORRECTION_KEYS = ("pinned", "must_link", "cannot_link")  # what Corrections.to_toml_dict writes


def check_corrections(root: Path) -> list[Problem]:
    path = root / CORRECTIONS
    if not path.is_file():
        return []
    data = parse(root, path, "salvage")
    if isinstance(data, Problem):
        return [] if data.message == "empty file" else [data]
    from tui.core.group import Corrections

    try:
        Corrections.from_toml_dict(data)
    except (TypeError, ValueError, AttributeError, KeyError) as e:
        return [Problem(CORRECTIONS, f"wrong shape ({e})", fix="salvage")]
    extra = [k for k in data if k not in CORRECTION_KEYS]
    return [_unknown_note(CORRECTIONS, extra)] if extra else []


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
    if not path.is_file() or not (root / ARTICLES).is_dir():
        return []
    data = cache.load(root, "articles.pickle")
    if data is None or data.get("reading") != recordcache.READING:
        return [Problem(f"{CACHE}/articles.pickle", "unreadable or outdated cache",
                        fix="drop-cache", severity="note")]
    sig, recs, now = data.get("sig", {}), data.get("records", {}), cache.scan_article_files(root)
    stale = [rel for rel, a in recs.items()
             if sig.get(rel) == now.get(rel) and rel in articles and a != articles[rel]]
    if stale:
        return [Problem(f"{CACHE}/articles.pickle", f"stale: {len(stale)} cached records differ "
                        "from their files", fix="drop-cache")]
    return []


def _orphans(root: Path, referenced: set[str], damaged: set[str]) -> list[Problem]:
    out = []
    for folder in (RAW, TEXTS):
        base = root / folder
        if not base.is_dir():
            continue
        for p in sorted(base.glob("*/*")):  # raw/7d/<file>; anything else is the layout's
            rel = p.relative_to(root).as_posix()
            aid = p.name.split("-", 1)[0]
            if p.is_file() and not is_temp_name(p.name) and rel not in referenced and (
                    aid not in damaged):
                lost = folder == RAW and not article_path(root, aid).exists()
                out.append(Problem(rel, "not used by any article (an interrupted ingest?)"
                                   + ("; its article can be rebuilt" if lost else ""),
                                   fix="rebuild" if lost else None, severity="note"))
    return out
