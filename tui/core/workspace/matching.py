"""A filter applied by reading the workspace (no index): what ``Workspace.stories_matching``
falls back to when the index cannot answer (a word of one or two letters, no index to use)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.model import Article
from tui.core.query import Filter, hides_archived
from tui.core.workspace.errors import WorkspaceError
from tui.core.workspace.records import Story

if TYPE_CHECKING:
    from tui.core.workspace.store import Workspace


def read_matching(ws: Workspace, flt: Filter | None, archived: bool
                  ) -> list[tuple[Story, list[Article]]]:
    """Stories shown (the one rule for archived ones) with their articles that pass ``flt``."""
    out = []
    for st in ws.stories():
        if st.archived and hides_archived(flt, archived):
            continue
        arts = [ws.get(i) for i in st.article_ids]
        if flt is not None:
            arts = [a for a in arts
                    if flt.matches(a, st, body=searchable(ws, a) if flt.needs_body else None)]
        if arts:
            out.append((st, arts))
    return out


def searchable(ws: Workspace, a: Article) -> str:
    """The body a word search reads; an unreadable one is searched as empty and named once in
    ``ws.problems`` (the rest of the search goes on)."""
    try:
        return ws.body(a)
    except WorkspaceError as e:
        note = f"{e} (article {a.id} searched by title and fields only)"
        if note not in ws.problems:
            ws.problems.append(note)
        return ""
