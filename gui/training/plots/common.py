"""Shared bits of the live panels: colours from the Qt palette, plot
widgets that match it, growing numpy series and image helpers."""

from __future__ import annotations

import contextlib
import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPalette, QPixmap
from PySide6.QtWidgets import QGraphicsItem

pg.setConfigOptions(antialias=False, imageAxisOrder="row-major")

# Distinct hues for series (train, validation, runs...), readable on light and dark.
HUES = (210, 25, 130, 280, 0, 55, 180, 320)


def while_alive(method):
    """Run a slot only while its widgets exist: a document outlives the window
    whose panels listen to it, and Qt deletes child widgets before the
    connections of their parent go away."""
    import functools

    @functools.wraps(method)
    def wrapper(*args, **kwargs):
        try:
            return method(*args, **kwargs)
        except RuntimeError as exc:
            if "already deleted" not in str(exc):
                raise
            return None
    return wrapper


def is_dark() -> bool:
    return QGuiApplication.palette().color(QPalette.Window).lightness() < 128


def background() -> QColor:
    return QGuiApplication.palette().color(QPalette.Base)


def foreground() -> QColor:
    return QGuiApplication.palette().color(QPalette.Text)


def muted() -> QColor:
    c = QColor(foreground())
    c.setAlpha(110)
    return c


def color(i: int, alpha: int = 255) -> QColor:
    c = QColor.fromHsl(HUES[i % len(HUES)], 170, 150 if is_dark() else 110)
    c.setAlpha(alpha)
    return c


def ok_color() -> QColor:
    return QColor("#46a758") if is_dark() else QColor("#2e7d32")


def error_color() -> QColor:
    return QColor("#e5484d") if is_dark() else QColor("#d32f2f")


def coloured(html: str, colour: QColor | str) -> str:
    """``html`` in ``colour`` (rich text of a label)."""
    name = colour.name() if isinstance(colour, QColor) else colour
    return "<span style='color:%s'>%s</span>" % (name, html)


def html_lines(lines) -> str:
    """Rich-text lines one under the other."""
    return "<br>".join(lines)


def italic(html: str) -> str:
    return "<i>%s</i>" % html


def bold(html: str) -> str:
    return "<b>%s</b>" % html


def style_plot(plot: pg.PlotItem) -> pg.PlotItem:
    """Palette colours, a light grid, and cached axes.

    Axes (tick labels and grid) are the costliest part of a plot to draw;
    a device-coordinate cache redraws them only when their ticks change, so
    a new point on a curve repaints the curve and blits the rest.
    """
    fg = foreground()
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(muted()))
        axis.setTextPen(pg.mkPen(fg))
        axis.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
    plot.titleLabel.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
    plot.showGrid(x=True, y=True, alpha=0.15)
    return plot


class SteadyRange:
    """Keep a live plot's y range still while its data stays well inside it.

    pyqtgraph's auto-range refits the view to every new point: with a loss
    that falls batch by batch the y axis, its tick labels and its grid are
    rebuilt on every update, which costs several times more than the curves.
    ``fit()`` moves the range only when the data leaves it or fills less
    than ``shrink_below`` of it, and then leaves ``headroom`` on the side the
    data is moving to, so a run redraws its axis a handful of times instead
    of on every batch.

    Panning or zooming by hand stops the fitting (the user's view wins)
    until the plot's auto-range button ("A") is pressed. Works in log mode:
    the bounds come from the curves' displayed (transformed) data.

    Example::

        steady = SteadyRange(plot_widget.getPlotItem())
        curve.setData(x, y)
        steady.fit()
    """

    def __init__(self, plot: pg.PlotItem, headroom: float = 0.3, shrink_below: float = 0.45):
        self.plot = plot
        self.view = plot.getViewBox()
        self.headroom = float(headroom)
        self.shrink_below = float(shrink_below)
        self.manual = False
        self.range: tuple[float, float] | None = None
        self.fits = 0                     # how often the range moved (tests, benches)
        self._setting = False
        self.view.enableAutoRange(y=False)
        self.view.sigRangeChangedManually.connect(self._by_hand)
        self.view.sigStateChanged.connect(self._state_changed)

    def _by_hand(self, *_args) -> None:
        self.manual = True

    def _state_changed(self, *_args) -> None:
        if self._setting:
            return
        if self.view.state["autoRange"][1] is not False:   # the "A" button
            self.manual = False
            self.range = None
            self._setting = True
            try:
                self.view.enableAutoRange(y=False)
            finally:
                self._setting = False
            self.fit()

    def reset(self) -> None:
        """Forget the range (a new run); the next ``fit`` starts afresh."""
        self.range = None
        self.manual = False

    def data_bounds(self) -> tuple[float, float] | None:
        lo, hi = np.inf, -np.inf
        for item in self.plot.listDataItems():
            if not item.isVisible():
                continue
            try:
                b = item.dataBounds(1)
            except Exception:   # an item with nothing to show
                continue
            if b is None or b[0] is None or b[1] is None:
                continue
            if np.isfinite(b[0]):
                lo = min(lo, float(b[0]))
            if np.isfinite(b[1]):
                hi = max(hi, float(b[1]))
        if not (np.isfinite(lo) and np.isfinite(hi)):
            return None
        return lo, hi

    def fit(self) -> bool:
        """Move the range if the data asks for it; True when it moved."""
        if self.manual:
            return False
        bounds = self.data_bounds()
        if bounds is None:
            return False
        lo, hi = bounds
        span = hi - lo
        cur = self.range
        if cur is not None:
            inside = lo >= cur[0] and hi <= cur[1]
            if inside and span >= self.shrink_below * (cur[1] - cur[0]):
                return False
        # room to grow: a side the data just crossed gets ``headroom`` of the
        # span (it is likely to move on that way), the other side a little;
        # a near-constant series is given a span from its magnitude
        room = max(span, 0.2 * max(abs(lo), abs(hi))) or 1.0
        grew_down = cur is None or lo < cur[0]
        grew_up = cur is None or hi > cur[1]
        self.range = (lo - (self.headroom if grew_down else 0.05) * room,
                      hi + (self.headroom if grew_up else 0.05) * room)
        self._setting = True
        try:
            self.view.setYRange(*self.range, padding=0)
        finally:
            self._setting = False
        self.fits += 1
        return True


class DrawingMeter:
    """CPU time the GUI thread has spent drawing the live panels: their
    updates (timed by the dashboard) and the repaints of their plots (timed
    by the plot widgets below). The event bridge spaces its deliveries by it.

    Example:
        >>> m = DrawingMeter()
        >>> with m.measure():
        ...     _ = sum(range(1000))
        >>> m.seconds > 0
        True
    """

    def __init__(self):
        self.seconds = 0.0

    @contextlib.contextmanager
    def measure(self):
        start = time.thread_time()
        try:
            yield
        finally:
            self.seconds += time.thread_time() - start


METER = DrawingMeter()


class _Metered:
    """Mixin for a pyqtgraph view: time each repaint into `METER`."""

    def paintEvent(self, event):
        start = time.thread_time()
        try:
            super().paintEvent(event)
        finally:
            METER.seconds += time.thread_time() - start


class LivePlotWidget(_Metered, pg.PlotWidget):
    pass


class LiveLayoutWidget(_Metered, pg.GraphicsLayoutWidget):
    pass


def plot_widget(title: str = "", left: str = "", bottom: str = "") -> pg.PlotWidget:
    """A PlotWidget whose background and text follow the system palette."""
    w = LivePlotWidget(background=background())
    p = w.getPlotItem()
    style_plot(p)
    if title:
        p.setTitle(title, color=foreground().name())
    if left:
        p.setLabel("left", left, color=foreground().name())
    if bottom:
        p.setLabel("bottom", bottom, color=foreground().name())
    return w


def layout_widget() -> pg.GraphicsLayoutWidget:
    """A GraphicsLayoutWidget on the palette's base colour."""
    w = LiveLayoutWidget()
    w.setBackground(background())
    return w


class Series:
    """A growing float64 series with amortised appends (no list → array per frame).

    Example:
        >>> s = Series(); s.extend([1, 2]); s.append(3); s.values.tolist()
        [1.0, 2.0, 3.0]
    """

    def __init__(self, capacity: int = 256):
        self._data = np.empty(capacity, dtype="float64")
        self.n = 0

    def _grow(self, need: int) -> None:
        if need > len(self._data):
            data = np.empty(max(need, 2 * len(self._data)), dtype="float64")
            data[:self.n] = self._data[:self.n]
            self._data = data

    def append(self, value) -> None:
        self._grow(self.n + 1)
        self._data[self.n] = value
        self.n += 1

    def extend(self, values) -> None:
        values = np.asarray(values, dtype="float64").ravel()
        self._grow(self.n + len(values))
        self._data[self.n:self.n + len(values)] = values
        self.n += len(values)

    def clear(self) -> None:
        self.n = 0

    @property
    def values(self) -> np.ndarray:
        return self._data[:self.n]

    def __len__(self) -> int:
        return self.n


def normalize(a: np.ndarray) -> np.ndarray:
    """Scale to [0, 1] (a constant array becomes 0.5); NaN becomes 0."""
    a = np.nan_to_num(np.asarray(a, dtype="float32"), nan=0.0, posinf=0.0, neginf=0.0)
    lo, hi = float(a.min()) if a.size else 0.0, float(a.max()) if a.size else 0.0
    if hi - lo < 1e-12:
        return np.full(a.shape, 0.5, dtype="float32")
    return (a - lo) / (hi - lo)


def mosaic(tiles: np.ndarray, cols: int | None = None, pad: int = 1,
           fill: float = np.nan) -> tuple[np.ndarray, int, int]:
    """Lay ``tiles`` (N, h, w) or (N, h, w, 3) out in a grid.

    Returns ``(image, cols, rows)``; padding is ``fill`` (NaN shows as the
    background with a transparent-NaN colour map).
    """
    tiles = np.asarray(tiles, dtype="float32")
    n, h, w = tiles.shape[:3]
    extra = tiles.shape[3:]
    cols = cols or max(1, int(np.ceil(np.sqrt(n))))
    rows = max(1, int(np.ceil(n / cols)))
    out = np.full((rows * (h + pad) - pad, cols * (w + pad) - pad) + extra, fill, dtype="float32")
    for i in range(n):
        r, c = divmod(i, cols)
        out[r * (h + pad):r * (h + pad) + h, c * (w + pad):c * (w + pad) + w] = tiles[i]
    return out, cols, rows


def to_pixmap(image: np.ndarray, size: int = 64) -> QPixmap:
    """A (h, w), (h, w, 1) or (h, w, 3) array (any range) as a scaled QPixmap."""
    a = np.asarray(image)
    if a.ndim == 3 and a.shape[-1] == 1:
        a = a[..., 0]
    if a.ndim == 1:
        a = a[None, :]
    a = (normalize(a) * 255).astype("uint8")
    if a.ndim == 2:
        a = np.ascontiguousarray(a)
        img = QImage(a.data, a.shape[1], a.shape[0], a.strides[0], QImage.Format_Grayscale8)
    else:
        a = np.ascontiguousarray(a[..., :3])
        img = QImage(a.data, a.shape[1], a.shape[0], a.strides[0], QImage.Format_RGB888)
    return QPixmap.fromImage(img.copy()).scaled(size, size, Qt.KeepAspectRatio,
                                               Qt.FastTransformation)


def colormap(name: str = "viridis") -> pg.ColorMap:
    try:
        return pg.colormap.get(name)
    except Exception:  # older pyqtgraph without the bundled maps
        return pg.ColorMap([0.0, 1.0], [(0, 0, 0), (255, 255, 255)])


def looks_like_image(sample_shape: tuple) -> bool:
    """True for (h, w), (h, w, 1) and (h, w, 3) samples of at least 5×5."""
    s = tuple(sample_shape)
    if len(s) == 3 and s[-1] in (1, 3) and min(s[:2]) >= 5:
        return True
    return len(s) == 2 and min(s) >= 5 and s[0] == s[1]


def normalize_tiles(tiles: np.ndarray) -> np.ndarray:
    """Normalise each tile of ``(N, h, w[, 3])`` to [0, 1] on its own."""
    t = np.nan_to_num(np.asarray(tiles, dtype="float32"), nan=0.0, posinf=0.0, neginf=0.0)
    if not t.size:
        return t
    axes = tuple(range(1, t.ndim))
    lo = t.min(axis=axes, keepdims=True)
    hi = t.max(axis=axes, keepdims=True)
    span = hi - lo
    out = np.where(span > 1e-12, (t - lo) / np.where(span > 1e-12, span, 1.0), 0.5)
    return out.astype("float32")


from PySide6.QtWidgets import QWidget  # noqa: E402


class LivePanel(QWidget):
    """A panel that keeps every event's data but draws only while visible:
    a panel hidden behind a tab costs nothing until it is shown.

    ``changed(*args)`` asks for ``refresh(*args)``; no arguments means a full
    refresh, ``True`` only the per-batch curves. Inside ``updating()``
    (several events handled in a row) the refreshes asked for become one.
    """

    _dirty = False
    _deferring = False
    _owed: tuple | None = None

    @contextlib.contextmanager
    def updating(self):
        """Handle several events, then refresh once (fully if any asked so)."""
        outer, self._deferring = self._deferring, True
        try:
            yield self
        finally:
            self._deferring = outer
            if not outer and self._owed is not None:
                args, self._owed = self._owed, None
                self.changed(*args)

    def changed(self, *args) -> None:
        if self._deferring:
            self._owed = () if (self._owed == () or not args) else args
            return
        if self.isVisible():
            self._dirty = False
            self.refresh(*args)
        else:
            self._dirty = True

    def showEvent(self, event):
        super().showEvent(event)
        if self._dirty:
            self._dirty = False
            self.refresh()

    def refresh(self, *args) -> None:  # pragma: no cover - panels implement it
        pass
