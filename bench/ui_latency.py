"""Does the editor stay responsive while a CNN trains with every panel open,
and what does drawing the live panels cost the training?

In one process (offscreen Qt):
  * GUI runs: the editor window with the training dashboard, every panel
    visible (docks floated so none hides behind a tab), a small CNN training
    on the generated 32×32×3 shapes images with all insights on (feature
    maps of the first convolution, filters, histograms, confusion matrix,
    predictions, canvas badges). From the first batch on (after TensorFlow's
    one-time tracing), a 5 ms QTimer on the GUI thread records how late each
    tick fires: the lateness is an event-loop stall.
  * Headless runs: the same network, data, settings and insights through
    ``engine.training.session.prepare_training`` with no GUI subscribed,
    recorded to a run folder as the editor records its runs.
GUI and headless runs alternate (RUNS times each); throughput is the mean
samples per second over the epochs after the first (which includes tracing),
and the ratio is the median of the GUI ÷ headless ratios of neighbouring
pairs (so a change in the machine's load between pairs cancels out).

Then one diverging run (SGD at a rate far too high, the divergence guard
off so the loss runs away as far as it goes) measures how far the display
falls behind: for each batch the loss panel draws, the time from the
trainer's event to the end of that drawing.

Prints p50/p99/max stall and throughputs; the last line reads
``p99_ms=X ratio=Y lag_max_s=Z`` (goals: p99 ≤ 50 ms, ratio = GUI ÷
headless ≥ 0.95, display lag ≤ 2 s).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
# the runs the bench records go to a throwaway folder, not the user's
os.environ.setdefault("NEUROCANVAS_CONFIG_DIR", tempfile.mkdtemp(prefix="neurocanvas-bench-"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

EPOCHS = int(os.environ.get("UI_LATENCY_EPOCHS", "6"))
RUNS = int(os.environ.get("UI_LATENCY_RUNS", "5"))
ENDED = ("finished", "stopped", "failed")
SAMPLES = int(os.environ.get("UI_LATENCY_SAMPLES", "2000"))
TICK_MS = int(os.environ.get("UI_LATENCY_TICK_MS", "5"))
GOAL_P99, GOAL_RATIO, GOAL_LAG = 50.0, 0.95, 2.0


def cnn():
    from engine.network import Network

    net = Network("shapes-cnn")
    layers = [("image", "Input", {"shape": [32, 32, 3]}),
              ("conv1", "Conv2D", {"filters": 16, "kernel_size": 3, "activation": "relu"}),
              ("pool1", "MaxPooling2D", {"pool_size": 2}),
              ("conv2", "Conv2D", {"filters": 32, "kernel_size": 3, "activation": "relu"}),
              ("pool2", "MaxPooling2D", {"pool_size": 2}),
              ("flat", "Flatten", {}),
              ("hidden", "Dense", {"units": 64, "activation": "relu"}),
              ("out", "Dense", {"units": 5, "activation": "softmax"})]
    for i, (nid, kind, params) in enumerate(layers):
        net.add_node(kind, params, id=nid, pos=(0, 120 * i))
        if i:
            net.connect(layers[i - 1][0], nid)
    net.extra["data"] = {"dataset": "shapes", "options": {"n_samples": SAMPLES},
                         "preprocess": {"scale": "divide255"}}
    net.extra["training"] = {"epochs": EPOCHS, "batch_size": 32, "seed": 0,
                             "compile": {"optimizer": {"name": "adam", "learning_rate": 0.002}}}
    return net


def throughput(trainer) -> float:
    """Samples per second over the epochs after the first."""
    epochs = trainer.epochs[1:] or trainer.epochs
    n = trainer.dataset.num_train
    if os.environ.get("UI_LATENCY_VERBOSE"):
        print("  epoch seconds:", " ".join(f"{e['duration']:.2f}" for e in trainer.epochs))
    return float(np.mean([n / e["duration"] for e in epochs]))


INSIGHTS = {"feature_layers": ["conv1"]}


def headless() -> float:
    from engine.training.session import prepare_training
    from gui import gc_guard

    # a headless process collects garbage the interpreter's own way; the
    # editor's GUI-thread collector would never run while this thread waits
    gc_guard.stop()
    try:
        # recorded like the editor's runs of an untitled document (checkpoints included)
        runs_root = Path(os.environ["NEUROCANVAS_CONFIG_DIR"]) / "headless-runs"
        session = prepare_training(cnn(), None, runs_root=runs_root, insights=dict(INSIGHTS))
        session.start()
        state = session.wait(1800)
    finally:
        gc_guard.install()
    assert state == "finished", session.trainer.result
    return throughput(session.trainer)


def gui_run(app, window) -> tuple[float, list, float]:
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    from gui.document import Document

    window.set_document(Document(cnn()))
    dash = window.dashboard
    dash.controller.insights = {}
    window.scene.select_nodes(["conv1"])          # feature maps of conv1 each epoch
    stalls: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]

    def tick():
        now = clock.nsecsElapsed()
        stalls.append(max(0.0, (now - last[0]) / 1e6 - TICK_MS))
        last[0] = now

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)

    def first_batch(kind, _data):
        # measure while the model trains: from its first batch on (TensorFlow's
        # one-time tracing of the train step is over by then)
        if kind == "batch" and not timer.isActive():
            last[0] = clock.nsecsElapsed()
            timer.start()

    dash.bridge.event.connect(first_batch)
    c = dash.controller
    # the application's own event loop (as in the app), left when the run ends
    loop = QEventLoop()
    c.state_changed.connect(lambda state: loop.quit() if state in ENDED else None)
    QTimer.singleShot(1800 * 1000, loop.quit)
    cpu0, wall0, drains0 = time.thread_time(), time.perf_counter(), dash.bridge.drains
    assert dash.start()
    if c.state not in ENDED:
        loop.exec()
    gui_cpu = (time.thread_time() - cpu0) / max(1e-9, time.perf_counter() - wall0)
    timer.stop()
    dash.bridge.event.disconnect(first_batch)
    assert c.state == "finished", dash.run_controls.status.text()
    # only the stalls while the model trains (not while TensorFlow loads)
    seconds = time.perf_counter() - wall0
    drains = dash.bridge.drains - drains0
    print(f"  live panels updated {drains} times in {seconds:.1f} s "
          f"(every {1000 * seconds / max(1, drains):.0f} ms on average)")
    return throughput(c.trainer), stalls, gui_cpu


def display_lag(app, window) -> list[float]:
    """Seconds from each drawn batch's trainer event to its drawing, in a diverging run."""
    import threading

    from PySide6.QtCore import QEventLoop, QTimer

    from gui.document import Document

    net = cnn()
    for nid in ("conv1", "conv2", "hidden"):  # no unit dies: the run truly runs away
        net.set_param(nid, "activation", "tanh")
    net.set_param("out", "activation", "linear")  # logits: the loss has no ceiling
    net.extra["training"]["compile"] = {"optimizer": {"name": "sgd", "learning_rate": 3.0,
                                                      "momentum": 0.9}}
    net.extra["training"]["callbacks"] = {"divergence": False}  # let it run away
    window.set_document(Document(net))
    dash, c = window.dashboard, window.dashboard.controller
    loss = dash.panels["loss"]
    sent, lags, lock, newest = {}, [], threading.Lock(), [-1]

    def on_event(event):  # training thread: when the trainer sent each batch event
        if event.kind == "batch":
            with lock:
                sent[event.data["last"]["step"]] = event.time

    handle, refresh = loss.handle, loss.refresh

    def handled(kind, data):
        if kind == "batch" and data.get("points"):
            newest[0] = max(newest[0], data["points"][-1]["step"])
        return handle(kind, data)

    def drawn(*args, **kwargs):
        out = refresh(*args, **kwargs)
        with lock:
            if newest[0] in sent:
                lags.append(time.time() - sent[newest[0]])
                for step in [k for k in sent if k <= newest[0]]:
                    del sent[step]
        return out

    loss.handle, loss.refresh = handled, drawn
    c.trainer_created.connect(lambda t: t.subscribe(on_event))
    loop = QEventLoop()
    c.state_changed.connect(lambda state: loop.quit() if state in ENDED else None)
    QTimer.singleShot(1800 * 1000, loop.quit)
    assert dash.start()
    if c.state not in ENDED:
        loop.exec()
    del loss.handle, loss.refresh
    losses = " ".join(f"{b['loss']:.3g}" for b in c.trainer.batches[::50])
    print(f"  diverging run: {c.state} after {c.trainer.epochs_done} epochs, loss every 50 "
          f"steps: {losses}")
    return lags


def main() -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance() or QApplication([])
    from gui.main_window import MainWindow

    window = MainWindow(autosave=False)
    window.resize(1600, 1000)
    window.show()
    dash = window.dashboard
    dash.show_all()
    for key, dock in dash.docks.items():     # every panel visible at once
        if key != "run":
            dock.setFloating(True)
            dock.resize(520, 360)
    window.tensorflow.start()
    while window.tensorflow.state not in ("ready", "failed"):
        app.processEvents()
        time.sleep(0.01)
    gui_rates, head_rates, stalls = [], [], []
    for i in range(RUNS):
        rate, s, gui_cpu = gui_run(app, window)
        gui_rates.append(rate)
        stalls.extend(s)
        head_rates.append(headless())
        print(f"run {i + 1}: GUI {rate:.0f} samples/s, headless {head_rates[-1]:.0f} samples/s, "
              f"stalls p99 {np.percentile(s, 99):.1f} ms, GUI thread busy {100 * gui_cpu:.1f} % of the run")
    p50, p99 = np.percentile(stalls, 50), np.percentile(stalls, 99)
    ratio = statistics.median(g / h for g, h in zip(gui_rates, head_rates))
    print(f"{len(stalls)} ticks of {TICK_MS} ms: stall p50 {p50:.1f} ms, p99 {p99:.1f} ms, "
          f"max {max(stalls):.1f} ms (goal p99 ≤ {GOAL_P99:.0f} ms)")
    print(f"throughput GUI {statistics.mean(gui_rates):.0f} vs headless "
          f"{statistics.mean(head_rates):.0f} samples/s; median pair ratio {ratio:.3f} "
          f"(goal ≥ {GOAL_RATIO})")
    lags = display_lag(app, window) or [float("nan")]
    lag_max = max(lags)
    print(f"diverging run: display lag p50 {np.percentile(lags, 50):.2f} s, max {lag_max:.2f} s "
          f"over {len(lags)} drawings (goal ≤ {GOAL_LAG:.0f} s)")
    print(f"p99_ms={p99:.1f} ratio={ratio:.3f} lag_max_s={lag_max:.2f}")
    window.ask_unsaved = lambda: QMessageBox.Discard  # the bench's runs are throwaway
    window.close()
    return 0 if p99 <= GOAL_P99 and ratio >= GOAL_RATIO and lag_max <= GOAL_LAG else 1


if __name__ == "__main__":
    sys.exit(main())
