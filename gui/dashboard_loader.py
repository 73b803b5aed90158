"""Loads the training dashboard after the window is up, without stalling it.

The dashboard's plots need numpy and pyqtgraph, about a second of imports.
:class:`DashboardLoader` imports them (and the dashboard's own modules) on a
thread, then installs the
dashboard on the GUI thread; until then the editor is fully usable, and
``window.dashboard`` still installs it at once if something asks for it.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal


class DashboardLoader(QObject):
    imported = Signal()

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.imported.connect(self._install)  # queued: emitted from the thread

    def start(self) -> None:
        threading.Thread(target=self._import, name="dashboard-imports", daemon=True).start()

    def _import(self) -> None:
        try:
            import numpy  # noqa: F401
            import pyqtgraph  # noqa: F401

            # the dashboard's own modules too: they only define classes (no Qt
            # object is made at import), so the GUI thread is left to build it
            import gui.training.dashboard  # noqa: F401
            import gui.training.data_panel  # noqa: F401
            import gui.training.runs_panel  # noqa: F401
            import gui.training.settings_panel  # noqa: F401
        except Exception:  # noqa: BLE001  (installing the dashboard reports it)
            pass
        try:
            self.imported.emit()
        except RuntimeError:  # the window is already gone
            pass

    def _install(self) -> None:
        self.window.ensure_dashboard()
