"""What cannot be deployed is refused with the layer named and what to
change; bad sources and options are refused before anything is written."""

import shutil

import numpy as np
import pytest

from engine.deploy import DeployError, deploy

pytestmark = pytest.mark.slow


def test_tflite_refusal_names_the_layer_and_the_op(tmp_path):
    from tests.deploy.odd_layers import iris_model, Sinh
    report = deploy(iris_model(Sinh(name="odd")), "tflite-float32,onnx", tmp_path,
                    dataset="iris", samples=30)
    tflite, onnx = report.rows
    assert tflite.refused is not None and tflite.path is None
    assert "'odd'" in tflite.refused and "Sinh" in tflite.refused
    assert tflite.layer == "odd"
    assert "odd" in tflite.hint and "ONNX" in tflite.hint and "Flex" in tflite.hint
    assert onnx.refused is None and onnx.max_abs_diff <= 1e-4  # ONNX has Sinh
    assert not report.ok
    assert sorted(p.name for p in tmp_path.iterdir()) == ["odd_iris.onnx"]
    assert "refused: TFLite float32 cannot express" in report.to_markdown()


def test_onnx_refusal_names_the_layer(tmp_path):
    from tests.deploy.odd_layers import iris_model, InverseErf
    report = deploy(iris_model(InverseErf(name="inverse_erf")), "onnx,tflite-float32",
                    tmp_path, dataset="iris", samples=30, opset=13)
    onnx, tflite = report.rows
    assert onnx.layer == "inverse_erf" and "Erfinv" in onnx.refused
    assert "opset 13" in onnx.refused and "higher opset" in onnx.hint
    assert tflite.layer == "inverse_erf"
    assert list(tmp_path.iterdir()) == []  # no half-made file is left behind


def test_recurrent_layer_without_fixed_timesteps(tmp_path):
    """Unrolling needs the number of timesteps: without it TFLite float gets a
    fixed batch of one, and full-integer int8 is refused naming the layer."""
    import keras
    inp = keras.Input((None, 8), name="rows")
    x = keras.layers.LSTM(8, name="reader")(inp)
    out = keras.layers.Dense(10, activation="softmax", name="digit")(x)
    model = keras.Model(inp, out, name="any_length")
    report = deploy(model, "tflite-float32,tflite-int8", tmp_path, dataset="digits", samples=20)
    f32, int8 = report.rows
    assert f32.refused is None and f32.max_abs_diff <= 1e-4
    assert any("fixed batch of 1" in n for n in f32.notes)
    assert int8.refused is not None and int8.layer == "reader"
    assert "'reader' (LSTM)" in int8.refused and "fixed number of timesteps" in int8.hint


def test_regression_reports_error_not_accuracy(tmp_path):
    import keras
    from engine.data.settings import DataSettings, build_dataset

    ds = build_dataset(DataSettings.suggested("diabetes"))
    keras.utils.set_random_seed(0)
    inp = keras.Input(ds.input_shape, name="x")
    out = keras.layers.Dense(1, name="y")(keras.layers.Dense(16, activation="relu")(inp))
    model = keras.Model(inp, out, name="diabetes_mlp")
    model.compile("adam", "mse")
    model.fit(ds.x_train, ds.y_train, epochs=3, verbose=0)
    report = deploy(model, "tflite-float32,tflite-dynamic", tmp_path, dataset="diabetes",
                    samples=50)
    assert report.task == "regression"
    for row in report.rows:
        assert row.accuracy is None and row.keras_accuracy is None
        assert row.error is not None and row.keras_error is not None
    assert abs(report.rows[0].error - report.rows[0].keras_error) < 1e-4
    # a 16-unit MLP has no weight tensor big enough for dynamic-range quantization
    assert any("no weight tensor was large enough" in n for n in report.rows[1].notes)
    assert not any("large enough" in n for n in report.rows[0].notes)
    assert "Keras MAE" in report.to_markdown()


def test_a_keras_file_with_code_is_not_loaded(tmp_path):
    import keras
    inp = keras.Input((4,))
    out = keras.layers.Lambda(lambda t: t * 2, name="doubler")(inp)
    path = tmp_path / "lambda.keras"
    keras.Model(inp, out).save(path)
    with pytest.raises(DeployError) as info:
        deploy(path, "onnx", tmp_path / "out", dataset="iris")
    assert "Lambda" in info.value.hint and "does not run code" in info.value.hint


def test_document_needs_trained_weights(tmp_path, trained_runs):
    from engine.network import Network
    from tests.deploy.documents import cnn_document

    doc = tmp_path / "cnn.json"
    Network.from_dict(cnn_document()).save(doc)
    with pytest.raises(DeployError) as info:
        deploy(doc, "onnx", tmp_path / "out")
    assert info.value.code == "no_weights" and "Train it first" in info.value.hint
    shutil.copytree(trained_runs["cnn"], tmp_path / "cnn.runs" / "20260101-000000_abcdef")
    with pytest.raises(DeployError) as info:
        deploy(doc, "onnx", tmp_path / "out")
    assert "cnn.runs/20260101-000000_abcdef" in info.value.hint
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_document_with_trained_weights(tmp_path, trained_runs):
    """A document carrying the weights of a trained model deploys like its run."""
    from engine.network import Network
    from engine.training.runs import load_run
    from engine.weights import capture

    record = load_run(trained_runs["cnn"])
    net = record.network()
    net.weights = capture(net, record.load_model("best"))
    net.save(tmp_path / "trained.json")
    report = deploy(tmp_path / "trained.json", "tflite-float32", tmp_path / "out", samples=60)
    from_run = deploy(trained_runs["cnn"], "tflite-float32", tmp_path / "out-run", samples=60)
    assert report.rows[0].refused is None
    assert report.rows[0].keras_accuracy == from_run.rows[0].keras_accuracy > 0.6
    assert report.source == "trained.json"


@pytest.mark.parametrize("kwargs, words", [
    ({"formats": "tflite-int4"}, "Unknown deployment format 'tflite-int4'"),
    ({"formats": "onnx", "opset": 7}, "opset 7 is not offered"),
    ({"formats": "onnx", "samples": 0}, "at least 1"),
])
def test_bad_options(tmp_path, trained_runs, kwargs, words):
    formats = kwargs.pop("formats")
    with pytest.raises(DeployError) as info:
        deploy(trained_runs["cnn"], formats, tmp_path / "out", **kwargs)
    assert words in str(info.value)
    assert not (tmp_path / "out").exists()


def test_output_folder_that_is_a_file(tmp_path, trained_runs):
    target = tmp_path / "taken"
    target.write_text("mine")
    with pytest.raises(DeployError, match="is a file"):
        deploy(trained_runs["cnn"], "onnx", target)
    assert target.read_text() == "mine"


def test_model_without_dataset(tmp_path):
    from tests.deploy.odd_layers import iris_model
    import keras
    with pytest.raises(DeployError, match="needs a dataset"):
        deploy(iris_model(keras.layers.Identity()), "onnx", tmp_path)
    assert np.size(list(tmp_path.iterdir())) == 0
