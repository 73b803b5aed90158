"""Canvas gestures: drop from the palette, connect ports, refusals, groups."""

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from gui.canvas.view import LEGIBLE_ZOOM
from tests.gui.helpers import drag_port_to_port, open_network


def _drop(window, mime_data, view_pos: QPoint):
    vp = window.view.viewport()
    pos = QPointF(view_pos)
    for cls in (QDragEnterEvent, QDragMoveEvent):
        event = cls(view_pos, Qt.CopyAction, mime_data, Qt.LeftButton, Qt.NoModifier)
        QApplication.sendEvent(vp, event)
    drop = QDropEvent(pos, Qt.CopyAction, mime_data, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(vp, drop)
    return drop


def test_drag_palette_item_onto_canvas(window):
    net = window.doc.network
    before = set(net.nodes)
    item = window.palette.item_for("Dropout")
    mime_data = window.palette.tree.mimeData([item])
    target = window.view.viewport().rect().topLeft() + QPoint(60, 60)
    _drop(window, mime_data, target)
    added = set(net.nodes) - before
    assert len(added) == 1
    nid = added.pop()
    assert net.nodes[nid].type == "Dropout"
    assert nid in window.scene.nodes
    assert window.scene.selected_node_ids() == [nid]
    # placed where it was dropped (snapped to the grid)
    scene_pos = window.view.mapToScene(target)
    x, y = net.nodes[nid].pos
    assert abs(x - scene_pos.x()) <= 20 and abs(y - scene_pos.y()) <= 20
    window.act_undo.trigger()
    assert nid not in net.nodes and nid not in window.scene.nodes


def test_drop_onto_an_edge_inserts_the_layer(window):
    net = window.doc.network
    edge = next(e for e in net.edges if e.src == "f5")
    label_point = window.scene.edges[edge].path().pointAtPercent(0.5)
    mime_data = window.palette.tree.mimeData([window.palette.item_for("Dropout")])
    _drop(window, mime_data, window.view.mapFromScene(label_point))
    new = next(n for n in net.nodes.values() if n.type == "Dropout")
    assert [e.src for e in net.in_edges(new.id)] == ["f5"]
    assert [e.dst for e in net.out_edges(new.id)] == ["f6"]
    assert window.doc.report().valid


def test_palette_search_filters_layers(window):
    window.palette.search.setText("lstm")
    assert window.palette.visible_types() == ["LSTM"] or "LSTM" in window.palette.visible_types()
    assert "Dense" not in window.palette.visible_types()


def _two_nodes(net, dst_type="Dense", dst_params=None, shape=(16,)):
    net.add_node("Input", {"shape": list(shape)}, id="x", pos=(0, 0))
    net.add_node(dst_type, dst_params or {"units": 4}, id="d", pos=(0, 200))


def test_connect_two_ports_by_dragging(qtbot, window):
    net = open_network(window, _two_nodes)
    scene = window.scene
    drag_port_to_port(qtbot, window, scene.nodes["x"].out_ports[0], scene.nodes["d"].in_ports[0])
    assert [(e.src, e.dst) for e in net.edges] == [("x", "d")]
    assert window.doc.report().shape("d") == (None, 4)
    edge_item = next(iter(scene.edges.values()))
    assert edge_item.label == "16"
    window.act_undo.trigger()
    assert net.edges == [] and not scene.edges


def test_incompatible_connection_is_refused_with_its_reason(qtbot, window):
    net = open_network(window, lambda n: _two_nodes(n, "Conv2D", {"filters": 4, "kernel_size": 3}))
    scene = window.scene
    src, dst = scene.nodes["x"].out_ports[0], scene.nodes["d"].in_ports[0]
    # while dragging, hovering the bad port says why
    scene.begin_connection(src)
    scene.drag_connection_to(dst.scenePos())
    assert scene.drag.bubble.isVisible()
    assert "Conv2D expects" in scene.drag.bubble.text().replace("\n", " ")
    scene.drop_connection_at(QPointF(-500, -500))
    # the real gesture is refused, and the reason is shown
    drag_port_to_port(qtbot, window, src, dst)
    assert net.edges == []
    assert "Conv2D expects a 4-D input" in scene.last_refusal
    assert "Conv2D expects" in window.statusBar().currentMessage()
    assert not window.doc.undo_stack.canUndo()


def test_wiring_problems_are_refused_too(window):
    net = open_network(window, _two_nodes)
    assert window.scene.try_connect("x", "d") == ""
    net.add_node("Input", {"shape": [16]}, id="y", pos=(200, 0))
    window.doc.refresh()
    reason = window.scene.try_connect("y", "d")
    assert "already connected" in reason
    assert window.scene.try_connect("d", "x").startswith("x (Input) takes no input")


def test_error_nodes_are_red_and_warnings_amber(window):
    def build(net):
        net.add_node("Input", {"shape": [8, 8, 3]}, id="x", pos=(0, 0))
        net.add_node("Dense", {"units": 4}, id="d", pos=(0, 150))
        net.connect("x", "d")
        net.add_node("Dense", {"units": 4}, id="lonely", pos=(300, 150))
    open_network(window, build)
    items = window.scene.nodes
    assert items["d"].severity == "warning"
    assert "acts on the last axis" in items["d"].toolTip()
    assert items["lonely"].severity == "error"
    assert "not reachable" in items["lonely"].toolTip()
    assert items["x"].severity is None


def test_collapse_and_expand_a_group(window):
    scene = window.scene
    scene.select_nodes(["c1", "s2"])
    assert window.group_selection("features")
    assert window.doc.network.nodes["c1"].group == "features"
    scene.collapse("features")
    box = scene.collapsed_items["features"]
    assert not scene.nodes["c1"].isVisible() and not scene.nodes["s2"].isVisible()
    assert scene.nodes["c3"].isVisible()
    assert "2 layers" in box.lines[1] and "456" in box.lines[1]
    assert box.lines[2] == "32×32×3 → 14×14×6"
    # the edges into and out of the group end on the box; the one inside is hidden
    inside = next(e for e in scene.edges if e.src == "c1" and e.dst == "s2")
    assert not scene.edges[inside].isVisible()
    scene.expand("features")
    assert scene.nodes["c1"].isVisible() and "features" not in scene.collapsed_items
    assert "features" in scene.frames
    window.act_undo.trigger()
    assert window.doc.network.nodes["c1"].group is None


def test_moving_a_node_is_one_undo_step_and_snaps(qtbot, window):
    item = window.scene.nodes["c1"]
    old = window.doc.network.nodes["c1"].pos
    vp = window.view.viewport()
    start = window.view.mapFromScene(item.scenePos() + QPointF(-40, 0))
    end = start + QPoint(93, 7)
    QTest.mousePress(vp, Qt.LeftButton, Qt.NoModifier, start)
    QTest.mouseMove(vp, start + QPoint(30, 2))
    QTest.mouseMove(vp, end)
    QTest.mouseRelease(vp, Qt.LeftButton, Qt.NoModifier, end)
    new = window.doc.network.nodes["c1"].pos
    assert new != old and new[0] % 20 == 0 and new[1] % 20 == 0
    assert window.doc.undo_stack.count() == 1
    # the connections followed the node
    edge = next(e for e in window.scene.edges if e.dst == "c1")
    assert window.scene.edges[edge].path().pointAtPercent(1.0) == item.in_ports[0].scenePos()
    window.act_undo.trigger()
    assert window.doc.network.nodes["c1"].pos == old
    assert (item.pos().x(), item.pos().y()) == old


def test_zoom_and_fit(window):
    view = window.view
    view.set_zoom(1.0)
    window.act_zoom_in.trigger()
    assert view.zoom() > 1.0
    view.zoom_to_fit()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    items = window.scene.items_rect()
    # all of it when that stays legible, else its whole width at a legible zoom
    assert view.zoom() >= LEGIBLE_ZOOM
    assert visible.contains(items) or (visible.left() <= items.left() and visible.right() >= items.right())
