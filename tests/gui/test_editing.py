"""Editing: inspector, undo/redo of every kind of change, clipboard, quick fixes,
quick-add."""

import pytest

from gui.commands import (
    AddNodeCommand, AutoLayoutCommand, ConnectCommand, DeleteCommand, DisconnectCommand,
    GroupCommand, MoveCommand, RenameCommand, SetParamCommand, SetTrainableCommand,
)
from tests.gui.helpers import open_network, snapshot


def test_edit_a_param_and_see_shapes_update(window):
    window.scene.select_nodes(["c1"])
    inspector = window.inspector
    assert inspector.node_id == "c1"
    inspector.editor("filters").widget.setValue(8)  # the spin box commits at once
    report = window.doc.report()
    assert report.shape("c1") == (None, 28, 28, 8)
    assert report.shape("s2") == (None, 14, 14, 8)
    assert window.scene.nodes["c1"].shape_text == "(None, 28, 28, 8)"
    assert window.scene.nodes["s2"].shape_text == "(None, 14, 14, 8)"
    edge = next(e for e in window.scene.edges if e.src == "c1")
    assert window.scene.edges[edge].label == "28×28×8"
    row = window.summary.row_of("c1")
    assert window.summary.model.index(row, 2).data() == "(None, 28, 28, 8)"
    assert window.summary.model.index(row, 3).data() == "608"
    assert "608" in inspector.stats.text() or "608" in window.scene.nodes["c1"].count_text


def test_invalid_param_is_refused_with_the_engine_message(window):
    window.scene.select_nodes(["c1"])
    inspector = window.inspector
    before = snapshot(window)
    edit = inspector.editor("kernel_size").widget
    edit.setText("0")
    edit.setModified(True)
    edit.editingFinished.emit()
    assert inspector.error_label.isVisible() or not inspector.error_label.isHidden()
    assert "kernel_size must be" in inspector.error_label.text()
    assert snapshot(window) == before
    assert edit.text() == "5, 5"  # the old value comes back
    assert not window.doc.undo_stack.canUndo()


def test_tuple_editor_accepts_5x5_and_lists(window):
    window.scene.select_nodes(["c1"])
    edit = window.inspector.editor("kernel_size").widget
    edit.setText("3x3")
    edit.setModified(True)
    edit.editingFinished.emit()
    assert window.doc.report().shape("c1") == (None, 30, 30, 6)


def test_rename_in_inspector(window):
    window.scene.select_nodes(["c1"])
    name = window.inspector.name_edit
    name.setText("conv_a")
    name.editingFinished.emit()
    assert window.doc.network.nodes["c1"].name == "conv_a"
    assert window.scene.nodes["c1"].title == "conv_a"
    name.setText("s2")  # taken
    name.editingFinished.emit()
    assert "already used" in window.inspector.error_label.text()
    assert window.doc.network.nodes["c1"].name == "conv_a"


def _kinds(doc):
    """One command of every kind, each made against the state left by the previous."""
    yield lambda: AddNodeCommand(doc, "Dropout", {"rate": 0.3}, pos=(400, 0))
    yield lambda: ConnectCommand(doc, "f5", "dropout")
    yield lambda: DisconnectCommand(doc, next(e for e in doc.network.edges if e.dst == "dropout"))
    yield lambda: MoveCommand(doc, {"c1": (500.0, 40.0), "s2": (500.0, 160.0)})
    yield lambda: SetParamCommand(doc, "f5", "units", 99)
    yield lambda: SetParamCommand(doc, "f5", "use_bias", False)
    yield lambda: SetParamCommand(doc, "c1", "activation", reset=True)
    yield lambda: RenameCommand(doc, "f6", "hidden")
    yield lambda: SetTrainableCommand(doc, "f6", False)
    yield lambda: GroupCommand(doc, ["c1", "s2"], "stage1/conv")
    yield lambda: DeleteCommand(doc, ["s4"])
    yield lambda: AutoLayoutCommand(doc)


def test_undo_and_redo_each_kind_of_change(window):
    doc = window.doc
    states = [snapshot(window)]
    for make in _kinds(doc):
        doc.push(make())
        states.append(snapshot(window))
        assert states[-1] != states[-2], make
    # undo everything, one step at a time, back to the start
    for expected in reversed(states[:-1]):
        window.act_undo.trigger()
        assert snapshot(window) == expected
    for expected in states[1:]:
        window.act_redo.trigger()
        assert snapshot(window) == expected
    # the canvas follows: the deleted node is gone again, the renamed one shows its name
    assert "s4" not in window.scene.nodes
    assert window.scene.nodes["f6"].title == "hidden"
    assert set(window.scene.nodes) == set(doc.network.nodes)
    assert len(window.scene.edges) == len(doc.network.edges)


def test_consecutive_edits_of_one_param_merge(window):
    doc = window.doc
    doc.push(SetParamCommand(doc, "f5", "units", 10))
    doc.push(SetParamCommand(doc, "f5", "units", 11))
    assert doc.undo_stack.count() == 1
    window.act_undo.trigger()
    assert doc.network.nodes["f5"].params["units"] == 120


def test_delete_undo_restores_edges_and_order(window):
    before = snapshot(window)
    window.scene.select_nodes(["s2"])
    window.act_delete.trigger()
    assert "s2" not in window.doc.network.nodes
    assert not window.doc.report().valid
    window.act_undo.trigger()
    assert snapshot(window) == before
    assert window.doc.report().valid


def test_copy_paste_and_duplicate(window, make_window):
    net = window.doc.network
    window.scene.select_nodes(["c1", "s2"])
    assert window.copy()
    new = window.paste()
    assert len(new) == 2
    assert all(n not in ("c1", "s2") for n in new)
    types = sorted(net.nodes[n].type for n in new)
    assert types == ["Conv2D", "MaxPooling2D"]
    # the edge between them came along, and their params too
    assert any(e.src in new and e.dst in new for e in net.edges)
    conv = next(n for n in new if net.nodes[n].type == "Conv2D")
    assert net.nodes[conv].params == net.nodes["c1"].params
    assert window.scene.selected_node_ids() == sorted(new, key=list(net.nodes).index)
    window.act_undo.trigger()
    assert all(n not in net.nodes for n in new)
    # duplicate does not touch the clipboard
    window.scene.select_nodes(["f5"])
    dup = window.duplicate()
    assert len(dup) == 1 and net.nodes[dup[0]].params["units"] == 120
    # paste into another document
    other = make_window("iris-dense")
    pasted = other.paste()
    assert sorted(other.doc.network.nodes[n].type for n in pasted) == ["Conv2D", "MaxPooling2D"]


def test_cut_removes_and_paste_brings_back(window):
    window.scene.select_nodes(["f6"])
    window.act_cut.trigger()
    assert "f6" not in window.doc.network.nodes
    new = window.paste()
    assert window.doc.network.nodes[new[0]].name == "f6"


def _dense_after_conv(net):
    net.add_node("Input", {"shape": [8, 8, 3]}, id="x", pos=(0, 0))
    net.add_node("Conv2D", {"filters": 4, "kernel_size": 3}, id="c", pos=(0, 120))
    net.add_node("LSTM", {"units": 4}, id="l", pos=(0, 240))
    net.connect("x", "c")
    net.connect("c", "l")


def test_apply_a_quick_fix_from_the_problems_panel(window):
    net = open_network(window, _dense_after_conv)
    before = snapshot(window)
    problems = window.problems
    rows = [i for i, d in enumerate(problems.diagnostics()) if d.node == "l"]
    assert rows
    fixes = problems.fixes_for_row(rows[0])
    titles = [f.title for f in fixes]
    assert any("Reshape" in t for t in titles), titles
    fix = next(f for f in fixes if "Reshape" in f.title)
    assert window.apply_fix(fix)
    assert window.doc.report().valid
    reshape = next(n for n in net.nodes.values() if n.type == "Reshape")
    assert [e.dst for e in net.out_edges(reshape.id)] == ["l"]
    assert reshape.id in window.scene.nodes
    window.act_undo.trigger()
    assert snapshot(window) == before
    window.act_redo.trigger()
    assert window.doc.report().valid


def test_quick_fix_inserts_flatten_before_dense(window):
    def build(net):
        net.add_node("Input", {"shape": [8, 8, 3]}, id="x", pos=(0, 0))
        net.add_node("Dense", {"units": 4}, id="d", pos=(0, 120))
        net.add_node("Dense", {"units": 2}, id="out", pos=(0, 240))
        net.connect("x", "d")
        net.connect("d", "out")
    open_network(window, build)
    diag = next(d for d in window.problems.diagnostics() if d.node == "d")
    fixes = window.problems.fixes_for_row(window.problems.diagnostics().index(diag))
    assert fixes[0].title == "Insert Flatten before d"
    window.apply_fix(fixes[0])
    assert window.doc.report().shape("d") == (None, 4)
    assert not [d for d in window.doc.report().diagnostics if d.node == "d"]


def test_quick_add_places_and_connects_to_the_selection(window):
    net = window.doc.network
    window.scene.select_nodes(["f6"])
    popup = window.open_quick_add()
    popup.edit.setText("dropout")
    assert popup.list.currentItem().data(256) == "Dropout"
    popup.accept_current()
    new = window.scene.selected_node_ids()[0]
    assert net.nodes[new].type == "Dropout"
    assert [e.src for e in net.in_edges(new)] == ["f6"]


def test_refused_edit_leaves_no_undo_step(window):
    doc = window.doc
    with pytest.raises(Exception):
        doc.push(ConnectCommand(doc, "output", "image"))
    assert not doc.undo_stack.canUndo()
