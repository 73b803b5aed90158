"""Undo commands: every edit of the document is one ``QUndoCommand``.

A command performs ordinary engine edits once (in :meth:`EditCommand.perform`)
while a :class:`Journal` records the change events the network emits; undo
replays the inverse of each recorded change in reverse order and redo replays
them forward. So any sequence of engine edits — a quick fix, a paste, an
auto-layout — becomes exactly one undo step, and a refused edit leaves the
document as it was.
"""

from __future__ import annotations

from typing import Callable, Iterable

from PySide6.QtGui import QUndoCommand

from gui.i18n import translate

from engine.edit_journal import Journal  # noqa: F401 - part of this module's API
from engine.errors import NeuroCanvasError


class EditCommand(QUndoCommand):
    """One undo step made of whatever engine edits :meth:`edit` performs."""

    merge_id = -1

    def __init__(self, doc, text: str):
        super().__init__(text)
        self.doc = doc
        self.journal = Journal(doc.network)
        self._performed = False
        self._skip_redo = False
        self.result = None

    def edit(self, net):  # pragma: no cover - subclasses implement it
        raise NotImplementedError

    def perform(self):
        """Apply the edits, recording them; on refusal, roll back and re-raise."""
        try:
            with self.journal:
                self.result = self.edit(self.doc.network)
        except Exception:
            self.journal.undo()
            self.journal.entries.clear()
            raise
        self._performed = True
        self._skip_redo = True
        return self.result

    def redo(self):
        if self._skip_redo:  # QUndoStack.push calls redo right after perform
            self._skip_redo = False
            return
        self.journal.redo()

    def undo(self):
        self.journal.undo()

    def id(self):
        return self.merge_id

    def merge_key(self):
        return None

    def mergeWith(self, other) -> bool:
        if type(other) is not type(self) or other.merge_key() is None \
                or other.merge_key() != self.merge_key():
            return False
        self.journal.entries.extend(other.journal.entries)
        return True


class AddNodeCommand(EditCommand):
    def __init__(self, doc, type_name: str, params: dict | None = None, pos=None,
                 connect_from: tuple | None = None, group: str | None = None):
        super().__init__(doc, translate("UndoCommand", "Add {layer}").format(layer=type_name))
        self.type_name, self.params, self.pos = type_name, dict(params or {}), pos
        self.connect_from, self.group = connect_from, group

    def edit(self, net):
        params = self.params
        if not params:
            from engine.catalog import get_spec
            from gui.starter_params import starter_params

            params = starter_params(get_spec(self.type_name))
        nid = net.add_node(self.type_name, params, pos=self.pos, group=self.group)
        if self.connect_from is not None:
            src, port = self.connect_from
            if not net.connection_problem(src, nid, port, 0):
                net.connect(src, nid, port, 0)
        return nid


def free_position(taken, want, size) -> tuple[float, float]:
    """Where a new node of ``size`` goes near ``want`` without covering another
    (``engine.layout.free_spot``)."""
    from engine.layout import free_spot

    return free_spot(taken, want, size)


NODE_BOX = (216.0, 92.0)  # a node's size on the canvas with a margin (no placement overlaps one)


def _new_layer(net, type_name: str, pos, group):
    from engine.catalog import get_spec
    from gui.starter_params import starter_params

    return net.add_node(type_name, starter_params(get_spec(type_name)), pos=pos, group=group)


def _positions(net, skip=()) -> dict:
    return {nid: tuple(n.pos or (0.0, 0.0)) for nid, n in net.nodes.items() if nid not in skip}


def _make_room(net, below: float, keep=()) -> None:
    """Move every node lower than ``below`` one layer down (engine.layout.room_below)."""
    from engine.layout import room_below

    for nid, pos in room_below(_positions(net, keep), below).items():
        net.move(nid, pos)


def _takes_input(type_name: str) -> bool:
    from engine.catalog import get_spec

    spec = get_spec(type_name)
    return bool(spec.inputs) or spec.variadic


class InsertAfterCommand(EditCommand):
    """Add a layer after ``src``: the connections that left ``src`` (from ``port``)
    now leave the new layer, and the layers below move down one row to make room,
    all in one undo step. With ``branch=True`` the new layer is a new branch
    instead: connected from ``src`` only and placed beside the row below it.
    Either way it never covers another node."""

    def __init__(self, doc, type_name: str, src: str, port: int = 0, branch: bool = False,
                 size=NODE_BOX):
        super().__init__(doc, (translate("UndoCommand", "Branch {layer}") if branch
                               else translate("UndoCommand", "Insert {layer}")).format(layer=type_name))
        self.type_name, self.src, self.port, self.branch = type_name, src, port, branch
        self.size = size

    def edit(self, net):
        from engine.layout import COLUMN, LAYER

        src = net.node(self.src)
        sx, sy = src.pos or (0.0, 0.0)
        outs = [e for e in net.out_edges(self.src) if e.src_port == self.port]
        if not _takes_input(self.type_name):  # an Input: beside, on its own
            pos = free_position(_positions(net).values(), (sx + COLUMN, sy), self.size)
            return _new_layer(net, self.type_name, pos, None)
        if self.branch or not outs:
            want = (sx + COLUMN, sy + LAYER) if self.branch else (sx, sy + LAYER)
            pos = free_position(_positions(net).values(), want, self.size)
            nid = _new_layer(net, self.type_name, pos, src.group)
            net.connect(self.src, nid, self.port, 0)
            if not self.branch:
                self._take_output_place(net, nid)
            return nid
        _make_room(net, sy, keep=(self.src,))
        pos = free_position(_positions(net).values(), (sx, sy + LAYER), self.size)
        nid = _new_layer(net, self.type_name, pos, src.group)
        for e in outs:
            net.disconnect(e.src, e.dst, e.src_port, e.dst_port)
        net.connect(self.src, nid, self.port, 0)
        for e in outs:
            net.connect(nid, e.dst, 0, e.dst_port)
        return nid

    def _take_output_place(self, net, nid) -> None:
        """A layer added after a chosen model output becomes that output."""
        outputs = net.explicit_outputs
        if outputs and (self.src, self.port) in outputs:
            net.set_outputs([(nid, 0) if o == (self.src, self.port) else o for o in outputs])


class InsertOnEdgeCommand(EditCommand):
    """Add a layer in the middle of an existing connection; the layers below its
    source move down one row to make room (one undo step)."""

    def __init__(self, doc, type_name: str, edge, pos=None, size=NODE_BOX):
        super().__init__(doc, translate("UndoCommand", "Insert {layer}").format(layer=type_name))
        self.type_name, self.edge, self.size = type_name, edge, size

    def edit(self, net):
        from engine.layout import LAYER

        e = self.edge
        if not _takes_input(self.type_name):
            raise NeuroCanvasError(translate("UndoCommand", "{layer} takes no input, so it cannot go into a "
                                                            "connection; drop it on empty canvas.")
                                   .format(layer=self.type_name))
        src, dst = net.node(e.src), net.node(e.dst)
        sx, sy = src.pos or (0.0, 0.0)
        dx, dy = dst.pos or (sx, sy + LAYER)
        net.disconnect(e.src, e.dst, e.src_port, e.dst_port)
        _make_room(net, sy, keep=(e.src,))
        want = (dx if dy > sy else sx, sy + LAYER)
        pos = free_position(_positions(net).values(), want, self.size)
        nid = _new_layer(net, self.type_name, pos, dst.group)
        net.connect(e.src, nid, e.src_port, 0)
        net.connect(nid, e.dst, 0, e.dst_port)
        return nid


class DeleteCommand(EditCommand):
    def __init__(self, doc, node_ids: Iterable[str] = (), edges: Iterable = ()):
        node_ids, edges = list(node_ids), list(edges)
        n = len(node_ids) + len(edges)
        super().__init__(doc, translate("UndoCommand", "Delete 1 item") if n == 1
                         else translate("UndoCommand", "Delete {count} items").format(count=n))
        self.node_ids, self.edges = node_ids, edges

    def edit(self, net):
        gone = set(self.node_ids)
        for e in self.edges:
            if e.src not in gone and e.dst not in gone:
                net.disconnect(e.src, e.dst, e.src_port, e.dst_port)
        for nid in self.node_ids:
            net.remove_node(nid)


class ConnectCommand(EditCommand):
    def __init__(self, doc, src: str, dst: str, src_port: int = 0, dst_port: int = 0):
        super().__init__(doc, translate("UndoCommand", "Connect"))
        self.args = (src, dst, src_port, dst_port)

    def edit(self, net):
        return net.connect(*self.args)


class DisconnectCommand(EditCommand):
    def __init__(self, doc, edge):
        super().__init__(doc, translate("UndoCommand", "Disconnect"))
        self.edge = edge

    def edit(self, net):
        e = self.edge
        return net.disconnect(e.src, e.dst, e.src_port, e.dst_port)


class ReconnectCommand(EditCommand):
    """Move one end (or both) of a connection: the old edge goes, the new one comes,
    in one undo step; refused as a whole when the new connection is."""

    def __init__(self, doc, edge, src: str, dst: str, src_port: int = 0, dst_port: int = 0):
        super().__init__(doc, translate("UndoCommand", "Reconnect"))
        self.edge = edge
        self.args = (src, dst, src_port, dst_port)

    def edit(self, net):
        e = self.edge
        net.disconnect(e.src, e.dst, e.src_port, e.dst_port)
        return net.connect(*self.args)


class MoveCommand(EditCommand):
    def __init__(self, doc, positions: dict, text: str | None = None):
        super().__init__(doc, text or translate("UndoCommand", "Move"))
        self.positions = dict(positions)

    def edit(self, net):
        for nid, pos in self.positions.items():
            net.move(nid, pos)


class AutoLayoutCommand(MoveCommand):
    def __init__(self, doc):
        from engine.layout import layout

        super().__init__(doc, layout(doc.network), translate("UndoCommand", "Auto-layout"))


class SetParamCommand(EditCommand):
    """Set (or, with ``reset=True``, remove) one param; consecutive edits of the same
    param merge into one undo step."""

    merge_id = 1001

    def __init__(self, doc, node_id: str, name: str, value=None, reset: bool = False):
        super().__init__(doc, (translate("UndoCommand", "Reset {param}") if reset
                               else translate("SetParamCommand", "Set {param}")).format(param=name))
        self.node_id, self.name, self.value, self.reset = node_id, name, value, reset

    def edit(self, net):
        if self.reset:
            net.reset_param(self.node_id, self.name)
        else:
            net.set_param(self.node_id, self.name, self.value)

    def merge_key(self):
        return (self.node_id, self.name)


class RenameCommand(EditCommand):
    def __init__(self, doc, node_id: str, name: str):
        super().__init__(doc, translate("UndoCommand", "Rename to {name}").format(name=name))
        self.node_id, self.name = node_id, name

    def edit(self, net):
        net.rename(self.node_id, self.name)


class SetTrainableCommand(EditCommand):
    def __init__(self, doc, node_id: str, trainable: bool):
        super().__init__(doc, translate("UndoCommand", "Freeze layer") if not trainable
                         else translate("UndoCommand", "Unfreeze layer"))
        self.node_id, self.trainable = node_id, trainable

    def edit(self, net):
        net.set_trainable(self.node_id, self.trainable)


class GroupCommand(EditCommand):
    def __init__(self, doc, node_ids: Iterable[str], group: str | None):
        super().__init__(doc, translate("UndoCommand", "Group as {group}").format(group=group) if group
                         else translate("UndoCommand", "Ungroup"))

        self.node_ids, self.group = list(node_ids), group

    def edit(self, net):
        net.set_group(self.node_ids, self.group)


class PasteCommand(EditCommand):
    """Add the nodes and internal edges of a clipboard network, ``offset`` from where
    they were (further right where they would cover a layer); returns the new ids."""

    def __init__(self, doc, fragment, offset=(40.0, 40.0), text: str | None = None):
        super().__init__(doc, text or translate("UndoCommand", "Paste"))

        self.fragment, self.offset = fragment, offset

    def clear_offset(self, net) -> tuple[float, float]:
        """``offset``, moved right one column at a time until no pasted layer covers
        a layer already there."""
        from engine.layout import COLUMN, boxes_overlap

        placed = [n.pos for n in self.fragment.nodes.values() if n.pos is not None]
        there = [tuple(n.pos) for n in net.nodes.values() if n.pos is not None]
        dx, dy = self.offset
        for _ in range(len(there) + 1):
            if not any(boxes_overlap((x + dx, y + dy), q, NODE_BOX) for x, y in placed for q in there):
                break
            dx += COLUMN
        return dx, dy

    def edit(self, net):
        mapping = {}
        dx, dy = self.clear_offset(net)

        def taken(name):
            return name in net.nodes or net.node_by_name(name) is not None

        for nid, node in self.fragment.nodes.items():
            new_id = nid if not taken(nid) else net.unique_id(node.type)
            name = node.name if node.name == new_id or not taken(node.name) else new_id
            pos = None
            if node.pos is not None:
                pos = (node.pos[0] + dx, node.pos[1] + dy)
            mapping[nid] = net.add_node(node.type, node.params, id=new_id, name=name, pos=pos,
                                        group=node.group, trainable=node.trainable)
        for e in self.fragment.edges:
            net.connect(mapping[e.src], mapping[e.dst], e.src_port, e.dst_port)
        return list(mapping.values())


class FunctionCommand(EditCommand):
    """Any engine edit function as one undo step (quick fixes use it)."""

    def __init__(self, doc, text: str, fn: Callable):
        super().__init__(doc, text)
        self.fn = fn

    def edit(self, net):
        return self.fn(net)
