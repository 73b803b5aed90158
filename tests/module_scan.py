"""What a module imports when it is imported, read from its source (nothing is run).

The suite's collection must not import TensorFlow; ``imports_at_top`` tells
which of our modules would (a Keras subclass at module level needs Keras to be
defined), so their doctests run as tests instead of at collection.
"""

from __future__ import annotations

import ast
from pathlib import Path

HEAVY = frozenset({"tensorflow", "keras", "tf2onnx", "onnxruntime", "jax", "torch"})


def imports_at_top(path: Path) -> set[str]:
    """Top-level package names imported when ``path`` is imported: module-level
    ``import``/``from`` statements, also inside module-level ``if``/``try``
    (but not ``if TYPE_CHECKING:``); imports inside functions are not counted.

    >>> sorted(imports_at_top(Path(__file__)))
    ['__future__', 'ast', 'pathlib']
    """
    found: set[str] = set()

    def visit(body):
        for node in body:
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
            elif isinstance(node, ast.If) and "TYPE_CHECKING" not in ast.unparse(node.test):
                visit(node.body)
                visit(node.orelse)
            elif isinstance(node, ast.Try):
                visit(node.body)
                for handler in node.handlers:
                    visit(handler.body)
                visit(node.orelse)
                visit(node.finalbody)

    visit(ast.parse(Path(path).read_text(encoding="utf-8")).body)
    return found


def needs_heavy_import(path: Path) -> bool:
    """Whether importing ``path`` imports TensorFlow, Keras or another heavy runtime itself."""
    return bool(imports_at_top(path) & HEAVY)


def source_modules(root: Path) -> list[Path]:
    """The product's modules (engine, gui, presets, neurocanvas_cli), in a stable order."""
    return sorted(p for package in ("engine", "gui", "presets", "neurocanvas_cli")
                  for p in (root / package).rglob("*.py"))
