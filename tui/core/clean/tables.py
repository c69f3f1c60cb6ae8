"""Tables inside an article's text copy: rows of short cells, kept with the article.

A page's text copy sets a table's rows as lines whose cells are padded to common columns
("DL   Larry Ogunjobi   63   85%"). Each row reads as a short line that is not prose, and a
header row repeated for every table reads as a template, so the prose selection ends the
article at the first table. ``table_rows`` finds such rows in the text before its spaces are
normalised: at least ``TABLE_ROWS`` consecutive lines of two or more cells (cells split by two
or more spaces), the cells short (``CELL_WORDS`` on average: a page's columns glued side by
side hold prose), and a cell starting at one column on every row. ``keep_tables`` keeps a
stretch between two kept lines when it is a table (its rows and at most ``gap`` other lines,
none of them furniture: the table's heading, a note), however many rows it has; a row the
text repeats right under itself (a header row drawn twice) is kept once.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from tui.core.clean.lines import Line

TABLES = True  # the rule at all (tests turn it off)
EDGES = True  # ...and its case of a table right before or after the kept lines
TABLE_ROWS = 3  # consecutive lines in columns that make a table
CELL_WORDS = 8  # most words a table's cells hold on average
_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")  # a column stop inside a line
FIGURES = 0.5  # share of its rows that hold a figure (a grid of links holds names)
_DIGIT = re.compile(r"\d")
ROW_KINDS = (None, "duplicate", "repeat")  # a table's rows may repeat (its header row)


def _starts(line: str) -> set[int]:
    """Columns at which a cell after the first starts."""
    return {m.end() for m in _GAP.finditer(line)}


def table_rows(text: str) -> set[int]:
    """Line numbers of ``text`` (spaces as written) that are rows of a table."""
    if "  " not in text:  # no line holds a column stop (most pages: one scan, in C)
        return set()
    lines = text.split("\n")
    rows: set[int] = set()
    run: list[int] = []
    for k in [k for k, ln in enumerate(lines) if "  " in ln] + [-2]:  # (most lines: no gap)
        body = lines[k].strip() if k >= 0 else ""
        cells = _GAP.split(body) if "  " in body else ()
        row = len(cells) >= 2 and len(body.split()) <= CELL_WORDS * len(cells)
        if not row or (run and k != run[-1] + 1):
            if (
                len(run) >= TABLE_ROWS
                and set.intersection(*(_starts(lines[j]) for j in run))
                and sum(1 for j in run if _DIGIT.search(lines[j])) >= FIGURES * len(run)
            ):
                rows.update(run)
            run = []
        if row:
            run.append(k)
    return rows


def unmark_rows(idx: list[int], info: list[Line], rows: set[int]) -> None:
    """Clear the repeat marks of table rows (``rows``: indices into the page's lines, ``idx``
    the non-blank ones, measured as ``info``): a header row drawn over each table is the
    tables' own, not a template between items."""
    if not TABLES or not rows:
        return
    for i, ln in zip(idx, info):
        if i in rows and ln.furniture in ROW_KINDS:
            ln.furniture = None


def keep_tables(
    idx: list[int], info: list[Line], keep: list[int], rows: set[int], gap: int
) -> list[int]:
    """``keep`` (indices into the page's lines, ``idx`` the non-blank ones, measured as
    ``info``) with the tables (``rows``) between two kept lines (see the module's
    docstring), and the table right after the last kept line or right before the first
    (at most ``gap`` lines of no furniture between: its heading)."""
    if not TABLES or not rows or len(keep) < 2:
        return keep
    order = [bisect_left(idx, i) for i in keep]  # (``idx`` ascends)
    extra: set[int] = set()
    for a, b in zip(order, order[1:]):
        run = range(a + 1, b)
        table = [k for k in run if idx[k] in rows]
        if (
            len(table) >= 2
            and len(run) - len(table) <= gap
            and all(
                info[k].furniture in ROW_KINDS
                if idx[k] in rows
                else not info[k].furniture and info[k].pipes < 2
                for k in run
            )
        ):
            extra.update(run)
    if EDGES:
        extra.update(_edge(idx, info, rows, order[-1], 1, gap))
        extra.update(_edge(idx, info, rows, order[0], -1, gap))
    kept = set(keep) | {idx[k] for k in extra}
    return [
        i
        for n, i in enumerate(idx)
        if i in kept
        and not (
            i in rows
            and n
            and idx[n - 1] in kept
            and idx[n - 1] in rows
            and info[n].text == info[n - 1].text
        )
    ]


def _edge(
    idx: list[int], info: list[Line], rows: set[int], end: int, step: int, gap: int
) -> list[int]:
    """The table right after (``step`` 1) or before (-1) the kept line ``end``, with at most
    ``gap`` lines of no furniture between (its heading), or nothing."""
    found: list[int] = []
    k, loose = end + step, 0
    while (
        0 <= k < len(info)
        and idx[k] not in rows
        and loose < gap
        and not info[k].furniture
        and info[k].pipes < 2
    ):
        found.append(k)
        k, loose = k + step, loose + 1
    table = []
    while 0 <= k < len(info) and idx[k] in rows and info[k].furniture in ROW_KINDS:
        table.append(k)
        k += step
    return found + table if len(table) >= TABLE_ROWS else []
