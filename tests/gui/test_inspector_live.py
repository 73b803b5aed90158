"""Live as you type: inspector edits apply after a short pause, one undo step per
field edit, invalid text is marked in place, Tab and Shift+Tab move between
fields (and never open the quick-add popup)."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def _select(window, qtbot, nid):
    window.scene.select_nodes([nid])
    qtbot.waitUntil(lambda: window.inspector.node_id == nid)
    qtbot.waitUntil(lambda: window.inspector.editor("filters").widget.isVisible())  # shown as a person sees it
    return window.inspector


def _focus(qtbot, widget):
    widget.window().activateWindow()
    widget.setFocus(Qt.OtherFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def test_typing_applies_after_a_pause_as_one_undo_step(window, qtbot):
    net = window.doc.network
    inspector = _select(window, qtbot, "c1")
    spin = inspector.editor("filters").widget
    original = net.nodes["c1"].params["filters"]
    steps = window.doc.undo_stack.count()
    _focus(qtbot, spin)
    QTest.keyClick(spin, Qt.Key_A, Qt.ControlModifier)
    QTest.keyClicks(spin, "1")
    assert net.nodes["c1"].params["filters"] == original  # not before the pause
    qtbot.waitUntil(lambda: net.nodes["c1"].params["filters"] == 1)
    assert spin.hasFocus() and spin.cleanText() == "1"  # the text stays as typed
    QTest.keyClicks(spin, "6")
    qtbot.waitUntil(lambda: net.nodes["c1"].params["filters"] == 16)
    assert window.doc.undo_stack.count() == steps + 1  # merged into one step
    assert window.scene.nodes["c1"].shape_text.endswith("16)")
    assert spin.hasFocus()

    QTest.keyClick(spin, Qt.Key_Z, Qt.ControlModifier)  # the document's undo, from inside the field
    assert net.nodes["c1"].params["filters"] == original
    assert spin.value() == original


def test_text_field_applies_live_and_marks_invalid_text_in_place(window, qtbot):
    net = window.doc.network
    inspector = _select(window, qtbot, "c1")
    edit = inspector.editor("kernel_size").widget
    before = net.nodes["c1"].params["kernel_size"]
    _focus(qtbot, edit)
    edit.selectAll()
    QTest.keyClicks(edit, "0")
    qtbot.waitUntil(lambda: edit.property("invalid") is True)
    assert "kernel_size must be" in edit.toolTip()
    assert edit.text() == "0"  # marked in place, not reverted
    assert net.nodes["c1"].params["kernel_size"] == before  # nothing applied
    QTest.keyClick(edit, Qt.Key_Backspace)
    QTest.keyClicks(edit, "3, 3")
    qtbot.waitUntil(lambda: net.nodes["c1"].params["kernel_size"] == [3, 3])
    assert not edit.property("invalid")
    assert edit.text() == "3, 3"


def test_live_rename_merges_and_a_taken_name_is_marked(window, qtbot):
    net = window.doc.network
    inspector = _select(window, qtbot, "c1")
    name = inspector.name_edit
    steps = window.doc.undo_stack.count()
    _focus(qtbot, name)
    name.selectAll()
    QTest.keyClicks(name, "conv")
    qtbot.waitUntil(lambda: net.nodes["c1"].name == "conv")
    QTest.keyClicks(name, "_a")
    qtbot.waitUntil(lambda: net.nodes["c1"].name == "conv_a")
    assert window.doc.undo_stack.count() == steps + 1
    name.selectAll()
    QTest.keyClicks(name, "s2")  # taken by another layer
    qtbot.waitUntil(lambda: name.property("invalid") is True)
    assert "already used" in name.toolTip() and net.nodes["c1"].name == "conv_a"


def test_tab_moves_between_fields_and_never_opens_quick_add(window, qtbot):
    inspector = _select(window, qtbot, "c1")
    filters = inspector.editor("filters").widget
    kernel = inspector.editor("kernel_size").widget
    _focus(qtbot, filters)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
    qtbot.waitUntil(kernel.hasFocus)
    assert not window.quick_add.isVisible()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_Backtab, Qt.ShiftModifier)
    qtbot.waitUntil(filters.hasFocus)
    assert not window.quick_add.isVisible()
    nodes = len(window.doc.network.nodes)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
    assert len(window.doc.network.nodes) == nodes
