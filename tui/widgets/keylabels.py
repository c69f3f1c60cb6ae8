"""Key names as people read them: ``question_mark,f1`` -> ``? F1``."""

from __future__ import annotations

import unicodedata

_SPECIAL = {"escape": "Esc", "enter": "Enter", "space": "Space", "tab": "Tab",
            "pagedown": "PgDn", "pageup": "PgUp", "home": "Home", "end": "End",
            "up": "↑", "down": "↓", "left": "←", "right": "→", "backspace": "Bksp",
            "delete": "Del", "insert": "Ins", "plus": "+", "minus": "-", "slash": "/",
            "backslash": "\\", "underscore": "_", "at": "@"}

# Textual names punctuation by its Unicode name: "less_than_sign" is "<".
_PRINTABLE = {unicodedata.name(chr(c)).lower().replace("-", "_").replace(" ", "_"): chr(c)
              for c in range(33, 127)}


def key_label(key: str) -> str:
    """One key, short like most terminal tools show it: ``ctrl+p`` -> ``^p``."""
    *mods, base = key.split("+")
    name = _SPECIAL.get(base)
    if name is None:
        if len(base) == 1:
            name = base
        elif base.startswith("f") and base[1:].isdigit():
            name = base.upper()
        else:
            name = _PRINTABLE.get(base, base)
    if mods == ["ctrl"] and len(name) == 1:
        return "^" + name
    return "+".join([m.capitalize() for m in mods] + [name])


def keys_label(keys: str, limit: int = 3) -> str:
    """Several comma-separated keys, the first ``limit`` of them."""
    return " ".join(key_label(k.strip()) for k in keys.split(",")[:limit] if k.strip())
