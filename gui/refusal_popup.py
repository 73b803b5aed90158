"""The refusal popup: when a connection dragged with the mouse is refused, the
reason and the fixes that make it possible appear next to the pointer
("Connect through a Reshape to (64, 1)"); a click on a fix adapts and connects
in one undo step. Escape, a click elsewhere or any edit closes it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout

from engine.quickfix import connection_fixes, moved_connection_fixes
from gui.i18n import tx

MAX_FIXES = 4


class RefusalPopup(QFrame):
    """Lives on a canvas view; follows its scene's ``refused`` signal."""

    def __init__(self, view):
        super().__init__(view)
        self.view = view
        self.fixes: list = []
        self.buttons: list[QPushButton] = []
        self.setObjectName("refusal_popup")
        self.setFrameShape(QFrame.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ToolTipBase)
        self.setForegroundRole(QPalette.ToolTipText)
        self.setMaximumWidth(460)
        box = QVBoxLayout(self)
        box.setContentsMargins(10, 8, 10, 8)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setTextFormat(Qt.RichText)
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Close (Esc)"))
        close.clicked.connect(self.hide)
        top.addWidget(self.title, 1)
        top.addWidget(close, 0, Qt.AlignTop)
        box.addLayout(top)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        box.addWidget(self.reason)
        self.fix_box = QVBoxLayout()
        self.fix_box.setSpacing(3)
        box.addLayout(self.fix_box)
        self.hide()
        view.viewport().installEventFilter(self)
        self._scene = None
        self._doc = None
        self.follow(view.scene())

    def follow(self, scene) -> None:
        if self._scene is scene:
            return
        self._scene = scene
        scene.refused.connect(self.show_refusal)

    # ------------------------------------------------------------- showing --

    def show_refusal(self, src, dst, scene_pos, reason: str) -> None:
        """``src``/``dst`` are (node id, port); ``scene_pos`` is where the drop was."""
        scene = self._scene
        net = scene.net
        (s, sp), (d, dp) = src, dst
        self._clear()
        moving = getattr(scene, "refused_moving", None)  # a picked-up connection was dropped
        if not (s in net.nodes and d in net.nodes):
            self.fixes = []
        elif moving is not None and moving in net.edges:
            self.fixes = moved_connection_fixes(net, moving, s, d, sp, dp)[:MAX_FIXES]
        else:
            self.fixes = connection_fixes(net, s, d, sp, dp)[:MAX_FIXES]
        names = (net.nodes[s].name if s in net.nodes else s, net.nodes[d].name if d in net.nodes else d)
        self.title.setText(self.tr("<b>Cannot connect {source} → {target}</b>").format(
            source=names[0], target=names[1]))
        self.reason.setText(tx(reason))
        for fix in self.fixes:
            button = QPushButton(tx(fix.title))
            button.setObjectName("fix")
            button.setToolTip(self.tr("{fix}: adds what is needed and connects, in one undo step").format(
                fix=tx(fix.title)))
            button.clicked.connect(lambda _=False, f=fix: self.apply(f))
            self.fix_box.addWidget(button)
            self.buttons.append(button)
        if not self.fixes:
            none = QLabel(self.tr("<i>No quick fix makes this connection possible.</i>"))

            self.fix_box.addWidget(none)
        self._watch(scene.doc)
        self._for_doc = scene.doc
        self.adjustSize()
        point = self.view.mapFromScene(scene_pos) + QPoint(16, 12)
        point = self.view.viewport().mapTo(self.view, point)
        x = max(4, min(point.x(), self.view.width() - self.width() - 4))
        y = max(4, min(point.y(), self.view.height() - self.height() - 4))
        self.move(x, y)
        self.show()
        self.raise_()

    def _clear(self) -> None:
        self.buttons = []
        while self.fix_box.count():
            w = self.fix_box.takeAt(0).widget()
            if w is not None:
                w.deleteLater()

    def _watch(self, doc) -> None:
        if self._doc is doc:
            return
        if self._doc is not None:
            self._doc.changed.disconnect(self._doc_changed)
        self._doc = doc
        doc.changed.connect(self._doc_changed)

    def _doc_changed(self, _change) -> None:
        self.hide()  # its fixes were worked out for the network as it was

    # ------------------------------------------------------------- fixing --

    def apply(self, fix) -> bool:
        from gui.fix_badge import apply_fix

        self.hide()
        if self._scene.doc is not getattr(self, "_for_doc", None):
            return False  # another document was opened since: these fixes are not for it
        return apply_fix(self._scene, fix)

    # -------------------------------------------------------------- events --

    def eventFilter(self, obj: QObject, event) -> bool:
        if self.isVisible():
            kind = event.type()
            if kind == QEvent.MouseButtonPress:
                self.hide()
            elif kind == QEvent.KeyPress and event.key() == Qt.Key_Escape:
                self.hide()
                return True
        return False

    def keyPressEvent(self, event):
        if event.key() == Qt.Key_Escape:
            self.hide()
            event.accept()
            return
        super().keyPressEvent(event)


def attach(view) -> RefusalPopup:
    """Give ``view`` a refusal popup (kept as ``view.refusal_popup``)."""
    popup = getattr(view, "refusal_popup", None)
    if popup is None:
        popup = view.refusal_popup = RefusalPopup(view)
    return popup
