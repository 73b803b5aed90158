"""A small functional-style builder so presets read like Keras code.

    b = Builder("lenet5")
    x = b.Input(shape=(32, 32, 3))
    x = b.Conv2D(6, 5, activation="sigmoid")(x)
    with b.group("head"):
        y = b.Dense(10, activation="softmax")(b.Flatten()(x))
    net = b.build()

Each call adds a node to an :class:`engine.Network` (positional arguments are
mapped to the Keras constructor's names), calling the result on tensors
connects them, and ``group`` gives the nodes created inside a group path so
the editor can collapse the block.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass

from engine.catalog import get_spec, has_spec
from engine.catalog.base import POSITIONAL
from engine.errors import EditError
from engine.network import Network


@dataclass(frozen=True)
class Tensor:
    """An output port of a node, as a preset sees it."""

    node: str
    port: int = 0


class _LayerCall:
    def __init__(self, builder: "Builder", node_id: str):
        self.builder, self.node_id = builder, node_id

    def __call__(self, *inputs):
        if len(inputs) == 1 and isinstance(inputs[0], (list, tuple)):
            inputs = inputs[0]
        net = self.builder.net
        for port, tensor in enumerate(inputs):
            if tensor is not None:
                net.connect(tensor.node, self.node_id, tensor.port, port)
        node = net.nodes[self.node_id]
        n_out = node.spec.port_count(node.resolved())
        if n_out == 1:
            return Tensor(self.node_id, 0)
        return [Tensor(self.node_id, i) for i in range(n_out)]


class Builder:
    def __init__(self, name: str):
        self.net = Network(name)
        self._groups: list[str] = []

    @contextmanager
    def group(self, path: str):
        self._groups.append(path)
        try:
            yield
        finally:
            self._groups.pop()

    @property
    def current_group(self) -> str | None:
        return "/".join(self._groups) or None

    def layer(self, type_name: str, *args, name: str | None = None, **params) -> _LayerCall:
        if not has_spec(type_name):
            raise EditError(f"Unknown layer type {type_name!r}.")
        spec = get_spec(type_name)
        positional = POSITIONAL.get(spec.type, ())
        if len(args) > len(positional):
            raise EditError(f"{spec.type} takes at most {len(positional)} positional argument(s).")
        for pname, value in zip(positional, args):
            params[pname] = value
        params = {k: _jsonable(v) for k, v in params.items()}
        node_id = self.net.add_node(spec.type, params, id=name, group=self.current_group)
        return _LayerCall(self, node_id)

    def Input(self, shape, name: str | None = None, **params) -> Tensor:
        node_id = self.net.add_node("Input", {"shape": _jsonable(shape), **params},
                                    id=name, group=self.current_group)
        return Tensor(node_id, 0)

    def __getattr__(self, type_name: str):
        if type_name[:1].isupper():
            return lambda *args, **kw: self.layer(type_name, *args, **kw)
        raise AttributeError(type_name)

    def shape(self, tensor: Tensor) -> tuple | None:
        """The shape of ``tensor`` as the analysis sees it (batch axis first).

        Blocks that depend on a size, like the asymmetric padding before a
        stride-2 depthwise conv in MobileNetV2, read it here; the analysis is
        incremental, so asking after each block is cheap.
        """
        return self.net.analyze().shape(tensor.node, tensor.port)

    def build(self, outputs=None) -> Network:
        if outputs is not None:
            outs = outputs if isinstance(outputs, (list, tuple)) else [outputs]
            self.net.set_outputs([(t.node, t.port) for t in outs])
        return self.net


def _jsonable(value):
    if isinstance(value, tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value
