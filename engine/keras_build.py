"""Build a Keras functional model from a network (imports Keras lazily).

The model is refused with the analysis's own diagnostics when the network is
not valid, so Keras never sees a graph we know it cannot take.
"""

from __future__ import annotations

from engine.atomic import atomic_path
from engine.errors import BuildError
from engine.weights import apply as apply_weights
from engine.i18n import msg

__all__ = ["BuildError", "build_model", "keras_layer_table", "model_name", "save_keras_file"]


def build_model(net, report=None, weights=True):
    """The ``keras.Model`` for ``net``; layer names are the node names.

    With ``weights``, layers whose node is unchanged since their weights were
    stored (see :mod:`engine.weights`) get those weights back.
    """
    report = report or net.analyze()
    if not report.valid:
        first = report.errors[0]
        more = len(report.errors) - 1
        text = (msg("The network is not valid: {message} (and {more} more)", message=first.message, more=more)
                if more else msg("The network is not valid: {message}", message=first.message))
        raise BuildError(
            text,
            first.hint, report.errors)

    import keras

    tensors: dict[tuple[str, int], object] = {}
    built: dict[str, object] = {}  # node id -> layer, for SharedCall nodes
    inputs = []
    for info in report.layers:
        node = net.nodes[info.node]
        p = node.resolved()
        if node.type == "Input":
            kwargs = {"shape": tuple(p["shape"]), "name": node.name}
            if p["batch_size"] is not None:
                kwargs["batch_size"] = p["batch_size"]
            if p["dtype"] is not None:
                kwargs["dtype"] = p["dtype"]
            if p["sparse"]:
                kwargs["sparse"] = True
            tensor = keras.Input(**kwargs)
            tensors[(node.id, 0)] = tensor
            inputs.append((net.index_of(node.id), tensor))
            continue
        spec = node.spec
        if node.type == "SharedCall":  # the layer object of another node, called again
            layer = _shared_layer(net, node, built)
        else:
            layer = spec.build_layer(keras, node.params, p, node.name)
            built[node.id] = layer
        if not node.trainable:
            layer.trainable = False
        args = [tensors[(e.src, e.src_port)] for e in net.in_edges(node.id)]
        result = spec.call_layer(layer, args, p)
        results = list(result) if isinstance(result, (list, tuple)) else [result]
        for port, tensor in enumerate(results):
            tensors[(node.id, port)] = tensor
    model_inputs = [t for _, t in sorted(inputs, key=lambda it: it[0])]
    model_outputs = [tensors[(nid, port)] for nid, port in net.outputs]
    model = keras.Model(
        inputs=model_inputs[0] if len(model_inputs) == 1 else model_inputs,
        outputs=model_outputs[0] if len(model_outputs) == 1 else model_outputs,
        name=model_name(net.name),
    )
    if weights:
        apply_weights(net, model)  # stored (imported or trained) weights of unchanged layers
    return model


def _shared_layer(net, node, built):
    """The layer a SharedCall node calls again; refused if its copy is out of date."""
    owner_id = node.params["shares"]
    owner = net.nodes.get(owner_id)
    if owner is None or owner_id not in built:
        raise BuildError(msg("{node} calls the layer of {owner_id} again, but there is no such "
                             "layer before it.", node=node.name, owner_id=repr(owner_id)),
                             msg("Delete this call, or connect it after that layer."))
    inner = node.params["layer"]
    if inner.get("type") != owner.type or (inner.get("params") or {}) != owner.params:
        raise BuildError(msg("{node} calls the layer of {owner} again, but its copy of "
                             "{owner}'s settings is out of date.", node=node.name, owner=owner.name),
                         msg("Copy {owner}'s type and params into {node}'s 'layer' param.",
                             owner=owner.name, node=node.name))
    return built[owner_id]


def save_keras_file(net, path) -> None:
    """Build ``net`` and save it as a ``.keras`` file atomically (see :mod:`engine.atomic`):
    on a full disk the old file stays, no temporary file is left, and the error names
    ``path``."""
    if not str(path).endswith(".keras"):
        raise BuildError(msg("{path}: a Keras model file must end in .keras.", path=path))
    model = build_model(net)
    with atomic_path(path, suffix=".keras") as tmp:
        model.save(tmp)


def model_name(name: str) -> str:
    """The Keras model name for a document name (Keras allows letters, digits and ``_-.``).

    >>> model_name("my net/v2")
    'my_net_v2'
    """
    cleaned = "".join(ch if ch.isalnum() or ch in "_-." else "_" for ch in name) or "model"
    return cleaned


def keras_layer_table(model) -> list[dict]:
    """Per-layer output shapes and parameter counts as Keras reports them."""
    import math

    rows = []
    for layer in model.layers:
        out = layer.output
        if isinstance(out, (list, tuple)):
            shape = [tuple(t.shape) for t in out]
        else:
            shape = tuple(out.shape)
        count = lambda ws: sum(math.prod(w.shape) for w in ws)  # noqa: E731
        rows.append({"name": layer.name, "type": type(layer).__name__, "output_shape": shape,
                     "trainable_params": count(layer.trainable_weights),
                     "non_trainable_params": count(layer.non_trainable_weights)})
    return rows
