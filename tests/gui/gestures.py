"""Helpers for the gesture tests: a real-sized window with ResNet-50 scrolled
to its middle, mouse drags in viewport pixels, and overlap checks."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

WINDOW_SIZE = (1400, 900)


def big_window(make_window, preset="resnet50"):
    window = make_window(preset)
    window.resize(*WINDOW_SIZE)
    QApplication.processEvents()  # the first view of the document (show_start)
    return window


def scroll_to_middle(window, zoom=1.0) -> str:
    """Actual size, the view centred on the middle layer; returns that layer's id."""
    net = window.doc.network
    ids = list(net.nodes)
    middle = ids[len(ids) // 2]
    view = window.view
    view.set_zoom(zoom)
    view.show_at(window.scene.nodes[middle].scenePos())
    QApplication.processEvents()
    return middle


def scroll_values(window) -> tuple:
    """The scroll bars' values and the scene point at the viewport's top-left corner
    (a view narrower than the viewport is centred without any scroll bar moving)."""
    view = window.view
    corner = view.mapToScene(0, 0)
    return (view.horizontalScrollBar().value(), view.verticalScrollBar().value(),
            round(corner.x(), 2), round(corner.y(), 2))


def vp_point(window, scene_pos: QPointF) -> QPoint:
    return window.view.mapFromScene(scene_pos)


def drag(window, start: QPoint, end: QPoint, steps=6, release=True, watch=None, via=()):
    """Press at ``start``, move to ``end`` (through the points ``via``) in ``steps``
    moves per leg (and release), in viewport pixels; ``watch()`` is called after
    every step and its results returned."""
    vp = window.view.viewport()
    seen = []
    QTest.mousePress(vp, Qt.LeftButton, Qt.NoModifier, start)
    if watch:
        seen.append(watch())
    here = start
    for there in (*via, end):
        for i in range(1, steps + 1):
            QTest.mouseMove(vp, here + (there - here) * (i / steps))
            if watch:
                seen.append(watch())
        here = there
    if release:
        QTest.mouseRelease(vp, Qt.LeftButton, Qt.NoModifier, end)
        QApplication.processEvents()
        if watch:
            seen.append(watch())
    return seen


def overlapping(scene) -> list[tuple[str, str]]:
    """Pairs of visible nodes (and collapsed boxes) whose drawn rectangles overlap."""
    items = [(getattr(i, "node_id", None) or i.path, i.sceneBoundingRect())
             for i in list(scene.nodes.values()) + list(scene.collapsed_items.values()) if i.isVisible()]
    return [(a, b) for (a, ra), (b, rb) in itertools.combinations(items, 2) if ra.intersects(rb)]
