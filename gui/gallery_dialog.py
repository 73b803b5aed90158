"""The preset gallery: a grid of cards (title, family, year, params, input
shape, description) with a search box. Choosing one opens it as a new,
untitled document."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QPalette, QPen
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLineEdit, QListView, QListWidget, QListWidgetItem,
    QStyle, QStyledItemDelegate, QVBoxLayout,
)

from gui import format_text as ft
from gui.canvas import style

PRESET_ROLE = Qt.UserRole + 1
PARAMS_ROLE = Qt.UserRole + 2
CARD = QSize(300, 150)


def preset_params(preset) -> int | None:
    try:
        return preset.build().analyze().total_params
    except Exception:  # a preset whose layers are not in this catalog yet
        return None


class CardDelegate(QStyledItemDelegate):
    def sizeHint(self, option, index):
        return CARD

    def paint(self, painter, option, index):
        preset = index.data(PRESET_ROLE)
        params = index.data(PARAMS_ROLE)
        painter.save()
        painter.setRenderHint(painter.RenderHint.Antialiasing)
        rect = QRectF(option.rect).adjusted(6, 6, -6, -6)
        pal = option.palette
        selected = bool(option.state & QStyle.State_Selected)
        hover = bool(option.state & QStyle.State_MouseOver)
        painter.setBrush(pal.color(QPalette.Base))
        painter.setPen(QPen(pal.color(QPalette.Highlight) if selected or hover else pal.color(QPalette.Mid),
                            2.0 if selected else 1.0))
        painter.drawRoundedRect(rect, 8, 8)
        stripe = QRectF(rect.left(), rect.top(), rect.width(), 5)
        painter.fillRect(stripe.adjusted(8, 0, -8, 0), style.category_color(
            {"CNN": "convolution", "RNN": "recurrent", "MLP": "core"}.get(preset.family, preset.family.lower())))
        base = QFont(option.font)
        bold = QFont(base)
        bold.setBold(True)
        bold.setPointSizeF(base.pointSizeF() * 1.15)
        small = QFont(base)
        small.setPointSizeF(base.pointSizeF() * 0.9)
        inner = rect.adjusted(12, 12, -12, -10)
        painter.setPen(pal.color(QPalette.Text))
        painter.setFont(bold)
        painter.drawText(QRectF(inner.left(), inner.top(), inner.width(), 22), Qt.AlignLeft | Qt.AlignVCenter,
                         QFontMetricsF(bold).elidedText(preset.title, Qt.ElideRight, inner.width()))
        painter.setFont(small)
        painter.setPen(pal.color(QPalette.PlaceholderText))
        shape = "×".join(str(d) for d in preset.input_shape)
        count = f"{ft.si(params)} params" if params is not None else "needs newer layers"
        meta = f"{preset.family} · {preset.year} · {count} · input {shape}"
        painter.drawText(QRectF(inner.left(), inner.top() + 24, inner.width(), 18), Qt.AlignLeft | Qt.AlignVCenter,
                         QFontMetricsF(small).elidedText(meta, Qt.ElideRight, inner.width()))
        painter.setPen(pal.color(QPalette.Text))
        painter.setFont(base)
        painter.drawText(QRectF(inner.left(), inner.top() + 46, inner.width(), inner.height() - 46),
                         Qt.TextWordWrap | Qt.AlignLeft | Qt.AlignTop, preset.description)
        painter.restore()


class GalleryDialog(QDialog):
    preset_chosen = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("New from preset")
        self.resize(980, 640)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search presets: name, family, year, idea…")
        self.search.setClearButtonEnabled(True)
        self.cards = QListWidget()
        self.cards.setViewMode(QListView.IconMode)
        self.cards.setResizeMode(QListView.Adjust)
        self.cards.setMovement(QListView.Static)
        self.cards.setUniformItemSizes(True)
        self.cards.setSpacing(4)
        self.cards.setMouseTracking(True)
        self.cards.setItemDelegate(CardDelegate(self.cards))
        self.cards.itemActivated.connect(lambda _item: self.accept())
        self.cards.itemDoubleClicked.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.Open | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.cards)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self.set_filter)
        self._load()

    def _load(self) -> None:
        from presets import all_presets

        for preset in all_presets():
            item = QListWidgetItem()
            item.setData(PRESET_ROLE, preset)
            params = preset_params(preset)
            item.setData(PARAMS_ROLE, params)
            item.setData(Qt.DisplayRole, "")
            item.setToolTip(f"{preset.title} ({preset.source})\n{preset.description}")
            item.setSizeHint(CARD)
            if params is None:
                item.setFlags(item.flags() & ~Qt.ItemIsEnabled)
            self.cards.addItem(item)
        for i in range(self.cards.count()):
            if self.cards.item(i).flags() & Qt.ItemIsEnabled:
                self.cards.setCurrentRow(i)
                break

    def set_filter(self, text: str) -> None:
        words = text.lower().split()
        first = None
        for i in range(self.cards.count()):
            item = self.cards.item(i)
            p = item.data(PRESET_ROLE)
            hay = f"{p.id} {p.title} {p.family} {p.year} {p.description} {' '.join(p.tags)}".lower()
            hidden = not all(w in hay for w in words)
            item.setHidden(hidden)
            if not hidden and first is None and item.flags() & Qt.ItemIsEnabled:
                first = i
        if first is not None:
            self.cards.setCurrentRow(first)

    def visible_ids(self) -> list[str]:
        return [self.cards.item(i).data(PRESET_ROLE).id for i in range(self.cards.count())
                if not self.cards.item(i).isHidden()]

    def choose(self, preset_id: str) -> None:
        """Pick a preset as if its card were activated."""
        for i in range(self.cards.count()):
            if self.cards.item(i).data(PRESET_ROLE).id == preset_id:
                self.cards.setCurrentRow(i)
                self.accept()
                return
        raise KeyError(preset_id)

    def accept(self) -> None:
        item = self.cards.currentItem()
        if item is None or item.isHidden() or not item.flags() & Qt.ItemIsEnabled:
            return
        super().accept()
        self.preset_chosen.emit(item.data(PRESET_ROLE).id)
