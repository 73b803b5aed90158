"""Issue 11, item 6: whatever NeuroCanvas writes, it can read back.

Non-finite numbers are written as {"float": "inf"} / {"float": "-inf"} /
{"float": "nan"} (standard JSON); load also accepts the bare Infinity / NaN
tokens older versions wrote. A user-typed 1e999 where Keras needs a finite
number is refused at input with a message.
"""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine import Network
from neurocanvas_cli import main
from engine.errors import NeuroCanvasError, ParamError
from engine.fileformat import FORMAT, dumps


def _strict(text):
    """Parse as standard JSON: a bare Infinity/NaN token fails."""
    def refuse(name):
        raise ValueError(f"non-standard JSON token {name}")
    return json.loads(text, parse_constant=refuse)


def test_imported_model_with_infinities_saves_validates_and_reloads(tmp_path, capsys):
    import keras
    from keras import layers

    from engine.keras_import import from_keras

    inp = keras.Input((4,), name="x")
    clipped = keras.ops.clip(layers.Dense(4, name="a")(inp), -math.inf, 6.0)
    out = layers.Discretization(bin_boundaries=[-math.inf, 0.0, 1.0, math.inf], name="disc")(clipped)
    net = from_keras(keras.Model(inp, out))
    path = tmp_path / "clip.json"
    net.save(path)
    text = path.read_text(encoding="utf-8")
    data = _strict(text)  # standard JSON that any tool reads
    flat = json.dumps(data)
    assert '{"float": "-inf"}' in flat and '{"float": "inf"}' in flat
    again = Network.load(path)
    assert again.analyze().valid
    clip = next(n for n in again.nodes.values() if n.type == "KerasOp")
    assert clip.params["config"]["x_min"] == -math.inf
    disc = again.nodes["disc"]
    assert disc.params["config"]["bin_boundaries"] == [-math.inf, 0.0, 1.0, math.inf]
    assert dumps(again) == text.rstrip("\n")  # a second save writes the same bytes
    assert main(["validate", str(path)]) == 0
    rebuilt = again.to_keras()
    assert rebuilt.get_layer("disc").get_config()["bin_boundaries"] == [-math.inf, 0.0, 1.0, math.inf]


def test_files_with_bare_infinity_tokens_still_open(tmp_path):
    doc = {"format": FORMAT, "name": "old", "nodes": [
        {"id": "x", "type": "Input", "params": {"shape": [4]}},
        {"id": "op", "type": "KerasOp", "params": {
            "class_name": "Add", "module": "keras.src.ops.numpy", "registered_name": "Add",
            "config": {"name": "op"}, "call_style": "template", "call_args": [{"__input__": 0}, math.inf],
            "input_shapes": [[None, 4]], "output_shapes": [[None, 4]]}}],
        "edges": [{"from": "x", "to": "op"}]}
    legacy = json.dumps(doc)  # Python's json writes Infinity
    assert "Infinity" in legacy
    net = Network.loads(legacy)
    assert net.nodes["op"].params["call_args"][1] == math.inf
    assert "Infinity" not in dumps(net) and {"float": "inf"} in _strict(dumps(net))["nodes"][1]["params"]["call_args"]


def test_typed_1e999_is_refused_at_input_with_a_message():
    from gui.param_editors import parse_text

    net = Network("n")
    net.add_node("Input", {"shape": [4]}, id="x")
    net.add_node("Dropout", {"rate": 0.5}, id="drop")
    net.add_node("Dense", {"units": 2}, id="d")
    value = parse_text("float", "1e999")  # what the inspector hands the engine
    with pytest.raises(ParamError, match="finite"):
        net.set_param("drop", "rate", value)
    assert net.nodes["drop"].params["rate"] == 0.5  # untouched
    for param, bad in (("kernel_initializer", {"constant": value}),
                       ("kernel_initializer", {"random_normal": {"stddev": value}}),
                       ("kernel_constraint", {"max_norm": {"max_value": value}}),
                       ("kernel_constraint", {"max_norm": value})):
        with pytest.raises(ParamError, match="finite") as info:
            net.set_param("d", param, bad)
        assert param in info.value.message
    with pytest.raises(ParamError):
        net.set_param("d", "units", value)


finite_or_not = st.floats(allow_nan=True, allow_infinity=True)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | finite_or_not | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=12)


def _same(a, b):
    if isinstance(a, float) and math.isnan(a):
        return isinstance(b, float) and math.isnan(b)
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(map(_same, a, b))
    return type(a) is type(b) and a == b


@settings(max_examples=150, deadline=None)
@given(json_values)
def test_any_value_a_document_holds_round_trips(value):
    net = Network("n")
    net.add_node("Input", {"shape": [4]}, id="x")
    net.add_node("KerasOp", {"class_name": "Add", "config": {"name": "op", "payload": value},
                             "call_style": "template", "call_args": [{"__input__": 0}, value],
                             "input_shapes": [[None, 4]], "output_shapes": [[None, 4]]}, id="op")
    text = dumps(net)
    _strict(text)
    back = Network.loads(text).nodes["op"].params
    assert _same(back["config"]["payload"], value)
    assert _same(back["call_args"][1], value)


def test_too_deep_and_invalid_text_are_refused_naming_where():
    deep = ('{"format": "neurocanvas/1", "name": "d", "nodes": [], "training": '
            + '{"a": ' * 980 + "{}" + "}" * 980 + "}")
    with pytest.raises(NeuroCanvasError, match="nests more than"):
        Network.loads(deep)
    bad = {"format": FORMAT, "name": "x\ud800", "nodes": []}
    with pytest.raises(NeuroCanvasError, match="lone surrogate"):
        Network.loads(json.dumps(bad))
    node = {"format": FORMAT, "name": "n", "nodes": [
        {"id": "x", "type": "Input", "params": {"shape": [4], "dtype": "\udc80"}}]}
    with pytest.raises(NeuroCanvasError, match="node 'x', field 'params.dtype'"):
        Network.loads(json.dumps(node))
