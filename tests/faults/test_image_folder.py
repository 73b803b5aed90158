"""Issue 11, item 8 (and the one-JSON-line promise of item 11): a damaged or
non-image file in an image folder is found before training and the folder is
refused naming the files; a clean folder trains and `train` prints exactly one
JSON line on stdout."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image

from neurocanvas_cli import main
from engine.data import DataError, load_dataset
from tests.faults.conftest import small_document


def png_bytes(seed: int, size: int = 16) -> bytes:
    pixels = np.random.default_rng(seed).integers(0, 255, (size, size, 3), dtype=np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "pics"
    for c, cls in enumerate(("cats", "dogs")):
        (root / cls).mkdir(parents=True)
        for i in range(6):
            (root / cls / f"{i}.png").write_bytes(png_bytes(10 * c + i))
    return root


def image_document(folder, **training) -> dict:
    doc = small_document(
        data={"dataset": "image_folder", "options": {"path": str(folder), "image_size": [16, 16],
                                                      "validation_split": 0.25}},
        training={"epochs": 1, "batch_size": 4, **training})
    doc["nodes"] = [{"id": "in", "type": "Input", "params": {"shape": [16, 16, 3]}},
                    {"id": "flat", "type": "Flatten"},
                    {"id": "out", "type": "Dense", "params": {"units": 2, "activation": "softmax"}}]
    doc["edges"] = [{"from": "in", "to": "flat"}, {"from": "flat", "to": "out"}]
    return doc


def damage(folder):
    whole = png_bytes(99, size=64)
    (folder / "cats" / "truncated.png").write_bytes(whole[: len(whole) // 2])
    (folder / "dogs" / "notes.jpg").write_text("not a picture, just text\n")
    (folder / "dogs" / "readme.txt").write_text("ignored: Keras reads only image extensions\n")


def test_damaged_and_fake_images_are_named_before_training(folder):
    damage(folder)
    with pytest.raises(DataError) as info:
        load_dataset("image_folder", path=str(folder), image_size=[16, 16])
    message = info.value.message
    assert "2 of the 14 files" in message and "training was not started" in message
    assert os.path.join("cats", "truncated.png") in message and os.path.join("dogs", "notes.jpg") in message
    assert "readme.txt" not in message and "Remove or replace" in info.value.hint


def test_train_refuses_the_damaged_folder_with_one_message(folder, tmp_path, capsys):
    damage(folder)
    doc = tmp_path / "doc.json"
    doc.write_text(json.dumps(image_document(folder)))
    code = main(["train", str(doc), "--quiet"])
    captured = capsys.readouterr()
    assert code == 1 and captured.out == ""
    assert "truncated.png" in captured.err and "notes.jpg" in captured.err
    assert "InvalidArgument" not in captured.err and "unexpected" not in captured.err


def test_a_clean_folder_trains_and_prints_exactly_one_json_line(folder, tmp_path):
    doc = tmp_path / "doc.json"
    doc.write_text(json.dumps(image_document(folder)))
    proc = subprocess.run([sys.executable, "-m", "neurocanvas_cli", "train", str(doc), "--quiet"],
                          capture_output=True, text=True, timeout=300, cwd=os.getcwd(),
                          env=dict(os.environ, TF_CPP_MIN_LOG_LEVEL="2"))
    assert proc.returncode == 0, proc.stderr[-2000:]
    lines = proc.stdout.splitlines()
    assert len(lines) == 1, proc.stdout
    result = json.loads(lines[0])
    assert result["status"] == "finished" and result["epochs_run"] == 1
