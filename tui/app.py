"""The Wiredesk app: triage news from the keyboard.

:func:`make_app` builds the app (used by :func:`run`, the tests and the screenshot script);
:func:`run` is what ``wiredesk`` and ``wiredesk demo`` call.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterable
from functools import partial
from pathlib import Path

from textual import work
from textual.app import App, SystemCommand
from textual.screen import Screen

from tui.config import Config, ConfigError, load_config, user_keymap_path
from tui.keys import KeymapError, binding, resolve_keymap
from tui.screens.triage import Triage
from tui.widgets.keylabels import keys_label


class WiredeskApp(App[int]):
    CSS_PATH = "wiredesk.tcss"
    TITLE = "Wiredesk"
    BINDINGS = [
        binding("app.quit", "quit", "Quit", show=False, priority=True),
        binding("app.help", "help", "Help"),
        binding("app.palette", "command_palette", "Commands", show=False, priority=True),
    ]

    def __init__(self, root: Path, *, keys: dict[str, str], keymap_name: str = "default",
                 config: Config | None = None, workspace=None) -> None:
        super().__init__()
        self.root = Path(root)
        self.keys = keys
        self.keymap_name = keymap_name
        self.config = config or Config()
        self.ws = workspace
        self.triage: Triage | None = None
        self.error: str | None = None  # why the workspace could not be opened
        self.leftover_notes: dict[str, str] = {}  # notes that could not be saved, printed
        self._quit_asked = False

    def on_mount(self) -> None:
        if self.config.theme in self.available_themes:
            self.theme = self.config.theme
        self.set_keymap(self.keys)
        if self.ws is None:  # a big workspace takes seconds: read it in a worker
            from tui.screens.loading import LoadingScreen

            self.push_screen(LoadingScreen(self.root))
            self.open_workspace()
        else:
            self._workspace_ready(self.ws)

    @work(thread=True, exclusive=True, group="open")
    def open_workspace(self) -> None:
        from tui.core.workspace import Workspace, WorkspaceError
        from tui.core.workspace.lock import WorkspaceLocked
        from tui.screens.listing import build_listing

        # Reading creates ~10 objects per article and frees almost none: collecting garbage
        # meanwhile halves the speed (4.1 s -> 2.2 s at 100,000 articles).
        gc.disable()
        try:
            ws = Workspace.open(self.root)
            listing = build_listing(ws, None)  # story faces and the list, off the UI thread
        except (WorkspaceError, WorkspaceLocked, OSError) as e:
            self.error = str(e)
            self.call_from_thread(self.exit, 1, 1)
            return
        finally:
            # The workspace's objects live all session: keep them out of every later GC pass
            # (else the first full collection rescans them all: ~0.4 s at 100,000 articles).
            gc.freeze()
            gc.enable()
        self.call_from_thread(self._workspace_ready, ws, listing)

    def _workspace_ready(self, ws, listing=None) -> None:
        from tui.screens.main import MainScreen

        self.ws = ws
        gc.freeze()
        self.triage = Triage(ws, on_error=self._save_failed)
        self.run_worker(self.triage.drain, thread=True, group="saver", name="saver")
        if len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(MainScreen(ws, self.triage, self.config, listing))
        if ws.problems:
            shown = "\n".join(ws.problems[:5])
            more = len(ws.problems) - 5
            self.notify(shown + (f"\n...and {more} more" if more > 0 else ""),
                        title="Damaged workspace files (left out)", severity="warning",
                        timeout=15)

    def on_unmount(self) -> None:
        if self.triage is not None:
            self.triage.flush(timeout=5.0)
            self.triage.abandon()

    def _save_failed(self, label: str, error: Exception) -> None:
        """Called from the saving thread: say what was not saved."""
        kept = " Your note is kept: open the note editor again to retry." if label == "note" \
            else ""
        self.call_from_thread(self.notify, f"Not saved ({label}): {error}.{kept}",
                              severity="error", timeout=10)

    async def action_quit(self) -> None:
        """Save what is queued, then leave; asked twice, leave anyway (notes are printed)."""
        if self.triage is not None:
            saved = self.triage.flush(timeout=12.0) and not self.triage.unsaved_notes
            if not saved and not self._quit_asked:
                self._quit_asked = True
                self.notify("Some changes are not saved (is another Wiredesk writing?). "
                            "Quit again to leave anyway: unsaved notes are printed on exit.",
                            severity="error", timeout=15)
                return
            self.triage.stop()
            self.leftover_notes = dict(self.triage.unsaved_notes)
        self.exit(0)

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.keys, self.keymap_name))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every action of the screen (with its keys), then Textual's own commands."""
        seen = set()
        for cls in type(screen).__mro__:
            for b in getattr(cls, "BINDINGS", []):
                bid = getattr(b, "id", None)
                if not bid or bid in seen or not b.description:
                    continue
                seen.add(bid)
                keys = keys_label(self.keys.get(bid, b.key))
                yield SystemCommand(b.description, f"{keys}  ({bid})",
                                    partial(self.run_action, b.action, screen))
        yield SystemCommand("Help: every key", keys_label(self.keys.get("app.help", "")),
                            self.action_help)
        yield from super().get_system_commands(screen)


def make_app(root: Path | str, *, keymap: str | None = None, config: Config | None = None,
             workspace=None) -> WiredeskApp:
    """The app on the workspace at ``root``; raises ConfigError/KeymapError on bad settings."""
    config = config if config is not None else load_config()
    name = keymap or config.keymap
    keys = resolve_keymap(name, user_keymap_path())
    return WiredeskApp(Path(root), keys=keys, keymap_name=name, config=config,
                       workspace=workspace)


def run(root: Path, keymap: str | None = None) -> int:
    """Open the app; a bad config, keymap or workspace gets a one-line error and status 1."""
    try:
        app = make_app(root, keymap=keymap)
    except (ConfigError, KeymapError) as e:
        print(f"wiredesk: {e}", file=sys.stderr)
        return 1
    app.run()
    if app.error:
        print(f"wiredesk: {app.error}", file=sys.stderr)
        return 1
    for aid, note in app.leftover_notes.items():
        print(f"wiredesk: the note on {aid} was not saved; here it is:\n{note}\n",
              file=sys.stderr)
    return 1 if app.leftover_notes else app.return_code or 0
