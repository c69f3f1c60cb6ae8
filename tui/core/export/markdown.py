"""Markdown export: one document grouped by story, or one file per article with YAML front
matter (the shape Obsidian and static-site generators read).

Metadata taken from articles (titles, outlets, tags...) is escaped so it shows as written. The
note is the reader's own text and is kept as Markdown; in the one-document form it sits in a
block quote, so whatever it holds (headings, fences, rules) cannot break the document.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from tui.core.export.items import ExportItem, group_by_story

_PUNCT = re.compile(r"([\\`*_\[\]<>#|~&$])")
_URL = re.compile(r"https?://[^\s<>]+")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def inline(text: str) -> str:
    """Plain text made safe inside one line of Markdown: whitespace collapsed, the characters
    that start emphasis, links, HTML, entities, tags or math backslash-escaped (CommonMark
    shows any escaped ASCII punctuation as itself)."""
    return _PUNCT.sub(r"\\\1", " ".join(text.split()))


def _origin(origin: str) -> str:
    return f"<{origin}>" if _URL.fullmatch(origin) else inline(origin)


def _quote_block(text: str) -> str:
    return "\n".join(f"> {line}".rstrip() for line in text.strip("\n").split("\n"))


def _fields(item: ExportItem) -> list[str]:
    rows = [("Outlet", item.source), ("Author", item.author), ("Date", item.date),
            ("Language", item.lang)]
    out = [f"- **{k}:** {inline(v)}" for k, v in rows if v]
    out.append(f"- **Origin:** {_origin(item.origin)}")
    if item.story_id:
        title = f"{inline(item.story_title)} " if item.story_title else ""
        out.append(f"- **Story:** {title}({inline(item.story_id)})")
    if item.tags:
        out.append("- **Tags:** " + ", ".join(inline(t) for t in item.tags))
    out.append(f"- **Starred:** {'yes' if item.starred else 'no'}")
    out.append(f"- **Read:** {'yes' if item.read else 'no'}")
    if item.note_version_ingested:
        out.append(f"- **Note on the version taken in:** {inline(item.note_version_ingested)}")
    return out


def to_markdown(items: Sequence[ExportItem]) -> str:
    """One document: a section per story, a subsection per article, the note quoted."""
    lines = ["# Wiredesk export", "", f"{len(items)} article{'s' if len(items) != 1 else ''}."]
    for story_id, story_title, group in group_by_story(items):
        if story_id:
            name = inline(story_title) if story_title else "Story"
            lines += ["", f"## {name} ({inline(story_id)})"]
        else:
            lines += ["", "## Not in a story"]
        for item in group:
            lines += ["", f"### {inline(item.title)}", "", *_fields(item)]
            if item.note.strip():
                lines += ["", _quote_block(item.note)]
    return "\n".join(lines) + "\n"


def yaml_string(text: str) -> str:
    """A YAML double-quoted scalar: every YAML reader gets exactly ``text`` back."""
    out = ['"']
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == " " or ch.isprintable():
            out.append(ch)
        elif ord(ch) <= 0xFFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    out.append('"')
    return "".join(out)


def _yaml_value(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return yaml_string(str(value))


def _yaml_date(date: str | None) -> str:
    """A real calendar date stays a bare YAML date; anything else is a string (or null)."""
    if date and _ISO_DATE.fullmatch(date):
        try:
            dt.date.fromisoformat(date)
            return date
        except ValueError:
            pass
    return _yaml_value(date)


def front_matter(item: ExportItem) -> str:
    """YAML front matter; flat keys (tools show nested ones poorly), a date as a YAML date."""
    pairs = [("id", item.id), ("title", item.title), ("source", item.source),
             ("author", item.author)]
    lines = [f"{k}: {_yaml_value(v)}" for k, v in pairs]
    lines.append(f"date: {_yaml_date(item.date)}")
    pairs = [("lang", item.lang), ("origin", item.origin), ("story_id", item.story_id),
             ("story_title", item.story_title)]
    lines += [f"{k}: {_yaml_value(v)}" for k, v in pairs]
    lines.append("tags: []" if not item.tags else "tags:")
    lines += [f"  - {yaml_string(t)}" for t in item.tags]
    flags: list[tuple[str, bool | str | None]] = [
        ("starred", item.starred), ("read", item.read),
        ("note_version_ingested", item.note_version_ingested)]
    lines += [f"{k}: {_yaml_value(v)}" for k, v in flags]
    return "---\n" + "\n".join(lines) + "\n---\n"


def to_markdown_file(item: ExportItem) -> str:
    """One article's file: front matter, its title as a heading, then the note."""
    body = f"\n# {inline(item.title)}\n"
    if item.note.strip():
        body += "\n" + item.note.strip("\n") + "\n"
    return front_matter(item) + body
