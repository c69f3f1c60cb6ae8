"""Rich output of a comparison for the command line (``wiredesk diff``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from tui.core.diff import Comparison
from tui.render.header import pane_header, similarity_summary
from tui.render.layout import GUTTER_TAG, INLINE_BELOW, Layout, PaneLine, layout

# Readable without colour too: strike, bold underline, underline, italic.
STYLES = {
    "": Style(),
    "del": Style(color="red", strike=True),
    "ins": Style(color="green", bold=True, underline=True),
    "chg": Style(color="yellow", underline=True),
    "move": Style(color="blue", italic=True),
    "uniq": Style(color="magenta", bold=True, underline=True),
    "gap": Style(dim=True),
    "divider": Style(dim=True),
    "header": Style(bold=True),
}


@dataclass(frozen=True, slots=True)
class PaneInfo:
    name: str  # outlet, else title, id or file name
    date: str | None
    words: int
    lang: str | None
    rtl: bool  # right-to-left text, shown right-aligned in visual order
    visual: bool = True  # False: logical order everywhere (pipes, files)

    def header(self, prefix: str, comp: Comparison, width: int) -> str:
        return pane_header(prefix, self.name, self.date, self.words, self.lang, comp, width,
                           visual=self.visual)


def pane_text(p: PaneLine, width: int, styles: dict[str, Style] | None) -> Text:
    """One pane of one line: gutter mark, the text, padding to ``width`` text cells."""
    st = styles or {}
    out = Text(no_wrap=True, end="")
    out.append(p.gutter + " ", st.get(GUTTER_TAG.get(p.gutter, ""), Style()))
    pad = " " * max(0, width - p.width)
    if p.rtl:
        out.append(pad)
    for text, tag in p.spans:
        out.append(text, st.get(tag))
    if not p.rtl:
        out.append(pad, st.get("gap") if p.gap else None)
    return out


def lines(lay: Layout, styles: dict[str, Style] | None) -> Iterator[Text]:
    lw, rw = lay.text_width
    bar = Text("\u2502", (styles or {}).get("divider") or "")
    for ln in lay.lines:
        left = pane_text(ln.left, lw, styles)
        if ln.right is None:
            yield left
        else:
            yield Text.assemble(left, bar, pane_text(ln.right, rw, styles), no_wrap=True)


def count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def summary(comp: Comparison) -> str:
    moved = len(comp.moves)
    parts = [similarity_summary(comp), count(len(comp.changes) - moved, "change")]
    if moved:
        parts.append(f"{moved} moved")
    return " · ".join(parts)


def render(
    comp: Comparison, left: PaneInfo, right: PaneInfo, width: int, *, plain: bool
) -> Iterator[Text]:
    """The whole comparison as lines of Rich text (plain: no styles, visible markers).

    Right-to-left panes are reordered into visual order only when their PaneInfo says
    ``visual`` (a terminal that does not reorder); otherwise the text stays in logical order,
    as it is read and stored, left-aligned."""
    inline = width < INLINE_BELOW
    styles = None if plain else STYLES
    rtl = (left.rtl and left.visual, right.rtl and right.visual)
    lay = layout(comp, width, inline=inline, markers=plain, rtl=rtl)
    head = (styles or {}).get("header")
    lw, rw = lay.text_width
    if inline:
        yield Text(left.header("- ", comp, width), head or "")
        yield Text(right.header("+ ", comp, width), head or "")
    else:
        lh = left.header("- ", comp, lw + 2)
        yield Text.assemble(
            Text(lh + " " * (lw + 2 - cell_len(lh)), head or ""),
            "\u2502",
            Text(right.header("+ ", comp, rw + 2), head or ""),
            no_wrap=True,
        )
    yield Text(summary(comp), (styles or {}).get("divider") or "")
    yield Text("\u2500" * width, (styles or {}).get("divider") or "")
    yield from lines(lay, styles)


def terminal_lines(text: str, width: int) -> list[str]:
    """``text`` for a terminal that does not reorder right-to-left text: lines holding it are
    wrapped to ``width`` first (reordering a whole paragraph and letting the terminal wrap it
    would put its end on the first row), then put in visual order, right-aligned when the line
    reads right to left. Other lines are left for the terminal to wrap."""
    import textwrap

    from tui.core.textutil import display_rtl, is_rtl

    out: list[str] = []
    for line in text.split("\n"):
        if not is_rtl(line) and display_rtl(line) == line:
            out.append(line)
            continue
        rtl = is_rtl(line)
        for row in textwrap.wrap(line, max(10, width), break_on_hyphens=False) or [""]:
            shown = display_rtl(row)
            out.append(" " * max(0, width - cell_len(shown)) + shown if rtl else shown)
    return out
