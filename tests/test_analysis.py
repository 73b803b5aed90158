import json
import subprocess
import sys

from hypothesis import HealthCheck, given, settings, strategies as st

from engine import Network
from engine.fileformat import FORMAT


def chain(shape, *layers, name="net"):
    net = Network(name)
    prev = net.add_node("Input", {"shape": list(shape)})
    for type_name, params in layers:
        node = net.add_node(type_name, params)
        net.connect(prev, node)
        prev = node
    return net


def test_course_lenet5_has_62006_params():
    net = chain((32, 32, 3),
                ("Conv2D", {"filters": 6, "kernel_size": 5, "activation": "sigmoid"}),
                ("MaxPooling2D", {"pool_size": 2, "strides": 2}),
                ("Conv2D", {"filters": 16, "kernel_size": 5, "activation": "sigmoid"}),
                ("MaxPooling2D", {"pool_size": 2, "strides": 2}),
                ("Flatten", {}),
                ("Dense", {"units": 120, "activation": "sigmoid"}),
                ("Dense", {"units": 84, "activation": "sigmoid"}),
                ("Dense", {"units": 10, "activation": "softmax"}))
    report = net.analyze()
    assert report.valid and report.total_params == 62006
    assert report.layers[-4].output_shape == (None, 400)


def test_book_lenet5_has_61706_params():
    net = chain((28, 28, 1),
                ("ZeroPadding2D", {"padding": 2}),
                ("Conv2D", {"filters": 6, "kernel_size": 5, "activation": "tanh"}),
                ("AveragePooling2D", {"pool_size": 2}),
                ("Conv2D", {"filters": 16, "kernel_size": 5, "activation": "tanh"}),
                ("AveragePooling2D", {"pool_size": 2}),
                ("Conv2D", {"filters": 120, "kernel_size": 5, "activation": "tanh"}),
                ("Flatten", {}),
                ("Dense", {"units": 84, "activation": "tanh"}),
                ("Dense", {"units": 10, "activation": "softmax"}))
    report = net.analyze()
    assert report.valid and report.total_params == 61706


def test_lstm_32_on_64_by_32_has_8320_params():
    report = chain((64, 32), ("LSTM", {"units": 32})).analyze()
    assert report.total_params == 8320
    assert report.layers[-1].output_shape == (None, 32)


def test_macs_and_memory_are_reported():
    report = chain((28, 28, 1), ("Conv2D", {"filters": 4, "kernel_size": 3}), ("Flatten", {}),
                   ("Dense", {"units": 10})).analyze()
    conv = report.layers[1]
    assert conv.macs == 26 * 26 * 9 * 4
    assert report.layers[3].macs == 26 * 26 * 4 * 10
    assert conv.activation_values == 26 * 26 * 4
    assert report.memory_bytes(batch_size=32) > report.memory_bytes(batch_size=1)


def test_cycle_in_a_file_is_reported_not_crashed():
    net = Network.loads(json.dumps({"format": FORMAT, "nodes": [
        {"id": "x", "type": "Input", "params": {"shape": [4]}},
        {"id": "a", "type": "Dense", "params": {"units": 4}},
        {"id": "b", "type": "Dense", "params": {"units": 4}},
        {"id": "s", "type": "Add"},
        {"id": "out", "type": "Dense", "params": {"units": 1}}],
        "edges": [{"from": "x", "to": "s"}, {"from": "b", "to": "s", "to_port": 1},
                  {"from": "s", "to": "a"}, {"from": "a", "to": "b"}, {"from": "s", "to": "out"}]}))
    report = net.analyze()
    assert not report.valid
    (cycle,) = [d for d in report.diagnostics if d.code == "cycle"]
    assert "a" in cycle.message and "b" in cycle.message and "s" in cycle.message
    assert report.by_node["out"].output_shapes is None


def test_unconnected_layer_and_missing_ports():
    net = chain((4,), ("Dense", {"units": 2}))
    lonely = net.add_node("Dense", {"units": 3})
    add = net.add_node("Concatenate", {})
    net.connect("dense", add)
    report = net.analyze()
    assert "not reachable from an Input" in report.for_node(lonely)[0].message
    assert "at least 2 inputs" in report.for_node(add)[0].message


def test_warnings_for_legal_but_surprising_cases():
    report = chain((5, 7), ("Dense", {"units": 3})).analyze()
    assert report.valid
    (warning,) = report.warnings
    assert "last axis" in warning.message and "(None, 5, 3)" in warning.message


def test_no_input_and_empty_network():
    assert "empty" in Network().analyze().errors[0].message
    net = Network()
    net.add_node("Dense", {"units": 1})
    assert any(d.code == "no_input" for d in net.analyze().errors)


def test_analysis_does_not_import_tensorflow():
    code = ("import sys; from engine import Network; import presets; "
            "net = presets.build_preset('lenet5'); r = net.analyze(); net.to_dict(); "
            "assert r.valid; bad = [m for m in ('tensorflow', 'keras') if m in sys.modules]; "
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


EDITS = st.lists(st.tuples(st.integers(0, 5), st.integers(0, 1000)), min_size=1, max_size=25)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(EDITS)
def test_incremental_analysis_equals_a_fresh_one(edits):
    net = chain((16, 16, 3),
                ("Conv2D", {"filters": 4, "kernel_size": 3, "padding": "same"}),
                ("BatchNormalization", {}),
                ("MaxPooling2D", {"pool_size": 2}),
                ("Conv2D", {"filters": 8, "kernel_size": 3}),
                ("Flatten", {}),
                ("Dense", {"units": 10}))
    net.analyze()
    convs = ["conv2d", "conv2d_1"]
    for kind, value in edits:
        target = convs[value % 2]
        try:
            if kind == 0:
                net.set_param(target, "filters", 1 + value % 7)
            elif kind == 1:
                net.set_param(target, "kernel_size", 1 + value % 9)
            elif kind == 2:
                net.set_param(target, "padding", ["same", "valid"][value % 2])
            elif kind == 3 and "max_pooling2d" in net.nodes:
                net.set_param("max_pooling2d", "pool_size", 1 + value % 4)
            elif kind == 4:
                net.set_trainable("dense", bool(value % 2))
            elif kind == 5 and net.in_edges("dense"):
                e = net.in_edges("dense")[0]
                net.disconnect(e.src, e.dst)
                net.connect("flatten" if e.src != "flatten" else "max_pooling2d", "dense")
        except Exception as exc:  # refused edits are fine; they must leave the document unchanged
            assert getattr(exc, "message", None)
        incremental = net.analyze()
        fresh = net.copy().analyze()
        assert incremental.to_dict() == fresh.to_dict()
