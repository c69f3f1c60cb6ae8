"""Out to the world: open an article's origin in a browser, copy it or the text.

Like newsboat's ``o`` and elfeed's ``b``: on a desktop (a display, or macOS/Windows) the URL
opens in the browser (``$BROWSER`` first, as Python's ``webbrowser`` does). Over SSH, or with
no browser at hand, the URL is copied to the local clipboard (OSC 52, Textual's
``copy_to_clipboard``) and shown as a terminal hyperlink (OSC 8) to click.
"""

from __future__ import annotations

import os
import sys
import webbrowser
from collections.abc import Mapping

from rich.markup import escape
from textual.app import App

from tui.core.textutil import safe_line
from tui.core.userpath import user_path


def origin_url(article) -> str | None:
    """Where the article came from as a URL: its web address, or a local file's ``file://``
    URI (None for a record of a JSON Lines file or an origin that is not a place)."""
    origin = (article.origin or "").strip()
    if origin.startswith(("http://", "https://")):
        return origin
    if origin and "://" not in origin:
        path = user_path(origin)
        if path.is_absolute() and path.is_file():
            return path.as_uri()
    return None


def remote(environ: Mapping[str, str] | None = None) -> bool:
    """True in an SSH session, or where no browser can be shown (no display on Linux)."""
    env = os.environ if environ is None else environ
    if env.get("SSH_CONNECTION") or env.get("SSH_TTY") or env.get("SSH_CLIENT"):
        return True
    if env.get("BROWSER"):
        return False
    if sys.platform.startswith(("darwin", "win")):
        return False
    return not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def link_markup(url: str) -> str:
    """Markup that Textual draws as an OSC 8 hyperlink showing the URL itself."""
    shown = escape(safe_line(url))
    # quoted: an unquoted value ends at the first ':' of "file:///..." (Textual's markup)
    target = url.replace("\\", "%5C").replace('"', "%22").replace("]", "%5D")
    return f'[link="{target}"]{shown}[/link]'


def open_origin(app: App, article) -> str:
    """Open ``article``'s origin, or copy it and show it as a link; returns what was done."""
    if article is None:
        return "none"
    url = origin_url(article)
    if url is None:
        where = safe_line(article.origin or "") or "nowhere"
        app.notify(f"This article has no address to open: it came from {escape(where)}.",
                   severity="warning")
        return "none"
    if remote():
        app.copy_to_clipboard(url)
        app.notify(f"Copied to the clipboard: {link_markup(url)}", title="Origin", timeout=10)
        return "copied"
    try:
        opened = webbrowser.open(url)
    except webbrowser.Error:
        opened = False
    if not opened:
        app.copy_to_clipboard(url)
        app.notify(f"No browser opened it; copied: {link_markup(url)}", title="Origin",
                   severity="warning", timeout=10)
        return "copied"
    app.notify(f"Opened {link_markup(url)}", title="Origin")
    return "opened"


def copy_text(app: App, selected: str | None, whole: str, what: str = "the article") -> str:
    """Copy the selected text, else ``whole``; returns which."""
    if selected and selected.strip():
        app.copy_to_clipboard(selected)
        app.notify(f"Copied the selection ({len(selected.split())} words).")
        return "selection"
    app.copy_to_clipboard(whole)
    app.notify(f"Copied {what} ({len(whole.split())} words).")
    return "whole"
