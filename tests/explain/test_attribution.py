"""Attribution maps against an independent GradientTape computation written here."""

import numpy as np
import pytest

from lazy_import import keras, tf  # noqa: E402  (imported when a test runs)

from engine.explain import ExplainError  # noqa: E402
from engine.explain import attribution as attr  # noqa: E402


@pytest.fixture(scope="module")
def cnn():
    keras.utils.set_random_seed(3)
    inp = keras.Input((10, 10, 3))
    x = keras.layers.Conv2D(4, 3, activation="relu", name="c1")(inp)
    x = keras.layers.Conv2D(6, 3, activation="relu", name="c2")(x)
    x = keras.layers.Flatten()(x)
    out = keras.layers.Dense(3, activation="softmax", name="out")(x)
    model = keras.Model(inp, out)
    sample = np.random.default_rng(0).uniform(0, 1, (10, 10, 3)).astype("float32")
    return model, sample


def _logits_and_layer(model, layer_name, x):
    """Logits (before the softmax) computed by hand from the Dense layer's input."""
    dense = model.get_layer("out")
    parts = keras.Model(model.inputs[0], [model.get_layer(layer_name).output, dense.input])
    acts, feats = parts(x)
    kernel, bias = dense.get_weights()
    return acts, tf.matmul(feats, kernel) + bias


def _reference_gradcam(model, layer, x, c):
    with tf.GradientTape() as tape:
        acts, logits = _logits_and_layer(model, layer, x)
        score = logits[0, c]
    g = tape.gradient(score, acts).numpy()[0]
    a = acts.numpy()[0]
    cam = np.maximum(np.einsum("hwk,k->hw", a, g.mean(axis=(0, 1))), 0)
    return cam / cam.max() if cam.max() > 0 else cam


def _reference_input_grad(model, x, c):
    t = tf.convert_to_tensor(x)
    with tf.GradientTape() as tape:
        tape.watch(t)
        _, logits = _logits_and_layer(model, "c1", t)
        score = tf.reduce_sum(logits[:, c])
    return tape.gradient(score, t).numpy(), logits.numpy()[:, c]


@pytest.mark.parametrize("layer", ["c1", "c2", None])
def test_gradcam_equals_reference_at_the_layer_resolution(cnn, layer):
    model, sample = cnn
    a = attr.gradcam(model, sample, class_index=None, layer=layer)
    used = layer or "c2"  # the last convolution by default
    assert a.layer == used
    probs = model.predict(sample[None], verbose=0)[0]
    assert a.predicted == int(np.argmax(probs)) == a.class_index
    assert a.probability == pytest.approx(float(probs.max()), rel=1e-5)
    ref = _reference_gradcam(model, used, sample[None], a.class_index)
    assert a.map.shape == ref.shape == tuple(model.get_layer(used).output.shape[1:3])
    np.testing.assert_allclose(a.map, ref, atol=1e-5)
    assert a.map.max() in (0.0, pytest.approx(1.0))


def test_gradcam_for_a_chosen_class_and_display_size(cnn):
    model, sample = cnn
    for c in range(3):
        a = attr.gradcam(model, sample, class_index=c, layer="c2")
        np.testing.assert_allclose(a.map, _reference_gradcam(model, "c2", sample[None], c),
                                   atol=1e-5)
        assert a.display_map().shape == (10, 10)
        img = a.overlay(size=100)
        assert img.dtype == np.uint8 and img.shape == (100, 100, 3)


def test_gradcam_all_zero_map_stays_zero():
    keras.utils.set_random_seed(1)
    inp = keras.Input((6, 6, 1))
    x = keras.layers.Conv2D(2, 3, activation="relu", name="conv",
                            kernel_initializer="zeros", bias_initializer="zeros")(inp)
    out = keras.layers.Dense(2, activation="softmax")(keras.layers.Flatten()(x))
    model = keras.Model(inp, out)
    a = attr.gradcam(model, np.ones((6, 6, 1), "float32"))
    assert a.map.shape == (4, 4)
    assert np.all(a.map == 0) and np.all(np.isfinite(a.map))


def test_saliency_equals_reference(cnn):
    model, sample = cnn
    a = attr.saliency(model, sample, class_index=1)
    g, _ = _reference_input_grad(model, sample[None], 1)
    ref = np.abs(g[0]).max(axis=-1)
    ref = ref / ref.max()
    assert a.map.shape == (10, 10)
    np.testing.assert_allclose(a.map, ref, atol=1e-5)


def test_integrated_gradients_equal_reference_and_are_complete(cnn):
    model, sample = cnn
    steps = 128
    a = attr.integrated_gradients(model, sample, class_index=2, steps=steps)
    alphas = np.linspace(0, 1, steps + 1).reshape(-1, 1, 1, 1)
    path = (alphas * sample[None]).astype("float32")
    g, scores = _reference_input_grad(model, path, 2)
    ref = sample * ((g[:-1] + g[1:]) / 2).mean(axis=0)
    np.testing.assert_allclose(a.extra["attributions"], ref, atol=1e-5)
    np.testing.assert_allclose(a.map, ref.sum(axis=-1), atol=1e-5)
    delta = scores[-1] - scores[0]
    assert abs(delta) > 1e-3
    assert abs(ref.sum() - delta) <= 0.01 * abs(delta)
    assert abs(float(a.map.sum()) - delta) <= 0.01 * abs(delta)


def test_smoothgrad_is_the_mean_of_noisy_gradients(cnn):
    model, sample = cnn
    a = attr.smoothgrad(model, sample, class_index=0, samples=8, noise=0.1, seed=5)
    rng = np.random.default_rng(5)
    noisy = sample[None] + rng.normal(0, 0.1 * float(sample.max() - sample.min()),
                                      (8,) + sample.shape).astype("float32")
    g, _ = _reference_input_grad(model, noisy.astype("float32"), 0)
    ref = np.abs(g).mean(axis=0).max(axis=-1)
    np.testing.assert_allclose(a.map, ref / ref.max(), atol=1e-5)


def test_sigmoid_output_uses_the_output_itself():
    keras.utils.set_random_seed(2)
    inp = keras.Input((5, 5, 2))
    x = keras.layers.Conv2D(3, 2, activation="tanh", name="conv")(inp)
    out = keras.layers.Dense(1, activation="sigmoid", name="p")(keras.layers.Flatten()(x))
    model = keras.Model(inp, out)
    sample = np.random.default_rng(1).normal(size=(5, 5, 2)).astype("float32")
    t = tf.convert_to_tensor(sample[None])
    with tf.GradientTape() as tape:
        tape.watch(t)
        p = model(t)[0, 0]
    g = np.abs(tape.gradient(p, t).numpy()[0]).max(axis=-1)
    a = attr.saliency(model, sample, class_index=1)
    np.testing.assert_allclose(a.map, g / g.max(), atol=1e-5)
    assert a.predicted == int(float(p) > 0.5)


def test_bad_requests_are_refused_with_a_message(cnn):
    model, sample = cnn
    with pytest.raises(ExplainError, match="shape"):
        attr.saliency(model, sample[..., :2])
    with pytest.raises(ExplainError, match="Class 7"):
        attr.gradcam(model, sample, class_index=7)
    with pytest.raises(ExplainError, match="no layer called"):
        attr.gradcam(model, sample, layer="nope")
    with pytest.raises(ExplainError, match="spatial"):
        attr.gradcam(model, sample, layer="out")
    with pytest.raises(ExplainError, match="Unknown method"):
        attr.explain(model, sample, "lime")


def test_png_writer_round_trip(tmp_path):
    PIL = pytest.importorskip("PIL.Image")
    img = (np.arange(4 * 5 * 3) * 7 % 256).astype("uint8").reshape(4, 5, 3)
    attr.write_png(tmp_path / "a.png", img)
    back = np.asarray(PIL.open(tmp_path / "a.png").convert("RGB"))
    np.testing.assert_array_equal(back, img)


def test_regression_output_is_explained_as_it_is():
    from engine.data.dataset import Dataset
    from engine.explain.subject import subject_from_model

    keras.utils.set_random_seed(5)
    inp = keras.Input((6, 6, 1))
    x = keras.layers.Conv2D(3, 3, activation="relu", name="conv")(inp)
    model = keras.Model(inp, keras.layers.Dense(1, name="value")(keras.layers.Flatten()(x)))
    xs = np.random.default_rng(3).normal(size=(4, 6, 6, 1)).astype("float32")
    subject_from_model(model, Dataset("r", "", "regression", xs, np.zeros((4, 1)), xs,
                                      np.zeros((4, 1))))
    t = tf.convert_to_tensor(xs[:1])
    with tf.GradientTape() as tape:
        tape.watch(t)
        y = model(t)[0, 0]
    g = np.abs(tape.gradient(y, t).numpy()[0, ..., 0])
    a = attr.saliency(model, xs[0])
    assert a.class_index is None and a.predicted is None
    assert a.probability == pytest.approx(float(y), rel=1e-5)
    np.testing.assert_allclose(a.map, g / g.max(), atol=1e-5)
    occ = attr.occlusion(model, xs[0], patch=6, stride=6)
    blank = float(model(np.zeros((1, 6, 6, 1), "float32"))[0, 0])
    np.testing.assert_allclose(occ.map, np.full((6, 6), float(y) - blank), atol=1e-5)
