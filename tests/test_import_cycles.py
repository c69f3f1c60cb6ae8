"""No import cycle in tui: every import counts, function-level and TYPE_CHECKING ones too
(``scripts/import_graph.py`` prints the graph and its cycles)."""

import importlib.util
from pathlib import Path

import grimp

_SPEC = importlib.util.spec_from_file_location(
    "import_graph", Path(__file__).parent.parent / "scripts" / "import_graph.py")
assert _SPEC is not None and _SPEC.loader is not None
import_graph = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(import_graph)


def test_the_cycle_finder_finds_a_hidden_cycle():
    g = grimp.ImportGraph()
    for m in ("p", "p.a", "p.b", "p.c", "p.d"):
        g.add_module(m)
    g.add_import(importer="p.a", imported="p.b")
    g.add_import(importer="p.b", imported="p.c")
    g.add_import(importer="p.c", imported="p.a")  # e.g. inside a function
    g.add_import(importer="p.d", imported="p.a")
    assert import_graph.cycles(g, set(g.modules)) == [["p.a", "p.b", "p.c"]]


def test_tui_has_no_import_cycle():
    graph = grimp.build_graph("tui", exclude_type_checking_imports=False)
    assert import_graph.cycles(graph, set(graph.modules)) == []
