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

from engine.edit_journal import Journal  # noqa: F401 - part of this module's API


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
        super().__init__(doc, f"Add {type_name}")
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


class InsertOnEdgeCommand(EditCommand):
    """Add a layer in the middle of an existing connection."""

    def __init__(self, doc, type_name: str, edge, pos=None):
        super().__init__(doc, f"Insert {type_name}")
        self.type_name, self.edge, self.pos = type_name, edge, pos

    def edit(self, net):
        e = self.edge
        dst = net.node(e.dst)
        from engine.catalog import get_spec
        from gui.starter_params import starter_params

        net.disconnect(e.src, e.dst, e.src_port, e.dst_port)
        nid = net.add_node(self.type_name, starter_params(get_spec(self.type_name)), pos=self.pos,
                           group=dst.group)
        net.connect(e.src, nid, e.src_port, 0)
        net.connect(nid, e.dst, 0, e.dst_port)
        return nid


class DeleteCommand(EditCommand):
    def __init__(self, doc, node_ids: Iterable[str] = (), edges: Iterable = ()):
        node_ids, edges = list(node_ids), list(edges)
        n = len(node_ids) + len(edges)
        super().__init__(doc, f"Delete {n} item{'s' if n != 1 else ''}")
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
        super().__init__(doc, "Connect")
        self.args = (src, dst, src_port, dst_port)

    def edit(self, net):
        return net.connect(*self.args)


class DisconnectCommand(EditCommand):
    def __init__(self, doc, edge):
        super().__init__(doc, "Disconnect")
        self.edge = edge

    def edit(self, net):
        e = self.edge
        return net.disconnect(e.src, e.dst, e.src_port, e.dst_port)


class ReconnectCommand(EditCommand):
    """Move one end (or both) of a connection: the old edge goes, the new one comes,
    in one undo step; refused as a whole when the new connection is."""

    def __init__(self, doc, edge, src: str, dst: str, src_port: int = 0, dst_port: int = 0):
        super().__init__(doc, "Reconnect")
        self.edge = edge
        self.args = (src, dst, src_port, dst_port)

    def edit(self, net):
        e = self.edge
        net.disconnect(e.src, e.dst, e.src_port, e.dst_port)
        return net.connect(*self.args)


class MoveCommand(EditCommand):
    def __init__(self, doc, positions: dict, text: str = "Move"):
        super().__init__(doc, text)
        self.positions = dict(positions)

    def edit(self, net):
        for nid, pos in self.positions.items():
            net.move(nid, pos)


class AutoLayoutCommand(MoveCommand):
    def __init__(self, doc):
        from engine.layout import layout

        super().__init__(doc, layout(doc.network), "Auto-layout")


class SetParamCommand(EditCommand):
    """Set (or, with ``reset=True``, remove) one param; consecutive edits of the same
    param merge into one undo step."""

    merge_id = 1001

    def __init__(self, doc, node_id: str, name: str, value=None, reset: bool = False):
        super().__init__(doc, f"{'Reset' if reset else 'Set'} {name}")
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
        super().__init__(doc, f"Rename to {name}")
        self.node_id, self.name = node_id, name

    def edit(self, net):
        net.rename(self.node_id, self.name)


class SetTrainableCommand(EditCommand):
    def __init__(self, doc, node_id: str, trainable: bool):
        super().__init__(doc, "Freeze layer" if not trainable else "Unfreeze layer")
        self.node_id, self.trainable = node_id, trainable

    def edit(self, net):
        net.set_trainable(self.node_id, self.trainable)


class GroupCommand(EditCommand):
    def __init__(self, doc, node_ids: Iterable[str], group: str | None):
        super().__init__(doc, f"Group as {group}" if group else "Ungroup")
        self.node_ids, self.group = list(node_ids), group

    def edit(self, net):
        net.set_group(self.node_ids, self.group)


class PasteCommand(EditCommand):
    """Add the nodes and internal edges of a clipboard network; returns the new ids."""

    def __init__(self, doc, fragment, offset=(40.0, 40.0), text: str = "Paste"):
        super().__init__(doc, text)
        self.fragment, self.offset = fragment, offset

    def edit(self, net):
        mapping = {}

        def taken(name):
            return name in net.nodes or net.node_by_name(name) is not None

        for nid, node in self.fragment.nodes.items():
            new_id = nid if not taken(nid) else net.unique_id(node.type)
            name = node.name if node.name == new_id or not taken(node.name) else new_id
            pos = None
            if node.pos is not None:
                pos = (node.pos[0] + self.offset[0], node.pos[1] + self.offset[1])
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
