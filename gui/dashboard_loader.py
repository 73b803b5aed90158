"""Loads the training dashboard after the window is up, without stalling it.

The dashboard's plots need numpy and pyqtgraph, about a second of imports.
:class:`DashboardLoader` imports them (and the dashboard's own modules) on a
worker thread (`gui.background`), then installs the dashboard on the GUI
thread; until then the editor is fully usable, and
``window.dashboard`` still installs it at once if something asks for it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from gui import background


class DashboardLoader(QObject):
    imported = Signal()  # the dashboard is installed (GUI thread)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.job = None

    def start(self) -> None:
        self.job = background.run(_import, self._install, parent=self, name="dashboard-imports")

    def _install(self, _result, _error: str) -> None:
        # an import that failed is reported by installing the dashboard
        self.window.ensure_dashboard()
        self.imported.emit()


def _import() -> None:
    """Worker thread: the modules the dashboard needs."""
    import numpy  # noqa: F401
    import pyqtgraph  # noqa: F401

    # the dashboard's own modules too: they only define classes (no Qt
    # object is made at import), so the GUI thread is left to build it
    import gui.training.dashboard  # noqa: F401
    import gui.training.data_panel  # noqa: F401
    import gui.training.runs_panel  # noqa: F401
    import gui.training.settings_panel  # noqa: F401
