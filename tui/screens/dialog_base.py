"""What every dialog shares: it closes once, and keys typed after its Enter wait for it.

Textual's ``dismiss`` pops whatever screen is in front: a second Enter already queued for a
dialog popped the main screen under it too (a blank app). And a field takes a letter at once,
while Enter runs later, as a binding (Textual #6605): ``/dated`` Enter ``j`` in one burst
searched "datedj". So once an Enter reached a dialog's field (the app sees keys first, in
``WiredeskApp.on_event``), the keys after it are held until the Enter is done: sent again
after the dialog closed (to the screen in front then), or into the field if it did not close.
"""

from __future__ import annotations

from typing import TypeVar

from textual import events, on
from textual.await_complete import AwaitComplete
from textual.screen import ModalScreen
from textual.widgets import Input

R = TypeVar("R")


class Dialog(ModalScreen[R]):
    held: list[events.Key] | None = None  # keys typed after an Enter in the field
    _dismissed = False  # dismissed: the held keys go to the screen in front after its result

    def holds(self, key: events.Key) -> bool:
        """Called by the app with each key as it arrives while this dialog is in front:
        True when the key waits for the Enter typed before it."""
        if self.held is not None:
            self.held.append(events.Key(key.key, key.character))
            return True
        if key.key == "enter" and isinstance(self.focused, Input):
            self.held = []  # (the field's Enter always ends in Input.Submitted: see below)
        return False

    def dismiss(self, result: R | None = None) -> AwaitComplete:
        """Close, only while in front: a second Enter (or Esc) never closes what is under it."""
        try:
            front = self.app.screen is self
        except Exception:  # (no screen at all: nothing to close)
            front = False
        if not front:
            return AwaitComplete()
        self._dismissed = True
        done = super().dismiss(result)
        # to the screen now in front, as if typed now, once the dialog's result was used (its
        # callback runs next: a search's keys then wait for its list)
        self.app.call_later(self._send_held)
        return done

    @on(Input.Submitted)
    def _enter_done(self) -> None:
        """Runs after the dialog's own handler of Enter: it did not close, so the keys typed
        after the Enter go into the dialog, in order (closed: they wait for its result)."""
        if not self._dismissed:
            self._send_held()

    def _send_held(self) -> None:
        keys, self.held = self.held or [], None
        for key in keys:
            self.app.post_message(key)
