"""Preprocessing layer declarations compared with real Keras layers."""

import pytest
from hypothesis import given, settings, strategies as st

from engine.catalog import get_spec
from engine.errors import NeuroCanvasError, ParamError, RuleContext, ShapeError
from keras_reference import compare, engine_refuses, engine_result

CF = {"data_format": "channels_first"}


@pytest.mark.parametrize("params,shape", [
    ({"scale": 1 / 255}, (None, 32, 32, 3)),
    ({"scale": 1 / 127.5, "offset": -1}, (None, 10)),
    ({"scale": 2.0}, (None, None, 7)),
])
def test_rescaling_matches_keras(params, shape):
    assert compare("Rescaling", params, [shape])[0] == shape


@pytest.mark.parametrize("params,shape,expected", [
    ({"height": 10, "width": 12}, (None, 32, 32, 3), (None, 10, 12, 3)),
    ({"height": 224, "width": 224}, (None, None, None, 3), (None, 224, 224, 3)),
    ({"height": 5, "width": 6, **CF}, (None, 3, 32, 32), (None, 3, 5, 6)),
    ({"height": 64, "width": 32, "interpolation": "nearest", "crop_to_aspect_ratio": True},
     (8, 20, 30, 1), (8, 64, 32, 1)),
    ({"height": 7, "width": 7, "interpolation": "bicubic", "pad_to_aspect_ratio": True,
      "fill_value": 1.0, "antialias": True}, (None, 9, 4, 2), (None, 7, 7, 2)),
    ({"height": 16, "width": 16, "interpolation": "area"}, (None, 64, 64, 3), (None, 16, 16, 3)),
])
def test_resizing_matches_keras(params, shape, expected):
    out, _, _, macs = compare("Resizing", params, [shape])
    assert out == expected
    assert (macs == 0) == (params.get("interpolation") == "nearest")


@pytest.mark.parametrize("params,shape,expected", [
    ({"height": 10, "width": 12}, (None, 32, 32, 3), (None, 10, 12, 3)),
    ({"height": 224, "width": 224}, (None, None, None, 3), (None, 224, 224, 3)),
    ({"height": 2, "width": 3, **CF}, (None, 1, 5, 5), (None, 1, 2, 3)),
    ({"height": 40, "width": 12}, (None, 32, 32, 3), (None, 40, 12, 3)),
])
def test_center_crop_matches_keras(params, shape, expected):
    assert compare("CenterCrop", params, [shape])[0] == expected


def test_center_crop_warns_when_larger_than_input():
    spec = get_spec("CenterCrop")
    ctx = RuleContext()
    spec.shape(spec.resolve({"height": 40, "width": 12}), [(None, 32, 32, 3)], ctx)
    assert len(ctx.warnings) == 1 and "height 32 < 40" in ctx.warnings[0].message
    ctx = RuleContext()
    spec.shape(spec.resolve({"height": 20, "width": 20}), [(None, 32, 32, 3)], ctx)
    assert not ctx.warnings


@pytest.mark.parametrize("type_name,params,shape", [
    ("RandomFlip", {}, (None, 32, 32, 3)),
    ("RandomFlip", {"mode": "horizontal", "seed": 1}, (None, None, None, 1)),
    ("RandomFlip", {"mode": "vertical", **CF}, (None, 3, 8, 8)),
    ("RandomRotation", {"factor": 0.1}, (None, 32, 32, 3)),
    ("RandomRotation", {"factor": [-0.2, 0.3], "fill_mode": "constant", "fill_value": 1.0,
                        "interpolation": "nearest"}, (None, 16, 8, 1)),
    ("RandomRotation", {"factor": 1, **CF}, (None, 3, None, None)),
    ("RandomZoom", {"height_factor": 0.2}, (None, 32, 32, 3)),
    ("RandomZoom", {"height_factor": [-0.3, -0.1], "width_factor": 0.5, "fill_mode": "wrap"},
     (None, 20, 10, 2)),
    ("RandomZoom", {"height_factor": 1.0, **CF}, (None, 1, 28, 28)),
    ("RandomTranslation", {"height_factor": 0.1, "width_factor": 0.1}, (None, 32, 32, 3)),
    ("RandomTranslation", {"height_factor": [-0.2, 0.0], "width_factor": -1, "fill_mode": "nearest"},
     (4, None, 7, 3)),
    ("RandomTranslation", {"height_factor": 0.5, "width_factor": 0, **CF}, (None, 2, 6, 6)),
    ("RandomContrast", {"factor": 0.2}, (None, 32, 32, 3)),
    ("RandomContrast", {"factor": [0.1, 0.5], "value_range": [0, 1], "seed": 7}, (None, None, None, 3)),
])
def test_augmentation_layers_match_keras(type_name, params, shape):
    out, trainable, non_trainable, macs = compare(type_name, params, [shape])
    assert out == shape and (trainable, non_trainable, macs) == (0, 0, 0)


@pytest.mark.parametrize("type_name,params", [
    ("Resizing", {"height": 8, "width": 8}),
    ("CenterCrop", {"height": 8, "width": 8}),
    ("RandomFlip", {}),
    ("RandomRotation", {"factor": 0.1}),
    ("RandomZoom", {"height_factor": 0.1}),
    ("RandomTranslation", {"height_factor": 0.1, "width_factor": 0.1}),
    ("RandomContrast", {"factor": 0.1}),
])
@pytest.mark.parametrize("shape", [(None, 32, 32), (None, 32), (None, 4, 32, 32, 3)])
def test_image_layers_refuse_non_image_batches(type_name, params, shape):
    # Keras would read a 3-D (batch, height, width) tensor as one unbatched image.
    err = engine_refuses(type_name, params, [shape])
    assert isinstance(err, ShapeError) and err.message.startswith(type_name)
    assert "4-D" in err.message and "(batch, height, width, channels)" in err.message and err.hint


def test_image_layer_hints():
    assert "Reshape to (32, 32, 1)" in engine_refuses("RandomFlip", {}, [(None, 32, 32)]).hint
    assert "Reshape to (1, 32, 32)" in engine_refuses("RandomFlip", CF, [(None, 32, 32)]).hint
    assert "TimeDistributed" in engine_refuses("RandomFlip", {}, [(None, 4, 8, 8, 3)]).hint


@pytest.mark.parametrize("type_name,params,param", [
    ("Rescaling", {}, "scale"),
    ("Resizing", {"height": 0, "width": 4}, "height"),
    ("Resizing", {"height": 4, "width": 4, "interpolation": "cubic"}, "interpolation"),
    ("Resizing", {"height": 4, "width": 4, "crop_to_aspect_ratio": True, "pad_to_aspect_ratio": True},
     "pad_to_aspect_ratio"),
    ("Resizing", {"height": 4, "width": 4, "fill_mode": "reflect"}, "fill_mode"),
    ("CenterCrop", {"height": 4}, "width"),
    ("RandomFlip", {"mode": "diagonal"}, "mode"),
    ("RandomRotation", {"factor": 1.5}, "factor"),
    ("RandomRotation", {"factor": [0.1, 0.2, 0.3]}, "factor"),
    ("RandomRotation", {"factor": "small"}, "factor"),
    ("RandomRotation", {"factor": 0.1, "fill_mode": "mirror"}, "fill_mode"),
    ("RandomRotation", {"factor": 0.1, "interpolation": "bicubic"}, "interpolation"),
    ("RandomZoom", {"height_factor": -1}, "height_factor"),
    ("RandomZoom", {"height_factor": 0.1, "width_factor": [0.1, 2]}, "width_factor"),
    ("RandomTranslation", {"height_factor": 0.1}, "width_factor"),
    ("RandomTranslation", {"height_factor": -1.1, "width_factor": 0}, "height_factor"),
    ("RandomContrast", {"factor": -0.1}, "factor"),
    ("RandomContrast", {"factor": [0.1, 1.2]}, "factor"),
    ("RandomContrast", {"factor": 0.1, "value_range": [1, 0]}, "value_range"),
    ("RandomContrast", {"factor": 0.1, "value_range": 255}, "value_range"),
])
def test_preprocessing_refuses_bad_params(type_name, params, param):
    err = engine_refuses(type_name, params, [(None, 8, 8, 3)])
    assert isinstance(err, ParamError) and err.param == param


def test_rules_never_crash_on_odd_shapes():
    odd = [(None,), (None, None), (None, 0, 1, 1), (1, None, None, None), (None, 3, 0, 2)]
    cases = [("Rescaling", {"scale": 1.0}), ("Resizing", {"height": 2, "width": 2}),
             ("CenterCrop", {"height": 2, "width": 2}), ("RandomFlip", {}), ("RandomContrast", {"factor": 0.1})]
    for type_name, params in cases:
        for shape in odd:
            try:
                engine_result(type_name, params, [shape])
            except NeuroCanvasError:
                pass


def test_contrast_refuses_non_finite_value_range():
    err = engine_refuses("RandomContrast", {"factor": 0.1, "value_range": [0, float("nan")]}, [(None, 4, 4, 3)])
    assert isinstance(err, ParamError) and err.param == "value_range"


_ODD_VALUES = st.sampled_from([None, 0, 1, -1, 2, 3, 0.5, -0.5, 1.5, True, "x", [], [1], [1, 2], [1, 2, 3],
                               [[1, 2], [3, 4]], [0, [1, 2]], [None, 1], {"a": 1}, float("nan"), [1, -1]])


@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_rules_raise_only_user_errors(data):
    """Any params and any input shape end in a result or a ShapeError/ParamError, never a crash."""
    spec = get_spec(data.draw(st.sampled_from(["Rescaling", "Resizing", "CenterCrop", "RandomFlip", "RandomRotation", "RandomZoom", "RandomTranslation", "RandomContrast"])))
    params = {p.name: data.draw(_ODD_VALUES) for p in spec.params if p.required or data.draw(st.booleans())}
    shape = tuple(data.draw(st.lists(st.sampled_from([None, 0, 1, 2, 3, 8]), min_size=1, max_size=6)))
    try:
        engine_result(spec.type, params, [shape])
    except NeuroCanvasError:
        pass
