"""``neurocanvas explain`` in a real subprocess, on a real run folder and a .keras file."""

import json
import subprocess
import sys

import numpy as np
import pytest

from lazy_import import keras  # noqa: E402  (imported when a test runs)

from engine.explain import attribution, mistakes  # noqa: E402
from engine.explain.subject import open_subject  # noqa: E402

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "neurocanvas_cli", "explain", *map(str, args)],
                          capture_output=True, text=True, timeout=300, cwd=cwd)


@pytest.fixture(scope="module")
def subject(digits_run):
    return open_subject(digits_run.path)


def test_gradcam_of_a_run_sample_writes_overlay_and_raw_map(digits_run, subject, tmp_path):
    out, raw = tmp_path / "cam.png", tmp_path / "cam.npy"
    r = cli(digits_run.path, "--sample", 3, "--method", "gradcam", "-o", out, "--npy", raw)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.strip().splitlines()
    assert len(lines) == 1
    info = json.loads(lines[0])
    assert set(info) == {"method", "layer", "class", "predicted", "probability", "map_shape"}
    expected = attribution.gradcam(subject.model, subject.x_val[3])
    assert info["method"] == "gradcam" and info["layer"] == "conv2"
    assert info["class"] == info["predicted"] == expected.predicted
    assert info["probability"] == pytest.approx(expected.probability, rel=1e-5)
    assert info["map_shape"] == [6, 6]
    np.testing.assert_allclose(np.load(raw), expected.map, atol=1e-5)
    assert out.read_bytes().startswith(PNG_MAGIC)


def test_saliency_of_an_input_file_with_a_keras_model(subject, tmp_path):
    model_path, x_path = tmp_path / "digits.keras", tmp_path / "x.npy"
    subject.model.save(model_path)
    np.save(x_path, subject.x_val[7])
    out, raw = tmp_path / "sal.png", tmp_path / "sal.npy"
    r = cli(model_path, "--input", x_path, "--method", "saliency", "--class", 2, "-o", out,
            "--npy", raw)
    assert r.returncode == 0, r.stderr
    info = json.loads(r.stdout)
    assert info["class"] == 2 and info["layer"] is None and info["map_shape"] == [8, 8]
    expected = attribution.saliency(subject.model, subject.x_val[7], class_index=2)
    np.testing.assert_allclose(np.load(raw), expected.map, atol=1e-5)
    assert out.read_bytes().startswith(PNG_MAGIC)


def test_report_prints_the_per_class_metrics(digits_run, subject):
    r = cli(digits_run.path, "--report")
    assert r.returncode == 0, r.stderr
    got = json.loads(r.stdout)
    pred = mistakes.predict(subject)
    expected = mistakes.class_metrics(pred.truth, pred.predicted, subject.class_names)
    assert [c["support"] for c in got["classes"]] == [c["support"] for c in expected["classes"]]
    np.testing.assert_allclose([c["f1"] for c in got["classes"]],
                               [c["f1"] for c in expected["classes"]], atol=1e-9)
    assert got["accuracy"] == pytest.approx(expected["accuracy"])


def test_mistakes_are_one_line_messages(digits_run, tmp_path):
    r = cli(digits_run.path, "--method", "gradcam")  # no -o: refused before loading anything
    assert r.returncode == 2 and "-o OUT.png" in r.stderr and "Traceback" not in r.stderr
    r = cli(digits_run.path, "--sample", 100000, "--method", "ig", "-o", tmp_path / "x.png")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "Sample 100000 does not exist" in r.stderr and not (tmp_path / "x.png").exists()
    r = cli(tmp_path / "missing.keras", "--method", "ig", "-o", tmp_path / "x.png")
    assert r.returncode == 2 and "no such run folder or model file" in r.stderr
