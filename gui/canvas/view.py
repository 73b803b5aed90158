"""The canvas view: pan, zoom, zoom-to-fit, rubber-band selection, drops from the
palette (onto empty space, onto a node to insert the layer after it, or onto a
connection to insert the layer there) and an overview of the whole diagram in
the corner.

The view never moves by itself: its scene rectangle always holds what is on
screen plus room around the diagram, so adding, moving or deleting nodes and
drawing a connection (whose wire and hint come and go) leave the scroll
position alone. The one exception is a connection dragged to the edge of the
viewport, which scrolls the view that way. Each document keeps its own zoom
and position; switching back to it restores them.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPainter, QPen
from PySide6.QtWidgets import QGraphicsView, QWidget

from engine.errors import NeuroCanvasError
from gui import mime
from gui.format_text import error_text
from gui.canvas import style
from gui.canvas.edge_item import EdgeItem
from gui.canvas.node_item import NodeItem
from gui.commands import (
    NODE_BOX, AddNodeCommand, InsertAfterCommand, InsertOnEdgeCommand, free_position,
)

MIN_ZOOM, MAX_ZOOM = 0.08, 4.0
LEGIBLE_ZOOM = 0.5  # Zoom to Fit never goes below this: the node names stay readable
START_ZOOM = 0.6  # a document opens fitted whole when that zoom is at least this
START_ZOOM_BIG = 0.85  # ... else at this zoom, showing its inputs
EDGE_SCROLL_PX = 28  # a connection dragged this close to the viewport's edge scrolls the view
EDGE_SCROLL_STEP = 18  # pixels per tick at the very edge


class CanvasView(QGraphicsView):
    layer_dropped = Signal(str)  # the id of the node a drop created
    error = Signal(str)
    zoom_changed = Signal(float)

    node_menu_requested = None  # callable(node_id, global QPoint) set by the window

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
        self._pointer = None  # where the pointer is during a connection drag (viewport)
        self._states: dict = {}  # file path -> (zoom, centre) where it was last shown
        self.overview = Overview(self)
        self.overview.hide()
        self._edge_timer = QTimer(self)
        self._edge_timer.setInterval(30)
        self._edge_timer.timeout.connect(self._edge_scroll)
        self._rect_timer = QTimer(self)
        self._rect_timer.setSingleShot(True)
        self._rect_timer.setInterval(0)
        self._rect_timer.timeout.connect(self._contents_changed)
        scene.contents_changed.connect(self._rect_timer.start)
        scene.document_replaced.connect(self._document_replaced)
        scene.drag_ended.connect(self._stop_edge_scroll)
        self.update_scene_rect()

    # ------------------------------------------------------ scene rect --

    def visible_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def update_scene_rect(self, zoom: float | None = None) -> None:
        """The diagram with a viewport's worth of room around it, and always all that
        is on screen now (so setting it never scrolls). While a connection is being
        dragged it only grows. ``zoom``: make room for the view at that zoom."""
        scene = self.scene()
        if scene is None:
            return
        zoom = zoom or self.zoom()
        vp = self.viewport().rect()
        mw, mh = vp.width() / zoom, vp.height() / zoom
        visible = self.visible_rect()
        items = scene.items_rect() if scene.doc is not None else QRectF()
        if items.isNull():
            items = QRectF(visible.center().x() - 1, visible.center().y() - 1, 2, 2)
        if zoom != self.zoom():  # about to zoom: room for the view at the new zoom around this one
            visible = visible.adjusted(-mw, -mh, mw, mh)
        rect = items.adjusted(-mw, -mh, mw, mh).united(visible)
        if scene.is_dragging():
            rect = rect.united(self.sceneRect())
        if rect != self.sceneRect():
            self.setSceneRect(rect)

    def _contents_changed(self) -> None:
        self.update_scene_rect()
        self.overview.refresh()

    # ------------------------------------------------------------- zoom --

    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        self.update_scene_rect(factor)
        self.scale(factor / self.zoom(), factor / self.zoom())
        self.update_scene_rect()
        self.zoom_changed.emit(self.zoom())
        self.overview.refresh()

    def zoom_by(self, step: float) -> None:
        """Zoom about the middle of the view (keys and menu: wherever the pointer is)."""
        centre = self.visible_rect().center()
        anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.NoAnchor)
        self.set_zoom(self.zoom() * step)
        self.setTransformationAnchor(anchor)
        self.show_at(centre)

    def zoom_at(self, step: float, view_pos) -> None:
        """Zoom by ``step`` keeping the scene point under ``view_pos`` (viewport
        coordinates) where it is."""
        point = QPointF(view_pos).toPoint()
        before = self.mapToScene(point)
        anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.NoAnchor)
        self.set_zoom(self.zoom() * step)
        self.setTransformationAnchor(anchor)
        shift = self.mapToScene(point) - before
        centre = self.mapToScene(self.viewport().rect().center())
        self.show_at(centre - shift)
        self.overview.refresh()

    def show_at(self, centre: QPointF) -> None:
        """Centre the view on ``centre`` (the scene rect grows to allow it)."""
        vp = self.viewport().rect()
        w, h = vp.width() / self.zoom(), vp.height() / self.zoom()
        wanted = QRectF(centre.x() - w / 2, centre.y() - h / 2, w, h)
        if not self.sceneRect().contains(wanted):
            self.setSceneRect(self.sceneRect().united(wanted.adjusted(-w, -h, w, h)))
        self.centerOn(centre)
        self.update_scene_rect()

    def fit_zoom(self, rect: QRectF) -> tuple[float, bool]:
        """The zoom that shows ``rect`` whole (never above 1.25), or when that would be
        below the legible minimum, the legible minimum: as much as can be read at
        once, the whole width when it fits there. The flag says whether all fits."""
        vp = self.viewport().rect()
        margin = 80.0
        whole = min(vp.width() / (rect.width() + margin), vp.height() / (rect.height() + margin))
        if whole >= LEGIBLE_ZOOM:
            return min(whole, 1.25), True
        return LEGIBLE_ZOOM, False

    def zoom_to_fit(self, keep_place: bool = True) -> None:
        """Show the whole diagram; one too big to be read that way is fitted by its
        width at a legible zoom and keeps the part now in view (``keep_place``) or
        shows its top (the inputs)."""
        scene = self.scene()
        rect = scene.items_rect()
        if rect.isNull():
            return
        was = self.visible_rect().center()
        zoom, whole = self.fit_zoom(rect)
        self.set_zoom(zoom)
        if whole:
            self.show_at(rect.center())
        else:
            visible = self.visible_rect()
            half_h = visible.height() / 2
            top, bottom = rect.top() - 40 + half_h, rect.bottom() + 40 - half_h
            y = min(max(was.y(), top), bottom) if keep_place else top
            x = rect.center().x() if rect.width() + 80 <= visible.width() else \
                min(max(was.x(), rect.left() - 40 + visible.width() / 2),
                    rect.right() + 40 - visible.width() / 2)
            self.show_at(QPointF(x, y))
        self.zoom_changed.emit(self.zoom())
        self.overview.refresh()

    def show_start(self, readable: float | None = None) -> None:
        """The first view of the document: where it was left when it was shown
        before, else the whole diagram when it shows in full detail, else its top
        (the inputs) at a comfortable zoom (Zoom to Fit then shows more of it)."""
        scene = self.scene()
        doc = scene.doc
        state = getattr(doc, "view_state", None)
        path = getattr(doc, "path", None)
        if state is None and path:
            state = self._states.get(str(path))
        if state is not None:
            zoom, centre = state
            self.set_zoom(zoom)
            self.show_at(centre)
            self.overview.refresh()
            return
        rect = scene.items_rect()
        if rect.isNull():  # an empty document: actual size, the origin in the middle
            self.set_zoom(1.0)
            self.show_at(QPointF(0, 0))
            self.overview.refresh()
            return
        zoom, whole = self.fit_zoom(rect)
        if whole and zoom >= START_ZOOM:
            self.zoom_to_fit(keep_place=False)
            return
        # too big to read whole in full detail: its top at a comfortable zoom
        self.set_zoom(START_ZOOM_BIG)
        visible = self.visible_rect()
        x = rect.center().x() if rect.width() + 80 <= visible.width() else rect.left() - 40 + visible.width() / 2
        self.show_at(QPointF(x, rect.top() - 40 + visible.height() / 2))
        self.zoom_changed.emit(self.zoom())
        self.overview.refresh()

    def view_state(self) -> tuple[float, QPointF]:
        return self.zoom(), self.visible_rect().center()

    def _document_replaced(self, old, new) -> None:
        """Remember where the view was on the document going away: on the document
        itself, and for a file by its path (opened again, it opens there)."""
        self._stop_edge_scroll()
        if old is not None:
            old.view_state = self.view_state()
            if getattr(old, "path", None):
                self._states[str(old.path)] = old.view_state
        self._rect_timer.start()

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
        if self.scene().is_dragging():
            self._pointer = event.position().toPoint()
            if self._edge_step() != (0, 0):
                if not self._edge_timer.isActive():
                    self._edge_timer.start()
            else:
                self._edge_timer.stop()

    def mouseReleaseEvent(self, event):
        if self._panning is not None:
            self._panning = None
            self.viewport().unsetCursor()
            event.accept()
            return
        self._stop_edge_scroll()
        super().mouseReleaseEvent(event)

    # ------------------------------------------------- edge auto-scroll --

    def _edge_step(self) -> tuple[int, int]:
        """How far to scroll per tick with the pointer where it is: towards the
        edge it is near, faster the nearer it is."""
        if self._pointer is None:
            return 0, 0
        vp = self.viewport().rect()
        p = self._pointer

        def step(low_gap, high_gap):
            if low_gap < EDGE_SCROLL_PX:
                return -max(2, int(EDGE_SCROLL_STEP * (1 - max(low_gap, 0) / EDGE_SCROLL_PX)))
            if high_gap < EDGE_SCROLL_PX:
                return max(2, int(EDGE_SCROLL_STEP * (1 - max(high_gap, 0) / EDGE_SCROLL_PX)))
            return 0

        return step(p.x() - vp.left(), vp.right() - p.x()), step(p.y() - vp.top(), vp.bottom() - p.y())

    def _edge_scroll(self) -> None:
        scene = self.scene()
        dx, dy = self._edge_step()
        if not scene.is_dragging() or (dx, dy) == (0, 0):
            self._stop_edge_scroll()
            return
        zoom = self.zoom()
        visible = self.visible_rect()
        ahead = visible.translated(dx / zoom, dy / zoom)
        if not self.sceneRect().contains(ahead):
            self.setSceneRect(self.sceneRect().united(ahead.adjusted(-200, -200, 200, 200)))
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + dx)
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + dy)
        scene.drag_connection_to(self.mapToScene(self._pointer))

    def _stop_edge_scroll(self) -> None:
        self._edge_timer.stop()
        self._pointer = None

    def contextMenuEvent(self, event):
        """Right-click on a node: the main window offers what can be done to it."""
        nid = self._node_at(event.pos())
        if nid is not None and self.node_menu_requested is not None:
            self.node_menu_requested(nid, event.globalPos())
            event.accept()
            return
        super().contextMenuEvent(event)

    def mouseDoubleClickEvent(self, event):
        item = self.itemAt(event.position().toPoint())
        if item is None:
            scene = self.scene()
            sel = scene.selected_node_ids()
            from gui.quick_add import Attach

            src = Attach(sel[-1]) if len(sel) == 1 else None
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
        self.update_scene_rect()
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
        node = self._node_at(point)
        if node is not None:
            from gui.quick_add import Attach

            self.add_layer_at(type_name, self.mapToScene(point), connect_from=Attach(node))
        else:
            self.add_layer_at(type_name, self.mapToScene(point), self._edge_at(point))

    def _edge_at(self, point):
        for item in self.items(point):
            if isinstance(item, EdgeItem) and item.isVisible():
                return item.edge
        return None

    def _node_at(self, point):
        for item in self.items(point):
            if isinstance(item, NodeItem) and item.isVisible():
                return item.node_id
        return None

    def add_layer_at(self, type_name: str, scene_pos: QPointF, edge=None, connect_from=None):
        """Add a layer; returns its id or None.

        ``edge``: inserted into that connection. ``connect_from``: an
        :class:`~gui.quick_add.Attach` (inserted after that node on its outgoing
        connections, or beside it as a new branch) or a ``(node id, port)`` pair
        (connected from that port, placed at ``scene_pos``). The layers below move
        down to make room, and no layer is placed on top of another.
        """
        scene = self.scene()
        doc = scene.doc
        g = style.GRID
        pos = (round(scene_pos.x() / g) * g, round(scene_pos.y() / g) * g)
        try:
            if edge is not None:
                command = InsertOnEdgeCommand(doc, type_name, edge)
            elif connect_from is not None and hasattr(connect_from, "branch"):
                command = InsertAfterCommand(doc, type_name, connect_from.node, connect_from.port,
                                             branch=connect_from.branch)
            else:
                taken = [self._drawn_pos(nid) for nid in doc.network.nodes]
                pos = free_position(taken, pos, NODE_BOX)
                command = AddNodeCommand(doc, type_name, pos=pos, connect_from=connect_from)
            doc.push(command)
        except NeuroCanvasError as exc:
            self.error.emit(error_text(exc))
            return None
        nid = command.result
        scene.select_nodes([nid])
        self.layer_dropped.emit(nid)
        return nid

    def _drawn_pos(self, nid: str) -> tuple[float, float]:
        p = self.scene().display_pos(nid)
        return p.x(), p.y()


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
