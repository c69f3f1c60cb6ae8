"""A ``TermIndex`` and the arrays ``weigh`` takes, from Hypothesis' rows (term, count, boosted),
document frequencies and an article count (shared by the grouping weight tests)."""

from __future__ import annotations

from array import array

from hypothesis import strategies as st

from tui.core.group.index import TermIndex

ROWS = st.lists(st.tuples(st.integers(0, 30), st.integers(1, 9), st.booleans()), max_size=40)


def weigh_input(rows, dfs, n: int) -> tuple[TermIndex, array, array, bytes]:
    ix = TermIndex()
    ix.df = array("i", dfs)
    ix.n_group = {"en": n}
    tids = array("i", [t for t, _, _ in rows])
    counts = array("i", [c for _, c, _ in rows])
    boosted = bytes(b for _, _, b in rows)
    return ix, tids, counts, boosted
