"""Garbage collection on the GUI thread only.

Python's collector runs on whichever thread happens to allocate when a
threshold is crossed. Training, data loading and the TensorFlow import run
on background threads, so the collector may run there and free the last
reference to a Qt object caught in a reference cycle; deleting a QObject
off its own thread can deadlock or crash Qt. `GuiThreadCollector` turns
automatic collection off and collects on a timer of the GUI thread
instead, with the interpreter's own generation thresholds.

Full collections walk every tracked object: about 0.2 s once TensorFlow is
imported. `freeze_long_lived()` (called when TensorFlow has loaded) moves
everything alive at that point — modules, TensorFlow's own objects — into
the permanent generation (``gc.freeze``), so later full collections look
only at what the session made since and take milliseconds.

Example::

    collector = install(QApplication.instance())   # idempotent
    collector.collections                           # [gen0, gen1, gen2] so far
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 200


class GuiThreadCollector(QObject):
    def __init__(self, parent=None, interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.collections = [0, 0, 0]
        self.timer = QTimer(self)
        self.timer.setInterval(int(interval_ms))
        self.timer.timeout.connect(self.collect_due)

    @property
    def active(self) -> bool:
        return self.timer.isActive()

    def start(self) -> None:
        gc.disable()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        gc.enable()

    def collect_due(self) -> int | None:
        """Collect the generation the interpreter would have collected by now."""
        t0, t1, t2 = self.thresholds
        c0, c1, c2 = gc.get_count()
        if t0 <= 0 or c0 <= t0:
            return None
        generation = 2 if c2 > t2 else 1 if c1 > t1 else 0
        gc.collect(generation)
        self.collections[generation] += 1
        return generation


_collector: GuiThreadCollector | None = None


def stop() -> None:
    """Back to the interpreter's automatic collection (tests, shutdown)."""
    if _collector is not None:
        try:
            _collector.stop()
        except RuntimeError:    # its application is gone
            gc.enable()
    else:
        gc.enable()


def install(app: QCoreApplication | None = None) -> GuiThreadCollector:
    """Start collecting on the GUI thread (once per application)."""
    global _collector
    app = app or QCoreApplication.instance()
    try:
        alive = _collector is not None and _collector.parent() is app
    except RuntimeError:        # the application it belonged to is gone
        alive = False
    if not alive:
        _collector = GuiThreadCollector(app)
    if not _collector.active:
        _collector.start()
    return _collector


_frozen = False


def freeze_long_lived() -> bool:
    """Keep everything alive now out of later full collections (once per
    process: what is frozen is never collected, so later calls do nothing)."""
    global _frozen
    if _frozen:
        return False
    gc.collect(0)               # leave the short-lived garbage of the moment out
    gc.freeze()
    _frozen = True
    return True
