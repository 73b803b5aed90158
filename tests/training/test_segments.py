"""A run continued with an edited network: segments, carried weights and optimizer
state, Net2Net growth from a run's checkpoint, and resume after a restart."""

import json

import numpy as np
import pytest

from lazy_import import keras  # noqa: E402  (imported when a test runs)

from engine import Network  # noqa: E402
from neurocanvas_cli import main  # noqa: E402
from engine.training.resume import resume_training  # noqa: E402
from engine.training.runs import load_run  # noqa: E402
from tests.faults.runs_helpers import run_cli  # noqa: E402
from tests.training.documents import iris_document  # noqa: E402


def three_layer_doc(path):
    doc = iris_document("flowers", {"epochs": 2, "batch_size": 30, "seed": 0, "shuffle": False,
                                    "compile": {"optimizer": {"name": "adam",
                                                              "learning_rate": 0.02}}})
    doc["nodes"].insert(2, {"id": "hidden2", "type": "Dense",
                            "params": {"units": 6, "activation": "relu"}})
    doc["edges"] = [{"from": "features", "to": "hidden"}, {"from": "hidden", "to": "hidden2"},
                    {"from": "hidden2", "to": "species"}]
    path.write_text(json.dumps(doc))
    return path


def last_json(capsys):
    return json.loads(capsys.readouterr().out.strip().splitlines()[-1])


def iris_inputs():
    from sklearn.datasets import load_iris

    x = load_iris().data
    return ((x - x.mean(0)) / x.std(0)).astype("float32")


def test_an_edited_network_continues_the_run_with_unchanged_layers_carried_bitwise(tmp_path):
    doc = three_layer_doc(tmp_path / "flowers.json")
    run = tmp_path / "run"
    assert main(["train", str(doc), "--run-dir", str(run), "--quiet"]) == 0
    before = load_run(run).load_model("last")
    edited = Network.load(doc)
    edited.set_param("hidden2", "units", 10)  # hidden2 and species change; hidden is kept
    seen = {}

    def at_start(event):
        if event.kind == "started":
            model = session.trainer.model
            seen["weights"] = {layer.name: [np.array(w) for w in layer.get_weights()]
                               for layer in model.layers}
            seen["slots"] = {v.name: np.array(v.value) for v in model.optimizer.variables}

    session = resume_training(run, network=edited, subscribers=[at_start])
    session.start(1)
    assert session.wait(120) == "finished", session.result.data
    diff = session.segment["diff"]
    assert diff.carried == ["hidden"] and diff.reinitialised == ["hidden2", "species"]
    for a, b in zip(before.get_layer("hidden").get_weights(), seen["weights"]["hidden"]):
        assert np.array_equal(a, b)
    old_slots = {v.name: np.array(v.value) for v in before.optimizer.variables}
    for name in ("hidden_kernel_momentum", "hidden_kernel_velocity", "hidden_bias_velocity"):
        assert np.any(old_slots[name]) and np.array_equal(old_slots[name], seen["slots"][name])
    assert not np.any(seen["slots"]["hidden2_kernel_momentum"])
    assert int(seen["slots"]["iteration"]) == 8  # the step counter goes on
    record = load_run(run)
    assert [s["index"] for s in record.info["segments"]] == [0, 1]
    assert record.info["segments"][1]["start_epoch"] == 2
    assert record.info["segments"][1]["carried"] == ["hidden"]
    assert record.network().node("hidden2").params["units"] == 10
    assert "Segment 2 from epoch 2" in record.log()
    assert [b["step"] for b in session.trainer.batches] == list(range(12))


def test_a_three_segment_run_grown_from_its_checkpoints_resumes_after_a_restart(tmp_path, capsys):
    doc = three_layer_doc(tmp_path / "flowers.json")
    run = tmp_path / "run"
    assert main(["train", str(doc), "--run-dir", str(run), "--quiet"]) == 0
    capsys.readouterr()

    # segment 2: hidden widened from the run's checkpoint; the function is unchanged
    wide = tmp_path / "wide.json"
    assert main(["grow", str(doc), "--widen", "hidden:2", "--run", str(run), "-o", str(wide)]) == 0
    assert "widened hidden from 8 to 16 units" in capsys.readouterr().out
    assert (tmp_path / "wide.weights.npz").exists()
    x = iris_inputs()
    checkpoint = load_run(run).load_model("last")
    grown = Network.load(wide)
    assert grown.node("hidden").params["units"] == 16
    np.testing.assert_allclose(np.asarray(grown.to_keras()(x)), np.asarray(checkpoint(x)),
                               atol=1e-5)
    assert main(["train", str(wide), "--resume", str(run), "--epochs", "1", "--quiet"]) == 0
    out = last_json(capsys)
    assert out["segments"] == 2 and out["status"] == "finished"
    assert out["transformed"] == ["hidden", "hidden2"] and out["carried"] == ["species"]
    assert out["reinitialised"] == [] and out["epochs_run"] == 3

    # segment 3: a layer inserted after hidden2 (identity), and hidden frozen
    deep = tmp_path / "deep.json"
    assert main(["grow", str(wide), "--deepen", "hidden2", "--run", str(run),
                 "-o", str(deep)]) == 0
    capsys.readouterr()
    net = Network.load(deep)
    net.set_trainable("hidden", False)
    net.save(deep)
    assert main(["train", str(deep), "--resume", str(run), "--epochs", "1", "--quiet"]) == 0
    out = last_json(capsys)
    assert out["segments"] == 3 and out["transformed"] == ["hidden2_deep"]
    assert sorted(out["carried"]) == ["hidden", "hidden2", "species"]

    # a restart: a fresh process continues the third segment from its checkpoint
    keras.backend.clear_session()
    done = run_cli("train", "--resume", run, "--epochs", "1", "--quiet")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out["segments"] == 3 and out["epochs_run"] == 5
    record = load_run(run)
    assert [s["start_epoch"] for s in record.info["segments"]] == [0, 2, 3]
    for i in range(3):
        assert (run / "segments" / str(i) / "network.json").exists()
    assert json.loads((run / "network.json").read_text()) == \
        json.loads((run / "segments" / "2" / "network.json").read_text())
    model = record.load_model("last")
    assert model.get_layer("hidden").trainable is False
    assert model.get_layer("hidden2_deep").get_weights()[0].shape == (6, 6)
    assert [b["step"] for b in record.batch_rows()] == list(range(20))
    assert [r["epoch"] for r in record.epoch_rows()] == [1, 2, 3, 4, 5]


def test_grown_layers_from_another_checkpoint_are_not_trusted(tmp_path, capsys):
    doc = three_layer_doc(tmp_path / "flowers.json")
    run = tmp_path / "run"
    assert main(["train", str(doc), "--run-dir", str(run), "--quiet"]) == 0
    wide = tmp_path / "wide.json"
    assert main(["grow", str(doc), "--widen", "hidden:1.5", "--run", str(run),
                 "-o", str(wide)]) == 0
    assert main(["train", str(doc), "--resume", str(run), "--epochs", "1", "--quiet"]) == 0
    capsys.readouterr()  # the run moved on: its checkpoint is not the one grown from
    assert main(["train", str(wide), "--resume", str(run), "--epochs", "1", "--quiet"]) == 0
    out = last_json(capsys)
    assert out["transformed"] == [] and sorted(out["reinitialised"]) == ["hidden", "hidden2"]
    assert "not from this run's checkpoint" in load_run(run).log()


def test_grow_refusals_are_one_line_and_write_nothing(tmp_path, capsys):
    doc = three_layer_doc(tmp_path / "flowers.json")
    out = tmp_path / "grown.json"
    assert main(["grow", str(doc), "--widen", "species:2", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "output of the network" in err and "Widen a hidden layer" in err
    assert main(["grow", str(doc), "--widen", "hidden", "-o", str(out)]) == 2
    assert "LAYER:FACTOR" in capsys.readouterr().err
    assert not out.exists()
