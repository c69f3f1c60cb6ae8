"""Correcting the grouping from the main screen: join stories, move articles, split a story.

Marks (``m``) say which articles, the cursor says where:

- join: the stories of the marked articles join the story under the cursor;
- move here: the marked articles (only they) move into the story under the cursor;
- split: the marked articles of the cursor's story, else the article under the cursor, leave
  it for a new story of their own.

Each is kept in ``corrections.toml``, as ``wiredesk story merge``, ``move`` and ``story split``
are, so later ingests respect it. Undo (``u``) puts back the stories and the corrections as they
were, unless those articles have moved again since.
"""

from __future__ import annotations

from textual import work

from tui.core.workspace.errors import StaleUndo
from tui.keys import binding


def _articles(n: int) -> str:
    return f"{n} article" + ("" if n == 1 else "s")


class StoryActions:
    STORY_BINDINGS = [
        binding("main.join", "join", "Join the marked articles' stories into this one",
                show=False),
        binding("main.move_here", "move_here", "Move the marked articles into this story",
                show=False),
        binding("main.split", "split", "Split the article (or the marked ones) out",
                show=False),
    ]

    def correcting(self) -> bool:
        """A correction (or its undo) is being written."""
        return any(w.group == "write" and w.name in ("correct_grouping", "undo_grouping")
                   and not w.is_finished for w in self.workers)

    def _marked(self) -> list[str]:
        return self.targets() if self.stories.marked else []

    def action_join(self) -> None:
        story = self.stories.story
        if story is None:
            return
        others = [s for s in self._stories_of(self._marked()) if s != story.id]
        if not others:
            self.notify("Mark (m) articles of the stories to join, then press this key on the "
                        "story they should join.", severity="warning")
            return
        n = len(others)
        self.correct_grouping([("merge", [story.id, *others])],
                              f"Joined {n} {'story' if n == 1 else 'stories'} into this one")

    def action_move_here(self) -> None:
        story = self.stories.story
        if story is None:
            return
        moving = [a for a in self._marked() if self._story_of(a) != story.id]
        if not moving:
            self.notify("Mark (m) the articles to move, then press this key on the story they "
                        "belong to.", severity="warning")
            return
        together = tuple(moving)  # kept apart from what stays behind, not from each other
        self.correct_grouping([("move", a, story.id, together) for a in moving],
                              f"Moved {_articles(len(moving))} into this story")

    def action_split(self) -> None:
        story = self.stories.story
        if story is None:
            return
        marked = self._marked()
        if marked:
            leaving = [a for a in marked if self._story_of(a) == story.id]
        elif self.stories.cursor.kind == "article":
            leaving = [self.current_id()]
        else:
            leaving = []
        if not leaving:
            self.notify("Put the cursor on an article of the story (or mark some of its "
                        "articles) to split them out.", severity="warning")
            return
        face = self.faces_by_id().get(story.id)
        members = face.article_ids if face else self.stories.listing.members[story.id]
        if len(set(leaving)) >= len(members):
            self.notify("Splitting every article out would leave the story empty: mark only "
                        "those that should leave.", severity="warning")
            return
        self.correct_grouping([("split", story.id, leaving)],
                              f"Split {_articles(len(leaving))} out into a new story")

    @work(thread=True, group="write")
    def correct_grouping(self, steps: list[tuple], done: str) -> None:
        """Apply corrections off the UI thread, then show the regrouped list."""
        self.triage.flush(10)  # triage changes first: the correction rewrites article files
        try:
            with self.triage.guard:
                changed, record = self.ws.correct_all(steps)
        except Exception as e:  # a locked or damaged workspace: say so, change nothing shown
            self.app.call_from_thread(self.notify, f"Grouping not changed: {e}",
                                      severity="error")
            return
        self.app.call_from_thread(self._regrouped, done, changed, record)

    def _regrouped(self, done: str, changed: list[str], record: tuple | None) -> None:
        self.stories.marked.clear()
        if record is not None and not changed:
            self.notify("Nothing changed: those articles are already grouped that way.")
            return
        if record is not None:
            self.triage.regrouped(done, record)
            self.notify(f"{done} ({_articles(len(changed))} changed story). Kept in "
                        "corrections.toml, which later ingests respect; u undoes it.")
        else:
            self.notify(f"Undone: {done} ({_articles(len(changed))} changed story back).")
        self.rebuild(self.current_filter(), regrouped=True)

    @work(thread=True, group="write")
    def undo_grouping(self, label: str, record: tuple) -> None:
        """Put the grouping back as it was before a correction made here."""
        self.triage.flush(10)
        try:
            with self.triage.guard:
                changed = self.ws.undo_correction(record)
        except Exception as e:
            if not isinstance(e, StaleUndo):  # a passing failure (a lock held elsewhere): keep it
                self.app.call_from_thread(self.triage.regrouped, label, record)
            self.app.call_from_thread(self.notify, f"Not undone: {e}", severity="error")
            return
        self.app.call_from_thread(self._regrouped, label, changed, None)
