"""Wires that hold still: connection drags with the mouse in a real-sized window,
ResNet-50 scrolled to its middle. The view never moves by itself during a drag
(except when the pointer is near the viewport's edge), a near miss snaps to the
nearest compatible port, "Add layer…" opens only where no port is near, and a
refused drop reports the two ports, the place and the reason."""

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from gui.canvas.node_item import PortItem
from gui.commands import AddNodeCommand
from tests.gui.gestures import big_window, drag, overlapping, scroll_to_middle, scroll_values, vp_point


def _with_free_layers(window, middle):
    """Two unconnected layers in a column right of the diagram: a BatchNormalization
    (takes any input) and a Conv1D (refuses a 4-D tensor). The diagram stays
    narrower than the view, where a scene that grows with the wire or its hint
    would re-centre the view."""
    doc = window.doc
    x, y = 480.0, doc.network.nodes[middle].pos[1]
    bn = AddNodeCommand(doc, "BatchNormalization", pos=(x, y + 120))
    doc.push(bn)
    conv = AddNodeCommand(doc, "Conv1D", {"filters": 4, "kernel_size": 3}, pos=(x, y + 360))
    doc.push(conv)
    QApplication.processEvents()
    return bn.result, conv.result


def test_drags_in_a_scrolled_resnet50_land_on_the_intended_port_and_the_view_holds_still(make_window):
    window = big_window(make_window)
    scene, net = window.scene, window.doc.network
    middle = scroll_to_middle(window)
    bn, _conv = _with_free_layers(window, middle)
    before = scroll_values(window)
    assert window.view.verticalScrollBar().value() > 0  # really scrolled
    src = scene.nodes[middle].out_ports[0]
    dst = scene.nodes[bn].in_ports[0]
    # past the target and back, as a hand does: the wire reaches beyond the diagram
    end = vp_point(window, dst.scenePos())
    seen = drag(window, vp_point(window, src.scenePos()), end, via=[end + QPoint(260, 60)],
                watch=lambda: scroll_values(window))
    assert set(seen) == {before}  # not one pixel of scrolling, during the drag or after the drop
    assert [(e.src, e.dst) for e in net.in_edges(bn)] == [(middle, bn)]
    assert window.doc.undo_stack.count() == 3  # two layers added, one connection
    assert not scene.is_dragging() and scene.drag is None


def test_a_near_miss_snaps_to_the_nearest_compatible_port(make_window):
    window = big_window(make_window)
    scene, net = window.scene, window.doc.network
    middle = scroll_to_middle(window)
    bn, _conv = _with_free_layers(window, middle)
    src = scene.nodes[middle].out_ports[0]
    dst = scene.nodes[bn].in_ports[0]
    miss = vp_point(window, dst.scenePos()) + QPoint(22, -17)  # beside the port, not on it
    assert scene.port_at(window.view.mapToScene(miss)) is None
    drag(window, vp_point(window, src.scenePos()), miss, release=False)
    # the port the drop will take lights up and the wire ends on it
    assert scene.drag.target is dst and dst.state == PortItem.SNAPPED
    assert scene.drag.path.path().pointAtPercent(1.0) == dst.scenePos()
    QTest.mouseRelease(window.view.viewport(), Qt.LeftButton, Qt.NoModifier, miss)
    assert [(e.src, e.dst) for e in net.in_edges(bn)] == [(middle, bn)]
    assert not window.quick_add.isVisible()


def test_a_press_beside_a_small_port_still_starts_a_connection(make_window):
    window = big_window(make_window)
    scene, net = window.scene, window.doc.network
    middle = scroll_to_middle(window)
    bn, _conv = _with_free_layers(window, middle)
    src = scene.nodes[bn].out_ports[0]
    press = vp_point(window, src.scenePos()) + QPoint(9, 6)  # outside the drawn dot
    assert (window.view.mapToScene(press) - src.scenePos()).manhattanLength() > 2 * 5.5
    target = scene.nodes[_conv].in_ports[0]
    count = len(net.edges)
    drag(window, press, vp_point(window, target.scenePos()))
    assert len(net.edges) == count + 1
    assert net.in_edges(_conv)[0].src == bn


def test_add_layer_opens_only_where_no_port_is_near(make_window):
    window = big_window(make_window)
    scene, net = window.scene, window.doc.network
    middle = scroll_to_middle(window)
    bn, _conv = _with_free_layers(window, middle)
    src = scene.nodes[middle].out_ports[0]
    start = vp_point(window, src.scenePos())
    # released 45 px from a port (past the snapping distance): no popup, nothing added
    near = vp_point(window, scene.nodes[bn].in_ports[0].scenePos()) + QPoint(0, -45)
    count = len(net.nodes)
    drag(window, start, near)
    assert not window.quick_add.isVisible()
    assert len(net.nodes) == count and not net.in_edges(bn)
    # over empty canvas, far from every port: the popup offers a layer connected from there
    empty = vp_point(window, scene.nodes[bn].scenePos() + QPointF(0, 300))
    assert window.view._node_at(empty) is None
    drag(window, start, empty)
    assert window.quick_add.isVisible()
    assert window.quick_add.connect_from == (middle, 0)
    window.quick_add.hide()


def test_a_refused_drop_reports_both_ports_where_and_why(make_window):
    window = big_window(make_window)
    scene, net = window.scene, window.doc.network
    middle = scroll_to_middle(window)
    _bn, conv = _with_free_layers(window, middle)
    refusals = []
    scene.refused.connect(lambda *args: refusals.append(args))
    src = scene.nodes[middle].out_ports[0]
    dst = scene.nodes[conv].in_ports[0]
    before = scroll_values(window)
    seen = drag(window, vp_point(window, src.scenePos()), vp_point(window, dst.scenePos()), release=False,
                watch=lambda: scroll_values(window))
    assert set(seen) == {before}  # the hint beside the pointer does not move the view either
    assert scene.drag.target is dst and dst.state == PortItem.REFUSED
    assert scene.drag.bubble.isVisible() and "Conv1D expects" in scene.drag.bubble.text().replace("\n", " ")
    QTest.mouseRelease(window.view.viewport(), Qt.LeftButton, Qt.NoModifier, vp_point(window, dst.scenePos()))
    assert not net.in_edges(conv)
    [(got_src, got_dst, pos, reason)] = refusals
    assert (got_src, got_dst) == ((middle, 0), (conv, 0))
    assert (pos - dst.scenePos()).manhattanLength() < 2
    assert "Conv1D expects" in reason and "Conv1D expects" in window.statusBar().currentMessage()
    assert scroll_values(window) == before


def test_dragging_to_the_viewport_edge_scrolls_that_way_and_only_then(make_window, qtbot):
    window = big_window(make_window)
    scene = window.scene
    middle = scroll_to_middle(window)
    view, vp = window.view, window.view.viewport()
    src = scene.nodes[middle].out_ports[0]
    start = vp_point(window, src.scenePos())
    QTest.mousePress(vp, Qt.LeftButton, Qt.NoModifier, start)
    QTest.mouseMove(vp, start + QPoint(40, 40))
    before = scroll_values(window)
    edge = QPoint(vp.width() - 6, start.y() + 40)
    QTest.mouseMove(vp, edge)
    assert scene.is_dragging() and view._edge_timer.isActive()
    # a few ticks of the auto-scroll timer (generous: a busy machine delivers them late)
    qtbot.waitUntil(lambda: scroll_values(window)[0] > before[0] + 30, timeout=20000)
    assert scroll_values(window)[1] == before[1]
    # the wire's loose end stays under the pointer while the view scrolls
    assert (scene.drag.pos - view.mapToScene(edge)).manhattanLength() < 30
    QTest.mouseMove(vp, vp.rect().center())
    held = scroll_values(window)
    QApplication.processEvents()
    assert scroll_values(window) == held  # away from the edge it stops
    QTest.keyClick(view, Qt.Key_Escape)
    QTest.mouseRelease(vp, Qt.LeftButton, Qt.NoModifier, vp.rect().center())
    assert not scene.is_dragging()


def test_adding_moving_and_deleting_layers_never_jumps_the_view(make_window):
    window = big_window(make_window)
    scene, net = window.scene, window.doc.network
    middle = scroll_to_middle(window)
    before = scroll_values(window)
    bn, conv = _with_free_layers(window, middle)
    assert scroll_values(window) == before
    item = scene.nodes[bn]
    start = vp_point(window, item.scenePos() + QPointF(-60, 0))
    drag(window, start, start + QPoint(-140, 90))
    assert net.nodes[bn].pos != (480.0, net.nodes[middle].pos[1] + 120)
    assert scroll_values(window) == before
    scene.select_nodes([bn, conv])
    window.act_delete.trigger()
    QApplication.processEvents()
    assert bn not in net.nodes and scroll_values(window) == before
    window.act_undo.trigger()
    QApplication.processEvents()
    assert bn in net.nodes and scroll_values(window) == before
    assert not overlapping(scene)


def test_in_a_diagram_narrower_than_the_view_a_wire_past_its_edge_moves_nothing(make_window):
    """LeNet-5 at actual size is narrower than the view, which centres it: a wire or
    hint reaching past the diagram once made the view re-centre under the pointer."""
    window = big_window(make_window, "lenet5")
    scene, net, view = window.scene, window.doc.network, window.view
    view.set_zoom(1.0)
    view.show_at(scene.nodes["c3"].scenePos())
    QApplication.processEvents()
    doc = window.doc
    add = AddNodeCommand(doc, "BatchNormalization", pos=(300.0, net.nodes["c3"].pos[1] + 120))
    doc.push(add)
    QApplication.processEvents()
    before = scroll_values(window)
    src, dst = scene.nodes["c3"].out_ports[0], scene.nodes[add.result].in_ports[0]
    end = vp_point(window, dst.scenePos())
    seen = drag(window, vp_point(window, src.scenePos()), end, via=[end + QPoint(300, 80)],
                watch=lambda: scroll_values(window))
    assert set(seen) == {before}
    assert [e.src for e in net.in_edges(add.result)] == ["c3"]


def test_between_a_taken_port_and_a_free_one_the_free_one_takes_the_wire(make_window):
    """An Add with two inputs connected shows a third, free port 49 units beside
    them: a drop nearer the taken port, but not on it, goes to the free one."""
    window = big_window(make_window)
    scene, net = window.scene, window.doc.network
    middle = scroll_to_middle(window)
    ids = list(net.nodes)
    add = next(n for n in ids[ids.index(middle):] if net.nodes[n].type == "Add")
    bn, _conv = _with_free_layers(window, middle)
    window.view.show_at(scene.nodes[add].scenePos())
    QApplication.processEvents()
    taken, free = scene.nodes[add].in_ports[1], scene.nodes[add].in_ports[2]
    assert net.in_edges(add) and not [e for e in net.in_edges(add) if e.dst_port == 2]
    drop = vp_point(window, taken.scenePos()) + QPoint(17, -5)  # 18 px from the taken one, 32 from the free
    src = scene.nodes[bn].out_ports[0]
    drag(window, vp_point(window, src.scenePos()), drop)
    assert [e for e in net.in_edges(add) if e.dst_port == 2] == [e for e in net.out_edges(bn)]
    assert len(net.out_edges(bn)) == 1


def test_a_port_within_reach_lights_up_under_the_pointer(make_window):
    window = big_window(make_window)
    scene = window.scene
    middle = scroll_to_middle(window)
    port = scene.nodes[middle].out_ports[0]
    vp = window.view.viewport()
    near = vp_point(window, port.scenePos()) + QPoint(10, -7)  # on the node, beside the dot
    QTest.mouseMove(vp, vp_point(window, scene.nodes[middle].scenePos()))
    assert not port._hover
    QTest.mouseMove(vp, near)
    assert port._hover
    QTest.mouseMove(vp, vp_point(window, scene.nodes[middle].scenePos()))
    assert not port._hover


def test_eight_drags_in_a_row_all_land_and_the_view_never_moves(make_window):
    """The sequence a person met: eight wires from the middle of ResNet-50 to eight
    new layers beside it, released on, near or beside the port. Every one lands,
    no "Add layer…" opens, the view stays where it was."""
    window = big_window(make_window)
    scene, net, doc = window.scene, window.doc.network, window.doc
    middle = scroll_to_middle(window, zoom=0.8)
    ids = list(net.nodes)
    sources = ids[ids.index(middle) - 3:ids.index(middle) + 5]
    top = net.nodes[sources[0]].pos[1]
    targets = []
    for i in range(8):
        add = AddNodeCommand(doc, "BatchNormalization", pos=(480.0, top + 120 * i))
        doc.push(add)
        targets.append(add.result)
    QApplication.processEvents()
    before = scroll_values(window)
    misses = [(0, 0), (12, -8), (-15, 10), (20, 5), (-22, -12), (8, 18), (-5, -20), (25, 0)]
    for src, dst, (dx, dy) in zip(sources, targets, misses):
        start = vp_point(window, scene.nodes[src].out_ports[0].scenePos())
        end = vp_point(window, scene.nodes[dst].in_ports[0].scenePos()) + QPoint(dx, dy)
        seen = drag(window, start, end, watch=lambda: scroll_values(window))
        assert set(seen) == {before}
        assert [e.src for e in net.in_edges(dst)] == [src], (src, dst, dx, dy)
        assert not window.quick_add.isVisible()
    assert doc.undo_stack.count() == 16
