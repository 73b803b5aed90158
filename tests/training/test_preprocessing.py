import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from engine.data import (AugmentationSettings, DataError, DataSettings, PreprocessSettings, Scaler,
                         apply_preprocessing, build_augmentation, build_dataset, load_dataset,
                         make_windows, to_one_hot, to_sparse, train_val_split)

finite = st.floats(-1e4, 1e4, allow_nan=False, width=32)


@settings(max_examples=40, deadline=None)
@given(arrays("float64", st.tuples(st.integers(2, 20), st.integers(1, 4)), elements=finite),
       st.sampled_from(["standardize", "minmax"]))
def test_scaler_inverse_round_trips_and_survives_json(x, kind):
    s = Scaler(kind).fit(x)
    y = s.transform(x)
    back = Scaler.from_dict(s.to_dict()).inverse(y)
    np.testing.assert_allclose(back, x, atol=1e-3 * (1 + np.abs(x).max()))
    if kind == "minmax":
        span = x.max(axis=0) > x.min(axis=0)
        assert np.all(y[:, span].min(axis=0) > -1e-5) and np.all(y[:, span].max(axis=0) < 1 + 1e-5)


def test_minmax_like_the_course_stock_scaler():
    s = Scaler("minmax").fit(np.array([[100.0], [300.0]]))
    assert s.transform(np.array([[200.0]]))[0, 0] == pytest.approx(0.5)
    assert s.inverse(np.array([[1.0]]))[0, 0] == pytest.approx(300.0)
    with pytest.raises(DataError):
        Scaler("minmax").transform(np.ones((2, 1)))


def test_labels_round_trip():
    y = np.array([2, 0, 1, 2])
    oh = to_one_hot(y, 3)
    assert oh.shape == (4, 3) and oh.sum() == 4 and oh[0, 2] == 1
    assert to_sparse(oh).tolist() == y.tolist()
    with pytest.raises(DataError):
        to_one_hot(np.array([0, 3]), 3)


def test_windows_and_split():
    x, y = make_windows(np.arange(100.0), 60)
    assert x.shape == (40, 60, 1) and y[0, 0] == 60.0 and x[-1, -1, 0] == 98.0
    with pytest.raises(DataError):
        make_windows(np.arange(10.0), 10)
    a = np.arange(50)
    xt, yt, xv, yv = train_val_split(a, a * 2, 0.2, seed=1)
    assert len(xv) == 10 and set(xt) | set(xv) == set(a) and np.all(yv == xv * 2)
    with pytest.raises(DataError):
        train_val_split(a, a, 1.0)


def test_apply_preprocessing_chain_leaves_original_untouched():
    ds = load_dataset("digits", validation_split=0)
    before = ds.x_train.copy()
    out = apply_preprocessing(ds, {"resize": [28, 28], "channels": 1, "labels": "onehot",
                                   "validation_split": 0.25, "scale": "standardize"})
    assert out.x_train.shape[1:] == (28, 28, 1) and out.y_train.shape[1:] == (10,)
    assert out.num_val == 449 and out.label_mode == "onehot"
    assert abs(float(out.x_train.mean())) < 1e-3
    np.testing.assert_array_equal(ds.x_train, before)
    flat = apply_preprocessing(ds, {"flatten": True})
    assert flat.input_shape == (64,)


def test_regression_target_scaling_keeps_inverse():
    ds = load_dataset("diabetes")
    out = apply_preprocessing(ds, {"scale_target": "minmax"})
    assert out.y_train.min() == pytest.approx(0) and out.y_train.max() == pytest.approx(1)
    np.testing.assert_allclose(out.target_scaler.inverse(out.y_train.reshape(-1, 1))[:, 0],
                               ds.y_train, rtol=1e-5)
    with pytest.raises(DataError):
        apply_preprocessing(load_dataset("iris"), {"scale_target": "minmax"})


def test_settings_round_trip_through_json_and_reject_unknown_keys():
    import json

    s = DataSettings("digits", {"size": 28}, PreprocessSettings(channels=1, scale="none"),
                     AugmentationSettings(rotation=45, zoom=0.5, shift_width=0.15))
    again = DataSettings.from_dict(json.loads(json.dumps(s.to_dict())))
    assert again == s
    ds = build_dataset(again)
    assert ds.input_shape == (28, 28, 1)
    with pytest.raises(DataError) as e:
        PreprocessSettings.from_dict({"scaling": "minmax"})
    assert "scaling" in e.value.message and "scale" in e.value.hint
    assert DataSettings.suggested("mnist").preprocess.scale == "divide255"


def test_augmentation_layers_follow_the_settings():
    assert build_augmentation({}) is None
    aug = build_augmentation({"flip": "horizontal", "rotation": 45, "zoom": 0.5,
                              "shift_width": 0.15, "shift_height": 0.15, "seed": 1})
    names = [type(layer).__name__ for layer in aug.layers]
    assert names == ["RandomFlip", "RandomRotation", "RandomZoom", "RandomTranslation"]
    assert aug.layers[1].factor == pytest.approx((-0.125, 0.125))
    x = load_dataset("shapes", n_samples=20, validation_split=0).x_train[:4].astype("float32")
    out = np.asarray(aug(x, training=True))
    assert out.shape == x.shape and not np.allclose(out, x)
    np.testing.assert_allclose(np.asarray(aug(x, training=False)), x)
    with pytest.raises(DataError):
        AugmentationSettings.from_dict({"zoom": 1.5})
