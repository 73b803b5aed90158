import threading

import numpy as np
import pytest

from engine.data import apply_preprocessing, load_dataset
from engine.training.trainer import Trainer


def iris_model(units=3, activation="softmax"):
    import keras

    keras.utils.set_random_seed(0)
    return keras.Sequential([keras.Input((4,)), keras.layers.Dense(16, activation="relu"),
                             keras.layers.Dense(units, activation=activation)])


def run(trainer, timeout=120):
    events = []
    trainer.subscribe(events.append)
    trainer.start()
    assert trainer.wait(timeout) in ("finished", "stopped", "failed")
    return events


def test_event_stream_and_planned_lr_with_a_schedule():
    ds = load_dataset("iris")
    t = Trainer(iris_model(), ds, {
        "epochs": 4, "batch_size": 16,
        "compile": {"optimizer": {"name": "sgd", "momentum": 0.9,
                                  "schedule": {"kind": "one_cycle", "max_lr": 0.2}}}})
    events = run(t)
    kinds = [e.kind for e in events]
    assert kinds[0] == "started" and kinds[-1] == "finished" and kinds.count("epoch") == 4
    started = events[0].data
    assert started["steps_per_epoch"] == 8 and len(started["planned_lr"]) == 32
    # Every batch is kept, and its LR is the planned one (planned = applied is tested in
    # test_schedules against the optimizer itself).
    assert [b["step"] for b in t.batches] == list(range(32))
    np.testing.assert_allclose([b["lr"] for b in t.batches], started["planned_lr"], rtol=1e-6)
    epoch = [e for e in events if e.kind == "epoch"][-1].data
    assert {"loss", "accuracy", "val_loss", "val_accuracy"} <= set(epoch["logs"])
    assert epoch["duration"] > 0 and epoch["steps"] == 8
    final = events[-1].data
    assert final["epochs_run"] == 4 and len(final["history"]["loss"]) == 4


def test_every_batch_is_one_event_in_order_and_the_series_is_complete():
    ds = load_dataset("iris")
    t = Trainer(iris_model(), ds, {"epochs": 5, "batch_size": 4})
    events = run(t)
    batch_events = [e for e in events if e.kind == "batch"]
    # nothing is merged before the subscribers (the editor's bridge coalesces for the screen)
    assert len(batch_events) == len(t.batches) == 5 * 30
    assert all(len(e.data["points"]) == 1 and e.data["last"] is e.data["points"][0]
               for e in batch_events)
    assert [e.data["last"]["step"] for e in batch_events] == list(range(150))
    # each epoch event comes after its own batches and before the next epoch's
    kinds = [("batch", e.data["last"]["epoch"]) if e.kind == "batch" else ("epoch", e.data["epoch"])
             for e in events if e.kind in ("batch", "epoch")]
    for epoch in range(1, 6):
        i = kinds.index(("epoch", epoch))
        assert kinds[i - 1] == ("batch", epoch - 1)
        assert i == len(kinds) - 1 or kinds[i + 1] == ("batch", epoch)


def test_pause_resume_and_stop():
    ds = load_dataset("iris")
    t = Trainer(iris_model(), ds, {"epochs": 200, "batch_size": 8})
    paused = threading.Event()
    first_epoch = threading.Event()
    trained_after_resume = threading.Event()
    events = []

    def watch(e):
        events.append(e)
        if e.kind == "epoch":
            first_epoch.set()
        if e.kind == "paused":
            paused.set()
        if e.kind in ("batch", "epoch") and any(x.kind == "resumed" for x in events):
            trained_after_resume.set()

    t.subscribe(watch)
    t.start()
    assert first_epoch.wait(60)
    t.pause()
    assert paused.wait(30) and t.state == "paused"
    n = len(t.batches)
    t.resume()
    assert trained_after_resume.wait(60)
    assert len(t.batches) > n
    # nothing trained while paused, however long the pause lasted: training
    # resumed at the very step where it paused
    pause = next(e for e in events if e.kind == "paused")
    resume = next(e for e in events if e.kind == "resumed")
    assert pause.data["step"] == resume.data["step"] == n
    assert [b["step"] for b in t.batches] == list(range(len(t.batches)))
    before = [w.copy() for w in t.model.get_weights()]
    t.stop()
    assert t.wait(60) == "stopped"
    assert t.result.data["code"] == "user" and t.result.data["epochs_run"] < 200
    kinds = [e.kind for e in events]
    assert "resumed" in kinds and kinds[-1] == "stopped"
    # Weights are kept (not reset), and changed since the stop was asked for at most one batch.
    after = t.model.get_weights()
    assert max(np.abs(a - b).max() for a, b in zip(after, before)) < 0.5


def test_nan_loss_stops_and_restores_last_good_weights():
    import keras

    from engine.data import Dataset

    rng = np.random.default_rng(0)
    x = rng.normal(0, 10, (64, 5)).astype("float32")
    ds = Dataset("big", "large values", "regression", x, x.sum(axis=1) * 10)
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input((5,)), keras.layers.Dense(1)])
    # A tiny rate for the first epoch (4 steps), then one that blows up.
    t = Trainer(model, ds, {"epochs": 6, "batch_size": 16, "compile": {
        "optimizer": {"name": "sgd", "schedule": {"kind": "piecewise_constant", "boundaries": [3],
                                                   "values": [1e-5, 50.0]}},
        "outputs": {"*": {"loss": "mse"}}},
        "callbacks": {"divergence": False}})  # the guard would stop it before NaN
    after_epoch = {}

    def keep(e):  # subscribers run on the training thread, between batches
        if e.kind == "epoch":
            after_epoch[e.data["epoch"]] = [w.copy() for w in t.model.get_weights()]

    t.subscribe(keep)
    events = run(t)
    end = events[-1]
    assert end.kind == "stopped" and end.data["code"] == "nan", end.data
    good = max(after_epoch)  # the last epoch that ended with a finite loss
    assert 1 <= good < 6 and end.data["epochs_run"] == good
    assert "NaN or infinite" in end.data["reason"]
    assert f"weights from the end of epoch {good} were restored" in end.data["reason"]
    assert "learning rate" in end.data["hint"] and "50" in end.data["hint"]
    for w, good in zip(t.model.get_weights(), after_epoch[good]):
        np.testing.assert_array_equal(w, good)
    assert any(not np.isfinite(b["loss"]) for b in t.batches)
    assert np.all(np.isfinite(t.model.predict(x[:4], verbose=0)))


def test_mismatched_data_fails_before_training_with_the_fix():
    ds = load_dataset("digits")
    import keras

    model = keras.Sequential([keras.Input((28, 28, 1)), keras.layers.Flatten(),
                              keras.layers.Dense(10, activation="softmax")])
    events = run(Trainer(model, ds, {"epochs": 1}))
    assert [e.kind for e in events] == ["failed"]
    data = events[0].data
    assert data["code"] == "check" and "(28, 28, 1)" in data["reason"]
    assert "resize to 28×28" in data["hint"]


def test_loss_mistake_is_caught_before_training():
    events = run(Trainer(iris_model(), load_dataset("iris"), {
        "epochs": 1, "compile": {"outputs": {"*": {"loss": "categorical_crossentropy"}}}}))
    assert events[-1].kind == "failed" and "one-hot" in events[-1].data["reason"]
    assert "sparse_categorical_crossentropy" in events[-1].data["hint"]


def test_exceptions_in_model_code_end_as_failed_events():
    def broken_factory():
        raise ValueError("the factory broke")

    t = Trainer(broken_factory, load_dataset("iris"), {"epochs": 1})
    events = run(t)
    assert t.state == "failed" and events[-1].kind == "failed"
    assert "the factory broke" in events[-1].data["reason"] and "Traceback" in events[-1].data["detail"]


def test_continue_training_picks_up_where_it_left_off():
    t = Trainer(iris_model(), load_dataset("iris"), {
        "epochs": 2, "batch_size": 30,
        "compile": {"optimizer": {"name": "adam", "learning_rate": 0.02}}})
    run(t)
    assert t.epochs_done == 2 and len(t.batches) == 8
    t.start(epochs=3)
    assert t.wait(60) == "finished"
    assert t.epochs_done == 5 and [b["step"] for b in t.batches] == list(range(20))
    assert int(t.model.optimizer.iterations) == 20
    assert len(t.history()["loss"]) == 5 and t.history()["loss"][-1] < t.history()["loss"][0]


def test_cnn_on_shapes_with_augmentation_and_early_stopping(tmp_path):
    import keras

    ds = apply_preprocessing(load_dataset("shapes", n_samples=300, classes=["circle", "square"]),
                             {"scale": "divide255"})
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input((32, 32, 3)), keras.layers.Conv2D(4, 3, activation="relu"),
                              keras.layers.GlobalAveragePooling2D(),
                              keras.layers.Dense(2, activation="softmax")])
    t = Trainer(model, ds, {"epochs": 3, "batch_size": 32,
                            "callbacks": {"early_stopping": {"patience": 5},
                                          "checkpoint": {}, "csv_log": True}},
                augmentation={"flip": "horizontal", "rotation": 20, "seed": 1},
                run_dir=str(tmp_path))
    events = run(t)
    assert events[-1].kind == "finished", events[-1].data
    assert (tmp_path / "best.keras").exists() and (tmp_path / "epochs.csv").exists()
    assert len(t.batches) == 3 * 8
