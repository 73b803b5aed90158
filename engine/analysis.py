"""Shape inference and per-layer statistics, without TensorFlow.

The analyzer walks the graph in topological order (file order breaks ties,
which is also the order Keras lists layers in ``model.summary()``), runs each
layer's declared shape rule on its input shapes, and records output shapes,
trainable and non-trainable parameter counts, multiply-accumulates and
activation size. Problems become :class:`Diagnostic` values a person can act
on; nothing here raises for a bad network.

It is incremental: after an edit, only the edited nodes are recomputed, and
their consumers only if an output shape (or validity) actually changed.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

import networkx as nx

from engine.errors import ERROR, WARNING, Diagnostic, NeuroCanvasError, RuleContext
from engine.shapes import elements, fmt

RECURRENT = {"SimpleRNN", "LSTM", "GRU"}
BYTES_PER_VALUE = 4  # float32


@dataclass
class LayerInfo:
    node: str
    name: str
    type: str
    input_shapes: list = field(default_factory=list)
    output_shapes: list | None = None  # one shape per output port; None if it could not be computed
    trainable_params: int = 0
    non_trainable_params: int = 0
    macs: int = 0
    activation_values: int = 0  # per sample, all outputs
    diagnostics: list = field(default_factory=list)

    @property
    def params(self) -> int:
        return self.trainable_params + self.non_trainable_params

    @property
    def ok(self) -> bool:
        return self.output_shapes is not None and not any(d.is_error for d in self.diagnostics)

    @property
    def output_shape(self):
        """The single output shape, or the list of them for multi-output layers."""
        if self.output_shapes is None:
            return None
        return self.output_shapes[0] if len(self.output_shapes) == 1 else list(self.output_shapes)

    def to_dict(self) -> dict:
        shape = self.output_shape
        return {
            "name": self.name, "type": self.type,
            "output_shape": _json_shape(shape),
            "params": self.params, "trainable_params": self.trainable_params,
            "non_trainable_params": self.non_trainable_params, "macs": self.macs,
        }


def _json_shape(shape):
    if shape is None:
        return None
    if isinstance(shape, list):
        return [list(s) for s in shape]
    return list(shape)


@dataclass
class Report:
    name: str
    layers: list  # LayerInfo in topological order
    diagnostics: list  # every diagnostic, graph-level first

    def __post_init__(self):
        self.by_node = {info.node: info for info in self.layers}

    @property
    def valid(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)

    @property
    def errors(self) -> list:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def warnings(self) -> list:
        return [d for d in self.diagnostics if not d.is_error]

    @property
    def trainable_params(self) -> int:
        return sum(i.trainable_params for i in self.layers)

    @property
    def non_trainable_params(self) -> int:
        return sum(i.non_trainable_params for i in self.layers)

    @property
    def total_params(self) -> int:
        return self.trainable_params + self.non_trainable_params

    @property
    def macs(self) -> int:
        return sum(i.macs for i in self.layers)

    @property
    def activation_values(self) -> int:
        return sum(i.activation_values for i in self.layers)

    def memory_bytes(self, batch_size: int = 1, training: bool = True) -> int:
        """Rough memory estimate: weights (plus gradients and two Adam slots when
        training) and the activations of one batch."""
        weights = self.total_params * BYTES_PER_VALUE
        if training:
            weights += 3 * self.trainable_params * BYTES_PER_VALUE
        return weights + self.activation_values * BYTES_PER_VALUE * batch_size

    def shape(self, node_id: str, port: int = 0):
        info = self.by_node.get(node_id)
        if info is None or info.output_shapes is None or port >= len(info.output_shapes):
            return None
        return info.output_shapes[port]

    def for_node(self, node_id: str) -> list:
        return [d for d in self.diagnostics if d.node == node_id]

    def to_dict(self) -> dict:
        return {
            "name": self.name, "valid": self.valid,
            "layers": [i.to_dict() for i in self.layers],
            "total_params": self.total_params, "trainable_params": self.trainable_params,
            "non_trainable_params": self.non_trainable_params, "macs": self.macs,
            "diagnostics": [d.to_dict() for d in self.diagnostics],
        }


class Analyzer:
    """Keeps per-node results between runs so that an edit recomputes little."""

    def __init__(self, net):
        self.net = net
        self.info: dict[str, LayerInfo] = {}
        self.order: list[str] = []
        self.position: dict[str, int] = {}
        self.cyclic: set[str] = set()
        self.graph_diagnostics: list[Diagnostic] = []

    # ------------------------------------------------------------------

    def run(self, dirty: set, structure_changed: bool) -> Report:
        net = self.net
        if structure_changed or not self.order:
            self._order()
            for gone in set(self.info) - set(net.nodes):
                del self.info[gone]
            dirty = set(dirty) | {nid for nid in net.nodes if nid not in self.info}
        # worklist in topological order; a node's consumers are queued only when
        # its outputs changed
        heap = [(self.position[nid], nid) for nid in dirty if nid in self.position]
        heapq.heapify(heap)
        queued = {nid for _, nid in heap}
        graph = net.graph
        while heap:
            _, nid = heapq.heappop(heap)
            before = self.info.get(nid)
            after = self._compute(nid)
            self.info[nid] = after
            if (before is None or before.output_shapes != after.output_shapes
                    or before.ok != after.ok):
                for succ in graph.successors(nid):
                    if succ not in queued and succ in self.position:
                        queued.add(succ)
                        heapq.heappush(heap, (self.position[succ], succ))
        for nid in self.cyclic:
            self.info[nid] = LayerInfo(nid, net.nodes[nid].name, net.nodes[nid].type)
        if structure_changed or dirty:
            self.graph_diagnostics = self._graph_checks()
        layers = [self.info[nid] for nid in self.order]
        diagnostics = list(self.graph_diagnostics)
        for info in layers:
            diagnostics.extend(info.diagnostics)
        return Report(net.name, layers, diagnostics)

    def _order(self):
        net = self.net
        graph = net.graph
        try:
            order = list(nx.lexicographical_topological_sort(graph, key=net.index_of))
            self.cyclic = set()
        except nx.NetworkXUnfeasible:
            cyclic = set()
            for component in nx.strongly_connected_components(graph):
                if len(component) > 1:
                    cyclic |= component
            acyclic = graph.subgraph(n for n in graph if n not in cyclic and
                                     not any(a in cyclic for a in nx.ancestors(graph, n)))
            order = list(nx.lexicographical_topological_sort(acyclic, key=net.index_of))
            self.cyclic = set(graph) - set(order)
        self.order = order + sorted(self.cyclic, key=net.index_of)
        self.position = {nid: i for i, nid in enumerate(order)}

    # ------------------------------------------------------------------

    def _compute(self, nid: str) -> LayerInfo:
        net = self.net
        node = net.nodes[nid]
        info = LayerInfo(nid, node.name, node.type)
        diags = info.diagnostics
        label = f"{node.name} ({node.type})"

        def error(message, hint="", code=""):
            diags.append(Diagnostic(nid, ERROR, message, hint, code))
            return info

        try:
            spec = node.spec
            p = node.resolved()
        except NeuroCanvasError as exc:
            return error(f"{label}: {exc.message}", exc.hint, "param")

        # gather input shapes port by port
        in_edges = net.in_edges(nid)
        if spec.variadic:
            ports = [e.dst_port for e in in_edges]
            if len(in_edges) < spec.min_inputs:
                have = len(in_edges)
                return error(f"{label} needs at least {spec.min_inputs} inputs; "
                             f"{'only one is' if have == 1 else f'{have} are'} connected.",
                             "Connect the tensors to merge to its input ports.", "arity")
            if ports != list(range(len(ports))):
                return error(f"{label}: its input ports are not numbered 0..{len(ports) - 1} "
                             f"(got {ports}).", "Reconnect the inputs.", "arity")
        else:
            required = len(spec.inputs) - spec.optional_inputs
            connected = {e.dst_port for e in in_edges}
            missing = [spec.inputs[i] for i in range(required) if i not in connected]
            if missing:
                if node.type != "Input" and not in_edges:
                    return error(f"{label} has no input connected, so it is not reachable from an Input.",
                                 "Connect a layer (or an Input) to it, or delete it.", "unconnected")
                return error(f"{label}: input {', '.join(repr(m) for m in missing)} is not connected.",
                             "Connect a tensor to that port.", "arity")
        shapes = []
        for e in in_edges:
            src_info = self.info.get(e.src)
            if src_info is None or src_info.output_shapes is None:
                return info  # an upstream problem is already reported there
            if e.src_port >= len(src_info.output_shapes):
                src = net.nodes[e.src]
                n = len(src_info.output_shapes)
                return error(f"{label} reads output {e.src_port} of {src.name}, which has only "
                             f"{n} output{'s' if n > 1 else ''}.",
                             f"Reconnect it to an existing output of {src.name}.", "port")
            shapes.append(src_info.output_shapes[e.src_port])
        info.input_shapes = shapes

        ctx = RuleContext()
        try:
            out = spec.shape(p, shapes, ctx)
            outs = list(out) if isinstance(out, list) else [out]
            trainable, non_trainable = spec.weights(p, shapes)
            info.macs = int(spec.macs(p, shapes, outs))
        except NeuroCanvasError as exc:
            message, hint = self._refine(node, exc, in_edges)
            return error(f"{node.name}: {message}", hint, exc.code)
        except Exception as exc:  # a rule must never take the application down
            return error(f"{label}: its shape could not be computed ({type(exc).__name__}: {exc}).",
                         "Check the layer's parameters.", "internal")
        info.output_shapes = [tuple(s) for s in outs]
        if node.trainable:
            info.trainable_params, info.non_trainable_params = int(trainable), int(non_trainable)
        else:
            info.non_trainable_params = int(trainable) + int(non_trainable)
        info.activation_values = sum(elements(s) for s in info.output_shapes)
        for w in ctx.warnings:
            diags.append(Diagnostic(nid, WARNING, f"{node.name}: {w.message}", w.hint, w.code))
        return info

    def _refine(self, node, exc, in_edges):
        """Use the graph around a node to make a rule's hint concrete."""
        message, hint = exc.message, exc.hint
        if exc.code == "rank" and in_edges:
            src = self.net.nodes[in_edges[0].src]
            inner = src.params.get("layer", {}).get("type") if src.type == "Bidirectional" else src.type
            if inner in RECURRENT and not _returns_sequences(src):
                hint = (f"{src.name} has return_sequences=False and outputs only its last step; "
                        f"set return_sequences=True on {src.name}.")
        if exc.code == "unknown_dim" and in_edges:
            src = self.net.nodes[in_edges[0].src]
            if src.type == "Flatten":
                message += f" {src.name} (Flatten) flattened a variable-length axis."
        return message, hint

    def _graph_checks(self) -> list:
        net = self.net
        out = []
        if self.cyclic:
            names = ", ".join(net.nodes[n].name for n in sorted(self.cyclic, key=net.index_of))
            out.append(Diagnostic(None, ERROR, f"The graph has a cycle through {names}.",
                                  "A model is a directed acyclic graph; remove one of the connections.",
                                  "cycle"))
        if not net.nodes:
            out.append(Diagnostic(None, ERROR, "The network is empty.",
                                  "Add an Input layer from the palette, or start from a preset."))
            return out
        if not net.inputs:
            out.append(Diagnostic(None, ERROR, "The network has no Input layer.",
                                  "Add an Input and connect it to the first layer.", "no_input"))
        outputs = net.outputs
        if not outputs:
            out.append(Diagnostic(None, ERROR, "The network has no output.",
                                  "Choose the layer(s) whose result the model returns.", "no_output"))
        for nid, port in outputs:
            node = net.nodes[nid]
            if node.type == "Input":
                out.append(Diagnostic(nid, WARNING, f"Input {node.name} is not connected to any layer.",
                                      "Connect it, or delete it.", "dangling_input"))
            info = self.info.get(nid)
            if info is not None and info.output_shapes is not None and port >= len(info.output_shapes):
                out.append(Diagnostic(nid, ERROR, f"The model output {node.name}:{port} does not exist.",
                                      "Choose an existing output port.", "port"))
        seen = {}
        for node in net.nodes.values():
            if node.name in seen:
                out.append(Diagnostic(node.id, ERROR, f"The layer name {node.name!r} is used twice.",
                                      "Rename one of them; names must be unique in a model.", "name"))
            seen[node.name] = node.id
        return out


def _returns_sequences(node) -> bool:
    if node.type == "Bidirectional":
        return bool(node.params.get("layer", {}).get("params", {}).get("return_sequences", False))
    return bool(node.params.get("return_sequences", False))


def summary_table(report: Report) -> str:
    """The table a Keras user expects, as plain text."""
    rows = [("Layer (type)", "Output Shape", "Param #", "MACs")]
    for info in report.layers:
        shape = info.output_shape
        shape_text = fmt(shape) if shape is not None else "—"
        rows.append((f"{info.name} ({info.type})", shape_text, f"{info.params:,}", _si(info.macs)))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    line = "─" * (sum(widths) + 6)

    def render(r):
        return f"{r[0]:<{widths[0]}}  {r[1]:<{widths[1]}}  {r[2]:>{widths[2]}}  {r[3]:>{widths[3]}}"

    out = [f'Model: "{report.name}"', line, render(rows[0]), line]
    out += [render(r) for r in rows[1:]]
    out += [line,
            f" Total params: {report.total_params:,} ({_bytes(report.total_params * BYTES_PER_VALUE)})",
            f" Trainable params: {report.trainable_params:,}",
            f" Non-trainable params: {report.non_trainable_params:,}",
            f" MACs per sample: {_si(report.macs)}",
            line]
    if report.diagnostics:
        out.append(f" {'valid' if report.valid else 'INVALID'}: "
                   f"{len(report.errors)} error(s), {len(report.warnings)} warning(s)")
    return "\n".join(out)


def _si(n: int) -> str:
    for unit, size in (("G", 1e9), ("M", 1e6), ("K", 1e3)):
        if n >= size:
            return f"{n / size:.2f}{unit}"
    return str(n)


def _bytes(n: int) -> str:
    for unit, size in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= size:
            return f"{n / size:.2f} {unit}"
    return f"{n} B"
