"""A connection being drawn with the mouse (the "live pipe" of a node editor).

One :class:`ConnectionDrag` lives from the press on a port (or on the end of
an existing connection, which is then carried) to the release or Escape. Its
wire is a :class:`LivePipe` item (dashed while loose, solid when it snaps to a
port that takes it, red with the reason beside the pointer when the port
refuses it). The drag lights up the ports it may go to, finds the port the
pointer means — the one under it, else the nearest compatible port within
the snapping distance — and says why a port refuses the wire, next to the
pointer. On the release, :meth:`ConnectionDrag.drop` turns it into one undo
command pushed through the scene (connect, reconnect or remove), or into the
reason it is refused; until then it edits nothing.

A drop on a port that refuses the connection is reported through
:meth:`ConnectionDrag.refuse` (the ``refused`` signal carries the two ports,
the scene position and the reason), so that a richer refusal (with a fix)
can be shown where the pointer is.
"""

from __future__ import annotations

import textwrap

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QPalette, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsSimpleTextItem

from engine.network import Edge
from gui.canvas import style
from gui.canvas.edge_item import EdgeItem, connection_path
from gui.canvas.group_item import CollapsedGroupItem
from gui.canvas.node_item import NodeItem, PortItem
from engine.connection_rule import connection_refusal
from gui.commands import ConnectCommand, DisconnectCommand, ReconnectCommand
from gui.i18n import translate, tx

HIGHLIGHT_LIMIT = 400  # above this many nodes, candidate ports are not pre-computed
PORT_HIT_PX = 14.0  # a press this close to a port (screen pixels) starts a connection
SNAP_PX = 36.0  # the nearest compatible port this close to the pointer takes the drop
CLEAR_PX = 56.0  # releasing over empty canvas offers "Add layer…" only this far from any port
PUT_BACK = 24.0  # a picked-up connection dropped this close to where it was is put back


def scene_distance(scene, pixels: float) -> float:
    """``pixels`` on screen in scene units, at the zoom of the scene's first view."""
    views = scene.views() if scene is not None else []
    zoom = views[0].transform().m11() if views else 1.0
    return pixels / max(zoom, 1e-6)


def ports_near(scene, pos: QPointF, radius: float):
    """Visible ports within ``radius`` of ``pos``, nearest first, as (distance, port)."""
    found = []
    box = QRectF(pos.x() - radius, pos.y() - radius, 2 * radius, 2 * radius)
    for item in scene.items(box):
        if isinstance(item, PortItem) and item.isVisible() and item.node_item.isVisible():
            d = (item.scenePos() - pos)
            dist = (d.x() ** 2 + d.y() ** 2) ** 0.5
            if dist <= radius:
                found.append((dist, item))
    found.sort(key=lambda pair: pair[0])
    return found


def port_at(scene, pos: QPointF, exclude=None) -> PortItem | None:
    """The port a press at ``pos`` means: the nearest within reach. Ports are
    small, so the reach is generous, except over a connection leaving an
    output port: there a press picks up that connection's end unless it is
    on the port itself."""
    reach = max(scene_distance(scene, PORT_HIT_PX), style.PORT_RADIUS * 2)
    on_edge = None
    for d, port in ports_near(scene, pos, reach):
        if port is exclude:
            continue
        if d > style.PORT_RADIUS * 1.2 and not port.is_input:
            if on_edge is None:
                on_edge = any(isinstance(i, EdgeItem) and i.isVisible() and i.end_near(pos)
                              for i in scene.items(pos))
            if on_edge:
                continue
        return port
    return None


class ConnectionDrag(QObject):
    """The loose end of a connection following the pointer.

    ``port`` is the fixed end; ``net`` the network the new connection is checked
    against (for a carried connection: the network without it); ``reconnect``
    the carried connection's item, or None for a new connection.
    """

    refused = Signal(object, object, QPointF, str)  # src port, dst port, scene position, reason

    def __init__(self, scene, port: PortItem, net, reconnect=None, origin: QPointF | None = None):
        super().__init__(scene)
        self.scene, self.port, self.net = scene, port, net
        self.reconnect, self.origin = reconnect, QPointF(origin) if origin is not None else None
        self.report = None if net is not scene.net else scene.doc.report()
        self.target: PortItem | None = None
        self.pos = QPointF(port.scenePos())
        self._reasons: dict[int, str] = {}
        self.path = LivePipe()
        self.bubble = self.path.bubble
        scene.addItem(self.path)
        if reconnect is not None:
            reconnect.set_picked(True)
        self._mark_candidates()

    @classmethod
    def pick_up(cls, scene, item, fixed: PortItem, pos: QPointF) -> "ConnectionDrag":
        """Carry one end of the connection ``item``; ``fixed`` is the port its other
        end stays on. Ports are checked against the network without it."""
        e = item.edge
        trial = scene.net.copy()
        trial.disconnect(e.src, e.dst, e.src_port, e.dst_port)
        return cls(scene, fixed, trial, reconnect=item, origin=pos)

    # --------------------------------------------------------- checking --

    def endpoints(self, other: PortItem):
        """(source port, destination port) of a wire between the fixed end and ``other``."""
        return (other, self.port) if self.port.is_input else (self.port, other)

    def reason_for(self, other: PortItem) -> str:
        """Why a wire to ``other`` would be refused ('' when it would be made)."""
        key = id(other)
        if key not in self._reasons:
            src, dst = self.endpoints(other)
            new = (src.node_id, dst.node_id, src.index, dst.index)
            if self.reconnect is not None and Edge(*new) == self.reconnect.edge:
                self._reasons[key] = ""  # back where it was
            else:
                if self.report is None:  # the network without the carried connection, once
                    self.report = self.net.analyze()
                self._reasons[key] = tx(connection_refusal(self.net, self.report, *new))
        return self._reasons[key]

    def _mark_candidates(self) -> None:
        self._candidates: set[int] = set()
        if len(self.scene.nodes) > HIGHLIGHT_LIMIT:
            return
        for item in self.scene.nodes.values():
            if not item.isVisible():
                continue
            for other in (item.out_ports if self.port.is_input else item.in_ports):
                src, dst = self.endpoints(other)
                problem = self.net.connection_problem(src.node_id, dst.node_id, src.index, dst.index)
                if not problem:
                    self._candidates.add(id(other))
                other.set_state(PortItem.NORMAL if problem else PortItem.CANDIDATE)

    def _fits(self, other: PortItem) -> bool:
        return other is not self.port and other.is_input != self.port.is_input \
            and other.node_item is not self.port.node_item

    def target_at(self, pos: QPointF) -> PortItem | None:
        """The port a drop at ``pos`` goes to: the one right under the pointer, else
        the nearest port within the snapping distance that accepts the wire, else
        the nearest one that refuses it (so that its reason shows)."""
        near = [(d, p) for d, p in ports_near(self.scene, pos, scene_distance(self.scene, SNAP_PX))
                if self._fits(p)]
        over = self._node_under(pos)
        if over is not None:  # over a node's body: only its own ports
            near = [(d, p) for d, p in near if p.node_item is over]
        if not near:
            return None
        hit = scene_distance(self.scene, PORT_HIT_PX)
        if near[0][0] <= max(hit, style.PORT_RADIUS * 1.5):
            return near[0][1]
        for _d, other in near:
            if not self.reason_for(other):
                return other
        return near[0][1]

    def _node_under(self, pos: QPointF):
        for item in self.scene.items(pos):
            if isinstance(item, NodeItem) and item.isVisible() and item.shape().contains(item.mapFromScene(pos)):
                return item
        return None

    def port_is_near(self, pos: QPointF) -> bool:
        """Whether any port the wire could go to is near ``pos`` (no "Add layer…" then)."""
        return any(self._fits(p) for _d, p in ports_near(self.scene, pos,
                                                         scene_distance(self.scene, CLEAR_PX)))

    # ----------------------------------------------------------- moving --

    def move_to(self, pos: QPointF) -> None:
        """Follow the pointer; the wire ends on the port it snaps to."""
        self.pos = QPointF(pos)
        target = self.target_at(pos)
        end = target.scenePos() if target is not None else pos
        previous = self.target
        if previous is not None and previous is not target:
            previous.set_state(PortItem.CANDIDATE if id(previous) in self._candidates else PortItem.NORMAL)
        self.target = target
        reason = self.reason_for(target) if target is not None else ""
        if target is not None:
            target.set_state(PortItem.REFUSED if reason else PortItem.SNAPPED)
        state = LivePipe.LOOSE if target is None else (LivePipe.REFUSED if reason else LivePipe.SNAPPED)
        self.path.draw(self.port.scenePos(), end, self.port.is_input, state, reason, pos)

    # ----------------------------------------------------------- the drop --

    def drop(self, pos: QPointF) -> None:
        """The release at ``pos`` (after the wire was taken away): on a port that takes
        the wire, connect; on one that refuses it, say why; a new wire released on
        empty canvas far from any port offers to add a layer there."""
        if self.reconnect is not None:
            self._drop_carried(pos)
            return
        scene, port, target = self.scene, self.port, self.target
        if target is None:
            if not port.is_input and not self.port_is_near(pos) \
                    and (pos - port.scenePos()).manhattanLength() > 40 \
                    and not any(isinstance(i, (NodeItem, CollapsedGroupItem)) for i in scene.items(pos)):
                scene.quick_add_requested.emit(pos, (port.node_id, port.index))
            return
        src, dst = self.endpoints(target)
        reason = self.reason_for(target)
        if not reason:
            reason = scene.push_or_reason(ConnectCommand(scene.doc, src.node_id, dst.node_id,
                                                          src.index, dst.index))
        if reason:
            scene.refuse_connection(reason)
            self.refuse(src, dst, pos, reason)

    def _drop_carried(self, pos: QPointF) -> None:
        """A picked-up connection dropped: on a port it is reconnected there (or refused
        with the reason), on empty canvas it is removed, back where it was nothing changes."""
        scene, target = self.scene, self.target
        edge = self.reconnect.edge
        if edge not in scene.edges:
            return
        if target is None:
            if (pos - self.origin).manhattanLength() < PUT_BACK:
                return
            if any(isinstance(i, (NodeItem, CollapsedGroupItem)) for i in scene.items(pos)):
                scene.message.emit(translate("ConnectionDrag", "Drop the connection on a port to reconnect "
                                                               "it, or on empty canvas to remove it."))
                return
            reason = scene.push_or_reason(DisconnectCommand(scene.doc, edge))
            if reason:
                scene.refuse_connection(reason)
                return
            scene.message.emit(translate("ConnectionDrag", "Removed the connection {connection}.").format(
                connection=_edge_text(scene.net, edge)))
            return
        src, dst = self.endpoints(target)
        new = (src.node_id, dst.node_id, src.index, dst.index)
        if new == (edge.src, edge.dst, edge.src_port, edge.dst_port):
            return
        reason = self.reason_for(target)
        if not reason:
            reason = scene.push_or_reason(ReconnectCommand(scene.doc, edge, *new))
        if reason:
            scene.refuse_connection(reason)
            self.refuse(src, dst, pos, reason)
            return
        scene.message.emit(translate("ConnectionDrag", "Reconnected: {connection}.").format(
            connection=_edge_text(scene.net, Edge(*new))))


    def refuse(self, src: PortItem, dst: PortItem, pos: QPointF, reason: str) -> None:
        """A drop on a port that refuses the wire: tell whoever listens."""
        self.refused.emit(src, dst, QPointF(pos), reason)

    def remove(self) -> None:
        """Take the wire, the hint and the highlights away."""
        scene = self.scene
        if self.path.scene() is scene:
            scene.removeItem(self.path)  # the hint bubble goes with it
        for item in scene.nodes.values():
            for p in item.in_ports + item.out_ports:
                p.set_state(PortItem.NORMAL)
        if self.reconnect is not None:
            self.reconnect.set_picked(False)


def _edge_text(net, e: Edge) -> str:
    def name(nid):
        node = net.nodes.get(nid)
        return node.name if node is not None else nid
    return f"{name(e.src)} → {name(e.dst)}"


class LivePipe(QGraphicsPathItem):
    """The wire of a connection being dragged, from the fixed port to the pointer
    (or to the port it snaps to), with the reason a drop would be refused in a
    bubble beside the pointer (a child item: it comes and goes with the wire)."""

    LOOSE, SNAPPED, REFUSED = range(3)

    def __init__(self):
        super().__init__()
        self.setZValue(5)
        self.state = self.LOOSE
        self.setPen(QPen(style.highlight(), 2.0, Qt.DashLine))
        self.bubble = HintBubble(self)
        self.bubble.hide()

    def draw(self, fixed: QPointF, loose: QPointF, fixed_is_input: bool, state: int,
             reason: str = "", pointer: QPointF | None = None) -> None:
        """The wire between the ``fixed`` port and the ``loose`` end (drawn from the
        output side), in the look of ``state``; ``reason`` shows next to ``pointer``."""
        self.setPath(connection_path(loose, fixed) if fixed_is_input else connection_path(fixed, loose))
        self.state = state
        if state == self.SNAPPED:
            self.setPen(QPen(style.ok_color(), 2.4))
        else:
            self.setPen(QPen(style.error_color() if state == self.REFUSED else style.highlight(),
                             2.0, Qt.DashLine))
        if state == self.REFUSED and reason:
            self.bubble.set_text(reason)
            self.bubble.setPos((pointer if pointer is not None else loose) + QPointF(14, 10))
            self.bubble.show()
        else:
            self.bubble.hide()


class HintBubble(QGraphicsSimpleTextItem):
    """The reason a connection would be refused, next to the pointer."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setZValue(10)
        # drawn at screen size whatever the zoom: the reason stays readable
        self.setFlag(QGraphicsSimpleTextItem.ItemIgnoresTransformations, True)
        self._text = ""

    def set_text(self, text: str) -> None:
        self._text = "\n".join(textwrap.wrap(text, 60))
        self.setText(self._text)
        self.setBrush(style.text_color())

    def boundingRect(self):
        return super().boundingRect().adjusted(-6, -4, 6, 4)

    def paint(self, painter, option, widget=None):
        painter.setPen(QPen(style.error_color(), 1.2))
        painter.setBrush(style.palette().color(QPalette.ToolTipBase))
        painter.drawRoundedRect(self.boundingRect(), 5, 5)
        painter.setPen(style.palette().color(QPalette.ToolTipText))
        painter.drawText(super().boundingRect(), Qt.AlignLeft, self._text)
