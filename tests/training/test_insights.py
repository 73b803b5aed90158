"""Insight events from real training runs on tiny models: shapes, counts, and that the
numbers are those of the model as it is (compared with Keras's own predictions)."""

import threading

import numpy as np
import pytest

from engine.data import apply_preprocessing, load_dataset
from engine.training import insights
from engine.training.errors import SettingsError
from engine.training.insights import (
    GRID,
    InsightError,
    InsightSettings,
    activation_maximisation,
    confusion_matrix,
)
from engine.training.trainer import Trainer


def tiny_cnn():
    import keras

    keras.utils.set_random_seed(0)
    return keras.Sequential([
        keras.Input((16, 16, 3)),
        keras.layers.Conv2D(4, 3, activation="relu", name="conv1"),
        keras.layers.MaxPooling2D(name="pool1"),
        keras.layers.Conv2D(6, 3, activation="relu", name="conv2"),
        keras.layers.GlobalAveragePooling2D(name="gap"),
        keras.layers.Dense(5, activation="softmax", name="probs"),
    ])


@pytest.fixture(scope="module")
def shapes():
    return apply_preprocessing(load_dataset("shapes", n_samples=200, size=16),
                               {"scale": "divide255"})


def run(trainer, timeout=120):
    events = []
    trainer.subscribe(events.append)
    trainer.start()
    assert trainer.wait(timeout) == "finished", trainer.result.data
    return events


def of_kind(events, kind):
    return [e.data for e in events if e.kind == kind]


def test_settings_round_trip_and_refuse_unknown_keys():
    s = InsightSettings.from_dict({"feature_layers": ["a", "b"], "every_n_epochs": 3,
                                   "boundary": False})
    assert InsightSettings.from_dict(s.to_dict()) == s and s.histograms and not s.boundary
    with pytest.raises(SettingsError, match="Unknown insight setting"):
        InsightSettings.from_dict({"feature_layer": ["a"]})
    with pytest.raises(SettingsError, match="every_n_epochs"):
        InsightSettings.from_dict({"every_n_epochs": 0})
    with pytest.raises(SettingsError):
        Trainer(tiny_cnn(), load_dataset("iris"), insights={"colour": True})


def test_conv_net_events_have_the_documented_shapes(shapes):
    model = tiny_cnn()
    t = Trainer(model, shapes, {"epochs": 3, "batch_size": 16},
                insights={"feature_layers": ["conv1", "conv2", "no_such_layer"],
                          "every_n_epochs": 2, "n_samples": 5})
    events = run(t)
    kinds = [e.kind for e in events]
    # Every second epoch and the last: epochs 2 and 3; each insight comes after its epoch event.
    for kind in ("feature_maps", "filters", "histograms", "layer_stats", "confusion",
                 "predictions"):
        assert [d["epoch"] for d in of_kind(events, kind)] == [2, 3], kind
    assert "boundary" not in kinds
    assert kinds.index("feature_maps") > [i for i, k in enumerate(kinds) if k == "epoch"][1]

    fm = of_kind(events, "feature_maps")[-1]
    assert set(fm["maps"]) == {"conv1", "conv2"}
    assert fm["maps"]["conv1"].shape == (5, 14, 14, 4)
    assert fm["maps"]["conv2"].shape == (5, 5, 5, 6)
    assert fm["samples"].shape == (5, 16, 16, 3)
    # One sample per class: the fixed samples cover all five shapes.
    labels = of_kind(events, "predictions")[-1]["y_true"]
    assert sorted(labels.tolist()) == [0, 1, 2, 3, 4]
    # The maps are those of the final model on those samples.
    import keras

    side = keras.Model(model.inputs[0], model.get_layer("conv2").output)
    np.testing.assert_allclose(fm["maps"]["conv2"], side.predict(fm["samples"], verbose=0),
                               rtol=1e-4, atol=1e-5)

    filters = of_kind(events, "filters")[-1]["filters"]
    assert set(filters) == {"conv1", "conv2"} and filters["conv1"].shape == (3, 3, 3, 4)
    np.testing.assert_array_equal(filters["conv2"], np.asarray(model.get_layer("conv2").kernel))

    hist = of_kind(events, "histograms")[-1]
    assert set(hist["weights"]) == set(hist["gradients"]) == {"conv1", "conv2", "probs"}
    for name, (counts, edges) in hist["weights"].items():
        size = sum(int(np.prod(w.shape)) for w in model.get_layer(name).trainable_weights)
        assert counts.sum() == size and len(edges) == len(counts) + 1
        gcounts, gedges = hist["gradients"][name]
        assert gcounts.sum() == size and np.all(np.diff(gedges) > 0)

    stats = of_kind(events, "layer_stats")[-1]["stats"]
    assert set(stats) == {"conv1", "conv2", "probs"}
    for name, st in stats.items():
        weights = [np.asarray(w) for w in model.get_layer(name).trainable_weights]
        norm = np.sqrt(sum(float(np.sum(np.square(w.astype("float64")))) for w in weights))
        assert st["weight_norm"] == pytest.approx(norm, rel=1e-6)
        assert np.isfinite(st["grad_norm"]) and st["grad_norm"] > 0
    assert 0.0 <= stats["conv1"]["dead_fraction"] <= 1.0
    assert stats["probs"]["dead_fraction"] is None

    conf = of_kind(events, "confusion")[-1]
    assert conf["matrix"].shape == (5, 5) and conf["matrix"].dtype.kind == "i"
    assert conf["class_names"] == shapes.class_names
    predicted = np.argmax(model.predict(shapes.x_val, verbose=0), axis=-1)
    np.testing.assert_array_equal(conf["matrix"],
                                  confusion_matrix(shapes.y_val, predicted, 5))

    pred = of_kind(events, "predictions")[-1]
    assert pred["task"] == "classification" and pred["x"].shape == (5, 16, 16, 3)
    assert pred["y_pred"].shape == (5,) and pred["probs"].shape == (5, 5)
    np.testing.assert_allclose(pred["probs"].sum(axis=1), 1.0, rtol=1e-5)
    np.testing.assert_array_equal(pred["y_pred"], np.argmax(pred["probs"], axis=1))


def test_feature_maps_on_request_during_and_after_a_run(shapes):
    t = Trainer(tiny_cnn(), shapes, {"epochs": 2, "batch_size": 8})
    asked = threading.Event()

    def ask(event):
        if event.kind == "batch" and not asked.is_set():
            asked.set()
            t.request_feature_maps(["pool1"])

    t.subscribe(ask)
    events = run(t)
    maps = of_kind(events, "feature_maps")
    assert len(maps) == 1 and maps[0]["on_demand"] and maps[0]["epoch"] == 1
    assert maps[0]["maps"]["pool1"].shape == (8, 7, 7, 4)
    # No epoch-end insights were asked for.
    assert not {"histograms", "filters", "confusion"} & {e.kind for e in events}
    # Idle: captured at once on the caller's thread.
    after = []
    t.subscribe(after.append)
    t.request_feature_maps("conv2")
    assert [e.kind for e in after] == ["feature_maps"]
    assert after[0].data["maps"]["conv2"].shape == (8, 5, 5, 6) and after[0].data["epoch"] == 2
    with pytest.raises(InsightError, match="no layer called 'nope'"):
        t.request_feature_maps(["nope"])


def test_regression_predictions_are_in_original_units():
    import keras

    raw = load_dataset("diabetes")
    ds = apply_preprocessing(raw, {"scale": "standardize", "scale_target": "standardize"})
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input((10,)),
                              keras.layers.Dense(16, activation="relu", name="hidden"),
                              keras.layers.Dense(1, name="target")])
    t = Trainer(model, ds, {"epochs": 2, "batch_size": 32,
                            "compile": {"outputs": {"*": {"loss": "mse", "metrics": ["mae"]}}}},
                insights={})
    events = run(t)
    pred = of_kind(events, "predictions")[-1]
    assert pred["task"] == "regression" and "confusion" not in [e.kind for e in events]
    n = len(pred["y_true"])
    assert n == min(insights.EVAL_SAMPLES, ds.num_val) and pred["x"].shape == (n, 10)
    np.testing.assert_allclose(pred["y_true"], raw.y_val[:n], rtol=1e-6)
    expected = ds.target_scaler.inverse(model.predict(ds.x_val[:n], verbose=0)).reshape(n)
    assert pred["y_pred"].shape == (n,)
    np.testing.assert_allclose(pred["y_pred"], expected, rtol=1e-4)
    # Dense layers with ReLU report a dead fraction; the linear output does not.
    stats = of_kind(events, "layer_stats")[-1]["stats"]
    assert stats["hidden"]["dead_fraction"] is not None
    assert stats["target"]["dead_fraction"] is None


def test_decision_boundary_on_moons():
    import keras

    ds = load_dataset("moons", n_samples=300)
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(8, activation="tanh"),
                              keras.layers.Dense(1, activation="sigmoid")])
    t = Trainer(model, ds, {"epochs": 2, "batch_size": 32, "compile": {
        "optimizer": {"name": "adam", "learning_rate": 0.05},
        "outputs": {"*": {"loss": "binary_crossentropy", "metrics": ["accuracy"]}}}},
        insights={"histograms": False, "layer_stats": False, "filters": False})
    events = run(t)
    assert not {"histograms", "layer_stats", "filters"} & {e.kind for e in events}
    b = of_kind(events, "boundary")[-1]
    assert b["xx"].shape == (GRID,) and b["yy"].shape == (GRID,)
    assert b["probs"].shape == (GRID, GRID)
    assert b["points"].shape[1] == 2 and b["labels"].shape == (len(b["points"]),)
    assert set(np.unique(b["labels"])) <= {0, 1}
    # probs[i, j] is the model's probability at (xx[j], yy[i]).
    i, j = 7, 41
    p = model.predict(np.array([[b["xx"][j], b["yy"][i]]], dtype="float32"), verbose=0)
    assert b["probs"][i, j] == pytest.approx(float(p[0, 0]), abs=1e-5)
    assert b["xx"].min() < ds.x_train[:, 0].min() and b["yy"].max() > ds.x_train[:, 1].max()
    conf = of_kind(events, "confusion")[-1]
    assert conf["matrix"].shape == (2, 2) and conf["matrix"].sum() == ds.num_val
    pred = of_kind(events, "predictions")[-1]
    assert pred["probs"].shape == (8, 2)


def test_activation_maximisation_climbs_the_channel(shapes):
    import keras

    model = tiny_cnn()
    side = keras.Model(model.inputs[0], model.get_layer("conv2").output)
    rng = np.random.default_rng(0)
    start = (0.5 + 0.2 * rng.standard_normal((1, 16, 16, 3))).astype("float32")
    # A channel that responds to the starting noise (a ReLU channel at zero has no gradient).
    channel = int(np.argmax(side.predict(start, verbose=0)[0].mean(axis=(0, 1))))
    raw = activation_maximisation(model, "conv2", channel, steps=15, display=False)
    assert raw.shape == (16, 16, 3)
    before = float(np.mean(side.predict(start, verbose=0)[..., channel]))
    after = float(np.mean(side.predict(raw[None], verbose=0)[..., channel]))
    assert after > 1.5 * before > 0
    # A class of the softmax output: its probability rises.
    p0 = float(model.predict(start, verbose=0)[0, 2])
    best = activation_maximisation(model, "probs", 2, steps=15, display=False)
    assert float(model.predict(best[None], verbose=0)[0, 2]) > p0
    img = activation_maximisation(model, "conv1", 0, steps=3)
    assert img.shape == (16, 16, 3) and img.min() >= 0.0 and img.max() <= 1.0
    with pytest.raises(InsightError, match="channel 6 does not exist"):
        activation_maximisation(model, "conv2", 6)
    with pytest.raises(InsightError, match="no layer"):
        activation_maximisation(model, "conv9", 0)
