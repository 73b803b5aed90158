"""The layer palette: catalog categories, a search box, and layers to drag onto
the canvas (or double-click to add after the selected layer, or at the centre
of the view). While searching, the matches show as one list, best first:
exact names, then names that start with the text, then names that contain
it, then layers whose description mentions it."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtWidgets import QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from engine.catalog import all_specs, categories
from gui import mime
from gui.canvas.style import category_name
from gui.i18n import layer_doc

TYPE_ROLE = Qt.UserRole + 1


def first_line(text: str) -> str:
    return (text or "").strip().split("\n", 1)[0]


def matches(spec, words: list[str]) -> bool:
    haystack = f"{spec.type} {spec.category} {spec.doc} {category_name(spec.category)} {layer_doc(spec)}".lower()
    return all(w in haystack for w in words)


def match_rank(spec, text: str) -> int | None:
    """How well ``spec`` matches the search ``text``: 0 its name exactly, 1 its name
    starts with it, 2 its name contains it, 3 its category or description holds
    every word; None when it does not match. Case and spaces do not count."""
    words = text.lower().split()
    query = "".join(words)
    name = spec.type.lower()
    if not query:
        return 3
    if name == query:
        return 0
    if name.startswith(query):
        return 1
    if query in name:
        return 2
    return 3 if matches(spec, words) else None


def ranked(specs, text: str) -> list:
    """The specs that match ``text``, best first (:func:`match_rank`; shorter names
    first within a rank, then catalog order)."""
    scored = [(match_rank(s, text), i, s) for i, s in enumerate(specs)]
    scored = [(r, len(s.type) if r in (1, 2) else 0, i, s) for r, i, s in scored if r is not None]
    return [s for *_key, s in sorted(scored, key=lambda t: t[:3])]


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
        self.search.setPlaceholderText(self.tr("Search layers…"))
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
        self._shown_query = None
        self.filter(self.search.text())

    def _child(self, spec) -> QTreeWidgetItem:
        child = QTreeWidgetItem([spec.type])
        child.setData(0, TYPE_ROLE, spec.type)
        child.setToolTip(0, layer_doc(spec))
        child.setData(0, Qt.UserRole + 2, spec)
        child.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsDragEnabled)
        return child

    def filter(self, text: str) -> None:
        """Categories when the search is empty, else the matches ranked best first."""
        query = " ".join(text.lower().split())
        if query == getattr(self, "_shown_query", None):
            return
        self._shown_query = query
        self.tree.clear()
        if not query:
            for category, specs in categories(palette_only=True).items():
                parent = QTreeWidgetItem([category_name(category)])

                parent.setFlags(Qt.ItemIsEnabled)
                self.tree.addTopLevelItem(parent)
                for spec in specs:
                    if spec.type == "Input" and category != "core":
                        continue
                    parent.addChild(self._child(spec))
            self.tree.expandAll()
            return
        seen = set()
        for spec in ranked([s for s in all_specs() if s.palette], query):
            if spec.type not in seen:
                seen.add(spec.type)
                self.tree.addTopLevelItem(self._child(spec))
        if self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))

    def _layer_items(self):
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top.data(0, TYPE_ROLE):
                yield top
            for j in range(top.childCount()):
                yield top.child(j)

    def visible_types(self) -> list[str]:
        """The layer types shown, in the order shown."""
        return [item.data(0, TYPE_ROLE) for item in self._layer_items() if not item.isHidden()]

    def item_for(self, type_name: str) -> QTreeWidgetItem | None:
        return next((item for item in self._layer_items() if item.data(0, TYPE_ROLE) == type_name),
                    None)

    def _activated(self, item, _column=0) -> None:
        type_name = item.data(0, TYPE_ROLE)
        if type_name:
            self.layer_activated.emit(type_name)

    def _activate_first(self) -> None:
        types = self.visible_types()
        if types:
            self.layer_activated.emit(types[0])
