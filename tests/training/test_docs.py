"""The examples in the docstrings of engine.data and engine.training run."""

import doctest
import importlib

import pytest

MODULES = ["engine.data", "engine.data.dataset", "engine.data.preprocessing",
           "engine.data.registry", "engine.data.settings", "engine.data.compat",
           "engine.data.augmentation", "engine.training.errors", "engine.training.schedules",
           "engine.training.one_cycle", "engine.training.compile", "engine.training.callbacks",
           "engine.training.settings", "engine.training.runs", "engine.training.runs.files",
           "engine.training.runs.records"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
