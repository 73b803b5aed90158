"""UpSampling, ZeroPadding and Cropping declarations compared with real Keras layers."""

import pytest
from hypothesis import given, settings, strategies as st

from engine.catalog import get_spec
from engine.errors import NeuroCanvasError, ParamError, ShapeError
from keras_reference import compare, engine_refuses, engine_result

CF = {"data_format": "channels_first"}


# ------------------------------------------------------------ UpSampling ---

@pytest.mark.parametrize("type_name,params,shape,expected", [
    ("UpSampling1D", {}, (None, 10, 8), (None, 20, 8)),
    ("UpSampling1D", {"size": 3}, (None, None, 4), (None, None, 4)),
    ("UpSampling1D", {"size": 1}, (2, 5, 1), (2, 5, 1)),
    ("UpSampling2D", {}, (None, 14, 14, 8), (None, 28, 28, 8)),
    ("UpSampling2D", {"size": [2, 3]}, (None, 4, 5, 3), (None, 8, 15, 3)),
    ("UpSampling2D", {"size": 2, "interpolation": "bilinear"}, (None, None, 7, 2), (None, None, 14, 2)),
    ("UpSampling2D", {"size": [3, 1], **CF}, (None, 3, 4, 5), (None, 3, 12, 5)),
    ("UpSampling2D", {"interpolation": "bicubic", **CF}, (None, 1, None, 6), (None, 1, None, 12)),
    ("UpSampling2D", {"interpolation": "area"}, (None, 4, 4, 3), (None, 8, 8, 3)),
    ("UpSampling3D", {}, (None, 4, 8, 8, 3), (None, 8, 16, 16, 3)),
    ("UpSampling3D", {"size": [1, 2, 3]}, (None, 2, None, 2, 1), (None, 2, None, 6, 1)),
    ("UpSampling3D", {"size": 2, **CF}, (None, 3, 2, 2, 2), (None, 3, 4, 4, 4)),
])
def test_upsampling_matches_keras(type_name, params, shape, expected):
    out, trainable, non_trainable, _ = compare(type_name, params, [shape])
    assert out == expected and (trainable, non_trainable) == (0, 0)


@pytest.mark.parametrize("type_name,shape,rank", [
    ("UpSampling1D", (None, 10), 3),
    ("UpSampling2D", (None, 28, 28), 4),
    ("UpSampling3D", (None, 28, 28, 3), 5),
    ("UpSampling1D", (None, 4, 4, 4), 3),
])
def test_upsampling_refuses_wrong_rank(type_name, shape, rank):
    err = engine_refuses(type_name, {}, [shape])
    assert err.message.startswith(type_name) and f"{rank}-D" in err.message and err.hint


@pytest.mark.parametrize("type_name,params", [
    ("UpSampling1D", {"size": 0}),
    ("UpSampling1D", {"size": [2]}),
    ("UpSampling2D", {"size": [2, 0]}),
    ("UpSampling2D", {"size": [2, 2, 2]}),
    ("UpSampling2D", {"interpolation": "cubic"}),
    ("UpSampling3D", {"size": -1}),
])
def test_upsampling_refuses_bad_params(type_name, params):
    assert isinstance(engine_refuses(type_name, params, [(None, 4, 4, 4)]), ParamError)


# ----------------------------------------------------------- ZeroPadding ---

@pytest.mark.parametrize("type_name,params,shape,expected", [
    ("ZeroPadding1D", {}, (None, 10, 8), (None, 12, 8)),
    ("ZeroPadding1D", {"padding": [1, 2]}, (None, 2, 3), (None, 5, 3)),
    ("ZeroPadding1D", {"padding": 0}, (None, None, 3), (None, None, 3)),
    ("ZeroPadding1D", {"padding": 2, **CF}, (None, 3, 10), (None, 3, 14)),
    ("ZeroPadding2D", {}, (None, 28, 28, 1), (None, 30, 30, 1)),
    ("ZeroPadding2D", {"padding": 2}, (None, 28, 28, 1), (None, 32, 32, 1)),
    ("ZeroPadding2D", {"padding": [1, 3]}, (None, 5, 5, 2), (None, 7, 11, 2)),
    ("ZeroPadding2D", {"padding": [[0, 1], [2, 3]]}, (None, 5, None, 2), (None, 6, None, 2)),
    ("ZeroPadding2D", {"padding": [1, [2, 3]], **CF}, (None, 3, 2, 3), (None, 3, 4, 8)),
    ("ZeroPadding3D", {}, (None, 8, 8, 8, 3), (None, 10, 10, 10, 3)),
    ("ZeroPadding3D", {"padding": [1, 2, 3]}, (None, 1, 1, 1, 1), (None, 3, 5, 7, 1)),
    ("ZeroPadding3D", {"padding": [[0, 1], 2, [3, 0]], **CF}, (None, 2, 4, None, 4), (None, 2, 5, None, 7)),
])
def test_zero_padding_matches_keras(type_name, params, shape, expected):
    assert compare(type_name, params, [shape])[0] == expected


@pytest.mark.parametrize("type_name,padding,words", [
    ("ZeroPadding2D", [1, 2, 3], "list of 2"),
    ("ZeroPadding2D", [[1, 2, 3], 1], "1st entry"),
    ("ZeroPadding2D", -1, "≥ 0"),
    ("ZeroPadding2D", [1, -2], "≥ 0"),
    ("ZeroPadding2D", "same", "[before, after]"),
    ("ZeroPadding3D", [[1, 1], [1, 1]], "list of 3"),
    ("ZeroPadding3D", [1, 1, 1.5], "integer"),
    ("ZeroPadding1D", [1, 2, 3], "integer"),
    ("ZeroPadding1D", -1, "≥ 0"),
])
def test_zero_padding_refuses_bad_padding(type_name, padding, words):
    err = engine_refuses(type_name, {"padding": padding}, [(None, 4, 4, 4, 4)])
    assert isinstance(err, ParamError) and err.param == "padding"
    assert words in err.message


def test_zero_padding_refuses_wrong_rank():
    err = engine_refuses("ZeroPadding2D", {"padding": 2}, [(None, 28, 28)])
    assert "4-D" in err.message and "Reshape to (28, 28, 1)" in err.hint
    err = engine_refuses("ZeroPadding2D", CF, [(None, 28, 28)])
    assert "(batch, channels, height, width)" in err.message and "(1, 28, 28)" in err.hint


# -------------------------------------------------------------- Cropping ---

@pytest.mark.parametrize("type_name,params,shape,expected", [
    ("Cropping1D", {}, (None, 10, 8), (None, 8, 8)),
    ("Cropping1D", {"cropping": [1, 2]}, (None, 10, 8), (None, 7, 8)),
    ("Cropping1D", {"cropping": 3}, (None, None, 2), (None, None, 2)),
    ("Cropping1D", {"cropping": [0, 4]}, (None, 5, 2), (None, 1, 2)),
    ("Cropping2D", {}, (None, 28, 28, 3), (None, 28, 28, 3)),
    ("Cropping2D", {"cropping": [[2, 2], [4, 4]]}, (None, 28, 28, 3), (None, 24, 20, 3)),
    ("Cropping2D", {"cropping": 1}, (None, 3, 3, 1), (None, 1, 1, 1)),
    ("Cropping2D", {"cropping": [1, [0, 2]], **CF}, (None, 3, 5, 5), (None, 3, 3, 3)),
    ("Cropping2D", {"cropping": [[1, 0], 2]}, (None, None, 6, 4), (None, None, 2, 4)),
    ("Cropping3D", {}, (None, 8, 8, 8, 3), (None, 6, 6, 6, 3)),
    ("Cropping3D", {"cropping": [0, [1, 2], 3]}, (None, 4, 4, 7, 1), (None, 4, 1, 1, 1)),
    ("Cropping3D", {"cropping": 1, **CF}, (None, 2, 3, None, 5), (None, 2, 1, None, 3)),
])
def test_cropping_matches_keras(type_name, params, shape, expected):
    assert compare(type_name, params, [shape])[0] == expected


@pytest.mark.parametrize("type_name,params,shape", [
    ("Cropping1D", {}, (None, 2, 3)),
    ("Cropping1D", {"cropping": [5, 0]}, (None, 5, 3)),
    ("Cropping2D", {"cropping": 1}, (None, 2, 3, 3)),
    ("Cropping2D", {"cropping": [0, 3], **CF}, (None, 1, 9, 6)),
    ("Cropping3D", {}, (None, 8, 2, 8, 3)),
])
def test_cropping_refuses_cropping_everything(type_name, params, shape):
    err = engine_refuses(type_name, params, [shape])
    assert isinstance(err, ShapeError) and err.message.startswith(type_name)
    assert "does not fit" in err.message and "Crop less" in err.hint


@pytest.mark.parametrize("type_name,cropping", [
    ("Cropping1D", -1), ("Cropping1D", [1, 2, 3]), ("Cropping2D", [[1, 2], [3]]),
    ("Cropping2D", [True, 1]), ("Cropping3D", [1, 1]), ("Cropping3D", {"top": 1}),
])
def test_cropping_refuses_bad_cropping(type_name, cropping):
    err = engine_refuses(type_name, {"cropping": cropping}, [(None, 9, 9, 9, 9)])
    assert isinstance(err, ParamError) and err.param == "cropping"


def test_lenet_padding_from_the_book():
    """The book's LeNet-5 starts with ZeroPadding2D(2) on 28×28×1 images."""
    assert compare("ZeroPadding2D", {"padding": 2}, [(None, 28, 28, 1)])[0] == (None, 32, 32, 1)


def test_rules_never_crash_on_odd_shapes():
    odd = [(None,), (None, None), (None, 0, 1), (1, None, None, None), (None, 3, 0, 2), (None, 1, 1, 1, 1)]
    for type_name in ["UpSampling1D", "UpSampling2D", "UpSampling3D", "ZeroPadding1D", "ZeroPadding2D",
                      "ZeroPadding3D", "Cropping1D", "Cropping2D", "Cropping3D"]:
        for shape in odd:
            try:
                engine_result(type_name, {}, [shape])
            except NeuroCanvasError:
                pass


@pytest.mark.parametrize("padding", [[float("nan"), 1], float("inf"), [[1, float("nan")], 0]])
def test_padding_refuses_non_finite_values(padding):
    assert isinstance(engine_refuses("ZeroPadding2D", {"padding": padding}, [(None, 3, 3, 3)]), ParamError)


_ODD_VALUES = st.sampled_from([None, 0, 1, -1, 2, 3, 0.5, -0.5, 1.5, True, "x", [], [1], [1, 2], [1, 2, 3],
                               [[1, 2], [3, 4]], [0, [1, 2]], [None, 1], {"a": 1}, float("nan"), [1, -1]])


@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_rules_raise_only_user_errors(data):
    """Any params and any input shape end in a result or a ShapeError/ParamError, never a crash."""
    spec = get_spec(data.draw(st.sampled_from(["UpSampling1D", "UpSampling2D", "UpSampling3D", "ZeroPadding1D", "ZeroPadding2D", "ZeroPadding3D", "Cropping1D", "Cropping2D", "Cropping3D"])))
    params = {p.name: data.draw(_ODD_VALUES) for p in spec.params if p.required or data.draw(st.booleans())}
    shape = tuple(data.draw(st.lists(st.sampled_from([None, 0, 1, 2, 3, 8]), min_size=1, max_size=6)))
    try:
        engine_result(spec.type, params, [shape])
    except NeuroCanvasError:
        pass
