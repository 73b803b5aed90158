"""Edit journals and trial edits, without Qt.

A :class:`Journal` records the change events a network emits while edits run
as (undo, redo) pairs; the editor's undo commands are built on it, so any
sequence of engine edits becomes one undo step. :func:`trial` runs edits on
the network itself, silently, and takes them back afterwards: the analysis
stays incremental (only what the trial edits touch is recomputed), which is
what lets quick fixes and connection checks try an edit in well under a
millisecond instead of analysing a copy of the whole network.

    >>> from engine import Network
    >>> net = Network()
    >>> x = net.add_node("Input", {"shape": [4]})
    >>> with trial(net):
    ...     d = net.add_node("Dense", {"units": 3})
    ...     _ = net.connect(x, d)
    ...     net.analyze().total_params
    15
    >>> list(net.nodes)
    ['input']
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Callable

from engine.errors import NeuroCanvasError
from engine.events import ChangeKind
from engine.network import RemovedNode
from engine.i18n import msg


class Journal:
    """Records a network's change events as (undo, redo) pairs."""

    def __init__(self, net):
        self.net = net
        self.entries: list[tuple[Callable, Callable]] = []

    def __enter__(self):
        net = self.net
        self._nodes = dict(net.nodes)
        self._index = {nid: net.index_of(nid) for nid in net.nodes}
        self._trainable = {nid: n.trainable for nid, n in net.nodes.items()}
        self._outputs = net.explicit_outputs
        self._name = net.name
        net.subscribe(self._record)
        return self

    def __exit__(self, *exc):
        self.net.unsubscribe(self._record)
        return False

    def undo(self) -> None:
        for undo, _redo in reversed(self.entries):
            undo()

    def redo(self) -> None:
        for _undo, redo in self.entries:
            redo()

    def _record(self, change) -> None:
        handler = self._HANDLERS.get(change.kind)
        if handler is None:
            raise NeuroCanvasError(msg("The change {kind} cannot be undone.", kind=repr(str(change.kind))))
        self.entries.append(handler(self, change))

    # one handler per change kind: each returns the (undo, redo) pair
    def _node_added(self, change):
        net, nid = self.net, change.node
        self._nodes[nid] = net.nodes[nid]
        self._index[nid] = net.index_of(nid)
        self._trainable[nid] = net.nodes[nid].trainable
        holder: dict = {}

        def undo():
            holder["record"] = net.remove_node(nid)

        return undo, lambda: net.restore_node(holder["record"])

    def _node_removed(self, change):
        net, nid = self.net, change.node
        slots = [(i, port) for i, (o, port) in enumerate(self._outputs or []) if o == nid]
        record = RemovedNode(self._nodes[nid], self._index[nid], list(change.edges), slots)
        self._outputs = net.explicit_outputs
        return (lambda: net.restore_node(record)), (lambda: net.remove_node(nid))

    def _edge_added(self, change):
        net, e = self.net, change.edge
        return (lambda: net.disconnect(e.src, e.dst, e.src_port, e.dst_port),
                lambda: net.connect(e.src, e.dst, e.src_port, e.dst_port))

    def _edge_removed(self, change):
        net, e = self.net, change.edge
        return (lambda: net.connect(e.src, e.dst, e.src_port, e.dst_port, allow_cycles=True),
                lambda: net.disconnect(e.src, e.dst, e.src_port, e.dst_port))

    def _params_changed(self, change):
        net, nid, old, new = self.net, change.node, change.old, change.new
        return (lambda: net.set_params(nid, old)), (lambda: net.set_params(nid, new))

    def _renamed(self, change):
        net, nid, old, new = self.net, change.node, change.old, change.new
        return (lambda: net.rename(nid, old, check=False)), (lambda: net.rename(nid, new))

    def _moved(self, change):
        net, nid, old, new = self.net, change.node, change.old, change.new
        return (lambda: net.move(nid, old)), (lambda: net.move(nid, new))

    def _grouped(self, change):
        net, old, new, ids = self.net, dict(change.old), change.new, list(change.nodes)

        def undo():
            by_group: dict = {}
            for nid, g in old.items():
                by_group.setdefault(g, []).append(nid)
            for g, members in by_group.items():
                net.set_group(members, g)

        return undo, lambda: net.set_group(ids, new)

    def _trainable_changed(self, change):
        net, nid, new = self.net, change.node, change.new
        old = self._trainable.get(nid, True)
        self._trainable[nid] = new
        return (lambda: net.set_trainable(nid, old)), (lambda: net.set_trainable(nid, new))

    def _outputs_changed(self, change):
        net, old, new = self.net, self._outputs, self.net.explicit_outputs
        self._outputs = new
        return (lambda: net.set_outputs(old)), (lambda: net.set_outputs(new))

    def _meta_changed(self, change):
        net, old, new = self.net, self._name, change.name
        self._name = new
        return (lambda: net.set_name(old)), (lambda: net.set_name(new))

    _HANDLERS = {
        ChangeKind.NODE_ADDED: _node_added, ChangeKind.NODE_REMOVED: _node_removed,
        ChangeKind.EDGE_ADDED: _edge_added, ChangeKind.EDGE_REMOVED: _edge_removed,
        ChangeKind.PARAMS_CHANGED: _params_changed, ChangeKind.RENAMED: _renamed,
        ChangeKind.MOVED: _moved, ChangeKind.GROUPED: _grouped,
        ChangeKind.TRAINABLE_CHANGED: _trainable_changed,
        ChangeKind.OUTPUTS_CHANGED: _outputs_changed, ChangeKind.META_CHANGED: _meta_changed,
    }


@contextmanager
def trial(net):
    """Run edits on ``net`` and undo them on leaving the block, whatever happens.

    Subscribers hear nothing of the trial; the wiring (including the order in
    which each node lists its neighbours) comes back exactly as it was.
    """
    listeners, net._listeners = net._listeners, []
    succ = {u: list(nbrs) for u, nbrs in net._succ.items()}
    pred = {v: list(nbrs) for v, nbrs in net._pred.items()}
    journal = Journal(net)
    try:
        with journal:
            yield net
    finally:
        try:
            journal.undo()
            _restore_order(net, succ, pred)
        finally:
            net._listeners = listeners


def _restore_order(net, succ: dict, pred: dict) -> None:
    touched = []
    for table, orders in ((net._succ, succ), (net._pred, pred)):
        for u, order in orders.items():
            nbrs = table.get(u)
            if nbrs is not None and list(nbrs) != order and set(nbrs) == set(order):
                table[u] = {v: nbrs[v] for v in order}
                touched.append(u)
    if touched:
        net._forget_edges(touched)
