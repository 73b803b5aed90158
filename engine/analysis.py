"""Shape inference and per-layer statistics, without TensorFlow.

The analyzer walks the graph in topological order (file order breaks ties,
which is also the order Keras lists layers in ``model.summary()``), runs each
layer's declared shape rule on its input shapes, and records output shapes,
trainable and non-trainable parameter counts, multiply-accumulates and
activation size. Problems become :class:`Diagnostic` values a person can act
on; nothing here raises for a bad network.

It is incremental: after an edit, only the edited nodes are recomputed, and
their consumers only if an output shape (or validity) actually changed.
:func:`node_with_inputs` answers what one node would give with other inputs,
without an edit (the connection rule of :mod:`engine.connection_rule`).

The graph is ordered and checked here, on the network's own adjacency dicts;
networkx is imported only when a document holds a cycle, to name the layers
on it (strongly connected components).
"""

from __future__ import annotations

import functools
import heapq
from dataclasses import dataclass, field

from engine.bulk import collection_paused
from engine.errors import ERROR, WARNING, Diagnostic, NeuroCanvasError, RuleContext
from engine.memory_limits import memory_diagnostics
from engine.shapes import elements, fmt
from engine.i18n import msg

RECURRENT = {"SimpleRNN", "LSTM", "GRU"}
BYTES_PER_VALUE = 4  # float32


@dataclass(slots=True)
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

    @functools.cached_property
    def by_node(self) -> dict:
        return {info.node: info for info in self.layers}

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
        self.cyclic: set[str] = set()  # nodes on a cycle
        self.blocked: list[str] = []  # nodes on or downstream of a cycle (no shapes)
        self.graph_diagnostics: list[Diagnostic] = []
        # shape rules are pure functions of (params, input shapes): repeated
        # blocks (ResNet stages, VGG stacks) are computed once
        self._memo: dict = {}

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
        ctx = RuleContext()
        position = self.position
        full = len(dirty) >= len(position)
        if full:  # everything: walk the order directly
            with collection_paused():
                for nid in self.order[:len(position)]:
                    self.info[nid] = self._compute(nid, ctx)
            dirty = set()
        heap = [(position[nid], nid) for nid in dirty if nid in position]
        heapq.heapify(heap)
        queued = {nid for _, nid in heap}
        while heap:
            _, nid = heapq.heappop(heap)
            before = self.info.get(nid)
            after = self._compute(nid, ctx)
            self.info[nid] = after
            if (before is None or before.output_shapes != after.output_shapes
                    or before.ok != after.ok):
                for succ in net._succ[nid]:
                    if succ not in queued and succ in self.position:
                        queued.add(succ)
                        heapq.heappush(heap, (self.position[succ], succ))
        for nid in self.blocked:
            self.info[nid] = LayerInfo(nid, net.nodes[nid].name, net.nodes[nid].type)
        if structure_changed or full:
            self.graph_diagnostics = self._graph_checks()
        layers = [self.info[nid] for nid in self.order]
        diagnostics = list(self.graph_diagnostics)
        if net._outputs is None:  # params can make a dangling layer valid: checked every run
            diagnostics.extend(self._unintended_outputs())
        for info in layers:
            diagnostics.extend(info.diagnostics)
        report = Report(net.name, layers, diagnostics)
        diagnostics.extend(memory_diagnostics(report.total_params, report.trainable_params,
                                              report.activation_values))
        return report

    def _order(self):
        """Kahn's algorithm with a heap keyed on file order.

        Same result as networkx's lexicographical_topological_sort, but it
        reads the network's cached adjacency and, instead of failing on a
        cycle, leaves the nodes on or behind a cycle out (they are reported).
        """
        net = self.net
        index = net._order_index
        indegree = {nid: len(net._in_edges(nid)) for nid in net.nodes}
        heap = [(index[nid], nid) for nid, d in indegree.items() if d == 0]
        heapq.heapify(heap)
        order = []
        while heap:
            _, nid = heapq.heappop(heap)
            order.append(nid)
            for e in net._out_edges(nid):
                indegree[e.dst] -= 1
                if indegree[e.dst] == 0:
                    heapq.heappush(heap, (index[e.dst], e.dst))
        self.position = {nid: i for i, nid in enumerate(order)}
        blocked = [nid for nid in net.nodes if nid not in self.position]
        self.cyclic = set()
        if blocked:  # rare (a file can hold a cycle): networkx is imported only then
            import networkx as nx

            inside = set(blocked)
            graph = nx.DiGraph()
            graph.add_nodes_from(blocked)
            graph.add_edges_from((nid, succ) for nid in blocked for succ in net._succ[nid]
                                 if succ in inside)
            for component in nx.strongly_connected_components(graph):
                if len(component) > 1 or graph.has_edge(next(iter(component)), next(iter(component))):
                    self.cyclic |= component
        self.blocked = blocked
        self.order = order + blocked

    # ------------------------------------------------------------------

    def _compute(self, nid: str, ctx: RuleContext, in_edges: list | None = None) -> LayerInfo:
        """The node's result from its inputs' results (``in_edges``: instead of its own
        connections, sorted by port, to ask what other wiring would give)."""
        node = self.net.nodes[nid]
        info = LayerInfo(nid, node.name, node.type)
        try:
            spec = node.spec
            p = node.resolved()
        except NeuroCanvasError as exc:
            return self._fail(info, msg("{node} ({type}): {message}",
                                        node=node.name, type=node.type, message=exc.message), exc.hint,
                                        "param")
        own = in_edges is None
        if own:
            in_edges = self.net._in_edges(nid)
        n = len(in_edges)
        # fast path: every port connected once, in order
        wired = own and (n >= spec.min_inputs if spec.variadic else n == len(spec.inputs)) \
            and self.net._ports_in_order(nid)
        if not wired:
            problem = self._wiring_problem(node, spec, in_edges)
            if problem:
                return self._fail(info, *problem)
        shapes = []
        infos = self.info
        for e in in_edges:
            src_info = infos.get(e.src)
            if src_info is None or src_info.output_shapes is None:
                return info  # an upstream problem is already reported there
            if e.src_port >= len(src_info.output_shapes):
                src = self.net.nodes[e.src]
                k = len(src_info.output_shapes)
                text = (msg("{node} ({type}) reads output {src_port} of {src}, which has only {k} outputs.",
                            node=node.name, type=node.type, src_port=e.src_port, src=src.name,
                            k=k) if k > 1 else
                        msg("{node} ({type}) reads output {src_port} of {src}, which has only {k} output.",
                            node=node.name, type=node.type, src_port=e.src_port, src=src.name, k=k))
                return self._fail(info, text,
                                  msg("Reconnect it to an existing output of {src}.", src=src.name), "port")
            shapes.append(src_info.output_shapes[e.src_port])
        info.input_shapes = shapes
        key = (node.signature(), *shapes)
        hit = self._memo.get(key)
        if hit is not None:
            outs, trainable, non_trainable, info.macs, warnings = hit
            return self._finish(info, node, outs, trainable, non_trainable, warnings)
        if ctx.warnings:
            ctx.warnings = []
        try:
            out = spec.shape(p, shapes, ctx)
            outs = [tuple(s) for s in out] if isinstance(out, list) else [tuple(out)]
            trainable, non_trainable = spec.weights(p, shapes)
            info.macs = int(spec.macs(p, shapes, outs))
        except NeuroCanvasError as exc:
            message, hint = self._refine(node, exc, in_edges)
            return self._fail(info, msg("{node}: {message}", node=node.name, message=message), hint, exc.code)
        except Exception as exc:  # a rule must never take the application down
            return self._fail(info, msg("{node} ({type}): its shape could not be computed "
                                  "({kind}: {exc}).",
                                        node=node.name, type=node.type, kind=type(exc).__name__,
                                        exc=str(exc)), msg("Check the layer's parameters."), "internal")
        warnings = tuple(ctx.warnings)
        if len(self._memo) > 100_000:
            self._memo.clear()
        self._memo[key] = (outs, trainable, non_trainable, info.macs, warnings)
        return self._finish(info, node, outs, trainable, non_trainable, warnings)

    @staticmethod
    def _finish(info, node, outs, trainable, non_trainable, warnings):
        info.output_shapes = list(outs)
        if node.trainable:
            info.trainable_params, info.non_trainable_params = int(trainable), int(non_trainable)
        else:
            info.non_trainable_params = int(trainable) + int(non_trainable)
        values = 0
        for s in info.output_shapes:
            values += elements(s)
        info.activation_values = values
        for w in warnings:
            info.diagnostics.append(Diagnostic(info.node, WARNING, msg("{node}: {message}",
                                                                       node=node.name, message=w.message),
                                                                       w.hint, w.code))
        return info

    @staticmethod
    def _fail(info, message, hint="", code=""):
        info.diagnostics.append(Diagnostic(info.node, ERROR, message, hint, code))
        return info

    @staticmethod
    def _wiring_problem(node, spec, in_edges):
        """(message, hint, code) when the ports are not wired as the layer needs."""
        name, kind = node.name, node.type
        if spec.variadic:
            ports = [e.dst_port for e in in_edges]
            if len(in_edges) < spec.min_inputs:
                have = len(in_edges)
                text = (msg("{node} ({type}) needs at least {min_inputs} inputs; only one is connected.",
                            node=name, type=kind, min_inputs=spec.min_inputs) if have == 1 else
                        msg("{node} ({type}) needs at least {min_inputs} inputs; {have} are connected.",
                            node=name, type=kind, min_inputs=spec.min_inputs, have=have))
                return text, msg("Connect the tensors to merge to its input ports."), "arity"
            if ports != list(range(len(ports))):
                return (msg("{node} ({type}): its input ports are not numbered 0..{last} (got {ports}).",
                            node=name, type=kind, last=len(ports) - 1, ports=ports),
                        msg("Reconnect the inputs."), "arity")
            return None
        required = len(spec.inputs) - spec.optional_inputs
        connected = {e.dst_port for e in in_edges}
        missing = [spec.inputs[i] for i in range(required) if i not in connected]
        if missing:
            if node.type != "Input" and not in_edges:
                return (msg("{node} ({type}) has no input connected, so it is not reachable from an Input.",
                            node=name, type=kind),
                        msg("Connect a layer (or an Input) to it, or delete it."), "unconnected")
            return (msg("{node} ({type}): input {ports} is not connected.",
                        node=name, type=kind, ports=", ".join(repr(m) for m in missing)),
                    msg("Connect a tensor to that port."), "arity")
        optional = [e.dst_port for e in in_edges if e.dst_port >= required]
        if sorted(optional) != list(range(required, required + len(optional))):
            return (msg("{node} ({type}): optional inputs must be connected in order ({ports}).",
                        node=name, type=kind, ports=", ".join(spec.inputs[required:])),
                    msg("Reconnect the inputs."), "arity")
        return None

    def _refine(self, node, exc, in_edges):
        """Use the graph around a node to make a rule's hint concrete."""
        message, hint = exc.message, exc.hint
        if exc.code == "rank" and in_edges:
            src = self.net.nodes[in_edges[0].src]
            inner = src.params.get("layer", {}).get("type") if src.type == "Bidirectional" else src.type
            if inner in RECURRENT and not _returns_sequences(src):
                hint = (msg("{src} has return_sequences=False and outputs only its last step; "
                            "set return_sequences=True on {src}.", src=src.name))
        if exc.code == "unknown_dim" and in_edges:
            src = self.net.nodes[in_edges[0].src]
            if src.type == "Flatten":
                message = msg("{message} {src} (Flatten) flattened a variable-length axis.",
                              message=message, src=src.name)
        return message, hint

    def _graph_checks(self) -> list:
        net = self.net
        out = []
        if self.cyclic:
            names = ", ".join(net.nodes[n].name for n in sorted(self.cyclic, key=net.index_of))
            out.append(Diagnostic(None, ERROR, msg("The graph has a cycle through {names}.", names=names),
                                  msg("A model is a directed acyclic graph; remove one of the connections."),
                                  "cycle"))
        if not net.nodes:
            out.append(Diagnostic(None, ERROR, msg("The network is empty."),
                                  msg("Add an Input layer from the palette, or start from a preset."),
                                  "empty"))
            return out
        if not net.inputs:
            out.append(Diagnostic(None, ERROR, msg("The network has no Input layer."),
                                  msg("Add an Input and connect it to the first layer."), "no_input"))
        outputs = net.outputs
        if not outputs:
            out.append(Diagnostic(None, ERROR, msg("The network has no output."),
                                  msg("Choose the layer(s) whose result the model returns."), "no_output"))
        for nid, port in outputs:
            node = net.nodes[nid]
            if node.type == "Input":
                out.append(Diagnostic(nid, WARNING, msg("Input {node} is not connected to any layer.",
                                                        node=node.name),
                                      msg("Connect it, or delete it."), "dangling_input"))
            info = self.info.get(nid)
            if info is not None and info.output_shapes is not None and port >= len(info.output_shapes):
                out.append(Diagnostic(nid, ERROR, msg("The model output {node}:{port} does not exist.",
                                                      node=node.name, port=port),
                                      msg("Choose an existing output port."), "port"))
        seen = {}
        for node in net.nodes.values():
            if node.name in seen:
                out.append(Diagnostic(node.id, ERROR, msg("The layer name {node} is used twice.",
                                                          node=repr(node.name)),
                                      msg("Rename one of them; names must be unique in a model."), "name"))
            seen[node.name] = node.id
        return out


    def _unintended_outputs(self) -> list:
        """A warning when the outputs were not chosen and several layers dangle: the
        model would silently return each of them (a Dropout dropped beside a layer
        instead of after it, a branch left unfinished)."""
        net, info = self.net, self.info
        # layers that are unfinished (unconnected, missing inputs) have their own error
        dangling = [nid for nid in net.nodes if not net._succ[nid] and net.nodes[nid].type != "Input"
                    and nid in info and info[nid].ok]
        if len(dangling) < 2:
            return []
        names = ", ".join(net.nodes[n].name for n in dangling)
        # the likely mistake: a layer beside another consumer of its input (a side branch)
        suspect = next((n for n in reversed(dangling) for e in net._in_edges(n)[:1]
                        if len(net._out_edges(e.src)) > 1), dangling[-1])
        return [Diagnostic(suspect, WARNING,
                           msg("The model has {count} outputs because nothing consumes "
                               "{names}; {name} may be left dangling by mistake.",
                               count=len(dangling), names=names, name=net.nodes[suspect].name),
                           msg("Connect {name} to the layer that should read it, "
                               "or mark {names} as the model's outputs.",
                               name=net.nodes[suspect].name, names=names), "outputs")]


def node_with_inputs(net, report: Report, nid: str, in_edges: list) -> LayerInfo:
    """What the analysis would find for node ``nid`` if ``in_edges`` (sorted by input
    port) were its connections, every other node as in ``report`` (an up-to-date report
    of ``net``). Touches nothing and reads only the node and its inputs, so asking costs
    the same on 10 layers or 10,000."""
    analyzer = Analyzer(net)
    analyzer.info = report.by_node
    return analyzer._compute(nid, RuleContext(), sorted(in_edges, key=lambda e: e.dst_port))


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
    if n >= 10**18:  # a power of ten: n / size could overflow a float
        return f"~1e{len(str(int(n))) - 1}"
    for unit, size in (("G", 10**9), ("M", 10**6), ("K", 10**3)):
        if n >= size:
            return f"{n / size:.2f}{unit}"
    return str(n)


def _bytes(n: int) -> str:
    if n >= 10**18:
        return f"~1e{len(str(int(n))) - 1} B"
    for unit, size in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= size:
            return f"{n / size:.2f} {unit}"
    return f"{n} B"
