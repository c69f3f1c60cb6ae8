"""Which colours the terminal can show, decided once at start from the setting and TERM.

- ``mono``: no colour at all (``NO_COLOR`` set, ``TERM=dumb``/``unknown``, or the setting):
  Textual's NoColor filter drops every colour, so only bold, underline and reverse remain.
- ``16``: the terminal has 16 colours (``TERM=linux``, ``xterm``, ``vt100``... without
  ``COLORTERM``): several theme colours collapse into one, so insertions and deletions must
  differ by more than colour. The Linux console cannot strike through either.
- ``256`` and ``truecolor``: the theme as it is.

The app puts ``-palette-<name>`` on itself; the stylesheet gives the 16-colour and mono
palettes styles that do not lean on colour (deleted words reversed, inserted ones bold and
underlined, never struck through).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

PALETTES = ("truecolor", "256", "16", "mono")
DUMB_TERMS = ("dumb", "unknown", "")


def detect(setting: str = "auto", environ: Mapping[str, str] | None = None) -> str:
    """The palette to use: ``setting`` unless it is "auto", else what the environment says."""
    env = os.environ if environ is None else environ
    if setting in PALETTES:
        return setting
    term = env.get("TERM", "").strip().lower()
    if "NO_COLOR" in env or term in DUMB_TERMS:
        return "mono"
    if env.get("COLORTERM", "").strip().lower() in ("truecolor", "24bit"):
        return "truecolor"
    if term.endswith("-direct"):
        return "truecolor"
    if term.endswith("256color"):
        return "256"
    return "16"


@contextmanager
def environment(palette: str) -> Iterator[bool]:
    """While the app is built: ``NO_COLOR`` set for the mono palette (Textual reads it then),
    put back as it was afterwards. Yields True when colour must be dropped: the app is then
    built with ``ansi_color=True``, which makes Textual's NO_COLOR filter remove colours
    instead of turning them grey (so TERM=dumb is no longer sent truecolor)."""
    mono = palette == "mono"
    before = os.environ.get("NO_COLOR")
    if mono:
        os.environ["NO_COLOR"] = before or "1"
    try:
        yield mono
    finally:
        if before is None:
            os.environ.pop("NO_COLOR", None)
        else:
            os.environ["NO_COLOR"] = before


# Terminals that lay out right-to-left text themselves: reordering it again would reverse it
# twice. mlterm always does; Konsole does unless its "bi-directional text" option is off.
BIDI_TERMINALS = ("MLTERM", "KONSOLE_VERSION")


def terminal_bidi(environ: Mapping[str, str] | None = None) -> bool:
    """True when the terminal reorders right-to-left text itself (``auto`` then leaves it
    alone; ``WIREDESK_TERMINAL_BIDI=0/1`` overrides the guess)."""
    env = os.environ if environ is None else environ
    forced = env.get("WIREDESK_TERMINAL_BIDI", "").strip()
    if forced in ("0", "1"):
        return forced == "1"
    return any(env.get(name) for name in BIDI_TERMINALS)
