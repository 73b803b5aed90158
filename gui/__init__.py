"""The NeuroCanvas desktop editor (PySide6).

Everything here renders engine state and turns gestures into engine edits
wrapped in undo commands; shape rules, Keras calls and file formats live in
:mod:`engine`.
"""

import sys


def _guard_none_refcount() -> None:
    """Work around a PySide6/shiboken6 6.12.0 bug on CPython < 3.12.

    That release returns ``None`` (and ``True``/``False``) from C++ methods
    without taking a reference (correct only where they are immortal, i.e.
    3.12+), so each call lowers their reference count by one and a session
    aborts with "none_dealloc" after a few thousand calls. Raising the counts
    once by a huge margin makes them effectively immortal, as newer Pythons do. 6.11 and
    earlier are not affected; pinning ``PySide6-Essentials!=6.12.0`` avoids it.
    """
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    try:
        import shiboken6
    except ImportError:
        return
    if not str(getattr(shiboken6, "__version__", "")).startswith("6.12."):
        return
    if getattr(sys, "_neurocanvas_none_guard", False):
        return
    import ctypes

    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40
    sys._neurocanvas_none_guard = True


_guard_none_refcount()
