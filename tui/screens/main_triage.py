"""Triage actions of the main screen: read, star, tag, note, archive, marks, undo.

An action applies to the marked articles when there are any, else to the article under the
cursor (on a story row, the article shown in the reader).
"""

from __future__ import annotations

from tui.keys import binding
from tui.screens.note_editor import NoteEditor
from tui.screens.tag_editor import TagChange, TagEditor


class TriageActions:
    TRIAGE_BINDINGS = [
        binding("main.toggle_read", "toggle_read", "Read/unread", show=False),
        binding("main.star", "star", "Star"),
        binding("main.tag", "tag", "Tag"),
        binding("main.note", "note", "Note"),
        binding("main.archive", "archive", "Archive story", show=False),
        binding("main.mark", "mark", "Mark", show=False),
        binding("main.mark_all", "mark_all", "Mark all shown", show=False),
        binding("main.undo", "undo", "Undo", show=False),
    ]

    def targets(self) -> list[str]:
        """The articles an action applies to, in list order."""
        marked = self.stories.marked
        if marked:
            return [aid for aid in self.stories.listing.article_ids() if aid in marked]
        aid = self.current_id()
        return [aid] if aid else []

    def _story_of(self, aid: str) -> str:
        return self.ws.get(aid).story or aid

    def _stories_of(self, aids: list[str]) -> list[str]:
        return list(dict.fromkeys(map(self._story_of, aids)))

    def _changed(self, label: str, aids: list[str]) -> None:
        self.refresh_rows(*self._stories_of(aids))
        if len(aids) > 1:
            self.notify(f"{label}: {len(aids)} articles")

    def _toggle(self, field: str, on: str, off: str) -> None:
        """Set a flag on every target, or clear it when all of them have it."""
        aids = self.targets()
        if aids:
            value = not all(getattr(self.ws.get(a).triage, field) for a in aids)
            label = on if value else off
            self.triage.change(label, aids, **{field: value})
            self._changed(label, aids)

    def action_toggle_read(self) -> None:
        self._toggle("read", "marked read", "marked unread")

    def action_star(self) -> None:
        self._toggle("starred", "starred", "unstarred")

    def action_tag(self) -> None:
        aids = self.targets()
        if not aids:
            return
        single = len(aids) == 1
        a = self.ws.get(aids[0])
        title = a.title if single else f"{len(aids)} marked articles"
        current = list(a.triage.tags) if single else []

        def done(change: TagChange | None) -> None:
            if change and (change.add or change.remove):
                self.triage.change("tagged", aids, add_tags=change.add,
                                   remove_tags=change.remove)
                self._changed("tagged", aids)

        self.app.push_screen(TagEditor(title, self.ws.tags(), current, replace=single), done)

    def action_note(self) -> None:
        aid = self.current_id()
        if aid is None:
            return
        a = self.ws.get(aid)
        unsaved = self.triage.unsaved_notes.get(aid)
        text = unsaved if unsaved is not None else a.triage.note

        def done(new: str | None) -> None:
            if new is None:
                return
            if new.strip() == "":
                new = ""
            if new != a.triage.note or unsaved is not None:
                self.triage.change("note", [aid], note=new)
                self._changed("note", [aid])

        self.app.push_screen(NoteEditor(a.title, text, unsaved=unsaved is not None), done)

    def action_archive(self) -> None:
        aids = self.targets()
        sids = set(self._stories_of(aids))
        stories = [s for s in self.stories.listing.stories if s.id in sids]
        if not stories:
            return
        value = not all(s.archived for s in stories)
        label = "archived" if value else "brought back"
        self.triage.archive(label, stories, value)
        self.notify(f"{label}: {len(stories)} " + ("story" if len(stories) == 1 else "stories"))
        self.stories.marked.clear()
        self.rebuild(self.current_filter())

    def action_mark(self) -> None:
        sl = self.stories
        story = sl.story
        if story is None:
            return
        ids = ([self.current_id()] if sl.cursor.kind == "article"
               else sl.listing.members[story.id])
        if all(a in sl.marked for a in ids):
            sl.marked.difference_update(ids)
        else:
            sl.marked.update(ids)
        sl.action_cursor_down()
        self.refresh_rows()

    def action_mark_all(self) -> None:
        sl = self.stories
        shown = sl.listing.article_ids()
        if shown and all(a in sl.marked for a in shown):
            sl.marked.clear()
        else:
            sl.marked.update(shown)
        self.refresh_rows()

    def action_undo(self) -> None:
        if self.correcting():  # its undo step is recorded when it is written
            self.notify("A grouping correction is being saved: undo in a moment.")
            return
        step = self.triage.undo()
        if step is None:
            self.notify("Nothing to undo.")
            return
        if step.regroup is not None:
            self.undo_grouping(step.label, step.regroup)
            return
        self.notify(f"Undone: {step.label}")
        faces = self.faces_by_id()
        for sid, archived in step.stories:
            if sid in faces:
                faces[sid].archived = archived
        if step.stories:
            self.rebuild(self.current_filter())
        else:
            self.refresh_rows(*self._stories_of([s.aid for s in step.articles]))
