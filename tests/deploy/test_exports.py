"""Small CNN, recurrent (LSTM + GRU) and branching (Add, Concatenate)
networks, trained for real on the digits, exported to every format and
checked: float formats within 1e-4 of Keras, quantized ones within 3
accuracy points, and every file loadable by its runtime in a fresh process."""

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from engine.deploy import FORMAT_IDS, FORMATS, deploy

pytestmark = pytest.mark.slow
MODELS = ("cnn", "rnn", "branching")
SAMPLES = 100


@pytest.fixture(scope="module")
def reports(trained_runs, tmp_path_factory):
    out = tmp_path_factory.mktemp("deploy-out")
    return {name: deploy(trained_runs[name], "all", out / name, samples=SAMPLES)
            for name in MODELS}


@pytest.mark.parametrize("name", MODELS)
def test_every_format_matches_keras(reports, name):
    report = reports[name]
    assert [r.format for r in report.rows] == list(FORMAT_IDS)
    assert report.samples == SAMPLES and report.task == "classification"
    for row in report.rows:
        assert row.refused is None, (row.format, row.refused)
        assert Path(row.path).exists() and row.size_bytes > 0 and row.latency_ms > 0
        assert row.keras_accuracy > 0.7, "the network was trained"
        if FORMATS[row.format].quantized:
            assert 100 * (row.keras_accuracy - row.accuracy) <= 3.0, (row.format, row.accuracy)
        else:
            assert row.max_abs_diff <= 1e-4, (row.format, row.max_abs_diff)
            assert row.accuracy == row.keras_accuracy
        assert row.warning is None
    size = {r.format: r.size_bytes for r in report.rows}
    assert size["tflite-float16"] < size["tflite-float32"]
    assert size["tflite-dynamic"] < size["tflite-float32"]


def test_recurrent_layers_are_unrolled_for_tflite_and_say_so(reports):
    for row in reports["rnn"].rows:
        unrolled = any("lstm, gru exported unrolled" in n for n in row.notes)
        assert unrolled == (FORMATS[row.format].runtime == "tflite"), row.format


def test_int8_model_takes_and_gives_quantized_tensors(reports):
    import tensorflow as tf

    path = next(r.path for r in reports["cnn"].rows if r.format == "tflite-int8")
    interpreter = tf.lite.Interpreter(model_path=path)
    (inp,), (out,) = interpreter.get_input_details(), interpreter.get_output_details()
    assert inp["dtype"] == np.int8 and out["dtype"] == np.int8
    assert inp["quantization"][0] > 0 and out["quantization"][0] > 0


def test_markdown_has_one_row_per_format(reports):
    text = reports["branching"].to_markdown()
    lines = [line for line in text.splitlines() if line.startswith("| ")]
    assert len(lines) == 1 + len(FORMAT_IDS)
    assert "digits_branches-int8.tflite" in text and "%" in text


FRESH = r'''
import json, sys
import numpy as np
paths, x_file = json.loads(sys.argv[1]), sys.argv[2]
x = np.load(x_file)
out = {}
for p in paths:
    if p.endswith(".tflite"):
        import tensorflow as tf
        it = tf.lite.Interpreter(model_path=p)
        inp, outd = it.get_input_details()[0], it.get_output_details()[0]
        it.resize_tensor_input(inp["index"], [1, *x.shape[1:]])
        it.allocate_tensors()
        rows = []
        for sample in x:
            v = sample[None]
            if inp["dtype"] == np.int8:
                s, z = inp["quantization"]
                v = np.clip(np.round(v / s + z), -128, 127).astype(np.int8)
            it.set_tensor(inp["index"], v)
            it.invoke()
            y = it.get_tensor(outd["index"]).astype("float32")
            if outd["dtype"] == np.int8:
                s, z = outd["quantization"]
                y = (y - z) * s
            rows.append(y)
        y = np.concatenate(rows)
    elif p.endswith(".onnx"):
        import onnxruntime as ort
        sess = ort.InferenceSession(p, providers=["CPUExecutionProvider"])
        y = sess.run(None, {sess.get_inputs()[0].name: x})[0]
    else:
        import tensorflow as tf
        loaded = tf.saved_model.load(p)  # kept: its functions need its variables alive
        y = np.asarray(loaded.serve(tf.constant(x)))
    out[p] = np.asarray(y).tolist()
print(json.dumps(out))
'''


def test_files_run_in_a_fresh_process(reports, trained_runs, tmp_path):
    """Each file, opened by its runtime alone in a new Python process, gives
    Keras's outputs."""
    import keras

    from engine.deploy.samples import validation_samples
    from engine.deploy.source import load_data, open_source

    src = open_source(trained_runs["cnn"])
    x, _ = validation_samples(load_data(src), 16)
    np.save(tmp_path / "x.npy", x)
    model = keras.models.load_model(Path(trained_runs["cnn"]) / "best.keras", compile=False)
    expected = model.predict(x, verbose=0)
    paths = [r.path for r in reports["cnn"].rows]
    done = subprocess.run([sys.executable, "-c", FRESH, json.dumps(paths), str(tmp_path / "x.npy")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    got = json.loads(done.stdout.strip().splitlines()[-1])
    for row in reports["cnn"].rows:
        diff = float(np.max(np.abs(np.asarray(got[row.path]) - expected)))
        limit = 0.05 if FORMATS[row.format].quantized else 1e-4
        assert diff <= limit, (row.format, diff)
