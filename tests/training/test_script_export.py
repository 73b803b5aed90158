"""`neurocanvas export DOC --python-train train.py` writes a standalone
training script; run in a subprocess for one epoch it trains the same
network (layer names, parameter count) on data of the same shapes as a run
of the document, with the document's compile settings, schedule and
callbacks. Document text never becomes code."""

import json
import os
import subprocess
import sys

import numpy as np
import pytest

from engine.fileformat import FORMAT
from engine.network import Network
from engine.training.script_export import ScriptExportError, settings_summary, training_script
from tests.training.documents import iris_document

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def run_script(path, tmp_path, *args, env=None):
    """Run an exported script in a clean interpreter (no NeuroCanvas on its path)."""
    e = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    e.update({"TF_CPP_MIN_LOG_LEVEL": "3", "CUDA_VISIBLE_DEVICES": ""}, **(env or {}))
    # NeuroCanvas is installed in this interpreter: make importing it fail, so the
    # script is shown to need only Keras, NumPy and scikit-learn
    runner = ("import runpy, sys\n"
              "for name in ('engine', 'gui', 'presets'):\n"
              "    sys.modules[name] = None\n"
              "sys.argv = sys.argv[1:]\n"
              "runpy.run_path(sys.argv[0], run_name='__main__')\n")
    out = subprocess.run([sys.executable, "-I", "-c", runner, str(path), "--out",
                          str(tmp_path / "out"), *args],
                         cwd=tmp_path, env=e, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def cli_export(doc, script):
    out = subprocess.run([sys.executable, "-m", "neurocanvas_cli", "export", str(doc), "--python-train",
                          str(script)], cwd=ROOT, env={**os.environ, "PYTHONPATH": ROOT,
                                                       "TF_CPP_MIN_LOG_LEVEL": "3"},
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-3000:]
    assert f"wrote {script}" in out.stdout


def expected_run(net):
    """Layer names, parameters and data shapes of a NeuroCanvas run of ``net``."""
    from engine.training.session import prepare_training

    session = prepare_training(net, None, record=False)
    model = session.network.to_keras()
    ds = session.dataset
    return {"layers": [layer.name for layer in model.layers], "params": int(model.count_params()),
            "x_train": list(ds.x_train.shape), "y_train": list(ds.y_train.shape),
            "x_val": list(ds.x_val.shape),
            "sums": {k: float(np.sum(getattr(ds, k), dtype="float64"))
                     for k in ("x_train", "y_train", "x_val")}}


def same_data(result, expected):
    """The script's data equals the run's: the same shapes and the same sums."""
    for k in ("x_train", "y_train", "x_val"):
        assert result[k] == expected[k], k
        assert result["sums"][k] == pytest.approx(expected["sums"][k], rel=1e-5, abs=1e-3), k


def test_iris_script_from_the_command_line_trains_the_same_network_on_the_same_data(tmp_path):
    doc = tmp_path / "iris.json"
    d = iris_document("iris-net", {
        "epochs": 30, "batch_size": 16, "seed": 3,
        "compile": {"optimizer": {"name": "adam", "schedule": {
            "kind": "cosine", "initial_learning_rate": 0.01, "alpha": 0.1}},
            "outputs": {"*": {"loss": "sparse_categorical_crossentropy",
                              "metrics": ["accuracy"]}}},
        "callbacks": {"early_stopping": {"monitor": "val_accuracy", "mode": "max",
                                         "patience": 4, "min_delta": 0.001},
                      "csv_log": {"path": "epochs.csv"}}})
    doc.write_text(json.dumps(d))
    script = tmp_path / "train.py"
    cli_export(doc, script)
    source = script.read_text()
    settings = settings_summary(source)
    assert settings["EPOCHS"] == 30 and settings["BATCH_SIZE"] == 16 and settings["SEED"] == 3
    assert settings["SCHEDULE"]["class"] == "CosineDecay"
    assert settings["CALLBACKS"]["early_stopping"]["monitor"] == "val_accuracy"
    assert settings["PREPROCESS"]["scale"] == "standardize"
    result = run_script(script, tmp_path, env={"NEUROCANVAS_EPOCHS": "1"})
    assert result["epochs"] == 1
    expected = expected_run(Network.load(doc))
    assert result["layers"] == expected["layers"] and result["params"] == expected["params"]
    same_data(result, expected)
    assert (tmp_path / "out" / "epochs.csv").is_file()        # the callbacks ran
    assert set(result["final"]) >= {"loss", "accuracy", "val_loss", "val_accuracy"}


def test_lenet_on_the_digits_script_resizes_like_a_run_and_overrides_epochs(tmp_path):
    from presets import build_preset

    net = build_preset("lenet5-classic")    # 28×28×1 input; its MNIST is offline → digits
    net.extra["training"] = {"epochs": 20, "batch_size": 64, "seed": 0, "compile": {
        "optimizer": {"name": "sgd", "momentum": 0.9,
                      "schedule": {"kind": "one_cycle", "max_lr": 0.05}}}}
    net.extra["data"] = {"dataset": "digits", "preprocess": {"resize": [28, 28], "channels": 1}}
    script = tmp_path / "lenet.py"
    script.write_text(training_script(net))
    result = run_script(script, tmp_path, "--epochs", "1")
    assert result["epochs"] == 1
    expected = expected_run(net)
    assert result["layers"] == expected["layers"] and result["params"] == expected["params"] == 61706
    assert result["x_train"] == [1438, 28, 28, 1]
    same_data(result, expected)


def test_document_text_stays_data(tmp_path):
    doc = iris_document('x"""\nimport os\nos._exit(7)\n"""', {"epochs": 1, "batch_size": 32})
    net = Network.from_dict(doc)
    source = training_script(net)
    compile(source, "train.py", "exec")
    assert settings_summary(source)["NETWORK_NAME"] == doc["name"]
    assert "\nos._exit(7)" not in source


def test_data_a_script_cannot_load_is_refused_with_a_message():
    net = Network.from_dict(iris_document("n", {}))
    net.extra["data"] = {"dataset": "shapes"}
    with pytest.raises(ScriptExportError) as info:
        training_script(net)
    assert "shapes" in info.value.message and "data panel" in info.value.hint


def test_a_csv_of_ones_own_reads_the_same_columns_and_classes(tmp_path):
    rng = np.random.default_rng(1)
    names = ["small", "medium", "large"]
    lines = ["id,width,height,kind,depth"]
    for i in range(90):
        k = i % 3
        lines.append(f"{i},{rng.normal(k, 0.3):.4f},{rng.normal(-k, 0.3):.4f},{names[k]},"
                     f"{rng.normal(2 * k, 0.3):.4f}")
    table = tmp_path / "boxes.csv"
    table.write_text("\n".join(lines) + "\n")
    net = Network.from_dict(iris_document("boxes", {"epochs": 3, "batch_size": 8, "seed": 1}))
    net.nodes["features"].params["shape"] = [3]
    net.extra["data"] = {"dataset": "csv", "options": {
        "path": str(table), "target": "kind", "features": ["width", "height", "depth"],
        "validation_split": 0.25, "seed": 4}, "preprocess": {"scale": "standardize"}}
    script = tmp_path / "boxes.py"
    script.write_text(training_script(net))
    settings = settings_summary(script.read_text())
    assert settings["CSV_COLUMNS"]["classes"] == sorted(names)
    result = run_script(script, tmp_path, "--epochs", "1")
    expected = expected_run(net)
    assert result["layers"] == expected["layers"] and result["params"] == expected["params"]
    same_data(result, expected)
    assert expected["x_train"] == [68, 3] and expected["x_val"] == [22, 3]
