"""Run records, models and explanation files are written through engine.atomic:
on a full disk the old file stays whole, no temporary file is left behind,
and the error names the file."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys

import numpy as np
import pytest

from engine import atomic
from engine.explain.attribution import write_npy
from engine.training.runs import (remove_stale_temp_files, save_model_atomic,
                                  write_json_atomic)


def full_disk(monkeypatch):
    def no_space(fd):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(atomic, "_fsync", no_space)


def test_a_run_record_on_a_full_disk_keeps_the_old_one(tmp_path, monkeypatch):
    path = tmp_path / "run.json"
    write_json_atomic(path, {"status": "running", "best": np.float32(0.5), "nan": float("nan")})
    assert json.loads(path.read_text()) == {"status": "running", "best": 0.5, "nan": None}
    full_disk(monkeypatch)
    with pytest.raises(OSError) as error:
        write_json_atomic(path, {"status": "finished"})
    assert error.value.errno == errno.ENOSPC and str(path) in str(error.value)
    assert json.loads(path.read_text())["status"] == "running"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run.json"]


def test_an_attribution_array_on_a_full_disk_keeps_the_old_one(tmp_path, monkeypatch):
    path = tmp_path / "cam.npy"
    write_npy(path, np.arange(4.0))
    full_disk(monkeypatch)
    with pytest.raises(OSError):
        write_npy(path, np.zeros(9))
    np.testing.assert_array_equal(np.load(path), np.arange(4.0))
    assert [p.name for p in tmp_path.iterdir()] == ["cam.npy"]


def test_a_model_checkpoint_is_replaced_whole_and_stale_temp_files_go(tmp_path, monkeypatch):
    import keras

    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
    path = tmp_path / "last.keras"
    save_model_atomic(model, path)
    before = path.read_bytes()
    full_disk(monkeypatch)
    with pytest.raises(OSError):
        save_model_atomic(model, path)
    assert path.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["last.keras"]

    # what a process killed while saving leaves: its temporary file, named with its pid
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    dead_pid = int(dead.stdout)
    stale = [tmp_path / f".last.keras.ab_c12.{dead_pid}.tmp.keras",   # this version's name
             tmp_path / f".best.{dead_pid}.tmp.keras"]                # older versions' name
    alive = tmp_path / f".last.keras.xyz.{os.getpid()}.tmp.keras"     # a save under way
    for p in stale + [alive]:
        p.write_bytes(b"PK half a zip")
    assert sorted(remove_stale_temp_files(tmp_path)) == sorted(stale)
    assert alive.exists() and path.read_bytes() == before
