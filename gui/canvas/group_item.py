"""Groups on the canvas: a frame around an expanded block, or one box standing
for a collapsed block with its in/out shapes and parameter count."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPen
from PySide6.QtWidgets import QGraphicsItem

from gui.canvas import style
from gui.i18n import translate
from gui.canvas.node_item import READABLE_PX, SIMPLE_LOD

HEADER = 20.0


class GroupFrameItem(QGraphicsItem):
    """Drawn behind the nodes of an expanded group; click the header to collapse."""

    def __init__(self, path: str):
        super().__init__()
        self.path = path
        self.rect = QRectF()
        self.setZValue(-2)
        self.setAcceptHoverEvents(True)
        self.setToolTip(translate("GroupFrameItem", "Group {group}: click the header to collapse").format(group=path))

    def set_rect(self, rect: QRectF) -> None:
        if rect != self.rect:
            self.prepareGeometryChange()
            self.rect = rect

    def header_rect(self) -> QRectF:
        return QRectF(self.rect.left(), self.rect.top(), self.rect.width(), HEADER)

    def boundingRect(self) -> QRectF:
        return self.rect.adjusted(-1, -1, 1, 1)

    def paint(self, painter, option, widget=None):
        painter.setRenderHint(painter.RenderHint.Antialiasing)
        depth = self.path.count("/")
        fill = QColor(style.highlight())
        fill.setAlpha(14 + 8 * depth)
        pen = QColor(style.highlight())
        pen.setAlpha(110)
        painter.setPen(QPen(pen, 1.0, Qt.DashLine))
        painter.setBrush(fill)
        painter.drawRoundedRect(self.rect, 10, 10)
        font = QFont(painter.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.86))
        painter.setFont(font)
        painter.setPen(style.muted_text())
        name = self.path.rsplit("/", 1)[-1]
        painter.drawText(self.header_rect().adjusted(10, 0, -10, 0), Qt.AlignLeft | Qt.AlignVCenter,
                         f"▾ {name}")

    def mousePressEvent(self, event):
        if event.button() == Qt.LeftButton and self.header_rect().contains(event.pos()):
            event.accept()
            self.scene().collapse(self.path)
            return
        event.ignore()


class CollapsedGroupItem(QGraphicsItem):
    """One box for a collapsed group; double-click (or click the arrow) to expand."""

    def __init__(self, path: str):
        super().__init__()
        self.path = path
        self.lines = ("", "", "")
        self.severity = None
        self.in_shapes: list = []
        self.out_shapes: list = []
        self.edges: set = set()
        self.origin = QPointF()
        self.setFlags(QGraphicsItem.ItemIsSelectable | QGraphicsItem.ItemIsMovable)
        self.setZValue(1)

    def set_summary(self, n_layers: int, params: str, in_text: str, out_text: str, severity,
                    tooltip: str) -> None:
        name = self.path.rsplit("/", 1)[-1]
        self.lines = (f"▸ {name}", translate("CollapsedGroupItem", "block · {count} layers · {params} params")
                      .format(count=n_layers, params=params),
                      f"{in_text} → {out_text}")
        self.severity = severity
        self.setToolTip(tooltip)
        self.update()

    def boundingRect(self) -> QRectF:
        w, h = style.NODE_WIDTH + 20, style.NODE_HEIGHT
        return QRectF(-w / 2 - 4, -h / 2 - 4, w + 8, h + 8)

    def paint(self, painter, option, widget=None):
        painter.setRenderHint(painter.RenderHint.Antialiasing)
        w, h = style.NODE_WIDTH + 20, style.NODE_HEIGHT
        rect = QRectF(-w / 2, -h / 2, w, h)
        color = {"error": style.error_color(), "warning": style.warning_color()}.get(
            self.severity, style.highlight())
        painter.setPen(QPen(style.highlight() if self.isSelected() else color,
                            2.6 if self.isSelected() else 1.6))
        painter.setBrush(style.node_fill())
        painter.drawRoundedRect(rect.adjusted(4, 4, 4, 4), 8, 8)  # a stack of cards
        painter.drawRoundedRect(rect, 8, 8)
        inner = w - 20
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if lod < SIMPLE_LOD:  # zoomed out: the name and the size, in larger letters
            for i, (text, px, weight) in enumerate(((self.lines[0], 26, True), (self.lines[1], 18, False))):
                font = QFont(painter.font())
                font.setBold(weight)
                font.setPixelSize(max(10, min(px, round(READABLE_PX * (1 if weight else 0.8) / lod))))
                painter.setFont(font)
                painter.setPen(style.text_color() if weight else style.muted_text())
                box = QRectF(rect.left() + 10, rect.top() + 3 + i * (h - 6) * 0.55, inner, (h - 6) * (0.55 - 0.1 * i))
                painter.drawText(box, Qt.AlignLeft | Qt.AlignVCenter,
                                 QFontMetricsF(font).elidedText(text, Qt.ElideMiddle, inner))
            return
        base = QFont(painter.font())
        bold = QFont(base)
        bold.setBold(True)
        small = QFont(base)
        small.setPointSizeF(max(6.0, base.pointSizeF() * 0.86))
        for i, (font, text) in enumerate(zip((bold, small, base), self.lines)):
            painter.setFont(font)
            painter.setPen(style.text_color() if i != 1 else style.muted_text())
            fm = QFontMetricsF(font)
            painter.drawText(QRectF(rect.left() + 10, rect.top() + 4 + i * 20, inner, 19),
                             Qt.AlignLeft | Qt.AlignVCenter, fm.elidedText(text, Qt.ElideRight, inner))

    def anchor(self, is_input: bool):
        return self.scenePos() + QPointF(0, -style.NODE_HEIGHT / 2 if is_input else style.NODE_HEIGHT / 2)

    def port_pos(self, index: int, is_input: bool):
        return self.anchor(is_input)

    def mouseMoveEvent(self, event):
        super().mouseMoveEvent(event)
        scene = self.scene()
        if scene is not None:
            scene.items_dragged()

    def mousePressEvent(self, event):
        w = style.NODE_WIDTH + 20
        if event.button() == Qt.LeftButton and event.pos().x() < -w / 2 + 26 and event.pos().y() < -10:
            event.accept()
            self.scene().expand(self.path)
            return
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event):
        event.accept()
        self.scene().expand(self.path)
