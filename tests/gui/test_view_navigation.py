"""Moving around the canvas: wheel zoom about the cursor, trackpad scroll,
keyboard zoom, zoom to fit, and panning with the middle button or Space+drag."""

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from gui.canvas.view import LEGIBLE_ZOOM, MAX_ZOOM, MIN_ZOOM
from tests.gui.helpers import open_network, snapshot


def _spread(net):
    """A diagram much larger than the window in both directions."""
    net.add_node("Input", {"shape": [16]}, id="x", pos=(0, 0))
    prev = "x"
    for i, (px, py) in enumerate(((-1600, 600), (1600, 1200), (-1600, 1800), (1600, 2400))):
        nid = f"d{i}"
        net.add_node("Dense", {"units": 4}, id=nid, pos=(px, py))
        net.connect(prev, nid)
        prev = nid


@pytest.fixture
def big(window, qtbot):
    open_network(window, _spread)
    view = window.view
    window.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.wait(20)  # the new document's first view (show_start) comes on the next turn
    view.set_zoom(1.0)
    view.centerOn(QPointF(0, 1200))
    return window


def _wheel(view, pos: QPoint, dy: int, pixel: bool = False, modifiers=Qt.NoModifier):
    event = QWheelEvent(QPointF(pos), QPointF(view.viewport().mapToGlobal(pos)),
                        QPoint(0, dy) if pixel else QPoint(), QPoint(0, dy),
                        Qt.NoButton, modifiers, Qt.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), event)


def _centre(view) -> QPointF:
    return view.mapToScene(view.viewport().rect().center())


def test_wheel_zooms_about_the_point_under_the_cursor(big):
    view = big.view
    cursor = view.viewport().rect().center() + QPoint(140, -90)
    under = view.mapToScene(cursor)
    _wheel(view, cursor, 120)
    assert view.zoom() == pytest.approx(1.0015 ** 120, rel=1e-3)
    after = view.mapToScene(cursor)
    assert abs(after.x() - under.x()) < 2 and abs(after.y() - under.y()) < 2
    # the centre moved towards the cursor: the point under it stayed put
    assert (_centre(view) - under).manhattanLength() < (QPointF(0, 1200) - under).manhattanLength()
    _wheel(view, cursor, -240)
    assert view.zoom() < 1.0
    after = view.mapToScene(cursor)
    assert abs(after.x() - under.x()) < 3 and abs(after.y() - under.y()) < 3


def test_wheel_zoom_stays_within_limits(big):
    view = big.view
    cursor = view.viewport().rect().center()
    for _ in range(40):
        _wheel(view, cursor, 600)
    assert view.zoom() == pytest.approx(MAX_ZOOM)
    for _ in range(60):
        _wheel(view, cursor, -600)
    assert view.zoom() == pytest.approx(MIN_ZOOM)


def test_trackpad_scroll_pans_and_ctrl_scroll_zooms(big):
    view = big.view
    centre = _centre(view)
    _wheel(view, view.viewport().rect().center(), -60, pixel=True)
    assert view.zoom() == 1.0
    assert _centre(view).y() > centre.y()  # scrolled down the diagram
    _wheel(view, view.viewport().rect().center(), 60, pixel=True, modifiers=Qt.ControlModifier)
    assert view.zoom() > 1.0


def test_keyboard_zoom_in_out_fit_and_actual_size(big):
    view = big.view
    QTest.mouseMove(view.viewport(), QPoint(20, 20))  # the pointer in a corner: keys zoom about the middle
    QTest.keyClick(view, Qt.Key_Plus, Qt.ControlModifier)
    zoomed_in = view.zoom()
    assert zoomed_in > 1.0
    assert (_centre(view) - QPointF(0, 1200)).manhattanLength() < 2
    QTest.keyClick(view, Qt.Key_Minus, Qt.ControlModifier)
    QTest.keyClick(view, Qt.Key_Minus, Qt.ControlModifier)
    assert view.zoom() < 1.0
    QTest.keyClick(view, Qt.Key_0, Qt.ControlModifier)  # zoom to fit
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    # too big to be read whole: fitted at the legible zoom, the part in view kept
    assert view.zoom() == pytest.approx(LEGIBLE_ZOOM)
    assert visible.contains(QPointF(0, 1200))
    QTest.keyClick(view, Qt.Key_1, Qt.ControlModifier)  # actual size
    assert view.zoom() == pytest.approx(1.0)


def test_middle_button_drag_pans(big):
    view = big.view
    vp = view.viewport()
    before = _centre(view)
    a = vp.rect().center()
    b = a + QPoint(-150, -100)
    QTest.mousePress(vp, Qt.MiddleButton, Qt.NoModifier, a)
    QTest.mouseMove(vp, a + (b - a) / 2)
    QTest.mouseMove(vp, b)
    QTest.mouseRelease(vp, Qt.MiddleButton, Qt.NoModifier, b)
    moved = _centre(view) - before
    assert abs(moved.x() - 150) <= 2 and abs(moved.y() - 100) <= 2
    assert view.zoom() == 1.0


def test_space_and_drag_pans_without_selecting_or_moving(big):
    view = big.view
    vp = view.viewport()
    document = snapshot(big)
    # start the drag on a node: with Space held it pans instead of moving the node
    node = big.scene.nodes["d1"]
    view.centerOn(node)
    before = _centre(view)
    a = view.mapFromScene(node.scenePos())
    b = a + QPoint(120, 80)
    QTest.keyPress(view, Qt.Key_Space)
    QTest.mousePress(vp, Qt.LeftButton, Qt.NoModifier, a)
    QTest.mouseMove(vp, a + (b - a) / 2)
    QTest.mouseMove(vp, b)
    QTest.mouseRelease(vp, Qt.LeftButton, Qt.NoModifier, b)
    QTest.keyRelease(view, Qt.Key_Space)
    moved = _centre(view) - before
    assert abs(moved.x() + 120) <= 2 and abs(moved.y() + 80) <= 2
    assert snapshot(big) == document
    assert not big.scene.selectedItems()
    assert not big.doc.undo_stack.canUndo()
