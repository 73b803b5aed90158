"""The mouse wheel never changes a combo box or spin box the user has not
clicked into: over one without focus, the wheel scrolls the panel around it.

One application-wide event filter does it for every such widget, present and
future (the inspector, the data and training panels): it gives them
``Qt.StrongFocus`` (so the wheel no longer focuses them) and hands a wheel
over an unfocused one to the nearest scroll area around it.
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
        widget = _guarded(obj)
        if widget is None or widget.hasFocus() or (widget.isEnabled() and _popup_open(widget)):
            return False
        area = _scroll_area_around(widget)
        if area is not None:
            viewport = area.viewport()
            local = viewport.mapFromGlobal(event.globalPosition().toPoint())
            forwarded = QWheelEvent(QPointF(local), event.globalPosition(), event.pixelDelta(), event.angleDelta(),
                                    event.buttons(), event.modifiers(), event.phase(), event.inverted())
            QApplication.sendEvent(viewport, forwarded)
        return True  # the value stays as it is


def _popup_open(widget) -> bool:
    return isinstance(widget, QComboBox) and widget.view().isVisible()


_installed: WheelGuard | None = None


def install(app: QApplication | None = None) -> WheelGuard:
    """Install the guard on the application (once)."""
    global _installed
    app = app or QApplication.instance()
    if _installed is None:
        _installed = WheelGuard(app)
        app.installEventFilter(_installed)
    return _installed
