"""Key bindings from ``keymaps/``: every binding has an id, and keys come from TOML.

``keymaps/default.toml`` names every binding id. A named keymap (``vim``, ``emacs``) and the
user's own ``keymap.toml`` in the config directory layer on top, entry by entry. A bad entry (an
unknown id, a key Textual cannot name) raises :class:`KeymapError` naming the file, the entry and
the nearest valid id. The help screen and the README key table read the same data.
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from textual.binding import Binding
from textual.keys import Keys

_HERE = Path(__file__).resolve().parent
# Installed wheels carry the keymaps inside the package; a source checkout has them at the top.
KEYMAP_DIRS = (_HERE / "keymaps", _HERE.parent / "keymaps")
MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")
# Textual names punctuation by its Unicode name ("<" is "less_than_sign").
_NAMED = {k.value for k in Keys} | {
    unicodedata.name(chr(c)).lower().replace("-", "_").replace(" ", "_") for c in range(32, 127)
} | {"plus", "minus", "slash", "at", "backslash", "underscore"}


class KeymapError(Exception):
    pass


@dataclass(frozen=True)
class BindingInfo:
    id: str
    keys: str
    action: str
    description: str
    show: bool


def keymap_dir() -> Path:
    for d in KEYMAP_DIRS:
        if (d / "default.toml").is_file():
            return d
    raise KeymapError("keymaps/default.toml is missing from the installation")


def available_keymaps() -> list[str]:
    return sorted(p.stem for p in keymap_dir().glob("*.toml"))


def read_keymap_file(path: Path) -> dict[str, str]:
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as e:
        raise KeymapError(f"{path}: cannot read keymap ({e.strerror or e})") from None
    except tomllib.TOMLDecodeError as e:
        raise KeymapError(f"{path}: not valid TOML ({e})") from None
    table = data.get("keys", {})
    if not isinstance(table, dict):
        raise KeymapError(f"{path}: [keys] must be a table of binding id = \"keys\"")
    return table


@functools.cache
def default_keys() -> dict[str, str]:
    return read_keymap_file(keymap_dir() / "default.toml")


def valid_key(key: str) -> bool:
    *mods, base = key.split("+")
    if any(m not in MODIFIERS for m in mods) or not base:
        return False
    if len(base) == 1:
        return base.isprintable()
    if base in _NAMED or re.fullmatch(r"f\d{1,2}", base):
        return True
    return False


def validate(table: dict, source: str) -> dict[str, str]:
    known = default_keys()
    out: dict[str, str] = {}
    for bid, keys in table.items():
        if bid not in known:
            from rapidfuzz import process  # only for a mistake (not at every start)

            near = process.extractOne(bid, list(known))
            hint = f"; did you mean {near[0]!r}?" if near and near[1] >= 60 else ""
            raise KeymapError(f"{source}: unknown binding id {bid!r}{hint}")
        if not isinstance(keys, str) or not keys.strip():
            raise KeymapError(f"{source}: {bid!r} must be a string of comma-separated keys")
        parts = [k.strip() for k in keys.split(",")]
        bad = [k for k in parts if not valid_key(k)]
        if bad:
            raise KeymapError(
                f"{source}: {bid!r} has a key Textual does not know: {bad[0]!r} "
                "(use names like 'ctrl+p', 'escape', 'question_mark', 'f2')"
            )
        out[bid] = ",".join(parts)
    return out


def resolve_keymap(name: str | None = None, user_file: Path | None = None) -> dict[str, str]:
    """The full keymap: default, then the named keymap, then the user's file."""
    keys = dict(default_keys())
    if name and name != "default":
        path = keymap_dir() / f"{name}.toml"
        if not path.is_file():
            choices = ", ".join(available_keymaps())
            raise KeymapError(f"no keymap named {name!r} (available: {choices})")
        keys.update(validate(read_keymap_file(path), str(path)))
    if user_file is not None and Path(user_file).is_file():
        keys.update(validate(read_keymap_file(user_file), str(user_file)))
    return keys


def binding(
    bid: str, action: str, description: str = "", *, show: bool = True, priority: bool = False
) -> Binding:
    """A Textual binding whose keys come from the default keymap (overridden by set_keymap)."""
    try:
        key = default_keys()[bid]
    except KeyError:
        raise KeymapError(f"binding id {bid!r} is not in keymaps/default.toml") from None
    return Binding(key, action, description, show=show, priority=priority, id=bid)


def reader_scrolling() -> list[Binding]:
    """The reader's scroll keys (j/k, Space, g/G, the vim ^f/^d...) for a screen of long text
    to read (the help, w's explanations): keys the rest of the app has taught, not the arrows
    alone."""
    moves = (("down", "down", "Scroll down"), ("up", "up", "Scroll up"),
             ("page_down", "page_down", "Page down"), ("page_up", "page_up", "Page up"),
             ("top", "home", "Top"), ("bottom", "end", "Bottom"))
    return [binding(f"reader.{bid}", f"scroll('{to}')", say, show=False)
            for bid, to, say in moves]
