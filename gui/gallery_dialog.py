"""The gallery: a tab of preset cards (title, family, year, params, input
shape, description) and a tab of lessons (title, chapter of the notes, what to
watch), with a search box. Choosing a preset opens it as a new, untitled
document; choosing a lesson opens its network with its data and training
settings and the lesson panel."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QPalette, QPen
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLineEdit, QListView, QListWidget, QListWidgetItem,
    QStyle, QStyledItemDelegate, QTabWidget, QVBoxLayout,
)

from gui import format_text as ft
from gui.canvas import style
from gui.i18n import preset_text, translate, tx

PRESET_ROLE = Qt.UserRole + 1
PARAMS_ROLE = Qt.UserRole + 2
LESSON_ROLE = Qt.UserRole + 3
CARD = QSize(300, 150)
LESSON_CARD = QSize(360, 200)


def preset_params(preset) -> int | None:
    try:
        return preset.build().analyze().total_params
    except Exception:  # a preset whose layers are not in this catalog yet
        return None


def paint_card(painter, option, stripe: str, title: str, meta: str, body: str, small_body: bool) -> None:
    """One gallery card: a rounded frame (highlighted when selected or hovered),
    a stripe in a category colour, a bold title, a line of facts and the text."""
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
    painter.fillRect(QRectF(rect.left(), rect.top(), rect.width(), 5).adjusted(8, 0, -8, 0),
                     style.category_color(stripe))
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
                     QFontMetricsF(bold).elidedText(title, Qt.ElideRight, inner.width()))
    painter.setFont(small)
    painter.setPen(pal.color(QPalette.PlaceholderText))
    painter.drawText(QRectF(inner.left(), inner.top() + 24, inner.width(), 18), Qt.AlignLeft | Qt.AlignVCenter,
                     QFontMetricsF(small).elidedText(meta, Qt.ElideRight, inner.width()))
    painter.setPen(pal.color(QPalette.Text))
    painter.setFont(small if small_body else base)
    painter.drawText(QRectF(inner.left(), inner.top() + 46, inner.width(), inner.height() - 46),
                     Qt.TextWordWrap | Qt.AlignLeft | Qt.AlignTop, body)
    painter.restore()


class CardDelegate(QStyledItemDelegate):
    """A preset's card: title, family, year, params, input shape, description."""

    def sizeHint(self, option, index):
        return CARD

    def paint(self, painter, option, index):
        preset = index.data(PRESET_ROLE)
        params = index.data(PARAMS_ROLE)
        shape = "×".join(str(d) for d in preset.input_shape)
        count = (translate("CardDelegate", "{count} params").format(count=ft.si(params))
                 if params is not None else translate("CardDelegate", "needs newer layers"))
        meta = translate("CardDelegate", "{family} · {year} · {count} · input {shape}").format(
            family=preset_text(preset.family), year=preset.year, count=count, shape=shape)
        stripe = {"CNN": "convolution", "RNN": "recurrent", "MLP": "core"}.get(preset.family,
                                                                              preset.family.lower())
        paint_card(painter, option, stripe, preset_text(preset.title), meta, preset_text(preset.description),
                   small_body=False)


class LessonCardDelegate(QStyledItemDelegate):
    """A lesson's card: title, the chapter of the notes it comes from, what to watch."""

    def sizeHint(self, option, index):
        return LESSON_CARD

    def paint(self, painter, option, index):
        lesson = index.data(LESSON_ROLE)
        chapter = translate("LessonCardDelegate", "{source} · {chapter}").format(
            source=tx(lesson.source), chapter=tx(lesson.chapter))
        paint_card(painter, option, "merge" if lesson.is_comparison else "core", tx(lesson.title), chapter,
                   tx(lesson.watch), small_body=True)


def _card_list(delegate_class) -> QListWidget:
    cards = QListWidget()
    cards.setViewMode(QListView.IconMode)
    cards.setResizeMode(QListView.Adjust)
    cards.setMovement(QListView.Static)
    cards.setUniformItemSizes(True)
    cards.setSpacing(4)
    cards.setMouseTracking(True)
    cards.setItemDelegate(delegate_class(cards))
    return cards


class GalleryDialog(QDialog):
    preset_chosen = Signal(str)
    lesson_chosen = Signal(str)

    PRESETS_TAB, LESSONS_TAB = 0, 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New from preset or lesson"))
        self.resize(980, 640)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search presets: name, family, year, idea…"))
        self.search.setClearButtonEnabled(True)
        self.cards = _card_list(CardDelegate)
        self.lessons = _card_list(LessonCardDelegate)
        for cards in (self.cards, self.lessons):
            cards.itemActivated.connect(lambda _item: self.accept())
            cards.itemDoubleClicked.connect(lambda _item: self.accept())
        self.tabs = QTabWidget()
        self.tabs.addTab(self.cards, self.tr("Presets"))
        self.tabs.addTab(self.lessons, self.tr("Lessons"))
        self.tabs.currentChanged.connect(self._tab_changed)
        buttons = QDialogButtonBox(QDialogButtonBox.Open | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self.set_filter)
        self._load()
        self._load_lessons()

    def _load(self) -> None:
        from presets import all_presets

        for preset in all_presets():
            item = QListWidgetItem()
            item.setData(PRESET_ROLE, preset)
            params = preset_params(preset)
            item.setData(PARAMS_ROLE, params)
            item.setData(Qt.DisplayRole, "")
            item.setToolTip(self.tr("{title} ({source})\n{description}").format(
                title=preset_text(preset.title), source=preset_text(preset.source),
                description=preset_text(preset.description)))
            item.setSizeHint(CARD)
            if params is None:
                item.setFlags(item.flags() & ~Qt.ItemIsEnabled)
            self.cards.addItem(item)
        for i in range(self.cards.count()):
            if self.cards.item(i).flags() & Qt.ItemIsEnabled:
                self.cards.setCurrentRow(i)
                break

    def _load_lessons(self) -> None:
        from presets.lessons import all_lessons

        for lesson in all_lessons():
            item = QListWidgetItem()
            item.setData(LESSON_ROLE, lesson)
            item.setData(Qt.DisplayRole, "")
            item.setToolTip(self.tr("{title}\n{chapter}").format(title=tx(lesson.title),
                                                                 chapter=tx(lesson.chapter)))
            item.setSizeHint(LESSON_CARD)
            self.lessons.addItem(item)
        self.lessons.setCurrentRow(0)

    def _tab_changed(self, index: int) -> None:
        self.search.setPlaceholderText(self.tr("Search lessons: title, chapter, idea…")
                                       if index == self.LESSONS_TAB
                                       else self.tr("Search presets: name, family, year, idea…"))
        self.set_filter(self.search.text())

    def show_lessons(self) -> None:
        self.tabs.setCurrentIndex(self.LESSONS_TAB)

    def set_filter(self, text: str) -> None:
        if self.tabs.currentIndex() == self.LESSONS_TAB:
            self._filter_lessons(text)
            return
        words = text.lower().split()
        first = None
        for i in range(self.cards.count()):
            item = self.cards.item(i)
            p = item.data(PRESET_ROLE)
            hay = " ".join([p.id, p.title, p.family, str(p.year), p.description, *p.tags, preset_text(p.title),
                            preset_text(p.description)]).lower()
            hidden = not all(w in hay for w in words)
            item.setHidden(hidden)
            if not hidden and first is None and item.flags() & Qt.ItemIsEnabled:
                first = i
        if first is not None:
            self.cards.setCurrentRow(first)

    def _filter_lessons(self, text: str) -> None:
        words = text.lower().split()
        first = None
        for i in range(self.lessons.count()):
            item = self.lessons.item(i)
            lesson = item.data(LESSON_ROLE)
            hay = " ".join([lesson.id, lesson.title, lesson.chapter, lesson.watch, tx(lesson.title),
                            tx(lesson.chapter), tx(lesson.watch)]).lower()
            hidden = not all(w in hay for w in words)
            item.setHidden(hidden)
            if not hidden and first is None:
                first = i
        if first is not None:
            self.lessons.setCurrentRow(first)

    def visible_lesson_ids(self) -> list[str]:
        return [self.lessons.item(i).data(LESSON_ROLE).id for i in range(self.lessons.count())
                if not self.lessons.item(i).isHidden()]

    def lesson_rect(self, lesson_id: str):
        """Where the lesson's card is in the lessons list's viewport."""
        for i in range(self.lessons.count()):
            item = self.lessons.item(i)
            if item.data(LESSON_ROLE).id == lesson_id:
                self.lessons.scrollToItem(item)
                return self.lessons.visualItemRect(item)
        raise KeyError(lesson_id)

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
        if self.tabs.currentIndex() == self.LESSONS_TAB:
            item = self.lessons.currentItem()
            if item is None or item.isHidden():
                return
            super().accept()
            self.lesson_chosen.emit(item.data(LESSON_ROLE).id)
            return
        item = self.cards.currentItem()
        if item is None or item.isHidden() or not item.flags() & Qt.ItemIsEnabled:
            return
        super().accept()
        self.preset_chosen.emit(item.data(PRESET_ROLE).id)
