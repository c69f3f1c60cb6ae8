"""Same-language alignment: sentences first, then words inside aligned sentences.

The method of the NewsEdits study of article revisions: match identical sentences in order,
then, inside each unmatched stretch, pair sentences that are edits of one another; a sentence
found elsewhere in the other text (verbatim or lightly edited) is a move, reported once.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process

from .model import Change, ChangeKind, Comparison, Row, RowKind, Sentence
from .overlap import overlap
from .words import opcodes, word_diff

EDIT_CUTOFF = 55.0  # character similarity (0-100) for two sentences to be edits of each other
MOVE_CUTOFF = 75.0  # stricter for a pair far apart: a moved and edited sentence
MIN_MOVE_TOKENS = 4  # shorter sentences ("He said.") repeat too often to call them moved
INDEX_WORD_LEN = 4  # words this long index candidate moves
MIN_INDEX_WORDS = 3  # a sentence with fewer indexed words is compared with every candidate
FULL_SCAN_PAIRS = 20_000  # up to this many sentence pairs, moves are sought without an index
MAX_PAIRING_CELLS = 20_000  # above this, a stretch is laid out by position (unrelated texts)


def _ntok(s: Sentence) -> int:
    return s.key.count(" ") + 1 if s.key else 0


def _pair_stretch(
    ka: list[str], kb: list[str], dels: list[int], ins: list[int]
) -> list[tuple[int, int]]:
    """Monotone pairs (a, b) of similar sentences maximising total similarity."""
    if not dels or not ins or len(dels) * len(ins) > MAX_PAIRING_CELLS:
        return []
    n = len(ins)
    sim = [[fuzz.ratio(ka[d], kb[j], score_cutoff=EDIT_CUTOFF) for j in ins] for d in dels]
    best = [[0.0] * (n + 1) for _ in range(len(dels) + 1)]
    for x in range(1, len(dels) + 1):
        row, prev, s = best[x], best[x - 1], sim[x - 1]
        for y in range(1, n + 1):
            v = max(prev[y], row[y - 1])
            if s[y - 1]:
                v = max(v, prev[y - 1] + s[y - 1])
            row[y] = v
    pairs: list[tuple[int, int]] = []
    x, y = len(dels), n
    while x and y:
        if best[x][y] == best[x - 1][y]:
            x -= 1
        elif best[x][y] == best[x][y - 1]:
            y -= 1
        else:
            pairs.append((dels[x - 1], ins[y - 1]))
            x, y = x - 1, y - 1
    return pairs[::-1]


def _moves(a: list[Sentence], b: list[Sentence], dels: list[int], ins: list[int]) -> dict[int, int]:
    """Moved sentences among the unmatched ones: verbatim first, then lightly edited."""
    found: dict[int, int] = {}
    by_key: dict[str, list[int]] = {}
    for j in ins:
        if _ntok(b[j]) >= MIN_MOVE_TOKENS:
            by_key.setdefault(b[j].key, []).append(j)
    rest = []
    for i in dels:
        if _ntok(a[i]) < MIN_MOVE_TOKENS:
            continue
        if by_key.get(a[i].key):
            found[i] = by_key[a[i].key].pop(0)
        else:
            rest.append(i)
    free = {j: b[j].key for js in by_key.values() for j in js}
    found.update(_edited_moves([a[i].key for i in rest], rest, free))
    return found


def _index_words(key: str) -> set[str]:
    return {w for w in key.lower().split() if len(w) >= INDEX_WORD_LEN}


def _edited_moves(queries: list[str], ids: list[int], free: dict[int, str]) -> dict[int, int]:
    """Each query's most similar free sentence (taken once) at or above MOVE_CUTOFF.

    Past FULL_SCAN_PAIRS, only candidates sharing a third of the query's longer words are
    scored (a sentence that similar shares most of its words), so a long text is not one
    all-pairs comparison; a query with too few such words (short, or in a script without
    spaces) is still scored against all.
    """
    found: dict[int, int] = {}
    indexed = len(queries) * len(free) > FULL_SCAN_PAIRS
    order = {j: n for n, j in enumerate(free)}
    index: dict[str, list[int]] = {}
    for j, key in free.items() if indexed else ():
        for w in _index_words(key):
            index.setdefault(w, []).append(j)
    for i, key in zip(ids, queries):
        if not free:
            break
        words = _index_words(key) if indexed else set()
        choices: dict[int, str] = free
        if len(words) >= MIN_INDEX_WORDS:
            hits: dict[int, int] = {}
            for w in words:
                for j in index.get(w, ()):
                    hits[j] = hits.get(j, 0) + 1
            need = len(words) / 3
            near = sorted((j for j, n in hits.items() if n >= need and j in free),
                          key=lambda j: order[j])
            choices = {j: free[j] for j in near}
        hit = process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=MOVE_CUTOFF)
        if hit:
            found[i] = hit[2]
            del free[hit[2]]
    return found


def align_same(a: list[Sentence], b: list[Sentence]) -> Comparison:
    ka, kb = [s.key for s in a], [s.key for s in b]
    blocks = opcodes(ka, kb)  # longest common subsequence of sentence keys
    pairs: dict[int, int] = {}
    for tag, i1, i2, j1, j2 in blocks:
        if tag == "replace":
            pairs.update(_pair_stretch(ka, kb, list(range(i1, i2)), list(range(j1, j2))))
    paired_b = set(pairs.values())
    loose_a = [
        i for t, i1, i2, _, _ in blocks if t != "equal" for i in range(i1, i2) if i not in pairs
    ]
    loose_b = [
        j for t, _, _, j1, j2 in blocks if t != "equal" for j in range(j1, j2) if j not in paired_b
    ]
    moves = _moves(a, b, loose_a, loose_b)
    return _Builder(a, b, pairs, moves).build(blocks)


class _Builder:
    """Lays the alignment out as rows in reading order and collects the changes."""

    def __init__(
        self, a: list[Sentence], b: list[Sentence], pairs: dict[int, int], moves: dict[int, int]
    ):
        self.a, self.b, self.pairs, self.moves = a, b, pairs, moves
        self.moved_b = {j: i for i, j in moves.items()}
        self.na, self.nb = [_ntok(s) for s in a], [_ntok(s) for s in b]
        self.rows: list[Row] = []
        self.changes: list[Change] = []
        self.move_change: dict[int, int] = {}  # a index -> change index
        self.move_spans: dict[int, tuple] = {}  # a index -> (left spans, right spans)
        self.matched = 0.0

    def build(self, blocks: list[tuple[str, int, int, int, int]]) -> Comparison:
        for tag, i1, i2, j1, j2 in blocks:
            if tag == "equal":
                a, b, rows = self.a, self.b, self.rows
                self.matched += sum(self.na[i1:i2])
                for i, j in zip(range(i1, i2), range(j1, j2)):
                    sa, sb = a[i], b[j]
                    rows.append(
                        Row("same", i, j, ((sa.text, ""),), ((sb.text, ""),), sa.first or sb.first)
                    )
            else:
                self._stretch(range(i1, i2), range(j1, j2))
        total = sum(self.na) + sum(self.nb)
        sim = min(1.0, 2 * self.matched / total) if total else 1.0
        return Comparison(self.a, self.b, self.rows, self.changes, sim, "words", hunks(self.rows),
                          overlap_of=overlap)

    def _stretch(self, ia: range, jb: range) -> None:
        cuts = [(i, self.pairs[i]) for i in ia if i in self.pairs]
        pa, pb = ia.start, jb.start
        for i, j in cuts + [(ia.stop, jb.stop)]:
            self._loose(range(pa, i), range(pb, j))
            if i < ia.stop:
                wd = word_diff(self.a[i].text, self.b[j].text)
                self._credit(i, j, wd.similarity)
                if wd.changed:
                    self._change("change", i, j, wd.lspans, wd.rspans, wd.ops)
                else:  # only spacing differs
                    self._row("same", i, j, wd.lspans, wd.rspans)
            pa, pb = i + 1, j + 1

    def _loose(self, left: range, right: range) -> None:
        """Unpaired sentences: moves at both ends; deletions beside insertions share rows."""
        x, y = 0, 0
        while x < len(left) or y < len(right):
            i = left[x] if x < len(left) else None
            j = right[y] if y < len(right) else None
            if i is not None and i not in self.moves and j is not None and j not in self.moved_b:
                self._change(
                    "replace", i, j, ((self.a[i].text, "del"),), ((self.b[j].text, "ins"),)
                )
                x, y = x + 1, y + 1
            elif i is not None:
                x += 1
                if i in self.moves:
                    self._move_end(i, None)
                else:
                    self._change("delete", i, None, ((self.a[i].text, "del"),), ())
            else:
                assert j is not None  # left is used up, so right is not
                y += 1
                if j in self.moved_b:
                    self._move_end(None, j)
                else:
                    self._change("insert", None, j, (), ((self.b[j].text, "ins"),))

    def _move_end(self, i: int | None, j: int | None) -> None:
        """The row of one end of a move: A's sentence ``i`` or B's ``j`` (reported once)."""
        if i is not None:
            src = i
        else:
            assert j is not None
            src = self.moved_b[j]
        dst = self.moves[src]
        if src not in self.move_change:
            wd = word_diff(self.a[src].text, self.b[dst].text, base="move")
            self._credit(src, dst, wd.similarity)
            ops = wd.ops if wd.changed else ()
            self.changes.append(Change("move", src, dst, ops))
            self.move_change[src] = len(self.changes) - 1
            self.move_spans[src] = (wd.lspans, wd.rspans)
        ls, rs = self.move_spans[src]
        if i is not None:
            self._row("move", i, None, ls, (), self.move_change[src])
        else:
            self._row("move", None, j, (), rs, self.move_change[src])

    def _credit(self, i: int, j: int, similarity: float) -> None:
        """Count the words two aligned sentences share (in the units of _ntok)."""
        self.matched += similarity * (self.na[i] + self.nb[j]) / 2

    def _change(self, kind: ChangeKind, i: int | None, j: int | None, ls, rs, ops=()) -> None:
        self.changes.append(Change(kind, i, j, ops))
        self._row(kind, i, j, ls, rs, len(self.changes) - 1)

    def _row(
        self, kind: RowKind, i: int | None, j: int | None, ls, rs, change: int | None = None
    ) -> None:
        para = (i is not None and self.a[i].first) or (j is not None and self.b[j].first)
        self.rows.append(Row(kind, i, j, tuple(ls), tuple(rs), para, change))


_BLOCK_KINDS = frozenset({"delete", "insert"})


def hunks(rows: list[Row]) -> list[tuple[int, int]]:
    """Rows [start, end) that next/previous change steps through: each edited, replaced or
    moved sentence on its own, a run of deleted or inserted sentences together."""
    out: list[tuple[int, int]] = []
    for k, row in enumerate(rows):
        if row.change is None:
            continue
        prev = rows[k - 1] if k else None
        if (
            out
            and out[-1][1] == k
            and row.kind in _BLOCK_KINDS
            and prev is not None
            and prev.kind in _BLOCK_KINDS
        ):
            out[-1] = (out[-1][0], k + 1)
        else:
            out.append((k, k + 1))
    return out
