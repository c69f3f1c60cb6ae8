"""The tag editor: a comma-separated list of tags, completing existing tags fuzzily.

For one article the field starts with its tags and the result is the edited list. For a
selection it starts empty: typed tags are added, ``-tag`` removes one.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList

from tui.core.textutil import safe_line
from tui.keys import binding
from tui.screens.dialog_base import Dialog
from tui.screens.dialogs import shown_title
from tui.widgets.fields import LineInput
from tui.widgets.keylabels import keys_label

SHOWN = 6


@dataclass(frozen=True, slots=True)
class TagChange:
    add: tuple[str, ...]
    remove: tuple[str, ...]


def split_tags(value: str) -> list[str]:
    return [t for t in (safe_line(x).strip() for x in value.split(",")) if t and t != "-"]


def tag_change(value: str, current: list[str], *, replace: bool) -> TagChange:
    """What editing the field to ``value`` means for tags ``current``."""
    tokens = split_tags(value)
    removed = [t[1:].strip() for t in tokens if t.startswith("-")]
    wanted = [t for t in tokens if not t.startswith("-")]
    if replace:
        removed += [t for t in current if t not in wanted]
    add = tuple(dict.fromkeys(t for t in wanted if t not in current or not replace))
    return TagChange(add, tuple(dict.fromkeys(t for t in removed if t and t not in add)))


def suggest(fragment: str, tags: list[str], typed: list[str], limit: int = SHOWN) -> list[str]:
    """Existing tags matching ``fragment`` best first (all of them, sorted, when empty)."""
    pool = [t for t in tags if t not in typed]
    fragment = fragment.lstrip("-").strip()
    if not fragment:
        return pool[:limit]
    hits = process.extract(fragment, pool, scorer=fuzz.WRatio, limit=limit, score_cutoff=50)
    return [h[0] for h in hits]


class TagEditor(Dialog[TagChange | None]):
    BINDINGS = [
        binding("dialog.cancel", "cancel", "Cancel"),
        binding("dialog.submit", "submit", "Save"),
        binding("dialog.complete", "complete", "Complete"),
        binding("dialog.next", "next", "Next suggestion", show=False),
        binding("dialog.previous", "previous", "Previous suggestion", show=False),
    ]

    def __init__(self, title: str, all_tags: list[str], current: list[str], *,
                 replace: bool = True) -> None:
        super().__init__()
        self.title_text, self.all_tags = title, all_tags
        self.current, self.replace = current, replace

    def compose(self) -> ComposeResult:
        keys = getattr(self.app, "keys", {})
        start = ", ".join(self.current) + ", " if self.replace and self.current else ""
        with Vertical(classes="dialog", id="tag-editor"):
            yield Label(shown_title(self.app, "Tags: " + self.title_text),
                        classes="dialog--title")
            yield LineInput(start, placeholder="tag, another tag, -tag to remove",
                            id="tag-input", joiner=", ")  # pasted lines: a tag each
            yield OptionList(id="tag-suggestions")
            yield Label(f"Enter save · {keys_label(keys.get('dialog.complete', 'tab'))} "
                        f"complete · {keys_label(keys.get('dialog.cancel', 'escape'))} cancel",
                        classes="dialog--hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._refresh_suggestions(self.query_one(Input).value)

    @on(Input.Changed)
    def changed(self, event: Input.Changed) -> None:
        self._refresh_suggestions(event.value)

    def _refresh_suggestions(self, value: str) -> None:
        *done, fragment = value.split(",") if value else [""]
        typed = split_tags(",".join(done))
        options = self.query_one(OptionList)
        options.set_options([Text(t) for t in suggest(fragment, self.all_tags, typed)])
        options.highlighted = 0 if options.option_count else None
        options.display = bool(options.option_count)

    def action_complete(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return
        tag = str(options.get_option_at_index(options.highlighted).prompt)
        field = self.query_one(Input)
        *done, fragment = field.value.split(",")
        sign = "-" if fragment.strip().startswith("-") else ""
        field.value = ", ".join([d.strip() for d in done if d.strip()] + [sign + tag]) + ", "
        field.cursor_position = len(field.value)

    def action_next(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_previous(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    @on(OptionList.OptionSelected)
    def picked(self, event: OptionList.OptionSelected) -> None:
        self.action_complete()
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        self._finish(event.value)  # the value as Enter was pressed, whatever came after

    def action_submit(self) -> None:
        self._finish(self.query_one(Input).value)

    def _finish(self, value: str) -> None:
        self.dismiss(tag_change(value, self.current, replace=self.replace))  # (once: Dialog)

    def action_cancel(self) -> None:
        self.dismiss(None)
