"""The LR finder on real models: the sweep, early stop, the suggestion, and that the model
and its optimizer come back exactly as they were."""


import numpy as np
import pytest

from engine.data import load_dataset
from engine.training import lr_finder
from engine.training.lr_finder import LRFinderError, find_lr
from engine.training.trainer import Trainer


def snapshot(model):
    return ([np.array(v.numpy()) for v in model.variables],
            [np.array(v.numpy()) for v in model.optimizer.variables])


def assert_same(a, b):
    assert len(a) == len(b)
    for x, y in zip(a, b):
        np.testing.assert_array_equal(x, y)


def iris_net(optimizer):
    import keras

    keras.utils.set_random_seed(0)
    model = keras.Sequential([
        keras.Input((4,)), keras.layers.Dense(16, activation="relu"),
        keras.layers.BatchNormalization(), keras.layers.Dropout(0.2),
        keras.layers.Dense(3, activation="softmax")])
    model.compile(optimizer, "sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


def test_sweep_restores_weights_and_optimizer_exactly():
    import keras

    ds = load_dataset("iris")
    model = iris_net(keras.optimizers.Adam(0.01))
    model.fit(ds.x_train, ds.y_train, epochs=2, batch_size=16, verbose=0)  # moments are non-zero
    before = snapshot(model)
    result = find_lr(model, ds, batch_size=16, min_lr=1e-5, max_lr=1.0)
    assert_same(snapshot(model)[0], before[0])
    assert_same(snapshot(model)[1], before[1])
    assert float(model.optimizer.learning_rate) == pytest.approx(0.01)
    # One value per batch, growing exponentially from min_lr; at least MIN_STEPS on small data.
    assert len(result.lrs) == len(result.losses) == len(result.raw_losses)
    assert result.stopped in ("done", "diverged")
    if result.stopped == "done":
        assert len(result.lrs) == lr_finder.MIN_STEPS and result.lrs[-1] == pytest.approx(1.0)
    assert result.lrs[0] == pytest.approx(1e-5)
    ratios = result.lrs[1:] / result.lrs[:-1]
    np.testing.assert_allclose(ratios, ratios[0], rtol=1e-9)
    assert np.isfinite(result.suggested_lr) and 1e-5 <= result.suggested_lr <= 1.0
    best = result.lrs[int(np.argmin(result.losses))]
    assert result.suggested_lr == pytest.approx(max(best / 10, 1e-5))
    # Training afterwards continues from the restored state.
    history = model.fit(ds.x_train, ds.y_train, epochs=1, batch_size=16, verbose=0)
    assert np.isfinite(history.history["loss"][0])


def test_a_schedule_is_put_back_and_used_again():
    import keras

    ds = load_dataset("iris")
    schedule = keras.optimizers.schedules.ExponentialDecay(0.05, 10, 0.5)
    model = iris_net(keras.optimizers.SGD(schedule, momentum=0.9))
    model.fit(ds.x_train, ds.y_train, epochs=1, batch_size=16, verbose=0)
    before = snapshot(model)
    find_lr(model, ds.x_train, ds.y_train, batch_size=16, steps=12)
    assert_same(snapshot(model)[0], before[0])
    assert_same(snapshot(model)[1], before[1])
    assert model.optimizer._learning_rate is schedule
    model.fit(ds.x_train, ds.y_train, epochs=1, batch_size=16, verbose=0)
    step = int(model.optimizer.iterations)
    assert step == 16
    assert float(model.optimizer.learning_rate) == pytest.approx(float(schedule(step)), rel=1e-6)


def test_the_sweep_stops_when_the_loss_explodes():
    import keras

    rng = np.random.default_rng(0)
    x = rng.normal(size=(512, 3)).astype("float32")
    y = (x @ np.array([1.0, -2.0, 0.5]) + 0.1 * rng.normal(size=512)).astype("float32")
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(8, activation="relu"),
                              keras.layers.Dense(1)])
    model.compile(keras.optimizers.SGD(0.01), "mse")
    result = find_lr(model, x, y, batch_size=8, min_lr=1e-4, max_lr=1e4)
    assert result.stopped in ("diverged", "nan") and len(result.lrs) < 64
    assert np.all(np.isfinite(result.losses))
    assert 1e-4 <= result.suggested_lr < 1.0
    with pytest.raises(LRFinderError, match="0 < min_lr < max_lr"):
        find_lr(model, x, y, min_lr=1.0, max_lr=0.1)


def test_trainer_find_lr_emits_the_event_and_training_follows():
    import keras

    ds = load_dataset("iris")

    def build():
        keras.utils.set_random_seed(0)
        return keras.Sequential([keras.Input((4,)), keras.layers.Dense(8, activation="relu"),
                                 keras.layers.Dense(3, activation="softmax")])

    t = Trainer(build, ds, {"epochs": 2, "batch_size": 16, "compile": {"optimizer": {
        "name": "sgd", "momentum": 0.9, "schedule": {"kind": "one_cycle", "max_lr": 0.1}}}})
    events = []
    t.subscribe(events.append)
    result = t.find_lr(min_lr=1e-4, max_lr=1.0)
    assert [e.kind for e in events] == ["lr_finder"]
    data = events[0].data
    assert data["lrs"].shape == data["losses"].shape and len(data["lrs"]) > 5
    assert data["suggested_lr"] == result.suggested_lr and 1e-4 <= data["suggested_lr"] <= 1.0
    t.start()
    assert t.wait(60) == "finished"
    assert len(t.batches) == 2 * 8 and t.batches[0]["step"] == 0
    with pytest.raises(LRFinderError):
        t.find_lr(min_lr=0.0)
