"""How the live panels draw: a y range that stays still while the data
stays inside it, cached axes, and panel updates spread over turns of the
event loop (no TensorFlow needed: events go through the real bridge)."""

import threading

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QGraphicsItem

from engine.events import training_event
from gui.training.plots import common
from gui.training.plots.loss_panel import LossPanel


def y_range(widget):
    return tuple(widget.getPlotItem().getViewBox().viewRange()[1])


def falling_loss(n, start=0):
    rng = np.random.default_rng(start)
    return [{"epoch": i // 50, "batch": i % 50,
             "loss": 2.3 * np.exp(-i / 60) + 0.05 * rng.random(), "accuracy": min(1.0, i / 150)}
            for i in range(start, start + n)]


@pytest.fixture
def loss_panel(qtbot):
    panel = LossPanel()
    qtbot.addWidget(panel)
    panel.resize(600, 360)
    panel.show()
    qtbot.waitExposed(panel)
    panel.handle("started", {"steps_per_epoch": 50, "epochs": 4})
    return panel


def test_a_falling_loss_moves_the_y_range_a_few_times_not_every_batch(qtbot, loss_panel):
    for i in range(200):
        pts = falling_loss(1, i)
        loss_panel.handle("batch", {"points": pts, "last": pts[-1]})
        lo, hi = y_range(loss_panel.loss_widget)
        y = loss_panel.series["loss"].batch_y.values
        assert lo <= y.min() and y.max() <= hi          # every point stays in view
    steady = loss_panel.loss_plot.steady
    assert 1 <= steady.fits <= 12                       # not 200 axis rebuilds
    # the data fills a good part of the view (the range is not just huge)
    lo, hi = y_range(loss_panel.loss_widget)
    assert (y.max() - y.min()) / (hi - lo) > 0.45


def test_the_range_shrinks_when_the_data_fills_too_little_of_it(qtbot):
    w = common.plot_widget()
    qtbot.addWidget(w)
    curve = w.getPlotItem().plot([0, 1, 2], [0.0, 10.0, 5.0])
    steady = common.SteadyRange(w.getPlotItem())
    assert steady.fit() and steady.range[0] < 0 < 10 < steady.range[1]
    curve.setData([0, 1, 2], [4.0, 6.0, 5.0])           # inside, but a fifth of the span
    assert steady.fit()
    lo, hi = steady.range
    assert 3.0 < lo < 4.0 and 6.0 < hi < 7.0
    curve.setData([0, 1, 2], [4.5, 5.5, 5.0])           # inside and more than 45 %
    assert not steady.fit() and steady.range == (lo, hi)


def test_zooming_by_hand_wins_until_the_auto_range_button(qtbot, loss_panel):
    pts = falling_loss(60)
    loss_panel.handle("batch", {"points": pts, "last": pts[-1]})
    widget = loss_panel.loss_widget
    steady = loss_panel.loss_plot.steady
    view = widget.viewport()
    centre = QPointF(view.width() / 2, view.height() / 2)
    wheel = QWheelEvent(centre, widget.mapToGlobal(centre.toPoint()), QPoint(0, 0), QPoint(0, 240),
                        Qt.NoButton, Qt.NoModifier, Qt.NoScrollPhase, False)
    QApplication.sendEvent(view, wheel)
    assert steady.manual
    zoomed = y_range(widget)
    more = falling_loss(5, 60)
    more[-1]["loss"] = 50.0                             # far outside the zoomed view
    loss_panel.handle("batch", {"points": more, "last": more[-1]})
    assert y_range(widget) == pytest.approx(zoomed)     # the user's view is left alone
    widget.getPlotItem().autoBtnClicked()               # the "A" button
    assert not steady.manual
    lo, hi = y_range(widget)
    assert lo <= 0.05 and hi >= 50.0


def test_log_scale_refits_in_log_space(qtbot, loss_panel):
    pts = falling_loss(150)
    loss_panel.handle("batch", {"points": pts, "last": pts[-1]})
    loss_panel.log_box.setChecked(True)
    y = loss_panel.series["loss"].batch_y.values
    lo, hi = y_range(loss_panel.loss_widget)
    assert lo <= np.log10(y.min()) and np.log10(y.max()) <= hi
    assert hi - lo < 3                                  # decades, not the linear range


def test_axes_are_cached_so_a_new_point_does_not_redraw_them(qtbot, loss_panel):
    for widget in (loss_panel.loss_widget, loss_panel.metric_widget):
        plot = widget.getPlotItem()
        for name in ("left", "bottom"):
            assert plot.getAxis(name).cacheMode() == QGraphicsItem.DeviceCoordinateCache


def test_panel_updates_are_spread_over_event_loop_turns(qtbot, make_window):
    window = make_window()
    dash = window.dashboard
    dash.show_all()
    bridge = dash.bridge
    bridge.push(training_event("started", **{"steps_per_epoch": 50, "epochs": 2, "planned_lr": [0.01] * 100}))
    pts = [dict(p, lr=0.01) for p in falling_loss(30)]
    bridge.push(training_event("batch", **{"points": pts, "last": pts[-1]}))
    bridge.drain()
    # handed to the dashboard, not drawn yet: one update per panel with news
    # (loss and LR, each with both events, so each repaints once)
    assert dash.pending_units() == 2
    assert len(dash.panels["loss"].series) == 0
    QApplication.processEvents()
    assert dash.pending_units() == 1                    # a turn draws one panel, not all
    qtbot.waitUntil(lambda: dash.pending_units() == 0, timeout=2000)
    assert len(dash.panels["loss"].series["loss"].batch_y) == 30
    assert len(dash.panels["lr"].applied_y) == 30


def test_the_end_of_a_run_draws_everything_still_queued(qtbot, make_window):
    window = make_window()
    dash = window.dashboard
    bridge = dash.bridge
    bridge.push(training_event("started", **{"steps_per_epoch": 10, "epochs": 1}))
    pts = falling_loss(10)
    bridge.push(training_event("batch", **{"points": pts, "last": pts[-1]}))
    bridge.push(training_event("epoch", **{"epoch": 1, "logs": {"loss": 0.5, "val_loss": 0.6}}))
    bridge.push(training_event("finished", **{}))
    bridge.drain()
    assert dash.pending_units() == 0
    series = dash.panels["loss"].series["loss"]
    assert len(series.batch_y) == 10 and series.val_y.values.tolist() == [0.6]


def test_the_delivery_interval_grows_when_drawing_is_costly_and_comes_back(qtbot):
    """The bridge's own arithmetic, on a clock and a CPU meter the test moves
    (what the machine is doing meanwhile cannot change the answer)."""
    from gui.training.event_bridge import EventBridge

    now, spent = [100.0], [0.0]
    bridge = EventBridge(min_interval_ms=20, max_interval_ms=400, budget=0.2,
                         cost=lambda: spent[0], clock=lambda: now[0])
    got = []
    bridge.event.connect(lambda kind, data: got.append(data["last"]["step"]))

    def deliveries(n, draw_seconds, start):
        for i in range(start, start + n):
            now[0] += bridge.interval_ms / 1000.0     # the bridge's timer fires
            bridge.push(training_event("batch", points=[{"step": i}], last={"step": i}))
            bridge.drain()
            spent[0] += draw_seconds                 # the panels draw what was delivered

    deliveries(30, 0.03, 0)
    slow = bridge.interval_ms
    # 30 ms of drawing per delivery every 20 ms is far over a fifth of a core:
    # deliveries space out, towards 150 ms (where 30 ms is a fifth)
    assert 140 < slow <= 150 and bridge.busy > 0.2
    deliveries(30, 0.0, 30)
    assert bridge.interval_ms == 20 and bridge.busy == 0.0   # cheap drawing: back to the fastest
    assert got == list(range(60))                             # nothing lost on the way
    bridge.deleteLater()


def test_garbage_is_collected_on_the_gui_thread_only(qtbot, make_window):
    """A QObject caught in a reference cycle must die on its own thread: the
    collector runs from a GUI-thread timer, never on a training thread."""
    import gc

    from PySide6.QtCore import QObject

    from gui import gc_guard

    make_window()
    collector = gc_guard.install()
    assert collector.active and not gc.isenabled()
    threads = []

    class Cyclic(QObject):
        def __init__(self):
            super().__init__()
            self.me = self                      # only the collector frees it

        def __del__(self):
            threads.append(threading.current_thread().name)

    def allocate():                             # a "training thread" making garbage
        for _ in range(50):
            Cyclic()

    worker = threading.Thread(target=allocate, name="trainer-like")
    worker.start()
    worker.join()
    # the collector collects when the interpreter would have: past the first
    # generation's threshold (a count of allocations minus frees, which other
    # objects being freed meanwhile lower), so pass it for sure
    survivors = []
    while gc.get_count()[0] <= collector.thresholds[0] + 20_000:  # margin: frees lower the count
        survivors.append([])
    before = sum(collector.collections)
    qtbot.waitUntil(lambda: len(threads) == 50, timeout=5000)
    assert set(threads) == {"MainThread"}
    assert sum(collector.collections) > before


def test_several_events_in_one_update_refresh_a_panel_once(qtbot, loss_panel):
    first = falling_loss(1)
    loss_panel.handle("batch", {"points": first, "last": first[0]})   # its metrics exist
    refreshes = []
    original = loss_panel.refresh
    loss_panel.refresh = lambda *args: refreshes.append(args) or original(*args)
    pts = falling_loss(20, 1)
    with loss_panel.updating():
        loss_panel.handle("batch", {"points": pts[:10], "last": pts[9]})
        loss_panel.handle("batch", {"points": pts[10:], "last": pts[-1]})
        assert refreshes == []                          # nothing drawn inside
    assert refreshes == [(True,)]                       # batches only: one light refresh
    refreshes.clear()
    with loss_panel.updating():
        loss_panel.handle("batch", {"points": pts[:5], "last": pts[4]})
        loss_panel.handle("epoch", {"epoch": 1, "logs": {"loss": 0.5, "val_loss": 0.6}})
    assert refreshes == [()]                            # an epoch asks for a full one
    assert loss_panel.series["loss"].val_y.values.tolist() == [0.6]
