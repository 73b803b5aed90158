"""Quick fixes: every diagnostic code the analysis can report either has a fix
that removes it without adding an error, or a declared reason why none exists;
no fix ever leaves the network worse; trying fixes leaves the document as it was."""

from __future__ import annotations

import ast
import copy
import json
from pathlib import Path

import pytest

from engine import Network
from engine.data.compat import check_compatible
from engine.edit_journal import trial
from engine.quickfix import NO_FIX, connection_fixes, fixes_by_diagnostic, fixes_for, offers_fixes

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "engine" / "analysis.py", ROOT / "engine" / "shapes.py",
           *sorted((ROOT / "engine" / "catalog").glob("*.py"))]


def _codes_in_sources() -> set[str]:
    """Every diagnostic code written in the shape rules and the analysis: code=...
    keywords, the code argument of Diagnostic(...) and _fail(...), the codes the
    wiring check returns, and 'param' for every ParamError."""
    codes = set()
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                for kw in node.keywords:
                    if kw.arg == "code" and isinstance(kw.value, ast.Constant) and kw.value.value:
                        codes.add(kw.value.value)
                position = {"Diagnostic": 4, "_fail": 3}.get(name)
                if position is not None and len(node.args) > position:
                    arg = node.args[position]
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                        codes.add(arg.value)
                if name == "ParamError":
                    codes.add("param")
            if isinstance(node, ast.Return) and isinstance(node.value, ast.Tuple) \
                    and len(node.value.elts) == 3:
                last = node.value.elts[-1]
                if isinstance(last, ast.Constant) and isinstance(last.value, str) and last.value.isidentifier():
                    codes.add(last.value)
    return codes


# ------------------------------------------------------------- triggers --
# one small network per fixable code; each returns the network and the id of the
# node that should carry the diagnostic (None: graph-level)

def _chain(*layers, shape=(8, 8, 3), batch_size=None):
    net = Network("t")
    params = {"shape": list(shape)}
    if batch_size:
        params["batch_size"] = batch_size
    prev = net.add_node("Input", params, id="x", pos=(0, 0))
    ids = []
    for i, (type_name, p) in enumerate(layers):
        nid = net.add_node(type_name, p, pos=(0, 120 * (i + 1)))
        net.connect(prev, nid)
        prev = nid
        ids.append(nid)
    return net, ids


def t_rank():
    net, ids = _chain(("Conv2D", {"filters": 4, "kernel_size": 3}), ("LSTM", {"units": 4}))
    return net, ids[1]


def t_dense_nd():
    net, ids = _chain(("Dense", {"units": 4}))
    return net, ids[0]


def t_unknown_dim():
    net, ids = _chain(("Flatten", {}), ("Dense", {"units": 4}), shape=(None, 6))
    return net, ids[1]


def t_size():
    net, ids = _chain(("Conv2D", {"filters": 4, "kernel_size": 5}), ("Conv2D", {"filters": 4, "kernel_size": 5}),
                      shape=(8, 8, 1))
    return net, ids[1]


def t_merge():
    net = Network("t")
    net.add_node("Input", {"shape": [16, 16, 3]}, id="x", pos=(0, 0))
    net.add_node("Conv2D", {"filters": 8, "kernel_size": 3, "padding": "same"}, id="c", pos=(0, 120))
    net.add_node("Add", {}, id="add", pos=(0, 240))
    net.connect("x", "c")
    net.connect("x", "add", 0, 0)
    net.connect("c", "add", 0, 1)
    return net, "add"


def t_outputs():
    net, ids = _chain(("Dense", {"units": 8}), ("Dense", {"units": 2}), shape=(4,))
    net.add_node("Dropout", {"rate": 0.5}, id="dropout", pos=(200, 240))
    net.connect(ids[0], "dropout")
    return net, "dropout"


def t_name():
    net, ids = _chain(("Dense", {"units": 3}), ("Dense", {"units": 2}), shape=(4,))
    net.nodes[ids[1]].name = net.nodes[ids[0]].name  # as a hand-edited file could hold
    net.invalidate_analysis()
    return net, ids[1]


def t_dangling_input():
    net, ids = _chain(("Dense", {"units": 2}), shape=(4,))
    net.add_node("Input", {"shape": [3]}, id="spare", pos=(300, 0))
    return net, "spare"


def t_no_output():
    net, ids = _chain(("Dense", {"units": 2}), shape=(4,))
    net.set_outputs([])
    return net, None


def t_reshape():
    net, ids = _chain(("Reshape", {"target_shape": [10, 12]}), shape=(6, 6, 3))
    return net, ids[0]


def t_reshape_unknown():
    net, ids = _chain(("Reshape", {"target_shape": [4, 6]}), shape=(None, 6))
    return net, ids[0]


def t_unconnected():
    """LeNet's Flatten deleted: f5 is left without input below s4."""
    from presets import build_preset

    net = build_preset("lenet5")
    net.remove_node("flatten")
    return net, "f5"


def t_axis():
    net = Network("t")
    net.add_node("Input", {"shape": [4, 3]}, id="x", pos=(0, 0))
    net.add_node("Input", {"shape": [4, 5]}, id="y", pos=(200, 0))
    net.add_node("Concatenate", {"axis": 3}, id="cat", pos=(100, 120))
    net.connect("x", "cat", 0, 0)
    net.connect("y", "cat", 0, 1)
    return net, "cat"


def t_groups():
    net, ids = _chain(("Conv2D", {"filters": 6, "kernel_size": 3, "groups": 2}), shape=(8, 8, 3))
    return net, ids[0]


def t_noise_shape():
    net, ids = _chain(("Dropout", {"rate": 0.5, "noise_shape": [None, 5]}), shape=(4,))
    return net, ids[0]


def t_stateful():
    net, ids = _chain(("LSTM", {"units": 4, "stateful": True}), shape=(5, 3))
    return net, ids[0]


def t_unroll():
    net, ids = _chain(("LSTM", {"units": 4, "unroll": True}), shape=(None, 3))
    return net, ids[0]


def t_unroll_long():
    net, ids = _chain(("LSTM", {"units": 4, "unroll": True}), shape=(500, 3))
    return net, ids[0]


def t_relu_clip():
    net, ids = _chain(("ReLU", {"max_value": 0.5, "threshold": 1.0}), shape=(4,))
    return net, ids[0]


TRIGGERS = {name[2:]: fn for name, fn in globals().items() if name.startswith("t_")}
# codes reported outside the analysis (data/model checks) that have fixes too
EXTRA_FIXABLE = {"input_shape"}


# the codes with no fix, each with its reason in engine.quickfix.NO_FIX
EXPECTED_NO_FIX = {"arity", "empty", "no_input", "attention", "broadcast", "generic_shape", "internal",
                   "ports", "port", "cycle", "param", "crop_larger", "not_adapted"}


def test_every_code_has_a_fix_or_a_reason():
    assert set(NO_FIX) == EXPECTED_NO_FIX
    codes = _codes_in_sources()
    assert {"rank", "size", "merge", "outputs", "arity", "param"} <= codes  # the scan sees them
    for code in sorted(codes):
        if code in NO_FIX:
            assert len(NO_FIX[code]) > 20, code
            assert code not in TRIGGERS
        else:
            assert offers_fixes(code), f"{code!r} has neither a fix nor a declared reason"
            assert code in TRIGGERS, f"no network that triggers {code!r} is listed here"
    assert not set(NO_FIX) - codes, "reasons declared for codes that no longer exist"


def _errors(report):
    return {(d.node, d.message) for d in report.errors}


@pytest.mark.parametrize("code", sorted(TRIGGERS))
def test_fix_removes_its_diagnostic_without_adding_an_error(code):
    net, nid = TRIGGERS[code]()
    report = net.analyze()
    diag = next((d for d in report.diagnostics if d.code == code and d.node == nid), None)
    assert diag is not None, [(d.code, d.node, d.message) for d in report.diagnostics]
    before_doc = json.dumps(net.to_dict(), sort_keys=True)
    fixes = fixes_for(net, diag)
    assert json.dumps(net.to_dict(), sort_keys=True) == before_doc  # trying fixes changed nothing
    assert net.analyze().diagnostics == report.diagnostics
    assert fixes, f"no fix offered for {code}: {diag.message}"
    for fix in fixes:  # every fix offered, checked on an independent copy
        twin = copy.deepcopy(net)
        fix.apply(twin)
        after = twin.analyze()
        assert not [d for d in after.diagnostics if d.code == code and d.node == nid
                    and (nid is not None or d.message == diag.message)], fix.title
        new_errors = {n for n, _ in _errors(after)} - {n for n, _ in _errors(report)}
        assert not new_errors, (fix.title, after.errors)
        if diag.is_error:
            assert len(after.errors) < len(report.errors), fix.title


def test_fixes_asked_for_by_the_issue():
    net, nid = t_size()
    titles = [f.title for f in fixes_for(net, net.analyze().for_node(nid)[0])]
    assert titles[0] == f"Set padding='same' on {nid}"
    assert f"Set kernel_size to (4, 4) on {nid} (the largest that fits)" in titles

    net, nid = t_rank()
    titles = [f.title for f in fixes_for(net, net.analyze().for_node(nid)[0])]
    assert "Insert Reshape to (36, 4) before lstm" in titles

    net, nid = t_merge()
    fixes = fixes_for(net, net.analyze().for_node(nid)[0])
    assert fixes[0].title == "Add a 1×1 projection so the inputs of add match"
    fixes[0].apply(net)
    proj = next(n for n in net.nodes.values() if n.type == "Conv2D" and n.id != "c")
    assert proj.params == {"filters": 8, "kernel_size": 1} and net.analyze().valid

    net, nid = t_unconnected()
    titles = [f.title for f in fixes_for(net, net.analyze().for_node(nid)[0])]
    assert titles[0] == "Connect s4 to f5 through a Flatten", titles

    net, nid = t_outputs()
    fixes = fixes_for(net, net.analyze().for_node(nid)[0])
    assert [f.title for f in fixes] == ["Connect dropout to dense_1", "Mark dense_1, dropout as the outputs"]
    fixes[0].apply(net)  # the dropout takes dense_1's place; dense_1 and below move down
    assert net.nodes["dropout"].pos == (0.0, 240.0) and net.nodes["dense_1"].pos == (0.0, 360.0)
    assert net.outputs == [("dense_1", 0)]


def test_crop_makes_unequal_maps_equal():
    net = Network("t")
    net.add_node("Input", {"shape": [16, 16, 4]}, id="x", pos=(0, 0))
    net.add_node("Conv2D", {"filters": 4, "kernel_size": 3}, id="c", pos=(0, 120))
    net.add_node("Concatenate", {}, id="cat", pos=(0, 240))
    net.connect("x", "cat", 0, 0)
    net.connect("x", "c")
    net.connect("c", "cat", 0, 1)
    fixes = fixes_for(net, net.analyze().for_node("cat")[0])
    assert fixes[0].title == "Crop the larger inputs of cat to (14, 14)"
    fixes[0].apply(net)
    assert net.analyze().shape("cat") == (None, 14, 14, 8)


def test_return_sequences_comes_first_for_stacked_recurrent_layers():
    net, ids = _chain(("LSTM", {"units": 8}), ("LSTM", {"units": 4}), shape=(10, 3))
    fixes = fixes_for(net, net.analyze().for_node(ids[1])[0])
    assert fixes[0].title == f"Set return_sequences=True on {ids[0]}"


def test_input_shape_fix_only_when_the_network_stays_valid():
    from engine.data import load_dataset

    digits = load_dataset("digits")
    net, ids = _chain(("Flatten", {}), ("Dense", {"units": 10}), shape=(32, 32, 3))
    diag = check_compatible(digits, {"x": (32, 32, 3)})[0]
    assert diag.code == "input_shape"
    (fix,) = fixes_for(net, diag)
    fix.apply(net)
    assert net.analyze().valid and check_compatible(digits, {"x": (8, 8)}) == []

    # convolutions need an image with channels: (8, 8) would break them, so no fix
    net, ids = _chain(("Conv2D", {"filters": 4, "kernel_size": 3}), ("Flatten", {}), shape=(32, 32, 3))
    assert fixes_for(net, diag) == []


def test_connection_fixes_adapt_and_connect():
    net = Network("t")
    net.add_node("Input", {"shape": [64]}, id="x", pos=(0, 0))
    net.add_node("Dense", {"units": 64}, id="d", pos=(0, 120))
    net.add_node("LSTM", {"units": 8}, id="l", pos=(0, 240))
    net.connect("x", "d")
    before = json.dumps(net.to_dict(), sort_keys=True)
    fixes = connection_fixes(net, "d", "l")
    assert json.dumps(net.to_dict(), sort_keys=True) == before
    titles = [f.title for f in fixes]
    assert titles[0] == "Connect through a Reshape to (64, 1)", titles
    fixes[0].apply(net)
    assert net.analyze().valid and net.analyze().shape("l") == (None, 8)
    assert connection_fixes(net, "x", "x") == []


def test_trial_edits_leave_no_trace_and_stay_incremental():
    from presets import build_preset

    net = build_preset("resnet18-cifar")
    report = net.analyze()
    heard = []
    net.subscribe(heard.append)
    before = json.dumps(net.to_dict())
    edges = net.edges[5:25]
    for e in edges:
        with trial(net):
            net.disconnect(e.src, e.dst, e.src_port, e.dst_port)
            n = net.add_node("Dropout", {"rate": 0.1})
            net.connect(e.src, n, e.src_port, 0)
            net.connect(n, e.dst, 0, e.dst_port)
            assert net.analyze().valid
    assert heard == [] and json.dumps(net.to_dict()) == before
    assert net.analyze().diagnostics == report.diagnostics
    assert [i.output_shapes for i in net.analyze().layers] == [i.output_shapes for i in report.layers]


def test_fixes_by_diagnostic_is_computed_once_per_report():
    net, nid = t_rank()
    report = net.analyze()
    first = fixes_by_diagnostic(net, report)
    assert fixes_by_diagnostic(net, report) is first
    assert [d.node for d in first] == [nid]


@pytest.mark.parametrize("shape, layer, expected", [
    ((784,), ("Conv2D", {"filters": 4, "kernel_size": 3}), "Insert Reshape to (28, 28, 1) before conv2_d"),
    ((28, 28), ("Conv2D", {"filters": 4, "kernel_size": 3}), "Insert Reshape to (28, 28, 1) before conv2_d"),
    ((64,), ("Conv1D", {"filters": 4, "kernel_size": 3}), "Insert Reshape to (64, 1) before conv1_d"),
])
def test_wrong_rank_gets_the_reshape_that_fits(shape, layer, expected):
    net, ids = _chain(layer, shape=shape)
    titles = [f.title for f in fixes_for(net, net.analyze().for_node(ids[0])[0])]
    assert titles == [expected]


def test_a_decoder_repeats_the_encoding_over_the_input_sequence():
    net = Network("seq2seq")
    net.add_node("Input", {"shape": [12, 3]}, id="x", pos=(0, 0))
    net.add_node("LSTM", {"units": 16}, id="encoder", pos=(0, 120))
    net.add_node("Dense", {"units": 16}, id="bottleneck", pos=(0, 240))
    net.add_node("LSTM", {"units": 8, "return_sequences": True}, id="decoder", pos=(0, 360))
    for a, b in (("x", "encoder"), ("encoder", "bottleneck"), ("bottleneck", "decoder")):
        net.connect(a, b)
    fixes = fixes_for(net, net.analyze().for_node("decoder")[0])
    titles = [f.title for f in fixes]
    assert "Insert RepeatVector(12) before decoder" in titles
    next(f for f in fixes if "RepeatVector" in f.title).apply(net)
    assert net.analyze().shape("decoder") == (None, 12, 8)
