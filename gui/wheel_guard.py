"""The mouse wheel never changes a combo box or spin box the user has not
clicked into: over one without focus, the wheel scrolls the panel around it.

One application-wide event filter does it for every such widget, present and
future (the inspector, the data and training panels): it gives them
``Qt.StrongFocus`` (so the wheel no longer focuses them) and hands a wheel
over an unfocused one to the nearest scroll area around it. A small plot
inside a form (marked with :func:`scroll_past_plots`) zooms by wheel only
once it has been clicked; until then the wheel scrolls the form too.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox

_GUARDED = (QAbstractSpinBox, QComboBox)


def _guarded(obj):
    """The combo or spin box ``obj`` is or belongs to (its line edit), else None."""
    if isinstance(obj, _GUARDED):
        return obj
    parent = obj.parent() if isinstance(obj, QObject) and obj.isWidgetType() else None
    return parent if isinstance(parent, _GUARDED) else None


def _scroll_area_around(widget):
    w = widget.parentWidget()
    while w is not None:
        if isinstance(w, QAbstractScrollArea) and not isinstance(w.parentWidget(), QComboBox):
            return w
        w = w.parentWidget()
    return None


class WheelGuard(QObject):
    def eventFilter(self, obj, event):
        kind = event.type()
        if kind in (QEvent.Polish, QEvent.Show):
            if isinstance(obj, _GUARDED) and obj.focusPolicy() == Qt.WheelFocus:
                obj.setFocusPolicy(Qt.StrongFocus)
            return False
        if kind != QEvent.Wheel:
            return False
        if obj.property("wheel_viewport"):           # a plot in a form, not clicked yet
            widget = obj.parent()
            if widget is None or widget.hasFocus():
                return False
            _forward(widget, event)
            return True
        widget = _guarded(obj)
        if widget is None or widget.hasFocus() or (widget.isEnabled() and _popup_open(widget)):
            return False
        _forward(widget, event)
        return True  # the value stays as it is


def _forward(widget, event) -> None:
    """Give a wheel event over ``widget`` to the scroll area around it."""
    area = _scroll_area_around(widget)
    if area is not None:
        viewport = area.viewport()
        local = viewport.mapFromGlobal(event.globalPosition().toPoint())
        forwarded = QWheelEvent(QPointF(local), event.globalPosition(), event.pixelDelta(), event.angleDelta(),
                                event.buttons(), event.modifiers(), event.phase(), event.inverted())
        QApplication.sendEvent(viewport, forwarded)


def _popup_open(widget) -> bool:
    return isinstance(widget, QComboBox) and widget.view().isVisible()


def scroll_past_plots(root) -> None:
    """Mark the pyqtgraph plots under ``root`` (a form in a scroll area): the
    wheel over one scrolls the form until the plot is clicked."""
    import pyqtgraph as pg

    for view in root.findChildren(pg.GraphicsView):
        view.setFocusPolicy(Qt.ClickFocus)
        view.viewport().setProperty("wheel_viewport", True)


_installed: WheelGuard | None = None


def install(app: QApplication | None = None) -> WheelGuard:
    """Install the guard on the application (once)."""
    global _installed
    app = app or QApplication.instance()
    if _installed is None:
        _installed = WheelGuard(app)
        app.installEventFilter(_installed)
    return _installed
