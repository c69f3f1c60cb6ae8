"""The Wiredesk app: triage news from the keyboard.

:func:`make_app` builds the app (used by :func:`run`, the tests and the screenshot script);
:func:`run` is what ``wiredesk`` and ``wiredesk demo`` call.
"""

from __future__ import annotations

import asyncio
import gc
import sys
import time
from collections.abc import Iterable
from functools import partial
from pathlib import Path

from textual import events, work
from textual._dispatch_key import dispatch_key
from textual.actions import SkipAction
from textual.app import App, SystemCommand
from textual.command import CommandPalette, SearchIcon
from textual.screen import Screen
from textual.widget import AwaitMount

from tui.config import Config, ConfigError, load_config, remembered_sort, user_keymap_path
from tui.core.workspace import Workspace, WorkspaceError, WorkspaceLocked
from tui.desk import Desk, Listing
from tui.desk.ahead import LABEL as READ_AHEAD
from tui.desk.idle_gc import IdleCollector
from tui.keys import KeymapError, default_keys, resolve_keymap
from tui.screens.app_keys import AppKeys
from tui.screens.loading import LoadingScreen
from tui.screens.main import MainScreen
from tui.screens.no_workspace import NoWorkspaceScreen
from tui.widgets import palette as palettes
from tui.widgets.keylabels import keys_label

MOVES = (".down", ".up", ".page_down", ".page_up")  # cursor moves: not worth a palette entry
# seconds: an open that takes longer shows the loading screen; a quicker one (5 or 1,000,000
# articles alike: the list is a window onto the index) paints its list first, with no loading
# screen composed, drawn and taken down before it
LOADING_AFTER = 0.3
UNBOUND_EVERY = 5.0  # seconds: "x is not a key here" said at most this often (never a flood)
MODIFIERS = {"shift", "ctrl", "control", "alt", "meta", "super", "hyper", "caps_lock"}
IDLE_TICK = 0.25  # seconds between two looks at whether a full garbage collection is due
ARCHIVE_LABELS = ("archived", "brought back")  # a refused one is taken back (``Desk.archive``)


PALETTE_ICON = ">"  # leads the command palette's search row (Textual's: a magnifier emoji)


class PlainPalette(CommandPalette):
    """Textual's command palette, its search row led by a sign every terminal draws: the
    magnifier emoji is a box or nothing on the Linux console (TERM=linux) and in some fonts."""

    def on_mount(self) -> None:
        self.query_one(SearchIcon).icon = PALETTE_ICON


class WiredeskApp(App[int]):
    CSS_PATH = "wiredesk.tcss"
    TITLE = "Wiredesk"
    BINDINGS = AppKeys.BINDINGS

    def __init__(
        self,
        root: Path,
        *,
        keys: dict[str, str],
        keymap_name: str = "default",
        config: Config | None = None,
        workspace: Workspace | None = None,
    ) -> None:
        palette = palettes.detect((config or Config()).palette)
        with palettes.environment(palette) as mono:  # no colour at all, not grey
            super().__init__(ansi_color=True if mono else None)
        self.palette = palette  # -palette-<name> on the app: styles that need no colour
        self.root = Path(root)
        self.keys = keys
        self.keymap_name = keymap_name
        self.config = config or Config()
        self.ws = workspace
        self.desk: Desk | None = None  # the service the screens call (tui.desk)
        self.error: str | None = None  # why the workspace could not be opened
        self.missing = False  # no workspace at root yet: shown, not made (NoWorkspaceScreen)
        self.leftover_notes: dict[str, str] = {}  # notes that could not be saved, printed
        self._quit_asked = False
        self._unused: list[str] = []  # keys typed as a screen opened, of no use there: named
        self._unbound_said = -UNBOUND_EVERY  # when a key of no use was last named (monotonic)
        self._screens = asyncio.Lock()  # the loading screen and the main one, never both at once
        self.collector = IdleCollector()  # full garbage collections between keys, not in them

    async def on_mount(self) -> None:
        self.add_class(f"-palette-{self.palette}")
        self.collector.start()
        self.set_interval(IDLE_TICK, self.collector.tick)
        if self.config.theme in self.available_themes:
            self.theme = self.config.theme
        # Only the keys that differ from the bindings' own: Textual applies the keymap to every
        # binding of the focus chain on every key press, so a full keymap cost ~1 ms a key.
        defaults = default_keys()
        self.set_keymap({bid: k for bid, k in self.keys.items() if defaults.get(bid) != k})
        if self.ws is None:  # a big workspace takes seconds: read it in a worker
            self.open_workspace()
            self.set_timer(LOADING_AFTER, self._loading)
        else:
            await self._workspace_ready(Desk(self.ws, on_error=self._save_failed))

    @work(thread=True, exclusive=True, group="open")
    def open_workspace(self, refresh_feeds: bool = False) -> None:
        """Open the workspace at root (none: the missing-workspace screen); ``refresh_feeds``:
        then fetch its feeds (R pressed there once another command had made it)."""
        # Reading creates ~10 objects per article and frees almost none: collecting garbage
        # meanwhile halves the speed (4.1 s -> 2.2 s at 100,000 articles).
        try:
            if not Workspace.check(self.root):  # reading never creates one: said, not made
                self.missing = True
                self.call_from_thread(self._no_workspace)
                return
        except WorkspaceError as e:  # a folder of something else
            self.error = str(e)
            self.call_from_thread(self.exit, 1, 1)
            return
        self.missing = False
        gc.disable()
        try:
            # Lazy: the list is a window onto the index, not every article read (issue 16).
            desk = Desk(Workspace.open(self.root, lazy=True), on_error=self._save_failed)
            # the list's first window in the order it is shown, and its first page (the
            # largest stories' article ids: 0.1 s at 1,000,000), read off the UI thread
            listing = desk.select(None).ordered(remembered_sort(self.config))
            listing.stories[:1]
        except (WorkspaceError, WorkspaceLocked, OSError) as e:
            self.error = str(e)
            self.call_from_thread(self.exit, 1, 1)
            return
        finally:
            # The workspace's objects live all session: keep them out of every later GC pass
            # (else the first full collection rescans them all: ~0.4 s at 100,000 articles).
            gc.freeze()
            gc.enable()
        self.call_from_thread(self._workspace_ready, desk, listing, refresh_feeds)

    async def _loading(self) -> None:
        async with self._screens:  # not while the main screen is pushed (the open ended now)
            if self.desk is None and self.error is None and not self.missing and self.is_running:
                await self.push_screen(LoadingScreen(self.root))

    async def _no_workspace(self) -> None:
        async with self._screens:
            while len(self.screen_stack) > 1:  # the loading screen
                await self.pop_screen()
            await self.push_screen(NoWorkspaceScreen(self.root, self.keys))

    async def _workspace_ready(
        self, desk: Desk, listing: Listing | None = None, refresh_feeds: bool = False
    ) -> None:
        async with self._screens:  # a loading screen pushed meanwhile is mounted by now
            self.ws, self.desk = desk.ws, desk
            gc.freeze()
            desk.start()  # the writer thread
            while len(self.screen_stack) > 1:  # the loading screen (and a help over it)
                await self.pop_screen()
            mounted = self.push_screen(MainScreen(desk, self.config, listing, self.keys))
        if refresh_feeds:
            await mounted
            if isinstance(self.screen, MainScreen):
                self.screen.action_refresh_feeds()
        problems = desk.ws.problems
        if problems:
            shown = "\n".join(problems[:5])
            more = len(problems) - 5
            self.notify(
                shown + (f"\n...and {more} more" if more > 0 else ""),
                title="Damaged workspace files (not read: see `wiredesk doctor`)",
                severity="warning",
                timeout=15,
            )

    async def on_event(self, event: events.Event) -> None:
        if isinstance(
            event, (events.Key, events.MouseDown, events.MouseScrollDown, events.MouseScrollUp)
        ):
            self.collector.note_input()
        if isinstance(event, events.Key) and not event.is_forwarded:
            holds = getattr(self.screen, "holds", None)  # a dialog, the main screen
            if holds is not None and holds(event):
                return  # typed after an Enter: waits for it (see tui.screens.dialog_base)
            event.typed_on = self.screen  # type: ignore[attr-defined]  # (see _on_key)
        await super().on_event(event)

    async def _on_key(self, event: events.Key) -> None:
        """Keys typed ahead of a screen are typed again into it, never dropped.

        ``/bridge`` sent at once (a fast typist, a paste, tmux): every key goes to the list;
        "/" comes back up first and opens the search dialog, and the letters come back up
        unused after it. Textual would look them up in the dialog's bindings and drop them.
        A key that comes back from a screen a newer one now covers is sent again, once that
        screen is mounted, as if typed now: into its field, or to its bindings (Enter
        searches); one of no use there either is named. (Textual calls the ``_on_key`` of
        each class: ``prevent_default`` keeps ``App._on_key`` from running it as well.)"""
        typed_on = getattr(event, "typed_on", None)
        screen = self.screen
        if getattr(event, "typed_again", False) and typed_on is screen:
            event.prevent_default()
            if not await self._check_bindings(event.key):
                self._unused.append(keys_label(event.key))
                if len(self._unused) == 1:  # one warning for a held key, not one a repeat
                    self.call_after_refresh(self._say_unused)
            return
        if typed_on is None or typed_on is screen or typed_on not in self.screen_stack:
            event.prevent_default()  # (App._on_key, and a key of no use named)
            if not await self._check_bindings(event.key) and not await dispatch_key(self, event):
                self._not_bound(event)
            return
        event.prevent_default()
        if not screen.is_mounted:  # (its field takes the focus as it is mounted)
            await AwaitMount(screen, [screen])
        again = events.Key(event.key, event.character)
        again.typed_again = True  # type: ignore[attr-defined]
        self.post_message(again)

    def _not_bound(self, event: events.Key) -> None:
        """A key no binding of the screen in front takes: named, with the help key, at most
        every UNBOUND_EVERY seconds (newsboat, elfeed say so too); modifiers and keys typed
        into a field are not named."""
        from textual.widgets import Input, TextArea  # noqa: PLC0415

        from tui.screens.help import HelpScreen  # noqa: PLC0415 (tui.app_later)

        if event.key in MODIFIERS or isinstance(self.focused, Input | TextArea):
            return
        if isinstance(self.screen, HelpScreen):  # (help lists the keys already)
            return
        # a key bound here whose action was skipped (→ in the reader: nothing to scroll) is a key
        chain = self.screen._modal_binding_chain
        if any(event.key in keys.key_to_bindings for _, keys in chain):
            return
        now = time.monotonic()
        if now - self._unbound_said < UNBOUND_EVERY:
            return
        self._unbound_said = now
        help_key = keys_label(self.keys.get("app.help", "question_mark")).split()[0]
        self.notify(f"{keys_label(event.key)} is not a key here ({help_key}: the keys).", timeout=3)

    def _say_unused(self) -> None:
        keys, self._unused = self._unused, []
        counts = {k: keys.count(k) for k in keys}  # (in the order typed)
        said = ", ".join(k if n == 1 else f"{k} ({n} times)" for k, n in counts.items())
        verb = "was" if len(keys) == 1 else "were"
        self.notify(f"{said} {verb} typed while this screen opened: not used.", severity="warning")

    async def on_unmount(self) -> None:
        self.collector.stop()
        if self.desk is not None:
            await self.desk.flush(5.0)
            self.desk.close()

    def _save_failed(self, label: str, error: Exception) -> None:
        """Called from the writer thread (or the read ahead's): say what was not saved."""
        kept = " Your note is kept: open the note editor again to retry." if label == "note" else ""
        said, severity = f"Not saved ({label}): {error}.{kept}", "error"
        if label == READ_AHEAD:  # nothing lost: each key reads what it needs itself
            said = (
                f"Reading a story's triage ahead failed: {type(error).__name__}: {error} "
                "(keys read it themselves)."
            )
            severity = "warning"
        try:
            self.call_from_thread(self.notify, said, severity=severity, timeout=10)
            if label in ARCHIVE_LABELS:  # the desk took the archive back: the list shows it
                self.call_from_thread(self._archive_taken_back)
        except RuntimeError:  # the app has closed: the note is printed by run()
            pass

    def _archive_taken_back(self) -> None:
        if isinstance(self.screen, MainScreen):
            self.screen.rebuild(self.screen.current_filter())

    async def action_quit(self) -> None:
        """Save what is queued, then leave; asked twice, leave anyway (notes are printed)."""
        if self.desk is not None:
            saved = await self.desk.flush(12.0) and not self.desk.unsaved_notes
            if not saved and not self._quit_asked:
                self._quit_asked = True
                self.notify(
                    "Some changes are not saved (is another Wiredesk writing?). "
                    "Quit again to leave anyway: unsaved notes are printed on exit.",
                    severity="error",
                    timeout=15,
                )
                return
            self.desk.stop()
            self.leftover_notes = dict(self.desk.unsaved_notes)
        self.exit(0)

    async def action_close_palette(self) -> None:
        """Close the command palette; on any other screen the key goes on to its bindings."""
        if not isinstance(self.screen, CommandPalette):
            raise SkipAction()
        await self.screen.run_action("escape")  # what Esc does there

    def action_command_palette(self) -> None:
        """As Textual's, with :class:`PlainPalette`."""
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(PlainPalette(id="--command-palette"))

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen  # noqa: PLC0415 (tui.app_later)

        if not isinstance(self.screen, HelpScreen):
            # at the keys of the screen it is asked from (the comparison view, the reader)
            section = getattr(self.screen, "help_section", None)
            self.push_screen(HelpScreen(self.keys, self.keymap_name, section))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every action of the screen by its name and keys (no binding ids, no Textual
        internals such as screenshots or the key panel; the theme can be changed)."""
        seen = set()
        # the focused pane's own actions (sort, open the origin, copy...), then the screen's
        for node in (n for n in (screen.focused, screen) if n is not None):
            for cls in type(node).__mro__:
                for b in getattr(cls, "BINDINGS", []):
                    bid = getattr(b, "id", None)
                    if not bid or bid in seen or not b.description or bid.endswith(MOVES):
                        continue
                    seen.add(bid)
                    keys = keys_label(self.keys.get(bid, b.key))
                    yield SystemCommand(
                        b.description, keys, partial(self.run_action, b.action, node)
                    )
        yield SystemCommand(
            "Help: every key and mark", keys_label(self.keys.get("app.help", "")), self.action_help
        )
        yield SystemCommand("Theme", "choose the colours", self.action_change_theme)


def make_app(
    root: Path | str,
    *,
    keymap: str | None = None,
    config: Config | None = None,
    workspace: Workspace | None = None,
) -> WiredeskApp:
    """The app on the workspace at ``root``; raises ConfigError/KeymapError on bad settings."""
    config = config if config is not None else load_config()
    name = keymap or config.keymap
    keys = resolve_keymap(name, user_keymap_path())
    return WiredeskApp(Path(root), keys=keys, keymap_name=name, config=config, workspace=workspace)


def run(root: Path, keymap: str | None = None) -> int:
    """Open the app; a bad config, keymap or workspace gets a one-line error and status 1."""
    try:
        app = make_app(root, keymap=keymap)
    except (ConfigError, KeymapError) as e:
        print(f"wiredesk: {e}", file=sys.stderr)
        return 1
    app.run(mouse=app.config.mouse)  # mouse = false: the terminal selects text (over SSH)
    if app.error:
        print(f"wiredesk: {app.error}", file=sys.stderr)
        return 1
    for aid, note in app.leftover_notes.items():
        print(f"wiredesk: the note on {aid} was not saved; here it is:\n{note}\n", file=sys.stderr)
    return 1 if app.leftover_notes else app.return_code or 0
