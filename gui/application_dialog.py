"""File ▸ Import ▸ Keras application…: pick a ``keras.applications``
architecture by name (the list is static, so it shows before TensorFlow loads)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout,
)

from engine.keras_applications import FAMILIES


class ApplicationDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import a Keras application"))
        self.resize(420, 520)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Every architecture of keras.applications, imported exactly "
                                        "(layers, shapes and parameter counts):")))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter, e.g. resnet"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        layout.addWidget(self.search)
        self.list = QListWidget()
        for family, names in FAMILIES.items():
            for name in names:
                item = QListWidgetItem(name)
                item.setData(Qt.UserRole, name)
                item.setToolTip(self.tr("keras.applications.{name} ({family} family)").format(
                    name=name, family=family))
                self.list.addItem(item)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.list.setCurrentRow(0)
        layout.addWidget(self.list, 1)
        self.pretrained = QCheckBox(self.tr("ImageNet weights (from Keras's cache, ~/.keras/models)"))
        self.pretrained.setToolTip(self.tr("Without it the layers start from fresh weights. "
                                           "Nothing is downloaded."))
        layout.addWidget(self.pretrained)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Import"))

        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.search.setFocus()

    def visible_names(self) -> list[str]:
        return [self.list.item(i).data(Qt.UserRole) for i in range(self.list.count())
                if not self.list.item(i).isHidden()]

    def _filter(self, text: str) -> None:
        text = text.strip().lower()
        first = None
        for i in range(self.list.count()):
            item = self.list.item(i)
            hidden = bool(text) and text not in item.data(Qt.UserRole).lower()
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        if first is not None:
            self.list.setCurrentItem(first)

    def choice(self):
        """(name, weights) of the chosen architecture, or None."""
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return None
        return item.data(Qt.UserRole), ("imagenet" if self.pretrained.isChecked() else None)
