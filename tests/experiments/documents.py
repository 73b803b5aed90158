"""Tiny documents and study helpers the experiments tests share."""

from __future__ import annotations

import json

from engine.experiments.study import SweepConfig, create_study
from engine.fileformat import FORMAT
from engine.network import Network
from tests.training.documents import iris_document

IRIS_TRAINING = {"epochs": 4, "batch_size": 16, "seed": 3,
                 "compile": {"optimizer": {"name": "adam", "learning_rate": 0.01}}}


def iris_net(name: str = "iris") -> Network:
    """features → hidden (Dense 8 relu) → species (Dense 3 softmax), iris data."""
    return Network.from_dict(iris_document(name, dict(IRIS_TRAINING)))


def digits_conv_net(name: str = "digits") -> Network:
    """8×8×1 digits → c1 (Conv2D 4, 3×3) → flat → out (Dense 10 softmax)."""
    return Network.from_dict({
        "format": FORMAT, "name": name, "nodes": [
            {"id": "image", "type": "Input", "params": {"shape": [8, 8, 1]}},
            {"id": "c1", "type": "Conv2D", "params": {"filters": 4, "kernel_size": 3,
                                                      "activation": "relu"}},
            {"id": "flat", "type": "Flatten", "params": {}},
            {"id": "out", "type": "Dense", "params": {"units": 10, "activation": "softmax"}}],
        "edges": [{"from": "image", "to": "c1"}, {"from": "c1", "to": "flat"},
                  {"from": "flat", "to": "out"}],
        "data": {"dataset": "digits", "preprocess": {"scale": "minmax", "add_channel": True,
                                                     "validation_split": 0.2, "seed": 0}},
        "training": {"epochs": 1, "batch_size": 64, "seed": 1,
                     "compile": {"optimizer": {"name": "adam", "learning_rate": 0.01}}}})


def save(net: Network, path) -> str:
    net.save(path)
    return str(path)


def new_study(tmp_path, net: Network, space: dict, name: str = "s", **options):
    """A study over ``net`` (saved as tmp_path/doc.json) in a journal file."""
    doc = save(net, tmp_path / "doc.json")
    config = SweepConfig(network=net.to_dict(), space=space, document=doc,
                         runs_root=str(tmp_path / "doc.runs"), **options)
    storage = str(tmp_path / "doc.runs" / "studies.optuna-journal")
    study, config = create_study(config, storage, name)
    return study, config, storage


def run_json(run_dir) -> dict:
    with open(f"{run_dir}/run.json", encoding="utf-8") as fh:
        return json.load(fh)
