"""Run a function on a worker thread and get its result back on the GUI
thread, as a value or as a readable error (never a traceback)."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal


class Worker(QObject):
    """``Worker(parent).run(fn, on_done)``: ``on_done(result, error)`` on the GUI thread.

    Only the newest request's answer is delivered; an older one that ends
    later is dropped (editing quickly never shows a stale preview).
    """

    _done = Signal(int, object, str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._serial = 0
        self._callbacks: dict[int, object] = {}
        self._done.connect(self._deliver)
        self.busy = False

    def run(self, fn, on_done) -> int:
        self._serial += 1
        serial = self._serial
        self._callbacks = {serial: on_done}
        self.busy = True

        def work():
            try:
                result, error = fn(), ""
            except Exception as exc:  # shown to the person as a message
                message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
                hint = getattr(exc, "hint", "")
                result, error = None, f"{message}" + (f" — {hint}" if hint else "")
            self._done.emit(serial, result, error)

        threading.Thread(target=work, name="neurocanvas-worker", daemon=True).start()
        return serial

    def _deliver(self, serial: int, result, error: str) -> None:
        callback = self._callbacks.pop(serial, None)
        if serial == self._serial:
            self.busy = False
        if callback is not None:
            callback(result, error)
