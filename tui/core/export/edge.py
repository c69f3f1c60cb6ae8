"""The output sanitiser (tui.core.safe_text) applied to a whole rendered export.

The exporters already sanitise every field; this is the edge every exported byte passes, so a
format that adds text of its own cannot let a control character through either. CSV keeps its
``\\r\\n`` record ends (RFC 4180); every other line end is ``\\n``.
"""

from __future__ import annotations

from tui.core.safe_text import sanitize


def sanitize_export(text: str) -> str:
    if "\r\n" in text:
        return "\r\n".join(sanitize(part) for part in text.split("\r\n"))
    return sanitize(text)
