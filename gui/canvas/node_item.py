"""A layer on the canvas: a rounded box with name, type, key params and output
shape, input ports on top and output ports at the bottom."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsItem

from gui.canvas import style
from gui.i18n import translate

SIMPLE_LOD = 0.75  # below this zoom a node draws its simplified form (larger, fewer words)
READABLE_PX = 11.0  # the on-screen size of a name in the simplified form


class PortItem(QGraphicsEllipseItem):
    """One input or output port. The scene turns a press near it into a
    connection drag (from a connected input port: that connection picked up)."""

    NORMAL, CANDIDATE, REFUSED, SNAPPED = range(4)

    def __init__(self, node_item: "NodeItem", is_input: bool, index: int, name: str):
        r = style.PORT_RADIUS
        super().__init__(-r, -r, 2 * r, 2 * r, node_item)
        self.node_item, self.is_input, self.index, self.name = node_item, is_input, index, name
        self.state = self.NORMAL
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CrossCursor)
        self.setZValue(2)
        self.setToolTip((translate("PortItem", "input {index}: {name}") if is_input
                         else translate("PortItem", "output {index}: {name}")).format(index=index, name=name))
        self._hover = False
        self.restyle()

    @property
    def node_id(self) -> str:
        return self.node_item.node_id

    def set_state(self, state: int) -> None:
        if state != self.state:
            self.state = state
            self.restyle()

    def restyle(self) -> None:
        color = {self.NORMAL: style.border_color(), self.CANDIDATE: style.ok_color(),
                 self.REFUSED: style.error_color(), self.SNAPPED: style.ok_color()}[self.state]
        fill = QColor(color) if (self._hover or self.state != self.NORMAL) else style.node_fill()
        self.setBrush(QBrush(fill))
        self.setPen(QPen(style.highlight() if self.state == self.SNAPPED else color,
                         3.0 if self.state == self.SNAPPED else 1.6))
        scale = {self.SNAPPED: 2.0, self.REFUSED: 1.6}.get(
            self.state, 1.45 if (self._hover or self.state == self.CANDIDATE) else 1.0)
        self.setScale(scale)

    def set_hover(self, hover: bool) -> None:
        if hover != self._hover:
            self._hover = hover
            self.restyle()

    def hoverEnterEvent(self, event):
        self.set_hover(True)
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event):
        self.set_hover(False)
        super().hoverLeaveEvent(event)


class NodeItem(QGraphicsItem):
    def __init__(self, node_id: str):
        super().__init__()
        self.node_id = node_id
        self.title = node_id
        self.type_text = ""
        self.params_text = ""
        self.shape_text = ""
        self.compact_shape = ""
        self.count_text = ""
        self.category = "core"
        self.severity: str | None = None
        self.frozen = False
        self.in_ports: list[PortItem] = []
        self.out_ports: list[PortItem] = []
        self._near_port: PortItem | None = None
        self.edges: set = set()
        self.setFlags(QGraphicsItem.ItemIsMovable | QGraphicsItem.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setZValue(1)
        self.setCacheMode(QGraphicsItem.DeviceCoordinateCache)

    # ------------------------------------------------------------ content --

    def set_content(self, title, type_text, params_text, shape_text, count_text, category,
                    severity, tooltip, frozen=False, compact_shape="") -> None:
        self.title, self.type_text, self.params_text = title, type_text, params_text
        self.compact_shape = compact_shape or shape_text
        self.shape_text, self.count_text, self.category = shape_text, count_text, category
        self.severity, self.frozen = severity, frozen
        self.setToolTip(tooltip)
        self.update()

    def set_ports(self, inputs: list[str], outputs: list[str]) -> None:
        """Create or remove port items so that they match the given names."""
        if [p.name for p in self.in_ports] == list(inputs) and \
                [p.name for p in self.out_ports] == list(outputs):
            return
        self._near_port = None
        for port in self.in_ports + self.out_ports:
            port.setParentItem(None)
            if port.scene() is not None:
                port.scene().removeItem(port)
        w, h = style.NODE_WIDTH, style.NODE_HEIGHT
        self.in_ports = [PortItem(self, True, i, n) for i, n in enumerate(inputs)]
        self.out_ports = [PortItem(self, False, i, n) for i, n in enumerate(outputs)]
        for ports, y in ((self.in_ports, -h / 2), (self.out_ports, h / 2)):
            for i, port in enumerate(ports):
                port.setPos(-w / 2 + w * (i + 1) / (len(ports) + 1), y)
        for edge in list(self.edges):
            edge.adjust()

    def in_port(self, index: int) -> PortItem | None:
        return self.in_ports[index] if 0 <= index < len(self.in_ports) else None

    def out_port(self, index: int) -> PortItem | None:
        return self.out_ports[index] if 0 <= index < len(self.out_ports) else None

    def port_pos(self, index: int, is_input: bool) -> QPointF:
        port = self.in_port(index) if is_input else self.out_port(index)
        if port is not None:
            return port.scenePos()
        h = style.NODE_HEIGHT
        return self.scenePos() + QPointF(0, -h / 2 if is_input else h / 2)

    # ------------------------------------------------------------ drawing --

    def boundingRect(self) -> QRectF:
        w, h = style.NODE_WIDTH, style.NODE_HEIGHT
        return QRectF(-w / 2 - 4, -h / 2 - 4, w + 8, h + 8)

    def shape(self):
        path = QPainterPath()
        w, h = style.NODE_WIDTH, style.NODE_HEIGHT
        path.addRoundedRect(QRectF(-w / 2, -h / 2, w, h), 7, 7)
        return path

    def paint(self, painter, option, widget=None):
        w, h = style.NODE_WIDTH, style.NODE_HEIGHT
        rect = QRectF(-w / 2, -h / 2, w, h)
        painter.setRenderHint(painter.RenderHint.Antialiasing)
        if self.severity == "error":
            pen = QPen(style.error_color(), 2.2)
        elif self.severity == "warning":
            pen = QPen(style.warning_color(), 2.0)
        else:
            pen = QPen(style.border_color(), 1.0)
        if self.isSelected():
            pen = QPen(style.highlight(), 2.6)
        fill = style.node_fill()
        if self.severity == "error":
            fill = _tint(fill, style.error_color(), 0.10)
        elif self.severity == "warning":
            fill = _tint(fill, style.warning_color(), 0.08)
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 7, 7)
        stripe = QPainterPath()
        stripe.addRoundedRect(QRectF(rect.left(), rect.top(), 7, h), 3.5, 3.5)
        painter.fillPath(stripe, style.category_color(self.category))
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if lod < SIMPLE_LOD:
            self._paint_simple(painter, rect, lod)
            return

        base = QFont(painter.font())
        left = rect.left() + 14
        inner = w - 22
        bold = QFont(base)
        bold.setBold(True)
        small = QFont(base)
        small.setPointSizeF(max(6.0, base.pointSizeF() * 0.86))
        fm_small = QFontMetricsF(small)

        painter.setFont(small)
        painter.setPen(style.muted_text())
        count_w = fm_small.horizontalAdvance(self.count_text) + 4
        painter.drawText(QRectF(rect.right() - count_w - 8, rect.top() + 4, count_w, 18),
                         Qt.AlignRight | Qt.AlignVCenter, self.count_text)
        painter.setFont(bold)
        painter.setPen(style.text_color())
        fm_bold = QFontMetricsF(bold)
        title = fm_bold.elidedText(self.title + (" ❄" if self.frozen else ""), Qt.ElideRight,
                                   inner - count_w)
        painter.drawText(QRectF(left, rect.top() + 4, inner - count_w, 18),
                         Qt.AlignLeft | Qt.AlignVCenter, title)
        painter.setFont(small)
        painter.setPen(style.muted_text())
        second = self.type_text + (f" · {self.params_text}" if self.params_text else "")
        painter.drawText(QRectF(left, rect.top() + 23, inner, 18), Qt.AlignLeft | Qt.AlignVCenter,
                         fm_small.elidedText(second, Qt.ElideRight, inner))
        painter.setFont(base)
        color = style.error_color() if self.severity == "error" else style.text_color()
        painter.setPen(color)
        fm = QFontMetricsF(base)
        painter.drawText(QRectF(left, rect.top() + 43, inner, 20), Qt.AlignLeft | Qt.AlignVCenter,
                         fm.elidedText(self.shape_text, Qt.ElideRight, inner))

    def _paint_simple(self, painter, rect: QRectF, lod: float) -> None:
        """Zoomed out: fewer, larger words, sized to stay readable on screen — the
        name, and below it the type and output shape while there is room."""
        inner = rect.adjusted(14, 3, -8, -3)
        bold = QFont(painter.font())
        bold.setBold(True)
        two_lines = lod >= 0.3
        bold.setPixelSize(max(12, min(26 if two_lines else 40, round(READABLE_PX / lod))))
        painter.setFont(bold)
        painter.setPen(style.error_color() if self.severity == "error" else style.text_color())
        fm = QFontMetricsF(bold)
        title = fm.elidedText(self.title, Qt.ElideMiddle, inner.width())  # names differ at the end
        if not two_lines:
            painter.drawText(inner, Qt.AlignLeft | Qt.AlignVCenter, title)
            return
        top = QRectF(inner.left(), inner.top(), inner.width(), inner.height() * 0.55)
        painter.drawText(top, Qt.AlignLeft | Qt.AlignVCenter, title)
        small = QFont(painter.font())
        small.setBold(False)
        small.setPixelSize(max(10, min(20, round(0.8 * READABLE_PX / lod))))
        painter.setFont(small)
        painter.setPen(style.muted_text())
        fm = QFontMetricsF(small)
        line = self.type_text + (f" · {self.compact_shape}" if self.compact_shape else "")
        bottom = QRectF(inner.left(), top.bottom(), inner.width(), inner.height() - top.height())
        painter.drawText(bottom, Qt.AlignLeft | Qt.AlignVCenter, fm.elidedText(line, Qt.ElideRight, inner.width()))

    # ----------------------------------------------------------- movement --
    # (no itemChange override: PySide6 6.12 loses a reference to None on every
    # itemChange call, so movement is followed from the mouse events instead)

    def mouseMoveEvent(self, event):
        super().mouseMoveEvent(event)
        scene = self.scene()
        if scene is not None:
            scene.items_dragged()

    # a port within reach of the pointer lights up (a press there starts a wire)
    def hoverMoveEvent(self, event):
        scene = self.scene()
        port = scene.port_at(event.scenePos()) if scene is not None and hasattr(scene, "port_at") else None
        near = port if port is not None and port.node_item is self else None
        if near is not self._near_port:
            if self._near_port is not None:
                self._near_port.set_hover(False)
            if near is not None:
                near.set_hover(True)
            self._near_port = near
            if near is not None:
                self.setCursor(Qt.CrossCursor)
            else:
                self.unsetCursor()
        super().hoverMoveEvent(event)

    def hoverLeaveEvent(self, event):
        if self._near_port is not None:
            self._near_port.set_hover(False)
            self._near_port = None
            self.unsetCursor()
        super().hoverLeaveEvent(event)

    def mouseDoubleClickEvent(self, event):
        scene = self.scene()
        if scene is not None:
            scene.node_double_clicked.emit(self.node_id)
        event.accept()


def _tint(base: QColor, color: QColor, amount: float) -> QColor:
    return QColor(int(base.red() * (1 - amount) + color.red() * amount),
                  int(base.green() * (1 - amount) + color.green() * amount),
                  int(base.blue() * (1 - amount) + color.blue() * amount))
