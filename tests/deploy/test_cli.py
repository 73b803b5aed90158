"""``neurocanvas deploy`` in a real subprocess: one JSON line on stdout,
progress on stderr, nothing written outside the output folder."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
KEYS = {"format", "path", "size_bytes", "max_abs_diff", "accuracy", "keras_accuracy",
        "latency_ms", "warning", "error", "keras_error"}


def neurocanvas(args, tmp_path, timeout=400):
    scratch = tmp_path / "tmp"
    scratch.mkdir(exist_ok=True)
    env = {**os.environ, "TMPDIR": str(scratch), "PYTHONPATH": str(ROOT),
           "TF_CPP_MIN_LOG_LEVEL": "2"}
    return subprocess.run([sys.executable, "-m", "neurocanvas_cli", "deploy", *args],
                          capture_output=True, text=True, timeout=timeout, env=env,
                          cwd=tmp_path)


def test_deploy_prints_one_json_line(trained_runs, tmp_path):
    out = tmp_path / "exports"
    done = neurocanvas([trained_runs["cnn"], "--format", "tflite-float32,tflite-dynamic,onnx",
                        "--samples", "60", "--opset", "15", "-o", str(out)], tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1
    exports = json.loads(lines[0])["exports"]
    assert [e["format"] for e in exports] == ["tflite-float32", "tflite-dynamic", "onnx"]
    for e in exports:
        assert KEYS <= set(e)
        assert Path(e["path"]).parent == out and Path(e["path"]).stat().st_size == e["size_bytes"]
        assert 0.7 < e["keras_accuracy"] <= 1 and e["error"] is None and e["latency_ms"] > 0
    assert exports[0]["max_abs_diff"] <= 1e-4 and exports[0]["accuracy"] == \
        exports[0]["keras_accuracy"]
    assert "opset 15" in exports[2]["notes"]
    assert "ONNX: verifying in its runtime" in done.stderr
    assert sorted(p.name for p in out.iterdir()) == \
        ["digits_cnn-dynamic.tflite", "digits_cnn-float32.tflite", "digits_cnn.onnx"]
    assert list((tmp_path / "tmp").iterdir()) == []  # no temporary file outside -o
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("args, words", [
    (["--format", "tflite-int4"], "Unknown deployment format 'tflite-int4'"),
    (["--format", "onnx", "--samples", "0"], "--samples must be at least 1"),
])
def test_bad_usage_is_one_line(trained_runs, tmp_path, args, words):
    done = neurocanvas([str(tmp_path / "nowhere.keras"), *args, "-o", str(tmp_path / "o")],
                       tmp_path, timeout=120)
    assert done.returncode == 2 and done.stdout == ""
    assert words in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_keras_file_needs_a_dataset(tmp_path):
    import keras

    inp = keras.Input((4,))
    keras.Model(inp, keras.layers.Dense(3)(inp)).save(tmp_path / "mlp.keras")
    done = neurocanvas([str(tmp_path / "mlp.keras"), "--format", "onnx", "-o",
                        str(tmp_path / "o")], tmp_path, timeout=200)
    assert done.returncode == 2
    assert "mlp.keras carries no data settings" in done.stderr and "--dataset" in done.stderr
    assert not (tmp_path / "o").exists()
