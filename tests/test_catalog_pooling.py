import itertools

import pytest

from engine.catalog import get_spec
from engine.errors import NeuroCanvasError, RuleContext
from keras_reference import compare, engine_refuses

POOL_TYPES = [f"{mode}Pooling{r}D" for mode in ("Max", "Average") for r in (1, 2, 3)]
GLOBAL_TYPES = [f"Global{mode}Pooling{r}D" for mode in ("Max", "Average") for r in (1, 2, 3)]


# -------------------------------------------------------------- windows ---

WINDOW_1D = [
    ({"pool_size": 2}, (None, 20, 8)),
    ({"pool_size": 3}, (None, 20, 8)),
    ({"pool_size": 3, "strides": 1}, (None, 20, 8)),
    ({"pool_size": 2, "padding": "same"}, (None, 21, 8)),
    ({"pool_size": 4, "strides": 3, "padding": "same"}, (None, 3, 2)),
    ({"pool_size": 2, "data_format": "channels_first"}, (None, 3, 11)),
    ({"pool_size": 2}, (None, None, 4)),
]
WINDOW_2D = [
    ({"pool_size": 2}, (None, 28, 28, 6)),
    ({"pool_size": 2, "strides": 2}, (None, 11, 13, 6)),
    ({"pool_size": 3, "strides": 2}, (None, 55, 55, 96)),  # AlexNet: overlapping pooling
    ({"pool_size": [2, 3], "strides": [1, 2]}, (None, 9, 9, 2)),
    ({"pool_size": 2, "padding": "same"}, (None, 1, 1, 8)),
    ({"pool_size": 3, "strides": 2, "padding": "same"}, (None, 7, 8, 2)),
    ({"pool_size": 2, "data_format": "channels_first"}, (None, 3, 8, 9)),
    ({"pool_size": 2}, (None, None, 8, None)),
]
WINDOW_3D = [
    ({"pool_size": 2}, (None, 16, 32, 32, 8)),
    ({"pool_size": [1, 2, 2]}, (None, 3, 8, 9, 2)),
    ({"pool_size": 3, "strides": 2, "padding": "same"}, (None, 5, 6, 7, 2)),
    ({"pool_size": 2, "data_format": "channels_first"}, (None, 2, 4, 5, 6)),
]


@pytest.mark.parametrize("mode", ["Max", "Average"])
@pytest.mark.parametrize("params,shape", WINDOW_1D)
def test_pooling1d_matches_keras(mode, params, shape):
    compare(f"{mode}Pooling1D", params, [shape])


@pytest.mark.parametrize("mode", ["Max", "Average"])
@pytest.mark.parametrize("params,shape", WINDOW_2D)
def test_pooling2d_matches_keras(mode, params, shape):
    compare(f"{mode}Pooling2D", params, [shape])


@pytest.mark.parametrize("mode", ["Max", "Average"])
@pytest.mark.parametrize("params,shape", WINDOW_3D)
def test_pooling3d_matches_keras(mode, params, shape):
    compare(f"{mode}Pooling3D", params, [shape])


@pytest.mark.parametrize("rank,shape", [(1, (None, 9, 3)), (2, (None, 9, 9, 3)), (3, (None, 4, 4, 4, 3))])
def test_max_pooling_default_window(rank, shape):
    out = compare(f"MaxPooling{rank}D", {}, [shape])[0]
    assert out[1] == shape[1] // 2


def test_pooling_halves_with_floor_division():
    assert compare("MaxPooling2D", {"pool_size": 2, "strides": 2}, [(None, 26, 11, 1)])[0] == (None, 13, 5, 1)
    assert compare("MaxPooling2D", {"pool_size": 3, "strides": 2}, [(None, 13, 13, 256)])[0] == (
        None, 6, 6, 256)


def test_average_pooling_needs_a_pool_size():
    err = engine_refuses("AveragePooling2D", {}, [(None, 8, 8, 3)])
    assert "pool_size" in err.message


# --------------------------------------------------------------- global ---

GLOBAL = [
    ({}, (None, 100, 64)),
    ({"keepdims": True}, (None, 100, 64)),
    ({"data_format": "channels_first"}, (None, 64, 100)),
    ({"data_format": "channels_first", "keepdims": True}, (None, 64, 100)),
    ({}, (None, None, 5)),
]


@pytest.mark.parametrize("mode", ["Max", "Average"])
@pytest.mark.parametrize("rank", [1, 2, 3])
@pytest.mark.parametrize("params,shape", GLOBAL)
def test_global_pooling_matches_keras(mode, rank, params, shape):
    # widen the template shape to the layer's rank
    if params.get("data_format") == "channels_first":
        shape = (shape[0], shape[1], *(shape[2:] * rank))
    else:
        shape = (shape[0], *(shape[1:-1] * rank), shape[-1])
    compare(f"Global{mode}Pooling{rank}D", params, [shape])


def test_global_average_pooling_on_vgg_features():
    assert compare("GlobalAveragePooling2D", {}, [(None, 7, 7, 512)])[0] == (None, 512)


# --------------------------------------------------------------- errors ---

@pytest.mark.parametrize("type_name,params,shape,words", [
    ("MaxPooling2D", {}, (None, 1, 1, 8), ["2×2", "1×1", "0×0"]),  # Keras may let 1×1 pool to 0×0
    ("MaxPooling2D", {"pool_size": 3, "strides": 1}, (None, 2, 2, 8), ["3×3", "2×2"]),
    ("AveragePooling1D", {"pool_size": 5}, (None, 4, 3), ["size 5", "length 4"]),
    ("AveragePooling3D", {"pool_size": [1, 3, 3]}, (None, 4, 2, 9, 1), ["1×3×3", "4×2×9"]),
    ("MaxPooling2D", {"data_format": "channels_first"}, (None, 8, 1, 1), ["2×2", "1×1"]),
])
def test_refuses_window_larger_than_input(type_name, params, shape, words):
    err = engine_refuses(type_name, params, [shape])
    assert err.message.startswith(type_name) and "does not fit" in err.message
    assert "padding='same'" in err.hint and "pool_size" in err.hint
    for word in words:
        assert word in err.message, (word, err.message)


@pytest.mark.parametrize("type_name,shape,words", [
    ("MaxPooling1D", (None, 20), ["3-D", "(20, 1)"]),
    ("MaxPooling2D", (None, 28, 28), ["4-D", "(28, 28, 1)"]),
    ("AveragePooling3D", (None, 8, 8, 3), ["5-D", "AveragePooling2D"]),
    ("MaxPooling1D", (None, 8, 8, 3), ["MaxPooling2D"]),
    ("GlobalAveragePooling1D", (None, 7, 7, 512), ["3-D", "GlobalAveragePooling2D"]),
    ("GlobalMaxPooling2D", (None, 10), ["4-D"]),
])
def test_refuses_wrong_rank(type_name, shape, words):
    params = {"pool_size": 2} if type_name.startswith("Average") else {}
    err = engine_refuses(type_name, params, [shape])
    text = f"{err.message} {err.hint}"
    assert err.message.startswith(type_name)
    for word in words:
        assert word in text, (word, text)


@pytest.mark.parametrize("params", [{"padding": "causal"}, {"pool_size": 0}, {"strides": 0},
                                    {"pool_size": [2, 2, 2]}, {"padding": "full"}])
def test_refuses_bad_params(params):
    err = engine_refuses("MaxPooling2D", params, [(None, 8, 8, 3)])
    if params.get("padding") == "causal":
        assert "only available for Conv1D" in err.message


def test_rules_raise_only_shape_errors_on_odd_shapes():
    shapes = [()] + [s for r in range(1, 6) for s in itertools.product((None, 0, 1, 7), repeat=r)
                     if len(s) < 5 or s.count(7) >= 3]
    for type_name in POOL_TYPES + GLOBAL_TYPES:
        spec = get_spec(type_name)
        variants = [{}, {"data_format": "channels_first", "keepdims": True}] if "Global" in type_name else [
            {"pool_size": 2}, {"pool_size": 3, "strides": 2, "padding": "same"},
            {"pool_size": 2, "data_format": "channels_first"}]
        for params in variants:
            p = spec.resolve(params)
            for shape in shapes:
                try:
                    out = spec.shape(p, [shape], RuleContext())
                    spec.weights(p, [shape])
                    spec.macs(p, [shape], [out])
                except NeuroCanvasError:
                    pass
