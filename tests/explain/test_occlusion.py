"""Occlusion sensitivity finds a pattern planted in one corner of synthetic images."""

import numpy as np
import pytest

from lazy_import import keras  # noqa: E402  (imported when a test runs)

from engine.explain import attribution  # noqa: E402

SIZE, CORNER = 12, 3


@pytest.fixture(scope="module")
def corner_model():
    rng = np.random.default_rng(0)
    n = 400
    x = rng.uniform(0.0, 0.4, (n, SIZE, SIZE, 1)).astype("float32")
    y = np.arange(n) % 2
    x[y == 1, :CORNER, :CORNER, 0] = 1.0  # class 1: a bright square in the top-left corner
    keras.utils.set_random_seed(0)
    model = keras.Sequential([
        keras.Input((SIZE, SIZE, 1)),
        keras.layers.Conv2D(4, 3, activation="relu", name="conv"),
        keras.layers.MaxPooling2D(2),
        keras.layers.Flatten(),
        keras.layers.Dense(2, activation="softmax")])
    model.compile(keras.optimizers.Adam(0.01), "sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    model.fit(x[:300], y[:300], epochs=6, batch_size=32, verbose=0)
    acc = model.evaluate(x[300:], y[300:], verbose=0)[1]
    assert acc > 0.95
    return model, x[300:], y[300:]


def test_occlusion_localises_the_corner_pattern(corner_model):
    model, x, y = corner_model
    hits = 0
    samples = np.flatnonzero(y == 1)[:5]
    for i in samples:
        a = attribution.occlusion(model, x[i], class_index=1, patch=3, stride=1)
        assert a.map.shape == (SIZE, SIZE)
        r, c = np.unravel_index(np.argmax(a.map), a.map.shape)
        corner = a.map[:CORNER + 1, :CORNER + 1].mean()
        rest = np.delete(a.map.reshape(-1), [rr * SIZE + cc for rr in range(CORNER + 1)
                                             for cc in range(CORNER + 1)]).mean()
        assert corner > 0.2  # hiding the square costs the class-1 probability
        assert corner > 10 * abs(rest)
        hits += int(r <= CORNER and c <= CORNER)
    assert hits == len(samples)


def test_occlusion_definition_on_one_window(corner_model):
    model, x, y = corner_model
    i = int(np.flatnonzero(y == 1)[0])
    a = attribution.occlusion(model, x[i], class_index=1, patch=SIZE, stride=SIZE, fill=0.0)
    # one patch covering everything: every pixel gets p(x) - p(blank image)
    p = model.predict(np.stack([x[i], np.zeros_like(x[i])]), verbose=0)[:, 1]
    np.testing.assert_allclose(a.map, np.full((SIZE, SIZE), p[0] - p[1]), atol=1e-5)
    assert a.extra["patch"] == SIZE


def test_gradcam_points_at_the_corner(corner_model):
    model, x, y = corner_model
    i = int(np.flatnonzero(y == 1)[1])
    a = attribution.gradcam(model, x[i], class_index=1)
    assert a.layer == "conv" and a.map.shape == (SIZE - 2, SIZE - 2)
    r, c = np.unravel_index(np.argmax(a.map), a.map.shape)
    assert r <= CORNER and c <= CORNER
