"""Continue says what it trains: the network of the run (not an edited
canvas), and after a schedule planned over the run (cosine, 1cycle) which
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


def test_continue_after_an_edit_trains_the_run_network_and_says_so(qtbot, make_window):
    window = make_window(iris_net(epochs=2, compile=COSINE))
    dash, rc = window.dashboard, window.dashboard.run_controls
    trainer = finished_run(qtbot, window)
    params = trainer.model.count_params()
    window.doc.push(SetParamCommand(window.doc, "dense", "use_bias", False))   # canvas edited
    assert dash.network_edited_since_run()
    steps = len(trainer.batches)
    choose_mode(qtbot, rc, "restart")
    assert "trains the network of the run, not the canvas" in rc.status.text()
    assert "restarted over the 2 new epochs" in rc.status.text()
    qtbot.waitUntil(lambda: dash.controller.state == "finished" and trainer.epochs_done == 4,
                    timeout=60_000)
    assert trainer.model.count_params() == params            # the run's network, with its bias
    lrs = [b["lr"] for b in trainer.batches[steps:]]
    assert lrs[0] == np.float32(0.02)                         # restarted at the initial rate
    assert lrs[-1] < 0.002 and trainer.batches[steps - 1]["lr"] < 0.001


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
