"""How fast does the editor window appear, compared with importing TensorFlow?

Runs, side by side in this process's environment:
  * `neurocanvas --exit-when-ready` (window shown and idle; its JSON line
    gives the seconds since its process started), and
  * a bare `python -c "import tensorflow"` (wall time),
a few times each, alternating, and prints the medians and their ratio.
Goal: editor start-up / TensorFlow import <= 0.15.

"Ready" is the first idle turn of the event loop after the window, with the
default LeNet-5 document, is shown and painted: the point where a normal
start hands the training dashboard (numpy, pyqtgraph) and TensorFlow to
background threads. With PYTHONDONTWRITEBYTECODE set, the editor's own
modules are compiled from source at every start while TensorFlow's come
from the bytecode pip wrote, which costs the editor about 0.1 s; the bench
says so when it is set rather than changing it.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = int(os.environ.get("STARTUP_RUNS", "3"))
GOAL = 0.15


def editor_start(env) -> float:
    out = subprocess.run([sys.executable, "-c", "import sys; from neurocanvas_cli import main; "
                          "sys.exit(main(['--exit-when-ready']))"],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    if out.returncode != 0:
        raise SystemExit(f"editor failed to start: {out.stderr.strip()[-500:]}")
    return float(json.loads(out.stdout.strip().splitlines()[-1])["seconds"])


def tensorflow_import(env) -> float:
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", "import tensorflow"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=600)
    if out.returncode != 0:
        raise SystemExit(f"tensorflow import failed: {out.stderr.strip()[-500:]}")
    return time.perf_counter() - start


def main() -> int:
    with tempfile.TemporaryDirectory() as config:
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                   TF_CPP_MIN_LOG_LEVEL="2", NEUROCANVAS_CONFIG_DIR=config)
        editor_start(env)  # warm the file cache for both, untimed
        tensorflow_import(env)
        editor, tf = [], []
        for _ in range(RUNS):
            editor.append(editor_start(env))
            tf.append(tensorflow_import(env))
    e, t = statistics.median(editor), statistics.median(tf)
    ratio = e / t
    print(f"editor window ready   {e:7.3f} s  (median of {RUNS}: {', '.join(f'{x:.2f}' for x in editor)})")
    print(f"import tensorflow     {t:7.3f} s  (median of {RUNS}: {', '.join(f'{x:.2f}' for x in tf)})")
    print(f"ratio                 {ratio:7.3f}   (goal <= {GOAL}) {'OK' if ratio <= GOAL else 'ABOVE GOAL'}")
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("note: PYTHONDONTWRITEBYTECODE is set: the editor's modules were compiled from "
              "source at each start; TensorFlow's load from the bytecode pip wrote")
    return 0


if __name__ == "__main__":
    sys.exit(main())
