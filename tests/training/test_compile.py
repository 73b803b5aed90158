import inspect
import json

import numpy as np
import pytest

from engine.training import (CallbackSettings, CompileSettings, OptimizerSettings, SettingsError,
                             TrainingSettings, build_callbacks, build_optimizer, check_loss,
                             compile_arguments, validate_callbacks, validate_optimizer)
from engine.training.compile import LOSSES, OPTIMIZERS, output_activation


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_optimizer_parameters_are_named_and_defaulted_like_keras(name):
    import keras

    cls_name, params = OPTIMIZERS[name]
    sig = inspect.signature(getattr(keras.optimizers, cls_name).__init__).parameters
    for key, default in params.items():
        assert key in sig, f"{cls_name} has no {key}"
        assert sig[key].default == default, (cls_name, key)
    opt = build_optimizer({"name": name, "learning_rate": 0.003, "clipnorm": 1.0})
    assert type(opt).__name__ == cls_name
    assert float(opt.learning_rate) == pytest.approx(0.003) and opt.clipnorm == 1.0


def test_loss_parameters_exist_in_keras():
    import keras

    for name, (cls_name, params) in LOSSES.items():
        sig = inspect.signature(getattr(keras.losses, cls_name).__init__).parameters
        for key, default in params.items():
            assert key in sig and sig[key].default == default, (cls_name, key)


def test_sgd_momentum_nesterov_weight_decay_and_global_clipnorm_reach_keras():
    opt = build_optimizer({"name": "sgd", "momentum": 0.9, "nesterov": True,
                           "weight_decay": 1e-4, "global_clipnorm": 2.0})
    assert opt.momentum == 0.9 and opt.nesterov and opt.weight_decay == 1e-4
    assert opt.global_clipnorm == 2.0


def test_invalid_hyperparameters_are_error_values_not_tracebacks():
    msgs = validate_optimizer({"name": "adam", "beta_1": 1.5, "learning_rate": -1})
    assert {m.is_error for m in msgs} == {True}
    text = " ".join(m.message for m in msgs)
    assert "beta_1" in text and "1.5" in text and "learning_rate" in text
    with pytest.raises(SettingsError) as e:
        build_optimizer({"name": "rmsprop", "clipnorm": 1.0, "clipvalue": 0.5})
    assert "clipnorm and clipvalue" in e.value.message
    assert validate_optimizer({"name": "adamm"})[0].hint == "Did you mean adam?"
    assert "has no hyperparameter 'momentum'" in validate_optimizer(
        {"name": "adam", "momentum": 0.9})[0].message
    warn = validate_optimizer({"name": "sgd", "nesterov": True})
    assert warn and not warn[0].is_error


def test_check_loss_catches_the_usual_mistakes():
    y_ids = np.array([0, 2, 1, 2])
    y_onehot = np.eye(3)[y_ids]
    codes = lambda msgs: [m.code for m in msgs]  # noqa: E731
    assert codes(check_loss({"loss": "sparse_categorical_crossentropy", "from_logits": True},
                            activation="softmax", units=3, y=y_ids)) == ["from_logits"]
    assert codes(check_loss("categorical_crossentropy", activation="softmax", units=3,
                            y=y_ids)) == ["sparse_labels"]
    assert codes(check_loss("sparse_categorical_crossentropy", activation="softmax", units=3,
                            y=y_onehot)) == ["onehot_labels"]
    msgs = check_loss("sparse_categorical_crossentropy", activation="softmax", units=1, y=y_ids,
                      output="probs")
    assert "units" in codes(msgs) and msgs[0].node == "probs" and "1 unit" in msgs[0].message
    assert codes(check_loss("sparse_categorical_crossentropy", activation="softmax", units=2,
                            y=y_ids)) == ["label_range"]
    assert codes(check_loss("sparse_categorical_crossentropy", activation="linear", units=3,
                            y=y_ids)) == ["from_logits"]
    # Correct combinations give nothing.
    assert check_loss("sparse_categorical_crossentropy", activation="softmax", units=3, y=y_ids) == []
    assert check_loss({"loss": "categorical_crossentropy", "from_logits": True}, activation=None,
                      units=3, y=y_onehot) == []
    assert check_loss("mse", activation="linear", units=1, y=np.array([0.5, 1.5])) == []


def test_output_activation_reads_keras_models():
    import keras

    inp = keras.Input((4,))
    a = keras.layers.Dense(3, activation="softmax")(inp)
    b = keras.layers.Softmax()(keras.layers.Dense(2)(inp))
    c = keras.layers.Dense(1)(inp)
    model = keras.Model(inp, [a, b, c])
    assert [output_activation(model, i) for i in range(3)] == [("softmax", 3), ("softmax", 2),
                                                               ("linear", 1)]


def test_multi_output_compile_with_loss_weights_trains():
    import keras

    inp = keras.Input((4,))
    h = keras.layers.Dense(8, activation="relu")(inp)
    cls = keras.layers.Dense(3, activation="softmax", name="kind")(h)
    reg = keras.layers.Dense(1, name="size")(h)
    model = keras.Model(inp, {"kind": cls, "size": reg})
    settings = CompileSettings.from_dict({
        "optimizer": {"name": "adam", "learning_rate": 0.01},
        "outputs": {"kind": {"loss": "sparse_categorical_crossentropy", "metrics": ["accuracy"]},
                    "size": {"loss": "huber", "delta": 2.0, "weight": 0.5, "metrics": ["mae"]}}})
    args = compile_arguments(settings, ["kind", "size"])
    assert args["loss_weights"] == {"kind": 1.0, "size": 0.5}
    # Huber with delta 2 on an error of 3: 2·3 − 0.5·2² = 4 (delta 1 would give 2.5).
    assert float(args["loss"]["size"](np.array([[0.0]]), np.array([[3.0]]))) == pytest.approx(4.0)
    model.compile(**args)
    x = np.random.default_rng(0).random((32, 4)).astype("float32")
    hist = model.fit(x, {"kind": (x[:, 0] * 3).astype(int).clip(0, 2), "size": x.sum(1)},
                     epochs=2, verbose=0)
    assert "kind_accuracy" in hist.history and "size_mae" in hist.history


def test_training_settings_round_trip_json():
    s = TrainingSettings.from_dict({
        "epochs": 3, "batch_size": 16,
        "compile": {"optimizer": {"name": "sgd", "momentum": 0.9,
                                  "schedule": {"kind": "one_cycle", "max_lr": 0.1}}},
        "callbacks": {"early_stopping": {"patience": 2}, "csv_log": True}})
    again = TrainingSettings.from_dict(json.loads(json.dumps(s.to_dict())))
    assert again.to_dict() == s.to_dict()
    assert again.compile.optimizer.schedule.kind == "one_cycle"
    assert again.callbacks.section("early_stopping")["restore_best_weights"] is True
    assert again.steps_per_epoch(33) == 3


@pytest.mark.parametrize("old", [True, False])
def test_an_old_documents_terminate_on_nan_setting_is_read_and_dropped(old):
    # a NaN loss always stops a run (the trainer does it), so the setting went
    s = TrainingSettings.from_dict({"callbacks": {"terminate_on_nan": old,
                                                  "csv_log": True}})
    assert "terminate_on_nan" not in s.to_dict()["callbacks"]
    assert s.callbacks.section("csv_log") is not None
    with pytest.raises(SettingsError):
        CallbackSettings.from_dict({"terminate_on_nans": True})  # unknown keys still refused


def test_callback_settings_are_checked_against_the_run(tmp_path):
    s = CallbackSettings.from_dict({"early_stopping": {}, "reduce_lr": {"monitor": "loss"}})
    msgs = validate_callbacks(s, has_validation=False, constant_lr=False)
    codes = [m.code for m in msgs]
    assert "monitor" in codes and "reduce_lr_schedule" in codes
    assert "set monitor to loss" in msgs[codes.index("monitor")].hint
    with pytest.raises(SettingsError):
        build_callbacks({"checkpoint": {"path": "best.h5"}})
    import importlib.util

    with_tb = importlib.util.find_spec("tensorboard") is not None
    wanted = {"checkpoint": {"monitor": "loss"}, "csv_log": True, "tensorboard": {},
              "reduce_lr": {"monitor": "loss"},
              "early_stopping": {"monitor": "loss", "patience": 1}}
    if not with_tb:  # the log needs the tensorboard package: a clear error, not a crash mid-run
        with pytest.raises(SettingsError) as e:
            build_callbacks(wanted, run_dir=str(tmp_path))
        assert "pip install tensorboard" in e.value.hint
        wanted.pop("tensorboard")
    cbs = build_callbacks(wanted, run_dir=str(tmp_path))
    names = [type(c).__name__ for c in cbs]
    assert names == ["EarlyStopping", "ModelCheckpoint", "ReduceLROnPlateau", "CSVLogger"] + (
        ["TensorBoard"] if with_tb else []) + ["DivergenceGuard"]
    import keras

    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
    model.compile(keras.optimizers.SGD(0.01), "mse")
    x = np.ones((8, 2), "float32")
    model.fit(x, x[:, 0], epochs=2, verbose=0, callbacks=cbs)
    assert (tmp_path / "best.keras").exists() and (tmp_path / "epochs.csv").exists()
    assert (tmp_path / "tensorboard").is_dir() == with_tb
    lines = (tmp_path / "epochs.csv").read_text().splitlines()
    assert lines[0].startswith("epoch") and len(lines) == 3


def test_early_stopping_restores_best_weights_in_a_real_fit():
    import keras

    keras.utils.set_random_seed(1)
    model = keras.Sequential([keras.Input((1,)), keras.layers.Dense(1)])
    # A rate so high that the loss diverges after the first epochs.
    model.compile(keras.optimizers.SGD(4.0), "mse")
    x = np.linspace(-1, 1, 32).reshape(-1, 1).astype("float32")
    y = 3 * x
    cbs = build_callbacks({"early_stopping": {"monitor": "loss", "patience": 2}})
    hist = model.fit(x, y, epochs=20, batch_size=32, verbose=0, callbacks=cbs)
    losses = hist.history["loss"]
    best = int(np.argmin(losses))
    assert len(losses) == best + 3  # stopped after 2 epochs without improvement
    final = float(model.evaluate(x, y, verbose=0))
    assert final < losses[-1]


def test_softmax_then_dropout_is_softmax_for_the_document_and_the_keras_model_alike():
    """One catalog rule: Dropout passes on the activation of the layer before it, for a
    document's nodes (the session's loss choice) and a built Keras model (the trainer's
    check), so a direct ``Trainer(compile=True)`` user gets no from_logits refusal."""
    import keras

    from engine.data import load_dataset
    from engine.network import Network
    from engine.training import Trainer
    from engine.training.session import resolve_settings, suggest_losses

    net = Network("probabilities")
    x = net.add_node("Input", {"shape": [4]})
    d = net.add_node("Dense", {"units": 3, "activation": "softmax"})
    out = net.add_node("Dropout", {"rate": 0.2})
    net.connect(x, d)
    net.connect(d, out)
    ds = load_dataset("iris")
    _, training, _ = resolve_settings(net, {"dataset": "iris"})
    suggest_losses(net, ds, training)
    chosen = training.compile.for_output(net.nodes[out].name)
    assert chosen.loss == "sparse_categorical_crossentropy" and not chosen.from_logits

    keras.utils.set_random_seed(0)
    model = net.to_keras()
    assert output_activation(model, 0) == ("softmax", 3)
    settings = {"epochs": 1, "batch_size": 32,
                "compile": {"outputs": {"*": {"loss": "sparse_categorical_crossentropy"}}}}
    trainer = Trainer(model, ds, settings, compile=True)
    assert [d.code for d in trainer.check()] == []
    trainer.start()
    assert trainer.wait() == "finished"
    assert len(trainer.epochs) == 1

    # logits through a pass-through layer are still logits: the check names them
    inp = keras.Input((4,))
    logits = keras.layers.Flatten()(keras.layers.Dropout(0.1)(keras.layers.Dense(3)(inp)))
    assert output_activation(keras.Model(inp, logits), 0) == ("linear", 3)
    refused = check_loss("sparse_categorical_crossentropy", activation="linear", units=3,
                         y=np.array([0, 1, 2]))
    assert [d.code for d in refused] == ["from_logits"]
