"""Print the README's key table (Markdown) from the keymaps and the app's bindings.

    python3 scripts/keytable.py            # the default keymap, with vim and emacs columns
    python3 scripts/keytable.py --only vim # one keymap
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.keys import available_keymaps, resolve_keymap
from tui.screens.help import key_rows
from tui.widgets.keylabels import keys_label


def cell(keys: str) -> str:
    label = keys_label(keys, limit=4).replace("|", "\\|")
    return f"`{label}`" if label else ""


def table(names: list[str]) -> str:
    maps = {n: resolve_keymap(n) for n in names}
    head = ["What", *(n.capitalize() for n in names)]
    lines = []
    section = None
    for sec, bid, _keys, what in key_rows(maps[names[0]]):
        if sec != section:
            lines += ["", f"**{sec}**", "", "| " + " | ".join(head) + " |",
                      "|" + "---|" * len(head)]
            section = sec
        lines.append("| " + " | ".join([what, *(cell(maps[n][bid]) for n in names)]) + " |")
    return "\n".join(lines).strip() + "\n"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--only", choices=available_keymaps(), help="one keymap only")
    args = p.parse_args(argv)
    names = [args.only] if args.only else ["default"] + [n for n in available_keymaps()
                                                       if n != "default"]
    sys.stdout.write(table(names))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
