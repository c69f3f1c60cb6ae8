"""Text that is safe to show in a terminal, and right-to-left layout for terminals.

Article text is never trusted: control characters (ESC sequences, OSC 52 clipboard writes,
window-title changes), C1 controls and bidi override/isolate characters are removed before
anything is displayed or exported. Rich markup is never parsed from article text (callers build
``rich.text.Text`` objects), but :func:`escape_markup` exists for the few places that format
markup strings.
"""

from __future__ import annotations

import re
import unicodedata

# C0 controls but tab and newline, DEL, C1 controls; bidi embeddings, overrides and isolates
# (U+202A-U+202E, U+2066-U+2069); zero-width no-break space used as BOM; lone surrogates
# (from JSON "\\ud800" escapes), which cannot even be written to a UTF-8 file.
_UNSAFE = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")
# A whole escape sequence, so its parameters do not survive as junk text. String sequences
# (OSC, DCS...) end at BEL or ST; an unterminated one is cut at the end of its line, so a stray
# ESC cannot swallow the rest of an article.
_ESC_SEQ = re.compile(
    r"(?:\x1b\]|\x9d(?=\d+;))[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"  # OSC: title, OSC 52
    r"|\x1b[PX^_][^\x1b\x9c\n]*(?:\x1b\\|\x9c)?"  # DCS, SOS, PM, APC strings
    r"|\x1b\[[0-?]*[ -/]*[@-~]"  # CSI (colours, cursor moves)
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    r"|\x1b[@-Z\\-_]"  # other two-byte escapes
)
_RTL_CHARS = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_LTR_CHARS = re.compile(r"[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]")


def safe_text(s: str, replace: str = "") -> str:
    """Remove terminal escape sequences, control and bidi-override characters (keeps \\n, \\t).
    With ``replace=" "`` each becomes a space, so two words around one are never glued."""
    if not s:
        return ""
    if not _UNSAFE.search(s):
        return s
    s = _ESC_SEQ.sub(replace, s)
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    return _UNSAFE.sub(replace, s)


def safe_line(s: str) -> str:
    """:func:`safe_text` for one-line fields (titles, tags): newlines and tabs become spaces."""
    return " ".join(safe_text(s).split())


def escape_markup(s: str) -> str:
    """Escape Rich markup in ``s`` (for the rare markup string built around article text)."""
    return s.replace("\\", "\\\\").replace("[", "\\[")


def is_rtl(text: str) -> bool:
    """True when the text is mostly in a right-to-left script (Arabic, Hebrew, Persian...)."""
    sample = text[:2000]
    rtl = len(_RTL_CHARS.findall(sample))
    return rtl > 0 and rtl >= len(_LTR_CHARS.findall(sample))


def display_rtl(line: str) -> str:
    """Reorder one line of bidirectional text into visual order for terminals that do not."""
    if not _RTL_CHARS.search(line):
        return line
    try:
        from bidi import get_display
    except ImportError:  # pragma: no cover - python-bidi is a dependency
        return line
    return get_display(line)


def normalize_ws(s: str) -> str:
    """Collapse runs of spaces inside lines and of blank lines between paragraphs."""
    paras = re.split(r"\n\s*\n", s.strip())
    return "\n\n".join(" ".join(p.split()) for p in paras if p.strip())


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)
