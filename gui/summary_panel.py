"""The summary table a Keras user expects: name, type, output shape, params,
MACs and activation memory per layer, with totals; a click selects the layer."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QLabel, QStyle, QTableView, QVBoxLayout, QWidget,
)

from engine.analysis import BYTES_PER_VALUE
from gui import format_text as ft
from gui.canvas import style
from gui.i18n import translate

COLUMNS = (QT_TRANSLATE_NOOP("SummaryModel", "Layer"), QT_TRANSLATE_NOOP("SummaryModel", "Type"),
           QT_TRANSLATE_NOOP("SummaryModel", "Output shape"), QT_TRANSLATE_NOOP("SummaryModel", "Params"),
           QT_TRANSLATE_NOOP("SummaryModel", "MACs"), QT_TRANSLATE_NOOP("SummaryModel", "Activations"))
_ROLES = {Qt.DisplayRole, Qt.TextAlignmentRole, Qt.ForegroundRole, Qt.ToolTipRole, Qt.UserRole}


def cell_text(info, col: int) -> str:
    """What the summary shows for layer ``info`` in column ``col``."""
    if col == 0:
        return info.name
    if col == 1:
        return info.type
    if col == 2:
        shapes = info.output_shapes
        if shapes is None:
            return "?"
        return ft.shape_text(shapes[0]) if len(shapes) == 1 else ", ".join(ft.shape_text(s) for s in shapes)
    if col == 3:
        return ft.count(info.params)
    if col == 4:
        return ft.si(info.macs)
    return ft.bytes_text(info.activation_values * BYTES_PER_VALUE)


class SummaryModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.report = None

    def set_report(self, report) -> None:
        self.beginResetModel()
        self.report = report
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() or self.report is None else len(self.report.layers)

    def columnCount(self, parent=QModelIndex()):
        return len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return translate("SummaryModel", COLUMNS[section])
        return None

    def data(self, index, role=Qt.DisplayRole):
        if role not in _ROLES:
            return None
        info = self.report.layers[index.row()]
        col = index.column()
        if role == Qt.DisplayRole:
            return cell_text(info, col)
        if role == Qt.TextAlignmentRole and col >= 3:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ForegroundRole and not info.ok:
            return QBrush(style.error_color())
        if role == Qt.ToolTipRole and info.diagnostics:
            return "\n".join(ft.diagnostic_text(d) for d in info.diagnostics)
        if role == Qt.UserRole:
            return info.node
        return None


class SummaryPanel(QWidget):
    node_clicked = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.doc = None
        self.model = SummaryModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(False)
        self.table.clicked.connect(self._clicked)
        self.totals = QLabel()
        self.totals.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.table)
        layout.addWidget(self.totals)

    def set_document(self, doc) -> None:
        if self.doc is not None:
            self.doc.analyzed.disconnect(self.show_report)
        self.doc = doc
        doc.analyzed.connect(self.show_report)
        self.show_report(doc.report())

    def show_report(self, report) -> None:
        self.model.set_report(report)
        self.fit_columns(report)
        self.totals.setText(self.tr(
            "Total params: <b>{total}</b> ({size}) · trainable {trainable} · "
            "non-trainable {non_trainable} · MACs per sample {macs}").format(
            total=ft.count(report.total_params), size=ft.bytes_text(report.total_params * BYTES_PER_VALUE),
            trainable=ft.count(report.trainable_params), non_trainable=ft.count(report.non_trainable_params),
            macs=ft.si(report.macs)))


    def fit_columns(self, report) -> None:
        """Each column as wide as its widest cell (or its title). Measured from the
        texts themselves, a few longest per column, so that a thousand-layer model
        re-sizes in milliseconds on every edit (``resizeColumnsToContents`` asks the
        model for every cell)."""
        fm = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        pad = 2 * (self.table.style().pixelMetric(QStyle.PM_FocusFrameHMargin, None, self.table) + 1) + 8
        for col in range(len(COLUMNS)):
            texts = sorted((cell_text(info, col) for info in report.layers), key=len)[-6:]
            width = max([fm.horizontalAdvance(t) + pad for t in texts] + [header.sectionSizeHint(col)])
            if self.table.columnWidth(col) != width:
                self.table.setColumnWidth(col, width)

    def row_of(self, node_id: str) -> int:
        if self.model.report is None:
            return -1
        for i, info in enumerate(self.model.report.layers):
            if info.node == node_id:
                return i
        return -1

    def select_node(self, node_id: str | None) -> None:
        row = self.row_of(node_id) if node_id else -1
        blocked = self.table.blockSignals(True)
        if row >= 0:
            self.table.selectRow(row)
        else:
            self.table.clearSelection()
        self.table.blockSignals(blocked)

    def _clicked(self, index) -> None:
        self.node_clicked.emit(self.model.data(index, Qt.UserRole))
