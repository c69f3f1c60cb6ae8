"""Plain text whose content is records: the same labelled fields, item after item.

A listing's entries (trails, events, recipes, ranked products) are short lines, each record
set out alike: "Difficulty: Beginner", "Length: 5 miles", "View map" under each name. The prose
selection (``text.select``) values none of them, and the lines every record repeats read as
templates (walls), so it keeps the listing's introduction and drops the listing. The page's
shape gives it away, from the text alone (no page kind, no site): one line shape (digits read
as one digit, a field by its label before a colon) comes back at least ``MIN_RECORDS`` times,
``GAP`` lines apart each time. When the lines those runs span outweigh the selection
(``RECORDS_SHARE``) and no wall (comments, related, about...) stands between the two, the
records are the page's content and join it; a record run across a wall is another section
(readers' reviews below "About this seller") and stays out, and so do teasers (excerpts cut by
an ellipsis, headlines glued to their summaries: cards of other stories, not records).
"""

from __future__ import annotations

import re
from collections import defaultdict

from tui.core.clean.lines import Line

MIN_RECORDS = 4  # a line shape seen this often, each time...
GAP = (2, 12)  # ...this many lines after the last (one record: two lines or more)
KEY_WORDS = 12  # a record's recurring line is short (a label, a count, a link)
KEY_LABEL = 30  # a colon this early sets a field's label apart from its value
RECORDS_SHARE = 0.32  # the selection holds under this share of the records' words
KINDS = (None, "duplicate", "repeat")  # a record's lines (its repeated fields among them)
BUTTON_WORDS = 4  # a line the same in every record and this short is a button or a sign-off
DATED = ("stamp", "dated")  # a time stamp, a date with its time: a story's, not a record field's
_DIGITS = re.compile(r"\d+")
_READ = re.compile(r"^\d+\s*(?:min|mins|minutes?)\.?\s+read\b")  # a teaser's reading time


def shape(ln: Line) -> str:
    """A line's shape: lower case, every number one digit, a field by its label alone."""
    low = _DIGITS.sub("0", ln.low or ln.text.lower())
    colon = low.find(":")
    return low[: colon + 1] if 0 < colon <= KEY_LABEL else low


def record_runs(info: list[Line]) -> list[list[int]]:
    """The lines of each run of one line shape that recurs like a record's field."""
    where: dict[str, list[int]] = defaultdict(list)
    for k, ln in enumerate(info):
        if ln.words <= KEY_WORDS and ln.pipes < 2 and ln.furniture in KINDS:
            where[shape(ln)].append(k)
    runs = []
    for ks in where.values():
        if len(ks) < MIN_RECORDS:
            continue
        run = [ks[0]]
        for a, b in zip(ks, [*ks[1:], None]):
            if b is not None and GAP[0] <= b - a <= GAP[1]:
                run.append(b)
                continue
            if len(run) >= MIN_RECORDS:
                runs.append(run)
            if b is not None:
                run = [b]
    return runs


def record_spans(info: list[Line]) -> list[tuple[int, int]]:
    """(first, last) line of each run of one line shape that recurs like a record's."""
    return [(run[0], run[-1]) for run in record_runs(info)]


def _blocks(runs: list[list[int]]) -> list[list[list[int]]]:
    """Runs whose spans overlap, grouped: one block of records each."""
    blocks: list[list[list[int]]] = []
    for run in sorted(runs):
        if blocks and run[0] <= max(r[-1] for r in blocks[-1]):
            blocks[-1].append(run)
        else:
            blocks.append([run])
    return blocks


def _head(block: list[list[int]], info: list[Line]) -> int:
    """How many lines open each record before its first recurring field (its name, its rank).

    Read off the second record: the lines between the first record's last field and the
    second's first. The span of the runs starts at record 1's first field, so without this its
    name is the one left out while records 2..n keep theirs. Counted up from each record's
    first field, a line above record 1 is its own only while it is of the kind of the one
    above record 2 (a record's line, a count, a price; a record line record 2 has and record 1
    has not is passed over): a gap that also holds record 1's last line of no field (a phone
    number, an e-mail) would otherwise reach as far above record 1 (a menu's last item)."""
    first = block[0]  # the run that opens the block (sorted: its first line is the block's)
    fields = {k for run in block for k in run}
    last = max(k for k in fields if k < first[1])
    n, gap = 0, first[1] - 1
    while gap > last and first[0] - 1 - n >= 0:
        mine, above = _kind(info[gap]), _kind(info[first[0] - 1 - n])
        if mine == above:
            n += 1
        elif mine is not None or above is None:
            break  # (record 1's own tail, or no line of record 1)
        gap -= 1
    return n


def _kind(ln: Line) -> str | None:
    """A line's kind, as a record's opening lines go: any record line alike (its name is
    repeated in one record, unique in the next), otherwise its furniture."""
    return None if ln.furniture in KINDS else ln.furniture


def _river(block: list[list[int]], info: list[Line]) -> bool:
    """Records that each carry a time stamp or a reading time are stories: beside a story of
    the page's own (a selection with a sentence), a river of other stories, not its content."""
    a, b = block[0][0], max(run[-1] for run in block)
    n = max(len(run) for run in block)
    dated = sum(
        info[k].furniture in DATED or bool(_READ.match(info[k].low)) for k in range(a, b + 1)
    )
    return dated >= n - 1


def _constant(
    add: set[int], info: list[Line], block_of: dict[int, int], sizes: list[int]
) -> set[int]:
    """Lines the same in every record, short and with no figure or label (a button, a
    sign-off): the records' furniture, not their content ("Add to cart", "Sent from my iPhone").
    A field that varies, or carries a figure or a label ("Difficulty: Beginner"), is content."""
    seen: dict[tuple[int, str], list[int]] = defaultdict(list)
    for k in add:
        seen[block_of[k], info[k].low or info[k].text.lower()].append(k)
    out: set[int] = set()
    for (blk, low), ks in seen.items():
        if (
            len(ks) >= max(MIN_RECORDS, sizes[blk] - 1)
            and info[ks[0]].words <= BUTTON_WORDS
            and ":" not in low
            and not _DIGITS.search(low)
        ):
            out.update(ks)
    return out


def record_items(
    idx: list[int], info: list[Line], keep: list[int], walls: frozenset[str]
) -> list[int]:
    """``keep`` with the page's records when they, not the selection, are its content."""
    where = {i: k for k, i in enumerate(idx)}
    ks = sorted(where[i] for i in keep)
    body = sum(info[k].words for k in ks)
    if body >= RECORDS_SHARE * (sum(ln.words for ln in info) - body):
        return keep  # (not even the whole rest of the page would outweigh the selection)
    story = any(info[k].ends for k in ks)  # the selection holds a sentence: an item's own text
    blocks = [blk for blk in _blocks(record_runs(info)) if not (story and _river(blk, info))]
    if not blocks:
        return keep
    cuts = [k for k, ln in enumerate(info) if ln.furniture in walls]
    kept = set(ks)
    block_of: dict[int, int] = {}
    add: set[int] = set()
    sizes: list[int] = []
    for blk in blocks:
        a, b = blk[0][0], max(run[-1] for run in blk)
        if ks and any(ks[-1] < w <= a or b <= w < ks[0] for w in cuts):
            continue  # another section, past a wall
        head = a - _head(blk, info)
        while a > max(head, 0) and info[a - 1].furniture not in walls:
            a -= 1  # record 1's name, as far as a wall
        for k in range(a, b + 1):
            if (
                k not in kept
                and info[k].furniture in KINDS
                and info[k].pipes < 2
                and not info[k].cut
            ):
                add.add(k)
                block_of[k] = len(sizes)
        sizes.append(max(len(run) for run in blk))
    if not add or body >= RECORDS_SHARE * sum(info[k].words for k in add):
        return keep  # (weighed as the page sets the records out, buttons and all)
    add -= _constant(add, info, block_of, sizes)
    return [idx[k] for k in sorted(kept | add)]
