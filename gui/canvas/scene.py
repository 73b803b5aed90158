"""The diagram scene: one item per node, edge and group of the open document.

It follows the document's change events (items come and go, move, refresh)
and its analysis reports (shapes, counts, errors), and turns gestures —
moving nodes, dragging from a port to a port, picking up the end of a
connection and dropping it elsewhere — into undo commands.

Collapsing a group is a view setting, not an edit (gui.canvas.group_collapse):
the group shows as one box and the diagram re-flows around it, so each node
is drawn at its document position plus an offset that only the scene knows.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsScene

from engine.errors import NeuroCanvasError, ParamError
from engine.events import ChangeKind
from engine.network import Edge
from gui import format_text as ft
from gui.i18n import tx
from gui.node_subtitle import param_words
from gui.canvas import style
from gui.canvas.connection_drag import ConnectionDrag, port_at
from gui.canvas.edge_item import EdgeItem
from gui.canvas.group_collapse import GroupCollapse
from gui.canvas.group_item import CollapsedGroupItem, GroupFrameItem
from gui.canvas.node_item import NodeItem, PortItem
from engine.connection_rule import connection_refusal
from gui.commands import ConnectCommand, MoveCommand


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
        self.grouping = GroupCollapse(self)
        self.snap_to_grid = True
        self.last_refusal = ""
        self._shown: dict[str, tuple] = {}  # node -> (LayerInfo, diagnostics) last drawn
        self._moved: set = set()
        self.drag: ConnectionDrag | None = None
        self.refused_moving = None  # while ``refused`` is emitted for a moved connection: its edge
        self.setItemIndexMethod(QGraphicsScene.BspTreeIndex)

    # ------------------------------------------------------------ binding --

    def set_document(self, doc) -> None:
        old = self.doc
        if old is not None:
            self.doc.changed.disconnect(self._on_change)
            self.doc.analyzed.disconnect(self._on_analyzed)
        self.document_replaced.emit(old, doc)
        self.doc = doc
        self.grouping.reset()
        self.rebuild()
        doc.changed.connect(self._on_change)
        doc.analyzed.connect(self._on_analyzed)

    @property
    def net(self):
        return self.doc.network

    @property
    def collapsed(self) -> set[str]:
        """The group paths shown as one box."""
        return self.grouping.collapsed

    @collapsed.setter
    def collapsed(self, paths) -> None:
        self.grouping.collapsed = set(paths)

    @property
    def collapsed_items(self) -> dict[str, CollapsedGroupItem]:
        return self.grouping.boxes

    @property
    def frames(self) -> dict[str, GroupFrameItem]:
        return self.grouping.frames

    def rebuild(self) -> None:
        self.clear()
        self.nodes.clear()
        self.edges.clear()
        self.grouping.forget_items()
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
        if self.collapsed and change.kind.structural:
            self._schedule_groups(restructured=True)  # the re-flow is made again
        handler = self._CHANGE_HANDLERS.get(change.kind)
        if handler is not None:
            handler(self, change)

    def _node_added(self, change) -> None:
        nid = change.node
        self._add_node_item(nid)
        for e in self.net.in_edges(nid) + self.net.out_edges(nid):  # restored with edges
            if e not in self.edges:
                self._add_edge_item(e)
        self._schedule_groups()

    def _node_removed(self, change) -> None:
        nid = change.node
        item = self.nodes.pop(nid)
        for edge_item in list(item.edges):
            self._remove_edge_item(edge_item.edge)
        self.removeItem(item)
        self._shown.pop(nid, None)
        for e in change.edges:
            if e.dst in self.nodes:
                self._refresh_ports(e.dst)
        self._schedule_groups()

    def _edge_added(self, change) -> None:
        self._refresh_ports(change.edge.dst)
        self._add_edge_item(change.edge)

    def _edge_removed(self, change) -> None:
        edge = change.edge
        self._remove_edge_item(edge)
        if edge.dst in self.nodes:
            self._refresh_ports(edge.dst)

    def _params_changed(self, change) -> None:
        self._refresh_ports(change.node)
        self._shown.pop(change.node, None)

    def _label_changed(self, change) -> None:   # renamed, trainable changed: redraw its label
        self._shown.pop(change.node, None)

    def _moved(self, change) -> None:
        nid = change.node
        item = self.nodes.get(nid)
        if item is not None and self.net.nodes[nid].pos is not None:
            pos = self.display_pos(nid)
            if item.pos() != pos:
                self._set_item_pos(item, pos)
        self._schedule_groups()

    def _grouped(self, change) -> None:
        self._schedule_groups()

    _CHANGE_HANDLERS = {
        ChangeKind.NODE_ADDED: _node_added, ChangeKind.NODE_REMOVED: _node_removed,
        ChangeKind.EDGE_ADDED: _edge_added, ChangeKind.EDGE_REMOVED: _edge_removed,
        ChangeKind.PARAMS_CHANGED: _params_changed, ChangeKind.RENAMED: _label_changed,
        ChangeKind.TRAINABLE_CHANGED: _label_changed, ChangeKind.MOVED: _moved,
        ChangeKind.GROUPED: _grouped,
    }

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
            self.grouping.refresh_boxes(report)
        self.grouping.update_now_if_restructured()
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
            shape, count, compact = self.tr("shape unknown"), "", ""
        tip = [f"<b>{node.name}</b> ({node.type})"]
        if info is not None and info.output_shapes is not None:
            tip.append(self.tr("output {shape} · {params} params · {macs} MACs").format(
                shape=shape, params=ft.count(info.params), macs=ft.si(info.macs)))
        for d in diags:
            color = style.error_color().name() if d.is_error else style.warning_color().name()
            tip.append(f"<span style='color:{color}'>{ft.severity_text(d)}: {_esc(tx(d.message))}</span>"
                       + (f"<br><i>{_esc(tx(d.hint))}</i>" if d.hint else ""))
        self.nodes[nid].set_content(node.name, node.type, param_words(node), shape, count,
                                    node.spec.category, severity, "<br>".join(tip),
                                    frozen=not node.trainable, compact_shape=compact)

    def _refresh_edge(self, item: EdgeItem, report) -> None:
        e = item.edge
        shape = report.shape(e.src, e.src_port)
        item.set_label(ft.compact_shape(shape) if shape is not None else "?",
                       self.tr("{shape}<br><i>Drag either end to another port to reconnect it.</i>").format(
                           shape=ft.shape_text(shape) if shape is not None else self.tr("shape unknown")))

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
        return self.grouping.offset(nid)

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
    # reconnection). The scene routes the gesture: a press within reach of a port
    # starts it (ports are small, the reach is generous), moves and the release
    # go to the drag whichever item is under the pointer; the drag
    # (gui.canvas.connection_drag) draws its wire and turns the drop into an edit.

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
        self._start_drag(ConnectionDrag.pick_up(self, item, fixed, pos))
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
        return port_at(self, pos, exclude)

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
        self._end_drag()
        drag.drop(pos)

    def push_or_reason(self, command) -> str:
        """Push an undo command; '' when it applied, else the reason it was refused."""
        try:
            self.doc.push(command)
        except NeuroCanvasError as exc:
            return ft.error_text(exc)
        return ""

    def refuse_connection(self, reason: str) -> None:
        """Tell the window why a connection was not made (the status bar shows it)."""
        self.last_refusal = reason
        self.connection_refused.emit(reason)

    def try_connect(self, src: str, dst: str, src_port: int = 0, dst_port: int = 0, pos=None) -> str:
        """Connect if the engine accepts it; otherwise report why (with ``pos``, where the
        connection was dropped, ``refused`` also carries the ends). Returns the reason or ''."""
        reason = tx(connection_refusal(self.net, self.doc.report(), src, dst, src_port, dst_port))

        if not reason:
            reason = self.push_or_reason(ConnectCommand(self.doc, src, dst, src_port, dst_port))
        if reason:
            self.refuse_connection(reason)
            if pos is not None:
                self.refused.emit((src, src_port), (dst, dst_port), QPointF(pos), reason)
        return reason

    def keyPressEvent(self, event):
        if event.key() == Qt.Key_Escape and self.cancel_connection():
            event.accept()
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------- groups --
    # (gui.canvas.group_collapse keeps the state; these are the scene's words for it)

    def collapsed_owner(self, nid: str) -> str | None:
        """The outermost collapsed group holding ``nid``, if any."""
        return self.grouping.owner(nid)

    def collapse(self, path: str) -> None:
        """Show a group as one box; the diagram closes up around it."""
        self.grouping.collapse(path)

    def expand(self, path: str) -> None:
        """Show a group's nodes again; the diagram makes room for them."""
        self.grouping.expand(path)

    def collapse_all(self) -> None:
        self.grouping.collapse_all()

    def expand_all(self) -> None:
        self.grouping.expand_all()

    def reflow(self) -> None:
        self.grouping.reflow()

    def _schedule_groups(self, restructured: bool = False) -> None:
        self.grouping.schedule(restructured)

    def update_groups(self) -> None:
        self.grouping.update()

    def edge_anchors(self, item: EdgeItem):
        return self.grouping.edge_anchors(item)

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
