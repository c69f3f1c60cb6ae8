"""The key bar at the foot of a screen: the keys that matter there, fitted to the width.

Textual's ``Footer`` shows every binding marked ``show`` and cuts the rest at the right edge
(at 80 columns the main screen lost ``?``). The bar shows a chosen list per screen and mode,
most important first, with the keys the keymap has; what does not fit is left out from the
end, and the help key is always kept (it lists everything else).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from tui.keys import default_keys
from tui.widgets.keylabels import keys_label

# (binding id, short label), most important first; "app.help" is always shown.
KEYS: dict[str, tuple[tuple[str, str], ...]] = {
    "list": (("main.toggle_read", "read"), ("main.star", "star"), ("main.tag", "tag"),
             ("main.mark", "mark"), ("main.undo", "undo"), ("main.ingest", "ingest"),
             ("main.export", "export"), ("main.search", "search"), ("main.filter", "filter"),
             ("main.note", "note"), ("main.compare", "compare"), ("main.sort", "sort"),
             ("main.open_origin", "origin"), ("main.open", "open"), ("main.quit", "quit")),
    "reader": (("main.quit", "back"), ("main.toggle_read", "read"), ("main.star", "star"),
               ("main.tag", "tag"), ("main.note", "note"), ("main.open_origin", "origin"),
               ("main.copy", "copy"), ("main.compare", "compare"), ("main.toggle_raw", "original"),
               ("main.undo", "undo"), ("main.explain", "why")),
    # "back" third: when it came last it was cut at 80 and 100 columns (no way out was shown)
    "compare": (("compare.next_change", "next change"), ("compare.previous_change", "previous"),
                ("compare.back", "back"), ("compare.top", "top"), ("compare.bottom", "end"),
                ("compare.swap", "swap"), ("compare.layout", "layout"),
                ("compare.unique", "unique"), ("compare.next_left", "next left"),
                ("compare.next_right", "next right")),
    "missing": (("main.ingest", "ingest"), ("main.quit", "quit")),  # no workspace yet
}
HELP = ("app.help", "help")


def key_bar(pairs: Sequence[tuple[str, str]], keys: Mapping[str, str], width: int,
            key_style: Style | str = "bold") -> Text:
    """``pairs`` as `` key label`` items that fit in ``width`` cells, help last."""
    items = []
    for bid, label in pairs:
        if keys.get(bid):
            items.append((keys_label(keys[bid], 1), label))
    help_item = (keys_label(keys.get(HELP[0], "question_mark"), 1), HELP[1])
    room = width - cell_len(f"  {help_item[0]} {help_item[1]}")
    shown = []
    for key, label in items:
        need = cell_len(f"  {key} {label}")
        if need > room:
            break
        shown.append((key, label))
        room -= need
    out = Text(no_wrap=True, overflow="crop")
    for n, (key, label) in enumerate([*shown, help_item]):
        out.append((" " if n == 0 else "  ") + key, key_style)
        out.append(f" {label}")
    return out


class KeyBar(Widget):
    """One line of keys for the current mode (``KEYS[mode]``). Blank while a dialog covers its
    screen: the dialog has the keys then (the bar showed "r read  s star" under the note
    editor, where r and s type letters, and "? help" under the help itself)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"keybar--key"}
    mode: reactive[str] = reactive("list")
    covered: reactive[bool] = reactive(False)

    def __init__(self, mode: str = "list", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(KeyBar.mode, mode)

    def on_mount(self) -> None:
        self.app.screen_change_signal.subscribe(self, self._screen_changed)

    def _screen_changed(self, screen: object) -> None:
        self.covered = screen is not self.screen

    def render(self) -> Text:
        if self.covered:
            return Text("")
        keys = getattr(self.app, "keys", None) or default_keys()  # an app without a keymap
        return key_bar(KEYS.get(self.mode, ()), keys, self.content_size.width or 80,
                       self.get_component_rich_style("keybar--key"))
