"""Every number explained: each layer's params formula is plain arithmetic whose
value is the layer's parameter count (every preset, and every catalog type in a
small network of its own); the MACs formula agrees with the MAC count; the
evaluator accepts integer arithmetic only."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from engine.catalog import all_specs, get_spec
from engine.errors import NeuroCanvasError, RuleContext
from engine.formulas import NO_WEIGHTS, FormulaError, evaluate, explain, explain_info, report_with_formulas
from engine.network import Network
from presets import all_presets, build_preset

ROOT = Path(__file__).resolve().parents[1]

_OPS = {ast.Add: int.__add__, ast.Sub: int.__sub__, ast.Mult: int.__mul__, ast.FloorDiv: int.__floordiv__}


def arithmetic(text: str) -> int:
    """The test's own evaluator: ast nodes restricted to ints and + - * //."""
    tree = ast.parse(text.replace("·", "*").replace("×", "*"), mode="eval")

    def value(node):
        if isinstance(node, ast.Constant) and type(node.value) is int:
            return node.value
        if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
            return _OPS[type(node.op)](value(node.left), value(node.right))
        raise AssertionError(f"not plain arithmetic: {ast.dump(node)} in {text!r}")

    return value(tree.body)


# ------------------------------------------------------------ evaluator ---

def test_evaluator_reads_integer_arithmetic():
    assert evaluate("(5·5·3 + 1)·6") == 456
    assert evaluate("4·((64 + 32)·32 + 32)") == 12_416
    assert evaluate("(16//4) × 3 - 2") == 10


@pytest.mark.parametrize("bad", [
    "__import__('os').system('true')", "2 ** 10", "1.5 * 2", "x + 1", "len('ab')", "", "1 / 2",
    "[1, 2]", "(lambda: 1)()", "3 // 0", "True + 1",
])
def test_evaluator_refuses_anything_else(bad):
    with pytest.raises(FormulaError):
        evaluate(bad)


# -------------------------------------------------------------- presets ---

def _check_layers(net, report, where):
    checked = 0
    for info in report.layers:
        exp = explain_info(net, info)
        assert exp is not None, f"{where}: {info.name} has no explanation"
        assert arithmetic(exp.params.arithmetic) == info.params, (where, info.name, exp.params)
        assert arithmetic(exp.macs.arithmetic) == info.macs, (where, info.name, exp.macs)
        assert exp.shape, (where, info.name)
        assert not exp.rejected, f"{where}: {info.name}'s own formula disagrees: {exp.rejected}"
        if info.params > 0 and info.type not in ("KerasLayer", "KerasOp", "SharedCall"):
            assert exp.derived_params, f"{where}: {info.type} has weights but no formula of its own"
        checked += 1
    return checked


@pytest.mark.parametrize("preset_id", [p.id for p in all_presets()])
def test_every_preset_layer_has_a_params_formula_equal_to_its_count(preset_id):
    net = build_preset(preset_id)
    report = net.analyze()
    assert report.valid
    assert _check_layers(net, report, preset_id) == len(report.layers)
    rows = report_with_formulas(net, report)["layers"]  # what summary --json prints
    for row in rows:
        assert arithmetic(row["params_formula"]) == row["params"], (preset_id, row["name"])
        assert arithmetic(row["macs_formula"]) == row["macs"], (preset_id, row["name"])
        assert row["shape_formula"] and row["params_rule"]


# ------------------------------------------------ one network per type ---

LSTM = {"type": "LSTM", "params": {"units": 8}}
GRU_BEFORE = {"type": "GRU", "params": {"units": 5, "reset_after": False}}

# type: list of (params, input shapes without batch axis)
CASES = {
    "Dense": [({"units": 7}, [(12,)]), ({"units": 3, "use_bias": False}, [(4, 6)])],
    "Flatten": [({}, [(5, 5, 16)])],
    "Activation": [({"activation": "relu"}, [(8,)])],
    "Dropout": [({"rate": 0.3}, [(8,)])],
    "Reshape": [({"target_shape": [4, 3]}, [(12,)])],
    "Permute": [({"dims": [2, 1]}, [(4, 3)])],
    "RepeatVector": [({"n": 3}, [(6,)])],
    "Embedding": [({"input_dim": 1000, "output_dim": 16}, [(20,)])],
    "Masking": [({}, [(5, 3)])],
    "Identity": [({}, [(5,)])],
    "Conv1D": [({"filters": 8, "kernel_size": 5}, [(20, 1)]),
               ({"filters": 8, "kernel_size": 3, "padding": "causal", "dilation_rate": 2}, [(20, 4)])],
    "Conv2D": [({"filters": 6, "kernel_size": 5}, [(32, 32, 3)]),
               ({"filters": 8, "kernel_size": 3, "groups": 4, "strides": 2, "padding": "same"}, [(15, 15, 16)]),
               ({"filters": 4, "kernel_size": 3, "use_bias": False, "dilation_rate": 2}, [(9, 9, 2)])],
    "Conv3D": [({"filters": 8, "kernel_size": 3}, [(16, 64, 64, 3)])],
    "Conv1DTranspose": [({"filters": 5, "kernel_size": 3, "strides": 2}, [(8, 4)])],
    "Conv2DTranspose": [({"filters": 8, "kernel_size": 3, "strides": 2, "padding": "same"}, [(3, 3, 16)]),
                        ({"filters": 2, "kernel_size": 3, "strides": 2, "output_padding": 1}, [(4, 4, 3)])],
    "Conv3DTranspose": [({"filters": 5, "kernel_size": 3, "strides": 2, "padding": "same"}, [(4, 8, 8, 2)])],
    "SeparableConv1D": [({"filters": 16, "kernel_size": 3}, [(20, 8)])],
    "SeparableConv2D": [({"filters": 64, "kernel_size": 3, "padding": "same"}, [(32, 32, 32)]),
                        ({"filters": 4, "kernel_size": 3, "depth_multiplier": 2, "use_bias": False}, [(8, 8, 3)])],
    "DepthwiseConv1D": [({"kernel_size": 3}, [(20, 8)])],
    "DepthwiseConv2D": [({"kernel_size": 3, "padding": "same"}, [(56, 56, 32)]),
                        ({"kernel_size": 3, "depth_multiplier": 2}, [(10, 10, 3)])],
    "MaxPooling1D": [({}, [(20, 8)])], "MaxPooling2D": [({}, [(28, 28, 6)])],
    "MaxPooling3D": [({}, [(16, 32, 32, 8)])],
    "AveragePooling1D": [({"pool_size": 2}, [(20, 8)])],
    "AveragePooling2D": [({"pool_size": 3, "strides": 2}, [(55, 55, 4)])],
    "AveragePooling3D": [({"pool_size": 2}, [(4, 8, 8, 2)])],
    "GlobalMaxPooling1D": [({}, [(100, 64)])], "GlobalMaxPooling2D": [({}, [(7, 7, 512)])],
    "GlobalMaxPooling3D": [({}, [(4, 8, 8, 32)])], "GlobalAveragePooling1D": [({}, [(100, 64)])],
    "GlobalAveragePooling2D": [({"keepdims": True}, [(7, 7, 512)])],
    "GlobalAveragePooling3D": [({}, [(4, 8, 8, 32)])],
    "BatchNormalization": [({}, [(28, 28, 64)]), ({"center": False}, [(10,)]),
                           ({"renorm": True}, [(6,)])],
    "LayerNormalization": [({}, [(10, 16)]), ({"axis": [1, 2]}, [(4, 5)])],
    "GroupNormalization": [({"groups": 4}, [(8, 8, 16)])],
    "Normalization": [({}, [(8,)]), ({"mean": 0.5, "variance": 2.0}, [(8,)])],
    "SpatialDropout1D": [({"rate": 0.2}, [(10, 4)])], "SpatialDropout2D": [({"rate": 0.2}, [(8, 8, 4)])],
    "SpatialDropout3D": [({"rate": 0.2}, [(4, 8, 8, 4)])],
    "GaussianNoise": [({"stddev": 0.1}, [(8,)])], "GaussianDropout": [({"rate": 0.1}, [(8,)])],
    "AlphaDropout": [({"rate": 0.1}, [(8,)])], "ActivityRegularization": [({}, [(8,)])],
    "ReLU": [({}, [(8,)])], "LeakyReLU": [({}, [(8,)])], "ELU": [({}, [(8,)])],
    "PReLU": [({}, [(6, 6, 3)]), ({"shared_axes": [1, 2]}, [(6, 6, 3)])],
    "Softmax": [({}, [(10,)])],
    "SimpleRNN": [({"units": 64}, [(20, 100)]), ({"units": 3, "use_bias": False}, [(5, 2)])],
    "LSTM": [({"units": 32}, [(64, 32)]), ({"units": 4, "return_sequences": True}, [(None, 3)])],
    "GRU": [({"units": 16}, [(10, 8)]), ({"units": 5, "reset_after": False}, [(7, 3)])],
    "Bidirectional": [({"layer": LSTM}, [(10, 4)]),
                      ({"layer": LSTM, "backward_layer": {"type": "LSTM", "params": {
                          "units": 8, "go_backwards": True}}, "merge_mode": "sum"}, [(10, 4)])],
    "TimeDistributed": [({"layer": {"type": "Dense", "params": {"units": 6}}}, [(5, 4)]),
                        ({"layer": {"type": "Conv2D", "params": {"filters": 2, "kernel_size": 3}}},
                         [(3, 8, 8, 1)])],
    "Attention": [({}, [(5, 8), (6, 8)]), ({"use_scale": True, "score_mode": "concat"}, [(5, 8), (6, 8)])],
    "AdditiveAttention": [({}, [(5, 8), (6, 8)])],
    "MultiHeadAttention": [({"num_heads": 4, "key_dim": 16}, [(10, 64), (12, 64)]),
                           ({"num_heads": 2, "key_dim": 8, "value_dim": 4, "use_bias": False,
                             "output_shape": [6]}, [(10, 32), (12, 24)])],
    "Add": [({}, [(8,), (8,)])], "Multiply": [({}, [(8,), (8,)])], "Average": [({}, [(8,), (8,)])],
    "Maximum": [({}, [(8,), (8,)])], "Minimum": [({}, [(8,), (8,)])], "Subtract": [({}, [(8,), (8,)])],
    "Concatenate": [({}, [(5, 3), (5, 4)])],
    "Dot": [({"axes": 1}, [(8,), (8,)]), ({"axes": [2, 2]}, [(5, 4), (6, 4)]),
            ({"axes": 2}, [(None, 4), (6, 4)])],
    "UpSampling1D": [({}, [(5, 3)])], "UpSampling2D": [({}, [(4, 4, 3)])],
    "UpSampling3D": [({}, [(2, 4, 4, 3)])],
    "ZeroPadding1D": [({}, [(5, 3)])], "ZeroPadding2D": [({}, [(4, 4, 3)])],
    "ZeroPadding3D": [({}, [(2, 4, 4, 3)])],
    "Cropping1D": [({}, [(5, 3)])], "Cropping2D": [({}, [(4, 4, 3)])], "Cropping3D": [({}, [(4, 6, 6, 3)])],
    "Rescaling": [({"scale": 0.5}, [(8, 8, 3)])],
    "Resizing": [({"height": 4, "width": 6}, [(8, 8, 3)])],
    "CenterCrop": [({"height": 4, "width": 4}, [(8, 8, 3)])],
    "RandomFlip": [({}, [(8, 8, 3)])], "RandomRotation": [({"factor": 0.1}, [(8, 8, 3)])],
    "RandomZoom": [({"height_factor": 0.1}, [(8, 8, 3)])],
    "RandomTranslation": [({"height_factor": 0.1, "width_factor": 0.1}, [(8, 8, 3)])],
    "RandomContrast": [({"factor": 0.1}, [(8, 8, 3)])],
}


def test_every_palette_type_has_a_case():
    missing = {s.type for s in all_specs() if s.palette and s.type != "Input"} - set(CASES)
    assert not missing


def _single_layer_network(type_name, params, shapes):
    net = Network(name=f"one-{type_name}")
    sources = [net.add_node("Input", {"shape": list(shape)}, id=f"in{i}") for i, shape in enumerate(shapes)]
    layer = net.add_node(type_name, params, id="layer")
    for port, src in enumerate(sources):
        net.connect(src, layer, 0, port)
    return net


@pytest.mark.parametrize("type_name,params,shapes", [
    (t, p, s) for t, cases in CASES.items() for p, s in cases])
def test_every_catalog_type_explains_its_numbers(type_name, params, shapes):
    net = _single_layer_network(type_name, params, shapes)
    report = net.analyze()
    assert report.valid, [str(d) for d in report.diagnostics]
    _check_layers(net, report, type_name)
    info = report.by_node["layer"]
    exp = explain_info(net, info)
    if info.params == 0:
        assert exp.params.rule.startswith("0")


def test_imported_nodes_explain_their_numbers():
    net = Network(name="imported")
    net.add_node("Input", {"shape": [6]}, id="a")
    net.add_node("Input", {"shape": [6]}, id="b")
    net.add_node("Dense", {"units": 4}, id="dense")
    net.add_node("SharedCall", {"shares": "dense", "layer": {"type": "Dense", "params": {"units": 4}}},
                 id="again")
    net.add_node("KerasLayer", {"class_name": "MyLayer", "config": {}, "input_shapes": [[None, 4]],
                                "output_shapes": [[None, 3]], "trainable_params": 15,
                                "non_trainable_params": 0}, id="mine")
    net.connect("a", "dense")
    net.connect("b", "again")
    net.connect("dense", "mine")
    report = net.analyze()
    assert report.valid, [str(d) for d in report.diagnostics]
    _check_layers(net, report, "imported")
    shared = explain_info(net, report.by_node["again"])
    assert shared.params.rule.startswith("0 (the weights are dense's") and shared.macs.arithmetic == "6·4"
    mine = explain_info(net, report.by_node["mine"])
    assert mine.params.value == 15 and "MyLayer" in mine.params.rule


# ----------------------------------------------------- worked examples ---

def _explained(type_name, params, shapes):
    net = _single_layer_network(type_name, params, shapes)
    report = net.analyze()
    info = next(i for i in report.layers if i.node == "layer")
    return explain_info(net, info)


def test_conv2d_worked_example_from_the_issue():
    exp = _explained("Conv2D", {"filters": 6, "kernel_size": 5}, [(32, 32, 3)])
    assert exp.params.arithmetic == "(5·5·3 + 1)·6" and exp.params.value == 456
    assert "⌊(32 − 5)/1⌋ + 1 = 28" in exp.shape
    assert exp.macs.arithmetic == "28·28·6·5·5·3" and exp.macs.value == 352_800


def test_recurrent_formulas_name_the_gates():
    assert _explained("LSTM", {"units": 32}, [(64, 32)]).params.arithmetic == "4·((32 + 32)·32 + 32)"
    gru = _explained("GRU", {"units": 16}, [(10, 8)]).params
    assert gru.arithmetic == "3·(8·16 + 16·16 + 2·16)" and "reset_after" in gru.rule
    assert _explained("GRU", {"units": 16, "reset_after": False}, [(10, 8)]).params.arithmetic == \
        "3·(8·16 + 16·16 + 16)"


def test_batch_normalization_shows_its_non_trainable_half():
    exp = _explained("BatchNormalization", {}, [(28, 28, 64)])
    assert exp.params.arithmetic == "2·64 + 2·64"
    assert "non-trainable" in exp.params.rule and "moving mean" in exp.params.rule


def test_layers_without_weights_say_so():
    exp = _explained("MaxPooling2D", {}, [(28, 28, 6)])
    assert exp.params.rule == NO_WEIGHTS
    assert "⌊(28 − 2)/2⌋ + 1 = 14" in exp.shape
    assert _explained("ReLU", {}, [(8,)]).shape.startswith("same shape as the input")


# ------------------------------------------------------------------- CLI ---

def test_summary_json_carries_the_formulas():
    out = subprocess.run([sys.executable, "-m", "neurocanvas_cli", "summary", "lenet5", "--json"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    conv = next(layer for layer in data["layers"] if layer["type"] == "Conv2D")
    assert conv["params_formula"] == "(5·5·3 + 1)·6"
    assert "28" in conv["shape_formula"]
    for layer in data["layers"]:
        assert arithmetic(layer["params_formula"]) == layer["params"]


# ------------------------------------------------- any parameters at all ---

small = st.integers(1, 9)


@st.composite
def weighted_layers(draw):
    """A weighted layer type, its params and an input shape it takes (or refuses)."""
    kind = draw(st.sampled_from(["Dense", "Conv1D", "Conv2D", "Conv2DTranspose", "SeparableConv2D",
                                 "DepthwiseConv2D", "SimpleRNN", "LSTM", "GRU", "BatchNormalization",
                                 "LayerNormalization", "Embedding", "MultiHeadAttention", "PReLU"]))
    bias = draw(st.booleans())
    if kind == "Dense":
        return kind, {"units": draw(small), "use_bias": bias}, [(draw(small),)]
    if kind in ("Conv1D", "Conv2D", "Conv2DTranspose", "SeparableConv2D", "DepthwiseConv2D"):
        rank = 1 if kind == "Conv1D" else 2
        params = {"kernel_size": draw(st.integers(1, 4)), "use_bias": bias,
                  "strides": draw(st.integers(1, 3)), "padding": draw(st.sampled_from(["valid", "same"]))}
        if kind != "DepthwiseConv2D":
            params["filters"] = draw(small)
        if kind in ("SeparableConv2D", "DepthwiseConv2D"):
            params["depth_multiplier"] = draw(st.integers(1, 3))
        return kind, params, [tuple(draw(st.integers(4, 12)) for _ in range(rank)) + (draw(small),)]
    if kind in ("SimpleRNN", "LSTM", "GRU"):
        params = {"units": draw(small), "use_bias": bias}
        if kind == "GRU":
            params["reset_after"] = draw(st.booleans())
        return kind, params, [(draw(st.one_of(st.none(), small)), draw(small))]
    if kind in ("BatchNormalization", "LayerNormalization"):
        params = {"center": draw(st.booleans()), "scale": draw(st.booleans())}
        if kind == "BatchNormalization":
            params["renorm"] = draw(st.booleans())
        return kind, params, [(draw(small), draw(small))]
    if kind == "Embedding":
        return kind, {"input_dim": draw(st.integers(1, 500)), "output_dim": draw(small)}, [(draw(small),)]
    if kind == "PReLU":
        shared = draw(st.sampled_from([None, [1], [1, 2]]))
        return kind, {"shared_axes": shared}, [(draw(small), draw(small), 3)]
    params = {"num_heads": draw(st.integers(1, 4)), "key_dim": draw(small), "use_bias": bias,
              "value_dim": draw(st.one_of(st.none(), small))}
    return kind, params, [(draw(small), draw(small)), (draw(small), draw(small))]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(weighted_layers())
def test_formulas_equal_the_counts_for_any_parameters(case):
    type_name, params, shapes = case
    spec = get_spec(type_name)
    ins = [(None, *s) for s in shapes]
    try:
        p = spec.resolve(params)
        out = spec.shape(p, ins, RuleContext())
    except NeuroCanvasError:
        return  # refused with a message; nothing to explain
    outs = [tuple(s) for s in out] if isinstance(out, list) else [tuple(out)]
    trainable, non_trainable = spec.weights(p, ins)
    macs = spec.macs(p, ins, outs)
    exp = explain(spec, p, ins, outs, trainable, non_trainable, macs)
    assert not exp.rejected, exp.rejected
    assert exp.derived_params or trainable + non_trainable == 0
    assert arithmetic(exp.params.arithmetic) == trainable + non_trainable
    assert arithmetic(exp.macs.arithmetic) == macs
