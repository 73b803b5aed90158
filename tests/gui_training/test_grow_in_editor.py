"""Widen and Deepen from a node's context menu and the inspector, after a run: one undo step each, the
network's outputs unchanged, and Continue goes on from the grown weights as a new segment."""

import numpy as np
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from engine import weights
from gui.commands import SetParamCommand
from tests.gui_training.conftest import wait_state
from tests.gui_training.test_continue_and_compare import hidden_net


def right_click(window, node_id):
    view = window.view
    centre = view.mapFromScene(window.scene.nodes[node_id].sceneBoundingRect().center())
    event = QContextMenuEvent(QContextMenuEvent.Mouse, centre, view.viewport().mapToGlobal(centre))
    QApplication.sendEvent(view.viewport(), event)
    return {a.text(): a for a in window.node_menu.actions()}


def iris_x():
    from sklearn.datasets import load_iris

    x = load_iris().data
    return ((x - x.mean(0)) / x.std(0)).astype("float32")


def test_widen_from_the_context_menu_keeps_the_outputs_undoes_and_continues(qtbot, make_window):
    window = make_window(hidden_net(epochs=2))
    dash, rc, doc = window.dashboard, window.dashboard.run_controls, window.doc
    assert dash.start()
    assert wait_state(qtbot, window, ("finished", "failed", "stopped")) == "finished"
    qtbot.waitUntil(rc.continue_button.isEnabled, timeout=10_000)
    trained = dash.controller.trainer.model
    x = iris_x()
    expected = np.asarray(trained(x))
    steps = doc.undo_stack.count()

    # the output layer cannot be widened: refused, nothing changes
    right_click(window, "dense")["Widen dense ×2 (same outputs)"].trigger()
    assert doc.undo_stack.count() == steps and doc.network.node("dense").params["units"] == 3

    right_click(window, "hidden")["Widen hidden ×2 (same outputs)"].trigger()
    assert doc.undo_stack.count() == steps + 1
    assert doc.network.node("hidden").params["units"] == 16
    np.testing.assert_allclose(np.asarray(doc.network.to_keras()(x)), expected, atol=1e-5)
    doc.undo_stack.undo()
    assert doc.network.node("hidden").params["units"] == 8
    assert doc.network.weights is None and "net2net" not in doc.network.extra
    doc.undo_stack.redo()
    assert doc.network.node("hidden").params["units"] == 16
    assert doc.network.extra["net2net"]["transformed"] == ["hidden", "dense"]

    rc.more_epochs.setValue(1)
    qtbot.mouseClick(rc.continue_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dash.controller.session.segment.get("diff") is not None
                    and dash.controller.state == "finished", timeout=60_000)
    diff = dash.controller.session.segment["diff"]
    assert diff.transformed == ["hidden", "dense"] and diff.reinitialised == []
    assert "transformed: hidden, dense" in dash.panels["loss"].markers[0].toolTip()
    assert dash.controller.trainer.model.get_layer("hidden").units == 16


def test_deepen_from_the_inspector_inserts_an_identity_layer_in_one_undo_step(qtbot,
                                                                             make_window):
    window = make_window(hidden_net(epochs=1))
    doc = window.doc
    doc.network.weights = weights.capture(doc.network, doc.network.to_keras())
    x = iris_x()
    expected = np.asarray(doc.network.to_keras()(x))
    view = window.view
    centre = view.mapFromScene(window.scene.nodes["hidden"].sceneBoundingRect().center())
    QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, centre)   # select it
    inspector = window.inspector
    qtbot.waitUntil(lambda: inspector.node_id == "hidden" and inspector.deepen_button.isVisible())
    assert inspector.widen_button.isVisible()
    steps = doc.undo_stack.count()
    qtbot.mouseClick(inspector.deepen_button, Qt.LeftButton)
    assert doc.undo_stack.count() == steps + 1
    new = doc.network.node("hidden_deep")
    assert new.type == "Dense" and new.params["activation"] == "relu"
    np.testing.assert_allclose(np.asarray(doc.network.to_keras()(x)), expected, atol=1e-5)
    doc.undo_stack.undo()
    assert "hidden_deep" not in doc.network.nodes and len(doc.network.edges) == 2


def test_pause_edit_continue_goes_on_from_the_checkpoint_as_a_new_segment(qtbot, make_window):
    net = hidden_net(epochs=500)
    net.extra["training"]["batch_size"] = 4
    window = make_window(net)
    dash, rc, doc = window.dashboard, window.dashboard.run_controls, window.doc
    dash.start()
    qtbot.waitUntil(lambda: dash.controller.trainer is not None
                    and len(dash.controller.trainer.batches) >= 3, timeout=120_000)
    qtbot.mouseClick(rc.pause_button, Qt.LeftButton)
    wait_state(qtbot, window, ("paused",), 30_000)
    first = dash.controller.trainer
    assert rc.continue_button.isEnabled()
    doc.push(SetParamCommand(doc, "dense", "use_bias", False))       # edit while paused
    rc.more_epochs.setValue(1)
    qtbot.mouseClick(rc.continue_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dash.controller.trainer is not first
                    and dash.controller.state == "finished", timeout=120_000)
    diff = dash.controller.session.segment["diff"]
    assert diff.carried == ["hidden"] and diff.reinitialised == ["dense"]
    ended = first.epochs_done
    assert dash.controller.trainer.epochs_done == ended + 1
    marker = dash.panels["loss"].markers[0]
    assert marker.value() == ended and "reinitialised: dense" in marker.toolTip()
