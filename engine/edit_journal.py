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
from engine.network import RemovedNode


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

    def _record(self, change) -> None:  # noqa: C901 - one branch per change kind
        net, kind, d = self.net, change.kind, change.detail
        add = self.entries.append
        if kind == "node_added":
            nid = change.nodes[0]
            self._nodes[nid] = net.nodes[nid]
            self._index[nid] = net.index_of(nid)
            self._trainable[nid] = net.nodes[nid].trainable
            holder: dict = {}

            def undo(nid=nid, holder=holder):
                holder["record"] = net.remove_node(nid)

            add((undo, lambda holder=holder: net.restore_node(holder["record"])))
        elif kind == "node_removed":
            nid = change.nodes[0]
            slots = [(i, port) for i, (o, port) in enumerate(self._outputs or []) if o == nid]
            record = RemovedNode(self._nodes[nid], self._index[nid], list(d.get("edges", [])), slots)
            self._outputs = net.explicit_outputs
            add((lambda r=record: net.restore_node(r), lambda nid=nid: net.remove_node(nid)))
        elif kind == "edge_added":
            e = d["edge"]
            add((lambda e=e: net.disconnect(e.src, e.dst, e.src_port, e.dst_port),
                 lambda e=e: net.connect(e.src, e.dst, e.src_port, e.dst_port)))
        elif kind == "edge_removed":
            e = d["edge"]
            add((lambda e=e: net.connect(e.src, e.dst, e.src_port, e.dst_port, allow_cycles=True),
                 lambda e=e: net.disconnect(e.src, e.dst, e.src_port, e.dst_port)))
        elif kind == "params_changed":
            nid = change.nodes[0]
            add((lambda nid=nid, p=d["old"]: net.set_params(nid, p),
                 lambda nid=nid, p=d["new"]: net.set_params(nid, p)))
        elif kind == "renamed":
            nid = change.nodes[0]
            add((lambda nid=nid, n=d["old"]: net.rename(nid, n, check=False),
                 lambda nid=nid, n=d["new"]: net.rename(nid, n)))
        elif kind == "moved":
            nid = change.nodes[0]
            add((lambda nid=nid, p=d["old"]: net.move(nid, p),
                 lambda nid=nid, p=d["new"]: net.move(nid, p)))
        elif kind == "grouped":
            old, new, ids = dict(d["old"]), d["new"], list(change.nodes)

            def undo(old=old):
                by_group: dict = {}
                for nid, g in old.items():
                    by_group.setdefault(g, []).append(nid)
                for g, members in by_group.items():
                    net.set_group(members, g)

            add((undo, lambda ids=ids, g=new: net.set_group(ids, g)))
        elif kind == "trainable_changed":
            nid = change.nodes[0]
            old = self._trainable.get(nid, True)
            self._trainable[nid] = d["new"]
            add((lambda nid=nid, v=old: net.set_trainable(nid, v),
                 lambda nid=nid, v=d["new"]: net.set_trainable(nid, v)))
        elif kind == "outputs_changed":
            old, new = self._outputs, net.explicit_outputs
            self._outputs = new
            add((lambda o=old: net.set_outputs(o), lambda o=new: net.set_outputs(o)))
        elif kind == "meta_changed":
            old, new = self._name, d.get("name", net.name)
            self._name = new
            add((lambda n=old: net.set_name(n), lambda n=new: net.set_name(n)))
        else:
            raise NeuroCanvasError(f"The change {kind!r} cannot be undone.")


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
