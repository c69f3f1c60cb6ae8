"""Lines an article repeats inside itself: its own headings, not a page's template.

A line a page repeats is read as a template (a share bar, a teaser, a headline shown twice)
and kept out of the body. When every copy of such a line lies inside the selected article,
strictly between its first and last body line, the article repeats it itself: an interview's
questions ("What inspired you?"), a recipe card's labels, a table's header row. Such a line
is the article's own, like the short lines round it (a name, a label): a short stretch
between two body lines that holds only unmarked lines and these is kept (``GAP_LINES`` as in
the selection's own gap rule). A template sits outside the article at least once (above it,
in the footer), so its copies are never all inside.
"""

from __future__ import annotations

from bisect import bisect_left

from tui.core.clean.lines import Line

OWN_REPEATS = True  # the rule at all (tests turn it off)
REPEAT_KINDS = ("duplicate", "repeat")  # the marks ``text._mark_repeats`` sets
FEW_COPIES = 2  # a line repeated this often at most may be a short label ("[Reuters]")...
OWN_WORDS = 3  # ...more often, a sentence of this many words (a question, not "Book now")


def own_repeats(idx: list[int], info: list[Line], keep: list[int], gap: int) -> list[int]:
    """``keep`` (indices into the page's lines, ``idx`` the non-blank ones, measured as
    ``info``) with the short stretches (at most ``gap`` lines) between two kept lines that
    hold the article's own repeated lines (see the module's docstring)."""
    if not OWN_REPEATS or len(keep) < 2:
        return keep
    copies: dict[str, list[int]] = {}
    for k, ln in enumerate(info):
        if ln.furniture in REPEAT_KINDS and not (ln.bullet or ln.cut):
            copies.setdefault(ln.low or ln.text.lower(), []).append(k)
    if not copies:  # no line repeated (most pages)
        return keep
    order = [bisect_left(idx, i) for i in keep]  # (``idx`` ascends)
    lo, hi = order[0], order[-1]
    own = {
        k
        for ks in copies.values()
        if lo < ks[0]
        and ks[-1] < hi
        and (len(ks) <= FEW_COPIES or (info[ks[0]].ends and info[ks[0]].words >= OWN_WORDS))
        for k in ks
    }
    if not own:
        return keep
    extra: set[int] = set()
    for a, b in zip(order, order[1:]):
        run = range(a + 1, b)
        if (
            1 < b - a <= gap + 1
            and any(k in own for k in run)
            and all((k in own or not info[k].furniture) and info[k].pipes < 2 for k in run)
        ):
            extra.update(run)
    if not extra:
        return keep
    return sorted(set(keep) | {idx[k] for k in extra})
