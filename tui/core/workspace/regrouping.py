"""Adding articles and correcting the grouping: the writes that involve the grouper.

They need every article (the grouper's index, the furniture model), so they load the whole
workspace; an ingest whose documents are all known (by origin and content) does not.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from tui.core.workspace import cache
from tui.core.workspace.errors import StaleUndo

if TYPE_CHECKING:
    from tui.core.group import Grouper
    from tui.core.model import Article
    from tui.core.workspace.adding import IngestReport
    from tui.core.workspace.store import Workspace

R = TypeVar("R")


class Regrouping:
    """The ingest and correction half of :class:`~tui.core.workspace.store.Workspace`."""

    # What this half uses of the Workspace (set or defined there).
    root: Path
    _explainer: Grouper | None

    if TYPE_CHECKING:
        def __enter__(self) -> Workspace: ...
        def __exit__(self, *exc: object) -> None: ...
        def by_origin(self, origin: str) -> Article | None: ...
        def save_cache(self, changed: list[Article] | None = None) -> None: ...

    def ingest(self, docs, *, on_progress=None, failures=()) -> IngestReport:
        """Add documents: new articles, new versions, duplicates skipped; then group them."""
        from tui.core.workspace import adding, grouping
        from tui.core.workspace.store import now_iso

        docs = list(docs)
        with self:
            if all(adding.is_duplicate(self, d) for d in docs):
                # Nothing new: neither the furniture model nor the grouping index is needed.
                rep = adding.IngestReport(duplicates=[
                    (d.origin, a.id) for d in docs if (a := self.by_origin(d.origin)) is not None])
                rep.failed[:0] = list(failures)
                return rep
            furniture = adding.furniture_model(self)
            g = grouping.grouper(self)  # before the new articles join the workspace
            rep, touched = adding.ingest(self, docs, now=now_iso(), furniture=furniture,
                                         on_progress=on_progress)
            rep.failed[:0] = list(failures)
            if touched:
                new = set(rep.added)
                added = [a for a in touched if a.id in new]
                updated = [a for a in touched if a.id not in new]
                changed = grouping.place(self, g, added, updated)
                written = list({a.id: a for a in touched + changed}.values())
                adding.finish(self, written)
                self.save_cache(written)
                # New or re-versioned articles are replayed from the delta; older articles
                # that moved (stories merged) are put where their files say.
                moved = {a.id for a in changed} - {a.id for a in touched}
                grouping.save_grouper(self, g, [a.id for a in touched], sorted(moved))
                cache.save(self.root, "furniture.pickle", {"model": furniture.to_dict()})
            return rep

    def correct(self, op: str, *args) -> list[str]:
        """Apply a grouping correction (merge, split, move); returns the changed article ids."""
        return self.correct_all([(op, *args)])[0]

    def correct_all(self, steps: list[tuple]) -> tuple[list[str], tuple]:
        """Apply corrections in order (``("move", article, story)``...) with one load and one
        save of the grouping index. Returns the changed article ids and a record for
        :meth:`undo_correction`."""
        return self._regroup(lambda g: g.corrected(steps))

    def undo_correction(self, record: tuple) -> list[str]:
        """Put the grouping and ``corrections.toml`` back as they were before ``correct_all``
        gave ``record``; ``StaleUndo`` if those articles have moved, or other corrections were
        made, since."""
        def restore(g: Grouper) -> tuple[dict[str, str], None]:
            try:
                return g.restore(record), None
            except ValueError as e:
                raise StaleUndo(f"cannot undo the correction: {e}") from None

        return self._regroup(restore)[0]

    def _regroup(self, act: Callable[[Grouper], tuple[dict[str, str], R]]) -> tuple[list[str], R]:
        from tui.core.workspace import adding, grouping

        with self:
            g = grouping.grouper(self)
            changes, record = act(g)
            changed = grouping.apply_changes(self, g, changes)
            grouping.save_corrections(self, g.corrections)
            adding.finish(self, changed)
            self.save_cache(changed)
            grouping.save_grouper(self, g, moved=[a.id for a in changed])
            return [a.id for a in changed], record

    def explain(self, aid: str) -> list[str]:
        """Why an article is in its story: the names, numbers and terms it shares."""
        from tui.core.workspace import grouping

        if self._explainer is None:
            self._explainer = grouping.grouper(self)
        return self._explainer.explain(aid)
