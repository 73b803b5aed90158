"""Importing the kinds of models people have beyond plain layer graphs: refusals that
name their cause, traced subclassed models, slicing and preprocessing ops, recurrent
states wired between layers. Each kind: a minimal model built here, imported,
analysed and compared with Keras layer by layer, exported to Python and .keras,
reloaded, predictions equal with the weights, and trained one step."""

from __future__ import annotations

import gc

import numpy as np
import pytest

from lazy_import import LazyModule, keras  # noqa: E402  (imported when a test runs)

from neurocanvas_cli import main as cli_main  # noqa: E402
from engine.keras_import import (  # noqa: E402
    KerasImportError, import_file, import_model, trace_subclassed,
)
from engine.network import Network  # noqa: E402
from tests.test_keras_import import (  # noqa: E402
    assert_analysis_matches, assert_same_model, assert_same_predictions, run_script,
)

layers = LazyModule("keras.layers")


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
    for layer in scripted.layers:  # as engine.weights does: Normalization reads its variables here
        if hasattr(layer, "adapt") and layer.weights:
            layer.finalize_state()
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


def test_an_unregistered_custom_layer_without_a_name_is_named_by_class_and_position(tmp_path):
    from keras_custom_classes import Unnamed

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


def test_subclassed_model_is_refused_with_the_trace_hint_then_traced(tmp_path):
    from keras_custom_classes import Straight

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
    from keras_custom_classes import Loose, Straight

    model = Loose(name="loose")
    model(np.zeros((1, 3), "float32"))
    with pytest.raises(KerasImportError, match="scale"):
        import_model(model, trace=True)
    unbuilt = Straight(name="unbuilt")
    with pytest.raises(KerasImportError, match="not built"):
        import_model(unbuilt, trace=True)


def test_cli_hint_for_a_saved_subclassed_model_points_at_the_trace_path(tmp_path, capsys):
    from keras_custom_classes import Straight

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


# ------------------------------------------- slicing and structured arguments --

def slicing_model():
    inp = keras.Input((8, 8, 3), name="image")
    x = keras.applications.resnet50.preprocess_input(inp)  # x[..., ::-1] and a constant mean
    x = x[..., ::-1]
    x = layers.Conv2D(4, 3, name="conv")(x)
    crop = x[:, 1:5, None, 0]  # slices, None (a new axis) and an integer in one index
    head = layers.Dense(2, name="head")(layers.GlobalAveragePooling2D(name="gap")(x))
    return keras.Model(inp, [head, layers.Flatten(name="flat")(crop)], name="slicing")


def test_slices_ellipsis_and_constant_tensors_are_kept_as_plain_data(tmp_path):
    model = slicing_model()
    result = import_model(model)
    net = result.network
    ops = {n.name: n for n in net.nodes.values() if n.type == "KerasOp"}
    flips = [n for n in ops.values() if n.params["class_name"] == "GetItem"
             and n.params["call_args"][1] == {"tuple": [{"ellipsis": True},
                                                       {"slice": [None, None, -1]}]}]
    assert len(flips) == 1
    crop = [n for n in ops.values() if n.params.get("call_args", [])[1:] == [
        {"tuple": [{"slice": [None, None, None]}, {"slice": [1, 5, None]}, None, 0]}]]
    assert len(crop) == 1
    means = [n for n in ops.values() if n.params["class_name"] == "Add"]
    assert means and means[0].params["call_args"][1]["dtype"] == "float32"
    assert np.allclose(np.ravel(means[0].params["call_args"][1]["array"]), [-103.939, -116.779, -123.68])
    # the shapes the document infers are Keras's
    report = net.analyze()
    for info in report.layers:
        node = net.nodes[info.node]
        if node.type == "KerasOp":
            assert [list(s) for s in info.output_shapes] == node.params["output_shapes"], node.name
    rng = np.random.default_rng(5)
    x = (rng.random((4, 8, 8, 3), "float32") * 255.0)
    round_trip(model, net, x, tmp_path, y=[np.zeros((4, 2), "float32"), np.zeros((4, 16), "float32")])


def test_slice_shapes_follow_an_edit_upstream_without_asking_keras():
    inp = keras.Input((8, 8, 3), name="image")
    crop = inp[..., ::-1][:, 1:5, None, 0]
    model = keras.Model(inp, layers.Dense(2, name="head")(layers.Flatten(name="flat")(crop)))
    net = import_model(model).network
    assert net.analyze().valid
    net.set_params("image", {"shape": [12, 10, 5]})
    report = net.analyze()
    assert report.valid, [str(d) for d in report.diagnostics]
    by_name = {net.nodes[i.node].name: i for i in report.layers}
    assert by_name["flat"].output_shape == (None, 4 * 1 * 5)
    rebuilt = net.to_keras()  # Keras agrees with the inferred shapes
    assert rebuilt.get_layer("flat").output.shape == (None, 20)


@pytest.mark.parametrize("key", [
    (Ellipsis, slice(None, None, -1)), (slice(None), slice(1, 5), None, 0), 0, (Ellipsis, 2),
    (slice(None), slice(-3, None, 2)), (None, Ellipsis, None), (slice(None), slice(7, 2, -2), 1),
    (slice(None), slice(100, None)),
])
def test_index_shapes_are_numpys(key):
    from engine.catalog.generic import _getitem_shape

    tensors: list = []
    from engine.keras_import import _template

    template = _template(keras, [keras.KerasTensor((3, 6, 5)), key], tensors)
    p = {"class_name": "GetItem", "call_style": "template", "call_args": template}
    assert _getitem_shape(p, [(3, 6, 5)]) == np.zeros((3, 6, 5))[key].shape


def test_a_document_cannot_smuggle_code_into_call_arguments():
    from engine.errors import ParamError
    from engine.catalog.generic import check_template

    for bad in ({"slice": ["os.system('x')", None, None]}, {"array": [1.0], "dtype": "object"},
                {"array": ["__import__('os')"], "dtype": "float32"}, {"ellipsis": "..."},
                {"__input__": "x) or (1"}, {"slice": [None, None, 0]}, {"tuple": "abc"}):
        with pytest.raises(ValueError):
            check_template([bad])
    net = import_model(slicing_model()).network
    op = next(n for n in net.nodes.values() if n.type == "KerasOp")
    params = dict(op.params)
    params["call_kwargs"] = {"x=__import__('os')": 1}
    with pytest.raises(ParamError):
        net.set_params(op.id, params)


# ------------------------------------------------ recurrent states as ports --

def encoder_decoder(cell="LSTM"):
    enc_in = keras.Input((5, 3), name="enc_in")
    dec_in = keras.Input((4, 2), name="dec_in")
    rnn = getattr(layers, cell)
    _, *states = rnn(4, return_state=True, name="encoder")(enc_in)
    seq = rnn(4, return_sequences=True, name="decoder")(dec_in, initial_state=states)
    out = layers.Dense(3, name="head")(seq)
    return keras.Model([enc_in, dec_in], out, name=f"seq2seq_{cell.lower()}")


@pytest.mark.parametrize("cell", ["LSTM", "GRU"])
def test_encoder_decoder_states_are_wired_to_state_ports(tmp_path, cell):
    model = encoder_decoder(cell)
    result = import_model(model)
    net = result.network
    assert result.generic == []
    assert net.nodes["decoder"].type == cell
    ports = net.nodes["decoder"].spec.inputs
    wired = {(e.src, e.src_port, ports[e.dst_port]) for e in net.in_edges("decoder")}
    expected = {("dec_in", 0, "input"), ("encoder", 1, ports[1])}
    if cell == "LSTM":
        expected |= {("encoder", 2, "initial_state_c")}
        assert ports[1] == "initial_state_h"
    assert wired == expected
    rng = np.random.default_rng(7)
    x = [rng.random((4, 5, 3), "float32"), rng.random((4, 4, 2), "float32")]
    round_trip(model, net, x, tmp_path, y=np.zeros((4, 4, 3), "float32"))
    assert "initial_state=[" in net.to_python()


def test_state_ports_are_checked_like_any_port():
    net = import_model(encoder_decoder("LSTM")).network
    c_edge = next(e for e in net.in_edges("decoder") if e.dst_port == 2)
    net.disconnect(c_edge.src, c_edge.dst, c_edge.src_port, c_edge.dst_port)
    report = net.analyze()
    assert not report.valid
    assert any(d.code == "arity" and "1 of its 2 initial states" in d.message
               for d in report.errors)
    # a state of the wrong size names the port and the units
    net.set_params("encoder", {"units": 6, "return_state": True})
    net.connect("encoder", "decoder", 2, 2)
    report = net.analyze()
    assert any(d.code == "port" and "initial_state_h" in d.message
               and "units=4" in d.message for d in report.errors)


# ------------------------------------------------------- wrappers in full --

def test_bidirectional_with_a_backward_layer_is_the_catalog_node(tmp_path):
    inp = keras.Input((5, 3), name="seq")
    both = layers.Bidirectional(
        layers.LSTM(4, return_sequences=True, name="fwd"),
        backward_layer=layers.GRU(4, go_backwards=True, return_sequences=True, name="bwd"),
        merge_mode="sum", name="bi")(inp)
    model = keras.Model(inp, layers.Dense(2, name="head")(both))
    result = import_model(model)
    net = result.network
    assert result.generic == []
    node = net.nodes["bi"]
    assert node.type == "Bidirectional"
    assert node.params["backward_layer"] == {"type": "GRU", "params": {
        "units": 4, "return_sequences": True, "go_backwards": True}}
    x = np.random.default_rng(9).random((4, 5, 3), "float32")
    round_trip(model, net, x, tmp_path, y=np.zeros((4, 5, 2), "float32"))


# --------------------------------------------------- adapted preprocessing --

def test_adapted_lookups_and_normalization_keep_their_state(tmp_path):
    lookup = layers.IntegerLookup(name="lookup")
    lookup.adapt(np.array([3, 7, 7, 9, 12, 3]))
    norm = layers.Normalization(name="norm")
    norm.adapt(np.array([[1.0, 10.0], [3.0, 30.0], [5.0, 20.0]], "float32"))
    ids = keras.Input((4,), dtype="int64", name="ids")
    num = keras.Input((2,), name="num")
    x = layers.GlobalAveragePooling1D(name="gap")(layers.Embedding(6, 3, name="emb")(lookup(ids)))
    out = layers.Dense(1, name="head")(layers.Concatenate(name="cat")([x, norm(num)]))
    model = keras.Model([ids, num], out)
    result = import_model(model)
    net = result.network
    assert net.nodes["lookup"].type == "IntegerLookup"
    assert net.nodes["lookup"].params["vocabulary"] == [7, 3, 12, 9]
    assert any("lookup (IntegerLookup) keeps its adapted vocabulary" in n for n in result.notes)
    xs = [np.array([[3, 7, 9, 100], [12, 12, 3, 0]], "int64"),
          np.array([[2.0, 15.0], [4.0, 25.0]], "float32")]
    round_trip(model, net, xs, tmp_path, y=np.zeros((2, 1), "float32"))


def test_adapted_string_lookup_text_vectorization_and_bins_survive_the_keras_file(tmp_path):
    tf = pytest.importorskip("tensorflow")
    lookup = layers.StringLookup(name="words")
    lookup.adapt(np.array(["a", "b", "b", "c"]))
    vectorize = layers.TextVectorization(max_tokens=20, output_sequence_length=3, name="vectorize")
    vectorize.adapt(["the cat sat", "the dog ran"])
    bins = layers.Discretization(num_bins=3, name="bins")
    bins.adapt(np.array([[1.0], [2.0], [3.0], [4.0], [5.0], [6.0]]))
    text = keras.Input((2,), dtype="string", name="text")
    line = keras.Input((1,), dtype="string", name="line")
    value = keras.Input((1,), name="value")
    model = keras.Model([text, line, value], [lookup(text), vectorize(line), bins(value)])
    result = import_model(model)
    assert {n for n in result.notes if "adapted vocabulary" in n} == {
        "words (StringLookup) keeps its adapted vocabulary in its params.",
        "vectorize (TextVectorization) keeps its adapted vocabulary in its params."}
    path = tmp_path / "preprocessing.keras"
    result.network.to_keras().save(path)
    reloaded = keras.saving.load_model(path, safe_mode=True, compile=False)
    x = [tf.constant([["a", "c"], ["b", "zzz"]]), tf.constant([["the cat ran"], ["dog zzz"]]),
         tf.constant([[1.5], [5.5]])]
    for a, b in zip(model(x), reloaded(x)):
        np.testing.assert_array_equal(np.asarray(a), np.asarray(b))


def test_a_module_whose_name_starts_like_keras_is_custom_code():
    """A project's ``keras_layers.py`` is not Keras: its classes are custom and refused as such."""
    from engine.keras_import import _is_custom_module

    assert _is_custom_module("keras_layers") and _is_custom_module("kerasutils.blocks")
    assert _is_custom_module("keras_custom_classes")
    assert not _is_custom_module("keras.src.layers.core.dense")
    assert not _is_custom_module("keras_hub.src.models") and not _is_custom_module("builtins")
