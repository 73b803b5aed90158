"""Toolbar buttons that do not move: an action whose text changes (Undo reads
"Undo Add Dense", then "Undo Move") is shown on the toolbar by a twin with a
fixed label, its full text in the tooltip, and every button keeps its width."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolBar, QToolButton


def steady_twin(source: QAction, label: str, parent) -> QAction:
    """A toolbar action labelled ``label`` that triggers ``source`` and follows its
    enabled state; its tooltip is ``source``'s current text."""
    twin = QAction(label, parent)
    twin.setObjectName(f"steady-{label}")

    def follow():
        twin.setEnabled(source.isEnabled())
        twin.setToolTip(source.text().replace("&", "") or label)

    source.changed.connect(follow)
    twin.triggered.connect(lambda _checked=False: source.trigger())
    follow()
    return twin


def fix_widths(toolbar: QToolBar) -> None:
    """Give each button of ``toolbar`` a fixed width (its label's width now)."""
    for action in toolbar.actions():
        button = toolbar.widgetForAction(action)
        if isinstance(button, QToolButton):
            button.setFixedWidth(button.sizeHint().width())
