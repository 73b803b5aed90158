"""The packages import one way: neurocanvas_cli above gui and presets, both above the
engine; inside the engine and the presets, no module imports one that imports it back.

The imports are read from the source with ``ast`` (nothing is imported) into a networkx
``DiGraph`` of modules. Function-level ("lazy") imports count like the others: they keep
TensorFlow and the gallery off the start-up path, but they may only point down.
"""

import ast
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("engine", "presets", "gui", "neurocanvas_cli")
# What each package may import, besides itself.
MAY_IMPORT = {
    "engine": set(),
    "presets": {"engine"},
    "gui": {"engine", "presets"},
    "neurocanvas_cli": {"engine", "presets", "gui"},
}


def module_files(package: str) -> dict:
    out = {}
    for path in sorted((ROOT / package).rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


MODULES = {name: path for package in PACKAGES for name, path in module_files(package).items()}


def imports_of(name: str, path: Path):
    """(imported module, imported name or None, line, lazy) for each import of ours."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]

    def visit(node, lazy):
        for child in ast.iter_child_nodes(node):
            inner = lazy or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            if isinstance(child, ast.Import):
                for alias in child.names:
                    yield alias.name, None, child.lineno, inner
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    base = package.split(".")[:len(package.split(".")) - child.level + 1]
                    target = ".".join(base + ([child.module] if child.module else []))
                else:
                    target = child.module or ""
                for alias in child.names:
                    full = f"{target}.{alias.name}"
                    yield (full, None, child.lineno, inner) if full in MODULES else \
                        (target, alias.name, child.lineno, inner)
            yield from visit(child, inner)

    for target, imported, line, lazy in visit(tree, False):
        if target.split(".")[0] in PACKAGES:
            yield target, imported, line, lazy


IMPORTS = [(name, target, imported, line, lazy) for name, path in MODULES.items()
           for target, imported, line, lazy in imports_of(name, path)]


def import_graph() -> nx.DiGraph:
    """Modules and what they import; an edge is ``lazy`` when every import behind it is."""
    graph = nx.DiGraph()
    graph.add_nodes_from(MODULES)
    for name, target, _imported, line, lazy in IMPORTS:
        if graph.has_edge(name, target):
            graph.edges[name, target]["lazy"] &= lazy
        else:
            graph.add_edge(name, target, line=line, lazy=lazy)
    return graph


GRAPH = import_graph()


def where(edge) -> str:
    data = GRAPH.edges[edge]
    return (f"{MODULES[edge[0]].relative_to(ROOT)}:{data['line']} imports {edge[1]}"
            f"{' (inside a function)' if data['lazy'] else ''}")


def test_the_graph_is_read_from_the_sources():
    # a few edges that must be there, so that an empty graph cannot pass
    for edge in [("engine.network", "engine.catalog"), ("engine.keras_build", "engine.weights"),
                 ("presets.registry", "presets.declare"), ("neurocanvas_cli", "gui.launch")]:
        assert GRAPH.has_edge(*edge), edge
    assert GRAPH.number_of_nodes() > 150


@pytest.mark.parametrize("package", PACKAGES)
def test_a_package_imports_only_the_layers_below_it(package):
    wrong = [where((a, b)) for a, b in GRAPH.edges
             if a.split(".")[0] == package and b.split(".")[0] != package
             and b.split(".")[0] not in MAY_IMPORT[package]]
    assert wrong == []


def test_no_module_of_the_engine_or_the_presets_imports_itself_back():
    inner = GRAPH.subgraph(n for n in GRAPH if n.split(".")[0] in ("engine", "presets")).copy()
    cycles = list(nx.simple_cycles(inner))
    assert cycles == [], "\n".join(" -> ".join(c + [c[0]]) for c in cycles[:10])
    # and the package-level graph is a DAG too (what the table in MAY_IMPORT says)
    packages = nx.DiGraph((a.split(".")[0], b.split(".")[0]) for a, b in GRAPH.edges
                          if a.split(".")[0] != b.split(".")[0])
    assert nx.is_directed_acyclic_graph(packages)


def test_the_module_level_imports_of_the_engine_have_no_loop_at_all():
    top = nx.DiGraph((a, b) for a, b, lazy in GRAPH.edges(data="lazy") if not lazy)
    assert nx.is_directed_acyclic_graph(top), nx.find_cycle(top)


def test_no_private_name_is_imported_from_another_module():
    private = [f"{MODULES[a].relative_to(ROOT)}:{line} imports {imported} from {b}"
               for a, b, imported, line, _lazy in IMPORTS
               if imported and imported.startswith("_")]
    assert private == []
