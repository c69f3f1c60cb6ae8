"""Keys typed after a search's Enter wait for its list (the main screen's part of it).

``/japan`` Enter ``j`` in one burst: the "j" is for the list the search gives, not the one
shown while it is read. Keys of the app itself (quit, help, the palette) act on no list: they
go through at once, even while list keys wait. A search slower than HOLD_AT_MOST keeps its keys
waiting (the status says how many, kept current); Escape then drops them, named.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events
from textual.widgets import Static

from tui.screens.app_keys import AppKeys
from tui.screens.main_header import plural
from tui.widgets.keylabels import keys_label

HOLD_AT_MOST = 3.0  # seconds: keys typed after a search's Enter wait this long for its list


def app_keys(keys: dict[str, str]) -> frozenset[str]:
    """The keys of the app's own bindings (quit, help, palette) in keymap ``keys``."""
    found: set[str] = set()
    for b in AppKeys.BINDINGS:
        bid, default = getattr(b, "id", None), getattr(b, "key", "")
        found.update(k.strip() for k in (keys.get(bid or "", default) or "").split(","))
    return frozenset(k for k in found if k)


class HeldKeys:
    """The main screen's held keys (``screen.held``, ``screen._hold_timer``): a helper it
    holds, as ``TriageKeys``."""

    def __init__(self, screen: Any) -> None:
        self.screen = screen
        self.later = False  # the list came while another screen (help) was in front

    def holds(self, key: events.Key) -> bool:
        """True when ``key`` waits for the list of a search typed before it. Keys of the app
        go through."""
        s = self.screen
        if s.held is None or key.key in app_keys(s.keys):
            return False
        if key.key == "escape" and s.held and s._hold_timer is None:  # (said to drop)
            keys, s.held = s.held, None
            names = ", ".join(keys_label(k.key, 1) for k in keys[:5])
            s.notify(
                f"Dropped {plural(len(keys), 'key')} typed for the search: {names}"
                + (", ..." if len(keys) > 5 else ".")
            )
            s.update_status()
            return True
        s.held.append(events.Key(key.key, key.character))
        if s._hold_timer is None:  # (the wait is said: its count kept current)
            self.say_waiting()
        return True

    def long(self) -> None:
        """A search slower than HOLD_AT_MOST: keys typed for it go on waiting for its list (on
        the list shown, they would act on what they were not typed for), and the status says
        so; Escape drops them. With none typed, keys act on the list shown again."""
        s = self.screen
        s._hold_timer = None
        if not s.held:
            s.held = None
            return
        self.say_waiting()

    def say_waiting(self) -> None:
        n = len(self.screen.held or [])
        self.screen.query_one("#status", Static).update(
            Text(
                f"Still searching: {plural(n, 'key')} typed wait{'' if n > 1 else 's'} for "
                "its list (Escape drops them)."
            ),
            layout=False,
        )

    def send(self) -> None:
        """The search's list came: its keys act on it, as if typed now (help in front: once
        it is closed)."""
        s = self.screen
        if s._hold_timer is not None:
            s._hold_timer.stop()
            s._hold_timer = None
        if s.app.screen is not s:
            self.later = s.held is not None
            return
        keys, s.held = s.held or [], None
        for key in keys:
            s.app.post_message(key)

    def resume(self) -> None:
        if self.later:
            self.later = False
            self.send()
