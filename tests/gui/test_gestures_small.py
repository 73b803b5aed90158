"""Small things a person notices: the wheel never changes an unfocused combo or
spin box (it scrolls the panel), palette search puts exact and prefix matches
first, node subtitles read in words, toolbar buttons stay put, summary
columns fit their content."""

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QScrollArea, QSpinBox, QVBoxLayout, QWidget

from engine.network import Network
from gui import wheel_guard
from gui.node_subtitle import subtitle


def _wheel(widget, dy=-120):
    centre = widget.rect().center()
    event = QWheelEvent(QPointF(centre), QPointF(widget.mapToGlobal(centre)), QPoint(), QPoint(0, dy),
                        Qt.NoButton, Qt.NoModifier, Qt.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_an_unfocused_inspector_combo_changes_nothing(window):
    net = window.doc.network
    window.scene.select_nodes(["c1"])
    QApplication.processEvents()  # the form's widgets are shown
    combo = window.inspector.editors["padding"].widget
    assert isinstance(combo, QComboBox) and combo.focusPolicy() == Qt.StrongFocus
    before, index = net.nodes["c1"].params.get("padding"), combo.currentIndex()
    window.view.setFocus()
    for dy in (-120, -120, 120, -360):
        _wheel(combo, dy)
    assert combo.currentIndex() == index
    assert net.nodes["c1"].params.get("padding") == before
    assert not window.doc.undo_stack.canUndo()
    # clicked into, it takes the wheel as usual
    combo.setFocus()
    QApplication.processEvents()
    _wheel(combo, -120)
    assert combo.currentIndex() != index


def test_the_wheel_over_an_unfocused_box_scrolls_the_panel_instead(qtbot):
    wheel_guard.install()
    area = QScrollArea()
    body = QWidget()
    layout = QVBoxLayout(body)
    spins = []
    for i in range(40):
        spin = QSpinBox()
        spin.setValue(5)
        layout.addWidget(spin)
        spins.append(spin)
    area.setWidget(body)
    area.resize(300, 200)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    _wheel(spins[1], -120)
    assert spins[1].value() == 5
    assert bar.value() > 0


def test_scale_targets_in_the_data_panel_ignores_the_wheel(window):
    window.ensure_dashboard()
    combo = window.dashboard.data_panel.scale_target
    index = combo.currentIndex()
    window.view.setFocus()
    _wheel(combo, -120)
    _wheel(combo, 120)
    _wheel(combo, -240)
    assert combo.currentIndex() == index


@pytest.mark.parametrize("text, first", [("input", "Input"), ("Dense", "Dense"), ("conv2d", "Conv2D"),
                                         ("lstm", "LSTM"), ("drop", "Dropout"), ("batchnorm", None)])
def test_palette_search_ranks_exact_then_prefix_then_substring(window, text, first):
    window.palette.search.setText(text)
    shown = window.palette.visible_types()
    assert shown
    if first is not None:
        assert shown[0] == first
    names = [t.lower() for t in shown]
    query = text.lower()
    ranks = [0 if n == query else 1 if n.startswith(query) else 2 if query in n else 3 for n in names]
    assert ranks == sorted(ranks)
    # the quick-add popup ranks the same way
    popup = window.open_quick_add()
    popup.edit.setText(text)
    assert popup.list.item(0).data(Qt.UserRole) == shown[0]
    popup.close_popup()


def test_input_comes_first_for_input_and_enter_adds_it(window):
    window.palette.search.setText("input")
    assert window.palette.visible_types()[0] == "Input"
    assert window.palette.visible_types().count("Input") == 1
    window.palette.search.clear()
    assert "Input" in window.palette.visible_types()  # the categories are back


def test_node_subtitles_read_in_words():
    net = Network("t")
    cases = [
        ("LSTM", {"units": 64, "return_sequences": True}, "LSTM · 64 units · returns sequences"),
        ("Conv2D", {"filters": 32, "kernel_size": 3, "padding": "same"}, "Conv2D · 32 filters 3×3 · same"),
        ("Dense", {"units": 10, "activation": "softmax"}, "Dense · 10 units · softmax"),
        ("Dense", {"units": 1}, "Dense · 1 unit"),
        ("Dropout", {"rate": 0.5}, "Dropout · rate 0.5"),
        ("Conv2D", {"filters": 8, "kernel_size": 5, "strides": 2}, "Conv2D · 8 filters 5×5 · stride 2×2"),
        ("Bidirectional", {"layer": {"type": "GRU", "params": {"units": 16}}}, "Bidirectional · GRU 16"),
        ("Flatten", {}, "Flatten"),
    ]
    for type_name, params, words in cases:
        nid = net.add_node(type_name, params)
        assert subtitle(net.nodes[nid]) == words


def test_the_canvas_shows_the_subtitle(make_window):
    window = make_window("stock-lstm")
    net = window.doc.network
    lstm = next(nid for nid, n in net.nodes.items() if n.type == "LSTM")
    item = window.scene.nodes[lstm]
    assert item.type_text == "LSTM" and "units" in item.params_text
    assert "false" not in item.params_text and "true" not in item.params_text


def test_toolbar_buttons_do_not_move_as_labels_change(window):
    tb = window.main_toolbar

    def places():
        return [(tb.widgetForAction(a).x(), tb.widgetForAction(a).width()) for a in tb.actions()
                if tb.widgetForAction(a) is not None and tb.widgetForAction(a).isVisible()]

    before = places()
    window.scene.select_nodes(["f6"])
    window.view.add_layer_at("Dropout", QPointF(0, 0))
    QApplication.processEvents()
    assert "Dropout" in window.act_undo.text()  # the menu says what it undoes…
    assert window.tb_undo.text() == "Undo" and "Dropout" in window.tb_undo.toolTip()  # …the toolbar stays
    assert places() == before
    window.tb_undo.trigger()
    QApplication.processEvents()
    assert places() == before and not window.act_undo.isEnabled() and not window.tb_undo.isEnabled()


def test_summary_columns_fit_their_content(window):
    table = window.summary.table
    window.scene.select_nodes(["f6"])
    window.view.add_layer_at("Dense", QPointF(0, 0))
    nid = window.scene.selected_node_ids()[0]
    from gui.commands import RenameCommand

    window.doc.push(RenameCommand(window.doc, nid, "a_rather_long_layer_name_for_the_summary"))
    QApplication.processEvents()
    model, fm = table.model(), table.fontMetrics()
    for column in range(model.columnCount()):
        widest = max(fm.horizontalAdvance(model.data(model.index(row, column)))
                     for row in range(model.rowCount()))
        assert table.columnWidth(column) >= widest + 4  # every row, not only those in view
        assert table.columnWidth(column) >= table.sizeHintForColumn(column)
    name_width = table.columnWidth(0)
    window.act_undo.trigger()  # the long name goes: the column narrows to its content again
    QApplication.processEvents()
    assert table.columnWidth(0) < name_width
