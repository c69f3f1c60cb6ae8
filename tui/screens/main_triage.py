"""The main screen's triage keys: read, star, tag, note, archive, marks, undo.

An action applies to the screen's targets (``DeskScreen.targets``): the marked articles when
there are any; else, on a story row, the whole story (every article the list shows of it, as
newsboat's ``A`` and elfeed's ``r`` on a region do); else the article under the cursor. Each
action is one undo step, however many articles it changed. The desk changes the articles and
saves them; this class only decides which.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.workspace.errors import WorkspaceError
from tui.desk.steps import Flag, Step
from tui.keys import binding
from tui.screens import main_messages as msg
from tui.screens.main_header import plural
from tui.screens.main_host import DeskScreen, ScreenKeys

if TYPE_CHECKING:  # the editors are imported on their key's first press (issue 16)
    from tui.screens.tag_editor import TagChange

TRIAGE_BINDINGS = [
    binding("main.toggle_read", "toggle_read", "Read/unread (a story row: the whole story)",
            show=False),
    binding("main.story_read", "story_read", "Mark the whole story read", show=False),
    binding("main.star", "star", "Star"),
    binding("main.tag", "tag", "Tag"),
    binding("main.note", "note", "Note"),
    binding("main.archive", "archive", "Archive story", show=False),
    binding("main.mark", "mark", "Mark", show=False),
    binding("main.mark_all", "mark_all", "Mark all shown", show=False),
    binding("main.undo", "undo", "Undo", show=False),
]


class TriageKeys(ScreenKeys):
    def __init__(self, screen: DeskScreen) -> None:
        super().__init__(screen)
        self.desk.writer.on_progress = self._saving  # a change of many articles, saved
        self.desk.counts.on_recounted = self._recounted  # counts changed once saved

    def _saving(self, label: str, done: int, total: int, failed: int) -> None:
        """From the writer thread: how far the save of a change of many articles got."""
        text = f"Saving ({label}): {done:,} of {total:,} articles"
        text += f", {failed:,} not saved" if failed else ""
        self.screen.post_message(msg.Progress(text, done=done >= total))

    def _recounted(self, story_ids: list[str]) -> None:
        """From the writer thread: these stories' counts changed once their saves were done
        (another process changed their articles meanwhile)."""
        self.screen.post_message(msg.Recounted(story_ids))

    def _changed(self, label: str, aids: list[str]) -> None:
        self.screen.refresh_rows(*self.desk.stories_of(aids), articles=aids)
        if len(aids) > 1:
            self.screen.notify(f"{label}: {plural(len(aids), 'article')} (u undoes it)")

    def read_ahead(self) -> None:
        """The cursor came to a row: its story's saved triage read ahead, off this thread."""
        sl = self.screen.stories  # (no story: none to read, nor to read again)
        self.desk.read_ahead(() if sl.story is None else sl.listing.members.get(sl.story.id, ()))

    def next_unread(self) -> None:
        """The cursor to the next unread article below it (stories with none are passed by)."""
        sl = self.screen.stories
        stories, cur = sl.listing.stories, sl.cursor
        start = cur.index if cur.kind != "filter" else 0
        after = cur.article if cur.kind == "article" else -1
        for si in sl.listing.unread_from(start):
            ids = sl.listing.members[stories[si].id]
            now = self.desk.current(ids)  # no file read: memory, else the index
            for ai, aid in enumerate(ids):
                if si == start and cur.kind != "filter" and ai <= after:
                    continue
                if not now[aid].triage.read:
                    sl.goto(stories[si].id, aid)
                    return
        self.screen.notify("No unread article below.")

    def toggle(self, flag: Flag) -> None:
        """Set a flag on every target, or clear it when all of them have it."""
        aids = self.screen.targets()
        if aids:
            self._changed(self.desk.toggle(flag, aids), aids)

    def story_read(self) -> None:
        """Mark every article shown of the cursor's story read (one undo step)."""
        sl = self.screen.stories
        story = sl.story
        if story is None:
            self.screen.nothing_here()
            return
        members = sl.listing.members.get(story.id, [])
        now = self.desk.current(members)
        unread = [a for a in members if not now[a].triage.read]
        if not unread:
            self.screen.notify("Every article of this story is read.")
            return
        self.desk.set_read(unread, "story read", now)
        self.screen.refresh_rows(story.id, articles=unread)
        self.screen.notify(f"Story read: {plural(len(unread), 'article')} (u undoes it)")

    def tag(self) -> None:
        aids = self.screen.targets()
        if not aids:
            return
        single = len(aids) == 1
        a = self.desk.get(aids[0])
        title = a.title if single else f"{len(aids)} articles"
        if not single and not self.screen.stories.marked and self.screen.stories.story:
            title = f"the story {self.screen.stories.story.title!r} ({len(aids)} articles)"
        current = list(a.triage.tags) if single else []

        def done(change: TagChange | None) -> None:
            if change and (change.add or change.remove):
                self.desk.tag(aids, change.add, change.remove)
                self._changed("tagged", aids)

        from tui.screens.tag_editor import TagEditor  # noqa: PLC0415 (tui.app_later)

        self.screen.app.push_screen(TagEditor(title, self.desk.tags(), current, replace=single),
                                    done)

    def note(self) -> None:
        aid = self.screen.current_id()
        if aid is None:
            self.screen.nothing_here()
            return
        a = self.desk.get(aid)
        unsaved = self.desk.unsaved_notes.get(aid)
        text = unsaved if unsaved is not None else a.triage.note

        def done(new: str | None) -> None:
            if new is not None and self.desk.note(aid, new):
                self._changed("note", [aid])

        from tui.screens.note_editor import NoteEditor  # noqa: PLC0415 (tui.app_later)

        self.screen.app.push_screen(NoteEditor(a.title, text, unsaved=unsaved is not None),
                                    done)

    def archive(self) -> None:
        try:
            value, n = self.desk.archive(self.desk.stories_of(self.screen.targets()))
        except WorkspaceError as e:  # a story file known damaged: refused, nothing changed
            self.screen.notify(f"Not saved (archived): {e}.", severity="error", timeout=10)
            return
        if not n:
            return
        label = "archived" if value else "brought back"
        self.screen.notify(f"{label}: {n} " + ("story" if n == 1 else "stories"))
        self.screen.stories.marked.clear()
        self.screen.rebuild(self.screen.current_filter())

    def mark(self) -> None:
        sl = self.screen.stories
        story = sl.story
        if story is None:
            self.screen.nothing_here()
            return
        aid = self.screen.current_id()
        ids = [aid] if sl.cursor.kind == "article" and aid else sl.listing.members[story.id]
        if all(a in sl.marked for a in ids):
            sl.marked.difference_update(ids)
        else:
            sl.marked.update(ids)
        sl.action_cursor_down()
        self.screen.refresh_rows()

    def mark_all(self) -> None:
        sl = self.screen.stories
        shown = sl.listing.article_ids()
        if shown and all(a in sl.marked for a in shown):
            sl.marked.clear()
        else:
            sl.marked.update(shown)
        self.screen.refresh_rows()

    def undo(self) -> Step | None:
        """Undo the last step; a grouping correction or a saved filter is returned for the
        screen to hand to the helper that writes it (off the UI thread)."""
        step = self.desk.undo()
        if step is None:
            self.screen.notify("Nothing to undo.")
            return None
        if step.regroup is not None or step.filters:
            return step
        self.screen.notify(f"Undone: {step.label}")
        if step.stories:
            self.screen.rebuild(self.screen.current_filter())
        else:
            aids = [s.aid for s in step.articles]
            self.screen.refresh_rows(*self.desk.stories_of(aids), articles=aids)
        return None
