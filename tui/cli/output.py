"""Shared output helpers: JSON shapes (docs/CLI.md), safe terminal text, right-to-left order.

Right-to-left text (Arabic, Hebrew, Persian) is written in logical order (the order it is
read and stored) to everything that is not a terminal: pipes, files, JSON, exports. Only a
terminal gets visual order, reordered line by line, because most terminals do not reorder bidi
text themselves; ``WIREDESK_BIDI=terminal`` says yours does (logical order everywhere), and
``WIREDESK_BIDI=visual`` asks for visual order even when not writing to a terminal.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Sequence
from json.encoder import encode_basestring as _enc  # (C) as json.dumps, not ASCII
from typing import TYPE_CHECKING

from tui.core.model import META_FIELDS, Article
from tui.core.safe_text import has_unsafe, one_line, sanitize, sanitize_obj
from tui.core.textutil import display_rtl

if TYPE_CHECKING:  # (the workspace is not imported for commands that do not open one)
    from tui.core.workspace.index_rows import Listed


def print_json(obj, *, lines: bool = False) -> None:
    """JSON on standard output, every string through the sanitiser (no ESC, no raw C1)."""
    obj = sanitize_obj(obj)
    if lines:
        sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


def article_fields(a: Article) -> dict:
    return {k: a.meta.get(k) for k in META_FIELDS}


def show_json(ws, a: Article, version: int = -1) -> dict:
    # (the body's file ends in a line end, which is no part of the body: as ``clean --json``)
    body = ws.body(a, version).removesuffix("\n")
    d = {"id": a.id, **article_fields(a), "body": body, "origin": a.origin}
    d["versions"] = [{"ingested": v.ingested, "hash": v.hash} for v in a.versions]
    d["version"] = (version % len(a.versions)) + 1  # which one "body" is (1 = oldest)
    d.update(tags=list(a.triage.tags), starred=a.triage.starred, read=a.triage.read,
             note=a.triage.note or None, story=a.story, sameness=a.sameness, copy_of=a.copy_of)
    return d


def story_article_json(a: Article | Listed) -> dict:
    from tui.core.workspace.index_rows import Listed

    if isinstance(a, Listed):  # (its fields are these keys, in this order)
        return a._asdict()
    m = a.meta
    return {"id": a.id, "title": m.get("title"), "source": m.get("source"), "lang": m.get("lang"),
            "date": m.get("date"), "origin": a.origin, "starred": a.triage.starred,
            "read": a.triage.read, "tags": list(a.triage.tags), "sameness": a.sameness,
            "copy_of": a.copy_of}


def clip(s: str | None, width: int) -> str:
    s = one_line(s or "")
    return s if len(s) <= width else s[: max(0, width - 1)] + "…"


def visual_order(stream=None) -> bool:
    """Whether right-to-left lines written to ``stream`` go in visual order: only for a
    terminal that does not reorder them itself (see the module docstring)."""
    mode = os.environ.get("WIREDESK_BIDI", "").lower()
    if mode in ("terminal", "logical"):
        return False
    if mode == "visual":
        return True
    stream = stream or sys.stdout
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def out(s: str = "", *, visual: bool | None = None) -> None:
    """One or more lines on standard output, sanitised; right-to-left lines in visual order
    only for a terminal (``visual`` overrides the guess)."""
    text = sanitize(s)
    if visual is None:
        visual = visual_order()
    if visual:
        text = "\n".join(display_rtl(line) for line in text.split("\n"))
    sys.stdout.write(text + "\n")


def out_body(text: str) -> None:
    """A body or any long text: as it is for pipes and files; for a terminal that does not
    reorder, right-to-left paragraphs wrapped, then in visual order and right-aligned."""
    if not visual_order():
        out(text, visual=False)
        return
    import shutil

    from tui.render.console import terminal_lines

    width = shutil.get_terminal_size((100, 24)).columns
    out("\n".join(terminal_lines(sanitize(text), width)), visual=False)


_ESCAPED = re.compile(r"\\(?:u00|[rbf])")  # any of them (one pass: six times faster)


def json_text(obj) -> str:
    """``json.dumps(sanitize_obj(obj), ensure_ascii=False, indent=2)``, the same text, about
    three times faster for the plain values of a story list (strings, lists, dicts, flags): a
    million articles print in a fraction of the time. Text with anything the sanitiser would
    remove (or that looks so once escaped) takes the slow path."""
    text = _indented(obj, "")
    if text is None or _unsafe_text(text):
        return json.dumps(sanitize_obj(obj), ensure_ascii=False, indent=2)
    return text


def _indented(v, ind: str) -> str | None:
    if isinstance(v, str):
        return _enc(v)
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    inner = ind + "  "
    if isinstance(v, dict):
        if not v:
            return "{}"
        items = []
        for k, x in v.items():
            got = _indented(x, inner)
            if got is None or not isinstance(k, str):
                return None
            items.append(f"{inner}{_enc(k)}: {got}")
        return "{\n" + ",\n".join(items) + "\n" + ind + "}"
    if isinstance(v, list):
        if not v:
            return "[]"
        parts = [_indented(x, inner) for x in v]
        if None in parts:
            return None
        return "[\n" + inner + (",\n" + inner).join(parts) + "\n" + ind + "]"  # type: ignore[arg-type]
    return None  # numbers and the rest: json.dumps's own rules


_ART = ("{\n      \"id\": %s,\n      \"title\": %s,\n      \"source\": %s,\n      \"lang\": %s,"
        "\n      \"date\": %s,\n      \"origin\": %s,\n      \"starred\": %s,\n      "
        "\"read\": %s,\n      \"tags\": %s,\n      \"sameness\": %s,\n      \"copy_of\": %s"
        "\n    }")


def story_text(sid: str, title: str | None, arts: Sequence[Listed]) -> str:
    """``json_text`` of a story of ``stories --json`` (id, title, its articles), the same
    text, written from a template: a listing of 35,000 articles in a fifth of the time."""
    return stories_text([(sid, title, arts)])[0]


def stories_text(stories: Sequence[tuple[str, str | None, Sequence[Listed]]]) -> list[str]:
    """:func:`story_text` of each story, the texts checked for anything the sanitiser would
    change all at once (a check of single characters, so joined texts hold such a character
    exactly when one of them does); any doubt takes the slow path story by story."""
    texts = [_story_fast(*x) for x in stories]
    joined = "".join(t for t in texts if t is not None)
    doubt = _unsafe_text(joined)
    return [
        t if t is not None and not (doubt and _unsafe_text(t)) else json_text(
            {"id": sid, "title": title, "articles": [story_article_json(a) for a in arts]})
        for t, (sid, title, arts) in zip(texts, stories)]


def _unsafe_text(text: str) -> bool:
    return has_unsafe(text) or _ESCAPED.search(text) is not None


def _story_fast(sid: str, title: str | None, arts: Sequence[Listed]) -> str | None:
    if not arts:
        return None
    try:
        return ('{\n  "id": ' + _enc(sid) + ',\n  "title": '
                + ("null" if title is None else _enc(title)) + ',\n  "articles": [\n    '
                + ",\n    ".join(map(_article_text, arts)) + "\n  ]\n}")
    except TypeError:  # a value of another type (json.encoder's C part refuses it)
        return None


def _article_text(a: Listed) -> str:
    aid, title, source, lang, date, origin, starred, read, tags, sameness, copy_of = a
    return _ART % (
        _enc(aid), "null" if title is None else _enc(title),
        "null" if source is None else _enc(source), "null" if lang is None else _enc(lang),
        "null" if date is None else _enc(date), _enc(origin),
        "true" if starred is True else "false" if starred is False else _refuse(starred),
        "true" if read is True else "false" if read is False else _refuse(read),
        ("[\n        " + ",\n        ".join(map(_enc, tags)) + "\n      ]") if tags
        else "[]" if type(tags) is list else _refuse(tags),
        _enc(sameness), "null" if copy_of is None else _enc(copy_of))


def _refuse(v) -> str:
    raise TypeError(v)
