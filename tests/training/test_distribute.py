"""tf.distribute: the mirrored strategy on two logical CPU devices, and the
multi-worker strategy as two local ``neurocanvas train`` processes talking
over loopback. Each runs in its own process: devices and collective ops can
only be configured before TensorFlow starts."""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from engine.training.distribute import read_tf_config
from engine.training.errors import SettingsError
from engine.training.runs import load_run
from tests.training.documents import iris_document

ROOT = Path(__file__).resolve().parents[2]
DOC = iris_document("flowers", {"epochs": 3, "batch_size": 40, "seed": 0, "shuffle": False,
                                "compile": {"optimizer": {"name": "sgd", "learning_rate": 0.1,
                                                          "momentum": 0.9}}})

MIRRORED = r"""
import json, os, sys
from engine.training.distribute import use_logical_cpus
devices = use_logical_cpus(2)
from engine import Network
from engine.training.session import prepare_training

def run(strategy, run_dir):
    s = prepare_training(Network.from_dict(json.loads(sys.argv[1])), run_dir=run_dir,
                         strategy=strategy)
    s.start()
    s.wait(300)
    return s

mirrored = run("mirrored", sys.argv[2])
single = run(None, sys.argv[3])
print(json.dumps({
    "status": mirrored.result.kind, "reason": mirrored.result.data.get("reason"),
    "devices": [d.name for d in devices],
    "replicas": mirrored.strategy.num_replicas_in_sync,
    "variable": type(mirrored.trainer.model.weights[0].value).__name__,
    "history": mirrored.trainer.history(), "single": single.trainer.history()}))
"""


def env():
    out = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
               TF_CPP_MIN_LOG_LEVEL="3")
    out.pop("TF_CONFIG", None)
    return out


def last_json(text: str) -> dict:
    return json.loads([line for line in text.splitlines() if line.startswith("{")][-1])


def test_mirrored_strategy_on_two_logical_cpus_matches_one_device(tmp_path):
    proc = subprocess.run([sys.executable, "-c", MIRRORED, json.dumps(DOC), str(tmp_path / "m"),
                           str(tmp_path / "s")], cwd=ROOT, env=env(), capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = last_json(proc.stdout)
    assert out["status"] == "finished", out["reason"]
    assert len(out["devices"]) == 2 and out["replicas"] == 2
    assert out["variable"] == "MirroredVariable"  # built inside the strategy's scope
    # Two replicas on half batches each, gradients summed: the same training as one device.
    for key, values in out["single"].items():
        np.testing.assert_allclose(out["history"][key], values, rtol=1e-4, atol=1e-5)
    assert out["history"]["loss"][-1] < out["history"]["loss"][0]
    run = load_run(tmp_path / "m")
    assert run.status == "finished" and run.info["strategy"]["replicas"] == 2
    assert run.info["strategy"]["strategy"] == "mirrored"
    assert run.can_resume


def free_ports(n: int) -> list[int]:
    socks = [socket.socket() for _ in range(n)]
    try:
        for s in socks:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


def test_multiworker_strategy_trains_as_two_local_workers(tmp_path):
    doc = tmp_path / "flowers.json"
    doc.write_text(json.dumps(DOC))
    ports = free_ports(2)
    cluster = {"worker": [f"localhost:{p}" for p in ports]}
    procs = []
    for i in range(2):
        e = env()
        e["TF_CONFIG"] = json.dumps({"cluster": cluster, "task": {"type": "worker", "index": i}})
        procs.append(subprocess.Popen(
            [sys.executable, "-m", "neurocanvas_cli", "train", str(doc), "--epochs", "2", "--quiet",
             "--strategy", "multiworker", "--run-dir", str(tmp_path / f"worker{i}")],
            cwd=ROOT, env=e, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    results = []
    try:
        for p in procs:
            out, err = p.communicate(timeout=300)
            assert p.returncode == 0, err[-3000:]
            results.append(last_json(out))
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    for r in results:
        assert r["epochs_run"] == 2 and r["stopped"] is None and len(r["history"]["loss"]) == 2
    # Synchronous training: both workers hold the same model and report the same numbers.
    np.testing.assert_allclose(results[0]["history"]["loss"], results[1]["history"]["loss"],
                               rtol=1e-6)
    chief = load_run(tmp_path / "worker0")
    assert chief.status == "finished" and chief.info["strategy"]["task"] == {"type": "worker",
                                                                             "index": 0}
    assert chief.info["strategy"]["strategy"] == "multiworker"


def test_tf_config_problems_are_explained():
    with pytest.raises(SettingsError, match="needs the TF_CONFIG"):
        read_tf_config({})
    with pytest.raises(SettingsError, match="not valid JSON"):
        read_tf_config({"TF_CONFIG": "{"})
    with pytest.raises(SettingsError, match="task index 2"):
        read_tf_config({"TF_CONFIG": json.dumps({"cluster": {"worker": ["a:1", "b:2"]},
                                                 "task": {"type": "worker", "index": 2}})})


def test_cli_refuses_multiworker_without_tf_config(tmp_path, capsys, monkeypatch):
    from neurocanvas_cli import main

    monkeypatch.delenv("TF_CONFIG", raising=False)
    doc = tmp_path / "flowers.json"
    doc.write_text(json.dumps(DOC))
    assert main(["train", str(doc), "--strategy", "multiworker"]) == 2
    assert "TF_CONFIG" in capsys.readouterr().err
    assert main(["train", str(doc), "--strategy", "parameter_server"]) == 2
