"""Heavy modules for test files, imported when a test first uses them.

Collecting the suite must not import TensorFlow (it takes seconds, and a
module that needs it at import time is a bug this keeps visible): test
modules write ``from lazy_import import keras, tf`` and use them as usual
inside tests.
"""

from __future__ import annotations

import importlib


class LazyModule:
    """Stands for a module; the first attribute read imports it."""

    def __init__(self, name: str):
        self._name = name

    def __getattr__(self, attr: str):
        if attr.startswith("_") and attr != "__version__":
            # what tools look up on any object (pytest's collector asks every
            # module-level name for its fixture and test markers) is not a
            # reason to import the module
            raise AttributeError(attr)
        return getattr(importlib.import_module(self._name), attr)

    def __repr__(self) -> str:
        return f"<lazy module {self._name!r}>"


keras = LazyModule("keras")
tf = LazyModule("tensorflow")
