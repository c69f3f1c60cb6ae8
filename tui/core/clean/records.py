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
from bisect import bisect_left
from collections import defaultdict

from tui.core.clean.lines import Line

MIN_RECORDS = 4  # a line shape seen this often, each time...
GAP = (2, 12)  # ...this many lines after the last (one record: two lines or more)
ALIGN = 2  # a run's first line this many times farther from the next than usual is no record's
KEY_WORDS = 12  # a record's recurring line is short (a label, a count, a link)
KEY_LABEL = 30  # a colon this early sets a field's label apart from its value
RECORDS_SHARE = 0.32  # the selection holds under this share of the records' words
OWN_RECORDS = 1  # the first record, which the selection may have taken as prose
REACH = GAP[1] - 1  # a first record's lines either side of its first field (``_head``)
READ_SHARE = 0.5  # a selection holding a line of this share of the records reads them already
KINDS = (None, "duplicate", "repeat")  # a record's lines (its repeated fields among them)
# ...and its fields the furniture reader takes for a page's own: a contact's ("Phone: 555-0101",
# "Email: ann@example.org") as every record gives it, an event's date ("Sat, March 14")
FIELD_KINDS = (*KINDS, "contact")
FIGURES = "counter"  # a line of figures ("$129", "4.5"; not a bare "*"): a field only as every
# record has it
BUTTON_WORDS = 4  # a line the same in every record and this short is a button or a sign-off
DATED = ("stamp", "dated")  # a time stamp, a date with its time: a story's, not a record field's
DATE_WORDS = 6  # a line this short with a day and its month, or a date in figures, is a date...
DATE_SHAPE = "<date>"  # ...one shape whichever way it is written ("Sat, March 14", "2026-05-09")
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = re.compile(  # (a day: one or two figures, not a year: "May 2024" is an archive's)
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\b"
    # in figures: a year of four (of two after "-" or "/"), one separator; not a version's
    # or an address's figures ("1.0.0", "10.0.0.1": no year, or more figures around)
    r"|(?<![\d.])(?:\d{4}([-/.])\d{1,2}\1\d{1,2}|\d{1,2}([-/.])\d{1,2}\2\d{4}"
    r"|\d{1,2}([-/])\d{1,2}\3\d{2})(?!\.?\d)"
)
_DIGITS = re.compile(r"\d+")
_READ = re.compile(r"^\d+\s*(?:min|mins|minutes?)\.?\s+read\b")  # a teaser's reading time


def shape(ln: Line) -> str:
    """A line's shape: lower case, every number one digit, a field by its label alone, a date
    (a day by its month's name, or written in figures) as any other date ("Sat, March 14",
    "2026-05-09": not "Junho (170)", an archive's month and count)."""
    written = ln.low or ln.text.lower()
    low = _DIGITS.sub("0", written)
    colon = low.find(":")
    if 0 < colon <= KEY_LABEL:
        return low[: colon + 1]
    if "0" in low and ln.words <= DATE_WORDS and _DATE.search(written):
        return DATE_SHAPE
    return low


def record_runs(info: list[Line]) -> list[list[int]]:
    """The lines of each run of one line shape that recurs like a record's field."""
    where: dict[str, list[int]] = defaultdict(list)
    for k in _keys(info):
        where[shape(info[k])].append(k)
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
                runs.append(_aligned(run))
            if b is not None:
                run = [b]
    return [run for run in runs if len(run) >= MIN_RECORDS]


def _keys(info: list[Line]) -> list[int]:
    """The lines that may be a record's recurring field: short, no table's row, of a record's
    kind (a field, a contact's, a date, a figure)."""
    return [
        k
        for k, ln in enumerate(info)
        if ln.words <= KEY_WORDS
        and ln.pipes < 2
        and (
            ln.furniture in FIELD_KINDS
            or ln.furniture in DATED
            or (ln.furniture == FIGURES and _DIGITS.search(ln.text) is not None)
        )
    ]


def _held_most(info: list[Line], ks: list[int]) -> int:
    """The selection's most words in one reach of lines (``2 * REACH + 1``, a block's first
    record at its widest: ``_head`` counts up at most ``REACH`` lines above its first field,
    its next field is ``GAP[1]`` lines below at most): ``held`` when one block's first record
    holds the selection's words. Not a bound when several blocks' first records each hold
    many (then the exit in ``record_items`` may keep the selection where the search would
    add records: none of the bench pages, ``same_clean``)."""
    most = words = 0
    first = 0
    for k in ks:
        words += info[k].words
        while ks[first] < k - 2 * REACH:
            words -= info[ks[first]].words
            first += 1
        most = max(most, words)
    return most


def _aligned(run: list[int]) -> list[int]:
    """``run`` less its first line when that stands farther from the next than ``ALIGN``
    times the run's usual step: records are set out alike, and a line so far above them is
    not one (an article's date over a list of dated teasers, "Updated on 09/10/2025")."""
    steps = sorted(b - a for a, b in zip(run[1:], run[2:]))
    if steps and run[1] - run[0] > ALIGN * steps[len(steps) // 2]:
        return run[1:]
    return run


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
    repeated in one record, unique in the next; a contact field, a date), otherwise its
    furniture."""
    return None if ln.furniture in FIELD_KINDS or ln.furniture in DATED else ln.furniture


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


def _field(ln: Line, figures: bool = False) -> bool:
    """A line a record may hold: of no furniture or a record's (``FIELD_KINDS``, a date; its
    figures when they recur as a field), no table's row, no teaser cut short."""
    kinds = ln.furniture in FIELD_KINDS or ln.furniture in DATED or figures
    return kinds and ln.pipes < 2 and not ln.cut


def _span(blk: list[list[int]], info: list[Line], walls: frozenset[str]) -> set[int]:
    """The lines of one block of records: from record 1's name (``_head``, as far as a wall)
    to its last field, those a record may hold (its fields, a contact's, a date, its figures
    as every record gives them), less tables' rows and teasers cut short."""
    a, b = blk[0][0], max(run[-1] for run in blk)
    fields = {k for run in blk for k in run}
    head = a - _head(blk, info)
    while a > max(head, 0) and info[a - 1].furniture not in walls:
        a -= 1  # record 1's name, as far as a wall
    return {
        k for k in range(a, b + 1) if _field(info[k]) or (k in fields and _field(info[k], True))
    }


def _read(block: list[list[int]], kept: set[int]) -> bool:
    """The selection holds a line of most of the block's records (``READ_SHARE``): it reads
    them as prose already, and left out of each what is not theirs (a version stamp, a
    "Source" link, an address under each name). Records are told apart by the run that opens
    the block."""
    first = block[0]
    bounds = [*first, max(run[-1] for run in block) + 1]
    edges = sorted(kept)
    read = 0
    for a, b in zip(bounds, bounds[1:]):
        at = bisect_left(edges, a)
        read += at < len(edges) and edges[at] < b
    return read >= READ_SHARE * len(first)


def record_items(
    idx: list[int], info: list[Line], keep: list[int], walls: frozenset[str]
) -> list[int]:
    """``keep`` with the page's records when they, not the selection, are its content. The
    records are weighed against the selection's lines outside them: a selection that took
    the first record or two as prose is no article beside the rest (as many records as there
    are: no cliff at ``MIN_RECORDS``). A selection that lies mostly in one block of records
    is that block's (a menu's block elsewhere is no part of it). A date (``DATED``) is no wall
    between the records and the selection: an event's own, or the listing's."""
    where = {i: k for k, i in enumerate(idx)}
    ks = sorted(where[i] for i in keep)
    body = sum(info[k].words for k in ks)
    rest = sum(ln.words for ln in info) - body
    if body >= RECORDS_SHARE * rest:  # (cheap tests first: the record search costs more)
        most = _held_most(info, ks)
        if body - most >= RECORDS_SHARE * (rest + most):
            return keep  # (the weighing below keeps the selection whatever the records)
    story = any(info[k].ends for k in ks)  # the selection holds a sentence: an item's own text
    blocks = [blk for blk in _blocks(record_runs(info)) if not (story and _river(blk, info))]
    if not blocks:
        return keep
    walls = walls.difference(DATED)
    cuts = [k for k, ln in enumerate(info) if ln.furniture in walls]
    kept = set(ks)
    spans: list[tuple[set[int], int]] = []  # each block's lines, and its number of records
    held = 0  # the selection's words in the blocks' first records (``OWN_RECORDS``)
    for blk in blocks:
        a, b = blk[0][0], max(run[-1] for run in blk)
        if ks and any(ks[-1] < w <= a or b <= w < ks[0] for w in cuts):
            continue  # another section, past a wall
        if _read(blk, kept):
            continue  # (the selection reads these records: what it left of them is theirs)
        span = _span(blk, info, walls)
        first = blk[0]
        end = first[OWN_RECORDS] if len(first) > OWN_RECORDS else b + 1
        held += sum(info[k].words for k in kept if min(span) <= k < end)
        spans.append((span, max(len(run) for run in blk)))
    if not spans:
        return keep
    lines = set().union(*(span for span, _ in spans))
    # The selection's lines in the first record are a record's all the same; its others among
    # the records are its own (an article set among cards), weighed with it, not with them.
    outside = body - held
    weight = sum(info[k].words for k in lines) - sum(info[k].words for k in lines & kept) + held
    if lines <= kept or outside >= RECORDS_SHARE * min(
        weight, sum(ln.words for ln in info) - outside
    ):
        # (weighed as the page sets the records out, buttons and all; an article beside a
        # menu's records outweighs them)
        return keep
    block_of = {k: n for n, (span, _) in enumerate(spans) for k in span - kept}
    add = set(block_of) - _constant(set(block_of), info, block_of, [n for _, n in spans])
    return [idx[k] for k in sorted(kept | add)]
