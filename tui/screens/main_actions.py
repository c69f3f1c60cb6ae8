"""The main screen's keys that its helper objects do (triage, grouping, tools): Textual looks
an action up on the screen, so each is a one-line method here, calling its helper."""

from __future__ import annotations

from tui.screens.main_status import StatusScreen
from tui.screens.main_stories import GroupingKeys
from tui.screens.main_tools import ToolKeys
from tui.screens.main_triage import TriageKeys


class ActionScreen(StatusScreen):
    """The main screen's keys its helpers do (``MainScreen`` makes the helpers)."""

    triage: TriageKeys
    grouping: GroupingKeys
    tools: ToolKeys

    def apply_query(self, query: str, typed: bool = False) -> None:
        self.tools.apply_query(query, typed)  # (typed: / or f, a new search goes to its top)

    def action_toggle_read(self) -> None:
        self.triage.toggle("read")

    def action_star(self) -> None:
        self.triage.toggle("starred")

    def action_story_read(self) -> None:
        self.triage.story_read()

    def action_tag(self) -> None:
        self.triage.tag()

    def action_note(self) -> None:
        self.triage.note()

    def action_archive(self) -> None:
        self.triage.archive()

    def action_mark(self) -> None:
        self.triage.mark()

    def action_mark_all(self) -> None:
        self.triage.mark_all()

    def action_undo(self) -> None:
        if self.grouping.correcting():  # its undo step is recorded when it is written
            self.notify("A grouping correction is being saved: undo in a moment.")
            return
        step = self.triage.undo()
        if step is not None and step.regroup is not None:
            self.grouping.undo(step)
        elif step is not None:
            self.tools.undo_filters(step)

    def action_join(self) -> None:
        self.grouping.join()

    def action_move_here(self) -> None:
        self.grouping.move_here()

    def action_split(self) -> None:
        self.grouping.split()

    def action_search(self) -> None:
        self.tools.search()

    def action_filter(self) -> None:
        self.tools.filter()

    def action_clear_filter(self) -> None:
        self.apply_query("")

    def action_save_filter(self) -> None:
        self.tools.save_filter()

    def action_delete_filter(self) -> None:
        self.tools.delete_filter()

    def action_compare(self) -> None:
        self.tools.compare()

    def action_export(self) -> None:
        self.tools.export()

    def action_ingest(self) -> None:
        self.tools.ingest()

    def action_refresh_feeds(self) -> None:
        self.tools.refresh_feeds()

    def action_explain(self) -> None:
        self.tools.explain()
