""""Sweep this…" on right-click of a parameter in the inspector or of a
setting in the training settings.

Installed once by the main window; it adds nothing to those panels: an
application event filter sees context-menu requests on an inspector field
(or its label) or a training setting, offers "Sweep this…", asks for the
distribution (prefilled around the current value) and adds ``NODE.PARAM``
(or ``lr``, ``optimizer``, ``training.PATH``) to the document's search
space as one undo step, then shows the Experiments panel.
Light to import: no pyqtgraph, no Optuna.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QMenu, QWidget

from gui.i18n import translate


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
    doc.push(SetSpaceCommand(doc, section,
                             translate("SweepThisMenu", "Sweep {name}").format(name=name)))


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

    def setting_at(self, widget) -> tuple[str, object] | None:
        """``(space name, current value)`` of the training setting ``widget``
        belongs to, in the training dashboard's settings; ``None`` otherwise."""
        panel = getattr(getattr(self.window, "_dashboard", None), "settings_panel", None)
        if panel is None or not isinstance(widget, QWidget) or not panel.isAncestorOf(widget):
            return None

        def owns(w):
            return w is not None and (w is widget or w.isAncestorOf(widget))

        fixed = (("epochs", "training.epochs"), ("batch", "training.batch_size"),
                 ("optimizer", "optimizer"))
        for attr, name in fixed:
            w = getattr(panel, attr, None)
            if owns(w):
                return name, _widget_value(w)
        form = getattr(panel, "opt_form", None)
        for key, w in (getattr(form, "edits", None) or {}).items():
            if owns(w):
                name = "lr" if key == "learning_rate" else f"training.compile.optimizer.{key}"
                return name, _widget_value(w)
        return None

    def eventFilter(self, obj, event) -> bool:
        if event.type() != QEvent.ContextMenu:
            return False
        param = self.param_at(obj)
        setting = None if param is not None else self.setting_at(obj)
        if param is None and setting is None:
            return False
        self.menu = QMenu(obj)
        if param is not None:
            self.menu.addAction(self.tr("Sweep this…"), lambda p=param: self.ask(p))
        else:
            self.menu.addAction(self.tr("Sweep this…"), lambda s=setting: self.ask_named(*s))
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
        """Ask for the distribution of the selected layer's ``param``."""
        node = self.window.doc.network.nodes[self.window.inspector.node_id]
        return self.ask_named(f"{node.name}.{param}", self.current_value(param))

    def ask_named(self, name: str, value) -> QInputDialog:
        """Ask for the distribution of ``name`` (a non-blocking dialog)."""
        if name == "optimizer":
            from engine.training.compile import OPTIMIZERS

            suggestion = {"choice": sorted({str(value), "adam", "sgd"} & set(OPTIMIZERS))}
        elif name == "lr" and isinstance(value, (int, float)) and value > 0:
            suggestion = {"loguniform": [value / 10, min(1.0, value * 10)]}
        else:
            suggestion = suggested_distribution(value)
        dialog = QInputDialog(self.window)
        dialog.setWindowTitle(self.tr("Sweep this"))
        dialog.setLabelText(self.tr("Distribution of {name} — {choice}, {int}, {float} or "
                                    "{loguniform}:").format(
            name=name, choice='{"choice": [...]}', int='{"int": [lo, hi], "step": s}',
            float='{"float": [lo, hi]}', loguniform='{"loguniform": [lo, hi]}'))
        dialog.setTextValue(json.dumps(suggestion))
        dialog.textValueSelected.connect(lambda text, n=name: self._chosen(n, text))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _chosen(self, name: str, text: str) -> None:
        from engine.errors import NeuroCanvasError
        from gui.relayed import engine_text

        try:
            spec = json.loads(text)
            add_to_space(self.window.doc, name, spec)
        except ValueError as exc:
            self.window.notify(self.tr("Not swept: the distribution is not valid JSON ({error}).")
                               .format(error=exc))
            return
        except NeuroCanvasError as exc:
            self.window.notify(self.tr("Not swept: {reason}").format(
                reason=f"{engine_text(exc.message)} {engine_text(exc.hint)}".strip()))
            return
        self.window.show_experiments()


def _widget_value(w):
    """The value a settings widget shows (a number where the text is one)."""
    for getter in ("value", "currentText", "isChecked", "text"):
        fn = getattr(w, getter, None)
        if fn is None:
            continue
        v = fn()
        if isinstance(v, str):
            try:
                return json.loads(v)
            except ValueError:
                return v
        return v
    return None


def install_sweep_menu(window) -> SweepThisMenu:
    return SweepThisMenu(window)
