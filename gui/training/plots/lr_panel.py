"""The learning rate: the planned curve for the whole run (known before the
first step) and the rate actually applied, step by step, as it happens —
so a ReduceLROnPlateau drop shows as a step away from the plan."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QGraphicsItem, QHBoxLayout, QLabel, QVBoxLayout

from engine.events import EventKind
from gui.training.plots import common


class LRPanel(common.LivePanel):

    def __init__(self, parent=None):
        super().__init__(parent)
        self.steps_per_epoch = 1
        self.planned_x = np.zeros(0)
        self.planned_y = np.zeros(0)
        self.applied_x = common.Series()
        self.applied_y = common.Series()
        self.epoch_x = common.Series()
        self.epoch_y = common.Series()
        self.log_box = QCheckBox(self.tr("Log scale"))
        self.log_box.toggled.connect(self._log_toggled)
        self.now = QLabel("")
        bar = QHBoxLayout()
        bar.addWidget(self.now)
        bar.addStretch(1)
        bar.addWidget(self.log_box)
        self.widget = common.plot_widget(self.tr("learning rate"), bottom=self.tr("epoch"))
        p = self.widget.getPlotItem()
        p.setClipToView(True)
        p.setDownsampling(auto=True, mode="peak")
        legend = p.addLegend(offset=(-10, 10), labelTextColor=common.foreground())
        legend.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
        self.steady = common.SteadyRange(p)
        self.planned = p.plot([], [], pen=pg.mkPen(common.muted(), width=1.5, style=Qt.DashLine),
                              name=self.tr("planned"))
        self.applied = p.plot([], [], pen=pg.mkPen(common.color(2), width=2), name=self.tr("applied"))
        self.epochs = p.plot([], [], pen=None, symbol="o", symbolSize=5,
                             symbolBrush=common.color(2), symbolPen=None)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.widget, 1)

    def _log_toggled(self, on: bool) -> None:
        self.widget.getPlotItem().setLogMode(y=on)
        self.steady.reset()
        self.steady.fit()

    def reset(self) -> None:
        self.widget.getPlotItem().enableAutoRange(x=True)
        self.steady.reset()
        self.planned_x = np.zeros(0)
        self.planned_y = np.zeros(0)
        for s in (self.applied_x, self.applied_y, self.epoch_x, self.epoch_y):
            s.clear()
        self.now.setText("")
        self.refresh()

    def set_planned(self, planned, steps_per_epoch: int, initial_step: int = 0) -> None:
        """Show a planned curve (one LR per step, from ``initial_step`` on)."""
        planned = np.asarray(planned if planned is not None else [], dtype="float64").ravel()
        spe = max(1, int(steps_per_epoch))
        x = (initial_step + np.arange(len(planned)) + 1) / spe
        keep = self.planned_x < (initial_step + 1) / spe  # a continued run extends the plan
        self.planned_x = np.concatenate([self.planned_x[keep], x])
        p = self.widget.getPlotItem()
        if len(self.planned_x):  # the whole run is known: the axes need not move
            p.setXRange(0, float(self.planned_x[-1]), padding=0.02)
            p.enableAutoRange(x=False)
        self.planned_y = np.concatenate([self.planned_y[keep], planned])
        self.changed()

    def handle(self, kind, data: dict) -> None:
        handler = self._HANDLERS.get(kind)
        if handler is not None:
            handler(self, data)

    def _on_started(self, data: dict) -> None:
        self.steps_per_epoch = max(1, int(data.get("steps_per_epoch") or 1))
        self.set_planned(data.get("planned_lr"), self.steps_per_epoch,
                         int(data.get("initial_step") or 0))

    def _on_batch(self, data: dict) -> None:
        spe = self.steps_per_epoch
        for p in data.get("points", []):
            lr = p.get("lr")
            if lr is None:
                continue
            self.applied_x.append(p.get("epoch", 0) + (p.get("batch", 0) + 1) / spe)
            self.applied_y.append(float(lr))
        last = data.get("last") or {}
        if last.get("lr") is not None:
            self.now.setText(self.tr("now {lr}").format(lr=f"{float(last['lr']):.4g}"))
        self.changed(True)

    def _on_epoch(self, data: dict) -> None:
        if data.get("lr") is not None:
            self.epoch_x.append(int(data.get("epoch", 0)))
            self.epoch_y.append(float(data["lr"]))
            self.changed()

    _HANDLERS = {EventKind.STARTED: _on_started, EventKind.BATCH: _on_batch,
                 EventKind.EPOCH: _on_epoch}
    KINDS = frozenset(_HANDLERS)  # the events this panel draws

    def refresh(self, batches_only: bool = False) -> None:
        if batches_only:
            self.applied.setData(self.applied_x.values, self.applied_y.values)
        else:
            self.planned.setData(self.planned_x, self.planned_y)
            self.applied.setData(self.applied_x.values, self.applied_y.values)
            self.epochs.setData(self.epoch_x.values, self.epoch_y.values)
        self.steady.fit()
