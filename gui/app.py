"""Start the editor: the window appears first, TensorFlow loads behind it.

``main(path)`` opens ``path`` (a document or a preset id) or, with none, the
default preset so that a first-time user sees a working network at once.
Nothing here imports TensorFlow on the GUI thread, and nothing that only
training needs (numpy, pyqtgraph) is imported before the window is up.
``--exit-when-ready`` stops at exactly the point where a normal start hands
the rest to background threads.
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
    from gui import wheel_guard

    wheel_guard.install(app)

    from engine.errors import NeuroCanvasError
    from gui.dashboard_loader import DashboardLoader
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

    def ready():
        """The first idle turn of the event loop after the window is shown: the
        editor is usable from here; what only some actions need loads after it."""
        app.processEvents()  # the first paint
        if exit_when_ready:
            elapsed = time.perf_counter() - started if started is not None else _since_process_start()
            print(f"{elapsed:.3f}")
            sys.stdout.flush()
            window.autosaver.discard = lambda: None  # never touch a real recovery file here
            app.exit(0)
            return
        # the training dashboard needs numpy and pyqtgraph (about a second of
        # imports): a thread imports them, then the dashboard is installed
        DashboardLoader(window).start()
        if not os.environ.get("NEUROCANVAS_NO_TENSORFLOW"):
            QTimer.singleShot(300, loader.start)
        if not path:
            window.offer_recovery()  # may ask a question (a modal dialog)

    QTimer.singleShot(0, ready)
    code = app.exec()
    if exit_when_ready:
        window.hide()
    return code


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
