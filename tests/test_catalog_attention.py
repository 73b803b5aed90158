import pytest

from engine.catalog import get_spec
from engine.errors import NeuroCanvasError, RuleContext
from keras_reference import compare, engine_refuses, engine_result

SELF = [(None, 10, 64), (None, 10, 64)]
CROSS = [(None, 5, 12), (None, 7, 20)]
CROSS_KEY = [(None, 5, 12), (None, 7, 20), (None, 7, 6)]


# ---------------------------------------------------- MultiHeadAttention ---

@pytest.mark.parametrize("params,shapes", [
    ({"num_heads": 4, "key_dim": 32}, SELF),
    ({"num_heads": 2, "key_dim": 8}, CROSS),
    ({"num_heads": 2, "key_dim": 8}, CROSS_KEY),
    ({"num_heads": 3, "key_dim": 4, "value_dim": 6, "output_shape": 10}, CROSS_KEY),
    ({"num_heads": 3, "key_dim": 4, "output_shape": [4, 8]}, CROSS),
    ({"num_heads": 2, "key_dim": 8, "use_bias": False}, CROSS_KEY),
    ({"num_heads": 2, "key_dim": 8, "use_gate": True, "value_dim": 5}, CROSS),
    ({"num_heads": 2, "key_dim": 8, "use_gate": True, "use_bias": False}, SELF),
    ({"num_heads": 2, "key_dim": 4}, [(None, None, 16), (None, None, 16)]),
    ({"num_heads": 2, "key_dim": 4, "dropout": 0.1, "seed": 3}, [(None, 6, 16), (None, 9, 8)]),
    ({"num_heads": 2, "key_dim": 4, "use_causal_mask": True}, [(None, 6, 16), (None, 6, 16)]),
    ({"num_heads": 2, "key_dim": 4, "sliding_window": 3}, [(None, 6, 16), (None, 6, 16)]),
    ({"num_heads": 2, "key_dim": 4, "kernel_regularizer": {"l2": 0.01}, "kernel_initializer": "he_normal",
      "bias_constraint": "non_neg"}, CROSS),
    ({"num_heads": 2, "key_dim": 4}, [(None, 3, 5, 12), (None, 3, 7, 12)]),
    ({"num_heads": 2, "key_dim": 4, "attention_axes": 2}, [(None, 3, 5, 12), (None, 3, 7, 12)]),
    ({"num_heads": 2, "key_dim": 4, "attention_axes": [-2]}, [(None, 3, 5, 12), (None, 3, 7, 12)]),
    ({"num_heads": 4, "key_dim": 32, "return_attention_scores": True}, SELF),
    ({"num_heads": 1, "key_dim": 2, "return_attention_scores": True}, [(3, 4, 8), (3, 4, 8)]),
])
def test_mha_matches_keras(params, shapes):
    compare("MultiHeadAttention", params, shapes)


def test_mha_self_attention_count_from_the_notes():
    out, trainable, non_trainable, macs = compare("MultiHeadAttention", {"num_heads": 4, "key_dim": 32},
                                                  [(1, 10, 64), (1, 10, 64)])
    assert out == (1, 10, 64) and (trainable, non_trainable) == (33_216, 0) and macs > 0


def test_mha_cross_attention_count_from_the_notes():
    assert compare("MultiHeadAttention", {"num_heads": 2, "key_dim": 8}, CROSS)[1] == 1_084


def keras_eager_shapes(params, shapes, batch=2):
    """Output shapes from running the layer on zeros (Keras's symbolic score shape is wrong)."""
    import keras
    import numpy as np

    spec = get_spec("MultiHeadAttention")
    resolved = spec.resolve(params)
    layer = spec.build_layer(keras, params, resolved, name="under_test")
    arrays = [np.zeros((batch, *s[1:]), "float32") for s in shapes]
    return [tuple(t.shape) for t in spec.call_layer(layer, arrays, resolved)]


@pytest.mark.parametrize("params,shapes", [
    ({"num_heads": 2, "key_dim": 8}, CROSS),
    ({"num_heads": 2, "key_dim": 8}, CROSS_KEY),
    ({"num_heads": 2, "key_dim": 4}, [(None, 3, 5, 12), (None, 3, 7, 12)]),
    ({"num_heads": 2, "key_dim": 4, "attention_axes": 2}, [(None, 3, 5, 12), (None, 3, 7, 12)]),
    ({"num_heads": 2, "key_dim": 4, "attention_axes": [1]}, [(None, 3, 5, 12), (None, 4, 5, 12)]),
])
def test_mha_attention_scores_match_keras_at_run_time(params, shapes):
    params = {**params, "return_attention_scores": True}
    out, _, _, _ = engine_result("MultiHeadAttention", params, shapes)
    expected = keras_eager_shapes(params, shapes)
    assert [(2, *s[1:]) for s in out] == expected


def test_mha_ports():
    spec = get_spec("MultiHeadAttention")
    assert spec.inputs == ("query", "value", "key") and spec.optional_inputs == 1
    p = spec.resolve({"num_heads": 2, "key_dim": 4, "return_attention_scores": True})
    assert spec.output_names(p) == ("output", "attention_scores")
    assert spec.param("return_attention_scores").call
    assert spec.output_names(spec.resolve({"num_heads": 2, "key_dim": 4})) == ("output",)


def test_mha_call_source():
    spec = get_spec("MultiHeadAttention")
    p = spec.resolve({"num_heads": 2, "key_dim": 4, "return_attention_scores": True})
    assert spec.call_expression("mha", ["q", "v", "k"], p) == "mha(q, v, key=k, return_attention_scores=True)"
    assert spec.call_expression("mha", ["x", "x"], spec.resolve({"num_heads": 2, "key_dim": 4})) == "mha(x, x)"


def test_mha_refuses_key_value_length_mismatch():
    err = engine_refuses("MultiHeadAttention", {"num_heads": 2, "key_dim": 4},
                         [(None, 5, 8), (None, 7, 20), (None, 6, 20)])
    assert "(None, 6, 20)" in err.message and "(None, 7, 20)" in err.message and "same length" in err.message


def test_mha_refuses_rank_2():
    err = engine_refuses("MultiHeadAttention", {"num_heads": 2, "key_dim": 4}, [(None, 64), (None, 64)])
    assert err.message.startswith("MultiHeadAttention") and "(None, 64)" in err.message
    assert err.hint


def test_mha_refuses_missing_value():
    err = engine_refuses("MultiHeadAttention", {"num_heads": 2, "key_dim": 4}, [(None, 5, 8)])
    assert "value" in err.message and "self-attention" in err.hint


@pytest.mark.parametrize("params,shapes,word", [
    ({"num_heads": 2, "key_dim": 4}, [(None, 5, 8), (None, 3, 5, 8)], "same rank"),
    ({"num_heads": 2, "key_dim": 4}, [(None, 5, None), (None, 5, 8)], "unknown size"),
    ({"num_heads": 2, "key_dim": 4, "attention_axes": 3}, [(None, 3, 5, 8), (None, 3, 5, 8)], "attention_axes"),
    ({"num_heads": 2, "key_dim": 4, "attention_axes": -1}, [(None, 5, 8), (None, 5, 8)], "attention_axes"),
    ({"num_heads": 2, "key_dim": 4, "attention_axes": 2}, [(None, 3, 5, 8), (None, 4, 5, 8)], "axis 1"),
    ({"num_heads": 0, "key_dim": 4}, SELF, "num_heads"),
    ({"num_heads": 2, "key_dim": 0}, SELF, "key_dim"),
    ({"num_heads": 2, "key_dim": 4, "dropout": 1.0}, SELF, "dropout"),
    ({"num_heads": 2, "key_dim": 4, "dropout": 0.1, "flash_attention": True}, SELF, "flash_attention"),
    ({"num_heads": 2, "key_dim": 4, "flash_attention": True, "return_attention_scores": True}, SELF,
     "attention scores"),
    ({"num_heads": 2, "key_dim": 4, "output_shape": [None]}, SELF, "output_shape"),
])
def test_mha_refuses(params, shapes, word):
    err = engine_refuses("MultiHeadAttention", params, shapes)
    assert word in err.message


# ------------------------------------------- Attention, AdditiveAttention ---

ATTENTION_CASES = [
    ({}, [(None, 5, 16), (None, 9, 16)]),
    ({}, [(None, 5, 16), (None, 9, 8), (None, 9, 16)]),
    ({"dropout": 0.2}, [(None, None, 4), (None, None, 4)]),
    ({"return_attention_scores": True}, [(None, 5, 16), (None, 9, 16)]),
    ({"return_attention_scores": True}, [(None, 5, 16), (None, 9, 3), (None, 9, 16)]),
    ({"use_causal_mask": True}, [(None, 6, 4), (None, 6, 4)]),
    ({"use_scale": False}, [(2, 5, 16), (2, 9, 16)]),
    ({"use_scale": True, "return_attention_scores": True}, [(None, 3, 5, 8), (None, 3, 7, 8)]),
]


@pytest.mark.parametrize("params,shapes", ATTENTION_CASES + [
    ({"score_mode": "concat"}, [(None, 5, 16), (None, 9, 16)]),
    ({"score_mode": "concat", "use_scale": True}, [(None, 5, 16), (None, 9, 16)]),
])
def test_attention_matches_keras(params, shapes):
    compare("Attention", params, shapes)


@pytest.mark.parametrize("params,shapes", ATTENTION_CASES)
def test_additive_attention_matches_keras(params, shapes):
    compare("AdditiveAttention", params, shapes)


def test_additive_attention_scale_count():
    assert compare("AdditiveAttention", {}, [(None, 5, 16), (None, 9, 16)])[1] == 16
    assert compare("Attention", {"use_scale": True, "score_mode": "concat"},
                   [(None, 5, 16), (None, 9, 16)])[1] == 2


def test_attention_call_source():
    spec = get_spec("Attention")
    p = spec.resolve({"use_causal_mask": True})
    assert spec.call_expression("att", ["q", "v"], p) == "att([q, v], use_causal_mask=True)"


@pytest.mark.parametrize("type_name", ["Attention", "AdditiveAttention"])
def test_attention_refuses_feature_mismatch(type_name):
    err = engine_refuses(type_name, {}, [(None, 5, 16), (None, 9, 8)])
    assert "(None, 5, 16)" in err.message and "(None, 9, 8)" in err.message and "MultiHeadAttention" in err.hint


@pytest.mark.parametrize("type_name", ["Attention", "AdditiveAttention"])
def test_attention_refuses_key_value_length_mismatch(type_name):
    err = engine_refuses(type_name, {}, [(None, 5, 16), (None, 9, 8), (None, 7, 16)])
    assert "same length" in err.message


@pytest.mark.parametrize("type_name", ["Attention", "AdditiveAttention"])
def test_attention_refuses_rank_2(type_name):
    err = engine_refuses(type_name, {}, [(None, 16), (None, 16)])
    assert err.message.startswith(type_name) and "3 axes" in err.message


def test_attention_refuses_bad_score_mode():
    err = engine_refuses("Attention", {"score_mode": "general"}, [(None, 5, 16), (None, 9, 16)])
    assert "score_mode" in err.message


# ------------------------------------------------------------- robustness ---

@pytest.mark.parametrize("type_name,params", [
    ("MultiHeadAttention", {"num_heads": 2, "key_dim": 3, "return_attention_scores": True}),
    ("MultiHeadAttention", {"num_heads": 2, "key_dim": 3, "attention_axes": [1, 2]}),
    ("Attention", {"return_attention_scores": True}),
    ("AdditiveAttention", {}),
])
@pytest.mark.parametrize("shapes", [
    [], [(None,)], [(None, 4), (None, 4)], [(None, None, None), (None, None, None)],
    [(None, 2, 3), (None, 2, 3), (None, 2, 3), (None, 2, 3)], [(1, 1, 1), (1, 1, 1, 1)],
    [(None, 2, 3, 4), (None, 2, 3, 4)],
])
def test_rules_raise_only_shape_errors(type_name, params, shapes):
    spec = get_spec(type_name)
    p = spec.resolve(params)
    try:
        out = spec.shape(p, shapes, RuleContext())
    except NeuroCanvasError:
        return
    outs = out if isinstance(out, list) else [out]
    assert len(outs) == spec.port_count(p)
    spec.weights(p, shapes)
    spec.macs(p, shapes, outs)
