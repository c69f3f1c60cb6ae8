"""How the story list draws its rows: each row laid out once per look and held.

A row of the list is a rich ``Text`` of a dozen styled parts (counts, title, outlets, tags);
laying one out costs about 0.2 ms, and a page is 30 of them. A cursor move repaints two rows,
a scroll or an opened story every row: the rows drawn are held, keyed by what changes their
look (the row, the cursor on it, the styles, the width, the reading order, marks), and
forgotten when what they show changes (:meth:`RowDrawing.forget`: a new listing, counts after a
triage change).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from tui.widgets.legend import empty_guide
from tui.widgets.pane import Pane
from tui.widgets.rows import RowKind, StoryPlan, article_line, filter_line, story_line, story_plan

if TYPE_CHECKING:
    from tui.desk import Listing

READ_AHEAD = 48  # article rows read at once from the index, from the one drawn on
WHOLE_PLAN = 400  # stories read whole for the columns of their rows (a window's two pages)
DRAWN_MAX = 1200  # rows held (pages either side of the cursor); past it the oldest go
STYLE_PARTS = ("cursor", "title", "unread_title", "meta", "star", "unread", "marked", "kind",
               "tags", "filter", "origin", "guide", "guide_key")


@dataclass(frozen=True, slots=True)
class Row:
    kind: RowKind
    index: int  # filter index or story index
    article: int = -1  # article index inside the story ("article" rows)


class RowDrawing(Pane):
    """The drawing half of :class:`~tui.widgets.story_list.StoryList`."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        f"story-list--{p.replace('_', '-')}" for p in STYLE_PARTS}
    # set by the list
    listing: Listing
    filters: list[tuple[str, str]]
    active_filter: str
    marked: set[str]
    keys: dict[str, str]
    where: str  # `` -w DIR`` for the shell commands of the empty list's guide
    lookup: Callable
    brief: Callable  # (article id, the ids drawn next) -> the article as a row shows it
    _row: Row

    def __init__(self, *, id: str | None = None) -> None:
        self._drawn: dict[tuple, Strip] = {}  # set first: Textual may refresh while starting
        self._style_cache: dict[tuple, tuple[dict[str, Style], Style, int, int]] = {}
        self._looks: dict[tuple, int] = {}  # the styles of a look -> its number
        self._plan: tuple[object, StoryPlan] = (None, StoryPlan())  # listing -> its columns
        super().__init__(id=id)

    def row_at(self, y: int) -> Row | None:
        raise NotImplementedError

    @property
    def reorder(self) -> bool:
        raise NotImplementedError

    # ---- drawing ---------------------------------------------------------------------------
    def _styles(self) -> dict[str, Style]:
        """The parts' styles, resolved once per focus state and theme (a row is drawn often:
        every scroll step repaints every line)."""
        return self._look()[0]

    def _look(self) -> tuple[dict[str, Style], Style, int, int]:
        """The parts' styles, the list's own and two numbers naming the look of a row without
        the cursor and of the cursor's row: equal styles get the same number, so rows drawn
        with the focus serve without it too when only the cursor's style differs."""
        key = (self.has_focus, self.app.theme)
        look = self._style_cache.get(key)
        if look is None:
            # The cursor resolved whole: a partial style drops the alpha blend of the blurred
            # cursor's background, which then showed in the focused colour.
            styles = {p: self.get_component_rich_style(f"story-list--{p.replace('_', '-')}",
                                                       partial=p != "cursor")
                      for p in STYLE_PARTS}
            base = self.rich_style
            rest = (base, *(styles[p] for p in STYLE_PARTS if p != "cursor"))
            plain = self._looks.setdefault(rest, len(self._looks))
            cursor = self._looks.setdefault((*rest, styles["cursor"]), len(self._looks))
            look = self._style_cache[key] = (styles, base, plain, cursor)
        return look

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.style_changed():  # the stylesheet changed, not the focus (in the key)
            self._style_cache.clear()  # resolve the parts again

    def forget(self, stories: Iterable[int] | None = None,
               articles: set[str] | None = None) -> None:
        """Forget the rows drawn of these stories (by place; None: every row): what they show
        changed (counts, flags, marks, a new listing). ``articles``: of their article rows,
        only those of these articles (the others show nothing that changed)."""
        if stories is None:
            self._drawn.clear()
            return
        places = set(stories)
        for key in [k for k in self._drawn if k[0].kind != "filter" and k[0].index in places
                    and (articles is None or k[0].kind == "story"
                         or self._article_of(k[0]) in articles)]:
            del self._drawn[key]

    def _article_of(self, row: Row) -> str | None:
        ids = self.listing.members[self.listing.stories[row.index].id]
        return ids[row.article] if 0 <= row.article < len(ids) else None

    def render_line(self, y: int) -> Strip:
        scroll_y = self.scroll_offset.y
        width = self.scrollable_content_region.width
        row = self.row_at(y + scroll_y)
        if row is None and not self.listing.stories:
            return self._guide_line(y + scroll_y - len(self.filters) - 1, width)
        if row is None:
            return Strip.blank(width, self.rich_style)
        # A row is drawn once per look: a cursor move, a scroll or a change of focus reuses the
        # rows held (a row costs ~0.2 ms to lay out; a page is 30 of them).
        styles, base, plain, cursor = self._look()
        on = row == self._row
        key = (row, cursor if on else plain, width, self.reorder, bool(self.marked)
               and self._marked(row))
        strip = self._drawn.get(key)
        if strip is None:
            if len(self._drawn) >= DRAWN_MAX:  # the oldest drawn goes (dicts keep their order):
                del self._drawn[next(iter(self._drawn))]  # not all at once (5-9 ms of frees)
            text = self._row_text(row, width, styles)
            if on:
                text.stylize(styles["cursor"])
            # the list's style under the row's, as Strip.apply_style does, in one Strip (each
            # costs seven caches): a row is laid out to the width, else cut or padded to it
            strip = Strip(list(Segment.apply_style(text.render(self.app.console), base)))
            if strip.cell_length != width:
                strip = strip.crop_extend(0, width, base)
            self._drawn[key] = strip
        return strip

    def _marked(self, row: Row) -> bool:
        if row.kind == "filter":
            return False
        ids = self.listing.members[self.listing.stories[row.index].id]
        if row.kind == "article":
            return ids[row.article] in self.marked
        return any(aid in self.marked for aid in ids)

    def _guide_line(self, n: int, width: int) -> Strip:
        """Line ``n`` of what an empty list says to do (keys from the keymap)."""
        base = self.rich_style
        guide = empty_guide(self.keys, self.active_filter, self.listing.archived_left_out,
                            self.where)
        if not 0 <= n < len(guide):
            return Strip.blank(width, base)
        styles = self._styles()
        key, what = guide[n]
        line = Text(" ")
        if key:
            line.append(f"  {key:<{max(len(k) for k, _ in guide)}}  ", styles["guide_key"])
        line.append(what, styles["guide"])
        line.truncate(width, overflow="ellipsis", pad=True)
        return Strip(list(line.render(self.app.console))).apply_style(base).crop_extend(
            0, width, base)

    def _story_plan(self) -> StoryPlan:
        """The columns the listing's story rows share, found once per listing. Many stories
        are not read whole for it (a window onto the index; 0.2 s per 100,000 held): the
        biggest sizes the count, and a range across a year is assumed to be among them."""
        listing = self.listing
        if self._plan[0] is not listing:
            stories = listing.stories
            if len(stories) <= WHOLE_PLAN:
                plan = story_plan(stories)
            else:
                top = (listing.window.largest() if listing.window is not None
                       else max(stories, key=lambda s: s.size))
                plan = StoryPlan(story_plan([top] if top else []).count, 18, 12)
            self._plan = (listing, plan)
        return self._plan[1]

    def _row_text(self, row: Row, width: int, styles: dict[str, Style]):
        if row.kind == "filter":
            name, query = self.filters[row.index]
            return filter_line(name, query, width, styles, active=query == self.active_filter)
        story = self.listing.stories[row.index]
        ids = self.listing.members[story.id]
        if row.kind == "story":
            return story_line(story, width, styles, marked=self._marked(row), rtl=self.reorder,
                              plan=self._story_plan())
        aid = ids[row.article]
        a = self.brief(aid, ids[row.article + 1:row.article + READ_AHEAD])
        first, last = story.date_first or "", story.date_last or ""
        timed = len(ids) > 1 and bool(first) and first[:10] == last[:10]  # (one day)
        return article_line(a, width, styles, marked=aid in self.marked,
                            last=row.article == len(ids) - 1, rtl=self.reorder, timed=timed)
