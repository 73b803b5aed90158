"""Live badges on the canvas nodes while training: the gradient norm of each
layer, or the share of dead ReLUs, so a layer that stops learning stands out.

A badge is a small child item of the node item (drawn above its top-right
corner), so the node's own painting is untouched and the badge moves with it.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPen
from PySide6.QtWidgets import QGraphicsItem

from gui.canvas import style
from gui.i18n import translate

INFO, WARNING, ERROR = "info", "warning", "error"
DEAD_WARNING = 0.5     # share of zero ReLU outputs that deserves a warning
DEAD_ERROR = 0.9
VANISHING = 1e-7       # a gradient norm below this means the layer no longer learns


class BadgeItem(QGraphicsItem):
    """A rounded label attached to a node item."""

    def __init__(self, parent: QGraphicsItem):
        super().__init__(parent)
        self.text = ""
        self.level = INFO
        self.setZValue(5)
        self.setAcceptedMouseButtons(Qt.NoButton)
        self._rect = QRectF()

    def set(self, text: str, tooltip: str = "", level: str = INFO) -> None:
        self.prepareGeometryChange()
        self.text, self.level = text, level
        self.setToolTip(tooltip)
        font = QFont()
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        self._font = font
        w = QFontMetricsF(font).horizontalAdvance(text) + 10
        h = QFontMetricsF(font).height() + 2
        self._rect = QRectF(-w, -h / 2, w, h)
        self.setPos(style.NODE_WIDTH / 2 - 4, -style.NODE_HEIGHT / 2)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-1, -1, 1, 1)

    def paint(self, painter, option, widget=None):
        if not self.text:
            return
        painter.setRenderHint(painter.RenderHint.Antialiasing)
        colour = {ERROR: style.error_color(), WARNING: style.warning_color()}.get(
            self.level, style.highlight())
        fill = QColor(colour)
        painter.setPen(QPen(colour, 1))
        painter.setBrush(QBrush(fill))
        painter.drawRoundedRect(self._rect, self._rect.height() / 2, self._rect.height() / 2)
        painter.setFont(self._font)
        painter.setPen(QColor("white") if fill.lightness() < 170 else QColor("black"))
        painter.drawText(self._rect, Qt.AlignCenter, self.text)


def set_badge(node_item, text: str, tooltip: str = "", level: str = INFO) -> BadgeItem | None:
    """Show (or with empty ``text`` hide) the training badge of a node item."""
    badge = getattr(node_item, "_training_badge", None)
    if not text:
        if badge is not None:
            badge.setVisible(False)
        return badge
    if badge is None:
        badge = BadgeItem(node_item)
        node_item._training_badge = badge
    badge.set(text, tooltip, level)
    badge.setVisible(True)
    return badge


def badge_of(node_item) -> BadgeItem | None:
    badge = getattr(node_item, "_training_badge", None)
    return badge if badge is not None and badge.isVisible() else None


def _number(value) -> float | None:
    """``value`` as a float; ``None`` for a missing or non-numeric value."""
    if value is None or isinstance(value, (str, bytes)):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _dead(share: float) -> str:
    return translate("Badges", "{share} dead").format(share=f"{share:.0%}")


def badge_for(stats) -> tuple[str, str, str]:
    """``(text, tooltip, level)`` for one layer's ``layer_stats`` entry.

    Any value may be ``None`` (``grad_norm`` is, for a layer whose gradient
    is not available, e.g. before its first batch): a layer with weights and
    no gradient shows "∇ –"; a layer without weights (both norms 0) shows
    only its share of dead outputs, if any; nothing known shows no badge.

    Example:
        >>> badge_for({"grad_norm": 0.0123, "weight_norm": 3.1, "dead_fraction": 0.95})
        ('95% dead', 'gradient norm 0.0123 · weight norm 3.1 · 95% of its outputs are zero', 'error')
        >>> badge_for({"grad_norm": 0.5, "weight_norm": 2.0, "dead_fraction": None})[0]
        '∇ 0.5'
        >>> badge_for({"grad_norm": None, "weight_norm": 2.0, "dead_fraction": None})[0]
        '∇ –'
        >>> badge_for({"grad_norm": None, "weight_norm": None, "dead_fraction": None})
        ('', '', 'info')
    """
    if not isinstance(stats, dict):
        return "", "", INFO
    g = _number(stats.get("grad_norm"))
    wn = _number(stats.get("weight_norm"))
    dead = _number(stats.get("dead_fraction"))
    if dead is not None and not math.isfinite(dead):
        dead = None
    if g == 0.0 and wn == 0.0:  # a layer without weights (an activation): no gradient of its own
        g = wn = None
    parts = []
    if g is not None:
        parts.append(translate("Badges", "gradient norm {value}").format(value=f"{g:.3g}"))
    elif wn is not None:
        parts.append(translate("Badges", "gradient norm not available"))
    if wn is not None:
        parts.append(translate("Badges", "weight norm {value}").format(value=f"{wn:.3g}"))
    if dead is not None:
        parts.append(translate("Badges", "{share} of its outputs are zero").format(share=f"{dead:.0%}"))
    tooltip = " · ".join(parts)
    if dead is not None and dead >= DEAD_WARNING:
        return _dead(dead), tooltip, ERROR if dead >= DEAD_ERROR else WARNING
    if g is not None and (not math.isfinite(g)):
        return translate("Badges", "∇ not finite"), tooltip, ERROR
    if g is not None:
        level = WARNING if g < VANISHING else INFO
        if level == WARNING:
            tooltip = translate("Badges", "{details} · the layer has almost stopped learning").format(
                details=tooltip)
        return f"∇ {g:.2g}", tooltip, level
    if dead is not None:
        return _dead(dead), tooltip, INFO
    if wn is not None:
        return "∇ –", tooltip, INFO
    return "", "", INFO
