"""Shared output helpers: JSON shapes from SPEC, short ids, safe terminal text."""

from __future__ import annotations

import json
import sys

from tui.core.model import META_FIELDS, Article
from tui.core.textutil import safe_line, safe_text


def print_json(obj, *, lines: bool = False) -> None:
    if lines:
        sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


def article_fields(a: Article) -> dict:
    return {k: a.meta.get(k) for k in META_FIELDS}


def show_json(ws, a: Article, version: int = -1) -> dict:
    d = {"id": a.id, **article_fields(a), "body": ws.body(a, version), "origin": a.origin}
    d["versions"] = [{"ingested": v.ingested, "hash": v.hash} for v in a.versions]
    d.update(tags=list(a.triage.tags), starred=a.triage.starred, read=a.triage.read,
             note=a.triage.note or None, story=a.story, sameness=a.sameness, copy_of=a.copy_of)
    return d


def story_article_json(a: Article) -> dict:
    m = a.meta
    return {"id": a.id, "title": m.get("title"), "source": m.get("source"), "lang": m.get("lang"),
            "date": m.get("date"), "origin": a.origin, "starred": a.triage.starred,
            "read": a.triage.read, "tags": list(a.triage.tags), "sameness": a.sameness,
            "copy_of": a.copy_of}


def short_len(ids, minimum: int = 7) -> int:
    """The shortest prefix length (at least ``minimum``) that keeps every id unique."""
    ids = sorted(ids)
    n = minimum
    for x, y in zip(ids, ids[1:]):
        common = 0
        while common < min(len(x), len(y)) and x[common] == y[common]:
            common += 1
        n = max(n, common + 1)
    return n


def clip(s: str | None, width: int) -> str:
    s = safe_line(s or "")
    return s if len(s) <= width else s[: max(0, width - 1)] + "…"


def out(s: str = "") -> None:
    sys.stdout.write(safe_text(s) + "\n")
