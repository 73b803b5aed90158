"""Quit, restart, resume — in the GUI (issue 13, item 1).

A real `neurocanvas train` killed with SIGKILL in the middle of an epoch is
listed as "interrupted" in the runs table; a click on its row and on Resume
continues it in place (the curves recorded before the crash are drawn, the
optimizer step and the schedule go on); the row's context menu loads its
settings, reveals and deletes it. Closing the window while a run trains asks
(cancel keeps training; stop keeps a checkpoint that Keras loads)."""

import gc
import signal

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from engine.training.runs import list_runs
from tests.faults.runs_helpers import data_lines, iris_net, start_cli, wait_for
from tests.gui_training.conftest import iris_net as small_iris_net
from tests.gui_training.conftest import wait_state

STEPS = 30  # iris: 120 training samples in batches of 4


@pytest.fixture(autouse=True)
def _collect_on_the_gui_thread():
    gc.collect()  # see test_unsaved_runs: earlier windows' wrappers die on this thread
    yield


def _killed_run(tmp_path, epochs=5):
    doc = tmp_path / "flowers.json"
    iris_net(epochs=epochs, batch_size=4).save(doc)
    proc = start_cli("train", doc, "--quiet")
    runs = tmp_path / "flowers.runs"

    def mid_third_epoch():
        folders = list(runs.glob("*_*")) if runs.is_dir() else []
        return bool(folders) and data_lines(folders[0] / "epoch_metrics.csv") >= 2 \
            and data_lines(folders[0] / "batch_metrics.csv") >= 2 * STEPS + 5

    wait_for(mid_third_epoch, proc, what="the middle of the third epoch")
    proc.send_signal(signal.SIGKILL)
    proc.wait(60)
    return doc


def _click_row(qtbot, table, row):
    table.scrollToItem(table.item(row, 0))
    rect = table.visualItemRect(table.item(row, 0))
    QTest.mouseClick(table.viewport(), Qt.LeftButton, Qt.NoModifier, rect.center())


def test_an_interrupted_run_resumes_from_the_runs_table(qtbot, make_window, tmp_path):
    doc = _killed_run(tmp_path)
    window = make_window()
    assert window.open_path(doc)
    dash = window.dashboard
    panel = dash.runs_panel
    dash.docks["run"].show()
    dash.setup_tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=10_000)
    status_col = 1
    assert panel.table.item(0, status_col).text() == "interrupted"
    assert not panel.resume_button.isEnabled()
    assert "1 interrupted" in panel.info.text()
    _click_row(qtbot, panel.table, 0)
    assert panel.resume_button.isEnabled()
    assert "closed, crashed or was killed" in panel.info.text()
    [run] = list_runs(doc)
    done = run.checkpoint["epoch"]
    qtbot.mouseClick(panel.resume_button, Qt.LeftButton)
    assert wait_state(qtbot, window, ("finished", "failed", "stopped")) == "finished", \
        dash.run_controls.status.text()
    trainer = dash.controller.trainer
    qtbot.waitUntil(lambda: not trainer.running, timeout=30_000)
    # once its thread has ended the run can be continued further
    qtbot.waitUntil(dash.run_controls.continue_button.isEnabled, timeout=10_000)
    # it went on for the epochs it had left, from its own step, in place
    assert trainer.epochs_done == 5 and int(trainer.model.optimizer.iterations) == 5 * STEPS
    assert [b["step"] for b in trainer.batches] == list(range(5 * STEPS))
    loss = dash.panels["loss"]
    qtbot.waitUntil(lambda: "loss" in loss.series and len(loss.series["loss"].epoch_y) == 5,
                    timeout=30_000)
    assert loss.series["loss"].epoch_x.values.tolist() == [1, 2, 3, 4, 5]
    qtbot.waitUntil(lambda: panel.table.item(0, status_col).text() == "finished",
                    timeout=30_000)
    after = list_runs(doc)[0]
    assert after.status == "finished" and after.epochs_run == 5 and done >= 2
    assert [r["epoch"] for r in after.epoch_rows()] == [1, 2, 3, 4, 5]


def test_the_context_menu_of_a_run(qtbot, make_window, tmp_path):
    window = make_window()
    doc = tmp_path / "flowers.json"
    net = small_iris_net(epochs=1)
    net.save(doc)
    assert window.open_path(doc)
    dash = window.dashboard
    assert dash.start()
    assert wait_state(qtbot, window, ("finished", "failed", "stopped")) == "finished"
    qtbot.waitUntil(lambda: not dash.controller.trainer.running, timeout=30_000)
    panel = dash.runs_panel
    dash.docks["run"].show()
    dash.setup_tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=10_000)
    rect = panel.table.visualItemRect(panel.table.item(0, 0))
    vp = panel.table.viewport()
    QApplication.sendEvent(vp, QContextMenuEvent(QContextMenuEvent.Mouse, rect.center(),
                                                 vp.mapToGlobal(rect.center())))
    menu = panel.menu
    actions = {a.text(): a for a in menu.actions() if a.text()}
    assert list(actions) == ["Resume", "Open its network", "Load its settings into the document",
                             "Reveal the folder", "Delete…"]
    assert not actions["Resume"].isEnabled()  # finished: nothing to resume
    menu.close()
    [run] = list_runs(doc)
    # load its settings: one undo step
    window.doc.network.extra["training"]["epochs"] = 99
    actions["Load its settings into the document"].trigger()
    assert window.doc.network.extra["training"] == run.settings["training"]
    window.doc.undo_stack.undo()
    assert window.doc.network.extra["training"]["epochs"] == 99
    opened = []
    panel.open_url = lambda url: opened.append(url.toLocalFile()) or True
    actions["Reveal the folder"].trigger()
    assert opened == [str(run.path)]
    asked = []
    panel.ask_delete = lambda r: asked.append(r.id) or False   # "Cancel"
    actions["Delete…"].trigger()
    assert asked == [run.id] and run.path.exists()
    # open its network: a new, unsaved document with the run's network and settings
    before = window.doc
    actions["Open its network"].trigger()
    assert window.doc is not before and window.doc.path is None
    assert set(window.doc.network.nodes) == set(run.network().nodes)
    assert window.doc.network.extra["training"] == run.settings["training"]
    assert window.open_path(doc)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=10_000)
    panel.ask_delete = lambda r: True
    actions["Delete…"].trigger()
    assert not run.path.exists() and panel.table.rowCount() == 0


def test_closing_while_training_asks_and_keeps_a_valid_checkpoint(qtbot, make_window, tmp_path):
    import keras

    window = make_window()
    doc = tmp_path / "flowers.json"
    small_iris_net(epochs=500, batch_size=4).save(doc)
    assert window.open_path(doc)
    dash = window.dashboard
    c = dash.controller
    assert dash.start()
    qtbot.waitUntil(lambda: c.trainer is not None and len(c.trainer.epochs) >= 1,
                    timeout=120_000)
    asked = []
    c.ask_close = lambda: asked.append("asked") or "cancel"
    window.close()
    assert asked and window.isVisible() and c.trainer.running   # cancel: still training
    c.ask_close = lambda: "stop"
    window.close()
    assert not window.isVisible() and not c.trainer.running
    [run] = list_runs(doc)
    assert run.status == "stopped" and run.holder is None
    assert "Could not save" not in run.log()
    model = keras.models.load_model(run.last_model_path)
    assert int(model.optimizer.iterations) == run.checkpoint["step"] > 0
    keras.models.load_model(run.best_model_path)


def test_a_full_disk_is_one_message_in_the_editor(qtbot, make_window, tmp_path, monkeypatch):
    import errno
    import os

    from engine.training.runs import recorder as runs

    real = runs.save_model_atomic
    failed = []

    def full_disk(model, path):
        if path.name == "last.keras" and failed == [] and path.with_name("epoch_metrics.csv") \
                .read_text().count("\n") >= 3:  # the disk fills in epoch 2
            failed.append(path)
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        return real(model, path)

    monkeypatch.setattr(runs, "save_model_atomic", full_disk)
    window = make_window()
    doc = tmp_path / "flowers.json"
    small_iris_net(epochs=50).save(doc)
    assert window.open_path(doc)
    dash = window.dashboard
    messages = []
    dash.controller.message.connect(lambda text, level: messages.append((level, text)))
    assert dash.start()
    assert wait_state(qtbot, window, ("finished", "failed", "stopped")) == "failed"
    qtbot.waitUntil(lambda: not dash.controller.trainer.running, timeout=30_000)
    errors = [text for level, text in messages if level == "error"]
    assert len(errors) == 1 and errors[0].startswith(f"no space left on device at {failed[0]}")
    assert "no space left on device" in dash.run_controls.status.text()
    [run] = list_runs(doc)
    assert run.status == "failed" and run.checkpoint["epoch"] == 1
    qtbot.waitUntil(lambda: dash.runs_panel.table.rowCount() == 1
                    and dash.runs_panel.table.item(0, 1).text() == "failed", timeout=10_000)
