"""Picking up the end of a connection and dropping it elsewhere: on a compatible
port it is reconnected, on an incompatible one refused with the reason, on empty
canvas removed; Escape puts it back. Each change is one undo step."""

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from gui.canvas.node_item import PortItem
from tests.gui.helpers import open_network, snapshot


def _fan(net):
    net.add_node("Input", {"shape": [16]}, id="x", pos=(0, 0))
    net.add_node("Input", {"shape": [16]}, id="y", pos=(300, 0))
    net.add_node("Dense", {"units": 4}, id="d", pos=(0, 200))
    net.add_node("Dense", {"units": 4}, id="e", pos=(300, 200))
    net.add_node("Conv2D", {"filters": 4, "kernel_size": 3}, id="c", pos=(600, 200))
    net.connect("x", "d")


def _edges(net):
    return sorted((e.src, e.dst, e.src_port, e.dst_port) for e in net.edges)


def _vp(window, scene_pos: QPointF) -> QPoint:
    return window.view.mapFromScene(scene_pos)


def _drag(window, start: QPointF, end: QPointF, release=True):
    """Press at ``start``, move to ``end`` in a few steps (and release), in scene units."""
    vp = window.view.viewport()
    a, b = _vp(window, start), _vp(window, end)
    QTest.mousePress(vp, Qt.LeftButton, Qt.NoModifier, a)
    for t in (0.1, 0.3, 0.6, 1.0):
        QTest.mouseMove(vp, a + (b - a) * t)
    if release:
        QTest.mouseRelease(vp, Qt.LeftButton, Qt.NoModifier, b)


def _edge_item(window, src, dst):
    return next(item for e, item in window.scene.edges.items() if (e.src, e.dst) == (src, dst))


def _near_end(item, end="dst"):
    """A point on the connection, a little way from its ``end``."""
    return item.path().pointAtPercent(0.85 if end == "dst" else 0.15)


def test_drop_the_target_end_on_another_port_reconnects(window):
    net = open_network(window, _fan)
    scene = window.scene
    item = _edge_item(window, "x", "d")
    target = scene.nodes["e"].in_ports[0]
    # while carried, the ports it may go to light up and the old line fades
    _drag(window, _near_end(item), target.scenePos() + QPointF(60, 40), release=False)
    assert scene.is_dragging(item) and item.opacity() < 1
    assert target.state == PortItem.CANDIDATE
    assert scene.nodes["d"].in_ports[0].state == PortItem.CANDIDATE  # its own place too
    assert scene.nodes["y"].out_ports[0].state == PortItem.NORMAL  # wrong direction
    vp = window.view.viewport()
    QTest.mouseMove(vp, _vp(window, target.scenePos()))
    QTest.mouseRelease(vp, Qt.LeftButton, Qt.NoModifier, _vp(window, target.scenePos()))
    assert _edges(net) == [("x", "e", 0, 0)]
    assert window.doc.report().shape("e") == (None, 4)
    assert set(scene.edges) == set(net.edges)
    assert all(p.state == PortItem.NORMAL for n in scene.nodes.values() for p in n.in_ports)
    assert window.doc.undo_stack.count() == 1  # disconnect + connect: one step
    window.act_undo.trigger()
    assert _edges(net) == [("x", "d", 0, 0)]
    assert set(scene.edges) == set(net.edges)
    window.act_redo.trigger()
    assert _edges(net) == [("x", "e", 0, 0)]


def test_a_connected_input_port_picks_up_its_connection(qtbot, window):
    net = open_network(window, _fan)
    scene = window.scene
    _drag(window, scene.nodes["d"].in_ports[0].scenePos(), scene.nodes["e"].in_ports[0].scenePos())
    assert _edges(net) == [("x", "e", 0, 0)]
    # pressed and released on the same port, nothing changes
    before = snapshot(window)
    port = scene.nodes["e"].in_ports[0]
    _drag(window, port.scenePos(), port.scenePos() + QPointF(3, 2))
    assert snapshot(window) == before
    assert window.doc.undo_stack.count() == 1


def test_drop_the_source_end_on_another_output(window):
    net = open_network(window, _fan)
    item = _edge_item(window, "x", "d")
    _drag(window, _near_end(item, "src"), window.scene.nodes["y"].out_ports[0].scenePos())
    assert _edges(net) == [("y", "d", 0, 0)]
    window.act_undo.trigger()
    assert _edges(net) == [("x", "d", 0, 0)]


def test_drop_on_an_incompatible_port_is_refused_with_the_reason(window):
    net = open_network(window, _fan)
    scene = window.scene
    before = snapshot(window)
    item = _edge_item(window, "x", "d")
    bad = scene.nodes["c"].in_ports[0]
    _drag(window, _near_end(item), bad.scenePos(), release=False)
    # hovering the port already says why
    assert bad.state == PortItem.REFUSED
    assert "Conv2D expects" in scene.drag.bubble.text().replace("\n", " ")
    QTest.mouseRelease(window.view.viewport(), Qt.LeftButton, Qt.NoModifier, _vp(window, bad.scenePos()))
    assert snapshot(window) == before
    assert "Conv2D expects a 4-D input" in scene.last_refusal
    message = window.statusBar().currentMessage()
    assert message.startswith("Connection refused:") and "Conv2D expects" in message
    assert not window.doc.undo_stack.canUndo()
    assert scene.edges[net.edges[0]].opacity() == 1.0 and not scene.is_dragging()


def test_drop_on_empty_canvas_disconnects(window):
    net = open_network(window, _fan)
    item = _edge_item(window, "x", "d")
    _drag(window, _near_end(item), QPointF(-300, 120))
    assert net.edges == [] and not window.scene.edges
    assert "Removed the connection x → d" in window.statusBar().currentMessage()
    window.act_undo.trigger()
    assert _edges(net) == [("x", "d", 0, 0)]
    assert len(window.scene.edges) == 1
    window.act_redo.trigger()
    assert net.edges == []


def test_drop_on_a_node_body_changes_nothing_and_says_why(window):
    net = open_network(window, _fan)
    item = _edge_item(window, "x", "d")
    # on the body, away from its ports (near one, the wire would snap to it)
    _drag(window, _near_end(item), window.scene.nodes["e"].scenePos() + QPointF(80, 0))
    assert _edges(net) == [("x", "d", 0, 0)]
    assert "Drop the connection on a port" in window.statusBar().currentMessage()
    assert not window.doc.undo_stack.canUndo()


def test_escape_puts_the_connection_back(window):
    net = open_network(window, _fan)
    scene = window.scene
    item = _edge_item(window, "x", "d")
    far = QPointF(-300, 120)
    _drag(window, _near_end(item), far, release=False)
    assert scene.is_dragging(item)
    QTest.keyClick(window.view, Qt.Key_Escape)
    assert not scene.is_dragging() and item.opacity() == 1.0
    assert all(p.state == PortItem.NORMAL for n in scene.nodes.values() for p in n.in_ports)
    QTest.mouseRelease(window.view.viewport(), Qt.LeftButton, Qt.NoModifier, _vp(window, far))
    assert _edges(net) == [("x", "d", 0, 0)]
    assert not window.doc.undo_stack.canUndo()


def test_a_click_selects_and_delete_still_disconnects(window):
    net = open_network(window, _fan)
    item = _edge_item(window, "x", "d")
    QTest.mouseClick(window.view.viewport(), Qt.LeftButton, Qt.NoModifier, _vp(window, _near_end(item)))
    assert item.isSelected() and _edges(net) == [("x", "d", 0, 0)]
    window.act_delete.trigger()
    assert net.edges == []
    window.act_undo.trigger()
    assert _edges(net) == [("x", "d", 0, 0)]


def test_reconnect_in_a_preset(window):
    """LeNet-5: move the classifier's input from f6 to f5 (a compatible 2-D tensor)."""
    net = window.doc.network
    scene = window.scene
    edge = next(e for e in net.edges if e.src == "f6")
    out = edge.dst
    window.view.centerOn(scene.nodes[out].scenePos())
    item = scene.edges[edge]
    _drag(window, _near_end(item, "src"), scene.nodes["f5"].out_ports[0].scenePos())
    assert [e.src for e in net.in_edges(out)] == ["f5"]
    assert window.doc.report().shape(out) is not None
    window.act_undo.trigger()
    assert [e.src for e in net.in_edges(out)] == ["f6"]
