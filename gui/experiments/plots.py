"""A study's plots (pyqtgraph): a Pareto scatter of the first objective
against a cost, its front highlighted and each point naming its trial on
hover; and parallel coordinates, one line per trial across the swept
settings and the objective."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import Signal

from gui.i18n import translate


def pareto_front(points: list[tuple], maximize: tuple[bool, bool]) -> list[int]:
    """Indices of the points no other point dominates (2 objectives)."""
    def key(p):
        return tuple(v if up else -v for v, up in zip(p, maximize))

    keyed = [key(p) for p in points]
    out = []
    for i, a in enumerate(keyed):
        if not any(all(b[j] >= a[j] for j in range(2)) and b != a for b in keyed):
            out.append(i)
    return out


class ParetoPlot(pg.PlotWidget):
    """The first objective (y) against params, MACs or time (x)."""

    hovered = Signal(int)  # trial number under the mouse

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("experiment-pareto")
        self.setMenuEnabled(False)
        self.showGrid(x=True, y=True, alpha=0.2)
        self.trials = pg.ScatterPlotItem(size=8, pen=None, brush=pg.mkBrush(120, 140, 170, 160),
                                         hoverable=True, hoverSize=12, tip=self._tip)
        self.front = pg.ScatterPlotItem(size=11, pen=pg.mkPen(230, 120, 20, width=2),
                                        brush=pg.mkBrush(240, 150, 40, 220), hoverable=True,
                                        tip=self._tip)
        self.front_line = pg.PlotDataItem(pen=pg.mkPen(230, 120, 20, width=1,
                                                       style=pg.QtCore.Qt.DashLine))
        for item in (self.front_line, self.trials, self.front):
            self.addItem(item)
        self.trials.sigHovered.connect(self._hover)
        self.front.sigHovered.connect(self._hover)
        self.labels: dict[int, str] = {}
        self.front_numbers: list[int] = []
        self.cost = "params"

    def _tip(self, x, y, data):
        return self.labels.get(int(data), translate("ParetoPlot", "trial {number}").format(
            number=data))

    def _hover(self, _item, points, _ev) -> None:
        if len(points):
            self.hovered.emit(int(points[0].data()))

    COSTS = ("params", "macs", "train_time")

    def show_summary(self, summary: dict, cost: str | None = None) -> None:
        """Plot the completed trials; ``cost`` is the x axis (by default the
        cost among the objectives, else params)."""
        objectives = summary.get("objectives") or ["value:max"]
        first, _, direction = objectives[0].partition(":")
        if cost not in self.COSTS:
            cost = next((o.partition(":")[0] for o in objectives[1:]
                         if o.partition(":")[0] in self.COSTS), "params")
        self.cost = cost
        column = {"params": "params_count", "macs": "macs", "train_time": "train_time"}[cost]
        rows = [t for t in summary.get("trials") or [] if t["state"] == "complete"
                and t.get("values") and t["values"][0] is not None and t.get(column) is not None]
        xs = [float(t[column]) for t in rows]
        ys = [float(t["values"][0]) for t in rows]
        numbers = [t["number"] for t in rows]
        self.labels = {t["number"]: _label(t, first) for t in rows}
        idx = pareto_front(list(zip(ys, xs)), (direction == "max", False))
        idx.sort(key=lambda i: xs[i])
        self.front_numbers = [numbers[i] for i in idx]
        self.trials.setData(xs, ys, data=numbers)
        self.front.setData([xs[i] for i in idx], [ys[i] for i in idx],
                           data=[numbers[i] for i in idx])
        self.front_line.setData([xs[i] for i in idx], [ys[i] for i in idx])
        self.setLabel("left", first)
        self.setLabel("bottom", cost)
        if xs:  # fit the points now (the plot may be hidden, when auto-range waits)
            self.getViewBox().autoRange(padding=0.15)


def _label(t: dict, metric: str) -> str:
    values = ", ".join(f"{k}={v:.4g}" if isinstance(v, float) else f"{k}={v}"
                       for k, v in t["params"].items())
    v = t["values"][0]
    return translate("ParetoPlot", "trial {number}: {metric} {value}, {params} params\n{values}") \
        .format(number=t["number"], metric=metric, value=f"{v:.4g}", params=t.get("params_count"),
                values=values)


class ParallelCoordinates(pg.PlotWidget):
    """One polyline per trial across the swept settings and the objective,
    each axis scaled to its own range (log for loguniform ranges)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("experiment-coordinates")
        self.setMenuEnabled(False)
        self.hideAxis("left")
        self.lines: list[pg.PlotDataItem] = []
        self.axes: list[str] = []

    def show_summary(self, summary: dict, space: dict | None = None) -> None:
        trials = [t for t in summary.get("trials") or [] if t["state"] == "complete"
                  and t.get("values") and t["values"][0] is not None]
        objective = (summary.get("objectives") or ["value"])[0].partition(":")[0]
        names = sorted({k for t in trials for k in t["params"]})
        self.axes = names + [objective]
        columns = []
        for name in names:
            spec = (space or {}).get(name) or {}
            columns.append(_scaled([t["params"].get(name) for t in trials],
                                   log="loguniform" in spec))
        scores = [t["values"][0] for t in trials]
        columns.append(_scaled(scores))
        lo, hi = (min(scores), max(scores)) if scores else (0, 1)
        while len(self.lines) < len(trials):
            line = pg.PlotDataItem()
            self.addItem(line)
            self.lines.append(line)
        cmap = pg.colormap.get("viridis")
        for i, line in enumerate(self.lines):
            if i >= len(trials):
                line.setData([], [])
                continue
            frac = 0.5 if hi == lo else (scores[i] - lo) / (hi - lo)
            line.setPen(pg.mkPen(cmap.map(frac, mode="qcolor"), width=2))
            line.setData(list(range(len(self.axes))), [c[i] for c in columns])
        self.getAxis("bottom").setTicks([list(enumerate(self.axes))])
        self.setXRange(-0.2, max(1, len(self.axes) - 1) + 0.2)
        self.setYRange(-0.05, 1.05)


def _scaled(values: list, log: bool = False) -> list[float]:
    """Values mapped to [0, 1] (categories by their order of appearance)."""
    if any(not isinstance(v, (int, float)) or isinstance(v, bool) for v in values):
        order = list(dict.fromkeys(map(str, values)))
        n = max(1, len(order) - 1)
        return [order.index(str(v)) / n for v in values]
    nums = [math.log10(v) if log and v > 0 else float(v) for v in values]
    lo, hi = (min(nums), max(nums)) if nums else (0.0, 1.0)
    return [0.5 if hi == lo else (v - lo) / (hi - lo) for v in nums]


class TrialCurves(pg.PlotWidget):
    """The per-epoch curves of one trial's run (read from its run folder)."""

    COLORS = [(31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189)]

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("experiment-curves")
        self.setMenuEnabled(False)
        self.showGrid(x=True, y=True, alpha=0.2)
        self.legend = self.addLegend(offset=(-10, 10))
        self.curves: dict[str, pg.PlotDataItem] = {}

    def show_history(self, history: dict) -> None:
        """``{metric: [value per epoch]}``; metrics not in it are cleared."""
        for name in list(self.curves):
            if name not in history:
                self.legend.removeItem(self.curves[name])
                self.removeItem(self.curves.pop(name))
        for i, (name, values) in enumerate(sorted(history.items())):
            curve = self.curves.get(name)
            if curve is None:
                curve = self.curves[name] = self.plot(
                    name=name, pen=pg.mkPen(self.COLORS[i % len(self.COLORS)], width=2),
                    symbol="o", symbolSize=5)
            ys = [float("nan") if v is None else float(v) for v in values]
            curve.setData(list(range(1, len(ys) + 1)), ys)
        self.setLabel("bottom", translate("TrialCurves", "epoch"))
