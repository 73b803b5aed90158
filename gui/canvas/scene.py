"""The diagram scene: one item per node, edge and group of the open document.

It follows the document's change events (items come and go, move, refresh)
and its analysis reports (shapes, counts, errors), and turns gestures —
moving nodes, dragging from a port to a port — into undo commands.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene, QGraphicsSimpleTextItem

from engine.errors import NeuroCanvasError, ParamError
from engine.network import Edge
from gui import format_text as ft
from gui.canvas import style
from gui.canvas.edge_item import EdgeItem, connection_path
from gui.canvas.group_item import HEADER, CollapsedGroupItem, GroupFrameItem
from gui.canvas.node_item import NodeItem, PortItem
from gui.commands import ConnectCommand, MoveCommand
from gui.connection_check import connection_refusal

HIGHLIGHT_LIMIT = 400  # above this many nodes, candidate ports are not pre-computed


class NetworkScene(QGraphicsScene):
    connection_refused = Signal(str)
    message = Signal(str)
    node_double_clicked = Signal(str)
    quick_add_requested = Signal(QPointF, object)  # scene position, (src id, port) or None

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
        self._drag = None
        self._groups_timer = QTimer(self)
        self._groups_timer.setSingleShot(True)
        self._groups_timer.setInterval(0)
        self._groups_timer.timeout.connect(self.update_groups)
        self.setItemIndexMethod(QGraphicsScene.BspTreeIndex)

    # ------------------------------------------------------------ binding --

    def set_document(self, doc) -> None:
        if self.doc is not None:
            self.doc.changed.disconnect(self._on_change)
            self.doc.analyzed.disconnect(self._on_analyzed)
        self.doc = doc
        self.collapsed.clear()
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
        self._drag = None
        for nid in self.net.nodes:
            self._add_node_item(nid)
        for edge in self.net.edges:
            self._add_edge_item(edge)
        self._on_analyzed(self.doc.report())
        self.update_groups()

    def _add_node_item(self, nid: str) -> NodeItem:
        node = self.net.nodes[nid]
        item = NodeItem(nid)
        item.setPos(QPointF(*(node.pos or (0.0, 0.0))))
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
            pos = self.net.nodes[nid].pos
            item = self.nodes.get(nid)
            if item is not None and pos is not None and (item.pos().x(), item.pos().y()) != pos:
                self._set_item_pos(item, QPointF(*pos))
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

    def _refresh_node(self, nid, info, diags) -> None:
        node = self.net.nodes[nid]
        severity = "error" if any(d.is_error for d in diags) else ("warning" if diags else None)
        if info is not None and info.output_shapes is not None:
            shapes = info.output_shapes
            shape = ft.shape_text(shapes[0]) if len(shapes) == 1 else \
                " | ".join(ft.shape_text(s) for s in shapes)
            count = ft.count(info.params) if info.params else ""
        else:
            shape, count = "shape unknown", ""
        tip = [f"<b>{node.name}</b> ({node.type})"]
        if info is not None and info.output_shapes is not None:
            tip.append(f"output {shape} · {ft.count(info.params)} params · {ft.si(info.macs)} MACs")
        for d in diags:
            color = style.error_color().name() if d.is_error else style.warning_color().name()
            tip.append(f"<span style='color:{color}'>{d.severity}: {_esc(d.message)}</span>"
                       + (f"<br><i>{_esc(d.hint)}</i>" if d.hint else ""))
        self.nodes[nid].set_content(node.name, node.type, ft.key_params_text(node), shape, count,
                                    node.spec.category, severity, "<br>".join(tip),
                                    frozen=not node.trainable)

    def _refresh_edge(self, item: EdgeItem, report) -> None:
        e = item.edge
        shape = report.shape(e.src, e.src_port)
        item.set_label(ft.compact_shape(shape) if shape is not None else "?",
                       f"{ft.shape_text(shape)}" if shape is not None else "shape unknown")

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

    def mouseReleaseEvent(self, event):
        super().mouseReleaseEvent(event)
        self.commit_moves()

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
                pos = (item.pos().x(), item.pos().y())
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

    def begin_connection(self, port: PortItem) -> None:
        path_item = QGraphicsPathItem()
        path_item.setPen(QPen(style.highlight(), 2.0, Qt.DashLine))
        path_item.setZValue(5)
        self.addItem(path_item)
        bubble = _HintBubble()
        self.addItem(bubble)
        bubble.hide()
        self._drag = {"port": port, "path": path_item, "bubble": bubble, "cache": {}, "target": None}
        self._mark_candidates(port)

    def _mark_candidates(self, port: PortItem) -> None:
        if len(self.nodes) > HIGHLIGHT_LIMIT:
            return
        for item in self.nodes.values():
            for other in (item.out_ports if port.is_input else item.in_ports):
                src, dst = self._endpoints(port, other)
                problem = self.net.connection_problem(src.node_id, dst.node_id, src.index, dst.index)
                other.set_state(PortItem.NORMAL if problem else PortItem.CANDIDATE)

    @staticmethod
    def _endpoints(a: PortItem, b: PortItem):
        return (b, a) if a.is_input else (a, b)

    def port_at(self, pos: QPointF, exclude=None) -> PortItem | None:
        r = style.PORT_RADIUS * 2.5
        best, best_d = None, None
        for item in self.items(QRectF(pos.x() - r, pos.y() - r, 2 * r, 2 * r)):
            if isinstance(item, PortItem) and item is not exclude and item.isVisible():
                d = (item.scenePos() - pos).manhattanLength()
                if best_d is None or d < best_d:
                    best, best_d = item, d
        return best

    def drag_connection_to(self, pos: QPointF) -> None:
        drag = self._drag
        if drag is None:
            return
        port = drag["port"]
        target = self.port_at(pos, exclude=port)
        if target is not None and target.is_input == port.is_input:
            target = None
        end = target.scenePos() if target is not None else pos
        start = port.scenePos()
        path = connection_path(end, start) if port.is_input else connection_path(start, end)
        drag["path"].setPath(path)
        previous = drag["target"]
        if previous is not None and previous is not target:
            previous.set_state(PortItem.CANDIDATE if previous.state != PortItem.NORMAL else PortItem.NORMAL)
        drag["target"] = target
        bubble = drag["bubble"]
        if target is None:
            bubble.hide()
            drag["path"].setPen(QPen(style.highlight(), 2.0, Qt.DashLine))
            return
        reason = self._refusal_for(port, target)
        if reason:
            target.set_state(PortItem.REFUSED)
            drag["path"].setPen(QPen(style.error_color(), 2.0, Qt.DashLine))
            bubble.set_text(reason)
            bubble.setPos(pos + QPointF(14, 10))
            bubble.show()
        else:
            target.set_state(PortItem.CANDIDATE)
            drag["path"].setPen(QPen(style.ok_color(), 2.0))
            bubble.hide()

    def _refusal_for(self, port: PortItem, target: PortItem) -> str:
        cache = self._drag["cache"] if self._drag else {}
        key = id(target)
        if key not in cache:
            src, dst = self._endpoints(port, target)
            cache[key] = connection_refusal(self.net, self.doc.report(), src.node_id, dst.node_id,
                                            src.index, dst.index)
        return cache[key]

    def drop_connection_at(self, pos: QPointF) -> None:
        drag, self._drag = self._drag, None
        if drag is None:
            return
        port = drag["port"]
        self.removeItem(drag["path"])
        self.removeItem(drag["bubble"])
        for item in self.nodes.values():
            for p in item.in_ports + item.out_ports:
                p.set_state(PortItem.NORMAL)
        target = self.port_at(pos, exclude=port)
        if target is None or target.is_input == port.is_input:
            if not port.is_input and (pos - port.scenePos()).manhattanLength() > 40:
                self.quick_add_requested.emit(pos, (port.node_id, port.index))
            return
        src, dst = self._endpoints(port, target)
        self.try_connect(src.node_id, dst.node_id, src.index, dst.index)

    def try_connect(self, src: str, dst: str, src_port: int = 0, dst_port: int = 0) -> str:
        """Connect if the engine accepts it; otherwise report why. Returns the reason or ''."""
        reason = connection_refusal(self.net, self.doc.report(), src, dst, src_port, dst_port)
        if not reason:
            try:
                self.doc.push(ConnectCommand(self.doc, src, dst, src_port, dst_port))
            except NeuroCanvasError as exc:
                reason = str(exc)
        if reason:
            self.last_refusal = reason
            self.connection_refused.emit(reason)
        return reason

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
        if path in self.net.groups():
            self.collapsed.add(path)
            self.update_groups()

    def expand(self, path: str) -> None:
        self.collapsed.discard(path)
        self.update_groups()

    def toggle_group(self, path: str) -> None:
        self.expand(path) if path in self.collapsed else self.collapse(path)

    def collapse_all(self) -> None:
        self.collapsed = {p for p in self.net.groups() if "/" not in p}
        self.update_groups()

    def expand_all(self) -> None:
        self.collapsed.clear()
        self.update_groups()

    def _schedule_groups(self) -> None:
        if not self._groups_timer.isActive():
            self._groups_timer.start()

    def update_groups(self) -> None:
        if self.doc is None:
            return
        groups = self.net.groups()
        self.collapsed &= set(groups)
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
            xs = [self.net.nodes[m].pos[0] for m in members if self.net.nodes[m].pos]
            ys = [self.net.nodes[m].pos[1] for m in members if self.net.nodes[m].pos]
            center = QPointF(sum(xs) / len(xs), min(ys) + (max(ys) - min(ys)) / 2) if xs else QPointF()
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

    def _refresh_collapsed(self, report) -> None:
        groups = self.net.groups()
        for path, box in self.collapsed_items.items():
            members = set(groups.get(path, []))
            params = sum(report.by_node[m].params for m in members if m in report.by_node)
            ins, outs = [], []
            for e in self.net.edges:
                if e.dst in members and e.src not in members:
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


class _HintBubble(QGraphicsSimpleTextItem):
    """The reason a connection would be refused, next to the cursor."""

    def __init__(self):
        super().__init__()
        self.setZValue(10)
        self._text = ""

    def set_text(self, text: str) -> None:
        import textwrap

        self._text = "\n".join(textwrap.wrap(text, 60))
        self.setText(self._text)
        self.setBrush(style.text_color())

    def boundingRect(self):
        return super().boundingRect().adjusted(-6, -4, 6, 4)

    def paint(self, painter, option, widget=None):
        from PySide6.QtGui import QPalette

        from gui.canvas.style import palette

        painter.setPen(QPen(style.error_color(), 1.2))
        painter.setBrush(palette().color(QPalette.ToolTipBase))
        painter.drawRoundedRect(self.boundingRect(), 5, 5)
        painter.setPen(palette().color(QPalette.ToolTipText))
        painter.drawText(super().boundingRect(), Qt.AlignLeft, self._text)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

