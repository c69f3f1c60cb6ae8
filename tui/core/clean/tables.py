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

A table written with pipes, as Markdown writes it ("| zstd 1.5 | 2.887 | 530 MB/s |"), reads
as a line of links split by pipes (a menu). In Markdown its rows are the ones the Markdown
reader knows are a table's (a header row over a rule row, and the rows under it:
``markdown.read``). In plain text ``pipe_rows`` finds them: at least ``TABLE_ROWS``
consecutive lines of the same two or more cells split by pipes, that are a table by their own
marks: a rule row "| --- | --- |" among them, or every row opening and closing with a pipe
and ``FIGURES`` of them holding a cell that is a figure ("7,512.30", "+0.4%", "530 MB/s"; not
a share counter's "Tweet 12" nor a menu's "Top 10"). A line split by pipes is never a title
(``piped_line``), and a table above the article's headline is the page's, not the article's:
the table right before the first kept line is taken only when no headline-shaped line stands
between (``_heading``).
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
_NO_ROW = re.compile(r"\s*(?:[-*+>]\s|\d{1,9}[.)]\s)")  # a list's item, a quotation
_RULE_ROW = re.compile(r"^\|?(?:\s*:?-+:?\s*\|)+\s*(?::?-+:?)?\s*$")  # "| --- | :-: |"
# A cell that is a figure: a number, signed, in a currency, with a unit ("530 MB/s", "+0.4%")
_FIGURE = re.compile(r"[-+\u2212±~≈]?[$€£¥]?\d[\d.,:/ ]*(?:%|[A-Za-zµ]{1,3}(?:/[A-Za-z]{1,2})?)?")
HEAD_WORDS = 15  # most words of a headline-shaped line (short, not a sentence)


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


def pipe_rows(lines: list[str]) -> set[int]:
    """Indices of ``lines`` (stripped) of plain text that are rows of a table written with
    pipes (see the module's docstring)."""
    if "|" not in "".join(lines):  # (most texts: one scan, in C)
        return set()
    rows: set[int] = set()
    run: list[int] = []
    width = 0
    for k, ln in enumerate([*lines, ""]):
        cells = _cells(ln) if "|" in ln and not _NO_ROW.match(ln) else 0
        if run and cells != width:
            if len(run) >= TABLE_ROWS and _pipe_table([lines[j] for j in run]):
                rows.update(run)
            run = []
        if cells >= 2:
            run.append(k)
            width = cells
    return rows


def piped_line(line: str) -> bool:
    """A line split by pipes as a table's row or a menu is ("| Index | Last |", "Home | News |
    World"): no title ("Budget passes | The Daily" may be one)."""
    line = line.strip()
    return (len(line) > 1 and line[0] == "|" == line[-1]) or line.count(" | ") >= 2


def _cells(line: str) -> int:
    """Cells of a line split by pipes ("| a | b |", "a | b": 2)."""
    inner = line.strip()
    inner = inner[1:] if inner[:1] == "|" else inner
    inner = inner[:-1] if inner[-1:] == "|" else inner
    return inner.count("|") + 1


def _pipe_table(run: list[str]) -> bool:
    if any(_RULE_ROW.match(ln) for ln in run):
        return True
    return all(ln[:1] == "|" == ln[-1:] for ln in run) and sum(
        1 for ln in run if any(_FIGURE.fullmatch(c.strip()) for c in ln.split("|"))
    ) >= FIGURES * len(run)


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
    ``gap`` lines of no furniture between (its heading), or nothing. A table before is no
    article's when it is written with pipes and a headline-shaped line (``_heading``: the
    kept line itself, or one between) stands under it: a ticker or a menu over the headline.
    Going up, the walk steps over the table's rule row (near a page's top or bottom it reads
    as a counter) to its header row; going down, it stops there (a table after the article
    with only its header row before the rule: a ticker's, a "most read" box's)."""
    headed = step < 0 and _heading(idx, info, end)
    found: list[int] = []
    k, loose = end + step, 0
    while (
        0 <= k < len(info)
        and idx[k] not in rows
        and loose < gap
        and not info[k].furniture
        and info[k].pipes < 2
    ):
        headed = headed or (step < 0 and _heading(idx, info, k))
        found.append(k)
        k, loose = k + step, loose + 1
    table = []
    while (
        0 <= k < len(info)
        and idx[k] in rows
        and (_row(info[k]) if step < 0 else info[k].furniture in ROW_KINDS)
    ):
        table.append(k)
        k += step
    if headed and any("|" in info[j].text for j in table):
        return []  # (one set out in columns is left as it was: the rule was made for those)
    return found + table if len(table) >= TABLE_ROWS else []


def _row(ln: Line) -> bool:
    """A table's row the table keeps: no furniture but a repeat (its header row drawn again),
    or its rule row ("| --- | --- |", which may read as a counter)."""
    return ln.furniture in ROW_KINDS or _RULE_ROW.match(ln.text) is not None


def _heading(idx: list[int], info: list[Line], k: int) -> bool:
    """The line ``info[k]`` is headline-shaped: a few words, not a sentence, not furniture,
    not a row, nor a paragraph's first line, wrapped (the line right under it going on in
    lower case)."""
    ln = info[k]
    return (
        (k + 1 == len(idx) or idx[k + 1] > idx[k] + 1 or not info[k + 1].text[:1].islower())
        and 0 < ln.words <= HEAD_WORDS
        and not ln.ends
        and not ln.furniture
        and not ln.bullet
        and not ln.text[:1].islower()
        and not piped_line(ln.text)
    )
