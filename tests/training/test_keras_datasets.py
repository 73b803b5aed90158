"""The Keras datasets go through Keras's own loaders and cache.

Keras reads ``KERAS_HOME`` when it is imported, so this runs in a fresh
interpreter whose cache is a temporary folder. A tiny but valid
Fashion-MNIST (gzip'd IDX files, which Keras loads without a hash check) is
written where Keras looks; MNIST is absent and, with no network (a proxy
that refuses connections), must give a DataError that says where to put
the file.
"""

import gzip
import json
import os
import struct
import subprocess
import sys

import numpy as np

SCRIPT = r"""
import json, os
from engine.data import load_dataset, DataError
from engine.data.keras_datasets import keras_cache_dir
out = {"cache": keras_cache_dir()}
ds = load_dataset("fashion_mnist")
out["fashion"] = [list(ds.x_train.shape), list(ds.x_val.shape), ds.y_train.tolist(),
                  int(ds.x_train[1].sum()), ds.class_names[9]]
try:
    load_dataset("mnist")
    out["mnist"] = "loaded"
except DataError as e:
    out["mnist"] = [e.message, e.hint]
print("RESULT" + json.dumps(out))
"""


def _idx(path, array):
    header = struct.pack(">I", 2049 if array.ndim == 1 else 2051)
    header += b"".join(struct.pack(">I", d) for d in array.shape)
    with gzip.open(path, "wb") as fh:
        fh.write(header + array.astype("uint8").tobytes())


def test_keras_loader_reads_its_cache_and_fails_offline_with_a_hint(tmp_path):
    home = tmp_path / "keras_home"
    folder = home / "datasets" / "fashion-mnist"
    folder.mkdir(parents=True)
    x = np.zeros((3, 28, 28), "uint8")
    x[1, 5:10, 5:10] = 7
    _idx(folder / "train-labels-idx1-ubyte.gz", np.array([9, 0, 3]))
    _idx(folder / "train-images-idx3-ubyte.gz", x)
    _idx(folder / "t10k-labels-idx1-ubyte.gz", np.array([1, 2]))
    _idx(folder / "t10k-images-idx3-ubyte.gz", np.zeros((2, 28, 28)))
    env = dict(os.environ, KERAS_HOME=str(home), TF_CPP_MIN_LOG_LEVEL="3",
               HTTPS_PROXY="http://127.0.0.1:9", HTTP_PROXY="http://127.0.0.1:9",
               https_proxy="http://127.0.0.1:9", http_proxy="http://127.0.0.1:9", NO_PROXY="",
               no_proxy="")
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    r = subprocess.run([sys.executable, "-c", SCRIPT], env=env, cwd=root, capture_output=True,
                       text=True, timeout=180)
    line = [ln for ln in r.stdout.splitlines() if ln.startswith("RESULT")]
    assert line, r.stdout[-2000:] + r.stderr[-2000:]
    out = json.loads(line[0][len("RESULT"):])
    assert out["cache"] == str(home / "datasets")
    shapes_train, shapes_val, labels, ink, last_name = out["fashion"]
    assert shapes_train == [3, 28, 28] and shapes_val == [2, 28, 28]
    assert labels == [9, 0, 3] and ink == 25 * 7 and last_name == "Ankle boot"
    message, hint = out["mnist"]
    assert "mnist" in message
    assert str(home / "datasets" / "mnist.npz") in hint and "internet" in hint
    assert "digits" in hint
