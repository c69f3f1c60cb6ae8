"""One line of the story list as a ``rich.text.Text`` (never markup: titles come from articles)."""

from __future__ import annotations

from pathlib import PurePath

from rich.cells import cell_len, set_cell_size
from rich.style import Style
from rich.text import Text

from tui.core.textutil import display_rtl, safe_line

KIND_LABEL = {"version": "version", "copy": "copy", "coverage": "coverage"}


def span(first: str | None, last: str | None) -> str:
    """A story's date span, short: ``2022-10-11``, ``2022-10-11..10-14``."""
    if not first:
        return ""
    if not last or last == first:
        return first
    if first[:4] == last[:4]:
        return f"{first}..{last[5:]}"
    return f"{first}..{last}"


def outlets(sources: list[str], room: int = 2) -> str:
    shown = [safe_line(s) for s in sources[:room]]
    more = len(sources) - room
    return ", ".join(shown) + (f" +{more}" if more > 0 else "")


def origin_label(origin: str) -> str:
    """Where an article came from, short: a URL's host, a file's name, a JSON Lines file and
    line ("corpus.jsonl:12": the line tells records of one file apart)."""
    if "://" in origin:
        host = origin.split("://", 1)[1].split("/", 1)[0].rsplit("@", 1)[-1].split(":", 1)[0]
        return safe_line(host.lower().removeprefix("www.")) or safe_line(origin)
    if "/" in origin or "\\" in origin:
        return safe_line(PurePath(origin.replace("\\", "/")).name) or safe_line(origin)
    return safe_line(origin)


def short_origin(label: str, room: int) -> str:
    """An origin label cut to ``room`` cells keeping what tells articles apart: the line
    number of a JSON Lines record ("neus.jsonl:812" -> "neus.j…:812")."""
    head, sep, tail = label.rpartition(":")
    if cell_len(label) <= room or not (sep and tail.isdigit()) or len(tail) + 3 > room:
        return label
    keep = room - len(tail) - 2
    return set_cell_size(head, keep).rstrip() + "…:" + tail


def outlet_of(article) -> tuple[str, bool]:
    """The article's outlet and True; unknown outlet: where it came from and False."""
    source = safe_line(article.meta.get("source") or "")
    return (source, True) if source else (origin_label(article.origin), False)


def title_text(title: str, rtl: bool, room: int) -> Text:
    """A title cut to ``room`` cells in reading order, then laid out right-to-left if needed."""
    line = Text(safe_line(title) or "(untitled)")
    line.truncate(max(1, room), overflow="ellipsis")
    return Text(display_rtl(line.plain) if rtl else line.plain)


def story_line(story, width: int, styles: dict[str, Style], *, marked: bool, rtl: bool) -> Text:
    """``+*N Title ...   outlets  langs  span  (unread/total)``."""
    flags = Text()
    flags.append("+" if marked else " ", styles["marked"])
    flags.append("*" if story.starred else " ", styles["star"])
    flags.append("N" if story.unread else " ", styles["unread"])
    flags.append(" ")
    count = f"({story.unread}/{story.size})"
    # The most useful facts first; each is dropped when the title would get too short.
    parts = [count, span(story.date_first, story.date_last), ",".join(story.langs),
             outlets(story.sources)]
    meta = count
    for part in parts[1:]:
        longer = f"{part}  {meta}" if part else meta
        if width - len(longer) - flags.cell_len - 2 >= max(24, width // 2):
            meta = longer
    room = max(8, width - flags.cell_len - len(meta) - 2)
    title = title_text(story.title, rtl, room)
    title.stylize(styles["unread_title"] if story.unread else styles["title"])
    title.truncate(room, overflow="ellipsis", pad=True)
    line = Text.assemble(flags, title, "  ", (meta, styles["meta"]))
    line.truncate(width, overflow="ellipsis", pad=True)
    return line


def article_line(article, width: int, styles: dict[str, Style], *, marked: bool, last: bool,
                 rtl: bool) -> Text:
    """``  +*N  outlet  date  lang  kind  title`` under its story."""
    t, meta = article.triage, article.meta
    line = Text(" └ " if last else " ├ ", styles["meta"])
    line.append("+" if marked else " ", styles["marked"])
    line.append("*" if t.starred else " ", styles["star"])
    line.append("N" if not t.read else " ", styles["unread"])
    line.append("  ")
    name, known = outlet_of(article)
    outlet = Text(name if known else short_origin(name, 14), "" if known else styles["origin"])
    outlet.truncate(14, overflow="ellipsis", pad=True)
    line.append_text(outlet)
    line.append(f" {(meta.get('date') or '')[:10]:<10} {(meta.get('lang') or '?')[:3]:<3} ",
                 styles["meta"])
    line.append(f"{KIND_LABEL.get(article.sameness, article.sameness):<9}", styles["kind"])
    if t.tags:
        line.append("[" + ",".join(safe_line(x) for x in t.tags) + "] ", styles["tags"])
    if t.note:
        line.append("✎ ", styles["tags"])
    title = title_text(article.title, rtl, width - line.cell_len)
    title.stylize(styles["title"] if t.read else styles["unread_title"])
    line.append_text(title)
    line.truncate(width, overflow="ellipsis", pad=True)
    return line


def filter_line(name: str, query: str, width: int, styles: dict[str, Style], *,
                active: bool) -> Text:
    """A saved filter, shown above the stories like a query feed."""
    line = Text(" = " if active else " / ", styles["filter"])
    line.append(safe_line(name), styles["filter"])
    line.append("  " + safe_line(query), styles["meta"])
    line.truncate(width, overflow="ellipsis", pad=True)
    return line
