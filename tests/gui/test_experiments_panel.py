"""The Experiments panel on a real study: the trials in the table and the
plots, a trial's diff against the document, "Apply this trial" as one undo
step (undone with Ctrl+Z), "Sweep this…" on right-click of an inspector
field, and a study started, followed live and finished from the panel."""

import json

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QContextMenuEvent, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from engine.experiments.study import SweepConfig, create_study, default_storage
from engine.experiments.trials import run_study
from tests.experiments.documents import iris_net

pytestmark = pytest.mark.slow


def _open_iris(window, tmp_path):
    path = tmp_path / "iris.json"
    iris_net().save(path)
    assert window.open_path(path)
    return path


def _click_row(qtbot, table, row):
    table.scrollToItem(table.item(row, 0))
    rect = table.visualItemRect(table.item(row, 0))
    QTest.mouseClick(table.viewport(), Qt.LeftButton, Qt.NoModifier, rect.center())


def _lr(net):
    return net.extra["training"]["compile"]["optimizer"]["learning_rate"]


def test_apply_a_trial_as_one_undo_step_and_undo_it(window, qtbot, tmp_path):
    path = _open_iris(window, tmp_path)
    net = window.doc.network
    config = SweepConfig(network=net.to_dict(), space={"hidden.units": {"choice": [16, 24]},
                                                       "lr": {"choice": [0.05]}},
                         document=str(path), runs_root=str(tmp_path / "iris.runs"),
                         sampler="grid", trials=2, epochs=1, seed=0)
    storage = default_storage(tmp_path / "iris.runs")
    create_study(config, storage, "units")
    run_study(storage, "units")  # real trials, recorded as runs of the document

    panel = window.show_experiments()  # the document's studies are listed: pick ours
    assert [panel.study_box.itemText(i) for i in range(panel.study_box.count())] == ["units"]
    panel.study_box.setCurrentText("units")
    assert panel.study_name == "units" and panel.resume_button.isEnabled()
    assert panel.status.text() == "units: 2 complete."
    panel.trials.setValue(2)
    QTest.mouseClick(panel.resume_button, Qt.LeftButton)  # nothing left to run: said so
    assert not panel.running and "has all its 2 trials" in panel.status.text()
    table = panel.results
    assert table.rowCount() == 2 and "hidden.units" in table.columns
    assert len(panel.pareto.trials.data) == 2 and panel.pareto.front_numbers
    assert len([ln for ln in panel.coordinates.lines if ln.xData is not None
                and len(ln.xData)]) == 2
    # the cost axis can be switched: MACs instead of params
    assert panel.pareto.cost == "params"
    panel.pareto_x.setCurrentText("macs")
    assert panel.pareto.cost == "macs"
    assert sorted(panel.pareto.trials.data["x"]) == sorted(
        t["macs"] for t in panel.summary["trials"])
    panel.pareto_x.setCurrentText("params")
    # the mouse over a point of the front names its trial
    plot = panel.pareto
    qtbot.waitUntil(plot.isVisible)
    spot = plot.front.points()[0]
    where = plot.mapFromScene(plot.plotItem.vb.mapViewToScene(spot.pos()))
    at = QPointF(where)

    def rest_mouse_on_point():  # pyqtgraph drops moves closer than its rate limit: move again
        QApplication.sendEvent(plot.viewport(), QMouseEvent(
            QEvent.MouseMove, at, plot.viewport().mapToGlobal(at), Qt.NoButton, Qt.NoButton,
            Qt.NoModifier))
        return panel.hover_label.text().startswith(f"trial {spot.data()}:")

    qtbot.waitUntil(rest_mouse_on_point)
    # sort by the swept value by clicking its header, then pick the 24-unit trial
    header = table.horizontalHeader()
    col = table.columns.index("hidden.units")
    QTest.mouseClick(header.viewport(), Qt.LeftButton, Qt.NoModifier,
                     QPoint(header.sectionViewportPosition(col) + 5, header.height() // 2))
    rows = {table.item(r, col).data(Qt.DisplayRole): r for r in range(table.rowCount())}
    _click_row(qtbot, table, rows[24])
    number = table.selected_trial()
    assert panel.trial(number)["params"]["hidden.units"] == 24
    assert "hidden.units: 8 → 24" in panel.diff.toPlainText()
    assert "parameters: 67 → 195" in panel.diff.toPlainText()
    assert "training.compile.optimizer.learning_rate: 0.01 → 0.05" in panel.diff.toPlainText()
    # and its curves, read from its run folder
    curve = panel.curves.curves["val_accuracy"]
    assert list(curve.yData) == pytest.approx(panel.trial(number)["values"])

    before = json.dumps(net.to_dict(), sort_keys=True)
    steps = window.doc.undo_stack.count()
    QTest.mouseClick(panel.apply_button, Qt.LeftButton)
    assert net.nodes["hidden"].params["units"] == 24 and _lr(net) == 0.05
    assert window.doc.undo_stack.count() == steps + 1
    assert window.doc.undo_stack.undoText() == f"Apply trial {number}"
    assert window.doc.report().total_params == 195 and window.doc.modified

    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier)
    assert json.dumps(net.to_dict(), sort_keys=True) == before
    assert net.nodes["hidden"].params["units"] == 8 and _lr(net) == 0.01
    window.doc.undo_stack.redo()
    assert net.nodes["hidden"].params["units"] == 24 and _lr(net) == 0.05


def test_sweep_this_on_right_click_adds_the_setting_to_the_space(window, qtbot, tmp_path):
    _open_iris(window, tmp_path)
    window.scene.select_nodes(["hidden"])
    qtbot.waitUntil(lambda: window.inspector.node_id == "hidden")
    field = window.inspector.editors["units"].widget
    qtbot.waitUntil(field.isVisible)
    centre = field.rect().center()
    QApplication.sendEvent(field, QContextMenuEvent(QContextMenuEvent.Mouse, centre,
                                                    field.mapToGlobal(centre)))
    menu = window.sweep_menu.menu
    assert menu is not None and [a.text() for a in menu.actions()] == ["Sweep this…"]
    menu.actions()[0].trigger()
    dialog = window.sweep_menu.dialog
    assert json.loads(dialog.textValue()) == {"int": [4, 16], "step": 1}  # around units=8
    dialog.setTextValue('{"int": [4, 32], "step": 4}')
    dialog.accept()
    space = window.doc.network.extra["experiments"]["space"]
    assert space == {"hidden.units": {"int": [4, 32], "step": 4}}
    panel = window.experiments
    assert panel.isVisible() and panel.space_editor.rowCount() == 1
    assert panel.space_editor.item(0, 0).text() == "hidden.units"
    # the same on a training setting: the learning rate in the training settings
    window.ensure_dashboard()
    lr_field = window.dashboard.settings_panel.opt_form.edits["learning_rate"]
    at = lr_field.rect().center()
    QApplication.sendEvent(lr_field, QContextMenuEvent(QContextMenuEvent.Mouse, at,
                                                       lr_field.mapToGlobal(at)))
    window.sweep_menu.menu.actions()[0].trigger()
    assert json.loads(window.sweep_menu.dialog.textValue()) == {"loguniform": [0.001, 0.1]}
    window.sweep_menu.dialog.accept()
    space = window.doc.network.extra["experiments"]["space"]
    assert space == {"hidden.units": {"int": [4, 32], "step": 4},
                     "lr": {"loguniform": [0.001, 0.1]}}
    assert panel.space_editor.rowCount() == 2
    window.doc.undo_stack.undo()
    space = window.doc.network.extra["experiments"]["space"]
    # a bad distribution typed in the table is refused with the reason; the space stays
    panel.space_editor.item(0, 1).setText('{"int": [32, 4]}')
    assert "above the high end" in panel.status.text()
    assert window.doc.network.extra["experiments"]["space"] == space
    window.doc.undo_stack.undo()
    assert "experiments" not in window.doc.network.extra
    assert panel.space_editor.rowCount() == 0


def test_a_study_started_from_the_panel_runs_in_workers_and_fills_the_table(window, qtbot,
                                                                             tmp_path):
    path = _open_iris(window, tmp_path)
    panel = window.show_experiments()
    window.doc.network.extra["experiments"] = {"space": {"hidden.units": {"choice": [12]}}}
    panel._reload_space()
    panel.trials.setValue(1)
    panel.epochs.setValue(1)
    QTest.mouseClick(panel.start_button, Qt.LeftButton)
    assert panel.running and not panel.start_button.isEnabled()
    qtbot.waitUntil(lambda: not panel.running, timeout=240_000)
    qtbot.waitUntil(lambda: panel.results.rowCount() == 1)
    t = panel.summary["trials"][0]
    assert t["state"] == "complete" and t["params"] == {"hidden.units": 12}
    assert t["run_dir"].startswith(str(tmp_path / "iris.runs"))
    assert panel.resume_button.isEnabled() and panel.start_button.isEnabled()
    assert path.exists()


def test_stop_fails_the_running_trial_and_resume_goes_on_with_the_study(window, qtbot,
                                                                         tmp_path):
    from engine.experiments.trials import STOPPED

    _open_iris(window, tmp_path)
    panel = window.show_experiments()
    window.doc.network.extra["experiments"] = {"space": {"hidden.units": {"choice": [12, 16]}}}
    panel._reload_space()
    panel.trials.setValue(2)
    panel.epochs.setValue(5000)  # a run long enough to be stopped in the middle

    def training(number):
        t = panel.trial(number)
        return t is not None and t["state"] == "running" and bool(t.get("run_dir"))

    QTest.mouseClick(panel.start_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: training(0), timeout=240_000)
    QTest.mouseClick(panel.stop_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not panel.running, timeout=120_000)
    panel.poll()
    assert panel.trial(0)["state"] == "failed" and panel.trial(0)["reason"] == STOPPED
    assert panel.resume_button.isEnabled()

    QTest.mouseClick(panel.resume_button, Qt.LeftButton)  # the same study, a new trial
    qtbot.waitUntil(lambda: training(1), timeout=240_000)
    QTest.mouseClick(panel.stop_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not panel.running, timeout=120_000)
    panel.poll()
    assert [t["state"] for t in panel.summary["trials"]] == ["failed", "failed"]
    assert panel.summary["study"] == panel.study_name and panel.results.rowCount() == 2


def test_a_worker_that_ignores_stop_is_killed_and_its_trial_is_marked_stopped(window, qtbot,
                                                                              tmp_path, monkeypatch):
    """Stop interrupts the workers; one that has not ended after the grace
    period (here: its interrupt never arrives) is killed, and its trial ends as
    failed, stopped by the user, rather than 'running' forever."""
    import types

    from engine.experiments.trials import STOPPED
    from gui.experiments import panel as panel_module

    _open_iris(window, tmp_path)
    panel = window.show_experiments()
    window.doc.network.extra["experiments"] = {"space": {"hidden.units": {"choice": [12, 16]}}}
    panel._reload_space()
    panel.trials.setValue(1)
    panel.epochs.setValue(5000)
    QTest.mouseClick(panel.start_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: (panel.trial(0) or {}).get("state") == "running"
                    and bool(panel.trial(0).get("run_dir")), timeout=240_000)
    # the interrupt is lost: the panel sends signal 0, which only probes the process
    monkeypatch.setattr(panel_module, "signal", types.SimpleNamespace(SIGINT=0))
    panel._stop_timer.setInterval(500)
    QTest.mouseClick(panel.stop_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not panel.running, timeout=60_000)
    qtbot.waitUntil(lambda: (panel.trial(0) or {}).get("state") == "failed", timeout=30_000)
    assert panel.trial(0)["reason"] == STOPPED
    assert panel.resume_button.isEnabled()
