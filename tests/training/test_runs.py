"""Run folders: what a run records, listing and comparing runs, a NaN stop
keeping the last good checkpoint, and continuing a run after the program was
closed so the curves go on where they stopped."""

import csv
import json

import numpy as np
import pytest

from engine import Network
from engine.training.resume import resume_training
from engine.training.runs import (
    RunError,
    compare_runs,
    diff_networks,
    diff_settings,
    list_runs,
    load_run,
    runs_folder,
)
from engine.training.session import prepare_training
from tests.training.documents import iris_document

DOC = iris_document("flowers", {"epochs": 2, "batch_size": 30, "seed": 0, "shuffle": False,
                                "compile": {"optimizer": {"name": "adam", "learning_rate": 0.05}}})


def doc_net(**training) -> Network:
    net = Network.from_dict(json.loads(json.dumps(DOC)))
    net.extra["training"].update(training)
    return net


def train(net, **options):
    session = prepare_training(net, **options)
    session.start()
    assert session.wait(120) in ("finished", "stopped"), session.result.data
    return session


def rows(path):
    with open(path, newline="") as fh:
        return list(csv.DictReader(fh))


def test_a_run_folder_holds_everything_about_the_run(tmp_path):
    doc = tmp_path / "flowers.json"
    net = doc_net(callbacks={"csv_log": True})
    net.save(doc)
    session = train(net, document_path=doc)
    run = load_run(session.run_dir)
    assert run.path.parent == runs_folder(doc) == tmp_path / "flowers.runs"
    names = {p.name for p in run.path.iterdir()}
    assert {"run.json", "network.json", "epoch_metrics.csv", "batch_metrics.csv", "last.keras",
            "best.keras", "log.txt"} <= names
    assert "epochs.csv" in names  # the CSV log callback writes into the run folder too
    info = run.info
    assert info["status"] == "finished" and info["epochs_run"] == 2 and info["steps"] == 8
    assert info["started"] and info["ended"] and info["document"] == str(doc)
    assert info["best"]["monitor"] == "val_loss" and info["best"]["mode"] == "min"
    hist = session.trainer.history()
    assert info["best"]["value"] == pytest.approx(min(hist["val_loss"]))
    assert info["checkpoint"]["epoch"] == 2 and info["checkpoint"]["step"] == 8
    # Per-batch and per-epoch metrics as CSV, equal to what the trainer reported.
    batches = rows(run.path / "batch_metrics.csv")
    assert [int(b["step"]) for b in batches] == list(range(8))
    np.testing.assert_allclose([float(b["loss"]) for b in batches],
                               [b["loss"] for b in session.trainer.batches], rtol=1e-6)
    np.testing.assert_allclose(run.history()["val_accuracy"], hist["val_accuracy"], rtol=1e-6)
    # The snapshot is a document with the settings used.
    snap = run.network()
    assert snap.extra["training"]["epochs"] == 2 and snap.extra["data"]["dataset"] == "iris"
    assert "Epoch 2:" in run.log() and "Finished" in run.log()
    # The last model has the trained weights and the optimizer's step count.
    model = run.load_model("last")
    for a, b in zip(model.get_weights(), session.trainer.model.get_weights()):
        np.testing.assert_allclose(a, b)
    assert int(model.optimizer.iterations) == 8


def test_runs_begun_within_one_second_are_listed_in_the_order_they_were_made(tmp_path):
    """Records write their times to the second; the creation instant orders two
    runs of the same second, whatever their folder names say."""
    from engine.training.runs import RUN_FILE, RUN_FORMAT

    root = tmp_path / "doc.runs"
    for name, created_ns in (("20261203-080335_ffffff", 1), ("20261203-080335_000000", 2)):
        (root / name).mkdir(parents=True)
        (root / name / RUN_FILE).write_text(json.dumps({
            "format": RUN_FORMAT, "id": name, "status": "finished", "created": "2026-12-03T08:03:35+00:00",
            "created_ns": created_ns, "started": "2026-12-03T08:03:35+00:00"}))
    assert [r.id for r in list_runs(root)] == ["20261203-080335_ffffff", "20261203-080335_000000"]


def test_runs_are_listed_and_compared(tmp_path):
    doc = tmp_path / "flowers.json"
    first = doc_net(epochs=1)
    first.save(doc)
    a = train(first, document_path=doc).run
    second = doc_net(epochs=1, batch_size=40)
    second.set_param("hidden", "units", 16)
    second.add_node("Dropout", {"rate": 0.1}, id="drop")
    second.disconnect("hidden", "species")
    second.connect("hidden", "drop")
    second.connect("drop", "species")
    second.rename("species", "label")
    b = train(second, document_path=doc).run
    (runs_folder(doc) / "broken").mkdir()
    (runs_folder(doc) / "broken" / "run.json").write_text("{")

    listed = list_runs(doc)
    assert [r.id for r in listed if r.status != "damaged"] == [a.id, b.id]
    damaged = [r for r in listed if r.status == "damaged"]
    assert len(damaged) == 1 and "cannot be read" in damaged[0].reason
    assert [r.id for r in list_runs(runs_folder(doc))] == [r.id for r in listed]

    diff = compare_runs(a, b.path)
    assert {"key": "training.batch_size", "a": 30, "b": 40} in diff["settings"]
    assert not any(d["key"].startswith("data.") for d in diff["settings"])
    net = diff["network"]
    assert net["added"] == ["drop"] and net["removed"] == []
    assert net["renamed"] == [{"a": "species", "b": "label"}]
    hidden = [c for c in net["changed"] if c["node"] == "hidden"][0]
    assert hidden["params"] == {"units": {"a": 8, "b": 16}}
    assert ["hidden", "drop"] in net["edges_added"] and ["hidden", "species"] in net["edges_removed"]
    assert net["params"]["a"] < net["params"]["b"]
    assert diff["results"]["a"]["epochs_run"] == 1 and "val_loss" in diff["results"]["b"]["final"]
    with pytest.raises(RunError, match="not a training run"):
        load_run(tmp_path)


def test_diffs_ignore_defaults_written_out():
    a = doc_net()
    b = doc_net()
    b.set_param("hidden", "use_bias", True)  # the Keras default, written explicitly
    assert diff_networks(a, b)["changed"] == []
    assert diff_settings({"x": {"y": [1, 2]}}, {"x": {"y": [1, 2]}}) == []
    assert diff_settings({"x": {"y": 1}}, {"x": {}}) == [{"key": "x.y", "a": 1, "b": None}]


def test_a_nan_stop_keeps_the_checkpoint_of_the_last_good_epoch(tmp_path):
    net = doc_net(epochs=6, batch_size=40)
    net.extra["data"] = {"dataset": "diabetes", "preprocess": {"scale": "standardize"}}
    net.set_param("features", "shape", [10])
    net.set_param("species", "units", 1)
    net.set_param("species", "activation", "linear")
    # A tiny rate for two epochs, then one that blows up.
    net.extra["training"]["compile"] = {
        "optimizer": {"name": "sgd", "schedule": {"kind": "piecewise_constant", "per": "epoch",
                                                  "boundaries": [2], "values": [1e-4, 1e6]}}}
    # the divergence guard would stop it before NaN (tests/faults/test_divergence.py)
    net.extra["training"]["callbacks"] = {"divergence": False}
    session = train(net, runs_root=tmp_path)
    end = session.result
    assert end.kind == "stopped" and end.data["code"] == "nan"
    steps = session.trainer.steps_per_epoch
    run = load_run(session.run_dir)
    assert run.status == "stopped" and run.info["code"] == "nan" and "NaN" in run.reason
    good = run.checkpoint["epoch"]
    assert 2 <= good < 6 and run.checkpoint["step"] == steps * good
    model = run.load_model("last")
    assert all(np.all(np.isfinite(w)) for w in model.get_weights())
    assert int(model.optimizer.iterations) == steps * good
    assert run.can_resume


def test_resuming_after_a_restart_continues_the_curves_exactly(tmp_path):
    import keras

    def net(epochs):
        return doc_net(epochs=epochs, compile={"optimizer": {
            "name": "sgd", "momentum": 0.9,
            "schedule": {"kind": "exponential", "initial_learning_rate": 0.1, "decay_steps": 4,
                         "decay_rate": 0.7}}})

    straight = train(net(4), runs_root=tmp_path / "straight").trainer
    first = train(net(2), runs_root=tmp_path / "resumed")
    run_dir = first.run_dir
    # A crash in the middle of epoch 3: rows after the checkpoint exist but no model.
    header = rows(run_dir / "batch_metrics.csv")[0].keys()
    with open(run_dir / "batch_metrics.csv", "a", newline="") as fh:
        csv.DictWriter(fh, fieldnames=list(header)).writerow(
            {"step": 8, "epoch": 2, "batch": 0, "lr": 0.05, "loss": 9.9})
    del first
    keras.backend.clear_session()

    events = []
    session = resume_training(run_dir, subscribers=[events.append])
    session.start(2)
    assert session.wait(120) == "finished", session.result.data
    started = events[0].data
    assert started["initial_epoch"] == 2 and started["initial_step"] == 8
    trainer = session.trainer
    # The step axis, the learning rate of every step and every loss go on as if
    # the run had never stopped.
    assert [b["step"] for b in trainer.batches] == list(range(16))
    np.testing.assert_allclose([b["lr"] for b in trainer.batches],
                               [b["lr"] for b in straight.batches], rtol=1e-6)
    np.testing.assert_allclose([b["loss"] for b in trainer.batches],
                               [b["loss"] for b in straight.batches], rtol=1e-4, atol=1e-6)
    for key, values in straight.history().items():
        np.testing.assert_allclose(trainer.history()[key], values, rtol=1e-4, atol=1e-6)
    assert int(trainer.model.optimizer.iterations) == 16
    run = load_run(run_dir)
    assert run.status == "finished" and run.epochs_run == 4 and len(run.info["sessions"]) == 2
    assert [int(r["step"]) for r in rows(run_dir / "batch_metrics.csv")] == list(range(16))
    assert [int(r["epoch"]) for r in rows(run_dir / "epoch_metrics.csv")] == [1, 2, 3, 4]
    assert "Continuing from the checkpoint of epoch 2" in run.log()


def test_a_run_without_a_checkpoint_cannot_be_resumed(tmp_path):
    net = doc_net()
    session = prepare_training(net, runs_root=tmp_path)  # recorded but never started
    session.recorder.release()  # the program let it go (while it holds it, resuming is refused)
    with pytest.raises(RunError, match="no checkpoint"):
        resume_training(session.run_dir)
