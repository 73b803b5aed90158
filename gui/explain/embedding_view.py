"""Embeddings tab: a layer's activations over the validation set projected to
2-D (PCA, t-SNE, UMAP), one colour per class; hovering a point shows the
sample, its label and the model's prediction."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from gui.explain.images import sample_rgb, to_pixmap
from gui.explain.view_base import ExplainView
from gui.i18n import tx


class EmbeddingView(ExplainView):
    title = QT_TRANSLATE_NOOP("ExplainWindow", "Embeddings")
    hovered = Signal(int)  # the validation index of the point under the mouse

    def __init__(self, parent=None):
        super().__init__(parent)
        import pyqtgraph as pg

        from engine.explain.embeddings import PROJECTION_TITLES, PROJECTIONS

        self.layer_box = QComboBox()
        self.method_box = QComboBox()
        for m in PROJECTIONS:
            self.method_box.addItem(tx(PROJECTION_TITLES[m]), m)
        self.project_button = QPushButton(self.tr("Project"))
        bar = QHBoxLayout()
        for w in (QLabel(self.tr("Layer")), self.layer_box, QLabel(self.tr("Projection")),
                  self.method_box):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.project_button)
        self.plot = pg.PlotWidget()
        self.plot.setBackground("w")
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.legend = self.plot.addLegend(offset=(5, 5), labelTextColor="k")
        self.scatter = pg.ScatterPlotItem(size=8, hoverable=True, hoverSize=13,
                                          hoverPen=pg.mkPen("k", width=2), tip=None)
        self.plot.addItem(self.scatter)
        self.scatter.sigHovered.connect(self._hovered)
        self.preview = QLabel()
        self.preview.setFixedSize(96, 96)
        self.preview.setAlignment(Qt.AlignCenter)
        self.hover_text = QLabel(self.tr("Hover a point to see its sample."))
        side = QVBoxLayout()
        side.addWidget(self.preview)
        side.addWidget(self.hover_text)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.plot, 1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(body, 1)
        layout.addWidget(self.status)
        self.project_button.clicked.connect(self.compute)
        self.layer_box.currentIndexChanged.connect(lambda _i: self._changed())
        self.method_box.currentIndexChanged.connect(lambda _i: self._changed())
        self._filling = False
        self._legend_items = []

    def _changed(self) -> None:
        if not self._filling:
            self.settings_changed()

    def fill_controls(self) -> None:
        from engine.explain.embeddings import embeddable_layers

        self._filling = True
        try:
            self.layer_box.clear()
            layers = embeddable_layers(self.subject.model)
            self.layer_box.addItems(layers)
            # the layer before the output: what the classifier reads
            self.layer_box.setCurrentIndex(max(0, len(layers) - 2))
        finally:
            self._filling = False
        self.scatter.setData([])

    def compute(self) -> bool:
        started = super().compute()
        if started and self.method_box.currentData() == "umap":
            self.status.setText(self.tr("Computing… (UMAP compiles its code the first time it "
                                        "runs in a session: that can take a minute or more)"))
        return started

    def work(self):
        from engine.explain.embeddings import embed

        subject, layer, method = self.subject, self.layer_box.currentText(), \
            self.method_box.currentData()
        return lambda: embed(subject, layer, method)

    def show_result(self, e) -> None:
        import pyqtgraph as pg

        names = self.subject.class_names
        for item in self._legend_items:
            self.legend.removeItem(item)
        self._legend_items = []
        if e.labels is None:
            brushes = [pg.mkBrush(60, 110, 200, 180)] * len(e.points)
        else:
            n = max(len(names), int(e.labels.max()) + 1)
            colours = [pg.intColor(k, hues=n, alpha=200) for k in range(n)]
            brushes = [pg.mkBrush(colours[int(k)]) for k in e.labels]
            for k in range(n):
                if np.any(e.labels == k):
                    dummy = pg.ScatterPlotItem(size=8, brush=pg.mkBrush(colours[k]))
                    self.legend.addItem(dummy, names[k] if k < len(names) else str(k))
                    self._legend_items.append(dummy)
        pens = [pg.mkPen("k", width=1.5) if (e.labels is not None and l != p)
                else pg.mkPen(None) for l, p in zip(
                    e.labels if e.labels is not None else [0] * len(e.points),
                    e.predicted if e.predicted is not None else [0] * len(e.points))]
        self.scatter.setData(pos=e.points, brush=brushes, pen=pens,
                             data=np.arange(len(e.points)))
        self.plot.autoRange()
        parts = [self.tr("{count} samples").format(count=len(e.points)), e.layer,
                 self.method_box.currentText()]
        if e.silhouette is not None:
            parts.append(self.tr("silhouette {value}").format(value=f"{e.silhouette:.2f}"))
        parts.append(self.tr("outlined: predicted wrong"))
        self.status.setText(" · ".join(parts))

    def point_position(self, i: int):
        """Where point ``i`` is drawn, in scene coordinates (for tests and tours)."""
        x, y = self.result.points[i]
        return self.plot.plotItem.vb.mapViewToScene(QPointF(float(x), float(y)))

    def _hovered(self, _item, points, _ev) -> None:
        if len(points) == 0 or self.result is None:
            return
        self.show_sample(int(points[0].data()))

    def show_sample(self, i: int) -> None:
        """Show point ``i``'s sample, label and prediction beside the plot."""
        e, s = self.result, self.subject
        index = int(e.indices[i])
        names = s.class_names
        self.preview.setPixmap(to_pixmap(sample_rgb(s.x_val[index], size=96)))
        if e.labels is None:
            self.hover_text.setText(self.tr("sample {index}").format(index=index))
        else:
            label, pred = int(e.labels[i]), int(e.predicted[i])
            self.hover_text.setText(self.tr("sample {index}\nlabel {label}\npredicted {predicted}")
                                    .format(index=index, label=names[label],
                                            predicted=names[pred]))
        self.hovered.emit(index)
