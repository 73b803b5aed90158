"""The decision boundary of a model with 2-D inputs: the predicted class
over a grid (shaded by confidence) with the data points on top."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QLabel, QVBoxLayout

from gui.training.plots import common


def class_image(probs: np.ndarray) -> np.ndarray:
    """RGB in [0, 1] of shape (G, G, 3): the hue of the likeliest class, pale
    where the model is unsure."""
    p = np.asarray(probs, dtype="float32")
    if p.ndim == 2 or (p.ndim == 3 and p.shape[-1] == 1):
        p1 = p.reshape(p.shape[:2])
        p = np.stack([1 - p1, p1], axis=-1)
    k = p.shape[-1]
    colours = np.array([common.color(i).getRgbF()[:3] for i in range(k)], dtype="float32")
    cls = np.argmax(p, axis=-1)
    conf = np.max(p, axis=-1)
    strength = np.clip((conf - 1.0 / k) / (1 - 1.0 / k + 1e-9), 0, 1)[..., None] * 0.65
    base = np.array(common.background().getRgbF()[:3], dtype="float32")
    return base * (1 - strength) + colours[cls] * strength


class BoundaryPanel(common.LivePanel):
    KINDS = {"boundary"}  # the events this panel draws

    def __init__(self, parent=None):
        super().__init__(parent)
        self.info = QLabel(self.tr("The decision boundary appears for models with two input features."))
        self.info.setWordWrap(True)
        self.widget = common.plot_widget(left="x₂", bottom="x₁")
        p = self.widget.getPlotItem()
        p.showGrid(x=False, y=False)
        self.image = pg.ImageItem()
        p.addItem(self.image)
        self.points = pg.ScatterPlotItem(size=6, pen=pg.mkPen(common.foreground(), width=0.5))
        p.addItem(self.points)
        self.rgb: np.ndarray | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.info)
        layout.addWidget(self.widget, 1)

    def reset(self) -> None:
        self.last = None
        self.rgb = None
        self.image.clear()
        self.points.setData([])

    def handle(self, kind: str, data: dict) -> None:
        if kind == "boundary":
            self.last = data
            self.changed()

    def refresh(self) -> None:
        data = getattr(self, "last", None)
        if data is None:
            return
        xx = np.asarray(data.get("xx"), dtype="float64")
        yy = np.asarray(data.get("yy"), dtype="float64")
        if xx.size < 2 or yy.size < 2:
            return
        self.rgb = class_image(np.asarray(data.get("probs")))
        self.image.setImage(self.rgb, levels=(0.0, 1.0))
        self.image.setRect(QRectF(xx[0], yy[0], xx[-1] - xx[0], yy[-1] - yy[0]))
        pts = np.asarray(data.get("points"), dtype="float64")
        labels = np.asarray(data.get("labels")).reshape(-1).astype(int) if data.get("labels") is not None else None
        if pts.ndim == 2 and pts.shape[1] == 2:
            brushes = [pg.mkBrush(common.color(int(l))) for l in labels] if labels is not None \
                else pg.mkBrush(common.color(0))
            self.points.setData(pts[:, 0], pts[:, 1], brush=brushes)
        self.info.setText(self.tr("epoch {epoch} · colour: predicted class, paler where the model is "
                                  "unsure").format(epoch=data.get("epoch")))
