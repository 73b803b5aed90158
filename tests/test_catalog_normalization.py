"""Normalization and regularization declarations compared with real Keras layers."""

import pytest
from hypothesis import given, settings, strategies as st

from engine.catalog import get_spec
from engine.errors import NeuroCanvasError, ParamError
from keras_reference import compare, engine_refuses, engine_result


# ---------------------------------------------------- BatchNormalization ---

@pytest.mark.parametrize("params,shape,expected", [
    ({}, (None, 100, 1), (2, 2)),
    ({"axis": 1}, (None, 28, 28, 3), (56, 56)),
    ({"center": False, "scale": False}, (None, 10), (0, 20)),
    ({}, (None, 8, 8, 16), (32, 32)),
    ({"center": False}, (None, 7), (7, 14)),
    ({"axis": -3}, (None, 5, 6, 7), (10, 10)),
    ({"axis": 2}, (4, None, 6, None), (12, 12)),
    ({"renorm": True}, (None, 4, 9), (18, 45)),
    ({"renorm": True, "renorm_clipping": {"rmax": 3.0, "rmin": 0.3, "dmax": 5.0}}, (None, 5), (10, 25)),
    ({"momentum": 0.9, "epsilon": 1e-5, "gamma_regularizer": {"l2": 0.01},
      "beta_constraint": "non_neg"}, (None, 3, 3, 3, 2), (4, 4)),
    ({"synchronized": True}, (None, 6), (12, 12)),
])
def test_batch_normalization_matches_keras(params, shape, expected):
    _, trainable, non_trainable, _ = compare("BatchNormalization", params, [shape])
    assert (trainable, non_trainable) == expected


def test_batch_normalization_refuses_axis_out_of_range():
    err = engine_refuses("BatchNormalization", {"axis": 3}, [(None, 10, 4)])
    assert "axis=3" in err.message and "(None, 10, 4)" in err.message
    assert "valid axes: 1, 2, -1, -2" in err.message


def test_batch_normalization_refuses_batch_axis():
    err = engine_refuses("BatchNormalization", {"axis": 0}, [(32, 10, 4)])
    assert "batch axis" in err.message


@pytest.mark.parametrize("params,shape", [
    ({}, (None, 5, None)),
    ({"axis": 1}, (None, None, 3)),
])
def test_batch_normalization_refuses_unknown_axis(params, shape):
    err = engine_refuses("BatchNormalization", params, [shape])
    assert "unknown size" in err.message


@pytest.mark.parametrize("params", [
    {"momentum": 1.5}, {"epsilon": 0}, {"renorm_clipping": {"rmax": 1, "rmin": 2}},
    {"renorm_clipping": {"dmin": 1}}, {"renorm_clipping": {"dmax": -1}},
])
def test_batch_normalization_refuses_bad_params(params):
    err = engine_refuses("BatchNormalization", params, [(None, 4)])
    assert isinstance(err, ParamError)


# ---------------------------------------------------- LayerNormalization ---

@pytest.mark.parametrize("params,shape,expected", [
    ({}, (None, 10, 64), 128),
    ({"axis": [1, 2]}, (None, 8, 3), 48),
    ({"axis": [-1, 1], "center": False}, (None, 8, 3), 24),
    ({"axis": 1, "scale": False}, (None, 6, None), 6),
    ({"center": False, "scale": False}, (None, 5), 0),
    ({"axis": [1, 2, 3], "epsilon": 1e-6, "gamma_regularizer": "l2"}, (None, 2, 3, 4), 48),
    ({}, (None, None, None, 7), 14),
])
def test_layer_normalization_matches_keras(params, shape, expected):
    assert compare("LayerNormalization", params, [shape])[1] == expected


def test_layer_normalization_refuses():
    assert "unknown size" in engine_refuses("LayerNormalization", {}, [(None, 8, None)]).message
    assert "does not exist" in engine_refuses("LayerNormalization", {"axis": 3}, [(None, 5, 3)]).message
    assert "twice" in engine_refuses("LayerNormalization", {"axis": [2, -1]}, [(None, 5, 3)]).message
    assert "batch axis" in engine_refuses("LayerNormalization", {"axis": [0, 1]}, [(2, 5, 3)]).message


# ---------------------------------------------------- GroupNormalization ---

@pytest.mark.parametrize("params,shape", [
    ({"groups": 4}, (None, 5, 8)),
    ({"groups": -1}, (None, 5, 8)),
    ({"groups": 1, "axis": 1}, (None, 8, 5)),
    ({}, (None, 32, 32, 64)),
    ({"groups": 8, "center": False}, (None, None, None, 16)),
    ({"groups": 2, "scale": False, "axis": 1}, (None, 4, 3, 3)),
])
def test_group_normalization_matches_keras(params, shape):
    compare("GroupNormalization", params, [shape])


def test_group_normalization_refuses_groups_not_dividing():
    err = engine_refuses("GroupNormalization", {"groups": 3}, [(None, 5, 8)])
    assert "groups=3" in err.message and "8" in err.message
    assert "1, 2, 4, 8" in err.hint
    err = engine_refuses("GroupNormalization", {}, [(None, 16)])  # default 32 groups > 16 channels
    assert "groups=32" in err.message


def test_group_normalization_refuses_bad_groups_and_unknown_channels():
    assert isinstance(engine_refuses("GroupNormalization", {"groups": 0}, [(None, 4)]), ParamError)
    assert isinstance(engine_refuses("GroupNormalization", {"groups": -2}, [(None, 4)]), ParamError)
    assert "unknown size" in engine_refuses("GroupNormalization", {"groups": 2}, [(None, 3, None)]).message


# --------------------------------------------------------- Normalization ---

@pytest.mark.parametrize("params,shape,expected", [
    ({}, (None, 8), 17),
    ({"axis": None}, (None, 8), 3),
    ({"axis": [1, 2]}, (None, 8, 3), 49),
    ({"axis": -1}, (None, None, None, 3), 7),
    ({"mean": 3.0, "variance": 2.0}, (None, 8), 0),
    ({"mean": [1, 2, 3], "variance": [1, 2, 3]}, (None, 8, 3), 0),
    ({"mean": [1, 2, 3], "variance": [1, 2, 3], "invert": True}, (None, 5, 5, 3), 0),
    ({"axis": [1, 2], "mean": [[1.0], [2.0]], "variance": [[1.0], [2.0]]}, (None, 2, 4), 0),
])
def test_normalization_matches_keras(params, shape, expected):
    assert compare("Normalization", params, [shape])[2] == expected


def test_normalization_refuses():
    assert isinstance(engine_refuses("Normalization", {"mean": 1.0}, [(None, 4)]), ParamError)
    err = engine_refuses("Normalization", {"mean": [1, 2], "variance": [1, 2, 3]}, [(None, 4)])
    assert "same shape" in err.message
    err = engine_refuses("Normalization", {"mean": [[1, 2]], "variance": [[1, 2]]}, [(None, 2)])
    assert "axes" in err.message
    err = engine_refuses("Normalization", {"mean": [1, 2, 3, 4], "variance": [1, 1, 1, 1]}, [(None, 8, 3)])
    assert "4 values" in err.message and "3" in err.message
    err = engine_refuses("Normalization", {"mean": [1, [2]], "variance": [1, 2]}, [(None, 2)])
    assert "rectangular" in err.message
    assert "batch axis" in engine_refuses("Normalization", {"axis": 0}, [(4, 8, 3)]).message
    assert "unknown size" in engine_refuses("Normalization", {}, [(None, 3, None)]).message


# ------------------------------------------------- dropouts and friends ---

@pytest.mark.parametrize("type_name,params,shape", [
    ("SpatialDropout1D", {"rate": 0.2}, (None, 100, 64)),
    ("SpatialDropout1D", {"rate": 0.0, "seed": 3}, (None, None, 8)),
    ("SpatialDropout2D", {"rate": 0.5}, (None, 32, 32, 16)),
    ("SpatialDropout2D", {"rate": 0.5, "data_format": "channels_first"}, (None, 16, 32, 32)),
    ("SpatialDropout3D", {"rate": 0.1}, (None, 8, 16, 16, 4)),
    ("SpatialDropout3D", {"rate": 0.1, "data_format": "channels_first"}, (None, 4, None, 16, 16)),
    ("GaussianNoise", {"stddev": 0.1}, (None, 12)),
    ("GaussianNoise", {"stddev": 1.0, "seed": 1}, (None, 4, 4, 3)),
    ("GaussianDropout", {"rate": 0.3}, (None, 7, 5)),
    ("AlphaDropout", {"rate": 0.1}, (None, 64)),
    ("AlphaDropout", {"rate": 0.1, "noise_shape": [None, 1, 8]}, (None, 4, 8)),
    ("ActivityRegularization", {}, (None, 10)),
    ("ActivityRegularization", {"l1": 1e-5, "l2": 0.01}, (None, 3, 10)),
])
def test_regularization_layers_match_keras(type_name, params, shape):
    assert compare(type_name, params, [shape])[1:3] == (0, 0)


@pytest.mark.parametrize("type_name,shape,rank", [
    ("SpatialDropout1D", (None, 4), 3),
    ("SpatialDropout2D", (None, 4, 4), 4),
    ("SpatialDropout3D", (None, 4, 4, 4), 5),
    ("SpatialDropout2D", (None, 4, 4, 4, 4), 4),
])
def test_spatial_dropout_refuses_wrong_rank(type_name, shape, rank):
    err = engine_refuses(type_name, {"rate": 0.1}, [shape])
    assert err.message.startswith(type_name) and f"{rank}-D" in err.message


def test_spatial_dropout_channels_first_message():
    err = engine_refuses("SpatialDropout2D", {"rate": 0.1, "data_format": "channels_first"}, [(None, 4)])
    assert "(batch, channels, height, width)" in err.message


@pytest.mark.parametrize("type_name,params", [
    ("SpatialDropout2D", {"rate": 1.0}),
    ("GaussianDropout", {"rate": -0.1}),
    ("AlphaDropout", {"rate": 1}),
    ("GaussianNoise", {"stddev": 1.5}),
    ("ActivityRegularization", {"l1": -1}),
    ("SpatialDropout1D", {}),
])
def test_regularization_refuses_bad_params(type_name, params):
    assert isinstance(engine_refuses(type_name, params, [(None, 4, 4, 4)]), ParamError)


def test_alpha_dropout_noise_shape_must_fit():
    err = engine_refuses("AlphaDropout", {"rate": 0.1, "noise_shape": [None, 8]}, [(None, 4, 8)])
    assert "axes" in err.message
    err = engine_refuses("AlphaDropout", {"rate": 0.1, "noise_shape": [None, 3, 8]}, [(None, 4, 8)])
    assert "broadcast" in err.message


def test_rules_never_crash_on_odd_shapes():
    odd = [(None,), (None, None), (None, 0), (1, None, None, None), (None, 3, 0, 2)]
    for type_name, params in [
        ("BatchNormalization", {}), ("LayerNormalization", {"axis": [1, 2]}),
        ("GroupNormalization", {"groups": 2}), ("Normalization", {"axis": [1, -1]}),
        ("Normalization", {"mean": [1, 2], "variance": [1, 1]}), ("SpatialDropout2D", {"rate": 0.1}),
        ("AlphaDropout", {"rate": 0.1, "noise_shape": [None, 1]}),
    ]:
        for shape in odd:
            try:
                engine_result(type_name, params, [shape])
            except NeuroCanvasError:
                pass  # a message for the user; anything else would be a crash


def test_normalization_refuses_non_finite_statistics():
    err = engine_refuses("Normalization", {"mean": [1, float("nan")], "variance": [1, 1]}, [(None, 2)])
    assert isinstance(err, ParamError) and "finite" in err.message


_ODD_VALUES = st.sampled_from([None, 0, 1, -1, 2, 3, 0.5, -0.5, 1.5, True, "x", [], [1], [1, 2], [1, 2, 3],
                               [[1, 2], [3, 4]], [0, [1, 2]], [None, 1], {"a": 1}, float("nan"), [1, -1]])


@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_rules_raise_only_user_errors(data):
    """Any params and any input shape end in a result or a ShapeError/ParamError, never a crash."""
    spec = get_spec(data.draw(st.sampled_from(["BatchNormalization", "LayerNormalization", "GroupNormalization", "Normalization", "SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D", "GaussianNoise", "GaussianDropout", "AlphaDropout", "ActivityRegularization"])))
    params = {p.name: data.draw(_ODD_VALUES) for p in spec.params if p.required or data.draw(st.booleans())}
    shape = tuple(data.draw(st.lists(st.sampled_from([None, 0, 1, 2, 3, 8]), min_size=1, max_size=6)))
    try:
        engine_result(spec.type, params, [shape])
    except NeuroCanvasError:
        pass
