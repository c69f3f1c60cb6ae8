"""DiffView: two aligned panes (or one inline column) of a comparison, rendered line by line.

Only the lines on screen are rendered (Textual's Line API): the comparison is laid out once per
width by :mod:`tui.render.layout`, and each visible line becomes a cached Strip.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.core.diff import Comparison
from tui.render.layout import GUTTER_TAG, INLINE_BELOW, Layout, PaneLine, layout

TAG_CLASS = {
    "del": "diffview--delete",
    "ins": "diffview--insert",
    "chg": "diffview--change",
    "move": "diffview--moved",
    "uniq": "diffview--unique",
}


class DiffView(ScrollView, can_focus=True):
    """A comparison: rows aligned, wrapped per width, scrolled together."""

    COMPONENT_CLASSES: ClassVar[set[str]] = set(TAG_CLASS.values()) | {
        "diffview--gap",
        "diffview--divider",
        "diffview--cursor",
    }
    DEFAULT_CSS = """
    DiffView { overflow-y: scroll; overflow-x: hidden; }
    DiffView > .diffview--delete { color: $text-error; text-style: strike; }
    DiffView > .diffview--insert { color: $text-success; text-style: bold underline; }
    DiffView > .diffview--change { color: $text-warning; text-style: underline; }
    DiffView > .diffview--moved { color: $text-accent; text-style: italic; }
    DiffView > .diffview--unique { color: $text-primary; text-style: bold underline; }
    DiffView > .diffview--gap { background: $surface; }
    DiffView > .diffview--divider { color: $foreground-muted; }
    DiffView > .diffview--cursor { background: $accent; color: $text; text-style: bold; }
    """

    class ChangeSelected(Message):
        """The current change moved: ``index`` of ``total`` (index -1: none selected)."""

        def __init__(self, index: int, total: int) -> None:
            super().__init__()
            self.index, self.total = index, total

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.comparison: Comparison | None = None
        self.rtl = (False, False)
        self.unique: tuple[list, list] | None = None
        self.inline: bool | None = None  # None: decided by the width
        self.hunks: list[tuple[int, int]] = []  # runs [start, end) of changed rows
        self.current = -1  # index into hunks
        self._layout: tuple[tuple[int, bool], Layout] | None = None  # (width, inline), layout
        self._strips: LRUCache[tuple, Strip] = LRUCache(1024)
        self._styles: dict[str, Style] | None = None

    # ---- data -------------------------------------------------------------------------

    def show(
        self,
        comp: Comparison,
        *,
        rtl: tuple[bool, bool] = (False, False),
        unique: tuple[list, list] | None = None,
    ) -> None:
        """Display a comparison (``unique``: each side's unique-to-this-version spans)."""
        self.comparison, self.rtl, self.unique = comp, rtl, unique
        self.hunks = self._find_hunks()
        self.current = -1
        self._reset()
        self.scroll_to(y=0, animate=False)
        self.post_message(self.ChangeSelected(-1, len(self.hunks)))

    def clear(self) -> None:
        """Show nothing (while a comparison is being computed)."""
        self.comparison, self.unique, self.hunks, self.current = None, None, [], -1
        self._reset()

    def toggle_inline(self) -> None:
        self.inline = not self._is_inline(self._text_width())
        self._reset()
        self._jump()

    def _reset(self) -> None:
        self._layout = None
        self._strips.clear()
        self._update_virtual_size()
        self.refresh()

    def _find_hunks(self) -> list[tuple[int, int]]:
        comp = self.comparison
        if comp is None:
            return []
        if self.unique is None:
            return comp.hunks
        return [
            (k, k + 1)
            for k, r in enumerate(comp.rows)
            if self._has_unique(0, r.left) or self._has_unique(1, r.right)
        ]

    def _has_unique(self, side: int, idx: int | None) -> bool:
        return idx is not None and any(t == "uniq" for _, t in self.unique[side][idx])

    # ---- layout -----------------------------------------------------------------------

    def _text_width(self) -> int:
        return max(20, self.scrollable_content_region.width or self.size.width or 80)

    def _is_inline(self, width: int) -> bool:
        return self.inline if self.inline is not None else width < INLINE_BELOW

    def current_layout(self) -> Layout | None:
        """The layout at the current width (None before there is a comparison and a size)."""
        if self.comparison is None or not self.size.width:
            return None
        width = self._text_width()
        key = (width, self._is_inline(width))
        if self._layout is None or self._layout[0] != key:
            self._strips.clear()
            lay = layout(self.comparison, width, inline=key[1], rtl=self.rtl, unique=self.unique)
            self._layout = (key, lay)
        return self._layout[1]

    def _update_virtual_size(self) -> None:
        lay = self.current_layout()
        self.virtual_size = Size(self._text_width(), len(lay.lines) if lay else 0)

    def on_resize(self) -> None:
        self._update_virtual_size()
        self._strips.clear()

    # ---- navigation -------------------------------------------------------------------

    def step_change(self, delta: int) -> None:
        """Select the next (+1) or previous (-1) change and scroll it into view."""
        hunks = self.hunks
        lay = self.current_layout()
        if not hunks or lay is None:
            return
        if self.current < 0:  # start from what is on screen
            top = self.scroll_offset.y
            first = next(
                (k for k, (s, _) in enumerate(hunks) if lay.row_start[s] >= top), len(hunks)
            )
            self.current = first if delta > 0 else first - 1
        else:
            self.current += delta
        self.current = max(0, min(len(hunks) - 1, self.current))
        self._jump()
        self.refresh()
        self.post_message(self.ChangeSelected(self.current, len(hunks)))

    def _jump(self) -> None:
        lay = self.current_layout()
        if lay is None or self.current < 0 or self.current >= len(self.hunks):
            return
        start, end = self.hunks[self.current]
        first = lay.row_start[start]
        last = lay.row_start[end] if end < len(lay.row_start) else len(lay.lines)
        height = self.scrollable_content_region.height or 1
        if last - first <= height * 2 // 3:
            y = first - height // 4
        else:
            y = first - 1
        self.scroll_to(y=max(0, y), animate=False)

    # ---- rendering --------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        lay = self.current_layout()
        width = self._text_width()
        index = self.scroll_offset.y + y
        if lay is None or index >= len(lay.lines):
            return Strip.blank(width, self.rich_style)
        line = lay.lines[index]
        cur = self.hunks[self.current] if 0 <= self.current < len(self.hunks) else (0, 0)
        selected = cur[0] <= line.row < cur[1]
        key = (index, width, selected)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._strip(line.left, line.right, lay, selected, width)
            self._strips[key] = strip
        return strip

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = None
        self._strips.clear()

    def tag_style(self, name: str) -> Style:
        """Styles of tags and parts, resolved once per theme or stylesheet change."""
        if self._styles is None:
            base = self.rich_style

            def part(cls: str) -> Style:
                return base + self.get_component_rich_style(cls, partial=True)

            self._styles = {tag: part(cls) for tag, cls in TAG_CLASS.items()}
            self._styles.update(
                {
                    "": base,
                    "gap": part("diffview--gap"),
                    "divider": part("diffview--divider"),
                    "cursor": self.get_component_rich_style("diffview--cursor"),
                }
            )
        return self._styles.get(name) or self._styles[""]

    def _pane(self, p: PaneLine, width: int, selected: bool) -> list[Segment]:
        gutter = "cursor" if selected and not p.gap else GUTTER_TAG.get(p.gutter, "")
        segs = [Segment(p.gutter + " ", self.tag_style(gutter))]
        pad = Segment(" " * max(0, width - p.width), self.tag_style("gap" if p.gap else ""))
        if p.rtl:
            segs.append(pad)
        segs.extend(Segment(text, self.tag_style(tag)) for text, tag in p.spans)
        if not p.rtl:
            segs.append(pad)
        return segs

    def _strip(
        self, left: PaneLine, right: PaneLine | None, lay: Layout, selected: bool, width: int
    ) -> Strip:
        lw, rw = lay.text_width
        segs = self._pane(left, lw, selected)
        if right is not None:
            segs.append(Segment("\u2502", self.tag_style("divider")))
            segs.extend(self._pane(right, rw, selected))
        return Strip(segs).adjust_cell_length(width, self.tag_style(""))
