"""Build a Keras functional model from a network (imports Keras lazily).

The model is refused with the analysis's own diagnostics when the network is
not valid, so Keras never sees a graph we know it cannot take.
"""

from __future__ import annotations

from engine.errors import NeuroCanvasError


class BuildError(NeuroCanvasError):
    """The network cannot be turned into a Keras model; ``diagnostics`` says why."""

    def __init__(self, message, hint="", diagnostics=()):
        super().__init__(message, hint, code="build")
        self.diagnostics = list(diagnostics)


def build_model(net, report=None):
    """The ``keras.Model`` for ``net``; layer names are the node names."""
    report = report or net.analyze()
    if not report.valid:
        first = report.errors[0]
        more = len(report.errors) - 1
        raise BuildError(
            f"The network is not valid: {first.message}" + (f" (and {more} more)" if more else ""),
            first.hint, report.errors)

    import keras

    tensors: dict[tuple[str, int], object] = {}
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
        layer = spec.build_layer(keras, node.params, p, node.name)
        if not node.trainable:
            layer.trainable = False
        args = [tensors[(e.src, e.src_port)] for e in net.in_edges(node.id)]
        result = spec.call_layer(layer, args, p)
        results = list(result) if isinstance(result, (list, tuple)) else [result]
        for port, tensor in enumerate(results):
            tensors[(node.id, port)] = tensor
    model_inputs = [t for _, t in sorted(inputs, key=lambda it: it[0])]
    model_outputs = [tensors[(nid, port)] for nid, port in net.outputs]
    return keras.Model(
        inputs=model_inputs[0] if len(model_inputs) == 1 else model_inputs,
        outputs=model_outputs[0] if len(model_outputs) == 1 else model_outputs,
        name=_model_name(net.name),
    )


def _model_name(name: str) -> str:
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
