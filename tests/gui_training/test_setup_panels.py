"""Setting up a run: the data panel shows the data and a mismatch with the
model before training, with a fix that works; the settings panel stores
undoable settings and previews the planned learning rate; the runs panel
lists, overlays and compares the runs of a saved document; the event
bridge coalesces without losing a batch."""

import threading

import numpy as np
from PySide6.QtCore import Qt

from engine.network import Network
from gui.training.event_bridge import EventBridge
from tests.gui_training.conftest import iris_net, wait_state


def dense_on_digits():
    net = Network("flat-digits")
    net.add_node("Input", {"shape": [64]}, id="pixels", pos=(0, 0))
    net.add_node("Dense", {"units": 3, "activation": "softmax"}, id="out", pos=(0, 120))
    net.connect("pixels", "out")
    net.extra["data"] = {"dataset": "digits"}
    return net


def test_data_mismatch_is_shown_before_training_and_fixed(qtbot, make_window):
    window = make_window(dense_on_digits())
    dash = window.dashboard
    dash.show_all()
    panel = dash.data_panel
    dash.setup_tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.dataset is not None, timeout=30_000)
    assert "1797" in panel.summary.text() or "training samples" in panel.summary.text()
    assert panel.thumbs.isVisible() and panel.thumb_cells[0][0].pixmap() is not None
    # (8, 8) images into a (64,) input: flatten is offered
    assert "(8, 8)" in panel.compat.text() and panel.fix_button.isVisible()
    assert "flatten" in panel.fix_button.text()
    qtbot.mouseClick(panel.fix_button, Qt.LeftButton)
    assert window.doc.network.extra["data"]["preprocess"]["flatten"] is True
    qtbot.waitUntil(lambda: panel.dataset is not None and panel.dataset.input_shape == (64,),
                    timeout=30_000)
    # then 3 output units for 10 classes: the network fix sets the units
    assert "10 classes" in panel.compat.text() and "units" in panel.fix_button.text()
    qtbot.mouseClick(panel.fix_button, Qt.LeftButton)
    assert window.doc.network.nodes["out"].params["units"] == 10
    qtbot.waitUntil(lambda: "fits" in panel.compat.text(), timeout=10_000)
    # both fixes are undoable
    window.doc.undo_stack.undo()
    assert window.doc.network.nodes["out"].params["units"] == 3
    window.doc.undo_stack.undo()
    assert window.doc.network.extra["data"] == {"dataset": "digits"}   # as it was
    qtbot.waitUntil(lambda: panel.flatten.isChecked() is False, timeout=5_000)


def test_training_settings_are_undoable_and_the_lr_preview_follows(qtbot, make_window):
    window = make_window(iris_net(epochs=10))
    dash = window.dashboard
    dash.show_all()
    sp = dash.settings_panel
    dash.setup_tabs.setCurrentWidget(sp)
    qtbot.waitUntil(lambda: sp.planned is not None, timeout=60_000)
    assert np.allclose(sp.planned, 0.001)               # adam's constant default
    sp.batch.setValue(40)                                # 120 samples → 3 steps per epoch
    sp.schedule.setCurrentText("cosine")
    qtbot.waitUntil(lambda: sp.planned is not None and len(sp.planned) == 30
                    and sp.planned[-1] < sp.planned[0] / 10, timeout=30_000)
    training = window.doc.network.extra["training"]
    assert training["batch_size"] == 40
    assert training["compile"]["optimizer"]["schedule"]["kind"] == "cosine"
    sp.epochs.setValue(20)
    qtbot.waitUntil(lambda: sp.planned is not None and len(sp.planned) == 60, timeout=30_000)
    assert window.doc.modified
    stack = window.doc.undo_stack
    while window.doc.network.extra["training"].get("epochs") != 10:
        stack.undo()
    assert sp.epochs.value() == 10
    while (window.doc.network.extra.get("training") or {}).get("compile", {}).get(
            "optimizer", {}).get("schedule"):
        stack.undo()
    assert sp.schedule.currentText() == "constant"


def test_runs_are_listed_overlaid_and_compared(qtbot, make_window, tmp_path):
    window = make_window(iris_net(epochs=2))
    path = tmp_path / "iris.json"
    assert window.save_as(path)
    dash = window.dashboard
    for batch in (16, 32):
        window.doc.network.extra["training"]["batch_size"] = batch
        assert dash.start()
        assert wait_state(qtbot, window, ("finished", "failed", "stopped")) == "finished"
        qtbot.waitUntil(lambda: dash.controller.trainer is not None
                        and not dash.controller.trainer.running, timeout=30_000)
    runs = dash.runs_panel
    runs.refresh()
    assert runs.table.rowCount() == 2
    assert runs.table.item(0, 1).text() == "finished" and runs.table.item(0, 7).text() == "32"
    overlays = []
    runs.overlay_changed.connect(overlays.append)
    runs.select_rows([0, 1])
    assert len(overlays[-1]) == 2 and len(overlays[-1][0][1]["loss"]) == 2
    assert len([c for c in dash.panels["loss"].loss_plot.overlays if c.getData()[0] is not None and len(c.getData()[0])]) >= 2
    assert "training.batch_size: 16 → 32" in runs.info.text()
    # a reopened document shows its past runs
    other = make_window(None)
    assert other.open_path(path)
    assert other.dashboard.runs_panel.table.rowCount() == 2
    # a run's model can be exported
    runs.select_rows([0])
    out = tmp_path / "model.keras"
    assert runs.export_model(str(out)) and out.stat().st_size > 0


def test_the_event_bridge_coalesces_without_losing_batches(qtbot):
    from engine.events import training_event

    bridge = EventBridge(min_interval_ms=20)
    got = []
    bridge.event.connect(lambda kind, data: got.append((kind, data)))

    def produce():
        for i in range(3000):
            bridge.push(training_event("batch", **{"points": [{"step": i}], "last": {"step": i}}))
            if i % 1000 == 999:
                bridge.push(training_event("epoch", **{"epoch": i // 1000 + 1}))
        bridge.push(training_event("finished", **{}))

    thread = threading.Thread(target=produce)
    thread.start()
    qtbot.waitUntil(lambda: bool(got) and got[-1][0] == "finished", timeout=10_000)
    thread.join()
    steps = [p["step"] for k, d in got if k == "batch" for p in d["points"]]
    assert steps == list(range(3000))
    assert bridge.received == 3004 and len(got) < 300      # far fewer deliveries than events
    kinds = [k for k, _ in got]
    assert kinds.count("epoch") == 3
    # order is kept: the first epoch comes after step 999 and before step 1000
    flat = []
    for k, d in got:
        flat += [p["step"] for p in d["points"]] if k == "batch" else [k]
    assert flat.index("epoch") == 1000


def test_the_lr_finder_plots_loss_against_lr_and_sets_the_rate(qtbot, make_window):
    window = make_window(iris_net(epochs=3))
    dash = window.dashboard
    dash.show_all()
    sp = dash.settings_panel
    dash.setup_tabs.setCurrentWidget(sp)
    assert sp.run_lr_finder()
    qtbot.waitUntil(lambda: sp.suggested_lr is not None or "LR finder" in sp.preview_info.text(),
                    timeout=120_000)
    assert sp.suggested_lr is not None, sp.preview_info.text()
    x, y = sp.finder_curve.getData()
    assert len(x) > 10 and sp.finder_use.isVisible()
    qtbot.mouseClick(sp.finder_use, Qt.LeftButton)
    lr = window.doc.network.extra["training"]["compile"]["optimizer"]["learning_rate"]
    assert abs(lr - sp.suggested_lr) / sp.suggested_lr < 1e-3


def test_the_divergence_guard_is_shown_kept_and_can_be_turned_off(qtbot, make_window):
    net = iris_net(epochs=10)
    net.extra["training"]["callbacks"] = {"divergence": {"factor": 7.5, "patience": 3}}
    window = make_window(net)
    dash = window.dashboard
    dash.show_all()
    sp = dash.settings_panel
    dash.setup_tabs.setCurrentWidget(sp)
    qtbot.waitUntil(lambda: sp.diverge.isChecked(), timeout=30_000)
    assert sp.diverge_factor.value() == 7.5 and sp.diverge_patience.value() == 3
    sp.batch.setValue(40)                         # an unrelated edit keeps the guard's settings
    callbacks = window.doc.network.extra["training"]["callbacks"]
    assert callbacks["divergence"]["factor"] == 7.5 and callbacks["divergence"]["patience"] == 3
    sp.diverge.setChecked(False)                  # off is written, not dropped (on by default)
    assert window.doc.network.extra["training"]["callbacks"]["divergence"] is None
    from engine.training.settings import TrainingSettings

    settings = TrainingSettings.from_dict(window.doc.network.extra["training"])
    assert settings.callbacks.section("divergence") is None
