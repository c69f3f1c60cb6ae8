"""The type of every field `doctor` reads, checked; and, for `--repair`, values of a wrong type
converted where the intent is clear (``tags = "x"`` is the list ``["x"]``, ``starred = "yes"``
is true) and dropped, with a word, where it is not."""

from __future__ import annotations

import datetime as dt

from tui.core.model import DOC_KINDS, SAMENESS

# field -> rule: one list, shared with ``unknown_keys`` (here for the doctor's modules)
from tui.core.workspace.field_rules import ARTICLE as ARTICLE
from tui.core.workspace.field_rules import SETTINGS as SETTINGS
from tui.core.workspace.field_rules import STORY as STORY
from tui.core.workspace.records import FALSE as _FALSE
from tui.core.workspace.records import TRUE as _TRUE

_EXPECTED = {"text": "a string", "when": "a string or a date", "bool": "true or false",
             "tags": "a list of strings", "integer": "a whole number",
             "kind": f"one of {', '.join(DOC_KINDS)}", "sameness": f"one of {', '.join(SAMENESS)}"}


# bool before int: a TOML boolean is a Python int too
_TOML_TYPES = ((bool, "a boolean"), (int, "an integer"), (float, "a float"), (str, "a string"),
               (list, "an array"), (dict, "a table"), ((dt.date, dt.time), "a date"))


def toml_type(value) -> str:
    return next((name for kind, name in _TOML_TYPES if isinstance(value, kind)),
                f"a {type(value).__name__}")


def _shown(value) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _ok(rule: str, value) -> bool:
    if rule == "text":
        return isinstance(value, str)
    if rule == "when":
        return isinstance(value, (str, dt.date, dt.time))
    if rule == "bool":
        return isinstance(value, bool)
    if rule == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if rule == "tags":
        return isinstance(value, list) and all(isinstance(x, str) for x in value)
    if rule == "kind":
        return value in DOC_KINDS
    if rule == "sameness":
        return value in SAMENESS
    raise ValueError(rule)


def wrong_types(data: dict, rules: dict, prefix: str = "") -> list[tuple[str, str]]:
    """``(dotted key, message)`` for every field of a wrong type (absent fields are fine)."""
    out = []
    for key, rule in rules.items():
        if key not in data:
            continue
        value, name = data[key], f"{prefix}{key}"
        if isinstance(rule, dict):
            if not isinstance(value, dict):
                out.append((name, f"{name} is {toml_type(value)}, expected a table"))
            else:
                out += wrong_types(value, rule, f"{name}.")
        elif isinstance(rule, tuple):
            if not isinstance(value, list):
                out.append((name, f"{name} is {toml_type(value)}, expected an {rule[0]}"))
                continue
            for i, item in enumerate(value):
                if not isinstance(item, dict):
                    out.append((name, f"{name}[{i}] is {toml_type(item)}, expected a table"))
                else:
                    out += wrong_types(item, rule[1], f"{name}[{i}].")
        elif not _ok(rule, value):
            what = (f"{toml_type(value)} ({_shown(value)})" if not isinstance(value, (list, dict))
                    else toml_type(value))
            if rule in ("kind", "sameness") and isinstance(value, str):
                what = _shown(value)
            elif rule == "tags" and isinstance(value, list):
                what = "an array holding something other than strings"
            out.append((name, f"{name} is {what}, expected {_EXPECTED[rule]}"))
    return out


def coerce(data: dict, rules: dict, prefix: str = "") -> tuple[dict, list[str]]:
    """A copy of ``data`` whose fields all have their type: converted where the intent is
    clear, else dropped (the default applies). Returns it and one phrase per change."""
    out, said = dict(data), []
    for key, rule in rules.items():
        if key not in out:
            continue
        value, name = out[key], f"{prefix}{key}"
        if isinstance(rule, dict):
            if isinstance(value, dict):
                out[key], more = coerce(value, rule, f"{name}.")
                said += more
            else:
                del out[key]
                said.append(f"{name} ({toml_type(value)}) dropped")
        elif isinstance(rule, tuple):
            if not isinstance(value, list):
                del out[key]
                said.append(f"{name} ({toml_type(value)}) dropped")
                continue
            items = []
            for i, item in enumerate(value):
                if isinstance(item, dict):
                    fixed, more = coerce(item, rule[1], f"{name}[{i}].")
                    items.append(fixed)
                    said += more
                else:
                    said.append(f"{name}[{i}] ({toml_type(item)}) dropped")
            out[key] = items
        elif not _ok(rule, value):
            fixed = _convert(rule, value)
            if fixed is None:
                del out[key]
                said.append(f"{name} ({toml_type(value)} {_shown(value)}) dropped")
            else:
                out[key] = fixed
                said.append(f"{name} {_shown(value)} read as {_shown(fixed)}")
    return out, said


def _convert(rule: str, value):
    """``value`` as ``rule`` wants it, when there is one clear reading; else None."""
    scalar = isinstance(value, (str, int, float)) and not isinstance(value, bool)
    if rule in ("text", "when"):
        if isinstance(value, (dt.date, dt.time)):
            return value.isoformat()
        return str(value) if scalar else None
    if rule == "bool":
        if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
            return value.strip().lower() in _TRUE
        if isinstance(value, int) and value in (0, 1):
            return bool(value)
        return None
    if rule == "integer":
        if isinstance(value, str) and value.strip().isdigit():
            return int(value.strip())
        return None
    if rule == "tags":
        if isinstance(value, str):
            return [t.strip() for t in value.split(",") if t.strip()]
        if isinstance(value, list):
            return [str(x) for x in value if isinstance(x, (str, int, float))
                    and not isinstance(x, bool)]
        return None
    if rule in ("kind", "sameness"):
        choices = DOC_KINDS if rule == "kind" else SAMENESS
        low = value.strip().lower() if isinstance(value, str) else None
        return low if low in choices else None
    return None
