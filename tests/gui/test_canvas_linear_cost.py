"""The canvas's cost grows linearly with the document: opening it (layout and
every item), the first paint, a param edit with its refresh, collapsing every
group and hovering a port, counted in Python calls between a network and one
four times its size (×4 is linear, ×16 quadratic), never timed."""

from PySide6.QtCore import QPoint
from PySide6.QtGui import QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from gui.commands import SetParamCommand
from gui.document import Document
from tests.cost_counting import calls, residual_network

LINEAR = 4.6  # ×4 the size: at most ×4.6 the calls (n log n fits; linear gives ×3-4)
BLOCKS = 30  # 123 layers, and 483 at four times the blocks


def _stage_counts(window, blocks: int) -> dict[str, int]:
    app = QApplication.instance()
    view, scene = window.view, window.scene
    net = residual_network(blocks)  # no positions: opening lays it out
    counts = {"open": calls(lambda: (window.set_document(Document(net)), app.processEvents()))}
    assert len(scene.nodes) == len(net.nodes) and len(scene.edges) == len(net.edges)
    assert len(scene.frames) == len(net.groups())
    view.zoom_to_fit()
    image = QImage(view.viewport().size(), QImage.Format_ARGB32_Premultiplied)

    def paint():
        painter = QPainter(image)
        view.render(painter)
        painter.end()
    counts["first paint"] = calls(paint)
    doc = window.doc
    conv = [nid for nid, node in net.nodes.items() if node.type == "Conv2D"][blocks // 2]
    counts["param edit"] = calls(lambda: (doc.push(SetParamCommand(doc, conv, "kernel_size", 5)),
                                          app.processEvents()))
    assert doc.report().by_node[conv].output_shapes is not None
    view.set_zoom(1.0)
    item = scene.nodes[conv]
    view.centerOn(item)
    app.processEvents()
    port = item.in_port(0)

    def hover():
        QTest.mouseMove(view.viewport(), QPoint(1, 1))
        QTest.mouseMove(view.viewport(), view.mapFromScene(port.scenePos()))
        app.processEvents()
    counts["hover"] = calls(hover)
    assert port._hover
    counts["collapse all"] = calls(lambda: (scene.collapse_all(), app.processEvents()))
    assert len(scene.collapsed_items) == len({g for g in net.groups() if "/" not in g})
    counts["expand all"] = calls(lambda: (scene.expand_all(), app.processEvents()))
    assert not scene.collapsed_items and all(i.isVisible() for i in scene.nodes.values())
    return counts


def test_the_canvas_cost_grows_linearly(make_window):
    window = make_window(preset=None)
    small = _stage_counts(window, BLOCKS)
    large = _stage_counts(window, 4 * BLOCKS)
    growth = {stage: large[stage] / small[stage] for stage in small}
    assert all(g < LINEAR for g in growth.values()), growth
