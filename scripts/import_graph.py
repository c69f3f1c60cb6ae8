"""Print Wiredesk's import graph: layer to layer (with counts) and every import cycle.

    python scripts/import_graph.py            # edges between tui's layers, then cycles
    python scripts/import_graph.py --modules  # also every module-to-module edge
    python scripts/import_graph.py --check    # exit status 1 when there is an import cycle

Function-level imports and imports under ``if TYPE_CHECKING:`` count like module-level ones
(grimp reads them all; ``exclude_type_checking_imports`` is left off), so a cycle hidden inside
a function or behind a type annotation shows here (tests/test_import_cycles.py keeps it at
none). The layer order the import contract enforces is in pyproject.toml
([tool.importlinter]) and docs/ARCHITECTURE.md.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

import grimp

LAYERS = ["tui.cli", "tui.app", "tui.screens", "tui.widgets", "tui.render", "tui.desk",
          "tui.core"]


def layer_of(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2]) if len(parts) > 1 else module


def cycles(graph, modules: set[str]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    counter = 0
    for root in sorted(modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root) & modules)))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(
                        graph.find_modules_directly_imported_by(child) & modules))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                comp = []
                while True:
                    m = stack.pop()
                    on_stack.discard(m)
                    comp.append(m)
                    if m == node:
                        break
                if len(comp) > 1:
                    out.append(sorted(comp))
    return sorted(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--modules", action="store_true", help="print module-to-module edges too")
    ap.add_argument("--check", action="store_true", help="exit status 1 on an import cycle")
    args = ap.parse_args(argv)
    graph = grimp.build_graph("tui", exclude_type_checking_imports=False)
    modules = set(graph.modules)
    edges: Counter[tuple[str, str]] = Counter()
    for m in modules:
        for d in graph.find_modules_directly_imported_by(m):
            if layer_of(m) != layer_of(d):
                edges[layer_of(m), layer_of(d)] += 1
    print(f"{len(modules)} modules; layers, top to bottom: {' > '.join(LAYERS)}")
    for (a, b), n in sorted(edges.items()):
        up = (a in LAYERS and b in LAYERS and LAYERS.index(b) < LAYERS.index(a))
        print(f"  {a:14} -> {b:14} {n:4}{'   UPWARD' if up else ''}")
    found = cycles(graph, modules)
    print(f"import cycles: {len(found)}")
    for comp in found:
        print("  " + " <-> ".join(comp))
    if args.modules:
        for m in sorted(modules):
            for d in sorted(graph.find_modules_directly_imported_by(m)):
                print(f"{m} -> {d}")
    return 1 if args.check and found else 0


if __name__ == "__main__":
    sys.exit(main())
