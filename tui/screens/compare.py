"""The comparison view: two versions of a story side by side, changes highlighted."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget

from tui.core.diff import CompareItem, Comparison, same_language, unique_to
from tui.core.diff.text import sentences
from tui.core.textutil import is_rtl, safe_line, safe_text
from tui.desk.comparisons import cached_compare
from tui.keys import binding
from tui.render.console import count
from tui.render.header import name, pane_headers, percent, similarity_summary
from tui.widgets.diff_view import DiffView
from tui.widgets.keybar import KeyBar


def _b(bid: str, action: str, description: str, show: bool = True):
    # Priority: the scrolling widget must not take n/p/up/down before the screen sees them.
    return binding(bid, action, description, show=show, priority=True)


SYNC_CHARS = 400_000  # below this (some 30,000 words a side) compare in place: a worker costs more


class TextLine(Widget):
    """One line of text that repaints without a new layout (headers, status, key hints)."""

    DEFAULT_CSS = "TextLine { height: 1; }"
    text: reactive[Text] = reactive(Text, layout=False)

    def render(self) -> Text:
        return self.text


class PaneHeader(Widget):
    """A pane's header, fitted to its width (abbreviated rather than cut), each field in the
    same form as in the other pane's header."""

    DEFAULT_CSS = "PaneHeader { height: 1; }"

    def __init__(self, index: int, *, id: str, classes: str) -> None:
        super().__init__(id=id, classes=classes)
        self.index = index  # 0: left, 1: right
        self.parts: tuple | None = None  # (sides, comparison, overlap known)

    def show(self, *parts) -> None:
        self.parts = parts
        self.refresh()

    def render(self) -> Text:
        if self.parts is None:
            return Text()
        sides, comp, overlap = self.parts
        width = self.content_size.width or 40
        line = pane_headers(sides, comp, [width] * len(sides), overlap)[self.index]
        prefix = sides[self.index][0]
        head, rest = line[: len(prefix)], line[len(prefix) :]
        return Text.assemble((head, "bold"), rest, no_wrap=True, overflow="ellipsis")


def told_apart(items: list[CompareItem], k: int, other: int) -> str:
    """The name of item ``k``, with what tells it from item ``other`` when both names are the
    same (two articles of one outlet): its title, else its id."""
    return told_apart_forms(items, k, other)[0]


def told_apart_forms(items: list[CompareItem], k: int, other: int) -> tuple[str, ...]:
    """As :func:`told_apart`, long to short: a title telling two articles of one outlet apart
    gives way to the outlet alone in a narrow header (``tui.render.header.MIN_TITLE``)."""
    mine = name(items[k].outlet, items[k].title, items[k].id)
    theirs = name(items[other].outlet, items[other].title, items[other].id)
    if mine.casefold() != theirs.casefold():
        return (mine,)
    a, b = safe_line(items[k].title or ""), safe_line(items[other].title or "")
    if a and a.casefold() != b.casefold():
        return (f"{mine}: {a}", mine)
    return (f"{mine} [{items[k].id[:10]}]",)


class CompareScreen(Screen):
    """Two items of one story side by side; keys step through changes and versions."""

    help_section = "compare"  # help (?) opens at this screen's keys

    BINDINGS: ClassVar[list[BindingType]] = [
        _b("compare.next_change", "next_change", "Next change"),
        _b("compare.previous_change", "previous_change", "Prev change"),
        _b("compare.scroll_down", "scroll(1)", "Scroll down", show=False),
        _b("compare.scroll_up", "scroll(-1)", "Scroll up", show=False),
        _b("compare.page_down", "page(1)", "Page down", show=False),
        _b("compare.page_up", "page(-1)", "Page up", show=False),
        _b("compare.top", "edge(0)", "Top", show=False),
        _b("compare.bottom", "edge(1)", "Bottom", show=False),
        _b("compare.next_left", "cycle(0, 1)", "Left pane: the next text of the story"),
        _b("compare.previous_left", "cycle(0, -1)", "Left pane: the previous text", show=False),
        _b("compare.next_right", "cycle(1, 1)", "Right pane: the next text of the story"),
        _b("compare.previous_right", "cycle(1, -1)", "Right pane: the previous text", show=False),
        _b("compare.swap", "swap", "Swap the two panes"),
        _b("compare.unique", "unique", "Mark what no other text of the story says (on/off)"),
        _b("compare.layout", "layout", "Side by side or one column"),
        _b("compare.back", "back", "Back"),
    ]

    def __init__(self, items: list[CompareItem], left: int = 0, right: int = 1) -> None:
        super().__init__()
        if len(items) < 2:
            raise ValueError("a comparison needs at least two items")
        self.items = [
            CompareItem(i.id, i.outlet, i.date, i.lang, i.title, safe_text(i.text)) for i in items
        ]
        self.left, self.right = left % len(items), right % len(items)
        if self.left == self.right:
            self.right = (self.left + 1) % len(items)
        self.unique_mode = False
        self._comparisons: dict[tuple[int, int], Comparison] = {}
        self._unique: dict[int, list] = {}
        self._change = (-1, 0)
        self._words: dict[int, int] = {}
        self._overlaps: set[tuple[int, int]] = set()  # pairs whose word overlap is computed

    def compose(self) -> ComposeResult:
        with Horizontal(id="compare-headers"):
            yield PaneHeader(0, id="compare-left-header", classes="compare-header")
            yield PaneHeader(1, id="compare-right-header", classes="compare-header")
        yield DiffView(id="compare-diff")
        yield TextLine(id="compare-status")
        yield KeyBar("compare", id="compare-keys")

    def on_mount(self) -> None:
        self._show()
        self.query_one(DiffView).focus()

    # ---- data -------------------------------------------------------------------------

    def unique_spans(self, k: int) -> list:
        """Spans of item k tagged where no other item in its language has the words."""
        if k not in self._unique:
            me = self.items[k]
            others = [
                o.text
                for n, o in enumerate(self.items)
                if n != k and same_language(me.text, o.text, me.lang, o.lang)
            ]
            # with no other version in its language there is nothing to compare it with
            self._unique[k] = (
                unique_to(me.text, others)
                if others
                else [((s.text, ""),) for s in sentences(me.text)]
            )
        return self._unique[k]

    def _show(self) -> None:
        """Show the current pair: now if its comparison is known or quick, else from a worker."""
        key = (self.left, self.right)
        a, b = self.items[self.left], self.items[self.right]
        if key not in self._comparisons and len(a.text) + len(b.text) < SYNC_CHARS:
            self._comparisons[key] = cached_compare(a, b)
        comp = self._comparisons.get(key)
        view = self.query_one(DiffView)
        if comp is None:
            view.clear()
            self._compute(key, a, b)
        else:
            unique = (
                (self.unique_spans(self.left), self.unique_spans(self.right))
                if self.unique_mode
                else None
            )
            view.show(comp, rtl=(is_rtl(a.text), is_rtl(b.text)), unique=unique)
        self._headers()
        self._status()
        if comp is not None and key not in self._overlaps:
            self.call_after_refresh(self._overlap, key)

    def _overlap(self, key: tuple[int, int]) -> None:
        """Compute the word overlap after the comparison is on screen, then show it."""
        comp = self._comparisons.get(key)
        if comp is None or not self.is_attached:
            return
        _ = comp.overlap
        self._overlaps.add(key)
        if key == (self.left, self.right):
            self._headers()
            self._status()

    @work(thread=True, exclusive=True, group="compare")
    def _compute(self, key: tuple[int, int], a: CompareItem, b: CompareItem) -> None:
        comp = cached_compare(a, b)
        self.app.call_from_thread(self._computed, key, comp)

    def _computed(self, key: tuple[int, int], comp: Comparison) -> None:
        self._comparisons[key] = comp
        if self.is_attached and key == (self.left, self.right):
            self._show()

    def words(self, k: int) -> int:
        if k not in self._words:
            self._words[k] = len(self.items[k].text.split())
        return self._words[k]

    def _headers(self) -> None:
        key = (self.left, self.right)
        comp = self._comparisons.get(key)
        sides = []
        for k, other, mark in ((self.left, self.right, "-"), (self.right, self.left, "+")):
            it = self.items[k]
            sides.append(
                (
                    f"{mark} {k + 1}/{len(self.items)} ",
                    told_apart_forms(self.items, k, other),
                    it.date,
                    self.words(k),
                    it.lang,
                )
            )
        for wid in ("left", "right"):
            self.query_one(f"#compare-{wid}-header", PaneHeader).show(
                sides, comp, key in self._overlaps
            )

    def _status(self) -> None:
        comp = self._comparisons.get((self.left, self.right))
        if comp is None:
            text = "comparing\u2026"
        else:
            index, total = self._change
            where = f"change {index + 1}/{total}" if index >= 0 else count(total, "change")
            mode = " · unique to each version" if self.unique_mode else ""
            if comp.method == "words" and (self.left, self.right) not in self._overlaps:
                sim = f"similarity {percent(comp.similarity)} text"
            else:
                sim = similarity_summary(comp)
            text = f"{where} · {sim}{mode}"
        self.query_one("#compare-status", TextLine).text = Text(text, no_wrap=True)

    @on(DiffView.ChangeSelected)
    def _on_change(self, event: DiffView.ChangeSelected) -> None:
        self._change = (event.index, event.total)
        self._status()

    # ---- actions ----------------------------------------------------------------------

    def action_next_change(self) -> None:
        self.query_one(DiffView).step_change(1)

    def action_previous_change(self) -> None:
        self.query_one(DiffView).step_change(-1)

    def action_scroll(self, lines: int) -> None:
        view = self.query_one(DiffView)
        view.scroll_to(y=view.scroll_offset.y + lines, animate=False)

    def action_page(self, direction: int) -> None:
        view = self.query_one(DiffView)
        step = max(1, view.scrollable_content_region.height - 1)
        view.scroll_to(y=view.scroll_offset.y + direction * step, animate=False)

    def action_edge(self, end: int) -> None:
        """To the first line (0) or the last (1)."""
        view = self.query_one(DiffView)
        view.scroll_to(y=view.max_scroll_y if end else 0, animate=False)

    def action_cycle(self, side: int, step: int) -> None:
        """Next/previous item of the story in one pane (skipping the other pane's item)."""
        n = len(self.items)
        cur, other = (self.left, self.right) if side == 0 else (self.right, self.left)
        nxt = (cur + step) % n
        if nxt == other:
            nxt = (nxt + step) % n
        if nxt == cur:
            return
        if side == 0:
            self.left = nxt
        else:
            self.right = nxt
        self._show()

    def action_swap(self) -> None:
        self.left, self.right = self.right, self.left
        self._show()

    def action_unique(self) -> None:
        self.unique_mode = not self.unique_mode
        self._show()

    def action_layout(self) -> None:
        self.query_one(DiffView).toggle_inline()

    def action_back(self) -> None:
        self.dismiss()
