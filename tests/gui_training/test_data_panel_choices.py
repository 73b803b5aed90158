"""The data panel says what to do, never how a call failed: a CSV without a
path asks for one (with a Browse button), required and optional options are
marked as they are, a fix that would break the network is not offered (the
panel says what to change by hand), and a document without data trains on a
set that works offline."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QFormLayout

from engine.network import Network
from tests.gui_training.conftest import digits_cnn


def data_panel(window):
    dash = window.dashboard
    dash.show_all()
    dash.setup_tabs.setCurrentWidget(dash.data_panel)
    return dash.data_panel


def wait_loaded(qtbot, panel):
    qtbot.waitUntil(lambda: not panel._loading and not panel._reload.isActive(), timeout=60_000)


def form_labels(panel):
    form = panel.options_form
    return [form.itemAt(i, QFormLayout.LabelRole).widget().text() for i in range(form.rowCount())]


def dense_net(features=4, data="iris"):
    net = Network("table")
    net.add_node("Input", {"shape": [features]}, id="features", pos=(0, 0))
    net.add_node("Dense", {"units": 3, "activation": "softmax"}, id="out", pos=(0, 120))
    net.connect("features", "out")
    net.extra["data"] = {"dataset": data}
    return net


def test_a_csv_without_a_path_asks_for_one_and_browse_fills_it(qtbot, make_window, tmp_path,
                                                               monkeypatch):
    window = make_window(dense_net())
    panel = data_panel(window)
    wait_loaded(qtbot, panel)
    panel.dataset_box.setCurrentIndex(panel.dataset_box.findData("csv"))
    wait_loaded(qtbot, panel)
    text = panel.summary.text()
    assert "Choose a CSV file." in text
    assert "missing" not in text and "argument" not in text and "load_csv" not in text
    labels = form_labels(panel)
    assert "path *" in labels and "target" in labels       # required marked, optional not
    assert panel.option_edits["path"].placeholderText() == "required"
    assert panel.option_edits["target"].placeholderText() == "optional"
    csv = tmp_path / "flowers.csv"
    rng = np.random.default_rng(0)
    rows = ["a,b,c,d,species"] + [",".join(f"{v:.3f}" for v in rng.normal(size=4)) + f",{i % 3}"
                                  for i in range(60)]
    csv.write_text("\n".join(rows) + "\n")
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(csv), "CSV files (*.csv)")))
    qtbot.mouseClick(panel.browse_buttons["path"], Qt.LeftButton)
    assert panel.option_edits["path"].text() == str(csv)
    wait_loaded(qtbot, panel)
    assert panel.dataset is not None, panel.summary.text()
    assert panel.dataset.input_shape == (4,)
    assert window.doc.network.extra["data"]["options"]["path"] == str(csv)


def test_a_broken_file_says_so_in_words(qtbot, make_window, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\x00\x01\x02 not a table")
    net = dense_net()
    net.extra["data"] = {"dataset": "csv", "options": {"path": str(bad)}}
    window = make_window(net)
    panel = data_panel(window)
    wait_loaded(qtbot, panel)
    text = panel.summary.text()
    assert panel.dataset is None and text
    assert "Traceback" not in text and "Error:" not in text and "()" not in text


def test_a_fix_that_would_break_the_network_is_not_offered(qtbot, make_window):
    net = digits_cnn()
    net.extra["data"] = {"dataset": "iris"}          # 4 features into an image CNN
    window = make_window(net)
    panel = data_panel(window)
    wait_loaded(qtbot, panel)
    assert panel.diagnostics, panel.compat.text()
    assert not panel.fix_button.isVisibleTo(panel)
    assert "would break the network" in panel.compat.text()
    assert "✔" not in panel.compat.text()
    assert not panel.apply_fix()
    assert window.doc.network.nodes["image"].params["shape"] == [8, 8, 1]


def test_a_fix_that_keeps_the_network_valid_is_offered_and_applied(qtbot, make_window):
    window = make_window(dense_net(features=13))     # iris has 4 features
    panel = data_panel(window)
    wait_loaded(qtbot, panel)
    assert panel.fix_button.isVisibleTo(panel), panel.compat.text()
    assert "features.shape" in panel.fix_button.text()
    qtbot.mouseClick(panel.fix_button, Qt.LeftButton)
    assert window.doc.network.nodes["features"].params["shape"] == [4]
    assert window.doc.report().valid
    qtbot.waitUntil(lambda: "fits" in panel.compat.text(), timeout=10_000)


def test_a_preset_whose_dataset_needs_a_download_trains_on_a_built_in_set(
        qtbot, make_window, tmp_path, monkeypatch):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "empty-keras"))   # nothing downloaded
    from engine.data.default_choice import default_dataset
    from engine.training.session import resolve_settings
    from presets import build_preset, get_preset

    net = build_preset("lenet5")
    assert get_preset("lenet5").dataset == "cifar10"
    assert default_dataset(net) == "shapes"                   # 32×32×3, offline
    assert resolve_settings(net)[0].dataset == "shapes"
    window = make_window(net)
    panel = data_panel(window)
    wait_loaded(qtbot, panel)
    assert panel.dataset_box.currentData() == "shapes"
    assert panel.dataset is not None and panel.dataset.input_shape == (32, 32, 3)
    assert "download" not in panel.summary.text().lower()


def wheel(widget, steps=-3):
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    pos = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(pos, QPointF(widget.mapToGlobal(pos.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 * steps), Qt.NoButton, Qt.NoModifier, Qt.NoScrollPhase,
                        False)
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_unfocused_inputs_scrolls_and_changes_nothing(qtbot, make_window):
    window = make_window(dense_net())
    dash = window.dashboard
    panel = data_panel(window)
    wait_loaded(qtbot, panel)
    before = dict(window.doc.network.extra)
    for combo in (panel.scale_target, panel.scale, panel.labels):
        text = combo.currentText()
        wheel(combo)
        assert combo.currentText() == text
    dash.setup_tabs.setCurrentWidget(dash.settings_panel)
    settings = dash.settings_panel
    qtbot.waitExposed(settings.optimizer)
    optimizer, epochs = settings.optimizer.currentText(), settings.epochs.value()
    wheel(settings.optimizer)
    wheel(settings.epochs, 2)
    assert settings.optimizer.currentText() == optimizer and settings.epochs.value() == epochs
    view = settings.preview.getPlotItem().getViewBox()
    shown = view.viewRange()
    wheel(settings.preview.viewport(), 3)                       # the preview plot does not zoom
    assert view.viewRange() == shown
    assert window.doc.network.extra == before and window.doc.undo_stack.count() == 0
    # once clicked into, the wheel edits as usual
    settings.epochs.setFocus()
    qtbot.waitUntil(settings.epochs.hasFocus, timeout=5_000)
    wheel(settings.epochs, 1)
    assert settings.epochs.value() == epochs + 1
