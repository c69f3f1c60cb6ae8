"""`wiredesk doctor [--repair] [--json]`: check the workspace, repair what is safe.

It opens the workspace folder itself (not through :class:`Workspace`), so it works when
``wiredesk.toml`` or any other file is damaged. Exit 0 when healthy, 1 when problems remain.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tui.cli.output import print_json
from tui.core.textutil import safe_line
from tui.core.userpath import user_path
from tui.core.workspace.lock import lock_timeout


def register(sub) -> None:
    p = sub.add_parser("doctor", help="check the workspace and repair what is safe",
                       description="Check every file of the workspace and print one line per "
                       "problem (file and line). With --repair, fix what is safe: remove "
                       "temporary files of interrupted saves, drop the cache, rebuild or move "
                       "aside damaged files (a backup of anything changed goes to .trash/).")
    p.add_argument("--repair", action="store_true", help="fix what can be fixed safely")
    p.add_argument("--json", action="store_true", help="print the findings as JSON")
    p.add_argument("--reindex", action="store_true",
                   help="build the index (.cache/index.sqlite) again from the TOML files")
    p.add_argument("--rescan", action="store_true",
                   help="compare every article file with the index (finds edits made in place)")
    p.set_defaults(func=run)


def workspace_root(ws) -> Path:
    """The folder the command names (``--workspace``, the environment, or the default)."""
    from tui.core.workspace.paths import default_root

    arg = getattr(ws, "root_arg", None)
    return user_path(arg) if arg else default_root()


def run(args, ws) -> int:
    from tui.core.workspace.doctor import check, healthy, repair
    from tui.core.workspace.doctor.problem import grouped

    root = workspace_root(ws)
    if getattr(args, "reindex", False) or getattr(args, "rescan", False):  # issue 16
        from tui.core.workspace.reindex import doctor

        print(safe_line(doctor(root, reindex=args.reindex,
                               lock_timeout=lock_timeout())))
        return 0
    found = check(root)
    done: list[str] = []
    if args.repair and root.is_dir():
        timeout = lock_timeout()
        done = repair(root, found, lock_timeout=timeout)
        remaining = check(root) if done else found
    else:
        remaining = found
    ok = healthy(remaining)
    if args.json:
        print_json({"workspace": str(root), "healthy": ok,
                    "problems": [p.as_dict() for p in found],
                    "repaired": done,
                    "remaining": [p.as_dict() for p in remaining]})
        return 0 if ok else 1
    for p in grouped(found):  # --json above keeps one entry per file
        tag = "" if p.severity == "error" else f"{p.severity}: "
        hint = " [repairable]" if p.fix and not args.repair else ""
        print(safe_line(f"{tag}{p}{hint}"))
    for line in done:
        print(safe_line(f"repaired: {line}"))
    if args.repair and done:
        for p in remaining:
            if p.severity == "error":
                print(safe_line(f"still: {p}"))
    errors = sum(p.severity == "error" for p in remaining)
    if ok:
        notes = " (the notes above are harmless)" if remaining else ""
        print(safe_line(f"{root}: healthy{notes}"))
    else:
        more = "" if args.repair or not any(p.fix for p in remaining) else \
            "; `wiredesk doctor --repair` fixes those marked [repairable]"
        print(safe_line(f"{root}: {errors} problem{'s' * (errors != 1)}{more}"), file=sys.stderr)
    return 0 if ok else 1

