"""The inspector's nested form for a wrapper's inner layer (Bidirectional,
TimeDistributed): inner editors built from the inner type's declaration, one
undo step per accepted change, refusals shown next to the inner field."""

import pytest
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLineEdit, QSpinBox

from gui.param_editors import LayerEditor
from tests.gui.helpers import open_network, snapshot


@pytest.fixture
def empty_window(make_window):
    return make_window(preset=None)


def _bidirectional(inner_params=None):
    def build(net):
        net.add_node("Input", {"shape": [10, 8]}, id="inp")
        net.add_node("Bidirectional", {"layer": {"type": "LSTM",
                                                 "params": inner_params or {"units": 16}}}, id="bi")
        net.add_node("Dense", {"units": 4}, id="out")
        net.connect("inp", "bi")
        net.connect("bi", "out")
    return build


def _time_distributed(input_shape, inner):
    def build(net):
        net.add_node("Input", {"shape": list(input_shape)}, id="inp")
        net.add_node("TimeDistributed", {"layer": inner}, id="td")
        net.connect("inp", "td")
    return build


def _select(window, node_id) -> LayerEditor:
    window.scene.select_nodes([node_id])
    assert window.inspector.node_id == node_id
    editor = window.inspector.editor("layer").widget
    assert isinstance(editor, LayerEditor)
    return editor


def _choose_type(editor: LayerEditor, type_name: str) -> None:
    combo = editor.type_combo
    index = combo.findText(type_name)
    assert index >= 0, f"{type_name} is not offered: {editor.types()}"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def _shown(window, widget) -> bool:
    """Whether ``widget`` shows in the window, once the queued shows of newly
    built widgets have run."""
    QApplication.processEvents()
    return widget.isVisibleTo(window) and window.isVisible()


def _type_text(edit: QLineEdit, text: str) -> None:
    edit.setText(text)
    edit.setModified(True)
    edit.editingFinished.emit()


def test_bidirectional_offers_only_recurrent_types_and_shows_inner_editors(empty_window):
    open_network(empty_window, _bidirectional())
    editor = _select(empty_window, "bi")
    assert editor.types() == ["SimpleRNN", "LSTM", "GRU"]
    assert editor.type_combo.currentText() == "LSTM"
    form = editor.form
    assert form.spec.type == "LSTM"
    units = form.editor("units").widget
    assert isinstance(units, QSpinBox) and units.value() == 16 and units.minimum() == 1
    assert isinstance(form.editor("activation").widget, QComboBox)
    assert form.editor("activation").widget.currentText() == "tanh"
    assert isinstance(form.editor("go_backwards").widget, QCheckBox)
    assert form.advanced_host.isAncestorOf(form.editor("unit_forget_bias").widget)
    # the outer editors are there too, built by the same form
    assert isinstance(empty_window.inspector.editor("merge_mode").widget, QComboBox)


def test_inner_units_edit_is_one_undo_step_and_updates_the_shape(empty_window):
    window = empty_window
    open_network(window, _bidirectional())
    doc = window.doc
    before = snapshot(window)
    editor = _select(window, "bi")
    units = editor.form.editor("units").widget
    units.setValue(24)
    assert doc.report().shape("bi") == (None, 48)
    assert doc.network.nodes["bi"].params["layer"] == {"type": "LSTM", "params": {"units": 24}}
    assert window.scene.nodes["bi"].shape_text == "(None, 48)"
    assert "(None, 48)" in window.inspector.stats.text()
    units.setValue(25)  # a second step of the same spin box merges with the first
    assert doc.report().shape("bi") == (None, 50)
    assert doc.undo_stack.count() == 1
    window.act_undo.trigger()
    assert snapshot(window) == before
    assert doc.report().shape("bi") == (None, 32)
    assert editor.form.editor("units").widget.value() == 16  # the form follows the undo
    window.act_redo.trigger()
    assert doc.report().shape("bi") == (None, 50)


def test_edits_of_different_inner_fields_are_separate_undo_steps(empty_window):
    window = empty_window
    open_network(window, _bidirectional())
    doc = window.doc
    editor = _select(window, "bi")
    editor.form.editor("units").widget.setValue(20)
    editor.form.editor("return_sequences").widget.setChecked(True)
    assert doc.report().shape("bi") == (None, 10, 40)
    assert doc.undo_stack.count() == 2
    window.act_undo.trigger()
    assert doc.report().shape("bi") == (None, 40)
    assert not editor.form.editor("return_sequences").widget.isChecked()


def test_switching_the_inner_type_keeps_params_that_apply(empty_window):
    window = empty_window
    open_network(window, _bidirectional({"units": 16, "dropout": 0.25, "unit_forget_bias": False}))
    doc = window.doc
    editor = _select(window, "bi")
    _choose_type(editor, "GRU")
    layer = doc.network.nodes["bi"].params["layer"]
    assert layer == {"type": "GRU", "params": {"units": 16, "dropout": 0.25}}
    report = doc.report()
    assert report.shape("bi") == (None, 32)
    assert report.by_node["bi"].trainable_params == 2496  # 2 · (3·16·(8+16) + 2·3·16)
    assert editor.form.spec.type == "GRU"
    assert "reset_after" in editor.form.editors and "unit_forget_bias" not in editor.form.editors
    assert editor.form.editor("units").widget.value() == 16
    assert editor.form.editor("dropout").widget.text() == "0.25"
    assert doc.undo_stack.count() == 1
    window.act_undo.trigger()
    assert doc.network.nodes["bi"].params["layer"]["type"] == "LSTM"
    assert editor.form.spec.type == "LSTM"
    assert editor.type_combo.currentText() == "LSTM"
    assert not editor.form.editor("unit_forget_bias").widget.isChecked()


def test_go_backwards_on_the_inner_layer_is_refused_with_its_reason(empty_window):
    window = empty_window
    open_network(window, _bidirectional())
    before = snapshot(window)
    refusals = []
    window.inspector.refused.connect(refusals.append)
    editor = _select(window, "bi")
    box = editor.form.editor("go_backwards").widget
    box.setChecked(True)  # the check box commits at once
    assert snapshot(window) == before
    assert not window.doc.undo_stack.canUndo()
    assert not box.isChecked()  # the old value comes back
    label = editor.form.refusals["go_backwards"]
    assert _shown(window, label)
    assert "go_backwards" in label.text() and "Bidirectional" in label.text()
    assert refusals and "go_backwards" in refusals[-1]
    assert not _shown(window, window.inspector.error_label)
    # the next accepted change clears the refusal
    editor.form.editor("units").widget.setValue(12)
    assert not _shown(window, label)
    assert window.doc.report().shape("bi") == (None, 24)


def test_an_invalid_inner_value_is_refused_next_to_its_field(empty_window):
    window = empty_window
    open_network(window, _bidirectional())
    before = snapshot(window)
    editor = _select(window, "bi")
    dropout = editor.form.editor("dropout").widget
    _type_text(dropout, "1.5")
    assert snapshot(window) == before
    assert dropout.text() == "0.0"
    label = editor.form.refusals["dropout"]
    assert _shown(window, label) and "dropout must be" in label.text()


def test_reset_of_an_inner_param_removes_it(empty_window):
    window = empty_window
    open_network(window, _bidirectional({"units": 16, "dropout": 0.25}))
    editor = _select(window, "bi")
    assert not editor.form.reset_buttons["units"].isEnabled()  # required
    reset = editor.form.reset_buttons["dropout"]
    assert reset.isEnabled()
    reset.click()
    assert window.doc.network.nodes["bi"].params["layer"] == {"type": "LSTM", "params": {"units": 16}}
    assert editor.form.editor("dropout").widget.text() == "0.0"
    window.act_undo.trigger()
    assert window.doc.network.nodes["bi"].params["layer"]["params"]["dropout"] == 0.25


def test_outer_param_of_a_wrapper_still_edits(empty_window):
    window = empty_window
    open_network(window, _bidirectional())
    _select(window, "bi")
    combo = window.inspector.editor("merge_mode").widget
    index = combo.findData("sum")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert window.doc.report().shape("bi") == (None, 16)
    # an ordinary layer next to it keeps its plain editors
    window.scene.select_nodes(["out"])
    window.inspector.editor("units").widget.setValue(7)
    assert window.doc.report().shape("out") == (None, 7)


def test_backward_layer_that_reads_the_same_way_is_refused(empty_window):
    window = empty_window
    open_network(window, _bidirectional())
    before = snapshot(window)
    _select(window, "bi")
    backward = window.inspector.editor("backward_layer").widget
    assert backward.type_combo.currentText() == "(none)" and backward.form is None
    _choose_type(backward, "LSTM")
    assert snapshot(window) == before
    assert backward.type_combo.currentText() == "(none)"
    assert _shown(window, backward.refusal) and "go_backwards" in backward.refusal.text()
    # the JSON fallback takes a complete backward layer
    backward.json_button.setChecked(True)
    _type_text(backward.json_edit, '{"type": "GRU", "params": {"units": 16, "go_backwards": true}}')
    assert window.doc.network.nodes["bi"].params["backward_layer"]["type"] == "GRU"
    assert backward.form.spec.type == "GRU" and backward.form.editor("go_backwards").widget.isChecked()
    assert not _shown(window, backward.refusal)


def test_time_distributed_dense(empty_window):
    window = empty_window
    open_network(window, _time_distributed((10, 64), {"type": "Dense", "params": {"units": 32}}))
    editor = _select(window, "td")
    offered = editor.types()
    assert {"Dense", "Conv2D", "LSTM", "Dropout", "MaxPooling2D"} <= set(offered)
    assert not {"Input", "Add", "Concatenate", "Bidirectional", "TimeDistributed",
                "MultiHeadAttention"} & set(offered)
    assert window.doc.report().by_node["td"].trainable_params == 64 * 32 + 32
    editor.form.editor("units").widget.setValue(8)
    assert window.doc.report().shape("td") == (None, 10, 8)
    assert window.doc.report().by_node["td"].trainable_params == 64 * 8 + 8
    activation = editor.form.editor("activation").widget
    index = activation.findText("relu")
    activation.setCurrentIndex(index)
    activation.activated.emit(index)
    assert window.doc.network.nodes["td"].params["layer"]["params"] == {"units": 8, "activation": "relu"}
    assert window.doc.undo_stack.count() == 2


def test_time_distributed_conv2d(empty_window):
    window = empty_window
    open_network(window, _time_distributed(
        (10, 32, 32, 3), {"type": "Conv2D", "params": {"filters": 8, "kernel_size": 3}}))
    editor = _select(window, "td")
    assert window.doc.report().shape("td") == (None, 10, 30, 30, 8)
    _type_text(editor.form.editor("kernel_size").widget, "5x5")
    assert window.doc.report().shape("td") == (None, 10, 28, 28, 8)
    padding = editor.form.editor("padding").widget
    index = padding.findData("same")
    padding.setCurrentIndex(index)
    padding.activated.emit(index)
    assert window.doc.report().shape("td") == (None, 10, 32, 32, 8)
    before = snapshot(window)
    _type_text(editor.form.editor("kernel_size").widget, "0")
    assert snapshot(window) == before
    assert "kernel_size must be" in editor.form.refusals["kernel_size"].text()
    assert editor.form.editor("kernel_size").widget.text() == "5, 5"


def test_time_distributed_switch_from_dense_to_conv2d(empty_window):
    window = empty_window
    open_network(window, _time_distributed(
        (10, 32, 32, 3), {"type": "Dense", "params": {"units": 16, "activation": "relu"}}))
    editor = _select(window, "td")
    assert window.doc.report().shape("td") == (None, 10, 32, 32, 16)
    _choose_type(editor, "Conv2D")
    layer = window.doc.network.nodes["td"].params["layer"]
    assert layer["type"] == "Conv2D"
    assert layer["params"]["activation"] == "relu" and "units" not in layer["params"]
    filters = layer["params"]["filters"]
    assert window.doc.report().shape("td") == (None, 10, 30, 30, filters)
    assert editor.form.editor("filters").widget.value() == filters
    window.act_undo.trigger()
    assert editor.form.spec.type == "Dense"
    assert window.doc.report().shape("td") == (None, 10, 32, 32, 16)
