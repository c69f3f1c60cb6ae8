"""User settings: ``config.toml`` in the config directory (never rewritten by the app).

The file lives in ``platformdirs.user_config_dir("wiredesk")`` unless the environment variable
``WIREDESK_CONFIG`` names another file. Every key is optional::

    keymap = "vim"              # default, vim, emacs (keymap.toml beside it layers on top)
    mark_read_on_open = true    # opening an article marks it read
    rtl_layout = "auto"         # auto (right-to-left articles only), on, off
    theme = "textual-dark"      # a Textual theme name (textual-dark, nord, gruvbox, ...)
    sort = "size"               # first order of stories: size, newest, unread (S changes it;
                                # the last choice is remembered in state.json)
    mouse = true                # false: no mouse capture (the terminal selects text)
    palette = "auto"            # auto (from TERM/NO_COLOR), truecolor, 256, 16, mono

A bad file or value raises :class:`ConfigError` with one line naming the file and the key.
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

import platformdirs

from tui.core.userpath import user_path

RTL_MODES = ("auto", "on", "off")
SORTS = ("size", "newest", "unread")
PALETTES = ("auto", "truecolor", "256", "16", "mono")
# Textual's own themes (textual.theme.BUILTIN_THEMES), listed here so that the core of the
# settings stays free of Textual; tests check that the two agree.
THEMES = ("ansi-dark", "ansi-light", "atom-one-dark", "atom-one-light", "catppuccin-frappe",
          "catppuccin-latte", "catppuccin-macchiato", "catppuccin-mocha", "dracula", "flexoki",
          "gruvbox", "monokai", "nord", "rose-pine", "rose-pine-dawn", "rose-pine-moon",
          "solarized-dark", "solarized-light", "textual-dark", "textual-light", "tokyo-night")
APP_NAME = "wiredesk"


class ConfigError(Exception):
    """A config file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True, slots=True)
class Config:
    keymap: str = "default"
    mark_read_on_open: bool = True
    rtl_layout: str = "auto"
    theme: str = "textual-dark"
    sort: str = "size"
    mouse: bool = True
    palette: str = "auto"


def config_dir() -> Path:
    env = os.environ.get("WIREDESK_CONFIG")
    if env:
        return user_path(env).parent
    return Path(platformdirs.user_config_dir(APP_NAME))


def config_path() -> Path:
    env = os.environ.get("WIREDESK_CONFIG")
    return user_path(env) if env else config_dir() / "config.toml"


def user_keymap_path() -> Path:
    """The user's own keymap, layered over the named one."""
    return config_dir() / "keymap.toml"


def load_config(path: Path | None = None) -> Config:
    """Read the config file (defaults when it does not exist)."""
    path = Path(path) if path is not None else config_path()
    if not path.is_file():
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise ConfigError(f"{path}: cannot read ({e.strerror or e})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path}: not valid TOML ({e})") from None
    return config_from_dict(data, str(path))


def config_from_dict(data: dict, source: str = "config") -> Config:
    known = {f.name: f for f in fields(Config)}
    values: dict[str, object] = {}
    for key, value in data.items():
        if key not in known:
            raise ConfigError(f"{source}: unknown setting {key!r} "
                              f"(known: {', '.join(known)})")
        default = getattr(Config(), key)
        if type(value) is not type(default):
            raise ConfigError(f"{source}: {key!r} must be a {type(default).__name__}, "
                              f"not {value!r}")
        values[key] = value
    for key, allowed in (("rtl_layout", RTL_MODES), ("sort", SORTS), ("palette", PALETTES),
                         ("theme", THEMES)):
        if key in values and values[key] not in allowed:
            from rapidfuzz import process  # only for a bad value (not at every start)

            near = process.extractOne(str(values[key]), list(allowed))
            hint = f"; did you mean {near[0]!r}?" if near and near[1] >= 60 else ""
            raise ConfigError(f"{source}: {key!r} must be one of {', '.join(allowed)}, "
                              f"not {values[key]!r}{hint}")
    return Config(**values)  # type: ignore[arg-type]


def state_path() -> Path:
    """What the app remembers between runs (the last sort order): ``state.json`` beside the
    config file when ``WIREDESK_CONFIG`` names one, else in the user's state directory. The
    app owns this file (the user owns config.toml)."""
    if os.environ.get("WIREDESK_CONFIG"):
        return config_dir() / "state.json"
    return Path(platformdirs.user_state_dir(APP_NAME)) / "state.json"


def load_state() -> dict:
    """The remembered state ({} when there is none or it cannot be read: it is only a
    convenience, never worth an error)."""
    try:
        data = json.loads(state_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def remember(key: str, value) -> bool:
    """Keep ``key = value`` in the state file (atomically); False when it cannot be written."""
    path = state_path()
    data = {**load_state(), key: value}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=1), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        return False
    return True


def remembered_sort(config: Config) -> str:
    """The story order to start with: the last one chosen, else the config's."""
    sort = load_state().get("sort")
    return sort if sort in SORTS else config.sort
