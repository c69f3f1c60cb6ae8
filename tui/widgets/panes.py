"""How wide the list and the reader are: the reader over the list on narrow screens, beside it
(with what the list leaves) on wide ones."""

from __future__ import annotations

NARROW = 120  # below this many columns the reader opens over the list instead of beside it
READER_MIN = 60  # cells the reader keeps beside the list
LIST_MAX = 120  # the list needs no more: every column and an 80-cell title


def list_width(total: int) -> int:
    """Cells of the list pane beside the reader on a ``total``-column screen (not narrow):
    what the list needs, at most; the reader gets what is left."""
    return max(NARROW - READER_MIN, min(LIST_MAX, max(total // 2, total - 2 * LIST_MAX // 3),
                                        total - READER_MIN))
