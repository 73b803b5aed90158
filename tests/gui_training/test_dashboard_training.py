"""The dashboard drives real training: curves receive every epoch, the run
can be paused, resumed, stopped and continued, a NaN run says why and the
editor stays usable, feature maps follow the node clicked on the canvas,
and a classifier gets its confusion matrix."""

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from gui.commands import SetParamCommand
from tests.gui_training.conftest import digits_cnn, iris_net, wait_state


def test_a_tiny_model_trains_and_every_epoch_reaches_the_curves(qtbot, make_window):
    window = make_window(iris_net(epochs=4))
    dash = window.dashboard
    assert dash.start()
    assert wait_state(qtbot, window, ("finished", "failed", "stopped")) == "finished", \
        dash.run_controls.status.text()
    loss = dash.panels["loss"]
    assert len(loss.series["loss"].epoch_y) == 4 and len(loss.series["loss"].val_y) == 4
    assert len(loss.series["accuracy"].epoch_y) == 4 and len(loss.series["accuracy"].val_y) == 4
    assert loss.series["loss"].val_x.values.tolist() == [1, 2, 3, 4]
    trainer = dash.controller.trainer
    # every batch reaches the plots (coalesced deliveries, complete series)
    assert len(loss.series["loss"].batch_y) == len(trainer.batches) == 4 * trainer.steps_per_epoch
    np.testing.assert_allclose(loss.series["loss"].epoch_y.values, trainer.history()["loss"])
    # the curve items hold the data (setData on existing items)
    x, y = loss.loss_plot.epoch.getData()
    assert len(x) == 4 and np.allclose(y, trainer.history()["loss"])
    lr = dash.panels["lr"]
    assert len(lr.planned_y) == 4 * trainer.steps_per_epoch
    assert len(lr.applied_y) == len(trainer.batches) and len(lr.epoch_y) == 4
    np.testing.assert_allclose(lr.applied_y.values, lr.planned_y, rtol=1e-6)
    assert dash.run_controls.bar.value() == 1000
    assert "finished" in dash.run_controls.bar.format()
    qtbot.waitUntil(lambda: dash.panels["confusion"].matrix is not None, timeout=10_000)
    assert dash.panels["confusion"].matrix.shape == (3, 3)
    # continue: two more epochs on the same model, the curves go on
    qtbot.waitUntil(dash.run_controls.continue_button.isEnabled, timeout=10_000)
    dash.run_controls.more_epochs.setValue(2)
    qtbot.mouseClick(dash.run_controls.continue_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dash.controller.state == "finished" and trainer.epochs_done == 6,
                    timeout=60_000)
    qtbot.waitUntil(lambda: len(loss.series["loss"].epoch_y) == 6, timeout=10_000)
    assert loss.series["loss"].epoch_x.values.tolist() == [1, 2, 3, 4, 5, 6]


def test_pause_resume_stop_while_the_canvas_stays_editable(qtbot, make_window):
    window = make_window(iris_net(epochs=500, batch_size=4))
    dash, rc = window.dashboard, window.dashboard.run_controls
    dash.start()
    loss = dash.panels["loss"]
    qtbot.waitUntil(lambda: len(loss.series.get("loss").epoch_y) >= 1 if "loss" in loss.series
                    else False, timeout=120_000)
    assert rc.pause_button.isEnabled() and not rc.resume_button.isEnabled()
    assert "epoch" in rc.bar.format() and "step" in rc.bar.format()
    qtbot.mouseClick(rc.pause_button, Qt.LeftButton)
    wait_state(qtbot, window, ("paused",), 30_000)
    trainer = dash.controller.trainer
    n = len(trainer.batches)
    resumed_at = []
    trainer.subscribe(lambda e: resumed_at.append(e.data["step"]) if e.kind == "resumed" else None)
    assert rc.resume_button.isEnabled() and not rc.pause_button.isEnabled()
    # the editor works while a run is going: an edit and its undo
    doc = window.doc
    doc.push(SetParamCommand(doc, "dense", "units", 5))
    assert doc.network.nodes["dense"].params["units"] == 5
    doc.undo_stack.undo()
    qtbot.mouseClick(rc.resume_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: len(trainer.batches) > n + 5, timeout=30_000)
    assert resumed_at == [n]      # really paused: not one batch trained until Resume
    assert dash.controller.state == "running"
    qtbot.mouseClick(rc.stop_button, Qt.LeftButton)
    assert wait_state(qtbot, window, ("stopped",), 60_000) == "stopped"
    assert "Stopped by the user" in rc.status.text()
    assert trainer.epochs_done < 500 and rc.start_button.isEnabled()


def test_a_nan_run_says_why_and_leaves_the_editor_usable(qtbot, make_window):
    window = make_window(iris_net(epochs=5, compile={
        "optimizer": {"name": "sgd", "learning_rate": 1e12}}))
    dash = window.dashboard
    dash.start()
    assert wait_state(qtbot, window, ("stopped", "failed", "finished")) == "stopped"
    text = dash.run_controls.status.text()
    assert "NaN" in text and "learning rate" in text.lower()
    assert dash.run_controls.start_button.isEnabled()
    assert "NaN" in window.status.currentMessage()
    doc = window.doc
    doc.push(SetParamCommand(doc, "dense", "units", 4))
    doc.undo_stack.undo()
    assert doc.network.nodes["dense"].params["units"] == 3
    assert window.errors == []


def test_refused_setup_is_a_message_not_a_traceback(qtbot, make_window):
    net = iris_net()
    net.extra["data"] = {"dataset": "digits"}  # 8×8 images into a (4,) input
    window = make_window(net)
    dash = window.dashboard
    dash.start()
    assert wait_state(qtbot, window, ("failed", "finished", "stopped")) == "failed"
    assert "(4,)" in dash.run_controls.status.text() and "8, 8" in dash.run_controls.status.text()
    assert dash.controller.trainer is None and dash.run_controls.start_button.isEnabled()


def test_feature_maps_filters_and_confusion_of_a_small_cnn(qtbot, make_window):
    window = make_window(digits_cnn(epochs=2))
    dash = window.dashboard
    dash.show_all()
    dash.docks["feature_maps"].raise_()
    window.scene.select_nodes(["conv"])            # a click on the canvas selects the node
    assert dash.panels["feature_maps"].layer == "conv"
    dash.start()
    assert wait_state(qtbot, window, ("finished", "failed", "stopped")) == "finished", \
        dash.run_controls.status.text()
    fm = dash.panels["feature_maps"]
    qtbot.waitUntil(lambda: "conv" in fm.maps, timeout=20_000)
    assert fm.maps["conv"].shape[1:] == (6, 6, 4)  # n samples of the conv output
    assert fm.channels == 4 and fm.grid.image is not None
    # click the third tile of the grid (2 × 2 tiles: second row, first column): it is enlarged
    qtbot.waitUntil(fm.graphics.isVisible, timeout=5_000)
    fm.refresh()
    QApplication.processEvents()  # the grid's layout settles before the click is aimed
    h, w = fm._tile_hw
    target = fm.grid.mapToScene(QPointF(w / 2, (h + 1) + h / 2))
    view_pos = fm.graphics.mapFromScene(target)
    QTest.mouseClick(fm.graphics.viewport(), Qt.LeftButton, Qt.NoModifier, view_pos)
    qtbot.waitUntil(lambda: fm.selected_channel == 2, timeout=5_000)
    assert np.allclose(fm.zoom.image, fm.tiles[2])
    # on demand after the run: another node's activations are computed off the GUI thread
    window.scene.select_nodes(["out"])
    qtbot.waitUntil(lambda: "out" in fm.maps, timeout=20_000)
    assert fm.layer == "out" and fm.maps["out"].shape[1:] == (10,)
    # filters of the convolution, a confusion matrix with the class names, a gallery
    filters = dash.panels["filters"]
    dash.docks["filters"].raise_()
    assert filters.select_layer("conv")
    qtbot.waitUntil(lambda: len(filters.tiles) == 4, timeout=5_000)
    filters.max_channel.setValue(1)
    qtbot.mouseClick(filters.max_button, Qt.LeftButton)   # activation maximisation, off-thread
    qtbot.waitUntil(lambda: filters.maximised is not None, timeout=60_000)
    assert filters.maximised.shape == (8, 8, 1) and "channel 1" in filters.max_info.text()
    confusion = dash.panels["confusion"]
    assert confusion.matrix.shape == (10, 10) and confusion.class_names[:3] == ["0", "1", "2"]
    assert confusion.matrix.sum() > 0 and "accuracy" in confusion.info.text()
    preds = dash.panels["predictions"]
    dash.docks["predictions"].raise_()
    qtbot.waitUntil(lambda: bool(preds.cells), timeout=5_000)
    assert preds.last is not None and preds.stack.currentIndex() == 0  # image gallery
    assert preds.cells[0][0].pixmap() is not None and preds.cells[0][1].text()
    hist = dash.panels["histograms"]
    assert hist.select_layer("conv") and len(hist.history["conv"]["weights"]) == 2
    # live badges on the canvas nodes
    from gui.training.badges import badge_of

    assert badge_of(window.scene.nodes["conv"]) is not None
    assert badge_of(window.scene.nodes["conv"]).text
