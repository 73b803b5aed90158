"""Loss and metrics over the run: per batch (thin) and per epoch (bold),
training and validation, with log-scale and smoothing toggles.

Points are appended to growing arrays and pushed with ``setData`` on the
existing curve items; pyqtgraph clips to the view and downsamples, so a
long run costs the same per update as a short one. Validation points sit at
the epochs where validation ran.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QGraphicsItem, QComboBox, QHBoxLayout, QLabel, QVBoxLayout

from engine.events import EventKind
from gui.i18n import translate
from gui.training.plots import common

SKIP = {"step", "epoch", "batch", "lr", "size", "learning_rate"}
SMOOTH = 0.9  # EMA factor of the smoothed batch curve
RUN_HUES = 6  # overlay hues, after the live run's train and validation colours


def run_hue(label: str) -> int:
    """A colour index for a compared run that stays the same whatever else is
    selected (from its label, i.e. its id), never the live run's two colours.

    Example:
        >>> run_hue("a1b2c3") == run_hue("a1b2c3")
        True
    """
    import zlib

    return 2 + zlib.crc32(str(label).encode("utf-8")) % RUN_HUES


class MetricSeries:
    """Every value of one metric: per batch (x in epochs) and per epoch."""

    def __init__(self):
        self.batch_x = common.Series()
        self.batch_y = common.Series()
        self.batch_smooth = common.Series()
        self.epoch_x = common.Series()
        self.epoch_y = common.Series()
        self.val_x = common.Series()
        self.val_y = common.Series()
        self._ema = None

    def add_batch(self, x: float, y: float) -> None:
        self.batch_x.append(x)
        self.batch_y.append(y)
        if np.isfinite(y):
            self._ema = y if self._ema is None else SMOOTH * self._ema + (1 - SMOOTH) * y
        self.batch_smooth.append(self._ema if self._ema is not None else np.nan)


class _Plot:
    """One plot: thin batch curve, bold epoch curve, validation curve, overlays."""

    def __init__(self, widget: pg.PlotWidget):
        self.widget = widget
        p = widget.getPlotItem()
        p.setClipToView(True)
        p.setDownsampling(auto=True, mode="peak")
        self.legend = p.addLegend(offset=(-10, 10), labelTextColor=common.foreground())
        self.legend.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
        self.steady = common.SteadyRange(p)
        self.batch = p.plot([], [], pen=pg.mkPen(common.color(0, 90), width=1),
                            name=translate("LossPanel", "train (batch)"))
        self.epoch = p.plot([], [], pen=pg.mkPen(common.color(0), width=2.5), symbol="o",
                            symbolSize=5, symbolBrush=common.color(0), symbolPen=None,
                            name=translate("LossPanel", "train (epoch)"))
        self.val = p.plot([], [], pen=pg.mkPen(common.color(1), width=2.5), symbol="s",
                          symbolSize=6, symbolBrush=common.color(1), symbolPen=None,
                          name=translate("LossPanel", "validation"))
        self.overlays: list = []
        self._shown = None  # (series, epoch points, validation points) last drawn

    def show(self, s: MetricSeries | None, smooth: bool, per_batch: bool, force: bool = False) -> None:
        if s is None:
            for item in (self.batch, self.epoch, self.val):
                item.setData([], [])
            self._shown = None
            self.steady.reset()
            return
        if per_batch:
            y = s.batch_smooth.values if smooth else s.batch_y.values
            self.batch.setData(s.batch_x.values, y, connect="finite")
        else:
            self.batch.setData([], [])
        key = (id(s), len(s.epoch_y), len(s.val_y))
        if force or key != self._shown:  # the symbol curves only when they change
            self._shown = key
            self.epoch.setData(s.epoch_x.values, s.epoch_y.values)
            self.val.setData(s.val_x.values, s.val_y.values)
        self.steady.fit()

    def set_overlays(self, curves: list[tuple[str, np.ndarray, np.ndarray, int]]) -> None:
        """Overlay curves ``(label, x, y, hue)``: validation ones dotted, each
        named in the legend (and only while it shows)."""
        p = self.widget.getPlotItem()
        while len(self.overlays) < len(curves):
            self.overlays.append(p.plot([], []))
        for i, item in enumerate(self.overlays):
            self.legend.removeItem(item)
            if i < len(curves):
                label, x, y, hue = curves[i]
                style = Qt.DotLine if " val_" in f" {label.split(' ', 1)[-1]}" else Qt.DashLine
                item.setPen(pg.mkPen(common.color(hue), width=1.8, style=style))
                item.setData(x, y)
                item.opts["name"] = label
                self.legend.addItem(item, label)
            else:
                item.setData([], [])
                item.opts["name"] = None
        self.steady.fit()

    def overlay_labels(self) -> list[str]:
        """The names the legend shows for the compared runs."""
        return [item.opts["name"] for item in self.overlays if item.opts.get("name")]


def segment_text(seg: dict) -> str:
    """What an edit changed, as the marker's hover text."""
    from gui.i18n import tx

    def names(key):
        return ", ".join(seg.get(key) or []) or translate("LossPanel", "none")

    lines = [translate("LossPanel", "Segment {number} from epoch {epoch}").format(
        number=int(seg.get("index", 0)) + 1, epoch=seg.get("start_epoch"))]
    lines += [f"  {tx(e)}" for e in seg.get("edits") or []]
    lines += [translate("LossPanel", "carried: {layers}").format(layers=names("carried")),
              translate("LossPanel", "transformed: {layers}").format(layers=names("transformed")),
              translate("LossPanel", "reinitialised: {layers}").format(layers=names("reinitialised"))]
    if seg.get("removed"):
        lines.append(translate("LossPanel", "removed: {layers}").format(layers=names("removed")))
    return "\n".join(lines)


class LossPanel(common.LivePanel):
    """Loss on the left, a chosen metric on the right."""


    def __init__(self, parent=None):
        super().__init__(parent)
        self.series: dict[str, MetricSeries] = {}
        self.steps_per_epoch = 1
        self.epochs_seen = 0
        self._overlay_runs: list[tuple[str, dict]] = []
        self.markers: list[pg.InfiniteLine] = []  # one per plot and segment edit
        self.metric_box = QComboBox()
        self.metric_box.setToolTip(self.tr("Which metric the right plot shows"))
        self.metric_box.currentTextChanged.connect(lambda _t: self.changed())
        self.log_box = QCheckBox(self.tr("Log scale"))
        self.log_box.toggled.connect(self._log_toggled)
        self.smooth_box = QCheckBox(self.tr("Smooth"))
        self.smooth_box.setToolTip(self.tr("Exponential moving average of the batch values "
                                           "({factor})").format(factor=SMOOTH))
        self.smooth_box.toggled.connect(lambda _c: self.changed())
        self.batch_box = QCheckBox(self.tr("Per batch"))
        self.batch_box.setChecked(True)
        self.batch_box.toggled.connect(lambda _c: self.changed())
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Metric:")))
        bar.addWidget(self.metric_box)
        bar.addStretch(1)
        for w in (self.batch_box, self.smooth_box, self.log_box):
            bar.addWidget(w)
        self.loss_widget = common.plot_widget(self.tr("loss"), bottom=self.tr("epoch"))
        self.metric_widget = common.plot_widget("", bottom=self.tr("epoch"))
        self.loss_plot = _Plot(self.loss_widget)
        self.metric_plot = _Plot(self.metric_widget)
        plots = QHBoxLayout()
        plots.addWidget(self.loss_widget, 1)
        plots.addWidget(self.metric_widget, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addLayout(plots, 1)

    # ------------------------------------------------------------------ data --
    def reset(self) -> None:
        self.set_segments([])
        self.set_epochs(0)
        if not self._overlay_runs:      # nothing left to show: no axes of the last run either
            for w in (self.loss_widget, self.metric_widget):
                w.getPlotItem().getViewBox().setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
        self.series.clear()
        self.epochs_seen = 0
        self.metric_box.blockSignals(True)
        self.metric_box.clear()
        for name in self.overlay_metrics():   # compared runs stay comparable
            if name != "loss":
                self.metric_box.addItem(name)
        self.metric_box.blockSignals(False)
        self.refresh()

    def _series(self, name: str) -> MetricSeries:
        s = self.series.get(name)
        if s is None:
            s = self.series[name] = MetricSeries()
            if name != "loss" and self.metric_box.findText(name) < 0:
                self.metric_box.addItem(name)
        return s

    def handle(self, kind, data: dict) -> None:
        handler = self._HANDLERS.get(kind)
        if handler is not None:
            handler(self, data)

    def _on_started(self, data: dict) -> None:
        self.steps_per_epoch = max(1, int(data.get("steps_per_epoch") or 1))
        self.set_epochs(int(data.get("epochs") or 0))
        if "segments" in data:
            self.set_segments(data["segments"])

    def _on_segments(self, data: dict) -> None:
        self.set_segments(data.get("segments") or [])

    def _on_batch(self, data: dict) -> None:
        spe = self.steps_per_epoch
        for p in data.get("points", []):
            x = p.get("epoch", 0) + (p.get("batch", 0) + 1) / spe
            for key, value in p.items():
                if key in SKIP or key.startswith("val_"):
                    continue
                self._series(key).add_batch(x, float(value))
        self.changed(True)

    def _on_epoch(self, data: dict) -> None:
        self.add_epoch(int(data.get("epoch", self.epochs_seen + 1)), data.get("logs") or {})
        self.changed()

    _HANDLERS = {EventKind.STARTED: _on_started, EventKind.SEGMENTS: _on_segments,
                 EventKind.BATCH: _on_batch, EventKind.EPOCH: _on_epoch}
    KINDS = frozenset(_HANDLERS)  # the events this panel draws

    def set_segments(self, segments: list) -> None:
        """A vertical marker at each edit of the run (where a segment with an
        edited network began); hovering it shows what the edit kept."""
        for w in (self.loss_widget, self.metric_widget):
            plot = w.getPlotItem()
            for line in self.markers:
                if line in plot.items:
                    plot.removeItem(line)
        self.markers = []
        for seg in segments[1:]:
            text = segment_text(seg)
            for w in (self.loss_widget, self.metric_widget):
                line = pg.InfiniteLine(pos=float(seg.get("start_epoch") or 0), angle=90,
                                       movable=False,
                                       pen=pg.mkPen(common.muted(), width=1, style=Qt.DashLine),
                                       label=f"edit {seg.get('index', '')}",
                                       labelOpts={"position": 0.95, "color": common.muted()})
                line.setToolTip(text)
                line.setAcceptHoverEvents(True)
                w.getPlotItem().addItem(line, ignoreBounds=True)
                self.markers.append(line)

    def set_epochs(self, epochs: int) -> None:
        """Fix the x axis to the whole run (its ticks are not redrawn with every batch)."""
        self._axis_epochs = int(epochs)
        longest = max((len(v) for _l, h in getattr(self, "_overlay_runs", []) for v in h.values()
                       if isinstance(v, list)), default=0)
        epochs = max(int(epochs), longest) if epochs > 0 or longest else 0
        for w in (self.loss_widget, self.metric_widget):
            p = w.getPlotItem()
            if epochs > 0:
                p.setXRange(0, epochs, padding=0.02)
                p.enableAutoRange(x=False)
            else:
                p.enableAutoRange(x=True)

    def add_epoch(self, epoch: int, logs: dict) -> None:
        """Record the values of one finished epoch (1-based), validation included."""
        self.epochs_seen = max(self.epochs_seen, epoch)
        for key, value in logs.items():
            if key in SKIP:
                continue
            if key.startswith("val_"):
                s = self._series(key[4:])
                s.val_x.append(epoch)
                s.val_y.append(float(value))
            else:
                s = self._series(key)
                s.epoch_x.append(epoch)
                s.epoch_y.append(float(value))

    def load_history(self, history: dict) -> None:
        """Show a finished run's per-epoch history (``{metric: [value per epoch]}``)."""
        self.reset()
        n = max((len(v) for v in history.values()), default=0)
        self.set_epochs(n)
        for i in range(n):
            self.add_epoch(i + 1, {k: v[i] for k, v in history.items() if i < len(v) and v[i] is not None})
        self.refresh()

    def set_overlays(self, runs: list[tuple[str, dict]]) -> None:
        """Overlay other runs' per-epoch curves: ``[(label, history), ...]``;
        every metric they logged can be chosen on the right."""
        self._overlay_runs = list(runs)
        self.set_epochs(getattr(self, "_axis_epochs", 0))   # room for the longest run
        for _label, history in self._overlay_runs:
            for key in history:
                name = key[4:] if key.startswith("val_") else key
                if name not in SKIP and name != "loss" and self.metric_box.findText(name) < 0:
                    self.metric_box.addItem(name)
        self.refresh()

    def overlay_labels(self) -> list[str]:
        """The legend names of the compared runs' curves on both plots."""
        return self.loss_plot.overlay_labels() + self.metric_plot.overlay_labels()

    def overlay_metrics(self) -> list[str]:
        """Every metric the compared runs logged (training names)."""
        out = []
        for _label, history in self._overlay_runs:
            for key in history:
                name = key[4:] if key.startswith("val_") else key
                if name not in SKIP and name not in out:
                    out.append(name)
        return out

    def csv_tables(self) -> dict:
        """``{name: (columns, rows)}``: the live run per epoch and per batch,
        and each compared run per epoch."""
        out = {}
        names = sorted((n for n in self.series if n not in SKIP), key=lambda n: (n != "loss", n))
        n = max([self.epochs_seen] + [len(s.epoch_y) for s in self.series.values()])
        if names and n:
            columns = ["epoch"]
            cols = []
            for name in names:
                s = self.series[name]
                for label, xs, ys in ((name, s.epoch_x.values, s.epoch_y.values),
                                      (f"val_{name}", s.val_x.values, s.val_y.values)):
                    if len(ys):
                        columns.append(label)
                        cols.append(dict(zip(xs.astype(int).tolist(), ys.tolist())))
            out["epochs"] = (columns, [[e] + [c.get(e, "") for c in cols] for e in range(1, n + 1)])
            batch = [(name, self.series[name]) for name in names if len(self.series[name].batch_y)]
            if batch:
                x = batch[0][1].batch_x.values
                out["batches"] = (["epoch (fraction)"] + [name for name, _ in batch],
                                  [[float(x[i])] + [float(s.batch_y.values[i]) if i < len(s.batch_y)
                                                    else "" for _, s in batch]
                                   for i in range(len(x))])
        for label, history in self._overlay_runs:
            keys = [k for k in history if k not in SKIP]
            m = max((len(history[k]) for k in keys), default=0)
            if m:
                out[f"run-{label}"] = (["epoch"] + keys,
                                       [[e + 1] + [history[k][e] if e < len(history[k]) else ""
                                                   for k in keys] for e in range(m)])
        return out

    # ------------------------------------------------------------------ view --
    def current_metric(self) -> str:
        return self.metric_box.currentText()

    def _log_toggled(self, on: bool) -> None:
        for w in (self.loss_widget, self.metric_widget):
            w.getPlotItem().setLogMode(y=on)
        for plot in (self.loss_plot, self.metric_plot):
            plot.steady.reset()
        self.refresh()

    def refresh(self, batches_only: bool = False) -> None:
        smooth, per_batch = self.smooth_box.isChecked(), self.batch_box.isChecked()
        self.loss_plot.show(self.series.get("loss"), smooth, per_batch, force=not batches_only)
        metric = self.current_metric()
        if not batches_only:
            self.metric_widget.getPlotItem().setTitle(metric or "", color=common.foreground().name())
        self.metric_plot.show(self.series.get(metric) if metric else None, smooth, per_batch,
                              force=not batches_only)
        if batches_only:
            return
        for plot, name in ((self.loss_plot, "loss"), (self.metric_plot, metric)):
            curves = []
            for label, history in self._overlay_runs:
                for key in (name, f"val_{name}"):
                    values = history.get(key) if name else None
                    if values:
                        y = np.asarray([np.nan if v is None else v for v in values], dtype="float64")
                        x = np.arange(1, len(y) + 1, dtype="float64")
                        curves.append((f"{label} {key}", x, y, run_hue(label)))
            plot.set_overlays(curves)
