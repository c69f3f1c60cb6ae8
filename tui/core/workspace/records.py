"""Articles and stories to and from their TOML records (the workspace's truth).

One article is one file, ``articles/<id[:2]>/<id>.toml``; keys are written in a fixed order so
a change makes a small diff. Empty fields are left out (TOML has no null).
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import tomli_w

from tui.core.model import (
    META_FIELDS,
    Article,
    Triage,
    Version,
    _reduce_by_fields,
    doc_kind,
    sameness_of,
)
from tui.core.workspace import toml_write, unknown_keys


def now_iso() -> str:
    """The time now, UTC, to the second: how records write times (``2026-12-04T21:30:00Z``)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace(
        "+00:00", "Z")


@dataclass(slots=True)
class StoryState:
    """What the reader decided about a story (``stories/<id>.toml``); absent means defaults."""

    id: str
    archived: bool = False
    title: str | None = None  # a title the reader chose over the representative one


@dataclass(slots=True)
class Story:
    """A story as shown: its articles and its face."""

    id: str
    article_ids: list[str]
    title: str = ""
    sources: list[str] = field(default_factory=list)
    langs: list[str] = field(default_factory=list)
    date_first: str | None = None
    date_last: str | None = None
    unread: int = 0
    starred: int = 0
    archived: bool = False

    __reduce__ = _reduce_by_fields

    @property
    def size(self) -> int:
        return len(self.article_ids)


def article_to_toml(a: Article, extra: dict | None = None) -> str:
    """An article's record (as ``tomli_w`` writes ``toml_doc(a)``, by the faster
    ``toml_write``: its direct writer when the values are the usual ones). ``extra``: keys
    Wiredesk does not read, put back where the file had them (``unknown_keys``)."""
    doc = toml_doc(a)
    if extra:
        return toml_write.dumps(unknown_keys.put_back(doc, extra), multiline_strings=True)
    text = toml_write.article(doc)
    return text if text is not None else toml_write.dumps(doc, multiline_strings=True)


def toml_doc(a: Article) -> dict:
    doc: dict = {"id": a.id, "origin": a.origin, "kind": a.kind, "added": a.added}
    if a.story:
        doc["story"] = a.story
    doc["sameness"] = a.sameness
    if a.copy_of:
        doc["copy_of"] = a.copy_of
    doc["meta"] = {k: a.meta[k] for k in META_FIELDS if a.meta.get(k)}
    t = a.triage
    tri: dict = {"tags": sorted(set(t.tags)), "starred": t.starred, "read": t.read}
    if t.note:
        tri["note"] = t.note
    if t.note_version:
        tri["note_version"] = t.note_version
    if t.note_updated:
        tri["note_updated"] = t.note_updated
    doc["triage"] = tri
    doc["versions"] = [
        {"hash": v.hash, "ingested": v.ingested, "raw": v.raw_file, "body": v.body_file,
         **({"body_hash": v.body_hash} if v.body_hash else {})}
        for v in a.versions
    ]
    return doc


def article_from_dict(d: dict) -> Article:
    tri = d.get("triage", {})
    tags = tri.get("tags", [])
    if not isinstance(tags, list):
        raise ValueError("triage.tags must be a list of strings")
    versions = [
        Version(hash=str(v["hash"]), ingested=str(v["ingested"]), raw_file=str(v["raw"]),
                body_file=str(v["body"]),
                body_hash=v["body_hash"] if isinstance(v.get("body_hash"), str) else None)
        for v in d.get("versions", [])
    ]
    if not versions:
        raise ValueError("an article needs at least one [[versions]] entry")
    meta = {k: _meta_value(d.get("meta", {}).get(k)) for k in META_FIELDS}
    return Article(
        id=str(d["id"]),
        origin=str(d.get("origin", "")),
        kind=doc_kind(d.get("kind", "text")),
        meta=meta,
        versions=versions,
        triage=Triage(
            tags=[str(x) for x in tags],
            starred=flag(tri.get("starred", False)),
            read=flag(tri.get("read", False)),
            note=str(tri.get("note", "")),
            note_version=tri.get("note_version"),
            note_updated=_meta_value(tri.get("note_updated")),
        ),
        story=d.get("story"),
        sameness=sameness_of(d.get("sameness", "coverage")),
        copy_of=d.get("copy_of"),
        added=str(d.get("added", "")),
    )


TRUE = frozenset({"true", "yes", "y", "on", "1"})
FALSE = frozenset({"false", "no", "n", "off", "0", ""})


def flag(value: object) -> bool:
    """A flag a person wrote by hand, read as ``doctor --repair`` will write it: a boolean; a
    string or 0/1 whose meaning is clear (``"false"``, ``"no"``: false); anything else false
    (``doctor`` names its wrong type)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value.strip().lower() in TRUE
    return isinstance(value, int) and value == 1


def _meta_value(v):
    """TOML dates a person typed by hand (date = 2022-10-11) come back as ISO strings."""
    if v is None:
        return None
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return str(v)


def story_state_to_toml(s: StoryState, extra: dict | None = None) -> str:
    """A story's state; ``extra``: keys Wiredesk does not read, kept after its own."""
    doc: dict = {"id": s.id, "archived": s.archived}
    if s.title:
        doc["title"] = s.title
    return tomli_w.dumps({**doc, **{k: v for k, v in (extra or {}).items() if k not in doc}})


def story_state_from_dict(d: dict) -> StoryState:
    return StoryState(id=str(d["id"]), archived=flag(d.get("archived", False)),
                      title=d.get("title"))


_AT_LINE = re.compile(r"\(at line (\d+), column \d+\)")


def toml_error_line(text: str, err: tomllib.TOMLDecodeError) -> tuple[int, str]:
    """The line of a TOML error (the last line for "at end of document") and its message."""
    msg = str(err)
    m = _AT_LINE.search(msg)
    if m:
        return int(m.group(1)), _AT_LINE.sub("", msg).strip()
    line = text.count("\n") + (not text.endswith("\n"))
    return max(line, 1), msg.replace("(at end of document)", "").strip() + " (at the end)"


def toml_error(text: str, err: tomllib.TOMLDecodeError) -> str:
    """``line N: message`` for a TOML error, also when tomllib says "at end of document"."""
    line, msg = toml_error_line(text, err)
    return f"line {line}: {msg}"


def key_line(text: str, key: str, table: str | None = None) -> int | None:
    """The line (from 1) where ``key = ...`` is set (under ``[table]`` when given), or None."""
    k = re.escape(key)
    named = re.compile(rf"""^(?:{k}|"{k}"|'{k}')\s*=""")
    under = table is None
    for n, line in enumerate(text.splitlines(), 1):
        s = line.strip()
        if s.startswith("["):
            under = table is not None and s.strip("[] \t") == table
        elif under and named.match(s):
            return n
    return None


def read_record(path: Path, rel: object, build):
    """``(record, data, text, problem)`` of the TOML file at ``path`` made into a record by
    ``build`` (its table to an object): the problem names ``rel`` and what is wrong (cannot
    read, not UTF-8, the line of a TOML error, a missing or wrong field). A missing file raises
    FileNotFoundError for the caller to decide."""
    text = ""
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
        return build(data), data, text, None
    except FileNotFoundError:
        raise
    except OSError as e:
        problem = f"{rel}: cannot read ({e.strerror or e})"
    except UnicodeDecodeError as e:
        problem = f"{rel}: not UTF-8 text ({e.reason} at byte {e.start})"
    except tomllib.TOMLDecodeError as e:
        problem = f"{rel}: {toml_error(text, e)}"
    except (KeyError, ValueError, TypeError) as e:
        problem = f"{rel}: missing or wrong field ({e})"
    return None, None, text, problem
