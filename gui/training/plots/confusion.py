"""The confusion matrix of a classifier after each epoch (rows: true class,
columns: predicted), coloured by the share of each true class, with counts."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gui.training.plots import common

MAX_LABELLED = 20  # classes above this get no per-cell numbers


class ConfusionPanel(common.LivePanel):
    KINDS = {"confusion"}  # the events this panel draws

    def __init__(self, parent=None):
        super().__init__(parent)
        self.matrix: np.ndarray | None = None
        self.class_names: list[str] = []
        self.epoch = None
        self.info = QLabel("The confusion matrix appears after an epoch when the model is a classifier.")
        self.info.setWordWrap(True)
        self.widget = common.plot_widget(left="true class", bottom="predicted class")
        p = self.widget.getPlotItem()
        p.showGrid(x=False, y=False)
        p.invertY(True)
        p.setAspectLocked(True)
        self.image = pg.ImageItem()
        self.image.setLookupTable(common.colormap("viridis").getLookupTable(nPts=256))
        p.addItem(self.image)
        self.texts: list[pg.TextItem] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.info)
        layout.addWidget(self.widget, 1)

    def reset(self) -> None:
        self.matrix = None
        self.image.clear()
        for t in self.texts:
            t.setText("")

    def handle(self, kind: str, data: dict) -> None:
        if kind != "confusion":
            return
        self.set_matrix(np.asarray(data.get("matrix")), list(data.get("class_names") or []),
                        data.get("epoch"))

    def set_matrix(self, matrix: np.ndarray, class_names: list[str], epoch=None) -> None:
        m = np.asarray(matrix, dtype="float64")
        if m.ndim != 2 or m.shape[0] != m.shape[1] or not m.size:
            return
        self.matrix, self.epoch = m, epoch
        c = m.shape[0]
        self.class_names = class_names if len(class_names) == c else [str(i) for i in range(c)]
        self.changed()

    def refresh(self) -> None:
        m, epoch = self.matrix, self.epoch
        if m is None:
            return
        c = m.shape[0]
        rows = m.sum(axis=1, keepdims=True)
        share = np.divide(m, rows, out=np.zeros_like(m), where=rows > 0)
        self.image.setImage(share, levels=(0.0, 1.0))
        p = self.widget.getPlotItem()
        ticks = [(i + 0.5, n[:12]) for i, n in enumerate(self.class_names)] if c <= 30 else []
        p.getAxis("bottom").setTicks([ticks])
        p.getAxis("left").setTicks([ticks])
        while len(self.texts) < min(c * c, MAX_LABELLED ** 2):
            t = pg.TextItem("", anchor=(0.5, 0.5))
            p.addItem(t)
            self.texts.append(t)
        used = 0
        if c <= MAX_LABELLED:
            for i in range(c):
                for j in range(c):
                    t = self.texts[used]
                    t.setText(str(int(m[i, j])))
                    t.setColor((20, 20, 20) if share[i, j] > 0.6 else (235, 235, 235))
                    t.setPos(j + 0.5, i + 0.5)
                    used += 1
        for t in self.texts[used:]:
            t.setText("")
        p.setRange(xRange=(0, c), yRange=(0, c), padding=0.02)
        total = m.sum()
        acc = float(np.trace(m) / total) if total else 0.0
        when = f"epoch {epoch} · " if epoch is not None else ""
        self.info.setText(f"{when}accuracy {acc:.1%} on {int(total)} validation samples")
