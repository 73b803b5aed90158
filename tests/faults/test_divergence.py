"""The divergence guard (issue 13, item 3): a real run that diverges (SGD
with a huge learning rate on the diabetes regression) is stopped before NaN, the reason says so
in words with the learning rate, and the weights are those of the best
epoch, not the last."""

import json

import numpy as np

from engine import Network
from engine.training.session import prepare_training
from tests.training.documents import iris_document


def diverging_net(**callbacks) -> Network:
    """Diabetes regression (mse: an unbounded loss) with SGD: a small rate for
    three epochs, then a huge one."""
    training = {"epochs": 40, "batch_size": 40, "seed": 3, "shuffle": False,
                "compile": {"optimizer": {"name": "sgd", "schedule": {
                    "kind": "piecewise_constant", "per": "epoch", "boundaries": [3],
                    "values": [1e-3, 0.6]}}},
                "callbacks": callbacks}
    net = Network.from_dict(json.loads(json.dumps(iris_document("diverging", training))))
    net.extra["data"] = {"dataset": "diabetes", "preprocess": {"scale": "standardize"}}
    net.set_param("features", "shape", [10])
    net.set_param("species", "units", 1)
    net.set_param("species", "activation", "linear")
    return net


def test_a_diverging_run_stops_in_words_and_keeps_its_best_weights(tmp_path):
    session = prepare_training(diverging_net(divergence={"factor": 10, "patience": 3}),
                               runs_root=tmp_path)
    weights_after = {}   # epoch -> weights at its end, as the model had them
    losses = {}

    def keep(event):  # runs on the training thread, at the end of each epoch
        if event.kind == "epoch":
            weights_after[event.data["epoch"]] = [w.copy() for w in
                                                  session.trainer.model.get_weights()]
            losses[event.data["epoch"]] = event.data["logs"]["loss"]

    session.trainer.subscribe(keep)
    session.start()
    session.wait(300)
    end = session.result
    assert end.kind == "stopped" and end.data["code"] == "divergence", end.data
    reason = end.data["reason"]
    assert "diverged" in reason and "learning rate was 0.6" in reason, reason
    assert all(np.isfinite(v) for v in losses.values())      # caught before NaN
    assert end.data["epochs_run"] < 40
    best_epoch = min(losses, key=losses.get)
    assert end.data["best_epoch"] == best_epoch and f"epoch {best_epoch}" in reason
    assert best_epoch != max(weights_after)                  # the last epoch was worse
    restored = session.trainer.model.get_weights()
    for got, want in zip(restored, weights_after[best_epoch]):
        np.testing.assert_array_equal(got, want)
    run = session.run
    assert run.status == "stopped" and run.info["code"] == "divergence"


def test_the_guard_is_on_by_default_and_can_be_turned_off():
    from engine.training.callbacks import CallbackSettings, build_callbacks, validate_callbacks
    from engine.training.settings import TrainingSettings

    assert TrainingSettings().callbacks.section("divergence")["factor"] == 20.0
    assert CallbackSettings.from_dict({}).section("divergence")["patience"] == 5
    off = CallbackSettings.from_dict({"divergence": False})
    assert off.section("divergence") is None
    assert CallbackSettings.from_dict(off.to_dict()).section("divergence") is None
    names = [type(c).__name__ for c in build_callbacks({"divergence": {"factor": 4}})]
    assert "DivergenceGuard" in names
    bad = validate_callbacks(CallbackSettings.from_dict({"divergence": {"factor": 0.5,
                                                                        "patience": -1}}))
    assert [d.node for d in bad] == ["divergence", "divergence"]
    assert "above 1" in bad[0].message and "≥ 0" in bad[1].message
