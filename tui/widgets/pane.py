"""A scrolling pane whose border title says when it has the focus (a pointer, seen without
colour as well as with it): the story list and the reader."""

from __future__ import annotations

from textual.scroll_view import ScrollView


class Pane(ScrollView):
    """A :class:`ScrollView` titled by :meth:`pane_title`, with ``▶`` while it has the focus."""

    def pane_title(self) -> str:
        raise NotImplementedError

    def on_mount(self) -> None:
        self._retitle()

    def on_focus(self) -> None:
        self._retitle(True)

    def on_blur(self) -> None:
        self._retitle(False)

    def _retitle(self, focused: bool | None = None) -> None:
        focused = self.has_focus if focused is None else focused
        self.border_title = ("▶ " if focused else "") + self.pane_title()
