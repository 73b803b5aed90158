"""Importing the kinds of models people have beyond plain layer graphs: refusals that
name their cause, traced subclassed models, slicing and preprocessing ops, recurrent
states wired between layers. Each kind: a minimal model built here, imported,
analysed and compared with Keras layer by layer, exported to Python and .keras,
reloaded, predictions equal with the weights, and trained one step."""

from __future__ import annotations

import gc

import numpy as np
import pytest

keras = pytest.importorskip("keras")

from engine.cli import main as cli_main  # noqa: E402
from engine.keras_import import (  # noqa: E402
    KerasImportError, import_file, import_model, trace_subclassed,
)
from engine.network import Network  # noqa: E402
from tests.test_keras_import import (  # noqa: E402
    assert_analysis_matches, assert_same_model, assert_same_predictions, run_script,
)

layers = keras.layers


@pytest.fixture(autouse=True)
def _fresh_keras():
    yield
    keras.backend.clear_session()
    gc.collect()


def round_trip(model, net, x, tmp_path, y=None):
    """Analysis, .keras and Python exports, predictions with the weights, one training step."""
    assert_analysis_matches(net, model)
    rebuilt = net.to_keras()
    assert_same_model(model, rebuilt)
    assert_same_predictions(model, rebuilt, x)
    # the document survives its own file
    doc = tmp_path / "doc.json"
    net.save(doc)
    again = Network.load(doc).to_keras()
    assert_same_predictions(model, again, x)
    # .keras, reloaded in safe mode
    path = tmp_path / "exported.keras"
    rebuilt.save(path)
    reloaded = keras.saving.load_model(path, safe_mode=True, compile=False)
    assert_same_predictions(model, reloaded, x)
    # the standalone script, given the weights
    scripted = run_script(net.to_python())
    assert_same_model(model, scripted)
    scripted.set_weights(rebuilt.get_weights())
    assert_same_predictions(model, scripted, x)
    # it trains
    if y is not None:
        rebuilt.compile(optimizer="adam", loss="mse")
        before = [w.copy() for w in rebuilt.get_weights()]
        history = rebuilt.fit(x, y, epochs=1, batch_size=2, verbose=0)
        assert np.isfinite(history.history["loss"][0])
        assert any(not np.array_equal(a, b) for a, b in zip(before, rebuilt.get_weights()))
    return rebuilt


# ------------------------------------------------- refusals name their cause --

def test_a_layer_configured_with_a_user_function_is_named_with_argument_and_function(tmp_path):
    def my_standardize(x):
        return x

    inp = keras.Input((1,), dtype="string", name="text")
    out = layers.TextVectorization(max_tokens=10, standardize=my_standardize,
                                   output_sequence_length=4, name="vectorize")(inp)
    path = tmp_path / "tv.keras"
    keras.Model(inp, out).save(path)
    with pytest.raises(KerasImportError) as err:
        import_file(path)
    message = err.value.message
    assert "'vectorize' (TextVectorization)" in message
    assert "'standardize'" in message and "'my_standardize'" in message
    assert "deserialized properly" not in message


class Unnamed(layers.Layer):
    def call(self, x):
        return x * 2.0

    def get_config(self):
        return {}  # no name, no base config: the worst a custom layer can do


def test_an_unregistered_custom_layer_without_a_name_is_named_by_class_and_position(tmp_path):
    inp = keras.Input((3,), name="x")
    hidden = layers.Dense(3, name="d")(inp)
    model = keras.Model(inp, Unnamed()(hidden))
    path = tmp_path / "unnamed.keras"
    model.save(path)
    config = model.get_config()
    for entry in config["layers"]:  # what an old file (or a hand-written one) may hold
        entry.pop("name", None)
    from engine.keras_import import _find_unsafe

    culprit = _find_unsafe({"class_name": "Functional", "config": config})
    assert culprit.what == "an unnamed Unnamed layer at position 3 of the model's layers"
    with pytest.raises(KerasImportError) as err:
        import_file(path)
    assert "(Unnamed)" in err.value.message and "'?'" not in err.value.message


# ---------------------------------------------------- subclassed models --

class Straight(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.hidden = layers.Dense(8, activation="relu", name="hidden")
        self.norm = layers.LayerNormalization(name="norm")
        self.head = layers.Dense(2, name="head")

    def call(self, x):
        return self.head(self.norm(self.hidden(x)) * 0.5)


class Loose(keras.Model):
    """Its call uses a weight outside any layer: no graph of layers can hold it."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.dense = layers.Dense(2, name="dense")

    def build(self, shape):
        self.scale = self.add_weight(shape=(2,), initializer="ones", name="scale")

    def call(self, x):
        return self.dense(x) * self.scale


def test_subclassed_model_is_refused_with_the_trace_hint_then_traced(tmp_path):
    model = Straight(name="straight")
    x = np.random.default_rng(0).random((4, 5), "float32")
    model(x)
    with pytest.raises(KerasImportError) as err:
        import_model(model)
    assert "trace=True" in err.value.hint and "from_keras(model)" not in err.value.hint
    result = import_model(model, trace=True)
    net = result.network
    assert "traced" in result.notes[0] and "Straight" in result.notes[0]
    assert [n.type for n in net.nodes.values()] == ["Input", "Dense", "LayerNormalization",
                                                    "KerasOp", "Dense"]
    traced, _ = trace_subclassed(model)
    assert_same_predictions(model, net.to_keras(), x)  # the subclassed model itself
    round_trip(traced, net, x, tmp_path, y=np.zeros((4, 2), "float32"))


def test_subclassed_model_that_cannot_be_traced_exactly_is_refused():
    model = Loose(name="loose")
    model(np.zeros((1, 3), "float32"))
    with pytest.raises(KerasImportError, match="scale"):
        import_model(model, trace=True)
    unbuilt = Straight(name="unbuilt")
    with pytest.raises(KerasImportError, match="not built"):
        import_model(unbuilt, trace=True)


def test_cli_hint_for_a_saved_subclassed_model_points_at_the_trace_path(tmp_path, capsys):
    @keras.saving.register_keras_serializable("kinds_test")
    class Saved(Straight):
        pass

    model = Saved(name="saved")
    model(np.zeros((1, 5), "float32"))
    path = tmp_path / "sub.keras"
    model.save(path)
    keras.saving.get_custom_objects().pop("kinds_test>Saved")
    assert cli_main(["import", str(path), "-o", str(tmp_path / "doc.json")]) != 0
    err = capsys.readouterr().err
    assert "subclassed keras.Model" in err and "trace=True" in err
    assert "from_keras(model)" not in err
