"""Layered top-to-bottom auto-layout for a network diagram.

The longest path through each connected part of the graph is the *main
path*: it stays in one straight column. Every other node sits in the layer
given by its longest distance from a source, in the column of the node that
feeds it when that place is free, otherwise in the nearest free column beside
it (right first, then left). Separate parts of the graph are placed side by
side. Positions are node centres in scene units; nothing here imports Qt.

For one new node, :func:`room_below` moves the rows under a node down to
free the row below it, and :func:`free_spot` finds the nearest place in a
row where a node's box covers no other.

The orders are computed on the network's adjacency here; networkx is imported
only to break the cycles of a document that holds one (``find_cycle``).

    >>> from engine import Network
    >>> net = Network()
    >>> a = net.add_node("Input", {"shape": [4]})
    >>> b = net.add_node("Dense", {"units": 2})
    >>> _ = net.connect(a, b)
    >>> layout(net)
    {'input': (0.0, 0.0), 'dense': (0.0, 120.0)}
"""

from __future__ import annotations

import heapq
from typing import Iterable

COLUMN = 240.0  # horizontal distance between columns
LAYER = 120.0  # vertical distance between layers


def layout(net, column: float = COLUMN, layer: float = LAYER,
           collapsed: Iterable[str] = ()) -> dict[str, tuple[float, float]]:
    """Positions (x, y) for every node of ``net``, main path at x = 0.

    Each group path in ``collapsed`` counts as one node (a box one cell in
    size) placed where its first node would be; all its nodes get the box's
    position. A group inside another collapsed group is part of that box.
    """
    owners = collapsed_owners(net, collapsed)
    boxes: dict[str, tuple] = {}
    first: dict = {}
    for nid in net.nodes:
        path = owners.get(nid)
        if path is not None:
            unit = boxes.setdefault(path, ("group", path))
            first.setdefault(unit, net.index_of(nid))
    unit_of = {nid: boxes[owners[nid]] if nid in owners else nid for nid in net.nodes}
    graph = _Graph(unit_of[nid] for nid in net.nodes)
    for e in net.edges:
        if unit_of[e.src] != unit_of[e.dst]:
            graph.add_edge(unit_of[e.src], unit_of[e.dst])

    def order_key(unit):
        return first[unit] if isinstance(unit, tuple) else net.index_of(unit)

    if len(_topological_order(graph, order_key)) < len(graph.succ):
        graph = _break_cycles(graph)
    components = sorted(graph.weak_components(), key=lambda c: min(order_key(n) for n in c))
    positions: dict = {}
    x_offset = 0.0
    for i, comp in enumerate(components):
        sub = graph.subgraph(comp)
        cols, ranks = _layout_component(sub, order_key)
        lo, hi = min(cols.values()), max(cols.values())
        if i > 0:
            x_offset += -lo * column
        for unit in comp:
            positions[unit] = (float(x_offset + cols[unit] * column), float(ranks[unit] * layer))
        x_offset += (hi + 1) * column + column * 0.25
    # keep file order in the result, like the document
    return {nid: positions[unit_of[nid]] for nid in net.nodes}


def collapsed_owners(net, collapsed: Iterable[str]) -> dict[str, str]:
    """Node id -> the outermost group path in ``collapsed`` that holds it
    (nodes in no collapsed group are left out)."""
    collapsed = set(collapsed)
    owners: dict[str, str] = {}
    if not collapsed:
        return owners
    for nid, node in net.nodes.items():
        if not node.group:
            continue
        parts = node.group.split("/")
        for i in range(1, len(parts) + 1):
            path = "/".join(parts[:i])
            if path in collapsed:
                owners[nid] = path
                break
    return owners


def group_centre(points: Iterable[tuple[float, float]]) -> tuple[float, float]:
    """Where the box of a collapsed group sits: the mean x of its nodes and the
    middle of their vertical extent. ``points`` must not be empty."""
    points = list(points)
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return sum(xs) / len(xs), (min(ys) + max(ys)) / 2


def collapse_offsets(net, collapsed: Iterable[str], column: float = COLUMN,
                     layer: float = LAYER) -> dict[str, tuple[float, float]]:
    """How far each node moves while the groups in ``collapsed`` show as one box each.

    The offset of a node is its place in the layout with the boxes minus its
    place in the layout without them, so a diagram laid out automatically
    becomes exactly the compact layout, and one arranged by hand keeps its
    arrangement while the nodes after a box move up by the room it frees.
    All nodes of one collapsed group share the offset that brings their
    centre (:func:`group_centre`) onto the box. Nodes that do not move are
    left out; with nothing collapsed the result is empty.

        >>> from engine import Network
        >>> net = Network()
        >>> a = net.add_node("Input", {"shape": [4]})
        >>> b = net.add_node("Dense", {"units": 8}, group="block")
        >>> c = net.add_node("Dense", {"units": 8}, group="block")
        >>> d = net.add_node("Dense", {"units": 2})
        >>> _ = net.connect(a, b), net.connect(b, c), net.connect(c, d)
        >>> collapse_offsets(net, ["block"])
        {'dense': (0.0, -60.0), 'dense_1': (0.0, -60.0), 'dense_2': (0.0, -120.0)}
    """
    collapsed = set(collapsed)
    owners = collapsed_owners(net, collapsed)
    if not owners:
        return {}
    full = layout(net, column, layer)
    boxed = layout(net, column, layer, collapsed)
    members: dict[str, list[str]] = {}
    for nid, path in owners.items():
        members.setdefault(path, []).append(nid)
    centres = {path: group_centre(full[m] for m in ids) for path, ids in members.items()}
    offsets: dict[str, tuple[float, float]] = {}
    for nid in net.nodes:
        path = owners.get(nid)
        here = centres[path] if path is not None else full[nid]
        there = boxed[nid]
        delta = (there[0] - here[0], there[1] - here[1])
        if delta != (0.0, 0.0):
            offsets[nid] = delta
    return offsets


class _Graph:
    """A directed graph without parallel edges, in insertion order (the
    networkx ``DiGraph`` order), with just what the layout needs. networkx
    is left for the rare graph with a cycle, so that laying out a document
    when the editor opens does not wait for its import."""

    def __init__(self, nodes=()):
        self.succ: dict = {}
        self.pred: dict = {}
        for n in nodes:
            self.add_node(n)

    def add_node(self, n) -> None:
        if n not in self.succ:
            self.succ[n], self.pred[n] = {}, {}

    def add_edge(self, u, v) -> None:
        self.add_node(u)
        self.add_node(v)
        self.succ[u][v] = self.pred[v][u] = None

    def predecessors(self, n):
        return iter(self.pred[n])

    def subgraph(self, nodes) -> "_Graph":
        keep = set(nodes)
        sub = _Graph(n for n in self.succ if n in keep)
        for u in sub.succ:
            for v in self.succ[u]:
                if v in keep:
                    sub.add_edge(u, v)
        return sub

    def weak_components(self) -> list[set]:
        seen: set = set()
        components = []
        for start in self.succ:
            if start in seen:
                continue
            seen.add(start)
            component, stack = {start}, [start]
            while stack:
                n = stack.pop()
                for m in (*self.succ[n], *self.pred[n]):
                    if m not in seen:
                        seen.add(m)
                        component.add(m)
                        stack.append(m)
            components.append(component)
        return components


def _topological_order(g: _Graph, order_key) -> list:
    """networkx's ``lexicographical_topological_sort(g, key=order_key)``: Kahn's
    algorithm taking the smallest key first; nodes on or behind a cycle are left out."""
    index = {n: i for i, n in enumerate(g.succ)}
    indegree = {n: len(g.pred[n]) for n in g.succ}
    heap = [(order_key(n), index[n], n) for n, d in indegree.items() if d == 0]
    heapq.heapify(heap)
    order = []
    while heap:
        n = heapq.heappop(heap)[2]
        order.append(n)
        for m in g.succ[n]:
            indegree[m] -= 1
            if indegree[m] == 0:
                heapq.heappush(heap, (order_key(m), index[m], m))
    return order


def _break_cycles(graph: _Graph) -> _Graph:
    """Drop the closing edge of each cycle networkx finds until none is left."""
    import networkx as nx

    g = nx.DiGraph()
    g.add_nodes_from(graph.succ)
    g.add_edges_from((u, v) for u in graph.succ for v in graph.succ[u])
    while True:
        try:
            cycle = nx.find_cycle(g)
        except nx.NetworkXNoCycle:
            break
        g.remove_edge(*cycle[-1][:2])
    out = _Graph(g)
    for u, v in g.edges():
        out.add_edge(u, v)
    return out


def _layout_component(g: _Graph, order_key) -> tuple[dict, dict]:
    order = _topological_order(g, order_key)
    rank: dict[str, int] = {}
    for nid in order:
        preds = list(g.predecessors(nid))
        rank[nid] = 1 + max(rank[p] for p in preds) if preds else 0
    main = _main_path(g, order, rank)
    column: dict[str, int] = {nid: 0 for nid in main}
    taken: set[tuple[int, int]] = {(rank[nid], 0) for nid in main}
    for nid in order:
        if nid in column:
            continue
        preds = sorted(g.predecessors(nid), key=order_key)
        placed = [p for p in preds if p in column]
        want = column[placed[0]] if placed else 0
        if placed and want == 0 and placed[0] in main:
            want = 1  # a branch leaving the main path starts beside it
        column[nid] = _nearest_free(taken, rank[nid], want)
        taken.add((rank[nid], column[nid]))
    return column, rank


def _main_path(g: _Graph, order: list, rank: dict) -> list:
    """The longest path, ending at the deepest node that comes first in file order."""
    if not order:
        return []
    where = {n: i for i, n in enumerate(order)}
    end = max(order, key=lambda n: (rank[n], -where[n]))
    path = [end]
    while True:
        preds = [p for p in g.predecessors(path[-1]) if rank[p] == rank[path[-1]] - 1]
        if not preds:
            break
        path.append(min(preds, key=where.__getitem__))
    return list(reversed(path))


def _nearest_free(taken: set, row: int, want: int) -> int:
    if (row, want) not in taken:
        return want
    step = 1
    while True:
        # branches on the right of the main path grow rightwards, on the left leftwards
        candidates = (want + step, want - step) if want >= 0 else (want - step, want + step)
        for c in candidates:
            if c != 0 and (row, c) not in taken:
                return c
            if c == 0 and (row, 0) not in taken:
                return 0
        step += 1


def needs_layout(net) -> bool:
    """Whether some node has no position (presets and imports)."""
    return any(node.pos is None for node in net.nodes.values())


# --------------------------------------------------------------------------
# Placing one new node: make room below a node, find a free place


def boxes_overlap(a: tuple[float, float], b: tuple[float, float], size: tuple[float, float]) -> bool:
    """Whether two boxes of ``size`` (width, height) centred on ``a`` and ``b`` overlap."""
    return abs(a[0] - b[0]) < size[0] and abs(a[1] - b[1]) < size[1]


def free_spot(taken: Iterable[tuple[float, float]], want: tuple[float, float],
              size: tuple[float, float], column: float = COLUMN) -> tuple[float, float]:
    """``want`` if a box of ``size`` centred there overlaps none of the boxes
    centred on ``taken``; else the nearest such place in the same row, one
    column at a time, right first.

        >>> free_spot([(0.0, 0.0)], (0.0, 0.0), (200.0, 80.0))
        (240.0, 0.0)
        >>> free_spot([(0.0, 0.0), (240.0, 0.0)], (0.0, 0.0), (200.0, 80.0))
        (-240.0, 0.0)
    """
    taken = list(taken)
    want = (float(want[0]), float(want[1]))

    def free(p):
        return not any(boxes_overlap(p, q, size) for q in taken)

    if free(want):
        return want
    for step in range(1, len(taken) + 2):
        for x in (want[0] + step * column, want[0] - step * column):
            if free((x, want[1])):
                return x, want[1]
    return want[0] + (len(taken) + 2) * column, want[1]  # pragma: no cover - unreachable


def room_below(positions: dict[str, tuple[float, float]], y: float,
               by: float = LAYER) -> dict[str, tuple[float, float]]:
    """New positions for the nodes below height ``y``: each moves down by ``by``,
    so the row under ``y`` is free for a new node. Nodes at or above ``y`` keep
    their place (and are left out).

        >>> room_below({"a": (0.0, 0.0), "b": (0.0, 120.0), "c": (240.0, 240.0)}, 0.0)
        {'b': (0.0, 240.0), 'c': (240.0, 360.0)}
    """
    return {nid: (x, yy + by) for nid, (x, yy) in positions.items() if yy > y}
