"""Completion for the dialogs' one-line fields (Textual draws the rest of the word dimmed;
→ or End accepts it, as in a shell).

- :class:`QuerySuggester`: the filter language's keys (``tag:``, ``source:``, ``+starred``...)
  and, after ``tag:``, ``source:``/``outlet:`` or ``lang:``, the tags, outlets and languages
  that exist in the workspace;
- :class:`PathSuggester`: files and folders for the ingest dialog (``~`` understood).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from textual.suggester import Suggester

KEYWORDS = ("tag:", "-tag:", "source:", "outlet:", "lang:", "after:", "before:", "story:",
            "+starred", "-starred", "unread", "read", "archived")
VALUE_KEYS = {"tag": "tag", "-tag": "tag", "source": "source", "outlet": "source",
              "lang": "lang"}


def vocabulary(tags: Iterable[str], stories: Iterable) -> dict[str, list[str]]:
    """What the filter field completes: tags, outlets and languages that exist (outlets and
    languages from the story faces, the most frequent first; a face with a ``count`` stands
    for that many stories)."""
    outlets: dict[str, int] = {}
    langs: dict[str, int] = {}
    for s in stories:
        n = getattr(s, "count", 1)
        for o in getattr(s, "sources", ()):
            outlets[o] = outlets.get(o, 0) + n
        for lang in getattr(s, "langs", ()):
            langs[lang] = langs.get(lang, 0) + n
    return {"tag": sorted(set(tags), key=str.casefold),
            "source": sorted(outlets, key=lambda o: (-outlets[o], o.casefold())),
            "lang": sorted(langs, key=lambda x: (-langs[x], x))}


def _quoted(value: str) -> str:
    return f'"{value}"' if any(c.isspace() or c in ',"' for c in value) else value


def complete_query(value: str, words: Mapping[str, Sequence[str]]) -> str | None:
    """``value`` with its last word completed, or None."""
    start, quoted = 0, False
    for i, ch in enumerate(value):  # the last word starts after the last unquoted space
        if ch == '"':
            quoted = not quoted
        elif ch == " " and not quoted:
            start = i + 1
    last = value[start:]
    if not last:
        return None
    key, colon, typed = last.partition(":")
    lowered = last.casefold()
    if colon and key.casefold() in VALUE_KEYS:
        # after a comma (tag:a,b) only the part being typed is completed
        done, comma, part = typed.rpartition(",")
        part_plain = part.lstrip('"').casefold()
        quote = '"' if part.startswith('"') else ""
        for cand in words.get(VALUE_KEYS[key.casefold()], ()):
            if cand.casefold().startswith(part_plain) and cand.casefold() != part_plain:
                # the typed letters stay as typed (the field only shows a completion that
                # starts with what is there); a value with spaces needs its quotes
                rest = cand[len(part_plain):] + quote
                if not quote and _quoted(cand) != cand:
                    continue
                return value + rest
        return None
    for kw in KEYWORDS:
        if kw.startswith(lowered) and kw != lowered:
            return value + kw[len(last):]
    return None


def complete_path(value: str) -> str | None:
    """``value`` with its last word completed as a path (the common start of what matches;
    a lone folder gets its ``/``), or None."""
    head, sep, last = value.rpartition(" ")
    if not last or "://" in last:
        return None
    expanded = os.path.expanduser(last)
    folder, _, stem = expanded.rpartition("/")
    where = Path(folder or ".") if folder or not expanded.startswith("/") else Path("/")
    try:
        names = sorted(e.name + ("/" if e.is_dir() else "") for e in os.scandir(where)
                       if e.name.startswith(stem) and (stem.startswith(".")
                                                      or not e.name.startswith(".")))
    except OSError:
        return None
    if not names:
        return None
    common = os.path.commonprefix(names)
    if len(common) <= len(stem):
        return None
    return value + common[len(stem):]


class QuerySuggester(Suggester):
    def __init__(self, words: Mapping[str, Sequence[str]]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.words = words

    async def get_suggestion(self, value: str) -> str | None:
        return complete_query(value, self.words)


class PathSuggester(Suggester):
    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        return complete_path(value)
