import pytest

from engine.catalog import get_spec, has_spec
from engine.errors import RuleContext
from keras_reference import compare, engine_refuses


def lstm(**params):
    return {"type": "LSTM", "params": {"units": 4, **params}}


# ------------------------------------------------------------- RNN cells ---

RNN_CASES = [
    ({"units": 8}, (None, 5, 3)),
    ({"units": 8, "return_sequences": True}, (None, 5, 3)),
    ({"units": 8, "return_state": True}, (None, 5, 3)),
    ({"units": 8, "return_sequences": True, "return_state": True}, (None, None, 3)),
    ({"units": 2, "use_bias": False}, (4, 7, 6)),
    ({"units": 3, "go_backwards": True, "return_sequences": True}, (None, None, 5)),
    ({"units": 5, "activation": "relu", "dropout": 0.2, "recurrent_dropout": 0.1}, (None, 6, 2)),
    ({"units": 4, "stateful": True}, (8, 10, 3)),
    ({"units": 4, "unroll": True, "return_sequences": True}, (None, 6, 3)),
    ({"units": 3, "kernel_regularizer": {"l2": 0.01}, "recurrent_constraint": "max_norm",
      "kernel_initializer": "he_normal"}, (None, 4, 3)),
]


@pytest.mark.parametrize("type_name", ["SimpleRNN", "LSTM", "GRU"])
@pytest.mark.parametrize("params,shape", RNN_CASES)
def test_rnn_matches_keras(type_name, params, shape):
    compare(type_name, params, [shape])


@pytest.mark.parametrize("params,shape", [
    ({"units": 8, "reset_after": False}, (None, 5, 3)),
    ({"units": 8, "reset_after": False, "use_bias": False}, (None, 5, 3)),
    ({"units": 6, "reset_after": False, "return_state": True, "return_sequences": True}, (None, 9, 4)),
    ({"units": 6, "recurrent_activation": "hard_sigmoid"}, (None, 9, 4)),
])
def test_gru_reset_after_matches_keras(params, shape):
    compare("GRU", params, [shape])


@pytest.mark.parametrize("params,shape", [
    ({"units": 4, "unit_forget_bias": False, "recurrent_activation": "hard_sigmoid"}, (None, 9, 4)),
])
def test_lstm_options_match_keras(params, shape):
    compare("LSTM", params, [shape])


@pytest.mark.parametrize("type_name,units,n_in,expected", [
    ("LSTM", 32, 32, 8_320), ("LSTM", 64, 100, 42_240), ("LSTM", 64, 7, 18_432),
    ("SimpleRNN", 64, 100, 10_560), ("SimpleRNN", 3, 4, 24),
    ("GRU", 64, 100, 31_872), ("GRU", 64, 64, 24_960),
])
def test_rnn_parameter_counts_from_the_notes(type_name, units, n_in, expected):
    out, trainable, non_trainable, macs = compare(type_name, {"units": units}, [(None, 64, n_in)])
    assert (trainable, non_trainable) == (expected, 0)
    assert macs > 0


def test_gru_without_reset_after_count():
    assert compare("GRU", {"units": 64, "reset_after": False}, [(None, 20, 100)])[1] == 31_680


def test_return_state_ports():
    spec = get_spec("LSTM")
    assert spec.output_names(spec.resolve({"units": 3, "return_state": True})) == ("output", "state_h", "state_c")
    assert get_spec("GRU").output_names(get_spec("GRU").resolve({"units": 3, "return_state": True})) == (
        "output", "state")
    assert spec.output_names(spec.resolve({"units": 3})) == ("output",)


@pytest.mark.parametrize("type_name", ["SimpleRNN", "LSTM", "GRU"])
def test_rnn_refuses_rank_2_with_return_sequences_hint(type_name):
    err = engine_refuses(type_name, {"units": 4}, [(None, 128)])
    assert err.message.startswith(f"{type_name} expects a 3-D")
    assert "(None, 128)" in err.message
    assert "return_sequences=True" in err.hint and "RepeatVector" in err.hint and "Reshape" in err.hint


def test_rnn_refuses_rank_4():
    err = engine_refuses("LSTM", {"units": 4}, [(None, 5, 6, 7)])
    assert "3-D" in err.message and "TimeDistributed" in err.hint


def test_rnn_refuses_unknown_features():
    err = engine_refuses("GRU", {"units": 4}, [(None, 10, None)])
    assert "unknown size" in err.message


def test_stateful_needs_fixed_batch():
    err = engine_refuses("LSTM", {"units": 4, "stateful": True}, [(None, 10, 3)])
    assert "batch" in err.message and "batch_size" in err.hint


def test_unroll_needs_fixed_length():
    err = engine_refuses("SimpleRNN", {"units": 4, "unroll": True}, [(None, None, 3)])
    assert "time steps" in err.message


def test_unroll_of_long_sequence_warns():
    spec = get_spec("LSTM")
    ctx = RuleContext()
    spec.shape(spec.resolve({"units": 4, "unroll": True}), [(None, 1000, 3)], ctx)
    assert ctx.warnings and "unroll" in ctx.warnings[0].message


@pytest.mark.parametrize("params,word", [
    ({"units": 0}, "units"),
    ({"units": 4, "dropout": 1.0}, "dropout"),
    ({"units": 4, "recurrent_dropout": -0.1}, "recurrent_dropout"),
    ({"units": 4, "activation": "nope"}, "activation"),
])
def test_rnn_refuses_bad_params(params, word):
    err = engine_refuses("LSTM", params, [(None, 5, 3)])
    assert word in err.message


# ------------------------------------------------------- Bidirectional ---

@pytest.mark.parametrize("merge_mode", ["concat", "sum", "mul", "ave", None])
@pytest.mark.parametrize("inner", [
    lstm(),
    lstm(return_sequences=True),
    lstm(return_state=True),
    lstm(return_sequences=True, return_state=True),
    {"type": "GRU", "params": {"units": 3, "return_state": True}},
    {"type": "GRU", "params": {"units": 3, "return_sequences": True, "reset_after": False}},
    {"type": "SimpleRNN", "params": {"units": 5, "return_state": True, "return_sequences": True}},
])
def test_bidirectional_matches_keras(inner, merge_mode):
    compare("Bidirectional", {"layer": inner, "merge_mode": merge_mode}, [(None, 7, 6)])


def test_bidirectional_default_merge_and_count():
    out, trainable, _, _ = compare("Bidirectional", {"layer": {"type": "LSTM", "params": {"units": 32}}},
                                   [(None, 100, 50)])
    assert out == (None, 64) and trainable == 21_248


def test_bidirectional_lstm_state_order():
    spec = get_spec("Bidirectional")
    p = spec.resolve({"layer": lstm(return_state=True)})
    assert spec.output_names(p) == ("output", "forward_state_h", "forward_state_c",
                                    "backward_state_h", "backward_state_c")
    p = spec.resolve({"layer": lstm(return_state=True), "merge_mode": None})
    names = spec.output_names(p)
    assert names[:2] == ("forward", "backward") and len(names) == 6
    assert len(spec.shape(p, [(None, 5, 3)], RuleContext())) == 6


@pytest.mark.parametrize("backward,merge_mode", [
    (lstm(go_backwards=True), "concat"),
    ({"type": "GRU", "params": {"units": 4, "go_backwards": True}}, "concat"),
    ({"type": "GRU", "params": {"units": 4, "go_backwards": True}}, "sum"),
    (lstm(go_backwards=True, use_bias=False), None),
])
def test_bidirectional_backward_layer_matches_keras(backward, merge_mode):
    compare("Bidirectional", {"layer": lstm(), "backward_layer": backward, "merge_mode": merge_mode},
            [(None, 7, 6)])


def test_bidirectional_refuses_non_recurrent():
    err = engine_refuses("Bidirectional", {"layer": {"type": "Dense", "params": {"units": 4}}}, [(None, 5, 3)])
    assert "LSTM, GRU or SimpleRNN" in err.message and "Dense" in err.message


def test_bidirectional_refuses_bad_merge_mode():
    err = engine_refuses("Bidirectional", {"layer": lstm(), "merge_mode": "max"}, [(None, 5, 3)])
    assert "merge_mode" in err.message


def test_bidirectional_refuses_rank_2():
    err = engine_refuses("Bidirectional", {"layer": lstm()}, [(None, 8)])
    assert err.message.startswith("Bidirectional") and "3-D" in err.message
    assert "return_sequences=True" in err.hint


@pytest.mark.parametrize("params,word", [
    ({"layer": lstm(), "backward_layer": lstm()}, "go_backwards"),
    ({"layer": lstm(), "backward_layer": lstm(go_backwards=True, units=5)}, "units"),
    ({"layer": lstm(), "backward_layer": lstm(go_backwards=True, return_sequences=True)}, "return_sequences"),
    ({"layer": lstm(return_state=True),
      "backward_layer": {"type": "GRU", "params": {"units": 4, "go_backwards": True, "return_state": True}}},
     "same type"),
    ({"layer": lstm(go_backwards=True)}, "go_backwards"),
    ({"layer": {"type": "LSTM", "params": {"units": 0}}}, "units"),
])
def test_bidirectional_refuses_inconsistent_directions(params, word):
    err = engine_refuses("Bidirectional", params, [(None, 5, 3)])
    assert word in err.message


# ----------------------------------------------------- TimeDistributed ---

@pytest.mark.parametrize("inner,shape", [
    ({"type": "Dense", "params": {"units": 32}}, (None, 10, 64)),
    ({"type": "Dense", "params": {"units": 3, "use_bias": False}}, (None, None, 5)),
    ({"type": "Dense", "params": {"units": 3}}, (None, 4, 6, 5)),
    ({"type": "Flatten", "params": {}}, (None, 4, 6, 5)),
    ({"type": "LSTM", "params": {"units": 3}}, (None, 4, 6, 5)),
    ({"type": "GRU", "params": {"units": 3, "return_sequences": True}}, (2, 4, None, 5)),
])
def test_time_distributed_matches_keras(inner, shape):
    compare("TimeDistributed", {"layer": inner}, [shape])


def test_time_distributed_dense_count_from_the_notes():
    out, trainable, _, macs = compare("TimeDistributed", {"layer": {"type": "Dense", "params": {"units": 32}}},
                                      [(None, 12, 64)])
    assert out == (None, 12, 32) and trainable == 2_080 and macs == 12 * 64 * 32


@pytest.mark.parametrize("inner,shape", [
    ({"type": "Conv2D", "params": {"filters": 8, "kernel_size": 3}}, (None, 10, 32, 32, 3)),
    ({"type": "Conv2D", "params": {"filters": 4, "kernel_size": 3, "padding": "same", "strides": 2}},
     (None, None, 9, 9, 2)),
    ({"type": "MaxPooling2D", "params": {}}, (None, 10, 8, 8, 3)),
    ({"type": "BatchNormalization", "params": {}}, (None, 5, 7)),
])
def test_time_distributed_other_families_match_keras(inner, shape):
    if not has_spec(inner["type"]):
        pytest.skip(f"{inner['type']} is not declared yet")
    compare("TimeDistributed", {"layer": inner}, [shape])


def test_time_distributed_bidirectional_matches_keras():
    compare("TimeDistributed", {"layer": {"type": "Bidirectional", "params": {"layer": lstm()}}},
            [(None, 3, 7, 6)])


def test_time_distributed_refuses_rank_2():
    err = engine_refuses("TimeDistributed", {"layer": {"type": "Dense", "params": {"units": 3}}}, [(None, 7)])
    assert err.message.startswith("TimeDistributed") and "(None, 7)" in err.message


def test_time_distributed_reports_inner_rejection():
    err = engine_refuses("TimeDistributed", {"layer": {"type": "LSTM", "params": {"units": 3}}}, [(None, 7, 5)])
    assert err.message.startswith("TimeDistributed: the wrapped LSTM")
    assert "(None, 5)" in err.message


def test_time_distributed_passes_inner_warnings():
    spec = get_spec("TimeDistributed")
    ctx = RuleContext()
    spec.shape(spec.resolve({"layer": {"type": "Dense", "params": {"units": 2}}}), [(None, 3, 4, 5)], ctx)
    assert ctx.warnings and "Dense" in ctx.warnings[0].message


@pytest.mark.parametrize("inner,word", [
    ({"type": "Input", "params": {"shape": [3]}}, "Input"),
    ({"type": "LSTM", "params": {"units": 3, "return_state": True}}, "one output"),
    ({"type": "Add", "params": {}}, "one input"),
    ({"type": "Nope", "params": {}}, "unknown layer type"),
])
def test_time_distributed_refuses_bad_inner(inner, word):
    if not has_spec(inner["type"]) and inner["type"] != "Nope":
        pytest.skip(f"{inner['type']} is not declared yet")
    err = engine_refuses("TimeDistributed", {"layer": inner}, [(None, 5, 3)])
    assert word in err.message


# --------------------------------------------------------- robustness ---

@pytest.mark.parametrize("type_name,params", [
    ("LSTM", {"units": 3, "return_state": True}),
    ("GRU", {"units": 3}),
    ("Bidirectional", {"layer": lstm(return_state=True), "merge_mode": None}),
    ("TimeDistributed", {"layer": {"type": "Dense", "params": {"units": 3}}}),
])
@pytest.mark.parametrize("shape", [(None,), (None, 3), (None, None, None), (None, 2, 3, 4, 5), (1, 1, 1)])
def test_rules_raise_only_shape_errors(type_name, params, shape):
    from engine.errors import NeuroCanvasError

    spec = get_spec(type_name)
    p = spec.resolve(params)
    try:
        out = spec.shape(p, [shape], RuleContext())
    except NeuroCanvasError:
        pass
    else:
        outs = out if isinstance(out, list) else [out]
        assert len(outs) == spec.port_count(p)
    spec.weights(p, [shape])
    spec.macs(p, [shape], [shape])
