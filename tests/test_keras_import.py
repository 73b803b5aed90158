"""Importing Keras models: exact round trips, refused models, nested and shared
layers, weights beside the document, transfer learning, the CLI, and every
architecture of keras.applications."""

from __future__ import annotations

import gc
import json
import math
import time

import numpy as np
import pytest

from lazy_import import LazyModule, keras  # noqa: E402  (imported when a test runs)

from engine.keras_applications import NAMES  # noqa: E402
from neurocanvas_cli import main as cli_main  # noqa: E402
from engine.keras_build import keras_layer_table  # noqa: E402
from engine.keras_import import (  # noqa: E402
    KerasImportError, from_application, from_file, from_keras,
    import_model, refresh_generic,
)
from engine.network import Network  # noqa: E402
from engine.weights import weights_path  # noqa: E402

layers = LazyModule("keras.layers")


# --------------------------------------------------------------- helpers --

def flat_table(model, nested=False) -> list:
    """keras_layer_table with nested models replaced by their layers (we inline them,
    and their inputs become the tensors they are called on)."""
    if isinstance(model, keras.Sequential) and not nested:
        model = model._functional  # the same layers, with the InputLayer a functional model lists
    rows = []
    for layer, row in zip(model.layers, keras_layer_table(model)):
        if isinstance(layer, keras.Model):
            rows.extend(flat_table(layer, nested=True))
        elif not (nested and row["type"] == "InputLayer"):
            rows.append(row)
    return rows


def totals(model) -> tuple:
    count = lambda ws: sum(math.prod(w.shape) for w in ws)  # noqa: E731
    return count(model.trainable_weights), count(model.non_trainable_weights)


def assert_same_model(original, rebuilt, renamed=None):
    """Same layers (name, type), per-layer output shapes and weight counts, same totals."""
    renamed = renamed or {}
    a = flat_table(original)
    b = flat_table(rebuilt)
    for row in a:
        row["name"] = renamed.get(row["name"], row["name"])
    assert [(r["name"], r["type"]) for r in a] == [(r["name"], r["type"]) for r in b]
    assert a == b
    assert totals(original) == totals(rebuilt)
    assert original.count_params() == rebuilt.count_params()


def assert_analysis_matches(net, model):
    """The document's own analysis agrees with Keras, layer by layer and in total."""
    report = net.analyze()
    assert report.valid, [str(d) for d in report.diagnostics]
    rows = {r["name"]: r for r in flat_table(model)}
    for info in report.layers:
        node = net.nodes[info.node]
        if node.type in ("SharedCall", "KerasOp"):
            assert info.params == 0
            continue
        row = rows[node.name]
        shape = info.output_shape
        assert (list(shape) if isinstance(shape, list) else shape) == row["output_shape"], node.name
        assert (info.trainable_params, info.non_trainable_params) == \
            (row["trainable_params"], row["non_trainable_params"]), node.name
    assert (report.trainable_params, report.non_trainable_params) == totals(model)


def assert_same_predictions(a, b, x):
    pa, pb = a.predict(x, verbose=0), b.predict(x, verbose=0)
    pa = pa if isinstance(pa, list) else [pa]
    pb = pb if isinstance(pb, list) else [pb]
    assert len(pa) == len(pb)
    for u, v in zip(pa, pb):
        np.testing.assert_allclose(u, v, rtol=1e-5, atol=1e-6)


def run_script(source: str):
    namespace = {"__name__": "exported"}
    exec(compile(source, "<exported>", "exec"), namespace)
    return namespace["model"]


def structure(net) -> dict:
    data = net.to_dict()
    for node in data["nodes"]:
        node.pop("pos", None)
    data.pop("weights", None)
    return data


@pytest.fixture(autouse=True)
def _fresh_keras():
    yield
    keras.backend.clear_session()
    gc.collect()


def small_cnn(name="small_cnn"):
    inp = keras.Input((16, 16, 3), name="image")
    x = layers.Conv2D(8, 3, padding="same", use_bias=False, kernel_initializer="he_normal",
                      kernel_regularizer=keras.regularizers.L2(1e-4), name="conv1")(inp)
    x = layers.BatchNormalization(epsilon=1.001e-5, name="bn1")(x)
    x = layers.ReLU(name="relu1")(x)
    y = layers.Conv2D(8, 1, name="branch")(x)
    x = layers.Add(name="merge")([x, y])
    x = layers.MaxPooling2D(name="pool")(x)
    x = layers.GlobalAveragePooling2D(name="gap")(x)
    out = layers.Dense(4, activation="softmax", name="head")(x)
    return keras.Model(inp, out, name=name)


# ------------------------------------------------------------ sequential --

def test_sequential_model_becomes_a_chain_with_only_non_default_params():
    model = keras.Sequential([
        keras.Input((28, 28, 1)),
        layers.Conv2D(6, 5, activation="tanh", padding="same", name="c1"),
        layers.AveragePooling2D(2, name="s2"),
        layers.Flatten(name="flat"),
        layers.Dropout(0.25, name="drop"),
        layers.Dense(10, kernel_initializer=keras.initializers.RandomNormal(stddev=0.02),
                     kernel_constraint=keras.constraints.MaxNorm(2.0), name="out"),
    ], name="lenet_like")
    net = from_keras(model)
    ids = list(net.nodes)
    assert [net.nodes[i].type for i in ids] == ["Input", "Conv2D", "AveragePooling2D", "Flatten",
                                               "Dropout", "Dense"]
    assert [(e.src, e.dst) for e in net.edges] == list(zip(ids, ids[1:]))
    assert net.nodes["c1"].params == {"filters": 6, "kernel_size": [5, 5], "padding": "same",
                                      "activation": "tanh"}
    assert net.nodes["flat"].params == {}
    assert net.nodes["drop"].params == {"rate": 0.25}
    out = net.nodes["out"].params
    assert out["units"] == 10
    assert out["kernel_initializer"] == {"random_normal": {"stddev": 0.02}}
    assert out["kernel_constraint"] == {"max_norm": {"max_value": 2.0, "axis": 0}}
    assert set(out) == {"units", "kernel_initializer", "kernel_constraint"}
    rebuilt = net.to_keras()
    assert_same_model(model, rebuilt)
    assert_analysis_matches(net, model)
    assert_same_predictions(model, rebuilt, np.random.default_rng(0).random((3, 28, 28, 1), "float32"))


def test_short_forms_for_initializers_and_regularizers():
    inp = keras.Input((4,))
    model = keras.Model(inp, layers.Dense(3, kernel_initializer="he_uniform", bias_initializer="ones",
                                         kernel_regularizer=keras.regularizers.L1L2(l1=0.01, l2=0.02),
                                         bias_regularizer=keras.regularizers.L1(0.5), name="d")(inp))
    net = from_keras(model)
    assert net.nodes["d"].params == {"units": 3, "kernel_initializer": "he_uniform",
                                     "bias_initializer": "ones",
                                     "kernel_regularizer": {"l1": 0.01, "l2": 0.02},
                                     "bias_regularizer": {"l1": 0.5}}
    assert_same_model(model, net.to_keras())
    tokens = keras.Input((3,), name="tokens")
    emb = keras.Model(tokens, layers.Embedding(10, 4, name="emb")(tokens))
    net = from_keras(emb)
    assert net.nodes["emb"].params == {"input_dim": 10, "output_dim": 4}  # default 'uniform' stays implicit
    assert_same_model(emb, net.to_keras())


def test_unbuilt_sequential_is_refused_with_a_hint():
    model = keras.Sequential([layers.Dense(3)])
    with pytest.raises(KerasImportError, match="no input shape"):
        from_keras(model)


# ------------------------------------------------------------ functional --

def test_functional_branches_merges_and_predictions():
    model = small_cnn()
    result = import_model(model)
    net = result.network
    assert result.generic == []
    assert {(e.src, e.dst, e.dst_port) for e in net.in_edges("merge")} == {("relu1", "merge", 0),
                                                                            ("branch", "merge", 1)}
    rebuilt = net.to_keras()
    assert_same_model(model, rebuilt)
    assert_analysis_matches(net, model)
    x = np.random.default_rng(1).random((2, 16, 16, 3), "float32")
    assert_same_predictions(model, rebuilt, x)


def test_multi_input_multi_output_and_multi_output_layers():
    seq = keras.Input((6, 5), name="seq")
    side = keras.Input((3,), name="side")
    out, h, c = layers.LSTM(4, return_state=True, name="lstm")(seq)
    q = layers.Dense(8, name="q")(seq)
    att, scores = layers.MultiHeadAttention(2, 4, name="mha")(q, q, return_attention_scores=True)
    joined = layers.Concatenate(name="cat")([out, c, layers.Dense(4, name="s")(side)])
    model = keras.Model([seq, side], [joined, h, att, scores])
    net = from_keras(model)
    assert net.inputs == ["seq", "side"]
    assert ("lstm", 2) in {(e.src, e.src_port) for e in net.in_edges("cat")}
    assert net.outputs == [("cat", 0), ("lstm", 1), ("mha", 0), ("mha", 1)]
    assert net.nodes["mha"].type == "MultiHeadAttention"
    rebuilt = net.to_keras()
    assert_same_model(model, rebuilt)
    assert_analysis_matches(net, model)
    rng = np.random.default_rng(2)
    assert_same_predictions(model, rebuilt, [rng.random((2, 6, 5), "float32"), rng.random((2, 3), "float32")])


def test_operations_in_the_graph_become_keras_op_nodes():
    inp = keras.Input((4,), name="x")
    a = layers.Dense(4, name="a")(inp)
    out = layers.Activation("relu", name="act")(a + 3.0) * (1.0 / 6.0)
    model = keras.Model(inp, keras.ops.add(out, inp))
    net = from_keras(model)
    ops = [n for n in net.nodes.values() if n.type == "KerasOp"]
    assert sorted(n.params["class_name"] for n in ops) == ["Add", "Add", "Multiply"]
    rebuilt = net.to_keras()
    assert len(rebuilt.layers) == len(model.layers)  # operations are not layers, as in Keras
    assert_same_model(model, rebuilt)
    assert_same_predictions(model, rebuilt, np.random.default_rng(3).random((2, 4), "float32"))
    assert_same_model(model, run_script(net.to_python()))


# ---------------------------------------------------- shared and nested --

def test_shared_layer_keeps_its_wiring_and_counts_weights_once():
    left, right = keras.Input((5,), name="left"), keras.Input((5,), name="right")
    shared = layers.Dense(3, activation="relu", name="shared")
    diff = layers.Subtract(name="diff")([shared(left), shared(right)])
    model = keras.Model([left, right], layers.Dense(1, name="score")(diff))
    net = from_keras(model)
    calls = [n for n in net.nodes.values() if n.type == "SharedCall"]
    assert len(calls) == 1 and calls[0].params["shares"] == "shared"
    assert {(e.src, e.dst_port) for e in net.in_edges("diff")} == {("shared", 0), (calls[0].id, 1)}
    assert net.analyze().total_params == model.count_params()
    rebuilt = net.to_keras()
    assert_same_model(model, rebuilt)
    assert len(rebuilt.get_layer("shared")._inbound_nodes) == 2
    rng = np.random.default_rng(4)
    x = [rng.random((3, 5), "float32"), rng.random((3, 5), "float32")]
    assert_same_predictions(model, rebuilt, x)
    scripted = run_script(net.to_python())
    assert_same_model(model, scripted)


def test_nested_models_become_groups_and_are_inlined():
    inner_in = keras.Input((8,), name="inner_in")
    inner = keras.Model(inner_in, layers.Dense(6, activation="relu", name="inner_dense")(inner_in),
                        name="inner")
    mid_in = keras.Input((8,), name="mid_in")
    mid = keras.Model(mid_in, layers.Dense(4, name="mid_dense")(inner(mid_in)), name="encoder")
    stem = keras.Sequential([layers.Dense(8, name="stem_dense"), layers.BatchNormalization(name="stem_bn")],
                            name="stem")
    inp = keras.Input((10,), name="x")
    out = layers.Dense(2, name="head")(mid(stem(inp)))
    model = keras.Model(inp, out)
    net = from_keras(model)
    groups = {n.name: n.group for n in net.nodes.values()}
    assert groups["stem_dense"] == "stem" and groups["stem_bn"] == "stem"
    assert groups["inner_dense"] == "encoder/inner"
    assert groups["mid_dense"] == "encoder"
    assert groups["head"] is None
    assert not any(n.type == "Input" and n.name != "x" for n in net.nodes.values())
    rebuilt = net.to_keras()
    assert_same_model(model, rebuilt)
    assert_analysis_matches(net, model)
    assert_same_predictions(model, rebuilt, np.random.default_rng(5).random((2, 10), "float32"))


def test_nested_model_called_twice_shares_its_layers():
    enc_in = keras.Input((4,))
    encoder = keras.Model(enc_in, layers.Dense(3, name="enc")(enc_in), name="encoder")
    a, b = keras.Input((4,), name="a"), keras.Input((4,), name="b")
    model = keras.Model([a, b], layers.Concatenate(name="cat")([encoder(a), encoder(b)]))
    net = from_keras(model)
    assert [n.type for n in net.nodes.values() if n.group == "encoder_call2"] == ["SharedCall"]
    rebuilt = net.to_keras()
    assert_same_model(model, rebuilt)
    rng = np.random.default_rng(6)
    assert_same_predictions(model, rebuilt, [rng.random((2, 4), "float32"), rng.random((2, 4), "float32")])


# ------------------------------------------------------ refused models --

@pytest.mark.parametrize("suffix", [".keras", ".h5"])
def test_lambda_layer_in_a_file_is_refused_naming_the_layer(tmp_path, suffix):
    inp = keras.Input((3,))
    model = keras.Model(inp, layers.Lambda(lambda t: t * 2, name="double_it")(layers.Dense(3)(inp)))
    path = tmp_path / f"unsafe{suffix}"
    model.save(path)
    with pytest.raises(KerasImportError) as err:
        from_file(path)
    assert "double_it" in str(err.value) and "Lambda" in str(err.value)
    assert "Traceback" not in str(err.value)
    with pytest.raises(KerasImportError, match="double_it.*Lambda"):
        from_keras(model)


def test_custom_layers_registered_are_generic_unregistered_are_opaque_in_files(tmp_path):
    from keras_custom_classes import Doubler, Unregistered

    inp = keras.Input((3,))
    model = keras.Model(inp, Doubler(name="dbl")(layers.Dense(3, name="d")(inp)))
    result = import_model(model)
    assert result.network.nodes["dbl"].type == "KerasLayer"
    assert [g.class_name for g in result.generic] == ["Doubler"]
    assert_same_model(model, result.network.to_keras())

    bad = keras.Model(inp, Unregistered(name="triple")(inp))
    with pytest.raises(KerasImportError, match="triple"):
        from_keras(bad)
    path = tmp_path / "custom.keras"
    bad.save(path)
    with pytest.raises(KerasImportError, match="triple.*custom.*output shape"):
        from_file(path)  # its output feeds nothing: the file has no shape for it
    keras.Model(inp, layers.Dense(2, name="head")(Unregistered(name="triple")(inp))).save(path)
    assert from_file(path).nodes["triple"].type == "OpaqueLayer"  # no code ran (engine.opaque)


def test_bad_files_are_refused_with_a_message(tmp_path):
    junk = tmp_path / "junk.keras"
    junk.write_text("not a zip")
    with pytest.raises(KerasImportError, match="junk.keras"):
        from_file(junk)
    with pytest.raises(KerasImportError, match="no such file"):
        from_file(tmp_path / "missing.keras")
    with pytest.raises(KerasImportError, match="Did you mean ResNet50"):
        from_application("Resnet50")


# ------------------------------------------------------------ generic ---

def test_generic_layer_keeps_shapes_from_keras_and_never_guesses():
    from keras.src.applications.convnext import LayerScale

    inp = keras.Input((5, 8), name="inp")
    model = keras.Model(inp, layers.Dense(8, name="d")(LayerScale(1e-6, 8, name="ls")(inp)))
    net = from_keras(model)
    node = net.nodes["ls"]
    assert node.type == "KerasLayer" and node.params["class_name"] == "LayerScale"
    assert net.analyze().by_node["ls"].trainable_params == 8
    net.set_param("inp", "shape", [7, 8])
    report = net.analyze()
    assert not report.valid and "does not guess" in report.errors[0].hint
    assert refresh_generic(net) == ["ls"]
    assert net.analyze().valid and net.analyze().by_node["ls"].output_shapes == [(None, 7, 8)]


# ------------------------------------------------------------ weights ---

def test_weights_travel_beside_the_document_and_edits_reinitialise(tmp_path):
    model = small_cnn()
    x = np.random.default_rng(7).random((2, 16, 16, 3), "float32")
    net = from_keras(model)
    doc = tmp_path / "cnn.json"
    net.save(doc)
    assert weights_path(doc).exists()
    assert json.loads(doc.read_text())["weights"]["file"] == "cnn.weights.npz"
    loaded = Network.load(doc)
    rebuilt = loaded.to_keras()
    assert_same_predictions(model, rebuilt, x)
    assert_same_predictions(model, loaded.copy().to_keras(), x)  # a copy keeps them too
    elsewhere = tmp_path / "moved" / "renamed.json"  # Save As into another folder
    loaded.save(elsewhere)
    assert_same_predictions(model, Network.load(elsewhere).to_keras(), x)

    loaded.rename("conv1", "first_conv")  # renaming keeps weights
    loaded.set_param("branch", "filters", 8)  # same value: unchanged
    loaded.set_param("head", "activation", "sigmoid")  # changed param: fresh weights
    again = loaded.to_keras()
    np.testing.assert_array_equal(again.get_layer("first_conv").get_weights()[0],
                                  model.get_layer("conv1").get_weights()[0])
    np.testing.assert_array_equal(again.get_layer("bn1").get_weights()[2],
                                  model.get_layer("bn1").get_weights()[2])
    assert not np.array_equal(again.get_layer("head").get_weights()[0],
                              model.get_layer("head").get_weights()[0])

    no_weights = from_keras(model, weights=False)
    assert no_weights.weights is None


def test_h5_files_import_with_their_weights(tmp_path):
    model = small_cnn()
    path = tmp_path / "legacy.h5"
    model.save(path)
    net = from_file(path)
    assert_same_predictions(model, net.to_keras(), np.random.default_rng(8).random((2, 16, 16, 3), "float32"))


def test_frozen_layers_count_as_non_trainable_like_keras():
    base = small_cnn("base")
    base.trainable = False
    inp = keras.Input((16, 16, 3), name="img")
    model = keras.Model(inp, layers.Dense(2, name="new_head")(base(inp)))
    net = from_keras(model)
    assert not net.nodes["conv1"].trainable and net.nodes["new_head"].trainable
    assert_analysis_matches(net, model)
    assert_same_model(model, net.to_keras())


# --------------------------------------------------- transfer learning ---

def test_transfer_learning_import_freeze_replace_head_train():
    base = small_cnn("pretrained")
    x = np.random.default_rng(9).random((32, 16, 16, 3), "float32")
    y = np.random.default_rng(10).integers(0, 3, 32)
    net = from_keras(base)
    base_nodes = [nid for nid, n in net.nodes.items() if n.type != "Input" and nid != "head"]
    for nid in base_nodes:
        net.set_trainable(nid, False)
    net.remove_node("head")
    new_head = net.add_node("Dense", {"units": 3, "activation": "softmax"}, id="new_head")
    net.connect("gap", new_head)
    net.set_outputs([new_head])
    report = net.analyze()
    assert report.valid and report.trainable_params == 8 * 3 + 3
    model = net.to_keras()
    before = {nid: [w.copy() for w in model.get_layer(nid).get_weights()] for nid in base_nodes
              if model.get_layer(nid).weights}
    for nid, ws in before.items():  # the imported weights came along
        for w, v in zip(ws, base.get_layer(nid).get_weights()):
            np.testing.assert_array_equal(w, v)
    head_before = model.get_layer("new_head").get_weights()[0].copy()
    model.compile(optimizer=keras.optimizers.Adam(1e-2), loss="sparse_categorical_crossentropy")
    model.fit(x, y, batch_size=8, epochs=1, verbose=0)
    for nid, ws in before.items():  # frozen: unchanged (BatchNormalization statistics included)
        for w, v in zip(ws, model.get_layer(nid).get_weights()):
            np.testing.assert_array_equal(w, v)
    assert not np.array_equal(head_before, model.get_layer("new_head").get_weights()[0])
    # unfreeze and fine-tune with a lower learning rate
    for nid in base_nodes:
        net.set_trainable(nid, True)
    tuned = net.to_keras()
    tuned.compile(optimizer=keras.optimizers.Adam(1e-5), loss="sparse_categorical_crossentropy")
    tuned.fit(x, y, batch_size=8, epochs=1, verbose=0)
    assert not np.array_equal(tuned.get_layer("conv1").get_weights()[0], before["conv1"][0])


# ----------------------------------------------------------- round trips --

def shared_ops_model():
    left, right = keras.Input((6,), name="left"), keras.Input((6,), name="right")
    shared = layers.Dense(4, name="shared")
    a, b = shared(left), shared(right)
    out, h = layers.GRU(3, return_state=True, name="gru")(layers.Reshape((2, 4), name="r")(
        layers.Concatenate(name="cat")([a, b])))
    return keras.Model([left, right], [layers.Activation("relu", name="act")(out + 1.0), h])


@pytest.mark.parametrize("make", [small_cnn, shared_ops_model])
def test_import_save_load_import_again_is_stable(tmp_path, make):
    """(Groups of nested models are the document's own: the Keras model built from a
    document is flat, so they are checked in the nested-model tests instead.)"""
    model = make()
    first = from_keras(model)
    doc = tmp_path / "doc.json"
    first.save(doc)
    loaded = Network.load(doc)
    assert structure(loaded) == structure(first)
    rebuilt = loaded.to_keras()
    second = from_keras(rebuilt)
    assert structure(second) == structure(first)
    rng = np.random.default_rng(11)
    x = [rng.random((2, *t.shape[1:]), "float32") for t in model.inputs]
    assert_same_predictions(model, rebuilt, x if len(x) > 1 else x[0])


def test_python_export_of_an_import_builds_the_same_summary():
    model = small_cnn()
    net = from_keras(model)
    assert_same_model(model, run_script(net.to_python()))


# ----------------------------------------------------------------- CLI ---

def test_cli_import_file_and_application(tmp_path, capsys):
    model = small_cnn()
    path = tmp_path / "m.keras"
    model.save(path)
    out = tmp_path / "doc.json"
    assert cli_main(["import", str(path), "-o", str(out)]) == 0
    assert out.exists() and weights_path(out).exists()
    assert "imported small_cnn" in capsys.readouterr().out
    assert Network.load(out).analyze().total_params == model.count_params()

    app = tmp_path / "mnv3.json"
    assert cli_main(["import", "keras.applications.MobileNetV3Small", "-o", str(app)]) == 0
    assert not weights_path(app).exists()  # weights=None: nothing to keep
    assert Network.load(app).analyze().valid

    assert cli_main(["import", "keras.applications.NoSuchNet", "-o", str(app)]) == 2
    err = capsys.readouterr().err
    assert "NoSuchNet" in err and "Traceback" not in err


# ------------------------------------------------- keras.applications ---

# the larger architectures take several seconds each to build twice on two cores
_FAST = {"MobileNet", "MobileNetV2", "MobileNetV3Small", "MobileNetV3Large", "EfficientNetB0",
         "EfficientNetV2B0", "ResNet50", "ConvNeXtTiny", "VGG16", "DenseNet121"}
APPLICATIONS = [pytest.param(n, marks=() if n in _FAST else pytest.mark.slow)
                for n in sorted(NAMES)]  # tests/test_keras_applications.py checks these are Keras's


@pytest.mark.parametrize("name", APPLICATIONS)
def test_every_application_round_trips(name):
    """Structure, shapes and counts of every keras.applications architecture survive
    import -> to_keras(). Both models are built in a StatelessScope: Keras creates every
    layer and variable (with its shape) but defers the random initial values, which
    these weights=None models do not need and which dominate the build time on a CPU."""
    with keras.StatelessScope():
        original = getattr(keras.applications, name)(weights=None)
        result = import_model(original, weights=False, layout=False)
        net = result.network
        assert_analysis_matches(net, original)
        rebuilt = net.to_keras()
        assert_same_model(original, rebuilt, result.renamed)
    assert not any(g.class_name not in ("LayerScale", "CustomScaleLayer") for g in result.generic), \
        [(g.class_name, g.reason) for g in result.generic]
    del original, rebuilt, net, result


@pytest.mark.parametrize("name", ["MobileNetV3Small", "ConvNeXtTiny"])
def test_application_python_export_builds_the_same_summary(name):
    """Operations with constants (MobileNetV3), generic layers and inlined Sequential
    stems (ConvNeXt) survive the export to a standalone script."""
    original = getattr(keras.applications, name)(weights=None)
    net = from_keras(original, weights=False, layout=False)
    assert_same_model(original, run_script(net.to_python()))
