"""Pane headers that fit their width: long forms first, then abbreviations, never a blind cut.

A header is a list of fields, each with its forms from the longest to the shortest ("" drops
it). Fields shrink in a fixed order (language, then similarity, word count...) until the line
fits; then the name (outlet or title) is shortened with an ellipsis, keeping at least a few
letters; only a line that still does not fit is cut at its end.
"""

from __future__ import annotations

import math

from rich.cells import cell_len

from tui.core.diff import Comparison
from tui.core.textutil import display_rtl, is_rtl, safe_line
from tui.render.dates import date_forms

SEP = " \u00b7 "
MIN_NAME = 6  # cells of a shortened name, ellipsis included
MIN_TITLE = 12  # cells of a title told apart after its outlet ("Reuters: Japan, Canad…"):
# with fewer, the outlet alone is shown (one letter of a title tells nothing)
UNKNOWN = {"", "?", "unknown", "none"}


def percent(x: float) -> str:
    """A share rounded down, so that 100% means identical."""
    return f"{math.floor(x * 100 + 1e-9)}%"


def similarity_forms(comp: Comparison | None, words: bool = True) -> tuple[str, ...]:
    """The similarity of a pair, long to short: aligned text and, same language, shared words
    (``words=False``: not yet, it is computed after the first paint)."""
    if comp is None:
        return ("",)
    text = percent(comp.similarity)
    if not words or comp.overlap is None:
        return (f"{text} similar", text, "")
    words = percent(comp.overlap)
    return (
        f"sim {text} text{SEP}{words} words",
        f"{text} text/{words} words",
        f"{text}/{words}",
        "",
    )


def similarity_summary(comp: Comparison) -> str:
    """One line: "similarity 4% text · 31% words" (or by names and numbers, two languages)."""
    if comp.overlap is None:
        return f"similarity {percent(comp.similarity)} by shared names and numbers"
    return f"similarity {percent(comp.similarity)} text{SEP}{percent(comp.overlap)} words"


def name(outlet: str | None, title: str | None, ident: str | None) -> str:
    """What names a text: its outlet; its title or id when the outlet is unknown ("?").

    A trailing remark on an unknown outlet, such as "? (version 2/3)", is kept."""
    o = safe_line(outlet or "")
    head, _, rest = o.partition(" (")
    if head.strip().lower() not in UNKNOWN:
        return o
    known = safe_line(title or "") or safe_line(ident or "") or "?"
    return f"{known} ({rest}" if rest else known


def word_forms(words: int) -> tuple[str, ...]:
    short = f"{words / 1000:.1f}k".replace(".0k", "k") if words >= 10_000 else str(words)
    return (f"{words:,} words", f"{short}w", "")


def fit(
    prefix: str,
    fields: list[tuple[str, ...]],
    order: list[int],
    width: int,
    visual: bool = True,
    start: list[int] | None = None,
) -> str:
    """``prefix`` and the fields joined by " · ", made to fit ``width`` cells.

    ``fields[0]`` is the name; ``order`` lists field indices, each entry shrinking that field
    to its next form (-1: shorten the name, keeping MIN_NAME cells). A right-to-left name is
    put in visual order. ``start``: the form of each field to begin with (see
    :func:`pane_headers`)."""
    return _fit(prefix, fields, order, width, visual, start)[0]


def _fit(
    prefix: str,
    fields: list[tuple[str, ...]],
    order: list[int],
    width: int,
    visual: bool,
    start: list[int] | None,
) -> tuple[str, list[int]]:
    fields = list(fields)
    choice = [min(c, len(f) - 1) for c, f in zip(start, fields)] if start else [0] * len(fields)

    def line() -> str:
        shown = [f[c] for f, c in zip(fields, choice) if f[c]]
        if visual and fields[0][choice[0]] and is_rtl(fields[0][choice[0]]):
            shown[0] = display_rtl(shown[0])
        return prefix + SEP.join(shown)

    for k in order:
        over = cell_len(line()) - width
        if over <= 0:
            break
        if k >= 0:
            choice[k] = min(choice[k] + 1, len(fields[k]) - 1)
            continue
        # the name: an outlet and the title telling it apart (its shorter form: the outlet)
        # keeps MIN_TITLE cells of the title, else gives way to the outlet alone (-2: only
        # that; -1: then the name is shortened)
        while choice[0] + 1 < len(fields[0]):
            keep = cell_len(fields[0][choice[0]]) - over - 1
            if keep >= cell_len(fields[0][choice[0] + 1]) + 2 + MIN_TITLE:
                break
            choice[0] += 1
            over = cell_len(line()) - width
        if k == -2:
            continue
        name_ = fields[0][choice[0]]
        keep = max(MIN_NAME - 1, cell_len(name_) - over - 1)
        if name_ and over > 0 and keep < cell_len(name_):
            fields[0] = (cut_cells(name_, keep).rstrip(" -\u00b7,:") + "\u2026",)
            choice[0] = 0
    text = line()
    text = text if cell_len(text) <= width else cut_cells(text, max(0, width - 1)) + "\u2026"
    return text, choice


def cut_cells(s: str, width: int) -> str:
    """The longest start of ``s`` that takes at most ``width`` cells."""
    out, used = [], 0
    for ch in s:
        used += cell_len(ch)
        if used > width:
            break
        out.append(ch)
    return "".join(out)


def pane_header(
    prefix: str,
    label: str,
    date: str | None,
    words: int,
    lang: str | None,
    comp: Comparison | None,
    width: int,
    words_overlap: bool = True,
    visual: bool = True,
) -> str:
    """One pane's header: name, date, words, language, similarity, fitted to ``width``
    (``visual=False``: a right-to-left name stays in logical order, for pipes and files)."""
    fields = _fields(label, date, words, lang, comp, words_overlap)
    return fit(prefix, fields, ORDER, width, visual)


# drop the language, shorten the similarity and the word count, drop the similarity and the
# word count, and only then shorten the name
ORDER = [3, 4, 2, 4, 4, 2, -1]


def _fields(
    label: str,
    date: str | None,
    words: int,
    lang: str | None,
    comp: Comparison | None,
    words_overlap: bool,
) -> list[tuple[str, ...]]:
    return [
        (label,),
        (safe_line(date or ""),),
        word_forms(words),
        (safe_line(lang or ""), ""),
        similarity_forms(comp, words_overlap),
    ]


# the same, then the date shortened (its offset kept; at last to what tells it from the other
# side's: its hour, or its day), and only then the name
SCREEN_ORDER = [3, 4, 2, 4, 4, 2, 1, -2, 1, 1, -1]


def pane_headers(
    sides: list[tuple[str, str | tuple[str, ...], str | None, int, str | None]],
    comp: Comparison | None,
    widths: list[int],
    words_overlap: bool = True,
    visual: bool = True,
) -> list[str]:
    """The headers of panes shown side by side, each field in the same form on every side
    ("361 words" on both, never "361w" beside "153 words"): the form is the shortest that any
    side needs. ``sides``: (prefix, name, date, words, lang) per pane; a name may come in
    forms, long to short ("Reuters: Japan eyes pact", "Reuters"). Dates read as a person reads
    them ("Tue 11 Oct 2022 19:41 +05:30", then "11 Oct 2022")."""
    fields = []
    dates = [side[2] for side in sides]
    for k, (_prefix, label, date, words, lang) in enumerate(sides):
        f = _fields("", date, words, lang, comp, words_overlap)
        f[0] = (label,) if isinstance(label, str) else tuple(label)
        f[1] = tuple(map(safe_line, date_forms(date, (*dates[:k], *dates[k + 1 :]))))
        fields.append(f)
    choices = [
        _fit(side[0], f, SCREEN_ORDER, w, visual, None)[1]
        for side, f, w in zip(sides, fields, widths)
    ]
    shared = [max(c[k] for c in choices) for k in range(len(choices[0]))]
    # each name in the form its own side chose (else the fields would shrink again first)
    return [
        _fit(side[0], f, SCREEN_ORDER, w, visual, [c[0], *shared[1:]])[0]
        for side, f, w, c in zip(sides, fields, widths, choices)
    ]
