"""How the story list can be ordered (``S`` cycles; the choice is remembered)."""

from __future__ import annotations

from collections.abc import Mapping

from tui.config import SORTS  # noqa: F401  (the names, checked against SORT_LABEL in tests)
from tui.desk.ranking import reorders
from tui.desk.window import sort_stories  # noqa: F401  (the list's orders live with the list)

# How stories can be ordered (config.SORTS): the workspace's order (biggest story first), the
# newest story first (its last article's date), the most unread first.
SORT_LABEL = {"size": "biggest stories first", "newest": "newest first",
              "unread": "most unread first"}


def order_label(sort: str, misses: Mapping[str, int]) -> str:
    """The order the list says it is in: after a word search that ranks (``misses``, from
    :mod:`tui.desk.ranking`), the stories holding its words in a title come first."""
    said = SORT_LABEL.get(sort, sort)
    return f"title matches first, then {said.removesuffix(' first')}" if reorders(misses) else said
