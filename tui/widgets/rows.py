"""One line of the story list as a ``rich.text.Text`` (never markup: titles come from articles)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import PurePath
from typing import Literal

from rich.cells import cell_len, set_cell_size
from rich.style import Style
from rich.text import Text

from tui.core.model import Sameness
from tui.core.textutil import display_rtl, safe_line

# The three kinds of line in the story list: a saved filter, a story, an article of a story.
RowKind = Literal["filter", "story", "article"]


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


# One mark for an article's kind (the legend in ``?`` explains them): "coverage" (its own
# reporting of the story) is the usual case and takes no ink.
KIND_MARK: dict[Sameness, str] = {"coverage": " ", "copy": "=", "version": "v"}
TITLE_GOAL = 32  # columns yield until the title has this many cells (or nothing is left)
# What an article row shows besides its title, and the order in which it gives way to the
# title when the row is narrow: the language first, then the date's year, the outlet's tail,
# the date, the outlet, and last the tag names (their count stays). The title never yields.
YIELD_ORDER = ("lang", "year", "outlet_short", "date", "outlet", "tag_names")
OUTLET_FULL, OUTLET_SHORT = 14, 9
SPAN_CELLS = 10  # a story row's date (2022-10-11), the least its column takes


@dataclass(frozen=True, slots=True)
class Columns:
    """Which optional columns an article row shows at one width (computed once per width)."""

    outlet: int  # cells for the outlet, 0 for none
    date: int  # 10 (2022-10-11), 5 (10-11) or 0
    lang: bool
    tag_names: bool  # tag names, else only their count ("#2")
    dropped: tuple[str, ...]  # what gave way, in YIELD_ORDER

    @property
    def fixed(self) -> int:
        """Cells used before the title: tree, marks, kind and the shown columns."""
        return (3 + 4 + 2 + (self.outlet + 1 if self.outlet else 0)
                + (self.date + 1 if self.date else 0) + (4 if self.lang else 0))


@functools.lru_cache(maxsize=64)
def article_columns(width: int) -> Columns:
    """The columns of an article row at ``width``: each yields in :data:`YIELD_ORDER` until
    the title has :data:`TITLE_GOAL` cells."""
    dropped: list[str] = []

    def make() -> Columns:
        outlet = (0 if "outlet" in dropped
                  else OUTLET_SHORT if "outlet_short" in dropped else OUTLET_FULL)
        date = 0 if "date" in dropped else 5 if "year" in dropped else 10
        return Columns(outlet, date, "lang" not in dropped, "tag_names" not in dropped,
                       tuple(dropped))

    cols = make()
    for step in YIELD_ORDER:
        if width - cols.fixed >= TITLE_GOAL + 4:  # 4: room for a tag count
            break
        dropped.append(step)
        cols = make()
    return cols


def tags_text(tags: list[str], room: int, names: bool) -> str:
    """Tags after a title in ``room`` cells: ``[japan,canada]``, else the names that fit and
    how many more (``[japan +1]``), else only the count (``#2``)."""
    if not tags:
        return ""
    count = f"#{len(tags)}"
    if not names:
        return count
    shown = [safe_line(x) for x in tags]
    for k in range(len(shown), 0, -1):
        more = len(shown) - k
        text = "[" + ",".join(shown[:k]) + (f" +{more}" if more else "") + "]"
        if cell_len(text) <= room:
            return text
    return count


def flags_text(line: Text, styles: dict[str, Style], *, marked: bool, starred: bool,
               unread: bool, note: bool) -> None:
    line.append("+" if marked else " ", styles["marked"])
    line.append("*" if starred else " ", styles["star"])
    line.append("N" if unread else " ", styles["unread"])
    line.append("✎" if note else " ", styles["tags"])


@dataclass(frozen=True, slots=True)
class StoryPlan:
    """What a whole listing's story rows share, so that their columns line up: the cells of
    the widest count, of the widest date span (ranges in their longest short form), and of
    the widest span in its shortest form (0, 0: no story has a date)."""

    count: int = 0
    span: int = 0
    short: int = 0


def story_plan(stories) -> StoryPlan:
    """The plan of these stories (all of them: a count is sized from the biggest story)."""
    count = span_cells = short = 0
    for s in stories:
        count = max(count, 2 * len(str(s.size)) + 3)  # "(40/40)": unread <= size
        forms = short_spans(s.date_first, s.date_last)
        if forms:
            across = (s.date_first or "")[:4] != (s.date_last or "")[:4]  # ("25-12-30..26-01-02")
            span_cells = max(span_cells, SPAN_CELLS, (18 if across else 17) if forms[1:] else 0)
            short = max(short, SPAN_CELLS, cell_len(forms[-1]))
    return StoryPlan(count, span_cells, short)


def short_spans(first: str | None, last: str | None) -> list[str]:
    """A story's date span, longest first: ``2025-12-30..2026-01-02``; in 17 cells
    ``2022-10-11..10-14`` within a year, ``25-12-30..26-01-02`` across one (both years kept:
    a range is never read as ending before it starts); ``12-30..01-02``; and within a month
    ``10-11..14``."""
    full = span(first, last)
    if not first or not last or full == first:
        return [full] if full else []
    years = f"{first}..{last[5:]}" if first[:4] == last[:4] else f"{first[2:]}..{last[2:]}"
    forms = [full, years, f"{first[5:]}..{last[5:]}"]
    if first[:7] == last[:7]:
        forms.append(f"{first[5:]}..{last[8:]}")
    return list(dict.fromkeys(forms))


def story_line(story, width: int, styles: dict[str, Style], *, marked: bool, rtl: bool,
               plan: StoryPlan | None = None) -> Text:
    """``+*N  Title ...   outlets  langs  span  (unread/total)``. With the listing's ``plan``
    the count and the date take the same cells on every row, so the columns line up."""
    flags = Text()
    flags_text(flags, styles, marked=marked, starred=bool(story.starred),
               unread=bool(story.unread), note=False)
    count = f"({story.unread}/{story.size})"
    # Facts after the title, the most useful nearest the count; each gives way (outlets first,
    # then languages, then the date span) while the title would be shorter than the goal.
    goal = max(TITLE_GOAL, min(width // 2, 60))

    def fits(cells: int) -> bool:
        return width - cells - flags.cell_len - 2 >= goal

    spans = short_spans(story.date_first, story.date_last)
    langs, sources = ",".join(story.langs), outlets(story.sources)
    used = cell_len(count)
    shown = []
    for part in (spans[0] if spans else "", langs, sources):
        if part and fits(used + 2 + cell_len(part)):
            used += 2 + cell_len(part)
            shown.append(part)
    # The columns: the count sized from the listing's widest, the date from a slot of the
    # same cells on every row (blank when unknown; a range that does not fit is shortened,
    # never skipped, so no language is drawn in the date's column). The title yields the
    # cells the padding takes: no row loses a fact for the columns.
    cells = max(plan.count, cell_len(count)) if plan else cell_len(count)
    if plan is None:
        slot = cell_len(spans[0] if spans and spans[0] in shown else spans[-1] if spans else "")
    else:  # ranges in full, the end's year left out; else as short as they go
        slot = plan.span if fits(cells + 2 + plan.span + 4) else plan.short
    date = next((f for f in spans if cell_len(f) <= slot), "")
    dated = bool(spans) and spans[0] in shown  # shown in full before: at least shortened
    rest = [p for p in shown if not (dated and p == spans[0])]
    if not (rest or dated or (date and fits(used + 2 + cell_len(date)))):
        date, slot = "", 0  # nothing after the date: no slot to keep
    meta = count.rjust(cells)
    if slot:
        meta = f"{date:<{slot}}  {meta}"
    for part in rest:
        meta = f"{part}  {meta}"
    room = max(8, width - flags.cell_len - cell_len(meta) - 2)
    title = title_text(story.title, rtl, room)
    title.stylize(styles["unread_title"] if story.unread else styles["title"])
    title.truncate(room, overflow="ellipsis", pad=True)
    line = Text.assemble(flags, title, "  ", (meta, styles["meta"]))
    line.truncate(width, overflow="ellipsis", pad=True)
    return line


def article_line(article, width: int, styles: dict[str, Style], *, marked: bool, last: bool,
                 rtl: bool, timed: bool = False) -> Text:
    """`` ├ +*N✎ v outlet  date  lang  Title [tags]`` under its story; the columns yield to
    the title in :data:`YIELD_ORDER` on narrow rows. ``timed``: its story's articles are all
    of one day (its row says which): the date column tells them apart by their time."""
    t, meta = article.triage, article.meta
    cols = article_columns(width)
    line = Text(" └ " if last else " ├ ", styles["meta"])
    flags_text(line, styles, marked=marked, starred=t.starred, unread=not t.read,
               note=bool(t.note))
    line.append(" ")
    line.append(KIND_MARK.get(article.sameness, (article.sameness or " ")[:1]), styles["kind"])
    line.append(" ")
    if cols.outlet:
        name, known = outlet_of(article)
        outlet = Text(name if known else short_origin(name, cols.outlet),
                      "" if known else styles["origin"])
        outlet.truncate(cols.outlet, overflow="ellipsis", pad=True)
        line.append_text(outlet)
        line.append(" ")
    if cols.date:
        stamp = meta.get("date") or ""
        date = stamp[:10] if cols.date == 10 else stamp[5:10]
        if timed and stamp[10:11] == "T" and stamp[13:14] == ":":
            date = stamp[11:16]  # ("08:15": the story row shows the day)
        line.append(f"{date:<{cols.date}} ", styles["meta"])
    if cols.lang:
        line.append(f"{(meta.get('lang') or '?')[:3]:<3} ", styles["meta"])
    room = max(1, width - line.cell_len)
    tags = ""
    if t.tags:  # the tags take what the title can spare, at least their count
        wanted = min(cell_len(safe_line(article.title) or "(untitled)"), TITLE_GOAL)
        tags = tags_text(t.tags, max(0, room - wanted - 1), cols.tag_names)
        if cell_len(tags) + 1 >= room:
            tags = f"#{len(t.tags)}"
    title_room = room - (cell_len(tags) + 1 if tags else 0)
    title = title_text(article.title, rtl, title_room)
    title.stylize(styles["title"] if t.read else styles["unread_title"])
    if tags:
        title.truncate(title_room, overflow="ellipsis", pad=False)
        title.append(" ")
        title.append(tags, styles["tags"])
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
