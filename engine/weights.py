"""Trained weights that travel with a document.

An imported (or trained) network keeps its weights in a :class:`WeightStore`,
its ``Network.weights`` attribute (``None`` for fresh weights):
one entry per node id, holding the arrays of that node's Keras layer (in
``layer.weights`` order) and a *fingerprint* of the node as it was when the
weights were taken (type and params). When the network is built again
(:func:`engine.keras_build.build_model`), a layer gets its stored weights
back only if its node still has the same fingerprint and the built layer
asks for arrays of the same shapes; any other layer (a changed param, a
changed input shape, a new node) keeps its fresh initialisation. Renaming a
node keeps its weights (they are keyed by node id); freezing or unfreezing
keeps them too, which is what fine-tuning needs.

On disk the store is a NumPy ``.npz`` beside the document
(``DOC.weights.npz`` for ``DOC.json``), named in the document's top-level
``"weights"`` section; arrays are read without pickle. Use
``Network.save`` / ``Network.load`` write and read both.

Nothing here imports TensorFlow; a Keras model is only handed in.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path


from engine.errors import DocumentError, array_file_errors
from engine.atomic import atomic_file
from engine.i18n import msg

SECTION = "weights"
_META = "__neurocanvas_meta__"


def fingerprint(node) -> str:
    """Identity of a node's layer config: type and params, not name or position."""
    payload = json.dumps({"type": node.type, "params": node.params}, sort_keys=True, default=list)
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()[:16]


@dataclass
class LayerWeights:
    fingerprint: str
    arrays: list  # numpy arrays, layer.weights order


@dataclass
class WeightStore:
    layers: dict = field(default_factory=dict)  # node id -> LayerWeights

    def __len__(self) -> int:
        return len(self.layers)

    @property
    def values(self) -> int:
        return sum(int(a.size) for lw in self.layers.values() for a in lw.arrays)

    def save(self, path) -> None:
        """Write an ``.npz`` atomically (temp file + rename)."""
        import numpy as np  # only documents that carry weights need it

        path = Path(path)
        meta = {nid: {"fingerprint": lw.fingerprint, "count": len(lw.arrays)}
                for nid, lw in self.layers.items()}
        arrays = {_META: np.array(json.dumps(meta))}
        for i, (nid, lw) in enumerate(self.layers.items()):
            for j, a in enumerate(lw.arrays):
                arrays[f"{i}/{j}"] = a
        with atomic_file(path, "wb") as fh:
            np.savez(fh, **arrays)

    @classmethod
    def load(cls, path) -> "WeightStore":
        import numpy as np

        path = Path(path)
        try:
            with np.load(path, allow_pickle=False) as data:
                meta = json.loads(str(data[_META]))
                store = cls()
                for i, (nid, m) in enumerate(meta.items()):
                    arrays = [data[f"{i}/{j}"] for j in range(int(m["count"]))]
                    store.layers[nid] = LayerWeights(m["fingerprint"], arrays)
                return store
        except FileNotFoundError:
            raise DocumentError(msg("{path}: the weights file of this document is missing.", path=path),
                                msg("Move it back beside the document, or remove the document's "
                                    "'weights' section to start from fresh weights.")) from None
        except array_file_errors() as exc:
            raise DocumentError(msg("{path} is not a NeuroCanvas weights file, or it is damaged "
                                    "({kind}: {exc}).", path=path, kind=type(exc).__name__, exc=str(exc)),
                                msg("Remove the document's 'weights' section to start from fresh "
                                    "weights, or restore the file from a backup.")) from None


def capture(net, model) -> WeightStore:
    """The current weights of ``model`` (built from ``net``) for every node with weights.

    Use it after training to keep the trained weights with the document.
    """
    import numpy as np

    store = WeightStore()
    by_name = {layer.name: layer for layer in model.layers}
    opaque = {}
    for nid, node in net.nodes.items():
        layer = by_name.get(node.name)
        if layer is None or node.type == "SharedCall" or not layer.weights:
            continue
        if node.type == "OpaqueLayer":  # kept by path in the weights file (engine.opaque)
            opaque[nid] = node.name
            continue
        store.layers[nid] = LayerWeights(fingerprint(node), [np.asarray(w) for w in layer.get_weights()])
    if opaque:
        from engine.opaque_weights import capture_weights

        for nid, (_paths, arrays) in capture_weights(model, opaque).items():
            store.layers[nid] = LayerWeights(fingerprint(net.nodes[nid]), arrays)
    return store


@dataclass
class ApplyReport:
    loaded: list = field(default_factory=list)  # node ids given their stored weights
    reinitialised: list = field(default_factory=list)  # (node id, reason)


def apply(net, model, store: WeightStore | None = None) -> ApplyReport:
    """Load stored weights into the layers of ``model`` whose node is unchanged."""
    store = store if store is not None else net.weights
    report = ApplyReport()
    if not store:
        return report
    by_name = {layer.name: layer for layer in model.layers}
    opaque = []
    for nid, lw in store.layers.items():
        node = net.nodes.get(nid)
        if node is None:
            continue  # the node was deleted
        layer = by_name.get(node.name)
        if layer is None:
            continue
        if fingerprint(node) != lw.fingerprint:
            report.reinitialised.append((nid, msg("its parameters changed")))
            continue
        if node.type == "OpaqueLayer":  # put back by path, after the others (engine.opaque)
            opaque.append((nid, node.name, list(node.params.get("weight_paths") or []), lw.arrays))
            continue
        wanted = [tuple(w.shape) for w in layer.weights]
        have = [tuple(a.shape) for a in lw.arrays]
        if wanted != have:
            report.reinitialised.append((nid, msg("its weight shapes changed")))
            continue
        layer.set_weights(lw.arrays)
        if hasattr(layer, "adapt") and callable(getattr(layer, "finalize_state", None)):
            layer.finalize_state()  # Normalization computes from its variables only here
        report.loaded.append(nid)
    if opaque:
        from engine.opaque_weights import apply_weights

        for nid, why in apply_weights(model, opaque):
            if why is None:
                report.loaded.append(nid)
            else:
                report.reinitialised.append((nid, why))
    return report


# ------------------------------------------------------------ documents --

def weights_path(doc_path) -> Path:
    """``DOC.weights.npz`` beside ``DOC.json``."""
    doc_path = Path(doc_path)
    return doc_path.with_name(doc_path.stem + ".weights.npz")


def write_beside(net, path) -> None:
    """Before ``net`` is saved to ``path``: write its weights (if any) beside it
    and point the document's ``"weights"`` section at them."""
    path = Path(path)
    store = net.weights
    if store:
        target = weights_path(path)
        store.save(target)
        net.extra[SECTION] = {"file": target.name, "layers": len(store), "values": store.values}
    else:
        net.extra.pop(SECTION, None)


def read_beside(net, path) -> WeightStore | None:
    """After ``net`` was loaded from ``path``: the weights its section names (None without one)."""
    path = Path(path)
    section = net.extra.get(SECTION)
    if section is None:
        return None
    if not isinstance(section, dict) or not isinstance(section.get("file"), str):
        raise DocumentError(msg("{path}: the 'weights' section must name a file.", path=path))
    name = section["file"]
    if Path(name).name != name:
        raise DocumentError(msg("{path}: the weights file must lie beside the document (got {name}).",
                                path=path, name=repr(name)))
    return WeightStore.load(path.with_name(name))
