"""Continue after an edit goes on with the edited network as a new segment
of the run (unchanged layers carried, a marker on the curves), and after a schedule planned over the run (cosine, 1cycle) which
learning rate the new epochs use — extended, restarted or kept. Compared
runs are named in a legend, keep their colour, and every metric they logged
can be overlaid."""

import numpy as np
from PySide6.QtCore import Qt

from gui.commands import SetParamCommand
from gui.training.plots.loss_panel import run_hue
from tests.gui_training.conftest import iris_net, wait_state

COSINE = {"optimizer": {"name": "adam", "schedule": {"kind": "cosine",
                                                     "initial_learning_rate": 0.02}}}


def finished_run(qtbot, window):
    dash = window.dashboard
    assert dash.start()
    assert wait_state(qtbot, window, ("finished", "failed", "stopped")) == "finished", \
        dash.run_controls.status.text()
    return dash.controller.trainer


def choose_mode(qtbot, rc, key):
    # offered once the run's thread has ended, right after the end is announced
    qtbot.waitUntil(lambda: rc.continue_button.isEnabled() and rc.schedule_mode.isVisibleTo(rc),
                    timeout=10_000)
    rc.schedule_mode.setCurrentIndex(rc.schedule_mode.findData(key))
    rc.more_epochs.setValue(2)
    qtbot.mouseClick(rc.continue_button, Qt.LeftButton)


def hidden_net(epochs=2):
    """iris: features → hidden (Dense 8 relu) → dense (Dense 3 softmax)."""
    from engine.network import Network

    net = Network("iris-hidden")
    net.add_node("Input", {"shape": [4]}, id="features", pos=(0, 0))
    net.add_node("Dense", {"units": 8, "activation": "relu"}, id="hidden", pos=(0, 120))
    net.add_node("Dense", {"units": 3, "activation": "softmax"}, id="dense", pos=(0, 240))
    net.connect("features", "hidden")
    net.connect("hidden", "dense")
    net.extra["data"] = {"dataset": "iris"}
    net.extra["training"] = {"epochs": epochs, "batch_size": 16, "seed": 0}
    return net


def test_continue_after_an_edit_goes_on_as_a_new_segment_with_the_edited_network(qtbot,
                                                                                  make_window):
    window = make_window(hidden_net(epochs=2))
    dash, rc = window.dashboard, window.dashboard.run_controls
    trainer = finished_run(qtbot, window)
    params = trainer.model.count_params()
    kept = [w.copy() for w in trainer.model.get_layer("hidden").get_weights()]
    run_dir = dash.controller.session.run_dir
    window.doc.push(SetParamCommand(window.doc, "dense", "use_bias", False))   # canvas edited
    assert dash.network_edited_since_run()
    seen = {}
    dash.controller.trainer_created.connect(
        lambda t: t.subscribe(lambda e: seen.setdefault(e.kind, [
            w.copy() for w in t.model.get_layer("hidden").get_weights()])))
    qtbot.waitUntil(rc.continue_button.isEnabled, timeout=10_000)
    rc.more_epochs.setValue(2)
    qtbot.mouseClick(rc.continue_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dash.controller.trainer is not trainer
                    and dash.controller.state == "finished"
                    and dash.controller.trainer.epochs_done == 4, timeout=60_000)
    segment = dash.controller.trainer
    assert segment.model.count_params() == params - 3       # the edited network, without bias
    assert all(np.array_equal(a, b) for a, b in zip(kept, seen["started"]))  # carried bitwise
    assert [b["step"] for b in segment.batches] == list(range(len(segment.batches)))
    diff = dash.controller.session.segment["diff"]
    assert diff.carried == ["hidden"] and diff.reinitialised == ["dense"]
    loss = dash.panels["loss"]
    assert len(loss.markers) == 2 and loss.markers[0].value() == 2.0   # loss and metric plots
    tip = loss.markers[0].toolTip()
    assert "carried: hidden" in tip and "reinitialised: dense" in tip
    assert (run_dir / "segments" / "1" / "network.json").exists()
    assert not dash.network_edited_since_run()           # the run now trains the canvas


def test_continue_after_a_finished_cosine_extends_or_keeps_the_rate(qtbot, make_window):
    window = make_window(iris_net(epochs=2, compile=COSINE))
    dash, rc = window.dashboard, window.dashboard.run_controls
    trainer = finished_run(qtbot, window)
    spe = trainer.steps_per_epoch
    ended = trainer.batches[-1]["lr"]
    assert not dash.network_edited_since_run()
    choose_mode(qtbot, rc, "extend")
    status = rc.status.text()
    assert "extended over 2 + 2 epochs" in status and "not the canvas" not in status
    qtbot.waitUntil(lambda: dash.controller.state == "finished" and trainer.epochs_done == 4,
                    timeout=60_000)
    extended = [b["lr"] for b in trainer.batches[2 * spe:]]
    # the cosine over 4 epochs, from its middle (0.01) down towards 0
    assert abs(extended[0] - 0.01) < 1e-3 and extended[-1] < extended[0] / 10
    np.testing.assert_allclose(dash.panels["lr"].applied_y.values[-len(extended):], extended,
                               rtol=1e-5)
    final = trainer.batches[-1]["lr"]
    choose_mode(qtbot, rc, "keep")
    assert "final learning rate" in rc.status.text()
    qtbot.waitUntil(lambda: dash.controller.state == "finished" and trainer.epochs_done == 6,
                    timeout=60_000)
    kept = [b["lr"] for b in trainer.batches[4 * spe:]]
    assert len(kept) == 2 * spe and np.allclose(kept, final, rtol=1e-5)   # where it ended


def test_compared_runs_have_a_legend_their_own_colours_and_every_metric(qtbot, make_window):
    window = make_window(iris_net(epochs=2))
    dash = window.dashboard
    finished_run(qtbot, window)
    finished_run(qtbot, window)
    runs, loss = dash.runs_panel, dash.panels["loss"]
    runs.refresh()
    assert runs.table.rowCount() == 2
    ids = [r.id[-6:] for r in reversed(runs.records)]           # newest first, as listed
    runs.select_rows([0])
    one = {item.opts["name"]: item.opts["pen"].color().name()
           for item in loss.loss_plot.overlays if item.opts.get("name")}
    runs.select_rows([0, 1])
    labels = loss.loss_plot.overlay_labels()
    assert sorted(labels) == sorted(f"{i} {k}" for i in ids for k in ("loss", "val_loss"))
    legend = [label.text for _sample, label in loss.loss_plot.legend.items]
    assert all(name in legend for name in labels)
    both = {item.opts["name"]: item.opts["pen"].color().name()
            for item in loss.loss_plot.overlays if item.opts.get("name")}
    assert all(both[name] == colour for name, colour in one.items())   # stable per run
    assert run_hue(ids[0]) == run_hue(ids[0])
    # every metric: accuracy is offered and overlaid, for both runs
    assert loss.metric_box.findText("accuracy") >= 0
    loss.metric_box.setCurrentText("accuracy")
    assert sorted(loss.metric_plot.overlay_labels()) == \
        sorted(f"{i} {k}" for i in ids for k in ("accuracy", "val_accuracy"))
    runs.select_rows([])
    assert loss.overlay_labels() == []
    assert not [label for _s, label in loss.loss_plot.legend.items
                if label.text.endswith("val_loss") and label.text != "validation"]
