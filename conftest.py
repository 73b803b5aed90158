"""Doctests are collected from every module of the product (``--doctest-modules``
in pyproject.toml). A module that imports Keras or TensorFlow when it is
imported (it defines Keras classes) is not imported at collection, so that
collecting the suite stays free of TensorFlow; its docstring examples run in
``tests/test_suite_hygiene.py::test_doctests_of_modules_that_need_keras``.
The same holds for the tests' own helper modules that define Keras classes
(their tests import them when they run).
"""

from pathlib import Path

from tests.module_scan import needs_heavy_import


PRODUCT = ("engine", "gui", "presets")


def pytest_ignore_collect(collection_path: Path, config):
    if collection_path.suffix != ".py":
        return None
    try:
        package = collection_path.relative_to(config.rootpath).parts[0]
    except ValueError:
        return None
    helper = package == "tests" and not collection_path.name.startswith(("test_", "conftest"))
    if (package in PRODUCT or helper) and needs_heavy_import(collection_path):
        return True     # a test helper that defines Keras classes: imported by its tests
    return None
