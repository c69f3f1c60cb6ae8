"""A workspace's settings file: telling a workspace folder from others, making one, reading
its settings (checked against the doctor's field rules and the schema this version knows)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import tomli_w

from tui.core.workspace.atomic import write_atomic
from tui.core.workspace.doctor.fields import SETTINGS as RULES
from tui.core.workspace.doctor.fields import wrong_types
from tui.core.workspace.errors import WorkspaceError
from tui.core.workspace.paths import GITIGNORE, SCHEMA_VERSION, SETTINGS
from tui.core.workspace.records import now_iso, toml_error


def check(root: Path) -> bool:
    """Cheaply, without reading articles: True for a workspace, False where one can be
    made (a missing or empty folder); ``WorkspaceError`` for a folder of something else."""
    try:
        if (root / SETTINGS).exists():
            return True
        if root.exists() and any(p for p in root.iterdir() if p.name != ".lock"):
            raise WorkspaceError(
                f"{root} is not a Wiredesk workspace (no {SETTINGS}); "
                "point --workspace at an empty or existing workspace folder")
    except OSError as e:
        raise WorkspaceError(f"{root}: {e.strerror or e}") from None
    return False


def create(root: Path) -> None:
    try:
        root.mkdir(parents=True, exist_ok=True)
        doc = {"workspace": {"schema": SCHEMA_VERSION, "created": now_iso()}}
        head = ("# Wiredesk workspace. Layout and editing rules: docs/WORKSPACE.md in the "
                "Wiredesk sources.\n")
        write_atomic(root / SETTINGS, head + tomli_w.dumps(doc))
        write_atomic(root / ".gitignore", GITIGNORE)
    except OSError as e:
        raise WorkspaceError(
            f"cannot create a workspace at {root}: {e.strerror or e}") from None


def read(root: Path) -> dict:
    """The settings, or ``WorkspaceError`` naming the file and what to run."""
    path = root / SETTINGS
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except OSError as e:
        raise WorkspaceError(f"{path}: cannot read ({e.strerror or e})") from None
    except UnicodeDecodeError:
        raise WorkspaceError(f"{path}: not UTF-8 text; run `wiredesk doctor`") from None
    except tomllib.TOMLDecodeError as e:
        raise WorkspaceError(
            f"{path}: damaged, {toml_error(text, e)}; run `wiredesk doctor`") from None
    wrong = wrong_types(data, RULES)
    if wrong:  # a wrong type is a wrong type, not a newer schema
        raise WorkspaceError(f"{path}: wrong type: {wrong[0][1]}; run `wiredesk doctor "
                             "--repair`")
    schema = data.get("workspace", {}).get("schema", 1)
    if schema > SCHEMA_VERSION:
        raise WorkspaceError(
            f"{path}: schema {schema!r} is newer than this Wiredesk understands "
            f"({SCHEMA_VERSION}); upgrade Wiredesk")
    return data
