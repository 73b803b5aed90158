import pytest

from engine import Network
from engine.errors import EditError, ParamError


def small():
    net = Network("small")
    x = net.add_node("Input", {"shape": [8]}, id="x")
    d = net.add_node("Dense", {"units": 4}, id="d")
    net.connect(x, d)
    return net


def test_ids_follow_keras_naming():
    net = Network()
    assert net.add_node("Dense", {"units": 1}) == "dense"
    assert net.add_node("Dense", {"units": 1}) == "dense_1"
    assert net.add_node("Input", {"shape": [3]}) == "input"


def test_edit_operations_emit_changes_naming_what_changed():
    net = small()
    seen = []
    net.subscribe(seen.append)
    net.set_param("d", "units", 7)
    net.rename("d", "head")
    net.move("d", (10, 20))
    net.set_group(["d"], "stage1/block1")
    net.disconnect("x", "d")
    kinds = [(c.kind, c.nodes) for c in seen]
    assert kinds == [("params_changed", ("d",)), ("renamed", ("d",)), ("moved", ("d",)),
                     ("grouped", ("d",)), ("edge_removed", ("x", "d"))]
    assert net.nodes["d"].pos == (10.0, 20.0)
    assert net.groups() == {"stage1": ["d"], "stage1/block1": ["d"]}


@pytest.mark.parametrize("edit", [
    lambda n: n.set_param("d", "units", 0),
    lambda n: n.set_param("d", "units", "many"),
    lambda n: n.set_param("d", "activation", "sparkle"),
    lambda n: n.set_param("d", "bogus", 1),
    lambda n: n.rename("d", "x"),
    lambda n: n.rename("d", "a/b"),
    lambda n: n.connect("d", "x"),
    lambda n: n.connect("x", "d"),
    lambda n: n.connect("x", "nope"),
    lambda n: n.add_node("Conv9D", {}),
    lambda n: n.add_node("Dense", {}),
    lambda n: n.set_group(["d"], "a//b"),
])
def test_refused_edits_leave_the_document_untouched(edit):
    net = small()
    before = net.to_dict()
    with pytest.raises((EditError, ParamError)) as info:
        edit(net)
    assert info.value.message
    assert net.to_dict() == before


def test_refused_param_names_the_param():
    net = small()
    with pytest.raises(ParamError) as info:
        net.set_param("d", "units", -3)
    assert info.value.param == "units" and "units" in info.value.message


def test_cycle_refused_on_connect():
    net = small()
    e = net.add_node("Dense", {"units": 4}, id="e")
    net.connect("d", e)
    net.disconnect("x", "d")
    with pytest.raises(EditError, match="cycle"):
        net.connect("e", "d", dst_port=0)


def test_remove_and_restore_node_is_exact():
    net = small()
    net.add_node("Dense", {"units": 2}, id="e")
    net.connect("d", "e")
    net.set_outputs(["e", "d"])
    before = net.to_dict()
    record = net.remove_node("d")
    assert "d" not in net.nodes and net.outputs == [("e", 0)]
    net.restore_node(record)
    assert net.to_dict() == before


def test_reset_param_returns_to_keras_default():
    net = small()
    net.set_param("d", "use_bias", False)
    assert net.analyze().total_params == 32
    net.reset_param("d", "use_bias")
    assert net.analyze().total_params == 36
    assert "use_bias" not in net.nodes["d"].params


def test_default_outputs_are_nodes_without_consumers_in_file_order():
    net = small()
    net.add_node("Dense", {"units": 2}, id="aux")
    net.connect("x", "aux")
    assert net.outputs == [("d", 0), ("aux", 0)]


def test_frozen_node_counts_as_non_trainable():
    net = small()
    net.set_trainable("d", False)
    r = net.analyze()
    assert (r.trainable_params, r.non_trainable_params) == (0, 36)
    model = net.to_keras()
    assert sum(int(w.numpy().size) for w in model.non_trainable_weights) == 36
