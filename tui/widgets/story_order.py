"""How the story list can be ordered (``S`` cycles; the choice is remembered)."""

from __future__ import annotations

from tui.config import SORTS  # noqa: F401  (the names, checked against SORT_LABEL in tests)

# How stories can be ordered (config.SORTS): the workspace's order (biggest story first), the
# newest story first (its last article's date), the most unread first.
SORT_LABEL = {"size": "biggest stories first", "newest": "newest first",
              "unread": "most unread first"}


def sort_stories(stories: list, mode: str) -> list:
    """``stories`` (in the workspace's order) in ``mode``'s order; ties keep that order."""
    if mode == "newest":
        return sorted(stories, key=lambda s: s.date_last or s.date_first or "", reverse=True)
    if mode == "unread":
        return sorted(stories, key=lambda s: -s.unread)
    return list(stories)
