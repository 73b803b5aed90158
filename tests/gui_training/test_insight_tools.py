"""What a TensorBoard user expects: a TensorBoard log (scalars, histograms,
graph) and a TensorBoard started on a free local port; early stopping with
monitor, mode, min_delta and restore_best_weights; a confusion matrix of
every validation sample with scikit-learn's per-class scores beside it;
every plot exported as PNG/SVG and its data as CSV."""

import csv
import urllib.request
import xml.dom.minidom

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices, QImage
from sklearn.metrics import precision_recall_fscore_support

from tests.gui_training.conftest import digits_cnn, iris_net, wait_state


def settings_panel(window):
    dash = window.dashboard
    dash.show_all()
    dash.setup_tabs.setCurrentWidget(dash.settings_panel)
    return dash.settings_panel


def test_confusion_matrix_counts_every_validation_sample_with_sklearn_scores(qtbot, make_window):
    window = make_window(digits_cnn(epochs=1))
    dash = window.dashboard
    assert dash.start()
    assert wait_state(qtbot, window, ("finished", "failed", "stopped")) == "finished"
    dash.flush()
    conf = dash.panels["confusion"]
    qtbot.waitUntil(lambda: conf.matrix is not None, timeout=20_000)
    ds = dash.controller.dataset
    assert ds.num_val == 359
    assert int(conf.matrix.sum()) == 359
    dash.docks["confusion"].show()
    dash.docks["confusion"].raise_()                  # a hidden panel draws when shown
    qtbot.waitUntil(lambda: "359 validation samples" in conf.info.text(), timeout=10_000)
    y_pred = np.argmax(dash.controller.trainer.model.predict(ds.x_val, verbose=0), axis=-1)
    p, r, f, support = precision_recall_fscore_support(ds.y_val, y_pred, labels=list(range(10)),
                                                       zero_division=0)
    np.testing.assert_allclose(conf.per_class["precision"], p, atol=1e-6)
    np.testing.assert_allclose(conf.per_class["recall"], r, atol=1e-6)
    np.testing.assert_allclose(conf.per_class["f1"], f, atol=1e-6)
    assert conf.per_class["support"] == support.tolist()
    assert conf.scores.rowCount() == 10
    assert conf.scores.item(3, 3).text() == str(support[3])
    assert conf.scores.item(3, 0).text() == f"{p[3]:.3f}"


def test_early_stopping_options_reach_keras(qtbot, make_window):
    window = make_window(iris_net(epochs=3))
    panel = settings_panel(window)
    qtbot.mouseClick(panel.early, Qt.LeftButton)
    assert panel.early.isChecked() and panel.early_mode.isEnabled()
    panel.early_monitor.setCurrentText("val_accuracy")
    panel.early_mode.setCurrentIndex(panel.early_mode.findText("max"))
    panel.early_delta.setValue(0.01)
    qtbot.mouseClick(panel.early_restore, Qt.LeftButton)            # off
    es = window.doc.network.extra["training"]["callbacks"]["early_stopping"]
    assert es["monitor"] == "val_accuracy" and es["mode"] == "max"
    assert es["min_delta"] == 0.01 and es["restore_best_weights"] is False
    from engine.training.callbacks import build_callbacks

    keras_es = [c for c in build_callbacks(window.doc.network.extra["training"]["callbacks"])
                if type(c).__name__ == "EarlyStopping"][0]
    assert keras_es.monitor == "val_accuracy" and keras_es.mode == "max"
    assert abs(keras_es.min_delta) == 0.01 and keras_es.restore_best_weights is False
    window.doc.undo_stack.undo()                                       # undoable
    assert not (window.doc.network.extra["training"].get("callbacks") or {}).get("early_stopping")
    assert not panel.early.isChecked() and not panel.early_mode.isEnabled()


def test_tensorboard_log_and_a_tensorboard_on_a_free_port(qtbot, make_window, tmp_path,
                                                          monkeypatch):
    pytest.importorskip("tensorboard")
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url)))
    window = make_window(iris_net(epochs=2))
    assert window.save_as(tmp_path / "iris.json")
    panel = settings_panel(window)
    qtbot.mouseClick(panel.tensorboard, Qt.LeftButton)
    assert window.doc.network.extra["training"]["callbacks"]["tensorboard"]["histogram_freq"] == 1
    dash = window.dashboard
    assert dash.start()
    assert wait_state(qtbot, window, ("finished", "failed", "stopped")) == "finished", \
        dash.run_controls.status.text()
    run_dir = dash.controller.session.run_dir
    train_events = list((run_dir / "tensorboard" / "train").glob("events.out.tfevents.*"))
    val_events = list((run_dir / "tensorboard" / "validation").glob("events.out.tfevents.*"))
    assert train_events and val_events
    from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

    acc = EventAccumulator(str(run_dir / "tensorboard" / "train"), size_guidance={"tensors": 0})
    acc.Reload()
    tags = acc.Tags()
    assert any("epoch_loss" in t for t in tags["tensors"])                 # scalars
    assert any("histogram" in t or "kernel" in t for t in tags["tensors"])  # histograms
    assert tags["graph"] or "keras" in tags["tensors"]     # the graph (Keras's model graph)
    qtbot.mouseClick(panel.open_tensorboard, Qt.LeftButton)
    board = panel.board
    assert board is not None and board.running and opened and opened[0].port() == board.port
    assert board.url in panel.tensorboard_info.text()

    def serving():
        try:
            with urllib.request.urlopen(board.url + "data/runs", timeout=2) as r:
                return r.status == 200 and b"tensorboard" in r.read()
        except OSError:
            return False

    qtbot.waitUntil(serving, timeout=120_000)
    process = board.process
    from gui.training.tensorboard_process import stop_all

    stop_all()
    assert process.poll() is not None and not board.running


def test_every_plot_exports_as_png_svg_and_csv(qtbot, make_window, tmp_path):
    window = make_window(iris_net(epochs=2))
    dash = window.dashboard
    assert dash.start()
    assert wait_state(qtbot, window, ("finished", "failed", "stopped")) == "finished"
    dash.flush()
    qtbot.waitUntil(lambda: dash.panels["confusion"].matrix is not None, timeout=20_000)
    files = dash.export_plots(tmp_path / "plots")
    names = {f.name for f in files}
    for stem in ("loss-1", "loss-2", "lr", "confusion"):
        assert f"{stem}.png" in names and f"{stem}.svg" in names, names
    for f in files:
        if f.suffix == ".png":
            image = QImage(str(f))
            assert not image.isNull() and image.width() >= 400, f
        elif f.suffix == ".svg":
            assert xml.dom.minidom.parse(str(f)).documentElement.tagName == "svg"
    with open(tmp_path / "plots" / "loss-epochs.csv") as fh:
        rows = list(csv.reader(fh))
    history = dash.controller.trainer.history()
    assert rows[0][:3] == ["epoch", "loss", "val_loss"] and len(rows) == 3
    np.testing.assert_allclose([float(r[1]) for r in rows[1:]], history["loss"], rtol=1e-6)
    with open(tmp_path / "plots" / "confusion-confusion.csv") as fh:
        matrix = list(csv.reader(fh))
    assert len(matrix) == 4 and sum(int(v) for row in matrix[1:] for v in row[1:]) == 30
    assert (tmp_path / "plots" / "confusion-per_class.csv").is_file()
    assert (tmp_path / "plots" / "lr.csv").is_file()
    # one panel on its own
    only = dash.export_plots(tmp_path / "one", keys=["lr"])
    assert {f.name for f in only} == {"lr.png", "lr.svg", "lr.csv"}
