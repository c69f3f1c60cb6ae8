"""Rebuilding records for `doctor --repair`: an article from what still parses of its file and
from its texts, a story or corrections file from what still parses, a body cleaned again, a
version none of whose texts is left removed. Each returns the line that says what it did,
naming what was kept and what was lost; a backup of every file changed is in ``trash``."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import tomllib
from pathlib import Path

import tomli_w

from tui.core.workspace.atomic import write_atomic
from tui.core.workspace.doctor import fields
from tui.core.workspace.doctor.checking import body_state, inside, parse, raw_state
from tui.core.workspace.doctor.problem import Problem
from tui.core.workspace.doctor.salvaged import (
    indexed_state,
    parsable,
    story_account,
    with_indexed,
)
from tui.core.workspace.paths import ARTICLES, CORRECTIONS, RAW, STORIES, TEXTS, article_path
from tui.core.workspace.records import (
    article_from_dict,
    article_to_toml,
    story_state_from_dict,
    story_state_to_toml,
)
from tui.core.workspace.unknown_keys import STORY, unknown

# What a reader decided, as the repair message names it: (label, getter on a record dict).
_TRIAGE = (("tags", lambda d: d.get("triage", {}).get("tags") or None),
           ("star", lambda d: d.get("triage", {}).get("starred") or None),
           ("read", lambda d: d.get("triage", {}).get("read") or None),
           ("note", lambda d: d.get("triage", {}).get("note") or None),
           ("title", lambda d: d.get("meta", {}).get("title") or None),
           ("story", lambda d: d.get("story") or None))


def backup(root: Path, path: Path, trash: Path) -> Path:
    """A copy of ``path`` under ``trash`` (same relative path); returns it relative to root.
    A copy this repair already made stays: it is the file as the repair found it (a record
    rebuilt, then its body cleaned again, is backed up once, before the first change)."""
    dest = trash / path.relative_to(root)
    if not dest.exists():
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, dest)
    return dest.relative_to(root)


def move_to_trash(root: Path, path: Path, trash: Path) -> Path:
    dest = trash / path.relative_to(root)
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(path), str(dest))
    return dest.relative_to(root)


def longest_parsable(path: Path) -> dict:
    """The TOML of the longest run of leading lines that still parses (a truncated file)."""
    return parsable(path)[0]


def salvage(root: Path, path: Path, trash: Path) -> str:
    rel = path.relative_to(root).as_posix()
    saved = backup(root, path, trash)
    data, read, lines = parsable(path)
    if rel.startswith(f"{ARTICLES}/"):
        data, changes = fields.coerce(data, fields.ARTICLE)
        a = rebuild_article(root, path.stem, data)
        if a is None:
            path.unlink()
            return (f"moved {rel} aside to {saved}: no text of this article is left to rebuild "
                    "it from")
        # Written before anything is removed: a kill here loses nothing.
        write_atomic(article_path(root, a.id), article_to_toml(a, unknown(data)))
        if article_path(root, a.id) != path:
            path.unlink()
        return f"rebuilt {rel} from what still parses and its texts ({_account(data, a, changes)}" \
            f"; backup in {saved})"
    text = None
    if rel.startswith(f"{STORIES}/"):
        data, changes = fields.coerce(data, fields.STORY)
        indexed = indexed_state(path)  # what the lines lost, the index may still hold
        s = story_state_from_dict({**with_indexed(data, indexed)[0], "id": path.stem})
        text = story_state_to_toml(s, {k: v for k, v in data.items() if k not in STORY})
        changes.append(story_account(data, read, lines, indexed=indexed))
    elif rel == CORRECTIONS and data:
        from tui.core.group import Corrections

        changes = []
        try:
            doc = Corrections.from_toml_dict(data).to_toml_dict()
            text = tomli_w.dumps({**doc, **{k: v for k, v in data.items() if k not in doc}})
        except (TypeError, ValueError, AttributeError, KeyError):
            text = None
    if text is not None:
        write_atomic(path, text)
        said = f"; {', '.join(changes)}" if changes else ""
        return f"rewrote {rel} from the part that still parses{said} (backup in {saved})"
    path.unlink()
    return f"moved {rel} aside to {saved}"


def _account(data: dict, a, changes: list[str]) -> str:
    """What of the reader's work came through: kept, lost (as compared with the damaged file)."""
    if not any(k in data for k in ("triage", "meta", "story", "origin")):
        return "nothing of the old record could be read: its tags, star, note and metadata " \
            "are not restored (the damaged file is in the backup)"
    final = tomllib.loads(article_to_toml(a))
    kept = [label for label, get in _TRIAGE if get(data) is not None and get(final) == get(data)]
    lost = [label for label, get in _TRIAGE if get(data) is not None and get(final) != get(data)]
    parts = list(changes)
    parts.append(f"kept: {', '.join(kept)}" if kept else "no tags, star, note or title to keep")
    if lost:
        parts.append(f"LOST: {', '.join(lost)} (in the backup)")
    return "; ".join(parts)


def rebuild_article(root: Path, aid: str, data: dict):
    """An article record from salvaged fields (of the right types) and the texts named after
    its id; None when no version has both its raw text and its body."""
    from tui.core.workspace.adding import content_hash

    old = {v.get("hash"): v for v in data.get("versions", []) if isinstance(v, dict)}
    versions = []
    raws = sorted((root / RAW / aid[:2]).glob(f"{aid}-*")) if len(aid) >= 2 else []
    for raw in raws:
        stem = raw.name.rsplit(".", 1)[0]
        body = root / TEXTS / aid[:2] / f"{stem}.txt"
        if not raw.is_file() or not body.is_file():
            continue
        try:
            h = content_hash(raw.read_bytes().decode("utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
        if not stem.endswith(h[:10]):
            continue
        was = old.get(h, {})
        when = dt.datetime.fromtimestamp(raw.stat().st_mtime, dt.UTC)
        v = {"hash": h, "ingested": was.get("ingested") or when.strftime("%Y-%m-%dT%H:%M:%SZ"),
             "raw": raw.relative_to(root).as_posix(), "body": body.relative_to(root).as_posix()}
        kept_hash = was.get("body_hash")
        v["body_hash"] = kept_hash or hashlib.sha256(body.read_bytes()).hexdigest()[:16]
        versions.append(v)
    if not versions:
        return None
    versions.sort(key=lambda v: (str(v["ingested"]), v["hash"]))
    kind = {"html": "html", "md": "md"}.get(raws[0].suffix.lstrip("."), "text")
    base = {"id": aid, "origin": "", "kind": kind, "versions": versions}
    extra = {k: v for k, v in data.items() if k not in base or k in ("origin", "kind")}
    for keep in (extra, {k: v for k, v in extra.items() if k != "meta"}, {}):
        try:
            return article_from_dict({**base, **keep})
        except (KeyError, ValueError, TypeError, AttributeError):
            continue
    return None


def rebuild_missing(root: Path, aid: str) -> str:
    """An article record for texts whose record is missing (its metadata and triage are gone)."""
    path = article_path(root, aid)
    a = None if path.exists() else rebuild_article(root, aid, {})
    if a is None:
        return ""
    write_atomic(path, article_to_toml(a))
    return f"rebuilt {path.relative_to(root).as_posix()} from its texts (no metadata or triage)"


def reclean(root: Path, path: Path, trash: Path) -> str:
    """Clean again, from its raw text, every body of the article that is missing or damaged
    (a damaged one is kept in ``trash``); the record gets the new bodies' hashes."""
    from dataclasses import replace

    from tui.core.model import RawDocument
    from tui.core.workspace.adding import body_hash, clean_doc

    data = parse(root, path, None)
    if isinstance(data, Problem):
        return ""
    a = article_from_dict(data)
    made, versions, moved = [], [], False
    for v in a.versions:
        if body_state(root, v) != "ok" and raw_state(root, v) == "ok":
            body = root / v.body_file
            if body.exists():
                move_to_trash(root, body, trash)
                moved = True
            raw = (root / v.raw_file).read_text(encoding="utf-8", errors="replace")
            cleaned = clean_doc(RawDocument(a.origin, raw, a.kind, {}))
            write_atomic(body, cleaned.body + "\n")
            v = replace(v, body_hash=body_hash(cleaned.body + "\n"))
            made.append(v.body_file)
        versions.append(v)
    if not made:
        return ""
    a.versions = versions
    text = article_to_toml(a, unknown(data))
    if path.read_bytes() != text.encode("utf-8"):  # (its record changes: the old one is kept)
        backup(root, path, trash)
        moved = True
    write_atomic(path, text)
    where = f" (what it replaced is in {trash.relative_to(root).as_posix()}/)" if moved else ""
    return f"cleaned again from the raw text: {', '.join(made)}{where}"


def drop_version(root: Path, path: Path, vhash: str, trash: Path) -> str:
    """Remove a version none of whose texts is left; an article left with no version goes to
    ``trash`` whole (its triage with it, said)."""
    rel = path.relative_to(root).as_posix()
    data = parse(root, path, None)
    if isinstance(data, Problem):
        return ""
    a = article_from_dict(data)
    gone = [v for v in a.versions if v.hash == vhash]
    if not gone or raw_state(root, gone[0]) == "ok" or body_state(root, gone[0]) == "ok":
        return ""
    for f in (gone[0].raw_file, gone[0].body_file):
        if inside(f) and (root / f).exists():
            move_to_trash(root, root / f, trash)
    rest = [v for v in a.versions if v.hash != vhash]
    if not rest:
        saved = move_to_trash(root, path, trash)
        triage = [label for label, get in _TRIAGE if get(data) is not None]
        what = f" (its {', '.join(triage)} are in the backup)" if triage else ""
        return f"moved {rel} to {saved}: none of its texts is left{what}"
    saved = backup(root, path, trash)
    a.versions = rest
    write_atomic(path, article_to_toml(a, unknown(data)))
    return f"removed version {vhash[:10]} from {rel}: neither its raw text nor its body is " \
        f"left (backup in {saved})"
