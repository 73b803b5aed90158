import numpy as np

from engine.data import apply_preprocessing, check_compatible, check_model_compatible, load_dataset


def test_digits_into_a_cifar_sized_input_names_resize_and_channels():
    msgs = check_compatible(load_dataset("digits"), {"in": (32, 32, 3)})
    assert len(msgs) == 1 and msgs[0].node == "in" and msgs[0].is_error
    assert "(32, 32, 3)" in msgs[0].message and "(8, 8)" in msgs[0].message
    assert "resize to 32×32" in msgs[0].hint and "channels to 3" in msgs[0].hint


def test_the_suggested_fix_makes_the_check_pass():
    ds = load_dataset("digits")
    fixed = apply_preprocessing(ds, {"resize": [32, 32], "channels": 3})
    assert check_compatible(fixed, {"in": (32, 32, 3)}, {"out": (10,)}) == []


def test_images_into_dense_suggests_flatten_and_channel_axis():
    ds = load_dataset("digits")
    msg = check_compatible(ds, {"x": (64,)})[0]
    assert "flatten" in msg.hint
    msg = check_compatible(ds, {"x": (8, 8, 1)})[0]
    assert "channels to 1" in msg.hint
    series = load_dataset("series")
    assert check_compatible(series, [(60, 1)], [(1,)]) == []
    msg = check_compatible(series, [(30, 1)])[0]
    assert "window" in msg.hint or "(60, 1)" in msg.hint


def test_feature_count_and_output_units():
    iris = load_dataset("iris")
    msg = check_compatible(iris, {"in": (13,)})[0]
    assert "(4,)" in msg.hint and "4 features" in msg.hint
    out = check_compatible(iris, {"in": (4,)}, {"probs": (2,)})
    assert out[0].node == "probs" and out[0].is_error and "3 classes" in out[0].message
    out = check_compatible(iris, {"in": (None,)}, {"probs": (1,)})
    assert out and "1 unit" in out[0].message
    onehot = apply_preprocessing(iris, {"labels": "onehot"})
    assert check_compatible(onehot, {"in": (4,)}, {"probs": (3,)}) == []
    assert check_compatible(onehot, {"in": (4,)}, {"probs": (4,)})[0].is_error
    reg = load_dataset("diabetes")
    assert check_compatible(reg, {"in": (10,)}, {"y": (1,)}) == []
    assert "units to 1" in check_compatible(reg, {"in": (10,)}, {"y": (3,)})[0].hint


def test_against_a_real_keras_model():
    import keras

    inp = keras.Input((28, 28, 1), name="image")
    out = keras.layers.Dense(10, activation="softmax", name="probs")(keras.layers.Flatten()(inp))
    model = keras.Model(inp, out)
    ds = load_dataset("digits")
    msgs = check_model_compatible(ds, model)
    assert msgs and "28×28" in msgs[0].hint and "channels to 1" in msgs[0].hint
    fixed = apply_preprocessing(ds, {"resize": [28, 28], "channels": 1})
    assert check_model_compatible(fixed, model) == []
    model.compile("adam", "sparse_categorical_crossentropy")
    model.fit(fixed.x_train[:64], fixed.y_train[:64], epochs=1, verbose=0)
    assert np.isfinite(model.evaluate(fixed.x_val[:32], fixed.y_val[:32], verbose=0))
