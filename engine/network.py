"""The document: a network of layer nodes wired port to port.

``Network`` owns nodes (layer type, Keras constructor params, unique name,
canvas position, group path), edges between ports and the model outputs; two
small adjacency dicts hold the wiring (``graph`` gives a networkx
``MultiDiGraph`` copy of it for graph algorithms, importing networkx only
then, so that opening the editor does not wait for it). Every edit validates its
arguments first and either applies completely or raises :class:`EditError`
(or :class:`ParamError`) leaving the document untouched; each applied edit
emits one typed :class:`~engine.events.Change` to the subscribers and marks what the next
``analyze()`` must recompute.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from engine.catalog import get_spec, has_spec, valid_name
from engine.errors import EditError, ParamError
from engine.events import (Change, EdgeAdded, EdgeRemoved, Grouped, MetaChanged, Moved,
                           NodeAdded, NodeRemoved, OutputsChanged, ParamsChanged, Renamed,
                           TrainableChanged)
from engine.plain_data import snake_case
from engine.i18n import msg


@dataclass
class Node:
    id: str
    type: str
    params: dict
    name: str
    pos: tuple | None = None
    group: str | None = None
    trainable: bool = True
    extra: dict = field(default_factory=dict)  # keys this version does not know, kept on save
    _resolved: dict | None = field(default=None, repr=False, compare=False)
    _spec: object = field(default=None, repr=False, compare=False)
    _signature: tuple | None = field(default=None, repr=False, compare=False)
    _resolve_error: ParamError | None = field(default=None, repr=False, compare=False)

    @property
    def spec(self):
        if self._spec is None:
            self._spec = get_spec(self.type)
        return self._spec

    def resolved(self) -> dict:
        """Params with the Keras defaults filled in (cached until the next edit)."""
        if self._resolved is None:
            self._resolved = self.spec.resolve(self.params)
        return self._resolved

    def signature(self):
        """A hashable identity of (type, params), cached with the resolved params."""
        if self._signature is None:
            self._signature = (self.type, _freeze(self.resolved()))
        return self._signature

    def invalidate(self):
        self._resolved = None
        self._signature = None


# Every write of a node's name counts here, so that a network can tell whether
# its index of names still holds (a name may be set on a node directly).
_NAME_WRITES = 0


def _get_name(node) -> str:
    return node._name


def _set_name(node, value) -> None:
    global _NAME_WRITES
    node.__dict__["_name"] = value
    _NAME_WRITES += 1


Node.name = property(_get_name, _set_name, doc="The layer name (unique in a valid model).")


@dataclass(frozen=True)
class Edge:
    src: str
    dst: str
    src_port: int = 0
    dst_port: int = 0


@dataclass
class RemovedNode:
    """Everything needed to put a removed node back exactly (for undo)."""

    node: Node
    index: int
    edges: list
    output_slots: list  # (position in explicit outputs, port)


class Network:
    """A NeuroCanvas document.

    >>> net = Network("tiny")
    >>> x = net.add_node("Input", {"shape": [4]})
    >>> y = net.add_node("Dense", {"units": 3, "activation": "softmax"})
    >>> _ = net.connect(x, y)
    >>> net.analyze().total_params
    15
    """

    def __init__(self, name: str = "model"):
        self.name = name
        self.nodes: dict[str, Node] = {}
        # the wiring, in networkx MultiDiGraph order: node -> neighbour -> the
        # (src_port, dst_port) of each parallel edge; _succ[u][v] is _pred[v][u]
        self._succ: dict[str, dict[str, list[tuple[int, int]]]] = {}
        self._pred: dict[str, dict[str, list[tuple[int, int]]]] = {}
        self._outputs: list[tuple[str, int]] | None = None
        self.extra: dict[str, Any] = {}  # data/training sections and unknown keys
        # trained or imported weights (an engine.weights.WeightStore) that the
        # next build gives back to unchanged layers; None for fresh weights
        self.weights = None
        self._listeners: list[Callable[[Change], None]] = []
        self._analyzer = None
        self._dirty: set[str] = set()
        self._structure_changed = True
        self._order_index: dict[str, int] = {}
        self._next_index = 0
        self._in_cache: dict[str, list] = {}  # node id -> in-edges sorted by port
        self._out_cache: dict[str, list] = {}
        self._ports_cache: dict[str, bool] = {}
        # layer name -> ids of the nodes that carry it (two only in a file with a clash)
        self._names: dict[str, list[str]] = {}
        self._names_at = -1  # the _NAME_WRITES count the index was made for
        self._suffix_from: dict[str, int] = {}  # unique_id's first suffix to try, per base

    # ------------------------------------------------------------ events --

    def subscribe(self, callback: Callable[[Change], None]) -> None:
        self._listeners.append(callback)

    def unsubscribe(self, callback: Callable[[Change], None]) -> None:
        if callback in self._listeners:
            self._listeners.remove(callback)

    def _emit(self, change: Change) -> None:
        for callback in list(self._listeners):
            callback(change)

    def _touch(self, ids: Iterable[str], structure: bool = False) -> None:
        self._dirty.update(ids)
        if structure:
            self._structure_changed = True

    # ----------------------------------------------------------- queries --

    def node(self, node_id: str) -> Node:
        try:
            return self.nodes[node_id]
        except KeyError:
            raise EditError(msg("There is no node {node_id} in this network.",
                                node_id=repr(node_id))) from None

    def node_by_name(self, name: str) -> Node | None:
        ids = self._name_index().get(name)
        if not ids:
            return None
        return self.nodes[min(ids, key=self._order_index.__getitem__)]

    def name_taken(self, name: str, but: str | None = None) -> bool:
        """Whether ``name`` is the id or the name of a node (other than node ``but``)."""
        if name in self.nodes and name != but:
            return True
        return any(nid != but for nid in self._name_index().get(name, ()))

    def _name_index(self) -> dict[str, list[str]]:
        """Layer name -> node ids, made again only when some name was set outside
        this network's edits (each edit keeps it up to date: no scan per added node)."""
        if self._names_at != _NAME_WRITES:
            names: dict[str, list[str]] = {}
            for nid, node in self.nodes.items():
                names.setdefault(node.name, []).append(nid)
            self._names = names
            self._names_at = _NAME_WRITES
            self._suffix_from.clear()
        return self._names

    def _index_name(self, nid: str, old: str | None, new: str | None, before: int,
                    wrote: bool = True) -> None:
        """Move ``nid`` from name ``old`` to ``new`` in the index after this network set
        the name itself (``before``: the count of name writes just before; ``wrote``:
        whether it set one). An index that did not hold then is made again later."""
        if self._names_at != before or _NAME_WRITES != before + wrote:
            self._names_at = -1
            return
        names = self._names
        if old is not None:
            self._suffix_from.clear()  # a name is free again: unique_id may give it back
            ids = names.get(old)
            if ids is not None and nid in ids:
                ids.remove(nid)
                if not ids:
                    del names[old]
        if new is not None:
            names.setdefault(new, []).append(nid)
        self._names_at = _NAME_WRITES

    @property
    def edges(self) -> list[Edge]:
        return [Edge(u, v, sp, dp) for u, nbrs in self._succ.items()
                for v, ports in nbrs.items() for sp, dp in ports]

    @property
    def graph(self):
        """The wiring as a new networkx ``MultiDiGraph`` (edge data ``src_port``,
        ``dst_port``), for graph algorithms; editing it does not edit the network."""
        import networkx as nx

        g = nx.MultiDiGraph()
        g.add_nodes_from(self._succ)
        g.add_edges_from((u, v, {"src_port": sp, "dst_port": dp}) for u, nbrs in self._succ.items()
                         for v, ports in nbrs.items() for sp, dp in ports)
        return g

    def _descendants(self, node_id: str) -> set[str]:
        """Every node downstream of this one (not itself, unless on a cycle)."""
        seen: set[str] = set()
        stack = [node_id]
        while stack:
            for v in self._succ[stack.pop()]:
                if v not in seen:
                    seen.add(v)
                    stack.append(v)
        return seen

    def in_edges(self, node_id: str) -> list[Edge]:
        """Edges into a node, by input port (cached: the analysis reads this a lot)."""
        edges = self._in_cache.get(node_id)
        if edges is None:
            edges = sorted((Edge(u, node_id, sp, dp) for u, ports in self._pred.get(node_id, {}).items()
                            for sp, dp in ports),
                           key=lambda e: e.dst_port)
            self._in_cache[node_id] = edges
        return list(edges)

    def _in_edges(self, node_id: str) -> list[Edge]:
        """in_edges without the defensive copy, for the analysis hot path."""
        edges = self._in_cache.get(node_id)
        if edges is None:
            self.in_edges(node_id)
            edges = self._in_cache[node_id]
        return edges

    def _out_edges(self, node_id: str) -> list[Edge]:
        edges = self._out_cache.get(node_id)
        if edges is None:
            self.out_edges(node_id)
            edges = self._out_cache[node_id]
        return edges

    def _ports_in_order(self, node_id: str) -> bool:
        """Whether the input ports in use are exactly 0..n-1 (cached with the edges)."""
        ok = self._ports_cache.get(node_id)
        if ok is None:
            ok = all(e.dst_port == i for i, e in enumerate(self._in_edges(node_id)))
            self._ports_cache[node_id] = ok
        return ok

    def out_edges(self, node_id: str) -> list[Edge]:
        edges = self._out_cache.get(node_id)
        if edges is None:
            edges = [Edge(node_id, v, sp, dp) for v, ports in self._succ.get(node_id, {}).items()
                     for sp, dp in ports]
            self._out_cache[node_id] = edges
        return list(edges)

    def _add_edge(self, src, dst, src_port, dst_port):
        ports = self._succ[src].get(dst)
        if ports is None:
            ports = self._succ[src][dst] = self._pred[dst][src] = []
        ports.append((src_port, dst_port))
        self._in_cache.pop(dst, None)
        self._ports_cache.pop(dst, None)
        self._out_cache.pop(src, None)

    def _forget_edges(self, node_ids):
        for nid in node_ids:
            self._in_cache.pop(nid, None)
            self._ports_cache.pop(nid, None)
            self._out_cache.pop(nid, None)

    def index_of(self, node_id: str) -> int:
        """Creation/file order of a node (used to break ties in topological order)."""
        return self._order_index[node_id]

    @property
    def outputs(self) -> list[tuple[str, int]]:
        """Model outputs as (node id, port); by default every node without consumers."""
        if self._outputs is not None:
            return list(self._outputs)
        return [(nid, 0) for nid in self.nodes if not self._succ[nid]]

    @property
    def explicit_outputs(self) -> list[tuple[str, int]] | None:
        return None if self._outputs is None else list(self._outputs)

    @property
    def inputs(self) -> list[str]:
        return [nid for nid, n in self.nodes.items() if n.type == "Input"]

    def unique_id(self, type_name: str) -> str:
        """A fresh id in the Keras style: conv2d, conv2d_1, conv2d_2, ..."""
        base = snake_case(type_name)
        if not self.name_taken(base):
            return base
        self._name_index()  # (clears the hints when names changed behind its back)
        i = self._suffix_from.get(base, 1)
        while self.name_taken(f"{base}_{i}"):
            i += 1
        self._suffix_from[base] = i  # base_1 .. base_{i-1} are taken: the next search starts here
        return f"{base}_{i}"

    def groups(self) -> dict[str, list[str]]:
        """Group path -> node ids, for every prefix of every group path."""
        out: dict[str, list[str]] = {}
        for nid, node in self.nodes.items():
            if node.group:
                parts = node.group.split("/")
                for i in range(1, len(parts) + 1):
                    out.setdefault("/".join(parts[:i]), []).append(nid)
        return out

    # ------------------------------------------------------------- edits --

    def add_node(self, type: str, params: dict | None = None, id: str | None = None,
                 name: str | None = None, pos=None, group: str | None = None,
                 trainable: bool = True, extra: dict | None = None) -> str:
        """Add a layer node; returns its id. Params are validated first."""
        if not isinstance(type, str) or not has_spec(type):
            raise EditError(msg("Unknown layer type {type}.", type=repr(type)),
                            msg("Use a Keras layer class name from the palette, e.g. 'Dense' or 'Conv2D'."))
        spec = get_spec(type)
        params = dict(params or {})
        node_id = id if id is not None else self.unique_id(spec.type)
        name = name if name is not None else node_id
        self._check_new_name(node_id, "id")
        self._check_new_name(name, "name")
        if name != node_id and name in self.nodes:
            raise EditError(msg("The name {name} is already the id of another node.", name=repr(name)))
        before = _NAME_WRITES
        node = Node(node_id, spec.type, params, name, _pos(pos), _group(group), bool(trainable),
                    dict(extra or {}))
        node.resolved()  # raises ParamError naming the bad param; nothing added yet
        self.nodes[node_id] = node
        self._index_name(node_id, None, name, before)
        self._succ[node_id], self._pred[node_id] = {}, {}
        self._order_index[node_id] = self._next_index
        self._next_index += 1
        self._touch([node_id], structure=True)
        self._emit(NodeAdded(node_id))
        return node_id

    def _check_new_name(self, name: str, what: str) -> None:
        if not valid_name(name):
            raise EditError(msg("{name} is not a valid layer id.", name=repr(name)) if what == "id" else
                            msg("{name} is not a valid layer name.", name=repr(name)),
                            msg("Use letters, digits, '_', '-' or '.', starting with a letter or '_' (no '/')."))
        if self.name_taken(name):
            raise EditError(msg("The id {name} is already used in this network.", name=repr(name))
                            if what == "id" else
                            msg("The name {name} is already used in this network.", name=repr(name)),
                            msg("Layer names must be unique in a model."))

    def remove_node(self, node_id: str) -> RemovedNode:
        """Remove a node and its edges; returns a record that ``restore_node`` takes."""
        node = self.node(node_id)
        edges = self.in_edges(node_id) + self.out_edges(node_id)
        slots = []
        if self._outputs is not None:
            slots = [(i, port) for i, (nid, port) in enumerate(self._outputs) if nid == node_id]
            self._outputs = [o for o in self._outputs if o[0] != node_id]
        successors = list(self._succ[node_id])
        self._forget_edges([node_id, *successors, *self._pred[node_id]])
        for v in self._succ.pop(node_id):
            del self._pred[v][node_id]
        for u in self._pred.pop(node_id):
            del self._succ[u][node_id]
        del self.nodes[node_id]
        self._index_name(node_id, node.name, None, _NAME_WRITES, wrote=False)
        index = self._order_index.pop(node_id)
        self._dirty.discard(node_id)
        self._touch(successors, structure=True)
        self._emit(NodeRemoved(node_id, edges))
        return RemovedNode(node, index, edges, slots)

    def restore_node(self, record: RemovedNode) -> None:
        """Undo ``remove_node``: the node, its edges and output slots come back."""
        node = record.node
        if node.id in self.nodes:
            raise EditError(msg("A node {id} already exists.", id=repr(node.id)))
        self.nodes[node.id] = node
        # keep file order: re-insert at the original position
        items = sorted(self.nodes.items(), key=lambda kv: record.index if kv[0] == node.id
                       else self._order_index[kv[0]])
        self.nodes = dict(items)
        self._index_name(node.id, None, node.name, _NAME_WRITES, wrote=False)
        self._order_index[node.id] = record.index
        self._succ[node.id], self._pred[node.id] = {}, {}
        for e in record.edges:
            if e.src in self.nodes and e.dst in self.nodes:
                self._add_edge(e.src, e.dst, e.src_port, e.dst_port)
        if self._outputs is not None:
            for i, port in sorted(record.output_slots):
                self._outputs.insert(min(i, len(self._outputs)), (node.id, port))
        node.invalidate()
        self._touch([node.id] + [e.dst for e in record.edges], structure=True)
        self._emit(NodeAdded(node.id))

    def connect(self, src: str, dst: str, src_port: int = 0, dst_port: int = 0,
                allow_cycles: bool = False) -> Edge:
        """Wire output port ``src_port`` of ``src`` to input port ``dst_port`` of ``dst``
        (``allow_cycles``: put back a connection of a file that holds a cycle, for undo)."""
        reason = self.connection_problem(src, dst, src_port, dst_port, allow_cycles)
        if reason:
            raise EditError(reason)
        self._add_edge(src, dst, src_port, dst_port)
        self._touch([dst], structure=True)
        edge = Edge(src, dst, src_port, dst_port)
        self._emit(EdgeAdded(edge))
        return edge

    def connection_problem(self, src: str, dst: str, src_port: int = 0, dst_port: int = 0,
                           allow_cycles: bool = False) -> str:
        """Why this connection cannot be made, or '' if it can (wiring only, not shapes).

        A file may hold a cycle (``allow_cycles``); the analysis then reports it.
        """
        if src not in self.nodes or dst not in self.nodes:
            missing = src if src not in self.nodes else dst
            return msg("There is no node {missing} in this network.", missing=repr(missing))
        if src == dst:
            return msg("A layer cannot be connected to itself.")
        s, d = self.nodes[src], self.nodes[dst]
        if not isinstance(src_port, int) or not isinstance(dst_port, int) or src_port < 0 or dst_port < 0:
            return msg("Port numbers must be integers ≥ 0.")
        try:
            n_out = s.spec.port_count(s.resolved())
        except ParamError:
            n_out = 1
        if src_port >= n_out:
            if n_out > 1:
                return msg("{src} ({type}) has {n_out} outputs; there is no output port {src_port}.",
                           src=s.name, type=s.type, n_out=n_out, src_port=src_port)
            return msg("{src} ({type}) has {n_out} output; there is no output port {src_port}.",
                       src=s.name, type=s.type, n_out=n_out, src_port=src_port)
        dspec = d.spec
        if not dspec.inputs and not dspec.variadic:
            return msg("{dst} ({type}) takes no input: it is where data enters the model.",
                       dst=d.name, type=d.type)
        if not dspec.variadic and dst_port >= len(dspec.inputs):
            return msg("{dst} ({type}) has {count} input port(s); there is no port {dst_port}.",
                       dst=d.name, type=d.type, count=len(dspec.inputs), dst_port=dst_port)
        for ports in self._pred[dst].values():
            if any(p == dst_port for _, p in ports):
                return (msg("Input port {dst_port} of {dst} is already connected; "
                            "disconnect it first, or use a merge layer (Add, Concatenate) to combine tensors.",
                            dst_port=dst_port, dst=d.name))
        if not allow_cycles and src in self._descendants(dst):
            return msg("Connecting {src} → {dst} would create a cycle.", src=s.name, dst=d.name)
        return ""

    def next_free_port(self, dst: str) -> int:
        used = {p for ports in self._pred.get(dst, {}).values() for _, p in ports}
        port = 0
        while port in used:
            port += 1
        return port

    def disconnect(self, src: str, dst: str, src_port: int = 0, dst_port: int = 0) -> Edge:
        ports = self._succ.get(src, {}).get(dst, [])
        if (src_port, dst_port) not in ports:
            raise EditError(msg("There is no connection {src}:{src_port} → {dst}:{dst_port}.",
                                src=src, src_port=src_port, dst=dst, dst_port=dst_port))
        ports.remove((src_port, dst_port))
        if not ports:
            del self._succ[src][dst], self._pred[dst][src]
        self._forget_edges([src, dst])
        self._touch([dst], structure=True)
        edge = Edge(src, dst, src_port, dst_port)
        self._emit(EdgeRemoved(edge))
        return edge

    def set_param(self, node_id: str, name: str, value: Any) -> None:
        """Set one constructor param; refused (document unchanged) if invalid."""
        node = self.node(node_id)
        params = dict(node.params)
        params[name] = value
        self.set_params(node_id, params)

    def reset_param(self, node_id: str, name: str) -> None:
        """Remove a param so that it takes the Keras default."""
        node = self.node(node_id)
        params = {k: v for k, v in node.params.items() if k != name}
        self.set_params(node_id, params)

    def set_params(self, node_id: str, params: dict) -> None:
        node = self.node(node_id)
        resolved = node.spec.resolve(params)  # ParamError leaves the node untouched
        old = node.params
        node.params = dict(params)
        node.invalidate()
        node._resolved = resolved
        self._touch([node_id])
        # a change in the number of output ports may orphan edges: analysis reports them
        self._emit(ParamsChanged(node_id, old, dict(params)))

    def rename(self, node_id: str, new_name: str, check: bool = True) -> None:
        """Rename a node (``check=False`` puts back an old name even if it clashes, for undo)."""
        node = self.node(node_id)
        if new_name == node.name:
            return
        if not check:
            old, before = node.name, _NAME_WRITES
            node.name = new_name
            self._index_name(node_id, old, new_name, before)
            self._touch([node_id], structure=True)
            self._emit(Renamed(node_id, old, new_name))
            return
        if not valid_name(new_name):
            raise EditError(msg("{new_name} is not a valid layer name.", new_name=repr(new_name)),
                            msg("Use letters, digits, '_', '-' or '.', starting with a letter or '_' (no '/')."))
        if self.name_taken(new_name, but=node_id):
            raise EditError(msg("The name {new_name} is already used in this network.",
                                new_name=repr(new_name)),
                            msg("Layer names must be unique in a model."))
        old, before = node.name, _NAME_WRITES
        node.name = new_name
        self._index_name(node_id, old, new_name, before)
        self._touch([node_id], structure=True)  # names are checked graph-wide
        self._emit(Renamed(node_id, old, new_name))

    def move(self, node_id: str, pos) -> None:
        node = self.node(node_id)
        old = node.pos
        node.pos = _pos(pos)
        self._emit(Moved(node_id, old, node.pos))

    def set_group(self, node_ids: Iterable[str], group: str | None) -> dict:
        """Put nodes into a group path (None removes them); returns old groups for undo."""
        ids = list(node_ids)
        for nid in ids:
            self.node(nid)
        group = _group(group)
        old = {nid: self.nodes[nid].group for nid in ids}
        for nid in ids:
            self.nodes[nid].group = group
        self._emit(Grouped(tuple(ids), old, group))
        return old

    def set_trainable(self, node_id: str, trainable: bool) -> None:
        node = self.node(node_id)
        node.trainable = bool(trainable)
        self._touch([node_id])
        self._emit(TrainableChanged(node_id, node.trainable))

    def set_outputs(self, outputs: list | None) -> None:
        """Explicit model outputs as node ids or (id, port) pairs; None = automatic."""
        if outputs is None:
            self._outputs = None
        else:
            parsed = []
            for item in outputs:
                nid, port = (item, 0) if isinstance(item, str) else tuple(item)
                self.node(nid)
                parsed.append((nid, int(port)))
            self._outputs = parsed
        self._structure_changed = True
        self._emit(OutputsChanged())

    def set_name(self, name: str) -> None:
        if not isinstance(name, str):
            raise EditError(msg("The document name must be text."))
        try:
            name.encode("utf-8")
        except UnicodeEncodeError:
            raise EditError(msg("The document name {name} holds a lone surrogate, which is not text.",
                                name=repr(name)),
                            msg("Type the name again.")) from None
        self.name = name
        self._emit(MetaChanged(name))

    # ---------------------------------------------------------- analysis --

    def analyze(self):
        """Shapes, params, MACs, memory and diagnostics; never imports TensorFlow.

        Only what is downstream of the edits since the last call is recomputed.
        """
        from engine.analysis import Analyzer

        if self._analyzer is None:
            self._analyzer = Analyzer(self)
        dirty, structure = self._dirty, self._structure_changed
        self._dirty, self._structure_changed = set(), False
        return self._analyzer.run(dirty, structure)

    def invalidate_analysis(self) -> None:
        """Forget every cached result (the next analyze() is a full one)."""
        self._analyzer = None
        self._dirty = set(self.nodes)
        self._structure_changed = True

    # ------------------------------------------------------ build/export --

    def to_keras(self):
        """Build the functional ``keras.Model``, with the stored weights of unchanged
        layers (imports Keras on first use)."""
        from engine.keras_build import build_model

        return build_model(self)

    def to_python(self) -> str:
        """A standalone Keras script that builds this model."""
        from engine.python_export import to_python

        return to_python(self)

    # --------------------------------------------------------------- I/O --

    @classmethod
    def load(cls, path) -> "Network":
        """Load a document (and the trained weights saved beside it, if any)."""
        from engine import fileformat, weights

        from engine.bulk import collection_paused

        with collection_paused():
            net = cls.from_dict(fileformat.read(path), source=str(path))
        net.weights = weights.read_beside(net, path)
        return net

    @classmethod
    def loads(cls, text: str, source: str = "document") -> "Network":
        """A document from its JSON text (``source`` names it in error messages)."""
        from engine import fileformat
        from engine.bulk import collection_paused

        with collection_paused():
            return cls.from_dict(fileformat.parse(text, source), source=source)

    @classmethod
    def from_dict(cls, data: dict, source: str | None = None) -> "Network":
        """A document from its JSON object, checked completely (see :mod:`engine.fileformat`)."""
        from engine import fileformat
        from engine.bulk import collection_paused

        net = cls()
        with collection_paused():
            fileformat.fill(net, data, source)
        return net

    def to_dict(self) -> dict:
        from engine import fileformat

        return fileformat.to_dict(self)

    def save(self, path) -> None:
        """Atomic write; weights this network carries go to DOC.weights.npz beside it."""
        from engine import fileformat, weights

        weights.write_beside(self, path)
        fileformat.save(self, path)

    def copy(self) -> "Network":
        """An independent document with the same content; the weight store is
        shared (a store is replaced, never edited in place)."""
        twin = Network.from_dict(self.to_dict())
        twin.weights = self.weights
        return twin


def _freeze(value):
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(_freeze(v) for v in value)
    return value


def _pos(pos):
    if pos is None:
        return None
    try:
        x, y = pos
        return (float(x), float(y))
    except (TypeError, ValueError):
        raise EditError(msg("A position must be two numbers [x, y] (got {pos}).", pos=repr(pos))) from None


def _group(group):
    if group is None or group == "":
        return None
    if not isinstance(group, str) or any(not part for part in group.split("/")):
        raise EditError(msg("A group path must look like 'stage2/block1' (got {group}).", group=repr(group)))
    return group
