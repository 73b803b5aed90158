"""Custom layers imported as opaque nodes, and the trust their code needs.

Each model is built with the classes of tests/opaque/custom_layers.py (not registered
with Keras), saved, and imported in this process without the classes: no code of the
module runs until a test trusts it."""

import json
import shutil
import zipfile
from pathlib import Path

import numpy as np
import pytest

from engine import trust
from neurocanvas_cli import main
from engine.keras_build import build_model, keras_layer_table, save_keras_file
from engine.keras_import import KerasImportError, import_file
from engine.network import Network
from lazy_import import LazyModule, keras

cl = LazyModule("tests.opaque.custom_layers")  # imported when a test runs (it loads Keras)
MODULE = (Path(__file__).parent / "custom_layers.py").resolve()
NAMES = ("Patches", "TokenAndPositionEmbedding", "Sampling", "ReflectionPadding2D", "Scale")


def _classes():
    return {n: getattr(cl, n) for n in NAMES}


def _vit():
    inp = keras.Input((8, 8, 3))
    x = cl.Patches(4, name="patches")(inp)
    x = keras.layers.Dense(8, name="proj")(x)
    x = keras.layers.GlobalAveragePooling1D()(x)
    return keras.Model(inp, keras.layers.Dense(2, name="head")(x), name="vit"), \
        np.random.default_rng(0).random((4, 8, 8, 3), "float32")


def _text():
    inp = keras.Input((6,), dtype="int32")
    x = cl.TokenAndPositionEmbedding(6, 20, 4, name="embed")(inp)
    x = cl.Scale(name="scale")(x)
    x = keras.layers.GlobalAveragePooling1D()(x)
    return keras.Model(inp, keras.layers.Dense(2, name="head")(x), name="text"), \
        np.random.default_rng(0).integers(0, 20, (4, 6))


def _vae():
    inp = keras.Input((5,))
    mean = keras.layers.Dense(3, name="z_mean")(inp)
    log_var = keras.layers.Dense(3, name="z_log_var")(inp)
    z = cl.Sampling(name="sampling")([mean, log_var])
    return keras.Model(inp, keras.layers.Dense(5, name="decoder")(z), name="vae"), None


def _pad():
    inp = keras.Input((6, 6, 2))
    x = cl.ReflectionPadding2D((1, 1), name="reflect")(inp)
    x = keras.layers.Conv2D(3, 3, name="conv")(x)
    x = keras.layers.Flatten()(x)
    return keras.Model(inp, keras.layers.Dense(2, name="head")(x), name="pad"), \
        np.random.default_rng(0).random((4, 6, 6, 2), "float32")


KINDS = {"vit": (_vit, ["patches"]), "text": (_text, ["embed", "scale"]),
         "vae": (_vae, ["sampling"]), "pad": (_pad, ["reflect"])}


@pytest.fixture(autouse=True)
def _clean(tmp_path, monkeypatch):
    monkeypatch.setenv("NEUROCANVAS_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("NEUROCANVAS_TEST_IMPORT_MARKER", raising=False)
    trust.forget_loaded()
    yield
    trust.forget_loaded()


def _saved(kind, tmp_path):
    make, _ = KINDS[kind]
    model, x = make()
    path = tmp_path / f"{kind}.keras"
    model.save(path)
    return model, x, path


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_custom_layers_import_as_opaque_nodes_equal_to_keras(kind, tmp_path):
    model, x, path = _saved(kind, tmp_path)
    result = import_file(path)
    net = result.network
    opaque = sorted(n.name for n in net.nodes.values() if n.type == "OpaqueLayer")
    assert opaque == sorted(KINDS[kind][1])
    report = net.analyze()
    assert report.valid
    ours = {net.nodes[info.node].name: info for info in report.layers}
    for row in keras_layer_table(model):  # layer by layer: output shape and params
        info = ours[row["name"]]
        shape = row["output_shape"]
        assert [tuple(s) for s in info.output_shapes] == ([shape] if isinstance(shape, tuple) else shape)
        assert info.params == row["trainable_params"] + row["non_trainable_params"], row["name"]
    assert report.total_params == model.count_params()

    # without the class nothing builds, and the refusal says what to do
    with pytest.raises(trust.UntrustedCodeError) as refused:
        build_model(net)
    assert KINDS[kind][1][0] in str(refused.value) and "--trust-module" in str(refused.value)

    # trusted: the .keras export reloads with the class, same config and same predictions
    trust.activate(net, None, [MODULE])
    out = tmp_path / f"{kind}_out.keras"
    save_keras_file(net, out)
    reloaded = keras.saving.load_model(out, custom_objects=_classes())
    original = {it["name"]: it for it in _config(path)["config"]["layers"]}
    exported = {it["name"]: it for it in _config(out)["config"]["layers"]}
    for name in KINDS[kind][1]:
        assert _plain(exported[name]["config"]) == _plain(original[name]["config"])
        assert exported[name]["class_name"] == original[name]["class_name"]
    for a, b in zip(model.weights, reloaded.weights):
        np.testing.assert_array_equal(np.asarray(a), np.asarray(b))
    if x is not None:
        np.testing.assert_allclose(reloaded.predict(x, verbose=0), model.predict(x, verbose=0),
                                   rtol=1e-6, atol=1e-6)


def _config(path):
    with zipfile.ZipFile(path) as zf:
        return json.loads(zf.read("config.json"))


def _plain(config):
    config = json.loads(json.dumps(config))
    config.get("dtype", {}).pop("shared_object_id", None) if isinstance(config.get("dtype"), dict) else None
    return config


def test_opening_never_runs_the_module_and_trust_does(tmp_path, monkeypatch):
    _, _, path = _saved("text", tmp_path)
    marker = tmp_path / "ran"
    monkeypatch.setenv("NEUROCANVAS_TEST_IMPORT_MARKER", str(marker))
    net = import_file(path).network
    doc = tmp_path / "text.json"
    net.save(doc)
    net = Network.load(doc)
    net.analyze()
    assert not marker.exists()
    with pytest.raises(trust.UntrustedCodeError):
        trust.activate(net, doc)  # nothing trusted for this document
    assert not marker.exists()
    trust.activate(net, doc, [MODULE])  # the person's explicit consent
    assert marker.read_text() == "imported\n"


def test_a_document_cannot_grant_itself_trust(tmp_path):
    _, _, path = _saved("vit", tmp_path)
    module = tmp_path / "my_layers.py"
    shutil.copy(MODULE, module)
    net = import_file(path).network
    doc = tmp_path / "vit.json"
    net.save(doc)
    data = json.loads(doc.read_text())
    data["trust"] = {"modules": [str(module)], "trusted": True}  # claims made by the file
    data["trusted_modules"] = [{"module": str(module), "sha256": trust.inspect_module(module).sha256}]
    doc.write_text(json.dumps(data))
    net = Network.load(doc)
    with pytest.raises(trust.UntrustedCodeError, match="Patches"):
        trust.activate(net, doc)
    info = trust.grant(doc, module)  # kept in the user's settings, not in the document
    assert "Patches" in info.classes and len(info.sha256) == 64
    assert "trusted" not in json.loads((tmp_path / "config" / trust.TRUST_FILE).read_text()).get("x", {})
    assert trust.is_trusted(doc, module) and not trust.is_trusted(tmp_path / "other.json", module)
    trust.activate(net, doc)
    build_model(net)
    # a module changed since it was trusted is not trusted, and not run
    trust.forget_loaded()
    module.write_text(module.read_text() + "\nRAN = True\n")
    assert not trust.is_trusted(doc, module)
    with pytest.raises(trust.UntrustedCodeError, match="changed since it was trusted"):
        trust.activate(net, doc)


def test_an_unrecorded_output_shape_is_asked_for(tmp_path, capsys):
    inp = keras.Input((4, 4, 1))
    x = keras.layers.Conv2D(2, 1, name="conv")(inp)
    model = keras.Model(inp, cl.ReflectionPadding2D((1, 1), name="reflect")(x))
    path = tmp_path / "last.keras"
    model.save(path)
    with pytest.raises(KerasImportError, match="does not record its output shape") as refused:
        import_file(path)
    assert "--opaque-shape reflect=" in refused.value.hint
    net = import_file(path, opaque_shapes={"reflect": [[None, 6, 6, 2]]}).network
    assert net.analyze().layers[-1].output_shapes == [(None, 6, 6, 2)]
    doc = tmp_path / "last.json"
    assert main(["import", str(path), "-o", str(doc), "--opaque-shape", "reflect=None,6,6,2"]) == 0
    assert Network.load(doc).nodes["reflect"].params["shapes_entered"] is True


def test_cli_export_and_train_need_trust_module(tmp_path, capsys):
    model, x, path = _saved("text", tmp_path)
    doc = tmp_path / "text.json"
    assert main(["import", str(path), "-o", str(doc)]) == 0
    out = tmp_path / "out.keras"
    assert main(["export", str(doc), "--keras", str(out)]) == 2
    err = capsys.readouterr().err
    assert "TokenAndPositionEmbedding" in err and "--trust-module" in err and not out.exists()
    assert main(["export", str(doc), "--keras", str(out), "--trust-module", str(MODULE)]) == 0
    reloaded = keras.saving.load_model(out, custom_objects=_classes())  # weights came through the document
    np.testing.assert_allclose(reloaded.predict(x, verbose=0), model.predict(x, verbose=0), rtol=1e-6)

    rng = np.random.default_rng(0)
    np.savez(tmp_path / "d.npz", x_train=rng.integers(0, 20, (32, 6)), y_train=rng.integers(0, 2, 32),
             x_test=rng.integers(0, 20, (8, 6)), y_test=rng.integers(0, 2, 8))
    data = json.loads(doc.read_text())
    data["data"] = {"dataset": "arrays", "options": {"path": str(tmp_path / "d.npz")}}
    data["training"] = {"epochs": 1, "batch_size": 8, "seed": 0}
    doc.write_text(json.dumps(data))
    trust.forget_loaded()
    capsys.readouterr()
    assert main(["train", str(doc), "--quiet"]) == 2
    assert "TokenAndPositionEmbedding" in capsys.readouterr().err
    assert main(["train", str(doc), "--quiet", "--trust-module", str(MODULE)]) == 0
    line = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert line["status"] == "finished" and line["epochs_run"] == 1


def test_lambda_layers_stay_refused(tmp_path):
    inp = keras.Input((3,))
    x = cl.Scale(name="scale")(inp)
    model = keras.Model(inp, keras.layers.Lambda(lambda t: t * 2, name="double")(x))
    path = tmp_path / "lam.keras"
    model.save(path)
    with pytest.raises(KerasImportError, match="Lambda") as refused:
        import_file(path)
    assert "--trust-lambda" in refused.value.hint


def test_lambda_layers_need_the_same_explicit_trust(tmp_path, capsys):
    inp = keras.Input((3,))
    x = keras.layers.Dense(4, name="dense")(inp)
    model = keras.Model(inp, keras.layers.Dense(2, name="head")(
        keras.layers.Lambda(lambda t: t * 2.0 + 1.0, name="affine")(x)))
    path = tmp_path / "lam.keras"
    model.save(path)
    doc = tmp_path / "lam.json"
    assert main(["import", str(path), "-o", str(doc)]) == 2
    assert "--trust-lambda" in capsys.readouterr().err and not doc.exists()
    assert main(["import", str(path), "-o", str(doc), "--trust-lambda"]) == 0
    net = Network.load(doc)
    assert net.nodes["affine"].type == "OpaqueLayer"
    assert net.nodes["affine"].params["class_name"] == "Lambda"
    assert net.analyze().valid
    out = tmp_path / "out.keras"
    capsys.readouterr()
    assert main(["export", str(doc), "--keras", str(out)]) == 2  # trust for the import is not trust to run
    assert "Lambda" in capsys.readouterr().err and not out.exists()
    data = json.loads(doc.read_text())
    data["trusted_lambdas"] = [trust.lambda_digest(net.nodes["affine"].params)]  # the file's claim
    doc.write_text(json.dumps(data))
    assert main(["export", str(doc), "--keras", str(out)]) == 2
    assert main(["export", str(doc), "--keras", str(out), "--trust-lambda"]) == 0
    reloaded = keras.saving.load_model(out, safe_mode=False)
    x = np.random.default_rng(1).random((3, 3), "float32")
    np.testing.assert_allclose(reloaded.predict(x, verbose=0), model.predict(x, verbose=0), rtol=1e-6)
    # trusted for the document in the settings: the next command needs no flag
    trust.forget_loaded()
    trust.trust_lambdas(Network.load(doc), doc)
    trust.forget_loaded()
    assert main(["export", str(doc), "--keras", str(out)]) == 0


def test_sequential_and_nested_models_keep_their_custom_layers(tmp_path):
    seq = keras.Sequential([keras.Input((5,)), cl.Scale(name="sc"), keras.layers.Dense(3, name="d")])
    seq.save(tmp_path / "seq.keras")
    inner_in = keras.Input((4,))
    inner = keras.Model(inner_in, cl.Scale(name="isc")(keras.layers.Dense(4, name="idense")(inner_in)),
                        name="inner")
    outer_in = keras.Input((4,))
    nested = keras.Model(outer_in, keras.layers.Dense(2, name="out")(inner(outer_in)))
    nested.save(tmp_path / "nested.keras")
    a = import_file(tmp_path / "seq.keras").network
    b = import_file(tmp_path / "nested.keras").network
    assert a.nodes["sc"].params["output_shapes"] == [[None, 5]]
    # the nested model's output: its shape is what the outer model's layer received
    assert b.nodes["isc"].group == "inner" and b.nodes["isc"].params["output_shapes"] == [[None, 4]]
    trust.activate(a, None, [MODULE])
    rng = np.random.default_rng(3)
    for net, model, x in ((a, seq, rng.random((2, 5), "float32")),
                          (b, nested, rng.random((2, 4), "float32"))):
        assert net.analyze().total_params == model.count_params()
        np.testing.assert_allclose(build_model(net).predict(x, verbose=0), model.predict(x, verbose=0),
                                   rtol=1e-6, atol=1e-6)


def test_trained_weights_of_opaque_layers_are_captured_by_path(tmp_path):
    from engine import weights

    model, x, path = _saved("text", tmp_path)
    net = import_file(path).network
    trust.activate(net, None, [MODULE])
    built = build_model(net)
    for w in built.get_layer("embed").weights + built.get_layer("scale").weights:
        w.assign(np.asarray(w) + 0.5)  # as training would change them
    store = weights.capture(net, built)
    assert len(store.layers["embed"].arrays) == 2 and len(store.layers["scale"].arrays) == 2
    net.weights = store
    again = build_model(net)
    np.testing.assert_allclose(again.predict(x, verbose=0), built.predict(x, verbose=0), rtol=1e-6)
    assert not np.allclose(again.predict(x, verbose=0), model.predict(x, verbose=0))
