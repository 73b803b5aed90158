""""Sweep this…" on right-click of a parameter in the inspector.

Installed once by the main window; it adds nothing to the inspector itself:
an application event filter sees context-menu requests on an inspector
field (or its label), offers "Sweep this…", asks for the distribution
(prefilled from the current value) and adds ``NODE.PARAM`` to the
document's search space as one undo step, then shows the Experiments panel.
Light to import: no pyqtgraph, no Optuna.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QMenu, QWidget


def suggested_distribution(value) -> dict:
    """A starting distribution around ``value``."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return {"choice": [value] if value is not None else [None]}
    if isinstance(value, int):
        low, high = max(1, value // 2), max(2, value * 2)
        return {"int": [low, high], "step": max(1, (high - low) // 8)}
    if isinstance(value, float):
        if 0 < value < 1 and value >= 0.1:
            return {"float": [0.0, min(0.9, value * 2)]}
        if value > 0:
            return {"loguniform": [value / 10, value * 10]}
        return {"float": [value - 1.0, value + 1.0]}
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, int) for v in value):
        return {"choice": sorted({int(value[0]), int(value[0]) + 2})}
    return {"choice": [value]}


def add_to_space(doc, name: str, spec: dict) -> None:
    """Add (or replace) ``name`` in the document's space, as one undo step.
    Raises ``SpaceError`` (document unchanged) for a bad distribution."""
    from engine.experiments.space import check_space, parse_dimension
    from gui.experiments.commands import SetSpaceCommand

    dim = parse_dimension(name, spec)
    check_space(doc.network, [dim])
    section = dict(doc.network.extra.get("experiments") or {})
    space = dict(section.get("space") or {})
    space[name] = dim.to_dict()
    section["space"] = space
    doc.push(SetSpaceCommand(doc, section, f"Sweep {name}"))


class SweepThisMenu(QObject):
    """The application event filter behind "Sweep this…"."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.menu: QMenu | None = None  # the last menu shown (tests trigger its action)
        self.dialog: QInputDialog | None = None
        QApplication.instance().installEventFilter(self)

    def param_at(self, widget) -> str | None:
        """The parameter whose field (or label) ``widget`` is part of."""
        inspector = getattr(self.window, "inspector", None)
        if inspector is None or inspector.node_id is None or not isinstance(widget, QWidget) \
                or not inspector.isAncestorOf(widget):
            return None
        for name, editor in inspector.editors.items():
            w = editor.widget
            if w is widget or w.isAncestorOf(widget):
                return name
        if isinstance(widget, QLabel):
            text = widget.text().rstrip("*")
            if text in inspector.editors:
                return text
        return None

    def eventFilter(self, obj, event) -> bool:
        if event.type() != QEvent.ContextMenu:
            return False
        name = self.param_at(obj)
        if name is None:
            return False
        self.menu = QMenu(obj)
        self.menu.addAction("Sweep this…", lambda n=name: self.ask(n))
        self.menu.popup(event.globalPos())
        event.accept()
        return True

    def current_value(self, param: str):
        doc, nid = self.window.doc, self.window.inspector.node_id
        node = doc.network.nodes[nid]
        try:
            return node.resolved().get(param)
        except Exception:
            return node.params.get(param)

    def ask(self, param: str) -> QInputDialog:
        """Ask for the distribution of ``param`` (a non-blocking dialog)."""
        doc, nid = self.window.doc, self.window.inspector.node_id
        node = doc.network.nodes[nid]
        name = f"{node.name}.{param}"
        dialog = QInputDialog(self.window)
        dialog.setWindowTitle("Sweep this")
        dialog.setLabelText(f"Distribution of {name} — {{\"choice\": [...]}}, "
                            "{\"int\": [lo, hi], \"step\": s}, {\"float\": [lo, hi]} or "
                            "{\"loguniform\": [lo, hi]}:")
        dialog.setTextValue(json.dumps(suggested_distribution(self.current_value(param))))
        dialog.textValueSelected.connect(lambda text, n=name: self._chosen(n, text))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _chosen(self, name: str, text: str) -> None:
        from engine.errors import NeuroCanvasError

        try:
            spec = json.loads(text)
            add_to_space(self.window.doc, name, spec)
        except ValueError as exc:
            self.window.notify(f"Not swept: the distribution is not valid JSON ({exc}).")
            return
        except NeuroCanvasError as exc:
            self.window.notify(f"Not swept: {exc.message} {exc.hint}".strip())
            return
        self.window.show_experiments()


def install_sweep_menu(window) -> SweepThisMenu:
    return SweepThisMenu(window)
