"""A connection on the canvas, labelled with the tensor shape it carries.

Dragging near one of its ends picks that end up (the scene then lights up the
ports it may go to); a plain click selects it."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsPathItem

from gui.canvas import style


END_REACH = 60.0  # scene units from an end within which a drag picks that end up
END_REACH_PX = 24  # ... but never less than this many screen pixels


def connection_path(start: QPointF, end: QPointF) -> QPainterPath:
    """A smooth top-to-bottom curve; long straight runs bow out to the side so that
    a skip connection does not hide behind the nodes it skips."""
    path = QPainterPath(start)
    dy = end.y() - start.y()
    dx = end.x() - start.x()
    if abs(dx) < 30 and dy > 1.6 * style.NODE_HEIGHT + 60:
        side = style.NODE_WIDTH * 0.72
        path.cubicTo(QPointF(start.x() + side, start.y() + 50),
                     QPointF(end.x() + side, end.y() - 50), end)
        return path
    bend = max(40.0, abs(dy) * 0.45)
    path.cubicTo(QPointF(start.x(), start.y() + bend), QPointF(end.x(), end.y() - bend), end)
    return path


class EdgeItem(QGraphicsPathItem):
    def __init__(self, edge, src_item, dst_item):
        super().__init__()
        self.edge = edge
        self.src_item, self.dst_item = src_item, dst_item
        self.label = ""
        self.severity = None
        self.setFlags(QGraphicsItem.ItemIsSelectable)
        self.setZValue(0)
        self.setAcceptHoverEvents(True)
        self._label_rect = QRectF()
        self._press = None  # (end, screen position) of a press that may pick up an end
        self.picked = False
        src_item.edges.add(self)
        dst_item.edges.add(self)
        self.adjust()

    def detach(self) -> None:
        self.src_item.edges.discard(self)
        self.dst_item.edges.discard(self)

    def set_picked(self, picked: bool) -> None:
        """Drawn faintly while its end is being carried to another port."""
        self.picked = picked
        self.setOpacity(0.3 if picked else 1.0)

    def end_near(self, pos: QPointF) -> str | None:
        """"src" or "dst" when ``pos`` is close enough to that end to pick it up
        (the nearer one of the two), else None."""
        path = self.path()
        start, end = path.pointAtPercent(0.0), path.pointAtPercent(1.0)
        reach = END_REACH
        scene = self.scene()
        views = scene.views() if scene is not None else []
        if views:
            reach = max(reach, END_REACH_PX / max(views[0].transform().m11(), 1e-6))
        d_start = (pos - start).manhattanLength()
        d_end = (pos - end).manhattanLength()
        if min(d_start, d_end) > reach:
            return None
        return "dst" if d_end <= d_start else "src"

    # ------------------------------------------------------------ gestures --

    def hoverMoveEvent(self, event):
        scene = self.scene()
        if self.end_near(event.scenePos()) and scene is not None and scene.can_reconnect(self):
            self.setCursor(Qt.CrossCursor)
        else:
            self.unsetCursor()
        super().hoverMoveEvent(event)

    def mousePressEvent(self, event):
        self._press = None
        end = self.end_near(event.scenePos()) if event.button() == Qt.LeftButton else None
        if end is not None:
            self._press = (end, event.screenPos())
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event):
        scene = self.scene()
        if scene is None:
            return
        if self._press is not None:
            end, start = self._press
            if (event.screenPos() - start).manhattanLength() >= QApplication.startDragDistance():
                self._press = None
                scene.begin_reconnect(self, end, event.buttonDownScenePos(Qt.LeftButton))
        if scene.is_dragging(self):
            scene.drag_connection_to(event.scenePos())
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event):
        self._press = None
        scene = self.scene()
        if scene is not None and scene.is_dragging(self):
            scene.drop_connection_at(event.scenePos())
            return
        super().mouseReleaseEvent(event)

    def set_label(self, text: str, tooltip: str = "") -> None:
        if text != self.label:
            self.prepareGeometryChange()
            self.label = text
            self._update_label_rect()
        self.setToolTip(tooltip)
        self.update()

    def adjust(self) -> None:
        scene = self.scene()
        if scene is not None:
            start, end = scene.edge_anchors(self)
        else:
            start = self.src_item.port_pos(self.edge.src_port, False)
            end = self.dst_item.port_pos(self.edge.dst_port, True)
        self.prepareGeometryChange()
        self.setPath(connection_path(start, end))
        self._update_label_rect()

    def _update_label_rect(self) -> None:
        if not self.label:
            self._label_rect = QRectF()
            return
        font = QFont()
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.82))
        fm = QFontMetricsF(font)
        w, h = fm.horizontalAdvance(self.label) + 10, fm.height() + 2
        mid = self.path().pointAtPercent(0.5)
        self._label_rect = QRectF(mid.x() - w / 2, mid.y() - h / 2, w, h)

    def boundingRect(self) -> QRectF:
        return super().boundingRect().adjusted(-3, -3, 3, 3).united(self._label_rect)

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(10)
        out = stroker.createStroke(self.path())
        if not self._label_rect.isNull():
            out.addRect(self._label_rect)
        return out

    def paint(self, painter, option, widget=None):
        painter.setRenderHint(painter.RenderHint.Antialiasing)
        color = style.border_color()
        if self.isSelected():
            color = style.highlight()
        elif self.severity == "error":
            color = style.error_color()
        pen = QPen(color, 2.4 if self.isSelected() else 1.6)
        painter.setPen(pen)
        painter.setBrush(Qt.NoBrush)
        painter.drawPath(self.path())
        end = self.path().pointAtPercent(1.0)
        painter.setBrush(color)
        painter.drawEllipse(end, 2.5, 2.5)
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if self.label and not self._label_rect.isNull() and lod >= 0.7:  # unreadable smaller
            font = QFont(painter.font())
            font.setPointSizeF(max(6.0, font.pointSizeF() * 0.82))
            painter.setFont(font)
            painter.setPen(QPen(color, 0.8))
            painter.setBrush(style.background())
            painter.drawRoundedRect(self._label_rect, 4, 4)
            painter.setPen(style.text_color())
            painter.drawText(self._label_rect, Qt.AlignCenter, self.label)
