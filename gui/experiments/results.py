"""The trials of a study as a sortable table (one row per trial)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from gui.i18n import translate
from gui.relayed import relayed

NUMBER_ROLE = Qt.UserRole + 1
STATES = {"complete": QT_TRANSLATE_NOOP("ResultsTable", "complete"),
          "pruned": QT_TRANSLATE_NOOP("ResultsTable", "pruned"),
          "failed": QT_TRANSLATE_NOOP("ResultsTable", "failed"),
          "running": QT_TRANSLATE_NOOP("ResultsTable", "running"),
          "waiting": QT_TRANSLATE_NOOP("ResultsTable", "waiting")}


def state_text(state: str) -> str:
    """A trial's state in the interface's language."""
    return translate("ResultsTable", STATES[state]) if state in STATES else str(state)


def _item(value, text: str | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        item.setData(Qt.DisplayRole, value)  # sorts as a number
        if text is not None:
            item.setText(text)
    else:
        item.setText("" if value is None else str(value))
    item.setFlags(item.flags() & ~Qt.ItemIsEditable)
    return item


def _short(v) -> str:
    if isinstance(v, float):
        return f"{v:.4g}"
    return str(v)


class ResultsTable(QTableWidget):
    """Columns: trial, state, the objectives, the swept values, the last
    logged metrics, params, MACs, time and the reason (pruned or failed)."""

    trial_selected = Signal(int)

    def __init__(self, parent=None):
        super().__init__(0, 0, parent)
        self.setObjectName("experiment-results")
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setSortingEnabled(True)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        self.horizontalHeader().setStretchLastSection(True)
        self.columns: list[str] = []
        self.horizontalHeader().setSortIndicator(0, Qt.AscendingOrder)  # trials in order
        self.itemSelectionChanged.connect(self._selected)

    def show_summary(self, summary: dict) -> None:
        trials = summary.get("trials") or []
        objectives = summary.get("objectives") or []
        swept = sorted({k for t in trials for k in t["params"]})
        metrics = sorted({k for t in trials for k in (t.get("metrics") or {})})
        columns = ([self.tr("trial"), self.tr("state")] + objectives + swept + metrics
                   + [self.tr("params"), self.tr("MACs"), self.tr("time (s)"), self.tr("reason")])
        keep = self.selected_trial()
        sort_col, order = self.horizontalHeader().sortIndicatorSection(), \
            self.horizontalHeader().sortIndicatorOrder()
        self.setSortingEnabled(False)
        self.blockSignals(True)
        if columns != self.columns:
            self.columns = columns
            self.setColumnCount(len(columns))
            self.setHorizontalHeaderLabels(columns)
        self.setRowCount(len(trials))
        for r, t in enumerate(trials):
            values = t.get("values") or []
            cells = [_item(t["number"]), _item(state_text(t["state"]))]
            cells += [_item(values[i], _short(values[i])) if i < len(values) and
                      values[i] is not None else _item(None) for i in range(len(objectives))]
            cells += [_item(t["params"].get(k), _short(t["params"].get(k)))
                      if k in t["params"] else _item(None) for k in swept]
            m = t.get("metrics") or {}
            cells += [_item(m[k], _short(m[k])) if m.get(k) is not None else _item(None)
                      for k in metrics]
            cells += [_item(t.get("params_count")), _item(t.get("macs")),
                      _item(t.get("train_time"), _short(t.get("train_time")))
                      if t.get("train_time") is not None else _item(None),
                      _item(relayed(t.get("reason"), "experiments"))]
            for c, item in enumerate(cells):
                item.setData(NUMBER_ROLE, t["number"])
                if c == len(cells) - 1 and t.get("reason"):
                    item.setToolTip(relayed(t["reason"], "experiments"))
                self.setItem(r, c, item)
        self.setSortingEnabled(True)
        self.sortItems(sort_col if sort_col >= 0 else 0, order)
        if keep is not None:
            self.select_trial(keep)
        self.blockSignals(False)

    def row_of(self, number: int) -> int | None:
        for r in range(self.rowCount()):
            item = self.item(r, 0)
            if item is not None and item.data(NUMBER_ROLE) == number:
                return r
        return None

    def select_trial(self, number: int) -> None:
        r = self.row_of(number)
        if r is not None:
            self.selectRow(r)

    def selected_trial(self) -> int | None:
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        if not rows:
            return None
        item = self.item(rows[0].row(), 0)
        return item.data(NUMBER_ROLE) if item is not None else None

    def _selected(self) -> None:
        n = self.selected_trial()
        if n is not None:
            self.trial_selected.emit(n)
