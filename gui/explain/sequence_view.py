"""Sequences tab: the hidden state of a recurrent layer over the time steps
of one sample, as a heat map (time across, units down)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout

from gui.explain.images import heat_rgb
from gui.explain.view_base import ExplainView


class SequenceView(ExplainView):
    title = QT_TRANSLATE_NOOP("ExplainWindow", "Sequences")

    def __init__(self, parent=None):
        super().__init__(parent)
        import pyqtgraph as pg

        self.layer_box = QComboBox()
        self.sample_box = QSpinBox()
        self.sample_box.setPrefix(self.tr("sample "))
        bar = QHBoxLayout()
        for w in (QLabel(self.tr("Recurrent layer")), self.layer_box, QLabel(self.tr("Sample")),
                  self.sample_box):
            bar.addWidget(w)
        bar.addStretch(1)
        self.plot = pg.PlotWidget()
        self.plot.setBackground("w")
        self.plot.setLabels(bottom=self.tr("time step"), left=self.tr("unit"))
        self.plot.getViewBox().invertY(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.status)
        self.layer_box.currentIndexChanged.connect(lambda _i: self._changed())
        self.sample_box.valueChanged.connect(lambda _v: self._changed())
        self._filling = False

    def _changed(self) -> None:
        if not self._filling:
            self.settings_changed()

    def fill_controls(self) -> None:
        from engine.explain.sequences import recurrent_layers

        self._filling = True
        try:
            self.layer_box.clear()
            self.layer_box.addItems(recurrent_layers(self.subject.model))
            n = len(self.subject.x_val) if self.subject.has_data else 1
            self.sample_box.setRange(0, max(0, n - 1))
        finally:
            self._filling = False

    def problem(self) -> str:
        if self.subject is not None and self.layer_box.count() == 0:
            return self.tr("This model has no recurrent layer (SimpleRNN, LSTM, GRU, "
                           "Bidirectional).")
        return super().problem()

    def work(self):
        from engine.explain.sequences import hidden_states

        model, layer = self.subject.model, self.layer_box.currentText()
        sample = self.subject.x_val[self.sample_box.value()]
        return lambda: hidden_states(model, layer, sample)

    def show_result(self, states) -> None:
        # rows: units, columns: time steps
        self.image.setImage(heat_rgb(states.T))
        self.plot.autoRange(padding=0)
        lo, hi = float(states.min()), float(states.max())
        self.status.setText(self.tr("{layer}: {units} units over {steps} time steps; colour "
                                    "from {low} (blue) to {high} (red)").format(
            layer=self.layer_box.currentText(), units=states.shape[1], steps=states.shape[0],
            low=f"{lo:.3g}", high=f"{hi:.3g}"))
