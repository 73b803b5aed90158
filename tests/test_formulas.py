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

from catalog_cases import CASES

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
