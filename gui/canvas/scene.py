"""The diagram scene: one item per node, edge and group of the open document.

It follows the document's change events (items come and go, move, refresh)
and its analysis reports (shapes, counts, errors), and turns gestures —
moving nodes, dragging from a port to a port, picking up the end of a
connection and dropping it elsewhere — into undo commands.

Collapsing a group is a view setting, not an edit: the group shows as one
box and the diagram re-flows around it (engine.layout.collapse_offsets), so
each node is drawn at its document position plus an offset that only the
scene knows. Expanding drops the offsets and gives the old layout back; the
document, the file and the undo history never see the compact positions.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsScene

from engine.errors import NeuroCanvasError, ParamError
from engine.layout import collapse_offsets, group_centre
from engine.network import Edge
from gui import format_text as ft
from gui.node_subtitle import param_words
from gui.canvas import style
from gui.canvas.connection_drag import PORT_HIT_PX, ConnectionDrag, ports_near, scene_distance
from gui.canvas.edge_item import EdgeItem
from gui.canvas.group_item import HEADER, CollapsedGroupItem, GroupFrameItem
from gui.canvas.node_item import NodeItem, PortItem
from gui.commands import ConnectCommand, DisconnectCommand, MoveCommand, ReconnectCommand
from gui.connection_check import connection_refusal

PUT_BACK = 24.0  # a picked-up connection dropped this close to where it was is put back


class NetworkScene(QGraphicsScene):
    connection_refused = Signal(str)
    refused = Signal(object, object, object, str)  # (src, port), (dst, port), scene pos, reason
    message = Signal(str)
    node_double_clicked = Signal(str)
    quick_add_requested = Signal(QPointF, object)  # scene position, (src id, port) or None
    drag_started = Signal()
    drag_ended = Signal()
    document_replaced = Signal(object, object)  # the document shown until now (or None), the new one
    contents_changed = Signal()  # items came, went or moved (after the document changed)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.doc = None
        self.nodes: dict[str, NodeItem] = {}
        self.edges: dict[Edge, EdgeItem] = {}
        self.frames: dict[str, GroupFrameItem] = {}
        self.collapsed_items: dict[str, CollapsedGroupItem] = {}
        self.collapsed: set[str] = set()
        self.snap_to_grid = True
        self.last_refusal = ""
        self._shown: dict[str, tuple] = {}  # node -> (LayerInfo, diagnostics) last drawn
        self._moved: set = set()
        self.drag: ConnectionDrag | None = None
        self.refused_moving = None  # while ``refused`` is emitted for a moved connection: its edge
        # node id -> (the Node it was computed for, dx, dy) while groups are collapsed
        self._offsets: dict[str, tuple] = {}
        self._reflowed: set[str] = set()  # the collapsed groups the offsets were made for
        self._restructured = False
        self._groups_timer = QTimer(self)
        self._groups_timer.setSingleShot(True)
        self._groups_timer.setInterval(0)
        self._groups_timer.timeout.connect(self.update_groups)
        self.setItemIndexMethod(QGraphicsScene.BspTreeIndex)

    # ------------------------------------------------------------ binding --

    def set_document(self, doc) -> None:
        old = self.doc
        if old is not None:
            self.doc.changed.disconnect(self._on_change)
            self.doc.analyzed.disconnect(self._on_analyzed)
        self.document_replaced.emit(old, doc)
        self.doc = doc
        self.collapsed.clear()
        self._offsets.clear()
        self._reflowed = set()
        self.rebuild()
        doc.changed.connect(self._on_change)
        doc.analyzed.connect(self._on_analyzed)

    @property
    def net(self):
        return self.doc.network

    def rebuild(self) -> None:
        self.clear()
        self.nodes.clear()
        self.edges.clear()
        self.frames.clear()
        self.collapsed_items.clear()
        self._shown.clear()
        if self.drag is not None:  # its items went with clear()
            self.drag.deleteLater()
            self.drag = None
            self.drag_ended.emit()
        for nid in self.net.nodes:
            self._add_node_item(nid)
        for edge in self.net.edges:
            self._add_edge_item(edge)
        self._on_analyzed(self.doc.report())
        self.update_groups()

    def _add_node_item(self, nid: str) -> NodeItem:
        node = self.net.nodes[nid]
        item = NodeItem(nid)
        item.setPos(self.display_pos(nid))
        self.addItem(item)
        self.nodes[nid] = item
        self._refresh_ports(nid)
        return item

    def _refresh_ports(self, nid: str) -> None:
        node = self.net.nodes[nid]
        spec = node.spec
        if spec.variadic:
            connected = len(self.net.in_edges(nid))
            n = max(spec.min_inputs, connected + 1)
            base = spec.inputs[0] if spec.inputs else "input"
            inputs = [f"{base} {i}" for i in range(n)]
        else:
            inputs = list(spec.inputs)
        try:
            outputs = list(spec.output_names(node.resolved()))
        except (ParamError, NeuroCanvasError):
            outputs = ["output"]
        self.nodes[nid].set_ports(inputs, outputs)

    def _add_edge_item(self, edge: Edge) -> EdgeItem:
        item = EdgeItem(edge, self.nodes[edge.src], self.nodes[edge.dst])
        self.addItem(item)
        self.edges[edge] = item
        item.adjust()
        return item

    def _remove_edge_item(self, edge: Edge) -> None:
        item = self.edges.pop(edge, None)
        if item is not None:
            item.detach()
            self.removeItem(item)

    # ------------------------------------------------------ engine events --

    def _on_change(self, change) -> None:
        kind = change.kind
        if self.collapsed and kind in ("node_added", "node_removed", "edge_added", "edge_removed"):
            self._restructured = True  # the re-flow around the collapsed groups is made again
            self._schedule_groups()
        if kind == "node_added":
            nid = change.nodes[0]
            self._add_node_item(nid)
            for e in self.net.in_edges(nid) + self.net.out_edges(nid):  # restored with edges
                if e not in self.edges:
                    self._add_edge_item(e)
            self._schedule_groups()
        elif kind == "node_removed":
            nid = change.nodes[0]
            item = self.nodes.pop(nid)
            for edge_item in list(item.edges):
                self._remove_edge_item(edge_item.edge)
            self.removeItem(item)
            self._shown.pop(nid, None)
            for e in change.detail.get("edges", []):
                if e.dst in self.nodes:
                    self._refresh_ports(e.dst)
            self._schedule_groups()
        elif kind == "edge_added":
            edge = change.detail["edge"]
            self._refresh_ports(edge.dst)
            self._add_edge_item(edge)
        elif kind == "edge_removed":
            edge = change.detail["edge"]
            self._remove_edge_item(edge)
            if edge.dst in self.nodes:
                self._refresh_ports(edge.dst)
        elif kind == "params_changed":
            self._refresh_ports(change.nodes[0])
            self._shown.pop(change.nodes[0], None)
        elif kind == "renamed":
            self._shown.pop(change.nodes[0], None)
        elif kind == "moved":
            nid = change.nodes[0]
            item = self.nodes.get(nid)
            if item is not None and self.net.nodes[nid].pos is not None:
                pos = self.display_pos(nid)
                if item.pos() != pos:
                    self._set_item_pos(item, pos)
            self._schedule_groups()
        elif kind in ("grouped",):
            self._schedule_groups()
        elif kind == "trainable_changed":
            self._shown.pop(change.nodes[0], None)
        elif kind == "reset":
            self.rebuild()

    def _on_analyzed(self, report) -> None:
        by_node: dict[str, list] = {}
        for d in report.diagnostics:
            if d.node is not None:
                by_node.setdefault(d.node, []).append(d)
        changed = set()
        for nid, item in self.nodes.items():
            info = report.by_node.get(nid)
            diags = tuple(by_node.get(nid, ()))
            shown = self._shown.get(nid)
            if shown is not None and shown[0] is info and shown[1] == diags:
                continue
            self._shown[nid] = (info, diags)
            changed.add(nid)
            self._refresh_node(nid, info, diags)
        for edge, item in self.edges.items():
            if edge.src in changed or edge.dst in changed:
                self._refresh_edge(item, report)
        if self.collapsed_items:
            self._refresh_collapsed(report)
        if self._restructured:  # re-flow around the collapsed groups now, not a turn later
            self._groups_timer.stop()
            self.update_groups()
        from gui.fix_badge import update_badges  # (gui.fix_badge imports gui.canvas)

        update_badges(self, report)

    def _refresh_node(self, nid, info, diags) -> None:
        node = self.net.nodes[nid]
        severity = "error" if any(d.is_error for d in diags) else ("warning" if diags else None)
        if info is not None and info.output_shapes is not None:
            shapes = info.output_shapes
            shape = ft.shape_text(shapes[0]) if len(shapes) == 1 else \
                " | ".join(ft.shape_text(s) for s in shapes)
            count = ft.count(info.params) if info.params else ""
            compact = " | ".join(ft.compact_shape(s) for s in shapes)
        else:
            shape, count, compact = "shape unknown", "", ""
        tip = [f"<b>{node.name}</b> ({node.type})"]
        if info is not None and info.output_shapes is not None:
            tip.append(f"output {shape} · {ft.count(info.params)} params · {ft.si(info.macs)} MACs")
        for d in diags:
            color = style.error_color().name() if d.is_error else style.warning_color().name()
            tip.append(f"<span style='color:{color}'>{d.severity}: {_esc(d.message)}</span>"
                       + (f"<br><i>{_esc(d.hint)}</i>" if d.hint else ""))
        self.nodes[nid].set_content(node.name, node.type, param_words(node), shape, count,
                                    node.spec.category, severity, "<br>".join(tip),
                                    frozen=not node.trainable, compact_shape=compact)

    def _refresh_edge(self, item: EdgeItem, report) -> None:
        e = item.edge
        shape = report.shape(e.src, e.src_port)
        item.set_label(ft.compact_shape(shape) if shape is not None else "?",
                       (ft.shape_text(shape) if shape is not None else "shape unknown")
                       + "<br><i>Drag either end to another port to reconnect it.</i>")

    # ------------------------------------------------------------- moving --

    def snap(self, point: QPointF) -> QPointF:
        if not self.snap_to_grid:
            return point
        g = style.GRID
        return QPointF(round(point.x() / g) * g, round(point.y() / g) * g)

    def items_dragged(self) -> None:
        """Called while the user drags items: edges and frames follow."""
        moved = [i for i in self.selectedItems() if isinstance(i, (NodeItem, CollapsedGroupItem))]
        self._moved.update(moved)
        if any(isinstance(i, CollapsedGroupItem) for i in moved):
            edges = [e for e in self.edges.values() if e.isVisible()]
        else:
            edges = {e for item in moved for e in item.edges}
        for edge in edges:
            edge.adjust()
        self._schedule_groups()

    def commit_moves(self) -> None:
        """Turn items dragged since the last call into one undo step (snapped to the grid)."""
        moved, self._moved = self._moved, set()
        positions = {}
        for item in moved:
            if item.scene() is not self:
                continue
            if isinstance(item, NodeItem):
                self._set_item_pos(item, self.snap(item.pos()))
            else:
                item.setPos(self.snap(item.pos()))
            if isinstance(item, NodeItem) and item.node_id in self.net.nodes:
                dx, dy = self._offset(item.node_id)
                pos = (item.pos().x() - dx, item.pos().y() - dy)
                if self.net.nodes[item.node_id].pos != pos:
                    positions[item.node_id] = pos
            elif isinstance(item, CollapsedGroupItem):
                delta = item.pos() - item.origin
                item.origin = item.pos()
                for nid in self.net.groups().get(item.path, []):
                    p = self.net.nodes[nid].pos or (0.0, 0.0)
                    positions[nid] = (p[0] + delta.x(), p[1] + delta.y())
        if positions:
            self.doc.push(MoveCommand(self.doc, positions))
        else:
            for item in moved:
                for edge in getattr(item, "edges", ()):
                    edge.adjust()

    def _set_item_pos(self, item, pos: QPointF) -> None:
        item.setPos(pos)
        for edge in item.edges:
            edge.adjust()

    def display_pos(self, nid: str) -> QPointF:
        """Where a node is drawn: its document position, moved by the re-flow while
        groups are collapsed."""
        node = self.net.nodes[nid]
        x, y = node.pos or (0.0, 0.0)
        dx, dy = self._offset(nid)
        return QPointF(x + dx, y + dy)

    def _offset(self, nid: str) -> tuple[float, float]:
        entry = self._offsets.get(nid)
        if entry is None:
            return 0.0, 0.0
        if entry[0] is not self.net.nodes.get(nid):  # a new node that reuses the id
            del self._offsets[nid]
            return 0.0, 0.0
        return entry[1], entry[2]

    # ---------------------------------------------------------- selection --

    def selected_node_ids(self) -> list[str]:
        ids = []
        for item in self.selectedItems():
            if isinstance(item, NodeItem):
                ids.append(item.node_id)
            elif isinstance(item, CollapsedGroupItem):
                ids.extend(self.net.groups().get(item.path, []))
        order = {nid: i for i, nid in enumerate(self.net.nodes)}
        return sorted(set(ids), key=lambda n: order.get(n, 0))

    def selected_edges(self) -> list[Edge]:
        return [item.edge for item in self.selectedItems() if isinstance(item, EdgeItem)]

    def select_nodes(self, ids) -> None:
        ids = set(ids)
        self.blockSignals(True)
        self.clearSelection()
        self.blockSignals(False)
        for nid in ids:
            owner = self.collapsed_owner(nid)
            item = self.collapsed_items.get(owner) if owner else self.nodes.get(nid)
            if item is not None:
                item.setSelected(True)

    # --------------------------------------------------------- connecting --
    # One drag at a time, ``self.drag`` (a ConnectionDrag): from a free port (a
    # new connection), or with the end of an existing connection picked up (a
    # reconnection). The scene owns the gesture: a press within reach of a port
    # starts it (ports are small, the reach is generous), moves and the release
    # go to the drag whichever item is under the pointer.

    def mousePressEvent(self, event):
        if event.button() == Qt.LeftButton and self.doc is not None and self.drag is None \
                and not event.modifiers() & (Qt.ShiftModifier | Qt.ControlModifier):
            port = self.port_at(event.scenePos())
            if port is not None and not self._button_at(event.scenePos()):
                event.accept()
                self.begin_port_drag(port, event.scenePos())
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event):
        if self.drag is not None and event.buttons() & Qt.LeftButton:
            event.accept()
            self.drag_connection_to(event.scenePos())
            return
        super().mouseMoveEvent(event)

    def _button_at(self, pos: QPointF) -> bool:
        """Whether the topmost item at ``pos`` is a small control of its own (a fix
        badge on a node's corner), which takes the press before any port nearby."""
        for item in self.items(pos):
            if isinstance(item, (PortItem, NodeItem, EdgeItem, GroupFrameItem, CollapsedGroupItem)):
                return False
            if item.acceptedMouseButtons() & Qt.LeftButton and item.isVisible() \
                    and item.zValue() >= 0 and item is not getattr(self.drag, "path", None):
                return True
        return False

    def begin_port_drag(self, port: PortItem, pos: QPointF) -> None:
        """A press on a port: a connected input port picks up its connection,
        any other port starts a new one."""
        if port.is_input:
            item = self.edge_into(port.node_id, port.index)
            if item is not None and self.begin_reconnect(item, "dst", pos):
                return
        self.begin_connection(port)

    def begin_connection(self, port: PortItem) -> None:
        self._start_drag(ConnectionDrag(self, port, self.net))

    def _start_drag(self, drag: ConnectionDrag) -> None:
        if self.drag is not None:
            self.cancel_connection()
        self.drag = drag
        drag.refused.connect(lambda *args, drag=drag: self._drag_refused(drag, *args))
        self.drag_started.emit()

    def _drag_refused(self, drag, src: PortItem, dst: PortItem, pos: QPointF, reason: str) -> None:
        """A drop refused by the port it was on: ``refused`` carries the two ends as
        (node id, port), where and why (the refusal popup offers fixes there); while
        it is emitted, ``refused_moving`` is the connection that was being moved."""
        self.refused_moving = drag.reconnect.edge if drag.reconnect is not None else None
        try:
            self.refused.emit((src.node_id, src.index), (dst.node_id, dst.index), QPointF(pos), reason)
        finally:
            self.refused_moving = None

    def edge_into(self, node_id: str, port: int) -> EdgeItem | None:
        for e in self.net.in_edges(node_id):
            if e.dst_port == port:
                return self.edges.get(e)
        return None

    def can_reconnect(self, item: EdgeItem) -> bool:
        """Whether the ends of this connection can be picked up (not while one of
        its nodes is inside a collapsed group, where its ports are hidden)."""
        e = item.edge
        return (self.edges.get(e) is item and self.collapsed_owner(e.src) is None
                and self.collapsed_owner(e.dst) is None)

    def begin_reconnect(self, item: EdgeItem, end: str, pos: QPointF) -> bool:
        """Pick up the ``end`` ("src" or "dst") of a connection; the other end stays.
        Returns False when it cannot be picked up."""
        if not self.can_reconnect(item):
            return False
        e = item.edge
        fixed = item.src_item.out_port(e.src_port) if end == "dst" else item.dst_item.in_port(e.dst_port)
        if fixed is None:
            return False
        trial = self.net.copy()
        trial.disconnect(e.src, e.dst, e.src_port, e.dst_port)
        self._start_drag(ConnectionDrag(self, fixed, trial, reconnect=item, origin=pos))
        self.drag_connection_to(pos)
        return True

    def is_dragging(self, edge_item=None) -> bool:
        """Whether a connection is being dragged (``edge_item``'s, when given)."""
        if self.drag is None:
            return False
        return edge_item is None or self.drag.reconnect is edge_item

    def port_at(self, pos: QPointF, exclude=None) -> PortItem | None:
        """The port a press at ``pos`` means: the nearest within reach. Ports are
        small, so the reach is generous, except over a connection leaving an
        output port: there a press picks up that connection's end unless it is
        on the port itself."""
        reach = max(scene_distance(self, PORT_HIT_PX), style.PORT_RADIUS * 2)
        on_edge = None
        for d, port in ports_near(self, pos, reach):
            if port is exclude:
                continue
            if d > style.PORT_RADIUS * 1.2 and not port.is_input:
                if on_edge is None:
                    on_edge = any(isinstance(i, EdgeItem) and i.isVisible() and i.end_near(pos)
                                  for i in self.items(pos))
                if on_edge:
                    continue
            return port
        return None

    def drag_connection_to(self, pos: QPointF) -> None:
        if self.drag is not None:
            self.drag.move_to(pos)

    def _end_drag(self) -> ConnectionDrag | None:
        """Remove the drag's wire, hint and highlights; returns the drag that ended."""
        drag, self.drag = self.drag, None
        if drag is None:
            return None
        drag.remove()
        drag.deleteLater()  # after what the drop does with it (synchronously) is done
        self.drag_ended.emit()
        return drag

    def cancel_connection(self) -> bool:
        """Drop whatever is being dragged and change nothing (Escape)."""
        return self._end_drag() is not None

    def mouseReleaseEvent(self, event):
        if self.drag is not None and event.button() == Qt.LeftButton:
            self.drop_connection_at(event.scenePos())
            event.accept()
        super().mouseReleaseEvent(event)
        self.commit_moves()

    def drop_connection_at(self, pos: QPointF) -> None:
        drag = self.drag
        if drag is None:
            return
        drag.move_to(pos)
        target = drag.target
        self._end_drag()
        port = drag.port
        if drag.reconnect is not None:
            self._drop_reconnect(drag, target, pos)
            return
        if target is None:
            if not port.is_input and not drag.port_is_near(pos) \
                    and (pos - port.scenePos()).manhattanLength() > 40 \
                    and not any(isinstance(i, (NodeItem, CollapsedGroupItem)) for i in self.items(pos)):
                self.quick_add_requested.emit(pos, (port.node_id, port.index))
            return
        src, dst = drag.endpoints(target)
        reason = drag.reason_for(target)
        if not reason:
            reason = self._push_or_reason(ConnectCommand(self.doc, src.node_id, dst.node_id,
                                                         src.index, dst.index))
        if reason:
            self._refuse(reason)
            drag.refuse(src, dst, pos, reason)

    def _push_or_reason(self, command) -> str:
        try:
            self.doc.push(command)
        except NeuroCanvasError as exc:
            return str(exc)
        return ""

    def _drop_reconnect(self, drag: ConnectionDrag, target: PortItem | None, pos: QPointF) -> None:
        """A picked-up connection dropped: on a port it is reconnected there (or refused
        with the reason), on empty canvas it is removed, back where it was nothing changes."""
        edge = drag.reconnect.edge
        if edge not in self.edges:
            return
        if target is None:
            if (pos - drag.origin).manhattanLength() < PUT_BACK:
                return
            if any(isinstance(i, (NodeItem, CollapsedGroupItem)) for i in self.items(pos)):
                self.message.emit("Drop the connection on a port to reconnect it, or on empty "
                                  "canvas to remove it.")
                return
            reason = self._push_or_reason(DisconnectCommand(self.doc, edge))
            if reason:
                self._refuse(reason)
                return
            self.message.emit(f"Removed the connection {self._edge_text(edge)}.")
            return
        src, dst = drag.endpoints(target)
        new = (src.node_id, dst.node_id, src.index, dst.index)
        if new == (edge.src, edge.dst, edge.src_port, edge.dst_port):
            return
        reason = drag.reason_for(target)
        if not reason:
            reason = self._push_or_reason(ReconnectCommand(self.doc, edge, *new))
        if reason:
            self._refuse(reason)
            drag.refuse(src, dst, pos, reason)
            return
        self.message.emit(f"Reconnected: {self._edge_text(Edge(*new))}.")

    def _edge_text(self, e: Edge) -> str:
        def name(nid):
            node = self.net.nodes.get(nid)
            return node.name if node is not None else nid
        return f"{name(e.src)} → {name(e.dst)}"

    def _refuse(self, reason: str) -> None:
        self.last_refusal = reason
        self.connection_refused.emit(reason)

    def try_connect(self, src: str, dst: str, src_port: int = 0, dst_port: int = 0, pos=None) -> str:
        """Connect if the engine accepts it; otherwise report why (with ``pos``, where the
        connection was dropped, ``refused`` also carries the ends). Returns the reason or ''."""
        reason = connection_refusal(self.net, self.doc.report(), src, dst, src_port, dst_port)
        if not reason:
            reason = self._push_or_reason(ConnectCommand(self.doc, src, dst, src_port, dst_port))
        if reason:
            self._refuse(reason)
            if pos is not None:
                self.refused.emit((src, src_port), (dst, dst_port), QPointF(pos), reason)
        return reason

    def keyPressEvent(self, event):
        if event.key() == Qt.Key_Escape and self.cancel_connection():
            event.accept()
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------- groups --

    def collapsed_owner(self, nid: str) -> str | None:
        """The outermost collapsed group holding ``nid``, if any."""
        node = self.net.nodes.get(nid)
        if node is None or not node.group or not self.collapsed:
            return None
        parts = node.group.split("/")
        for i in range(1, len(parts) + 1):
            path = "/".join(parts[:i])
            if path in self.collapsed:
                return path
        return None

    def collapse(self, path: str) -> None:
        """Show a group as one box; the diagram closes up around it."""
        if path in self.net.groups() and path not in self.collapsed:
            self.collapsed.add(path)
            self.reflow()

    def expand(self, path: str) -> None:
        """Show a group's nodes again; the diagram makes room for them."""
        if path in self.collapsed:
            self.collapsed.discard(path)
            self.reflow()

    def collapse_all(self) -> None:
        self.collapsed = {p for p in self.net.groups() if "/" not in p}
        self.reflow()

    def expand_all(self) -> None:
        self.collapsed.clear()
        self.reflow()

    def reflow(self) -> None:
        """Lay the diagram out again around the collapsed groups (engine.layout):
        nodes after a box move up, the main path stays straight. Only the drawing
        moves; with nothing collapsed every node is back at its own position."""
        self.collapsed &= set(self.net.groups())
        nodes = self.net.nodes
        self._offsets = {nid: (nodes[nid], dx, dy)
                         for nid, (dx, dy) in collapse_offsets(self.net, self.collapsed).items()}
        self._reflowed = set(self.collapsed)
        for nid, item in self.nodes.items():
            pos = self.display_pos(nid)
            if item.pos() != pos:
                item.setPos(pos)
        self.update_groups()

    def _schedule_groups(self) -> None:
        if not self._groups_timer.isActive():
            self._groups_timer.start()

    def update_groups(self) -> None:
        if self.doc is None:
            return
        groups = self.net.groups()
        self.collapsed &= set(groups)
        restructured, self._restructured = self._restructured, False
        if (self.collapsed != self._reflowed or restructured) and (self.collapsed or self._offsets):
            self.reflow()  # a collapsed group went away (ungrouped, deleted, undone), or a layer
            return

        # which collapsed groups are visible as boxes (not inside another collapsed one)
        tops = {p for p in self.collapsed
                if not any(p.startswith(q + "/") for q in self.collapsed if q != p)}
        for path in list(self.collapsed_items):
            if path not in tops:
                self.removeItem(self.collapsed_items.pop(path))
        owners = {}
        for nid, item in self.nodes.items():
            owner = self.collapsed_owner(nid)
            owners[nid] = owner
            item.setVisible(owner is None)
        for path in tops:
            members = groups[path]
            box = self.collapsed_items.get(path)
            if box is None:
                box = CollapsedGroupItem(path)
                self.addItem(box)
                self.collapsed_items[path] = box
            points = [(self.nodes[m].pos().x(), self.nodes[m].pos().y()) for m in members
                      if m in self.nodes]
            center = QPointF(*(round(v, 3) for v in group_centre(points))) if points else QPointF()
            box.setPos(center)
            box.origin = center
        # frames around expanded groups
        wanted = {p for p in groups
                  if not any(p == q or p.startswith(q + "/") for q in self.collapsed)}
        for path in list(self.frames):
            if path not in wanted:
                self.removeItem(self.frames.pop(path))
        for path in wanted:
            frame = self.frames.get(path)
            if frame is None:
                frame = GroupFrameItem(path)
                self.addItem(frame)
                self.frames[path] = frame
            rect = QRectF()
            for nid in groups[path]:
                owner = owners.get(nid)
                item = self.collapsed_items.get(owner) if owner else self.nodes.get(nid)
                if item is not None:
                    rect = rect.united(item.sceneBoundingRect())
            depth_below = max((g.count("/") - path.count("/") for g in groups if g.startswith(path + "/")),
                              default=0)
            m = 10 + 14 * depth_below
            frame.set_rect(rect.adjusted(-m, -m - HEADER, m, m))
        for edge, item in self.edges.items():
            a, b = owners.get(edge.src), owners.get(edge.dst)
            item.setVisible(not (a is not None and a == b))
            if item.isVisible():
                item.adjust()
        if self.collapsed_items:
            self._refresh_collapsed(self.doc.report())
        self.contents_changed.emit()

    def _refresh_collapsed(self, report) -> None:
        groups = self.net.groups()
        for path, box in self.collapsed_items.items():
            members = set(groups.get(path, []))
            params = sum(report.by_node[m].params for m in members if m in report.by_node)
            ins, outs, sources = [], [], set()
            for e in self.net.edges:
                if e.dst in members and e.src not in members and (e.src, e.src_port) not in sources:
                    sources.add((e.src, e.src_port))  # one tensor feeding several layers: once
                    ins.append(report.shape(e.src, e.src_port))
                if e.src in members and e.dst not in members:
                    shape = report.shape(e.src, e.src_port)
                    if shape not in outs:
                        outs.append(shape)
            for nid, port in self.net.outputs:
                if nid in members and report.shape(nid, port) not in outs:
                    outs.append(report.shape(nid, port))
            diags = [d for d in report.diagnostics if d.node in members]
            severity = "error" if any(d.is_error for d in diags) else ("warning" if diags else None)
            in_text = ", ".join(ft.compact_shape(s) for s in ins) or "—"
            out_text = ", ".join(ft.compact_shape(s) for s in outs) or "—"
            tip = f"<b>{path}</b>: {len(members)} layers, {ft.count(params)} params<br>" \
                  f"in {in_text} → out {out_text}<br>Double-click to expand."
            box.set_summary(len(members), ft.si(params), in_text, out_text, severity, tip)

    def edge_anchors(self, item: EdgeItem):
        e = item.edge
        a, b = self.collapsed_owner(e.src), self.collapsed_owner(e.dst)
        start = self.collapsed_items[a].anchor(False) if a in self.collapsed_items else \
            item.src_item.port_pos(e.src_port, False)
        end = self.collapsed_items[b].anchor(True) if b in self.collapsed_items else \
            item.dst_item.port_pos(e.dst_port, True)
        return start, end

    # ------------------------------------------------------------ drawing --

    def drawBackground(self, painter, rect):
        painter.fillRect(rect, style.background())
        view_scale = painter.transform().m11()
        if view_scale < 0.35:
            return
        g = style.GRID * (2 if view_scale < 0.7 else 1)
        left = int(rect.left() // g) * g
        top = int(rect.top() // g) * g
        painter.setPen(QPen(style.grid_color(), 0))
        x = left
        points = []
        while x < rect.right():
            y = top
            while y < rect.bottom():
                points.append(QPointF(x, y))
                y += g
            x += g
        if len(points) < 40000:
            painter.drawPoints(points)

    def items_rect(self) -> QRectF:
        rect = QRectF()
        for item in list(self.nodes.values()) + list(self.collapsed_items.values()):
            if item.isVisible():
                rect = rect.united(item.sceneBoundingRect())
        return rect


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
