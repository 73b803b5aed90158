"""Training a document end to end: settings from its sections (with defaults
and overrides), checks before any model exists, the run it records, and the
``neurocanvas train`` / ``runs`` commands."""

import json
import threading

import numpy as np
import pytest

from engine import Network
from neurocanvas_cli import main
from engine.data import DataError
from engine.training.runs import list_runs, load_run
from engine.training.session import (
    TrainingSetupError,
    fit_preprocessing,
    prepare_training,
    resolve_settings,
    start_training,
    suggest_losses,
)
from presets import build_preset
from tests.training.documents import iris_document

TINY = iris_document("tiny-iris", {"epochs": 2, "batch_size": 40, "seed": 0,
                                "compile": {"optimizer": {"name": "adam", "learning_rate": 0.05}}})


def tiny(**training):
    net = Network.from_dict(json.loads(json.dumps(TINY)))
    net.extra["training"].update(training)
    return net


# ----------------------------------------------------------------------------- settings
def test_a_preset_without_sections_gets_its_dataset_and_a_fitting_loss():
    from engine.data import load_dataset

    net = build_preset("iris-dense")
    data, training, derived = resolve_settings(net)
    assert data.dataset == "iris" and derived
    suggest_losses(net, load_dataset("iris"), training)
    out = training.compile.for_output("dense")
    assert out.loss == "sparse_categorical_crossentropy" and not out.from_logits
    assert out.metrics == ["accuracy"]

    reg = build_preset("stock-lstm")
    data, training, _ = resolve_settings(reg)
    assert data.dataset == "series"
    suggest_losses(reg, load_dataset("series", length=200, test_size=100), training)
    assert training.compile.for_output("next_open").loss == "mse"


def test_a_renamed_preset_keeps_its_data_through_save_and_load(tmp_path):
    """The preset writes its dataset into the document: renaming the network
    (which used to be the only link to the preset) does not lose it."""
    net = build_preset("iris-dense")
    assert net.extra["preset"] == {"id": "iris-dense", "dataset": "iris"}
    net.set_name("my flowers")
    net.save(tmp_path / "flowers.json")
    again = Network.load(tmp_path / "flowers.json")
    assert again.name == "my flowers"
    data, _training, derived = resolve_settings(again)
    assert data.dataset == "iris" and derived
    # the copy keeps it too, and the data section a person chose still wins
    assert resolve_settings(again.copy())[0].dataset == "iris"
    again.extra["data"] = {"dataset": "moons"}
    assert resolve_settings(again)[0].dataset == "moons"


def test_the_engine_finds_no_data_by_a_network_name_alone():
    """A document named like a preset but not built by one has no data section
    to fall back on in the engine; the command line adopts such old documents."""
    from presets import adopt_legacy_document

    net = build_preset("iris-dense")
    del net.extra["preset"]
    with pytest.raises(TrainingSetupError) as err:
        resolve_settings(net)
    assert err.value.code == "no_data"
    adopt_legacy_document(net)  # a document saved before the "preset" section existed
    assert resolve_settings(net)[0].dataset == "iris"
    other = build_preset("iris-dense")
    del other.extra["preset"]
    other.extra["data"] = {"dataset": "moons"}
    adopt_legacy_document(other)  # it has data of its own: nothing to adopt
    assert "preset" not in other.extra


def test_a_linear_output_gets_from_logits_and_one_sigmoid_unit_binary_crossentropy():
    from engine.data import load_dataset

    net = tiny()
    net.set_param("species", "activation", "linear")
    _, training, _ = resolve_settings(net)
    suggest_losses(net, load_dataset("iris"), training)
    assert training.compile.for_output("species").from_logits

    net = tiny()
    net.set_param("species", "units", 1)
    net.set_param("species", "activation", "sigmoid")
    _, training, _ = resolve_settings(net)
    suggest_losses(net, load_dataset("moons", n_samples=50), training)
    assert training.compile.for_output("species").loss == "binary_crossentropy"


def test_overrides_win_and_switching_optimizer_keeps_the_rate():
    net = tiny()
    net.extra["training"]["compile"]["optimizer"] = {"name": "adam", "learning_rate": 0.05,
                                                     "beta_1": 0.8, "clipnorm": 1.0}
    _, training, _ = resolve_settings(net, {"epochs": 7, "batch_size": 5, "optimizer": "SGD",
                                            "seed": 3})
    opt = training.compile.optimizer
    assert (training.epochs, training.batch_size, training.seed) == (7, 5, 3)
    assert opt.name == "sgd" and opt.params == {"learning_rate": 0.05, "clipnorm": 1.0}
    # --lr on a schedule sets where it starts.
    net.extra["training"]["compile"]["optimizer"] = {
        "name": "sgd", "schedule": {"kind": "exponential", "initial_learning_rate": 0.1,
                                    "decay_steps": 10, "decay_rate": 0.5}}
    _, training, _ = resolve_settings(net, {"learning_rate": 0.02})
    lr = training.compile.optimizer.lr_settings()
    assert lr.kind == "exponential" and lr.full_params()["initial_learning_rate"] == 0.02
    with pytest.raises(TrainingSetupError, match="Unknown training override"):
        resolve_settings(net, {"epoch": 3})


def test_derived_data_settings_are_fitted_to_the_model_input():
    p = fit_preprocessing(resolve_settings(build_preset("lenet5"), {"dataset": "digits"})[0]
                          .preprocess, (8, 8), (32, 32, 3))
    assert p.resize == [32, 32] and p.channels == 3
    from engine.data import PreprocessSettings

    assert fit_preprocessing(PreprocessSettings(), (8, 8), (64,)).flatten
    assert fit_preprocessing(PreprocessSettings(), (60,), (60, 1)).add_channel
    assert fit_preprocessing(PreprocessSettings(), (4,), (4,)) == PreprocessSettings()


# ----------------------------------------------------------------------------- refusals
def test_data_that_cannot_feed_the_model_is_refused_before_training():
    net = build_preset("lenet5")
    net.extra["data"] = {"dataset": "digits"}  # the user's own choice: not fitted for them
    with pytest.raises(TrainingSetupError) as info:
        prepare_training(net, record=False)
    err = info.value
    assert "expects (32, 32, 3)" in err.message and "(8, 8)" in err.message
    assert "resize to 32×32" in err.hint and "channels to 3" in err.hint
    assert all(d.code for d in err.diagnostics)


def test_a_loss_mistake_is_refused_with_the_fix():
    net = tiny()
    net.extra["training"]["compile"]["outputs"] = {"*": {"loss": "categorical_crossentropy",
                                                         "from_logits": True}}
    with pytest.raises(TrainingSetupError) as info:
        prepare_training(net, record=False)
    codes = {d.code for d in info.value.diagnostics}
    assert {"from_logits", "sparse_labels"} <= codes
    assert "softmax" in info.value.message and "from_logits" in info.value.hint


def test_an_invalid_network_or_missing_data_is_refused():
    net = tiny()
    net.set_param("hidden", "units", 8)
    net.disconnect("hidden", "species")
    net.connect("features", "species")
    net.add_node("LSTM", {"units": 2}, id="lstm")
    net.connect("hidden", "lstm")
    with pytest.raises(TrainingSetupError, match="LSTM expects"):
        prepare_training(net, record=False)
    bare = tiny()
    bare.extra.clear()
    with pytest.raises(TrainingSetupError, match="no data settings") as info:
        prepare_training(bare, record=False)
    assert "--dataset" in info.value.hint
    with pytest.raises(DataError, match="no dataset called"):
        prepare_training(tiny(), overrides={"dataset": "irsi"}, record=False)


# ----------------------------------------------------------------------------- running
def test_training_a_saved_document_records_a_run_beside_it(tmp_path):
    doc = tmp_path / "flowers.json"
    net = tiny()
    net.save(doc)
    events, threads = [], []

    def watch(e):
        events.append(e.kind)
        threads.append(threading.current_thread().name)

    session = prepare_training(net, doc, subscribers=[watch])
    assert session.trainer.model is None  # built on the training thread, not here
    net.set_param("hidden", "units", 99)  # editing the document does not touch the run
    session.start()
    assert session.wait(120) == "finished", session.result.data
    assert events[0] == "started" and events[-1] == "finished" and events.count("epoch") == 2
    assert set(threads) == {"neurocanvas-train"}
    assert session.trainer.model.get_layer("hidden").units == 8
    run = session.run
    assert run.path.parent == tmp_path / "flowers.runs"
    record = load_run(run.path)
    assert record.status == "finished" and record.epochs_run == 2
    assert record.settings["data"]["preprocess"]["scale"] == "standardize"
    assert record.settings["training"]["compile"]["outputs"]["*"]["loss"] == \
        "sparse_categorical_crossentropy"
    assert record.network().nodes["hidden"].params["units"] == 8
    assert [r.id for r in list_runs(doc)] == [record.id]


def test_start_training_returns_the_running_trainer_and_its_record(tmp_path):
    seen = []
    trainer, run = start_training(tiny(), overrides={"epochs": 1}, runs_root=tmp_path,
                                  subscribers=[lambda e: seen.append(e.kind)])
    assert trainer.wait(120) == "finished"
    assert seen[0] == "started" and run.path.parent == tmp_path
    assert load_run(run.path).epochs_run == 1
    trainer2, run2 = start_training(tiny(), overrides={"epochs": 1}, record=False)
    assert trainer2.wait(120) == "finished" and run2 is None


# ----------------------------------------------------------------------------- the CLI
def test_cli_train_prints_one_json_line_and_writes_the_run(tmp_path, capsys):
    doc = tmp_path / "flowers.json"
    tiny().save(doc)
    code = main(["train", str(doc), "--epochs", "2", "--batch-size", "30", "--lr", "0.05",
                 "--optimizer", "rmsprop", "--seed", "1"])
    out, err = capsys.readouterr()
    assert code == 0, err
    lines = out.strip().splitlines()
    assert len(lines) == 1
    result = json.loads(lines[0])
    assert set(result) >= {"run_dir", "epochs_run", "history", "stopped"}
    assert result["epochs_run"] == 2 and result["stopped"] is None
    assert len(result["history"]["loss"]) == 2 and len(result["history"]["val_accuracy"]) == 2
    assert "Epoch 1/2 [" in err and "Epoch 2/2 [" in err and "4/4" in err
    record = load_run(result["run_dir"])
    opt = record.settings["training"]["compile"]["optimizer"]
    assert (opt["name"], opt["learning_rate"]) == ("rmsprop", 0.05)
    assert record.settings["training"]["batch_size"] == 30
    np.testing.assert_allclose(record.history()["loss"], result["history"]["loss"], rtol=1e-6)

    assert main(["runs", str(doc)]) == 0
    listing = capsys.readouterr().out
    assert record.id in listing and "finished" in listing and "rmsprop 0.05" in listing
    assert main(["runs", str(doc), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["id"] == record.id


def test_cli_continues_a_run_and_compares_runs(tmp_path, capsys):
    doc = tmp_path / "flowers.json"
    tiny().save(doc)
    assert main(["train", str(doc), "--epochs", "1", "--quiet"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert main(["train", "--resume", first["run_dir"], "--epochs", "2", "--quiet"]) == 0
    resumed = json.loads(capsys.readouterr().out)
    assert resumed["run_dir"] == first["run_dir"] and resumed["epochs_run"] == 3
    assert resumed["history"]["loss"][0] == pytest.approx(first["history"]["loss"][0])
    assert len(resumed["history"]["loss"]) == 3
    assert main(["train", str(doc), "--epochs", "1", "--batch-size", "20", "--quiet"]) == 0
    second = json.loads(capsys.readouterr().out)
    ids = [p.split("/")[-1] for p in (first["run_dir"], second["run_dir"])]
    assert main(["runs", str(doc), "--compare", *ids]) == 0
    diff = json.loads(capsys.readouterr().out)
    assert {"key": "training.batch_size", "a": 40, "b": 20} in diff["settings"]
    assert diff["results"]["a"]["epochs_run"] == 3
    assert main(["train", "--resume", str(tmp_path), "--epochs", "1"]) == 2
    assert "not a training run" in capsys.readouterr().err


def test_cli_train_exit_codes(tmp_path, capsys):
    doc = tmp_path / "flowers.json"
    tiny().save(doc)
    # Bad usage or unreadable input: 2, one line, no JSON.
    assert main(["train", str(doc), "--optimizer", "adamm"]) == 2
    assert main(["train", str(tmp_path / "missing.json")]) == 2
    assert main(["train", str(doc), "--epochs", "0"]) == 2
    assert main(["train", str(doc), "--dataset", "nosuch"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "adamm" in err and "no dataset called 'nosuch'" in err
    # Data that cannot feed the network: 1, with the fix.
    net = tiny()
    net.extra["data"] = {"dataset": "digits"}
    net.save(doc)
    assert main(["train", str(doc)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "error: Input 'features' expects (4,)" in err and "Flatten" in err
