"""Keys of an article file that Wiredesk does not read (a person's own, or a newer version's),
kept when the file is written again: a save never drops what it does not understand.

Wiredesk reads a record into an ``Article`` and writes it back from one, so a key it does not
know would be lost on the next star or tag. Before an article file is replaced, the file there
is looked at (a cheap scan of its lines; a parse only when a line is not one Wiredesk writes),
and its unknown keys are put back where they were: at the top, in ``[meta]``, in ``[triage]``,
or in the ``[[versions]]`` entry of the same hash. ``wiredesk doctor`` names them as a note.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from tui.core.model import META_FIELDS
from tui.core.workspace.field_rules import ARTICLE, TRIAGE, VERSION
from tui.core.workspace.field_rules import STORY as _STORY_FIELDS

# derived from the doctor's field list: one list of what Wiredesk writes and reads
TOP = tuple(ARTICLE)
TABLES = {"meta": META_FIELDS, "triage": tuple(TRIAGE), "versions": tuple(VERSION)}
STORY = tuple(_STORY_FIELDS)
_ALLOWED = {"": frozenset(TOP), **{f"[{t}]": frozenset(k) for t, k in TABLES.items()
                                   if t != "versions"},
            "[[versions]]": frozenset(TABLES["versions"])}
# a basic string may hold escapes (`"a\"b"`), a literal one may not
_QUOTED_KEY = re.compile(r"(?:\"(?:[^\"\\]|\\.)*\"|'[^']*')[ \t]*[.=]")


def _may_hold_unknown(text: str) -> bool:
    """Whether a line of ``text`` may be a key Wiredesk does not write: a key not of its
    table, a table of its own, a quoted key, an inline table (a line of a note that looks like
    one only costs a parse)."""
    if "{" in text:
        return True
    allowed = _ALLOWED[""]
    for line in text.split("\n"):
        s = line.lstrip()
        if not s or s[0] in "#]":
            continue
        if s[0] == "[":
            allowed = _ALLOWED.get(s.split("#", 1)[0].replace(" ", "").rstrip(), frozenset())
            if not allowed:
                return True
        elif s[0] in "\"'":
            if _QUOTED_KEY.match(s):
                return True
        else:
            key, eq, _ = s.partition("=")
            if eq and key.rstrip() not in allowed:
                return True
    return False


def unknown(data: dict) -> dict:
    """The keys of a parsed article record that Wiredesk does not read, by where they sit:
    ``{"": {key: value}, "meta": {...}, "triage": {...}, "versions": {hash: {...}}}`` (only
    the places that hold some; a known table of a wrong type is not read, so not kept)."""
    out: dict = {}
    top = {k: v for k, v in data.items() if k not in TOP}
    if top:
        out[""] = top
    for name in ("meta", "triage"):
        table = data.get(name)
        if isinstance(table, dict):
            more = {k: v for k, v in table.items() if k not in TABLES[name]}
            if more:
                out[name] = more
    versions = data.get("versions")
    if isinstance(versions, list):
        by_hash = {str(v.get("hash")): more for v in versions if isinstance(v, dict)
                   if (more := {k: x for k, x in v.items() if k not in TABLES["versions"]})}
        if by_hash:
            out["versions"] = by_hash
    return out


def names(extra: dict) -> list[str]:
    """The dotted names of ``unknown``'s keys (``mine``, ``meta.topic``, ``versions.seen``)."""
    out = [*extra.get("", {})]
    out += [f"{place}.{k}" for place in ("meta", "triage") for k in extra.get(place, {})]
    out += [f"versions.{k}" for more in extra.get("versions", {}).values() for k in more]
    return list(dict.fromkeys(out))


def of_file(path: Path | str) -> dict:
    """``unknown`` of the article file at ``path``: empty when there is none, when every line
    is one Wiredesk writes, or when it does not parse (a damaged file is the doctor's)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    if not _may_hold_unknown(text):
        return {}
    try:
        return unknown(tomllib.loads(text))
    except tomllib.TOMLDecodeError:
        return {}



def of_story_file(path: Path | str) -> dict:
    """The keys of a story's state file (``stories/<id>.toml``) Wiredesk does not read."""
    return {k: v for k, v in _top(path).items() if k not in STORY}


def keeping_top_keys(path: Path | str, doc: dict) -> dict:
    """``doc`` with the top-level keys of the file at ``path`` (``corrections.toml``) it does
    not have put back after its own: keys of a person's own survive the save."""
    return {**doc, **{k: v for k, v in _top(path).items() if k not in doc}}


def _top(path: Path | str) -> dict:
    """The TOML file at ``path`` read; empty when missing, unreadable or damaged (a damaged
    file is named by whoever reads it for its content)."""
    try:
        return tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}


def put_back(doc: dict, extra: dict) -> dict:
    """``doc`` (``records.toml_doc``'s shape) with ``extra``'s keys back in their places,
    after Wiredesk's own; a version no longer there takes its keys with it."""
    doc = {**doc, **{k: v for k, v in extra.get("", {}).items() if k not in doc}}
    for name in ("meta", "triage"):
        if extra.get(name):
            doc[name] = {**doc[name], **{k: v for k, v in extra[name].items()
                                         if k not in doc[name]}}
    if extra.get("versions"):
        doc["versions"] = [{**v, **{k: x for k, x in extra["versions"].get(v["hash"], {}).items()
                                    if k not in v}} for v in doc["versions"]]
    return doc
