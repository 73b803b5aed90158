"""Issue 11, item 6 in the editor: 1e999 typed into a float field of the
inspector is refused where it is typed, with the message, and the document
keeps its value (so it never saves an Infinity)."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.gui.conftest import make_window  # noqa: F401  (the editor fixture)


def test_typing_1e999_into_a_rate_is_refused_in_place(make_window, qtbot):  # noqa: F811
    window = make_window("stock-lstm")
    net = window.doc.network
    window.scene.select_nodes(["dropout"])
    qtbot.waitUntil(lambda: window.inspector.node_id == "dropout")
    edit = window.inspector.editor("rate").text_field()
    qtbot.waitUntil(edit.isVisible)
    before = net.nodes["dropout"].params["rate"]
    edit.window().activateWindow()
    edit.setFocus(Qt.OtherFocusReason)
    qtbot.waitUntil(edit.hasFocus)
    edit.selectAll()
    QTest.keyClicks(edit, "1e999")
    QTest.keyClick(edit, Qt.Key_Return)
    inspector = window.inspector
    qtbot.waitUntil(lambda: edit.property("invalid") is True or inspector.error_label.isVisible())
    shown = edit.toolTip() + inspector.error_label.text()
    assert "finite" in shown and "rate" in shown, shown
    assert net.nodes["dropout"].params["rate"] == before  # the document keeps its value
    assert "inf" not in repr(net.nodes["dropout"].params)
