"""Building many small objects at once: the cyclic garbage collector paused.

Opening a document of thousands of layers creates hundreds of thousands of
small objects that all stay alive; the collector, triggered by the count of
new objects, would walk them again and again for nothing (half of the time
of opening a 9,600-layer document). :func:`collection_paused` turns it off
for such a build and back on afterwards, nested and from several threads at
once: the collector is turned back on only by the last one out, and only if
it was on when the first came in (the editor keeps it off, collecting on its
own timer instead, see ``gui.gc_guard``).

>>> import gc
>>> with collection_paused():
...     with collection_paused():
...         gc.isenabled()
...     gc.isenabled()
False
False
>>> gc.isenabled()
True
"""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def collection_paused():
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
