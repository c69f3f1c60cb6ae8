"""Every key, generated from the active keymap and the bindings the code declares.

:func:`key_rows` is shared by the help screen and ``scripts/keytable.py`` (the README's table).
"""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Label, Static

from tui.core.textutil import display_rtl
from tui.keys import binding, reader_scrolling
from tui.screens import (
    dialogs,
    export_dialog,
    ingest_dialog,
    main,
    note_editor,
    query_dialog,
    tag_editor,
)
from tui.screens.app_keys import AppKeys
from tui.screens.compare import CompareScreen
from tui.screens.dialog_base import Dialog
from tui.widgets import legend as legend_data
from tui.widgets import reader, story_list
from tui.widgets.keylabels import keys_label

SECTIONS = {
    "app": "Anywhere",
    "main": "Stories and articles",
    "reader": "Reader",
    "compare": "Comparison view",
    "dialog": "Dialogs",
}
# Ids bound by several widgets with different wording: one description for the table.
SHARED = {
    "dialog.cancel": "Cancel or close a dialog (the note editor too: nothing is saved)",
    "dialog.submit": "Save or confirm a dialog",
    "main.quit": "Back to the list, or quit from the list",
    "main.open": "Open the article (or apply a saved filter)",
    "app.close_palette": "Close the command palette (as Esc does there)",
    "main.copy": "Copy: the selection or the whole article (reader), the address (list)",
}


def declared_bindings() -> dict[str, str]:
    """Binding id -> description, from every screen and widget of the app."""
    classes = [
        AppKeys,
        main.MainScreen,
        story_list.StoryList,
        reader.Reader,
        tag_editor.TagEditor,
        note_editor.NoteEditor,
        query_dialog.QueryDialog,
        export_dialog.ExportDialog,
        ingest_dialog.IngestDialog,
        dialogs.TextDialog,
        HelpScreen,
        CompareScreen,
    ]
    out: dict[str, str] = dict(SHARED)
    for cls in classes:
        for b in getattr(cls, "BINDINGS", []):
            bid = getattr(b, "id", None)
            if bid and bid not in out and getattr(b, "description", ""):
                out[bid] = b.description
    return out


def key_rows(keymap: dict[str, str]) -> list[tuple[str, str, str, str]]:
    """(section, binding id, keys as typed in TOML, description), in keymap order."""
    described = declared_bindings()
    rows = []
    for bid, keys in keymap.items():
        section = SECTIONS.get(bid.split(".", 1)[0], "Other")
        rows.append((section, bid, keys, described.get(bid, bid.split(".", 1)[-1])))
    return rows


def merged_rows(keymap: dict[str, str]) -> list[tuple[str, list[str], str]]:
    """(section, key labels, description): bindings that follow each other in a section with
    one description (Tab and Shift+Tab: "Other pane") make one row, their keys joined by "/",
    never the same words twice in a row."""
    rows: list[tuple[str, list[str], str]] = []
    for sec, _bid, keys, what in key_rows(keymap):
        label = keys_label(keys, limit=4)
        if rows and rows[-1][0] == sec and rows[-1][2] == what:
            rows[-1][1].append(label)
        else:
            rows.append((sec, [label], what))
    return rows


def _pairs(title: str, rows, width: int = 18) -> list:
    table = Table(box=None, show_header=False, padding=(0, 1), expand=True)
    table.add_column("mark", style="bold", no_wrap=True, width=width)
    table.add_column("what", ratio=1)
    for mark, what in rows:
        table.add_row(display_rtl(mark), what)
    return [Text("\n" + title, style="bold underline"), table]


def legend() -> Group:
    """The marks of the list, the columns' order of giving way, the settings."""
    return Group(
        *_pairs("Marks in the list", legend_data.MARKS),
        Text(legend_data.COLUMNS_NOTE, style="italic"),
        *_pairs("Right-to-left layout (b)", legend_data.RTL_HELP),
        Text(legend_data.RTL_NOTE, style="italic"),
        *_pairs("Settings (config.toml)", legend_data.SETTINGS),
    )


def help_sections(keymap: dict[str, str]) -> list[tuple[str, Group]]:
    """(section id, its titled table of keys) per section, in keymap order (titles span the
    width: never cut). The id is the binding ids' prefix (``compare``), "other" else."""
    ids = {title: sid for sid, title in SECTIONS.items()}
    tables: dict[str, Table] = {}
    for sec, labels, what in merged_rows(keymap):
        if sec not in tables:
            table = Table(box=None, show_header=False, padding=(0, 1), expand=True)
            table.add_column("keys", style="bold", no_wrap=True, width=18)
            table.add_column("what", ratio=1)
            tables[sec] = table
        tables[sec].add_row(" / ".join(labels), what)
    return [
        (
            ids.get(sec, "other"),
            Group(Text(("\n" if n else "") + sec, style="bold underline"), table),
        )
        for n, (sec, table) in enumerate(tables.items())
    ]


class HelpScreen(Dialog[None]):
    """The keys of the active keymap, by screen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        binding("dialog.cancel", "close", "Close help"),
        binding("main.quit", "close", "Close help", show=False),
        binding("app.help", "close", "Close help", show=False),
        *reader_scrolling(),  # long text scrolls with the reader's keys, not the arrows alone
    ]

    def __init__(
        self, keymap: dict[str, str], keymap_name: str = "default", section: str | None = None
    ) -> None:
        """``section``: the section of the screen help was asked from (``compare``,
        ``reader``, ``main``...), shown at the top; None: from the top."""
        super().__init__()
        self.keymap, self.keymap_name, self.section = keymap, keymap_name, section

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog--tall", id="help"):
            close = keys_label(self.keymap.get("dialog.cancel", "escape"), limit=1)
            palette = keys_label(self.keymap.get("app.palette", "ctrl+p"), limit=1)
            yield Label(
                f"Keys ({self.keymap_name} keymap), then every mark and setting: "
                f"{close} closes, {palette} lists every command",
                classes="dialog--title",
            )
            with VerticalScroll(classes="dialog--scroll", id="help-scroll"):
                for sid, group in help_sections(self.keymap):
                    yield Static(group, id=f"help-{sid}", classes="help-section")
                yield Static(legend(), id="help-legend")

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()
        if self.section:
            self.call_after_refresh(self._show_section)

    def _show_section(self) -> None:
        """Scrolled to the section of the screen help came from (the keys of "Anywhere" are
        a page above)."""
        found = self.query(f"#help-{self.section}")
        if found:
            self.query_one("#help-scroll", VerticalScroll).scroll_to_widget(
                found.first(), top=True, animate=False
            )

    def action_scroll(self, how: str) -> None:
        scroll = self.query_one("#help-scroll", VerticalScroll)
        getattr(scroll, f"scroll_{how}")(animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
