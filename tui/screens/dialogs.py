"""Small dialogs: a scrollable text (explanations, problems) and a one-line prompt."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Label, Static

from tui.core.textutil import display_rtl, safe_line, safe_text
from tui.keys import binding, reader_scrolling
from tui.screens.dialog_base import Dialog
from tui.widgets.fields import LineInput
from tui.widgets.keylabels import keys_label
from tui.widgets.palette import terminal_bidi


def shown_title(app, text: str) -> Text:
    """A dialog title drawn as the reader draws text: right-to-left runs in visual order
    (python-bidi, marks kept on their letters), unless the layout is "off" (a terminal that
    reorders by itself)."""
    line = safe_line(text)
    mode = getattr(getattr(app, "config", None), "rtl_layout", "auto")
    keep = mode == "off" or (mode == "auto" and terminal_bidi())
    return Text(line if keep else display_rtl(line))


class TextDialog(Dialog[None]):
    """Lines of text to read; any of the back keys closes it."""

    BINDINGS = [
        binding("dialog.cancel", "close", "Close"),
        binding("main.quit", "close", "Close", show=False),
        binding("main.open", "close", "Close", show=False),
        *reader_scrolling(),  # long text scrolls with the reader's keys, not the arrows alone
    ]

    def __init__(self, title: str, lines: list[str]) -> None:
        super().__init__()
        self.title_text = title
        self.lines = lines

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(shown_title(self.app, self.title_text), classes="dialog--title")
            with VerticalScroll(classes="dialog--scroll"):
                yield Static(Text(safe_text("\n".join(self.lines))), classes="dialog--body")
            yield Label(self.close_hint(), classes="dialog--hint")

    def close_hint(self) -> str:
        """How to close it, in the active keymap ("Esc, q or Enter closes"): it said nothing,
        and the key bar is behind it."""
        keys = getattr(self.app, "keys", None) or {}
        said = [keys_label(keys.get(bid, fallback), 1) for bid, fallback in (
            ("dialog.cancel", "escape"), ("main.quit", "q"), ("main.open", "enter"))]
        said = [k for k in dict.fromkeys(said) if k]
        return (", ".join(said[:-1]) + " or " + said[-1] if len(said) > 1 else said[0]) + " closes"

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    def action_scroll(self, how: str) -> None:
        getattr(self.query_one(VerticalScroll), f"scroll_{how}")(animate=False)

    def action_close(self) -> None:
        self.dismiss(None)


class PromptDialog(Dialog[str | None]):
    """Ask for one line of text (a saved filter's name...)."""

    BINDINGS = [binding("dialog.cancel", "cancel", "Cancel")]

    def __init__(self, title: str, value: str = "", placeholder: str = "") -> None:
        super().__init__()
        self.title_text, self.value, self.placeholder = title, value, placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog--small"):
            yield Label(Text(safe_line(self.title_text)), classes="dialog--title")
            yield LineInput(self.value, placeholder=self.placeholder, id="prompt")
            keys = getattr(self.app, "keys", None) or {}
            yield Label(f"Enter saves · {keys_label(keys.get('dialog.cancel', 'escape'), 1)} "
                        "cancels", classes="dialog--hint")

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
