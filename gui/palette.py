"""The layer palette: catalog categories, a search box, and layers to drag onto
the canvas (or double-click to add at the centre of the view)."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtWidgets import QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from engine.catalog import categories
from gui import mime

TYPE_ROLE = Qt.UserRole + 1


def first_line(text: str) -> str:
    return (text or "").strip().split("\n", 1)[0]


def matches(spec, words: list[str]) -> bool:
    haystack = f"{spec.type} {spec.category} {spec.doc}".lower()
    return all(w in haystack for w in words)


class LayerTree(QTreeWidget):
    def mimeTypes(self):
        return [mime.LAYER_TYPE]

    def mimeData(self, items):
        data = QMimeData()
        item = items[0] if items else None
        type_name = item.data(0, TYPE_ROLE) if item is not None else None
        if type_name:
            data.setData(mime.LAYER_TYPE, type_name.encode())
            data.setText(type_name)
        return data


class Palette(QWidget):
    layer_activated = Signal(str)  # double-click or Enter: add this type

    def __init__(self, parent=None):
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search layers…")
        self.search.setClearButtonEnabled(True)
        self.tree = LayerTree()
        self.tree.setHeaderHidden(True)
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QTreeWidget.DragOnly)
        self.tree.setUniformRowHeights(True)
        self.tree.itemActivated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addWidget(self.tree)
        self.search.textChanged.connect(self.filter)
        self.search.returnPressed.connect(self._activate_first)
        self.reload()

    def reload(self) -> None:
        """Read the catalog again (layer types may be added while running tests)."""
        self.tree.clear()
        for category, specs in categories(palette_only=True).items():
            parent = QTreeWidgetItem([category.capitalize()])
            parent.setFlags(Qt.ItemIsEnabled)
            self.tree.addTopLevelItem(parent)
            for spec in specs:
                if spec.type == "Input" and category != "core":
                    continue
                child = QTreeWidgetItem([spec.type])
                child.setData(0, TYPE_ROLE, spec.type)
                child.setToolTip(0, spec.doc)
                child.setData(0, Qt.UserRole + 2, spec)
                child.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsDragEnabled)
                parent.addChild(child)
        self.tree.expandAll()
        self.filter(self.search.text())

    def filter(self, text: str) -> None:
        words = text.lower().split()
        for i in range(self.tree.topLevelItemCount()):
            parent = self.tree.topLevelItem(i)
            shown = 0
            for j in range(parent.childCount()):
                child = parent.child(j)
                ok = matches(child.data(0, Qt.UserRole + 2), words)
                child.setHidden(not ok)
                shown += ok
            parent.setHidden(shown == 0)

    def visible_types(self) -> list[str]:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            parent = self.tree.topLevelItem(i)
            for j in range(parent.childCount()):
                child = parent.child(j)
                if not child.isHidden() and not parent.isHidden():
                    out.append(child.data(0, TYPE_ROLE))
        return out

    def item_for(self, type_name: str) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            parent = self.tree.topLevelItem(i)
            for j in range(parent.childCount()):
                if parent.child(j).data(0, TYPE_ROLE) == type_name:
                    return parent.child(j)
        return None

    def _activated(self, item, _column=0) -> None:
        type_name = item.data(0, TYPE_ROLE)
        if type_name:
            self.layer_activated.emit(type_name)

    def _activate_first(self) -> None:
        types = self.visible_types()
        if types:
            self.layer_activated.emit(types[0])
