"""The Explain window driven as a person uses it: the menu shortcut, tabs clicked,
combo boxes changed with the keyboard, a point of the embedding hovered with the
mouse, badges put on the canvas; work runs on threads while the editor stays usable."""

import json
import shutil

import numpy as np
import pytest

from lazy_import import keras  # noqa: E402  (imported when a test runs)
pytest.importorskip("pytestqt")

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from .documents import digits_cnn_document  # noqa: E402
from engine.explain import mistakes  # noqa: E402
from engine.explain.sequences import hidden_states  # noqa: E402
from engine.explain.subject import open_subject  # noqa: E402

WAIT = 120_000


from tests.gui.conftest import _isolated  # noqa: E402,F401  (private settings, no modal dialog)


@pytest.fixture
def make_window(qtbot):
    from gui.main_window import MainWindow

    def make(path=None):
        window = MainWindow(autosave=False)
        window.errors = []
        window.show_error = lambda title, message: window.errors.append(message)
        window.ask_unsaved = lambda: QMessageBox.Discard
        qtbot.addWidget(window)
        if path is not None:
            assert window.open_path(path)
        window.resize(1200, 800)
        window.show()
        qtbot.waitExposed(window)
        return window
    return make


@pytest.fixture
def digits_document(digits_run, tmp_path):
    """A saved document with the trained digits run in its runs folder."""
    doc = tmp_path / "digits.json"
    doc.write_text(json.dumps(digits_cnn_document()))
    shutil.copytree(digits_run.path, tmp_path / "digits.runs" / digits_run.path.name)
    return doc


def _open_explain(qtbot, window):
    """Ctrl+Shift+E on the editor, as a person opens it."""
    window.activateWindow()
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    QTest.keyClick(window.view, Qt.Key_E, Qt.ControlModifier | Qt.ShiftModifier)
    qtbot.waitUntil(lambda: getattr(window, "explain_window", None) is not None, timeout=5000)
    ew = window.explain_window
    qtbot.waitExposed(ew)
    return ew


def _mouse_move(widget, pos):
    """The mouse moves over ``widget`` with no button down (hover)."""
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    event = QMouseEvent(QEvent.MouseMove, QPointF(pos), QPointF(widget.mapToGlobal(pos)),
                        Qt.NoButton, Qt.NoButton, Qt.NoModifier)
    QApplication.sendEvent(widget, event)


def _click_tab(qtbot, ew, view):
    bar = ew.tabs.tabBar()
    index = ew.tabs.indexOf(view)
    with qtbot.waitSignal(view.computed, timeout=WAIT):
        QTest.mouseClick(bar, Qt.LeftButton, pos=bar.tabRect(index).center())
    assert ew.tabs.currentWidget() is view


def test_whole_tour_of_a_finished_run(qtbot, make_window, digits_document, digits_run):
    window = make_window(digits_document)
    ew = _open_explain(qtbot, window)
    assert "Run" in ew.source_box.currentText() and digits_run.id in ew.source_box.currentText()
    # the newest run loads by itself; the attribution tab computes as soon as it is shown
    qtbot.waitUntil(lambda: ew.attribution.result is not None, timeout=WAIT)
    a = ew.attribution.result
    assert a.method == "gradcam" and a.layer == "conv2" and a.map.shape == (6, 6)
    assert ew.attribution.overlay_item.image.shape[2] == 3
    assert "predicted" in ew.attribution.info.text()

    # keyboard on the method box: Grad-CAM -> Saliency
    ew.attribution.method_box.setFocus()
    with qtbot.waitSignal(ew.attribution.computed, timeout=WAIT):
        QTest.keyClick(ew.attribution.method_box, Qt.Key_Down)
    assert ew.attribution.result.method == "saliency"
    assert not ew.attribution.layer_box.isEnabled()
    assert ew.attribution.result.map.shape == (8, 8)
    # and the next sample
    ew.attribution.sample_box.setFocus()
    with qtbot.waitSignal(ew.attribution.computed, timeout=WAIT):
        QTest.keyClick(ew.attribution.sample_box, Qt.Key_Up)
    subject = open_subject(digits_run.path)
    np.testing.assert_array_equal(ew.attribution.result.input, subject.x_val[1])

    # mistakes: the table equals scikit-learn's numbers, the gallery shows wrong answers
    _click_tab(qtbot, ew, ew.mistakes)
    pred = mistakes.predict(subject)
    expected = mistakes.class_metrics(pred.truth, pred.predicted, subject.class_names)
    table = ew.mistakes.table
    assert table.rowCount() == 10
    for i, c in enumerate(expected["classes"]):
        assert table.item(i, 3).text() == f"{c['f1']:.3f}"
        assert table.item(i, 4).text() == str(c["support"])
    assert 0 < len(ew.mistakes.tiles) <= 12
    assert not ew.mistakes.curves.isVisible()  # ten classes: no ROC

    # health: one row per layer, then badges on the canvas nodes
    _click_tab(qtbot, ew, ew.health)
    assert ew.health.table.rowCount() == 5
    assert [ew.health.table.item(i, 0).text() for i in range(5)] == \
        ["conv1", "conv2", "flat", "embedding", "digit"]
    from gui.training.badges import badge_of

    QTest.mouseClick(ew.health.badge_button, Qt.LeftButton)
    badge = badge_of(window.scene.nodes["conv1"])
    assert badge is not None and badge.text

    # sequences: this model has none, and says so
    bar = ew.tabs.tabBar()
    with qtbot.waitSignal(ew.sequences.failed, timeout=WAIT) as blocker:
        QTest.mouseClick(bar, Qt.LeftButton, pos=bar.tabRect(ew.tabs.indexOf(ew.sequences)).center())
    assert "no recurrent layer" in blocker.args[0]
    assert window.errors == []


def test_the_node_selected_on_the_canvas_is_the_layer_explained(qtbot, make_window,
                                                                digits_document):
    window = make_window(digits_document)
    item = window.scene.nodes["conv1"]
    view = window.view
    view.centerOn(item)
    QTest.mouseClick(view.viewport(), Qt.LeftButton,
                     pos=view.mapFromScene(item.sceneBoundingRect().center()))
    assert window.scene.selected_node_ids() == ["conv1"]
    ew = _open_explain(qtbot, window)
    qtbot.waitUntil(lambda: ew.attribution.result is not None
                    and ew.attribution.result.layer == "conv1", timeout=WAIT)
    assert ew.attribution.result.map.shape == (8, 8)  # conv1 keeps the 8×8 resolution
    assert ew.embeddings.layer_box.currentText() == "conv1"


def test_embedding_hover_shows_the_sample(qtbot, make_window, digits_document, digits_run):
    window = make_window(digits_document)
    ew = _open_explain(qtbot, window)
    qtbot.waitUntil(lambda: ew.subject is not None, timeout=WAIT)
    ew.resize(1000, 700)
    _click_tab(qtbot, ew, ew.embeddings)
    e = ew.embeddings.result
    assert e.layer == "embedding" and e.method == "pca" and e.silhouette > 0.05
    assert "silhouette" in ew.embeddings.status.text()
    # hover the point farthest from the others' centre (nothing drawn over it)
    i = int(np.argmax(np.linalg.norm(e.points - e.points.mean(axis=0), axis=1)))
    view = ew.embeddings.plot
    pos = view.mapFromScene(ew.embeddings.point_position(i))
    with qtbot.waitSignal(ew.embeddings.hovered, timeout=5000) as blocker:
        for p in (pos + QPoint(3, 0), pos):
            _mouse_move(view.viewport(), p)
    hovered = blocker.args[0]
    j = list(e.indices).index(hovered)
    assert np.linalg.norm(e.points[j] - e.points[i]) < 0.05 * np.ptp(e.points[:, 0])
    names = ew.subject.class_names
    text = ew.embeddings.hover_text.text()
    assert f"label {names[e.labels[j]]}" in text and f"predicted {names[e.predicted[j]]}" in text
    assert ew.embeddings.preview.pixmap() is not None
    # switching to t-SNE with the keyboard projects again
    ew.embeddings.method_box.setFocus()
    with qtbot.waitSignal(ew.embeddings.computed, timeout=WAIT):
        QTest.keyClick(ew.embeddings.method_box, Qt.Key_Down)
    assert ew.embeddings.result.method == "tsne"


def test_loading_runs_off_the_gui_thread_and_the_editor_stays_usable(
        qtbot, make_window, digits_document):
    window = make_window(digits_document)
    ew = _open_explain(qtbot, window)
    assert ew._loader.busy  # the run loads on a worker thread: the call came straight back
    before = len(window.doc.network.nodes)
    window.select_all()
    window.delete_selection()  # an edit while it loads
    assert len(window.doc.network.nodes) == 0 < before
    qtbot.waitUntil(lambda: ew.attribution.result is not None, timeout=WAIT)
    window.doc.undo_stack.undo()
    assert len(window.doc.network.nodes) == before


def test_model_file_with_recurrent_layers_and_regression_data(qtbot, make_window, tmp_path):
    from engine.fileformat import FORMAT

    keras.utils.set_random_seed(0)
    inp = keras.Input((60, 1))
    seq = keras.layers.LSTM(6, return_sequences=True, name="lstm")(inp)
    out = keras.layers.Dense(1, name="value")(keras.layers.GRU(4, name="gru")(seq))
    model = keras.Model(inp, out)
    model.save(tmp_path / "series.keras")
    doc = tmp_path / "series.json"
    doc.write_text(json.dumps({"format": FORMAT, "name": "series", "nodes": [
        {"id": "x", "type": "Input", "params": {"shape": [60, 1]}}], "edges": [],
        "data": {"dataset": "series"}}))
    window = make_window(doc)
    ew = _open_explain(qtbot, window)
    assert ew.source_box.count() == 0 and "Nothing to explain" in ew.state.text()
    ew.ask_model_path = lambda: str(tmp_path / "series.keras")
    with qtbot.waitSignal(ew.loaded, timeout=WAIT):
        QTest.mouseClick(ew.open_button, Qt.LeftButton)
    assert ew.subject.task == "regression" and len(ew.subject.x_val) == 240
    # the attribution tab (shown) explains the output value: Grad-CAM over the LSTM's time steps
    qtbot.waitUntil(lambda: ew.attribution.result is not None, timeout=WAIT)
    assert ew.attribution.result.class_index is None and ew.attribution.result.map.shape == (60,)
    assert "explaining the output at lstm" in ew.attribution.info.text()
    assert not ew.attribution.class_box.isEnabled()
    h, w, _ = ew.attribution.overlay_item.image.shape
    assert w > h  # the series is drawn with time across

    _click_tab(qtbot, ew, ew.sequences)
    assert [ew.sequences.layer_box.itemText(i) for i in range(2)] == ["lstm", "gru"]
    states = ew.sequences.result
    np.testing.assert_allclose(states, hidden_states(model, "lstm", ew.subject.x_val[0]),
                               atol=1e-6)
    assert ew.sequences.image.image.shape == (6, 60, 3)  # units down, time across
    ew.sequences.layer_box.setFocus()
    with qtbot.waitSignal(ew.sequences.computed, timeout=WAIT):
        QTest.keyClick(ew.sequences.layer_box, Qt.Key_Down)
    assert ew.sequences.result.shape == (60, 4)

    _click_tab(qtbot, ew, ew.mistakes)
    assert ew.mistakes.residual_plot.isVisible() and not ew.mistakes.table.isVisible()
    x, _ = ew.mistakes.residual_points.getData()
    assert len(x) == 240 and "RMSE" in ew.mistakes.summary.text()


def test_a_broken_model_file_is_a_message(qtbot, make_window, tmp_path):
    bad = tmp_path / "broken.keras"
    bad.write_bytes(b"not a zip file")
    window = make_window()
    ew = _open_explain(qtbot, window)
    with qtbot.waitSignal(ew.load_failed, timeout=WAIT) as blocker:
        ew.open_model_file(str(bad))
    assert "broken.keras" in blocker.args[0] and "Traceback" not in blocker.args[0]
    assert "Cannot explain" in ew.state.text()


def test_a_paused_training_is_explained_with_its_live_model(qtbot, make_window, tmp_path):
    doc = tmp_path / "long.json"
    long_run = digits_cnn_document("long", epochs=500)
    long_run["training"]["batch_size"] = 8
    doc.write_text(json.dumps(long_run))
    window = make_window(doc)
    dash = window.dashboard
    assert dash.start()
    try:
        qtbot.waitUntil(lambda: dash.controller.trainer is not None
                        and len(dash.controller.trainer.batches) >= 3, timeout=WAIT)
        QTest.mouseClick(dash.run_controls.pause_button, Qt.LeftButton)
        qtbot.waitUntil(lambda: dash.controller.state == "paused", timeout=WAIT)
        trainer = dash.controller.trainer
        steps = len(trainer.batches)
        ew = _open_explain(qtbot, window)
        assert ew.sources[0].kind == "paused"
        assert ew.source_box.itemText(0) == "Training in progress (paused)"
        qtbot.waitUntil(lambda: ew.attribution.result is not None, timeout=WAIT)
        assert ew.subject.model is trainer.model  # the weights as they are now
        assert ew.attribution.result.method == "gradcam"
        _click_tab(qtbot, ew, ew.mistakes)
        assert ew.mistakes.table.rowCount() == 10
        assert len(trainer.batches) == steps and dash.controller.state == "paused"
    finally:
        dash.controller.stop()
        qtbot.waitUntil(lambda: dash.controller.state in ("stopped", "finished", "failed"),
                        timeout=WAIT)


def test_the_run_selected_in_the_runs_panel_is_explained(qtbot, make_window, digits_document,
                                                         digits_run):
    older = digits_document.with_name("digits.runs") / "20200101-000000_old000"
    shutil.copytree(digits_run.path, older)
    info = json.loads((older / "run.json").read_text())
    info.update(id=older.name, started="2020-01-01T00:00:00")
    (older / "run.json").write_text(json.dumps(info))
    window = make_window(digits_document)
    panel = window.dashboard.runs_panel
    panel.refresh()
    assert len(panel.records) == 2
    # click the older run's row (the table lists the newest first)
    table = panel.table
    row = [r.id for r in reversed(panel.records)].index(older.name)
    rect = table.visualRect(table.model().index(row, 0))
    QTest.mouseClick(table.viewport(), Qt.LeftButton, pos=rect.center())
    assert [r.id for r in panel.selected()] == [older.name]
    ew = _open_explain(qtbot, window)
    qtbot.waitUntil(lambda: ew.subject is not None, timeout=WAIT)
    assert ew.subject.name == older.name
    assert older.name in ew.source_box.currentText()
    qtbot.waitUntil(lambda: ew.attribution.result is not None, timeout=WAIT)


def test_an_imported_document_is_explained_with_its_weights(qtbot, make_window, digits_run,
                                                            tmp_path):
    from engine.keras_import import from_keras
    from gui.document import Document

    subject = open_subject(digits_run.path)
    net = from_keras(subject.model, name="imported-digits")
    net.extra["data"] = {"dataset": "digits", "preprocess": {"add_channel": True}}
    window = make_window()
    window.set_document(Document(net))
    ew = _open_explain(qtbot, window)
    assert ew.sources[0].kind == "weights" and "imported weights" in ew.source_box.itemText(0)
    qtbot.waitUntil(lambda: ew.attribution.result is not None, timeout=WAIT)
    x = subject.x_val[:20]
    np.testing.assert_allclose(ew.subject.model.predict(x, verbose=0),
                               subject.model.predict(x, verbose=0), atol=1e-5)
    assert ew.attribution.result.predicted == int(np.argmax(subject.model.predict(
        x[:1], verbose=0)))
