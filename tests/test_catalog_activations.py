"""Activation layer declarations compared with real Keras layers."""

import pytest
from hypothesis import given, settings, strategies as st

from engine.catalog import get_spec
from engine.errors import NeuroCanvasError, ParamError, RuleContext
from keras_reference import compare, engine_refuses, engine_result


@pytest.mark.parametrize("type_name,params,shape", [
    ("ReLU", {}, (None, 10)),
    ("ReLU", {"max_value": 6.0}, (None, 32, 32, 3)),
    ("ReLU", {"negative_slope": 0.1, "threshold": 0.5}, (None, None, 4)),
    ("ReLU", {"max_value": 1, "negative_slope": 0.0, "threshold": 0.0}, (8, 3)),
    ("LeakyReLU", {}, (None, 10)),
    ("LeakyReLU", {"negative_slope": 0.2}, (None, 16, 16, 8)),
    ("ELU", {}, (None, 5)),
    ("ELU", {"alpha": 0.5}, (None, None, 7)),
    ("Softmax", {}, (None, 10)),
    ("Softmax", {"axis": 1}, (None, 4, 8)),
    ("Softmax", {"axis": [1, 2]}, (None, 4, 8)),
    ("Softmax", {"axis": -2}, (None, None, 3, 2)),
])
def test_weightless_activations_match_keras(type_name, params, shape):
    out, trainable, non_trainable, _ = compare(type_name, params, [shape])
    assert out == shape and (trainable, non_trainable) == (0, 0)


@pytest.mark.parametrize("params,shape,expected", [
    ({}, (None, 5, 8), 40),
    ({"shared_axes": [1]}, (None, None, 8), 8),
    ({"shared_axes": 1}, (None, 4, 8), 8),
    ({"shared_axes": [1, 2]}, (None, 32, 32, 16), 16),
    ({"shared_axes": [1, 2, 3]}, (None, None, None, 3), 1),
    ({"shared_axes": [3]}, (None, 6, 5, None), 30),
    ({}, (None, 12), 12),
    ({"alpha_initializer": {"constant": 0.25}, "alpha_regularizer": {"l2": 1e-4},
      "alpha_constraint": "non_neg"}, (None, 3, 3), 9),
])
def test_prelu_matches_keras(params, shape, expected):
    assert compare("PReLU", params, [shape])[1] == expected


def test_prelu_refuses_unknown_unshared_axis():
    err = engine_refuses("PReLU", {}, [(None, None, 8)])
    assert "unknown size" in err.message and "shared_axes" in err.hint


def test_prelu_refuses_non_positive_shared_axes():
    # Keras reads shared_axes=-1 as "share axis 1" on a 3-D input; we refuse rather than surprise.
    err = engine_refuses("PReLU", {"shared_axes": -1}, [(None, 4, 8)])
    assert "count from 1" in err.message
    err = engine_refuses("PReLU", {"shared_axes": [1, 3]}, [(None, 4, 8)])
    assert "does not exist" in err.message


def test_softmax_refuses_bad_axis():
    # Keras builds Softmax(axis=3) on a 3-D input without complaint; it fails when run.
    err = engine_refuses("Softmax", {"axis": 3}, [(None, 4, 8)])
    assert "axis=3" in err.message and "valid axes" in err.message
    assert "batch axis" in engine_refuses("Softmax", {"axis": 0}, [(None, 4)]).message
    assert "twice" in engine_refuses("Softmax", {"axis": [1, -2]}, [(None, 4, 8)]).message


@pytest.mark.parametrize("type_name,params", [
    ("ReLU", {"max_value": -1}),
    ("ReLU", {"negative_slope": -0.1}),
    ("ReLU", {"threshold": -1}),
    ("LeakyReLU", {"negative_slope": -0.3}),
    ("PReLU", {"shared_axes": "height"}),
    ("PReLU", {"alpha_initializer": "bogus"}),
    ("Softmax", {"axis": 1.5}),
])
def test_activations_refuse_bad_params(type_name, params):
    assert isinstance(engine_refuses(type_name, params, [(None, 4, 4)]), ParamError)


def test_relu_warns_when_max_value_below_threshold():
    spec = get_spec("ReLU")
    ctx = RuleContext()
    spec.shape(spec.resolve({"max_value": 1.0, "threshold": 2.0}), [(None, 4)], ctx)
    assert ctx.warnings and "clipped" in ctx.warnings[0].message


def test_rules_never_crash_on_odd_shapes():
    odd = [(None,), (None, None), (None, 0), (1, None, None, None)]
    for type_name, params in [("PReLU", {}), ("PReLU", {"shared_axes": [1, 2]}),
                              ("Softmax", {"axis": [1, 2]}), ("ReLU", {})]:
        for shape in odd:
            try:
                engine_result(type_name, params, [shape])
            except NeuroCanvasError:
                pass


_ODD_VALUES = st.sampled_from([None, 0, 1, -1, 2, 3, 0.5, -0.5, 1.5, True, "x", [], [1], [1, 2], [1, 2, 3],
                               [[1, 2], [3, 4]], [0, [1, 2]], [None, 1], {"a": 1}, float("nan"), [1, -1]])


@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_rules_raise_only_user_errors(data):
    """Any params and any input shape end in a result or a ShapeError/ParamError, never a crash."""
    spec = get_spec(data.draw(st.sampled_from(["ReLU", "LeakyReLU", "PReLU", "ELU", "Softmax"])))
    params = {p.name: data.draw(_ODD_VALUES) for p in spec.params if p.required or data.draw(st.booleans())}
    shape = tuple(data.draw(st.lists(st.sampled_from([None, 0, 1, 2, 3, 8]), min_size=1, max_size=6)))
    try:
        engine_result(spec.type, params, [shape])
    except NeuroCanvasError:
        pass
