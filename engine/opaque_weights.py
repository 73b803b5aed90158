"""The weights of opaque (custom) layers, by their path in Keras's weights file.

A custom layer's weights sit under its group of ``model.weights.h5`` as Keras
saves them (``vars/0``, ``token_emb/vars/0`` for a sublayer); without the class
their order in ``layer.weights`` is unknown, so an opaque node keeps them in
path order with their paths. With the class, they go back through Keras's own
weights file: the model's weights are saved, the arrays written at their paths
and the file loaded back (public API only).

Nothing here imports TensorFlow; a built Keras model is handed in.
"""

from __future__ import annotations

import os
import tempfile

from engine.i18n import msg


def weights_of(h5, name: str):
    """(relative paths, arrays) of the layer named ``name`` in a Keras weights file: the
    group whose ``vars`` carries that name and sits in a ``layers`` container."""
    import numpy as np

    best = []

    def visit(path, obj):
        if path.endswith("/vars") and obj.attrs.get("name") == name:
            group = path[: -len("/vars")]
            parent = group.rsplit("/", 1)[0] if "/" in group else ""
            if parent.split("/")[-1] == "layers":
                best.append(group)

    h5.visititems(visit)
    if not best:
        return [], []
    group = min(best, key=len)
    paths, arrays = [], []

    def collect(path, obj):
        if hasattr(obj, "shape") and hasattr(obj, "dtype"):
            paths.append(path)

    h5[group].visititems(collect)
    paths.sort(key=_path_key)
    arrays = [np.array(h5[group][p]) for p in paths]
    return paths, arrays


def _path_key(path: str):
    return [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in path.split("/")]


def _find_group(h5, name):
    found = []

    def visit(path, obj):
        if path.endswith("/vars") and obj.attrs.get("name") == name:
            group = path[: -len("/vars")]
            parent = group.rsplit("/", 1)[0] if "/" in group else ""
            if parent.split("/")[-1] == "layers":
                found.append(group)

    h5.visititems(visit)
    return min(found, key=len) if found else None


def apply_weights(model, entries) -> list:
    """Put opaque nodes' stored arrays back by path: ``entries`` are (node id, layer name,
    paths, arrays). Returns [(node id, None or why not)]. Uses Keras's own weights file:
    the model's weights are saved, the arrays written at their paths, and loaded back."""
    import h5py

    out = []
    if not entries:
        return out
    with tempfile.TemporaryDirectory() as folder:
        tmp = os.path.join(folder, "model.weights.h5")
        model.save_weights(tmp)
        changed = False
        with h5py.File(tmp, "r+") as h5:
            for nid, name, paths, arrays in entries:
                group = _find_group(h5, name)
                if group is None:
                    out.append((nid, msg("its layer has no weights group")))
                    continue
                have = []
                h5[group].visititems(lambda p, o: have.append(p) if hasattr(o, "shape") else None)
                if sorted(have, key=_path_key) != list(paths) or any(
                        tuple(h5[group][p].shape) != tuple(a.shape) for p, a in zip(paths, arrays)):
                    out.append((nid, msg("its weight shapes changed")))
                    continue
                for p, a in zip(paths, arrays):
                    h5[group][p][...] = a
                changed = True
                out.append((nid, None))
        if changed:
            model.load_weights(tmp)
    return out


def capture_weights(model, names: dict) -> dict:
    """{node id: (paths, arrays)} for opaque layers (``names``: node id -> layer name)."""
    import h5py

    out = {}
    if not names:
        return out
    with tempfile.TemporaryDirectory() as folder:
        tmp = os.path.join(folder, "model.weights.h5")
        model.save_weights(tmp)
        with h5py.File(tmp, "r") as h5:
            for nid, name in names.items():
                paths, arrays = weights_of(h5, name)
                if paths:
                    out[nid] = (paths, arrays)
    return out
