"""The reader: one cleaned article with its metadata, laid out once per width.

Right-to-left paragraphs are wrapped at word boundaries first (in logical order), then each
wrapped line is reordered for display with python-bidi and right-aligned.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.geometry import Size
from textual.strip import Strip

from tui.core.textutil import display_rtl, is_rtl, safe_line, safe_text
from tui.keys import binding
from tui.widgets.outward import copy_text, open_origin
from tui.widgets.palette import terminal_bidi
from tui.widgets.pane import Pane

PARTS = ("title", "meta", "triage", "rule", "body", "empty")
LAID_MAX = 8  # articles whose lines are kept


class Reader(Pane, can_focus=True):
    """A scrollable article, rendered line by line."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"reader--{p}" for p in PARTS}
    BINDINGS: ClassVar[list[BindingType]] = [
        binding("reader.down", "scroll_down", "Scroll down", show=False),
        binding("reader.up", "scroll_up", "Scroll up", show=False),
        binding("reader.page_down", "page_down", "Page down", show=False),
        binding("reader.page_up", "page_up", "Page up", show=False),
        binding("reader.top", "scroll_home", "Top", show=False),
        binding("reader.bottom", "scroll_end", "Bottom", show=False),
        binding("main.open_origin", "open_origin", "Open the origin (or copy its address)",
                show=False),
        binding("main.copy", "copy", "Copy the selection (or the whole article)", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rtl_mode = "auto"  # "auto", "on" or "off"
        self._header: list[tuple[str, str]] = []  # (part, one-line text)
        self._body = ""
        self._verbatim = False
        self._lines: list[Strip] = []
        self._laid_width = -1
        # articles laid out lately (back to one is common: k after j, esc after enter)
        self._laid: OrderedDict[tuple, list[Strip]] = OrderedDict()
        self._base: tuple[tuple, Style] | None = None  # the pane's own style, by look
        self.article_id: str | None = None
        self.article = None  # what open_origin opens
        self.terminal_bidi = terminal_bidi()

    def pane_title(self) -> str:
        return "Article"

    def show(self, article_id: str | None, header: list[tuple[str, str]], body: str,
             article=None, *, verbatim: bool = False) -> None:
        """Show an article: header lines as (part, text), then the body's paragraphs
        (``article``: the record, for opening its origin). ``verbatim`` (the original text,
        o): its lines, indentation and blank lines as they are, wrapped but never joined."""
        same = article_id == self.article_id
        self.article = article
        self.article_id = article_id
        self._verbatim = verbatim
        self._header = [(part, safe_line(text)) for part, text in header]
        self._body = safe_text(body)
        self._laid_width = -1
        self._layout()
        if not same:
            self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()

    def set_rtl_mode(self, mode: str) -> None:
        self.rtl_mode = mode
        self._laid_width = -1
        self._layout()
        self.refresh()

    @property
    def rtl_active(self) -> bool:
        if self.rtl_mode == "auto" and self.terminal_bidi:
            return False  # the terminal reorders by itself: twice would reverse it
        return self.rtl_mode == "on" or (self.rtl_mode == "auto" and is_rtl(self._body))

    def on_resize(self, event: events.Resize) -> None:
        self._layout()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.style_changed():  # the stylesheet or the theme, not the focus: lay out again
            self._laid.clear()
            self._base = None
            self._laid_width = -1  # at the next line drawn

    def _layout(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or width == self._laid_width:
            return
        self._laid_width = width
        rtl = self.rtl_active
        key = (width, rtl, self.article_id is None, tuple(self._header), self._body,
               self._verbatim)
        lines = self._laid.get(key)
        if lines is None:
            lines = self._laid[key] = self._lay_out(width, rtl)
            while len(self._laid) > LAID_MAX:
                self._laid.popitem(last=False)
        else:
            self._laid.move_to_end(key)
        self._lines = lines
        self.set_virtual_size(Size(width, len(lines)))

    def _lay_out(self, width: int, rtl: bool) -> list[Strip]:
        style = {p: self.get_component_rich_style(f"reader--{p}") for p in PARTS}
        lines: list[Strip] = []
        for part, text in self._header:
            lines += self._wrap(text, width, style[part], rtl and is_rtl(text))
        if self._header:
            lines.append(Strip([], 0))
        if self._verbatim:  # a man page, a table, HTML source: joined lines were mangled
            console = self.app.console
            for line in self._body.strip("\n").split("\n"):
                line = line.rstrip()
                if not line:
                    lines.append(Strip([], 0))
                    continue
                line_rtl = rtl and is_rtl(line)
                fit = Text(line, style=style["body"], end="")
                if fit.cell_len <= width and "\t" not in line and not line_rtl:
                    # fits as it is: the same strip as wrapping gives, without the wrap (a
                    # 40,000-line log laid out twice as slowly as its cleaned text before)
                    lines.append(Strip(list(fit.render(console))))
                else:
                    lines += self._wrap(line, width, style["body"], line_rtl)
            return lines
        paras = [p for p in self._body.split("\n\n") if p.strip()]
        if not paras and self.article_id is None:
            lines += self._wrap("No article here: the list says how to add some.", width,
                                style["empty"], False)
        for para in paras:
            para_rtl = rtl and is_rtl(para)
            lines += self._wrap(" ".join(para.split()), width, style["body"], para_rtl)
            lines.append(Strip([], 0))
        return lines

    def _wrap(self, text: str, width: int, style: Style, rtl: bool) -> list[Strip]:
        console = self.app.console
        out = []
        for line in Text(text, style=style).wrap(console, width):
            line.rstrip()
            if rtl:
                line = Text(display_rtl(line.plain), style=style)
                line.align("right", width)
            out.append(Strip(list(line.render(console))))
        return out

    def action_open_origin(self) -> None:
        open_origin(self.app, self.article)

    def action_copy(self) -> None:
        if self.article_id is None:
            return
        title = next((text for part, text in self._header if part == "title"), "")
        whole = (title + "\n\n" if title else "") + self._body
        copy_text(self.app, self.screen.get_selected_text(), whole)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if width != self._laid_width:
            self._layout()
        look = (self.has_focus, self.app.theme)
        if self._base is None or self._base[0] != look:  # a line is drawn often: once a look
            self._base = (look, self.rich_style)
        base = self._base[1]
        index = y + self.scroll_offset.y
        if index >= len(self._lines):
            return Strip.blank(width, base)
        return self._lines[index].apply_style(base).crop_extend(0, width, base)

    @property
    def text_lines(self) -> list[str]:
        """The laid-out lines as plain text (for tests)."""
        return [s.text for s in self._lines]
