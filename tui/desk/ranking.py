"""The order of a word search's stories: an exact match in a title first.

Words are found in titles, notes, outlets and bodies, typos forgiven (``tui.core.fuzzy``), and
the list keeps its order (size, newest, unread) for them; a story whose titles hold the
search's words as typed comes before those found only in long bodies or through a typo (a
search for "Joly" put three long pages saying "jolly" above the story titled "Joly meets
Hayashi"). No Textual: the app's list and ``wiredesk stories --filter`` share it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from tui.core.model import Article
from tui.core.query import Filter
from tui.core.workspace import Story


def title_misses(
    stories: Sequence[Story],
    members: Mapping[str, list[str]],
    flt: Filter,
    article: Callable[[str], Article],
) -> dict[str, int]:
    """Story id -> how many of the search's words neither its title nor the titles of its
    articles shown hold as typed (0: every word is in a title)."""
    out = {}
    for st in stories:
        titles = [st.title, *(article(aid).meta.get("title") or "" for aid in members[st.id])]
        out[st.id] = flt.title_misses(*titles)
    return out


def fewest_first(stories: Sequence[Story], misses: Mapping[str, int]) -> list[Story]:
    """``stories`` with the fewest misses first, in their order otherwise (a stable sort)."""
    if not any(misses.values()):
        return list(stories)
    return sorted(stories, key=lambda s: misses.get(s.id, 0))


def reorders(misses: Mapping[str, int]) -> bool:
    """Whether the ranking puts some stories before others (the list then says so)."""
    return len(set(misses.values())) > 1
