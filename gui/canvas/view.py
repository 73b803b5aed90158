"""The canvas view: pan, zoom, zoom-to-fit, rubber-band selection, drops from the
palette (onto empty space, or onto a connection to insert the layer there) and
an overview of the whole diagram in the corner."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QKeySequence, QPainter, QPen
from PySide6.QtWidgets import QGraphicsView, QWidget

from engine.errors import NeuroCanvasError
from gui import mime
from gui.canvas import style
from gui.canvas.edge_item import EdgeItem
from gui.commands import AddNodeCommand, InsertOnEdgeCommand

MIN_ZOOM, MAX_ZOOM = 0.08, 4.0


class CanvasView(QGraphicsView):
    layer_dropped = Signal(str)  # the id of the node a drop created
    error = Signal(str)
    zoom_changed = Signal(float)

    def __init__(self, scene, parent=None):
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing)
        self.setDragMode(QGraphicsView.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.SmartViewportUpdate)
        self.setOptimizationFlags(QGraphicsView.DontSavePainterState)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.StrongFocus)
        self._panning = None
        self._space = False
        self.overview = Overview(self)
        self.overview.hide()

    # ------------------------------------------------------------- zoom --

    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        self.scale(factor / self.zoom(), factor / self.zoom())
        self.zoom_changed.emit(self.zoom())
        self.overview.refresh()

    def zoom_by(self, step: float) -> None:
        self.set_zoom(self.zoom() * step)

    def zoom_at(self, step: float, view_pos) -> None:
        """Zoom by ``step`` keeping the scene point under ``view_pos`` (viewport
        coordinates) where it is, as far as the scroll range allows."""
        point = QPointF(view_pos).toPoint()
        before = self.mapToScene(point)
        anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.NoAnchor)
        self.set_zoom(self.zoom() * step)
        self.setTransformationAnchor(anchor)
        shift = self.mapToScene(point) - before
        centre = self.mapToScene(self.viewport().rect().center())
        self.centerOn(centre - shift)
        self.overview.refresh()

    def zoom_to_fit(self) -> None:
        rect = self.scene().items_rect()
        if rect.isNull():
            return
        self.fitInView(rect.adjusted(-40, -40, 40, 40), Qt.KeepAspectRatio)
        if self.zoom() > 1.25:
            self.set_zoom(1.25)
        self.centerOn(rect.center())
        self.zoom_changed.emit(self.zoom())
        self.overview.refresh()

    def show_start(self, readable: float = 0.6) -> None:
        """Fit the diagram if it stays readable; otherwise show its top (the inputs)
        at a readable zoom."""
        rect = self.scene().items_rect()
        if rect.isNull():
            return
        self.zoom_to_fit()
        if self.zoom() < readable:
            self.set_zoom(0.85)
            visible = self.mapToScene(self.viewport().rect()).boundingRect()
            self.centerOn(QPointF(rect.center().x() if rect.width() < visible.width() else
                                  rect.left() + visible.width() / 2,
                                  rect.top() + visible.height() / 2 - 30))
            self.overview.refresh()

    def wheelEvent(self, event):
        # a mouse wheel (or Ctrl + trackpad) zooms; a trackpad scroll pans
        trackpad = not event.pixelDelta().isNull()
        if not trackpad or event.modifiers() & (Qt.ControlModifier | Qt.MetaModifier):
            delta = event.angleDelta().y()
            if delta:
                self.zoom_at(1.0015 ** delta, event.position())
                event.accept()
                return
        super().wheelEvent(event)

    # -------------------------------------------------------------- pan --

    def keyPressEvent(self, event):
        if event.key() == Qt.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.OpenHandCursor)
            return
        if event.matches(QKeySequence.ZoomIn) or event.key() == Qt.Key_Plus:
            self.zoom_by(1.2)
            return
        if event.matches(QKeySequence.ZoomOut) or event.key() == Qt.Key_Minus:
            self.zoom_by(1 / 1.2)
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event):
        if event.key() == Qt.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().unsetCursor()
            return
        super().keyReleaseEvent(event)

    def mousePressEvent(self, event):
        if event.button() == Qt.MiddleButton or (self._space and event.button() == Qt.LeftButton):
            self._panning = event.position()
            self.viewport().setCursor(Qt.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event):
        if self._panning is not None:
            delta = event.position() - self._panning
            self._panning = event.position()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - int(delta.x()))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - int(delta.y()))
            self.overview.refresh()
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event):
        if self._panning is not None:
            self._panning = None
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event):
        item = self.itemAt(event.position().toPoint())
        if item is None:
            scene = self.scene()
            sel = scene.selected_node_ids()
            src = (sel[-1], 0) if len(sel) == 1 else None
            scene.quick_add_requested.emit(self.mapToScene(event.position().toPoint()), src)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def scrollContentsBy(self, dx, dy):
        super().scrollContentsBy(dx, dy)
        if getattr(self, "overview", None) is not None:
            self.overview.refresh()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if getattr(self, "overview", None) is None:
            return
        self.overview.place()
        self.overview.refresh()

    # ------------------------------------------------------------ drops --

    def dragEnterEvent(self, event):
        if event.mimeData().hasFormat(mime.LAYER_TYPE):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event):
        if event.mimeData().hasFormat(mime.LAYER_TYPE):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event):
        data = event.mimeData()
        if not data.hasFormat(mime.LAYER_TYPE):
            return super().dropEvent(event)
        type_name = bytes(data.data(mime.LAYER_TYPE)).decode()
        point = event.position().toPoint()
        event.acceptProposedAction()
        self.add_layer_at(type_name, self.mapToScene(point), self._edge_at(point))

    def _edge_at(self, point):
        for item in self.items(point):
            if isinstance(item, EdgeItem):
                return item.edge
        return None

    def add_layer_at(self, type_name: str, scene_pos: QPointF, edge=None, connect_from=None):
        """Add a layer (inserted into ``edge`` when given); returns its id or None."""
        scene = self.scene()
        doc = scene.doc
        g = style.GRID
        pos = (round(scene_pos.x() / g) * g, round(scene_pos.y() / g) * g)
        try:
            if edge is not None:
                command = InsertOnEdgeCommand(doc, type_name, edge, pos)
            else:
                command = AddNodeCommand(doc, type_name, pos=pos, connect_from=connect_from)
            doc.push(command)
        except NeuroCanvasError as exc:
            self.error.emit(str(exc))
            return None
        nid = command.result
        scene.select_nodes([nid])
        self.layer_dropped.emit(nid)
        return nid


class Overview(QWidget):
    """A small picture of the whole diagram with the visible part outlined;
    click or drag in it to move there. Shown only when the diagram does not fit."""

    SIZE = 170

    def __init__(self, view: CanvasView):
        super().__init__(view)
        self.view = view
        self.setFixedSize(self.SIZE, self.SIZE)
        self.setCursor(Qt.PointingHandCursor)
        self.place()

    def place(self) -> None:
        vp = self.view.viewport().geometry()
        self.move(vp.right() - self.SIZE - 10, vp.bottom() - self.SIZE - 10)

    def refresh(self) -> None:
        """Show the overview only while part of the diagram is out of sight."""
        rect, _ = self._mapping()
        visible = self.view.mapToScene(self.view.viewport().rect()).boundingRect()
        need = rect is not None and not visible.contains(rect.adjusted(50, 50, -50, -50))
        self.setVisible(need)
        if need:
            self.update()

    def _mapping(self):
        scene = self.view.scene()
        if scene is None:
            return None, 1.0
        rect = scene.items_rect().adjusted(-60, -60, 60, 60)
        if rect.isNull() or rect.width() <= 0:
            return None, 1.0
        scale = min((self.width() - 8) / rect.width(), (self.height() - 8) / rect.height())
        return rect, scale

    def paintEvent(self, event):
        scene = self.view.scene()
        visible = self.view.mapToScene(self.view.viewport().rect()).boundingRect()
        rect, scale = self._mapping()
        if rect is None:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        bg = style.node_fill()
        bg.setAlpha(225)
        p.setPen(QPen(style.border_color(), 1))
        p.setBrush(bg)
        p.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)

        def to_local(pt):
            return QPointF(4 + (pt.x() - rect.left()) * scale, 4 + (pt.y() - rect.top()) * scale)

        p.setPen(Qt.NoPen)
        for item in list(scene.nodes.values()) + list(scene.collapsed_items.values()):
            if not item.isVisible():
                continue
            r = item.sceneBoundingRect()
            color = style.error_color() if getattr(item, "severity", None) == "error" \
                else style.category_color(getattr(item, "category", "core"))
            p.setBrush(color)
            tl = to_local(r.topLeft())
            p.drawRect(QRectF(tl.x(), tl.y(), max(2.0, r.width() * scale), max(1.5, r.height() * scale)))
        p.setBrush(Qt.NoBrush)
        p.setPen(QPen(style.highlight(), 1.5))
        p.drawRect(QRectF(to_local(visible.topLeft()), to_local(visible.bottomRight())))
        p.end()

    def _go(self, pos) -> None:
        rect, scale = self._mapping()
        if rect is None:
            return
        self.view.centerOn(QPointF(rect.left() + (pos.x() - 4) / scale, rect.top() + (pos.y() - 4) / scale))
        self.refresh()

    def mousePressEvent(self, event):
        self._go(event.position())

    def mouseMoveEvent(self, event):
        if event.buttons() & Qt.LeftButton:
            self._go(event.position())
