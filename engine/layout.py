"""Layered top-to-bottom auto-layout for a network diagram.

The longest path through each connected part of the graph is the *main
path*: it stays in one straight column. Every other node sits in the layer
given by its longest distance from a source, in the column of the node that
feeds it when that place is free, otherwise in the nearest free column beside
it (right first, then left). Separate parts of the graph are placed side by
side. Positions are node centres in scene units; nothing here imports Qt.

    >>> from engine import Network
    >>> net = Network()
    >>> a = net.add_node("Input", {"shape": [4]})
    >>> b = net.add_node("Dense", {"units": 2})
    >>> _ = net.connect(a, b)
    >>> layout(net)
    {'input': (0.0, 0.0), 'dense': (0.0, 120.0)}
"""

from __future__ import annotations

import networkx as nx

COLUMN = 240.0  # horizontal distance between columns
LAYER = 120.0  # vertical distance between layers


def layout(net, column: float = COLUMN, layer: float = LAYER) -> dict[str, tuple[float, float]]:
    """Positions (x, y) for every node of ``net``, main path at x = 0."""
    graph = nx.DiGraph()
    graph.add_nodes_from(net.nodes)
    graph.add_edges_from((e.src, e.dst) for e in net.edges if e.src != e.dst)
    if not nx.is_directed_acyclic_graph(graph):
        graph = _break_cycles(graph)
    order_key = net.index_of
    components = sorted(nx.weakly_connected_components(graph),
                        key=lambda c: min(order_key(n) for n in c))
    positions: dict[str, tuple[float, float]] = {}
    x_offset = 0.0
    for i, comp in enumerate(components):
        sub = graph.subgraph(comp)
        cols, ranks = _layout_component(sub, order_key)
        lo, hi = min(cols.values()), max(cols.values())
        if i > 0:
            x_offset += -lo * column
        for nid in comp:
            positions[nid] = (float(x_offset + cols[nid] * column), float(ranks[nid] * layer))
        x_offset += (hi + 1) * column + column * 0.25
    # keep file order in the result, like the document
    return {nid: positions[nid] for nid in net.nodes}


def _break_cycles(graph: nx.DiGraph) -> nx.DiGraph:
    g = graph.copy()
    while True:
        try:
            cycle = nx.find_cycle(g)
        except nx.NetworkXNoCycle:
            return g
        g.remove_edge(*cycle[-1][:2])


def _layout_component(g: nx.DiGraph, order_key) -> tuple[dict, dict]:
    order = list(nx.lexicographical_topological_sort(g, key=order_key))
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


def _main_path(g: nx.DiGraph, order: list, rank: dict) -> list:
    """The longest path, ending at the deepest node that comes first in file order."""
    if not order:
        return []
    end = max(order, key=lambda n: (rank[n], -order.index(n)))
    path = [end]
    while True:
        preds = [p for p in g.predecessors(path[-1]) if rank[p] == rank[path[-1]] - 1]
        if not preds:
            break
        preds.sort(key=order.index)
        path.append(preds[0])
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
