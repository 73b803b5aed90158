"""The confusion matrix of a classifier after each epoch (rows: true class,
columns: predicted), coloured by the share of each true class, with counts;
beside it each class's precision, recall, F1 and support (scikit-learn's
``precision_recall_fscore_support``, computed by the trainer on the same
predictions). The matrix counts every validation sample."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from gui.training.plots import common

MAX_LABELLED = 20  # classes above this get no per-cell numbers
EMPTY = QT_TRANSLATE_NOOP("ConfusionPanel",
                          "The confusion matrix appears after an epoch when the model is a classifier.")
SCORES = ("precision", "recall", "f1", "support")
SCORE_TITLES = {"precision": QT_TRANSLATE_NOOP("ConfusionPanel", "precision"),
                "recall": QT_TRANSLATE_NOOP("ConfusionPanel", "recall"),
                "f1": QT_TRANSLATE_NOOP("ConfusionPanel", "f1"),
                "support": QT_TRANSLATE_NOOP("ConfusionPanel", "support")}


class ConfusionPanel(common.LivePanel):
    KINDS = {"confusion"}  # the events this panel draws

    def __init__(self, parent=None):
        super().__init__(parent)
        self.matrix: np.ndarray | None = None
        self.class_names: list[str] = []
        self.epoch = None
        self.per_class: dict = {}
        self.split = "validation"
        self.info = QLabel(self.tr(EMPTY))
        self.info.setWordWrap(True)
        self.widget = common.plot_widget(left=self.tr("true class"), bottom=self.tr("predicted class"))
        p = self.widget.getPlotItem()
        p.showGrid(x=False, y=False)
        p.invertY(True)
        p.setAspectLocked(True)
        self.image = pg.ImageItem()
        self.image.setLookupTable(common.colormap("viridis").getLookupTable(nPts=256))
        p.addItem(self.image)
        self.texts: list[pg.TextItem] = []
        self.scores = QTableWidget(0, len(SCORES))
        self.scores.setHorizontalHeaderLabels([self.tr(SCORE_TITLES[s]) for s in SCORES])
        self.scores.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.scores.setToolTip(self.tr("Per class, on the same samples as the matrix "
                                       "(scikit-learn's precision_recall_fscore_support)"))
        row = QHBoxLayout()
        row.addWidget(self.widget, 1)
        row.addWidget(self.scores, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.info)
        layout.addLayout(row, 1)

    def reset(self) -> None:
        """Forget the matrix, its class names and scores (a new run or document)."""
        self.matrix = None
        self.epoch = None
        self.class_names = []
        self.per_class = {}
        self.image.clear()
        for t in self.texts:
            t.setText("")
        p = self.widget.getPlotItem()
        p.getAxis("bottom").setTicks(None)
        p.getAxis("left").setTicks(None)
        self.scores.setRowCount(0)
        self.info.setText(self.tr(EMPTY))

    def handle(self, kind: str, data: dict) -> None:
        if kind != "confusion":
            return
        self.set_matrix(np.asarray(data.get("matrix")), list(data.get("class_names") or []),
                        data.get("epoch"), data.get("per_class") or {},
                        str(data.get("split") or "validation"))

    def set_matrix(self, matrix: np.ndarray, class_names: list[str], epoch=None,
                   per_class: dict | None = None, split: str = "validation") -> None:
        m = np.asarray(matrix, dtype="float64")
        if m.ndim != 2 or m.shape[0] != m.shape[1] or not m.size:
            return
        self.matrix, self.epoch = m, epoch
        self.per_class = dict(per_class or {})
        self.split = split
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
        values = dict(epoch=epoch, accuracy=f"{acc:.1%}", count=int(total), split=self.split)
        if self.split == "validation":
            text = (self.tr("epoch {epoch} · accuracy {accuracy} on {count} validation samples")
                    if epoch is not None else
                    self.tr("accuracy {accuracy} on {count} validation samples"))
        else:
            text = (self.tr("epoch {epoch} · accuracy {accuracy} on {count} samples ({split})")
                    if epoch is not None else
                    self.tr("accuracy {accuracy} on {count} samples ({split})"))
        self.info.setText(text.format(**values))
        self._show_scores()

    def _show_scores(self) -> None:
        s = self.per_class
        n = len(s.get("support") or [])
        self.scores.setRowCount(n)
        self.scores.setVerticalHeaderLabels(self.class_names[:n] if len(self.class_names) >= n
                                            else [str(i) for i in range(n)])
        for i in range(n):
            for j, key in enumerate(SCORES):
                v = s[key][i]
                text = str(int(v)) if key == "support" else f"{float(v):.3f}"
                self.scores.setItem(i, j, QTableWidgetItem(text))
        self.scores.resizeColumnsToContents()

    def csv_tables(self) -> dict:
        """``{name: (columns, rows)}``: the matrix and the per-class scores."""
        if self.matrix is None:
            return {}
        names = self.class_names or [str(i) for i in range(len(self.matrix))]
        out = {"confusion": (["true / predicted"] + list(names),
                             [[names[i]] + [int(v) for v in row] for i, row in enumerate(self.matrix)])}
        if self.per_class.get("support"):
            out["per_class"] = (["class"] + list(SCORES),
                                [[names[i]] + [self.per_class[k][i] for k in SCORES]
                                 for i in range(len(self.per_class["support"]))])
        return out
