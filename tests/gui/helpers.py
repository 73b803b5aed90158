"""Small helpers shared by the GUI tests."""

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from engine.network import Network
from gui.document import Document


def open_network(window, build) -> Network:
    """Open a fresh network made by ``build(net)`` in ``window``."""
    net = Network("test")
    build(net)
    window.set_document(Document(net))
    window.view.zoom_to_fit()
    return net


def view_point(window, scene_pos: QPointF):
    return window.view.mapFromScene(scene_pos)


def drag_port_to_port(qtbot, window, src_port_item, dst_port_item):
    """Press on one port, move over the other and release, as a user would."""
    vp = window.view.viewport()
    a = view_point(window, src_port_item.scenePos())
    b = view_point(window, dst_port_item.scenePos())
    QTest.mousePress(vp, Qt.LeftButton, Qt.NoModifier, a)
    QTest.mouseMove(vp, (a + b) / 2)
    QTest.mouseMove(vp, b)
    QTest.mouseRelease(vp, Qt.LeftButton, Qt.NoModifier, b)


def snapshot(window) -> dict:
    return window.doc.network.to_dict()
