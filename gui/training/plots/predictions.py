"""Sample predictions: for classification a gallery of inputs with their
true and predicted labels (a table when the inputs are not images); for
regression and series, predicted against actual values."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout, QLabel, QScrollArea, QStackedWidget, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget,
)

from engine.events import EventKind
from gui.training.plots import common

GALLERY = 24


def _labels(y: np.ndarray) -> np.ndarray:
    y = np.asarray(y)
    if y.ndim >= 2 and y.shape[-1] > 1:
        return np.argmax(y, axis=-1).reshape(len(y))
    if y.ndim >= 1 and y.dtype.kind == "f" and y.size == len(y) and np.all((y >= 0) & (y <= 1)) \
            and not np.all(np.mod(y, 1) == 0):
        return (y.reshape(len(y)) > 0.5).astype(int)  # sigmoid outputs
    return y.reshape(len(y)).astype(int) if len(y) else y


class PredictionsPanel(common.LivePanel):
    KINDS = frozenset({EventKind.CONFUSION, EventKind.PREDICTIONS})  # the events it draws

    def __init__(self, parent=None):
        super().__init__(parent)
        self.class_names: list[str] = []
        self.last: dict | None = None
        self.info = QLabel(self.tr("Predictions on a few validation samples appear after an epoch."))
        self.info.setWordWrap(True)
        self.stack = QStackedWidget()
        # gallery
        self.gallery = QWidget()
        self.gallery_grid = QGridLayout(self.gallery)
        self.cells: list[tuple[QLabel, QLabel]] = []
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.gallery)
        self.stack.addWidget(scroll)
        # table
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("sample"), self.tr("true"), self.tr("predicted")])
        self.stack.addWidget(self.table)
        # regression
        self.scatter_widget = common.plot_widget(self.tr("predicted vs actual"), left=self.tr("predicted"),
                                                 bottom=self.tr("actual"))
        sp = self.scatter_widget.getPlotItem()
        self.diagonal = sp.plot([], [], pen=pg.mkPen(common.muted(), style=Qt.DashLine))
        self.scatter = sp.plot([], [], pen=None, symbol="o", symbolSize=5,
                               symbolBrush=common.color(0, 180), symbolPen=None)
        self.series_widget = common.plot_widget(self.tr("over the samples"), bottom=self.tr("sample"))
        rp = self.series_widget.getPlotItem()
        rp.addLegend(labelTextColor=common.foreground())
        self.actual_line = rp.plot([], [], pen=pg.mkPen(common.color(0), width=1.5), name=self.tr("actual"))
        self.pred_line = rp.plot([], [], pen=pg.mkPen(common.color(1), width=1.5), name=self.tr("predicted"))
        regression = QWidget()
        rl = QVBoxLayout(regression)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.scatter_widget, 1)
        rl.addWidget(self.series_widget, 1)
        self.stack.addWidget(regression)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.info)
        layout.addWidget(self.stack, 1)

    def set_class_names(self, names) -> None:
        self.class_names = [str(n) for n in (names or [])]

    def reset(self) -> None:
        self.last = None
        for image, text in self.cells:
            image.clear()
            text.setText("")
        self.table.setRowCount(0)
        for item in (self.diagonal, self.scatter, self.actual_line, self.pred_line):
            item.setData([], [])

    def handle(self, kind, data: dict) -> None:
        if kind == EventKind.CONFUSION:
            if data.get("class_names"):
                self.set_class_names(data["class_names"])
        elif kind == EventKind.PREDICTIONS:
            self.last = data
            self.changed()

    def refresh(self) -> None:
        data = self.last
        if data is None:
            return
        if data.get("task") == "regression":
            self._regression(data)
        else:
            self._classification(data)

    def _name(self, i: int) -> str:
        return self.class_names[i] if 0 <= i < len(self.class_names) else str(i)

    def _classification(self, data: dict) -> None:
        x = np.asarray(data.get("x"))
        t = _labels(np.asarray(data.get("y_true")))
        p = _labels(np.asarray(data.get("y_pred")))
        n = min(len(t), len(p), GALLERY)
        right = int(np.sum(t[:n] == p[:n]))
        self.info.setText(self.tr("epoch {epoch} · {right} of {count} samples right").format(
            epoch=data.get("epoch"), right=right, count=n))
        if x.ndim >= 2 and common.looks_like_image(x.shape[1:]):
            self.stack.setCurrentIndex(0)
            while len(self.cells) < n:
                i = len(self.cells)
                image, text = QLabel(), QLabel()
                image.setAlignment(Qt.AlignCenter)
                text.setAlignment(Qt.AlignCenter)
                self.gallery_grid.addWidget(image, 2 * (i // 6), i % 6)
                self.gallery_grid.addWidget(text, 2 * (i // 6) + 1, i % 6)
                self.cells.append((image, text))
            for i, (image, text) in enumerate(self.cells):
                if i < n:
                    image.setPixmap(common.to_pixmap(x[i], 64))
                    ok = t[i] == p[i]
                    colour = (common.ok_color() if ok else common.error_color()).name()
                    shown = [common.coloured(self._name(int(p[i])), colour)]
                    if not ok:
                        shown.append("<small>%s</small>" % self.tr("true: {label}").format(
                            label=self._name(int(t[i]))))
                    text.setText(common.html_lines(shown))
                else:
                    image.clear()
                    text.setText("")
        else:
            self.stack.setCurrentIndex(1)
            self.table.setRowCount(n)
            for i in range(n):
                ok = t[i] == p[i]
                for c, value in enumerate((str(i), self._name(int(t[i])), self._name(int(p[i])))):
                    item = QTableWidgetItem(value)
                    if c == 2:
                        item.setForeground(common.ok_color() if ok else common.error_color())
                    self.table.setItem(i, c, item)

    def _regression(self, data: dict) -> None:
        self.stack.setCurrentIndex(2)
        t = np.asarray(data.get("y_true"), dtype="float64").reshape(-1)
        p = np.asarray(data.get("y_pred"), dtype="float64").reshape(-1)
        n = min(len(t), len(p))
        t, p = t[:n], p[:n]
        self.scatter.setData(t, p)
        if n:
            lo, hi = float(min(t.min(), p.min())), float(max(t.max(), p.max()))
            self.diagonal.setData([lo, hi], [lo, hi])
            mae = float(np.mean(np.abs(t - p)))
            self.info.setText(self.tr("epoch {epoch} · mean absolute error {error} on {count} "
                                      "values").format(epoch=data.get("epoch"), error=f"{mae:.4g}",
                                                       count=n))
        idx = np.arange(n)
        self.actual_line.setData(idx, t)
        self.pred_line.setData(idx, p)
