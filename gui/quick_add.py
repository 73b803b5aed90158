"""The quick-add popup: type a few letters, press Enter, and the layer is
inserted after the selected node (Tab), added beside it as a new branch
(Shift+Tab), or placed where the popup was opened (a connection released on
empty canvas, or no selection)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtWidgets import QApplication, QFrame, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout

from engine.catalog import all_specs
from gui.i18n import layer_doc
from gui.palette import first_line, ranked


@dataclass(frozen=True)
class Attach:
    """Where a new layer goes relative to an existing one: inserted after ``node``
    on the connections leaving its output ``port``, or (``branch``) a new branch
    from that port placed beside the layers below."""

    node: str
    port: int = 0
    branch: bool = False


class QuickAdd(QFrame):
    # type name, scene position, and an Attach, a (src id, port) pair or None
    chosen = Signal(str, QPointF, object)

    def __init__(self, parent=None):
        super().__init__(parent, Qt.Popup)
        self.setFrameShape(QFrame.StyledPanel)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("Add layer…"))
        self.list = QListWidget()
        self.list.setMinimumWidth(320)
        self.list.setMaximumHeight(260)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.edit)
        layout.addWidget(self.list)
        self.edit.textChanged.connect(self.refilter)
        self.edit.returnPressed.connect(self.accept_current)
        self.list.itemActivated.connect(lambda _item: self.accept_current())
        self.edit.installEventFilter(self)
        self.scene_pos = QPointF()
        self.connect_from = None
        self._return_focus = None

    def close_popup(self) -> None:
        """Hide, and give the focus back to where it was (Tab, a name, Enter, Tab again)."""
        back, self._return_focus = self._return_focus, None
        self.hide()
        if back is not None and back.isVisible():
            back.activateWindow()
            back.setFocus(Qt.PopupFocusReason)

    def open_at(self, global_pos, scene_pos: QPointF, connect_from=None) -> None:
        """Open at ``global_pos``; the chosen layer goes to ``scene_pos`` or, with
        ``connect_from`` (an Attach or a (node id, port) pair), after that layer —
        then only layers that take an input are offered."""
        self.scene_pos, self.connect_from = scene_pos, connect_from
        self._return_focus = QApplication.focusWidget()
        self.edit.clear()
        self.refilter("")
        self.move(global_pos)
        self.show()
        self.edit.setFocus()

    def refilter(self, text: str) -> None:
        self.list.clear()
        wanted = [s for s in all_specs() if s.palette
                  and (self.connect_from is None or s.inputs or s.variadic)]
        for spec in ranked(wanted, text):
            item = QListWidgetItem(f"{spec.type}    — {first_line(layer_doc(spec))}")

            item.setData(Qt.UserRole, spec.type)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def eventFilter(self, obj, event):
        if obj is self.edit and event.type() == event.Type.KeyPress:
            if event.key() in (Qt.Key_Down, Qt.Key_Up):
                row = self.list.currentRow() + (1 if event.key() == Qt.Key_Down else -1)
                self.list.setCurrentRow(max(0, min(self.list.count() - 1, row)))
                return True
            if event.key() == Qt.Key_Escape:
                self.close_popup()
                return True
        return super().eventFilter(obj, event)

    def accept_current(self) -> None:
        item = self.list.currentItem()
        self.close_popup()
        if item is not None:
            self.chosen.emit(item.data(Qt.UserRole), self.scene_pos, self.connect_from)
