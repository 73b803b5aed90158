"""The suite itself: collection stays free of TensorFlow, and every module's
docstring examples run (most at collection through ``--doctest-modules``)."""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

from module_scan import HEAVY, needs_heavy_import, source_modules

ROOT = Path(__file__).resolve().parents[1]
KERAS_MODULES = [p for p in source_modules(ROOT) if needs_heavy_import(p)]


def _name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_collecting_the_suite_does_not_import_tensorflow(pytestconfig):
    """Set by tests/conftest.py when collection finished, before any test ran."""
    imported = pytestconfig.heavy_modules_at_collection
    assert imported == [], (
        f"collecting the tests imported {imported}: a test module (or a module it imports "
        "at its top) imports Keras/TensorFlow; import it inside the tests, or use "
        "tests/lazy_import.py")


def test_the_doctest_scan_is_not_empty():
    """The modules that define Keras classes are few and known to the scan."""
    names = {_name(p) for p in KERAS_MODULES}
    assert "engine.training.one_cycle" in names
    assert all(n.split(".")[0] in ("engine", "gui", "presets") for n in names)
    assert not any(needs_heavy_import(p) for p in source_modules(ROOT)
                   if _name(p) in ("engine.network", "engine.analysis", "gui.main_window"))


@pytest.mark.parametrize("path", KERAS_MODULES, ids=_name)
def test_doctests_of_modules_that_need_keras(path):
    module = importlib.import_module(_name(path))
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    result = doctest.testmod(module, optionflags=flags)
    assert result.failed == 0, f"{result.failed} docstring example(s) of {_name(path)} failed"

