"""The mouse wheel over a form scrolls the form: a combo box or spin box
changes its value by wheel only once it has the focus (clicked or tabbed
into), so scrolling through the settings never edits them by accident."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QScrollArea, QWidget


class WheelGuard(QObject):
    """Event filter: a wheel event over an unfocused value widget goes to the
    scroll area around it instead."""

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Wheel and isinstance(obj, (QComboBox, QAbstractSpinBox)) \
                and not obj.hasFocus():
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
    for w in root.findChildren(QWidget):
        if isinstance(w, (QComboBox, QAbstractSpinBox)) and not w.property("wheel_guarded"):
            w.setFocusPolicy(Qt.StrongFocus)
            w.installEventFilter(guard)
            w.setProperty("wheel_guarded", True)
    return guard
