"""Quick add inserts, never hides: in ResNet-50 scrolled to its middle, Tab adds
the chosen layer after the selected one on its outgoing connection (the layers
below move down, one undo step), Shift+Tab adds a branch beside it, a palette
layer dropped on a node or on a connection is inserted there, and no layer
ever lands on top of another."""

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from engine.layout import LAYER
from engine.network import Edge
from gui.quick_add import Attach
from tests.gui.gestures import big_window, overlapping, scroll_to_middle, scroll_values, vp_point
from tests.gui.helpers import snapshot


def _chain_node(net, middle):
    """A layer near the middle with exactly one outgoing connection into a layer
    with one input (a plain link of the chain)."""
    ids = list(net.nodes)
    for nid in ids[ids.index(middle):]:
        outs = net.out_edges(nid)
        if len(outs) == 1 and len(net.in_edges(outs[0].dst)) == 1:
            return nid
    raise AssertionError("no chain link")


def _choose(window, text):
    popup = window.quick_add
    assert popup.isVisible()
    QTest.keyClicks(popup.edit, text)
    QTest.keyClick(popup.edit, Qt.Key_Return)
    QApplication.processEvents()


def _positions(net):
    return {nid: n.pos for nid, n in net.nodes.items()}


def test_tab_inserts_after_the_selection_and_the_layers_below_make_room(make_window):
    window = big_window(make_window)
    scene, net, doc = window.scene, window.doc.network, window.doc
    src = _chain_node(net, scroll_to_middle(window))
    dst = net.out_edges(src)[0].dst
    scene.select_nodes([src])
    window.view.setFocus()
    before, positions, view = snapshot(window), _positions(net), scroll_values(window)
    assert not overlapping(scene)
    QTest.keyClick(window.view, Qt.Key_Tab)
    assert window.quick_add.connect_from == Attach(src)
    _choose(window, "dropout")
    new = scene.selected_node_ids()[0]
    assert net.nodes[new].type == "Dropout"
    assert [e.src for e in net.in_edges(new)] == [src]
    assert [e.dst for e in net.out_edges(new)] == [dst] and [e.src for e in net.in_edges(dst)] == [new]
    assert len(net.outputs) == 1  # no dangling second output
    sx, sy = positions[src]
    assert net.nodes[new].pos == (sx, sy + LAYER)
    for nid, (x, y) in positions.items():  # everything below moved down one row, the rest stayed
        assert net.nodes[nid].pos == ((x, y + LAYER) if y > sy else (x, y))
    assert not overlapping(scene)
    assert scroll_values(window) == view
    assert doc.undo_stack.count() == 1
    window.act_undo.trigger()
    assert snapshot(window) == before


def test_shift_tab_adds_a_branch_beside_without_overlap(make_window):
    window = big_window(make_window)
    scene, net = window.scene, window.doc.network
    src = _chain_node(net, scroll_to_middle(window))
    outs = net.out_edges(src)
    scene.select_nodes([src])
    window.view.setFocus()
    positions = _positions(net)
    QTest.keyClick(window.view, Qt.Key_Tab, Qt.ShiftModifier)
    assert window.quick_add.connect_from == Attach(src, branch=True)
    _choose(window, "dense")
    new = scene.selected_node_ids()[0]
    assert net.nodes[new].type == "Dense"
    assert [e.src for e in net.in_edges(new)] == [src]
    # its connections stay as they were; the branch is one more
    assert set(net.out_edges(src)) == set(outs) | {Edge(src, new, 0, 0)}
    assert all(net.nodes[n].pos == p for n, p in positions.items())  # nothing else moved
    x, y = net.nodes[new].pos
    assert x != positions[src][0] and y > positions[src][1]  # beside, below its source
    assert not overlapping(scene)


def test_repeated_quick_adds_never_overlap(make_window):
    window = big_window(make_window)
    scene, net = window.scene, window.doc.network
    src = _chain_node(net, scroll_to_middle(window))
    window.view.setFocus()
    for key, mods, text in ((Qt.Key_Tab, Qt.NoModifier, "dropout"), (Qt.Key_Tab, Qt.ShiftModifier, "dense"),
                            (Qt.Key_Tab, Qt.ShiftModifier, "flatten"), (Qt.Key_Tab, Qt.NoModifier, "relu")):
        scene.select_nodes([src])
        QTest.keyClick(window.view, key, mods)
        _choose(window, text)
        assert not overlapping(scene), text
    assert window.doc.undo_stack.count() == 4


def test_double_click_on_empty_canvas_inserts_after_the_selection(make_window):
    window = big_window(make_window)
    scene, net = window.scene, window.doc.network
    src = _chain_node(net, scroll_to_middle(window))
    dst = net.out_edges(src)[0].dst
    scene.select_nodes([src])
    empty = vp_point(window, scene.nodes[src].scenePos() + QPointF(-700, 0))
    assert window.view.itemAt(empty) is None
    QTest.mouseDClick(window.view.viewport(), Qt.LeftButton, Qt.NoModifier, empty)
    assert window.quick_add.connect_from == Attach(src)
    _choose(window, "batchnorm")
    new = scene.selected_node_ids()[0]
    assert [e.dst for e in net.out_edges(new)] == [dst]
    assert not overlapping(scene)


def _drop(window, type_name, view_pos: QPoint):
    mime_data = window.palette.tree.mimeData([window.palette.item_for(type_name)])
    vp = window.view.viewport()
    for cls in (QDragEnterEvent, QDragMoveEvent):
        QApplication.sendEvent(vp, cls(view_pos, Qt.CopyAction, mime_data, Qt.LeftButton, Qt.NoModifier))
    QApplication.sendEvent(vp, QDropEvent(QPointF(view_pos), Qt.CopyAction, mime_data, Qt.LeftButton,
                                          Qt.NoModifier))
    QApplication.processEvents()


def test_a_layer_dropped_on_a_connection_is_inserted_and_the_diagram_makes_room(make_window):
    window = big_window(make_window)
    scene, net, doc = window.scene, window.doc.network, window.doc
    src = _chain_node(net, scroll_to_middle(window))
    edge = net.out_edges(src)[0]
    before = snapshot(window)
    point = scene.edges[edge].path().pointAtPercent(0.5)
    _drop(window, "Dropout", vp_point(window, point))
    new = scene.selected_node_ids()[0]
    assert net.nodes[new].type == "Dropout"
    assert [e.src for e in net.in_edges(new)] == [src] and [e.dst for e in net.out_edges(new)] == [edge.dst]
    assert net.nodes[edge.dst].pos[1] == before_pos(before, edge.dst)[1] + LAYER
    assert not overlapping(scene)
    assert doc.undo_stack.count() == 1
    window.act_undo.trigger()
    assert snapshot(window) == before


def before_pos(document, nid):
    return next(tuple(n["pos"]) for n in document["nodes"] if n["id"] == nid)


def test_a_layer_dropped_on_a_node_is_inserted_after_it(make_window):
    window = big_window(make_window)
    scene, net = window.scene, window.doc.network
    src = _chain_node(net, scroll_to_middle(window))
    dst = net.out_edges(src)[0].dst
    _drop(window, "Dropout", vp_point(window, scene.nodes[src].scenePos() + QPointF(40, 0)))
    new = scene.selected_node_ids()[0]
    assert [e.src for e in net.in_edges(new)] == [src] and [e.dst for e in net.out_edges(new)] == [dst]
    assert not overlapping(scene)


def test_a_layer_dropped_on_empty_canvas_next_to_a_node_does_not_cover_it(make_window):
    window = big_window(make_window)
    scene, net = window.scene, window.doc.network
    middle = scroll_to_middle(window)
    # beside the node, close enough that a box there would overlap it
    spot = scene.nodes[middle].scenePos() + QPointF(-150, 30)
    assert window.view._node_at(vp_point(window, spot)) is None
    _drop(window, "Dense", vp_point(window, spot))
    new = scene.selected_node_ids()[0]
    assert not net.in_edges(new)
    assert not overlapping(scene)


def test_tab_adds_layers_only_from_the_canvas(make_window):
    window = big_window(make_window, "lenet5")
    window.scene.select_nodes(["c3"])
    QApplication.processEvents()
    window.inspector.name_edit.setFocus()
    QApplication.processEvents()
    count = len(window.doc.network.nodes)
    QTest.keyClick(window.inspector.name_edit, Qt.Key_Tab)
    QTest.keyClick(window.inspector.name_edit, Qt.Key_Tab, Qt.ShiftModifier)
    assert not window.quick_add.isVisible() and len(window.doc.network.nodes) == count
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key_Tab)
    assert window.quick_add.isVisible()
    # after a layer, only layers that take an input are offered
    offered = [window.quick_add.list.item(i).data(Qt.UserRole) for i in range(window.quick_add.list.count())]
    assert "Input" not in offered and "Dense" in offered
    window.quick_add.close_popup()


def test_paste_and_duplicate_never_cover_a_layer(make_window):
    window = big_window(make_window, "lenet5")
    scene = window.scene
    scene.select_nodes(["c1", "s2"])
    before = snapshot(window)
    assert window.copy()
    first = window.paste()
    second = window.paste()
    scene.select_nodes(["f5"])
    dup = window.duplicate()
    QApplication.processEvents()
    assert len(first) == len(second) == 2 and len(dup) == 1
    assert not overlapping(scene)
    for _ in range(3):
        window.act_undo.trigger()
    assert snapshot(window) == before


def test_a_layer_added_after_the_chosen_output_becomes_the_output(make_window):
    window = big_window(make_window, "lenet5")
    net, doc = window.doc.network, window.doc
    net.set_outputs(["output"])
    doc.undo_stack.clear()
    window.scene.select_nodes(["output"])
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key_Tab)
    _choose(window, "softmax")
    new = window.scene.selected_node_ids()[0]
    assert net.nodes[new].type == "Softmax"
    assert net.outputs == [(new, 0)]  # not a second, dangling output
    window.act_undo.trigger()
    assert net.outputs == [("output", 0)] and new not in net.nodes
