"""Fix badges: a small round button on the corner of a node whose diagnostics
have quick fixes. A click applies the fix when there is one, and otherwise
opens a menu of them; each fix is one undo step.

The scene calls :func:`update_badges` with every analysis report; the badge is
a child item of the node, so it moves, hides and goes away with it."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import QGraphicsItem, QMenu

from engine.errors import NeuroCanvasError
from engine.quickfix import fixes_by_diagnostic
from gui.canvas import style
from gui.format_text import error_text
from gui.i18n import translate, tx

RADIUS = 10.0


class FixBadge(QGraphicsItem):
    def __init__(self, node_item):
        super().__init__(node_item)
        self.fixes: list = []
        self.severity = "error"
        self.menu: QMenu | None = None
        self.setZValue(3)
        self.setAcceptedMouseButtons(Qt.LeftButton)
        self.setCursor(Qt.PointingHandCursor)
        self.setPos(style.NODE_WIDTH / 2, -style.NODE_HEIGHT / 2)  # on the corner, clear of the text

    def set_fixes(self, fixes: list, severity: str) -> None:
        self.fixes, self.severity = list(fixes), severity
        first = tx(self.fixes[0].title) if self.fixes else ""
        if len(self.fixes) == 1:
            self.setToolTip(translate("FixBadge", "Quick fix: {fix} (click to apply)").format(fix=first))
        else:
            self.setToolTip(translate("FixBadge", "{count} quick fixes, e.g. {fix} (click to choose)").format(
                count=len(self.fixes), fix=first))
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(-RADIUS - 1, -RADIUS - 1, 2 * RADIUS + 2, 2 * RADIUS + 2)

    def paint(self, painter, option, widget=None):
        painter.setRenderHint(painter.RenderHint.Antialiasing)
        color = style.error_color() if self.severity == "error" else style.warning_color()
        painter.setPen(QPen(QColor("white"), 1.5))
        painter.setBrush(QBrush(color))
        painter.drawEllipse(QPointF(0, 0), RADIUS, RADIUS)
        font = QFont(painter.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        text = "✚" if len(self.fixes) == 1 else str(min(len(self.fixes), 9))
        painter.drawText(self.boundingRect(), Qt.AlignCenter, text)

    def mousePressEvent(self, event):
        event.accept()  # the node under it is neither selected nor dragged

    def mouseReleaseEvent(self, event):
        event.accept()
        if self.boundingRect().contains(event.pos()):
            self.activate(event.screenPos())

    def activate(self, screen_pos=None) -> None:
        """Apply the only fix, or show the menu of fixes at ``screen_pos``."""
        if len(self.fixes) == 1:
            apply_fix(self.scene(), self.fixes[0])
            return
        self.menu = QMenu()
        for fix in self.fixes:
            self.menu.addAction(tx(fix.title), lambda f=fix: apply_fix(self.scene(), f))
        if screen_pos is None:
            view = self.scene().views()[0]
            screen_pos = view.viewport().mapToGlobal(view.mapFromScene(self.scenePos()))
        self.menu.popup(screen_pos)


def apply_fix(scene, fix) -> bool:
    """Push ``fix`` on the scene's document as one undo step."""
    from gui.commands import FunctionCommand

    if scene is None or scene.doc is None:
        return False
    try:
        scene.doc.push(FunctionCommand(scene.doc, tx(fix.title), fix.apply))
    except NeuroCanvasError as exc:
        scene.message.emit(translate("FixBadge", "The fix could not be applied: {reason}").format(
            reason=error_text(exc)))
        return False
    scene.message.emit(translate("MainWindow", "Applied: {fix}").format(fix=tx(fix.title)))

    return True


def update_badges(scene, report) -> None:
    """Give each node whose diagnostics have fixes a badge; take the others away."""
    by_node: dict[str, tuple[list, str]] = {}
    for diagnostic, fixes in fixes_by_diagnostic(scene.net, report).items():
        if diagnostic.node is None:
            continue
        fixes_so_far, severity = by_node.get(diagnostic.node, ([], "warning"))
        by_node[diagnostic.node] = (fixes_so_far + list(fixes),
                                    "error" if diagnostic.is_error else severity)
    for nid, item in scene.nodes.items():
        badge = getattr(item, "fix_badge", None)
        wanted = by_node.get(nid)
        if wanted is None:
            if badge is not None:
                badge.hide()
            continue
        if badge is None:
            badge = item.fix_badge = FixBadge(item)
        badge.set_fixes(*wanted)
        badge.show()


def badge_of(scene, node_id: str) -> FixBadge | None:
    item = scene.nodes.get(node_id)
    badge = getattr(item, "fix_badge", None) if item is not None else None
    return badge if badge is not None and badge.isVisible() else None
