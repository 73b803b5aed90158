"""Grow a trained network without changing what it computes (Net2Net).

- `widen` gives a Dense or Conv2D layer more units/filters: the new ones copy
  existing ones chosen by a random mapping, and the next weighted layer's
  input weights of every copied unit are divided by how many copies it has,
  so the sum it computes is unchanged. Per-channel layers in between
  (BatchNormalization, pooling, dropout, element-wise activations, Flatten)
  get their per-channel values copied the same way.
- `deepen` inserts, after a layer, a Dense with an identity kernel or a
  Conv2D with an identity 3x3 kernel ('same' padding), zero bias, and an
  activation that leaves the layer's outputs unchanged (ReLU after ReLU,
  linear after anything).

Both work on a `Network` and its `WeightStore` with NumPy only (no
TensorFlow), return a grown copy, and refuse with a `GrowError` that says
why the function could not be preserved and what would be exact instead.
No noise is added: outputs match to float rounding.

Example::

    grown = widen(net, store, "hidden", 2.0)
    grown.network.save("wider.json")   # weights go to wider.weights.npz
"""

from __future__ import annotations

from dataclasses import dataclass, field

from engine.errors import NeuroCanvasError
from engine.network_diff import TRANSFORMED_SECTION
from engine.weights import LayerWeights, WeightStore, fingerprint
from engine.i18n import msg

WIDTH_PARAM = {"Dense": "units", "Conv2D": "filters"}
# layers that act on each channel (last axis) on its own: copying a channel copies its output
PER_CHANNEL = {"BatchNormalization", "Dropout", "SpatialDropout2D", "GaussianNoise",
               "GaussianDropout", "Activation", "ReLU", "LeakyReLU", "ELU", "PReLU",
               "MaxPooling2D", "AveragePooling2D", "GlobalAveragePooling2D",
               "GlobalMaxPooling2D", "ZeroPadding2D", "Flatten"}
NOT_ELEMENTWISE = {"softmax", "log_softmax"}
IDEMPOTENT = {"linear", "relu", "relu6"}  # f(f(x)) == f(x)
NON_NEGATIVE = {"relu", "relu6", "sigmoid", "softmax", "softplus", "hard_sigmoid", "exponential"}


class GrowError(NeuroCanvasError):
    """The edit cannot keep the network's function; ``hint`` names what can."""


@dataclass
class GrowResult:
    network: object  # the grown Network (a copy), with its WeightStore attached
    store: WeightStore
    transformed: list = field(default_factory=list)  # layer names whose weights were rewritten
    inserted: list = field(default_factory=list)  # layer names added
    description: str = ""


def _node(net, name_or_id: str):
    node = net.nodes.get(name_or_id) or net.node_by_name(name_or_id)
    if node is None:
        raise GrowError(msg("There is no layer {name_or_id} in {net}.",
                            name_or_id=repr(name_or_id), net=net.name),
                        msg("Give a layer name as shown on the canvas or by `neurocanvas summary`."))
    return node


def _weights_of(store: WeightStore, node) -> list:
    lw = store.layers.get(node.id) if store is not None else None
    if lw is None:
        raise GrowError(msg("{node} has no weights to grow from.", node=node.name),
                        msg("Train the network, or build it once so it has weights, then grow it."))
    return [a.copy() for a in lw.arrays]


def _activation(node) -> str:
    """The activation a layer applies last (``linear`` when it applies none)."""
    p = node.resolved()
    if node.type == "ReLU":
        return "relu" if not p.get("max_value") and not p.get("negative_slope") else "other"
    act = p.get("activation")
    if act is None:
        return "linear"
    return act if isinstance(act, str) else "other"


def _copy(net, store, inplace: bool = False):
    grown = net if inplace else net.copy()
    new_store = WeightStore(dict(store.layers) if store is not None else {})
    grown.weights = new_store
    return grown, new_store


def _mark(grown, names: list, description: str) -> None:
    section = dict(grown.extra.get(TRANSFORMED_SECTION) or {})
    done = list(section.get("transformed") or [])
    done.extend(n for n in names if n not in done)
    section["transformed"] = done
    section["edits"] = list(section.get("edits") or []) + [description]
    grown.extra[TRANSFORMED_SECTION] = section


# ----------------------------------------------------------------- widen --

def widen(net, store: WeightStore | None, layer: str, factor: float, seed: int = 0,
          inplace: bool = False) -> GrowResult:
    """Widen ``layer`` (a Dense or Conv2D, by name or id) to ``round(width * factor)``
    units/filters, keeping the network's function. Raises `GrowError` before
    anything changes. ``inplace`` edits ``net`` (and attaches the new weights
    to it) instead of a copy."""
    import numpy as np

    store = store if store is not None else net.weights
    node = _node(net, layer)
    if node.type not in WIDTH_PARAM:
        raise GrowError(msg("{node} is a {type}; only Dense and Conv2D layers can be widened.",
                            node=node.name, type=node.type),
                        msg("Widen the Dense or Conv2D layer that feeds it."))
    params = node.resolved()
    outputs = {nid for nid, _ in net.outputs}
    if node.id in outputs:
        _chain_after(net, node, outputs)  # raises: the outputs are what it predicts
    if node.type == "Conv2D" and int(params.get("groups") or 1) != 1:
        raise GrowError(msg("{node} is a grouped convolution; widening it would change "
                            "which channels each group sees.", node=node.name),
                            msg("Widen an ungrouped Conv2D."))
    if _activation(node) in NOT_ELEMENTWISE or _activation(node) == "other":
        raise GrowError(msg("{node} applies {activation}, which mixes its units: "
                            "copied units would change every output.",
                            node=node.name, activation=params.get('activation')),
                        msg("Move the activation to its own layer after the next one, or widen "
                            "another layer."))
    width_param = WIDTH_PARAM[node.type]
    width = int(params[width_param])
    try:
        factor = float(factor)
    except (TypeError, ValueError):
        raise GrowError(msg("The widen factor must be a number, not {factor}.",
                            factor=repr(factor))) from None
    new_width = int(round(width * factor))
    if new_width <= width:
        raise GrowError(msg("A factor of {factor} does not widen {node} ({width} "
                            "{width_param} would become {new_width}).",
                            factor=format(factor, 'g'), node=node.name, width=width, width_param=width_param,
                            new_width=new_width),
                        msg("Give a factor above 1, e.g. 1.5 or 2."))
    chain, consumer = _chain_after(net, node, outputs)

    rng = np.random.default_rng(seed)
    mapping = np.concatenate([np.arange(width), rng.integers(0, width, new_width - width)])
    counts = np.bincount(mapping, minlength=width).astype("float64")

    # every array is read and every new one computed before anything changes
    arrays = _weights_of(store, node)
    changed = {node.id: [a[..., mapping] for a in arrays]}
    transformed = [node.name]
    flatten_spatial = 1
    report = net.analyze()
    for link in chain:
        if link.type == "BatchNormalization":
            changed[link.id] = [a[mapping] for a in _weights_of(store, link)]
            transformed.append(link.name)
        elif link.type == "PReLU":
            raise GrowError(msg("{link} (PReLU) learns a slope per position; it stands between "
                                "{node} and the next weighted layer.", link=link.name, node=node.name),
                            msg("Widen a layer that is followed directly by a Dense or Conv2D."))
        elif link.type == "Flatten":
            shape = report.shape(next(e.src for e in net.in_edges(link.id)))
            flatten_spatial = int(np.prod([d for d in shape[1:-1]])) if shape else 1
    kernel, *rest = _weights_of(store, consumer)
    scale = counts[mapping]
    if consumer.type == "Dense" and flatten_spatial > 1:
        rows, out = kernel.shape
        k = kernel.reshape(flatten_spatial, width, out)[:, mapping, :] / scale[None, :, None]
        kernel = k.reshape(flatten_spatial * new_width, out)
    elif consumer.type == "Dense":
        kernel = kernel[..., mapping, :] / scale[:, None]
    else:  # Conv2D: (kh, kw, in, out)
        if int(consumer.resolved().get("groups") or 1) != 1:
            raise GrowError(msg("{consumer} is a grouped convolution and reads {node}'s "
                                "filters by group.", consumer=consumer.name, node=node.name),
                                msg("Widen a layer followed by an ungrouped Conv2D."))
        kernel = kernel[:, :, mapping, :] / scale[None, None, :, None]
    changed[consumer.id] = [kernel.astype(arrays[0].dtype), *rest]

    grown, new_store = _copy(net, store, inplace)
    grown.set_param(node.id, width_param, new_width)
    for nid, new_arrays in changed.items():
        new_store.layers[nid] = LayerWeights(fingerprint(grown.nodes[nid]), new_arrays)
    transformed.append(consumer.name)
    description = f"widened {node.name} from {width} to {new_width} {width_param}"
    _mark(grown, transformed, description)
    return GrowResult(grown, new_store, transformed, [], description)


def _chain_after(net, node, outputs):
    """The per-channel layers after ``node`` and the weighted layer that reads them."""
    chain = []
    current = node
    while True:
        if current.id in outputs:
            raise GrowError(msg("{current} is an output of the network: its units are what the "
                                "network predicts, so more of them would change the result.",
                                current=current.name) if node.type == "Dense" else
                            msg("{current} is an output of the network: its channels are what the "
                                "network predicts, so more of them would change the result.",
                                current=current.name),
                            msg("Widen a hidden layer before it."))
        out = net.out_edges(current.id)
        if len(out) != 1:
            raise GrowError(msg("{current} feeds {count} layers; widening keeps the function "
                                "only when one chain of layers reads it.",
                                current=current.name, count=len(out)),
                            msg("Widen a layer whose output goes to a single Dense or Conv2D."))
        nxt = net.nodes[out[0].dst]
        if nxt.type in WIDTH_PARAM:
            return chain, nxt
        if nxt.type not in PER_CHANNEL:
            raise GrowError(msg("{nxt} ({type}) stands between {node} and the next "
                                "Dense or Conv2D; widening through it would change what the network "
                                "computes.", nxt=nxt.name, type=nxt.type, node=node.name),
                                msg("Widen a layer followed by a Dense or Conv2D, with only "
                                "BatchNormalization, pooling, dropout or an activation between them."))
        if nxt.type == "Activation" and _activation(nxt) in NOT_ELEMENTWISE | {"other"}:
            raise GrowError(msg("{nxt} applies {activation}, which mixes "
                                "channels.", nxt=nxt.name, activation=nxt.resolved().get('activation')),
                                msg("Widen another layer."))
        if nxt.type == "BatchNormalization":
            axis = nxt.resolved().get("axis", -1)
            if axis not in (-1, [-1]) and axis != len((net.analyze().shape(current.id) or ())) - 1:
                raise GrowError(msg("{nxt} normalises axis {axis}, not the channels.",
                                    nxt=nxt.name, axis=axis),
                                msg("Widen a layer whose BatchNormalization uses axis -1."))
        chain.append(nxt)
        current = nxt


# ---------------------------------------------------------------- deepen --

def deepen(net, store: WeightStore | None, after: str, activation: str | None = None,
           name: str | None = None, inplace: bool = False) -> GrowResult:
    """Insert an identity layer after ``after``: a Dense for (batch, …, features)
    outputs, a Conv2D 3x3 'same' for images. ``activation`` defaults to the
    layer's own when that is exact (ReLU after ReLU, linear after linear).
    Raises `GrowError`."""
    import numpy as np

    store = store if store is not None else net.weights
    node = _node(net, after)
    shape = net.analyze().shape(node.id)
    if shape is None or not isinstance(shape, tuple) and not isinstance(shape, list) \
            or (shape and isinstance(shape[0], (list, tuple))):
        raise GrowError(msg("{node} has no single known output shape to deepen after.", node=node.name),
                        msg("Fix the network's errors first, or deepen after another layer."))
    if len(shape) < 2 or shape[-1] is None:
        raise GrowError(msg("{node}'s output {shape} has no feature axis to keep.",
                            node=node.name, shape=tuple(shape)),
                        msg("Deepen after a layer with a (batch, features) or image output."))
    before = _activation(node)
    wanted = activation or before
    exact = wanted == "linear" or (wanted in IDEMPOTENT and wanted == before) or \
        (wanted == "relu" and before in NON_NEGATIVE)
    if not exact:
        alt = "'relu' or 'linear'" if before in NON_NEGATIVE else "'linear'"
        raise GrowError(msg("A new layer with {wanted} after {node} ({before}) would not pass "
                            "its outputs through unchanged: {wanted}(x) differs from x for some "
                            "outputs of {before}.", wanted=wanted, node=node.name, before=before),
                        msg("Deepen with activation {alt}, which is exact.", alt=alt))
    channels = int(shape[-1])
    grown, new_store = _copy(net, store, inplace)
    if len(shape) == 4:
        kind = "Conv2D"
        params = {"filters": channels, "kernel_size": [3, 3], "padding": "same",
                  "activation": wanted}
        kernel = np.zeros((3, 3, channels, channels), "float32")
        kernel[1, 1] = np.eye(channels, dtype="float32")
    else:
        kind = "Dense"
        params = {"units": channels, "activation": wanted}
        kernel = np.eye(channels, dtype="float32")
    new_name = name or _free_name(grown, f"{node.name}_deep")
    old = grown.nodes[node.id]
    pos = (old.pos[0] + 40, old.pos[1] + 40) if old.pos else None
    new_id = grown.add_node(kind, params, name=new_name, pos=pos, group=old.group,
                            id=new_name if new_name not in grown.nodes else None)
    for e in grown.out_edges(node.id):
        grown.disconnect(e.src, e.dst, e.src_port, e.dst_port)
        grown.connect(new_id, e.dst, 0, e.dst_port)
    grown.connect(node.id, new_id)
    explicit = grown.explicit_outputs
    if explicit is not None:
        grown.set_outputs([(new_id, 0) if nid == node.id else (nid, p) for nid, p in explicit])
    new_store.layers[new_id] = LayerWeights(fingerprint(grown.nodes[new_id]),
                                            [kernel, np.zeros(channels, "float32")])
    description = f"inserted {new_name} ({kind}, identity, {wanted}) after {node.name}"
    _mark(grown, [new_name], description)
    return GrowResult(grown, new_store, [new_name], [new_name], description)


def _free_name(net, base: str) -> str:
    taken = set(net.nodes) | {n.name for n in net.nodes.values()}
    name, i = base, 2
    while name in taken:
        name, i = f"{base}{i}", i + 1
    return name


__all__ = ["GrowError", "GrowResult", "widen", "deepen"]
