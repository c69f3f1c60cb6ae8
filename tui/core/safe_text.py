"""One sanitiser at the edge of every output.

Everything Wiredesk prints to a terminal or writes as JSON, CSV, TOML, Markdown or HTML goes
through :func:`sanitize` (directly, through :func:`one_line` or :func:`sanitize_obj`, or through
a :class:`SafeStream` around standard output and standard error). It removes:

- whole escape sequences (CSI colours and cursor moves, OSC window titles and OSC 52 clipboard
  writes, DCS/SOS/PM/APC strings, two-byte escapes, 8-bit CSI), so their parameters do not
  survive as junk text;
- C0 controls but newline and tab, DEL and C1 controls (U+0080-U+009F: U+009B is read as CSI by
  many terminals);
- bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), which can make text
  read differently from what it is; the marks U+200E/U+200F are kept;
- a zero-width no-break space (BOM) and lone surrogates (which cannot be written as UTF-8).

Carriage returns become newlines. Where a format does not allow line breaks (one line of an
error message, a title), :func:`one_line` folds newlines and tabs into single spaces.
"""

from __future__ import annotations

import re
from typing import Any, TextIO

UNSAFE = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")
# String sequences (OSC, DCS...) end at BEL or ST; an unterminated one is cut at the end of its
# line, so a stray ESC cannot swallow the rest of a text.
ESC_SEQ = re.compile(
    r"(?:\x1b\]|\x9d(?=\d+;))[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"  # OSC: title, OSC 52
    r"|\x1b[PX^_][^\x1b\x9c\n]*(?:\x1b\\|\x9c)?"  # DCS, SOS, PM, APC strings
    r"|\x1b\[[0-?]*[ -/]*[@-~]"  # CSI (colours, cursor moves)
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    r"|\x1b[@-Z\\-_]"  # other two-byte escapes
)
# A terminal's hyperlink (OSC 8): ESC ] 8 ; params ; URL (BEL or ST), its text, then the same
# sequence with no URL. The URL is text its author meant (``terminal_links``). The text may be
# coloured (CSI sequences: ``ls --hyperlink --color``) and run over a line end, up to LINK_TEXT
# characters.
_OSC8_OPEN = r"\x1b\]8;[^;\x07\x1b\n]*;([^\x07\x1b\x9c\n]+)(?:\x07|\x1b\\|\x9c)"
_CSI = r"\x1b\[[0-?]*[ -/]*[@-~]"
LINK_TEXT = 500
OSC8 = re.compile(
    _OSC8_OPEN + rf"((?:[^\x1b]|{_CSI}){{0,{LINK_TEXT}}}?)"
    r"\x1b\]8;[^;\x07\x1b\n]*;(?:\x07|\x1b\\|\x9c)")
OSC8_OPEN = re.compile(_OSC8_OPEN)  # a link's opening (with its URL), closed or not
_UNSAFE_NO_TAB = re.compile(UNSAFE.pattern[:1] + r"\t" + UNSAFE.pattern[1:])


def sanitize(s: str, replace: str = "", *, tabs: bool = True) -> str:
    """``s`` without escape sequences, control characters (but newline and, with ``tabs``, tab)
    and bidi overrides. With ``replace=" "`` each becomes a space, so two words around one
    are never glued."""
    if not s:
        return ""
    unsafe = UNSAFE if tabs else _UNSAFE_NO_TAB
    if not unsafe.search(s):
        return s
    s = ESC_SEQ.sub(replace, s)
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    return unsafe.sub(replace, s)


def escapes(s: str) -> int:
    """How many escape sequences :func:`sanitize` removes from ``s`` (never obeyed; a
    terminal's hyperlink is two)."""
    if "\x1b" not in s and "\x9b" not in s and "\x9d" not in s:
        return 0
    return sum(1 for _ in ESC_SEQ.finditer(s))


def terminal_links(s: str, html: bool = False) -> str:
    """``s`` with each terminal hyperlink (OSC 8) written as its text and its URL in brackets,
    "text (URL)" (the text alone when it is the URL), as plain text; the sequences are gone
    (the colours of its text too). ``html``: ``s`` is a page's markup (the URL is escaped)."""
    if "\x1b]8;" not in s:
        return s

    def text(m: re.Match) -> str:
        url, shown = m[1], re.sub(_CSI, "", m[2])
        if html:
            from html import escape

            url = escape(url)
        return url if not shown.strip() else shown if shown.strip() == url else f"{shown} ({url})"

    return OSC8.sub(text, s)


def one_line(s: str) -> str:
    """:func:`sanitize` for one line (a message, a title): runs of spaces, newlines and tabs
    become one space."""
    return " ".join(sanitize(s, " ").split())


def sanitize_obj(obj: Any) -> Any:
    """Every string (keys too) of a JSON-like value sanitised; newlines and tabs are kept,
    since JSON escapes them."""
    if isinstance(obj, str):
        return sanitize(obj)
    if isinstance(obj, dict):
        return {sanitize(k) if isinstance(k, str) else k: sanitize_obj(v)
                for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [sanitize_obj(v) for v in obj]
    return obj


def has_unsafe(s: str) -> bool:
    """True when ``s`` holds anything :func:`sanitize` would remove (ESC, C1, overrides...)."""
    return bool(UNSAFE.search(s))


class SafeStream:
    """A text stream that sanitises everything written to it (newline and tab kept).

    Put around ``sys.stdout`` and ``sys.stderr`` for the life of a command, it is the edge the
    issue asks for: argparse's messages, errors quoting user input and every print pass it.
    Writers that must emit escapes of their own (Rich colours on a terminal, a progress line)
    write to :attr:`raw`.
    """

    def __init__(self, raw: TextIO) -> None:
        self.raw = raw

    def write(self, s: str) -> int:
        self.raw.write(sanitize(s))
        return len(s)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str):
        if name == "buffer":  # bytes would bypass the sanitiser
            raise AttributeError(name)
        return getattr(self.raw, name)


def raw_stream(stream: TextIO | SafeStream) -> TextIO:
    """The stream under a :class:`SafeStream` (the stream itself otherwise)."""
    return stream.raw if isinstance(stream, SafeStream) else stream
