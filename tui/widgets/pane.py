"""A scrolling pane whose border title says when it has the focus (a pointer, seen without
colour as well as with it): the story list and the reader."""

from __future__ import annotations

from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.widget import Widget


class Pane(ScrollView):
    """A :class:`ScrollView` titled by :meth:`pane_title`, with ``▶`` while it has the focus."""

    _style_sig: tuple | None = None

    def pane_title(self) -> str:
        raise NotImplementedError

    def style_changed(self) -> bool:
        """Called on a style update: whether more than the focus changed (the stylesheet, the
        theme, a class of the app, the screen or the pane). A focus change restyles the pane
        too (twice a key for open and back), and must not make it lay its text out again."""
        app = self.app
        sig = (app.theme, app.ansi_color, app.no_color, id(app.stylesheet.rules),
               frozenset(app.classes), frozenset(self.screen.classes), frozenset(self.classes))
        changed, self._style_sig = sig != self._style_sig, sig
        return changed

    def on_mount(self) -> None:
        self._retitle()

    def on_focus(self) -> None:
        self._retitle(True)

    def on_blur(self) -> None:
        self._retitle(False)

    def _retitle(self, focused: bool | None = None) -> None:
        focused = self.has_focus if focused is None else focused
        self.border_title = ("▶ " if focused else "") + self.pane_title()

    def set_virtual_size(self, size: Size) -> None:
        """Set the scrollable size, laying the screen out again only when that changes a
        scrollbar.

        ``virtual_size`` is a layout reactive: every change lays out and repaints the whole
        screen (half the CPU of a cursor move). A pane's own size is set by the stylesheet,
        so a new length that keeps the scrollbars as they are needs only the scrollbar's
        thumb and this pane redrawn.
        """
        if size == self.virtual_size:
            return
        if not self.is_mounted or not self.container_size:
            self.virtual_size = size  # the first layout is still to come
            return
        self.set_reactive(Widget.virtual_size, size)
        # Textual's own update after a resize: it sets the scrollbars' thumbs and shows or
        # hides them (``show_vertical_scrollbar`` is a layout reactive: a bar that comes or
        # goes lays the screen out), and keeps the scroll offset in range.
        self._scroll_update(size)
        self.refresh()
