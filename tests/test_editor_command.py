"""`neurocanvas FILE --exit-when-ready` as a person's shell runs it: a real
subprocess, the offscreen platform, a real saved Keras model; no TensorFlow
start-up lines on stderr; a machine without the xcb libraries gets a message
naming them instead of Qt's abort."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from engine.tf_logging import is_noise

ROOT = Path(__file__).resolve().parents[1]
NOISE_WORDS = ("oneDNN", "cuInit", "absl", "cudart", "cpu_feature_guard", "TensorFlow binary")


def _editor(args, tmp_path, code=None, **env):
    environ = {k: v for k, v in os.environ.items()
               if k not in ("TF_CPP_MIN_LOG_LEVEL", "NEUROCANVAS_TF_LOG", "NEUROCANVAS_TF_QUIETED")}
    environ.update({"QT_QPA_PLATFORM": "offscreen", "NEUROCANVAS_CONFIG_DIR": str(tmp_path / "config"),
                    "PYTHONPATH": str(ROOT), **env})
    code = code or "import sys; from neurocanvas_cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", code, *args], cwd=tmp_path, env=environ,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def branchy(tmp_path_factory):
    """A real saved functional model with two branches, made in its own process."""
    path = tmp_path_factory.mktemp("model") / "branchy.keras"
    code = f"""
import keras
i = keras.Input((16,), name="features")
a = keras.layers.Dense(8, activation="relu", name="left")(i)
b = keras.layers.Dense(8, activation="tanh", name="right")(i)
m = keras.layers.Add(name="merge")([a, b])
o = keras.layers.Dense(3, activation="softmax", name="out")(m)
model = keras.Model(i, o, name="branchy")
model.save({str(path)!r})
print(model.count_params())
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                         env=dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3"))
    assert out.returncode == 0, out.stderr[-2000:]
    return path, int(out.stdout.split()[-1])


def test_a_keras_model_on_the_command_line_opens_in_the_editor(branchy, tmp_path):
    path, params = branchy
    out = _editor([str(path), "--exit-when-ready", "--lang", "en"], tmp_path)
    assert out.returncode == 0, out.stderr[-3000:]
    shown = json.loads(out.stdout.strip().splitlines()[-1])
    assert shown["title"].startswith("branchy (imported from branchy.keras, unsaved)")
    assert shown["source"] == str(path.resolve())
    assert shown["layers"] == 5 and shown["total_params"] == params == 299
    assert shown["valid"] is True
    assert shown["language"] == "en"  # as asked (tests/i18n runs the Chinese interface)
    assert shown["menus"][:3] == ["File", "Edit", "View"]  # as shown: no & mnemonics
    assert not any("&" in m for m in shown["menus"])
    # TensorFlow was loaded to read the model, and said nothing about it
    noise = [line for line in out.stderr.splitlines()
             if is_noise(line.encode()) or any(w in line for w in NOISE_WORDS)]
    assert noise == [], noise


def test_tensorflow_lines_come_back_when_asked_for(branchy, tmp_path):
    path, _ = branchy
    out = _editor([str(path), "--exit-when-ready", "--verbose"], tmp_path)
    assert out.returncode == 0, out.stderr[-3000:]
    assert any(is_noise(line.encode()) for line in out.stderr.splitlines()), out.stderr[-2000:]


def test_documents_and_presets_on_the_command_line(tmp_path):
    doc = tmp_path / "tiny.json"
    doc.write_text(json.dumps({"format": "neurocanvas/1", "name": "tiny",
                               "nodes": [{"id": "in", "type": "Input", "params": {"shape": [4]}},
                                         {"id": "d", "type": "Dense", "params": {"units": 3}}],
                               "edges": [{"from": "in", "to": "d"}]}))
    out = _editor([str(doc), "--exit-when-ready"], tmp_path)
    assert out.returncode == 0, out.stderr[-3000:]
    shown = json.loads(out.stdout.strip().splitlines()[-1])
    assert (shown["title"], shown["source"], shown["layers"], shown["total_params"]) == \
        ("tiny.json — NeuroCanvas", str(doc.resolve()), 2, 15)
    out = _editor(["iris-dense", "--exit-when-ready"], tmp_path)
    shown = json.loads(out.stdout.strip().splitlines()[-1])
    assert (shown["source"], shown["total_params"]) == ("iris-dense", 15)
    # what cannot be opened is said on stderr, and the exit code says so too
    out = _editor([str(tmp_path / "missing.keras"), "--exit-when-ready"], tmp_path)
    assert out.returncode == 1 and "missing.keras" in out.stderr and "Traceback" not in out.stderr


def test_missing_xcb_libraries_are_named_instead_of_a_qt_abort(tmp_path):
    # the dynamic loader is made to miss libxcb-cursor, as on a fresh desktop
    code = """
import ctypes, sys
real = ctypes.CDLL
def cdll(name, *args, **kwargs):
    if name == "libxcb-cursor.so.0":
        raise OSError("libxcb-cursor.so.0: cannot open shared object file: No such file or directory")
    return real(name, *args, **kwargs)
ctypes.CDLL = cdll
from neurocanvas_cli import main
sys.exit(main(sys.argv[1:]))
"""
    out = _editor(["--exit-when-ready"], tmp_path, code=code, QT_QPA_PLATFORM="xcb", DISPLAY=":97")
    assert out.returncode == 1
    assert "libxcb-cursor.so.0 (libxcb-cursor0)" in out.stderr
    assert "sudo apt-get install libxcb-cursor0\n" in out.stderr
    assert "libxcb-icccm4 libxcb-keysyms1" in out.stderr  # the whole line too
    assert "Could not load the Qt platform plugin" not in out.stderr and out.stdout == ""


def test_subcommands_still_parse_as_before(tmp_path):
    out = _editor(["validate", "lenet5"], tmp_path)
    assert out.returncode == 0 and "valid" in out.stdout
    out = _editor(["--help"], tmp_path)
    assert out.returncode == 0 and "validate" in out.stdout
    out = _editor(["gui", "--help"], tmp_path)
    assert out.returncode == 0 and "--exit-when-ready" in out.stdout and "--lang" in out.stdout
