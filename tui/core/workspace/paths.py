"""Where a workspace lives and how its folder is laid out."""

from __future__ import annotations

import os
import shlex
from pathlib import Path

from tui.core.userpath import user_path

SCHEMA_VERSION = 1
SETTINGS = "wiredesk.toml"
ARTICLES = "articles"
TEXTS = "texts"
RAW = "raw"
STORIES = "stories"
CORRECTIONS = "corrections.toml"
FILTERS = "filters.toml"
CACHE = ".cache"

GITIGNORE = ".cache/\n.lock\n.trash/\n*.tmp\n"


def default_root() -> Path:
    env = os.environ.get("WIREDESK_WORKSPACE")
    if env:
        return user_path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("wiredesk", appauthor=False)) / "workspace"


def shell_arg(text: str) -> str:
    """``text`` as one shell word on one line: quoted as ``shlex`` does, or, when it holds a
    character that does not print (a newline, an ESC), in bash's $'...' with that escaped, so
    the command shown is the real one and never breaks a line."""
    if text.isprintable():
        return shlex.quote(text)

    def esc(c: str) -> str:
        if c in "\\'":
            return "\\" + c
        if c.isprintable():
            return c
        return f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}"

    return "$'" + "".join(map(esc, text)) + "'"


def shell_where(root: Path) -> str:
    """`` -w ROOT`` for a command to type in a shell, unless ROOT is the default workspace (a
    command without it would act on the default one, not the one shown)."""
    return "" if Path(root) == default_root() else f" -w {shell_arg(str(root))}"


def article_rel(aid: str) -> str:
    """An article file's path under ``articles/``, as the cache keys its signature."""
    return f"{aid[:2]}/{aid}.toml"


def article_id_of(rel: str) -> str:
    """The article id of an ``article_rel`` path."""
    return rel.rpartition("/")[2][:-5]


def article_path(root: Path, aid: str) -> Path:
    return root / ARTICLES / article_rel(aid)


def article_file(root: Path | str, aid: str) -> str:
    """``article_path`` as a string (where a ``Path`` costs more than the I/O: a bulk ingest
    stats and writes one per article)."""
    return f"{root}/{ARTICLES}/{article_rel(aid)}"


def text_paths(aid: str, vhash: str, kind: str) -> tuple[str, str]:
    """Relative paths of a version's raw text and cleaned body."""
    ext = {"html": "html", "md": "md"}.get(kind, "txt")
    stem = f"{aid[:2]}/{aid}-{vhash[:10]}"
    return f"{RAW}/{stem}.{ext}", f"{TEXTS}/{stem}.txt"


def story_path(root: Path, sid: str) -> Path:
    return root / STORIES / f"{sid}.toml"
