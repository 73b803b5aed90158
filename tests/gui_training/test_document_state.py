"""Each document shows only its own state: after a real run of document A,
opening B leaves nothing of A on any panel (curves, compared runs, run
status, LR finder and its "Use …" button, LR preview step counts, confusion
matrix and class names, feature maps, data and settings); opening A again
brings its panels back, and a new editor shows A's newest recorded run."""

import numpy as np
from PySide6.QtCore import Qt

from engine.network import Network
from tests.gui_training.conftest import digits_cnn, iris_net, wait_state

EMPTY_STATUS = "Ready."


def save(window, net, path):
    from gui.document import Document

    window.set_document(Document(net))
    assert window.save_as(path)


def train_to_end(qtbot, window):
    dash = window.dashboard
    assert dash.start()
    assert wait_state(qtbot, window, ("finished", "failed", "stopped")) == "finished", \
        dash.run_controls.status.text()
    dash.flush()
    qtbot.waitUntil(lambda: dash.panels["confusion"].matrix is not None, timeout=20_000)


def test_open_another_document_then_come_back(qtbot, make_window, tmp_path):
    window = make_window()
    dash = window.dashboard
    a_path, b_path = tmp_path / "a.json", tmp_path / "b.json"
    save(window, digits_cnn(epochs=1), b_path)
    save(window, iris_net(epochs=2), a_path)
    settings, data = dash.settings_panel, dash.data_panel
    dash.show_all()
    dash.setup_tabs.setCurrentWidget(settings)
    # A: train, select its conv-free output for feature maps, find a learning rate
    train_to_end(qtbot, window)
    loss, conf = dash.panels["loss"], dash.panels["confusion"]
    a_history = dash.controller.trainer.history()
    a_matrix = conf.matrix.copy()
    assert conf.class_names == ["setosa", "versicolor", "virginica"]
    assert "Finished after 2 epochs" in dash.run_controls.status.text()
    settings.show_lr_finder({"lrs": [1e-4, 1e-3, 1e-2, 1e-1], "losses": [1.2, 1.0, 0.7, 3.0],
                             "suggested_lr": 0.00889})
    assert settings.finder_use.isVisibleTo(settings) and "0.00889" in settings.finder_use.text()
    qtbot.waitUntil(lambda: "8 per epoch" in settings.preview_info.text(), timeout=20_000)
    dash.runs_panel.select_rows([0])
    assert loss.overlay_labels()

    # B: nothing of A anywhere
    assert window.open_path(b_path)
    assert dash.doc.path == b_path
    assert loss.series == {} and loss.overlay_labels() == [] and loss.metric_box.count() == 0
    x, _y = loss.loss_plot.epoch.getData()
    assert x is None or len(x) == 0
    assert dash.run_controls.status.text() == EMPTY_STATUS
    assert dash.run_controls.bar.format() == "" and dash.run_controls.bar.value() == 0
    assert conf.matrix is None and conf.class_names == [] and conf.scores.rowCount() == 0
    assert "appears after an epoch" in conf.info.text()
    assert dash.panels["predictions"].last is None
    assert dash.panels["feature_maps"].maps == {}
    assert dash.panels["lr"].applied_y.n == 0 and len(dash.panels["lr"].planned_y) == 0
    assert settings.suggested_lr is None and not settings.finder_use.isVisibleTo(settings)
    assert not settings.finder_plot.isVisibleTo(settings)
    assert settings.epochs.value() == 1 and settings.batch.value() == 64
    qtbot.waitUntil(lambda: "per epoch" in settings.preview_info.text()
                    and "8 per epoch" not in settings.preview_info.text(), timeout=20_000)
    assert data.dataset_box.currentData() == "digits"
    assert dash.runs_panel.table.rowCount() == 0
    assert not dash.controller.can_continue

    # A again: its panels come back
    assert window.open_path(a_path)
    assert len(loss.series["loss"].epoch_y) == 2
    np.testing.assert_allclose(loss.series["loss"].epoch_y.values, a_history["loss"])
    np.testing.assert_allclose(conf.matrix, a_matrix)
    assert conf.class_names == ["setosa", "versicolor", "virginica"]
    assert "Finished after 2 epochs" in dash.run_controls.status.text()
    assert "finished" in dash.run_controls.bar.format()
    assert settings.suggested_lr == 0.00889 and "0.00889" in settings.finder_use.text()
    assert settings.epochs.value() == 2 and data.dataset_box.currentData() == "iris"
    assert dash.runs_panel.table.rowCount() == 1


def test_a_new_editor_shows_the_newest_recorded_run(qtbot, make_window, tmp_path):
    window = make_window()
    path = tmp_path / "a.json"
    save(window, iris_net(epochs=2), path)
    train_to_end(qtbot, window)
    history = window.dashboard.controller.trainer.history()
    other = make_window()
    assert other.open_path(path)
    loss = other.dashboard.panels["loss"]
    np.testing.assert_allclose(loss.series["loss"].epoch_y.values, history["loss"])
    assert "finished after 2 epochs" in other.dashboard.run_controls.status.text()
    # a new document: all empty again
    assert other.new_document()
    assert loss.series == {}
    assert other.dashboard.run_controls.status.text() == EMPTY_STATUS
    assert Network.load(path).name == "iris-dense"
