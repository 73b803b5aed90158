"""The course's results, reproduced on data that ships offline.

- iris with ``iris-dense`` (the course's first Keras model) reaches a training
  accuracy of at least 0.9, trained from the command line;
- ``lenet5``, its input fed 8×8 digits resized to 32×32×3, reaches a
  validation accuracy of at least 0.95;
- ``stock-lstm`` on the generated price-like series forecasts the next value
  better than repeating the last one (lower MSE on the validation windows).

Seeds are fixed and epochs kept to what is needed with a margin.
"""

import json

import numpy as np
import pytest

from neurocanvas_cli import main
from engine.data import load_dataset
from engine.training.runs import load_run
from engine.training.session import prepare_training
from presets import build_preset


def test_iris_dense_from_the_command_line_reaches_90_percent(tmp_path, capsys):
    code = main(["train", "iris-dense", "--epochs", "25", "--batch-size", "8", "--lr", "0.1",
                 "--seed", "0", "--run-dir", str(tmp_path / "iris"), "--quiet"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert out["epochs_run"] == 25
    assert out["history"]["accuracy"][-1] >= 0.9, out["history"]["accuracy"]
    run = load_run(out["run_dir"])
    assert run.settings["data"]["dataset"] == "iris"  # the preset's dataset, by default


def test_lenet5_on_digits_resized_to_32x32x3_reaches_95_percent():
    net = build_preset("lenet5")
    net.extra["training"] = {"epochs": 6, "batch_size": 16, "seed": 0,
                             "compile": {"optimizer": {"name": "adam", "learning_rate": 0.004}}}
    session = prepare_training(net, overrides={"dataset": "digits"}, record=False)
    # The derived data settings were fitted to the network's input.
    assert session.data.preprocess.resize == [32, 32] and session.data.preprocess.channels == 3
    assert session.dataset.input_shape == (32, 32, 3)
    session.start()
    assert session.wait(600) == "finished", session.result.data
    val = session.trainer.history()["val_accuracy"]
    assert val[-1] >= 0.95, val


@pytest.mark.slow
def test_stock_lstm_beats_the_last_value_forecast(tmp_path):
    net = build_preset("stock-lstm")
    # The sine-wave series (seasonal waves on a trend, with noise): a series the
    # past can predict. On a pure random walk the last value is the best forecast.
    options = {"kind": "sine", "length": 1000, "test_size": 200}
    net.extra["data"] = {"dataset": "series", "options": options,
                         "preprocess": {"scale": "standardize"}}  # zero-centred inputs
    net.extra["training"] = {
        "epochs": 6, "batch_size": 32, "seed": 0,
        "compile": {"optimizer": {"name": "adam", "clipnorm": 1.0,
                                  "schedule": {"kind": "cosine", "initial_learning_rate": 0.006,
                                               "alpha": 0.1}},
                    "outputs": {"*": {"loss": "mse"}}},
        # As in the course: keep the weights with the lowest validation loss.
        "callbacks": {"early_stopping": {"monitor": "val_loss", "patience": 6,
                                         "restore_best_weights": True}}}
    session = prepare_training(net, runs_root=tmp_path)
    session.start()
    assert session.wait(900) == "finished", session.result.data
    ds = session.dataset
    y = ds.y_val.reshape(-1)
    naive = load_dataset("series", **options).x_val[:, -1, 0]  # tomorrow = today (unscaled)
    predicted = session.trainer.model.predict(ds.x_val, verbose=0).reshape(-1)
    mse_model = float(np.mean((predicted - y) ** 2))
    mse_naive = float(np.mean((naive - y) ** 2))
    assert mse_model < 0.9 * mse_naive, (mse_model, mse_naive)
    # The run's best model is that same model.
    best = load_run(session.run_dir).load_model("best")
    np.testing.assert_allclose(best.predict(ds.x_val[:16], verbose=0).reshape(-1),
                               predicted[:16], rtol=1e-4, atol=1e-5)
    # In prices, through the dataset's scaler, the forecast is within a few units.
    prices = ds.target_scaler.inverse(predicted.reshape(-1, 1)).reshape(-1)
    truth = ds.target_scaler.inverse(y.reshape(-1, 1)).reshape(-1)
    assert np.sqrt(np.mean((prices - truth) ** 2)) < 2.5
