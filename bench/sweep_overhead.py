"""What does the study machinery cost?

A study of N short trials (iris, a Dense network, lr and hidden units
swept, E epochs each) is run one trial at a time with ``neurocanvas sweep``
in one subprocess, and timed from start to its final JSON line. Then the
very same trials (the values the study drew, applied to the document) are
run as plain ``neurocanvas train`` subprocesses, one after another, and
their wall times summed. Prints every run's time and a last line with the
ratio study ÷ sum of plain runs. Goal: ratio <= 1.10 (Optuna, the
candidate analysis and the run tagging are nearly free; the study also
saves starting Python and TensorFlow once per trial).

Usage: python bench/sweep_overhead.py [--trials 4] [--epochs 3]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from engine.experiments.apply import trial_network  # noqa: E402
from engine.experiments.trials import worker_env  # noqa: E402
from engine.fileformat import FORMAT  # noqa: E402
from engine.network import Network  # noqa: E402


def iris_document() -> Network:
    return Network.from_dict({
        "format": FORMAT, "name": "iris", "nodes": [
            {"id": "features", "type": "Input", "params": {"shape": [4]}},
            {"id": "hidden", "type": "Dense", "params": {"units": 8, "activation": "relu"}},
            {"id": "species", "type": "Dense", "params": {"units": 3, "activation": "softmax"}}],
        "edges": [{"from": "features", "to": "hidden"}, {"from": "hidden", "to": "species"}],
        "data": {"dataset": "iris", "preprocess": {"scale": "standardize"}},
        "training": {"epochs": 3, "batch_size": 16, "seed": 0,
                     "compile": {"optimizer": {"name": "adam", "learning_rate": 0.01}}}})


def timed(cmd, cwd) -> tuple[float, str]:
    t0 = time.perf_counter()
    r = subprocess.run(cmd, cwd=cwd, env=worker_env(), capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    if r.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{r.stderr[-2000:]}")
    return elapsed, r.stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--trials", type=int, default=4)
    ap.add_argument("--epochs", type=int, default=3)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="sweep-bench-"))
    net = iris_document()
    net.save(work / "iris.json")
    (work / "space.json").write_text(json.dumps({"lr": {"loguniform": [0.005, 0.1]},
                                                 "hidden.units": {"int": [4, 32], "step": 4}}))
    py = [sys.executable, "-m", "neurocanvas_cli"]
    study_time, out = timed(py + ["sweep", "iris.json", "--space", "space.json", "--trials",
                                  str(args.trials), "--epochs", str(args.epochs), "--seed", "0",
                                  "--pruner", "none", "--sampler", "random"], work)
    summary = json.loads(out.strip().splitlines()[-1])
    print(f"study of {args.trials} trials, one at a time: {study_time:.2f}s")
    plain = []
    for t in summary["trials"]:
        doc = work / f"trial{t['number']}.json"
        trial_network(net, t["params"]).save(doc)
        elapsed, _ = timed(py + ["train", doc.name, "--epochs", str(args.epochs), "--seed", "0",
                                 "--quiet"], work)
        plain.append(elapsed)
        print(f"plain train of trial {t['number']} ({t['params']}): {elapsed:.2f}s")
    ratio = study_time / sum(plain)
    print(f"sweep overhead: study {study_time:.2f}s / plain runs {sum(plain):.2f}s = "
          f"ratio {ratio:.3f} (goal <= 1.10)")


if __name__ == "__main__":
    main()
