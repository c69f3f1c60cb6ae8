"""User settings: ``config.toml`` in the config directory (never rewritten by the app).

The file lives in ``platformdirs.user_config_dir("wiredesk")`` unless the environment variable
``WIREDESK_CONFIG`` names another file. Every key is optional::

    keymap = "vim"              # default, vim, emacs (keymap.toml beside it layers on top)
    mark_read_on_open = true    # opening an article marks it read
    rtl_layout = "auto"         # auto (right-to-left articles only), on, off
    theme = "textual-dark"      # any Textual theme name

A bad file or value raises :class:`ConfigError` with one line naming the file and the key.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

import platformdirs

RTL_MODES = ("auto", "on", "off")
APP_NAME = "wiredesk"


class ConfigError(Exception):
    """A config file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True, slots=True)
class Config:
    keymap: str = "default"
    mark_read_on_open: bool = True
    rtl_layout: str = "auto"
    theme: str = "textual-dark"


def config_dir() -> Path:
    env = os.environ.get("WIREDESK_CONFIG")
    if env:
        return Path(env).expanduser().parent
    return Path(platformdirs.user_config_dir(APP_NAME))


def config_path() -> Path:
    env = os.environ.get("WIREDESK_CONFIG")
    return Path(env).expanduser() if env else config_dir() / "config.toml"


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
    if values.get("rtl_layout", "auto") not in RTL_MODES:
        raise ConfigError(f"{source}: 'rtl_layout' must be one of {', '.join(RTL_MODES)}, "
                          f"not {values['rtl_layout']!r}")
    return Config(**values)  # type: ignore[arg-type]
