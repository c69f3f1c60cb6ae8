"""A comparison laid out as terminal lines: rows wrapped at word boundaries, kept aligned.

Shared by the command line (``wiredesk diff``) and the comparison view. Split layout puts A and
B in two panes, each row as tall as its taller side, with a gap on the side that has no
sentence; inline layout is one column with deletions and insertions marked in the text.
Lines hold (text, tag) spans; renderers turn tags into styles (or, for plain text, the
``markers`` option writes ``[-deleted-]`` and ``{+inserted+}`` into the text itself).
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len

from tui.core.diff import Comparison, Row, Span, WordOp
from tui.core.seq import checked_index
from tui.core.textutil import display_rtl, is_rtl

GUTTER = {
    "same": (" ", " "),
    "aligned": (" ", " "),
    "change": ("~", "~"),
    "replace": ("-", "+"),
    "delete": ("-", " "),
    "insert": (" ", "+"),
    "move": (">", ">"),
}
GUTTER_TAG = {"~": "chg", "-": "del", "+": "ins", ">": "move", "*": "uniq"}
# Plain-text marks; replaced words ("chg") read as deleted on the left, inserted on the right.
MARKERS = {"del": ("[-", "-]"), "ins": ("{+", "+}"), "uniq": ("{*", "*}")}
MIN_TEXT = 8
INLINE_BELOW = 60  # narrower than this, one column with inline marks
_PIECES = re.compile(r"\S+|\s+")
_WORDS = re.compile(r"\S+")
# Characters that may not take exactly one cell (wide, combining, zero-width): the slow path.
_NOT_NARROW = re.compile(
    "[^\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u0370-\u0482\u048a-\u0587"
    "\u2010-\u2027\u2030-\u205e\u20a0-\u20c0\u2100-\u214f]"
)


@dataclass(frozen=True, slots=True)
class PaneLine:
    gutter: str  # " ", or a change mark: ~ changed, - deleted, + inserted, > moved, * unique
    spans: tuple[Span, ...]
    width: int  # cells the spans use
    rtl: bool  # right-aligned, already in visual order
    gap: bool  # this side has no sentence here


BLANK = PaneLine(" ", (), 0, False, False)
GAP = PaneLine(" ", (), 0, False, True)


@dataclass(frozen=True, slots=True)
class Line:
    row: int  # index into Comparison.rows, -1 between paragraphs
    left: PaneLine
    right: PaneLine | None  # None in the inline layout


Block = tuple[tuple[Span, ...], int, str, int]  # spans, side, gutter mark, text width


class Lines(Sequence[Line]):
    """The lines of a layout, each row wrapped only when a line of it is asked for."""

    def __init__(self, builder: _Builder, row_start: list[int], total: int) -> None:
        self._builder, self._row_start, self._total = builder, row_start, total
        self._rows: dict[int, list[Line]] = {}

    def __len__(self) -> int:
        return self._total

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(self._total))]
        i = checked_index(i, self._total)
        k = bisect_right(self._row_start, i) - 1
        if k not in self._rows:
            self._rows[k] = self._builder.row_lines(k)
        lines = self._rows[k]
        off = i - self._row_start[k]
        return lines[off] if off < len(lines) else self._builder.separator


@dataclass(slots=True)
class Layout:
    lines: Sequence[Line]
    row_start: list[int]  # first line of each row
    text_width: tuple[int, int]  # cells for text in each pane (the gutter takes 2 more)


def pane_widths(width: int, inline: bool) -> tuple[int, int]:
    if inline:
        return max(MIN_TEXT, width - 2), 0
    left = (width - 1) // 2
    return max(MIN_TEXT, left - 2), max(MIN_TEXT, width - 1 - left - 2)


@functools.cache
def _wrapper(width: int) -> re.Pattern:
    return re.compile(rf"(\S.{{0,{width - 1}}})(?:\s+|$)|(\S{{{width}}})")


def wrap(spans: tuple[Span, ...], width: int) -> list[tuple[list[Span], int]]:
    """Greedy word wrap of styled spans; words longer than a line are cut."""
    plain = "".join(t for t, _ in spans)
    out: list[tuple[list[Span], int]] = []
    k, base = 0, 0  # the span that holds offset ``base``
    for start, end, used in _line_offsets(plain, width):
        line: list[Span] = []
        while k < len(spans) and base + len(spans[k][0]) <= start:
            base += len(spans[k][0])
            k += 1
        j, pos = k, base
        while j < len(spans) and pos < end:
            text, tag = spans[j]
            piece = text[max(0, start - pos) : end - pos]
            if piece:
                line.append((piece, tag))
            pos += len(text)
            j += 1
        out.append((line, used))
    return out


def line_count(plain: str, width: int) -> int:
    """How many lines :func:`wrap` makes of a one-line text (without cutting them)."""
    if _NOT_NARROW.search(plain):
        return len(_line_offsets(plain, width))
    if len(plain) <= width:
        return 1
    return len(_wrapper(width).findall(plain)) or 1


def _line_offsets(plain: str, width: int) -> list[tuple[int, int, int]]:
    """(start, end, cells) of each wrapped line of a one-line text."""
    if not _NOT_NARROW.search(plain):  # one cell per character: the regex engine does it all
        found = [
            m.span(1) if m.group(1) is not None else m.span(2)
            for m in _wrapper(width).finditer(plain)
        ]
        return [(a, b, b - a) for a, b in found] or [(0, 0, 0)]
    lines: list[tuple[int, int, int]] = []
    start, end, used = -1, 0, 0
    for m in _WORDS.finditer(plain):
        a, b = m.span()
        n = cell_len(m.group())
        if start >= 0 and used + (a - end) + n > width:
            lines.append((start, end, used))
            start = -1
        while n > width:  # a word longer than a line
            head = len(_cut_cells(plain[a:b], width))
            lines.append((a, a + head, cell_len(plain[a : a + head])))
            a += head
            n = cell_len(plain[a:b])
        if start < 0:
            start, used = a, n
        else:
            used += (a - end) + n
        end = b
    if start >= 0:
        lines.append((start, end, used))
    return lines or [(0, 0, 0)]


def _cut_cells(s: str, width: int) -> str:
    out, used = [], 0
    for ch in s:
        w = cell_len(ch)
        if used + w > width and out:
            break
        out.append(ch)
        used += w
    return "".join(out)


def merge(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for text, tag in spans:
        if out and out[-1][1] == tag:
            out[-1] = (out[-1][0] + text, tag)
        else:
            out.append((text, tag))
    return out


def visual_rtl(spans: list[Span]) -> list[Span]:
    """A logical-order RTL line in visual order (reordered for terminals that do not).

    One span goes through python-bidi whole; several are reordered word by word (so each
    keeps its style): right-to-left words reversed, runs of left-to-right words (with the
    spaces between them) kept in reading order.
    """
    if len(spans) == 1:
        return [(display_rtl(spans[0][0]), spans[0][1])]
    words = [(p, tag) for text, tag in spans for p in _PIECES.findall(text)][::-1]
    out: list[Span] = []
    run: list[Span] = []  # a left-to-right run, in reading order
    gap: list[Span] = []  # spaces after the run's first word, until the run goes on or ends
    for piece, tag in words + [("\u0627", "")]:
        if not is_rtl(piece) and any(c.isalnum() for c in piece):
            run = [(piece, tag), *gap, *run]
            gap = []
        elif piece.isspace() and run:
            gap.append((piece, tag))
        else:
            out += run + gap + [(display_rtl(piece), tag)]
            run, gap = [], []
    return merge(out[:-1])


_CLOSING = tuple(",.;:!?)]}%\u2019\u201d\u2026")  # marks that may follow a word unspaced


def _gaps(text: str, pieces: Sequence[str]) -> list[str]:
    """The whitespace before each of ``pieces`` in ``text`` (a change's word ops, cut in order
    from its sentence without the spaces between them); "" for an empty piece."""
    out, at = [], 0
    for piece in pieces:
        i = text.find(piece, at) if piece else -1
        gap = text[at:i] if i >= 0 else " "
        out.append("" if not piece else gap if not gap.strip() else " ")
        at = i + len(piece) if i >= 0 else at
    return out


def merged_line(ops: Sequence[WordOp], a: str, b: str) -> list[Span]:
    """The merged line of a change (the stacked layout): each side's words in order, spaced
    as its sentence (``a`` or ``b``) spaces them: "Joly," stays unspaced and French "demain !"
    keeps its space. Deleted words stand before what replaces them, a space between."""
    gaps_a, gaps_b = _gaps(a, [op.a for op in ops]), _gaps(b, [op.b for op in ops])
    spans: list[Span] = []
    last_b = False  # the last text shown is B's: an unchanged word's space is B's then

    def add(gap: str, text: str, style: str) -> None:
        spans.extend([(gap, ""), (text, style)] if spans and gap else [(text, style)])

    for op, gap_a, gap_b in zip(ops, gaps_a, gaps_b, strict=True):
        if op.tag == "equal":
            add(gap_b if last_b else gap_a, op.a, "")
            last_b = False
            continue
        if op.a:
            add(gap_a, op.a, "del")
        if op.b:
            if op.a and not gap_b and not op.b.startswith(_CLOSING):
                gap_b = " "  # beside the words it replaces (at the start of B: no gap)
            add(gap_b, op.b, "ins")
        last_b = bool(op.b)
    return merge(spans)


def marked(spans: tuple[Span, ...], side: int) -> tuple[Span, ...]:
    """Spans with visible markers around changes, for plain text."""
    out: list[Span] = []
    for text, tag in spans:
        mark = MARKERS.get(("del", "ins")[side] if tag == "chg" else tag)
        out.append((f"{mark[0]}{text}{mark[1]}", tag) if mark and text.strip() else (text, tag))
    return tuple(out)


class _Builder:
    def __init__(
        self,
        comp: Comparison,
        width: int,
        inline: bool,
        markers: bool,
        rtl: tuple[bool, bool],
        unique: tuple[list, list] | None,
    ):
        self.comp, self.inline, self.markers = comp, inline, markers
        self.rtl, self.unique = rtl, unique
        self.tw = pane_widths(width, inline)
        self.separator = Line(-1, BLANK, None if inline else BLANK)

    def side(self, row: Row, side: int) -> Block | None:
        idx = row.left if side == 0 else row.right
        if idx is None:
            return None
        if self.unique is not None:
            spans = tuple(self.unique[side][idx])
            gutter = "*" if any(t == "uniq" for _, t in spans) else " "
        else:
            spans, gutter = (row.lspans if side == 0 else row.rspans), GUTTER[row.kind][side]
        return self.block(spans, side, gutter)

    def block(self, spans: tuple[Span, ...], side: int, gutter: str) -> Block:
        width = self.tw[0] if self.inline else self.tw[side]
        return (marked(spans, side) if self.markers else spans), side, gutter, width

    def blocks(self, row: Row) -> tuple[list[Block], list[Block] | None]:
        """What a row shows: a block per pane (split), or blocks stacked in one column."""
        left, right = self.side(row, 0), self.side(row, 1)
        if not self.inline:
            return ([left] if left else []), ([right] if right else [])
        if row.kind == "change" and self.unique is None:
            change = self.comp.changes[row.change]
            assert row.left is not None and row.right is not None  # a change has both
            a, b = self.comp.a[row.left].text, self.comp.b[row.right].text
            return [self.block(tuple(merged_line(change.ops, a, b)), 0, "~")], None
        if row.kind in ("same", "change") or right is None:
            return ([left] if left else []), None
        return [b for b in (left, right) if b], None

    def height(self, row: Row) -> int:
        left, right = self.blocks(row)

        def count(blocks: list[Block]) -> int:
            return sum(line_count("".join(t for t, _ in b[0]), b[3]) for b in blocks)

        if right is None:
            return count(left)
        return max(count(left) or 1, count(right) or 1)

    def pane(self, b: Block) -> list[PaneLine]:
        spans, side, gutter, width = b
        rtl = self.rtl[side]
        return [
            PaneLine(
                gutter if k == 0 else " ",
                tuple(visual_rtl(line) if rtl and line else line),
                used,
                rtl,
                False,
            )
            for k, (line, used) in enumerate(wrap(spans, width))
        ]

    def row_lines(self, k: int) -> list[Line]:
        left, right = self.blocks(self.comp.rows[k])
        if right is None:
            return [Line(k, p, None) for b in left for p in self.pane(b)]
        lp = self.pane(left[0]) if left else [GAP]
        rp = self.pane(right[0]) if right else [GAP]
        fill_l, fill_r = (BLANK if left else GAP), (BLANK if right else GAP)
        return [
            Line(k, lp[n] if n < len(lp) else fill_l, rp[n] if n < len(rp) else fill_r)
            for n in range(max(len(lp), len(rp)))
        ]

    def heights(self) -> list[int]:
        """Lines of each row. Side by side without markers, a row shows its sentences' own
        text, so each sentence is counted once and a row takes its taller side."""
        comp = self.comp
        if self.inline or self.markers:
            return [self.height(row) for row in comp.rows]
        ca = [line_count(s.text, self.tw[0]) for s in comp.a]
        cb = [line_count(s.text, self.tw[1]) for s in comp.b]
        return [
            max(1 if i is None else ca[i], 1 if j is None else cb[j])
            for i, j in zip([r.left for r in comp.rows], [r.right for r in comp.rows])
        ]

    def build(self) -> Layout:
        row_start: list[int] = []
        n = 0
        for row, h in zip(self.comp.rows, self.heights()):
            if row.para and n:
                n += 1  # the blank line between paragraphs
            row_start.append(n)
            n += h
        # a separator belongs to the row before it: Lines finds it past that row's own lines
        return Layout(Lines(self, row_start, n), row_start, self.tw)


def layout(
    comp: Comparison,
    width: int,
    *,
    inline: bool = False,
    markers: bool = False,
    rtl: tuple[bool, bool] = (False, False),
    unique: tuple[list, list] | None = None,
) -> Layout:
    """Lines of a comparison at ``width`` cells.

    ``unique`` replaces the pairwise highlighting with each side's spans from
    :func:`tui.core.diff.unique_to` (one tuple of spans per sentence, per side).
    """
    return _Builder(comp, width, inline, markers, rtl, unique).build()
