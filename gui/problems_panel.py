"""The problems panel: every diagnostic of the analysis, each with its quick
fixes as buttons (one click applies a fix as one undo step); a click on the
text selects the layer. The context menu offers the same fixes."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMenu, QPushButton, QStyle, QToolButton,
    QVBoxLayout, QWidget,
)

from engine.quickfix import fixes_by_diagnostic, fixes_for
from gui.i18n import tx

DIAG_ROLE = Qt.UserRole + 1
SHOWN_FIXES = 3  # buttons per row; the others sit in a "More fixes" menu


def diagnostic_lines(diagnostic) -> str:
    """A diagnostic's message, and its hint on the next line, in the interface's language."""
    return tx(diagnostic.message) + (f"\n{tx(diagnostic.hint)}" if diagnostic.hint else "")


class ProblemRow(QWidget):
    """One diagnostic: icon, message and hint, and a button per fix."""

    def __init__(self, icon, diagnostic, fixes, choose, parent=None):
        super().__init__(parent)
        self.diagnostic = diagnostic
        self.buttons: list[QPushButton] = []
        box = QHBoxLayout(self)
        box.setContentsMargins(4, 3, 4, 3)
        mark = QLabel()
        mark.setPixmap(icon.pixmap(16, 16))
        box.addWidget(mark, 0, Qt.AlignTop)
        column = QVBoxLayout()
        column.setSpacing(2)
        self.text = QLabel(diagnostic_lines(diagnostic))
        self.text.setWordWrap(True)
        self.text.setAttribute(Qt.WA_TransparentForMouseEvents)
        column.addWidget(self.text)
        if fixes:
            line = QHBoxLayout()
            line.setSpacing(4)
            for fix in fixes[:SHOWN_FIXES]:
                button = QPushButton(tx(fix.title))
                button.setObjectName("fix")
                button.setToolTip(self.tr("Apply: {fix} (one undo step)").format(fix=tx(fix.title)))
                button.setCursor(Qt.PointingHandCursor)
                button.clicked.connect(lambda _=False, f=fix: choose(f))
                line.addWidget(button)
                self.buttons.append(button)
            if len(fixes) > SHOWN_FIXES:
                more = QToolButton()
                more.setText(self.tr("More fixes"))
                more.setPopupMode(QToolButton.InstantPopup)
                menu = QMenu(more)
                for fix in fixes[SHOWN_FIXES:]:
                    menu.addAction(tx(fix.title), lambda f=fix: choose(f))
                more.setMenu(menu)
                line.addWidget(more)
            line.addStretch(1)
            column.addLayout(line)
        box.addLayout(column, 1)


class ProblemsPanel(QListWidget):
    node_clicked = Signal(str)
    fix_chosen = Signal(object)  # engine.quickfix.Fix
    count_changed = Signal(int, int)  # errors, warnings

    def __init__(self, parent=None):
        super().__init__(parent)
        self.doc = None
        self._fixes: dict = {}
        self.setWordWrap(True)
        self.setVerticalScrollMode(QListWidget.ScrollPerPixel)
        self.setContextMenuPolicy(Qt.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)

    def set_document(self, doc) -> None:
        if self.doc is not None:
            self.doc.analyzed.disconnect(self.show_report)
        self.doc = doc
        doc.analyzed.connect(self.show_report)
        self.show_report(doc.report())

    def show_report(self, report) -> None:
        self.clear()
        self._fixes = fixes_by_diagnostic(self.doc.network, report) if self.doc is not None else {}
        err_icon = self.style().standardIcon(QStyle.SP_MessageBoxCritical)
        warn_icon = self.style().standardIcon(QStyle.SP_MessageBoxWarning)
        for d in sorted(report.diagnostics, key=lambda d: not d.is_error):
            text = diagnostic_lines(d)
            item = QListWidgetItem()
            item.setData(DIAG_ROLE, d)
            item.setToolTip(text)
            self.addItem(item)
            row = ProblemRow(err_icon if d.is_error else warn_icon, d, self._fixes.get(d, []),
                             self.fix_chosen.emit)
            self.setItemWidget(item, row)
        if not report.diagnostics:
            item = QListWidgetItem(self.style().standardIcon(QStyle.SP_DialogApplyButton),
                                   self.tr("No problems: the network is valid."))
            item.setFlags(Qt.ItemIsEnabled)
            self.addItem(item)
        self._fit_rows()
        self.count_changed.emit(len(report.errors), len(report.warnings))

    def _fit_rows(self) -> None:
        width = max(self.viewport().width() - 4, 200)
        for i in range(self.count()):
            item = self.item(i)
            row = self.itemWidget(item)
            if row is not None:
                height = row.layout().totalHeightForWidth(width) if row.layout().hasHeightForWidth() \
                    else row.sizeHint().height()
                item.setSizeHint(QSize(width, max(height, row.sizeHint().height())))

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._fit_rows()

    def diagnostics(self) -> list:
        return [self.item(i).data(DIAG_ROLE) for i in range(self.count())
                if self.item(i).data(DIAG_ROLE) is not None]

    def row_widget(self, row: int) -> ProblemRow | None:
        return self.itemWidget(self.item(row))

    def fixes_for_row(self, row: int) -> list:
        d = self.item(row).data(DIAG_ROLE)
        if d is None:
            return []
        return self._fixes.get(d) or fixes_for(self.doc.network, d)

    def _clicked(self, item) -> None:
        d = item.data(DIAG_ROLE)
        if d is not None and d.node:
            self.node_clicked.emit(d.node)

    def _menu(self, pos) -> None:
        item = self.itemAt(pos)
        if item is None or item.data(DIAG_ROLE) is None:
            return
        menu = QMenu(self)
        fixes = self.fixes_for_row(self.row(item))
        for fix in fixes:
            menu.addAction(tx(fix.title), lambda f=fix: self.fix_chosen.emit(f))
        if not fixes:
            menu.addAction(self.tr("No quick fix for this problem")).setEnabled(False)
        d = item.data(DIAG_ROLE)
        if d.node:
            menu.addSeparator()
            menu.addAction(self.tr("Select layer"), lambda: self.node_clicked.emit(d.node))

        menu.exec(self.viewport().mapToGlobal(pos))
