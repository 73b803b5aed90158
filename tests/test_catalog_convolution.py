import itertools
import re

import pytest

from engine.catalog import get_spec
from engine.errors import NeuroCanvasError, RuleContext
from keras_reference import compare, engine_refuses

CONV_TYPES = [
    "Conv1D", "Conv2D", "Conv3D", "Conv1DTranspose", "Conv2DTranspose", "Conv3DTranspose",
    "SeparableConv1D", "SeparableConv2D", "DepthwiseConv1D", "DepthwiseConv2D",
]


def _has_filters(spec):
    return any(p.name == "filters" for p in spec.params)


# ------------------------------------------------------------------ Conv ---

CONV1D = [
    ({"filters": 8, "kernel_size": 5}, (None, 20, 1)),  # the notes' example: 48 params
    ({"filters": 64, "kernel_size": 3}, (None, 431, 64)),
    ({"filters": 4, "kernel_size": 3, "strides": 2, "padding": "same"}, (None, 21, 3)),
    ({"filters": 4, "kernel_size": 3, "strides": 2, "padding": "causal"}, (None, 20, 3)),
    ({"filters": 4, "kernel_size": 4, "strides": 3, "padding": "causal"}, (None, 20, 3)),
    ({"filters": 4, "kernel_size": 3, "dilation_rate": 2, "padding": "causal"}, (None, 20, 3)),
    ({"filters": 4, "kernel_size": 3, "dilation_rate": 3}, (None, 20, 3)),
    ({"filters": 4, "kernel_size": 3, "groups": 2}, (None, 10, 6)),
    ({"filters": 6, "kernel_size": 2, "data_format": "channels_first"}, (None, 3, 12)),
    ({"filters": 6, "kernel_size": 3, "padding": "SAME"}, (None, None, 5)),
    ({"filters": 2, "kernel_size": [5], "use_bias": False, "activation": "relu",
      "kernel_regularizer": {"l2": 0.01}}, (4, 9, 2)),
]
CONV2D = [
    ({"filters": 6, "kernel_size": 5}, (None, 32, 32, 3)),
    ({"filters": 4, "kernel_size": [3, 4], "strides": [2, 1], "padding": "same"}, (None, 5, 5, 3)),
    ({"filters": 4, "kernel_size": [3, 4], "strides": [2, 1]}, (None, 9, 9, 3)),
    ({"filters": 8, "kernel_size": 3, "strides": 2}, (None, 28, 28, 1)),
    ({"filters": 8, "kernel_size": 3, "dilation_rate": [2, 1]}, (None, 12, 12, 2)),
    ({"filters": 8, "kernel_size": 3, "groups": 4}, (None, 10, 10, 8)),
    ({"filters": 5, "kernel_size": 3, "data_format": "channels_first"}, (None, 3, 9, 7)),
    ({"filters": 5, "kernel_size": 3, "padding": "same", "strides": 3,
      "data_format": "channels_first"}, (None, 2, 10, 11)),
    ({"filters": 3, "kernel_size": 1}, (None, None, None, 16)),
    ({"filters": 3, "kernel_size": 3, "strides": 2}, (None, None, 15, 4)),
    ({"filters": 16, "kernel_size": 3, "activation": "relu", "use_bias": False,
      "kernel_initializer": "he_normal", "kernel_constraint": "max_norm"}, (2, 7, 7, 3)),
]
CONV3D = [
    ({"filters": 8, "kernel_size": 3}, (None, 16, 64, 64, 3)),  # 656 params
    ({"filters": 8, "kernel_size": 3, "strides": [1, 2, 2], "padding": "same"}, (None, 16, 64, 64, 3)),
    ({"filters": 4, "kernel_size": [1, 3, 3], "dilation_rate": [1, 2, 2]}, (None, 4, 9, 9, 2)),
    ({"filters": 4, "kernel_size": 2, "groups": 2, "data_format": "channels_first"}, (None, 2, 5, 6, 7)),
    ({"filters": 4, "kernel_size": 3}, (None, None, 8, 8, 1)),
]


@pytest.mark.parametrize("params,shape", CONV1D)
def test_conv1d_matches_keras(params, shape):
    compare("Conv1D", params, [shape])


@pytest.mark.parametrize("params,shape", CONV2D)
def test_conv2d_matches_keras(params, shape):
    compare("Conv2D", params, [shape])


@pytest.mark.parametrize("params,shape", CONV3D)
def test_conv3d_matches_keras(params, shape):
    compare("Conv3D", params, [shape])


def test_conv_worked_examples_from_the_notes():
    assert compare("Conv1D", {"filters": 8, "kernel_size": 5}, [(None, 20, 1)])[:2] == ((None, 16, 8), 48)
    assert compare("Conv1D", {"filters": 64, "kernel_size": 3}, [(None, 431, 64)])[:2] == (
        (None, 429, 64), 12352)
    out, params, _, macs = compare("Conv3D", {"filters": 8, "kernel_size": 3}, [(None, 16, 64, 64, 3)])
    assert (out, params) == ((None, 14, 62, 62, 8), 656)
    assert macs == 14 * 62 * 62 * 27 * 3 * 8


# ------------------------------------------------------------ Transpose ---

TRANSPOSE = [
    ("Conv1DTranspose", {"filters": 5, "kernel_size": 3, "strides": 2}, (None, 8, 4)),  # (17, 5), 65
    ("Conv1DTranspose", {"filters": 5, "kernel_size": 3, "strides": 2, "padding": "same"}, (None, 8, 4)),
    ("Conv1DTranspose", {"filters": 2, "kernel_size": 2, "strides": 3}, (None, 8, 4)),  # kernel < strides
    ("Conv1DTranspose", {"filters": 2, "kernel_size": 3, "strides": 3, "output_padding": 2},
     (None, 8, 4)),
    ("Conv1DTranspose", {"filters": 2, "kernel_size": 3, "dilation_rate": 2}, (None, None, 4)),
    ("Conv2DTranspose", {"filters": 8, "kernel_size": 3, "strides": 2, "padding": "same"},
     (None, 3, 3, 16)),  # (6, 6, 8), 1160
    ("Conv2DTranspose", {"filters": 8, "kernel_size": 4, "strides": 2, "padding": "same",
                         "output_padding": 1}, (None, 7, 7, 3)),
    ("Conv2DTranspose", {"filters": 8, "kernel_size": 3, "strides": 2, "padding": "same",
                         "output_padding": [0, 1]}, (None, 7, 7, 3)),
    ("Conv2DTranspose", {"filters": 8, "kernel_size": [5, 3], "strides": [2, 1]}, (None, 7, 7, 3)),
    ("Conv2DTranspose", {"filters": 4, "kernel_size": 3, "dilation_rate": 2, "padding": "same"},
     (None, 6, 6, 2)),
    ("Conv2DTranspose", {"filters": 4, "kernel_size": 3, "strides": 2, "data_format": "channels_first"},
     (None, 2, 5, 6)),
    ("Conv2DTranspose", {"filters": 4, "kernel_size": 2, "strides": 2, "use_bias": False},
     (None, None, None, 2)),
    ("Conv3DTranspose", {"filters": 5, "kernel_size": 3, "strides": 2, "padding": "same"},
     (None, 4, 8, 8, 2)),  # 275
    ("Conv3DTranspose", {"filters": 3, "kernel_size": [2, 3, 3], "strides": [1, 2, 2],
                         "output_padding": [0, 1, 0]}, (None, 4, 5, 5, 2)),
    ("Conv3DTranspose", {"filters": 3, "kernel_size": 2, "data_format": "channels_first"},
     (None, 2, 3, 4, 5)),
]


@pytest.mark.parametrize("type_name,params,shape", TRANSPOSE)
def test_transpose_matches_keras(type_name, params, shape):
    compare(type_name, params, [shape])


def test_transpose_worked_examples():
    assert compare("Conv1DTranspose", {"filters": 5, "kernel_size": 3, "strides": 2},
                   [(None, 8, 4)])[:2] == ((None, 17, 5), 65)
    assert compare("Conv2DTranspose", {"filters": 8, "kernel_size": 3, "strides": 2, "padding": "same"},
                   [(None, 3, 3, 16)])[:2] == ((None, 6, 6, 8), 1160)


# -------------------------------------------------- Separable, Depthwise ---

DEPTHWISE = [
    ("DepthwiseConv1D", {"kernel_size": 3}, (None, 20, 8)),
    ("DepthwiseConv1D", {"kernel_size": 3, "depth_multiplier": 2, "strides": 2, "padding": "same"},
     (None, 21, 4)),
    ("DepthwiseConv1D", {"kernel_size": 3, "dilation_rate": 2, "data_format": "channels_first"},
     (None, 4, 20)),
    ("DepthwiseConv2D", {"kernel_size": 3, "padding": "same"}, (None, 56, 56, 32)),
    ("DepthwiseConv2D", {"kernel_size": [3, 5], "strides": 2, "depth_multiplier": 3, "use_bias": False},
     (None, 15, 16, 4)),
    ("DepthwiseConv2D", {"kernel_size": 3, "data_format": "channels_first"}, (None, 3, None, 9)),
    ("SeparableConv1D", {"filters": 16, "kernel_size": 3}, (None, 20, 8)),
    ("SeparableConv1D", {"filters": 4, "kernel_size": 5, "padding": "same", "strides": 2,
                         "depth_multiplier": 2}, (None, None, 3)),
    ("SeparableConv1D", {"filters": 4, "kernel_size": 3, "dilation_rate": 2,
                         "data_format": "channels_first"}, (None, 3, 20)),
    ("SeparableConv2D", {"filters": 64, "kernel_size": 3, "padding": "same"}, (None, 32, 32, 32)),
    ("SeparableConv2D", {"filters": 8, "kernel_size": 3, "strides": 2, "use_bias": False,
                         "depth_multiplier": 2, "activation": "relu"}, (None, 17, 17, 3)),
    ("SeparableConv2D", {"filters": 8, "kernel_size": [3, 1], "dilation_rate": [2, 1],
                         "data_format": "channels_first", "pointwise_regularizer": "l2"},
     (None, 3, 10, 10)),
]


@pytest.mark.parametrize("type_name,params,shape", DEPTHWISE)
def test_depthwise_and_separable_match_keras(type_name, params, shape):
    compare(type_name, params, [shape])


# --------------------------------------------------------------- errors ---

@pytest.mark.parametrize("type_name,params,shape,words", [
    ("Conv2D", {"filters": 4, "kernel_size": 3}, (None, 20, 20), ["4-D", "(None, 20, 20)", "(20, 20, 1)"]),
    ("Conv1D", {"filters": 4, "kernel_size": 3}, (None, 20), ["3-D", "(batch, steps, channels)", "(20, 1)"]),
    ("Conv3D", {"filters": 4, "kernel_size": 3}, (None, 64, 64, 3), ["5-D", "Conv2D"]),
    ("Conv1D", {"filters": 4, "kernel_size": 3}, (None, 8, 8, 3), ["3-D", "Conv2D"]),
    ("Conv2D", {"filters": 4, "kernel_size": 3, "data_format": "channels_first"}, (None, 20, 20),
     ["(batch, channels, height, width)", "(1, 20, 20)"]),
    ("Conv2DTranspose", {"filters": 4, "kernel_size": 3}, (None, 784), ["4-D"]),
    ("SeparableConv2D", {"filters": 4, "kernel_size": 3}, (None, 8, 8, 8, 3), ["4-D"]),
    ("DepthwiseConv1D", {"kernel_size": 3}, (None, 8, 8, 3), ["3-D", "DepthwiseConv2D"]),
])
def test_refuses_wrong_rank_with_a_hint(type_name, params, shape, words):
    err = engine_refuses(type_name, params, [shape])
    text = f"{err.message} {err.hint}"
    assert err.message.startswith(type_name)
    for word in words:
        assert word in text, (word, text)


@pytest.mark.parametrize("type_name,params", [
    ("Conv1D", {"filters": 4, "kernel_size": 3, "strides": 2, "dilation_rate": 2}),
    ("Conv2D", {"filters": 4, "kernel_size": 3, "strides": [1, 2], "dilation_rate": [2, 1]}),
    ("Conv2DTranspose", {"filters": 4, "kernel_size": 3, "strides": 2, "dilation_rate": 2}),
    ("DepthwiseConv2D", {"kernel_size": 3, "strides": 2, "dilation_rate": 2}),  # Keras builds this one
    ("SeparableConv1D", {"filters": 4, "kernel_size": 3, "strides": 2, "dilation_rate": 2}),
])
def test_refuses_strides_with_dilation(type_name, params):
    shape = (None, 9, 9, 3) if "2D" in type_name else (None, 9, 3)
    err = engine_refuses(type_name, params, [shape])
    assert "strides" in err.message and "dilation_rate" in err.message


def test_refuses_groups_that_do_not_divide():
    err = engine_refuses("Conv2D", {"filters": 4, "kernel_size": 3, "groups": 3}, [(None, 8, 8, 6)])
    assert "groups=3" in err.message and "filters (4)" in err.message
    err = engine_refuses("Conv2D", {"filters": 6, "kernel_size": 3, "groups": 3}, [(None, 8, 8, 4)])
    assert "groups=3" in err.message and "input channels (4)" in err.message
    err = engine_refuses("Conv1D", {"filters": 6, "kernel_size": 3, "groups": 2,
                                    "data_format": "channels_first"}, [(None, 3, 10)])
    assert "input channels (3)" in err.message


@pytest.mark.parametrize("type_name,params,shape,words", [
    ("Conv2D", {"filters": 4, "kernel_size": 5}, (None, 3, 3, 1), ["5×5", "3×3", "-1×-1", "valid"]),
    ("Conv1D", {"filters": 4, "kernel_size": 3, "dilation_rate": 4}, (None, 8, 1), ["dilation", "9", "length 8"]),
    ("Conv3D", {"filters": 4, "kernel_size": [1, 3, 3]}, (None, 4, 2, 9, 1), ["1×3×3"]),
    ("SeparableConv2D", {"filters": 4, "kernel_size": 3}, (None, 2, 9, 1), ["3×3"]),
    ("DepthwiseConv2D", {"kernel_size": 4, "data_format": "channels_first"}, (None, 1, 3, 3), ["4×4"]),
])
def test_refuses_kernel_larger_than_input(type_name, params, shape, words):
    err = engine_refuses(type_name, params, [shape])
    assert "does not fit" in err.message and "padding='same'" in err.hint
    for word in words:
        assert word in err.message, (word, err.message)


def test_refuses_a_transpose_that_produces_an_empty_axis():
    # Keras returns (None, 0, 0, 4) here without complaint.
    err = engine_refuses("Conv2DTranspose", {"filters": 4, "kernel_size": 2, "padding": "same",
                                             "output_padding": 0}, [(None, 1, 1, 3)])
    assert "(None, 0, 0, 4)" in err.message


@pytest.mark.parametrize("type_name", ["Conv2D", "Conv3D", "Conv1DTranspose", "SeparableConv1D",
                                       "DepthwiseConv1D"])
def test_refuses_causal_padding_outside_conv1d(type_name):
    params = {"kernel_size": 3, "padding": "causal"}
    if not type_name.startswith("Depthwise"):
        params["filters"] = 4
    err = engine_refuses(type_name, params, [(None, 8, 3)])
    assert "causal" in err.message and "Conv1D" in err.message


@pytest.mark.parametrize("params", [
    {"filters": 4, "kernel_size": 3, "strides": 2, "output_padding": 2},
    {"filters": 4, "kernel_size": 3, "output_padding": 1},
    {"filters": 4, "kernel_size": 3, "strides": [2, 3], "output_padding": [1, 3]},
])
def test_refuses_output_padding_not_below_strides(params):
    err = engine_refuses("Conv2DTranspose", params, [(None, 4, 4, 3)])
    assert "output_padding" in err.message and "smaller than strides" in err.message


@pytest.mark.parametrize("type_name", CONV_TYPES)
def test_refuses_unknown_channels(type_name):
    spec = get_spec(type_name)
    params = {"kernel_size": 1}
    if _has_filters(spec):
        params["filters"] = 2
    rank = int(re.search(r"(\d)D", type_name).group(1))
    err = engine_refuses(type_name, params, [(None, *(4,) * rank, None)])
    assert "unknown size" in err.message and "channel" in err.message


@pytest.mark.parametrize("params", [{"filters": 0, "kernel_size": 3}, {"filters": 2, "kernel_size": 0},
                                    {"filters": 2, "kernel_size": 3, "strides": [1, 0]},
                                    {"filters": 2, "kernel_size": [3, 3, 3]}])
def test_refuses_bad_param_values(params):
    engine_refuses("Conv2D", params, [(None, 8, 8, 3)])


def test_rules_raise_only_shape_errors_on_odd_shapes():
    """Any rank, unknown or empty axes: a clean error or a result, never a crash."""
    shapes = [()] + [s for r in range(1, 6) for s in itertools.product((None, 0, 1, 7), repeat=r)
                     if len(s) < 5 or s.count(7) >= 3]
    for type_name in CONV_TYPES:
        spec = get_spec(type_name)
        for extra in ({}, {"padding": "same", "strides": 2}, {"data_format": "channels_first"}):
            params = {"kernel_size": 2, **extra}
            if _has_filters(spec):
                params["filters"] = 2
            p = spec.resolve(params)
            for shape in shapes:
                try:
                    out = spec.shape(p, [shape], RuleContext())
                    spec.weights(p, [shape])
                    spec.macs(p, [shape], [out])
                except NeuroCanvasError:
                    pass
