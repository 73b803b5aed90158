"""Fixes where the problem is: a refused connection drag offers its fixes next to
the pointer, the Problems panel shows each fix as a button, a node with a fixable
problem carries a badge, and the status bar counts errors and warnings. Every
fix is one undo step."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from gui.fix_badge import badge_of
from tests.gui.helpers import drag_port_to_port, open_network, snapshot


def _long_chain_with_a_gap(net):
    """Input → 12 Dense layers → d (64 units); an LSTM 'l' waits beside d, unconnected.
    Long enough that the view must scroll to reach d."""
    prev = net.add_node("Input", {"shape": [64]}, id="x", pos=(0, 0))
    for i in range(12):
        nid = net.add_node("Dense", {"units": 32}, id=f"h{i}", pos=(0, 120 * (i + 1)))
        net.connect(prev, nid)
        prev = nid
    net.add_node("Dense", {"units": 64}, id="d", pos=(0, 1560))
    net.connect(prev, "d")
    net.add_node("LSTM", {"units": 8}, id="l", pos=(300, 1700))
    net.add_node("Dense", {"units": 2}, id="out", pos=(300, 1820))
    net.connect("l", "out")


def test_refused_drag_offers_a_fix_that_inserts_and_connects_in_one_step(window, qtbot):
    net = open_network(window, _long_chain_with_a_gap)
    window.view.set_zoom(1.0)
    window.view.centerOn(window.scene.nodes["d"].scenePos())
    assert window.view.verticalScrollBar().value() > 0  # scrolled to the middle of the chain
    before = snapshot(window)
    popup = window.view.refusal_popup
    assert not popup.isVisible()

    drag_port_to_port(qtbot, window, window.scene.nodes["d"].out_port(0), window.scene.nodes["l"].in_port(0))

    qtbot.waitUntil(popup.isVisible)
    assert not net.in_edges("l")  # refused: nothing changed
    assert "3-D" in popup.reason.text()
    titles = [b.text() for b in popup.buttons]
    assert titles[0] == "Connect through a Reshape to (64, 1)", titles
    # the popup sits next to where the connection was dropped, inside the view
    drop = window.view.viewport().mapTo(
        window.view, window.view.mapFromScene(window.scene.nodes["l"].in_port(0).scenePos()))
    assert popup.geometry().adjusted(-30, -30, 30, 30).contains(drop)
    assert window.view.rect().contains(popup.geometry())

    qtbot.mouseClick(popup.buttons[0], Qt.LeftButton)
    assert not popup.isVisible()
    reshape = next(n for n in net.nodes.values() if n.type == "Reshape")
    assert reshape.params == {"target_shape": [64, 1]}
    assert [e.src for e in net.in_edges("l")] == [reshape.id]
    assert [e.src for e in net.in_edges(reshape.id)] == ["d"]
    assert window.doc.report().valid
    assert reshape.id in window.scene.nodes

    window.act_undo.trigger()  # one step takes the Reshape and both connections away
    assert snapshot(window) == before
    window.act_redo.trigger()
    assert window.doc.report().valid


def test_refusal_popup_closes_with_escape_and_on_edits(window, qtbot):
    open_network(window, _long_chain_with_a_gap)
    window.view.set_zoom(1.0)
    window.view.centerOn(window.scene.nodes["d"].scenePos())
    drag_port_to_port(qtbot, window, window.scene.nodes["d"].out_port(0), window.scene.nodes["l"].in_port(0))
    popup = window.view.refusal_popup
    qtbot.waitUntil(popup.isVisible)
    QTest.keyClick(window.view.viewport(), Qt.Key_Escape)
    assert not popup.isVisible()


def _kernel_too_large(net):
    net.add_node("Input", {"shape": [8, 8, 1]}, id="x", pos=(0, 0))
    net.add_node("Conv2D", {"filters": 4, "kernel_size": 5}, id="c1", pos=(0, 120))
    net.add_node("Conv2D", {"filters": 4, "kernel_size": 5}, id="c2", pos=(0, 240))
    net.add_node("Flatten", {}, id="f", pos=(0, 360))
    net.connect("x", "c1")
    net.connect("c1", "c2")
    net.connect("c2", "f")


def test_problems_panel_shows_fixes_as_buttons(window, qtbot):
    net = open_network(window, _kernel_too_large)
    before = snapshot(window)
    problems = window.problems
    row = [d.node for d in problems.diagnostics()].index("c2")
    widget = problems.row_widget(row)
    titles = [b.text() for b in widget.buttons]
    assert titles == ["Set padding='same' on c2", "Set kernel_size to (4, 4) on c2 (the largest that fits)"]
    assert "✖ 1 error" in window.status.validity.text()
    qtbot.mouseClick(widget.buttons[1], Qt.LeftButton)
    assert net.nodes["c2"].params["kernel_size"] == 4
    assert window.doc.report().valid
    assert "✔ 0 errors · 0 warnings" in window.status.validity.text()
    window.act_undo.trigger()
    assert snapshot(window) == before
    assert [d.node for d in window.problems.diagnostics()] == ["c2"]


def test_node_badge_applies_its_fix_or_offers_a_choice(window, qtbot):
    net = open_network(window, _kernel_too_large)
    window.view.set_zoom(1.0)
    window.view.centerOn(window.scene.nodes["c2"].scenePos())
    before = snapshot(window)
    assert badge_of(window.scene, "c1") is None
    badge = badge_of(window.scene, "c2")
    assert badge is not None and len(badge.fixes) == 2
    point = window.view.mapFromScene(badge.scenePos())
    QTest.mouseClick(window.view.viewport(), Qt.LeftButton, Qt.NoModifier, point)
    qtbot.waitUntil(lambda: badge.menu is not None and badge.menu.isVisible())
    actions = [a.text() for a in badge.menu.actions()]
    assert actions[0] == "Set padding='same' on c2"
    badge.menu.actions()[0].trigger()
    badge.menu.hide()
    assert net.nodes["c2"].params["padding"] == "same"
    assert window.doc.report().valid
    assert badge_of(window.scene, "c2") is None  # nothing left to fix
    assert window.scene.selected_node_ids() == []  # the click did not select or move the node
    window.act_undo.trigger()
    assert snapshot(window) == before
    assert badge_of(window.scene, "c2") is not None


def _dropout_beside(net):
    net.add_node("Input", {"shape": [4]}, id="x", pos=(0, 0))
    net.add_node("Dense", {"units": 8}, id="dense", pos=(0, 120))
    net.add_node("Dense", {"units": 3}, id="dense_1", pos=(0, 240))
    net.add_node("Dropout", {"rate": 0.2}, id="dropout", pos=(240, 240))
    net.connect("x", "dense")
    net.connect("dense", "dense_1")
    net.connect("dense", "dropout")


def test_unintended_outputs_are_counted_and_fixed_with_one_click(window, qtbot):
    net = open_network(window, _dropout_beside)
    assert window.status.validity.text().endswith("⚠ 0 errors · 1 warning</span>")
    (diag,) = window.problems.diagnostics()
    assert diag.code == "outputs" and "dense_1, dropout" in diag.message
    widget = window.problems.row_widget(0)
    assert [b.text() for b in widget.buttons] == ["Connect dropout to dense_1",
                                                 "Mark dense_1, dropout as the outputs"]
    badge = badge_of(window.scene, "dropout")
    assert badge is not None
    qtbot.mouseClick(widget.buttons[0], Qt.LeftButton)
    assert [e.src for e in net.in_edges("dense_1")] == ["dropout"]
    assert net.outputs == [("dense_1", 0)]
    assert "✔ 0 errors · 0 warnings" in window.status.validity.text()
    window.act_undo.trigger()
    qtbot.mouseClick(window.problems.row_widget(0).buttons[1], Qt.LeftButton)
    assert net.explicit_outputs == [("dense_1", 0), ("dropout", 0)]
    assert window.problems.diagnostics() == []


def test_inspector_offers_the_fixes_of_the_selected_layer(window, qtbot):
    net = open_network(window, _kernel_too_large)
    window.scene.select_nodes(["c2"])
    inspector = window.inspector
    qtbot.waitUntil(lambda: inspector.fix_bar.isVisible())
    assert [b.text() for b in inspector.fix_buttons][0] == "Set padding='same' on c2"
    qtbot.mouseClick(inspector.fix_buttons[0], Qt.LeftButton)
    assert net.nodes["c2"].params["padding"] == "same"
    assert inspector.editor("padding").widget.currentText() == "same"
    qtbot.waitUntil(lambda: not inspector.fix_bar.isVisible())
    window.scene.select_nodes(["c1"])
    assert inspector.fix_buttons == []


def test_a_picked_up_connection_dropped_where_it_does_not_fit_offers_the_move_with_a_fix(window, qtbot):
    def build(net):
        net.add_node("Input", {"shape": [64]}, id="x", pos=(0, 0))
        net.add_node("Dense", {"units": 64}, id="d", pos=(0, 120))
        net.add_node("Input", {"shape": [10, 3]}, id="seq", pos=(300, 120))
        net.add_node("LSTM", {"units": 8}, id="l", pos=(300, 300))
        net.connect("x", "d")
        net.connect("seq", "l")
    net = open_network(window, build)
    window.view.set_zoom(1.0)
    window.view.centerOn(window.scene.nodes["l"].scenePos())
    before = snapshot(window)
    # pick the connection seq → l up by its source end and drop that end on d's output
    edge_item = window.scene.edges[net.in_edges("l")[0]]
    start = edge_item.path().pointAtPercent(0.15)
    end = window.scene.nodes["d"].out_port(0).scenePos()
    vp = window.view.viewport()
    a, b = window.view.mapFromScene(start), window.view.mapFromScene(end)
    QTest.mousePress(vp, Qt.LeftButton, Qt.NoModifier, a)
    for t in (0.25, 0.5, 0.75, 1.0):
        QTest.mouseMove(vp, a + (b - a) * t)
    QTest.mouseRelease(vp, Qt.LeftButton, Qt.NoModifier, b)
    popup = window.view.refusal_popup
    qtbot.waitUntil(popup.isVisible)
    assert snapshot(window) == before
    assert popup.buttons[0].text() == "Reconnect through a Reshape to (64, 1)"
    qtbot.mouseClick(popup.buttons[0], Qt.LeftButton)
    reshape = next(n.id for n in net.nodes.values() if n.type == "Reshape")
    assert [e.src for e in net.in_edges("l")] == [reshape] and not net.out_edges("seq")
    window.act_undo.trigger()
    assert snapshot(window) == before
