"""Explain views: attribution maps, embeddings, mistakes, activation health and
recurrent states of a run, a paused training or a model file.

`install_explain` adds the Explain menu to the editor window; the views
themselves (and pyqtgraph, Keras) are imported only when it is used.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

from gui.i18n import translate


def install_explain(window) -> None:
    """Add the Explain menu (Explain Model…) to ``window``'s menu bar."""
    menu = window.menuBar().addMenu(translate("ExplainMenu", "E&xplain"))
    action = QAction(translate("ExplainMenu", "&Explain Model…"), window)
    action.setShortcut(QKeySequence("Ctrl+Shift+E"))
    action.setStatusTip(translate("ExplainMenu", "Why did it predict that? Attribution maps, "
                                  "embeddings, mistakes, activation health"))
    action.triggered.connect(lambda _checked=False: open_explain(window))
    menu.addAction(action)
    window.addAction(action)  # the shortcut works wherever the focus is in the window
    window.act_explain = action


def open_explain(window):
    """Show (creating it once) the explain window of ``window``: the run
    selected in the runs panel is the one explained (else the newest), the
    layer selected on the canvas the one the views start from."""
    from gui.explain.explain_window import ExplainWindow

    view = getattr(window, "explain_window", None)
    if view is None:
        view = ExplainWindow(window)
        window.explain_window = view
    view.prefer_layer(_selected_layer(window))
    view.refresh_sources(prefer_run=_selected_run(window))
    view.show()
    view.raise_()
    return view


def _selected_run(window):
    """The folder of the one run selected in the dashboard's runs panel, if any."""
    panel = getattr(getattr(window, "_dashboard", None), "runs_panel", None)
    try:
        runs = panel.selected() if panel is not None else []
    except Exception:
        return None
    return runs[0].path if len(runs) == 1 else None


def _selected_layer(window) -> str | None:
    """The name of the one node selected on the canvas, if any."""
    try:
        ids = window.scene.selected_node_ids()
        nodes = window.doc.network.nodes
    except AttributeError:
        return None
    return nodes[ids[0]].name if len(ids) == 1 and ids[0] in nodes else None


__all__ = ["install_explain", "open_explain"]
