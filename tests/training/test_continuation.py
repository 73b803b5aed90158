"""Continuing after a schedule planned over the run: the rate each mode
gives, and a model continued that way saves and loads with its optimizer."""

import numpy as np
import pytest

from engine.training.continuation import continue_schedule, planned_over_run
from engine.training.schedules import schedule_values
from engine.training.settings import TrainingSettings


def tiny_model(training, steps, epochs):
    import keras

    from engine.training.compile import compile_arguments

    inputs = keras.Input((4,), name="x")
    model = keras.Model(inputs, keras.layers.Dense(3, activation="softmax", name="out")(inputs))
    model.compile(**compile_arguments(training.compile, ["out"], steps, epochs))
    rng = np.random.default_rng(0)
    x, y = rng.normal(size=(32, 4)).astype("float32"), rng.integers(0, 3, 32)
    model.fit(x, y, batch_size=8, epochs=epochs, verbose=0)
    return model, x, y


@pytest.mark.parametrize("mode", ["extend", "restart", "keep"])
def test_each_mode_sets_the_rate_and_the_model_round_trips(mode, tmp_path):
    import keras

    import engine.training.one_cycle  # noqa: F401  (as runs.load_model does)

    training = TrainingSettings.from_dict({"compile": {"optimizer": {"name": "adam", "schedule": {
        "kind": "cosine", "initial_learning_rate": 0.1}}, "outputs": {"*": {
            "loss": "sparse_categorical_crossentropy"}}}})
    assert planned_over_run(training)
    model, x, y = tiny_model(training, steps=4, epochs=2)             # 8 steps, ended at ~0
    text = continue_schedule(model, training, 4, 2, 2, mode)
    lr = model.optimizer._learning_rate
    at = schedule_values(lr, np.arange(8, 16))
    if mode == "extend":       # cosine over 16 steps from step 8: 0.05 → ~0
        assert "extended over 2 + 2 epochs" in text and abs(at[0] - 0.05) < 1e-6 and at[-1] < 0.01
    elif mode == "restart":    # cosine over 8 steps again from 0.1
        assert "restarted" in text and abs(at[0] - 0.1) < 1e-6 and at[-1] < 0.01
    else:
        assert "final learning rate" in text and np.allclose(at, at[0]) and at[0] < 0.01
    model.fit(x, y, batch_size=8, epochs=4, initial_epoch=2, verbose=0)
    path = tmp_path / "continued.keras"
    model.save(path)
    loaded = keras.models.load_model(path)
    again = schedule_values(loaded.optimizer._learning_rate, np.arange(8, 16))
    np.testing.assert_allclose(again, at, rtol=1e-6)
    assert int(loaded.optimizer.iterations.numpy()) == 16
