"""Weight and gradient histograms per layer over the epochs: the newest
epoch bold, earlier ones fading, so a layer whose weights stop moving or
whose gradients collapse to zero is visible at a glance."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout

from gui.training.plots import common

SHOWN_EPOCHS = 8


class HistogramsPanel(common.LivePanel):
    KINDS = {"histograms"}  # the events this panel draws

    def __init__(self, parent=None):
        super().__init__(parent)
        # layer -> "weights"/"gradients" -> [(epoch, counts, edges)]
        self.history: dict[str, dict[str, list]] = {}
        self.layer_box = QComboBox()
        self.layer_box.currentTextChanged.connect(lambda _t: self.changed())
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Layer:")))
        bar.addWidget(self.layer_box, 1)
        self.weights_widget = common.plot_widget(self.tr("weights"))
        self.grads_widget = common.plot_widget(self.tr("gradients"))
        self.curves = {}
        for key, w in (("weights", self.weights_widget), ("gradients", self.grads_widget)):
            p = w.getPlotItem()
            self.curves[key] = [p.plot([], [], stepMode="center") for _ in range(SHOWN_EPOCHS)]
        plots = QHBoxLayout()
        plots.addWidget(self.weights_widget, 1)
        plots.addWidget(self.grads_widget, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addLayout(plots, 1)

    def reset(self) -> None:
        self.history.clear()
        self.layer_box.clear()
        self.refresh()

    def select_layer(self, layer: str) -> bool:
        i = self.layer_box.findText(layer)
        if i >= 0:
            self.layer_box.setCurrentIndex(i)
        return i >= 0

    def handle(self, kind: str, data: dict) -> None:
        if kind != "histograms":
            return
        epoch = data.get("epoch")
        for key in ("weights", "gradients"):
            for layer, hist in (data.get(key) or {}).items():
                try:
                    counts, edges = hist
                except (TypeError, ValueError):
                    continue
                entry = self.history.setdefault(layer, {"weights": [], "gradients": []})
                entry[key].append((epoch, np.asarray(counts, dtype="float64"),
                                   np.asarray(edges, dtype="float64")))
                if self.layer_box.findText(layer) < 0:
                    self.layer_box.addItem(layer)
        self.changed()

    def refresh(self) -> None:
        layer = self.layer_box.currentText()
        entry = self.history.get(layer, {})
        for key, curves in self.curves.items():
            shown = entry.get(key, [])[-SHOWN_EPOCHS:]
            for i, item in enumerate(curves):
                if i < len(shown):
                    epoch, counts, edges = shown[i]
                    newest = i == len(shown) - 1
                    alpha = 255 if newest else int(40 + 150 * (i + 1) / len(shown))
                    item.setPen(pg.mkPen(common.color(0 if key == "weights" else 1, alpha),
                                         width=2.2 if newest else 1))
                    if len(edges) == len(counts) + 1:
                        item.setData(edges, counts)
                    else:
                        item.setData([], [])
                else:
                    item.setData([], [])
            if shown:
                w = self.weights_widget if key == "weights" else self.grads_widget
                title = (self.tr("weights · epoch {epoch}") if key == "weights" else
                         self.tr("gradients · epoch {epoch}")).format(epoch=shown[-1][0])
                w.getPlotItem().setTitle(title,
                                         color=common.foreground().name())
