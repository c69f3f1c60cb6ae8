"""CSV export: one row per article, RFC 4180 quoting, safe to open in a spreadsheet.

Formula injection: a cell starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return
would be run as a formula by spreadsheets, so it gets a leading apostrophe. A cell that
really starts with an apostrophe gets one too, so :func:`unneutralise` (drop one leading
apostrophe) restores every cell exactly. Tags share one cell, separated by ``"; "``; a ``;``
or ``\\`` inside a tag is escaped with ``\\`` (:func:`split_tags` reads them back).
Booleans are ``true``/``false``; unknown values are empty cells.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from tui.core.export.items import ExportItem

COLUMNS = ("id", "title", "source", "author", "date", "lang", "origin", "story_id",
           "story_title", "tags", "starred", "read", "note", "note_version_ingested")
_RISKY = ("=", "+", "-", "@", "\t", "\r", "'")


def neutralise(cell: str) -> str:
    return "'" + cell if cell.startswith(_RISKY) else cell


def unneutralise(cell: str) -> str:
    return cell[1:] if cell.startswith("'") else cell


def join_tags(tags: Sequence[str]) -> str:
    return "; ".join(t.replace("\\", "\\\\").replace(";", "\\;") for t in tags)


def split_tags(cell: str) -> list[str]:
    """The tags of a (un-neutralised) tags cell."""
    tags: list[str] = []
    buf: list[str] = []
    chars = iter(cell)
    for ch in chars:
        if ch == "\\":
            buf.append(next(chars, ""))
        elif ch == ";":
            tags.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    if buf or tags:
        tags.append("".join(buf))
    return [t[1:] if i and t.startswith(" ") else t for i, t in enumerate(tags)]


def _row(item: ExportItem) -> list[str]:
    values = {
        **{k: getattr(item, k) for k in COLUMNS if k not in ("tags", "starred", "read")},
        "tags": join_tags(item.tags),
        "starred": "true" if item.starred else "false",
        "read": "true" if item.read else "false",
    }
    return [neutralise(values[k] or "") for k in COLUMNS]


def to_csv(items: Sequence[ExportItem]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for item in items:
        writer.writerow(_row(item))
    return out.getvalue()
