"""Text the main screen shows: the reader's header lines, the status line, counted nouns."""

from __future__ import annotations

from rich.text import Text

from tui.core.model import Article
from tui.core.textutil import safe_line
from tui.render.dates import readable_date
from tui.widgets.rows import outlet_of


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


def article_header(a: Article, *, raw: bool = False, alone: bool = False) -> list[tuple[str, str]]:
    """The reader's header lines for article ``a``: (style part, text). ``alone``: the only
    article of its story, which has no sameness to show (no "coverage" beside nothing)."""
    m, t = a.meta, a.triage
    head = [("title", a.title)]
    facts = [
        outlet_of(a)[0],
        m.get("author"),
        readable_date(m["date"]) if m.get("date") else None,
        m.get("dateline"),
        m.get("lang"),
        "" if alone else a.sameness,
    ]
    head.append(("meta", "  ·  ".join(x for x in facts if x)))
    marks = ["starred" if t.starred else "", "read" if t.read else "unread"]
    if t.tags:
        marks.append("tags: " + ", ".join(t.tags))
    head.append(("triage", "  ·  ".join(x for x in marks if x)))
    if t.note:
        head.append(("triage", "note: " + " ".join(t.note.split())[:200]))
    if len(a.versions) > 1:
        head.append(
            (
                "meta",
                f"{len(a.versions)} versions: the newest is shown, "
                "the comparison view shows what changed",
            )
        )
    if raw:
        head.append(("meta", "original text as ingested (o shows the cleaned text)"))
    return head


def status_line(listing, query: str, marked: int, *, raw: bool) -> Text:
    """The line above the panes: what the list holds, marks, raw text, and its filter last: a
    filter too long for the line ends in "…" (the stylesheet's), the rest still shown."""
    line = Text("Wiredesk ", style="bold")
    line.append(
        f"{plural(len(listing.stories), 'story', 'stories')}, "
        f"{plural(listing.article_count, 'article')}"
    )
    if listing.partial:
        line.append("  (first results: searching on...)")
    if marked:
        line.append(f"  {marked} marked", style="bold")
    if raw:
        line.append("  [raw text]")
    if query:
        line.append("  filter: ")
        line.append(safe_line(query), style="bold")
    return line
