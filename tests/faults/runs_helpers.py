"""What the fault tests of training runs share: a small iris document, the
command line in a subprocess, and waiting for a run folder to reach a point."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from engine import Network
from tests.training.documents import iris_document

ROOT = Path(__file__).resolve().parents[2]


def iris_net(epochs=4, batch_size=30, **training) -> Network:
    t = {"epochs": epochs, "batch_size": batch_size, "seed": 0, "shuffle": False,
         "compile": {"optimizer": {"name": "sgd", "momentum": 0.9, "schedule": {
             "kind": "exponential", "initial_learning_rate": 0.1, "decay_steps": 4,
             "decay_rate": 0.7}}}, **training}
    return Network.from_dict(json.loads(json.dumps(iris_document("flowers", t))))


def environment() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    env["CUDA_VISIBLE_DEVICES"] = ""
    return env


def cli(*args) -> list[str]:
    return [sys.executable, "-m", "neurocanvas_cli", *map(str, args)]


def start_cli(*args, cwd=None) -> subprocess.Popen:
    return subprocess.Popen(cli(*args), cwd=cwd or ROOT, env=environment(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def run_cli(*args, cwd=None, timeout=600) -> subprocess.CompletedProcess:
    return subprocess.run(cli(*args), cwd=cwd or ROOT, env=environment(), capture_output=True,
                          text=True, timeout=timeout)


def wait_for(condition, process=None, timeout=600.0, what="the condition"):
    """Poll ``condition()`` until true; fails if ``process`` ends first or
    after ``timeout`` seconds (a limit against hanging, not a measurement)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if process is not None and process.poll() is not None:
            out, err = process.communicate()
            raise AssertionError(f"the process ended before {what}: {process.returncode}\n{err}")
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def data_lines(path) -> int:
    """Complete data rows of a CSV file (0 when missing)."""
    try:
        text = Path(path).read_text()
    except FileNotFoundError:
        return 0
    return max(0, text.count("\n") - 1)
