"""The comparison view: two versions of a story side by side, changes highlighted."""

from __future__ import annotations

import threading

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget

from tui.core.diff import CompareItem, Comparison, compare, same_language, unique_to
from tui.core.diff.text import sentences
from tui.core.textutil import is_rtl, safe_text
from tui.keys import binding
from tui.render.console import count
from tui.render.header import name, pane_header, percent, similarity_summary
from tui.widgets.diff_view import DiffView
from tui.widgets.keylabels import key_label


def _b(bid: str, action: str, description: str, show: bool = True):
    # Priority: the scrolling widget must not take n/p/up/down before the screen sees them.
    return binding(bid, action, description, show=show, priority=True)


SYNC_CHARS = 400_000  # below this (some 30,000 words a side) compare in place: a worker costs more
CACHE_SIZE = 8  # comparisons kept across screens: reopening a story's pair is instant
_CACHE: dict[tuple[str, str, str | None, str | None], Comparison] = {}
_CACHE_LOCK = threading.Lock()


def cached_compare(a: CompareItem, b: CompareItem) -> Comparison:
    """compare() of two items, remembered for the last few pairs (texts and languages)."""
    key = (a.text, b.text, a.lang, b.lang)
    with _CACHE_LOCK:  # workers compare too
        comp = _CACHE.pop(key, None)
    if comp is None:
        comp = compare(a.text, b.text, a.lang, b.lang)
    with _CACHE_LOCK:
        _CACHE[key] = comp  # most recent last
        while len(_CACHE) > CACHE_SIZE:
            del _CACHE[next(iter(_CACHE))]
    return comp


class TextLine(Widget):
    """One line of text that repaints without a new layout (headers, status, key hints)."""

    DEFAULT_CSS = "TextLine { height: 1; }"
    text: reactive[Text] = reactive(Text, layout=False)

    def render(self) -> Text:
        return self.text


class PaneHeader(Widget):
    """A pane's header, fitted to its width (abbreviated rather than cut)."""

    DEFAULT_CSS = "PaneHeader { height: 1; }"

    def __init__(self, *, id: str, classes: str) -> None:
        super().__init__(id=id, classes=classes)
        self.parts: tuple | None = None  # the arguments of pane_header but the width

    def show(self, *parts) -> None:
        self.parts = parts
        self.refresh()

    def render(self) -> Text:
        if self.parts is None:
            return Text()
        prefix, label, date, words, lang, comp, overlap = self.parts
        width = self.content_size.width or 40
        line = pane_header(prefix, label, date, words, lang, comp, width, overlap)
        head, rest = line[: len(prefix)], line[len(prefix) :]
        return Text.assemble((head, "bold"), rest, no_wrap=True, overflow="ellipsis")


class CompareScreen(Screen):
    """Two items of one story side by side; keys step through changes and versions."""

    BINDINGS = [
        _b("compare.next_change", "next_change", "Next change"),
        _b("compare.previous_change", "previous_change", "Prev change"),
        _b("compare.scroll_down", "scroll(1)", "Scroll down", show=False),
        _b("compare.scroll_up", "scroll(-1)", "Scroll up", show=False),
        _b("compare.page_down", "page(1)", "Page down", show=False),
        _b("compare.page_up", "page(-1)", "Page up", show=False),
        _b("compare.next_left", "cycle(0, 1)", "Next left"),
        _b("compare.previous_left", "cycle(0, -1)", "Prev left", show=False),
        _b("compare.next_right", "cycle(1, 1)", "Next right"),
        _b("compare.previous_right", "cycle(1, -1)", "Prev right", show=False),
        _b("compare.swap", "swap", "Swap"),
        _b("compare.unique", "unique", "Unique"),
        _b("compare.layout", "layout", "Layout"),
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
            yield PaneHeader(id="compare-left-header", classes="compare-header")
            yield PaneHeader(id="compare-right-header", classes="compare-header")
        yield DiffView(id="compare-diff")
        yield TextLine(id="compare-status")
        yield TextLine(id="compare-keys")

    def on_mount(self) -> None:
        self._show()
        self.query_one(DiffView).focus()
        self.query_one("#compare-keys", TextLine).text = self._key_hints()

    def _key_hints(self) -> Text:
        """The shown bindings with their keys as the keymap has them (a light Footer)."""
        keys: dict[str, list[str]] = {}
        labels: dict[str, str] = {}
        for key, active in self.active_bindings.items():
            b = active.binding
            if b.id and b.id.startswith("compare.") and b.show:
                keys.setdefault(b.id, []).append(key_label(key))
                labels[b.id] = b.description
        out = Text(no_wrap=True, overflow="ellipsis")
        for bid in keys:
            out.append(" " + "/".join(keys[bid][:2]), "bold")
            out.append(f" {labels[bid]} ")
        return out

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
        for k, mark, wid in ((self.left, "-", "left"), (self.right, "+", "right")):
            it = self.items[k]
            self.query_one(f"#compare-{wid}-header", PaneHeader).show(
                f"{mark} {k + 1}/{len(self.items)} ",
                name(it.outlet, it.title, it.id),
                it.date,
                self.words(k),
                it.lang,
                comp,
                key in self._overlaps,
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
