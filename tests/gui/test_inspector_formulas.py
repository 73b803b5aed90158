"""Every number explained in the inspector: clicking a Conv2D of LeNet-5 shows how
its output shape, parameter count and MACs are computed with its own numbers,
as selectable text that follows every edit (typed, undone) of the layer."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest


def _click_node(window, qtbot, nid):
    item = window.scene.nodes[nid]
    point = item.sceneBoundingRect().center()
    window.view.centerOn(point)
    QTest.mouseClick(window.view.viewport(), Qt.LeftButton, Qt.NoModifier, window.view.mapFromScene(point))
    qtbot.waitUntil(lambda: window.inspector.node_id == nid)
    return window.inspector


def test_conv2d_formulas_show_and_follow_edits(window, qtbot):
    inspector = _click_node(window, qtbot, "c1")
    label = inspector.formulas
    qtbot.waitUntil(label.isVisible)
    text = label.text()
    assert "⌊(32 − 5)/1⌋ + 1 = 28" in text
    assert "(5·5·3 + 1)·6 = 456" in text
    assert "28·28·6·5·5·3 = 352,800" in text
    assert label.textInteractionFlags() & Qt.TextSelectableByMouse

    spin = inspector.editor("filters").widget
    spin.window().activateWindow()
    spin.setFocus(Qt.OtherFocusReason)
    qtbot.waitUntil(spin.hasFocus)
    QTest.keyClick(spin, Qt.Key_A, Qt.ControlModifier)
    QTest.keyClicks(spin, "8")
    qtbot.waitUntil(lambda: "(5·5·3 + 1)·8 = 608" in label.text())
    assert "28·28·8·5·5·3 = 470,400" in label.text()
    assert "channels = filters = 8" in label.text()

    QTest.keyClick(spin, Qt.Key_Z, Qt.ControlModifier)  # undo brings the old numbers back
    qtbot.waitUntil(lambda: "(5·5·3 + 1)·6 = 456" in label.text())

    kernel = inspector.editor("kernel_size").widget  # a kernel larger than the image: no numbers to explain
    kernel.setFocus(Qt.OtherFocusReason)
    qtbot.waitUntil(kernel.hasFocus)
    kernel.selectAll()
    QTest.keyClicks(kernel, "40, 40")
    qtbot.waitUntil(lambda: window.doc.network.nodes["c1"].params["kernel_size"] == [40, 40])
    qtbot.waitUntil(lambda: not label.isVisible())
    kernel.selectAll()
    QTest.keyClicks(kernel, "3, 3")
    qtbot.waitUntil(lambda: "⌊(32 − 3)/1⌋ + 1 = 30" in label.text() and label.isVisible())
    assert "(3·3·3 + 1)·6 = 168" in label.text()


def test_layer_without_weights_says_so_and_selection_cleared_hides_it(window, qtbot):
    inspector = _click_node(window, qtbot, "s2")
    qtbot.waitUntil(inspector.formulas.isVisible)
    text = inspector.formulas.text()
    assert "Params: 0 (no weights)" in text
    assert "⌊(28 − 2)/2⌋ + 1 = 14" in text
    vp = window.view.viewport()
    empty = next(QPoint(x, y) for y in range(10, vp.height(), 20) for x in range(10, vp.width(), 20)
                 if window.view.itemAt(QPoint(x, y)) is None)
    QTest.mouseClick(window.view.viewport(), Qt.LeftButton, Qt.NoModifier, empty)
    qtbot.waitUntil(lambda: inspector.node_id is None)
    assert not inspector.formulas.isVisible()
