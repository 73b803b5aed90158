"""Health tab: per layer, on one validation batch, the share of dead ReLU
units, saturated sigmoid/tanh outputs, and gradient norms; the numbers can
go onto the canvas as node badges."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from gui.explain.view_base import ExplainView
from gui.i18n import translate

COLUMNS = (QT_TRANSLATE_NOOP("HealthView", "layer"), QT_TRANSLATE_NOOP("HealthView", "type"),
           QT_TRANSLATE_NOOP("HealthView", "activation"),
           QT_TRANSLATE_NOOP("HealthView", "dead units"),
           QT_TRANSLATE_NOOP("HealthView", "saturated"),
           QT_TRANSLATE_NOOP("HealthView", "‖∇ weights‖"),
           QT_TRANSLATE_NOOP("HealthView", "‖∇ output‖"),
           QT_TRANSLATE_NOOP("HealthView", "‖weights‖"))
DEAD_WARNING = 0.5
SATURATED_WARNING = 0.5


def _pct(v) -> str:
    return "" if v is None else f"{v:.0%}"


def _num(v) -> str:
    return "" if v is None else f"{v:.3g}"


class HealthView(ExplainView):
    title = QT_TRANSLATE_NOOP("ExplainWindow", "Health")
    badges_shown = Signal(int)

    def __init__(self, parent=None, scene=None, document=None):
        super().__init__(parent)
        self.scene = scene
        self.document = document  # callable: the editor's current document
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([translate("HealthView", c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.badge_button = QPushButton(self.tr("Show on canvas"))
        self.badge_button.setToolTip(self.tr("Badges on the nodes: dead units or the gradient norm"))
        self.badge_button.setEnabled(False)
        self.refresh_button = QPushButton(self.tr("Measure again"))
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.badge_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.refresh_button.clicked.connect(self.compute)
        self.badge_button.clicked.connect(self.show_badges)
        self.badged: list[str] = []

    def work(self):
        from engine.explain.health import layer_health

        subject = self.subject
        return lambda: layer_health(subject)

    def show_result(self, rows) -> None:
        self.table.setRowCount(len(rows))
        warn = QColor(255, 220, 180)
        for i, r in enumerate(rows):
            cells = (r["layer"], r["type"], r["activation"] or "", _pct(r["dead_fraction"]),
                     _pct(r["saturated_fraction"]), _num(r["grad_norm"]),
                     _num(r["output_grad_norm"]), _num(r["weight_norm"]))
            bad = (r["dead_fraction"] or 0) >= DEAD_WARNING or \
                (r["saturated_fraction"] or 0) >= SATURATED_WARNING
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j >= 3:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                if bad:
                    item.setBackground(warn)
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()
        self.badge_button.setEnabled(self.scene is not None)
        flagged = sum(1 for r in rows if (r["dead_fraction"] or 0) >= DEAD_WARNING
                      or (r["saturated_fraction"] or 0) >= SATURATED_WARNING)
        if flagged:
            text = self.tr("{count} layers measured on one validation batch; {flagged} look "
                           "unhealthy (highlighted).").format(count=len(rows), flagged=flagged)
        else:
            text = self.tr("{count} layers measured on one validation batch.").format(
                count=len(rows))
        self.status.setText(text)

    def show_badges(self) -> int:
        """Put the measured numbers on the canvas nodes of the same names;
        returns how many nodes got a badge."""
        from engine.explain.health import badge_stats
        from gui.training import badges

        if self.scene is None or not self.result:
            return 0
        doc = self.document() if callable(self.document) else None
        ids = {n.name: nid for nid, n in doc.network.nodes.items()} if doc is not None else {}
        shown = 0
        for name, stats in badge_stats(self.result).items():
            item = self.scene.nodes.get(ids.get(name, name))
            if item is None:
                continue
            text, tip, level = badges.badge_for(stats)
            badges.set_badge(item, text, f"{name}: {tip}" if tip else "", level)
            if text:
                shown += 1
                self.badged.append(ids.get(name, name))
        self.status.setText(self.tr("Badges on {count} nodes of the canvas.").format(count=shown))
        self.badges_shown.emit(shown)
        return shown
