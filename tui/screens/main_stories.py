"""Correcting the grouping from the main screen: join stories, move articles, split a story.

Marks (``m``) say which articles, the cursor says where:

- join: the stories of the marked articles join the story under the cursor;
- move here: the marked articles (only they) move into the story under the cursor;
- split: the marked articles of the cursor's story, else the article under the cursor, leave
  it for a new story of their own.

Each is kept in ``corrections.toml``, as ``wiredesk story merge``, ``move`` and ``story split``
are, so later ingests respect it. Undo (``u``) puts back the stories and the corrections as they
were, unless those articles have moved again since. The desk writes; a worker reports back with
:class:`~tui.screens.main_messages.Regrouped`.
"""

from __future__ import annotations

from collections.abc import Callable

from tui.desk.steps import Correction, Merge, Move, Split, Step
from tui.keys import binding
from tui.screens import main_messages as msg
from tui.screens.main_header import plural
from tui.screens.main_host import ScreenKeys

STORY_BINDINGS = [
    binding("main.join", "join", "Join the marked articles' stories into this one", show=False),
    binding("main.move_here", "move_here", "Move the marked articles into this story",
            show=False),
    binding("main.split", "split", "Split the article (or the marked ones) out", show=False),
]
WORKERS = ("correct_grouping", "undo_grouping")


class GroupingKeys(ScreenKeys):
    def correcting(self) -> bool:
        """A correction (or its undo) is being written."""
        return any(w.group == "write" and w.name in WORKERS and not w.is_finished
                   for w in self.screen.workers)

    def _marked(self) -> list[str]:
        return self.screen.marked_targets()

    def join(self) -> None:
        story = self.screen.stories.story
        if story is None:
            return
        others = [s for s in self.desk.stories_of(self._marked()) if s != story.id]
        if not others:
            self.screen.notify("Mark (m) articles of the stories to join, then press this key "
                               "on the story they should join.", severity="warning")
            return
        n = len(others)
        self._correct([Merge(story.id, tuple(others))],
                      f"Joined {n} {'story' if n == 1 else 'stories'} into this one")

    def move_here(self) -> None:
        story = self.screen.stories.story
        if story is None:
            return
        marked = self._marked()
        now = self.desk.current(marked)  # one read of the index, not one a marked article
        moving = [a for a in marked if now[a].story != story.id]
        if not moving:
            self.screen.notify("Mark (m) the articles to move, then press this key on the "
                               "story they belong to.", severity="warning")
            return
        together = tuple(moving)  # kept apart from what stays behind, not from each other
        self._correct([Move(a, story.id, together) for a in moving],
                      f"Moved {plural(len(moving), 'article')} into this story")

    def split(self) -> None:
        sl = self.screen.stories
        story = sl.story
        if story is None:
            return
        marked = self._marked()
        aid = self.screen.current_id()
        if marked:
            now = self.desk.current(marked)
            leaving = [a for a in marked if now[a].story == story.id]
        elif sl.cursor.kind == "article" and aid:
            leaving = [aid]
        else:
            leaving = []
        if not leaving:
            self.screen.notify("Put the cursor on an article of the story (or mark some of its "
                               "articles) to split them out.", severity="warning")
            return
        face = self.desk.face(story.id)
        members = face.article_ids if face else sl.listing.members[story.id]
        if len(set(leaving)) >= len(members):
            self.screen.notify("Splitting every article out would leave the story empty: mark "
                               "only those that should leave.", severity="warning")
            return
        self._correct([Split(story.id, tuple(leaving))],
                      f"Split {plural(len(leaving), 'article')} out into a new story")

    def _run(self, name: str, job: Callable[[], None]) -> None:
        self.screen.run_worker(job, thread=True, group="write", name=name)

    def _correct(self, corrections: list[Correction], label: str) -> None:
        """Apply corrections off the UI thread, then show the regrouped list."""
        def job() -> None:
            try:
                changed = self.desk.correct(corrections, label)
            except Exception as e:  # a locked or damaged workspace: say so, change nothing
                self.screen.post_message(msg.Notice(f"Grouping not changed: {e}", "error"))
                return
            self.screen.post_message(msg.Regrouped(label, changed, undone=False))

        self._run("correct_grouping", job)

    def undo(self, step: Step) -> None:
        """Put the grouping back as it was before a correction made here."""
        def job() -> None:
            try:
                changed = self.desk.undo_regroup(step)
            except Exception as e:  # stale, or a passing failure (the desk keeps that step)
                self.screen.post_message(msg.Notice(f"Not undone: {e}", "error"))
                return
            self.screen.post_message(msg.Regrouped(step.label, changed, undone=True))

        self._run("undo_grouping", job)

    def regrouped(self, event: msg.Regrouped) -> None:
        self.screen.stories.marked.clear()
        n = plural(len(event.changed), "article")
        if not event.undone and not event.changed:
            self.screen.notify("Nothing changed: those articles are already grouped that way.")
            return
        if not event.undone:
            self.screen.notify(f"{event.label} ({n} changed story). Kept in corrections.toml, "
                               "which later ingests respect; u undoes it.")
        else:
            self.screen.notify(f"Undone: {event.label} ({n} changed story back).")
        self.screen.rebuild(self.screen.current_filter(), regrouped=True)
