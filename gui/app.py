"""Start the editor: the window appears first, TensorFlow loads behind it.

``main(path)`` opens ``path`` (a document or a preset id) or, with none, the
default preset so that a first-time user sees a working network at once.
Nothing here imports TensorFlow on the GUI thread.
"""

from __future__ import annotations

import os
import sys
import time

DEFAULT_PRESET = "lenet5"


def main(path: str | None = None, exit_when_ready: bool = False, started: float | None = None) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("NeuroCanvas")
    app.setOrganizationName("NeuroCanvas")
    app.setApplicationDisplayName("NeuroCanvas")

    from engine.errors import NeuroCanvasError
    from gui.document import Document
    from gui.main_window import MainWindow
    from gui.tensorflow_loader import TensorFlowLoader

    loader = TensorFlowLoader()
    window = MainWindow(tensorflow=loader, autosave=not exit_when_ready)
    loaded = False
    if path:
        loaded = window.open_path(path) if _is_file(path) else window.open_preset(path)
    if not loaded:
        from presets import build_preset

        try:
            window.set_document(Document(build_preset(DEFAULT_PRESET)))
        except NeuroCanvasError:
            pass  # an empty document, then
    window.show()

    if exit_when_ready:
        def report():
            app.processEvents()
            elapsed = time.perf_counter() - started if started is not None else _since_process_start()
            print(f"{elapsed:.3f}")
            sys.stdout.flush()
            window.autosaver.discard = lambda: None  # never touch a real recovery file here
            app.exit(0)

        # the first idle turn of the event loop after the window is exposed
        QTimer.singleShot(0, report)
        code = app.exec()
        window.hide()
        return code

    QTimer.singleShot(0, window.ensure_dashboard)  # the editor is usable before the plots load
    if not path:
        QTimer.singleShot(0, window.offer_recovery)
    if not os.environ.get("NEUROCANVAS_NO_TENSORFLOW"):
        QTimer.singleShot(300, loader.start)  # after the first paint
    return app.exec()


def _is_file(source: str) -> bool:
    return os.path.exists(source) or source.endswith(".json") or os.sep in source


def _since_process_start() -> float:
    """Seconds since this process was created (Linux /proc; else since import)."""
    try:
        with open("/proc/self/stat") as f:
            start_ticks = int(f.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime") as f:
            uptime = float(f.read().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.perf_counter() - _IMPORTED


_IMPORTED = time.perf_counter()
