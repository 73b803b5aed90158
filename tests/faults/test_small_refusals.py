"""Issue 11, item 11: the smaller refusals — NaN/inf features, a memory
warning for models this machine cannot hold, negative labels, a truncated
.keras file. (Atomic saves and exports: test_atomic_writes.py; one JSON line
for image-folder runs: test_image_folder.py.)"""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from engine import Network, memory_limits
from neurocanvas_cli import main
from engine.data import DataError, load_dataset
from engine.data.compat import check_compatible
from engine.data.dataset import CLASSIFICATION, Dataset
from tests.faults.conftest import small_document


@pytest.mark.parametrize("value", ["nan", "inf", "-Infinity"])
def test_non_finite_csv_features_are_refused_naming_column_row_and_file(tmp_path, value):
    path = tmp_path / "t.csv"
    path.write_text("a,b,label\n" + "".join(f"{i},{i % 3},{i % 2}\n" for i in range(10))
                    + f"1,{value},0\n")
    with pytest.raises(DataError) as info:
        load_dataset("csv", path=str(path), validation_split=0)
    message = info.value.message
    assert "'b'" in message and "row 12" in message and str(path) in message and "finite" in message


def test_non_finite_arrays_are_refused_naming_file_and_key(tmp_path):
    x = np.random.default_rng(0).random((20, 4)).astype("float32")
    x[7, 2] = np.inf
    path = tmp_path / "d.npz"
    np.savez(path, x=x, y=np.arange(20) % 2)
    with pytest.raises(DataError) as info:
        load_dataset("arrays", path=str(path))
    assert str(path) in info.value.message and "inputs" in info.value.message
    assert "(7, 2)" in info.value.message


def test_negative_labels_are_named_not_answered_with_zero_units(tmp_path, capsys):
    x = np.random.default_rng(0).random((20, 4)).astype("float32")
    y = -(np.arange(20) % 3) - 1  # -1, -2, -3
    path = tmp_path / "neg.npz"
    np.savez(path, x=x, y=y)
    doc = tmp_path / "doc.json"
    doc.write_text(json.dumps(small_document(data={"dataset": "arrays", "options": {"path": str(path)}},
                                             training={"epochs": 1})))
    assert main(["train", str(doc), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "negative class ids" in err and str(path) in err and "units to 0" not in err
    # a dataset from elsewhere (built in code) gets the same answer from the compatibility check
    ds = Dataset("neg", "negative ids", CLASSIFICATION, x, y.astype("int64"), class_names=["a", "b", "c"])
    [problem] = [d for d in check_compatible(ds, (4,), (3,)) if d.is_error]
    assert "negative class ids" in problem.message and "units to" not in problem.hint


def test_truncated_keras_file_is_reported_as_damaged(tmp_path, capsys):
    doc = tmp_path / "doc.json"
    doc.write_text(json.dumps(small_document()))
    good = tmp_path / "good.keras"
    assert main(["export", str(doc), "--keras", str(good)]) == 0
    raw = good.read_bytes()
    for cut in (len(raw) // 2, len(raw) - 20):
        bad = tmp_path / "cut.keras"
        bad.write_bytes(raw[:cut])
        capsys.readouterr()
        assert main(["import", str(bad), "-o", str(tmp_path / "out.json")]) == 2
        err = capsys.readouterr().err
        assert "damaged" in err and str(bad) in err and "not found" not in err.lower()
    assert not (tmp_path / "out.json").exists()


def _dense(units, inputs=7):
    net = Network("big")
    net.add_node("Input", {"shape": [inputs]}, id="in")
    net.add_node("Dense", {"units": units}, id="d")
    net.connect("in", "d")
    return net


def test_memory_warning_for_a_model_this_machine_cannot_hold(monkeypatch):
    machine = memory_limits.machine_memory()
    assert machine and machine > 1 << 28  # read with os.sysconf
    monkeypatch.setattr(memory_limits, "_machine", 16 << 30)  # a 16 GB machine, whatever this one is
    report = _dense(10**9).analyze()  # 8·10⁹ params: 29.8 GB of float32
    [warning] = [d for d in report.diagnostics if d.code == "memory"]
    assert report.valid and not warning.is_error
    assert "8,000,000,000" in warning.message and "29.8 GB" in warning.message
    assert "16.0 GB" in warning.message and "this machine" in warning.message
    small = _dense(10**8).analyze()  # 3 GB of parameters fit, 12 GB of training state fit
    assert not [d for d in small.diagnostics if d.code == "memory"]
    training = _dense(4 * 10**8).analyze()  # 12 GB fit, training them needs 48 GB
    [warning] = [d for d in training.diagnostics if d.code == "memory"]
    assert "Training needs at least" in warning.message


def test_memory_warning_for_the_selected_gpu(monkeypatch):
    monkeypatch.setattr(memory_limits, "_machine", 1 << 40)
    memory_limits.set_gpu_memory("GPU NVIDIA T4", 16 << 30)
    try:
        [warning] = [d for d in _dense(10**9).analyze().diagnostics if d.code == "memory"]
    finally:
        memory_limits.set_gpu_memory(None, None)
    assert "GPU NVIDIA T4 has 16.0 GB" in warning.message
    assert not [d for d in _dense(10**9).analyze().diagnostics if d.code == "memory"]


def test_the_memory_check_keeps_the_analysis_free_of_tensorflow():
    code = ("import sys; from engine import Network; n = Network('b'); "
            "n.add_node('Input', {'shape': [7]}, id='i'); n.add_node('Dense', {'units': 10**12}, id='d'); "
            "n.connect('i', 'd'); r = n.analyze(); "
            "print(sum(d.code == 'memory' for d in r.diagnostics), 'tensorflow' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         check=True).stdout.split()
    assert out == ["2", "False"]  # parameters and activations (10¹² values per sample)


def test_gpu_memory_is_read_from_nvidia_smi(tmp_path, monkeypatch):
    tool = tmp_path / "nvidia-smi"  # stands in for the driver's tool: same arguments, same output
    tool.write_text("#!/bin/sh\n"
                    'case "$*" in *--query-gpu=name,memory.total*--format=csv,noheader,nounits*) '
                    'echo "NVIDIA H200, 143771"; echo "NVIDIA H200, 143771";; *) exit 9;; esac\n')
    tool.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}:{__import__('os').environ['PATH']}")
    try:
        assert memory_limits.probe_gpu_memory() == ("GPU NVIDIA H200", 143771 << 20)
        assert memory_limits.gpu_memory() == ("GPU NVIDIA H200", 143771 << 20)
    finally:
        memory_limits.set_gpu_memory(None, None)
