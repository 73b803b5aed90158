"""The mouse wheel over a form scrolls the form: a combo box or spin box
changes its value by wheel only once it has the focus (clicked or tabbed
into), and a small plot in the form zooms only once clicked, so scrolling
through the settings never edits or zooms anything by accident."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QScrollArea, QWidget


class WheelGuard(QObject):
    """Event filter: a wheel event over an unfocused value widget goes to the
    scroll area around it instead."""

    def eventFilter(self, obj, event) -> bool:
        owner = obj.parent() if obj.property("wheel_viewport") else obj
        if event.type() == QEvent.Wheel and owner is not None and not owner.hasFocus() \
                and (obj.property("wheel_viewport") or isinstance(obj, (QComboBox,
                                                                        QAbstractSpinBox))):
            area = obj.parent()
            while area is not None and not isinstance(area, QScrollArea):
                area = area.parent()
            if area is not None:
                QCoreApplication.sendEvent(area.verticalScrollBar(), event)
            return True
        return False


def guard_wheel(root: QWidget) -> WheelGuard:
    """Guard every combo box and spin box under ``root`` (now and later
    ones must be guarded again)."""
    guard = getattr(root, "_wheel_guard", None)
    if guard is None:
        guard = root._wheel_guard = WheelGuard(root)
    import pyqtgraph as pg

    for w in root.findChildren(QWidget):
        if w.property("wheel_guarded"):
            continue
        if isinstance(w, (QComboBox, QAbstractSpinBox)):
            w.setFocusPolicy(Qt.StrongFocus)
            w.installEventFilter(guard)
            w.setProperty("wheel_guarded", True)
        elif isinstance(w, pg.GraphicsView):   # its viewport receives the wheel
            w.setFocusPolicy(Qt.ClickFocus)
            w.viewport().setProperty("wheel_viewport", True)
            w.viewport().installEventFilter(guard)
            w.setProperty("wheel_guarded", True)
    return guard
