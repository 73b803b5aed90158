"""Collapsing a group closes the diagram up around its box; expanding makes room
for its nodes again. Collapse is a view setting: the document, the file and the
undo history keep the expanded positions."""

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from engine.layout import LAYER
from gui.canvas.group_item import CollapsedGroupItem
from gui.canvas.node_item import NodeItem
from gui.commands import GroupCommand
from tests.gui.helpers import snapshot

BLOCK = "stage2/block1"  # a residual unit with a projection shortcut beside it


def _shown(scene):
    return {nid: (item.pos().x(), item.pos().y()) for nid, item in scene.nodes.items()}


def _overlaps(scene):
    """Pairs of visible boxes (nodes, collapsed groups) that overlap on the canvas."""
    items = [i for i in list(scene.nodes.values()) + list(scene.collapsed_items.values())
             if i.isVisible()]
    rects = [(i, i.sceneBoundingRect()) for i in items]
    return [(a, b) for n, (a, ra) in enumerate(rects) for b, rb in rects[n + 1:] if ra.intersects(rb)]


def _name(item):
    return item.node_id if isinstance(item, NodeItem) else item.path


def _click_header(window, path):
    frame = window.scene.frames[path]
    point = frame.header_rect().topLeft() + QPointF(24, frame.header_rect().height() / 2)
    window.view.centerOn(point)
    QTest.mouseClick(window.view.viewport(), Qt.LeftButton, Qt.NoModifier, window.view.mapFromScene(point))


def test_collapse_closes_up_and_expand_makes_room(make_window):
    window = make_window("resnet18-cifar")
    scene, net = window.scene, window.doc.network
    document = snapshot(window)
    before = _shown(scene)
    members = set(net.groups()[BLOCK])
    rows = [before[m][1] for m in members]
    top, bottom = min(rows), max(rows)
    freed = bottom - top
    assert freed >= 4 * LAYER
    below = [n for n in scene.nodes if n not in members and before[n][1] > bottom]
    above = [n for n in scene.nodes if before[n][1] < top]
    assert below and above
    height = scene.items_rect().height()

    _click_header(window, BLOCK)  # the real gesture: a click on the group's header

    assert BLOCK in scene.collapsed
    box = scene.collapsed_items[BLOCK]
    after = _shown(scene)
    for nid in below:  # everything after the block moved up by the room it freed
        assert abs((before[nid][1] - after[nid][1]) - freed) < 1, nid
        assert after[nid][0] == before[nid][0], nid
    for nid in above:
        assert after[nid] == before[nid], nid
    # the box stands where the block began, on the straight main path
    feeder = next(e.src for e in net.edges if e.dst in members and e.src not in members)
    assert box.pos().x() == after[feeder][0] == 0.0
    assert box.pos().y() == top
    assert abs(scene.items_rect().height() - (height - freed)) < 1
    assert not _overlaps(scene), [(_name(a), _name(b)) for a, b in _overlaps(scene)]
    # edges follow: the one leaving the block starts at the box
    out_edge = next(e for e in net.edges if e.src in members and e.dst not in members)
    assert scene.edges[out_edge].path().pointAtPercent(0.0) == box.anchor(False)
    # a view setting: the document and the undo history are untouched
    assert snapshot(window) == document
    assert not window.doc.undo_stack.canUndo() and not window.doc.modified

    window.view.centerOn(box)
    # a double-click as the system sends it: press, release, then the double-click
    point = window.view.mapFromScene(box.scenePos() + QPointF(40, 10))
    QTest.mouseClick(window.view.viewport(), Qt.LeftButton, Qt.NoModifier, point,
                     QApplication.doubleClickInterval() + 100)
    QTest.mouseDClick(window.view.viewport(), Qt.LeftButton, Qt.NoModifier, point)

    assert BLOCK not in scene.collapsed and not scene.collapsed_items
    assert _shown(scene) == before  # the old layout comes back
    assert all(scene.nodes[m].isVisible() for m in members)
    assert not _overlaps(scene)
    assert snapshot(window) == document


def test_edits_while_collapsed_undo_and_redo(make_window):
    window = make_window("resnet18-cifar")
    scene, net = window.scene, window.doc.network
    before = _shown(scene)
    scene.collapse(BLOCK)
    collapsed = _shown(scene)
    nid = "stage3_block1_conv1"
    item = scene.nodes[nid]
    assert collapsed[nid][1] < before[nid][1]
    doc_pos = net.nodes[nid].pos
    # drag a node that moved up: the document gets the same move, not the compact place
    window.view.centerOn(item)
    vp = window.view.viewport()
    start = window.view.mapFromScene(item.scenePos() + QPointF(-60, 0))
    end = start - QPoint(int(round(100 * window.view.zoom())), 0)
    QTest.mousePress(vp, Qt.LeftButton, Qt.NoModifier, start)
    QTest.mouseMove(vp, start + (end - start) / 2)
    QTest.mouseMove(vp, end)
    QTest.mouseRelease(vp, Qt.LeftButton, Qt.NoModifier, end)
    assert window.doc.undo_stack.count() == 1
    moved = net.nodes[nid].pos
    dx = moved[0] - doc_pos[0]
    assert -120 <= dx <= -80 and moved[1] == doc_pos[1]
    assert (item.pos().x(), item.pos().y()) == (collapsed[nid][0] + dx, collapsed[nid][1])
    window.act_undo.trigger()
    assert net.nodes[nid].pos == doc_pos
    assert _shown(scene) == collapsed
    window.act_redo.trigger()
    assert (item.pos().x(), item.pos().y()) == (collapsed[nid][0] + dx, collapsed[nid][1])
    # a node deleted while collapsed comes back where it was shown
    other = "stage3_block1_bn1"
    scene.select_nodes([other])
    window.act_delete.trigger()
    assert other not in scene.nodes
    window.act_undo.trigger()
    assert (scene.nodes[other].pos().x(), scene.nodes[other].pos().y()) == collapsed[other]
    # expanding keeps the move and gives everything else its room back
    scene.expand(BLOCK)
    assert (item.pos().x(), item.pos().y()) == moved
    shown = _shown(scene)
    assert all(shown[n] == before[n] for n in shown if n != nid)
    assert not _overlaps(scene)
    window.act_undo.trigger()
    assert _shown(scene) == before


def test_ungrouping_a_collapsed_group_gives_its_room_back(window):
    scene, net = window.scene, window.doc.network  # LeNet-5
    before = _shown(scene)
    window.doc.push(GroupCommand(window.doc, ["c1", "s2", "c3"], "features"))
    scene.collapse("features")
    assert _shown(scene)["f5"][1] < before["f5"][1]
    window.act_undo.trigger()  # the group is gone: the nodes come back where they were
    scene.update_groups()
    assert not scene.collapsed and not scene.collapsed_items
    assert _shown(scene) == before
    assert not _overlaps(scene)


def test_collapse_all_on_resnet50(make_window):
    window = make_window("resnet50")
    scene = window.scene
    before = _shown(scene)
    height = scene.items_rect().height()
    window.act_collapse_all.trigger()
    boxes = scene.collapsed_items
    assert set(boxes) == {p for p in window.doc.network.groups() if "/" not in p}
    assert scene.items_rect().height() < height / 10
    xs = {i.pos().x() for i in list(boxes.values()) + list(scene.nodes.values()) if i.isVisible()}
    assert xs == {0.0}  # one straight column
    assert not _overlaps(scene)
    assert all(isinstance(i, CollapsedGroupItem) for i in boxes.values())
    window.act_expand_all.trigger()
    assert _shown(scene) == before and not _overlaps(scene)


def test_a_layer_added_below_a_moved_up_node_lands_below_it(make_window):
    window = make_window("resnet18-cifar")
    scene, net = window.scene, window.doc.network
    scene.collapse(BLOCK)
    nid = "stage3_block1_conv1"
    shown = scene.nodes[nid].pos()
    assert shown.y() < net.nodes[nid].pos[1]
    scene.select_nodes([nid])
    window.palette.layer_activated.emit("Dropout")
    new = scene.selected_node_ids()[0]
    assert net.nodes[new].type == "Dropout"
    assert [e.src for e in net.in_edges(new)] == [nid]
    item = scene.nodes[new]
    assert (item.pos().x(), item.pos().y()) == (shown.x(), shown.y() + LAYER)
