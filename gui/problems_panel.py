"""The problems panel: every diagnostic of the analysis; a click selects the
layer, and the context menu offers the engine's quick fixes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QMenu, QStyle

from engine.quickfix import fixes_for

DIAG_ROLE = Qt.UserRole + 1


class ProblemsPanel(QListWidget):
    node_clicked = Signal(str)
    fix_chosen = Signal(object)  # engine.quickfix.Fix
    count_changed = Signal(int, int)  # errors, warnings

    def __init__(self, parent=None):
        super().__init__(parent)
        self.doc = None
        self.setWordWrap(True)
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
        err_icon = self.style().standardIcon(QStyle.SP_MessageBoxCritical)
        warn_icon = self.style().standardIcon(QStyle.SP_MessageBoxWarning)
        for d in sorted(report.diagnostics, key=lambda d: not d.is_error):
            text = d.message + (f"\n{d.hint}" if d.hint else "")
            item = QListWidgetItem(err_icon if d.is_error else warn_icon, text)
            item.setData(DIAG_ROLE, d)
            item.setToolTip(text)
            self.addItem(item)
        if not report.diagnostics:
            item = QListWidgetItem(self.style().standardIcon(QStyle.SP_DialogApplyButton),
                                   "No problems: the network is valid.")
            item.setFlags(Qt.ItemIsEnabled)
            self.addItem(item)
        self.count_changed.emit(len(report.errors), len(report.warnings))

    def diagnostics(self) -> list:
        return [self.item(i).data(DIAG_ROLE) for i in range(self.count())
                if self.item(i).data(DIAG_ROLE) is not None]

    def fixes_for_row(self, row: int) -> list:
        d = self.item(row).data(DIAG_ROLE)
        return fixes_for(self.doc.network, d) if d is not None else []

    def _clicked(self, item) -> None:
        d = item.data(DIAG_ROLE)
        if d is not None and d.node:
            self.node_clicked.emit(d.node)

    def _menu(self, pos) -> None:
        item = self.itemAt(pos)
        if item is None or item.data(DIAG_ROLE) is None:
            return
        menu = QMenu(self)
        fixes = fixes_for(self.doc.network, item.data(DIAG_ROLE))
        for fix in fixes:
            menu.addAction(fix.title, lambda f=fix: self.fix_chosen.emit(f))
        if not fixes:
            menu.addAction("No quick fix for this problem").setEnabled(False)
        d = item.data(DIAG_ROLE)
        if d.node:
            menu.addSeparator()
            menu.addAction("Select layer", lambda: self.node_clicked.emit(d.node))
        menu.exec(self.viewport().mapToGlobal(pos))
